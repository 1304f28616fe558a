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
//! weekdays or of a header that names the day of the header before it in
//! another form ([`Builder::demote_quoted_headers`]). Out: those lines as
//! part of the post before (its body, its comment section and its
//! furniture), or of the preamble when there is no post before; a comment
//! section with no post to belong to is turned back into paragraphs.

use std::borrow::Cow;

use super::Builder;
use crate::ast::{Block, Comment, CommentSection, Paragraph, Post};
use crate::diagnostic::Diagnostic;

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
        if !self.posts.is_empty() {
            self.merge_into_post(loose);
            return;
        }
        if !self.first_chunk {
            // The post before is in the chunk before: the page merges it.
            self.leading.push(loose);
            return;
        }
        let Loose {
            blocks,
            comments,
            furniture,
        } = loose;
        // Its lines come after all the preamble holds: in input order.
        let mut lines = blocks;
        match (comments, &self.orphan_comments) {
            (Some(section), None) => self.orphan_comments = Some(section),
            (Some(section), Some(_)) => lines.extend(self.flatten_section(section)),
            (None, _) => {}
        }
        lines.extend(furniture.into_iter().map(Block::Furniture));
        lines.sort_by_key(|b| b.span().start);
        self.preamble.extend(lines);
    }

    /// Puts the lines of a post with an invalid header back into the post
    /// before it, where they stand in the input, so that spans still nest:
    /// - after the post's page furniture (its page tail): all of them, as
    ///   furniture lines;
    /// - after its comment section: its text and furniture as stray lines of
    ///   the section, its comments as the section's comments (the section's
    ///   span grows over them);
    /// - after its body: its blocks in the body, its comment section as the
    ///   post's, its furniture as the post's.
    fn merge_into_post(&mut self, loose: Loose<'a>) {
        let Some(prev) = self.posts.last() else {
            return;
        };
        let body_end = prev.body.last().map_or(0, |b| b.span().end);
        let thread_end = prev.comments.as_ref().map_or(0, |c| c.span.end);
        let tail_end = prev.furniture.last().map_or(0, |f| f.span.end);
        let loose_end = loose
            .blocks
            .iter()
            .map(Block::span)
            .chain(loose.comments.as_ref().map(|c| c.span))
            .chain(loose.furniture.iter().map(|f| f.span))
            .map(|s| s.end)
            .max()
            .unwrap_or(0);
        let Loose {
            blocks,
            comments,
            furniture,
        } = loose;
        let mut lines: Vec<Paragraph<'a>> = blocks
            .iter()
            .map(|b| self.lines_paragraph(b.span()))
            .collect();
        if tail_end > thread_end.max(body_end) {
            // After the page tail: everything is more of the tail.
            let flat = comments.map(|c| self.flatten_section(c));
            lines.extend(
                flat.into_iter()
                    .flatten()
                    .map(|b| self.lines_paragraph(b.span())),
            );
            lines.extend(furniture);
            lines.sort_by_key(|p| p.span.start);
            let Some(prev) = self.posts.last_mut() else {
                return;
            };
            prev.furniture.extend(lines);
        } else if thread_end > body_end {
            // Inside the comment thread.
            let input = self.input;
            let Some(prev) = self.posts.last_mut() else {
                return;
            };
            let Some(thread) = prev.comments.as_mut() else {
                return;
            };
            lines.extend(furniture);
            // The first line is the header that was not one (it has its
            // own diagnostic, or is a weekday-less date on a page whose
            // headers have weekdays).
            for line in lines.iter().skip(1) {
                self.diagnostics.push(Diagnostic::stray_text(
                    line.span,
                    "in a comment section after a line that looked like a date header",
                ));
            }
            if let Some(section) = comments {
                // The second header has no place of its own: a stray line.
                lines.extend(section.header_span.map(|h| Paragraph {
                    text: Cow::Borrowed(h.source(input)),
                    span: h,
                }));
                thread.items.extend(section.items);
                lines.extend(section.stray);
            }
            thread.stray.extend(lines);
            thread.stray.sort_by_key(|p| p.span.start);
            thread.span.end = thread.span.end.max(loose_end);
        } else {
            // A second section after body text that an earlier merge put
            // after the first: its lines stay text.
            let (section, text) = match comments {
                Some(section) if thread_end > 0 => (None, self.flatten_section(section)),
                comments => (comments, Vec::new()),
            };
            let Some(prev) = self.posts.last_mut() else {
                return;
            };
            prev.body.extend(blocks);
            prev.body.extend(text);
            if section.is_some() {
                prev.comments = section;
            }
            prev.furniture.extend(furniture);
        }
        if let Some(prev) = self.posts.last_mut() {
            prev.span.end = prev.span.end.max(loose_end);
        }
    }

    /// A section the grammar found only because numbered lines end the post
    /// (no header, no markers, no `said` lines) reads as comments when its
    /// numbers count up from 1 (top-level and replies alike; with gaps, where
    /// a comment has replies) and its top-level items are apart (a blank line
    /// between them). Otherwise its items go to the end of `body`, one
    /// paragraph each, with a diagnostic.
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
        // From 1 by one; in a thread with replies (which a list's items do
        // not have), each number over the one before: a comment removed for
        // good leaves a gap (`1.`, `2.`, `3.`, `5.`), the rest keep theirs.
        let gaps = section.items.iter().any(|c| !c.replies.is_empty());
        let counts_up = |items: &[Comment<'_>]| {
            items.first().is_none_or(|c| c.number == 1)
                && items.windows(2).all(|pair| match gaps {
                    true => pair[0].number < pair[1].number,
                    false => pair[0].number + 1 == pair[1].number,
                })
        };
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

    /// A comment section turned back into paragraphs (each part's exact
    /// text), for when it has no post to belong to.
    fn flatten_section(&self, section: CommentSection<'a>) -> Vec<Block<'a>> {
        let mut out = Vec::new();
        let mut parts: Vec<Comment<'a>> = section.items;
        if let Some(header) = section.header_span {
            out.push(Block::Paragraph(self.slice_paragraph(header)));
        }
        while let Some(c) = parts.pop() {
            let source = |span| Block::Paragraph(self.slice_paragraph(span));
            if !c.lead_span.is_empty() {
                out.push(source(c.lead_span));
            }
            out.extend(c.markers.iter().map(|m| source(m.span)));
            out.extend(c.posted.map(|p| source(p.span)));
            out.extend(c.author.map(Block::Paragraph));
            out.extend(c.paragraphs.into_iter().map(Block::Paragraph));
            out.extend(c.signature.map(Block::Paragraph));
            parts.extend(c.replies);
        }
        out.extend(section.stray.into_iter().map(Block::Paragraph));
        out.sort_by_key(|b| b.span().start);
        out
    }

    /// A blog writes all its date headers one way, and one header per day.
    /// So a header line is a date quoted in a post (a letter's date, a
    /// notice's), and its "post" goes back into the post before it, when
    /// - it has no weekday on a page whose headers have weekdays; or
    /// - it names the same day as the header before it, written another
    ///   way (`Thursday, 8th September 2022` under `Thursday, September 08,
    ///   2022`). The same header written the same way again is kept (two
    ///   pages joined into one file), except right under that header,
    ///   before its post has anything, where Blogger never prints a second
    ///   one: there it is the title of a blog that titles its posts with
    ///   their date; or
    /// - it stands right under a line of text, with no blank line between,
    ///   on a page that has blank lines, and has no weekday or opens a
    ///   letter (a salutation under it): a blog sets its headers off, and a
    ///   letter's date stands under its address or the blogger's words; or
    /// - it is written another way than the header before it and stands
    ///   right under that header (and its title), before the post has
    ///   anything else: under the header alone it is the post's title,
    ///   whatever day it names (`Wednesday May 9th, 2012`; `Freitag,
    ///   14.12.07` under `Dienstag, 8. Januar 2008`), under a title the
    ///   blogger's own date over a diary entry (`Sunday 1 June 2014` under
    ///   `Saturday, 31 May 2014` and a title).
    pub(super) fn demote_quoted_headers(&mut self) {
        let weekdays = self.posts.iter().filter(|p| p.weekday.is_some()).count();
        let mixed = weekdays > 0 && weekdays < self.posts.len();
        for post in std::mem::take(&mut self.posts) {
            let reshaped = |prev: &Post<'a>| {
                header_shape(prev.header_span.source(self.input))
                    != header_shape(post.header_span.source(self.input))
            };
            let bare = |prev: &Post<'a>| {
                prev.body.is_empty() && prev.comments.is_none() && prev.furniture.is_empty()
            };
            // (A post under the header before it has none of its own.)
            let repeated = !post.header_span.is_empty()
                && self.posts.last().is_some_and(|prev| {
                    prev.date == post.date && (reshaped(prev) || prev.title.is_none() && bare(prev))
                });
            // A date written another way right under a post's own header
            // (and its title), before the post has anything else.
            let under_header = !post.header_span.is_empty()
                && self.posts.last().is_some_and(|prev| {
                    !prev.header_span.is_empty() && bare(prev) && reshaped(prev)
                });
            // Under the header alone, it is the post's title (`Freitag,
            // 14.12.07` under `Dienstag, 8. Januar 2008`).
            let date_title =
                under_header && self.posts.last().is_some_and(|prev| prev.title.is_none());
            let opens_letter =
                post.title.is_none() && matches!(post.body.first(), Some(Block::Letter(_)));
            let under_text = (post.weekday.is_none() || opens_letter)
                && !self.posts.is_empty()
                && self.blank_lines_before(post.header_span.start) == 0
                && self.page_has_blank_lines();
            if !(repeated || under_header || mixed && post.weekday.is_none() || under_text) {
                self.posts.push(post);
                continue;
            }
            let header = self.slice_paragraph(post.header_span);
            let mut blocks = Vec::new();
            match self.posts.last_mut() {
                // Right under the header, before anything else of its
                // post, the day written another way is the post's title
                // (`Wednesday May 9th, 2012`).
                Some(prev) if date_title || repeated && prev.title.is_none() && bare(prev) => {
                    // The post takes in its title (with nothing under it,
                    // nothing else of the merge reaches so far).
                    prev.span.end = prev.span.end.max(header.span.end);
                    prev.title = Some(header.text);
                    prev.title_span = Some(header.span);
                }
                _ => blocks.push(Block::Paragraph(header)),
            }
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

/// The shape of a header line: each run of letters as `a`, each run of
/// digits as `9`, the rest as written (`Thursday, September 08, 2022` is
/// `a, a 9, 9`; `Thursday, 8th September 2022` is `a, 9a a 9`). A word
/// takes in a hyphen inside it and a dot after it, and an apostrophe
/// between letters parts two words, so a blog's headers have one shape
/// whatever the day and month (`sexta-feira` and `sábado`, `d’octubre`
/// and `de setembre`, `déc.` and `mai`).
fn header_shape(line: &str) -> String {
    let mut shape = String::with_capacity(line.len());
    let mut last = None;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let inside = last == Some('a') && chars.peek().is_some_and(|n| n.is_alphabetic());
        let class = if inside && matches!(c, '\'' | '’') {
            ' '
        } else if c.is_alphabetic() || last == Some('a') && (c == '.' || c == '-' && inside) {
            'a'
        } else if c.is_ascii_digit() {
            '9'
        } else {
            c
        };
        if last != Some(class) || !matches!(class, 'a' | '9') {
            shape.push(class);
        }
        last = Some(class);
    }
    shape
}

#[cfg(test)]
mod tests {
    #[test]
    fn header_shapes() {
        use super::header_shape;
        assert_eq!(header_shape("Thursday, September 08, 2022"), "a, a 9, 9");
        assert_eq!(header_shape("Thursday, 8th September 2022"), "a, 9a a 9");
        assert_eq!(
            header_shape("Friday 25 July 2014"),
            header_shape("Monday 1 June 2015")
        );
        assert_eq!(
            header_shape("sexta-feira, 1 de janeiro de 2010"),
            header_shape("sábado, 9 de janeiro de 2010")
        );
        assert_eq!(
            header_shape("dimarts, 16 d’octubre del 2012"),
            header_shape("divendres, 21 de setembre del 2012")
        );
        assert_eq!(header_shape("7 déc. 2009"), header_shape("7 mai 2009"));
        assert_ne!(
            header_shape("Sunday 1 June 2014"),
            header_shape("Saturday, 31 May 2014")
        );
    }
}
