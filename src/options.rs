//! [`ParseOptions`]: strictness and the limits that bound what a parse
//! may take.

use crate::ast::Post;
use crate::error::{Error, Limit};
use crate::languages::Language;
use crate::span::LineIndex;

/// How to parse: lenient or strict, and the limits of what an input may
/// hold. Each limit exceeded is an [`ErrorKind::Limit`](crate::ErrorKind::Limit)
/// error naming the line and column where it was exceeded.
///
/// The defaults: lenient; inputs up to 1 GiB, lines up to 16 MiB, up to
/// 1,000,000 posts. (Nesting has no limit to set: the format nests at most
/// six levels deep, export, post, comment section, comment, reply,
/// paragraph, and the grammar has no recursion.)
///
/// ```
/// use blog_export::{parse_with, ErrorKind, ParseOptions};
/// let options = ParseOptions::default().with_max_posts(1);
/// let input = "Friday 25 July 2014\n\nOne\n\nSaturday 26 July 2014\n\nTwo";
/// let err = parse_with(input, &options).unwrap_err();
/// assert_eq!(err.kind(), &ErrorKind::Limit);
/// assert_eq!((err.line(), err.column()), (5, 1));
/// assert!(!ParseOptions::default().is_strict());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseOptions {
    strict: bool,
    language: Option<Language>,
    max_input_bytes: usize,
    max_line_bytes: usize,
    max_posts: usize,
    drafts: bool,
    pages: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            strict: false,
            language: None,
            max_input_bytes: 1 << 30,
            max_line_bytes: 16 << 20,
            max_posts: 1_000_000,
            drafts: false,
            pages: false,
        }
    }
}

impl ParseOptions {
    /// Options under which every diagnostic is an error.
    ///
    /// ```
    /// let input = "Friday 25 July 2014\n\nT\n\n2 comments:\n\n  1. One.\n\n    ReplyDelete";
    /// assert!(blog_export::parse_with(input, &blog_export::ParseOptions::strict()).is_err());
    /// ```
    pub fn strict() -> Self {
        ParseOptions {
            strict: true,
            ..ParseOptions::default()
        }
    }

    /// Whether every diagnostic is an error.
    ///
    /// ```
    /// assert!(blog_export::ParseOptions::strict().is_strict());
    /// ```
    pub fn is_strict(&self) -> bool {
        self.strict
    }

    /// The same options with the largest input accepted, in bytes.
    ///
    /// ```
    /// let options = blog_export::ParseOptions::default().with_max_input_bytes(10);
    /// assert_eq!(options.max_input_bytes(), 10);
    /// assert!(blog_export::parse_with("Friday 25 July 2014", &options).is_err());
    /// ```
    pub fn with_max_input_bytes(mut self, bytes: usize) -> Self {
        self.max_input_bytes = bytes;
        self
    }

    /// The largest input accepted, in bytes (default 1 GiB).
    ///
    /// ```
    /// assert_eq!(blog_export::ParseOptions::default().max_input_bytes(), 1 << 30);
    /// ```
    pub fn max_input_bytes(&self) -> usize {
        self.max_input_bytes
    }

    /// The same options with the longest line accepted, in bytes.
    ///
    /// ```
    /// let options = blog_export::ParseOptions::default().with_max_line_bytes(8);
    /// let err = blog_export::parse_with("Friday 25 July 2014", &options).unwrap_err();
    /// assert_eq!((err.line(), err.column()), (1, 9));
    /// ```
    pub fn with_max_line_bytes(mut self, bytes: usize) -> Self {
        self.max_line_bytes = bytes;
        self
    }

    /// The longest line accepted, in bytes, its line feed excluded
    /// (default 16 MiB).
    ///
    /// ```
    /// assert_eq!(blog_export::ParseOptions::default().max_line_bytes(), 16 << 20);
    /// ```
    pub fn max_line_bytes(&self) -> usize {
        self.max_line_bytes
    }

    /// The same options with the most posts accepted.
    ///
    /// ```
    /// let options = blog_export::ParseOptions::default().with_max_posts(5);
    /// assert_eq!(options.max_posts(), 5);
    /// ```
    pub fn with_max_posts(mut self, posts: usize) -> Self {
        self.max_posts = posts;
        self
    }

    /// The most posts accepted (default 1,000,000).
    ///
    /// ```
    /// assert_eq!(blog_export::ParseOptions::default().max_posts(), 1_000_000);
    /// ```
    pub fn max_posts(&self) -> usize {
        self.max_posts
    }

    /// The input limit, checked on an input's size before it is read.
    pub(crate) fn check_size(&self, size: u64) -> Result<(), Error> {
        if size <= self.max_input_bytes as u64 {
            return Ok(());
        }
        Err(Error::unread_over_limit(
            Limit::InputBytes,
            format!(
                "the input is {size} bytes, over the limit of {}",
                self.max_input_bytes
            ),
        ))
    }

    /// Parses every input as a page of `language`'s template, instead of
    /// finding its language from its date and comment headers.
    ///
    /// ```
    /// use blog_export::{Language, ParseOptions};
    /// let es = Language::from_code("es").unwrap();
    /// let export = blog_export::parse_with("martes, 3 de marzo de 2009\n\nHola", &ParseOptions::default().with_language(es))?;
    /// assert_eq!(export.language, es);
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn with_language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    /// The language set with [`with_language`](Self::with_language), if any.
    pub fn language(&self) -> Option<Language> {
        self.language
    }

    /// Also reads the drafts of a Blogger export file
    /// ([`parse_any`](crate::parse_any)), marked
    /// [`FeedEntry::draft`](crate::FeedEntry::draft); by default they are
    /// skipped and counted in a diagnostic. Text pages have no drafts.
    ///
    /// ```
    /// let options = blog_export::ParseOptions::default().with_drafts(true);
    /// assert!(options.drafts());
    /// ```
    pub fn with_drafts(mut self, drafts: bool) -> Self {
        self.drafts = drafts;
        self
    }

    /// Whether drafts are read ([`with_drafts`](Self::with_drafts)).
    pub fn drafts(&self) -> bool {
        self.drafts
    }

    /// Also reads the static pages of a Blogger export file (`kind#page`,
    /// `PAGE`) as posts, marked [`FeedEntry::page`](crate::FeedEntry::page);
    /// by default they are skipped and counted in a diagnostic.
    ///
    /// ```
    /// let options = blog_export::ParseOptions::default().with_pages(true);
    /// assert!(options.pages());
    /// ```
    pub fn with_pages(mut self, pages: bool) -> Self {
        self.pages = pages;
        self
    }

    /// Whether static pages are read ([`with_pages`](Self::with_pages)).
    pub fn pages(&self) -> bool {
        self.pages
    }

    /// The input and line limits, checked before parsing.
    pub(crate) fn check_input(&self, input: &str, index: &LineIndex<'_>) -> Result<(), Error> {
        if input.len() > self.max_input_bytes {
            let at = floor_char_boundary(input, self.max_input_bytes);
            return Err(Error::over_limit(
                index,
                at,
                Limit::InputBytes,
                format!(
                    "the input is {} bytes, over the limit of {}",
                    input.len(),
                    self.max_input_bytes
                ),
            ));
        }
        if let Some((start, end)) = long_line(input, self.max_line_bytes) {
            let at = floor_char_boundary(input, start + self.max_line_bytes);
            return Err(Error::over_limit(
                index,
                at,
                Limit::LineBytes,
                format!(
                    "this line is {} bytes long, over the limit of {}",
                    end - start,
                    self.max_line_bytes
                ),
            ));
        }
        Ok(())
    }

    /// The post limit, checked as posts are built.
    pub(crate) fn check_posts(
        &self,
        posts: &[Post<'_>],
        index: &LineIndex<'_>,
    ) -> Result<(), Error> {
        match posts.get(self.max_posts) {
            Some(post) => Err(Error::over_limit(
                index,
                post.header_span.start,
                Limit::Posts,
                format!("this post is over the limit of {} posts", self.max_posts),
            )),
            None => Ok(()),
        }
    }
}

/// The first line of `text` longer than `max` bytes, as its start and end.
/// Any such line holds a whole window of `max / 2` bytes with no line feed,
/// starting at a multiple of `max / 2`: only windows are searched (a few
/// searches for a large limit), and only a window with no line feed leads
/// to a look at its line.
fn long_line(text: &str, max: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let step = (max / 2).max(1);
    let mut at = 0;
    while at < bytes.len() {
        let window = &bytes[at..(at + step).min(bytes.len())];
        if window.len() == step && memchr::memchr(b'\n', window).is_none() {
            let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
            let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
            if end - start > max {
                return Some((start, end));
            }
            at = end;
            continue;
        }
        at += step;
    }
    None
}

/// The largest char boundary of `text` at or before `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::long_line;

    #[test]
    fn long_lines_are_found_wherever_they_stand() {
        for max in 1..12 {
            for text in [
                "",
                "a",
                "abc\nde",
                "abcdefghijkl\nab",
                "ab\nabcdefghijklmnop",
                "a\n\nabcdefghijklmnopq\n",
            ] {
                let want = {
                    let mut start = 0;
                    let mut found = None;
                    for (i, line) in text.split('\n').enumerate() {
                        let _ = i;
                        if line.len() > max && found.is_none() {
                            found = Some((start, start + line.len()));
                        }
                        start += line.len() + 1;
                    }
                    found
                };
                assert_eq!(long_line(text, max), want, "{text:?} {max}");
            }
        }
    }
}
