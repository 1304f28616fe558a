//! Moving a tree built from a piece of an input to where that piece stands
//! in the whole input: every span shifts by the piece's byte offset and by
//! the lines before it (pieces start at line starts, so columns stay).

use super::{Block, Comment, CommentSection, Export, Letter, Paragraph, Post};
use crate::diagnostic::Diagnostic;
use crate::span::Span;

/// A value whose spans can be moved.
pub(crate) trait Relocate {
    /// Adds `bytes` to every offset and `lines` to every line number.
    fn relocate(&mut self, bytes: usize, lines: u32);
}

impl Relocate for Span {
    fn relocate(&mut self, bytes: usize, lines: u32) {
        self.start += bytes;
        self.end += bytes;
        self.line += lines;
    }
}

impl<T: Relocate> Relocate for Option<T> {
    fn relocate(&mut self, bytes: usize, lines: u32) {
        if let Some(t) = self {
            t.relocate(bytes, lines);
        }
    }
}

impl<T: Relocate> Relocate for Vec<T> {
    fn relocate(&mut self, bytes: usize, lines: u32) {
        for t in self {
            t.relocate(bytes, lines);
        }
    }
}

impl Relocate for Paragraph<'_> {
    fn relocate(&mut self, bytes: usize, lines: u32) {
        self.span.relocate(bytes, lines);
    }
}

impl Relocate for Diagnostic {
    fn relocate(&mut self, bytes: usize, lines: u32) {
        self.span.relocate(bytes, lines);
    }
}

impl Relocate for Block<'_> {
    fn relocate(&mut self, bytes: usize, lines: u32) {
        match self {
            Block::Paragraph(p) | Block::Furniture(p) => p.relocate(bytes, lines),
            Block::List(l) => {
                l.items.relocate(bytes, lines);
                l.span.relocate(bytes, lines);
            }
            Block::Separator(s) => s.span.relocate(bytes, lines),
            Block::Letter(l) => l.relocate(bytes, lines),
        }
    }
}

impl Relocate for Letter<'_> {
    fn relocate(&mut self, bytes: usize, lines: u32) {
        if let Some(sent) = &mut self.sent {
            sent.span.relocate(bytes, lines);
        }
        self.salutation.relocate(bytes, lines);
        self.subject.relocate(bytes, lines);
        self.paragraphs.relocate(bytes, lines);
        self.valediction.relocate(bytes, lines);
        if let Some(signature) = &mut self.signature {
            signature.name.relocate(bytes, lines);
            signature.roles.relocate(bytes, lines);
            signature.span.relocate(bytes, lines);
        }
        self.span.relocate(bytes, lines);
    }
}

impl Relocate for Comment<'_> {
    fn relocate(&mut self, bytes: usize, lines: u32) {
        self.lead_span.relocate(bytes, lines);
        self.author.relocate(bytes, lines);
        if let Some(posted) = &mut self.posted {
            posted.span.relocate(bytes, lines);
        }
        self.paragraphs.relocate(bytes, lines);
        self.signature.relocate(bytes, lines);
        self.replies.relocate(bytes, lines);
        for marker in &mut self.markers {
            marker.span.relocate(bytes, lines);
        }
        self.span.relocate(bytes, lines);
    }
}

impl Relocate for CommentSection<'_> {
    fn relocate(&mut self, bytes: usize, lines: u32) {
        self.items.relocate(bytes, lines);
        self.stray.relocate(bytes, lines);
        self.header_span.relocate(bytes, lines);
        self.span.relocate(bytes, lines);
    }
}

impl Relocate for Post<'_> {
    fn relocate(&mut self, bytes: usize, lines: u32) {
        self.title_span.relocate(bytes, lines);
        self.body.relocate(bytes, lines);
        self.comments.relocate(bytes, lines);
        self.furniture.relocate(bytes, lines);
        self.header_span.relocate(bytes, lines);
        self.span.relocate(bytes, lines);
    }
}

impl Relocate for Export<'_> {
    fn relocate(&mut self, bytes: usize, lines: u32) {
        self.preamble.relocate(bytes, lines);
        self.orphan_comments.relocate(bytes, lines);
        self.posts.relocate(bytes, lines);
        self.diagnostics.relocate(bytes, lines);
    }
}
