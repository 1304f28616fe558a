//! Quoted letters: parsing their date lines, and grouping the blocks of a
//! body into [`Letter`]s. The rules are documented on [`Letter`].

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use serde::{Deserialize, Serialize};

use crate::ast::{Block, Letter, Paragraph, Sent, SentAt, Signature};
use crate::span::{is_space, LineIndex, Span};

/// What the grammar said about a body block.
pub(crate) enum Mark<'a> {
    /// Ordinary text, a list or a separator.
    Plain,
    /// A date or timestamp line.
    Sent(Sent<'a>),
    /// A salutation line.
    Salutation,
    /// A valediction line.
    Valediction,
}

/// The parts of a date line, as the grammar found them.
#[derive(Default)]
pub(crate) struct SentParts<'a> {
    pub(crate) day: Option<u32>,
    pub(crate) month: Option<u32>,
    pub(crate) year: Option<i32>,
    pub(crate) time: Option<&'a str>,
    pub(crate) zone: Option<&'a str>,
}

/// Offsets of the zone abbreviations the parser knows, in hours east of UTC.
const ZONES: &[(&str, i32)] = &[
    ("GMT", 0),
    ("UTC", 0),
    ("BST", 1),
    ("BDT", 1),
    ("CET", 1),
    ("CEST", 2),
    ("EST", -5),
    ("EDT", -4),
    ("PST", -8),
    ("PDT", -7),
];

/// Why a date line has no exact value.
pub(crate) enum SentProblem {
    /// The day or time does not exist.
    Invalid,
    /// The zone abbreviation is unknown; the time is kept without it.
    UnknownZone,
}

impl<'a> SentParts<'a> {
    /// The value of a date line, and what kept it from being exact.
    pub(crate) fn value(&self) -> (Option<SentAt>, Option<SentProblem>) {
        let (Some(month), Some(year)) = (self.month, self.year) else {
            return (None, Some(SentProblem::Invalid));
        };
        let Some(day) = self.day else {
            return (Some(SentAt::Month { year, month }), None);
        };
        let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
            return (None, Some(SentProblem::Invalid));
        };
        let Some(time) = self.time else {
            return (Some(SentAt::Date(date)), None);
        };
        let Some(time) = parse_time(time) else {
            return (None, Some(SentProblem::Invalid));
        };
        let local = date.and_time(time);
        let Some(zone) = self.zone else {
            return (Some(SentAt::Local(local)), None);
        };
        let offset = ZONES
            .iter()
            .find(|(name, _)| *name == zone)
            .and_then(|(_, hours)| FixedOffset::east_opt(hours * 3600));
        match offset.and_then(|o| o.from_local_datetime(&local).single()) {
            Some(zoned) => (Some(SentAt::Zoned(zoned)), None),
            None => (Some(SentAt::Local(local)), Some(SentProblem::UnknownZone)),
        }
    }
}

/// `11:16`, `13:52:19`, `3:15 pm`.
fn parse_time(text: &str) -> Option<NaiveTime> {
    let lower = text.to_ascii_lowercase();
    let (clock, pm) = match lower.trim_end_matches(is_space) {
        t if t.ends_with("pm") => (
            t.trim_end_matches("pm").trim_end_matches(is_space),
            Some(true),
        ),
        t if t.ends_with("am") => (
            t.trim_end_matches("am").trim_end_matches(is_space),
            Some(false),
        ),
        t => (t, None),
    };
    let mut parts = clock.split(':').map(|p| p.parse::<u32>().ok());
    let (h, m, s) = (
        parts.next()??,
        parts.next()??,
        parts.next().unwrap_or(Some(0))?,
    );
    let h = match pm {
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        Some(_) if h > 12 => return None,
        _ => h,
    };
    NaiveTime::from_hms_opt(h, m, s)
}

/// Groups a body's blocks into letters where the marks say so.
pub(crate) fn assemble<'a>(
    index: &LineIndex<'a>,
    input: &'a str,
    items: Vec<(Block<'a>, Mark<'a>)>,
) -> Vec<Block<'a>> {
    if !items.iter().any(|(_, m)| matches!(m, Mark::Salutation)) {
        return items.into_iter().map(|(b, _)| b).collect();
    }
    let n = items.len();
    let starts = |k: usize| -> Option<usize> {
        match (&items[k].1, items.get(k + 1).map(|i| &i.1)) {
            (Mark::Salutation, _) => Some(k),
            (Mark::Sent(_), Some(Mark::Salutation)) => Some(k + 1),
            _ => None,
        }
    };
    // Plan the letters first (index ranges), then move the blocks.
    let mut plans = Vec::new();
    let mut k = 0;
    while k < n {
        let Some(salutation) = starts(k) else {
            k += 1;
            continue;
        };
        let plan = plan_letter(&items, k, salutation, &starts);
        k = plan.end;
        plans.push(plan);
    }
    let mut out = Vec::with_capacity(n);
    let mut items = items.into_iter().enumerate().peekable();
    for plan in plans {
        while let Some((_, (block, _))) = items.next_if(|(i, _)| *i < plan.start) {
            out.push(block);
        }
        let parts: Vec<(Block<'a>, Mark<'a>)> =
            std::iter::from_fn(|| items.next_if(|(i, _)| *i < plan.end).map(|(_, item)| item))
                .collect();
        out.push(Block::Letter(Box::new(build_letter(
            index, input, &plan, parts,
        ))));
    }
    out.extend(items.map(|(_, (block, _))| block));
    out
}

/// Index ranges of one letter's parts within a body.
struct Plan {
    start: usize,
    salutation: usize,
    subject: Option<usize>,
    valediction: Option<usize>,
    signature: Option<usize>,
    end: usize,
}

fn plan_letter(
    items: &[(Block<'_>, Mark<'_>)],
    start: usize,
    salutation: usize,
    starts: &dyn Fn(usize) -> Option<usize>,
) -> Plan {
    let n = items.len();
    // The run: up to the next separator or the next letter.
    let run_end = (salutation + 1..n)
        .find(|&k| {
            matches!(items[k].0, Block::Separator(_) | Block::Furniture(_)) || starts(k).is_some()
        })
        .unwrap_or(n);
    let subject = Some(salutation + 1)
        .filter(|&k| k < run_end && plain_paragraph(&items[k]).is_some_and(is_subject));
    let body_start = subject.map_or(salutation + 1, |s| s + 1);
    let valediction = (body_start..run_end).find(|&k| matches!(items[k].1, Mark::Valediction));
    let (signature, end) = match valediction {
        Some(v) => {
            let signature = Some(v + 1)
                .filter(|&k| k < run_end && plain_paragraph(&items[k]).is_some_and(is_name_block));
            (signature, signature.map_or(v + 1, |s| s + 1))
        }
        None => {
            let end = (body_start + 1..run_end)
                .find(|&k| plain_paragraph(&items[k]).is_some_and(introduces_something))
                .unwrap_or(run_end);
            let signature = Some(end.saturating_sub(1)).filter(|&k| {
                k >= body_start && plain_paragraph(&items[k]).is_some_and(is_name_block)
            });
            (signature, end)
        }
    };
    Plan {
        start,
        salutation,
        subject,
        valediction,
        signature,
        end,
    }
}

fn build_letter<'a>(
    index: &LineIndex<'a>,
    input: &'a str,
    plan: &Plan,
    parts: Vec<(Block<'a>, Mark<'a>)>,
) -> Letter<'a> {
    let mut sent = None;
    let mut salutation = None;
    let mut subject = None;
    let mut valediction = None;
    let mut signature = None;
    let mut paragraphs = Vec::new();
    let span = match (parts.first(), parts.last()) {
        (Some(first), Some(last)) => index.span(first.0.span().start, last.0.span().end),
        _ => index.span(0, 0),
    };
    for (offset, (block, mark)) in parts.into_iter().enumerate() {
        let k = plan.start + offset;
        match (block, mark) {
            (_, Mark::Sent(s)) if k < plan.salutation => sent = Some(s),
            (Block::Paragraph(p), _) if k == plan.salutation => salutation = Some(p),
            (Block::Paragraph(p), _) if Some(k) == plan.subject => subject = Some(p),
            (Block::Paragraph(p), _) if Some(k) == plan.valediction => valediction = Some(p),
            (Block::Paragraph(p), _) if Some(k) == plan.signature => {
                signature = Some(name_block(index, input, &p));
            }
            (block, _) => paragraphs.push(block),
        }
    }
    Letter {
        sent,
        salutation: salutation.unwrap_or(Paragraph {
            text: Cow::Borrowed(""),
            span,
        }),
        subject,
        paragraphs,
        valediction,
        signature,
        span,
    }
}

/// The text of a block that is an ordinary paragraph.
fn plain_paragraph<'b>(item: &'b (Block<'_>, Mark<'_>)) -> Option<&'b str> {
    match item {
        (Block::Paragraph(p), Mark::Plain) => Some(&p.text),
        _ => None,
    }
}

/// A subject line: one line in capitals.
fn is_subject(text: &str) -> bool {
    !text.contains('\n')
        && text.chars().count() <= 80
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !text.chars().any(char::is_lowercase)
}

/// A paragraph that introduces something new: its first line ends in `:-`,
/// as a blogger introduces the next quotation (`This from Durham:-`). A
/// plain `:` is not enough: letters themselves introduce their lists so.
fn introduces_something(text: &str) -> bool {
    let first = text.lines().next().unwrap_or("").trim_end_matches(is_space);
    first.ends_with(":-")
}

/// Words a name may hold in lower case.
const NAME_PARTICLES: &[&str] = &["and", "&", "of", "de", "van", "von", "der", "la", "le"];

/// A name line: 1 to 7 words, at most 50 characters, no digits, no
/// sentence punctuation at its end, each word capitalised (or a particle
/// such as `and`), dots only after initials and titles.
pub(crate) fn is_name_line(line: &str) -> bool {
    let line = line.trim_matches(is_space);
    let words: Vec<&str> = line.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 7
        && line.chars().count() <= 50
        && !line.chars().any(|c| c.is_ascii_digit())
        && !line.ends_with(['.', '!', '?', ':', ';', ','])
        && line.chars().any(char::is_alphabetic)
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(w))
        && words.iter().any(|w| w.starts_with(char::is_uppercase))
        // A dot inside a name belongs to an initial or a title (`A.`, `Dr.`).
        && words
            .iter()
            .all(|w| !w.ends_with('.') || w.chars().filter(|c| c.is_alphabetic()).count() <= 3)
}

/// A name block: a name line, then up to three short role lines.
fn is_name_block(text: &str) -> bool {
    let mut lines = text.lines();
    lines.next().is_some_and(is_name_line)
        && lines.clone().count() <= 3
        && lines.all(|l| l.chars().count() <= 80)
}

/// Splits a name block paragraph into its name and role lines.
fn name_block<'a>(index: &LineIndex<'a>, input: &'a str, p: &Paragraph<'a>) -> Signature<'a> {
    let mut lines = Vec::new();
    let mut offset = p.span.start;
    for raw in p.span.source(input).split('\n') {
        let start = offset + (raw.len() - raw.trim_start_matches(is_space).len());
        let text = raw.trim_matches(is_space);
        lines.push(Paragraph {
            text: Cow::Borrowed(text),
            span: index.span(start, start + text.len()),
        });
        offset += raw.len() + 1;
    }
    let name = if lines.is_empty() {
        p.clone()
    } else {
        lines.remove(0)
    };
    Signature {
        name,
        roles: lines,
        span: p.span,
    }
}

/// The JSON form of a [`Letter`]: `sent` as ISO 8601 beside `sent_raw`.
#[derive(Clone, Serialize, Deserialize)]
pub(crate) struct LetterRepr<'a> {
    sent: Option<String>,
    #[serde(borrow)]
    sent_raw: Option<Cow<'a, str>>,
    sent_span: Option<Span>,
    #[serde(borrow)]
    salutation: Paragraph<'a>,
    #[serde(borrow)]
    subject: Option<Paragraph<'a>>,
    #[serde(borrow)]
    paragraphs: Vec<Block<'a>>,
    #[serde(borrow)]
    valediction: Option<Paragraph<'a>>,
    #[serde(borrow)]
    signature: Option<Signature<'a>>,
    span: Span,
}

impl<'a> From<Letter<'a>> for LetterRepr<'a> {
    fn from(l: Letter<'a>) -> Self {
        LetterRepr {
            sent: l.sent.as_ref().map(|s| s.at.to_string()),
            sent_span: l.sent.as_ref().map(|s| s.span),
            sent_raw: l.sent.map(|s| s.raw),
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
                at: parse_iso(&iso).ok_or_else(|| format!("not an ISO 8601 date: {iso}"))?,
                raw,
                span,
            }),
            _ => None,
        };
        Ok(Letter {
            sent,
            salutation: r.salutation,
            subject: r.subject,
            paragraphs: r.paragraphs,
            valediction: r.valediction,
            signature: r.signature,
            span: r.span,
        })
    }
}

/// Reads back what [`SentAt`]'s `Display` writes.
fn parse_iso(text: &str) -> Option<SentAt> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Some(SentAt::Zoned(t));
    }
    if let Ok(t) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S") {
        return Some(SentAt::Local(t));
    }
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(SentAt::Date(d));
    }
    let (year, month) = text.split_once('-')?;
    Some(SentAt::Month {
        year: year.parse().ok()?,
        month: month.parse().ok().filter(|m| (1..=12).contains(m))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(parse_time("11:16"), NaiveTime::from_hms_opt(11, 16, 0));
        assert_eq!(parse_time("13:52:19"), NaiveTime::from_hms_opt(13, 52, 19));
        assert_eq!(parse_time("3:15 pm"), NaiveTime::from_hms_opt(15, 15, 0));
        assert_eq!(parse_time("12:05am"), NaiveTime::from_hms_opt(0, 5, 0));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("13:00 pm"), None);
    }

    #[test]
    fn name_lines() {
        for name in [
            "Michael Spurr",
            "IAN LAWRENCE",
            "Dino Peros ",
            "David A Raho and Patricia Johnson",
            "Mgt Locklan",
        ] {
            assert!(is_name_line(name), "{name}");
        }
        for text in [
            "Discuss.",
            "Thanks. Bye",
            "the end",
            "Room 101",
            "Napo SSW branch chair.",
        ] {
            assert!(!is_name_line(text), "{text}");
        }
    }

    #[test]
    fn iso_round_trip() {
        for iso in [
            "2014-07-21T13:52:19+01:00",
            "2014-07-14T11:16:00",
            "2014-12-16",
            "2019-02",
        ] {
            assert_eq!(parse_iso(iso).unwrap().to_string(), iso);
        }
        assert!(parse_iso("2019-13").is_none());
    }
}
