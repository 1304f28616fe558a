//! Bad and odd input: each case asserts the exact outcome, either `Ok` with
//! the named diagnostics or the exact error kind and position.

mod common;

use blog_export::{parse, parse_with, DiagnosticKind, ErrorKind, Export, ParseOptions};

/// Kinds and lines of an export's diagnostics.
fn diags(export: &Export) -> Vec<(DiagnosticKind, u32)> {
    export
        .diagnostics
        .iter()
        .map(|d| (d.kind, d.span.line))
        .collect()
}

/// Date, title and paragraph count of each post: the structure, not the bytes.
fn shape(export: &Export) -> Vec<(String, Option<String>, usize, usize)> {
    export
        .posts
        .iter()
        .map(|p| {
            (
                p.date.unwrap().to_string(),
                p.title.as_deref().map(str::to_string),
                p.body.len(),
                p.comment_count(),
            )
        })
        .collect()
}

const POST: &str = "Friday 25 July 2014\n\nTitle\n\nFirst paragraph.\n\nSecond paragraph.\n\n1 comment:\n\n  1. A comment.\n\n    ReplyDelete";

#[test]
fn empty_file() {
    let err = parse("").unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Empty);
    assert_eq!((err.line(), err.column()), (1, 1));
}

#[test]
fn only_white_space() {
    let err = parse(" \n\t\n\u{a0}\u{a0}\r\n  ").unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Empty);
    assert_eq!((err.line(), err.column()), (1, 1));
}

#[test]
fn no_date_header() {
    let input = "\n\n  Some notes\nwithout a header.\n";
    let export = parse(input).unwrap();
    assert_eq!(export.posts.len(), 1);
    assert_eq!(export.posts[0].date, None);
    assert_eq!(diags(&export), [(DiagnosticKind::NoDateHeader, 3)]);
    common::assert_lossless(input, &export);
}

#[test]
fn bom_crlf_mixed_endings_and_final_newline_keep_the_structure() {
    let plain = parse(POST).unwrap();
    for variant in [
        format!("\u{feff}{POST}"),
        POST.replace('\n', "\r\n"),
        POST.replacen('\n', "\r\n", 3),
        format!("{POST}\n"),
        format!("{POST}\r\n"),
        format!("{POST}\n\n\n"),
    ] {
        let export = parse(&variant).unwrap();
        assert_eq!(shape(&export), shape(&plain), "{variant:?}");
        assert!(export.diagnostics.is_empty());
    }
}

#[test]
fn tabs() {
    let input = "Friday 25 July 2014\n\nTitle\n\n\tIndented with a tab.\n\t\nNext\tparagraph.";
    let export = parse(input).unwrap();
    assert_eq!(export.posts[0].body.len(), 2);
    assert_eq!(export.elements()[2].span.column, 2);
}

#[test]
fn lines_of_only_no_break_spaces_are_blank() {
    let input = "Friday 25 July 2014\n\u{a0}\nTitle\n\u{a0}\u{a0}\nOne.\n\u{a0}\nTwo.";
    let export = parse(input).unwrap();
    assert_eq!(export.posts[0].title.as_deref(), Some("Title"));
    assert_eq!(export.posts[0].body.len(), 2);
}

#[test]
fn invalid_dates() {
    // The only header names no real day: there is no post.
    for (input, line) in [
        ("Friday 31 February 2014\n\nTitle\n\nBody.", 1),
        ("Intro.\n\nMonday 0 May 2014\n\nTitle", 3),
    ] {
        let err = parse(input).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::NoDateHeader, "{input}");
        assert_eq!((err.line(), err.column()), (line, 1), "{input}");
        assert!(
            err.message().contains("that day does not exist"),
            "{}",
            err.message()
        );
    }
    // After a real post, the line is kept as text with a diagnostic: after
    // its comment thread, in the thread (as stray lines, so the thread's
    // span never overlaps the body's).
    let input = format!("{POST}\n\nMonday 0 May 2014\n\nAnother");
    let export = parse(&input).unwrap();
    assert_eq!(export.posts.len(), 1);
    assert_eq!(
        diags(&export),
        [
            (DiagnosticKind::InvalidDate, 15),
            (DiagnosticKind::StrayText, 17)
        ]
    );
    let stray = &export.posts[0].comments.as_ref().unwrap().stray;
    assert_eq!(stray[0].text, "Monday 0 May 2014");
}

#[test]
fn weekday_that_does_not_match() {
    let export = parse("Monday 25 July 2014\n\nTitle").unwrap();
    assert_eq!(diags(&export), [(DiagnosticKind::WeekdayMismatch, 1)]);
    let err = parse_with("Monday 25 July 2014\n\nTitle", &ParseOptions::strict()).unwrap_err();
    assert_eq!(
        err.kind(),
        &ErrorKind::Strict(DiagnosticKind::WeekdayMismatch)
    );
    assert_eq!((err.line(), err.column()), (1, 1));
}

#[test]
fn comment_section_with_no_comments() {
    let export = parse("Friday 25 July 2014\n\nTitle\n\nBody.\n\n3 comments:\n").unwrap();
    let section = export.posts[0].comments.as_ref().unwrap();
    assert_eq!((section.declared, section.items.len()), (Some(3), 0));
    assert_eq!(diags(&export), [(DiagnosticKind::CommentCountMismatch, 7)]);
}

#[test]
fn comment_section_with_no_post() {
    let input = "2 comments:\n\n  1. Orphan.\n\n    ReplyDelete\n\nFriday 25 July 2014\n\nTitle";
    let export = parse(input).unwrap();
    let orphans = export.orphan_comments.as_ref().unwrap();
    assert_eq!(orphans.items.len(), 1);
    assert_eq!(diags(&export), [(DiagnosticKind::CommentCountMismatch, 1)]);
    // With no date header at all, they are the comments of one undated post.
    let export = parse("2 comments:\n\n  1. Orphan.\n\n    ReplyDelete").unwrap();
    assert_eq!(export.posts[0].date, None);
    assert_eq!(export.posts[0].comment_count(), 1);
    assert!(export.orphan_comments.is_none());
}

#[test]
fn comment_numbers_that_jump() {
    let input = "Friday 25 July 2014\n\nT\n\n2 comments:\n\n  1. A.\n\n    ReplyDelete\n  5. B.\n\n    ReplyDelete";
    let export = parse(input).unwrap();
    assert_eq!(
        diags(&export),
        [(DiagnosticKind::CommentNumberOutOfSequence, 10)]
    );
}

#[test]
fn markers_with_no_comment() {
    // In a body, a marker is text.
    let export = parse("Friday 25 July 2014\n\nT\n\n    ReplyDelete\n\nDelete").unwrap();
    assert_eq!(export.posts[0].body.len(), 2);
    assert!(export.diagnostics.is_empty());
    // In a comment section, it is a stray line.
    let export =
        parse("Friday 25 July 2014\n\nT\n\n1 comment:\n\n    Replies\n      Delete").unwrap();
    let section = export.posts[0].comments.as_ref().unwrap();
    assert_eq!(section.stray.len(), 2);
    assert_eq!(
        diags(&export),
        [
            (DiagnosticKind::CommentCountMismatch, 5),
            (DiagnosticKind::StrayText, 7),
            (DiagnosticKind::StrayText, 8)
        ]
    );
}

#[test]
fn nul_bytes_are_text() {
    let export = parse("Friday 25 July 2014\n\nT\0tle\n\n\0\0\0").unwrap();
    assert_eq!(export.posts[0].title.as_deref(), Some("T\0tle"));
    assert_eq!(export.posts[0].body.len(), 1);
}

#[test]
fn a_five_megabyte_line() {
    let line = "word ".repeat(1_000_000);
    let input = format!("Friday 25 July 2014\n\nTitle\n\n{line}");
    let export = parse(&input).unwrap();
    assert_eq!(export.posts[0].body[0].span().len(), line.trim_end().len());
}

#[test]
fn twenty_thousand_posts() {
    let input = "Friday 25 July 2014\n\nTitle\n\nBody.\n\n".repeat(20_000);
    let export = parse(&input).unwrap();
    assert_eq!(export.posts.len(), 20_000);
    assert_eq!(export.posts[19_999].header_span.line, 20_000 * 6 - 5);
}

#[test]
fn one_post_of_400_000_lines() {
    let mut input = String::from("Friday 25 July 2014\n\nTitle\n\n");
    for i in 0..400_000 {
        input.push_str(if i % 3 == 2 { "\n" } else { "a line of text\n" });
    }
    let export = parse(&input).unwrap();
    assert_eq!(export.posts.len(), 1);
    assert_eq!(export.posts[0].body.len(), 133_334);
}

#[test]
fn a_hundred_thousand_asterisks() {
    let input = format!("Friday 25 July 2014\n\nTitle\n\n{}", "*".repeat(100_000));
    let export = parse(&input).unwrap();
    assert!(
        matches!(&export.posts[0].body[0], blog_export::Block::Separator(s) if s.text.len() == 100_000)
    );
}

/// Either a parse, or the error for an input without a valid post.
fn parses_or_has_no_post(input: &str) {
    match parse(input) {
        Ok(export) => {
            assert!(!export.posts.is_empty());
            common::assert_lossless(input, &export);
        }
        Err(e) => assert!(
            matches!(e.kind(), ErrorKind::Empty | ErrorKind::NoDateHeader),
            "{e}"
        ),
    }
}

#[test]
fn each_seed_cut_at_many_points() {
    for seed in common::seeds() {
        let step = (seed.len() / 40).max(1);
        for cut in (0..seed.len()).step_by(step) {
            let mut end = cut;
            while !seed.is_char_boundary(end) {
                end -= 1;
            }
            parses_or_has_no_post(&seed[..end]);
            parses_or_has_no_post(&seed[end..]);
        }
    }
}

#[test]
fn each_seed_with_its_lines_shuffled() {
    for seed in common::seeds() {
        let mut lines: Vec<&str> = seed.lines().collect();
        // A fixed shuffle (a linear congruential generator), so runs repeat.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for i in (1..lines.len()).rev() {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            lines.swap(i, (state >> 33) as usize % (i + 1));
        }
        parses_or_has_no_post(&lines.join("\n"));
    }
}

#[test]
fn invalid_header_with_comments_after_a_post_with_comments() {
    // Found by fuzzing: the second section's header was lost in the merge.
    let input = "Friday 25 July 2014\n\nT\n\n1 comment:\n\n  1. A.\n\n    ReplyDelete\n\nFriday 31 February 2014\n\nU\n\nNo comments:\n\n  1. B.\n\n    ReplyDelete";
    let export = parse(input).unwrap();
    let section = export.posts[0].comments.as_ref().unwrap();
    assert_eq!(section.items.len(), 2);
    // The lines between the two threads stay in the first, in order.
    let stray: Vec<&str> = section.stray.iter().map(|p| &*p.text).collect();
    assert_eq!(stray, ["Friday 31 February 2014", "U", "No comments:"]);
    let covered: usize = export.elements().iter().map(|e| e.span.len()).sum();
    let non_space = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(char::len_utf8)
        .sum::<usize>();
    assert!(covered >= non_space);
}

#[test]
fn invalid_first_header_with_comments() {
    // Found by fuzzing: the comments of a post whose header names no real
    // day, with no post before it, lost their numbers and markers.
    let input = "Intro.\n\n1 comment:\n\n  1. A.\n\n    ReplyDelete\n\nSunday 54 July 2014\n\nSwans\n\n2 comments:\n\n  1. B.\n\n    ReplyDelete\n\nFriday 25 July 2014\n\nT";
    let export = parse(input).unwrap();
    assert_eq!(export.orphan_comments.as_ref().unwrap().items.len(), 1);
    assert_eq!(export.posts.len(), 1);
    common::assert_lossless(input, &export);
}

#[test]
fn invalid_header_after_a_page_tail_keeps_a_classic_comment_time() {
    // Found by fuzzing: a classic `At 8:20 AM, ... said...` comment of a
    // post whose header names no real day, after a page tail, lost its
    // time's text when its lines went back to the tail.
    let input = "Thursday, May 3, 2007\n\nT\n\nBody.\n\nPost a Comment\n\n<< Home\n\nWednesday, May 0, 2007\n\nU\n\nText.\n\n\nAt 8:20 AM, Blogger Tom said...\n\nOh no!\n";
    let export = parse(input).unwrap();
    assert_eq!(export.posts.len(), 1);
    common::assert_lossless(input, &export);
    let tail: Vec<&str> = export.posts[0].furniture.iter().map(|f| &*f.text).collect();
    assert!(tail.contains(&"At 8:20 AM,"), "{tail:?}");
}

#[test]
fn demoted_header_in_the_preamble_keeps_input_order() {
    // Found by fuzzing: a weekday-less "post" before the first real one,
    // given back to the preamble, put its furniture after its comments.
    let input = "Intro.\n\n1 comment:\n\n  1. A.\n\n    ReplyDelete\n\n18 April 2008\n\nLetters\n\nBody.\n\nPost a Comment\n\n2 comments:\n\n  1. B.\n\n    ReplyDelete\n\nFriday 25 July 2014\n\nT\n";
    let export = parse(input).unwrap();
    assert_eq!(export.posts.len(), 1);
    common::assert_lossless(input, &export);
    let starts: Vec<usize> = export.preamble.iter().map(|b| b.span().start).collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
}

/// `parse_file` gives owned values; a file that is not UTF-8 is a read
/// error naming the path, with the line, column and byte offset of the
/// first bad byte.
#[test]
fn parse_file_names_the_path_and_the_bad_byte() {
    let dir = std::env::temp_dir().join(format!("blog-export-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("latin1.txt");
    std::fs::write(&bad, b"Friday 25 July 2014\n\nCaf\xe9\n").unwrap();
    let err = blog_export::parse_file(&bad).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Read);
    assert_eq!(err.offset(), Some(24));
    assert_eq!((err.line(), err.column()), (3, 4));
    assert!(err.message().contains(&*bad.to_string_lossy()), "{err}");
    assert!(
        err.message()
            .ends_with("not UTF-8: invalid byte at offset 24"),
        "{err}"
    );

    let good = dir.join("good.txt");
    std::fs::write(&good, "Friday 25 July 2014\n\nT\n\nBody.").unwrap();
    let export: blog_export::Export<'static> = blog_export::parse_file(&good).unwrap();
    assert_eq!(export.posts[0].title.as_deref(), Some("T"));
    std::fs::remove_dir_all(&dir).unwrap();
}
