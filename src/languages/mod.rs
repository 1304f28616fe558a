//! The languages of Blogger's templates: their words (data, made from
//! `languages/*.toml` into `data.rs`), and the language of a page, found
//! from its own template words.

use std::fmt;

use chrono::Weekday;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::span::is_space;

#[rustfmt::skip]
mod data;

/// One language's template words that the tree builder reads (English's
/// are the grammar's own; the grammar has every word, in `vocab.pest`).
pub(crate) struct Vocabulary {
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) example: &'static str,
    /// Each weekday's spellings, Monday first.
    pub(crate) weekdays: [&'static [&'static str]; 7],
    /// Each month's spellings and forms, January first.
    pub(crate) months: [&'static [&'static str]; 12],
    pub(crate) comment_words: &'static [&'static str],
    pub(crate) no_comments: &'static [&'static str],
    pub(crate) one_comment: &'static [&'static str],
    pub(crate) said: &'static [&'static str],
    pub(crate) reply_delete: &'static [&'static str],
    pub(crate) reply: &'static [&'static str],
}

/// The language of a page's template: English, or one of the languages of
/// `languages/*.toml` (Spanish, Portuguese, French, German, Italian, Dutch,
/// Catalan, Swedish, Indonesian, Polish). Found from the page's own
/// template words ([`Export::language`](crate::Export::language)), or set
/// with [`ParseOptions::with_language`](crate::ParseOptions::with_language).
/// In JSON, its code (`"es"`).
///
/// ```
/// use blog_export::Language;
/// let es = Language::from_code("es").unwrap();
/// assert_eq!((es.code(), es.name()), ("es", "Spanish"));
/// assert_eq!(Language::ENGLISH.code(), "en");
/// assert!(Language::all().count() >= 11);
/// let export = blog_export::parse("martes, 3 de marzo de 2009\n\nHola\n\nTexto.\n\n2 comentarios:\n\nAna dijo...\n\n    Muy bien.\n\nLuis dijo...\n\n    Gracias.\n")?;
/// assert_eq!(export.language, es);
/// assert_eq!(export.posts[0].date.unwrap().to_string(), "2009-03-03");
/// assert_eq!(export.posts[0].comments.as_ref().unwrap().items.len(), 2);
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct Language(Option<&'static Vocabulary>);

impl Language {
    /// English, the grammar's own language.
    pub const ENGLISH: Language = Language(None);

    /// The language with this ISO 639-1 code (`"en"`, `"es"`, ...).
    pub fn from_code(code: &str) -> Option<Language> {
        Language::all().find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// Every language the parser knows, English first.
    pub fn all() -> impl Iterator<Item = Language> {
        std::iter::once(Language::ENGLISH).chain(data::LANGUAGES.iter().map(|v| Language(Some(v))))
    }

    /// Its ISO 639-1 code.
    pub fn code(&self) -> &'static str {
        self.0.map_or("en", |v| v.code)
    }

    /// Its name in English.
    pub fn name(&self) -> &'static str {
        self.0.map_or("English", |v| v.name)
    }

    /// A date header as the language's template writes it
    /// (`martes, 3 de marzo de 2009`).
    pub fn example(&self) -> &'static str {
        self.0.map_or("Friday, 25 July 2014", |v| v.example)
    }

    /// Whether it is English.
    pub fn is_english(&self) -> bool {
        self.0.is_none()
    }

    /// The words of a language other than English.
    pub(crate) fn vocabulary(&self) -> Option<&'static Vocabulary> {
        self.0
    }
}

impl Default for Language {
    fn default() -> Self {
        Language::ENGLISH
    }
}

impl PartialEq for Language {
    fn eq(&self, other: &Self) -> bool {
        self.code() == other.code()
    }
}

impl Eq for Language {}

impl fmt::Debug for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Language({})", self.code())
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Language::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown language `{code}`")))
    }
}

/// Whether `word` is one of `words`, in any case (compared character by
/// character, with no copy of the words).
fn among(word: &str, words: &[&str]) -> bool {
    Folded::new(word).among(words)
}

/// A word ready to be compared in any case with many words: an ASCII word
/// as it is (compared with `eq_ignore_ascii_case`), any other folded to
/// lower case once, not once per comparison.
enum Folded<'a> {
    Ascii(&'a str),
    Other(Vec<char>),
}

impl<'a> Folded<'a> {
    fn new(word: &'a str) -> Self {
        if word.is_ascii() {
            Folded::Ascii(word)
        } else {
            Folded::Other(word.chars().flat_map(char::to_lowercase).collect())
        }
    }

    /// Whether the word is one of `words`, in any case.
    fn among(&self, words: &[&str]) -> bool {
        match self {
            Folded::Ascii(word) => words.iter().any(|w| w.eq_ignore_ascii_case(word)),
            Folded::Other(word) => words.iter().any(|w| {
                w.chars()
                    .flat_map(char::to_lowercase)
                    .eq(word.iter().copied())
            }),
        }
    }
}

/// The weekday a word names in a language other than English.
pub(crate) fn weekday(word: &str) -> Option<Weekday> {
    const DAYS: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    let word = Folded::new(word);
    data::LANGUAGES.iter().find_map(|v| {
        v.weekdays
            .iter()
            .position(|names| word.among(names))
            .map(|i| DAYS[i])
    })
}

/// The number of the month a word names in a language other than English.
pub(crate) fn month(word: &str) -> Option<u32> {
    let word = Folded::new(word.trim_end_matches('.'));
    data::LANGUAGES.iter().find_map(|v| {
        v.months
            .iter()
            .position(|names| word.among(names))
            .map(|i| i as u32 + 1)
    })
}

/// Whether a marker is the plain `Reply` kind (in a language other than
/// English: `Responder`), not `ReplyDelete`.
pub(crate) fn is_reply(marker: &str) -> bool {
    data::LANGUAGES
        .iter()
        .any(|v| among(marker, v.reply) && !among(marker, v.reply_delete))
}

/// Whether a line ends in a `said` word of `language` and its dots (`Ana
/// dijo...`).
pub(crate) fn ends_said(line: &str, language: Language) -> bool {
    let Some(v) = language.vocabulary() else {
        return false;
    };
    let Some(rest) = line.strip_suffix("...").or_else(|| line.strip_suffix('…')) else {
        return false;
    };
    let lower = rest.to_lowercase();
    v.said.iter().any(|w| lower.ends_with(&w.to_lowercase()))
}

/// How many lines a page's language is judged on: its template words are
/// in its date headers and comment headers, which come early.
const LINES_LOOKED_AT: usize = 4_000;

/// The language of a page's template: the language whose date headers and
/// comment headers (`martes, 3 de marzo de 2009`, `12 comentarios:`) the
/// page has more of than English ones, looking at its first lines; English
/// when it has none (a page mixing an English template with posts in
/// another language stays English).
pub(crate) fn detect(input: &str) -> Language {
    let mut votes = vec![0usize; data::LANGUAGES.len()];
    let mut english = 0usize;
    for line in input.lines().take(LINES_LOOKED_AT) {
        let line = line.trim_matches(is_space);
        if line.len() < 5 || line.len() > 80 {
            continue;
        }
        if is_english_template_line(line) {
            english += 1;
        } else if let Some(i) = {
            let line = TemplateLine::new(line);
            data::LANGUAGES.iter().position(|v| line.is_of(v))
        } {
            votes[i] += 1;
        }
        if english >= 2 && votes.iter().all(|&n| n == 0) {
            break;
        }
    }
    match votes
        .iter()
        .enumerate()
        .max_by_key(|&(i, &n)| (n, std::cmp::Reverse(i)))
    {
        Some((i, &n)) if n > english => Language(Some(&data::LANGUAGES[i])),
        _ => Language::ENGLISH,
    }
}

/// The month's word of a date line with no weekday that may be in a
/// language's words: a day, a month's name that is not also an English one
/// as English writes it (`April` says nothing, `april` does), and a year,
/// with the language's joining words between (`9 december 2005`, `15 de
/// mayo de 2007`, `3. März 2009`), or the month first (`marzo 21, 2012`).
/// `None` for a line of another shape.
fn bare_date_month(line: &str) -> Option<&str> {
    let words: Vec<&str> = line
        .split([' ', ','])
        .filter(|w| {
            !w.is_empty() && !w.eq_ignore_ascii_case("de") && !w.eq_ignore_ascii_case("del")
        })
        .collect();
    let digits = |w: &str| w.trim_end_matches('.').bytes().all(|b| b.is_ascii_digit());
    let (day, month, year) = match words.as_slice() {
        [day, month, year] if digits(day) => (*day, *month, *year),
        // Month first: `marzo 21, 2012`.
        [month, day, year] => (*day, *month, *year),
        _ => return None,
    };
    let day = day.trim_end_matches('.');
    let month = month.trim_start_matches("d'").trim_start_matches("d’");
    ((1..=2).contains(&day.len())
        && day.bytes().all(|b| b.is_ascii_digit())
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && (!is_english_month(month) || month.starts_with(char::is_lowercase)))
    .then(|| month.trim_end_matches('.'))
}

/// A month's name as English writes it, in full or abbreviated (`April`,
/// `Aug`, `Sept.`).
fn is_english_month(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    word.parse::<chrono::Month>().is_ok() || word.eq_ignore_ascii_case("sept")
}

/// An English date header or comment header.
fn is_english_template_line(line: &str) -> bool {
    let first = line.split([',', ' ']).next().unwrap_or("");
    first.len() > 3
        && first.starts_with(|c: char| c.is_ascii_uppercase())
        && first.parse::<Weekday>().is_ok()
        && line.bytes().any(|b| b.is_ascii_digit())
        || line.ends_with(':')
            && {
                let words: Vec<&str> = line.trim_end_matches(':').split_whitespace().collect();
                matches!(words.as_slice(), [n, w] if n.parse::<u32>().is_ok() && (w.eq_ignore_ascii_case("comments") || w.eq_ignore_ascii_case("comment")))
                    || line
                        .trim_end_matches(':')
                        .trim_end()
                        .eq_ignore_ascii_case("no comments")
            }
}

/// A line that may be a date header or comment header of some language's
/// template, taken apart once: its words are compared with each language's
/// (`is_of`) with no new split or case folding per language.
struct TemplateLine<'a> {
    /// The first word (`martes`).
    first: Folded<'a>,
    /// Whether the line has a digit.
    has_digit: bool,
    /// The month's word, if the line is shaped as a date with no weekday
    /// (see `bare_date_month`).
    bare_month: Option<Folded<'a>>,
    /// The line before a final colon (and a full stop before that), if it
    /// ends in one (`No hay comentarios` of `No hay comentarios.:`).
    head: Option<Folded<'a>>,
    /// The word after the count of a `N word:` line (`comentarios`).
    count_word: Option<Folded<'a>>,
}

impl<'a> TemplateLine<'a> {
    fn new(line: &'a str) -> Self {
        let head = line.strip_suffix(':').map(|head| {
            let head = head.trim_end_matches(is_space);
            head.strip_suffix('.').unwrap_or(head)
        });
        let count_word = head.and_then(|head| {
            let mut words = head.split_whitespace();
            match (words.next(), words.next(), words.next()) {
                (Some(n), Some(w), None) if n.parse::<u32>().is_ok() => Some(Folded::new(w)),
                _ => None,
            }
        });
        TemplateLine {
            first: Folded::new(line.split([',', ' ']).next().unwrap_or("")),
            has_digit: line.bytes().any(|b| b.is_ascii_digit()),
            bare_month: bare_date_month(line).map(Folded::new),
            head: head.map(Folded::new),
            count_word,
        }
    }

    /// Whether the line is a date header or comment header of `v`'s
    /// template: a weekday name then a day (a line that starts with a
    /// weekday name and has no digit is none); a date with no weekday; a
    /// no-comments or one-comment header; `N word:`.
    fn is_of(&self, v: &Vocabulary) -> bool {
        if v.weekdays.iter().any(|names| self.first.among(names)) {
            return self.has_digit;
        }
        self.bare_month
            .as_ref()
            .is_some_and(|month| v.months.iter().any(|names| month.among(names)))
            || self
                .head
                .as_ref()
                .is_some_and(|head| head.among(v.no_comments) || head.among(v.one_comment))
            || self
                .count_word
                .as_ref()
                .is_some_and(|word| word.among(v.comment_words))
    }
}

#[cfg(test)]
mod tests {
    use super::{detect, Language};

    #[test]
    fn a_pages_language_is_found_from_its_headers() {
        let es = Language::from_code("es").unwrap();
        assert_eq!(
            detect("martes, 3 de marzo de 2009\n\nHola\n\n2 comentarios:\n"),
            es
        );
        // A date with no weekday, its month in small letters.
        assert_eq!(detect("Titel\n\n9 december 2005\n\nTekst.\n").code(), "nl");
        // Or the month first.
        assert_eq!(detect("marzo 21, 2012\n\nPrimavera\n\nTexto.\n"), es);
        assert_eq!(detect("Sept 3, 2007\n\nT\n\nText.\n"), Language::ENGLISH);
        // English pages stay English: their headers, and months written
        // as English writes them (`3 April 2014` names German's April too).
        let english =
            "Friday 25 July 2014\n\nT\n\n3 April 2014\n\nDear Jo,\n\n3 August 2014\n\n1 comment:\n";
        assert_eq!(detect(english), Language::ENGLISH);
        assert_eq!(detect("just text\n"), Language::ENGLISH);
        // An English template with a post written in Spanish stays English.
        assert_eq!(
            detect("Friday 25 July 2014\n\nHola\n\nmartes, 3 de marzo de 2009\n\n2 comments:\n"),
            Language::ENGLISH
        );
    }
}
