//! `blog-export parse`: files to JSON, JSON lines or a CSV table.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use clap::ValueEnum;

use crate::csv::{self as tables, Table};
use crate::files::{each_file, in_order};
use crate::json;

/// Output formats of `parse`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object for one file; one per line, with a `file` key, for
    /// several.
    Json,
    /// One JSON object per line, each with a `file` key.
    Jsonl,
    /// A CSV table (see `--table`), with a header row.
    Csv,
}

pub fn run(files: &[PathBuf], format: Format, table: Table) -> io::Result<u8> {
    let lines = format == Format::Jsonl || (format == Format::Json && files.len() > 1);
    let outcomes = each_file(files, |path, text| {
        let file = path.display().to_string();
        blog_export::parse(text).map(|export| match format {
            Format::Csv => tables::rows(&file, &export, table),
            Format::Json | Format::Jsonl => json::export(&file, &export, lines),
        })
    });
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if format == Format::Csv {
        out.write_all(&tables::header(table)?)?;
    }
    let worst = in_order(outcomes, |file, result| match result {
        Err(error) => {
            eprintln!("{file}:{error}");
            if lines {
                out.write_all(&json::error(&file, &error)?)?;
                writeln!(out)?;
            }
            Ok(1)
        }
        Ok(bytes) => {
            out.write_all(&bytes?)?;
            if format != Format::Csv {
                writeln!(out)?;
            }
            Ok(0)
        }
    })?;
    out.flush()?;
    Ok(worst)
}
