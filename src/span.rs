//! Source positions: byte ranges with their line and column.

use serde::{Deserialize, Serialize};

/// Where an element sits in the input: a byte range plus the 1-based line
/// and column of its first byte.
///
/// The column counts characters (Unicode scalar values), not bytes, so it
/// matches what an editor shows. `start..end` indexes the input string
/// passed to [`parse`](crate::parse).
///
/// ```
/// let input = "Friday 25 July 2014\n\nA title\n\nSome text.";
/// let export = blog_export::parse(input)?;
/// let post = &export.posts[0];
/// let span = post.title_span.unwrap();
/// assert_eq!((span.line, span.column), (3, 1));
/// assert_eq!(span.source(input), "A title");
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line of the first byte.
    pub line: u32,
    /// 1-based column (in characters) of the first byte.
    pub column: u32,
}

impl Span {
    /// The exact source text this span covers.
    ///
    /// Returns an empty string if the span does not fit `input` (for
    /// example, a span from another document).
    ///
    /// ```
    /// let input = "Friday 25 July 2014\n\nTitle\n\nBody.";
    /// let export = blog_export::parse(input)?;
    /// assert_eq!(export.posts[0].span.source(input), input);
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn source<'a>(&self, input: &'a str) -> &'a str {
        input.get(self.start..self.end).unwrap_or("")
    }

    /// The length of the span in bytes.
    ///
    /// ```
    /// let input = "Friday 25 July 2014\n\nTitle";
    /// let export = blog_export::parse(input)?;
    /// assert_eq!(export.posts[0].title_span.unwrap().len(), 5);
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    ///
    /// ```
    /// let input = "Friday 25 July 2014\n\nTitle";
    /// let export = blog_export::parse(input)?;
    /// assert!(!export.posts[0].span.is_empty());
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// Line starts of one input, computed once per parse with memchr.
pub(crate) struct LineIndex<'a> {
    input: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(input: &'a str) -> Self {
        let mut starts = Vec::with_capacity(input.len() / 64 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', input.as_bytes()).map(|i| i + 1));
        LineIndex { input, starts }
    }

    /// 1-based line and character column of a byte offset.
    pub(crate) fn line_col(&self, offset: usize) -> (u32, u32) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self
            .input
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (to_u32(line), to_u32(column + 1))
    }

    /// The text of a 1-based line, without its line ending.
    pub(crate) fn line_text(&self, line: u32) -> &'a str {
        let i = (line as usize).saturating_sub(1).min(self.starts.len() - 1);
        let start = self.starts[i];
        let end = self.starts.get(i + 1).map_or(self.input.len(), |&e| e - 1);
        self.input
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches('\r')
    }

    /// A span for a byte range.
    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        let (line, column) = self.line_col(start);
        Span {
            start,
            end,
            line,
            column,
        }
    }

    /// A span for a byte range, with white space (including `\r`, `\n`
    /// and U+00A0) trimmed from both ends.
    pub(crate) fn trimmed(&self, start: usize, end: usize) -> Span {
        let text = &self.input[start..end];
        let lead = text.len() - text.trim_start_matches(is_space).len();
        let trail = text.len() - text.trim_end_matches(is_space).len();
        if lead == text.len() {
            return self.span(start, start);
        }
        self.span(start + lead, end - trail)
    }
}

/// White space for structure: the Unicode white space set, which includes
/// U+00A0 (no-break space), `\r` and `\n`.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
