//! `blog-export stats`: posts, comments, replies and letters per file and
//! in total, with bytes and parse throughput.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::files::{each_file, in_order};

#[derive(Default, Clone, Copy)]
struct Counts {
    posts: usize,
    comments: usize,
    replies: usize,
    letters: usize,
    bytes: usize,
    time: Duration,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.posts += other.posts;
        self.comments += other.comments;
        self.replies += other.replies;
        self.letters += other.letters;
        self.bytes += other.bytes;
        self.time += other.time;
    }

    fn row(&self, name: &str) -> String {
        let secs = self.time.as_secs_f64();
        let mbps = if secs > 0.0 {
            self.bytes as f64 / 1e6 / secs
        } else {
            0.0
        };
        format!(
            "{name}\t{}\t{}\t{}\t{}\t{}\t{mbps:.1}",
            self.posts, self.comments, self.replies, self.letters, self.bytes
        )
    }
}

pub fn run(files: &[PathBuf]) -> io::Result<u8> {
    let outcomes = each_file(files, |_, text| {
        let start = Instant::now();
        let parsed = blog_export::parse(text);
        let time = start.elapsed();
        parsed.map(|export| {
            let mut counts = Counts {
                posts: export.posts.len(),
                letters: export.posts.iter().map(|p| p.letters().count()).sum(),
                bytes: text.len(),
                time,
                ..Counts::default()
            };
            for section in export.posts.iter().filter_map(|p| p.comments.as_ref()) {
                counts.comments += section.items.len();
                counts.replies += section.items.iter().map(|c| c.replies.len()).sum::<usize>();
            }
            counts
        })
    });
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    writeln!(out, "file\tposts\tcomments\treplies\tletters\tbytes\tMB/s")?;
    let mut total = Counts::default();
    let worst = in_order(outcomes, |file, result| match result {
        Err(error) => {
            eprintln!("{file}:{error}");
            Ok(1)
        }
        Ok(counts) => {
            writeln!(out, "{}", counts.row(&file))?;
            total.add(counts);
            Ok(0)
        }
    })?;
    writeln!(out, "{}", total.row("total"))?;
    out.flush()?;
    Ok(worst)
}
