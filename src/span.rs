//! Source positions: byte ranges with their line and column.

use std::cell::{Cell, RefCell};

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

/// Lines and columns of byte offsets in one input.
///
/// The tree builder asks for offsets in nearly increasing order, so the
/// index keeps a cursor (the last line found) and moves it by counting
/// newlines with memchr between the cursor and the offset asked for: one
/// pass over the input in all, and no table of line starts.
pub(crate) struct LineIndex<'a> {
    input: &'a str,
    /// Byte offset where the cursor's line starts, and its 1-based number.
    cursor: Cell<(usize, usize)>,
    /// An offset on the cursor's line and its 0-based column, so columns
    /// on a very long line (an XML file written on one line) are counted
    /// from the last one found, not from the line's start each time.
    column: Cell<(usize, usize)>,
    /// Places found, at least [`MARK_EVERY`] bytes apart, in order: a jump
    /// back starts from the last one before it, not from its line's start.
    marks: RefCell<Vec<Mark>>,
}

/// A place the index found: an offset, its line, the line's start, and
/// its 0-based column.
#[derive(Clone, Copy)]
struct Mark {
    offset: usize,
    line: usize,
    line_start: usize,
    column: usize,
}

/// How far apart the index's marks are, in bytes.
const MARK_EVERY: usize = 64 << 10;

impl<'a> LineIndex<'a> {
    pub(crate) fn new(input: &'a str) -> Self {
        Self::starting_at(input, 0, 1)
    }

    /// An index whose cursor starts at `offset`, the start of the 1-based
    /// line `line` (for a chunk that starts there: the lines before it are
    /// never counted again).
    pub(crate) fn starting_at(input: &'a str, offset: usize, line: usize) -> Self {
        LineIndex {
            input,
            cursor: Cell::new((offset, line)),
            column: Cell::new((offset, 0)),
            marks: RefCell::new(vec![Mark {
                offset,
                line,
                line_start: offset,
                column: 0,
            }]),
        }
    }

    /// The text the index is of.
    #[cfg_attr(not(all(feature = "atom", feature = "parallel")), allow(dead_code))]
    pub(crate) fn input(&self) -> &'a str {
        self.input
    }

    /// 1-based line and character column of a byte offset.
    pub(crate) fn line_col(&self, offset: usize) -> (u32, u32) {
        let bytes = self.input.as_bytes();
        let offset = offset.min(bytes.len());
        if offset < self.column.get().0 {
            // A jump back: start from the last mark before the offset.
            let marks = self.marks.borrow();
            let k = marks.partition_point(|m| m.offset <= offset);
            if let Some(mark) = k.checked_sub(1).map(|k| marks[k]) {
                self.cursor.set((mark.line_start, mark.line));
                self.column.set((mark.offset, mark.column));
            }
        }
        let (line, column) = self.line_col_on(offset);
        let mut marks = self.marks.borrow_mut();
        if marks.last().is_none_or(|m| offset >= m.offset + MARK_EVERY) {
            marks.push(Mark {
                offset,
                line,
                line_start: self.cursor.get().0,
                column,
            });
        }
        (to_u32(line), to_u32(column + 1))
    }

    /// Line and 0-based column of `offset`, from the cursor.
    fn line_col_on(&self, offset: usize) -> (usize, usize) {
        let bytes = self.input.as_bytes();
        let (start, line) = self.cursor.get();
        let chars = |from: usize| {
            self.input.get(from..offset).map_or(offset - from, |s| {
                // ASCII (most text) is tested faster than counted.
                if s.is_ascii() {
                    s.len()
                } else {
                    s.chars().count()
                }
            })
        };
        // On the cursor's line, after the last column found: count on from
        // there (the line up to it has no line break).
        let (at, column) = self.column.get();
        if offset >= at && at >= start && memchr::memchr(b'\n', &bytes[at..offset]).is_none() {
            let column = column + chars(at);
            self.column.set((offset, column));
            return (line, column);
        }
        let line = if offset >= start {
            line + memchr::memchr_iter(b'\n', &bytes[start..offset]).count()
        } else {
            line - memchr::memchr_iter(b'\n', &bytes[offset..start]).count()
        };
        let line_start = memchr::memrchr(b'\n', &bytes[..offset]).map_or(0, |i| i + 1);
        self.cursor.set((line_start, line));
        let column = chars(line_start);
        self.column.set((offset, column));
        (line, column)
    }

    /// The text of a 1-based line, without its line ending.
    pub(crate) fn line_text(&self, line: u32) -> &'a str {
        let text = self
            .input
            .split('\n')
            .nth((line as usize).saturating_sub(1))
            .unwrap_or("");
        text.trim_end_matches('\r')
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

/// White space for structure: space, tab, the line feed, VT, FF, the
/// carriage return, the Unicode space separators (U+00A0 no-break space,
/// U+1680, U+2000 to U+200A, U+202F, U+205F, U+3000), the byte order mark
/// and the zero-width space. The grammar's `hs` is the same set without the
/// line feed (a test checks that they agree), so the chunker and the
/// grammar see the same line starts. Other invisible characters (U+2028,
/// U+0085, joiners) are text.
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'..='\r'
            | '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200B}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
            | '\u{FEFF}'
    )
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
