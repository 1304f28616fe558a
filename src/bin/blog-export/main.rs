//! `blog-export`: turn plain-text Blogger exports into JSON, JSON lines or
//! CSV tables, check them, and count what they hold.
//!
//! This file holds the arguments; each command is in its own file, the
//! output formats in `json.rs` and `csv.rs`.

mod check;
mod corpus;
mod csv;
mod files;
mod json;
mod limits;
mod parse;
mod report;
mod stats;
mod view;

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand};

use crate::report::warn;

use crate::csv::Table;
use crate::parse::Format;

/// Turn plain-text exports of Blogger pages into JSON or CSV.
///
/// INPUT arguments are files, directories or `-` (standard input). A
/// directory is read recursively, following symbolic links, for the files
/// whose name ends in `.txt` (in any case: `.TXT` too), in name order; a
/// directory with none is an error. Only regular files are read: a FIFO, a
/// socket or a device is refused. Files are parsed in parallel on all
/// cores (see `--threads`); output keeps the order of the arguments.
#[derive(Parser)]
#[command(version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// What every command reads, and how.
#[derive(Args)]
struct Inputs {
    /// Export files, directories of them, or `-` for standard input.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Worker threads (default, or 0: all cores).
    #[arg(short = 'j', long = "threads", value_name = "N")]
    threads: Option<usize>,
    /// Refuse inputs larger than this (bytes, or with a K, M or G suffix:
    /// 500M, 2G). The default bounds the memory one input may take.
    #[arg(long, value_name = "SIZE", default_value = "1G", value_parser = parse_size)]
    max_size: u64,
    /// Refuse inputs with a line longer than this (bytes, or with a K, M or
    /// G suffix). Real pages have lines of a few kilobytes; the default
    /// stops a file with no line breaks (a binary, a minified page).
    #[arg(long, value_name = "SIZE", default_value = "16M", value_parser = parse_size)]
    max_line_bytes: u64,
    /// Refuse inputs with more posts than this. The default bounds the
    /// memory of an input made of tiny posts.
    #[arg(long, value_name = "N", default_value_t = 1_000_000)]
    max_posts: usize,
    /// Read every input as a page of this language's Blogger template
    /// (en, es, pt, fr, de, it, nl, ca, sv, id, pl) instead of finding each
    /// page's language from its date and comment headers.
    #[arg(long = "lang", value_name = "CODE", value_parser = parse_language)]
    language: Option<blog_export::Language>,
    /// In Blogger's XML export files: also read drafts (skipped by
    /// default).
    #[arg(long)]
    drafts: bool,
    /// In Blogger's XML export files: also read static pages (skipped by
    /// default).
    #[arg(long)]
    pages: bool,
}

/// A language code the parser knows.
fn parse_language(code: &str) -> Result<blog_export::Language, String> {
    blog_export::Language::from_code(code).ok_or_else(|| {
        let known: Vec<&str> = blog_export::Language::all().map(|l| l.code()).collect();
        format!(
            "`{code}` is not a language the parser knows ({})",
            known.join(", ")
        )
    })
}

impl Inputs {
    fn limits(&self) -> limits::Limits {
        limits::Limits {
            max_size: self.max_size,
            max_line_bytes: self.max_line_bytes,
            max_posts: self.max_posts,
            language: self.language,
            drafts: self.drafts,
            pages: self.pages,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Parse inputs and print them as JSON (one document: one input's
    /// object, or `{"files": [...]}` for several), JSON lines, or a CSV
    /// table.
    #[command(after_help = "Examples:
  blog-export parse seeds/000_34b946ec0d9dcec7.txt > 000.json
  blog-export parse --format jsonl seeds/ > all.jsonl
  blog-export parse --format csv --table comments seeds/ > comments.csv
  blog-export parse --format csv --table posts archive/ -o posts.csv
  cat page.txt | blog-export parse --pretty -")]
    Parse {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// The table to write with `--format csv`.
        #[arg(long, value_enum, default_value_t = Table::Comments)]
        table: Table,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Indented JSON (only with `--format json`: JSON lines are one
        /// record a line, and CSV has no indentation).
        #[arg(long)]
        pretty: bool,
        /// An input with any diagnostic fails (exit 1): all its
        /// diagnostics are listed on standard error, and it gives no output.
        #[arg(long)]
        strict: bool,
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Print diagnostics as `FILE:LINE:COL: warning|error: message`.
    /// Exit 0 without errors, 1 with errors (with `--strict`, with any
    /// diagnostic), 2 when an input cannot be read.
    #[command(after_help = "Example:
  blog-export check seeds/
  blog-export check --strict archive/")]
    Check {
        /// Exit 1 on any diagnostic, warnings included.
        #[arg(long)]
        strict: bool,
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Count posts, comments, replies and letters per input and in total,
    /// with bytes and parse throughput.
    #[command(after_help = "Example:
  blog-export stats seeds/*.txt
  blog-export stats -j 1 big-export.txt")]
    Stats {
        #[command(flatten)]
        inputs: Inputs,
    },
    /// One self-contained HTML report of all inputs, to see what the
    /// parser read: a summary per file and in total, each post with its
    /// letters, comment threads and diagnostics, and the source text with
    /// every element marked. It opens from disk and makes no network
    /// request; posts are drawn as they scroll into view.
    #[command(after_help = "Examples:
  blog-export view seeds/ -o report.html
  blog-export view page.txt blog-01-01-2024.xml -o report.html")]
    View {
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        inputs: Inputs,
    },
    /// One record per distinct post across all inputs (a blog saved page
    /// by page shows a post on its own page, home pages, archives and
    /// label pages): each post once, by its `post_id`, with its `sources`
    /// (file and line of every appearance), the fullest body and every
    /// comment any appearance shows. Posts that share an id but whose
    /// bodies differ stay apart and are named under `conflicts`.
    #[command(after_help = "Examples:
  blog-export corpus saved-blog/ > posts.json
  blog-export corpus --format csv --table comments saved-blog/ > comments.csv")]
    Corpus {
        /// Output format: JSON `{"posts": [...], "conflicts": [...]}`, JSON
        /// lines, or a CSV table (`file` is the source of a post's kept
        /// body, whose lines `line` counts; `post` its index in the corpus).
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// The table to write with `--format csv`.
        #[arg(long, value_enum, default_value_t = Table::Posts)]
        table: Table,
        #[command(flatten)]
        inputs: Inputs,
    },
}

/// `1234`, `500K`, `500M`, `2G` (powers of 1024).
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => text.split_at(i),
        None => (text, ""),
    };
    let shift = match unit
        .to_ascii_uppercase()
        .trim_end_matches("IB")
        .trim_end_matches('B')
    {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        "T" => 40,
        _ => return Err(format!("`{unit}` is not a size unit (use K, M or G)")),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("`{text}` is not a size (1234, 500K, 500M, 2G)"))?;
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("`{text}` is too large"))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // `--help` and `--version` go to standard output, mistakes to
            // standard error; neither may panic if it cannot be written.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    if let Command::Parse {
        format,
        pretty: true,
        ..
    } = &cli.command
    {
        if *format != Format::Json {
            let _ = Cli::command()
                .error(
                    clap::error::ErrorKind::ArgumentConflict,
                    "--pretty indents JSON: it has no meaning with --format jsonl or csv",
                )
                .print();
            return ExitCode::from(2);
        }
    }
    let (Command::Parse { inputs, .. }
    | Command::Check { inputs, .. }
    | Command::Stats { inputs }
    | Command::View { inputs, .. }
    | Command::Corpus { inputs, .. }) = &cli.command;
    if let Some(n) = inputs.threads {
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
        {
            warn(format_args!("blog-export: cannot start {n} threads: {e}"));
            return ExitCode::from(2);
        }
    }
    let list = files::expand(&inputs.inputs);
    let limits = inputs.limits();
    let result = match &cli.command {
        Command::Parse {
            format,
            table,
            output,
            pretty,
            strict,
            ..
        } => parse::run(
            &list,
            &parse::Options {
                format: *format,
                table: *table,
                output: output.clone(),
                pretty: *pretty,
                strict: *strict,
                limits,
            },
        ),
        Command::Check { strict, .. } => check::run(&list, *strict, &limits),
        Command::Stats { .. } => stats::run(&list, &limits),
        Command::View { output, .. } => view::run(&list, output.as_deref(), &limits),
        Command::Corpus { format, table, .. } => corpus::run(&list, *format, *table, &limits),
    };
    match result {
        Ok(()) => {}
        // The reader went away (`| head`): nothing left to say; the exit
        // code is what the inputs read so far earned.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            warn(format_args!("blog-export: {e}"));
            report::fail(2);
        }
    }
    let code = report::exit_code();
    if report::stderr_failed() {
        return ExitCode::from(2);
    }
    ExitCode::from(code)
}
