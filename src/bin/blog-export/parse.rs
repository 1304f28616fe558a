//! `blog-export parse`: inputs to JSON, JSON lines or a CSV table.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use blog_export::{Export, ParseOptions};
use clap::ValueEnum;

use crate::csv::{self as tables, Table};
use crate::files::{each_file, Input, ReadError};
use crate::json;
use crate::report::{shown, warn};

/// Output formats of `parse`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON document: one input's object, or `{"files": [...]}` (each
    /// object with a `file` key) for several.
    Json,
    /// One JSON object per line, each with a `file` key.
    Jsonl,
    /// A CSV table (see `--table`), with a header row.
    Csv,
}

/// What `parse` was asked for.
pub struct Options {
    pub format: Format,
    pub table: Table,
    pub output: Option<PathBuf>,
    pub pretty: bool,
    pub strict: bool,
    pub max_size: u64,
}

/// One input's outcome, rendered in a worker.
enum Rendered {
    /// The input's output.
    Bytes(Vec<u8>),
    /// The input has no post (or another parse error).
    Failed(blog_export::Error),
    /// `--strict`: the input's diagnostics, as lines to show.
    Refused(Vec<String>),
}

pub fn run(inputs: &[Input], o: &Options) -> io::Result<u8> {
    let sink: Box<dyn Write> = match &o.output {
        Some(path) => Box::new(File::create(path).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("cannot write {}: {e}", shown(&path.display().to_string())),
            )
        })?),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    let several = inputs.len() != 1;
    let lines = o.format == Format::Jsonl;
    let wrapped = o.format == Format::Json && several;
    if o.format == Format::Csv {
        out.write_all(&tables::header(o.table)?)?;
    }
    if wrapped {
        out.write_all(b"{\"files\":[")?;
    }
    let options = ParseOptions::default()
        .with_max_input_bytes(usize::try_from(o.max_size).unwrap_or(usize::MAX));
    let mut worst = 0;
    let mut first = true;
    each_file(
        inputs,
        o.max_size,
        |input, text| match blog_export::parse_with(text, &options) {
            Err(error) => Ok(Rendered::Failed(error)),
            Ok(export) if o.strict && !export.diagnostics().is_empty() => Ok(Rendered::Refused(
                export
                    .diagnostics()
                    .iter()
                    .map(|d| format!("{}:{}", input.name(), strict_line(d)))
                    .collect(),
            )),
            Ok(export) => render(&input.name(), &export, o, several).map(Rendered::Bytes),
        },
        |input, result| {
            let name = input.name();
            let record = match result {
                Err(ReadError(msg)) => {
                    warn(msg);
                    worst = 2;
                    return Ok(());
                }
                Ok(Err(e)) => return Err(e),
                Ok(Ok(Rendered::Refused(diagnostics))) => {
                    for line in diagnostics {
                        warn(line);
                    }
                    worst = worst.max(1);
                    return Ok(());
                }
                Ok(Ok(Rendered::Failed(error))) => {
                    warn(format_args!("{name}:{error}"));
                    worst = worst.max(1);
                    if !(lines || wrapped) {
                        return Ok(());
                    }
                    json::error(&name, &error)?
                }
                Ok(Ok(Rendered::Bytes(bytes))) => bytes,
            };
            if wrapped && !std::mem::take(&mut first) {
                out.write_all(b",")?;
            }
            out.write_all(&record)?;
            if o.format != Format::Csv && !wrapped {
                writeln!(out)?;
            }
            Ok(())
        },
    )?;
    if wrapped {
        out.write_all(b"]}\n")?;
    }
    out.flush()?;
    Ok(worst)
}

/// An input's output in the asked format.
fn render(name: &str, export: &Export, o: &Options, several: bool) -> io::Result<Vec<u8>> {
    match o.format {
        Format::Csv => tables::rows(name, export, o.table),
        Format::Jsonl => json::export(name, export, true, false),
        Format::Json => json::export(name, export, several, o.pretty),
    }
}

/// A diagnostic as `--strict` lists it: an error.
fn strict_line(d: &blog_export::Diagnostic) -> String {
    format!("{}:{}: error: {}", d.span.line, d.span.column, d.message)
}
