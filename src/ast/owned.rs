//! Owned copies of the tree: `into_owned()` turns text borrowed from the
//! input into owned text, so a value outlives its input (`Post<'static>`).

use std::borrow::Cow;

use super::{
    Block, BulletList, Comment, CommentSection, Export, FeedEntry, Letter, Paragraph, Post, Posted,
    Sent, Separator, Signature,
};

/// A value whose borrowed text can be made owned.
pub(crate) trait IntoOwned {
    /// The same value with `'static` text.
    type Owned;
    /// Makes every borrowed text owned.
    fn into_owned(self) -> Self::Owned;
}

fn text(t: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(t.into_owned())
}

fn all<T: IntoOwned>(items: Vec<T>) -> Vec<T::Owned> {
    items.into_iter().map(IntoOwned::into_owned).collect()
}

impl IntoOwned for Paragraph<'_> {
    type Owned = Paragraph<'static>;
    fn into_owned(self) -> Paragraph<'static> {
        Paragraph {
            text: text(self.text),
            span: self.span,
        }
    }
}

impl IntoOwned for Block<'_> {
    type Owned = Block<'static>;
    fn into_owned(self) -> Block<'static> {
        match self {
            Block::Paragraph(p) => Block::Paragraph(p.into_owned()),
            Block::List(l) => Block::List(BulletList {
                items: all(l.items),
                span: l.span,
            }),
            Block::Separator(s) => Block::Separator(Separator {
                text: text(s.text),
                span: s.span,
            }),
            Block::Furniture(f) => Block::Furniture(f.into_owned()),
            Block::Letter(l) => Block::Letter(Box::new(l.into_owned())),
        }
    }
}

impl IntoOwned for Letter<'_> {
    type Owned = Letter<'static>;
    fn into_owned(self) -> Letter<'static> {
        Letter {
            sent: self.sent.map(|s| Sent {
                at: s.at,
                raw: text(s.raw),
                span: s.span,
            }),
            salutation: self.salutation.into_owned(),
            subject: self.subject.map(IntoOwned::into_owned),
            paragraphs: all(self.paragraphs),
            valediction: self.valediction.map(IntoOwned::into_owned),
            signature: self.signature.map(|s| Signature {
                name: s.name.into_owned(),
                roles: all(s.roles),
                span: s.span,
            }),
            span: self.span,
        }
    }
}

impl IntoOwned for Comment<'_> {
    type Owned = Comment<'static>;
    fn into_owned(self) -> Comment<'static> {
        Comment {
            number: self.number,
            lead_span: self.lead_span,
            author: self.author.map(IntoOwned::into_owned),
            posted: self.posted.map(|p| Posted {
                text: text(p.text),
                date: p.date,
                time: p.time,
                span: p.span,
            }),
            paragraphs: all(self.paragraphs),
            signature: self.signature.map(IntoOwned::into_owned),
            replies: all(self.replies),
            markers: self.markers,
            span: self.span,
        }
    }
}

impl IntoOwned for CommentSection<'_> {
    type Owned = CommentSection<'static>;
    fn into_owned(self) -> CommentSection<'static> {
        CommentSection {
            declared: self.declared,
            items: all(self.items),
            stray: all(self.stray),
            header_span: self.header_span,
            span: self.span,
        }
    }
}

impl IntoOwned for Post<'_> {
    type Owned = Post<'static>;
    fn into_owned(self) -> Post<'static> {
        Post {
            date: self.date,
            weekday: self.weekday,
            title: self.title.map(text),
            title_span: self.title_span,
            body: all(self.body),
            comments: self.comments.map(IntoOwned::into_owned),
            furniture: all(self.furniture),
            header_span: self.header_span,
            span: self.span,
            entry: self.entry.map(|e| Box::new(e.into_owned())),
        }
    }
}

impl IntoOwned for FeedEntry<'_> {
    type Owned = FeedEntry<'static>;
    fn into_owned(self) -> FeedEntry<'static> {
        FeedEntry {
            published: self.published,
            author: self.author.map(text),
            labels: self.labels.into_iter().map(text).collect(),
            url: self.url.map(text),
            draft: self.draft,
            page: self.page,
        }
    }
}

impl IntoOwned for Export<'_> {
    type Owned = Export<'static>;
    fn into_owned(self) -> Export<'static> {
        Export {
            preamble: all(self.preamble),
            orphan_comments: self.orphan_comments.map(IntoOwned::into_owned),
            posts: all(self.posts),
            diagnostics: self.diagnostics,
            language: self.language,
        }
    }
}
