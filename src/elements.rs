//! The flat, lossless view of a parse: every leaf element with its span.

use serde::{Deserialize, Serialize};

use crate::ast::{Block, Comment, CommentSection, Export, Letter, Paragraph, Post};
use crate::span::Span;

/// A leaf element of a parse: a part with no smaller parts, and its span.
///
/// [`Export::elements`] lists them in input order. They never overlap, and
/// every byte of the input that is not white space lies inside exactly one
/// of them, so the input can be rebuilt from the elements and the white
/// space between them.
///
/// ```
/// use blog_export::ElementKind;
/// let input = "Friday 25 July 2014\n\nTitle\n\nBody.";
/// let export = blog_export::parse(input)?;
/// let kinds: Vec<ElementKind> = export.elements().iter().map(|e| e.kind).collect();
/// assert_eq!(kinds, [ElementKind::Header, ElementKind::Title, ElementKind::Paragraph]);
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Element {
    /// What the element is.
    pub kind: ElementKind,
    /// Where it is.
    pub span: Span,
}

/// The kinds of [`Element`].
///
/// ```
/// let input = "Friday 25 July 2014\n\nT\n\n1 comment:\n\n  1. Hi.\n\n    ReplyDelete";
/// let export = blog_export::parse(input)?;
/// let kinds: Vec<_> = export.elements().iter().map(|e| e.kind).collect();
/// use blog_export::ElementKind::*;
/// assert_eq!(kinds, [Header, Title, CommentHeader, CommentLead, Paragraph, Marker]);
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ElementKind {
    /// A post's date header.
    Header,
    /// A post's title.
    Title,
    /// A paragraph of a body, preamble, comment or letter.
    Paragraph,
    /// A list item, bullet included.
    ListItem,
    /// A separator line.
    Separator,
    /// A line of page furniture.
    Furniture,
    /// A comment section's header (`34 comments:`).
    CommentHeader,
    /// A comment's number (`1.`) or its `said...`.
    CommentLead,
    /// A comment's author (`Jane` of `Jane said...`).
    Author,
    /// When a comment was posted (`October 8, 2010 at 3:45 PM`, or
    /// `At 7:14 PM,` on a classic author line).
    Posted,
    /// A comment's signature.
    Signature,
    /// A `ReplyDelete`, `Replies` or `Delete` marker.
    Marker,
    /// A line of a comment section outside any comment.
    Stray,
    /// A letter's date line.
    Sent,
    /// A line of an email's header block (`From: Ann Lee`).
    EmailHeader,
    /// A letter's salutation.
    Salutation,
    /// A letter's subject line.
    Subject,
    /// A letter's valediction.
    Valediction,
    /// A letter signer's name.
    SignerName,
    /// A letter signer's role line.
    SignerRole,
}

impl<'a> Export<'a> {
    /// Every leaf element, in input order. See [`Element`].
    ///
    /// ```
    /// let input = "Friday 25 July 2014\n\nTitle\n\nBody.\n";
    /// let export = blog_export::parse(input)?;
    /// let texts: Vec<&str> = export.elements().iter().map(|e| e.span.source(input)).collect();
    /// assert_eq!(texts, ["Friday 25 July 2014", "Title", "Body."]);
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn elements(&self) -> Vec<Element> {
        let mut out = Elements(Vec::new());
        out.blocks(&self.preamble);
        if let Some(section) = &self.orphan_comments {
            out.section(section);
        }
        for post in &self.posts {
            out.post(post);
        }
        out.0.sort_by_key(|e| (e.span.start, e.span.end));
        out.0
    }
}

struct Elements(Vec<Element>);

impl Elements {
    fn push(&mut self, kind: ElementKind, span: Span) {
        self.0.push(Element { kind, span });
    }

    fn paragraphs(&mut self, kind: ElementKind, ps: &[Paragraph<'_>]) {
        for p in ps {
            self.push(kind, p.span);
        }
    }

    fn post(&mut self, post: &Post<'_>) {
        // A post under the header of the post before it has no header line
        // of its own (an empty span).
        if post.header_span.start < post.header_span.end {
            self.push(ElementKind::Header, post.header_span);
        }
        if let Some(title) = post.title_span {
            self.push(ElementKind::Title, title);
        }
        self.blocks(&post.body);
        if let Some(section) = &post.comments {
            self.section(section);
        }
        self.paragraphs(ElementKind::Furniture, &post.furniture);
    }

    fn blocks(&mut self, blocks: &[Block<'_>]) {
        for block in blocks {
            match block {
                Block::Paragraph(p) => self.push(ElementKind::Paragraph, p.span),
                Block::List(l) => self.paragraphs(ElementKind::ListItem, &l.items),
                Block::Separator(s) => self.push(ElementKind::Separator, s.span),
                Block::Furniture(f) => self.push(ElementKind::Furniture, f.span),
                Block::Letter(l) => self.letter(l),
            }
        }
    }

    fn letter(&mut self, letter: &Letter<'_>) {
        if let Some(sent) = &letter.sent {
            self.push(ElementKind::Sent, sent.span);
        }
        for header in &letter.headers {
            self.push(ElementKind::EmailHeader, header.span);
        }
        if let Some(salutation) = &letter.salutation {
            self.push(ElementKind::Salutation, salutation.span);
        }
        if let Some(subject) = &letter.subject {
            self.push(ElementKind::Subject, subject.span);
        }
        self.blocks(&letter.paragraphs);
        if let Some(v) = &letter.valediction {
            self.push(ElementKind::Valediction, v.span);
        }
        if let Some(signature) = &letter.signature {
            self.push(ElementKind::SignerName, signature.name.span);
            self.paragraphs(ElementKind::SignerRole, &signature.roles);
        }
    }

    fn section(&mut self, section: &CommentSection<'_>) {
        if let Some(header) = section.header_span {
            self.push(ElementKind::CommentHeader, header);
        }
        for comment in &section.items {
            self.comment(comment);
        }
        self.paragraphs(ElementKind::Stray, &section.stray);
    }

    fn comment(&mut self, comment: &Comment<'_>) {
        if let Some(posted) = &comment.posted {
            self.push(ElementKind::Posted, posted.span);
        }
        if let Some(author) = &comment.author {
            self.push(ElementKind::Author, author.span);
        }
        if !comment.lead_span.is_empty() {
            self.push(ElementKind::CommentLead, comment.lead_span);
        }
        self.paragraphs(ElementKind::Paragraph, &comment.paragraphs);
        if let Some(signature) = &comment.signature {
            self.push(ElementKind::Signature, signature.span);
        }
        for marker in &comment.markers {
            self.push(ElementKind::Marker, marker.span);
        }
        for reply in &comment.replies {
            self.comment(reply);
        }
    }
}
