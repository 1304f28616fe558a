//! The tree builder: from pest's token tree to the typed syntax tree.
//!
//! [`Builder::parse_export`] walks the pairs of one chunk of the input; each
//! grammar rule it meets has one `parse_xxx(pair)` that returns its value,
//! in the file of its part of the format:
//!
//! - [`post`]: the preamble, posts and their date headers;
//! - [`blocks`]: the blocks of a body (paragraphs, lists, separators,
//!   furniture, letter lines);
//! - [`comments`]: comment sections, comments, replies and markers;
//!
//! and the passes over what they built, each a named function in its own
//! file:
//!
//! - [`sections`]: a body's `Jane said...` comments found where no header
//!   line announces them;
//! - [`letters`]: a body's blocks grouped into quoted letters;
//! - [`shared`]: a post cut where another post under the same date header
//!   starts;
//! - [`check`]: the count, numbering and weekday checks (diagnostics only);
//! - [`pieces`]: a huge body read in pieces, each piece's tokens freed
//!   once its blocks are built;
//! - [`recover`]: what a header that turns out not to start a post gives
//!   back to the post before it (or to the preamble).
//!
//! Each `parse_xxx` matches the rules it handles; any other rule is a bug in
//! the grammar or here, reported by [`Builder::unexpected`] (a panic in
//! debug builds, an internal error otherwise), so no list of rules is kept
//! by hand.

mod blocks;
mod check;
mod comments;
mod email;
mod empty;
mod fragment;
mod letters;
mod pieces;
mod post;
mod recover;
mod sections;
mod shared;
pub(crate) use pieces::error_offset;
pub(crate) use post::{first_line_gap, title_above_header, undated_post, LineGap};

use std::borrow::Cow;

use pest::iterators::Pair;

use crate::ast::{Block, CommentSection, Export, Paragraph, Post};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::error::Error;
use crate::grammar::Rule;
use crate::languages::Language;
use crate::span::{is_space, LineIndex, Span};

type Result<T> = std::result::Result<T, Error>;

/// Builds the syntax tree for one input, from the token trees of its
/// chunks in order (see [`crate::parse`]).
pub(crate) struct Builder<'a> {
    input: &'a str,
    index: LineIndex<'a>,
    diagnostics: Vec<Diagnostic>,
    /// Byte offset of the chunk being built: pest's positions are relative
    /// to it.
    base: usize,
    /// Whether this is the input's first chunk (the only one with a
    /// preamble).
    first_chunk: bool,
    preamble: Vec<Block<'a>>,
    orphan_comments: Option<CommentSection<'a>>,
    posts: Vec<Post<'a>>,
    /// A post whose body goes on past where the last parse stopped (see
    /// [`pieces`]).
    open: Option<post::OpenPost<'a>>,
    /// In a chunk after the first: the lines of "posts" before its first
    /// real one, whose headers name no real day; they belong to the post
    /// before the chunk (see [`Builder::absorb`]).
    leading: Vec<recover::Loose<'a>>,
    /// The years the whole input names, counted once, when a date header
    /// without a year needs them (see [`crate::dates::infer_year`]).
    page_years: std::cell::OnceCell<Vec<(i32, usize)>>,
    /// The orders the page's digit dates can only be read in (see
    /// [`crate::dates::digit_orders`]), found at its first digit date.
    page_digit_orders: std::cell::OnceCell<crate::dates::DigitOrders>,
    /// Whether the whole input has a blank line between its first and last
    /// lines of text, found once when a post needs it (see
    /// `Builder::unspaced_title`).
    page_blank_lines: std::cell::OnceCell<bool>,
    /// The page's language: the parse's entry rules and the words of its
    /// template.
    language: Language,
}

impl<'a> Builder<'a> {
    /// A builder for the chunk of `input` that starts at byte `base`, the
    /// start of the 1-based line `line`.
    pub(crate) fn for_chunk(input: &'a str, base: usize, line: usize, language: Language) -> Self {
        Builder {
            input,
            index: LineIndex::starting_at(input, base, line),
            diagnostics: Vec::new(),
            base,
            first_chunk: base == 0,
            preamble: Vec::new(),
            orphan_comments: None,
            page_years: std::cell::OnceCell::new(),
            page_digit_orders: std::cell::OnceCell::new(),
            page_blank_lines: std::cell::OnceCell::new(),
            language,
            posts: Vec::new(),
            open: None,
            leading: Vec::new(),
        }
    }

    /// The rule a chunk is parsed from: `export`, or on a page in another
    /// language `intl_export` (which tries that language's words too).
    pub(crate) fn entry_rule(&self) -> Rule {
        if self.language.is_english() {
            Rule::export
        } else {
            Rule::intl_export
        }
    }

    /// Takes the next chunk's tree, in input order: the lines of its
    /// leading "posts" whose headers were not real go to the posts before
    /// them, exactly as if one builder had read both chunks.
    pub(crate) fn absorb(&mut self, chunk: Builder<'a>) {
        for loose in chunk.leading {
            self.merge_invalid(loose);
        }
        self.posts.extend(chunk.posts);
        self.diagnostics.extend(chunk.diagnostics);
    }

    pub(crate) fn index(&self) -> &LineIndex<'a> {
        &self.index
    }

    /// The posts built so far.
    pub(crate) fn posts(&self) -> &[Post<'a>] {
        &self.posts
    }

    /// `export = { SOI ~ BOM? ~ preamble ~ post* ~ (EOI | more) }`, for the
    /// chunk of the input that starts at byte `base` (the text the pair was
    /// parsed from). Chunks after the first start with a date header, so
    /// their preamble is empty. Where the parse stopped in a huge body
    /// (`more`), the rest of the chunk is parsed and read piece by piece
    /// (see [`pieces`]).
    pub(crate) fn parse_export(&mut self, pair: Pair<'a, Rule>, base: usize) -> Result<()> {
        self.base = base;
        let end = base + pair.get_input().len();
        let mut more = self.parse_posts(pair.into_inner())?;
        while let Some(at) = more {
            more = self.resume(at, end)?;
        }
        Ok(())
    }

    /// The children of an `export` or a `resume` from its preamble or its
    /// first post on: where the parse stopped, if it stopped at a `more`.
    fn parse_posts(
        &mut self,
        children: impl Iterator<Item = Pair<'a, Rule>>,
    ) -> Result<Option<usize>> {
        for child in children {
            match child.as_rule() {
                Rule::preamble => self.parse_preamble(child)?,
                Rule::post => self.parse_post_and_empty(child)?,
                Rule::EOI => {}
                Rule::more => return self.stopped_at(&child).map(Some),
                _ => return Err(self.unexpected(&child, "an export")),
            }
        }
        Ok(None)
    }

    /// Takes a post as the grammar found it: a post (cut where another
    /// post under the same header starts), the lines of a header that
    /// names no real day, or a post whose body goes on (kept open).
    fn add_post(&mut self, parsed: post::Parsed<'a>) {
        match parsed {
            post::Parsed::Post(post) => {
                let posts = self.split_shared_header(post);
                self.posts.extend(posts);
            }
            post::Parsed::Invalid(lines) => self.merge_invalid(lines),
            post::Parsed::Open(post) => self.open = Some(post),
        }
    }

    /// The export, once every chunk is built: the passes that need the
    /// whole page run here. An input with no post is an error.
    pub(crate) fn finish(mut self) -> Result<Export<'a>> {
        if self.posts.is_empty() {
            match self.no_posts() {
                Ok(start) => self.undated_post(start),
                Err(error) => return Err(error),
            }
        }
        let mut export = self.finish_partial();
        title_above_header(&mut export);
        Ok(export)
    }

    /// The export as built so far, posts or none (the streaming reader
    /// builds its input piece by piece).
    pub(crate) fn finish_partial(mut self) -> Export<'a> {
        self.split_by_page_titles();
        self.demote_quoted_headers();
        self.check_sections();
        let mut diagnostics = self.diagnostics;
        diagnostics.sort_by_key(|d| d.span.start);
        Export {
            preamble: self.preamble,
            orphan_comments: self.orphan_comments,
            posts: self.posts,
            diagnostics,
            language: self.language,
        }
    }

    /// Why an input has no post: a header that names no real day (an
    /// error: the header is there but wrong), an empty input (an error),
    /// or no header at all: then where its text starts, to be read as one
    /// post without a date.
    fn no_posts(&self) -> Result<usize> {
        let why = self.diagnostics.iter().find(|d| {
            matches!(
                d.kind,
                DiagnosticKind::InvalidDate | DiagnosticKind::InvalidHeader
            )
        });
        match (why, self.input.find(|c: char| !is_space(c))) {
            (Some(why), _) => Err(Error::no_valid_header(&self.index, why)),
            (None, None) => Err(Error::empty(&self.index)),
            (None, Some(offset)) => Ok(offset),
        }
    }

    /// A paragraph from a rule's span (see [`Builder::lines_paragraph`]).
    fn span_paragraph(&self, pair: &Pair<'a, Rule>) -> Paragraph<'a> {
        self.lines_paragraph(self.trimmed(pair))
    }

    /// A paragraph from a span: its lines without their indentation and
    /// trailing white space, joined with `\n`. One line borrows the input.
    fn lines_paragraph(&self, span: Span) -> Paragraph<'a> {
        let source = span.source(self.input);
        // memchr's search, not `str::contains`: paragraphs are long lines.
        if memchr::memchr(b'\n', source.as_bytes()).is_none() {
            return Paragraph {
                text: Cow::Borrowed(source),
                span,
            };
        }
        let mut text = String::with_capacity(source.len());
        for (i, line) in source.split('\n').enumerate() {
            if i > 0 {
                text.push('\n');
            }
            text.push_str(line.trim_matches(is_space));
        }
        Paragraph {
            text: Cow::Owned(text),
            span,
        }
    }

    /// A paragraph made of the source text of a span.
    fn slice_paragraph(&self, span: Span) -> Paragraph<'a> {
        Paragraph {
            text: Cow::Borrowed(span.source(self.input)),
            span,
        }
    }

    /// A pair's span in the whole input, without surrounding white space.
    fn trimmed(&self, pair: &Pair<'a, Rule>) -> Span {
        let s = pair.as_span();
        self.index
            .trimmed(self.base + s.start(), self.base + s.end())
    }

    /// Whether the input has a blank line between two lines of text.
    fn page_has_blank_lines(&self) -> bool {
        *self
            .page_blank_lines
            .get_or_init(|| has_blank_lines(self.input))
    }

    /// A rule where the grammar cannot put one: a bug, never the input's
    /// fault. Debug builds stop here, naming the rule; release builds
    /// return an internal error naming the place in words.
    fn unexpected(&self, pair: &Pair<'a, Rule>, place: &str) -> Error {
        if cfg!(debug_assertions) {
            unreachable!("grammar rule {:?} in {place}", pair.as_rule());
        }
        self.internal(
            self.base + pair.as_span().start(),
            &format!("unexpected structure in {place}"),
        )
    }

    fn internal(&self, offset: usize, what: &str) -> Error {
        Error::internal(&self.index, offset, what)
    }
}

/// Whether `text` has a blank line between two lines of text.
fn has_blank_lines(text: &str) -> bool {
    text.trim_matches(|c| is_space(c) || c == '\r')
        .lines()
        .any(|line| line.trim_matches(is_space).is_empty())
}
