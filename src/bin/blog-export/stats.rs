//! `blog-export stats`: posts, comments, replies and letters per file and
//! in total, with bytes and parse throughput.

use std::io::{self, BufWriter, Write};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::files::{each_file, reported, Input};
use crate::limits::{named, Limits};

#[derive(Default, Clone, Copy)]
struct Counts {
    counts: blog_export::Counts,
    bytes: usize,
    time: Duration,
}

impl Counts {
    /// The counts of one export of `bytes` bytes, parsed in `time`.
    fn of(export: &blog_export::Export, bytes: usize, time: Duration) -> Self {
        Counts {
            counts: export.counts(),
            bytes,
            time,
        }
    }

    fn add(&mut self, other: Counts) {
        self.counts.add(other.counts);
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
            self.counts.posts,
            self.counts.comments,
            self.counts.replies,
            self.counts.letters,
            self.bytes
        )
    }
}

pub fn run(inputs: &[Input], limits: &Limits) -> io::Result<()> {
    let options = limits.options(false);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    writeln!(out, "file\tposts\tcomments\treplies\tletters\tbytes\tMB/s")?;
    let mut total = Counts::default();
    each_file(
        inputs,
        limits.max_size,
        |_, text| {
            let start = Instant::now();
            let parsed = blog_export::parse_any_with(text, &options).map_err(named);
            let time = start.elapsed();
            parsed.map(|export| {
                let counts = Counts::of(&export, text.len(), time);
                // A large tree is freed on all cores, not one.
                export.posts.into_par_iter().for_each(drop);
                counts
            })
        },
        |input, result| {
            let name = input.name();
            if let Some(counts) = reported(&name, result) {
                writeln!(out, "{}", counts.row(&name))?;
                total.add(counts);
            }
            Ok(())
        },
    )?;
    writeln!(out, "{}", total.row("total"))?;
    out.flush()?;
    Ok(())
}
