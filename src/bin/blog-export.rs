//! `blog-export`: turn plain-text Blogger exports into JSON, JSON lines or
//! CSV tables, check them, and count what they hold.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use blog_export::{Block, Comment, Error, Export, Letter, Post, Severity};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;

/// Turn plain-text exports of Blogger pages into JSON or CSV.
///
/// FILE arguments may be directories: their `.txt` files are read,
/// recursively, in name order. Files are parsed in parallel; output keeps
/// the order of the arguments.
#[derive(Parser)]
#[command(version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse files and print them as JSON (one object for one file, one
    /// object per line with a `file` key for several), JSON lines, or a CSV
    /// table.
    #[command(after_help = "Examples:
  blog-export parse seeds/000_34b946ec0d9dcec7.txt > 000.json
  blog-export parse --format jsonl seeds/ > all.jsonl
  blog-export parse --format csv --table comments seeds/ > comments.csv
  blog-export parse --format csv --table posts archive/ > posts.csv")]
    Parse {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// The table to write with `--format csv`.
        #[arg(long, value_enum, default_value_t = Table::Comments)]
        table: Table,
        /// Export files, or directories of them.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print diagnostics as `FILE:LINE:COL: warning|error: message`.
    /// Exit 0 without errors, 1 with errors, 2 when a file cannot be read.
    #[command(after_help = "Example:
  blog-export check seeds/")]
    Check {
        /// Export files, or directories of them.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Count posts, comments, replies and letters per file and in total,
    /// with bytes and parse throughput.
    #[command(after_help = "Example:
  blog-export stats seeds/*.txt")]
    Stats {
        /// Export files, or directories of them.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// Output formats of `parse`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON object for one file; one per line, with a `file` key, for
    /// several.
    Json,
    /// One JSON object per line, each with a `file` key.
    Jsonl,
    /// A CSV table (see `--table`), with a header row.
    Csv,
}

/// The CSV tables.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Table {
    /// One row per post.
    Posts,
    /// One row per comment or reply.
    Comments,
    /// One row per quoted letter.
    Letters,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (Command::Parse { files, .. } | Command::Check { files } | Command::Stats { files }) =
        &cli.command;
    let (files, mut worst) = expand(files);
    let result = match cli.command {
        Command::Parse { format, table, .. } => cmd_parse(&files, format, table),
        Command::Check { .. } => cmd_check(&files),
        Command::Stats { .. } => cmd_stats(&files),
    };
    match result {
        Ok(code) => {
            worst = worst.max(code);
            ExitCode::from(worst)
        }
        // The reader went away (`| head`): nothing left to say.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(worst),
        Err(e) => {
            eprintln!("blog-export: {e}");
            ExitCode::from(2)
        }
    }
}

/// The files the arguments name: files as given, directories walked for
/// `.txt` files in name order. Returns the worst exit code so far (2 if a
/// directory could not be read).
fn expand(args: &[PathBuf]) -> (Vec<PathBuf>, u8) {
    let mut files = Vec::new();
    let mut worst = 0;
    for arg in args {
        if !arg.is_dir() {
            files.push(arg.clone());
            continue;
        }
        for entry in walkdir::WalkDir::new(arg).sort_by_file_name() {
            match entry {
                Ok(e)
                    if e.file_type().is_file()
                        && e.path().extension().is_some_and(|x| x == "txt") =>
                {
                    files.push(e.into_path());
                }
                Ok(_) => {}
                Err(e) => {
                    eprintln!("{}: cannot read: {e}", arg.display());
                    worst = 2;
                }
            }
        }
    }
    (files, worst)
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

/// Runs `work` on every file, in parallel, with a progress bar on a
/// terminal when there are many files.
fn each_file<T: Send>(
    files: &[PathBuf],
    work: impl Fn(&Path, &str) -> T + Sync + Send,
) -> Vec<Outcome<T>> {
    let bar = if files.len() >= 10 && io::stderr().is_terminal() {
        let bar = ProgressBar::new(files.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let outcomes = files
        .par_iter()
        .map(|path| {
            let outcome = Outcome {
                path: path.clone(),
                result: read(path).map(|text| work(path, &text)),
            };
            bar.inc(1);
            outcome
        })
        .collect();
    bar.finish_and_clear();
    outcomes
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

fn cmd_parse(files: &[PathBuf], format: Format, table: Table) -> io::Result<u8> {
    let lines = format == Format::Jsonl || (format == Format::Json && files.len() > 1);
    let outcomes = each_file(files, |path, text| {
        let file = path.display().to_string();
        blog_export::parse(text).map(|export| match format {
            Format::Csv => csv_rows(&file, &export, table),
            Format::Json | Format::Jsonl if lines => serde_json::to_vec(&FileLine {
                file,
                export: &export,
            })
            .map_err(io::Error::other),
            Format::Json | Format::Jsonl => serde_json::to_vec(&export).map_err(io::Error::other),
        })
    });
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if format == Format::Csv {
        out.write_all(&csv_header(table)?)?;
    }
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
                if lines {
                    serde_json::to_writer(&mut out, &FileError { file, error })?;
                    writeln!(out)?;
                }
                worst = worst.max(1);
            }
            Ok(Ok(bytes)) => {
                out.write_all(&bytes?)?;
                if format != Format::Csv {
                    writeln!(out)?;
                }
            }
        }
    }
    out.flush()?;
    Ok(worst)
}

/// The header row of a CSV table.
fn csv_header(table: Table) -> io::Result<Vec<u8>> {
    let header: &[&str] = match table {
        Table::Posts => &[
            "file",
            "line",
            "date",
            "weekday",
            "title",
            "paragraphs",
            "letters",
            "comments_declared",
            "comments_listed",
        ],
        Table::Comments => &[
            "file",
            "line",
            "post_date",
            "post_title",
            "number",
            "parent_number",
            "signature_or_author",
            "text",
        ],
        Table::Letters => &[
            "file",
            "line",
            "post_date",
            "post_title",
            "sent",
            "salutation",
            "subject",
            "valediction",
            "signer",
            "roles",
        ],
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header)?;
    w.into_inner().map_err(|e| io::Error::other(e.to_string()))
}

/// The rows of one file's table, without a header.
fn csv_rows(file: &str, export: &Export, table: Table) -> io::Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    for post in &export.posts {
        let date = post.date.to_string();
        let title = post.title.as_deref().unwrap_or("");
        match table {
            Table::Posts => w.serialize((
                file,
                post.header_span.line,
                &date,
                post.weekday_name().unwrap_or_default(),
                title,
                post.body
                    .iter()
                    .filter(|b| matches!(b, Block::Paragraph(_)))
                    .count(),
                post.letters().count(),
                post.comments.as_ref().and_then(|s| s.declared),
                post.comment_count(),
            ))?,
            Table::Comments => {
                for comment in post.comments.iter().flat_map(|s| &s.items) {
                    w.serialize(comment_row(file, post, &date, comment, None))?;
                    for reply in &comment.replies {
                        w.serialize(comment_row(file, post, &date, reply, Some(comment.number)))?;
                    }
                }
            }
            Table::Letters => {
                for letter in post.letters() {
                    w.serialize(letter_row(file, &date, title, letter))?;
                }
            }
        }
    }
    w.into_inner().map_err(|e| io::Error::other(e.to_string()))
}

type CommentRow<'r> = (
    &'r str,
    u32,
    &'r str,
    &'r str,
    u32,
    Option<u32>,
    &'r str,
    String,
);

fn comment_row<'r>(
    file: &'r str,
    post: &'r Post,
    date: &'r str,
    comment: &'r Comment,
    parent: Option<u32>,
) -> CommentRow<'r> {
    let by = comment
        .signature
        .as_ref()
        .or(comment.author.as_ref())
        .map_or("", |p| &p.text);
    let text = comment
        .paragraphs
        .iter()
        .map(|p| &*p.text)
        .collect::<Vec<_>>()
        .join("\n\n");
    (
        file,
        comment.span.line,
        date,
        post.title.as_deref().unwrap_or(""),
        comment.number,
        parent,
        by,
        text,
    )
}

type LetterRow<'r> = (
    &'r str,
    u32,
    &'r str,
    &'r str,
    Option<String>,
    &'r str,
    &'r str,
    &'r str,
    &'r str,
    String,
);

fn letter_row<'r>(
    file: &'r str,
    date: &'r str,
    title: &'r str,
    letter: &'r Letter,
) -> LetterRow<'r> {
    let signature = letter.signature.as_ref();
    (
        file,
        letter.span.line,
        date,
        title,
        letter.sent.as_ref().map(|s| s.at.to_string()),
        &letter.salutation.text,
        letter.subject.as_ref().map_or("", |s| &s.text),
        letter.valediction.as_ref().map_or("", |v| &v.text),
        signature.map_or("", |s| &s.name.text),
        signature.map_or(String::new(), |s| {
            s.roles
                .iter()
                .map(|r| &*r.text)
                .collect::<Vec<_>>()
                .join("; ")
        }),
    )
}

fn cmd_check(files: &[PathBuf]) -> io::Result<u8> {
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
    Ok(worst)
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

fn cmd_stats(files: &[PathBuf]) -> io::Result<u8> {
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
    Ok(worst)
}
