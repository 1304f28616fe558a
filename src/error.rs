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
/// let err = blog_export::parse("\n  Friday 31 February 2014\n\nText").unwrap_err();
/// assert_eq!(err.kind(), &blog_export::ErrorKind::NoDateHeader);
/// assert_eq!((err.line(), err.column()), (2, 3));
/// assert_eq!(
///     err.to_string(),
///     "2:3: error: no valid date header: `Friday 31 February 2014` looks like a date header, \
///      but that day does not exist; the line is kept as text\n  |\n2 |   Friday 31 February 2014\n  |   ^"
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
    /// The byte offset in the input, where known.
    offset: Option<usize>,
    /// The limit exceeded, for [`ErrorKind::Limit`].
    limit: Option<Limit>,
    source_line: String,
}

/// Which limit of [`ParseOptions`](crate::ParseOptions) an
/// [`ErrorKind::Limit`] error exceeded ([`Error::limit`]).
///
/// ```
/// use blog_export::{Limit, ParseOptions};
/// let err = blog_export::parse_with("Friday 25 July 2014\n\nA long line", &ParseOptions::default().with_max_line_bytes(4)).unwrap_err();
/// assert_eq!(err.limit(), Some(Limit::LineBytes));
/// assert!(err.message().ends_with("(ParseOptions::with_max_line_bytes)"));
/// // A front end names its own setting instead:
/// assert!(err.with_setting("--max-line-bytes").message().ends_with("(--max-line-bytes)"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Limit {
    /// The input's size in bytes ([`ParseOptions::with_max_input_bytes`](crate::ParseOptions::with_max_input_bytes)).
    InputBytes,
    /// A line's length in bytes ([`ParseOptions::with_max_line_bytes`](crate::ParseOptions::with_max_line_bytes)).
    LineBytes,
    /// The number of posts ([`ParseOptions::with_max_posts`](crate::ParseOptions::with_max_posts)).
    Posts,
}

impl Limit {
    /// The method of [`ParseOptions`](crate::ParseOptions) that sets the
    /// limit, as the error message names it.
    ///
    /// ```
    /// assert_eq!(blog_export::Limit::Posts.method(), "ParseOptions::with_max_posts");
    /// ```
    pub fn method(&self) -> &'static str {
        match self {
            Limit::InputBytes => "ParseOptions::with_max_input_bytes",
            Limit::LineBytes => "ParseOptions::with_max_line_bytes",
            Limit::Posts => "ParseOptions::with_max_posts",
        }
    }
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
    /// The input's only date headers name no real day
    /// (`Friday 31 February 2014`), so it has no post. (An input with no
    /// header at all is read as one post without a date: see
    /// [`DiagnosticKind::NoDateHeader`].)
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
    /// A Blogger export file (XML) is not well-formed, or declares a DTD
    /// or entities, which are never expanded (see
    /// [`parse_any`](crate::parse_any)).
    Xml,
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
        error.inner.offset = Some(offset);
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
                offset: None,
                limit: None,
                source_line: String::new(),
            }),
        }
    }

    /// The same error, `lines` lines and `bytes` bytes further on (for a
    /// piece of a stream).
    pub(crate) fn shifted(mut self, lines: u32, bytes: usize) -> Self {
        self.inner.line += lines;
        self.inner.offset = self.inner.offset.map(|o| o + bytes);
        self
    }

    /// The input holds only white space.
    pub(crate) fn empty(index: &LineIndex<'_>) -> Self {
        Self::at(index, 0, ErrorKind::Empty, "the input is empty".into())
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

    /// A file that could not be read (at line 1, column 1: nothing of it
    /// was read).
    pub(crate) fn unreadable(path: &std::path::Path, error: &std::io::Error) -> Self {
        let message = format!("{}: cannot read: {error}", path.display());
        Self::placed(ErrorKind::Read, message, 1, 1)
    }

    /// A file whose bytes are not UTF-8 after its first `valid` text: the
    /// place of the first bad byte.
    pub(crate) fn not_utf8(path: &std::path::Path, valid: &str) -> Self {
        let at = valid.len();
        let message = format!("{}: not UTF-8: invalid byte at offset {at}", path.display());
        Self::at(&LineIndex::new(valid), at, ErrorKind::Read, message)
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

    /// A limit of [`ParseOptions`](crate::ParseOptions) exceeded at
    /// `offset`: the message says how, and names the method that sets it.
    pub(crate) fn over_limit(
        index: &LineIndex<'_>,
        offset: usize,
        limit: Limit,
        how: String,
    ) -> Self {
        let mut error = Self::at(
            index,
            offset,
            ErrorKind::Limit,
            format!("{how} ({})", limit.method()),
        );
        error.inner.limit = Some(limit);
        error
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
    /// let err = blog_export::parse(" \n\n").unwrap_err();
    /// assert_eq!(err.kind(), &blog_export::ErrorKind::Empty);
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.kind
    }

    /// The 1-based line to look at.
    ///
    /// ```
    /// let input = "\n\nFriday 31 February 2014\n\nText";
    /// assert_eq!(blog_export::parse(input).unwrap_err().line(), 3);
    /// ```
    pub fn line(&self) -> u32 {
        self.inner.line
    }

    /// The 1-based column (in characters) to look at.
    ///
    /// ```
    /// let input = "   Friday 31 February 2014\n\nText";
    /// assert_eq!(blog_export::parse(input).unwrap_err().column(), 4);
    /// ```
    pub fn column(&self) -> u32 {
        self.inner.column
    }

    /// The byte offset in the input to look at, where it is known (a
    /// stream's errors found before the piece was read have none).
    ///
    /// ```
    /// let input = "\n\nFriday 31 February 2014\n\nText";
    /// assert_eq!(blog_export::parse(input).unwrap_err().offset(), Some(2));
    /// ```
    pub fn offset(&self) -> Option<usize> {
        self.inner.offset
    }

    /// A limit exceeded by an input that was not read (its size): at line
    /// 1, column 1.
    pub(crate) fn unread_over_limit(limit: Limit, how: String) -> Self {
        let mut error = Self::placed(
            ErrorKind::Limit,
            format!("{how} ({})", limit.method()),
            1,
            1,
        );
        error.inner.limit = Some(limit);
        error
    }

    /// The limit exceeded, for an [`ErrorKind::Limit`] error.
    pub fn limit(&self) -> Option<Limit> {
        self.inner.limit
    }

    /// The same error with its message naming `setting` (a command-line
    /// flag, a keyword argument) instead of the [`ParseOptions`](crate::ParseOptions)
    /// method that sets the limit exceeded; other errors are unchanged.
    pub fn with_setting(mut self, setting: &str) -> Self {
        if let Some(limit) = self.inner.limit {
            let method = format!(" ({})", limit.method());
            if let Some(how) = self.inner.message.strip_suffix(&method) {
                self.inner.message = format!("{how} ({setting})");
            }
        }
        self
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

/// In JSON an error is `{"kind", "message", "line", "column", "offset"}`:
/// `kind` is [`ErrorKind::as_str`], `offset` the byte offset or null. The
/// command-line tool writes the errors of inputs it cannot read in the same
/// shape.
///
/// ```
/// let err = blog_export::parse("\n").unwrap_err();
/// assert_eq!(
///     serde_json::to_string(&err).unwrap(),
///     r#"{"kind":"empty","message":"the input is empty","line":1,"column":1,"offset":0}"#
/// );
/// ```
impl Serialize for Error {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Error", 5)?;
        st.serialize_field("kind", self.inner.kind.as_str())?;
        st.serialize_field("message", &self.inner.message)?;
        st.serialize_field("line", &self.inner.line)?;
        st.serialize_field("column", &self.inner.column)?;
        st.serialize_field("offset", &self.inner.offset)?;
        st.end()
    }
}

impl ErrorKind {
    /// The kind's name in JSON: `empty`, `no_date_header`, `strict`,
    /// `hidden_header`, `read`, `limit`, `grammar`.
    ///
    /// ```
    /// assert_eq!(blog_export::ErrorKind::NoDateHeader.as_str(), "no_date_header");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            ErrorKind::Empty => "empty",
            ErrorKind::NoDateHeader => "no_date_header",
            ErrorKind::Strict(_) => "strict",
            ErrorKind::HiddenHeader => "hidden_header",
            ErrorKind::Read => "read",
            ErrorKind::Limit => "limit",
            ErrorKind::Xml => "xml",
            ErrorKind::Grammar => "grammar",
        }
    }
}
