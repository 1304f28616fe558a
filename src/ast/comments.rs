//! Comment threads: [`CommentSection`], [`Comment`] and its [`Marker`]s.

use std::borrow::Cow;

use blog_export_derive::Tree;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::Paragraph;
use crate::span::Span;

/// A post's comment section.
///
/// ```
/// let input = "Friday 25 July 2014\n\nT\n\n3 comments:\n\n  1. First.\n\n    ReplyDelete";
/// let section = blog_export::parse(input)?.posts[0].comments.clone().unwrap();
/// assert_eq!(section.declared, Some(3));
/// assert_eq!(section.items.len(), 1);
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tree)]
#[non_exhaustive]
pub struct CommentSection<'a> {
    /// The count the header declares (`34 comments:` gives 34,
    /// `No comments:` gives 0; `None` when the section has no header). It
    /// may differ from the comments listed.
    pub declared: Option<u32>,
    /// The top-level comments, each with its replies.
    pub items: Vec<Comment<'a>>,
    /// Lines of the section that belong to no comment (each also gives a
    /// [`StrayText`](crate::DiagnosticKind::StrayText) diagnostic).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stray: Vec<Paragraph<'a>>,
    /// Where the header line is.
    pub header_span: Option<Span>,
    /// The whole section.
    pub span: Span,
}

impl<'a> CommentSection<'a> {
    /// Number of comments listed, replies included.
    ///
    /// ```
    /// let input = "Friday 25 July 2014\n\nT\n\n2 comments:\n\n  1. A.\n\n    ReplyDelete\n    Replies\n    1. B.\n\n      Delete";
    /// let section = blog_export::parse(input)?.posts[0].comments.clone().unwrap();
    /// assert_eq!(section.total(), 2);
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn total(&self) -> usize {
        fn count(c: &Comment<'_>) -> usize {
            1 + c.replies.iter().map(count).sum::<usize>()
        }
        self.items.iter().map(count).sum()
    }

    /// Every comment and reply in thread order (each comment before its
    /// replies), with the comment it answers (`None` for a top-level
    /// comment): the rows of a comments table.
    ///
    /// ```
    /// let input = "Friday 25 July 2014\n\nT\n\n2 comments:\n\n  1. A.\n\n    ReplyDelete\n    Replies\n    1. B.\n\n      Delete";
    /// let section = blog_export::parse(input)?.posts[0].comments.clone().unwrap();
    /// let rows: Vec<(u32, Option<u32>)> = section
    ///     .threaded()
    ///     .map(|(c, parent)| (c.number, parent.map(|p| p.number)))
    ///     .collect();
    /// assert_eq!(rows, [(1, None), (1, Some(1))]);
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn threaded(&self) -> impl Iterator<Item = (&Comment<'a>, Option<&Comment<'a>>)> {
        fn visit<'s, 'a>(
            comment: &'s Comment<'a>,
            parent: Option<&'s Comment<'a>>,
            out: &mut Vec<(&'s Comment<'a>, Option<&'s Comment<'a>>)>,
        ) {
            out.push((comment, parent));
            for reply in &comment.replies {
                visit(reply, Some(comment), out);
            }
        }
        let mut out = Vec::with_capacity(self.items.len());
        for comment in &self.items {
            visit(comment, None, &mut out);
        }
        out.into_iter()
    }
}

/// A comment, or a reply to one (a reply is a `Comment` one level down;
/// on text pages replies have no replies of their own, in Blogger's XML
/// export files they may).
///
/// ```
/// let input = "Friday 25 July 2014\n\nT\n\n1 comment:\n\n  1. Well done.\n\n    papa\n\n    ReplyDelete";
/// let post = &blog_export::parse(input)?.posts[0];
/// let comment = &post.comments.as_ref().unwrap().items[0];
/// assert_eq!(comment.number, 1);
/// assert_eq!(comment.paragraphs[0].text, "Well done.");
/// assert_eq!(comment.signature.as_ref().unwrap().text, "papa");
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tree)]
#[non_exhaustive]
pub struct Comment<'a> {
    /// The number Blogger printed before it (`1.`); for a comment in the
    /// `Jane said...` form, or one printed with neither (a paragraph under
    /// a `1 comment:` header), which has none, its position in the section.
    pub number: u32,
    /// Where the comment's lead is: its number and dot (`1.`), or `said...`
    /// for a comment in that form; empty, at the comment's start, for a
    /// comment printed with neither (also one whose first line is its
    /// author's name and its date and time, with no `said` word).
    pub lead_span: Span,
    /// The author's name, for a comment in the `Jane said...` form
    /// (`At 7:14 PM, Blogger Jane said...` gives `Jane`: the avatar's label
    /// `Blogger` or `Anonymous` before a name is in the span, not the
    /// text). `None` for a numbered comment, whose author is its
    /// [`signature`](Comment::signature) when it has one.
    #[serde(default)]
    pub author: Option<Paragraph<'a>>,
    /// When the comment was posted, as the page gives it: on the author
    /// line (`At 7:14 PM, ...`) or on a line of its own after or before
    /// the text (`October 8, 2010 at 3:45 PM`). `None` when the page gives
    /// no time.
    #[serde(default)]
    pub posted: Option<Posted<'a>>,
    /// The comment's paragraphs, signature excluded.
    pub paragraphs: Vec<Paragraph<'a>>,
    /// The author's name line, when the comment ends on one. See
    /// [`is_signature`](crate::is_signature) for the rule.
    pub signature: Option<Paragraph<'a>>,
    /// Replies, in order.
    pub replies: Vec<Comment<'a>>,
    /// The Blogger markers that close the comment or open its replies.
    pub markers: Vec<Marker>,
    /// The whole comment, from its number to its last marker or line.
    pub span: Span,
}

impl Comment<'_> {
    /// Who wrote the comment, as far as the page says: the author the
    /// template names (`Jane said...`), or else the name signed under the
    /// text; `None` when the page gives neither.
    ///
    /// ```
    /// let input = "Friday 25 July 2014\n\nT\n\n2 comments:\n\nJane said...\n\n    Hi.\n\n  1. Well done!\n\n    papa\n\n    ReplyDelete";
    /// let export = blog_export::parse(input)?;
    /// let names: Vec<_> = export.posts[0].comments.as_ref().unwrap().items.iter().map(|c| c.author_name()).collect();
    /// assert_eq!(names, [Some("Jane"), Some("papa")]);
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn author_name(&self) -> Option<&str> {
        self.author
            .as_ref()
            .or(self.signature.as_ref())
            .map(|p| p.text.as_ref())
    }
}

/// A Blogger marker line in a comment thread.
///
/// ```
/// use blog_export::MarkerKind;
/// let input = "Friday 25 July 2014\n\nT\n\n1 comment:\n\n  1. Hi.\n\n    ReplyDelete";
/// let export = blog_export::parse(input)?;
/// let marker = &export.posts[0].comments.as_ref().unwrap().items[0].markers[0];
/// assert_eq!(marker.kind, MarkerKind::ReplyDelete);
/// assert_eq!(marker.span.source(input), "ReplyDelete");
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Tree)]
#[non_exhaustive]
pub struct Marker {
    /// Which marker.
    pub kind: MarkerKind,
    /// Where it is.
    pub span: Span,
}

/// The kinds of [`Marker`].
///
/// ```
/// let json = serde_json::to_string(&blog_export::MarkerKind::ReplyDelete).unwrap();
/// assert_eq!(json, "\"ReplyDelete\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum MarkerKind {
    /// `ReplyDelete`: closes a top-level comment.
    ReplyDelete,
    /// `Reply`: closes a top-level comment on a page saved without a login.
    Reply,
    /// `Replies`: opens a comment's replies.
    Replies,
    /// `Delete`: closes a reply.
    Delete,
}

/// When a comment was posted: the time as written, and its date and time of
/// day where the text gives them.
///
/// In JSON: `{"text": "October 8, 2010 at 3:45 PM", "date": "2010-10-08",
/// "time": "15:45", "span": {...}}`; `date` is null when the page gives
/// only a time (`At 7:14 PM, ...`). On a classic author line the span runs
/// from `At` to the comma after the time; the text is the time itself.
///
/// ```
/// let input = "Friday 25 July 2014\n\nT\n\n1 comment:\n\nRuth said...\n\n    Lovely.\n\n    July 25, 2014 at 6:40 PM";
/// let export = blog_export::parse(input)?;
/// let comment = &export.posts[0].comments.as_ref().unwrap().items[0];
/// let posted = comment.posted.as_ref().unwrap();
/// assert_eq!(posted.text, "July 25, 2014 at 6:40 PM");
/// assert_eq!(posted.date.unwrap().to_string(), "2014-07-25");
/// assert_eq!(posted.time.unwrap().to_string(), "18:40:00");
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tree)]
#[non_exhaustive]
pub struct Posted<'a> {
    /// The time as written.
    pub text: Cow<'a, str>,
    /// The date, when the page gives one.
    pub date: Option<NaiveDate>,
    /// The time of day (in JSON `"HH:MM"`, or `"HH:MM:SS"` when the page
    /// gives seconds), when the page gives one.
    #[serde(with = "hours_minutes")]
    pub time: Option<NaiveTime>,
    /// Where it is.
    pub span: Span,
}

/// An optional time of day as `"HH:MM"` (`"HH:MM:SS"` when the page gives
/// seconds).
mod hours_minutes {
    use std::borrow::Cow;

    use chrono::format::{Item, Numeric, Pad};
    use chrono::{NaiveTime, Timelike};
    use serde::{Deserialize, Deserializer, Serializer};

    /// `%H:%M:%S`; its first three items are `%H:%M`.
    const HMS: [Item<'static>; 5] = [
        Item::Numeric(Numeric::Hour, Pad::Zero),
        Item::Literal(":"),
        Item::Numeric(Numeric::Minute, Pad::Zero),
        Item::Literal(":"),
        Item::Numeric(Numeric::Second, Pad::Zero),
    ];

    pub(super) fn serialize<S: Serializer>(t: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            // Items built once (`format("%H:%M")` reads its pattern at
            // every call, for every comment).
            Some(t) if t.second() != 0 => s.collect_str(&t.format_with_items(HMS.iter())),
            Some(t) => s.collect_str(&t.format_with_items(HMS[..3].iter())),
            None => s.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<NaiveTime>, D::Error> {
        let Some(text) = <Option<Cow<'de, str>>>::deserialize(d)? else {
            return Ok(None);
        };
        NaiveTime::parse_from_str(&text, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(&text, "%H:%M:%S"))
            .map(Some)
            .map_err(|_| serde::de::Error::custom(format!("not a time (HH:MM): {text}")))
    }
}
