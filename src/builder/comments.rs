//! Comment sections: the header's declared count, top-level comments,
//! `Jane said...` comments, replies and the Blogger markers.
//!
//! In: a `comment_section` pair. Out: a [`CommentSection`] (checked by
//! [`check`](super::check) once the page is built) and the furniture lines
//! found inside it, which belong to the post, not to the thread.

use std::borrow::Cow;

use pest::iterators::Pair;

use super::{Builder, Result};
use crate::ast::{Comment, CommentSection, Marker, MarkerKind, Paragraph, Posted};
use crate::dates::{day_number, is_twelve_hour, month_number, parse_time, posted_date};
use crate::diagnostic::Diagnostic;
use crate::grammar::Rule;
use crate::languages::is_reply;
use crate::names::{is_author_name, is_signature};
use crate::span::{is_space, Span};

/// The parts of a `Jane said...` line.
struct SaidLine<'a> {
    /// `None` for a profile with no name (`At 11:20 AM, Blogger said...`).
    author: Option<Paragraph<'a>>,
    said: Span,
    posted: Option<Posted<'a>>,
}

/// A comment section and the furniture lines found inside it.
pub(super) struct Section<'a> {
    pub(super) section: CommentSection<'a>,
    pub(super) furniture: Vec<Paragraph<'a>>,
}

impl<'a> Builder<'a> {
    /// `comment_section = { (comment_header_line | headerless_start) ~ ... }`
    pub(super) fn parse_comment_section(&mut self, pair: Pair<'a, Rule>) -> Result<Section<'a>> {
        let span = self.trimmed(&pair);
        let mut declared = None;
        let mut header_span = None;
        let mut items = Vec::new();
        let mut stray = Vec::new();
        let mut strays = Vec::new();
        let mut furniture = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::comment_header => {
                    header_span = Some(self.trimmed(&child));
                    let count = child
                        .into_inner()
                        .find(|p| matches!(p.as_rule(), Rule::comment_count | Rule::one_comment));
                    declared = Some(match count {
                        Some(count) if count.as_rule() == Rule::one_comment => 1, // `Um comentário:`
                        Some(count) => count.as_str().parse().unwrap_or(u32::MAX),
                        None => 0, // `No comments:`, `No hay comentarios:`
                    });
                }
                Rule::comment => items.push(self.parse_comment(child)?),
                Rule::said_comment | Rule::stamped_comment => {
                    let mut comment = self.parse_comment(child)?;
                    comment.number = u32::try_from(items.len() + 1).unwrap_or(u32::MAX);
                    items.push(comment);
                }
                Rule::furniture_line => furniture.push(self.span_paragraph(&child)),
                Rule::stray_line => strays.push(child),
                _ => return Err(self.unexpected(&child, "a comment section")),
            }
        }
        if items.is_empty() {
            if let Some(comments) = declared.and_then(|n| self.unmarked_comments(n, &strays)) {
                items = comments;
                strays.clear();
            }
        }
        // The unindented lines that end the section, after its last
        // comment, are the blog's footer under the thread (`Thanks for
        // stopping by!`): the post's furniture. Other lines outside any
        // comment are kept as stray text.
        let last_end = items.last().map_or(0, |c| c.span.end);
        let footer = strays
            .iter()
            .rev()
            .take_while(|line| {
                self.base + line.as_span().start() >= last_end
                    && !line.as_str().starts_with(is_space)
            })
            .count();
        let footer = strays.split_off(strays.len() - footer);
        for line in strays {
            stray.push(self.parse_stray_line(line, "in a comment section outside any comment"));
        }
        furniture.extend(footer.iter().map(|line| self.span_paragraph(line)));
        furniture.sort_by_key(|line| line.span.start);
        // The section runs from its first part to its last: furniture lines
        // among its comments belong to the post, not to the section.
        let parts = header_span
            .into_iter()
            .chain(items.iter().map(|c| c.span))
            .chain(stray.iter().map(|p| p.span));
        let span = match parts.reduce(|a, b| Span {
            end: a.end.max(b.end),
            ..if b.start < a.start { b } else { a }
        }) {
            Some(parts) => parts,
            None => span,
        };
        // A furniture line between the section's parts (`Post a Comment`
        // between comments) cannot be the post's without overlapping the
        // section: it stays in the section as a stray line.
        let (inside, furniture): (Vec<_>, Vec<_>) = furniture
            .into_iter()
            .partition(|f: &Paragraph<'a>| f.span.start > span.start && f.span.end < span.end);
        if !inside.is_empty() {
            for line in &inside {
                self.diagnostics.push(Diagnostic::stray_text(
                    line.span,
                    "in a comment section between its comments",
                ));
            }
            stray.extend(inside);
            stray.sort_by_key(|p| p.span.start);
        }
        let section = CommentSection {
            declared,
            items,
            stray,
            header_span,
            span,
        };
        Ok(Section { section, furniture })
    }

    /// Comments that the template printed with no author line and no
    /// number: under a header that declares `declared` comments and above
    /// which no comment was found, the paragraphs of plain text, when they
    /// are exactly as many as the header declares (`1 comment:` over one
    /// paragraph, then `Post a Comment`), all unindented (an indented line
    /// here is a marker whose comment the page lost: `    Replies`). Each
    /// is a comment with no author.
    /// `None` when the count differs: a comment policy under a header
    /// whose comments the page left out is not a comment.
    fn unmarked_comments(
        &self,
        declared: u32,
        strays: &[Pair<'a, Rule>],
    ) -> Option<Vec<Comment<'a>>> {
        let mut paragraphs: Vec<Span> = Vec::new();
        let mut last_end = None;
        for line in strays {
            if line.as_str().starts_with(is_space) {
                return None;
            }
            let s = line.as_span();
            let span = self.trimmed(line);
            match paragraphs.last_mut() {
                // A line right under the last: the same paragraph.
                Some(p) if last_end == Some(s.start()) => p.end = span.end,
                _ => paragraphs.push(span),
            }
            last_end = Some(s.end());
        }
        if declared == 0 || usize::try_from(declared).ok()? != paragraphs.len() {
            return None;
        }
        let comments = paragraphs
            .into_iter()
            .zip(1..)
            .map(|(span, number)| Comment {
                number,
                lead_span: Span {
                    end: span.start,
                    ..span
                },
                author: None,
                posted: None,
                paragraphs: vec![self.lines_paragraph(span)],
                signature: None,
                replies: Vec::new(),
                markers: Vec::new(),
                span,
            });
        Some(comments.collect())
    }

    /// `comment`, `reply`, `said_comment` and `stamped_comment`: number or
    /// author, paragraphs, markers, replies.
    fn parse_comment(&mut self, pair: Pair<'a, Rule>) -> Result<Comment<'a>> {
        let span = self.trimmed(&pair);
        let mut number = 0;
        let mut lead_span = None;
        // A numbered comment or reply starts with its number and a dot
        // (`comment_start`, `reply_start`: silent rules, so a comment costs
        // no pair for them); the lead is the number and its dot.
        if matches!(pair.as_rule(), Rule::comment | Rule::reply) {
            let text = pair.as_str();
            let indent = text.len() - text.trim_start_matches(' ').len();
            let digits = text[indent..]
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
            if digits > 0 {
                number = text[indent..indent + digits].parse().unwrap_or(u32::MAX);
                let start = self.base + pair.as_span().start() + indent;
                lead_span = Some(self.index.span(start, start + digits + 1));
            }
        }
        let mut markers = Vec::new();
        let mut author = None;
        let mut posted = None;
        let mut paragraphs = Vec::new();
        let mut replies = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::said_line | Rule::stamped_line => {
                    let line = self.parse_said_line(child)?;
                    author = line.author;
                    posted = line.posted;
                    match (lead_span, &mut author) {
                        // A numbered comment's lead is its number: its
                        // author's span runs on over `said...`, as over an
                        // avatar's label. (Its line has no classic time
                        // before the name, so it has a name: see `comment`.)
                        (Some(_), Some(name)) => {
                            name.span = self.index.span(name.span.start, line.said.end);
                        }
                        _ => lead_span = Some(line.said),
                    }
                }
                Rule::posted_line => {
                    let line = self.parse_posted_line(child)?;
                    if posted.is_none() {
                        posted = Some(line);
                    } else {
                        // A second time line: kept as text.
                        paragraphs.push(Paragraph {
                            text: line.text,
                            span: line.span,
                        });
                    }
                }
                Rule::comment_para | Rule::reply_para | Rule::said_para | Rule::said_text => {
                    paragraphs.push(self.span_paragraph(&child));
                }
                Rule::reply => replies.push(self.parse_comment(child)?),
                Rule::reply_delete_line => {
                    let text = child.as_str().trim_end_matches(is_space);
                    let kind = if text == "Reply" || is_reply(text) {
                        MarkerKind::Reply
                    } else {
                        MarkerKind::ReplyDelete
                    };
                    markers.push(self.marker(&child, kind));
                }
                Rule::replies_line => markers.push(self.marker(&child, MarkerKind::Replies)),
                Rule::delete_line => markers.push(self.marker(&child, MarkerKind::Delete)),
                _ => return Err(self.unexpected(&child, "a comment")),
            }
        }
        // Newer templates glue a numbered comment's author to its time on
        // its first line (`  1. Anonymous9:44 AM`), the text below.
        if author.is_none() && posted.is_none() && !paragraphs.is_empty() {
            if let Some((name, time)) = self.glued_author(&paragraphs[0], span.line) {
                paragraphs.remove(0);
                author = Some(name);
                posted = Some(time);
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
            posted,
            paragraphs,
            signature,
            replies,
            markers,
            span,
        })
    }

    /// `said_line = ${ (said_stamp ~ (nameless_profile | avatar_label? ~
    /// author) ~ said | avatar_label? ~ author ~ said ~ (hs+ ~ posted)?) ~
    /// hs* ~ eol }`, and `stamped_line = ${ stamped_author ~ hs+ ~ posted ~
    /// hs* ~ eol }`.
    fn parse_said_line(&mut self, pair: Pair<'a, Rule>) -> Result<SaidLine<'a>> {
        let line_start = self.base + pair.as_span().start();
        let mut posted = None;
        let mut label_start = None;
        let mut author = None;
        let mut nameless = None;
        let mut said = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::said_stamp => {
                    // The span runs from `At` (or the bullet before it) to
                    // the comma; the text is the time (and date) as written.
                    let span = self.trimmed(&part);
                    let Some(stamp) = part.into_inner().next() else {
                        return Err(self.internal(span.start, "a comment time without its parts"));
                    };
                    posted = Some(Posted {
                        span,
                        ..self.parse_posted(stamp)?
                    });
                }
                Rule::avatar_label => label_start = Some(self.base + part.as_span().start()),
                Rule::author | Rule::stamped_author => {
                    let start = self.base + part.as_span().start();
                    let text = part.as_str().trim_end_matches(is_space);
                    let span_start = label_start.unwrap_or(start);
                    author = Some(Paragraph {
                        text: Cow::Borrowed(text),
                        span: self.index.span(span_start, start + text.len()),
                    });
                }
                // The label's span joins the marker's: `Blogger said...`.
                // No name at all: the comment has no author.
                Rule::nameless_profile | Rule::no_author => {
                    nameless = Some(self.base + part.as_span().start())
                }
                Rule::said => {
                    let span = self.trimmed(&part);
                    said = Some(match nameless {
                        Some(start) => self.index.span(start, span.end),
                        None => span,
                    });
                }
                // A time after `said...` (the grammar allows it only on a
                // line without a classic time).
                Rule::posted => posted = Some(self.parse_posted(part)?),
                _ => return Err(self.unexpected(&part, "a comment's author line")),
            }
        }
        // A line with no `said` word (the name, then the date and time):
        // its lead is empty, at the line's start.
        let said = match (said, &author, &posted) {
            (None, Some(_), Some(_)) => Some(self.index.span(line_start, line_start)),
            (said, _, _) => said,
        };
        match (said, author.is_some() || nameless.is_some()) {
            (Some(said), true) => Ok(SaidLine {
                author,
                said,
                posted,
            }),
            _ => Err(self.internal(line_start, "an author line without its author")),
        }
    }

    /// `posted_line = ${ hs* ~ posted ~ hs* ~ eol }`: the time, its span the
    /// line's.
    fn parse_posted_line(&mut self, pair: Pair<'a, Rule>) -> Result<Posted<'a>> {
        let span = self.trimmed(&pair);
        match pair.into_inner().next() {
            Some(posted) => Ok(Posted {
                span,
                ..self.parse_posted(posted)?
            }),
            None => Err(self.internal(span.start, "a comment time without its parts")),
        }
    }

    /// `posted`: the date (from a month's name, day and year, or digits)
    /// and the time of day.
    fn parse_posted(&mut self, pair: Pair<'a, Rule>) -> Result<Posted<'a>> {
        let span = self.trimmed(&pair);
        let (mut month, mut day, mut year, mut numeric, mut time) = (None, None, None, None, None);
        for part in pair.into_inner() {
            let text = part.as_str();
            match part.as_rule() {
                Rule::month => month = month_number(text),
                Rule::day => day = day_number(text),
                Rule::year => year = text.parse().ok(),
                Rule::numeric_date => numeric = Some(text),
                Rule::time => time = Some(text),
                // The weekday, the zone and the word before the time
                // (`a las`, `um`) are kept in the text only.
                Rule::weekday | Rule::zone => {}
                _ => return Err(self.unexpected(&part, "a comment's time")),
            }
        }
        let twelve_hour = time.is_some_and(is_twelve_hour);
        Ok(Posted {
            text: Cow::Borrowed(span.source(self.input)),
            date: posted_date(month, day, year, numeric, twelve_hour),
            time: time.and_then(parse_time),
            span,
        })
    }

    /// The author and time of a comment's first line when they are glued
    /// together with nothing else on it (`Anonymous9:44 AM`,
    /// `Jane Doe12:11 PM`): `first` is the comment's first paragraph, which
    /// must be that one line, on the comment's first line (`line`).
    fn glued_author(
        &self,
        first: &Paragraph<'a>,
        line: u32,
    ) -> Option<(Paragraph<'a>, Posted<'a>)> {
        if first.span.line != line {
            return None;
        }
        let Cow::Borrowed(text) = first.text else {
            return None;
        };
        // A time (`Anonymous9:44 AM`), a date in digits (`Anónimo3/7/09`),
        // or both (`Anonymous14/6/10 17:20`).
        let (at, date_text, time) = glued_stamp(text)?;
        let twelve_hour = time.is_some_and(|t| t.ends_with(|c: char| c.is_ascii_alphabetic()));
        let date = date_text.and_then(|d| posted_date(None, None, None, Some(d), twelve_hour));
        let time = time.and_then(parse_time);
        let name = text[..at].trim_end_matches(is_space);
        if !is_author_name(name) {
            return None;
        }
        let start = first.span.start;
        Some((
            Paragraph {
                text: Cow::Borrowed(name),
                span: self.index.span(start, start + name.len()),
            },
            Posted {
                text: Cow::Borrowed(&text[at..]),
                date,
                time,
                span: self.index.span(start + at, start + text.len()),
            },
        ))
    }

    /// A marker line.
    fn marker(&self, pair: &Pair<'a, Rule>, kind: MarkerKind) -> Marker {
        Marker {
            kind,
            span: self.trimmed(pair),
        }
    }
}

/// Where the time and date glued to an author's name at the end of `text`
/// start, with the date's and the time's text: `Anonymous9:44 AM`,
/// `Anónimo3/7/09`, `Anonymous14/6/10 17:20`. The name must end in a
/// letter right before the first digit.
fn glued_stamp(text: &str) -> Option<(usize, Option<&str>, Option<&str>)> {
    let Some(time_at) = trailing_time_start(text) else {
        let at = glued_date_start(text)?;
        return Some((at, Some(&text[at..]), None));
    };
    let (head, time) = text.split_at(time_at);
    if head.ends_with(char::is_alphabetic) {
        return Some((time_at, None, Some(time)));
    }
    let date_end = head.strip_suffix(' ')?.len();
    let at = glued_date_start(&text[..date_end])?;
    Some((at, Some(&text[at..date_end]), Some(time)))
}

/// Where a time that ends `text` starts: `H:MM` or `HH:MM`, on a twelve-hour
/// clock (`9:44 AM`, `12:11pm`) or a 24-hour one (`17:20`).
fn trailing_time_start(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let clock = match b.split_at_checked(b.len().checked_sub(2)?) {
        Some((clock, meridiem))
            if meridiem.eq_ignore_ascii_case(b"am") || meridiem.eq_ignore_ascii_case(b"pm") =>
        {
            clock.strip_suffix(b" ").unwrap_or(clock)
        }
        _ => b,
    };
    let (rest, minutes) = clock.split_at_checked(clock.len().checked_sub(3)?)?;
    if !(minutes[0] == b':' && minutes[1..].iter().all(u8::is_ascii_digit)) {
        return None;
    }
    let digits = rest.iter().rev().take_while(|d| d.is_ascii_digit()).count();
    (1..=2).contains(&digits).then_some(rest.len() - digits)
}

/// Where a date in digits that ends `text` starts (`3/7/09`, `12/31/2014`),
/// when a name that ends in a letter stands right before it:
/// `Anónimo3/7/09` gives the byte after `o`.
fn glued_date_start(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let digits_before = |end: usize| {
        b[..end]
            .iter()
            .rev()
            .take_while(|d| d.is_ascii_digit())
            .count()
    };
    let year = digits_before(b.len());
    if year != 2 && year != 4 {
        return None;
    }
    let mut end = b.len() - year;
    // The month and the day, each one or two digits before a slash.
    for _ in 0..2 {
        if end == 0 || b[end - 1] != b'/' {
            return None;
        }
        end -= 1;
        let digits = digits_before(end);
        if !(1..=2).contains(&digits) {
            return None;
        }
        end -= digits;
    }
    (end > 0 && text[..end].ends_with(char::is_alphabetic)).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::{glued_date_start, glued_stamp};

    #[test]
    fn glued_dates() {
        assert_eq!(glued_date_start("Anónimo3/7/09"), Some("Anónimo".len()));
        assert_eq!(glued_date_start("Jane12/31/2014"), Some(4));
        assert_eq!(glued_date_start("on 3/7/09"), None);
        assert_eq!(glued_date_start("Jane3/7"), None);
        assert_eq!(glued_date_start("3/7/09"), None);
    }

    #[test]
    fn glued_stamps() {
        let at = |text| glued_stamp(text).map(|(at, ..)| at);
        assert_eq!(at("Anonymous9:44 AM"), Some(9));
        assert_eq!(at("Jane Doe12:11 PM"), Some(8));
        assert_eq!(at("Jane Doe12:11pm"), Some(8));
        assert_eq!(at("Jane17:20"), Some(4));
        assert_eq!(
            glued_stamp("Anonymous14/6/10 17:20"),
            Some((9, Some("14/6/10"), Some("17:20")))
        );
        assert_eq!(
            glued_stamp("Ann3/7/09 9:44 AM"),
            Some((3, Some("3/7/09"), Some("9:44 AM")))
        );
        assert_eq!(
            glued_stamp("Anónimo3/7/09"),
            Some(("Anónimo".len(), Some("3/7/09"), None))
        );
        assert_eq!(at("Meet at 9:44 AM"), None); // a space before the time
        assert_eq!(at("on 3/7/09 17:20"), None);
        assert_eq!(at("9:44 AM"), None);
        assert_eq!(at("Anonymous123:44 AM"), None);
        assert_eq!(at("Anonymous9:4 AM"), None);
        assert_eq!(at("Anonymous"), None);
    }
}
