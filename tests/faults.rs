//! One test per fault found with hostile and odd input (issue "Same answer
//! at any size, bounded memory, and a CLI that never panics"). Each failed
//! before its fix.

use blog_export::{parse, parse_with, DiagnosticKind, ErrorKind, Export, ParseOptions};

mod common;

fn letters(e: &Export) -> usize {
    e.posts.iter().map(|p| p.letters().count()).sum()
}

/// Item 1: The answer does not depend on chunking: a page whose header starts
/// with a BOM, repeated past the 1 MB chunk size, gives one post a copy.
#[test]
fn bom_headed_pages_past_the_chunk_size_give_a_post_each() {
    let page = "\u{FEFF}Friday 25 July 2014\n\nTitle\n\nA paragraph of the body, long enough to matter.\n\n";
    let copies = (1_500_000 / page.len()) + 1;
    let input = page.repeat(copies);
    assert!(input.len() > 1 << 20);
    let export = parse(&input).unwrap();
    assert_eq!(export.posts.len(), copies);
    common::assert_lossless(&input, &export);
}

/// Item 2: Joined exports: a BOM at a line start is a page boundary, with a
/// warning naming its line; two joined copies give twice the structure.
#[test]
fn joined_exports_give_twice_their_posts_comments_and_letters() {
    for seed in common::seeds() {
        let one = parse(&seed).unwrap();
        let joined = format!("\u{FEFF}{seed}\n\u{FEFF}{seed}");
        let two = parse(&joined).unwrap();
        assert_eq!(two.posts.len(), 2 * one.posts.len());
        assert_eq!(two.comment_count(), 2 * one.comment_count());
        assert_eq!(letters(&two), 2 * letters(&one));
        let line = seed.lines().count() as u32 + 1;
        let joins: Vec<u32> = two
            .diagnostics
            .iter()
            .filter(|d| d.kind == DiagnosticKind::JoinedExport)
            .map(|d| d.span.line)
            .collect();
        assert_eq!(joins, [line]);
        common::assert_lossless(&joined, &two);
    }
}

/// Item 3: Headers behind VT, FF, a BOM, a zero-width space or any Unicode
/// space are read as headers; one behind a lone carriage return is refused,
/// naming U+000D, and the line.
#[test]
fn headers_behind_invisible_characters() {
    for start in [
        "\u{0B}", "\u{0C}", "\u{FEFF}", "\u{200B}", "\u{A0}", "\u{3000}",
    ] {
        let input =
            format!("Friday 25 July 2014\n\nOne\n\nText.\n\n{start}Saturday 26 July 2014\n\nTwo\n");
        let export = parse(&input).unwrap();
        assert_eq!(export.posts.len(), 2, "{start:?}");
        assert_eq!(export.posts[1].title.as_deref(), Some("Two"));
    }
    let input =
        "Friday 25 July 2014\r\r\n\r\r\nOne\r\r\n\r\r\nSaturday 26 July 2014\r\r\n\r\r\nTwo";
    assert_eq!(parse(input).unwrap().posts.len(), 2);
    let input = "Friday 25 July 2014\r\rOne\r\rText.\r\rSaturday 26 July 2014\r\rTwo";
    let err = parse(input).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::HiddenHeader);
    assert!(err.message().contains("U+000D"), "{}", err.message());
    assert_eq!((err.line(), err.column()), (1, 34));
    // The line shown under the message has its control characters escaped.
    assert!(err.to_string().contains("2014\\r\\rOne"), "{err}");
}

/// Item 4: Spans nest: a section does not swallow the furniture after it, and a
/// thread that an invalid date line interrupts does not overlap the body.
#[test]
fn spans_nest() {
    let input = "Friday 25 July 2014\n\nT\n\nBody.\n\nNo comments:\n\nLabels: a, b";
    let export = parse(input).unwrap();
    let section = export.posts[0].comments.as_ref().unwrap();
    assert_eq!(section.span.source(input), "No comments:");
    common::check_nesting(input, &export).unwrap();
    let input = "Friday 25 July 2014\n\nT\n\n2 comments:\n\n  1. A\n\n    ReplyDelete\nFriday 31 February 2014\n\nsome text\n\n  2. B\n\n    ReplyDelete\n";
    let export = parse(input).unwrap();
    common::check_nesting(input, &export).unwrap();
    assert_eq!(export.posts[0].comment_count(), 2);
    assert!(export.posts[0].body.is_empty());
}

/// Item 5: No internal error on any cut of the seeds (the property tests and the
/// fuzz target assert the same on generated input).
#[test]
fn no_internal_error_on_cuts_of_the_seeds() {
    for seed in common::seeds() {
        for cut in (0..seed.len()).step_by(997) {
            let Some(text) = seed.get(cut..) else {
                continue;
            };
            if let Err(e) = parse(text) {
                assert_ne!(e.kind(), &ErrorKind::Grammar, "{e}");
            }
        }
    }
}

/// Item 6: Limits: each is an error naming where it was exceeded.
#[test]
fn limits_are_errors_with_a_place() {
    let input = "Friday 25 July 2014\n\nOne\n\nSaturday 26 July 2014\n\nTwo\n";
    let limit = |options: ParseOptions| parse_with(input, &options).unwrap_err();
    let e = limit(ParseOptions::default().with_max_posts(1));
    assert_eq!((e.kind(), e.line(), e.column()), (&ErrorKind::Limit, 5, 1));
    let e = limit(ParseOptions::default().with_max_line_bytes(10));
    assert_eq!((e.kind(), e.line(), e.column()), (&ErrorKind::Limit, 1, 11));
    let e = limit(ParseOptions::default().with_max_input_bytes(20));
    assert_eq!((e.kind(), e.line()), (&ErrorKind::Limit, 2));
    assert!(parse_with(input, &ParseOptions::default()).is_ok());
}

#[cfg(all(feature = "cli", unix))]
mod cli {
    //! Items 7 and 8: the command-line tool never panics nor hangs, and has a
    //! strict mode.

    use std::path::{Path, PathBuf};
    use std::process::{Command, Output, Stdio};
    use std::time::{Duration, Instant};

    const SEED: &str = "seeds/000_34b946ec0d9dcec7.txt";

    fn bin() -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_blog-export"));
        c.current_dir(env!("CARGO_MANIFEST_DIR"));
        c
    }

    fn run(args: &[&str]) -> Output {
        bin().args(args).output().unwrap()
    }

    fn scratch(name: &str) -> PathBuf {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("faults")
            .join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn stderr_that_cannot_be_written_exits_2_quietly() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = bin()
            .args(["stats", "does/not/exist.txt"])
            .stderr(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        // A bad argument's message goes to a full stderr too.
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = bin().arg("--no-such-flag").stderr(full).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
    }

    #[test]
    fn devices_and_fifos_are_refused_at_once() {
        let dir = scratch("fifo");
        let fifo = dir.join("pipe.txt");
        let status = Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(status.success());
        for path in ["/dev/zero", "/dev/null", fifo.to_str().unwrap()] {
            let start = Instant::now();
            let out = bin()
                .args(["parse", path])
                .stdin(Stdio::null())
                .output()
                .unwrap();
            assert!(start.elapsed() < Duration::from_secs(1), "{path}");
            assert_eq!(out.status.code(), Some(2), "{path}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains("not a regular file"), "{path}: {err}");
        }
    }

    #[test]
    fn directories_without_txt_files_are_errors_and_txt_in_any_case_and_links_are_read() {
        let empty = scratch("empty");
        let out = run(&["stats", empty.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("no .txt, .xml or .atom file"));
        let dir = scratch("cases");
        let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
        std::fs::copy(&seed, dir.join("A.TXT")).unwrap();
        std::os::unix::fs::symlink(&seed, dir.join("b.txt")).unwrap();
        let out = run(&["stats", dir.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("A.TXT") && text.contains("b.txt"), "{text}");
    }

    #[test]
    fn messages_escape_control_characters() {
        let dir = scratch("escapes");
        let file = dir.join("evil\u{1b}[2J.txt");
        std::fs::write(&file, "Friday 31 February 2014\n\nText").unwrap();
        let out = run(&["parse", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains('\u{1b}'), "{err:?}");
        assert!(err.contains("\\u{1b}"), "{err:?}");
    }

    #[test]
    fn max_size_refuses_larger_inputs() {
        let out = run(&["stats", "--max-size", "1K", SEED]);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("--max-size"));
        let out = run(&["stats", "--max-size", "1M", SEED]);
        assert_eq!(out.status.code(), Some(0));
    }

    #[test]
    fn strict_modes() {
        // The seed has two warnings (declared counts).
        let out = run(&["check", SEED]);
        assert_eq!(out.status.code(), Some(0));
        let out = run(&["check", "--strict", SEED]);
        assert_eq!(out.status.code(), Some(1));
        let out = run(&["parse", "--strict", SEED, "seeds/002_3142c0d7109b60df.txt"]);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.matches(": error: ").count(), 2, "{err}");
        let out = run(&["parse", "--strict", "seeds/001_88f21fb885bfde65.txt"]);
        assert_eq!(out.status.code(), Some(0));
    }
}
