//! Helpers shared by the integration tests.

use blog_export::Export;
use proptest::prelude::*;

/// The ISO dates of an export's posts, in order (every post dated).
#[allow(dead_code)] // Not every test binary uses every helper.
pub fn dates(export: &Export) -> Vec<String> {
    export
        .posts
        .iter()
        .map(|p| p.date.unwrap().to_string())
        .collect()
}

/// The seeds' texts, in name order.
#[allow(dead_code)] // Not every test binary uses every helper.
pub fn seeds() -> Vec<String> {
    seed_files().into_iter().map(|(_, text)| text).collect()
}

/// The seeds' names (`seeds/000_....txt`) and texts, in name order.
#[allow(dead_code)]
pub fn seed_files() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = format!("seeds/{}", p.file_name().unwrap().to_string_lossy());
            (name, std::fs::read_to_string(p).unwrap())
        })
        .collect()
}

/// White space between elements: Unicode white space and the invisible
/// characters the parser reads as white space (zero-width spaces and
/// joiners, direction marks, the word joiner, the byte order mark).
pub fn is_gap(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}')
}

/// Checks that the leaf elements of `export` are ordered, disjoint, inside
/// `input`, with only white space between them, and returns the input
/// rebuilt from them.
pub fn rebuild(input: &str, export: &Export) -> Result<String, String> {
    let mut out = String::with_capacity(input.len());
    let mut at = 0;
    for e in export.elements() {
        if e.span.start < at || e.span.start > e.span.end || e.span.end > input.len() {
            return Err(format!(
                "{e:?} overlaps what came before (up to {at}) or leaves the input"
            ));
        }
        let gap = &input[at..e.span.start];
        if !gap.chars().all(is_gap) {
            return Err(format!(
                "text outside every element before {:?} at line {}: {gap:?}",
                e.kind, e.span.line
            ));
        }
        out.push_str(gap);
        out.push_str(e.span.source(input));
        at = e.span.end;
    }
    let tail = &input[at..];
    if !tail.chars().all(is_gap) {
        return Err(format!("text after the last element: {tail:?}"));
    }
    out.push_str(tail);
    Ok(out)
}

/// Asserts that `input` rebuilds byte for byte from its parse.
#[allow(dead_code)] // Not every test binary uses every helper.
pub fn assert_lossless(input: &str, export: &Export) {
    match rebuild(input, export) {
        Ok(rebuilt) => assert_eq!(rebuilt, input),
        Err(e) => panic!("{e}"),
    }
}

/// Pieces of the format, so random inputs reach deep into the grammar.
pub const PIECES: &[&str] = &[
    "Friday 25 July 2014",
    "Saturday, March 19, 2011",
    "October 7, 2004",
    "Wed, 17 December 2014",
    "Friday 31 February 2014",
    "34 comments:",
    "No comments:",
    "  1. ",
    "    1. ",
    "      1. ",
    "    ReplyDelete",
    "    Replies",
    "      Delete",
    "Jane said...",
    "At 7:14 PM, Blogger Jane said...",
    "At 11:20 AM, February 18, 2009 , Anonymous Anonymous said...",
    "October 8, 2010 at 3:45 PM",
    "    30/12/14 2:07 a.m.",
    "3 Comments:",
    "1 comment :",
    "Feb 9, 2005",
    "Sept. 3, 2007",
    "To All Councillors,",
    "Post a Comment",
    "<< Home",
    "Nobody lingered; people bought what they came for. And then they hurried home with their collars up against the wind.",
    "  • ",
    "  • At 1:30 PM, Blogger Ann said…",
    "Hey everyone,",
    "Elder Smith",
    "My darling Wife;",
    "Dear Ann, Bob, Carl, Dana, Eddie, Fran, and everyone all over the world,",
    "From: Ann Lee\nSent: Thursday, 24 July 2014 10:14\nTo: Bob",
    "Date: Sat, 3 May 2014 12:28:41 +0800\nSubject: the meeting",
    "-----Original Message-----\nFrom: Ann Lee\nDate: Thu, Jul 24, 2014 at 10:14 AM\nTo: Bob",
    "martes, 3 de marzo de 2009",
    "2 comentarios:",
    "Ana dijo...",
    "De: Ana\nEnviado el: martes, 3 de marzo de 2009 14:05\nAsunto: la cena",
    "Środa, 4 marca 2009",
    "Äldre inlägg",
    "Ann Lee 7:17 PM  ",
    "Dear Ann and Bob,      Boston",
    "Sunday Stamps - Great Britain: Penny Red",
    "Great Britain - 1841",
    "- ",
    "******",
    "--oo00oo--",
    "Dear Ms Hughes,",
    "Hi,",
    "21 July 2014 13:52:19 BDT",
    "February 2019",
    "Yours sincerely,",
    "Michael Spurr",
    "Labels: a, b",
    "Newer Post Older Post Home",
    "papa",
    "text",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\t",
    "\u{a0}",
    "\u{feff}",
    "\u{200b}",
    "\u{0b}",
    "\u{0c}",
    "\r",
    "\u{2028}",
    "\u{85}",
    "é",
];

#[allow(dead_code)] // Not every test binary uses every helper.
pub fn structured() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => any::<String>(),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

/// The property tests' settings: 512 cases (or `PROPTEST_CASES`), no
/// failure files.
#[allow(dead_code)] // Not every test binary uses every helper.
pub fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(512);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

#[allow(dead_code)] // Not every test binary uses every helper.
mod nesting;
#[allow(unused_imports)] // Not every test binary uses every helper.
pub use nesting::check_nesting;
