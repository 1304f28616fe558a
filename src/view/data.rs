//! What the report's script draws for one post (or the text before the
//! first post): the post's source text, its leaf elements as ranges of
//! that text, its parsed parts each tied to its element, and its
//! diagnostics. Embedded in the page as JSON, drawn when the post scrolls
//! into view.

use std::collections::HashMap;

use serde::Serialize;

use crate::ast::{Block, Comment, CommentSection, Paragraph, Post};
use crate::diagnostic::Diagnostic;
use crate::elements::{Element, ElementKind};
use crate::span::Span;

use super::utf16::Utf16;

/// Every element kind, in the order the page's `kinds` list names them
/// (an element is written with its kind's place in this list).
pub(super) const KINDS: [ElementKind; 19] = [
    ElementKind::Header,
    ElementKind::Title,
    ElementKind::Paragraph,
    ElementKind::ListItem,
    ElementKind::Separator,
    ElementKind::Furniture,
    ElementKind::CommentHeader,
    ElementKind::CommentLead,
    ElementKind::Author,
    ElementKind::Posted,
    ElementKind::Signature,
    ElementKind::Marker,
    ElementKind::Stray,
    ElementKind::Sent,
    ElementKind::Salutation,
    ElementKind::Subject,
    ElementKind::Valediction,
    ElementKind::SignerName,
    ElementKind::SignerRole,
];

/// A piece of parsed text and the index of its element in
/// [`Segment::el`] (-1 when it has none): `[element, "text"]` in JSON.
#[derive(Serialize)]
pub(super) struct Text<'a>(isize, &'a str);

/// A body block.
#[derive(Serialize)]
#[serde(tag = "k", rename_all = "snake_case")]
pub(super) enum Node<'a> {
    Paragraph { t: Text<'a> },
    List { items: Vec<Text<'a>> },
    Separator { t: Text<'a> },
    Furniture { t: Text<'a> },
    Letter(LetterNode<'a>),
}

/// A line of an email's header block: its field, its value tied to the
/// line's element, and the date a `Sent:` or `Date:` value gives, as ISO
/// 8601.
#[derive(Serialize)]
pub(super) struct HeaderNode<'a> {
    field: &'a str,
    value: Text<'a>,
    iso: Option<String>,
}

/// A quoted letter.
#[derive(Serialize)]
pub(super) struct LetterNode<'a> {
    sent: Option<Text<'a>>,
    /// The date as ISO 8601.
    iso: Option<String>,
    headers: Vec<HeaderNode<'a>>,
    salutation: Option<Text<'a>>,
    subject: Option<Text<'a>>,
    body: Vec<Node<'a>>,
    valediction: Option<Text<'a>>,
    signer: Option<Text<'a>>,
    roles: Vec<Text<'a>>,
}

/// A comment section.
#[derive(Serialize)]
pub(super) struct Thread<'a> {
    declared: Option<u32>,
    header: isize,
    items: Vec<CommentNode<'a>>,
    stray: Vec<Text<'a>>,
}

/// A comment and its replies.
#[derive(Serialize)]
pub(super) struct CommentNode<'a> {
    n: u32,
    lead: isize,
    author: Option<Text<'a>>,
    posted: Option<Text<'a>>,
    paragraphs: Vec<Text<'a>>,
    signature: Option<Text<'a>>,
    replies: Vec<CommentNode<'a>>,
}

/// A diagnostic, pinned after the element its span starts in (or the
/// first one after it; -1: none), on its line of the segment (0-based).
#[derive(Serialize)]
pub(super) struct Diag<'a> {
    e: isize,
    line: u32,
    severity: String,
    kind: &'static str,
    message: &'a str,
}

/// One post, or the text before the first post, as the page draws it.
#[derive(Serialize)]
pub(super) struct Segment<'a> {
    /// The source text, from the post's header to the next post's.
    src: &'a str,
    /// The line of the input `src` starts on.
    line: u32,
    /// The leaf elements: `[kind, start, end]`, the kind's place in
    /// [`KINDS`], the range in UTF-16 units of `src`.
    el: Vec<(u8, usize, usize)>,
    body: Vec<Node<'a>>,
    comments: Option<Thread<'a>>,
    furniture: Vec<Text<'a>>,
    diags: Vec<Diag<'a>>,
}

/// The parts of a segment that are not a post's: the preamble's blocks
/// and comments that start mid-post.
pub(super) struct Parts<'p, 'a> {
    pub(super) body: &'p [Block<'a>],
    pub(super) comments: Option<&'p CommentSection<'a>>,
    pub(super) furniture: &'p [Paragraph<'a>],
}

impl<'p, 'a> Parts<'p, 'a> {
    /// A post's parts.
    pub(super) fn of(post: &'p Post<'a>) -> Self {
        Parts {
            body: &post.body,
            comments: post.comments.as_ref(),
            furniture: &post.furniture,
        }
    }
}

/// Builds a [`Segment`]: element indices by their start.
struct Builder {
    by_start: HashMap<usize, usize>,
}

impl Builder {
    fn text<'a>(&self, span: Span, text: &'a str) -> Text<'a> {
        Text(self.index(span), text)
    }

    fn index(&self, span: Span) -> isize {
        match self.by_start.get(&span.start) {
            Some(&i) if !span.is_empty() => i as isize,
            _ => -1,
        }
    }

    fn para<'a>(&self, p: &'a Paragraph<'_>) -> Text<'a> {
        self.text(p.span, &p.text)
    }

    fn paras<'a>(&self, ps: &'a [Paragraph<'_>]) -> Vec<Text<'a>> {
        ps.iter().map(|p| self.para(p)).collect()
    }

    fn blocks<'a>(&self, blocks: &'a [Block<'_>]) -> Vec<Node<'a>> {
        blocks
            .iter()
            .map(|block| match block {
                Block::Paragraph(p) => Node::Paragraph { t: self.para(p) },
                Block::List(l) => Node::List {
                    items: self.paras(&l.items),
                },
                Block::Separator(s) => Node::Separator {
                    t: self.text(s.span, &s.text),
                },
                Block::Furniture(f) => Node::Furniture { t: self.para(f) },
                Block::Letter(l) => Node::Letter(LetterNode {
                    sent: l.sent.as_ref().map(|s| self.text(s.span, &s.raw)),
                    iso: l.sent.as_ref().map(|s| s.at.to_string()),
                    headers: l
                        .headers
                        .iter()
                        .map(|h| HeaderNode {
                            field: &h.field,
                            value: self.text(h.span, &h.value),
                            iso: h.date.map(|d| d.to_string()),
                        })
                        .collect(),
                    salutation: l.salutation.as_ref().map(|p| self.para(p)),
                    subject: l.subject.as_ref().map(|p| self.para(p)),
                    body: self.blocks(&l.paragraphs),
                    valediction: l.valediction.as_ref().map(|p| self.para(p)),
                    signer: l.signature.as_ref().map(|s| self.para(&s.name)),
                    roles: l
                        .signature
                        .as_ref()
                        .map_or_else(Vec::new, |s| self.paras(&s.roles)),
                }),
            })
            .collect()
    }

    fn comment<'a>(&self, c: &'a Comment<'_>) -> CommentNode<'a> {
        CommentNode {
            n: c.number,
            lead: self.index(c.lead_span),
            author: c.author.as_ref().map(|p| self.para(p)),
            posted: c.posted.as_ref().map(|p| self.text(p.span, &p.text)),
            paragraphs: self.paras(&c.paragraphs),
            signature: c.signature.as_ref().map(|p| self.para(p)),
            replies: c.replies.iter().map(|r| self.comment(r)).collect(),
        }
    }

    fn thread<'a>(&self, s: &'a CommentSection<'_>) -> Thread<'a> {
        Thread {
            declared: s.declared,
            header: s.header_span.map_or(-1, |h| self.index(h)),
            items: s.items.iter().map(|c| self.comment(c)).collect(),
            stray: self.paras(&s.stray),
        }
    }
}

impl<'a> Segment<'a> {
    /// The segment of `text` from byte `start` to `end`, which starts on
    /// line `line`, with the `elements` and `diagnostics` that start in it
    /// (both in input order).
    pub(super) fn new(
        text: &'a str,
        (start, end, line): (usize, usize, u32),
        parts: Parts<'a, '_>,
        elements: &[Element],
        diagnostics: &[&'a Diagnostic],
    ) -> Self {
        let src = &text[start..end];
        let rel = |b: usize| b.clamp(start, end) - start;
        let offsets = elements
            .iter()
            .flat_map(|e| [rel(e.span.start), rel(e.span.end)])
            .collect();
        let utf16 = Utf16::new(src, offsets);
        let el = elements
            .iter()
            .map(|e| {
                let kind = KINDS.iter().position(|&k| k == e.kind).unwrap_or(2);
                (
                    kind as u8,
                    utf16.at(rel(e.span.start)),
                    utf16.at(rel(e.span.end)),
                )
            })
            .collect();
        let builder = Builder {
            by_start: elements
                .iter()
                .enumerate()
                .map(|(i, e)| (e.span.start, i))
                .collect(),
        };
        let diags = diagnostics
            .iter()
            .map(|d| {
                // The element the diagnostic's start lies in, else the
                // first one after it, else the last.
                let after = elements.partition_point(|e| e.span.end <= d.span.start);
                let e = if elements.is_empty() {
                    -1
                } else {
                    after.min(elements.len() - 1) as isize
                };
                Diag {
                    e,
                    line: d.span.line.saturating_sub(line),
                    severity: d.severity.to_string(),
                    kind: d.kind.as_str(),
                    message: &d.message,
                }
            })
            .collect();
        Segment {
            src,
            line,
            el,
            body: builder.blocks(parts.body),
            comments: parts.comments.map(|s| builder.thread(s)),
            furniture: builder.paras(parts.furniture),
            diags,
        }
    }
}
