//! `PostReader` gives, piece by piece, what `parse` gives for the whole
//! input: the same posts, preamble and diagnostics, spans included.

use std::io::Read;

use blog_export::{parse, ErrorKind, Post, PostReader};

/// A reader that hands out a few bytes at a time (characters get cut).
struct Trickle<'a>(&'a [u8], usize);

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.1.min(buf.len()).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

fn inputs() -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["seeds", "tests/fixtures"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        out.extend(paths.iter().map(|p| std::fs::read_to_string(p).unwrap()));
    }
    out
}

fn same_as_parse(input: &str, step: usize) {
    let Ok(whole) = parse(input) else { return };
    let whole = whole.into_owned();
    let mut reader = PostReader::new(Trickle(input.as_bytes(), step));
    let posts: Vec<Post<'static>> = reader.by_ref().collect::<Result<_, _>>().unwrap();
    assert_eq!(posts, whole.posts);
    assert_eq!(reader.preamble(), &whole.preamble[..]);
    assert_eq!(reader.orphan_comments(), whole.orphan_comments.as_ref());
    assert_eq!(reader.diagnostics(), &whole.diagnostics[..]);
}

#[test]
fn each_seed_and_fixture() {
    for input in inputs() {
        same_as_parse(&input, 7);
    }
}

#[test]
fn an_input_of_many_pieces() {
    // Weekday headers only (fixtures without weekdays are read whole).
    let seeds: String = inputs()[..5].join("\n\n");
    let input = seeds.repeat(12);
    assert!(input.len() > 3 << 20);
    same_as_parse(&input, 100_003);
}

#[test]
fn errors_name_their_place() {
    // No header at all: one undated post, as `parse` gives it.
    let input = "no header\n\nat all";
    let mut reader = PostReader::new(input.as_bytes());
    let post = reader.next().unwrap().unwrap();
    assert_eq!(post, parse(input).unwrap().posts[0].clone().into_owned());
    assert!(reader.next().is_none());
    assert_eq!(reader.diagnostics(), parse(input).unwrap().diagnostics);
    // Only headers that name no real day: an error, as from `parse`.
    let input = "\nFriday 31 February 2014\n\nText";
    let err = PostReader::new(input.as_bytes())
        .next()
        .unwrap()
        .unwrap_err();
    assert_eq!((err.kind(), err.line()), (&ErrorKind::NoDateHeader, 2));
    assert_eq!(err.message(), parse(input).unwrap_err().message());
    let bytes = b"Friday 25 July 2014\n\nT\n\nBad \xff byte";
    let err = PostReader::new(&bytes[..]).next().unwrap().unwrap_err();
    assert_eq!(err.line(), 5);
    assert!(err.message().contains("UTF-8"), "{}", err.message());
    let err = PostReader::new("".as_bytes()).next().unwrap().unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Empty);
    // A header behind a lone carriage return is refused where `parse`
    // refuses it.
    let input = "Friday 25 July 2014\n\nT\n\nText\rSaturday 26 July 2014\n\nU\n";
    let whole = parse(input).unwrap_err();
    let err = PostReader::new(input.as_bytes())
        .find_map(Result::err)
        .unwrap();
    assert_eq!(err.kind(), &ErrorKind::HiddenHeader);
    assert_eq!((err.line(), err.column()), (whole.line(), whole.column()));
    assert_eq!((err.line(), err.column()), (5, 6));
}
