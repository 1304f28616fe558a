//! The entry points: [`parse`] and [`parse_with`].

use pest::Parser as _;

use crate::ast::Export;
use crate::build::Builder;
use crate::error::{Error, ErrorKind};
use crate::grammar::{BlogParser, Rule};
use crate::span::LineIndex;

/// Parses an export with the default, lenient options.
///
/// Unknown structure is kept as paragraphs and reported in
/// [`Export::diagnostics`]; the only errors are an empty input and an input
/// with no date header at all.
///
/// ```
/// let input = "Friday 25 July 2014\n\nDear Mr Spurr\n\nThe body.\n\n1 comment:\n\n  1. Well done!\n\n    ReplyDelete";
/// let export = blog_export::parse(input)?;
/// let post = &export.posts[0];
/// assert_eq!(post.date.to_string(), "2014-07-25");
/// assert_eq!(post.title.as_deref(), Some("Dear Mr Spurr"));
/// assert_eq!(post.comments.as_ref().unwrap().items[0].paragraphs[0].text, "Well done!");
/// # Ok::<(), blog_export::Error>(())
/// ```
pub fn parse(input: &str) -> Result<Export<'_>, Error> {
    parse_with(input, &ParseOptions::default())
}

/// Parses an export with the given options.
///
/// ```
/// use blog_export::{parse_with, ErrorKind, DiagnosticKind, ParseOptions};
/// // The weekday is wrong: lenient parsing warns, strict parsing fails.
/// let input = "Monday 25 July 2014\n\nTitle";
/// assert!(parse_with(input, &ParseOptions::default()).is_ok());
/// let err = parse_with(input, &ParseOptions::strict()).unwrap_err();
/// assert_eq!(err.kind(), &ErrorKind::Strict(DiagnosticKind::WeekdayMismatch));
/// ```
pub fn parse_with<'a>(input: &'a str, options: &ParseOptions) -> Result<Export<'a>, Error> {
    let mut pairs = BlogParser::parse(Rule::export, input).map_err(|e| {
        let offset = match e.location {
            pest::error::InputLocation::Pos(p) => p,
            pest::error::InputLocation::Span((s, _)) => s,
        };
        Error::at(
            &LineIndex::new(input),
            offset,
            ErrorKind::Grammar,
            "internal error: the grammar could not place this text; please report this input"
                .into(),
        )
    })?;
    let builder = Builder::new(input);
    let Some(export) = pairs.next() else {
        return Err(Error::at(
            builder.index(),
            0,
            ErrorKind::Grammar,
            "internal error: no export".into(),
        ));
    };
    let export = builder.parse_export(export)?;
    if options.strict {
        if let Some(d) = export.diagnostics.first() {
            return Err(Error::at(
                &LineIndex::new(input),
                d.span.start,
                ErrorKind::Strict(d.kind),
                d.message.clone(),
            ));
        }
    }
    Ok(export)
}

/// How to parse.
///
/// ```
/// let options = blog_export::ParseOptions::strict();
/// assert!(options.is_strict());
/// assert!(!blog_export::ParseOptions::default().is_strict());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseOptions {
    strict: bool,
}

impl ParseOptions {
    /// Options under which every diagnostic is an error.
    ///
    /// ```
    /// let input = "Friday 25 July 2014\n\nT\n\n2 comments:\n\n  1. One.\n\n    ReplyDelete";
    /// assert!(blog_export::parse_with(input, &blog_export::ParseOptions::strict()).is_err());
    /// ```
    pub fn strict() -> Self {
        ParseOptions { strict: true }
    }

    /// Whether every diagnostic is an error.
    ///
    /// ```
    /// assert!(blog_export::ParseOptions::strict().is_strict());
    /// ```
    pub fn is_strict(&self) -> bool {
        self.strict
    }
}
