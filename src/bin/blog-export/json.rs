//! The JSON forms of `parse`: one export, or one line per file with a
//! `file` key (an export's keys, or `error`).

use std::io;

use blog_export::{Error, Export};
use serde::Serialize;

/// A file's export as one JSON line: `file` beside the export's keys.
#[derive(Serialize)]
struct FileLine<'a, 'b> {
    file: &'b str,
    #[serde(flatten)]
    export: &'b Export<'a>,
}

/// A file that did not parse, as one JSON line.
#[derive(Serialize)]
struct FileError<'b> {
    file: &'b str,
    error: &'b Error,
}

/// An export as one JSON document, or as one line with its file name.
pub fn export(file: &str, export: &Export, with_file: bool) -> io::Result<Vec<u8>> {
    let bytes = if with_file {
        serde_json::to_vec(&FileLine { file, export })
    } else {
        serde_json::to_vec(export)
    };
    bytes.map_err(io::Error::other)
}

/// A parse error as one JSON line with its file name.
pub fn error(file: &str, error: &Error) -> io::Result<Vec<u8>> {
    serde_json::to_vec(&FileError { file, error }).map_err(io::Error::other)
}
