//! The typed syntax tree: what a parse returns.
//!
//! Text is borrowed from the input wherever it is one contiguous slice (a
//! one-line paragraph, a title, a signature); a paragraph that runs over
//! several lines is joined with `\n`, without the lines' indentation.

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Weekday};
use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::span::Span;

/// A parsed export: the text before the first post, the posts, and what the
/// parser noticed along the way.
///
/// ```
/// let input = "Friday 25 July 2014\n\nDear Mr Spurr\n\nA body.";
/// let export = blog_export::parse(input)?;
/// assert_eq!(export.posts.len(), 1);
/// assert!(export.preamble.is_empty());
/// assert!(export.diagnostics().is_empty());
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Export<'a> {
    /// Blocks before the first date header (a blog's intro or sidebar, or
    /// the end of a post whose header is not on the page). Usually empty.
    #[serde(borrow)]
    pub preamble: Vec<Block<'a>>,
    /// The comments of a post whose header is not in the input (an archive
    /// page that starts mid-post), with its section header if shown.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub orphan_comments: Option<CommentSection<'a>>,
    /// The posts, in the order they appear.
    #[serde(borrow)]
    pub posts: Vec<Post<'a>>,
    /// Non-fatal findings, in input order. See [`DiagnosticKind`](crate::DiagnosticKind).
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Export<'a> {
    /// The non-fatal findings of the parse, in input order.
    ///
    /// ```
    /// // 25 July 2014 was a Friday, not a Monday.
    /// let export = blog_export::parse("Monday 25 July 2014\n\nTitle")?;
    /// let d = &export.diagnostics()[0];
    /// assert_eq!(d.kind, blog_export::DiagnosticKind::WeekdayMismatch);
    /// assert_eq!((d.span.line, d.span.column), (1, 1));
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

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
}

/// One blog post.
///
/// ```
/// use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Weekday};
/// let input = "Saturday, March 19, 2011\n\nSpring\n\nIt is spring.";
/// let post = &blog_export::parse(input)?.posts[0];
/// assert_eq!(post.date, NaiveDate::from_ymd_opt(2011, 3, 19).unwrap());
/// assert_eq!(post.weekday, Some(Weekday::Sat));
/// assert_eq!(post.title.as_deref(), Some("Spring"));
/// assert!(post.comments.is_none());
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Post<'a> {
    /// The date of the header line.
    pub date: NaiveDate,
    /// The weekday as written in the header, or `None` for a header without
    /// one (`October 7, 2004`). It may disagree with `date`; a
    /// [`WeekdayMismatch`](crate::DiagnosticKind::WeekdayMismatch)
    /// diagnostic says so.
    #[serde(with = "weekday_name")]
    pub weekday: Option<Weekday>,
    /// The title line, or `None` for an untitled post.
    #[serde(borrow)]
    pub title: Option<Cow<'a, str>>,
    /// Where the title is.
    pub title_span: Option<Span>,
    /// The body, in order.
    #[serde(borrow)]
    pub body: Vec<Block<'a>>,
    /// The comment section, if the post has one.
    #[serde(borrow)]
    pub comments: Option<CommentSection<'a>>,
    /// Page furniture of the post, in order: `Labels: ...`, navigation
    /// (`Newer Post`, `Older Post`, `Home`), feed links, and every line of
    /// the page after its navigation (the blog's sidebar).
    #[serde(borrow, default)]
    pub furniture: Vec<Paragraph<'a>>,
    /// Where the date header is.
    pub header_span: Span,
    /// The whole post, from its date header to its last non-blank line.
    pub span: Span,
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
    /// assert_eq!(letter.salutation.text, "Dear Ms Hughes,");
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[non_exhaustive]
pub enum Block<'a> {
    /// A paragraph: one or more consecutive lines of text.
    Paragraph(#[serde(borrow)] Paragraph<'a>),
    /// A run of bullet items (`  • text`).
    List(#[serde(borrow)] BulletList<'a>),
    /// A separator line (`******`, `--oo00oo--`).
    Separator(#[serde(borrow)] Separator<'a>),
    /// A line of page furniture (`Labels: ...`, `Newer Post`). In a post
    /// these go to [`Post::furniture`], so only the preamble holds them.
    Furniture(#[serde(borrow)] Paragraph<'a>),
    /// A quoted letter or email (boxed: a letter is much larger than the
    /// other blocks).
    Letter(#[serde(borrow)] Box<Letter<'a>>),
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph<'a> {
    /// The text.
    #[serde(borrow)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulletList<'a> {
    /// The items: each item's text is without its bullet, its span is the
    /// whole line, bullet included.
    #[serde(borrow)]
    pub items: Vec<Paragraph<'a>>,
    /// Where the whole list is.
    pub span: Span,
}

/// A separator line: a run of asterisks or `--oo00oo--`.
///
/// ```
/// let input = "Friday 25 July 2014\n\nT\n\n--oo00oo--";
/// let post = &blog_export::parse(input)?.posts[0];
/// if let blog_export::Block::Separator(s) = &post.body[0] {
///     assert_eq!(s.text, "--oo00oo--");
/// }
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Separator<'a> {
    /// The separator as written.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// Where it is.
    pub span: Span,
}

/// A letter or email quoted in a post: a date line or salutation, an
/// optional subject, paragraphs, and an optional valediction and signature.
///
/// How letters are recognised:
/// - A letter starts at a salutation on a line of its own (`Dear ...`,
///   `Hello ...`, `Hi ...`, `Hey ...`, `Greetings`, `Good morning ...`,
///   `To whom it may concern`; the addressee at most 60 characters and with
///   no sentence break), or at a date or timestamp line right before one.
///   A post's title is never a salutation.
/// - A one-line paragraph in capitals right after the salutation is the
///   subject (`TRANSFORMING REHABILITATION`).
/// - The run of a letter ends before the next separator or furniture line, the next
///   salutation (or dated salutation), or the end of the body.
/// - If a valediction (`Yours sincerely,`, `Best wishes,`, `Keep well`, ...)
///   stands on its own line in the run, the letter ends there, plus the
///   signature block under it: a paragraph whose first line is a name, its
///   further lines the signer's roles.
/// - Without a valediction, the letter ends before the first paragraph that
///   introduces something new (its first line ends in `:-`), or at
///   the end of its run; if its last paragraph is a name block, that is the
///   signature.
///
/// In JSON a letter is a block with `"kind": "letter"` and keys `sent` (ISO
/// 8601: `2014-07-21T13:52:19+01:00`, `2014-07-14T11:16:00`, `2014-12-16`,
/// `2019-02`, or null), `sent_raw`, `sent_span`, `salutation`, `subject`,
/// `paragraphs`, `valediction`, `signature` (null or `{"name", "roles",
/// "span"}`) and `span`.
///
/// ```
/// use blog_export::{Block, SentAt};
/// let input = "Friday 25 July 2014\n\nT\n\n21 July 2014 13:52:19 BDT\n\nDear Ms Hughes,\n\nThanks for your email.\n\nYours sincerely,\n\nMichael Spurr\nChief Executive";
/// let post = &blog_export::parse(input)?.posts[0];
/// let Block::Letter(letter) = &post.body[0] else { panic!() };
/// let sent = letter.sent.as_ref().unwrap();
/// assert_eq!(sent.raw, "21 July 2014 13:52:19 BDT");
/// assert_eq!(sent.at.to_string(), "2014-07-21T13:52:19+01:00");
/// assert_eq!(letter.valediction.as_ref().unwrap().text, "Yours sincerely,");
/// assert_eq!(letter.paragraphs.len(), 1);
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    into = "crate::letters::LetterRepr<'a>",
    try_from = "crate::letters::LetterRepr<'a>",
    bound(deserialize = "'de: 'a")
)]
#[non_exhaustive]
pub struct Letter<'a> {
    /// The date or timestamp line above the salutation.
    pub sent: Option<Sent<'a>>,
    /// The salutation line (`Dear Ms Hughes,`).
    pub salutation: Paragraph<'a>,
    /// A subject line in capitals under the salutation.
    pub subject: Option<Paragraph<'a>>,
    /// The letter's paragraphs (and any bullet lists), in order.
    pub paragraphs: Vec<Block<'a>>,
    /// The valediction (`Yours sincerely,`).
    pub valediction: Option<Paragraph<'a>>,
    /// The signature block: the signer's name and roles.
    pub signature: Option<Signature<'a>>,
    /// The whole letter.
    pub span: Span,
}

/// When a letter was sent: the parsed value and the text as written.
///
/// ```
/// use blog_export::SentAt;
/// let input = "Friday 25 July 2014\n\nT\n\n14 July 2014 11:16\n\nDear Ms Brennan,\n\nText.";
/// let post = &blog_export::parse(input)?.posts[0];
/// let sent = post.letters().next().unwrap().sent.clone().unwrap();
/// assert!(matches!(sent.at, SentAt::Local(_)));
/// assert_eq!(sent.at.to_string(), "2014-07-14T11:16:00");
/// assert_eq!(sent.span.line, 5);
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Sent<'a> {
    /// The parsed date or time.
    pub at: SentAt,
    /// The line as written.
    pub raw: Cow<'a, str>,
    /// Where the line is.
    pub span: Span,
}

/// A parsed date or timestamp, as precise as the text.
///
/// `Display` gives ISO 8601.
///
/// ```
/// use blog_export::SentAt;
/// let month = SentAt::Month { year: 2019, month: 2 };
/// assert_eq!(month.to_string(), "2019-02");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SentAt {
    /// A date and time with a known zone (`21 July 2014 13:52:19 BDT`).
    Zoned(DateTime<FixedOffset>),
    /// A date and time with no zone, or a zone the parser does not know
    /// (`14 July 2014 11:16`).
    Local(NaiveDateTime),
    /// A date (`16 December 2014`).
    Date(NaiveDate),
    /// A month (`February 2019`).
    Month {
        /// The year.
        year: i32,
        /// The month, 1 to 12.
        month: u32,
    },
}

impl std::fmt::Display for SentAt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SentAt::Zoned(t) => write!(f, "{}", t.format("%Y-%m-%dT%H:%M:%S%:z")),
            SentAt::Local(t) => write!(f, "{}", t.format("%Y-%m-%dT%H:%M:%S")),
            SentAt::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            SentAt::Month { year, month } => write!(f, "{year:04}-{month:02}"),
        }
    }
}

/// A signature block: the signer's name line and the role lines under it.
///
/// ```
/// let input = "Friday 25 July 2014\n\nT\n\nDear all\n\nNews.\n\nYours sincerely\n\nSuki Binning\nChief Executive for KSS CRC";
/// let post = &blog_export::parse(input)?.posts[0];
/// let signature = post.letters().next().unwrap().signature.clone().unwrap();
/// assert_eq!(signature.name.text, "Suki Binning");
/// assert_eq!(signature.roles.len(), 1);
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Signature<'a> {
    /// The name line.
    #[serde(borrow)]
    pub name: Paragraph<'a>,
    /// Role lines under the name (`Chief Executive`), possibly none.
    #[serde(borrow)]
    pub roles: Vec<Paragraph<'a>>,
    /// The whole block.
    pub span: Span,
}

/// A post's comment section.
///
/// ```
/// let input = "Friday 25 July 2014\n\nT\n\n3 comments:\n\n  1. First.\n\n    ReplyDelete";
/// let section = blog_export::parse(input)?.posts[0].comments.clone().unwrap();
/// assert_eq!(section.declared, Some(3));
/// assert_eq!(section.items.len(), 1);
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CommentSection<'a> {
    /// The count the header declares (`34 comments:` gives 34,
    /// `No comments:` gives 0; `None` when the section has no header). It
    /// may differ from the comments listed.
    pub declared: Option<u32>,
    /// The top-level comments, each with its replies.
    #[serde(borrow)]
    pub items: Vec<Comment<'a>>,
    /// Lines of the section that belong to no comment (each also gives a
    /// [`StrayText`](crate::DiagnosticKind::StrayText) diagnostic).
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
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
        self.items.iter().map(|c| 1 + c.replies.len()).sum()
    }
}

/// A comment, or a reply to one (a reply is a `Comment` one level down,
/// with no replies of its own).
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Comment<'a> {
    /// The number Blogger printed before it (`1.`); for a comment in the
    /// `Jane said...` form, which has none, its position in the section.
    pub number: u32,
    /// Where the comment's lead is: its number and dot (`1.`), or `said...`
    /// for a comment in that form.
    pub lead_span: Span,
    /// The author, for a comment in the `Jane said...` form.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Paragraph<'a>>,
    /// The comment's paragraphs, signature excluded.
    #[serde(borrow)]
    pub paragraphs: Vec<Paragraph<'a>>,
    /// The author's name line, when the comment ends on one. See
    /// [`is_signature`](crate::is_signature) for the rule.
    #[serde(borrow)]
    pub signature: Option<Paragraph<'a>>,
    /// Replies, in order.
    #[serde(borrow)]
    pub replies: Vec<Comment<'a>>,
    /// The Blogger markers that close the comment or open its replies.
    pub markers: Vec<Marker>,
    /// The whole comment, from its number to its last marker or line.
    pub span: Span,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

/// Serializes an optional [`Weekday`] as its full English name
/// (`"Friday"`) or null.
mod weekday_name {
    use std::borrow::Cow;

    use chrono::Weekday;
    use serde::{Deserialize, Deserializer, Serializer};

    /// The weekdays' names, Monday first.
    pub(crate) const NAMES: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];

    pub(crate) fn name(day: Weekday) -> &'static str {
        NAMES[day.num_days_from_monday() as usize]
    }

    pub(super) fn serialize<S: Serializer>(day: &Option<Weekday>, s: S) -> Result<S::Ok, S::Error> {
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

pub(crate) use weekday_name::{name as weekday_name, NAMES as WEEKDAY_NAMES};
