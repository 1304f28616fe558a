//! `blog-export`: turn plain-text Blogger exports into JSON, JSON lines or
//! CSV tables, check them, and count what they hold.

//!
//! This file holds the arguments; each command is in its own file, the
//! output formats in `json.rs` and `csv.rs`.

mod check;
mod csv;
mod files;
mod json;
mod parse;
mod stats;

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::csv::Table;
use crate::parse::Format;

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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (Command::Parse { files, .. } | Command::Check { files } | Command::Stats { files }) =
        &cli.command;
    let (files, mut worst) = files::expand(files);
    let result = match cli.command {
        Command::Parse { format, table, .. } => parse::run(&files, format, table),
        Command::Check { .. } => check::run(&files),
        Command::Stats { .. } => stats::run(&files),
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
