//! The native part of the Python package `blog_export`: a thin layer over
//! the `blog-export` crate. Parsing runs with the interpreter detached (no
//! GIL); documents leave as the crate's JSON (which `json.loads` turns into
//! dicts in one C pass), tables as columns built here, one list per column.

use std::path::PathBuf;

use blog_export::table::{CommentRow, LetterRow, PostRow};
use blog_export::{Archive, Error, Export, Language, Limit, ParseOptions, Post};
use pyo3::create_exception;
use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use rayon::prelude::*;

create_exception!(
    blog_export,
    ParseError,
    PyValueError,
    "An input that cannot be parsed (not UTF-8, no date header, empty, a limit...): `kind`, `line`, `column`, `offset` and `message` say where and why, `file` which input."
);

/// A crate error as a `ParseError` with `kind`, `line`, `column`,
/// `offset`, `message` and `file`; a limit's message names the keyword
/// that sets it.
fn parse_error(py: Python<'_>, error: Error, file: Option<&str>) -> PyErr {
    let error = match error.limit() {
        Some(Limit::InputBytes) => error.with_setting("max_size"),
        Some(Limit::LineBytes) => error.with_setting("max_line_bytes"),
        Some(Limit::Posts) => error.with_setting("max_posts"),
        _ => error,
    };
    let text = match file {
        Some(file) => format!("{file}:{error}"),
        None => error.to_string(),
    };
    let err = ParseError::new_err(text);
    let value = err.value(py);
    let _ = value.setattr("kind", error.kind().as_str());
    let _ = value.setattr("line", error.line());
    let _ = value.setattr("column", error.column());
    let _ = value.setattr("offset", error.offset());
    let _ = value.setattr("message", error.message());
    let _ = value.setattr("file", file);
    err
}

/// Reads a file as UTF-8 text; a missing file is `FileNotFoundError`
/// naming the path, bytes that are not UTF-8 a `ParseError` with their
/// offset.
fn read(path: &PathBuf) -> Result<String, ReadError> {
    let name = || path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| ReadError::Io(e, name()))?;
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8(e.utf8_error().valid_up_to(), name()))
}

/// An input that could not be read, with its path.
enum ReadError {
    Io(std::io::Error, String),
    /// Not UTF-8 from this byte offset on.
    NotUtf8(usize, String),
}

impl ReadError {
    fn into_py(self, py: Python<'_>) -> PyErr {
        match self {
            ReadError::Io(e, path) => {
                let errno = e.raw_os_error().unwrap_or(0);
                match e.kind() {
                    std::io::ErrorKind::NotFound => {
                        PyFileNotFoundError::new_err((errno, e.to_string(), path))
                    }
                    _ => PyOSError::new_err((errno, e.to_string(), path)),
                }
            }
            ReadError::NotUtf8(offset, path) => {
                let message = format!("not UTF-8: invalid byte at offset {offset}");
                let err = ParseError::new_err(format!("{path}: {message}"));
                let value = err.value(py);
                let _ = value.setattr("kind", "read");
                let _ = value.setattr("line", py.None());
                let _ = value.setattr("column", py.None());
                let _ = value.setattr("offset", offset);
                let _ = value.setattr("message", message);
                let _ = value.setattr("file", path);
                err
            }
        }
    }
}

/// The parse settings the package's functions take as keywords, handed
/// over as one dict (`blog_export._options` builds it).
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
struct Options {
    strict: bool,
    max_size: Option<usize>,
    max_line_bytes: Option<usize>,
    max_posts: Option<usize>,
    language: Option<String>,
    drafts: bool,
    pages: bool,
}

impl Options {
    /// The crate's settings; an unknown `language` is a `ValueError`.
    fn parse_options(&self) -> PyResult<ParseOptions> {
        let mut o = if self.strict {
            ParseOptions::strict()
        } else {
            ParseOptions::default()
        }
        .with_drafts(self.drafts)
        .with_pages(self.pages);
        if let Some(n) = self.max_size {
            o = o.with_max_input_bytes(n);
        }
        if let Some(n) = self.max_line_bytes {
            o = o.with_max_line_bytes(n);
        }
        if let Some(n) = self.max_posts {
            o = o.with_max_posts(n);
        }
        if let Some(code) = &self.language {
            let Some(language) = Language::from_code(code) else {
                let known: Vec<&str> = Language::all().map(|l| l.code()).collect();
                return Err(PyValueError::new_err(format!(
                    "`{code}` is not a language the parser knows ({})",
                    known.join(", ")
                )));
            };
            o = o.with_language(language);
        }
        Ok(o)
    }
}

/// The crate's JSON for `text` (what `blog-export parse` prints).
#[pyfunction]
fn parse_json(py: Python<'_>, text: String, options: Options) -> PyResult<Py<PyBytes>> {
    let options = options.parse_options()?;
    let json = py.detach(|| {
        blog_export::parse_any_with(&text, &options)
            .map(|export| serde_json::to_vec(&export).unwrap_or_default())
    });
    match json {
        Ok(bytes) => Ok(PyBytes::new(py, &bytes).unbind()),
        Err(e) => Err(parse_error(py, e, None)),
    }
}

/// The crate's JSON for the file at `path`.
#[pyfunction]
fn parse_file_json(py: Python<'_>, path: PathBuf, options: Options) -> PyResult<Py<PyBytes>> {
    let name = path.display().to_string();
    let options = options.parse_options()?;
    let json = py.detach(|| {
        read(&path).map(|text| {
            blog_export::parse_any_with(&text, &options)
                .map(|export| serde_json::to_vec(&export).unwrap_or_default())
        })
    });
    match json {
        Ok(Ok(bytes)) => Ok(PyBytes::new(py, &bytes).unbind()),
        Ok(Err(e)) => Err(parse_error(py, e, Some(&name))),
        Err(e) => Err(e.into_py(py)),
    }
}

/// A row's value as its column holds it (`&str` as `String`, counts as
/// `i64`, `None` as null).
trait Cell<T> {
    fn cell(self) -> T;
}

impl Cell<String> for &str {
    fn cell(self) -> String {
        self.to_string()
    }
}

impl Cell<String> for String {
    fn cell(self) -> String {
        self
    }
}

impl Cell<i64> for usize {
    fn cell(self) -> i64 {
        self as i64
    }
}

impl Cell<i64> for u32 {
    fn cell(self) -> i64 {
        self.into()
    }
}

impl Cell<Option<String>> for Option<&str> {
    fn cell(self) -> Option<String> {
        self.map(str::to_string)
    }
}

impl Cell<Option<String>> for Option<String> {
    fn cell(self) -> Option<String> {
        self
    }
}

impl Cell<Option<i64>> for Option<u32> {
    fn cell(self) -> Option<i64> {
        self.map(i64::from)
    }
}

/// Declares a table's columns, one list per field of the crate's row type
/// (`blog_export::table`, which also gives the CLI's CSV rows): appending a
/// row, another file's rows, and the table as a dict of Python lists. A
/// column the row lacks does not compile; the Python tests compare the
/// columns with the CSV header.
macro_rules! table {
    ($(#[$doc:meta])* $name:ident for $row:ident { $($column:ident: $ty:ty),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Default)]
        struct $name {
            $($column: Vec<$ty>,)*
        }

        impl $name {
            fn push(&mut self, row: $row<'_>) {
                $(self.$column.push(Cell::cell(row.$column));)*
            }

            fn extend(&mut self, other: Self) {
                $(self.$column.extend(other.$column);)*
            }

            fn into_dict(self, py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
                let dict = PyDict::new(py);
                $(dict.set_item(stringify!($column), PyList::new(py, self.$column)?)?;)*
                Ok(dict)
            }
        }
    };
}

table!(
    /// One row per post.
    PostColumns for PostRow {
        file: String,
        post: i64,
        post_id: String,
        line: i64,
        date: Option<String>,
        weekday: Option<String>,
        title: Option<String>,
        paragraphs: i64,
        letters: i64,
        declared: Option<i64>,
        comments: i64,
        published: Option<String>,
        author: Option<String>,
        labels: Option<String>,
        url: Option<String>,
    }
);

table!(
    /// One row per comment or reply.
    CommentColumns for CommentRow {
        file: String,
        post: i64,
        post_id: String,
        number: i64,
        parent: Option<i64>,
        line: i64,
        author: Option<String>,
        signature: Option<String>,
        posted: Option<String>,
        posted_date: Option<String>,
        posted_time: Option<String>,
        text: String,
    }
);

table!(
    /// One row per quoted letter.
    LetterColumns for LetterRow {
        file: String,
        post: i64,
        post_id: String,
        letter: i64,
        line: i64,
        sent: Option<String>,
        sent_raw: Option<String>,
        headers: Option<String>,
        salutation: Option<String>,
        subject: Option<String>,
        valediction: Option<String>,
        signer: Option<String>,
        roles: Option<String>,
    }
);

/// The rows of the three tables, column by column.
#[derive(Default)]
struct Columns {
    posts: PostColumns,
    comments: CommentColumns,
    letters: LetterColumns,
}

/// The tables' names and their columns, in order.
const TABLES: [(&str, &[&str]); 3] = [
    ("posts", PostRow::COLUMNS),
    ("comments", CommentRow::COLUMNS),
    ("letters", LetterRow::COLUMNS),
];

impl Columns {
    /// Appends the rows of one file's export.
    fn add(&mut self, file: &str, export: &Export) {
        for (index, post) in export.posts.iter().enumerate() {
            self.add_post(file, index, post);
        }
    }

    /// Appends the rows of `post`, the `index`-th of `file`.
    fn add_post(&mut self, file: &str, index: usize, post: &Post) {
        let row = PostRow::new(file, index, post);
        let key = (file, index, row.post_id.as_str());
        for comment in CommentRow::of_post(key, post) {
            self.comments.push(comment);
        }
        for letter in LetterRow::of_post(key, post) {
            self.letters.push(letter);
        }
        self.posts.push(row);
    }

    /// Appends another file's rows (kept in input order).
    fn extend(&mut self, other: Columns) {
        self.posts.extend(other.posts);
        self.comments.extend(other.comments);
        self.letters.extend(other.letters);
    }

    /// The three tables as dicts of Python lists.
    fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
        let out = PyDict::new(py);
        out.set_item("posts", self.posts.into_dict(py)?)?;
        out.set_item("comments", self.comments.into_dict(py)?)?;
        out.set_item("letters", self.letters.into_dict(py)?)?;
        Ok(out)
    }
}

/// What one file gives for the tables.
enum FileRows {
    Rows(Box<Columns>),
    /// With `dedupe`: the file's distinct posts, folded into the others'.
    Posts(Box<Archive>),
    Unread(ReadError),
    Unparsed(Error, String),
}

/// The columns of the `posts`, `comments` and `letters` tables of the
/// files at `paths` (parsed in parallel, without the GIL), as
/// `{"posts": {column: list}, ...}`.
#[pyfunction]
#[pyo3(signature = (paths, options, dedupe = false))]
fn table_columns<'py>(
    py: Python<'py>,
    paths: Vec<PathBuf>,
    options: Options,
    dedupe: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let options = options.parse_options()?;
    let files: Vec<FileRows> = py.detach(|| {
        paths
            .par_iter()
            .map(|path| {
                let name = path.display().to_string();
                let text = match read(path) {
                    Ok(text) => text,
                    Err(e) => return FileRows::Unread(e),
                };
                match blog_export::parse_any_with(&text, &options) {
                    Ok(export) if dedupe => {
                        let mut one = Archive::new();
                        one.add(&name, export);
                        FileRows::Posts(Box::new(one))
                    }
                    Ok(export) => {
                        let mut columns = Columns::default();
                        columns.add(&name, &export);
                        FileRows::Rows(Box::new(columns))
                    }
                    Err(e) => FileRows::Unparsed(e, name),
                }
            })
            .collect()
    });
    let mut all = Columns::default();
    let mut archive = Archive::new();
    for file in files {
        match file {
            FileRows::Rows(columns) => all.extend(*columns),
            FileRows::Posts(one) => archive.absorb(*one),
            FileRows::Unread(e) => return Err(e.into_py(py)),
            FileRows::Unparsed(e, name) => return Err(parse_error(py, e, Some(&name))),
        }
    }
    // One row per distinct post: `file` is its kept body's, `post` its
    // index among the distinct posts.
    for (k, p) in archive.posts().iter().enumerate() {
        all.add_post(&p.body_source.file, k, &p.post);
    }
    all.into_py(py)
}

/// The native module.
/// Writes the HTML report (`blog-export view`) of the files at `paths`
/// (parsed in parallel, without the GIL) to the file `out`.
#[pyfunction]
fn write_view(py: Python<'_>, paths: Vec<PathBuf>, out: PathBuf, options: Options) -> PyResult<()> {
    let options = options.parse_options()?;
    let texts = py.detach(|| paths.par_iter().map(read).collect::<Vec<_>>());
    let mut read_texts = Vec::with_capacity(texts.len());
    for text in texts {
        read_texts.push(text.map_err(|e| e.into_py(py))?);
    }
    let exports = py.detach(|| {
        read_texts
            .par_iter()
            .map(|text| blog_export::parse_any_with(text, &options))
            .collect::<Vec<_>>()
    });
    let mut report = blog_export::view::Report::new();
    for ((path, text), export) in paths.iter().zip(&read_texts).zip(&exports) {
        let name = path.display().to_string();
        match export {
            Ok(export) => report.add(name, text, export),
            Err(e) => return Err(parse_error(py, e.clone(), Some(&name))),
        };
    }
    py.detach(|| {
        let file = std::fs::File::create(&out)?;
        let mut writer = std::io::BufWriter::new(file);
        report.write_to(&mut writer)?;
        std::io::Write::flush(&mut writer)
    })
    .map_err(|e| {
        let errno = e.raw_os_error().unwrap_or(0);
        PyOSError::new_err((errno, e.to_string(), out.display().to_string()))
    })
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse_json, m)?)?;
    m.add_function(wrap_pyfunction!(parse_file_json, m)?)?;
    m.add_function(wrap_pyfunction!(table_columns, m)?)?;
    m.add_function(wrap_pyfunction!(write_view, m)?)?;
    m.add("ParseError", m.py().get_type::<ParseError>())?;
    let tables = PyDict::new(m.py());
    for (name, columns) in TABLES {
        tables.set_item(name, PyList::new(m.py(), columns)?)?;
    }
    m.add("TABLES", tables)?;
    Ok(())
}
