//! Every byte of the input belongs to exactly one leaf element or to the
//! white space between elements: the seeds and fixtures rebuild byte for
//! byte from the output's spans.

use blog_export::parse;

mod common;
use common::assert_lossless;

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
    for (_name, input) in files("seeds") {
        let export = parse(&input).unwrap();
        assert_lossless(&input, &export);
    }
}

#[test]
fn fixtures_rebuild_byte_for_byte() {
    for (_name, input) in files("tests/fixtures") {
        let export = parse(&input).unwrap();
        assert_lossless(&input, &export);
    }
}

#[test]
fn crlf_bom_and_final_newline_variants_rebuild() {
    for (_name, input) in files("seeds") {
        for variant in [
            input.replace('\n', "\r\n"),
            format!("\u{feff}{input}"),
            format!("{input}\n"),
        ] {
            let export = parse(&variant).unwrap();
            assert_lossless(&variant, &export);
        }
    }
}

#[test]
fn spans_nest_in_seeds_and_fixtures() {
    for dir in ["seeds", "tests/fixtures"] {
        for (name, input) in files(dir) {
            let export = parse(&input).unwrap();
            if let Err(e) = common::check_nesting(&input, &export) {
                panic!("{name}: {e}");
            }
        }
    }
}
