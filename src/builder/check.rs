//! The checks: what the page says about itself that the tree can be
//! compared with. In: a finished comment section, or a header's date and
//! the weekday it names. Out: diagnostics only (the tree is not changed):
//! a declared count that differs from the comments listed, comment or
//! reply numbers out of sequence, a weekday that is not the date's; and,
//! over the whole input, byte order marks that start lines (joined
//! exports).

use chrono::{Datelike, NaiveDate, Weekday};

use super::Builder;
use crate::ast::{Comment, CommentSection};
use crate::diagnostic::Diagnostic;
use crate::span::{is_space, Span};

impl<'a> Builder<'a> {
    /// The checks of every comment section of the page (declared count and
    /// numbering), once recovery has put every comment in its place.
    pub(super) fn check_sections(&mut self) {
        let sections = self
            .orphan_comments
            .iter()
            .chain(self.posts.iter().filter_map(|p| p.comments.as_ref()));
        for section in sections {
            check_section(section, &mut self.diagnostics);
        }
    }

    /// A byte order mark at the start of a line other than the first, in
    /// bytes `start..end` of the input: two exports joined into one file.
    /// (The grammar reads the mark as white space, so a header after it
    /// starts a post.) Each chunk checks its own bytes.
    pub(crate) fn check_joined_exports(&mut self, start: usize, end: usize) {
        const BOM: &str = "\u{FEFF}";
        let bytes = self.input.as_bytes();
        // The mark's first byte is rare in text: find it, then the rest.
        for at in memchr::memchr_iter(BOM.as_bytes()[0], &bytes[start..end]).map(|i| start + i) {
            if !bytes[at..].starts_with(BOM.as_bytes()) {
                continue;
            }
            let line_start = self.input[..at].rfind('\n').map_or(0, |i| i + 1);
            if line_start > 0 && self.input[line_start..at].chars().all(is_space) {
                let span = self.index.span(at, at + BOM.len());
                self.diagnostics.push(Diagnostic::joined_export(span));
            }
        }
    }

    /// A header's weekday, when it names one, against its date.
    pub(super) fn check_weekday(&mut self, span: Span, date: NaiveDate, weekday: Option<Weekday>) {
        if let Some(written) = weekday.filter(|w| *w != date.weekday()) {
            let line = span.source(self.input);
            self.diagnostics
                .push(Diagnostic::weekday_mismatch(span, line, date, written));
        }
    }
}

/// Diagnostics of a comment section: declared count and numbering.
fn check_section(section: &CommentSection<'_>, out: &mut Vec<Diagnostic>) {
    if let (Some(declared), Some(header)) = (section.declared, section.header_span) {
        let listed = section.total();
        if declared as usize != listed {
            out.push(Diagnostic::comment_count_mismatch(header, declared, listed));
        }
    }
    check_numbers(&section.items, "comment", out);
    for comment in &section.items {
        check_numbers(&comment.replies, "reply", out);
    }
}

/// Numbers that do not count up by one from 1.
fn check_numbers(comments: &[Comment<'_>], what: &str, out: &mut Vec<Diagnostic>) {
    let mut expected = 1;
    for comment in comments {
        if comment.number != expected {
            out.push(Diagnostic::number_out_of_sequence(
                comment.span,
                what,
                comment.number,
                expected,
            ));
        }
        expected = comment.number.saturating_add(1);
    }
}
