//! Posts: the preamble, each post's parts, and date headers.
//!
//! In: the `preamble` and `post` pairs of a chunk. Out: the preamble's
//! blocks (and the comments of a post whose header is off the page), and
//! one [`Parsed`] per post: a [`Post`], or, when its header names no real
//! day, its lines for [`recover`](super::recover) to give back.

use std::borrow::Cow;

use chrono::{NaiveDate, Weekday};
use pest::iterators::Pair;

use super::blocks::BodyBlocks;
use super::recover::Loose;
use super::shared::{is_heading, TITLE_MAX_CHARS};
use super::{has_blank_lines, Builder, Result};
use crate::ast::{Block, CommentSection, Export, Paragraph, Post};
use crate::dates::{
    day_number, digit_orders, infer_year, month_number, this_year, weekday_number, years_named,
};
use crate::diagnostic::Diagnostic;
use crate::grammar::Rule;
use crate::span::{is_space, Span};

/// A post as the grammar found it: either a real post, or a header line that
/// names no real day, whose lines go back to what came before; or a post
/// whose body goes on past where the parse stopped (see `body_lines` in
/// `grammar/blog.pest`), read so far.
pub(super) enum Parsed<'a> {
    Post(Post<'a>),
    Invalid(Loose<'a>),
    Open(OpenPost<'a>),
}

/// The parts of a post read so far: all of them, or, for a post whose body
/// is read in pieces, those up to where its body goes on (`body.more`).
pub(super) struct OpenPost<'a> {
    /// Where the post is: its start, and the end of its parts read so far.
    span: Span,
    /// Whether the post has a comment section (known from its first
    /// parse; a body read in pieces has none there).
    headed: bool,
    header: Option<Header>,
    title: Option<Paragraph<'a>>,
    pub(super) body: BodyBlocks<'a>,
    /// Where the body ends, in the input.
    body_end: usize,
    comments: Option<CommentSection<'a>>,
    furniture: Vec<Paragraph<'a>>,
}

/// A date header: its date and weekday as written (if any), or `None` when
/// the day does not exist.
pub(super) struct Header {
    pub(super) date: Option<(NaiveDate, Option<Weekday>)>,
    pub(super) span: Span,
}

impl<'a> Builder<'a> {
    /// `preamble = { (block | stray_line)* ~ (comment_section ~ page_tail?)? }`:
    /// blocks (with furniture), and the comments of a post whose header is
    /// not in the input.
    pub(super) fn parse_preamble(&mut self, pair: Pair<'a, Rule>) -> Result<()> {
        let end = pair.as_span().end();
        let mut pending = Vec::new();
        let mut comments = None;
        let mut furniture = Vec::new();
        let mut blocks_end = end;
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::comment_section => {
                    blocks_end = blocks_end.min(child.as_span().start());
                    let section = self.parse_comment_section(child)?;
                    furniture.extend(section.furniture);
                    comments = Some(section.section);
                }
                Rule::page_tail => {
                    blocks_end = blocks_end.min(child.as_span().start());
                    furniture.extend(self.parse_page_tail(child));
                }
                _ => pending.push(child),
            }
        }
        let said_end = comments.is_none().then_some(blocks_end);
        let (blocks, said) = self.parse_block_pairs(pending.into_iter(), said_end)?;
        self.preamble.extend(blocks);
        if let Some(section) = said {
            furniture.splice(0..0, section.furniture);
            comments = Some(section.section);
        }
        let mut preamble = std::mem::take(&mut self.preamble);
        let comments = comments.and_then(|section| self.keep_list_as_text(section, &mut preamble));
        self.preamble = preamble;
        self.preamble
            .extend(furniture.into_iter().map(Block::Furniture));
        if comments.is_some() {
            self.orphan_comments = comments;
        }
        Ok(())
    }

    /// `post = { (date_line ~ title_part? ~ body | bare_date_line ~ title_part? ~ bare_body) ~ comment_section? ~ page_tail? }`
    pub(super) fn parse_post(&mut self, pair: Pair<'a, Rule>) -> Result<Parsed<'a>> {
        let span = self.trimmed(&pair);
        let children: Vec<_> = pair.into_inner().collect();
        let headed = children
            .iter()
            .any(|c| c.as_rule() == Rule::comment_section);
        let mut post = OpenPost {
            span,
            headed,
            header: None,
            title: None,
            body: BodyBlocks::default(),
            body_end: span.end,
            comments: None,
            furniture: Vec::new(),
        };
        for child in children {
            self.post_part(&mut post, child)?;
        }
        if post.body.more.is_some() {
            return Ok(Parsed::Open(post));
        }
        self.finish_post(post)
    }

    /// Reads one part of a post (a child of `post`, or of `resume` for a
    /// post whose body was read in pieces) onto `post`.
    pub(super) fn post_part(
        &mut self,
        post: &mut OpenPost<'a>,
        child: Pair<'a, Rule>,
    ) -> Result<()> {
        let end = self.base + child.as_span().end();
        let text = &self.input[post.span.start.min(end)..end];
        post.span.end = post.span.start.min(end) + text.trim_end_matches(is_space).len();
        match child.as_rule() {
            Rule::date_line | Rule::bare_date_line => {
                post.header = Some(self.parse_date_line(child)?);
            }
            Rule::title_line => post.title = Some(self.span_paragraph(&child)),
            Rule::body | Rule::bare_body | Rule::body_rest => {
                post.body_end = end;
                self.read_blocks(child.into_inner(), &mut post.body, !post.headed)?;
            }
            Rule::comment_section => {
                let section = self.parse_comment_section(child)?;
                post.furniture.extend(section.furniture);
                post.comments = Some(section.section);
            }
            Rule::page_tail => post.furniture.extend(self.parse_page_tail(child)),
            _ => return Err(self.unexpected(&child, "a post")),
        }
        Ok(())
    }

    /// The post of `post`'s parts, once all of them are read.
    pub(super) fn finish_post(&mut self, post: OpenPost<'a>) -> Result<Parsed<'a>> {
        let OpenPost {
            span,
            header,
            mut title,
            body: blocks,
            body_end,
            mut comments,
            mut furniture,
            headed: _,
        } = post;
        // A headerless `said` section is looked for in a post without a
        // comment section.
        let said_end = comments.is_none().then_some(body_end);
        let (mut body, said) = self.finish_blocks(blocks, said_end)?;
        // The furniture among the blocks, taken out in place (a huge body
        // is not copied).
        let mut front: Vec<Paragraph<'a>> = body
            .extract_if(.., |b| matches!(b, Block::Furniture(_)))
            .filter_map(|b| match b {
                Block::Furniture(line) => Some(line),
                _ => None,
            })
            .collect();
        if let Some(said) = said {
            front.extend(said.furniture);
            comments = Some(said.section);
        }
        furniture.splice(0..0, front);
        let Some(header) = header else {
            return Err(self.internal(span.start, "a post without its date header"));
        };
        let comments = comments.and_then(|section| self.keep_list_as_text(section, &mut body));
        // A first line of long prose is the body of an untitled post, and
        // so is a sentence longer than any title, or a post's only line
        // when it is a sentence (of five words or more, when it ends in a
        // full stop).
        if let Some(line) = title.take_if(|t| {
            is_long_prose(&t.text)
                || is_three_sentences(&t.text)
                || t.text.chars().count() > TITLE_MAX_CHARS && is_sentence(&t.text)
                || body.is_empty() && (is_sentence(&t.text) || is_statement(&t.text))
        }) {
            body.insert(0, Block::Paragraph(line));
        }
        if title.is_none() {
            title = self
                .unspaced_title(header.span, &mut body)
                .or_else(|| self.doubled_title(&mut body));
        } else if let (Some(first), Some(Block::Paragraph(rest))) = (&title, body.first()) {
            // The first line of a stanza (a poem's lines) is no title.
            if self.runs_into_a_stanza(first, rest) {
                let joined = self.lines_paragraph(self.index.span(first.span.start, rest.span.end));
                body[0] = Block::Paragraph(joined);
                title = None;
            }
        }
        match header.date {
            Some((date, weekday)) => Ok(Parsed::Post(Post {
                date: Some(date),
                weekday,
                title: title.as_ref().map(|t| t.text.clone()),
                title_span: title.map(|t| t.span),
                body,
                comments,
                furniture,
                header_span: header.span,
                span,
                entry: None,
            })),
            None => {
                let mut blocks = vec![Block::Paragraph(self.slice_paragraph(header.span))];
                blocks.extend(title.map(Block::Paragraph));
                blocks.extend(body);
                Ok(Parsed::Invalid(Loose {
                    blocks,
                    comments,
                    furniture,
                }))
            }
        }
    }

    /// A page with no date header (its text from `start`) as one post
    /// without a date: see [`undated_post`].
    pub(super) fn undated_post(&mut self, start: usize) {
        let blocks = std::mem::take(&mut self.preamble);
        let comments = self.orphan_comments.take();
        let gap = first_line_gap(self.input, &blocks);
        let (post, diagnostic) = undated_post(blocks, comments, self.index.span(start, start), gap);
        self.diagnostics.push(diagnostic);
        self.posts.push(post);
    }

    /// On a page written with no blank lines (the header, the title and
    /// each paragraph on a line of their own; the whole input is the page),
    /// or in a post written so on a page whose blank lines are elsewhere
    /// (its blog's description above the first post), the line right under
    /// the header is the title, unless it is long prose or ends in a colon:
    /// it comes off the body's first paragraph. `None` when the post has a
    /// blank line between its header and its body's end, or the post does
    /// not start so.
    fn unspaced_title(&self, header: Span, body: &mut Vec<Block<'a>>) -> Option<Paragraph<'a>> {
        let Some(Block::Paragraph(first)) = body.first() else {
            return None;
        };
        // In a post written so on a page that has blank lines elsewhere, a
        // lone line under the header is no title by this rule (the title
        // needs a body line under it), unless it has a title's shape and
        // the body goes on under a blank line, or over one line that does
        // not go on with its sentence (a stanza's lines are no title and
        // body: see `runs_into_a_stanza`): a template that sets no blank
        // line between the header and the title.
        let end = body.last().map_or(first.span.end, |b| b.span().end);
        let lone = !first.text.contains('\n');
        let titled = match first.text.split_once('\n') {
            None => body.len() > 1 && is_heading(&first.text),
            Some((line, rest)) => {
                is_heading(line) && !rest.contains('\n') && !continues_sentence(line, rest)
            }
        };
        if first.span.line != header.line + 1
            || self.page_has_blank_lines()
                && !titled
                && (lone || has_blank_lines(&self.input[header.start..end]))
        {
            return None;
        }
        let (start, stop) = (first.span.start, first.span.end);
        let line_end =
            memchr::memchr(b'\n', &self.input.as_bytes()[start..stop]).map(|i| start + i);
        let line = self.lines_paragraph(self.index.trimmed(start, line_end.unwrap_or(stop)));
        if is_long_prose(&line.text) || line.text.ends_with(':') {
            return None;
        }
        match line_end {
            Some(at) => {
                body[0] = Block::Paragraph(self.lines_paragraph(self.index.trimmed(at + 1, stop)))
            }
            None => {
                body.remove(0);
            }
        }
        Some(line)
    }

    /// On a page that sets its parts off with two or more blank lines, not
    /// one, the line under the header with two or more blank lines above
    /// and under it is the title (`Arroz-doce`), when it has a title's shape
    /// and more of the post follows: the two blank lines that mean an
    /// untitled post elsewhere are here the page's one gap.
    fn doubled_title(&self, body: &mut Vec<Block<'a>>) -> Option<Paragraph<'a>> {
        let (Some(Block::Paragraph(first)), Some(next)) = (body.first(), body.get(1)) else {
            return None;
        };
        let doubled = |offset| self.blank_lines_before(offset) >= 2;
        if !(is_heading(&first.text) && doubled(first.span.start) && doubled(next.span().start)) {
            return None;
        }
        let Block::Paragraph(title) = body.remove(0) else {
            unreachable!("the first block was matched as a paragraph");
        };
        Some(title)
    }

    /// Whether a title line runs straight into two or more lines of text
    /// under it (`next`, the body's first paragraph), with no blank line
    /// between, on a page that sets its parts
    /// off with blank lines: the first line of a stanza or a paragraph, not
    /// a title (a title may have one subtitle line under it, but not one
    /// that goes on with its sentence, see [`continues_sentence`], nor one
    /// under a line that is itself a sentence, see [`is_sentence`]).
    fn runs_into_a_stanza(&self, title: &Paragraph<'a>, next: &Paragraph<'a>) -> bool {
        next.span.line == title.span.line + 1
            && (next.text.contains('\n')
                || continues_sentence(&title.text, &next.text)
                || is_sentence(&title.text))
            && self.page_has_blank_lines()
    }

    /// Whether the page's digit dates are written in the order other than
    /// its language's (month first in English, day first in the others):
    /// some can only be read that way and none can be read the other.
    fn digits_the_other_way(&self) -> bool {
        let orders = *self
            .page_digit_orders
            .get_or_init(|| digit_orders(self.input));
        if self.language.is_english() {
            orders.day_first && !orders.month_first
        } else {
            orders.month_first && !orders.day_first
        }
    }

    /// `date_line = ${ date_header ~ hs* ~ eol }` and
    /// `bare_date_line = ${ bare_date ~ hs* ~ eol }`
    pub(super) fn parse_date_line(&mut self, pair: Pair<'a, Rule>) -> Result<Header> {
        let span = self.trimmed(&pair);
        let mut weekday = None;
        let mut day = None;
        let mut month = None;
        let mut year = None;
        let mut digits = false;
        for part in pair.into_inner().flat_map(Pair::into_inner) {
            let text = part.as_str();
            match part.as_rule() {
                Rule::weekday => weekday = weekday_number(text),
                Rule::day => day = day_number(text),
                Rule::month => month = month_number(text),
                Rule::year => year = text.parse::<i32>().ok(),
                Rule::month_digits => {
                    month = text.parse().ok();
                    digits = true;
                }
                Rule::short_year => {
                    year = text
                        .parse::<i32>()
                        .ok()
                        .map(|y| y + if y < 70 { 2000 } else { 1900 })
                }
                _ => return Err(self.unexpected(&part, "a date header")),
            }
        }
        // Digits on an English page are written month first, on a page in
        // another language day first (the grammar reads them so), unless
        // this date can only be read the other way (a month over 12) or the
        // page's digit dates show the other order.
        if let (true, Some(d), Some(m)) = (digits, &mut day, &mut month) {
            if *m > 12 || self.digits_the_other_way() {
                std::mem::swap(d, m);
            }
        }
        let (Some(day), Some(month)) = (day, month) else {
            return Err(self.internal(span.start, "a date header without all its parts"));
        };
        let line = span.source(self.input);
        let date = match (year, weekday) {
            (Some(year), _) => NaiveDate::from_ymd_opt(year, month, day),
            (None, Some(weekday)) => {
                let named = self.page_years.get_or_init(|| years_named(self.input));
                infer_year(month, day, weekday, named, this_year()).and_then(|(year, from)| {
                    let date = NaiveDate::from_ymd_opt(year, month, day)?;
                    self.diagnostics
                        .push(Diagnostic::year_inferred(span, line, date, from));
                    Some(date)
                })
            }
            (None, None) => None,
        };
        let Some(date) = date else {
            self.diagnostics.push(Diagnostic::invalid_date(span, line));
            return Ok(Header { date: None, span });
        };
        self.check_weekday(span, date, weekday);
        Ok(Header {
            date: Some((date, weekday)),
            span,
        })
    }
}

/// Whether `next`, the line right under `line`, goes on with its
/// sentence: `line` ends on a letter or a digit, with no mark to close it,
/// or in a word broken by a hyphen (`A slow and silver-` / `winged
/// evening`), and `next` starts with a small letter (`... It is hard to
/// find time` / `to blog if ...`). A subtitle starts a phrase of its own.
fn continues_sentence(line: &str, next: &str) -> bool {
    let line = line.trim_end_matches(is_space);
    (line.ends_with(char::is_alphanumeric)
        || line
            .strip_suffix('-')
            .is_some_and(|word| word.ends_with(char::is_alphabetic)))
        && next.starts_with(char::is_lowercase)
}

/// A line of prose, not a title: at least 100 characters and two or more
/// sentence breaks (`.`, `!` or `?` then white space, or at the end of the
/// line): `The rain had been falling since before dawn... By the time the
/// market opened ...`, `Well, what a day. Not once did I ... at all.`.
fn is_long_prose(line: &str) -> bool {
    let line = line.trim_end_matches(is_space);
    let ends = line.ends_with(['.', '!', '?']);
    let breaks = line
        .as_bytes()
        .windows(2)
        .filter(|w| matches!(w[0], b'.' | b'!' | b'?') && matches!(w[1], b' ' | b'\t'))
        .take(2)
        .count();
    breaks + usize::from(ends) >= 2 && line.chars().count() >= 100
}

/// On a page written with no blank line, where the second line of the
/// first block starts, when that block is a paragraph of more than one
/// line: the bytes from the end of its first line's text to the start of
/// the second's (the line feed and the white space around it) and the
/// second line's column. `input` is the text the block's spans point into;
/// `None` when it has a blank line.
pub(crate) fn first_line_gap(input: &str, blocks: &[Block<'_>]) -> Option<LineGap> {
    if super::has_blank_lines(input) {
        return None;
    }
    let Some(Block::Paragraph(first)) = blocks.first() else {
        return None;
    };
    let source = first.span.source(input);
    let feed = memchr::memchr(b'\n', source.as_bytes())?;
    let head = source[..feed].trim_end_matches(|c| is_space(c) || c == '\r');
    let indent = &source[feed + 1..];
    let next = indent.trim_start_matches(is_space);
    let column = indent[..indent.len() - next.len()].chars().count() + 1;
    Some(LineGap {
        bytes: source.len() - head.len() - next.len(),
        column: u32::try_from(column).ok()?,
    })
}

/// See [`first_line_gap`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct LineGap {
    bytes: usize,
    column: u32,
}

/// The title of a page with no date header that is written with no blank
/// line (a line to each of its paragraphs):
/// its first line, when that is not long prose and is no salutation or
/// lead-in (it ends in no colon, comma or semicolon) and the line under it
/// is long prose, as a paragraph's is (a poem's short lines stay whole).
/// The first block keeps the lines after it.
fn unspaced_page_title<'a>(body: &mut [Block<'a>], gap: LineGap) -> Option<Paragraph<'a>> {
    let Some(Block::Paragraph(first)) = body.first_mut() else {
        return None;
    };
    let (head, rest) = first.text.split_once('\n')?;
    let second = rest.split('\n').next().unwrap_or(rest);
    if is_long_prose(head) || head.ends_with([':', ',', ';']) || !is_long_prose(second) {
        return None;
    }
    let title = Paragraph {
        text: Cow::Owned(head.to_owned()),
        span: Span {
            end: first.span.start + head.len(),
            ..first.span
        },
    };
    let tail = Paragraph {
        text: Cow::Owned(rest.to_owned()),
        span: Span {
            start: title.span.end + gap.bytes,
            line: first.span.line + 1,
            column: gap.column,
            ..first.span
        },
    };
    *first = tail;
    Some(title)
}

/// A title printed above its post's date header (templates that set the
/// title first): when the page's first post has no title of its own and
/// the page opens with one lone line of a title's shape (see
/// [`is_heading`]) right above the header, with at most one blank line
/// between, that line is the post's title and the post starts there. A
/// page that opens with more (a blog's name over its description) keeps it
/// all as its preamble: its last line may be the blog's own words.
///
/// A pass over the page's start, once its headers are settled: the whole
/// page's last step, and the stream's on its first piece.
pub(crate) fn title_above_header(export: &mut Export<'_>) {
    let Some(post) = export.posts.first_mut() else {
        return;
    };
    let fits = |line: &Paragraph<'_>| {
        line.span.line + 2 >= post.header_span.line
            && post.header_span.start < post.header_span.end
            && is_heading(&line.text)
            && !is_sentence(&line.text)
    };
    if post.title.is_some()
        || export.orphan_comments.is_some()
        || !matches!(&export.preamble[..], [Block::Paragraph(only)] if fits(only))
    {
        return;
    }
    if let Some(Block::Paragraph(title)) = export.preamble.pop() {
        post.span = Span {
            end: post.span.end,
            ..title.span
        };
        post.title = Some(title.text);
        post.title_span = Some(title.span);
    }
}

/// A line of three or more sentences of three words or more each (`Found
/// this link today. Then there's this one. What about yours?`): prose,
/// however short. A title's one-word sentences (`Eat. Pray. Love.`) or an
/// abbreviation's dot (`Mr. Smith Goes to Town`) make no such sentence,
/// and a line whose every word starts with a capital (`Why Does It
/// Matter? Because It Counts. Read The Rest.`) is a title's, not prose.
fn is_three_sentences(line: &str) -> bool {
    let line = line.trim_end_matches(is_space);
    let mut sentences = 0;
    let mut words = 0;
    let mut small = false;
    for word in line.split_whitespace() {
        small |= word.chars().next().is_some_and(char::is_lowercase);
        words += 1;
        if word.ends_with(['.', '!', '?']) {
            if words < 3 {
                return false;
            }
            sentences += 1;
            words = 0;
        }
    }
    sentences >= 3 && words == 0 && small
}

/// A line that reads as a sentence, not a heading: ten words or more,
/// ending in one full stop or one exclamation mark (`...` or `!!!` may end
/// a heading).
fn is_sentence(line: &str) -> bool {
    let line = line.trim_end_matches(is_space);
    let end = line
        .chars()
        .rev()
        .take_while(|&c| c == '.' || c == '!')
        .count();
    end == 1 && line.split_whitespace().count() >= 10
}

/// A short sentence that states something: five words or more, ending in
/// one full stop (`Well, it seems I have been called to serve.`), where a
/// title has none or a mark of its own (`A day out!`, `Gone fishing...`).
fn is_statement(line: &str) -> bool {
    let line = line.trim_end_matches(is_space);
    line.strip_suffix('.')
        .is_some_and(|rest| !rest.ends_with('.') && rest.split_whitespace().count() >= 5)
}

/// The one post of a page with no date header, and the diagnostic that
/// says so: what was read as the page's preamble (`blocks`) is its body,
/// its first line its title when that is a line of its own and not long
/// prose (or, on a page with no blank line, when it sits over a line of
/// long prose: see [`unspaced_page_title`]), the preamble's `comments` its
/// comment section. `start` is an empty span where the page's text starts:
/// the post's header span; `gap` is the first block's [`first_line_gap`].
pub(crate) fn undated_post<'a>(
    blocks: Vec<Block<'a>>,
    comments: Option<CommentSection<'a>>,
    start: Span,
    gap: Option<LineGap>,
) -> (Post<'a>, Diagnostic) {
    let mut body = Vec::new();
    let mut furniture = Vec::new();
    for block in blocks {
        match block {
            Block::Furniture(line) => furniture.push(line),
            block => body.push(block),
        }
    }
    let titled = matches!(body.first(), Some(Block::Paragraph(p))
        if !p.text.contains('\n') && !is_long_prose(&p.text));
    let title = match titled.then(|| body.remove(0)) {
        Some(Block::Paragraph(p)) => Some(p),
        _ => gap.and_then(|gap| unspaced_page_title(&mut body, gap)),
    };
    let last = [
        body.last().map(Block::span),
        comments.as_ref().map(|c| c.span),
        furniture.last().map(|f| f.span),
        title.as_ref().map(|t| t.span),
    ]
    .into_iter()
    .flatten()
    .max_by_key(|span| span.end);
    let post = Post {
        date: None,
        weekday: None,
        title: title.as_ref().map(|t| t.text.clone()),
        title_span: title.map(|t| t.span),
        body,
        comments,
        furniture,
        header_span: start,
        span: Span {
            end: last.map_or(start.end, |span| span.end),
            ..start
        },
        entry: None,
    };
    (post, Diagnostic::no_date_header(start))
}

#[cfg(test)]
mod tests {
    use super::{continues_sentence, is_long_prose, is_sentence, is_statement, is_three_sentences};

    #[test]
    fn a_line_under_a_title_goes_on_with_its_sentence() {
        assert!(continues_sentence(
            "It is hard to find time",
            "to blog when"
        ));
        assert!(continues_sentence("Chapter 3", "in which"));
        assert!(!continues_sentence("Guest Blog 66", "Life on Licence"));
        assert!(!continues_sentence("A day out.", "the kids loved it"));
        assert!(!continues_sentence("Lists:", "one"));
        assert!(!continues_sentence("A quote\"", "said she"));
        assert!(continues_sentence("A slow and silver-", "winged evening"));
        assert!(!continues_sentence("Part one -", "the start"));
        assert!(!continues_sentence("Route 66-", "a road"));
    }

    #[test]
    fn long_prose_is_long_and_has_sentences() {
        let prose = "The rain had been falling since before dawn... By the time the market opened the stalls were dripping. Nobody lingered.";
        assert!(is_long_prose(prose));
        assert!(!is_long_prose("A Walk Along the River Before the Weather Turned, With Notes on the Birds We Saw, and More"));
        assert!(!is_long_prose("Short. Title. Here."));
        let ends = "Well, what a day. Not once did I think the market would open on time, yet there it was, stalls and all.";
        assert!(is_long_prose(ends));
        assert!(!is_long_prose(&ends.replace(". N", ", n")));
    }

    #[test]
    fn a_sentence_ends_in_one_stop_or_one_bang() {
        assert!(is_sentence(
            "I would never have made it this far if it wasn't for you guys!"
        ));
        assert!(is_sentence(
            "We drove to the coast on Sunday and walked along the cliffs."
        ));
        assert!(!is_sentence(
            "Ten Things I Learned This Year About Knitting and Other Crafts!!!"
        ));
        assert!(!is_sentence(
            "For all of you who want to eat a cake and keep it..."
        ));
        assert!(!is_sentence("Happy Birthday to my little girl!"));
        assert!(is_statement("Well, it seems I have been called to serve."));
        assert!(!is_statement("A day out."));
        assert!(!is_statement("For all of you who want to eat a cake..."));
    }

    #[test]
    fn three_sentences_are_prose() {
        assert!(is_three_sentences(
            "Found this link today. Then there's this one. What about yours?"
        ));
        assert!(!is_three_sentences("Eat. Pray. Love."));
        assert!(!is_three_sentences(
            "Mr. Smith Goes to Town. He wins. The end."
        ));
        assert!(!is_three_sentences(
            "One sentence here. And a second one here."
        ));
        assert!(!is_three_sentences(
            "One here. Two here. Three here. and more"
        ));
        assert!(!is_three_sentences(
            "Why Does It Matter? Because It Counts. Read The Rest."
        ));
    }
}
