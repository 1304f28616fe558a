//! Which inputs the arguments name, reading them, and running work on each
//! in parallel with the results reported in argument order.

use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;

use crate::report::{fail, shown, warn};

/// One input: a regular file, standard input (`-`), or an argument that
/// names nothing readable, kept in its place so that its error stands
/// where its result would have.
pub enum Input {
    /// Standard input.
    Stdin,
    /// A regular file.
    File(PathBuf),
    /// An argument that cannot be read (missing, a device, a directory
    /// with no file to read), with its name as shown.
    Unreadable(String, ReadError),
}

impl Input {
    /// The input's name as shown in messages and output (`-` for standard
    /// input), control characters escaped.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::File(path) => shown(&path.display().to_string()),
            Input::Unreadable(name, _) => name.clone(),
        }
    }
}

/// The inputs the arguments name: `-` for standard input, regular files as
/// given, directories walked (following symbolic links) for files whose
/// name ends in `.txt`, `.xml` or `.atom` in any case, in name order. Anything else (a FIFO,
/// a socket, a device, a directory with no such file) is an
/// [`Input::Unreadable`] in its place: reading it fails.
pub fn expand(args: &[PathBuf]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let name = shown(&arg.display().to_string());
        let metadata = match std::fs::metadata(arg) {
            Ok(m) => m,
            Err(e) => {
                inputs.push(Input::Unreadable(
                    name,
                    ReadError::read(format!("cannot read: {e}")),
                ));
                continue;
            }
        };
        if metadata.is_file() {
            inputs.push(Input::File(arg.clone()));
        } else if metadata.is_dir() {
            let before = inputs.len();
            walk(arg, &mut inputs);
            if inputs.len() == before {
                inputs.push(Input::Unreadable(
                    name,
                    ReadError::read("no .txt, .xml or .atom file in this directory (blog-export reads saved pages, .txt, and Blogger's export files, .xml and .atom, in any case)".into()),
                ));
            }
        } else {
            let why = format!(
                "not a regular file ({}); blog-export reads regular files, directories of them, or standard input given as -",
                kind(&metadata)
            );
            inputs.push(Input::Unreadable(name, ReadError::read(why)));
        }
    }
    inputs
}

/// The `.txt`, `.xml` and `.atom` files under a directory, following links, in name order.
fn walk(dir: &Path, inputs: &mut Vec<Input>) {
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
    {
        match entry {
            Ok(e) if e.file_type().is_file() && is_read(e.path()) => {
                inputs.push(Input::File(e.into_path()));
            }
            Ok(_) => {}
            Err(e) => {
                let name = shown(&e.path().unwrap_or(dir).display().to_string());
                inputs.push(Input::Unreadable(
                    name,
                    ReadError::read(format!("cannot read: {e}")),
                ));
            }
        }
    }
}

fn is_read(path: &Path) -> bool {
    path.extension().is_some_and(|x| {
        ["txt", "xml", "atom"]
            .iter()
            .any(|e| x.eq_ignore_ascii_case(e))
    })
}

/// What kind of file that is not a regular one.
fn kind(metadata: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = metadata.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
    }
    let _ = metadata;
    "not a file"
}

/// Why an input could not be read as UTF-8 text. In JSON it has the shape
/// of the parser's errors (`kind`, `message`, `line`, `column`,
/// `offset`): `kind` is `read` (missing, unreadable, not UTF-8) or `limit`
/// (over `--max-size`); `line` and `column` are null.
#[derive(Clone, Serialize)]
pub struct ReadError {
    kind: &'static str,
    message: String,
    line: Option<u32>,
    column: Option<u32>,
    offset: Option<u64>,
}

impl ReadError {
    fn read(message: String) -> Self {
        ReadError {
            kind: "read",
            message,
            line: None,
            column: None,
            offset: None,
        }
    }

    /// What went wrong.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Says so on standard error (`NAME: message`), and notes the exit
    /// code of an unreadable input (2).
    pub fn report(&self, name: &str) {
        warn(format_args!("{name}: {}", self.message));
        fail(2);
    }
}

/// What an input gave: its value, or, reported on standard error with its
/// exit code, why it gave none (unreadable: 2; not parsed: 1).
pub fn reported<T>(
    name: &str,
    result: Result<Result<T, blog_export::Error>, ReadError>,
) -> Option<T> {
    match result {
        Err(unread) => {
            unread.report(name);
            None
        }
        Ok(Err(error)) => {
            warn(format_args!("{name}:{error}"));
            fail(1);
            None
        }
        Ok(Ok(value)) => Some(value),
    }
}

/// Where a command writes: the file `-o` names (created or emptied), or
/// standard output.
pub fn output(path: Option<&Path>) -> io::Result<Box<dyn Write>> {
    Ok(match path {
        Some(path) => Box::new(File::create(path).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("cannot write {}: {e}", shown(&path.display().to_string())),
            )
        })?),
        None => Box::new(io::stdout().lock()),
    })
}

/// Reads an input whole, refusing one larger than `max_size` bytes before
/// reading it.
pub fn read(input: &Input, max_size: u64) -> Result<String, ReadError> {
    let too_big = |size: u64| ReadError {
        kind: "limit",
        message: format!("{size} bytes or more, over the limit of {max_size} (--max-size)"),
        offset: Some(max_size),
        ..ReadError::read(String::new())
    };
    let mut bytes = Vec::new();
    let result = match input {
        Input::Unreadable(_, error) => return Err(error.clone()),
        Input::Stdin => io::stdin()
            .lock()
            .take(max_size + 1)
            .read_to_end(&mut bytes)
            .map(drop),
        Input::File(path) => {
            let file =
                File::open(path).map_err(|e| ReadError::read(format!("cannot read: {e}")))?;
            let len = file.metadata().map_or(0, |m| m.len());
            if len > max_size {
                return Err(too_big(len));
            }
            match read_parallel(&file, len) {
                Some(read) => read.map(|whole| bytes = whole),
                None => {
                    bytes.reserve(len as usize);
                    file.take(max_size + 1).read_to_end(&mut bytes).map(drop)
                }
            }
        }
    };
    result.map_err(|e| ReadError::read(format!("cannot read: {e}")))?;
    if bytes.len() as u64 > max_size {
        return Err(too_big(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        ReadError {
            offset: Some(offset as u64),
            ..ReadError::read(format!("not UTF-8: invalid byte at offset {offset}"))
        }
    })
}

/// A large regular file read in pieces on all cores (the copy from the page
/// cache and the first touch of each page are the slow part), or `None` for
/// a small file or where positioned reads do not exist.
fn read_parallel(file: &File, len: u64) -> Option<io::Result<Vec<u8>>> {
    const PIECE: usize = 4 << 20;
    #[cfg(unix)]
    if len > 2 * PIECE as u64 {
        use std::os::unix::fs::FileExt;
        let mut bytes = vec![0; usize::try_from(len).ok()?];
        let read = bytes
            .par_chunks_mut(PIECE)
            .enumerate()
            .try_for_each(|(i, piece)| file.read_exact_at(piece, (i * PIECE) as u64));
        return Some(read.map(|()| bytes));
    }
    let _ = (file, len);
    None
}

/// Runs `work` on every input, a few at a time in parallel, and hands the
/// results to `emit` in input order as soon as each is ready, so output
/// starts at once and memory holds a few files, not all of them. A progress
/// bar shows on a terminal when there are many inputs.
pub fn each_file<T: Send>(
    inputs: &[Input],
    max_size: u64,
    work: impl Fn(&Input, &str) -> T + Sync + Send,
    mut emit: impl FnMut(&Input, Result<T, ReadError>) -> io::Result<()>,
) -> io::Result<()> {
    let bar = if inputs.len() >= 10 && io::stderr().is_terminal() {
        let bar = ProgressBar::new(inputs.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let window = 2 * rayon::current_num_threads().max(1);
    for batch in inputs.chunks(window) {
        let results: Vec<_> = batch
            .par_iter()
            .map(|input| read(input, max_size).map(|text| work(input, &text)))
            .collect();
        for (input, result) in batch.iter().zip(results) {
            emit(input, result)?;
            bar.inc(1);
        }
    }
    bar.finish_and_clear();
    Ok(())
}
