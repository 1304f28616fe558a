//! Date header lines in raw text, found before it is parsed: where the
//! chunker may cut a large input and a stream may cut its pieces (just
//! before a header), and the check that refuses headers hidden behind a
//! lone carriage return. Used by both [`crate::parse`] and
//! [`crate::stream`], which import it and not each other.

use pest::Parser as _;

use crate::dates::{day_number, month_number, WEEKDAY_NAMES};
use crate::error::Error;
use crate::grammar::{BlogParser, Rule};
use crate::options::ParseOptions;
use crate::span::{is_space, LineIndex};

/// The start of the first date header line (with a weekday) that starts
/// after the line holding byte `from`; with `real_day`, only one that names
/// a real day (see [`names_a_real_day`]).
pub(crate) fn next_header(input: &str, from: usize, real_day: bool) -> Option<usize> {
    let bytes = input.as_bytes();
    let mut pos = from.min(bytes.len());
    // From the next line start on.
    if pos > 0 && bytes[pos - 1] != b'\n' {
        pos += memchr::memchr(b'\n', &bytes[pos..])? + 1;
    }
    while pos < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |i| pos + i + 1);
        let line = &input[pos..end];
        if is_date_header_line(line)
            && (!real_day || names_a_real_day(line))
            && !under_a_header(input, pos)
        {
            return Some(pos);
        }
        pos = end;
    }
    None
}

/// Whether the header line at byte `pos` (a line start) may be a quoted
/// letter's date, so no cut is made before it: the last line with text
/// before it is a date header (see the grammar's `dated_letter_line`), or
/// that line stands right above it, with no blank line between, and a
/// salutation or a letter's date line comes next (a letter's date under a
/// line of text: see the builder's `demote_quoted_headers`). A page
/// written with no blank lines is still cut at its headers.
fn under_a_header(input: &str, pos: usize) -> bool {
    let before = input[..pos].trim_end_matches(|c: char| c == '\n' || c == '\r' || is_space(c));
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let blank_between = input[start..pos].matches('\n').count() > 1;
    !before.is_empty()
        && (is_date_header_line(&before[start..]) || !blank_between && opens_a_letter(input, pos))
}

/// Whether the first line with text after the line at byte `pos` opens a
/// letter: a salutation, or a date line (which a salutation may follow).
fn opens_a_letter(input: &str, pos: usize) -> bool {
    let Some(feed) = memchr::memchr(b'\n', &input.as_bytes()[pos..]) else {
        return false;
    };
    let rest =
        input[pos + feed + 1..].trim_start_matches(|c: char| c == '\n' || c == '\r' || is_space(c));
    let line = &rest[..memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1)];
    line.len() <= 256
        && [Rule::salutation_line, Rule::sent_line]
            .into_iter()
            .any(|rule| BlogParser::parse(rule, line).is_ok())
}

/// The checks of a piece of a stream before it is parsed: the limits, and
/// headers hidden behind lone carriage returns. ([`parse_with`] checks the
/// limits first and each chunk's carriage returns as it builds it.)
pub(crate) fn check_piece(input: &str, options: &ParseOptions) -> Result<(), Error> {
    let index = LineIndex::new(input);
    options.check_input(input, &index)?;
    match hidden_header_in(input, 0, input.len()) {
        Some(at) => Err(Error::header_behind_cr(&index, at)),
        None => Ok(()),
    }
}

/// The first date header behind a lone carriage return whose return is in
/// bytes `start..end` of `input`: the header's offset. Such an input is
/// refused (lone CR line endings): its posts would otherwise be read as
/// one. A CR before a line feed, or before `\r\n`, ends a line as usual,
/// and one at a line start is white space.
pub(crate) fn hidden_header_in(input: &str, start: usize, end: usize) -> Option<usize> {
    for at in memchr::memchr_iter(b'\r', &input.as_bytes()[start..end]).map(|i| start + i) {
        let rest = &input[at + 1..];
        if rest.is_empty() || rest.starts_with('\n') || rest.starts_with("\r\n") {
            continue;
        }
        let line = &rest[..rest.find(['\r', '\n']).unwrap_or(rest.len())];
        // Only text before the carriage return on the same line hides the
        // header (at a line start, the return is white space).
        let line_start = input[..at].rfind('\n').map_or(0, |i| i + 1);
        let hidden = !input[line_start..at].chars().all(crate::span::is_space);
        if hidden && is_date_header_line(line) {
            return Some(at + 1);
        }
    }
    None
}

/// Whether a line (with its newline) is a date header: the grammar's
/// `date_line`, tried only on short lines that start with a weekday's name
/// (a failed pest parse builds an error, which is not cheap).
fn is_date_header_line(line: &str) -> bool {
    let text = line.trim_start_matches(crate::span::is_space);
    text.len() <= 64
        && WEEKDAY_NAMES.iter().any(|day| text.starts_with(day))
        && BlogParser::parse(Rule::date_line, text).is_ok()
}

/// Whether a date header line names a real day (`Friday 31 February 2014`
/// does not): a piece is only cut before one, so the post before the cut
/// can never take the lines after it back.
pub(crate) fn names_a_real_day(line: &str) -> bool {
    let Ok(pairs) = BlogParser::parse(Rule::date_line, line.trim_start_matches(is_space)) else {
        return false;
    };
    let (mut day, mut month, mut year) = (None, None, None);
    for pair in pairs.flatten() {
        match pair.as_rule() {
            Rule::day => day = day_number(pair.as_str()),
            Rule::month => month = month_number(pair.as_str()),
            Rule::year => year = pair.as_str().parse().ok(),
            _ => {}
        }
    }
    matches!((year, month, day), (Some(y), Some(m), Some(d)) if chrono::NaiveDate::from_ymd_opt(y, m, d).is_some())
}
