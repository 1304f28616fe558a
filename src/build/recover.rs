//! Recovery: lines the grammar took for a post, or for comments, that are
//! not go back to where they belong.
//!
//! Numbered paragraphs that end a post with no header and no markers
//! ([`Builder::keep_list_as_text`]): in, the comment section the grammar
//! made of them; out, the section when its numbers count up from 1 and its
//! items stand apart, else its items as body paragraphs and a diagnostic.
//!
//! In: the blocks, comment section and furniture of a "post" whose header
//! names no real day ([`Builder::merge_invalid`]), or, once the whole page
//! is built, of a weekday-less date line on a page whose headers have
//! weekdays ([`Builder::demote_weekdayless_headers`]). Out: those lines as
//! part of the post before (its body, its comment section and its
//! furniture), or of the preamble when there is no post before; a comment
//! section with no post to belong to is turned back into paragraphs.

use std::borrow::Cow;

use super::Builder;
use crate::ast::{Block, Comment, CommentSection, Paragraph, Post};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::span::Span;

/// The lines of a post that is not one.
pub(super) struct Loose<'a> {
    pub(super) blocks: Vec<Block<'a>>,
    pub(super) comments: Option<CommentSection<'a>>,
    pub(super) furniture: Vec<Paragraph<'a>>,
}

impl<'a> Builder<'a> {
    /// Puts the lines of a post with an invalid header back into what came
    /// before it: the previous post, or the preamble.
    pub(super) fn merge_invalid(&mut self, loose: Loose<'a>) {
        if let Some(prev) = self.posts.last_mut() {
            merge_into_post(self.input, prev, loose);
            return;
        }
        let Loose {
            blocks,
            comments,
            furniture,
        } = loose;
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

    /// A section the grammar found only because numbered lines end the post
    /// (no header, no markers, no `said` lines) reads as comments when its
    /// numbers count up from 1 (top-level and replies alike) and its
    /// top-level items are apart (a blank line between them). Otherwise its
    /// items go to the end of `body`, one paragraph each, with a diagnostic.
    pub(super) fn keep_list_as_text(
        &mut self,
        section: CommentSection<'a>,
        body: &mut Vec<Block<'a>>,
    ) -> Option<CommentSection<'a>> {
        let bare = |c: &Comment<'_>| c.author.is_none() && c.markers.is_empty();
        let unmarked = section.header_span.is_none()
            && section
                .items
                .iter()
                .all(|c| bare(c) && c.replies.iter().all(bare));
        if !unmarked || section.items.is_empty() {
            return Some(section);
        }
        let counts_up = |items: &[Comment<'_>]| items.iter().zip(1..).all(|(c, n)| c.number == n);
        let why =
            if !counts_up(&section.items) || !section.items.iter().all(|c| counts_up(&c.replies)) {
                "their numbers do not count up from 1"
            } else if section.items.windows(2).any(|pair| {
                let between = &self.input[pair[0].span.end..pair[1].span.start];
                between.matches('\n').count() < 2
            }) {
                "they stand on consecutive lines, as a list's items do"
            } else {
                return Some(section);
            };
        self.diagnostics
            .push(Diagnostic::list_kept_as_text(section.span, why));
        // The section's own diagnostics (numbering) no longer apply.
        let inside = section.span;
        self.diagnostics.retain(|d| {
            d.kind != DiagnosticKind::CommentNumberOutOfSequence
                || d.span.start < inside.start
                || d.span.end > inside.end
        });
        let mut lines: Vec<Block<'a>> = section
            .items
            .iter()
            .map(|c| Block::Paragraph(self.lines_paragraph(c.span)))
            .chain(section.stray.into_iter().map(Block::Paragraph))
            .collect();
        lines.sort_by_key(|b| b.span().start);
        body.extend(lines);
        None
    }

    /// A blog writes all its date headers one way. When a page has headers
    /// with a weekday, a date line without one that looked like a header is
    /// a date quoted in a post (a letter's date, say): its "post" goes back
    /// into the post before it.
    pub(super) fn demote_weekdayless_headers(&mut self) {
        let weekdays = self.posts.iter().filter(|p| p.weekday.is_some()).count();
        if weekdays == 0 || weekdays == self.posts.len() {
            return;
        }
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
            self.merge_invalid(Loose {
                blocks,
                comments: post.comments,
                furniture: post.furniture,
            });
        }
    }
}

/// Puts the lines of a post with an invalid header back into the post
/// before it.
fn merge_into_post<'a>(input: &'a str, prev: &mut Post<'a>, loose: Loose<'a>) {
    let Loose {
        blocks,
        comments,
        furniture,
    } = loose;
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
                    existing.stray.push(source_paragraph(input, header));
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

/// The exact source text of a span, as a paragraph.
fn source_paragraph(input: &str, span: Span) -> Paragraph<'_> {
    Paragraph {
        text: Cow::Borrowed(span.source(input)),
        span,
    }
}

/// A comment section turned back into paragraphs, for when it has no post to
/// belong to.
fn flatten_section<'a>(input: &'a str, section: CommentSection<'a>) -> Vec<Block<'a>> {
    fn comment<'a>(input: &'a str, out: &mut Vec<Block<'a>>, c: Comment<'a>) {
        let source = |span| Block::Paragraph(source_paragraph(input, span));
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
        out.push(Block::Paragraph(source_paragraph(input, header)));
    }
    for c in section.items {
        comment(input, &mut out, c);
    }
    out.extend(section.stray.into_iter().map(Block::Paragraph));
    out.sort_by_key(|b| b.span().start);
    out
}
