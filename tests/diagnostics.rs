//! One test per diagnostic, and the errors that stand for no post.

use blog_export::{parse, DiagnosticKind, ErrorKind};

mod common;

fn kinds(input: &str) -> Vec<(DiagnosticKind, u32, u32)> {
    parse(input)
        .unwrap()
        .diagnostics
        .iter()
        .map(|d| (d.kind, d.span.line, d.span.column))
        .collect()
}

#[test]
fn weekday_mismatch() {
    let export = parse("\nMonday, 25 July 2014\n\nTitle\n\nBody.").unwrap();
    let d = &export.diagnostics[0];
    assert_eq!(d.kind, DiagnosticKind::WeekdayMismatch);
    assert_eq!((d.span.line, d.span.column), (2, 1));
    assert_eq!(
        d.message,
        "`Monday, 25 July 2014`: 25 July 2014 was a Friday, not a Monday"
    );
    // The post keeps its date and the weekday as written.
    assert_eq!(export.posts[0].weekday, Some(chrono::Weekday::Mon));
    assert_eq!(export.posts[0].date.unwrap().to_string(), "2014-07-25");
}

#[test]
fn declared_count_differs_from_listed() {
    let input = "Friday 25 July 2014\n\nT\n\n3 comments:\n\n  1. A.\n\n    ReplyDelete\n    Replies\n    1. B.\n\n      Delete";
    let export = parse(input).unwrap();
    let d = &export.diagnostics[0];
    assert_eq!(d.kind, DiagnosticKind::CommentCountMismatch);
    assert_eq!((d.span.line, d.span.column), (5, 1));
    assert_eq!(d.message, "the header declares 3 comments but 2 are listed");
}

#[test]
fn declared_count_that_matches_gives_nothing() {
    let input = "Friday 25 July 2014\n\nT\n\n1 comment:\n\n  1. A.\n\n    ReplyDelete";
    assert_eq!(kinds(input), []);
}

#[test]
fn comment_numbers_out_of_sequence() {
    let input = "Friday 25 July 2014\n\nT\n\n3 comments:\n\n  1. A.\n\n    ReplyDelete\n  3. C.\n\n    ReplyDelete\n    Replies\n    2. D.\n\n      Delete";
    assert_eq!(
        kinds(input),
        [
            (DiagnosticKind::CommentNumberOutOfSequence, 10, 3),
            (DiagnosticKind::CommentNumberOutOfSequence, 14, 5),
        ]
    );
}

#[test]
fn invalid_date_is_kept_as_text_of_the_post_before() {
    let input =
        "Friday 25 July 2014\n\nFirst\n\nBody.\n\nFriday 31 February 2014\n\nSecond\n\nMore.";
    let export = parse(input).unwrap();
    assert_eq!(export.posts.len(), 1);
    assert_eq!(kinds(input), [(DiagnosticKind::InvalidDate, 7, 1)]);
    let texts: Vec<String> = export.posts[0]
        .body
        .iter()
        .map(|b| b.span().source(input).to_string())
        .collect();
    assert_eq!(
        texts,
        ["Body.", "Friday 31 February 2014", "Second", "More."]
    );
}

#[test]
fn stray_line_in_a_comment_section() {
    let input = "Friday 25 July 2014\n\nT\n\n2 comments:\n\n  1. A.\n\n    ReplyDelete\n\nSome stray words\n\n  2. B.\n\n    ReplyDelete";
    let export = parse(input).unwrap();
    assert_eq!(kinds(input), [(DiagnosticKind::StrayText, 11, 1)]);
    assert_eq!(
        export.posts[0].comments.as_ref().unwrap().stray[0].text,
        "Some stray words"
    );
}

#[test]
fn unindented_text_after_the_last_comment_is_the_blogs_footer() {
    let input = "Friday 25 July 2014\n\nT\n\n1 comment:\n\n  1. A.\n\n    ReplyDelete\n\n    indented words\n\nThanks for stopping by!\nRelated Posts";
    let export = parse(input).unwrap();
    let post = &export.posts[0];
    let comments = post.comments.as_ref().unwrap();
    assert_eq!(comments.items.len(), 1);
    let furniture: Vec<&str> = post.furniture.iter().map(|f| f.text.as_ref()).collect();
    assert_eq!(furniture, ["Thanks for stopping by!", "Related Posts"]);
    // An indented line after the last comment is not the blog's: stray.
    assert_eq!(comments.stray[0].text, "indented words");
    assert_eq!(kinds(input), [(DiagnosticKind::StrayText, 11, 5)]);
}

#[test]
fn no_date_header_is_one_undated_post_from_the_first_non_blank_line() {
    let input = "\n\n   Some text\nmore text\n";
    assert_eq!(kinds(input), [(DiagnosticKind::NoDateHeader, 3, 4)]);
    let export = parse(input).unwrap();
    let post = &export.posts[0];
    assert_eq!((post.date, post.weekday, &post.title), (None, None, &None));
    assert_eq!(post.body.len(), 1);
    assert_eq!(post.post_id(), "undated-some-text-more-text");
    // A first line of its own is the title; comments are the post's.
    let input = "A letter home\n\nDear Mum,\n\nAll is well.\n\nLove, Ann\n\n1 comment:\n\nBob said...\n\nLovely.\n";
    let export = parse(input).unwrap();
    let post = &export.posts[0];
    assert_eq!(post.title.as_deref(), Some("A letter home"));
    assert_eq!(post.letters().count(), 1);
    assert_eq!(post.comment_count(), 1);
    common::assert_lossless(input, &export);
    // Strict parsing refuses it.
    let err = blog_export::parse_with(input, &blog_export::ParseOptions::strict()).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Strict(DiagnosticKind::NoDateHeader));
    // Headers that name no real day are still an error: the header is
    // there, but wrong.
    let err = parse("Friday 31 February 2014\n\nText\n").unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::NoDateHeader);
}

#[test]
fn diagnostics_are_in_input_order() {
    let input = "Monday 25 July 2014\n\nT\n\n2 comments:\n\n  1. A.\n\n    ReplyDelete\n\nMonday 26 July 2014\n\nU";
    let lines: Vec<u32> = kinds(input).iter().map(|k| k.1).collect();
    assert_eq!(lines, [1, 5, 11]);
}

/// Found by the property tests: a footer line and a furniture line of a
/// section keep their order in the post's furniture.
#[test]
fn footer_and_furniture_stay_in_order() {
    let input = "Friday 25 July 2014\n\nT\n\n3 Comments:\nOctober 7, 2004\nPost a Comment";
    let export = parse(input).unwrap();
    let furniture: Vec<&str> = export.posts[0]
        .furniture
        .iter()
        .map(|f| f.text.as_ref())
        .collect();
    assert_eq!(furniture, ["October 7, 2004", "Post a Comment"]);
}
