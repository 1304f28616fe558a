//! Parse plain-text exports of Blogger pages into typed posts, comment
//! threads and quoted letters.
//!
//! People archive blogs as text: a Blogger page saved or copied as text. This
//! crate turns that text into typed values ([`Post`], [`Comment`],
//! [`Letter`]) with the source position of every part, and reports what it
//! could not make sense of as [`Diagnostic`]s instead of failing.
//!
//! # The format
//!
//! A page is a run of posts. Each post has a date header, a title, a body
//! and, on a post's own page, a comment thread:
//!
//! ```text
//! Friday 25 July 2014              <- date header (weekday, day, month, year);
//!                                     also `Saturday, March 19, 2011`, `October 7, 2004`
//! Dear Mr Spurr                    <- title: the line after one blank line
//!                                     (two blank lines: an untitled post)
//! 21 July 2014 13:52:19 BDT        <- a quoted letter: date line,
//!                                  
//! Dear Ms Hughes,                  <-   salutation,
//!                                  
//! Thanks for your email.           <-   paragraphs,
//!                                  
//! Yours sincerely,                 <-   valediction,
//!                                  
//! Michael Spurr                    <-   signer's name
//! Chief Executive                  <-   and role
//!
//! More body: paragraphs, bullets (  • item), separators (******, --oo00oo--).
//!
//! Labels: probation, TR            <- page furniture
//!
//! 2 comments:                      <- comment section: the declared count
//!
//!   1. Well done Joanna!           <- top-level comment, numbered
//!
//!     papa                         <- its last paragraph: the signature
//!
//!     ReplyDelete                  <- closes a comment
//!     Replies                      <- opens its replies
//!     1. Agreed.                   <- a reply, one level down
//!
//!       Delete                     <- closes a reply
//! ```
//!
//! Text before the first post (a blog's sidebar, or the end of a post whose
//! header is off the page) is the [`Export::preamble`]. Files may use CRLF,
//! a byte order mark, tabs and no-break spaces; the structure is the same.
//!
//! ## The shapes the parser knows
//!
//! Blogger templates differ; these are the shapes of posts, comment threads
//! and letters the parser reads (the tests have a made-up page of each in
//! `tests/fixtures/`):
//!
//! | shape | how it looks | what the parser makes of it |
//! |---|---|---|
//! | Numbered comments under a header | `34 comments:` then `  1. text`, `    ReplyDelete`, `    Replies`, `    1. reply`, `      Delete` | a section; `declared` is the header's count |
//! | Header variants | `1 comment:`, `No comments:`, `3 Comments:`, `1 comment :` | `declared` 1, 0, 3, 1 |
//! | Numbered comments, no header, with markers | `  1. text` ... `    ReplyDelete` | a section with `declared: null` |
//! | Numbered comments, no header, no markers | after the body, `  1. text`, `  2. text` apart, replies at four spaces, to the end of the post | a section with `declared: null`; numbers that skip, items on consecutive lines, or text after them keep it a list in the body (diagnostic `list_kept_as_text` for the first two) |
//! | `Name said...`, with or without a header | `Jane said...`, `Owen [kitchen notes] said…`, then the text | a comment with `author`; with no header, only where the page shows comments start (two blank lines before, another `said` line after, the classic time, or the text indented under the name with its time line after it) |
//! | The classic template | `5 Comments:`, `At 7:14 PM, Blogger Jane said...`, `At 11:20 AM, February 18, 2009 , Anonymous said...`, `Post a Comment`, `<< Home` | `author` without the avatar's label (`Anonymous Anonymous` is `Anonymous`), `posted` from the time; the last two lines are furniture |
//! | Time lines in comments | `October 8, 2010 at 3:45 PM`, `January 5, 2009 10:34 AM`, `8 October 2010 at 15:45`, `30/12/14 2:07 a.m.`, `10/08/2010 3:45 PM` after (or before) a comment's text | `posted` (`date`, `time`); never a post header |
//! | Date headers | `Friday 25 July 2014`, `Saturday, March 19, 2011`, `October 7, 2004`, `Feb 9, 2005`, `Sept 3, 2007`, `9 Feb 2005` | posts; a weekday-less date under a title is a letter's date unless the page's headers have no weekday and it stands as a header |
//! | Untitled posts | two blank lines under the header, or a first line of prose of 100 characters or more with two or more sentences | `title: null`, the line in the body |
//! | Letters | a date line, `Dear ...,`, `Hello ...`, `To all members,`, paragraphs, `Yours sincerely,`, a name and roles | a `letter` block |
//!
//! # Quick start
//!
//! ```
//! let input = "Friday 25 July 2014\n\nDear Mr Spurr\n\nBody.\n\n2 comments:\n\n  1. Well done Joanna!\n\n    papa\n\n    ReplyDelete\n    Replies\n    1. Agreed.\n\n      Delete";
//! let export = blog_export::parse(input)?;
//! for post in &export.posts {
//!     println!("{:?} {:?}", post.date, post.title);
//!     for comment in post.comments.iter().flat_map(|s| &s.items) {
//!         let by = comment.signature.as_ref().map(|s| &*s.text);
//!         println!("  #{} by {:?}, {} replies", comment.number, by, comment.replies.len());
//!     }
//! }
//! assert_eq!(export.comment_count(), 2);
//! # Ok::<(), blog_export::Error>(())
//! ```
//!
//! # A tour of the types
//!
//! - [`parse`] (and [`parse_with`] with [`ParseOptions`]) returns an
//!   [`Export`]: its [`preamble`](Export::preamble), its
//!   [`posts`](Export::posts) and its [`diagnostics`](Export::diagnostics).
//!   [`PostReader`] reads any [`std::io::Read`] piece by piece and hands out
//!   owned posts one at a time, for inputs of any size;
//!   [`Export::into_owned`] detaches a parse from its input.
//! - A [`Post`] has a [`date`](Post::date) (a [`chrono::NaiveDate`]), the
//!   [`weekday`](Post::weekday) as written, a [`title`](Post::title), a
//!   [`body`](Post::body) of [`Block`]s, its [`comments`](Post::comments)
//!   and its page [`furniture`](Post::furniture).
//! - A [`Block`] is a [`Paragraph`], a [`BulletList`], a [`Separator`], a
//!   furniture line or a [`Letter`]; [`Post::letters`] iterates a post's
//!   letters.
//! - A [`Letter`] has its [`Sent`] date ([`SentAt`]: zoned time, local time,
//!   date or month), an email's [`EmailHeader`]s, salutation, subject,
//!   paragraphs, valediction and [`Signature`] (name and roles).
//! - A [`CommentSection`] has the [`declared`](CommentSection::declared)
//!   count and the [`items`](CommentSection::items): [`Comment`]s, each with
//!   its number, paragraphs, [`signature`](Comment::signature) (see
//!   [`is_signature`]), [`author`](Comment::author) (for `Jane said...`),
//!   replies and [`Marker`]s.
//! - Every part has a [`Span`]: byte range, line and column.
//!   [`Span::source`] gives its exact text, and [`Export::elements`] lists
//!   every leaf part in input order: together with the white space between
//!   them they rebuild the input byte for byte.
//! - Text is borrowed from the input (a `Cow<str>`) wherever it is one
//!   slice; a paragraph over several lines is joined with `\n`.
//!
//! # Diagnostics and errors
//!
//! [`parse`] is lenient: it always finds posts if there is a date header, and
//! reports what it recovered from as [`Diagnostic`]s, each with a
//! [`DiagnosticKind`] (the list of kinds, with examples, is there), a
//! message and a span. [`ParseOptions::strict`] turns every diagnostic into
//! an [`Error`]. The only errors of a lenient parse are an empty input
//! ([`ErrorKind::Empty`]), an input with no valid date header
//! ([`ErrorKind::NoDateHeader`]), a date header hidden behind a carriage
//! return with no line feed ([`ErrorKind::HiddenHeader`]) and a limit of
//! [`ParseOptions`] exceeded ([`ErrorKind::Limit`]); an error's `Display`
//! shows the line with a caret under the column (control characters
//! escaped).
//!
//! # JSON
//!
//! [`Export`] and every type in it implement serde's `Serialize` and
//! `Deserialize` ([`Error`] only `Serialize`; [`Sent`] and [`SentAt`] are
//! written inside their [`Letter`] as `sent`, `sent_raw` and `sent_span`).
//! The JSON is a stable contract (the command-line tool prints it):
//!
//! ```json
//! {
//!   "preamble": [],
//!   "posts": [{
//!     "date": "2014-07-25", "weekday": "Friday", "title": "Dear Mr Spurr",
//!     "title_span": {"start": 21, "end": 34, "line": 3, "column": 1},
//!     "body": [
//!       {"kind": "paragraph", "text": "...", "span": {...}},
//!       {"kind": "list", "items": [{"text": "...", "span": {...}}], "span": {...}},
//!       {"kind": "separator", "text": "******", "span": {...}},
//!       {"kind": "letter", "sent": "2014-07-21T13:52:19+01:00",
//!        "sent_raw": "21 July 2014 13:52:19 BDT", "sent_span": {...},
//!        "salutation": {"text": "Dear Ms Hughes,", "span": {...}},
//!        "subject": null, "paragraphs": [...],
//!        "valediction": {"text": "Yours sincerely,", "span": {...}},
//!        "signature": {"name": {...}, "roles": [{...}], "span": {...}},
//!        "span": {...}}
//!     ],
//!     "comments": {
//!       "declared": 34,
//!       "items": [{"number": 1, "lead_span": {...},
//!                  "paragraphs": [{"text": "...", "span": {...}}],
//!                  "signature": null, "replies": [...],
//!                  "markers": [{"kind": "ReplyDelete", "span": {...}}],
//!                  "span": {...}}],
//!       "header_span": {...}, "span": {...}
//!     },
//!     "furniture": [], "header_span": {...}, "span": {...}
//!   }],
//!   "diagnostics": [{"kind": "comment_count_mismatch", "severity": "warning",
//!                    "message": "the header declares 34 comments but 33 are listed",
//!                    "span": {...}}]
//! }
//! ```
//!
//! `comments` is null for a post without a section; `weekday` is null for a
//! header without one; every comment has `author` (the name of a
//! `Jane said...` comment, else null) and `posted` (null, or `{"text",
//! "date", "time", "span"}` with `date` as `YYYY-MM-DD` or null and `time`
//! as `HH:MM` or null); `orphan_comments` appears when the input starts
//! mid-post.
//!
//! For flat tables, [`table`] gives a parse's rows, one per post, comment
//! or letter: the rows of the command-line tool's CSV and of the Python
//! package's Arrow tables.
//!
//! # Languages
//!
//! Blogger writes its template in the blog's language. Besides English,
//! the parser reads the templates of Spanish (`martes, 3 de marzo de 2009`,
//! `2 comentarios:`, `Ana dijo...`), Portuguese (`terça-feira, 3 de março de
//! 2009`), French (`mardi 3 mars 2009`), German (`Dienstag, 3. März 2009`),
//! Italian (`giovedì 1 gennaio 2009`), Dutch (`donderdag 3 maart 2009`),
//! Catalan (`dimarts, 3 de març de 2009`), Swedish (`tisdag 3 mars 2009`),
//! Indonesian (`Selasa, 03 Maret 2009`) and Polish (`wtorek, 3 marca 2009`).
//! A page's language is found from its date and comment headers
//! ([`Export::language`]); [`ParseOptions::with_language`] forces one.
//! Their words are data, one file per language in `languages/` (see the
//! README for adding one); [`Language::all`] lists them.
//!
//! ```
//! let export = blog_export::parse("Dienstag, 3. März 2009\n\nDer Garten\n\nBohnen.\n\nKeine Kommentare:\n")?;
//! assert_eq!(export.language.name(), "German");
//! assert_eq!(export.posts[0].date.unwrap().to_string(), "2009-03-03");
//! assert_eq!(export.posts[0].comments.as_ref().unwrap().declared, Some(0));
//! # Ok::<(), blog_export::Error>(())
//! ```
//!
//! # Performance
//!
//! Time is linear in the input, and peak memory a small multiple of it:
//! the input is parsed in chunks cut at date headers, so the parser's
//! tokens never outgrow one chunk. `cargo bench --bench parse` measures it;
//! the figures are in the README's Performance section (the only place
//! they are kept). Build programs that depend on the crate with
//! `lto = true` in their release profile: pest's small per-step helpers are
//! then inlined, for about 17% less time.
//!
//! # Features
//!
//! - `parallel` (default): the chunks of one large input are parsed on all
//!   cores (rayon); the result is the one of a single thread.
//! - `cli`: the `blog-export` command-line tool (clap, serde_json, csv,
//!   walkdir, indicatif; and `parallel`). The library needs none of them.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

// The parser pest derives without its `std` feature names `alloc`.
extern crate alloc;

mod archive;
mod ast;
#[cfg(feature = "atom")]
mod atom;
mod builder;
mod counts;
mod dates;
mod diagnostic;
mod elements;
mod error;
mod grammar;
mod headers;
mod languages;
mod names;
mod options;
mod parse;
mod span;
mod stream;
pub mod table;
#[cfg(feature = "view")]
pub mod view;

/// Not part of the API: the token trees of the crate's parser and of the
/// reference parser, for `tests/grammar_agreement.rs` (feature
/// `reference-grammar`).
#[cfg(feature = "reference-grammar")]
#[doc(hidden)]
pub mod __reference {
    /// Every token of a parse of `input` from the rule named `rule`, as
    /// (rule name, start, end) in pre-order, by the reference parser when
    /// `use_reference`, else by the crate's parser; `None` when the rule is
    /// unknown or the parse fails.
    pub fn tokens(
        input: &str,
        rule: &str,
        use_reference: bool,
    ) -> Option<Vec<(String, usize, usize)>> {
        crate::grammar::tokens(input, rule, use_reference)
    }
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use archive::{Archive, ArchivePost, Source};
pub use ast::{
    Block, BulletList, Comment, CommentSection, EmailHeader, Export, FeedEntry, Letter, Marker,
    MarkerKind, Paragraph, Post, Posted, Sent, SentAt, Separator, Signature,
};
#[cfg(feature = "atom")]
pub use atom::{is_feed, parse_any, parse_any_with, FeedReader};
pub use counts::Counts;
pub use diagnostic::{Diagnostic, DiagnosticKind, Severity};
pub use elements::{Element, ElementKind};
pub use error::{Error, ErrorKind, Limit};
pub use languages::Language;
pub use names::is_signature;
pub use options::ParseOptions;
pub use parse::{parse, parse_file, parse_with};

/// The `chrono` crate, whose date and time types the API uses
/// ([`Post::date`] is a [`chrono::NaiveDate`]), so a program needs no
/// dependency of its own to name them (and cannot get a mismatched
/// version).
///
/// ```
/// let export = blog_export::parse("Friday 25 July 2014\n\nT")?;
/// assert_eq!(export.posts[0].date, blog_export::chrono::NaiveDate::from_ymd_opt(2014, 7, 25));
/// # Ok::<(), blog_export::Error>(())
/// ```
pub use chrono;
pub use span::Span;
pub use stream::PostReader;
