//! The error a parse can fail with.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::span::LineIndex;

/// Why a parse failed, with the line and column to look at.
///
/// `Display` shows the message, then the offending line with a caret under
/// the column:
///
/// ```
/// let err = blog_export::parse("\n  just some text\n").unwrap_err();
/// assert_eq!(err.kind(), &blog_export::ErrorKind::NoDateHeader);
/// assert_eq!((err.line(), err.column()), (2, 3));
/// assert_eq!(
///     err.to_string(),
///     "2:3: error: no date header (a line like `Friday 25 July 2014`) in the input\n  |\n2 |   just some text\n  |   ^"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{inner}")]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    message: String,
    line: u32,
    column: u32,
    source_line: String,
}

/// What went wrong.
///
/// ```
/// let err = blog_export::parse("").unwrap_err();
/// assert_eq!(err.kind(), &blog_export::ErrorKind::Empty);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is empty or holds only white space.
    Empty,
    /// The input has text but no date header, so no post.
    NoDateHeader,
    /// In strict mode, a diagnostic of this kind was found.
    Strict(DiagnosticKind),
    /// A date header stands behind a character the parser does not read
    /// as a line break: a carriage return (U+000D) with no line feed, as
    /// files with old Mac line endings have. The file is refused rather
    /// than read as one post.
    HiddenHeader,
    /// A stream could not be read: an I/O error, or bytes that are not
    /// UTF-8 (see [`PostReader`](crate::PostReader)).
    Read,
    /// A limit of [`ParseOptions`](crate::ParseOptions) was exceeded: the
    /// input's size, a line's length or the number of posts.
    Limit,
    /// The grammar could not place the input. The grammar accepts every
    /// string, so this means a bug in the crate: please report it.
    Grammar,
}

impl Error {
    pub(crate) fn at(
        index: &LineIndex<'_>,
        offset: usize,
        kind: ErrorKind,
        message: String,
    ) -> Self {
        let (line, column) = index.line_col(offset);
        let mut error = Self::placed(kind, message, line, column);
        error.inner.source_line = index.line_text(line).to_owned();
        error
    }

    /// An error at a known line and column (where the input is not at
    /// hand to find them: a stream), with no source line to show.
    pub(crate) fn placed(kind: ErrorKind, message: String, line: u32, column: u32) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                message,
                line,
                column,
                source_line: String::new(),
            }),
        }
    }

    /// The same error, `lines` further down (for a piece of a stream).
    pub(crate) fn shifted(mut self, lines: u32) -> Self {
        self.inner.line += lines;
        self
    }

    /// The input holds only white space.
    pub(crate) fn empty(index: &LineIndex<'_>) -> Self {
        Self::at(index, 0, ErrorKind::Empty, "the input is empty".into())
    }

    /// The input has text (from `offset`) but no date header.
    pub(crate) fn no_date_header(index: &LineIndex<'_>, offset: usize) -> Self {
        Self::at(
            index,
            offset,
            ErrorKind::NoDateHeader,
            "no date header (a line like `Friday 25 July 2014`) in the input".into(),
        )
    }

    /// The input has no post because its only headers are invalid: the
    /// first diagnostic that says why.
    pub(crate) fn no_valid_header(index: &LineIndex<'_>, why: &Diagnostic) -> Self {
        Self::at(
            index,
            why.span.start,
            ErrorKind::NoDateHeader,
            format!("no valid date header: {}", why.message),
        )
    }

    /// A date header behind a lone carriage return: the file's line
    /// endings need converting.
    pub(crate) fn header_behind_cr(index: &LineIndex<'_>, offset: usize) -> Self {
        Self::at(
            index,
            offset,
            ErrorKind::HiddenHeader,
            "a date header follows a carriage return (U+000D) with no line feed, which this parser does not read as a line break; convert the file's line endings to line feeds (U+000A)".into(),
        )
    }

    /// A limit of [`ParseOptions`](crate::ParseOptions) exceeded at `offset`.
    pub(crate) fn limit(index: &LineIndex<'_>, offset: usize, message: String) -> Self {
        Self::at(index, offset, ErrorKind::Limit, message)
    }

    /// In strict mode: the first diagnostic, as an error.
    pub(crate) fn strict(index: &LineIndex<'_>, d: &Diagnostic) -> Self {
        Self::at(
            index,
            d.span.start,
            ErrorKind::Strict(d.kind),
            d.message.clone(),
        )
    }

    /// A bug in the crate: the grammar or the builder met what it cannot
    /// place (`what`, in words, never a rule name).
    pub(crate) fn internal(index: &LineIndex<'_>, offset: usize, what: &str) -> Self {
        Self::at(
            index,
            offset,
            ErrorKind::Grammar,
            format!("internal error: {what}; please report this input"),
        )
    }

    /// What went wrong.
    ///
    /// ```
    /// let err = blog_export::parse("no header here").unwrap_err();
    /// assert_eq!(err.kind(), &blog_export::ErrorKind::NoDateHeader);
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.kind
    }

    /// The 1-based line to look at.
    ///
    /// ```
    /// assert_eq!(blog_export::parse("\n\nhello").unwrap_err().line(), 3);
    /// ```
    pub fn line(&self) -> u32 {
        self.inner.line
    }

    /// The 1-based column (in characters) to look at.
    ///
    /// ```
    /// assert_eq!(blog_export::parse("   hello").unwrap_err().column(), 4);
    /// ```
    pub fn column(&self) -> u32 {
        self.inner.column
    }

    /// The message, without position or source line.
    ///
    /// ```
    /// let err = blog_export::parse(" ").unwrap_err();
    /// assert_eq!(err.message(), "the input is empty");
    /// ```
    pub fn message(&self) -> &str {
        &self.inner.message
    }
}

impl fmt::Display for Inner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let i = self;
        write!(f, "{}:{}: error: {}", i.line, i.column, i.message)?;
        let number = i.line.to_string();
        let pad = " ".repeat(number.len());
        // Control characters (a terminal escape, a carriage return) are
        // shown escaped, so the input cannot rewrite the terminal; the caret
        // goes under the column, tabs keep their width.
        let mut line = String::new();
        let mut before = String::new();
        for (k, c) in i.source_line.chars().take(200).enumerate() {
            let shown = match c {
                '\t' => "\t".to_string(),
                c if c.is_control() => c.escape_default().to_string(),
                c => c.to_string(),
            };
            if k + 1 < i.column as usize {
                before.extend(shown.chars().map(|s| if s == '\t' { '\t' } else { ' ' }));
            }
            line.push_str(&shown);
        }
        write!(f, "\n{pad} |\n{number} | {line}\n{pad} | {before}^")
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Error", 4)?;
        st.serialize_field("kind", &self.inner.kind)?;
        st.serialize_field("message", &self.inner.message)?;
        st.serialize_field("line", &self.inner.line)?;
        st.serialize_field("column", &self.inner.column)?;
        st.end()
    }
}
