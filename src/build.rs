//! From pest's token tree to the typed syntax tree: one `parse_xxx` per
//! grammar rule, each taking its pair and returning its value.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate, Weekday};
use pest::iterators::Pair;

use crate::ast::{
    weekday_name, Block, BulletList, Comment, CommentSection, Export, Paragraph, Post, Sent,
    Separator,
};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::error::{Error, ErrorKind};
use crate::grammar::Rule;
use crate::letters::{self, Mark, SentParts, SentProblem};
use crate::signature::is_signature;
use crate::span::{is_space, LineIndex, Span};

type Result<T> = std::result::Result<T, Error>;

/// The rules of a letter's marked lines: they appear only in a body or the
/// preamble.
macro_rules! letter_parts {
    () => {
        Rule::sent_line
            | Rule::sent
            | Rule::time
            | Rule::zone
            | Rule::salutation_line
            | Rule::salutation
            | Rule::valediction_line
            | Rule::valediction
    };
}

/// The grammar's silent rules: they never appear as pairs, so every match
/// on a child's rule lists them as impossible.
macro_rules! silent {
    () => {
        Rule::title_part
            | Rule::day_first
            | Rule::month_first
            | Rule::text_line
            | Rule::block_start
            | Rule::comment_header_line
            | Rule::comment_stop
            | Rule::comment_line
            | Rule::reply_stop
            | Rule::marker_line
            | Rule::blank_line
            | Rule::hs
            | Rule::eol
            | Rule::letter_line
            | Rule::greeting
            | Rule::addressee
            | Rule::title_abbreviation
            | Rule::addressee_stop
    };
}

/// Builds the syntax tree for one input.
pub(crate) struct Builder<'a> {
    input: &'a str,
    index: LineIndex<'a>,
    diagnostics: Vec<Diagnostic>,
}

/// A post as the grammar found it: either a real post, or a header line that
/// names no real day, whose lines go back to what came before.
enum Parsed<'a> {
    Post(Post<'a>),
    Invalid {
        blocks: Vec<Block<'a>>,
        comments: Option<CommentSection<'a>>,
    },
}

impl<'a> Builder<'a> {
    pub(crate) fn new(input: &'a str) -> Self {
        Builder {
            input,
            index: LineIndex::new(input),
            diagnostics: Vec::new(),
        }
    }

    pub(crate) fn index(&self) -> &LineIndex<'a> {
        &self.index
    }

    /// `export = { SOI ~ BOM? ~ preamble ~ post* ~ EOI }`
    pub(crate) fn parse_export(mut self, pair: Pair<'a, Rule>) -> Result<Export<'a>> {
        let mut preamble = Vec::new();
        let mut posts: Vec<Post<'a>> = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::preamble => preamble = self.parse_blocks(child)?,
                Rule::post => match self.parse_post(child)? {
                    Parsed::Post(post) => posts.push(post),
                    Parsed::Invalid { blocks, comments } => match posts.last_mut() {
                        Some(prev) => merge_into_post(prev, blocks, comments),
                        None => {
                            preamble.extend(blocks);
                            if let Some(section) = comments {
                                preamble.extend(flatten_section(self.input, section));
                            }
                        }
                    },
                },
                Rule::EOI => {}
                silent!()
                | letter_parts!()
                | Rule::export
                | Rule::title_line
                | Rule::body
                | Rule::date_line
                | Rule::date_header
                | Rule::weekday
                | Rule::month
                | Rule::day
                | Rule::year
                | Rule::paragraph
                | Rule::bullet_list
                | Rule::bullet_line
                | Rule::separator_line
                | Rule::separator
                | Rule::stray_line
                | Rule::comment_section
                | Rule::comment_header
                | Rule::comment_count
                | Rule::comment
                | Rule::comment_start
                | Rule::comment_number
                | Rule::comment_para
                | Rule::reply
                | Rule::reply_start
                | Rule::reply_para
                | Rule::reply_delete_line
                | Rule::replies_line
                | Rule::delete_line
                | Rule::line_text => return Err(self.unexpected(&child, "an export")),
            }
        }
        if posts.is_empty() {
            return Err(self.no_posts());
        }
        let mut diagnostics = self.diagnostics;
        diagnostics.sort_by_key(|d| d.span.start);
        Ok(Export {
            preamble,
            posts,
            diagnostics,
        })
    }

    /// `post = { date_line ~ title_part? ~ body ~ comment_section? }`
    fn parse_post(&mut self, pair: Pair<'a, Rule>) -> Result<Parsed<'a>> {
        let span = self.trimmed(&pair);
        let mut header = None;
        let mut title = None;
        let mut body = Vec::new();
        let mut comments = None;
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::date_line => header = Some(self.parse_date_line(child)?),
                Rule::title_line => title = Some(self.parse_title_line(child)),
                Rule::body => body = self.parse_blocks(child)?,
                Rule::comment_section => comments = Some(self.parse_comment_section(child)?),
                silent!()
                | letter_parts!()
                | Rule::EOI
                | Rule::export
                | Rule::preamble
                | Rule::post
                | Rule::date_header
                | Rule::weekday
                | Rule::month
                | Rule::day
                | Rule::year
                | Rule::paragraph
                | Rule::bullet_list
                | Rule::bullet_line
                | Rule::separator_line
                | Rule::separator
                | Rule::stray_line
                | Rule::comment_header
                | Rule::comment_count
                | Rule::comment
                | Rule::comment_start
                | Rule::comment_number
                | Rule::comment_para
                | Rule::reply
                | Rule::reply_start
                | Rule::reply_para
                | Rule::reply_delete_line
                | Rule::replies_line
                | Rule::delete_line
                | Rule::line_text => return Err(self.unexpected(&child, "a post")),
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
                header_span: header.span,
                span,
            })),
            None => {
                let mut blocks = vec![Block::Paragraph(self.slice_paragraph(header.span))];
                blocks.extend(title.map(Block::Paragraph));
                blocks.extend(body);
                Ok(Parsed::Invalid { blocks, comments })
            }
        }
    }

    /// `date_line = ${ hs* ~ date_header ~ hs* ~ eol }`
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
                Rule::day => day = text.parse::<u32>().ok(),
                Rule::month => month = month_number(text),
                Rule::year => year = text.parse::<i32>().ok(),
                silent!()
                | letter_parts!()
                | Rule::EOI
                | Rule::export
                | Rule::preamble
                | Rule::post
                | Rule::title_line
                | Rule::body
                | Rule::date_line
                | Rule::date_header
                | Rule::paragraph
                | Rule::bullet_list
                | Rule::bullet_line
                | Rule::separator_line
                | Rule::separator
                | Rule::stray_line
                | Rule::comment_section
                | Rule::comment_header
                | Rule::comment_count
                | Rule::comment
                | Rule::comment_start
                | Rule::comment_number
                | Rule::comment_para
                | Rule::reply
                | Rule::reply_start
                | Rule::reply_para
                | Rule::reply_delete_line
                | Rule::replies_line
                | Rule::delete_line
                | Rule::line_text => return Err(self.unexpected(&part, "a date header")),
            }
        }
        let (Some(weekday), Some(day), Some(month), Some(year)) = (weekday, day, month, year)
        else {
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
        if date.weekday() != weekday {
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

    /// `title_line = ${ ... ~ line_text ~ eol }`
    fn parse_title_line(&mut self, pair: Pair<'a, Rule>) -> Paragraph<'a> {
        self.lines_paragraph(pair.into_inner())
    }

    /// `preamble` and `body`: a sequence of blocks, with quoted letters
    /// grouped (see [`letters::assemble`]).
    fn parse_blocks(&mut self, pair: Pair<'a, Rule>) -> Result<Vec<Block<'a>>> {
        let mut items = Vec::new();
        for child in pair.into_inner() {
            let item = match child.as_rule() {
                Rule::paragraph => (Block::Paragraph(self.parse_paragraph(child)), Mark::Plain),
                Rule::bullet_list => (Block::List(self.parse_bullet_list(child)), Mark::Plain),
                Rule::separator_line => (
                    Block::Separator(self.parse_separator_line(child)),
                    Mark::Plain,
                ),
                Rule::stray_line => (
                    Block::Paragraph(self.parse_stray_line(child, "before the first post")),
                    Mark::Plain,
                ),
                Rule::sent_line => self.parse_sent_line(child)?,
                Rule::salutation_line => (
                    Block::Paragraph(self.parse_marked_line(child)),
                    Mark::Salutation,
                ),
                Rule::valediction_line => (
                    Block::Paragraph(self.parse_marked_line(child)),
                    Mark::Valediction,
                ),
                silent!()
                | Rule::EOI
                | Rule::export
                | Rule::preamble
                | Rule::post
                | Rule::title_line
                | Rule::body
                | Rule::date_line
                | Rule::date_header
                | Rule::weekday
                | Rule::month
                | Rule::day
                | Rule::year
                | Rule::bullet_line
                | Rule::separator
                | Rule::sent
                | Rule::time
                | Rule::zone
                | Rule::salutation
                | Rule::valediction
                | Rule::comment_section
                | Rule::comment_header
                | Rule::comment_count
                | Rule::comment
                | Rule::comment_start
                | Rule::comment_number
                | Rule::comment_para
                | Rule::reply
                | Rule::reply_start
                | Rule::reply_para
                | Rule::reply_delete_line
                | Rule::replies_line
                | Rule::delete_line
                | Rule::line_text => return Err(self.unexpected(&child, "a post body")),
            };
            items.push(item);
        }
        Ok(letters::assemble(&self.index, self.input, items))
    }

    /// `sent_line = ${ hs* ~ sent ~ hs* ~ eol }`: a date line, marked as a
    /// letter's date when it has a value.
    fn parse_sent_line(&mut self, pair: Pair<'a, Rule>) -> Result<(Block<'a>, Mark<'a>)> {
        let span = self.trimmed(&pair);
        let mut parts = SentParts::default();
        for part in pair.into_inner().flat_map(Pair::into_inner) {
            let text = part.as_str();
            match part.as_rule() {
                Rule::day => parts.day = text.parse().ok(),
                Rule::month => parts.month = month_number(text),
                Rule::year => parts.year = text.parse().ok(),
                Rule::time => parts.time = Some(text),
                Rule::zone => parts.zone = Some(text),
                silent!()
                | Rule::EOI
                | Rule::export
                | Rule::preamble
                | Rule::post
                | Rule::title_line
                | Rule::body
                | Rule::date_line
                | Rule::date_header
                | Rule::weekday
                | Rule::paragraph
                | Rule::bullet_list
                | Rule::bullet_line
                | Rule::separator_line
                | Rule::separator
                | Rule::stray_line
                | Rule::sent_line
                | Rule::sent
                | Rule::salutation_line
                | Rule::salutation
                | Rule::valediction_line
                | Rule::valediction
                | Rule::comment_section
                | Rule::comment_header
                | Rule::comment_count
                | Rule::comment
                | Rule::comment_start
                | Rule::comment_number
                | Rule::comment_para
                | Rule::reply
                | Rule::reply_start
                | Rule::reply_para
                | Rule::reply_delete_line
                | Rule::replies_line
                | Rule::delete_line
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

    /// A salutation or valediction line, as a one-line paragraph.
    fn parse_marked_line(&mut self, pair: Pair<'a, Rule>) -> Paragraph<'a> {
        let span = self.trimmed(&pair);
        self.slice_paragraph(span)
    }

    /// `paragraph = { text_line+ }`: its `line_text` tokens.
    fn parse_paragraph(&mut self, pair: Pair<'a, Rule>) -> Paragraph<'a> {
        self.lines_paragraph(pair.into_inner())
    }

    /// `bullet_list = { bullet_line+ }`
    fn parse_bullet_list(&mut self, pair: Pair<'a, Rule>) -> BulletList<'a> {
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
        let paragraph = self.lines_paragraph(pair.into_inner());
        self.diagnostics.push(Diagnostic::warning(
            DiagnosticKind::StrayText,
            paragraph.span,
            format!("this line is {place} and belongs to nothing there; kept as a paragraph"),
        ));
        paragraph
    }

    /// `comment_section = { comment_header_line ~ (blank_line | comment | stray_line)* }`
    fn parse_comment_section(&mut self, pair: Pair<'a, Rule>) -> Result<CommentSection<'a>> {
        let span = self.trimmed(&pair);
        let mut declared = None;
        let mut header_span = None;
        let mut items = Vec::new();
        let mut stray = Vec::new();
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
                Rule::stray_line => stray
                    .push(self.parse_stray_line(child, "in a comment section outside any comment")),
                silent!()
                | letter_parts!()
                | Rule::EOI
                | Rule::export
                | Rule::preamble
                | Rule::post
                | Rule::title_line
                | Rule::body
                | Rule::date_line
                | Rule::date_header
                | Rule::weekday
                | Rule::month
                | Rule::day
                | Rule::year
                | Rule::paragraph
                | Rule::bullet_list
                | Rule::bullet_line
                | Rule::separator_line
                | Rule::separator
                | Rule::comment_section
                | Rule::comment_count
                | Rule::comment_start
                | Rule::comment_number
                | Rule::comment_para
                | Rule::reply
                | Rule::reply_start
                | Rule::reply_para
                | Rule::reply_delete_line
                | Rule::replies_line
                | Rule::delete_line
                | Rule::line_text => return Err(self.unexpected(&child, "a comment section")),
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
        Ok(section)
    }

    /// `comment` and `reply`: number, paragraphs, markers, replies.
    fn parse_comment(&mut self, pair: Pair<'a, Rule>) -> Result<Comment<'a>> {
        let span = self.trimmed(&pair);
        let mut number = 0;
        let mut paragraphs = Vec::new();
        let mut replies = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::comment_start | Rule::reply_start => {
                    number = child
                        .into_inner()
                        .next()
                        .and_then(|n| n.as_str().parse().ok())
                        .unwrap_or(0);
                }
                Rule::comment_para | Rule::reply_para => {
                    paragraphs.push(self.lines_paragraph(child.into_inner()));
                }
                Rule::reply => replies.push(self.parse_comment(child)?),
                Rule::reply_delete_line | Rule::replies_line | Rule::delete_line => {}
                silent!()
                | letter_parts!()
                | Rule::EOI
                | Rule::export
                | Rule::preamble
                | Rule::post
                | Rule::title_line
                | Rule::body
                | Rule::date_line
                | Rule::date_header
                | Rule::weekday
                | Rule::month
                | Rule::day
                | Rule::year
                | Rule::paragraph
                | Rule::bullet_list
                | Rule::bullet_line
                | Rule::separator_line
                | Rule::separator
                | Rule::stray_line
                | Rule::comment_section
                | Rule::comment_header
                | Rule::comment_count
                | Rule::comment
                | Rule::comment_number
                | Rule::line_text => return Err(self.unexpected(&child, "a comment")),
            }
        }
        let signature = match paragraphs.as_slice() {
            [_, .., last] if is_signature(&last.text) => paragraphs.pop(),
            _ => None,
        };
        Ok(Comment {
            number,
            paragraphs,
            signature,
            replies,
            span,
        })
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

    /// A paragraph from `line_text` tokens on consecutive lines.
    fn lines_paragraph(&self, lines: impl Iterator<Item = Pair<'a, Rule>>) -> Paragraph<'a> {
        let mut first: Option<(usize, &'a str)> = None;
        let mut joined: Option<String> = None;
        let mut end = 0;
        for line in lines {
            let text = line.as_str().trim_end_matches(is_space);
            end = line.as_span().start() + text.len();
            match (&first, &mut joined) {
                (None, _) => first = Some((line.as_span().start(), text)),
                (Some((_, f)), None) => {
                    let mut s = String::with_capacity(f.len() + text.len() + 1);
                    s.push_str(f);
                    s.push('\n');
                    s.push_str(text);
                    joined = Some(s);
                }
                (Some(_), Some(s)) => {
                    s.push('\n');
                    s.push_str(text);
                }
            }
        }
        let (start, first_text) = first.unwrap_or((end, ""));
        Paragraph {
            text: joined.map_or(Cow::Borrowed(first_text), Cow::Owned),
            span: self.index.span(start, end.max(start)),
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
        self.index.trimmed(s.start(), s.end())
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
            pair.as_span().start(),
            &format!("unexpected {:?} in {place}", pair.as_rule()),
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

/// A date header: its date and weekday as written, or `None` when the day
/// does not exist.
struct Header {
    date: Option<(NaiveDate, Weekday)>,
    span: Span,
}

fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
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
    MONTHS.iter().position(|m| *m == name).map(|i| i as u32 + 1)
}

/// Puts the lines of a post with an invalid header back into the post
/// before it.
fn merge_into_post<'a>(
    prev: &mut Post<'a>,
    blocks: Vec<Block<'a>>,
    comments: Option<CommentSection<'a>>,
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
                existing.items.extend(section.items);
                existing.stray.extend(section.stray);
                existing.span.end = section.span.end;
            }
            None => prev.comments = Some(section),
        }
    }
}

/// A comment section turned back into paragraphs, for when it has no post to
/// belong to.
fn flatten_section<'a>(input: &'a str, section: CommentSection<'a>) -> Vec<Block<'a>> {
    fn comment<'a>(out: &mut Vec<Block<'a>>, c: Comment<'a>) {
        out.extend(c.paragraphs.into_iter().map(Block::Paragraph));
        out.extend(c.signature.map(Block::Paragraph));
        for reply in c.replies {
            comment(out, reply);
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
        comment(&mut out, c);
    }
    out.extend(section.stray.into_iter().map(Block::Paragraph));
    out.sort_by_key(|b| b.span().start);
    out
}
