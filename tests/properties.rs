//! Property tests: any text parses without panicking and without an
//! internal error, every successful parse is lossless, and its spans nest (elements ordered, disjoint, inside the input, only
//! white space between them).

mod common;

use blog_export::ErrorKind;
use common::structured;
use proptest::prelude::*;

fn check(input: &str) -> Result<(), TestCaseError> {
    match blog_export::parse(input) {
        Ok(export) => {
            let rebuilt = common::rebuild(input, &export).map_err(TestCaseError::fail)?;
            prop_assert_eq!(rebuilt, input);
            common::check_nesting(input, &export).map_err(TestCaseError::fail)?;
        }
        // The only errors of a lenient parse: never an internal one.
        Err(e) => prop_assert!(
            matches!(
                e.kind(),
                ErrorKind::Empty | ErrorKind::NoDateHeader | ErrorKind::HiddenHeader
            ),
            "{e}"
        ),
    }
    Ok(())
}

proptest! {
    #![proptest_config(common::config())]

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
