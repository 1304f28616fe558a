//! Every byte of the input belongs to exactly one leaf element or to the
//! white space between elements: the seeds and fixtures rebuild byte for
//! byte from the output's spans.

use blog_export::{parse, Element};

/// Checks the elements of `input` and rebuilds it from them.
pub fn rebuild(input: &str, elements: &[Element]) -> String {
    let mut out = String::with_capacity(input.len());
    let mut at = 0;
    for e in elements {
        assert!(
            e.span.start >= at,
            "{:?} at {} overlaps what came before (up to {at})",
            e.kind,
            e.span.start
        );
        assert!(e.span.end <= input.len() && e.span.start <= e.span.end);
        let gap = &input[at..e.span.start];
        assert!(
            gap.chars().all(|c| c.is_whitespace() || c == '\u{feff}'),
            "text outside every element before {:?} at line {}: {gap:?}",
            e.kind,
            e.span.line
        );
        out.push_str(gap);
        out.push_str(e.span.source(input));
        at = e.span.end;
    }
    let tail = &input[at..];
    assert!(
        tail.chars().all(|c| c.is_whitespace() || c == '\u{feff}'),
        "text after the last element: {tail:?}"
    );
    out.push_str(tail);
    out
}

fn files(dir: &str) -> Vec<(String, String)> {
    let dir = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name, std::fs::read_to_string(p).unwrap())
        })
        .collect()
}

#[test]
fn seeds_rebuild_byte_for_byte() {
    for (name, input) in files("seeds") {
        let export = parse(&input).unwrap();
        assert_eq!(rebuild(&input, &export.elements()), input, "{name}");
    }
}

#[test]
fn fixtures_rebuild_byte_for_byte() {
    for (name, input) in files("tests/fixtures") {
        let export = parse(&input).unwrap();
        assert_eq!(rebuild(&input, &export.elements()), input, "{name}");
    }
}

#[test]
fn crlf_bom_and_final_newline_variants_rebuild() {
    for (name, input) in files("seeds") {
        for variant in [
            input.replace('\n', "\r\n"),
            format!("\u{feff}{input}"),
            format!("{input}\n"),
        ] {
            let export = parse(&variant).unwrap();
            assert_eq!(rebuild(&variant, &export.elements()), variant, "{name}");
        }
    }
}
