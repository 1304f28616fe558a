//! The JSON forms of `parse`: one export, or one line per file with a
//! `file` key (an export's keys, or `error`).

use std::io;

use blog_export::{Block, CommentSection, Diagnostic, Export, Post};
use serde::Serialize;

/// A file's export as one JSON line: `file` beside the export's keys.
#[derive(Serialize)]
struct FileLine<'a, 'b> {
    file: &'b str,
    #[serde(flatten)]
    export: &'b Export<'a>,
}

/// A file that could not be read or parsed: its name and the error, in
/// the shape of the parser's errors.
#[derive(Serialize)]
struct FileError<'b, E> {
    file: &'b str,
    error: &'b E,
}

/// An export as one JSON document, or with its file name (a line of JSON
/// lines, or an element of `{"files": [...]}`), indented when `pretty`.
pub fn export(file: &str, export: &Export, with_file: bool, pretty: bool) -> io::Result<Vec<u8>> {
    let bytes = match (with_file, pretty) {
        (true, false) => serde_json::to_vec(&FileLine { file, export }),
        (true, true) => serde_json::to_vec_pretty(&FileLine { file, export }),
        (false, false) => serde_json::to_vec(export),
        (false, true) => serde_json::to_vec_pretty(export),
    };
    bytes.map_err(io::Error::other)
}

/// An input's error as JSON with its file name (`{"file", "error"}`), an
/// element of `{"files": [...]}` or the document of a single input.
pub fn error(file: &str, error: &impl Serialize) -> io::Result<Vec<u8>> {
    serde_json::to_vec(&FileError { file, error }).map_err(io::Error::other)
}

/// A JSON lines record for one post: `record` is `"post"`, `file` and
/// `post` (its 0-based index in the file, as in the tables) name it, then
/// the post's own keys.
#[derive(Serialize)]
struct PostRecord<'a, 'b> {
    record: &'static str,
    file: &'b str,
    #[serde(rename = "post")]
    index: usize,
    #[serde(flatten)]
    post: &'b Post<'a>,
}

/// The JSON lines record that closes a file: `record` is `"file"`, with the
/// number of posts, the preamble, the orphan comments (when any) and all
/// the file's diagnostics.
#[derive(Serialize)]
struct FileRecord<'a, 'b> {
    record: &'static str,
    file: &'b str,
    posts: usize,
    preamble: &'b [Block<'a>],
    #[serde(skip_serializing_if = "Option::is_none")]
    orphan_comments: Option<&'b CommentSection<'a>>,
    diagnostics: &'b [Diagnostic],
}

/// A JSON lines record that says a file could not be parsed: `record` is
/// `"error"`.
#[derive(Serialize)]
struct ErrorRecord<'b, E> {
    record: &'static str,
    file: &'b str,
    error: &'b E,
}

/// Writes one post as a JSON line (with its line feed) at the end of
/// `out` (a buffer reused from post to post grows once, not for each).
pub fn post_line(out: &mut Vec<u8>, file: &str, index: usize, post: &Post) -> io::Result<()> {
    let record = PostRecord {
        record: "post",
        file,
        index,
        post,
    };
    serde_json::to_writer(&mut *out, &record).map_err(io::Error::other)?;
    out.push(b'\n');
    Ok(())
}

/// The closing record of a file as a JSON line.
pub fn file_line(
    file: &str,
    posts: usize,
    preamble: &[Block],
    orphan_comments: Option<&CommentSection>,
    diagnostics: &[Diagnostic],
) -> io::Result<Vec<u8>> {
    line(&FileRecord {
        record: "file",
        file,
        posts,
        preamble,
        orphan_comments,
        diagnostics,
    })
}

/// A file's error as a JSON line.
pub fn error_line(file: &str, error: &impl Serialize) -> io::Result<Vec<u8>> {
    line(&ErrorRecord {
        record: "error",
        file,
        error,
    })
}

/// The records of a whole export: its posts, then its file record.
pub fn export_lines(file: &str, export: &Export) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    for (index, post) in export.posts.iter().enumerate() {
        post_line(&mut out, file, index, post)?;
    }
    out.extend(file_line(
        file,
        export.posts.len(),
        &export.preamble,
        export.orphan_comments.as_ref(),
        &export.diagnostics,
    )?);
    Ok(out)
}

fn line(record: &impl Serialize) -> io::Result<Vec<u8>> {
    let mut out = serde_json::to_vec(record).map_err(io::Error::other)?;
    out.push(b'\n');
    Ok(out)
}
