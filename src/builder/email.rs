//! Emails: the header block a post quotes over an email (`From: Ann Lee` /
//! `Sent: Thursday, 20 December 2007 10:14` / `To: Bob` / `Subject: the
//! meeting`; on a page in another language also its mail programs' fields,
//! `De:` / `Enviado el:` / `Asunto:`), under the line framed by dashes
//! that a forwarded or quoted message may have over it (`----------
//! Forwarded message ----------`). In: a body's paragraph. Out: its header
//! lines (with the date a `Sent:` or `Date:` field gives), as the mark that
//! opens a letter (see [`letters`](super::letters)), and the framed line
//! as a paragraph of its own.

use std::borrow::Cow;

use pest::Parser;

use super::letters::Mark;
use super::Builder;
use crate::ast::{EmailHeader, Paragraph};
use crate::dates::SentAt;
use crate::grammar::{BlogParser, Rule};
use crate::span::Span;

/// A paragraph that is an email's header block.
pub(super) struct HeaderBlock<'a> {
    /// The line framed by dashes over the header lines, if any: a
    /// paragraph before the letter.
    pub(super) banner: Option<Paragraph<'a>>,
    /// The header lines, as the paragraph that opens the letter.
    pub(super) lines: Paragraph<'a>,
    /// Their mark: the headers themselves.
    pub(super) mark: Mark<'a>,
}

/// What a header line's field says of the email.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    /// When it was sent (`Sent`, `Date`, `Enviado el`).
    Sent,
    /// Who sent it (`From`, `De`).
    From,
    /// Another field (`To`, `Subject`, `Asunto`). These alone make no
    /// email: they head a list or a note as often.
    Other,
}

impl<'a> Builder<'a> {
    /// A paragraph that is an email's header block: two or more lines,
    /// each an `email_header`, one of them naming the sender or the date,
    /// under an `email_banner` line or not.
    pub(super) fn email_headers(&mut self, p: &Paragraph<'a>) -> Option<HeaderBlock<'a>> {
        // Cheap tests first: every paragraph of a body comes here. A
        // paragraph of one line borrows the input; a field's colon comes
        // within its first bytes (English's first letters are few), or the
        // paragraph opens with a banner's dashes.
        let english = self.language.is_english();
        let head = &p.text.as_bytes()[..p.text.len().min(if english { 10 } else { 16 })];
        if matches!(p.text, Cow::Borrowed(_))
            || !(head.contains(&b':') || head.starts_with(b"--"))
            || english
                && !matches!(
                    head.first(),
                    Some(b'F' | b'S' | b'D' | b'T' | b'C' | b'B' | b'R' | b'-')
                )
        {
            return None;
        }
        let lines: Vec<Span> = self.lines_of(p.span).collect();
        let framed = BlogParser::parse(Rule::email_banner, lines[0].source(self.input)).is_ok();
        let banner = framed.then(|| self.slice_paragraph(lines[0]));
        let mut headers = Vec::new();
        let mut opens = false;
        for &line in &lines[usize::from(framed)..] {
            let (header, field) = self.email_header(line.source(self.input), line.start)?;
            opens |= field != Field::Other;
            headers.push(header);
        }
        let start = headers.first()?.span.start;
        (opens && headers.len() >= 2).then(|| HeaderBlock {
            banner,
            lines: self.lines_paragraph(self.index.trimmed(start, p.span.end)),
            mark: Mark::Headers(headers),
        })
    }

    /// The spans of the lines of `span`, each without surrounding white
    /// space.
    fn lines_of(&self, span: Span) -> impl Iterator<Item = Span> + '_ {
        let mut offset = span.start;
        span.source(self.input).split('\n').map(move |raw| {
            let line = self.index.trimmed(offset, offset + raw.len());
            offset += raw.len() + 1;
            line
        })
    }

    /// One header line, at byte `at` of the input, and what its field
    /// says.
    fn email_header(&mut self, line: &'a str, at: usize) -> Option<(EmailHeader<'a>, Field)> {
        let rule = match self.language.is_english() {
            true => Rule::email_header,
            false => Rule::intl_email_header,
        };
        let pair = BlogParser::parse(rule, line).ok()?.next()?;
        let mut field = ("", Field::Other);
        let mut value = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::email_sent_field => field = (part.as_str(), Field::Sent),
                Rule::email_from_field => field = (part.as_str(), Field::From),
                Rule::email_other_field => field = (part.as_str(), Field::Other),
                Rule::email_value => value = Some((part.as_str(), at + part.as_span().start())),
                Rule::EOI => {}
                _ => unreachable!("email_header holds {:?}", part.as_rule()),
            }
        }
        let date = value
            .filter(|_| field.1 == Field::Sent)
            .and_then(|value| self.email_date(value));
        let header = EmailHeader {
            field: Cow::Borrowed(field.0),
            value: Cow::Borrowed(value.map_or("", |(v, _)| v)),
            date,
            span: self.index.span(at, at + line.len()),
        };
        Some((header, field.1))
    }

    /// The date that a `Sent:` or `Date:` value (at its byte of the input)
    /// gives (`Sat, 3 May 2014 12:28:41 +0800`), where it reads as one.
    fn email_date(&mut self, (value, at): (&'a str, usize)) -> Option<SentAt> {
        let rule = match self.language.is_english() {
            true => Rule::email_date,
            false => Rule::intl_email_date,
        };
        let pair = BlogParser::parse(rule, value).ok()?.next()?;
        let span = self.index.span(at, at + value.len());
        Some(self.sent_value(pair, span).ok()??.at)
    }
}
