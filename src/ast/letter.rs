//! Quoted letters: [`Letter`], its [`Sent`] date ([`SentAt`]), an email's
//! [`EmailHeader`]s and its [`Signature`], with the JSON form of a letter
//! (`sent` in ISO 8601 beside `sent_raw`).

use std::borrow::Cow;

use blog_export_derive::Tree;
use serde::{Deserialize, Serialize};

use super::{Block, Paragraph};
pub use crate::dates::SentAt;
use crate::span::Span;

/// A letter or email quoted in a post: a date line, an email's header
/// block or a salutation, an optional subject, paragraphs, and an optional
/// valediction and signature.
///
/// How letters are recognised:
/// - An email starts at its header block: a paragraph of two or more
///   `Field: value` lines, one a `From:`, `Sent:` or `Date:` (`From: Ann
///   Lee` / `Sent: Thursday, 20 December 2007 10:14` / `To: Bob` /
///   `Subject: the meeting`; also `To:`, `Cc:`, `Bcc:`, `Reply-To:`). Its
///   `Sent:` or `Date:` value, where it reads as a date, is that header's
///   [`date`](EmailHeader::date) ([`Letter::when_sent`] gives either
///   kind of date). A salutation right under the block is the email's;
///   with none, the email has no salutation.
/// - A letter starts at a salutation on a line of its own (`Dear ...`,
///   `Hello ...`, `Hi ...`, `Hey ...`, `Greetings`, `Good morning ...`,
///   `To whom it may concern`; the addressee at most 80 characters and
///   with no sentence break), or at a date or timestamp line right before
///   one.
///   A name with the endearment after it (`Minnie Dear,`, `Family
///   Dearest!`) and a formal salutation with the letter's text on its
///   line (`My dear Tom, I have your letter...`) open one too.
///   A post's title is never a salutation. A greeting to the blog's
///   readers (`Hi friends,`, `Hello everyone!`, `Hey y'all!`) opens a
///   letter under the blogger's own words (the email the post quotes),
///   and as the body's first line only when the letter closes as one does,
///   with a closing or its writer's name (the letter home a family posts).
/// - A one-line paragraph in capitals right after the salutation is the
///   subject (`TRANSFORMING REHABILITATION`).
/// - The run of a letter ends before the next separator or furniture line, the next
///   salutation (or dated salutation), or the end of the body.
/// - If a valediction (`Yours sincerely,`, `Best wishes,`, `Keep well`, ...)
///   stands on its own line in the run, the letter ends there, plus the
///   signature block under it: a paragraph whose first line is a name, its
///   further lines the signer's roles.
/// - Without a valediction, the letter ends at a name set off as a
///   signature, wherever it stands (`--Ann Lee`, `~ Ann`, `Harry (grade
///   1)`, a name over a note in brackets, `Your Grandaddy`), which is the
///   signature; else before the first paragraph that introduces something
///   new (its first line ends in `:-`), or at the end of its run, and if
///   its last paragraph is a name block, that is the signature.
///
/// In JSON a letter is a block with `"kind": "letter"` and keys `sent` (ISO
/// 8601: `2014-07-21T13:52:19+01:00`, `2014-07-14T11:16:00`, `2014-12-16`,
/// `2019-02`, or null), `sent_raw`, `sent_span`, `salutation`, `subject`,
/// `paragraphs`, `valediction`, `signature` (null or `{"name", "roles",
/// "span"}`) and `span`; an email's also `headers` (`[{"field", "value",
/// "date", "span"}]`, after `sent_span`; `date` in ISO 8601 or null), and
/// its `salutation` is null when it has none.
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tree)]
#[serde(into = "LetterRepr<'a>", try_from = "LetterRepr<'a>")]
#[non_exhaustive]
pub struct Letter<'a> {
    /// The date or timestamp line above the salutation (an email's date is
    /// its header's: see [`when_sent`](Letter::when_sent)).
    pub sent: Option<Sent<'a>>,
    /// An email's header block, a line each (`From: Ann Lee`); empty for a
    /// letter.
    pub headers: Vec<EmailHeader<'a>>,
    /// The salutation line (`Dear Ms Hughes,`); `None` for an email that
    /// starts with no salutation under its headers.
    pub salutation: Option<Paragraph<'a>>,
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
#[derive(Debug, Clone, PartialEq, Eq, Tree)]
#[non_exhaustive]
pub struct Sent<'a> {
    /// The parsed date or time.
    pub at: SentAt,
    /// The line as written.
    pub raw: Cow<'a, str>,
    /// Where the line is.
    pub span: Span,
}

/// One line of an email's header block: `From: Ann Lee`.
///
/// ```
/// let input = "Friday 25 July 2014\n\nT\n\nFrom: Ann Lee\nSent: Thursday, 24 July 2014 10:14\nTo: Bob\n\nSee you there.\n\nAnn";
/// let post = &blog_export::parse(input)?.posts[0];
/// let email = post.letters().next().unwrap();
/// assert_eq!(email.headers.len(), 3);
/// assert_eq!(email.headers[0].field, "From");
/// assert_eq!(email.headers[0].value, "Ann Lee");
/// assert_eq!(email.headers[2].to_string(), "To: Bob");
/// assert_eq!(email.headers[1].date.unwrap().to_string(), "2014-07-24T10:14:00");
/// assert_eq!(email.when_sent().unwrap().1, "Thursday, 24 July 2014 10:14");
/// assert!(email.salutation.is_none());
/// assert_eq!(email.signature.as_ref().unwrap().name.text, "Ann");
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tree)]
#[non_exhaustive]
pub struct EmailHeader<'a> {
    /// The field's name as written (`From`, `Sent`, `Subject`).
    pub field: Cow<'a, str>,
    /// The value after the colon (`Ann Lee`), empty when there is none.
    pub value: Cow<'a, str>,
    /// A `Sent:` or `Date:` value's date, where it reads as one
    /// (`Thursday, 20 December 2007 10:14`, `Sat, 3 May 2014 12:28:41
    /// +0800`, `Nov 29, 2007 5:52 PM`); in JSON as ISO 8601, as a letter's
    /// `sent`.
    pub date: Option<SentAt>,
    /// The whole line.
    pub span: Span,
}

impl Letter<'_> {
    /// When the letter was sent, and the text that says so: its date line,
    /// or an email's `Sent:` or `Date:` value.
    ///
    /// ```
    /// let input = "Friday 25 July 2014\n\nT\n\n14 July 2014 11:16\n\nDear Ann,\n\nText.";
    /// let post = &blog_export::parse(input)?.posts[0];
    /// let (at, raw) = post.letters().next().unwrap().when_sent().unwrap();
    /// assert_eq!((at.to_string().as_str(), raw), ("2014-07-14T11:16:00", "14 July 2014 11:16"));
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn when_sent(&self) -> Option<(SentAt, &str)> {
        match &self.sent {
            Some(sent) => Some((sent.at, &sent.raw)),
            None => self
                .headers
                .iter()
                .find_map(|h| h.date.map(|at| (at, &*h.value))),
        }
    }
}

/// `From: Ann Lee`: the field and the value, as the tables write a header.
impl std::fmt::Display for EmailHeader<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.value)
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tree)]
#[non_exhaustive]
pub struct Signature<'a> {
    /// The name line.
    pub name: Paragraph<'a>,
    /// Role lines under the name (`Chief Executive`), possibly none.
    pub roles: Vec<Paragraph<'a>>,
    /// The whole block.
    pub span: Span,
}

/// The JSON form of a [`Letter`]: `sent` as ISO 8601 beside `sent_raw`.
#[derive(Clone, Serialize, Deserialize)]
pub(crate) struct LetterRepr<'a> {
    sent: Option<String>,
    sent_raw: Option<Cow<'a, str>>,
    sent_span: Option<Span>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    headers: Vec<EmailHeader<'a>>,
    salutation: Option<Paragraph<'a>>,
    subject: Option<Paragraph<'a>>,
    paragraphs: Vec<Block<'a>>,
    valediction: Option<Paragraph<'a>>,
    signature: Option<Signature<'a>>,
    span: Span,
}

impl<'a> From<Letter<'a>> for LetterRepr<'a> {
    fn from(l: Letter<'a>) -> Self {
        LetterRepr {
            sent: l.sent.as_ref().map(|s| s.at.to_string()),
            sent_span: l.sent.as_ref().map(|s| s.span),
            sent_raw: l.sent.map(|s| s.raw),
            headers: l.headers,
            salutation: l.salutation,
            subject: l.subject,
            paragraphs: l.paragraphs,
            valediction: l.valediction,
            signature: l.signature,
            span: l.span,
        }
    }
}

impl<'a> TryFrom<LetterRepr<'a>> for Letter<'a> {
    type Error = String;

    fn try_from(r: LetterRepr<'a>) -> Result<Self, String> {
        let sent = match (r.sent, r.sent_raw, r.sent_span) {
            (Some(iso), Some(raw), Some(span)) => Some(Sent {
                at: iso.parse()?,
                raw,
                span,
            }),
            _ => None,
        };
        Ok(Letter {
            sent,
            headers: r.headers,
            salutation: r.salutation,
            subject: r.subject,
            paragraphs: r.paragraphs,
            valediction: r.valediction,
            signature: r.signature,
            span: r.span,
        })
    }
}
