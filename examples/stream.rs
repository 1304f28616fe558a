//! Read an export from standard input, post by post, and print how many
//! posts, comments (replies included) and letters it holds. Memory holds
//! one piece of the input at a time (about 1 MB, or the largest post), so
//! any size of input works.
//!
//! ```sh
//! cargo run --release --example stream < seeds/000_34b946ec0d9dcec7.txt
//! ```

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let stdin = std::io::stdin().lock();
    let mut reader = blog_export::PostReader::new(stdin);
    let (mut posts, mut comments, mut letters) = (0usize, 0usize, 0usize);
    for post in reader.by_ref() {
        match post {
            Ok(post) => {
                posts += 1;
                comments += post.comment_count();
                letters += post.letters().count();
            }
            Err(e) => {
                let _ = writeln!(std::io::stderr(), "stdin:{e}");
                return ExitCode::from(1);
            }
        }
    }
    let warnings = reader.diagnostics().len();
    let line =
        format!("{posts} posts, {comments} comments, {letters} letters, {warnings} diagnostics");
    match writeln!(std::io::stdout(), "{line}") {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}
