//! Property tests: any text parses without panicking, and every successful
//! parse is lossless (elements ordered, disjoint, inside the input, only
//! white space between them).

mod common;

use proptest::prelude::*;

/// Pieces of the format, so random inputs reach deep into the grammar.
const PIECES: &[&str] = &[
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
    "  • ",
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
    "é",
];

fn structured() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => any::<String>(),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

fn check(input: &str) -> Result<(), TestCaseError> {
    if let Ok(export) = blog_export::parse(input) {
        let rebuilt = common::rebuild(input, &export).map_err(TestCaseError::fail)?;
        prop_assert_eq!(rebuilt, input);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_text_never_panics(input in any::<String>()) {
        check(&input)?;
    }

    #[test]
    fn structured_text_is_lossless(input in structured()) {
        check(&input)?;
    }

    #[test]
    fn a_post_then_anything_is_lossless(tail in structured()) {
        check(&format!("Friday 25 July 2014\n\nTitle\n\n{tail}"))?;
    }
}
