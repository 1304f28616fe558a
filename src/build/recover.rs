//! Recovery: lines the grammar took for a post that is not one go back to
//! what came before them.
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
