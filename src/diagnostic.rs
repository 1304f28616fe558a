//! Non-fatal findings: what the parser noticed but could recover from.

use std::fmt;

use blog_export_derive::Tree;
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::dates::{weekday_name, YearFrom};
use crate::span::Span;

/// A non-fatal finding, with where it is and a plain-English message.
///
/// ```
/// let input = "Friday 25 July 2014\n\nT\n\n3 comments:\n\n  1. Only one.\n\n    ReplyDelete";
/// let export = blog_export::parse(input)?;
/// let d = &export.diagnostics[0];
/// assert_eq!(d.kind, blog_export::DiagnosticKind::CommentCountMismatch);
/// assert_eq!(d.span.line, 5);
/// assert_eq!(d.to_string(), "5:1: warning: the header declares 3 comments but 1 is listed");
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tree)]
#[non_exhaustive]
pub struct Diagnostic {
    /// What kind of finding this is.
    pub kind: DiagnosticKind,
    /// How serious it is.
    pub severity: Severity,
    /// A message for people.
    pub message: String,
    /// Where it is.
    pub span: Span,
}

/// The wording of every diagnostic, one constructor per kind, so messages
/// stay consistent and the passes that find things do not format text.
impl Diagnostic {
    fn warning(kind: DiagnosticKind, span: Span, message: String) -> Self {
        Diagnostic {
            kind,
            severity: Severity::Warning,
            message,
            span,
        }
    }

    /// A header whose weekday is not its date's.
    pub(crate) fn weekday_mismatch(
        span: Span,
        line: &str,
        date: NaiveDate,
        written: Weekday,
    ) -> Self {
        Self::warning(
            DiagnosticKind::WeekdayMismatch,
            span,
            format!(
                "`{line}`: {} was a {}, not a {}",
                date.format("%-d %B %Y"),
                weekday_name(date.weekday()),
                weekday_name(written)
            ),
        )
    }

    /// A header with no year, and the year taken for it.
    pub(crate) fn year_inferred(span: Span, line: &str, date: NaiveDate, from: YearFrom) -> Self {
        let day = format!(
            "{} is a {}",
            date.format("%-d %B"),
            weekday_name(date.weekday())
        );
        let year = date.year();
        let how = match from {
            YearFrom::Page(1) => {
                format!("{year}, named once on the page, is the year of those in which {day}")
            }
            YearFrom::Page(n) => format!(
                "{year}, named {n} times on the page, is the year named most of those in which {day}"
            ),
            YearFrom::Latest => format!(
                "the page names no year in which {day}; {year} is the latest such year"
            ),
        };
        Self::warning(
            DiagnosticKind::YearInferred,
            span,
            format!("`{line}` has no year: {how}"),
        )
    }

    /// A header naming a day that does not exist.
    pub(crate) fn invalid_date(span: Span, line: &str) -> Self {
        Self::warning(
            DiagnosticKind::InvalidDate,
            span,
            format!("`{line}` looks like a date header, but that day does not exist; the line is kept as text"),
        )
    }

    /// A header with an abbreviated weekday.
    pub(crate) fn invalid_header(span: Span, line: &str) -> Self {
        Self::warning(
            DiagnosticKind::InvalidHeader,
            span,
            format!("`{line}` looks like a date header, but its weekday is abbreviated; the line is kept as text"),
        )
    }

    /// A section whose header declares another count than it lists.
    pub(crate) fn comment_count_mismatch(span: Span, declared: u32, listed: usize) -> Self {
        let verb = if listed == 1 { "is" } else { "are" };
        let plural = if declared == 1 { "" } else { "s" };
        Self::warning(
            DiagnosticKind::CommentCountMismatch,
            span,
            format!("the header declares {declared} comment{plural} but {listed} {verb} listed"),
        )
    }

    /// A comment (`what` is `comment` or `reply`) numbered out of sequence.
    pub(crate) fn number_out_of_sequence(
        span: Span,
        what: &str,
        number: u32,
        expected: u32,
    ) -> Self {
        Self::warning(
            DiagnosticKind::CommentNumberOutOfSequence,
            span,
            format!("{what} number {number} where {expected} was expected"),
        )
    }

    /// A line that belongs to nothing where it stands (`place`).
    pub(crate) fn stray_text(span: Span, place: &str) -> Self {
        Self::warning(
            DiagnosticKind::StrayText,
            span,
            format!("this line is {place} and belongs to nothing there; kept as a paragraph"),
        )
    }

    /// Numbered lines that end a post with no header or markers, kept as
    /// text because they do not read as comments (`why`).
    pub(crate) fn list_kept_as_text(span: Span, why: &str) -> Self {
        Self::warning(
            DiagnosticKind::ListKeptAsText,
            span,
            format!("numbered lines end the post with no comment header, but {why}: kept as the post's text, not as comments"),
        )
    }

    /// A byte order mark at the start of a line inside the input.
    pub(crate) fn joined_export(span: Span) -> Self {
        Self::warning(
            DiagnosticKind::JoinedExport,
            span,
            "a byte order mark (U+FEFF) starts this line: two exports are joined here; read as the start of a new page".into(),
        )
    }

    /// Entries of an export file skipped, counted by kind (`1 draft, 2
    /// settings or template entries`).
    #[cfg_attr(not(feature = "atom"), allow(dead_code))]
    pub(crate) fn skipped_entries(span: Span, counts: &str) -> Self {
        Self::warning(
            DiagnosticKind::SkippedEntries,
            span,
            format!("skipped entries that are not published posts: {counts}"),
        )
    }

    /// A page with text but no date header, read as one post without a
    /// date; the span is where its text starts.
    pub(crate) fn no_date_header(span: Span) -> Self {
        Self::warning(
            DiagnosticKind::NoDateHeader,
            span,
            "no date header (a line like `Friday 25 July 2014`): the page is read as one post \
             without a date"
                .into(),
        )
    }

    /// A letter's timestamp with a zone the parser does not know.
    pub(crate) fn unknown_time_zone(span: Span, zone: &str) -> Self {
        Self::warning(
            DiagnosticKind::UnknownTimeZone,
            span,
            format!("unknown time zone `{zone}`: the time is kept without an offset"),
        )
    }
}

impl fmt::Display for Diagnostic {
    /// `LINE:COL: warning: message`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.span.line, self.span.column, self.severity, self.message
        )
    }
}

/// How serious a [`Diagnostic`] is.
///
/// ```
/// assert_eq!(blog_export::Severity::Warning.to_string(), "warning");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// The parse went on; the output may not be what the text meant.
    Warning,
    /// The text is wrong in a way the output cannot represent.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// The kinds of [`Diagnostic`] the parser gives, each with an example.
///
/// ```
/// use blog_export::DiagnosticKind;
/// assert_eq!(DiagnosticKind::WeekdayMismatch.as_str(), "weekday_mismatch");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// The weekday of a date header does not match its date:
    /// `Monday 25 July 2014` (25 July 2014 was a Friday). The post keeps the
    /// date and the weekday as written.
    WeekdayMismatch,
    /// A header line names a day that does not exist:
    /// `Friday 31 February 2014`. The line is kept as a paragraph of the
    /// post before it (or of the preamble), and so is the rest of what would
    /// have been its post.
    InvalidDate,
    /// The comment header declares a different number of comments than the
    /// section lists (replies included): `34 comments:` over 33 comments.
    CommentCountMismatch,
    /// A line shaped like a date header that is not one, such as a header
    /// with an abbreviated weekday: `Wed, 17 December 2014`. The line is kept
    /// as a paragraph.
    InvalidHeader,
    /// A comment or reply number does not follow the one before it: `1.`
    /// then `3.`.
    CommentNumberOutOfSequence,
    /// A line inside a comment section that belongs to no comment, such as
    /// text after the last `Delete` marker. It is kept in
    /// [`CommentSection::stray`](crate::CommentSection::stray).
    StrayText,
    /// A letter's timestamp names a time zone the parser does not know:
    /// `21 July 2014 13:52:19 XYZ`. The time is kept without an offset.
    /// Known: GMT, UTC, BST, BDT, CET, CEST, EST, EDT, PST, PDT.
    UnknownTimeZone,
    /// Numbered paragraphs end a post with no comment header and no Blogger
    /// markers, as comments do in some templates, but they do not read as
    /// comments: their numbers do not count up from 1, or items stand on
    /// consecutive lines as a list's do (comments are apart). They are kept
    /// in the body, one paragraph per item.
    ListKeptAsText,
    /// A byte order mark (U+FEFF) starts a line inside the input: two
    /// exports were joined into one file. The line is read as the start of
    /// a new page (a date header after the mark starts a post).
    JoinedExport,
    /// A date header gives no year (`Tuesday, December 14`): the post's
    /// date takes the year the page names most among those in which that
    /// day falls on that weekday (in its other dates, comment times, an
    /// archive list, a copyright line), or, when the page names none, the
    /// latest such year. The message names the evidence.
    YearInferred,
    /// Entries of a Blogger export file that are not published posts
    /// (drafts, trashed or deleted items, static pages, the settings and
    /// the template, comments on none of the posts read) were skipped; the
    /// message counts them by kind. See
    /// [`ParseOptions::with_drafts`](crate::ParseOptions::with_drafts) and
    /// [`ParseOptions::with_pages`](crate::ParseOptions::with_pages).
    SkippedEntries,
    /// The page has text but no date header at all (a post saved without
    /// its header, a letter saved on its own): it is read as one post with
    /// no date ([`Post::date`](crate::Post::date) is `None`), titled by its
    /// first line when that reads as a title. Its text, comments and
    /// letters are read as a post's.
    NoDateHeader,
}

impl DiagnosticKind {
    /// The kind's name, as in JSON (`weekday_mismatch`).
    ///
    /// ```
    /// assert_eq!(blog_export::DiagnosticKind::StrayText.as_str(), "stray_text");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosticKind::WeekdayMismatch => "weekday_mismatch",
            DiagnosticKind::InvalidDate => "invalid_date",
            DiagnosticKind::InvalidHeader => "invalid_header",
            DiagnosticKind::CommentCountMismatch => "comment_count_mismatch",
            DiagnosticKind::CommentNumberOutOfSequence => "comment_number_out_of_sequence",
            DiagnosticKind::StrayText => "stray_text",
            DiagnosticKind::UnknownTimeZone => "unknown_time_zone",
            DiagnosticKind::ListKeptAsText => "list_kept_as_text",
            DiagnosticKind::JoinedExport => "joined_export",
            DiagnosticKind::YearInferred => "year_inferred",
            DiagnosticKind::SkippedEntries => "skipped_entries",
            DiagnosticKind::NoDateHeader => "no_date_header",
        }
    }
}

impl fmt::Display for DiagnosticKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
