//! Emails: the header block a post quotes over an email (`From: Ann Lee` /
//! `Sent: Thursday, 20 December 2007 10:14` / `To: Bob` / `Subject: the
//! meeting`). In: a body's paragraph. Out: its header lines (with the
//! date a `Sent:` or `Date:` field gives), as the mark that opens a letter
//! (see [`letters`](super::letters)).

use std::borrow::Cow;

use pest::Parser;

use super::letters::Mark;
use super::Builder;
use crate::ast::{EmailHeader, Paragraph};
use crate::dates::SentAt;
use crate::grammar::{BlogParser, Rule};

/// The fields that make a block of header lines an email's: its sender or
/// its date. (`To:` and `Subject:` alone head a list or a note as often.)
const OPENING_FIELDS: &[&str] = &["From", "Sent", "Date"];

impl<'a> Builder<'a> {
    /// The mark of a paragraph that is an email's header block: two or more
    /// lines, each an `email_header`, one of them an opening field.
    pub(super) fn email_headers(&mut self, p: &Paragraph<'a>) -> Option<Mark<'a>> {
        // Cheap tests first: every paragraph of a body comes here. A
        // paragraph of one line borrows the input; a field's colon comes
        // within its first ten bytes.
        let head = &p.text.as_bytes()[..p.text.len().min(10)];
        if matches!(p.text, Cow::Borrowed(_))
            || !matches!(
                head.first(),
                Some(b'F' | b'S' | b'D' | b'T' | b'C' | b'B' | b'R')
            )
            || !head.contains(&b':')
        {
            return None;
        }
        let mut headers = Vec::new();
        let mut offset = p.span.start;
        for raw in p.span.source(self.input).split('\n') {
            let span = self.index.trimmed(offset, offset + raw.len());
            offset += raw.len() + 1;
            headers.push(self.email_header(span.source(self.input), span.start)?);
        }
        headers
            .iter()
            .any(|h| OPENING_FIELDS.contains(&&*h.field))
            .then_some(Mark::Headers(headers))
    }

    /// One header line, at byte `at` of the input.
    fn email_header(&mut self, line: &'a str, at: usize) -> Option<EmailHeader<'a>> {
        let pair = BlogParser::parse(Rule::email_header, line).ok()?.next()?;
        let mut field = "";
        let mut value = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::email_field => field = part.as_str(),
                Rule::email_value => value = Some((part.as_str(), at + part.as_span().start())),
                Rule::EOI => {}
                _ => unreachable!("email_header holds {:?}", part.as_rule()),
            }
        }
        let date = value
            .filter(|_| matches!(field, "Sent" | "Date"))
            .and_then(|value| self.email_date(value));
        Some(EmailHeader {
            field: Cow::Borrowed(field),
            value: Cow::Borrowed(value.map_or("", |(v, _)| v)),
            date,
            span: self.index.span(at, at + line.len()),
        })
    }

    /// The date that a `Sent:` or `Date:` value (at its byte of the input)
    /// gives (`Sat, 3 May 2014 12:28:41 +0800`), where it reads as one.
    fn email_date(&mut self, (value, at): (&'a str, usize)) -> Option<SentAt> {
        let pair = BlogParser::parse(Rule::email_date, value).ok()?.next()?;
        let span = self.index.span(at, at + value.len());
        Some(self.sent_value(pair, span).ok()??.at)
    }
}
