//! `blog-export parse`: inputs to JSON, JSON lines or a CSV table.

use std::fs::File;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::PathBuf;

use blog_export::{ErrorKind, Export, FeedReader, Post, PostReader};
use clap::ValueEnum;

use crate::csv::{self as tables, Table};
use crate::files::{each_file, output, Input};
use crate::json;
use crate::limits::{named, Limits};
use crate::report::{fail, strict_line, warn};

/// Output formats of `parse`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON document: one input's object, or `{"files": [...]}` (each
    /// object with a `file` key) for several.
    Json,
    /// JSON lines: one record per post (`"record": "post"`, with `file`
    /// and `post`, its index), then one per input (`"record": "file"`: post count,
    /// preamble, diagnostics), or `"record": "error"`. Written as it goes.
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
    pub limits: Limits,
}

/// One input's outcome, rendered in a worker.
enum Rendered {
    /// The input's output.
    Bytes(Vec<u8>),
    /// The input has no post (or another parse error).
    Failed(blog_export::Error),
    /// `--strict`: the input's diagnostics, as lines to show, and the
    /// error that the first of them makes.
    Refused(Vec<String>, blog_export::Error),
}

pub fn run(inputs: &[Input], o: &Options) -> io::Result<()> {
    // Large: a streamed file's lines are written in few calls.
    let mut out = BufWriter::with_capacity(1 << 18, output(o.output.as_deref())?);
    let several = inputs.len() != 1;
    let wrapped = o.format == Format::Json && several;
    if o.format == Format::Csv {
        out.write_all(&tables::header(o.table)?)?;
    }
    if wrapped {
        out.write_all(b"{\"files\":[")?;
    }
    // JSON lines and CSV are written as they come: standard input and large
    // files post by post, runs of other files a few at a time in parallel.
    // (`--format json` is one document, and `--strict` must see a whole
    // input before it writes any of it.)
    let stream = o.format != Format::Json && !o.strict;
    let mut first = true;
    let mut i = 0;
    while i < inputs.len() {
        if stream && is_large(&inputs[i]) {
            stream_one(&inputs[i], o, &mut out)?;
            i += 1;
            continue;
        }
        let run = inputs[i..]
            .iter()
            .take_while(|input| !(stream && is_large(input)))
            .count();
        in_memory(&inputs[i..i + run], o, several, &mut first, &mut out)?;
        i += run;
    }
    if wrapped {
        out.write_all(b"]}\n")?;
    }
    out.flush()
}

/// Inputs that are streamed post by post: standard input, and files over
/// 16 MB.
fn is_large(input: &Input) -> bool {
    match input {
        Input::Stdin => true,
        Input::File(path) => std::fs::metadata(path).is_ok_and(|m| m.len() > 16 << 20),
        Input::Unreadable(..) => false,
    }
}

/// Parses inputs whole (a few at a time, in parallel) and writes each
/// one's output in order.
fn in_memory(
    inputs: &[Input],
    o: &Options,
    several: bool,
    first: &mut bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let wrapped = o.format == Format::Json && several;
    let options = o.limits.options(false);
    let strict = o.limits.options(true);
    each_file(
        inputs,
        o.limits.max_size,
        |input, text| match blog_export::parse_any_with(text, &options) {
            Err(error) => Ok(Rendered::Failed(named(error))),
            Ok(export) if o.strict && !export.diagnostics.is_empty() => {
                let lines = export
                    .diagnostics
                    .iter()
                    .map(|d| format!("{}:{}", input.name(), strict_line(d)))
                    .collect();
                // The strict parse fails at the first diagnostic.
                match blog_export::parse_any_with(text, &strict) {
                    Err(error) => Ok(Rendered::Refused(lines, named(error))),
                    Ok(_) => render(&input.name(), &export, o, several).map(Rendered::Bytes),
                }
            }
            Ok(export) => render(&input.name(), &export, o, several).map(Rendered::Bytes),
        },
        |input, result| {
            let name = input.name();
            // A failed input's error stands where its result would have
            // (in JSON and JSON lines; CSV has no place for it).
            let record = match result {
                Err(unread) => {
                    unread.report(&name);
                    error_record(&name, &unread, o.format)?
                }
                Ok(Err(e)) => return Err(e),
                Ok(Ok(Rendered::Refused(diagnostics, error))) => {
                    for line in diagnostics {
                        warn(line);
                    }
                    fail(1);
                    error_record(&name, &error, o.format)?
                }
                Ok(Ok(Rendered::Failed(error))) => {
                    warn(format_args!("{name}:{error}"));
                    fail(1);
                    error_record(&name, &error, o.format)?
                }
                Ok(Ok(Rendered::Bytes(bytes))) => Some(bytes),
            };
            let Some(record) = record else {
                return Ok(());
            };
            if wrapped && !std::mem::take(first) {
                out.write_all(b",")?;
            }
            out.write_all(&record)?;
            if o.format == Format::Json && !wrapped {
                writeln!(out)?;
            }
            Ok(())
        },
    )?;
    Ok(())
}

/// An input's error as its output records: `{"file", "error"}` in JSON,
/// a `"record": "error"` line in JSON lines, nothing in CSV.
fn error_record(
    name: &str,
    error: &impl serde::Serialize,
    format: Format,
) -> io::Result<Option<Vec<u8>>> {
    Ok(match format {
        Format::Json => Some(json::error(name, error)?),
        Format::Jsonl => Some(json::error_line(name, error)?),
        Format::Csv => None,
    })
}

/// Streams one input post by post (JSON lines or CSV): a text page with
/// [`PostReader`], one of Blogger's export files with [`FeedReader`]
/// (standard input that holds an export file is read whole first, since
/// the reader seeks).
fn stream_one(input: &Input, o: &Options, out: &mut impl Write) -> io::Result<()> {
    let name = input.name();
    let reader: Box<dyn io::Read> = match input {
        Input::Stdin => Box::new(io::stdin().lock()),
        Input::File(path) => match File::open(path) {
            Ok(file) => Box::new(file),
            Err(e) => {
                warn(format_args!("{name}: cannot read: {e}"));
                fail(2);
                return Ok(());
            }
        },
        // Never streamed (see `is_large`): read, it fails in its place.
        Input::Unreadable(..) => {
            return in_memory(std::slice::from_ref(input), o, true, &mut false, out)
        }
    };
    let mut reader = io::BufReader::with_capacity(1 << 16, reader);
    let head = reader.fill_buf().map(|b| b[..b.len().min(256)].to_vec());
    if head.is_ok_and(|h| blog_export::is_feed(&String::from_utf8_lossy(&h))) {
        let feed = match input {
            // Read twice through (the reader's two passes) in few calls.
            Input::File(path) => {
                File::open(path).map(|f| Feed::File(io::BufReader::with_capacity(1 << 18, f)))
            }
            _ => {
                let mut all = Vec::new();
                reader
                    .read_to_end(&mut all)
                    .map(|_| Feed::Memory(io::Cursor::new(all)))
            }
        };
        let feed = match feed {
            Ok(feed) => feed,
            Err(e) => {
                warn(format_args!("{name}: cannot read: {e}"));
                fail(2);
                return Ok(());
            }
        };
        let mut posts = match FeedReader::with_options(feed, o.limits.options(false)) {
            Ok(posts) => posts,
            Err(error) => return failed(&name, o, out, error),
        };
        if let Some(count) = write_posts(&name, o, out, posts.by_ref())? {
            if o.format == Format::Jsonl {
                out.write_all(&json::file_line(
                    &name,
                    count,
                    &[],
                    None,
                    posts.diagnostics(),
                )?)?;
            }
        }
        return Ok(());
    }
    let mut posts = PostReader::with_options(reader, o.limits.options(false));
    if let Some(count) = write_posts(&name, o, out, posts.by_ref())? {
        if o.format == Format::Jsonl {
            out.write_all(&json::file_line(
                &name,
                count,
                posts.preamble(),
                posts.orphan_comments(),
                posts.diagnostics(),
            )?)?;
        }
    }
    Ok(())
}

/// A seekable export file: a file, or standard input read whole.
enum Feed {
    File(io::BufReader<File>),
    Memory(io::Cursor<Vec<u8>>),
}

impl io::Read for Feed {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Feed::File(f) => f.read(buf),
            Feed::Memory(m) => m.read(buf),
        }
    }
}

impl BufRead for Feed {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match self {
            Feed::File(f) => f.fill_buf(),
            Feed::Memory(m) => m.fill_buf(),
        }
    }

    fn consume(&mut self, amt: usize) {
        match self {
            Feed::File(f) => f.consume(amt),
            Feed::Memory(m) => m.consume(amt),
        }
    }
}

impl io::Seek for Feed {
    fn seek(&mut self, pos: io::SeekFrom) -> io::Result<u64> {
        match self {
            Feed::File(f) => f.seek(pos),
            Feed::Memory(m) => m.seek(pos),
        }
    }

    // A file's reader keeps its buffer on a short seek forward.
    fn seek_relative(&mut self, offset: i64) -> io::Result<()> {
        match self {
            Feed::File(f) => f.seek_relative(offset),
            Feed::Memory(m) => m.seek_relative(offset),
        }
    }
}

/// Writes each post's line or rows as it comes; the number written, or
/// `None` when a post failed (reported here).
fn write_posts<'p>(
    name: &str,
    o: &Options,
    out: &mut impl Write,
    posts: impl Iterator<Item = Result<Post<'p>, blog_export::Error>>,
) -> io::Result<Option<usize>> {
    let mut count = 0;
    // A post's JSON line, in one buffer for all posts.
    let mut line = Vec::new();
    for post in posts {
        match post {
            Ok(post) => {
                match o.format {
                    Format::Csv => {
                        out.write_all(&tables::post_rows(name, count, &post, o.table)?)?
                    }
                    _ => {
                        line.clear();
                        json::post_line(&mut line, name, count, &post)?;
                        out.write_all(&line)?;
                    }
                }
                count += 1;
            }
            Err(error) => {
                failed(name, o, out, error)?;
                return Ok(None);
            }
        }
    }
    Ok(Some(count))
}

/// Reports a failed input in its place (JSON lines) and on standard error.
fn failed(
    name: &str,
    o: &Options,
    out: &mut impl Write,
    error: blog_export::Error,
) -> io::Result<()> {
    let error = named(error);
    warn(format_args!("{name}:{error}"));
    if o.format == Format::Jsonl {
        out.write_all(&json::error_line(name, &error)?)?;
    }
    fail(if error.kind() == &ErrorKind::Read {
        2
    } else {
        1
    });
    Ok(())
}

/// An input's output in the asked format.
fn render(name: &str, export: &Export, o: &Options, several: bool) -> io::Result<Vec<u8>> {
    match o.format {
        Format::Csv => tables::rows(name, export, o.table),
        Format::Jsonl => json::export_lines(name, export),
        Format::Json => json::export(name, export, several, o.pretty),
    }
}
