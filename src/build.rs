//! From pest's token tree to the typed syntax tree: one `parse_xxx` per
//! grammar rule, each taking its pair and returning its value.
//!
//! Every `match` on a child's rule is exhaustive: the rules that cannot
//! appear there are listed, so a new grammar rule cannot be silently ignored.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate, Weekday};
use pest::iterators::Pair;

use crate::ast::{
    weekday_name, Block, BulletList, Comment, CommentSection, Export, Marker, MarkerKind,
    Paragraph, Post, Sent, Separator,
};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::error::{Error, ErrorKind};
use crate::grammar::Rule;
use crate::letters::{self, Mark, SentParts, SentProblem};
use crate::signature::is_signature;
use crate::span::{is_space, LineIndex, Span};

type Result<T> = std::result::Result<T, Error>;

/// The grammar's silent rules: they never appear as pairs.
macro_rules! silent {
    () => {
        Rule::block_content
            | Rule::plain_capital
            | Rule::weekday_block
            | Rule::date_block
            | Rule::post_start
            | Rule::post_start_here
            | Rule::post_header
            | Rule::title_part
            | Rule::bare_post_start
            | Rule::day_first
            | Rule::month_first
            | Rule::weekday_initial
            | Rule::weekday_abbreviation
            | Rule::text_line
            | Rule::block_start
            | Rule::block_start_here
            | Rule::furniture_start
            | Rule::nav_line
            | Rule::nav_here
            | Rule::letter_line
            | Rule::date_initial
            | Rule::month_initial
            | Rule::greeting_initial
            | Rule::valediction_initial
            | Rule::furniture_initial
            | Rule::sent_time
            | Rule::greeting
            | Rule::addressee
            | Rule::title_abbreviation
            | Rule::addressee_stop
            | Rule::section_start
            | Rule::headerless_start
            | Rule::comment_header_line
            | Rule::comment_start_at
            | Rule::said_start
            | Rule::comment_stop
            | Rule::line_stop
            | Rule::reply_line_stop
            | Rule::comment_stop_here
            | Rule::comment_line
            | Rule::reply_stop
            | Rule::marker_line
            | Rule::blank_line
            | Rule::hs
            | Rule::eol
    };
}

/// The export and its direct children.
macro_rules! top {
    () => {
        Rule::EOI | Rule::export | Rule::preamble | Rule::post
    };
}

/// A post's direct children.
macro_rules! post_parts {
    () => {
        Rule::date_line
            | Rule::bare_date_line
            | Rule::title_line
            | Rule::body
            | Rule::comment_section
            | Rule::page_tail
    };
}

/// Blocks of a preamble or a body.
macro_rules! blocks {
    () => {
        Rule::paragraph
            | Rule::bullet_list
            | Rule::dash_list
            | Rule::separator_line
            | Rule::stray_line
            | Rule::furniture_line
            | Rule::header_like_line
            | Rule::sent_line
            | Rule::salutation_line
            | Rule::valediction_line
    };
}

/// Lines inside lists and the page tail.
macro_rules! list_lines {
    () => {
        Rule::bullet_line | Rule::dash_line | Rule::tail_line
    };
}

/// Parts of a comment section.
macro_rules! comment_parts {
    () => {
        Rule::comment_header
            | Rule::comment
            | Rule::said_comment
            | Rule::comment_start
            | Rule::reply_start
            | Rule::said_line
            | Rule::comment_para
            | Rule::reply_para
            | Rule::reply
            | Rule::reply_delete_line
            | Rule::replies_line
            | Rule::delete_line
    };
}

/// Tokens inside a line.
macro_rules! tokens {
    () => {
        Rule::date_header
            | Rule::bare_date
            | Rule::weekday
            | Rule::month
            | Rule::day
            | Rule::year
            | Rule::header_like
            | Rule::separator
            | Rule::furniture
            | Rule::sent
            | Rule::time
            | Rule::zone
            | Rule::salutation
            | Rule::valediction
            | Rule::comment_count
            | Rule::comment_number
            | Rule::author
            | Rule::said
            | Rule::line_text
    };
}

/// Builds the syntax tree for one input, from the token trees of its
/// chunks in order (see [`crate::parse`]).
pub(crate) struct Builder<'a> {
    input: &'a str,
    index: LineIndex<'a>,
    diagnostics: Vec<Diagnostic>,
    /// Byte offset of the chunk being built: pest's positions are relative
    /// to it.
    base: usize,
    preamble: Vec<Block<'a>>,
    orphan_comments: Option<CommentSection<'a>>,
    posts: Vec<Post<'a>>,
}

/// A post as the grammar found it: either a real post, or a header line that
/// names no real day, whose lines go back to what came before.
enum Parsed<'a> {
    Post(Post<'a>),
    Invalid {
        blocks: Vec<Block<'a>>,
        comments: Option<CommentSection<'a>>,
        furniture: Vec<Paragraph<'a>>,
    },
}

/// A comment section and the furniture lines found inside it.
struct Section<'a> {
    section: CommentSection<'a>,
    furniture: Vec<Paragraph<'a>>,
}

impl<'a> Builder<'a> {
    pub(crate) fn new(input: &'a str) -> Self {
        Builder {
            input,
            index: LineIndex::new(input),
            diagnostics: Vec::new(),
            base: 0,
            preamble: Vec::new(),
            orphan_comments: None,
            posts: Vec::new(),
        }
    }

    pub(crate) fn index(&self) -> &LineIndex<'a> {
        &self.index
    }

    /// `export = { SOI ~ BOM? ~ preamble ~ post* ~ EOI }`, for the chunk of
    /// the input that starts at byte `base`. Chunks after the first start
    /// with a date header, so their preamble is empty.
    pub(crate) fn parse_export(&mut self, pair: Pair<'a, Rule>, base: usize) -> Result<()> {
        self.base = base;
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::preamble => {
                    let (blocks, orphans) = self.parse_preamble(child)?;
                    self.preamble.extend(blocks);
                    if orphans.is_some() {
                        self.orphan_comments = orphans;
                    }
                }
                Rule::post => match self.parse_post(child)? {
                    Parsed::Post(post) => self.posts.push(post),
                    Parsed::Invalid {
                        blocks,
                        comments,
                        furniture,
                    } => self.merge_invalid(blocks, comments, furniture),
                },
                Rule::EOI => {}
                silent!()
                | Rule::export
                | post_parts!()
                | blocks!()
                | list_lines!()
                | comment_parts!()
                | tokens!() => return Err(self.unexpected(&child, "an export")),
            }
        }
        Ok(())
    }

    /// The export, once every chunk is built.
    ///
    /// A blog writes all its date headers one way. When a page has headers
    /// with a weekday, a date line without one that looked like a header is
    /// a date quoted in a post (a letter's date, say): its "post" goes back
    /// into the post before it.
    pub(crate) fn finish(mut self) -> Result<Export<'a>> {
        let weekdays = self.posts.iter().filter(|p| p.weekday.is_some()).count();
        if weekdays > 0 && weekdays < self.posts.len() {
            for post in std::mem::take(&mut self.posts) {
                if post.weekday.is_some() {
                    self.posts.push(post);
                    continue;
                }
                let mut blocks = vec![Block::Paragraph(self.slice_paragraph(post.header_span))];
                if let (Some(text), Some(span)) = (post.title, post.title_span) {
                    blocks.push(Block::Paragraph(Paragraph { text, span }));
                }
                blocks.extend(post.body);
                self.merge_invalid(blocks, post.comments, post.furniture);
            }
        }
        self.export()
    }

    fn export(self) -> Result<Export<'a>> {
        if self.posts.is_empty() {
            // A header that names no real day is the likeliest reason.
            if let Some(d) = self.diagnostics.iter().find(|d| {
                matches!(
                    d.kind,
                    DiagnosticKind::InvalidDate | DiagnosticKind::InvalidHeader
                )
            }) {
                return Err(Error::at(
                    &self.index,
                    d.span.start,
                    ErrorKind::NoDateHeader,
                    format!("no valid date header: {}", d.message),
                ));
            }
            return Err(self.no_posts());
        }
        let mut diagnostics = self.diagnostics;
        diagnostics.sort_by_key(|d| d.span.start);
        Ok(Export {
            preamble: self.preamble,
            orphan_comments: self.orphan_comments,
            posts: self.posts,
            diagnostics,
        })
    }

    /// Puts the lines of a post with an invalid header back into what came
    /// before it: the previous post, or the preamble.
    fn merge_invalid(
        &mut self,
        blocks: Vec<Block<'a>>,
        comments: Option<CommentSection<'a>>,
        furniture: Vec<Paragraph<'a>>,
    ) {
        if let Some(prev) = self.posts.last_mut() {
            merge_into_post(self.input, prev, blocks, comments, furniture);
            return;
        }
        self.preamble.extend(blocks);
        match (comments, &self.orphan_comments) {
            (Some(section), None) => self.orphan_comments = Some(section),
            (Some(section), Some(_)) => {
                self.preamble.extend(flatten_section(self.input, section));
            }
            (None, _) => {}
        }
        self.preamble
            .extend(furniture.into_iter().map(Block::Furniture));
    }

    /// `preamble = { (block | stray_line)* ~ (comment_section ~ page_tail?)? }`:
    /// blocks (with furniture), and the comments of a post whose header is
    /// not in the input.
    fn parse_preamble(
        &mut self,
        pair: Pair<'a, Rule>,
    ) -> Result<(Vec<Block<'a>>, Option<CommentSection<'a>>)> {
        let mut blocks = Vec::new();
        let mut pending = Vec::new();
        let mut comments = None;
        let mut furniture = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::comment_section => {
                    let section = self.parse_comment_section(child)?;
                    furniture.extend(section.furniture);
                    comments = Some(section.section);
                }
                Rule::page_tail => furniture.extend(self.parse_page_tail(child)),
                silent!()
                | top!()
                | Rule::date_line
                | Rule::bare_date_line
                | Rule::title_line
                | Rule::body
                | blocks!()
                | list_lines!()
                | comment_parts!()
                | tokens!() => {
                    pending.push(child);
                    continue;
                }
            }
        }
        if !pending.is_empty() {
            blocks = self.parse_block_pairs(pending.into_iter())?;
        }
        blocks.extend(furniture.into_iter().map(Block::Furniture));
        Ok((blocks, comments))
    }

    /// `post = { post_header ~ title_part? ~ body ~ comment_section? ~ page_tail? }`
    fn parse_post(&mut self, pair: Pair<'a, Rule>) -> Result<Parsed<'a>> {
        let span = self.trimmed(&pair);
        let mut header = None;
        let mut title = None;
        let mut body = Vec::new();
        let mut comments = None;
        let mut furniture = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::date_line | Rule::bare_date_line => {
                    header = Some(self.parse_date_line(child)?);
                }
                Rule::title_line => title = Some(self.span_paragraph(&child)),
                Rule::body => {
                    for block in self.parse_blocks(child)? {
                        match block {
                            Block::Furniture(line) => furniture.push(line),
                            block => body.push(block),
                        }
                    }
                }
                Rule::comment_section => {
                    let section = self.parse_comment_section(child)?;
                    furniture.extend(section.furniture);
                    comments = Some(section.section);
                }
                Rule::page_tail => furniture.extend(self.parse_page_tail(child)),
                silent!() | top!() | blocks!() | list_lines!() | comment_parts!() | tokens!() => {
                    return Err(self.unexpected(&child, "a post"))
                }
            }
        }
        let Some(header) = header else {
            return Err(self.internal(span.start, "a post without its date header"));
        };
        match header.date {
            Some((date, weekday)) => Ok(Parsed::Post(Post {
                date,
                weekday,
                title: title.as_ref().map(|t| t.text.clone()),
                title_span: title.map(|t| t.span),
                body,
                comments,
                furniture,
                header_span: header.span,
                span,
            })),
            None => {
                let mut blocks = vec![Block::Paragraph(self.slice_paragraph(header.span))];
                blocks.extend(title.map(Block::Paragraph));
                blocks.extend(body);
                Ok(Parsed::Invalid {
                    blocks,
                    comments,
                    furniture,
                })
            }
        }
    }

    /// `date_line = ${ hs* ~ date_header ~ hs* ~ eol }` and
    /// `bare_date_line = ${ hs* ~ bare_date ~ hs* ~ eol }`
    fn parse_date_line(&mut self, pair: Pair<'a, Rule>) -> Result<Header> {
        let span = self.trimmed(&pair);
        let mut weekday = None;
        let mut day = None;
        let mut month = None;
        let mut year = None;
        for part in pair.into_inner().flat_map(Pair::into_inner) {
            let text = part.as_str();
            match part.as_rule() {
                Rule::weekday => weekday = text.parse::<Weekday>().ok(),
                Rule::day => day = day_number(text),
                Rule::month => month = month_number(text),
                Rule::year => year = text.parse::<i32>().ok(),
                silent!()
                | top!()
                | post_parts!()
                | blocks!()
                | list_lines!()
                | comment_parts!()
                | Rule::date_header
                | Rule::bare_date
                | Rule::header_like
                | Rule::separator
                | Rule::furniture
                | Rule::sent
                | Rule::time
                | Rule::zone
                | Rule::salutation
                | Rule::valediction
                | Rule::comment_count
                | Rule::comment_number
                | Rule::author
                | Rule::said
                | Rule::line_text => return Err(self.unexpected(&part, "a date header")),
            }
        }
        let (Some(day), Some(month), Some(year)) = (day, month, year) else {
            return Err(self.internal(span.start, "a date header without all its parts"));
        };
        let line = span.source(self.input);
        let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
            self.diagnostics.push(Diagnostic::warning(
                DiagnosticKind::InvalidDate,
                span,
                format!("`{line}` looks like a date header, but that day does not exist; the line is kept as text"),
            ));
            return Ok(Header { date: None, span });
        };
        if let Some(weekday) = weekday.filter(|w| *w != date.weekday()) {
            self.diagnostics.push(Diagnostic::warning(
                DiagnosticKind::WeekdayMismatch,
                span,
                format!(
                    "`{line}`: {} was a {}, not a {}",
                    date.format("%-d %B %Y"),
                    weekday_name(date.weekday()),
                    weekday_name(weekday)
                ),
            ));
        }
        Ok(Header {
            date: Some((date, weekday)),
            span,
        })
    }

    /// `preamble` and `body`: a sequence of blocks, with quoted letters
    /// grouped (see [`letters::assemble`]).
    fn parse_blocks(&mut self, pair: Pair<'a, Rule>) -> Result<Vec<Block<'a>>> {
        self.parse_block_pairs(pair.into_inner())
    }

    /// The blocks of a `preamble` or `body`, from its children.
    fn parse_block_pairs(
        &mut self,
        children: impl Iterator<Item = Pair<'a, Rule>>,
    ) -> Result<Vec<Block<'a>>> {
        let mut items = Vec::new();
        for child in children {
            let item = match child.as_rule() {
                Rule::paragraph => (Block::Paragraph(self.span_paragraph(&child)), Mark::Plain),
                Rule::bullet_list | Rule::dash_list => {
                    (Block::List(self.parse_list(child)), Mark::Plain)
                }
                Rule::separator_line => (
                    Block::Separator(self.parse_separator_line(child)),
                    Mark::Plain,
                ),
                Rule::stray_line => (
                    Block::Paragraph(self.parse_stray_line(child, "before the first post")),
                    Mark::Plain,
                ),
                Rule::furniture_line => {
                    (Block::Furniture(self.parse_whole_line(child)), Mark::Plain)
                }
                Rule::header_like_line => (
                    Block::Paragraph(self.parse_header_like_line(child)),
                    Mark::Plain,
                ),
                Rule::sent_line => self.parse_sent_line(child)?,
                Rule::salutation_line => (
                    Block::Paragraph(self.parse_whole_line(child)),
                    Mark::Salutation,
                ),
                Rule::valediction_line => (
                    Block::Paragraph(self.parse_whole_line(child)),
                    Mark::Valediction,
                ),
                silent!()
                | top!()
                | post_parts!()
                | list_lines!()
                | comment_parts!()
                | tokens!() => return Err(self.unexpected(&child, "a post body")),
            };
            items.push(item);
        }
        Ok(letters::assemble(&self.index, self.input, items))
    }

    /// `bullet_list = { bullet_line+ }` and `dash_list = { dash_line{2,} }`
    fn parse_list(&mut self, pair: Pair<'a, Rule>) -> BulletList<'a> {
        let span = self.trimmed(&pair);
        let items = pair
            .into_inner()
            .map(|line| {
                // The item's span is the whole line, bullet included; its
                // text is what follows the bullet.
                let span = self.trimmed(&line);
                let text = line.into_inner().next().map_or("", |t| t.as_str());
                Paragraph {
                    text: Cow::Borrowed(text.trim_end_matches(is_space)),
                    span,
                }
            })
            .collect();
        BulletList { items, span }
    }

    /// `separator_line = ${ hs* ~ separator ~ hs* ~ eol }`
    fn parse_separator_line(&mut self, pair: Pair<'a, Rule>) -> Separator<'a> {
        let span = self.trimmed(&pair);
        Separator {
            text: Cow::Borrowed(span.source(self.input)),
            span,
        }
    }

    /// `stray_line`: a line kept as a paragraph, with a diagnostic.
    fn parse_stray_line(&mut self, pair: Pair<'a, Rule>, place: &str) -> Paragraph<'a> {
        let paragraph = self.span_paragraph(&pair);
        self.diagnostics.push(Diagnostic::warning(
            DiagnosticKind::StrayText,
            paragraph.span,
            format!("this line is {place} and belongs to nothing there; kept as a paragraph"),
        ));
        paragraph
    }

    /// `header_like_line`: kept as a paragraph, with a diagnostic.
    fn parse_header_like_line(&mut self, pair: Pair<'a, Rule>) -> Paragraph<'a> {
        let paragraph = self.parse_whole_line(pair);
        self.diagnostics.push(Diagnostic::warning(
            DiagnosticKind::InvalidHeader,
            paragraph.span,
            format!(
                "`{}` looks like a date header, but its weekday is abbreviated; the line is kept as text",
                paragraph.text
            ),
        ));
        paragraph
    }

    /// `sent_line = ${ hs* ~ sent ~ hs* ~ eol }`: a date line, marked as a
    /// letter's date when it has a value.
    fn parse_sent_line(&mut self, pair: Pair<'a, Rule>) -> Result<(Block<'a>, Mark<'a>)> {
        let span = self.trimmed(&pair);
        let mut parts = SentParts::default();
        for part in pair.into_inner().flat_map(Pair::into_inner) {
            let text = part.as_str();
            match part.as_rule() {
                Rule::day => parts.day = day_number(text),
                Rule::month => parts.month = month_number(text),
                Rule::year => parts.year = text.parse().ok(),
                Rule::time => parts.time = Some(text),
                Rule::zone => parts.zone = Some(text),
                silent!()
                | top!()
                | post_parts!()
                | blocks!()
                | list_lines!()
                | comment_parts!()
                | Rule::date_header
                | Rule::bare_date
                | Rule::weekday
                | Rule::header_like
                | Rule::separator
                | Rule::furniture
                | Rule::sent
                | Rule::salutation
                | Rule::valediction
                | Rule::comment_count
                | Rule::comment_number
                | Rule::author
                | Rule::said
                | Rule::line_text => return Err(self.unexpected(&part, "a date line")),
            }
        }
        let paragraph = self.slice_paragraph(span);
        let (at, problem) = parts.value();
        if let Some(SentProblem::UnknownZone) = problem {
            self.diagnostics.push(Diagnostic::warning(
                DiagnosticKind::UnknownTimeZone,
                span,
                format!(
                    "unknown time zone `{}`: the time is kept without an offset",
                    parts.zone.unwrap_or_default()
                ),
            ));
        }
        let mark = match at {
            Some(at) => Mark::Sent(Sent {
                at,
                raw: paragraph.text.clone(),
                span,
            }),
            None => Mark::Plain,
        };
        Ok((Block::Paragraph(paragraph), mark))
    }

    /// A line that is one token (salutation, valediction, furniture), as a
    /// one-line paragraph.
    fn parse_whole_line(&mut self, pair: Pair<'a, Rule>) -> Paragraph<'a> {
        self.span_paragraph(&pair)
    }

    /// `page_tail`: every line after the navigation, as furniture.
    fn parse_page_tail(&mut self, pair: Pair<'a, Rule>) -> Vec<Paragraph<'a>> {
        pair.into_inner()
            .map(|line| self.parse_whole_line(line))
            .collect()
    }

    /// `comment_section = { (comment_header_line | headerless_start) ~ ... }`
    fn parse_comment_section(&mut self, pair: Pair<'a, Rule>) -> Result<Section<'a>> {
        let span = self.trimmed(&pair);
        let mut declared = None;
        let mut header_span = None;
        let mut items = Vec::new();
        let mut stray = Vec::new();
        let mut furniture = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::comment_header => {
                    header_span = Some(self.trimmed(&child));
                    declared = Some(match child.into_inner().next() {
                        Some(count) => count.as_str().parse().unwrap_or(u32::MAX),
                        None => 0, // `No comments:`
                    });
                }
                Rule::comment => items.push(self.parse_comment(child)?),
                Rule::said_comment => {
                    let mut comment = self.parse_comment(child)?;
                    comment.number = u32::try_from(items.len() + 1).unwrap_or(u32::MAX);
                    items.push(comment);
                }
                Rule::furniture_line => furniture.push(self.parse_whole_line(child)),
                Rule::stray_line => stray
                    .push(self.parse_stray_line(child, "in a comment section outside any comment")),
                silent!()
                | top!()
                | post_parts!()
                | Rule::paragraph
                | Rule::bullet_list
                | Rule::dash_list
                | Rule::separator_line
                | Rule::header_like_line
                | Rule::sent_line
                | Rule::salutation_line
                | Rule::valediction_line
                | list_lines!()
                | Rule::comment_start
                | Rule::reply_start
                | Rule::said_line
                | Rule::comment_para
                | Rule::reply_para
                | Rule::reply
                | Rule::reply_delete_line
                | Rule::replies_line
                | Rule::delete_line
                | tokens!() => return Err(self.unexpected(&child, "a comment section")),
            }
        }
        let section = CommentSection {
            declared,
            items,
            stray,
            header_span,
            span,
        };
        self.check_section(&section);
        Ok(Section { section, furniture })
    }

    /// `comment`, `reply` and `said_comment`: number or author, paragraphs,
    /// markers, replies.
    fn parse_comment(&mut self, pair: Pair<'a, Rule>) -> Result<Comment<'a>> {
        let span = self.trimmed(&pair);
        let mut number = 0;
        let mut lead_span = None;
        let mut markers = Vec::new();
        let mut author = None;
        let mut paragraphs = Vec::new();
        let mut replies = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::comment_start | Rule::reply_start => {
                    if let Some(digits) = child.into_inner().next() {
                        number = digits.as_str().parse().unwrap_or(u32::MAX);
                        // The lead is the number and its dot.
                        let s = digits.as_span();
                        let start = self.base + s.start();
                        lead_span = Some(self.index.span(start, self.base + s.end() + 1));
                    }
                }
                Rule::said_line => {
                    for part in child.into_inner() {
                        if part.as_rule() == Rule::said {
                            lead_span = Some(self.trimmed(&part));
                        } else {
                            let start = self.base + part.as_span().start();
                            let text = part.as_str().trim_end_matches(is_space);
                            author = Some(Paragraph {
                                text: Cow::Borrowed(text),
                                span: self.index.span(start, start + text.len()),
                            });
                        }
                    }
                }
                Rule::comment_para | Rule::reply_para => {
                    paragraphs.push(self.span_paragraph(&child));
                }
                Rule::reply => replies.push(self.parse_comment(child)?),
                Rule::reply_delete_line => {
                    let kind = if child.as_str().starts_with("ReplyDelete") {
                        MarkerKind::ReplyDelete
                    } else {
                        MarkerKind::Reply
                    };
                    markers.push(self.marker(&child, kind));
                }
                Rule::replies_line => markers.push(self.marker(&child, MarkerKind::Replies)),
                Rule::delete_line => markers.push(self.marker(&child, MarkerKind::Delete)),
                silent!()
                | top!()
                | post_parts!()
                | blocks!()
                | list_lines!()
                | Rule::comment_header
                | Rule::comment
                | Rule::said_comment
                | tokens!() => return Err(self.unexpected(&child, "a comment")),
            }
        }
        let signature = match paragraphs.as_slice() {
            [_, .., last] if is_signature(&last.text) => paragraphs.pop(),
            _ => None,
        };
        Ok(Comment {
            number,
            lead_span: lead_span.unwrap_or(Span {
                end: span.start,
                ..span
            }),
            author,
            paragraphs,
            signature,
            replies,
            markers,
            span,
        })
    }

    /// A marker line.
    fn marker(&self, pair: &Pair<'a, Rule>, kind: MarkerKind) -> Marker {
        Marker {
            kind,
            span: self.trimmed(pair),
        }
    }

    /// Diagnostics of a comment section: declared count and numbering.
    fn check_section(&mut self, section: &CommentSection<'a>) {
        if let (Some(declared), Some(header)) = (section.declared, section.header_span) {
            let listed = section.total();
            if declared as usize != listed {
                let verb = if listed == 1 { "is" } else { "are" };
                let plural = if declared == 1 { "" } else { "s" };
                self.diagnostics.push(Diagnostic::warning(
                    DiagnosticKind::CommentCountMismatch,
                    header,
                    format!(
                        "the header declares {declared} comment{plural} but {listed} {verb} listed"
                    ),
                ));
            }
        }
        self.check_numbers(&section.items, "comment");
        for comment in &section.items {
            self.check_numbers(&comment.replies, "reply");
        }
    }

    fn check_numbers(&mut self, comments: &[Comment<'a>], what: &str) {
        let mut expected = 1;
        for comment in comments {
            if comment.number != expected {
                self.diagnostics.push(Diagnostic::warning(
                    DiagnosticKind::CommentNumberOutOfSequence,
                    comment.span,
                    format!(
                        "{what} number {} where {expected} was expected",
                        comment.number
                    ),
                ));
            }
            expected = comment.number.saturating_add(1);
        }
    }

    /// A paragraph from a rule's span: its lines without their indentation
    /// and trailing white space, joined with `\n`. One line borrows the
    /// input.
    fn span_paragraph(&self, pair: &Pair<'a, Rule>) -> Paragraph<'a> {
        let span = self.trimmed(pair);
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

    fn trimmed(&self, pair: &Pair<'a, Rule>) -> Span {
        let s = pair.as_span();
        self.index
            .trimmed(self.base + s.start(), self.base + s.end())
    }

    fn no_posts(&self) -> Error {
        match self.input.find(|c: char| !is_space(c)) {
            None => Error::at(
                &self.index,
                0,
                ErrorKind::Empty,
                "the input is empty".into(),
            ),
            Some(offset) => Error::at(
                &self.index,
                offset,
                ErrorKind::NoDateHeader,
                "no date header (a line like `Friday 25 July 2014`) in the input".into(),
            ),
        }
    }

    fn unexpected(&self, pair: &Pair<'a, Rule>, place: &str) -> Error {
        self.internal(
            self.base + pair.as_span().start(),
            &format!("unexpected structure in {place}"),
        )
    }

    fn internal(&self, offset: usize, what: &str) -> Error {
        Error::at(
            &self.index,
            offset,
            ErrorKind::Grammar,
            format!("internal error: {what}; please report this input"),
        )
    }
}

/// A date header: its date and weekday as written (if any), or `None` when
/// the day does not exist.
struct Header {
    date: Option<(NaiveDate, Option<Weekday>)>,
    span: Span,
}

/// The number of a `day` token: its digits, without an ordinal suffix.
fn day_number(text: &str) -> Option<u32> {
    text.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

/// The months' names, January first.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_number(name: &str) -> Option<u32> {
    MONTH_NAMES
        .iter()
        .position(|m| *m == name)
        .map(|i| i as u32 + 1)
}

/// Puts the lines of a post with an invalid header back into the post
/// before it.
fn merge_into_post<'a>(
    input: &'a str,
    prev: &mut Post<'a>,
    blocks: Vec<Block<'a>>,
    comments: Option<CommentSection<'a>>,
    furniture: Vec<Paragraph<'a>>,
) {
    let end = blocks
        .last()
        .map(Block::span)
        .map_or(prev.span.end, |s| s.end);
    prev.body.extend(blocks);
    prev.span.end = prev.span.end.max(end);
    if let Some(section) = comments {
        prev.span.end = prev.span.end.max(section.span.end);
        match &mut prev.comments {
            Some(existing) => {
                // The second header has no place of its own: keep it as a
                // stray line of the first section.
                if let Some(header) = section.header_span {
                    existing.stray.push(Paragraph {
                        text: Cow::Borrowed(header.source(input)),
                        span: header,
                    });
                }
                existing.items.extend(section.items);
                existing.stray.extend(section.stray);
                existing.stray.sort_by_key(|p| p.span.start);
                existing.span.end = section.span.end;
            }
            None => prev.comments = Some(section),
        }
    }
    if let Some(last) = furniture.last() {
        prev.span.end = prev.span.end.max(last.span.end);
    }
    prev.furniture.extend(furniture);
}

/// A comment section turned back into paragraphs, for when it has no post to
/// belong to.
fn flatten_section<'a>(input: &'a str, section: CommentSection<'a>) -> Vec<Block<'a>> {
    fn comment<'a>(input: &'a str, out: &mut Vec<Block<'a>>, c: Comment<'a>) {
        let source = |span: Span| {
            Block::Paragraph(Paragraph {
                text: Cow::Borrowed(span.source(input)),
                span,
            })
        };
        if !c.lead_span.is_empty() {
            out.push(source(c.lead_span));
        }
        out.extend(c.markers.iter().map(|m| source(m.span)));
        out.extend(c.author.map(Block::Paragraph));
        out.extend(c.paragraphs.into_iter().map(Block::Paragraph));
        out.extend(c.signature.map(Block::Paragraph));
        for reply in c.replies {
            comment(input, out, reply);
        }
    }
    let mut out = Vec::new();
    if let Some(header) = section.header_span {
        out.push(Block::Paragraph(Paragraph {
            text: Cow::Borrowed(header.source(input)),
            span: header,
        }));
    }
    for c in section.items {
        comment(input, &mut out, c);
    }
    out.extend(section.stray.into_iter().map(Block::Paragraph));
    out.sort_by_key(|b| b.span().start);
    out
}
