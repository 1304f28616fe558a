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

/// An export as one JSON document, or with its file name (a line of JSON
/// lines, or an element of `{"files": [...]}`), indented when `pretty`.
pub fn export(file: &str, export: &Export, with_file: bool, pretty: bool) -> io::Result<Vec<u8>> {
    let bytes = match (with_file, pretty) {
        (true, false) => serde_json::to_vec(&FileLine { file, export }),
        (true, true) => serde_json::to_vec_pretty(&FileLine { file, export }),
        (false, false) => serde_json::to_vec(export),
        (false, true) => serde_json::to_vec_pretty(export),
    };
    bytes.map_err(io::Error::other)
}

/// A parse error as one JSON line with its file name.
pub fn error(file: &str, error: &Error) -> io::Result<Vec<u8>> {
    serde_json::to_vec(&FileError { file, error }).map_err(io::Error::other)
}
