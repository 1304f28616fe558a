//! Streaming: posts from any reader, one at a time, in memory bounded by
//! the largest post rather than the input.

use std::collections::VecDeque;
use std::io::Read;

use pest::Parser as _;

use crate::ast::{Block, CommentSection, Export, Post, Spans};
use crate::builder::{first_line_gap, title_above_header, undated_post, Builder, LineGap};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::error::{Error, ErrorKind};
use crate::grammar::BlogParser;
use crate::headers::{check_piece, next_header};
use crate::languages::Language;
use crate::options::ParseOptions;
use crate::span::{is_space, LineIndex, Span};

/// How much text a piece holds at least before it is cut (at the next date
/// header that names a real day).
const PIECE_BYTES: usize = 1 << 20;

/// How much is read from the reader at a time.
const READ_BYTES: usize = 256 << 10;

/// Posts read from any [`Read`], one at a time, as owned values: the input
/// is read in pieces of about 1 MB cut before date headers, each parsed
/// and its posts handed out before the next is read, so memory holds one
/// piece (or one post, when a post is larger), never the whole input.
///
/// Spans are offsets and lines in the whole input. The preamble and the
/// comments of a post whose header is off the page are known once the
/// first post is out ([`PostReader::preamble`],
/// [`PostReader::orphan_comments`]); the diagnostics grow as the posts
/// come ([`PostReader::diagnostics`]), complete at the end.
///
/// The posts are those [`parse`](crate::parse) gives for the whole input,
/// with two exceptions: a page whose first megabyte has only headers
/// without a weekday keeps them as posts even when later headers have one
/// (`parse` then reads them as quoted dates), and the pattern of a page's
/// titles that finds posts sharing a date header (`Letter #151 -- ...`
/// under the header of a post titled otherwise) is read from the titles
/// of each piece, not of the whole page. Pages whose headers have no
/// weekday are read whole (they give no safe place to cut).
///
/// ```
/// let input = "Intro.\n\nFriday 25 July 2014\n\nOne\n\n1 comment:\n\n  1. Hi.\n\n    ReplyDelete\n\nSaturday 26 July 2014\n\nTwo";
/// let mut reader = blog_export::PostReader::new(input.as_bytes());
/// let posts: Vec<blog_export::Post<'static>> = reader.by_ref().collect::<Result<_, _>>()?;
/// assert_eq!(posts.len(), 2);
/// assert_eq!(posts[0].comment_count(), 1);
/// assert_eq!(posts[1].span.line, 13);
/// assert_eq!(reader.preamble().len(), 1);
/// assert!(reader.diagnostics().is_empty());
/// # Ok::<(), blog_export::Error>(())
/// ```
pub struct PostReader<R> {
    reader: R,
    options: ParseOptions,
    /// Bytes read and not yet parsed; they start at a line start.
    buffer: Vec<u8>,
    /// How much of `buffer` is known to be UTF-8.
    checked: usize,
    /// Where in `buffer` the search for the next cut goes on.
    searched: usize,
    /// Byte offset and 0-based line of `buffer[0]` in the whole input.
    offset: usize,
    lines: u32,
    /// The page's language, once the first piece has shown it.
    language: Option<Language>,
    /// Whether the reader is at its end.
    eof: bool,
    /// Whether every piece has been parsed.
    done: bool,
    ready: VecDeque<Post<'static>>,
    preamble: Vec<Block<'static>>,
    orphan_comments: Option<CommentSection<'static>>,
    /// Where the second line of the preamble's first paragraph starts
    /// (taken while its text is at hand), for an input with no header.
    first_gap: Option<LineGap>,
    diagnostics: Vec<Diagnostic>,
    posts: usize,
}

impl<R: Read> PostReader<R> {
    /// Reads posts from `reader` with the default options.
    ///
    /// ```
    /// let mut posts = blog_export::PostReader::new(std::io::Cursor::new("Friday 25 July 2014\n\nTitle"));
    /// assert_eq!(posts.next().unwrap()?.title.as_deref(), Some("Title"));
    /// assert!(posts.next().is_none());
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn new(reader: R) -> Self {
        Self::with_options(reader, ParseOptions::default())
    }

    /// Reads posts from `reader` with `options` (strictness and limits; the
    /// input limit counts the whole stream).
    ///
    /// ```
    /// use blog_export::{ErrorKind, ParseOptions, PostReader};
    /// let input = "Friday 25 July 2014\n\nOne\n\nSaturday 26 July 2014\n\nTwo";
    /// let options = ParseOptions::default().with_max_posts(1);
    /// let results: Vec<_> = PostReader::with_options(input.as_bytes(), options).collect();
    /// assert_eq!(results.last().unwrap().as_ref().unwrap_err().kind(), &ErrorKind::Limit);
    /// ```
    pub fn with_options(reader: R, options: ParseOptions) -> Self {
        PostReader {
            reader,
            options,
            buffer: Vec::new(),
            checked: 0,
            searched: 0,
            offset: 0,
            lines: 0,
            language: None,
            eof: false,
            done: false,
            ready: VecDeque::new(),
            preamble: Vec::new(),
            orphan_comments: None,
            first_gap: None,
            diagnostics: Vec::new(),
            posts: 0,
        }
    }

    /// The blocks before the first post (complete once a post is out).
    ///
    /// ```
    /// let mut reader = blog_export::PostReader::new("About me\n\nFriday 25 July 2014\n\nT".as_bytes());
    /// reader.next();
    /// assert_eq!(reader.preamble().len(), 1);
    /// ```
    pub fn preamble(&self) -> &[Block<'static>] {
        &self.preamble
    }

    /// The comments of a post whose header is not in the input.
    ///
    /// ```
    /// let mut reader = blog_export::PostReader::new("Friday 25 July 2014\n\nT".as_bytes());
    /// reader.next();
    /// assert!(reader.orphan_comments().is_none());
    /// ```
    pub fn orphan_comments(&self) -> Option<&CommentSection<'static>> {
        self.orphan_comments.as_ref()
    }

    /// The diagnostics of the posts read so far, in input order (all of
    /// them once the reader is exhausted).
    ///
    /// ```
    /// let mut reader = blog_export::PostReader::new("Monday 25 July 2014\n\nT".as_bytes());
    /// reader.by_ref().for_each(drop);
    /// assert_eq!(reader.diagnostics()[0].kind, blog_export::DiagnosticKind::WeekdayMismatch);
    /// ```
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Reads until a piece can be cut; returns its length in `buffer`.
    fn next_piece(&mut self) -> Result<Option<usize>, Error> {
        loop {
            if self.checked >= PIECE_BYTES {
                let text = self.text();
                let from = self.searched.max(PIECE_BYTES);
                if let Some(cut) = next_header(text, from, true) {
                    return Ok(Some(cut));
                }
                // Search on from the last line start of what was read.
                self.searched = text.rfind('\n').map_or(from, |i| (i + 1).max(from));
            }
            if self.eof {
                return Ok((!self.buffer.is_empty()).then_some(self.buffer.len()));
            }
            self.fill()?;
        }
    }

    /// The UTF-8 text read so far (up to an incomplete last character).
    fn text(&self) -> &str {
        // `checked` bytes were validated by `fill`.
        std::str::from_utf8(&self.buffer[..self.checked]).unwrap_or_default()
    }

    /// Reads more, and checks that it is UTF-8.
    fn fill(&mut self) -> Result<(), Error> {
        let start = self.buffer.len();
        self.buffer.resize(start + READ_BYTES, 0);
        let read = loop {
            match self.reader.read(&mut self.buffer[start..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.buffer.truncate(start);
                    return Err(self.stream_error(
                        ErrorKind::Read,
                        start,
                        &format!("cannot read: {e}"),
                    ));
                }
            }
        };
        self.buffer.truncate(start + read);
        if read == 0 {
            self.eof = true;
        }
        if self.offset + self.buffer.len() > self.options.max_input_bytes() {
            return Err(self.stream_error(
                ErrorKind::Limit,
                start,
                &format!(
                    "the input is over the limit of {} bytes (ParseOptions::with_max_input_bytes)",
                    self.options.max_input_bytes()
                ),
            ));
        }
        match std::str::from_utf8(&self.buffer[self.checked..]) {
            Ok(_) => self.checked = self.buffer.len(),
            Err(e) if e.error_len().is_none() && !self.eof => self.checked += e.valid_up_to(),
            Err(e) => {
                let at = self.checked + e.valid_up_to();
                self.checked = at;
                return Err(self.stream_error(ErrorKind::Read, at, "not UTF-8: invalid byte here"));
            }
        }
        Ok(())
    }

    /// An error at byte `at` of the buffer.
    fn stream_error(&self, kind: ErrorKind, at: usize, message: &str) -> Error {
        let text = self.text();
        let at = at.min(text.len());
        Error::at(&LineIndex::new(text), at, kind, message.to_string())
            .shifted(self.lines, self.offset)
    }

    /// Parses the next piece and queues its posts.
    fn parse_piece(&mut self, len: usize) -> Result<(), Error> {
        let text = &self.text()[..len];
        let first = self.offset == 0;
        let options = self.options.clone().with_max_input_bytes(usize::MAX);
        let (lines, bytes) = (self.lines, self.offset);
        let moved = |e: Error| e.shifted(lines, bytes);
        check_piece(text, &options).map_err(moved)?;
        // The language is found on the first piece and kept.
        let language = match self.language {
            Some(language) => language,
            None => options
                .language()
                .unwrap_or_else(|| crate::languages::detect(text)),
        };
        let mut builder = Builder::for_chunk(text, 0, 1, language);
        if let Some(pair) = BlogParser::parse(builder.entry_rule(), text)
            .ok()
            .and_then(|mut p| p.next())
        {
            builder.parse_export(pair, 0).map_err(moved)?;
        }
        builder.check_joined_exports(0, text.len());
        let mut export: Export<'static> = builder.finish_partial().into_owned();
        if first {
            title_above_header(&mut export);
        }
        if !first && starts_with_bom(text) {
            let index = LineIndex::new(text);
            let start = text.find('\u{FEFF}').unwrap_or(0);
            export
                .diagnostics
                .insert(0, Diagnostic::joined_export(index.span(start, start + 3)));
        }
        // The first piece's spans point into `text` before they are moved.
        let gap = first
            .then(|| first_line_gap(text, &export.preamble))
            .flatten();
        export.relocate(self.offset, self.lines);
        let line_feeds = memchr::memchr_iter(b'\n', text.as_bytes()).count();
        self.lines += u32::try_from(line_feeds).unwrap_or(u32::MAX);
        self.language = Some(language);
        self.offset += len;
        self.buffer.drain(..len);
        self.checked -= len;
        self.searched = 0;
        if first {
            self.first_gap = gap;
            self.preamble = export.preamble;
            self.orphan_comments = export.orphan_comments;
        }
        self.diagnostics.extend(export.diagnostics);
        self.posts += export.posts.len();
        if self.posts > self.options.max_posts() {
            let over = export.posts.len() - (self.posts - self.options.max_posts());
            let at = export.posts[over].header_span;
            return Err(Error::placed(
                ErrorKind::Limit,
                format!(
                    "this post is over the limit of {} posts (ParseOptions::with_max_posts)",
                    self.options.max_posts()
                ),
                at.line,
                at.column,
            ));
        }
        if self.options.is_strict() {
            if let Some(d) = self.diagnostics.first() {
                return Err(Error::placed(
                    ErrorKind::Strict(d.kind),
                    d.message.clone(),
                    d.span.line,
                    d.span.column,
                ));
            }
        }
        self.ready.extend(export.posts);
        Ok(())
    }
}

/// Whether a piece's first line starts with a byte order mark (after white
/// space).
fn starts_with_bom(text: &str) -> bool {
    text.trim_start_matches(|c: char| is_space(c) && c != '\u{FEFF}' && c != '\n')
        .starts_with('\u{FEFF}')
}

impl<R: Read> Iterator for PostReader<R> {
    type Item = Result<Post<'static>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(post) = self.ready.pop_front() {
                return Some(Ok(post));
            }
            if self.done {
                return None;
            }
            let step = self.next_piece().and_then(|piece| match piece {
                Some(len) => self.parse_piece(len),
                None => {
                    self.done = true;
                    if self.posts == 0 {
                        return self.undated_post();
                    }
                    Ok(())
                }
            });
            if let Err(e) = step {
                self.done = true;
                self.ready.clear();
                return Some(Err(e));
            }
        }
    }
}

impl<R> PostReader<R> {
    /// At the end of an input with no date header: its one post without a
    /// date, made of what was read as its preamble (as
    /// [`parse`](crate::parse) makes it); or, as `parse` says, the error of
    /// an input whose only headers name no real day, or of an empty input.
    fn undated_post(&mut self) -> Result<(), Error> {
        let invalid = self.diagnostics.iter().find(|d| {
            matches!(
                d.kind,
                DiagnosticKind::InvalidDate | DiagnosticKind::InvalidHeader
            )
        });
        if let Some(why) = invalid {
            return Err(Error::placed(
                ErrorKind::NoDateHeader,
                format!("no valid date header: {}", why.message),
                why.span.line,
                why.span.column,
            ));
        }
        let first = [
            self.preamble.first().map(Block::span),
            self.orphan_comments.as_ref().map(|c| c.span),
        ]
        .into_iter()
        .flatten()
        .min_by_key(|span| span.start);
        let Some(first) = first else {
            return Err(Error::placed(
                ErrorKind::Empty,
                "the input is empty".into(),
                1,
                1,
            ));
        };
        let start = Span {
            end: first.start,
            ..first
        };
        let blocks = std::mem::take(&mut self.preamble);
        let (post, diagnostic) =
            undated_post(blocks, self.orphan_comments.take(), start, self.first_gap);
        if self.options.is_strict() {
            return Err(Error::placed(
                ErrorKind::Strict(diagnostic.kind),
                diagnostic.message,
                start.line,
                start.column,
            ));
        }
        self.diagnostics.push(diagnostic);
        self.posts += 1;
        self.ready.push_back(post);
        Ok(())
    }
}
