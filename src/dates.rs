//! Dates: the names of weekdays and months, and the value of a date or
//! timestamp line from the parts the grammar found in it.

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone, Weekday};

use crate::ast::SentAt;
use crate::span::is_space;

/// The weekdays' names, Monday first.
pub(crate) const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The months' names, January first.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A weekday's full English name (`"Friday"`).
pub(crate) fn weekday_name(day: Weekday) -> &'static str {
    WEEKDAY_NAMES[day.num_days_from_monday() as usize]
}

/// The number (1 to 12) of a month's full name.
pub(crate) fn month_number(name: &str) -> Option<u32> {
    MONTH_NAMES
        .iter()
        .position(|m| *m == name)
        .map(|i| i as u32 + 1)
}

/// The number of a `day` token: its digits, without an ordinal suffix.
pub(crate) fn day_number(text: &str) -> Option<u32> {
    text.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
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
    fn names_and_numbers() {
        assert_eq!(month_number("July"), Some(7));
        assert_eq!(month_number("Jul"), None);
        assert_eq!(day_number("25th"), Some(25));
        assert_eq!(weekday_name(Weekday::Fri), "Friday");
    }
}
