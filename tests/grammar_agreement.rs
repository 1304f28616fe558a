//! The crate's parser (`grammar/blog.pest` with the speed work of
//! `grammar/fast.pest`) and the reference parser (`blog.pest` with the
//! readable rules of `grammar/reference.pest`) build the same token tree:
//! on the seeds, on every fixture, on made-up pages of other templates and
//! on generated pages.
#![cfg(feature = "reference-grammar")]

mod common;

use blog_export::__reference::tokens;
use proptest::prelude::*;

/// Both parsers' trees for `input` from `rule`, which must be equal.
fn agree(input: &str, rule: &str) -> Result<(), String> {
    let fast = tokens(input, rule, false);
    let reference = tokens(input, rule, true);
    if fast.is_none() {
        return Err(format!("the crate's parser rejects {input:?}"));
    }
    if fast != reference {
        let (fast, reference) = (fast.unwrap_or_default(), reference.unwrap_or_default());
        let at = fast
            .iter()
            .zip(&reference)
            .position(|(a, b)| a != b)
            .unwrap_or(fast.len().min(reference.len()));
        return Err(format!(
            "the trees differ at token {at}: fast {:?}, reference {:?}",
            fast.get(at),
            reference.get(at)
        ));
    }
    Ok(())
}

fn files(dir: &str) -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn seeds_and_fixtures_give_the_same_tree() {
    let inputs: Vec<_> = ["seeds", "tests/fixtures", "../shared/shapes"]
        .into_iter()
        .flat_map(files)
        .collect();
    assert!(inputs.len() >= 15, "seeds and fixtures are missing");
    for (path, text) in inputs {
        if let Err(e) = agree(&text, "export") {
            panic!("{path}: {e}");
        }
    }
}

#[test]
fn every_line_of_the_seeds_starts_the_same_preamble() {
    // Each line on its own, as the first line of a preamble: every block
    // the dispatch can choose, in every context the seeds give.
    for (path, text) in files("seeds") {
        for (n, line) in text.lines().enumerate() {
            if let Err(e) = agree(line, "preamble") {
                panic!("{path}:{}: {e}", n + 1);
            }
        }
    }
}

#[test]
fn quoted_letter_lines_in_every_place() {
    // A quote mark before a salutation or a valediction, at a line's start,
    // indented, inside a paragraph and as a preamble's first line.
    for line in [
        "\"Dear Sir,",
        "“Dear Mom,",
        "\"Cordially yours,",
        "\"Hello It's Me\"",
    ] {
        for page in [
            format!("Friday 25 July 2014\n\nT\n\n{line}\n\nText.\n"),
            format!("Friday 25 July 2014\n\nT\n\n   {line}\n\nText.\n"),
            format!("Friday 25 July 2014\n\nT\n\nJo says:\n{line}\nText.\n"),
            format!("{line}\n\nFriday 25 July 2014\n\nT\n\nText.\n"),
        ] {
            if let Err(e) = agree(&page, "export") {
                panic!("{page:?}: {e}");
            }
        }
    }
}

/// Pages in other languages, read from `intl_export` (which tries the
/// languages' words): the language fixtures and the real pages of the
/// corpus in another language, as the crate reads them.
#[test]
fn pages_in_other_languages_give_the_same_tree() {
    let mut read = 0;
    for (path, text) in ["tests/fixtures", "tests/corpus/dev", "tests/corpus/check"]
        .into_iter()
        .flat_map(files)
    {
        let Ok(export) = blog_export::parse(&text) else {
            continue;
        };
        if export.language.is_english() {
            continue;
        }
        read += 1;
        if let Err(e) = agree(&text, "intl_export") {
            panic!("{path}: {e}");
        }
    }
    assert!(read >= 10, "the language fixtures are missing");
}

proptest! {
    #![proptest_config(common::config())]

    #[test]
    fn generated_pages_give_the_same_tree(tail in common::structured()) {
        let page = format!("Friday 25 July 2014\n\nTitle\n\n{tail}");
        prop_assert_eq!(agree(&page, "export"), Ok(()));
        prop_assert_eq!(agree(&tail, "export"), Ok(()));
        let page = format!("martes, 3 de marzo de 2009\n\nTítulo\n\n{tail}");
        prop_assert_eq!(agree(&page, "intl_export"), Ok(()));
    }
}
