//! Headerless `Jane said...` sections: the pass that finds where a body's
//! comments start when no header line says so.
//!
//! The grammar cannot try every body line against `Jane said...` cheaply (a
//! name can start any line, and the line only tells at its end), so it
//! reads such comments as body paragraphs. In: the paragraphs of a body (or
//! a preamble) as the blocks pass builds them ([`Builder::said_line`]
//! notes the ones that start with a `said` line), and where the body ends.
//! Out: the paragraph that opens a section, and the comment section parsed
//! from it to the end of the body with the grammar's `said_section` rule;
//! the blocks pass drops its blocks from that paragraph on. Without such a
//! paragraph, the blocks stay as they are.
//!
//! A paragraph opens a section when its first line is a `said` line whose
//! author reads as a name (see [`is_author_name`]), or has the classic
//! template's time before the name (`At 7:14 PM, Jane said...`), or is such
//! a name then the comment's date and time with no `said` word (`Ann Lee
//! August 21, 2008 at 3:51 PM`, parsed as a `stamped_section`), and the
//! page shows that comments start there: the time before the name, two
//! blank lines before the line (as Blogger sets a thread off from the
//! body), a header in the blog's own words right above it (`1
//! Response(s):`), another such line after it (also one under the time
//! that closes the comment above, with no blank line: `2:42 PM` / `Blogger
//! Bob said...`), or the comment's text indented under
//! the name with its time on a line after it, up to the end of the body
//! (as newer templates print a comment), or the last `said` line of a body
//! with text above it, opening one short comment that runs to the end of
//! the body (`bob said...`, a lone comment under a post with no header). A
//! single `Mr Smith said...` in the middle of a post stays prose.

use std::borrow::Cow;

use pest::iterators::Pair;
use pest::Parser as _;

use super::blocks::own_comment_count;
use super::comments::Section;
use super::{Builder, Result};
use crate::ast::Paragraph;
use crate::grammar::{BlogParser, Rule};
use crate::languages::ends_said;
use crate::names::is_author_name;
use crate::span::{is_space, Span};

/// A body paragraph whose first line is a `said` line by someone who reads
/// as a name (or whose time stands before the name, as in the classic
/// template): a place where a section may open.
pub(super) struct SaidLine {
    /// The paragraph's index among the body's blocks.
    pub(super) block: usize,
    /// How many diagnostics the builder held before the paragraph's block
    /// was built (the blocks after it give way to the section, and their
    /// diagnostics with them).
    diagnostics: usize,
    /// Where the paragraph starts in the input.
    start: usize,
    /// The classic template's time stands before the name.
    stamped: bool,
    /// The name is a handle, as commenters sign: see [`is_handle`].
    handle: bool,
    /// The name starts with `The` (`The Ripper`, `the starks`): see
    /// [`is_titled_handle`].
    titled: bool,
    /// The line is the paragraph's second, under the time that closes the
    /// comment above (see [`Builder::first_said_line`]): it shows that
    /// comments go on, but a section opens only at a line of its own.
    glued: bool,
    /// The line has no `said` word: the name, then the comment's date and
    /// time (a `stamped_line`), which opens a `stamped_section`.
    dated: bool,
}

impl<'a> Builder<'a> {
    /// When `paragraph` (a body paragraph, the `block`-th block) starts
    /// with a `said` line by someone who reads as a name, or whose time
    /// stands before the name, that line as a place where a section may
    /// open.
    pub(super) fn said_line(&self, paragraph: &Paragraph<'a>, block: usize) -> Option<SaidLine> {
        // A body paragraph borrows the input when it is one line; its text
        // has each line trimmed.
        let (line, glued) = match &paragraph.text {
            Cow::Borrowed(text) => {
                debug_assert!(!text.contains('\n'), "a borrowed paragraph of one line");
                (*text, false)
            }
            Cow::Owned(text) => self.first_said_line(text),
        };
        // A `said` line is short (a name of at most 60 characters, or the
        // classic time and a name).
        let said =
            line.ends_with("said...") || line.ends_with("said…") || ends_said(line, self.language);
        // Or, with no `said` word, the name and the comment's date and
        // time (`Ann Lee August 21, 2008 at 3:51 PM`).
        let dated = !said && ends_in_time(line);
        if line.len() > SAID_LINE_MAX || !(said || dated) {
            return None;
        }
        let rule = match dated {
            true => Rule::stamped_line,
            false => Rule::said_line,
        };
        // A line of its own with no `said` word is read with the spaces
        // after it: they tell a name and a time alone from text (see the
        // grammar's `spaced_time`).
        let line = match &paragraph.text {
            Cow::Borrowed(_) if dated => self.with_trailing_space(paragraph.span),
            _ => line,
        };
        let pairs = BlogParser::parse(self.said_rule(rule), line).ok()?;
        let mut stamped = false;
        let mut author = "";
        for pair in pairs.flatten() {
            match pair.as_rule() {
                Rule::said_stamp => stamped = true,
                Rule::author | Rule::stamped_author => author = pair.as_str(),
                _ => {}
            }
        }
        let author = author.trim_matches(is_space);
        let titled = !stamped && !is_author_name(author) && is_titled_handle(author);
        (stamped || titled || is_author_name(author)).then_some(SaidLine {
            block,
            diagnostics: self.diagnostics.len(),
            start: paragraph.span.start,
            stamped,
            handle: is_handle(author),
            titled,
            glued,
            dated,
        })
    }

    /// The line at `span` (a paragraph of one line) with the white space
    /// after it, to its line feed.
    fn with_trailing_space(&self, span: Span) -> &'a str {
        let rest = &self.input[span.end..];
        let end = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
        &self.input[span.start..span.end + end]
    }

    /// The line of a paragraph of several lines (its text, each line
    /// trimmed) that may be a `said` line: its first, or its second under
    /// a line that is only a time, as the classic template prints the
    /// time under each comment's text with no blank line before the next
    /// name (`2:42 PM` / `Blogger Ann said...`); and whether it is that
    /// second line.
    fn first_said_line<'t>(&self, text: &'t str) -> (&'t str, bool) {
        let Some((first, rest)) = text.split_once('\n') else {
            return (text, false);
        };
        // A time starts with a digit (most first lines stop here).
        let timed = first.len() <= SAID_LINE_MAX
            && first.starts_with(|c: char| c.is_ascii_digit())
            && BlogParser::parse(Rule::posted_line, first)
                .is_ok_and(|mut p| p.next().is_some_and(|p| p.as_str().len() == first.len()));
        match timed {
            true => (rest.split('\n').next().unwrap_or(rest), true),
            false => (first, false),
        }
    }

    /// Among the `said` lines of a body (or preamble) that ends at `end`
    /// (relative to the chunk), the first that opens a section, and the
    /// section parsed from there to the end. `None` when no line opens one,
    /// or when the grammar cannot place the rest as comments (it stays
    /// text).
    pub(super) fn open_said_section<'l>(
        &mut self,
        said: &'l [SaidLine],
        end: usize,
    ) -> Result<Option<(&'l SaidLine, Section<'a>)>> {
        for (i, line) in said.iter().enumerate() {
            // A classic line (its time before the name), one set off from
            // the body by two blank lines, or one followed by another (by
            // a name that does not start with `The`).
            let followed = said[i + 1..].iter().any(|l| !l.titled);
            let set_off = self.blank_lines_before(line.start) >= 2;
            // A name that starts with `The` opens a section only set off
            // and followed so: `The man at the bar said...` is prose.
            if line.glued || line.titled && !(set_off && followed) {
                continue;
            }
            let shown = line.stamped || followed || set_off || self.under_own_header(line.start);
            let text = &self.input[line.start..self.base + end];
            let rule = match line.dated {
                true => Rule::stamped_section,
                false => Rule::said_section,
            };
            let section = BlogParser::parse(self.said_rule(rule), text)
                .ok()
                .and_then(|mut pairs| pairs.next())
                .filter(|pair| pair.as_span().end() == text.len());
            let Some(section) = section else {
                if shown {
                    // The grammar cannot place the rest as comments: it
                    // stays text.
                    return Ok(None);
                }
                continue;
            };
            // Or, as newer templates print a comment, its text indented
            // under the name and its time on a line after the text; or the
            // last `said` line of a body with text above it, by a handle
            // (`kb`, `Jeanne`, `Julie Q.`; not `Mr Grayling`, whom a post
            // quotes: see `is_handle`), whose comment is short
            // and runs to the end of the body (a lone comment under a post,
            // as templates without a header print it).
            let last = i + 1 == said.len() && line.block > 0 && line.handle;
            if !(shown || timed_after_indented_text(&section) || last && is_lone_comment(&section))
            {
                continue;
            }
            // The blocks from the line on give way to the section.
            self.diagnostics.truncate(line.diagnostics);
            let chunk_base = std::mem::replace(&mut self.base, line.start);
            let section = self.parse_comment_section(section);
            self.base = chunk_base;
            return Ok(Some((line, section?)));
        }
        Ok(None)
    }

    /// `rule`, or on a page in another language its `intl_` entry (which
    /// tries that language's words too).
    fn said_rule(&self, rule: Rule) -> Rule {
        match (self.language.is_english(), rule) {
            (false, Rule::said_line) => Rule::intl_said_line,
            (false, Rule::said_section) => Rule::intl_said_section,
            (false, Rule::stamped_line) => Rule::intl_stamped_line,
            (false, Rule::stamped_section) => Rule::intl_stamped_section,
            _ => rule,
        }
    }

    /// Whether the last line above byte `offset` of the input (past blank
    /// lines) is shaped as a comment header in the blog's own words (`1
    /// Response(s):`, `12 thoughts:`): a header the grammar does not know,
    /// which shows that comments start under it.
    fn under_own_header(&self, offset: usize) -> bool {
        let above = self.input[..offset].trim_end_matches(|c: char| c.is_whitespace());
        let line = above.rsplit('\n').next().unwrap_or(above);
        own_comment_count(line.trim_start_matches(is_space)).is_some()
    }

    /// How many blank lines stand right before byte `offset` of the input.
    pub(super) fn blank_lines_before(&self, offset: usize) -> usize {
        let before = &self.input[..offset];
        let gap = before.trim_end_matches(|c: char| is_space(c) || c == '\r' || c == '\n');
        before[gap.len()..].matches('\n').count().saturating_sub(1)
    }
}

/// A commenter's name that starts with the article (`The Ripper`, `the
/// starks.`, `The Crafty Cook`), which [`is_author_name`] refuses alone
/// (`The man at the bar said...` is prose): `The` and one to three more
/// words, none of them a word that starts a clause.
fn is_titled_handle(author: &str) -> bool {
    let mut words = author.split_whitespace();
    let (Some(the), rest) = (words.next(), words) else {
        return false;
    };
    let rest: Vec<&str> = rest.collect();
    the.eq_ignore_ascii_case("the")
        && (1..=3).contains(&rest.len())
        && is_author_name(&rest.join(" "))
        && rest.iter().all(|w| is_author_name(w))
}

/// A name as commenters sign, never as a post names whom it quotes
/// (`Mr Grayling`, `the man at the bar`): one word (`kb`, `Jeanne`,
/// `Unknown`), all in small letters (`the starks`), or two or three
/// capitalised words that do not start with a form of address (`Julie Q.`,
/// `Rob L`, `Jane Smith`, `Mary Ann Ross`). On real pages a body's last
/// `said...` line by such a name, over a short text that ends the post, is
/// a comment: the literal `said...` alone on its line is the template's.
fn is_handle(author: &str) -> bool {
    let words: Vec<&str> = author.split_whitespace().collect();
    let addressed = |w: &str| {
        [
            "Mr", "Mrs", "Ms", "Dr", "Prof", "Rev", "Sir", "Lord", "Lady",
        ]
        .contains(&w.strip_suffix('.').unwrap_or(w))
    };
    words.len() == 1
        || !author.chars().any(char::is_uppercase)
        || (2..=3).contains(&words.len())
            && words.iter().all(|w| w.starts_with(char::is_uppercase))
            && !addressed(words[0])
}

/// Whether the first comment of a `said_section` is in the newer
/// templates' form: its paragraphs indented under the name line, and its
/// time on a line of its own after them (`    October 8, 2010 at 3:45 PM`).
/// Quoted speech in a body (`Mr Smith said...` over a block quote) does not
/// end on such a line.
fn timed_after_indented_text(section: &Pair<'_, Rule>) -> bool {
    let Some(comment) = section.clone().into_inner().next() else {
        return false;
    };
    if !matches!(
        comment.as_rule(),
        Rule::said_comment | Rule::stamped_comment
    ) {
        return false;
    }
    let mut text = false;
    let mut last = None;
    for part in comment.into_inner() {
        match part.as_rule() {
            Rule::comment_para | Rule::said_text => {
                if !part.as_str().starts_with(is_space) {
                    return false;
                }
                text = true;
                last = Some(Rule::comment_para);
            }
            Rule::posted_line => last = Some(Rule::posted_line),
            _ => {}
        }
    }
    text && last == Some(Rule::posted_line)
}

/// Whether a `said_section` is one comment of one to
/// [`LONE_COMMENT_PARAGRAPHS`] unindented paragraphs and nothing else (no
/// time line, no marker): a lone comment at the end of a post, not a
/// quotation that the rest of the post follows, an indented block quote,
/// or a letter with its date.
fn is_lone_comment(section: &Pair<'_, Rule>) -> bool {
    let mut parts = section.clone().into_inner();
    let (Some(comment), None) = (parts.next(), parts.next()) else {
        return false;
    };
    if !matches!(
        comment.as_rule(),
        Rule::said_comment | Rule::stamped_comment
    ) {
        return false;
    }
    let mut paragraphs = 0;
    for part in comment.into_inner() {
        match part.as_rule() {
            Rule::said_line | Rule::stamped_line => {}
            Rule::comment_para | Rule::said_para | Rule::said_text
                if !part.as_str().starts_with(is_space) =>
            {
                paragraphs += 1
            }
            _ => return false,
        }
    }
    (1..=LONE_COMMENT_PARAGRAPHS).contains(&paragraphs)
}

/// Whether a line (trimmed) ends as a time does (`3:51 PM`, `15:51`, `3:51 p.m.
/// EDT`): the only lines worth asking the grammar whether they are a
/// name and a comment's date and time (`Ann August 21, 2008 at 3:51 PM`).
fn ends_in_time(line: &str) -> bool {
    let mut b = line.as_bytes();
    // Most lines end in a letter or a full stop: one test each.
    match b.last() {
        Some(c) if c.is_ascii_digit() || c.is_ascii_uppercase() || matches!(c, b'm' | b'.') => {}
        _ => return false,
    }
    // A zone after the time (`EDT`).
    let zone = b
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    if (2..=5).contains(&zone) && b.len() > zone && b[b.len() - zone - 1] == b' ' {
        b = &b[..b.len() - zone - 1];
    }
    for mark in [&b"AM"[..], b"PM", b"am", b"pm", b"a.m.", b"p.m."] {
        if let Some(rest) = b.strip_suffix(mark) {
            b = rest.strip_suffix(b" ").unwrap_or(rest);
            break;
        }
    }
    matches!(b, [.., b':', m, s] if m.is_ascii_digit() && s.is_ascii_digit())
}

/// The most paragraphs a lone `said` comment at the end of a post has.
const LONE_COMMENT_PARAGRAPHS: usize = 5;

/// The longest `said` line looked at, in bytes (a 60-character name, the
/// classic template's time and date, and room to spare).
const SAID_LINE_MAX: usize = 240;
