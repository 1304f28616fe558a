//! Fuzz `parse`: it must not panic nor return an internal error, and when it succeeds the leaf elements
//! must be ordered, disjoint, inside the input, with only white space
//! between them (the lossless property), and every span of the JSON tree
//! must nest inside its parent's.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/nesting.rs"]
mod nesting;

/// White space between elements, as the parser reads it.
fn is_gap(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}')
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let export = match blog_export::parse(input) {
        Ok(export) => export,
        // The only errors of a lenient parse: an internal one is a bug.
        Err(e) => {
            assert!(
                matches!(
                    e.kind(),
                    blog_export::ErrorKind::Empty
                        | blog_export::ErrorKind::NoDateHeader
                        | blog_export::ErrorKind::HiddenHeader
                ),
                "{e}"
            );
            return;
        }
    };
    let mut at = 0;
    for e in export.elements() {
        assert!(e.span.start >= at && e.span.start <= e.span.end && e.span.end <= input.len());
        let gap = &input[at..e.span.start];
        assert!(gap.chars().all(|c| is_gap(c)), "{gap:?}");
        at = e.span.end;
    }
    assert!(input[at..].chars().all(|c| is_gap(c)));
    if let Err(e) = nesting::check_nesting(input, &export) {
        panic!("spans do not nest: {e}");
    }
});
