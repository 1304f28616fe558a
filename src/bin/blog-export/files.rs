//! Which files the arguments name, reading them, and running work on each
//! in parallel with the results kept in argument order.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

/// The files the arguments name: files as given, directories walked for
/// `.txt` files in name order. Returns the worst exit code so far (2 if a
/// directory could not be read).
pub fn expand(args: &[PathBuf]) -> (Vec<PathBuf>, u8) {
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
pub struct ReadError(String);

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
pub struct Outcome<T> {
    pub path: PathBuf,
    pub result: Result<T, ReadError>,
}

/// Runs `work` on every file, in parallel, with a progress bar on a
/// terminal when there are many files.
pub fn each_file<T: Send>(
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

/// Reports the outcomes in order: a file that could not be read as a
/// message on stderr (exit code 2), the others through `each`, which
/// returns the file's exit code. Returns the worst.
pub fn in_order<T>(
    outcomes: Vec<Outcome<T>>,
    mut each: impl FnMut(String, T) -> io::Result<u8>,
) -> io::Result<u8> {
    let mut worst = 0;
    for outcome in outcomes {
        match outcome.result {
            Err(ReadError(msg)) => {
                eprintln!("{msg}");
                worst = 2;
            }
            Ok(value) => worst = worst.max(each(outcome.path.display().to_string(), value)?),
        }
    }
    Ok(worst)
}
