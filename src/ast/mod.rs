//! The typed syntax tree: what a parse returns.
//!
//! Text is borrowed from the input wherever it is one contiguous slice (a
//! one-line paragraph, a title, a signature); a paragraph that runs over
//! several lines is joined with `\n`, without the lines' indentation.

use std::borrow::Cow;

use blog_export_derive::Tree;
use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::languages::Language;
use crate::span::Span;

mod comments;
mod leaves;
mod letter;
mod owned;
mod post_id;
mod spans;

pub(crate) use owned::IntoOwned;
pub(crate) use spans::Spans;

pub use comments::{Comment, CommentSection, Marker, MarkerKind, Posted};
pub use letter::{EmailHeader, Letter, Sent, SentAt, Signature};

/// A parsed export: the text before the first post, the posts, and what the
/// parser noticed along the way.
///
/// ```
/// let input = "Friday 25 July 2014\n\nDear Mr Spurr\n\nA body.";
/// let export = blog_export::parse(input)?;
/// assert_eq!(export.posts.len(), 1);
/// assert!(export.preamble.is_empty());
/// assert!(export.diagnostics.is_empty());
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tree)]
#[non_exhaustive]
pub struct Export<'a> {
    /// Blocks before the first date header (a blog's intro or sidebar, or
    /// the end of a post whose header is not on the page). Usually empty.
    pub preamble: Vec<Block<'a>>,
    /// The comments of a post whose header is not in the input (an archive
    /// page that starts mid-post), with its section header if shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orphan_comments: Option<CommentSection<'a>>,
    /// The posts, in the order they appear.
    pub posts: Vec<Post<'a>>,
    /// Non-fatal findings, in input order. See [`DiagnosticKind`](crate::DiagnosticKind).
    ///
    /// ```
    /// // 25 July 2014 was a Friday, not a Monday.
    /// let export = blog_export::parse("Monday 25 July 2014\n\nTitle")?;
    /// let d = &export.diagnostics[0];
    /// assert_eq!(d.kind, blog_export::DiagnosticKind::WeekdayMismatch);
    /// assert_eq!((d.span.line, d.span.column), (1, 1));
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub diagnostics: Vec<Diagnostic>,
    /// The language of the page's template, found from its date and
    /// comment headers (or as [`ParseOptions::with_language`](crate::ParseOptions::with_language)
    /// set it). In JSON, `"language": "es"`; absent for English.
    #[serde(default, skip_serializing_if = "Language::is_english")]
    pub language: Language,
}

impl<'a> Export<'a> {
    /// All comments of all posts, replies included.
    ///
    /// ```
    /// let input = "Friday 25 July 2014\n\nT\n\nBody.\n\n1 comment:\n\n  1. Nice.\n\n    ReplyDelete";
    /// let export = blog_export::parse(input)?;
    /// assert_eq!(export.comment_count(), 1);
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn comment_count(&self) -> usize {
        self.posts.iter().map(Post::comment_count).sum()
    }

    /// The same export with all its text owned, so it outlives the input.
    ///
    /// ```
    /// let export: blog_export::Export<'static> = {
    ///     let input = String::from("Friday 25 July 2014\n\nTitle\n\nBody.");
    ///     blog_export::parse(&input)?.into_owned()
    /// };
    /// assert_eq!(export.posts[0].title.as_deref(), Some("Title"));
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn into_owned(self) -> Export<'static> {
        IntoOwned::into_owned(self)
    }
}

/// One blog post.
///
/// ```
/// use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Weekday};
/// let input = "Saturday, March 19, 2011\n\nSpring\n\nIt is spring.";
/// let post = &blog_export::parse(input)?.posts[0];
/// assert_eq!(post.date, NaiveDate::from_ymd_opt(2011, 3, 19));
/// assert_eq!(post.weekday, Some(Weekday::Sat));
/// assert_eq!(post.title.as_deref(), Some("Spring"));
/// assert!(post.comments.is_none());
/// # Ok::<(), blog_export::Error>(())
/// ```
///
/// In JSON a post also has `post_id` ([`Post::post_id`]), first; it is
/// derived, so it is written but never read back.
#[derive(Debug, Clone, PartialEq, Deserialize, Tree)]
#[non_exhaustive]
pub struct Post<'a> {
    /// The date of the header line; `None` for the one post of a page
    /// with no date header at all (see
    /// [`DiagnosticKind::NoDateHeader`](crate::DiagnosticKind::NoDateHeader)).
    pub date: Option<NaiveDate>,
    /// The weekday as written in the header, or `None` for a header without
    /// one (`October 7, 2004`). It may disagree with `date`; a
    /// [`WeekdayMismatch`](crate::DiagnosticKind::WeekdayMismatch)
    /// diagnostic says so.
    #[serde(with = "weekday_name")]
    pub weekday: Option<Weekday>,
    /// The title line, or `None` for an untitled post.
    pub title: Option<Cow<'a, str>>,
    /// Where the title is.
    pub title_span: Option<Span>,
    /// The body, in order.
    pub body: Vec<Block<'a>>,
    /// The comment section, if the post has one.
    pub comments: Option<CommentSection<'a>>,
    /// Page furniture of the post, in order: `Labels: ...`, navigation
    /// (`Newer Post`, `Older Post`, `Home`), feed links, and every line of
    /// the page after its navigation (the blog's sidebar).
    #[serde(default)]
    pub furniture: Vec<Paragraph<'a>>,
    /// Where the date header is. Archive pages print a day's posts under
    /// one header: a post after the first there has no header line of its
    /// own, and this span is empty, where the post (its title) starts.
    pub header_span: Span,
    /// The whole post, from its date header to its last non-blank line.
    pub span: Span,
    /// What an entry of Blogger's XML export says of the post beyond a
    /// page's text (its exact time, author, labels, address); `None` for a
    /// post read from a text page. Absent from JSON when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<Box<FeedEntry<'a>>>,
}

/// What an entry of Blogger's XML export (the backup from Settings, or
/// Takeout's `feed.atom`) says of a post beyond what a saved page shows
/// ([`Post::entry`], read by [`parse_any`](crate::parse_any)).
///
/// ```
/// let xml = r#"<?xml version="1.0"?>
/// <feed xmlns="http://www.w3.org/2005/Atom" xmlns:blogger="http://schemas.google.com/blogger/2018">
///   <entry>
///     <id>tag:blogger.com,1999:blog-1.post-2</id>
///     <blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>
///     <author><name>Jane</name></author>
///     <title>Spring</title>
///     <content type="html">&lt;p&gt;It is spring.&lt;/p&gt;</content>
///     <published>2011-03-19T10:30:00.000+01:00</published>
///     <category scheme="tag:blogger.com,1999:blog-1" term="garden"/>
///     <blogger:filename>/2011/03/spring.html</blogger:filename>
///   </entry>
/// </feed>"#;
/// let post = &blog_export::parse_any(xml)?.posts[0];
/// let entry = post.entry.as_ref().unwrap();
/// assert_eq!(entry.published.to_rfc3339(), "2011-03-19T10:30:00+01:00");
/// assert_eq!(entry.author.as_deref(), Some("Jane"));
/// assert_eq!(entry.labels, ["garden"]);
/// assert_eq!(entry.url.as_deref(), Some("/2011/03/spring.html"));
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tree)]
#[non_exhaustive]
pub struct FeedEntry<'a> {
    /// When the post was published, in the offset the file gives.
    pub published: chrono::DateTime<chrono::FixedOffset>,
    /// The post's author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Cow<'a, str>>,
    /// The post's labels, in the file's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<Cow<'a, str>>,
    /// The post's address (`alternate` link), or in Takeout's file its
    /// `blogger:filename`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Cow<'a, str>>,
    /// Whether the post is a draft (read only with
    /// [`ParseOptions::with_drafts`](crate::ParseOptions::with_drafts)).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// Whether the entry is a static page, not a post (read only with
    /// [`ParseOptions::with_pages`](crate::ParseOptions::with_pages)).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub page: bool,
}

impl<'a> Post<'a> {
    /// Number of comments listed under the post, replies included.
    ///
    /// ```
    /// let input = "Friday 25 July 2014\n\nT\n\n2 comments:\n\n  1. A.\n\n    ReplyDelete\n    Replies\n    1. B.\n\n      Delete";
    /// let post = &blog_export::parse(input)?.posts[0];
    /// assert_eq!(post.comment_count(), 2);
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn comment_count(&self) -> usize {
        self.comments.as_ref().map_or(0, CommentSection::total)
    }

    /// The same post with all its text owned, so it outlives the input.
    ///
    /// ```
    /// let post: blog_export::Post<'static> = {
    ///     let input = String::from("Friday 25 July 2014\n\nTitle\n\nBody.");
    ///     blog_export::parse(&input)?.posts.remove(0).into_owned()
    /// };
    /// assert_eq!(post.date.unwrap().to_string(), "2014-07-25");
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn into_owned(self) -> Post<'static> {
        IntoOwned::into_owned(self)
    }

    /// The weekday as written, as its full English name (`"Friday"`).
    ///
    /// ```
    /// let post = &blog_export::parse("Friday 25 July 2014\n\nT")?.posts[0];
    /// assert_eq!(post.weekday_name(), Some("Friday"));
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn weekday_name(&self) -> Option<&'static str> {
        self.weekday.map(weekday_name::name)
    }

    /// The post's quoted letters, in order.
    ///
    /// ```
    /// let input = "Friday 25 July 2014\n\nT\n\nDear Ms Hughes,\n\nThanks.\n\nYours sincerely,\n\nMichael Spurr\nChief Executive";
    /// let post = &blog_export::parse(input)?.posts[0];
    /// let letter = post.letters().next().unwrap();
    /// assert_eq!(letter.salutation.as_ref().unwrap().text, "Dear Ms Hughes,");
    /// let signature = letter.signature.as_ref().unwrap();
    /// assert_eq!(signature.name.text, "Michael Spurr");
    /// assert_eq!(signature.roles[0].text, "Chief Executive");
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn letters(&self) -> impl Iterator<Item = &Letter<'a>> + '_ {
        self.body.iter().filter_map(|b| match b {
            Block::Letter(l) => Some(&**l),
            _ => None,
        })
    }
}

/// A block of a post body (or of the preamble).
///
/// In JSON a block is an object with a `kind` key: `paragraph`, `list`,
/// `separator`, `furniture` or `letter`.
///
/// ```
/// use blog_export::Block;
/// let input = "Friday 25 July 2014\n\nT\n\nIntro.\n\n  • one\n  • two\n\n******";
/// let post = &blog_export::parse(input)?.posts[0];
/// assert!(matches!(&post.body[0], Block::Paragraph(p) if p.text == "Intro."));
/// assert!(matches!(&post.body[1], Block::List(l) if l.items.len() == 2));
/// assert!(matches!(&post.body[2], Block::Separator(_)));
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tree)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[non_exhaustive]
pub enum Block<'a> {
    /// A paragraph: one or more consecutive lines of text.
    Paragraph(Paragraph<'a>),
    /// A run of bullet items (`  • text`).
    List(BulletList<'a>),
    /// A separator line (`******`, `--oo00oo--`).
    Separator(Separator<'a>),
    /// A line of page furniture (`Labels: ...`, `Newer Post`). In a post
    /// these go to [`Post::furniture`], so only the preamble holds them.
    Furniture(Paragraph<'a>),
    /// A quoted letter or email (boxed: a letter is much larger than the
    /// other blocks).
    Letter(Box<Letter<'a>>),
}

impl<'a> Block<'a> {
    /// Where the block is.
    ///
    /// ```
    /// let input = "Friday 25 July 2014\n\nT\n\nIntro.";
    /// let post = &blog_export::parse(input)?.posts[0];
    /// assert_eq!(post.body[0].span().line, 5);
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn span(&self) -> Span {
        match self {
            Block::Paragraph(p) => p.span,
            Block::List(l) => l.span,
            Block::Separator(s) => s.span,
            Block::Furniture(f) => f.span,
            Block::Letter(l) => l.span,
        }
    }
}

/// A paragraph of text, with its place in the input.
///
/// Lines of a multi-line paragraph are joined with `\n`, without their
/// indentation; a one-line paragraph borrows the input.
///
/// ```
/// let input = "Friday 25 July 2014\n\nT\n\nOne line\nand another.";
/// let post = &blog_export::parse(input)?.posts[0];
/// match &post.body[0] {
///     blog_export::Block::Paragraph(p) => assert_eq!(p.text, "One line\nand another."),
///     other => panic!("{other:?}"),
/// }
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tree)]
pub struct Paragraph<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// Where it is.
    pub span: Span,
}

/// A run of bullet items on consecutive lines.
///
/// ```
/// let input = "Friday 25 July 2014\n\nT\n\n  • first\n  • second";
/// let post = &blog_export::parse(input)?.posts[0];
/// if let blog_export::Block::List(list) = &post.body[0] {
///     assert_eq!(list.items[1].text, "second");
/// }
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tree)]
pub struct BulletList<'a> {
    /// The items: each item's text is without its bullet, its span is the
    /// whole line, bullet included.
    pub items: Vec<Paragraph<'a>>,
    /// Where the whole list is.
    pub span: Span,
}

/// A separator line: a run of three or more asterisks, dashes, tildes,
/// underscores or equals signs (`******`, `----`, `~~~`), asterisks, tildes
/// or bullets set apart by spaces (`* * *`, `~ ~ ~`, `• • •`), or
/// `--oo00oo--`.
///
/// ```
/// let input = "Friday 25 July 2014\n\nT\n\n--oo00oo--";
/// let post = &blog_export::parse(input)?.posts[0];
/// if let blog_export::Block::Separator(s) = &post.body[0] {
///     assert_eq!(s.text, "--oo00oo--");
/// }
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tree)]
pub struct Separator<'a> {
    /// The separator as written.
    pub text: Cow<'a, str>,
    /// Where it is.
    pub span: Span,
}

/// Serializes an optional [`Weekday`] as its full English name
/// (`"Friday"`) or null.
pub(crate) mod weekday_name {
    use std::borrow::Cow;

    use chrono::Weekday;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) use crate::dates::weekday_name as name;

    pub(crate) fn serialize<S: Serializer>(day: &Option<Weekday>, s: S) -> Result<S::Ok, S::Error> {
        match day {
            Some(day) => s.serialize_some(name(*day)),
            None => s.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Weekday>, D::Error> {
        let Some(text) = <Option<Cow<'de, str>>>::deserialize(d)? else {
            return Ok(None);
        };
        text.parse::<Weekday>()
            .map(Some)
            .map_err(|_| serde::de::Error::custom(format!("not a weekday: {text}")))
    }
}
