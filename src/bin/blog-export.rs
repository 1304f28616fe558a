//! `blog-export`: turn plain-text Blogger exports into JSON.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use blog_export::{Error, Export, Severity};
use clap::{Parser, Subcommand};
use rayon::prelude::*;
use serde::Serialize;

/// Turn plain-text exports of Blogger pages into typed JSON.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse files and print JSON: one object for one file, one object per
    /// line (with a `file` key) for several.
    #[command(
        after_help = "Example:\n  blog-export parse seeds/000_34b946ec0d9dcec7.txt > 000.json"
    )]
    Parse {
        /// Export files to parse.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print diagnostics as `FILE:LINE:COL: warning|error: message`.
    /// Exit 0 without errors, 1 with errors, 2 when a file cannot be read.
    #[command(after_help = "Example:\n  blog-export check seeds/*.txt")]
    Check {
        /// Export files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Count posts, comments, replies and letters per file and in total, with bytes
    /// and parse throughput.
    #[command(after_help = "Example:\n  blog-export stats seeds/*.txt")]
    Stats {
        /// Export files to count.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// A file that could not be read as UTF-8 text.
struct ReadError(String);

fn read(path: &Path) -> Result<String, ReadError> {
    let bytes = std::fs::read(path)
        .map_err(|e| ReadError(format!("{}: cannot read: {e}", path.display())))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        ReadError(format!(
            "{}: not UTF-8: invalid byte at offset {offset}",
            path.display()
        ))
    })
}

/// One file's outcome, computed in parallel and reported in input order.
struct Outcome<T> {
    path: PathBuf,
    result: Result<T, ReadError>,
}

fn each_file<T: Send>(
    files: &[PathBuf],
    work: impl Fn(&Path, &str) -> T + Sync + Send,
) -> Vec<Outcome<T>> {
    files
        .par_iter()
        .map(|path| Outcome {
            path: path.clone(),
            result: read(path).map(|text| work(path, &text)),
        })
        .collect()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse { files } => cmd_parse(&files),
        Command::Check { files } => cmd_check(&files),
        Command::Stats { files } => cmd_stats(&files),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("blog-export: {e}");
            ExitCode::from(2)
        }
    }
}

#[derive(Serialize)]
struct FileLine<'a, 'b> {
    file: String,
    #[serde(flatten)]
    export: &'b Export<'a>,
}

#[derive(Serialize)]
struct FileError {
    file: String,
    error: Error,
}

fn cmd_parse(files: &[PathBuf]) -> io::Result<ExitCode> {
    let many = files.len() > 1;
    let outcomes = each_file(files, |path, text| {
        blog_export::parse(text).map(|export| {
            if many {
                serde_json::to_string(&FileLine {
                    file: path.display().to_string(),
                    export: &export,
                })
            } else {
                serde_json::to_string(&export)
            }
        })
    });
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut worst = 0;
    for outcome in outcomes {
        let file = outcome.path.display().to_string();
        match outcome.result {
            Err(ReadError(msg)) => {
                eprintln!("{msg}");
                worst = 2;
            }
            Ok(Err(error)) => {
                eprintln!("{file}:{error}");
                if many {
                    serde_json::to_writer(&mut out, &FileError { file, error })?;
                    writeln!(out)?;
                }
                worst = worst.max(1);
            }
            Ok(Ok(json)) => {
                writeln!(out, "{}", json.map_err(io::Error::other)?)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::from(worst))
}

fn cmd_check(files: &[PathBuf]) -> io::Result<ExitCode> {
    let outcomes = each_file(files, |_, text| match blog_export::parse(text) {
        Ok(export) => Ok(export
            .diagnostics()
            .iter()
            .map(|d| (d.severity, d.to_string()))
            .collect::<Vec<_>>()),
        Err(e) => Err(e),
    });
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut worst = 0;
    for outcome in outcomes {
        let file = outcome.path.display();
        match outcome.result {
            Err(ReadError(msg)) => {
                eprintln!("{msg}");
                worst = 2;
            }
            Ok(Err(error)) => {
                let first = error.to_string();
                let first = first.lines().next().unwrap_or_default();
                writeln!(out, "{file}:{first}")?;
                worst = worst.max(1);
            }
            Ok(Ok(diagnostics)) => {
                for (severity, line) in diagnostics {
                    if severity == Severity::Error {
                        worst = worst.max(1);
                    }
                    writeln!(out, "{file}:{line}")?;
                }
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::from(worst))
}

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

fn cmd_stats(files: &[PathBuf]) -> io::Result<ExitCode> {
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
    let mut worst = 0;
    for outcome in outcomes {
        let file = outcome.path.display().to_string();
        match outcome.result {
            Err(ReadError(msg)) => {
                eprintln!("{msg}");
                worst = 2;
            }
            Ok(Err(error)) => {
                eprintln!("{file}:{error}");
                worst = worst.max(1);
            }
            Ok(Ok(counts)) => {
                writeln!(out, "{}", counts.row(&file))?;
                total.add(counts);
            }
        }
    }
    writeln!(out, "{}", total.row("total"))?;
    out.flush()?;
    Ok(ExitCode::from(worst))
}
