//! Dates: the names of weekdays and months, the value of a date or
//! timestamp line from the parts the grammar found in it ([`SentAt`]), and
//! the year of a header that has none.

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Weekday,
};

use crate::span::is_space;

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

/// Reads back what `Display` writes: `2014-07-21T13:52:19+01:00`,
/// `2014-07-14T11:16:00`, `2014-12-16`, `2019-02`.
///
/// ```
/// use blog_export::SentAt;
/// let at: SentAt = "2014-07-21T13:52:19+01:00".parse().unwrap();
/// assert_eq!(at.to_string(), "2014-07-21T13:52:19+01:00");
/// assert!("July 2014".parse::<SentAt>().is_err());
/// ```
impl std::str::FromStr for SentAt {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        parse_iso(text).ok_or_else(|| format!("not an ISO 8601 date: {text}"))
    }
}

/// In JSON, the ISO 8601 text of `Display`.
impl serde::Serialize for SentAt {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for SentAt {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
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

/// The number (1 to 12) of a month's name, in full or abbreviated to at
/// least three letters, with or without a dot (`Feb`, `Sept.`).
pub(crate) fn month_number(name: &str) -> Option<u32> {
    let english = name.trim_end_matches('.');
    if english.len() < 3 {
        return crate::languages::month(name);
    }
    MONTH_NAMES
        .iter()
        .position(|m| m.starts_with(english))
        .map(|i| i as u32 + 1)
        .or_else(|| crate::languages::month(name))
}

/// The weekday a weekday name names, in English or another language of
/// `languages/`.
pub(crate) fn weekday_number(name: &str) -> Option<Weekday> {
    name.parse::<Weekday>()
        .ok()
        .or_else(|| crate::languages::weekday(name))
}

/// The number of a `day` token: its digits, without an ordinal suffix.
pub(crate) fn day_number(text: &str) -> Option<u32> {
    text.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == 'º' || c == '°')
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

/// Which orders a page's dates in digits can only be read in: some line of
/// it is a date in digits alone (`25/12/2008`, `25.12.08`) whose first
/// number can only be a day (13 to 31) and whose second can be a month
/// (`day_first`), or the other way round (`12/25/2008`: `month_first`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct DigitOrders {
    /// Some digit date can only be day first.
    pub(crate) day_first: bool,
    /// Some digit date can only be month first.
    pub(crate) month_first: bool,
}

/// The [`DigitOrders`] of a page.
pub(crate) fn digit_orders(page: &str) -> DigitOrders {
    let mut orders = DigitOrders::default();
    for line in page.lines() {
        let mut parts = line.trim().split(['/', '.']);
        let mut number = || {
            parts
                .next()
                .filter(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|p| p.parse::<u32>().ok())
                .filter(|&n| (1..=31).contains(&n))
        };
        let (Some(first), Some(second)) = (number(), number()) else {
            continue;
        };
        let year = parts
            .next()
            .filter(|p| matches!(p.len(), 2 | 4) && p.bytes().all(|b| b.is_ascii_digit()));
        if year.is_none() || parts.next().is_some() {
            continue;
        }
        orders.day_first |= first > 12 && second <= 12;
        orders.month_first |= first <= 12 && second > 12;
        if orders.day_first && orders.month_first {
            break;
        }
    }
    orders
}

/// The years a page names, each with how many times: every number of four
/// digits from 1990 to 2099 standing alone (not part of a longer number),
/// in a post's date, a comment's time, an archive list or a copyright line.
pub(crate) fn years_named(page: &str) -> Vec<(i32, usize)> {
    let mut counts = [0usize; 110];
    let b = page.as_bytes();
    for at in memchr::memchr2_iter(b'1', b'2', b) {
        let Some(four) = b.get(at..at + 4) else {
            break;
        };
        let alone = (at == 0 || !b[at - 1].is_ascii_digit())
            && !b.get(at + 4).is_some_and(u8::is_ascii_digit);
        if alone && four.iter().all(u8::is_ascii_digit) {
            let year = four.iter().fold(0, |n, d| n * 10 + i32::from(d - b'0'));
            if (1990..2100).contains(&year) {
                counts[(year - 1990) as usize] += 1;
            }
        }
    }
    (1990..2100).zip(counts).filter(|&(_, n)| n > 0).collect()
}

/// How the year of a date header that has none was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearFrom {
    /// The page names this year so many times (more than any other year
    /// that fits the weekday).
    Page(usize),
    /// Nothing on the page decides: the latest year, up to this one, in
    /// which the day falls on the weekday.
    Latest,
}

/// The year of a header that gives a weekday, a month and a day but no
/// year (`Tuesday, December 14`): of the years from 1995 to `this_year` in
/// which that day falls on that weekday, the one the page names most
/// (`named`, from [`years_named`]; on a tie the later), or else the
/// latest. `None` when no such year exists (`Monday, February 30`).
pub(crate) fn infer_year(
    month: u32,
    day: u32,
    weekday: Weekday,
    named: &[(i32, usize)],
    this_year: i32,
) -> Option<(i32, YearFrom)> {
    let fits = |year: i32| {
        NaiveDate::from_ymd_opt(year, month, day).is_some_and(|d| d.weekday() == weekday)
    };
    let latest = (1995..=this_year).rev().find(|&y| fits(y))?;
    let best = named
        .iter()
        .filter(|&&(year, _)| year <= this_year && fits(year))
        .max_by_key(|&&(year, n)| (n, year));
    Some(match best {
        Some(&(year, n)) => (year, YearFrom::Page(n)),
        None => (latest, YearFrom::Latest),
    })
}

/// The current year (UTC), from the system clock.
pub(crate) fn this_year() -> i32 {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .map_or(2026, |d| d.year())
}

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
        // An offset as mail programs write it (`+0800`), or a known name.
        let offset = zone.parse::<FixedOffset>().ok().or_else(|| {
            ZONES
                .iter()
                .find(|(name, _)| *name == zone)
                .and_then(|(_, hours)| FixedOffset::east_opt(hours * 3600))
        });
        match offset.and_then(|o| o.from_local_datetime(&local).single()) {
            Some(zoned) => (Some(SentAt::Zoned(zoned)), None),
            None => (Some(SentAt::Local(local)), Some(SentProblem::UnknownZone)),
        }
    }
}

/// `11:16`, `13:52:19`, `3:15 pm`, `2:07 a.m.`.
pub(crate) fn parse_time(text: &str) -> Option<NaiveTime> {
    let lower = text.to_ascii_lowercase().replace('.', "");
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

/// The date of a comment's time line, from its parts: a month's name, day
/// and year, or a date in digits (`numeric`: `30/12/14`, `10/08/2010`,
/// `2010-10-08`).
///
/// A date in digits is read day first when its first number cannot be a
/// month (`30/12/14`), month first when its second cannot (`12/30/14`);
/// when both can, day first with a 24-hour clock and month first with a
/// 12-hour one (`10/08/2010 3:45 PM` is 8 October: the American order goes
/// with the American clock). Two-digit years are 2000 to 2069 and 1970 to
/// 1999.
pub(crate) fn posted_date(
    month: Option<u32>,
    day: Option<u32>,
    year: Option<i32>,
    numeric: Option<&str>,
    twelve_hour: bool,
) -> Option<NaiveDate> {
    let (month, day, year) = match numeric {
        Some(iso) if iso.contains('-') => return NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok(),
        Some(text) => {
            let mut parts = text.split('/');
            let a: u32 = parts.next()?.parse().ok()?;
            let b: u32 = parts.next()?.parse().ok()?;
            let y = parts.next()?;
            let mut year: i32 = y.parse().ok()?;
            if y.len() == 2 {
                year += if year < 70 { 2000 } else { 1900 };
            }
            let day_first = a > 12 || (b <= 12 && !twelve_hour);
            if day_first {
                (b, a, year)
            } else {
                (a, b, year)
            }
        }
        None => (month?, day?, year?),
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Whether a time is written on a 12-hour clock (`3:45 PM`, `2:07 a.m.`).
pub(crate) fn is_twelve_hour(time: &str) -> bool {
    let lower = time.to_ascii_lowercase();
    lower.ends_with('m') || lower.ends_with("m.")
}

#[cfg(test)]
mod tests {
    use chrono::Weekday;

    #[test]
    fn iso_round_trip() {
        for iso in [
            "2014-07-21T13:52:19+01:00",
            "2014-07-14T11:16:00",
            "2014-12-16",
            "2019-02",
        ] {
            assert_eq!(super::parse_iso(iso).unwrap().to_string(), iso);
        }
        assert!(super::parse_iso("2019-13").is_none());
    }

    #[test]
    fn years_a_page_names() {
        let page = "Posted 2003. Copyright 2003-2009, 12003, 1989, 20031 and 2003";
        assert_eq!(super::years_named(page), [(2003, 3), (2009, 1)]);
    }

    #[test]
    fn digit_dates_in_one_order() {
        use super::{digit_orders, DigitOrders};
        let day_first = DigitOrders {
            day_first: true,
            month_first: false,
        };
        let month_first = DigitOrders {
            day_first: false,
            month_first: true,
        };
        assert_eq!(digit_orders("Intro\n 25/12/2008\nText"), day_first);
        assert_eq!(digit_orders("13.1.09"), day_first);
        assert_eq!(digit_orders("12/25/2008"), month_first);
        assert_eq!(digit_orders("8.30.2004\n1/15/13"), month_first);
        assert_eq!(
            digit_orders("25/12/2008\n12/25/2008"),
            DigitOrders {
                day_first: true,
                month_first: true,
            }
        );
        for neither in [
            "5/8/08",
            "25/13/2008",
            "25/12/200",
            "25/12/2008/1",
            "32/1/2008",
        ] {
            assert_eq!(digit_orders(neither), DigitOrders::default(), "{neither}");
        }
    }

    #[test]
    fn a_year_for_a_header_without_one() {
        use super::{infer_year, YearFrom};
        // Sunday 23 March: 2003, 2008, 2014, 2025.
        let sun = Weekday::Sun;
        assert_eq!(
            infer_year(3, 23, sun, &[(2003, 2), (2008, 1)], 2026),
            Some((2003, YearFrom::Page(2)))
        );
        assert_eq!(
            infer_year(3, 23, sun, &[(2003, 1), (2008, 1)], 2026),
            Some((2008, YearFrom::Page(1)))
        );
        // Years that do not fit the weekday are no evidence.
        assert_eq!(
            infer_year(3, 23, sun, &[(2004, 5)], 2026),
            Some((2025, YearFrom::Latest))
        );
        assert_eq!(
            infer_year(3, 23, sun, &[], 2024),
            Some((2014, YearFrom::Latest))
        );
        assert_eq!(infer_year(2, 30, Weekday::Mon, &[], 2026), None);
    }

    use super::*;

    #[test]
    fn times() {
        assert_eq!(parse_time("11:16"), NaiveTime::from_hms_opt(11, 16, 0));
        assert_eq!(parse_time("13:52:19"), NaiveTime::from_hms_opt(13, 52, 19));
        assert_eq!(parse_time("3:15 pm"), NaiveTime::from_hms_opt(15, 15, 0));
        assert_eq!(parse_time("12:05am"), NaiveTime::from_hms_opt(0, 5, 0));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("13:00 pm"), None);
        assert_eq!(parse_time("2:07 a.m."), NaiveTime::from_hms_opt(2, 7, 0));
        assert_eq!(parse_time("3:45 P.M."), NaiveTime::from_hms_opt(15, 45, 0));
    }

    #[test]
    fn dates_in_digits() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        // Only one order is a date.
        assert_eq!(
            posted_date(None, None, None, Some("30/12/14"), true),
            date(2014, 12, 30)
        );
        assert_eq!(
            posted_date(None, None, None, Some("12/30/14"), false),
            date(2014, 12, 30)
        );
        // Both are: the clock decides.
        assert_eq!(
            posted_date(None, None, None, Some("10/08/2010"), true),
            date(2010, 10, 8)
        );
        assert_eq!(
            posted_date(None, None, None, Some("10/08/2010"), false),
            date(2010, 8, 10)
        );
        assert_eq!(
            posted_date(None, None, None, Some("1/2/99"), false),
            date(1999, 2, 1)
        );
        assert_eq!(
            posted_date(None, None, None, Some("31/31/2010"), false),
            None
        );
        assert_eq!(
            posted_date(Some(10), Some(8), Some(2010), None, true),
            date(2010, 10, 8)
        );
        assert!(
            is_twelve_hour("2:07 a.m.") && is_twelve_hour("3:45 PM") && !is_twelve_hour("15:45")
        );
    }

    #[test]
    fn names_and_numbers() {
        assert_eq!(month_number("July"), Some(7));
        assert_eq!(month_number("Jul"), Some(7));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("Ju"), None);
        assert_eq!(day_number("25th"), Some(25));
        assert_eq!(weekday_name(Weekday::Fri), "Friday");
    }
}
