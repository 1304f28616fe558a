//! Comment sections in every template (`tests/fixtures/`: one made-up page
//! per shape), the evidence that tells comments from a numbered list, and
//! a property: the same thread written in any template gives the same
//! comments.

use blog_export::{parse, Comment, DiagnosticKind, Export};
use proptest::prelude::*;

mod common;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

/// A comment as (number, author, number of replies).
type Item = (u32, Option<String>, usize);

/// Each post's comments, or `None`.
fn threads(export: &Export) -> Vec<Option<Vec<Item>>> {
    export
        .posts
        .iter()
        .map(|p| {
            p.comments.as_ref().map(|s| {
                s.items
                    .iter()
                    .map(|c| (c.number, author(c), c.replies.len()))
                    .collect()
            })
        })
        .collect()
}

fn author(c: &Comment) -> Option<String> {
    c.author.as_ref().map(|a| a.text.to_string())
}

/// (date, time) of each comment of post `post`.
fn posted(export: &Export, post: usize) -> Vec<(Option<String>, Option<String>)> {
    export.posts[post]
        .comments
        .iter()
        .flat_map(|s| &s.items)
        .map(|c| match &c.posted {
            Some(p) => (
                p.date.map(|d| d.to_string()),
                p.time.map(|t| t.format("%H:%M").to_string()),
            ),
            None => (None, None),
        })
        .collect()
}

fn kinds(export: &Export) -> Vec<(DiagnosticKind, u32)> {
    export
        .diagnostics
        .iter()
        .map(|d| (d.kind, d.span.line))
        .collect()
}

/// Which evidence makes numbered lines comments rather than a list:
/// - they end the post (only blank or indented lines follow, up to the next
///   post or the end), indented one to three spaces, `1.` first;
/// - their numbers count up from 1;
/// - their items stand apart (a blank line between them).
///
/// A list in the middle of the body, a list whose numbers skip, and a
/// tight list at the end stay text.
#[test]
fn numbered_comments_with_no_header_and_the_lists_that_stay_text() {
    let input = fixture("headerless_numbered");
    let export = parse(&input).unwrap();
    assert_eq!(
        threads(&export),
        [
            Some(vec![(1, None, 0), (2, None, 1), (3, None, 0)]),
            None,
            None
        ]
    );
    let first = &export.posts[0];
    let section = first.comments.as_ref().unwrap();
    assert_eq!(section.declared, None);
    // The list in the middle of the body is a paragraph of the body.
    assert!(first
        .body
        .iter()
        .any(|b| b.span().source(&input).starts_with("1. A dibber")));
    // A comment's further paragraph (indented) is its own text.
    assert_eq!(
        section.items[1].paragraphs[0].text,
        "Which variety did you go for? Aquadulce is the one round here.\nIt stands the frost better than most."
    );
    // The skipping list and the tight list stay in their bodies, and say so.
    assert_eq!(
        kinds(&export),
        [
            (DiagnosticKind::ListKeptAsText, 31),
            (DiagnosticKind::ListKeptAsText, 41)
        ]
    );
    assert_eq!(export.posts[1].body.len(), 3);
    assert_eq!(export.posts[2].body.len(), 3);
    common::assert_lossless(&input, &export);
}

#[test]
fn said_comments_with_no_header_but_not_prose_that_says() {
    let input = fixture("said_no_header");
    let export = parse(&input).unwrap();
    let s = |a: &str| Some(a.to_string());
    assert_eq!(
        threads(&export),
        [Some(vec![
            (1, s("Rosa T."), 0),
            (2, s("Anonymous"), 0),
            (3, s("Big Al & the Kids"), 0),
            (4, s("K.-M. Otieno [plot 14]"), 0),
        ])]
    );
    // `My grandmother always said...` is the post's prose.
    let body: Vec<&str> = export.posts[0]
        .body
        .iter()
        .map(|b| b.span().source(&input))
        .collect();
    assert_eq!(body[1], "My grandmother always said...");
    assert_eq!(export.posts[0].comments.as_ref().unwrap().declared, None);
    assert!(export.diagnostics.is_empty());
    common::assert_lossless(&input, &export);
}

/// Which evidence makes a `said` line open comments with no header: the
/// classic template's time before the name, two blank lines before it, or
/// another `said` line after it. One in the middle of a post is prose.
#[test]
fn said_lines_open_comments_only_with_evidence() {
    let page = |gap: &str, line: &str, rest: &str| {
        format!("Friday 25 July 2014\n\nNews\n\nThe minister spoke.\n{gap}{line}\n\nThat all was well.\n{rest}")
    };
    let comments = |input: &str| {
        let export = parse(input).unwrap();
        common::assert_lossless(input, &export);
        export.posts[0].comments.as_ref().map(|s| s.items.len())
    };
    assert_eq!(
        comments(&page("\n", "Mr Grayling said...", "\nWe disagree.\n")),
        None
    );
    assert_eq!(comments(&page("\n\n", "Jane said...", "")), Some(1));
    // A lone comment under the post, by a handle (one word, all small
    // letters, or two or three capitalised words not opened by a form of
    // address), short and to the end of the post; not one that more of the
    // post follows, nor a long one.
    assert_eq!(comments(&page("\n", "kb said...", "")), Some(1));
    assert_eq!(comments(&page("\n", "jane doe said...", "")), Some(1));
    assert_eq!(comments(&page("\n", "Jane Roe said...", "")), Some(1));
    assert_eq!(comments(&page("\n", "Dr. Jane Roe said...", "")), None);
    assert_eq!(
        comments(&page("\n", "The Man At The Bar said...", "")),
        None
    );
    assert_eq!(
        comments(&page(
            "\n",
            "Jane said...",
            "\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n"
        )),
        None
    );
    assert_eq!(
        comments(&page(
            "\n",
            "Jane said...",
            "\nOne.\n\nTwo.\n\nThree.\n\nFour.\n"
        )),
        Some(1)
    );
    assert_eq!(
        comments(&page("\n", "Jane said...", "\nBob said...\n\nNo.\n")),
        Some(2)
    );
    // A commenter's name may be a blog's, ending as it does.
    assert_eq!(
        comments(&page(
            "\n\n",
            "The Family said...",
            "\nsonia@where next? said...\n\nSo cute.\n"
        )),
        Some(2)
    );
    assert_eq!(
        comments(&page(
            "\n",
            "At 10:22 AM, Blogger The Archivist said...",
            ""
        )),
        Some(1)
    );
    // The classic template prints each comment's time under its text and
    // the next name right under the time, with no blank line: that name
    // still shows that comments go on. A time over a line that is not a
    // `said` line shows nothing.
    let classic = "\nThat all was well.\n\n2:42 PM\nBlogger Bob Roe said...\n\nNo.\n\n5:03 PM\n";
    assert_eq!(
        comments(&page("\n", "Blogger Jane Doe said...", classic)),
        Some(2)
    );
    assert_eq!(
        comments(&page(
            "\n",
            "Blogger Jane Doe said...",
            "\nThat all was well.\n\n2:42 PM\nBob Roe agreed.\n\nNo.\n"
        )),
        None
    );
    // A header in the blog's own words right above (`1 Response(s):`),
    // which the grammar does not know, shows that comments start: the
    // lone comment may be indented; it declares its count. A line of
    // prose above shows nothing.
    let own = |above: &str| {
        let input = format!("Friday 25 July 2014\n\nNews\n\nThe minister spoke.\n\n{above}\n\n    Calju said...\n\n    I love it, and the hills.\n");
        let export = parse(&input).unwrap();
        common::assert_lossless(&input, &export);
        export.posts[0]
            .comments
            .as_ref()
            .map(|s| (s.declared, s.items.len()))
    };
    assert_eq!(own("1 Response(s):"), Some((Some(1), 1)));
    assert_eq!(own("We went up the hill at noon."), None);
    // The newer templates' shape: the text indented under the name and the
    // comment's time on a line after it; not an indented quotation with no
    // time, a time after text that is not indented (a letter's date), or a
    // time followed by more of the body.
    let indented = "\n    That all was well.\n\n    July 26, 2014 at 3:45 PM\n";
    let timed = |rest: &str| {
        format!("Friday 25 July 2014\n\nNews\n\nThe minister spoke.\n\nJane said...\n{rest}")
    };
    assert_eq!(comments(&timed(indented)), Some(1));
    assert_eq!(
        comments(&timed(&format!("{indented}\nPost a Comment\n"))),
        Some(1)
    );
    assert_eq!(comments(&timed("\n    That all was well.\n")), None);
    assert_eq!(
        comments(&timed(
            "\nThat all was well.\n\n14 July 2014 11:16\n\nDear Ms Hughes,\n"
        )),
        None
    );
    assert_eq!(
        comments(&timed(&format!("{indented}\nAnd the body goes on.\n"))),
        None
    );
    // Prose that says is never a name, whatever follows.
    assert_eq!(
        comments(&page("\n\n", "He said...", "\nShe said...\n")),
        None
    );
}

#[test]
fn classic_template_with_and_without_header() {
    let input = fixture("classic_template");
    let export = parse(&input).unwrap();
    let s = |a: &str| Some(a.to_string());
    assert_eq!(
        threads(&export),
        [
            Some(vec![
                (1, s("Tom Ashby"), 0),
                (2, s("Anonymous"), 0),
                (3, s("Ellie"), 0),
                (4, s("Anonymous"), 0),
            ]),
            Some(vec![(1, s("Tom Ashby"), 0)]),
        ]
    );
    assert_eq!(export.posts[0].comments.as_ref().unwrap().declared, Some(4));
    let t = |d: Option<&str>, t: &str| (d.map(str::to_string), Some(t.to_string()));
    assert_eq!(
        posted(&export, 0),
        [
            t(None, "18:02"),
            t(None, "19:30"),
            t(Some("2007-05-04"), "09:15"),
            t(None, "10:41"),
        ]
    );
    // The label is in the author's span, not its text; `At` and the comma
    // are in the time's span.
    let third = &export.posts[0].comments.as_ref().unwrap().items[2];
    assert_eq!(
        third.author.as_ref().unwrap().span.source(&input),
        "Blogger Ellie"
    );
    let when = third.posted.as_ref().unwrap();
    assert_eq!(when.text, "9:15 AM, May 4, 2007");
    assert_eq!(when.span.source(&input), "At 9:15 AM, May 4, 2007 ,");
    // `Post a Comment` and `<< Home` are page furniture.
    let furniture: Vec<&str> = export.posts[0].furniture.iter().map(|f| &*f.text).collect();
    assert_eq!(furniture, ["Post a Comment", "<< Home"]);
    assert!(export.diagnostics.is_empty());
    common::assert_lossless(&input, &export);
}

/// Some classic templates set a bullet before each comment's line (`  •
/// At 1:30 PM, Blogger Ann said…`): those lines are comments, with or
/// without a header, not a list in the body; a bullet item of text stays
/// a list.
#[test]
fn classic_comments_with_a_bullet() {
    let s = |a: &str| Some(a.to_string());
    let input = "Thursday, June 15, 2006\n\nMy first job\n\nWe went out.\n\n  • Eggs\n  • Milk\n\n\n  • At 1:30 PM, Blogger Ann Lee said…\n\n    Lovely.\n\n  • At 3:27 PM, Anonymous said…\n\n    Me too.\n\n\nPost a Comment\n\n<< Home\n";
    let export = parse(input).unwrap();
    assert_eq!(
        threads(&export),
        [Some(vec![(1, s("Ann Lee"), 0), (2, s("Anonymous"), 0)])]
    );
    let lists = export.posts[0]
        .body
        .iter()
        .filter(|b| matches!(b, blog_export::Block::List(_)))
        .count();
    assert_eq!(lists, 1);
    assert_eq!(posted(&export, 0), [(None, s("13:30")), (None, s("15:27"))]);
    common::assert_lossless(input, &export);
    // Under a header too.
    let input = "Thursday, June 15, 2006\n\nMy first job\n\nWe went out.\n\n1 comment:\n\n  • At 1:30 PM, Blogger Ann said…\n\n    Lovely.\n";
    let export = parse(input).unwrap();
    assert_eq!(threads(&export), [Some(vec![(1, s("Ann"), 0)])]);
    common::assert_lossless(input, &export);
}

#[test]
fn time_lines_after_and_before_comments() {
    let input = fixture("timestamps_after");
    let export = parse(&input).unwrap();
    let t = |d: &str, t: &str| (Some(d.to_string()), Some(t.to_string()));
    assert_eq!(
        posted(&export, 0),
        [
            t("2010-10-10", "15:45"),
            // Both numbers could be the month: a 12-hour clock reads month
            // first, a 24-hour one day first.
            t("2010-10-11", "09:02"),
            t("2010-10-11", "21:30"),
        ]
    );
    assert_eq!(
        posted(&export, 1),
        [
            t("2010-10-09", "15:45"),
            t("2011-01-05", "10:34"),
            t("2014-12-30", "02:07"),
            (None, None),
        ]
    );
    // A time line is never a post header, and a name right after it
    // starts the next comment.
    assert_eq!(export.posts.len(), 2);
    assert_eq!(
        threads(&export)[1].as_ref().map(Vec::len),
        Some(4),
        "four comments"
    );
    assert!(export.diagnostics.is_empty());
    common::assert_lossless(&input, &export);
}

#[test]
fn header_variants_declare_their_counts() {
    let input = fixture("header_variants");
    let export = parse(&input).unwrap();
    let declared: Vec<Option<u32>> = export
        .posts
        .iter()
        .map(|p| p.comments.as_ref().and_then(|s| s.declared))
        .collect();
    assert_eq!(declared, [Some(1), Some(0), Some(2)]);
    assert!(export.diagnostics.is_empty());
}

/// Under a header, with no author line or number to mark them, plain
/// paragraphs as many as the header declares are its comments; a comment
/// policy under a header whose comments the page left out is not one.
#[test]
fn unmarked_comments_as_many_as_declared() {
    for input in [
        "Tuesday, 10 March 2009\nA title\nThe post.\n1 comment:\nLovely words.\nPost a Comment\n",
        "Tuesday, 10 March 2009\n\nA title\n\nThe post.\n\n2 comments:\n\nLovely.\nTruly.\n\nMe too!\n",
    ] {
        let export = parse(input).unwrap();
        let section = export.posts[0].comments.as_ref().unwrap();
        assert_eq!(section.items.len() as u32, section.declared.unwrap(), "{input}");
        assert!(section.items.iter().all(|c| c.author.is_none()));
        assert_eq!(section.items[0].paragraphs[0].text.split('\n').count(), 1 + input.contains("Truly") as usize);
        assert!(export.diagnostics.is_empty(), "{:?}", export.diagnostics);
        common::assert_lossless(input, &export);
    }
    let input = "Tuesday, 10 March 2009\n\nA title\n\nThe post.\n\n2 comments:\n\nComments are moderated.\n";
    let export = parse(input).unwrap();
    assert!(export.posts[0].comments.as_ref().unwrap().items.is_empty());
    // A related-posts widget under the header is the page's furniture, not
    // the declared comment.
    let input = "Tuesday, 10 March 2009\n\nA title\n\nThe post.\n\n1 comment:\n\nRelated Posts Widget for WordPress, Blogger...\n";
    let export = parse(input).unwrap();
    assert!(export.posts[0].comments.as_ref().unwrap().items.is_empty());
    assert_eq!(
        export.posts[0].furniture[0].text,
        "Related Posts Widget for WordPress, Blogger..."
    );
    common::assert_lossless(input, &export);
}

#[test]
fn abbreviated_months_start_posts_on_weekdayless_pages() {
    let input = fixture("abbreviated_months");
    let export = parse(&input).unwrap();
    assert_eq!(
        common::dates(&export),
        ["2007-09-03", "2007-08-30", "2005-02-09"]
    );
    // A date line right before a salutation is the letter's date.
    let letter = export.posts[2].letters().next().unwrap();
    assert_eq!(letter.sent.as_ref().unwrap().at.to_string(), "2005-01-12");
    // Right under a title, a date that stands as a header starts a post.
    let input = "Feb 9, 2005\n\nFirst post\n\nMar 1, 2005\n\nA month in\n\nText.";
    let export = parse(input).unwrap();
    assert_eq!(export.posts.len(), 2);
    assert_eq!(export.posts[1].title.as_deref(), Some("A month in"));
}

#[test]
fn long_prose_under_the_header_is_an_untitled_body() {
    let input = fixture("long_first_line");
    let export = parse(&input).unwrap();
    assert_eq!(export.posts[0].title, None);
    assert_eq!(export.posts[0].body.len(), 2);
    // A long title of one sentence is still a title.
    assert_eq!(
        export.posts[1].title.as_deref(),
        Some("A Walk Along the River Before the Weather Turned, With Notes on the Birds We Saw")
    );
}

#[test]
fn salutations_to_a_group_open_letters() {
    let input = fixture("group_salutation");
    let export = parse(&input).unwrap();
    let letter = export.posts[0].letters().next().unwrap();
    assert_eq!(letter.salutation.as_ref().unwrap().text, "To all members,");
    assert_eq!(
        letter.valediction.as_ref().unwrap().text,
        "With best wishes,"
    );
    let signature = letter.signature.as_ref().unwrap();
    assert_eq!(signature.name.text, "Hazel Brook");
    assert_eq!(signature.roles[0].text, "Secretary");
}

/// A comment thread: each comment's author, its text, and its replies'
/// texts.
#[derive(Debug, Clone)]
struct Thread(Vec<(String, String, Vec<String>)>);

const NAMES: &[&str] = &[
    "Jane",
    "Bob Smith",
    "Owen [notes]",
    "Priya N",
    "Mary-Kate O'Neill",
    "J. Lee",
    "Tom & Ann",
];

const WORDS: &[&str] = &[
    "lovely", "post", "the", "garden", "looks", "thanks", "for", "sharing", "we", "saw", "it",
    "too", "what", "a", "view", "rain", "again", "today",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 2..9).prop_map(|words| {
        let mut text = words.join(" ");
        text[..1].make_ascii_uppercase();
        text + "."
    })
}

fn thread(with_replies: bool) -> impl Strategy<Value = Thread> {
    let replies = if with_replies { 0..3usize } else { 0..1 };
    prop::collection::vec(
        (
            prop::sample::select(NAMES),
            sentence(),
            prop::collection::vec(sentence(), replies),
        )
            .prop_map(|(name, text, replies)| (name.to_string(), text, replies)),
        1..7,
    )
    .prop_map(Thread)
}

const POST: &str = "Friday 25 July 2014\n\nA Post\n\nThe body of the post.\n";

impl Thread {
    fn total(&self) -> usize {
        self.0.iter().map(|(_, _, r)| 1 + r.len()).sum()
    }

    /// The seeds' template: header, numbers, markers, replies.
    fn headered(&self) -> String {
        let mut out = format!("{POST}\n{} comments:\n", self.total());
        for (i, (_, text, replies)) in self.0.iter().enumerate() {
            out += &format!("\n  {}. {text}\n\n    ReplyDelete\n", i + 1);
            if !replies.is_empty() {
                out += "    Replies\n";
                for (j, reply) in replies.iter().enumerate() {
                    out += &format!("    {}. {reply}\n\n      Delete\n", j + 1);
                }
            }
        }
        out
    }

    /// Numbered, no header, no markers; replies at four spaces.
    fn numbered_bare(&self) -> String {
        let mut out = format!("{POST}\n");
        for (i, (_, text, replies)) in self.0.iter().enumerate() {
            out += &format!("\n  {}. {text}\n", i + 1);
            for (j, reply) in replies.iter().enumerate() {
                out += &format!("\n    {}. {reply}\n", j + 1);
            }
        }
        out
    }

    /// `Jane said...` with no header (replies do not exist in it).
    fn said(&self) -> String {
        let mut out = format!("{POST}\n");
        for (name, text, _) in &self.0 {
            out += &format!("\n{name} said...\n\n{text}\n");
        }
        out
    }

    /// The classic template, with or without its header.
    fn classic(&self, header: bool) -> String {
        let mut out = format!("{POST}\n");
        if header {
            out += &format!("{} Comments:\n", self.0.len());
        }
        for (i, (name, text, _)) in self.0.iter().enumerate() {
            let label = if i % 2 == 0 { "Blogger " } else { "" };
            out += &format!("\nAt {}:1{i} PM, {label}{name} said...\n\n{text}\n", i + 1);
        }
        out += "\nPost a Comment\n\n<< Home\n";
        out
    }

    /// A newer template: names, the text indented, time lines after the
    /// text; with its header, or with none and one blank line before the
    /// first name (the indented text and its time line are the evidence).
    fn timestamped(&self, header: bool) -> String {
        let mut out = format!("{POST}\n");
        if header {
            out += &format!("{} comments:\n\n", self.0.len());
        }
        for (i, (name, text, _)) in self.0.iter().enumerate() {
            out += &format!("{name} said...\n\n    {text}\n\n    July 2{i}, 2014 at 3:4{i} PM\n");
        }
        out
    }
}

fn comments(input: &str) -> (usize, usize, Vec<Option<String>>) {
    let export = parse(input).unwrap();
    common::assert_lossless(input, &export);
    assert_eq!(export.posts.len(), 1, "{input}");
    let section = export.posts[0].comments.as_ref();
    let items = section.map_or(&[][..], |s| &s.items[..]);
    (
        items.len(),
        items.iter().map(|c| c.replies.len()).sum(),
        items.iter().map(author).collect(),
    )
}

proptest! {
    #![proptest_config(common::config())]

    /// The same thread, written in each template, gives the same number of
    /// comments (and replies, where the template has them), and the same
    /// authors where the template names them.
    #[test]
    fn every_template_keeps_the_comments(t in thread(true)) {
        let top = t.0.len();
        let replies: usize = t.0.iter().map(|(_, _, r)| r.len()).sum();
        let names: Vec<Option<String>> = t.0.iter().map(|(n, _, _)| Some(n.clone())).collect();
        prop_assert_eq!(comments(&t.headered()), (top, replies, vec![None; top]));
        prop_assert_eq!(comments(&t.numbered_bare()), (top, replies, vec![None; top]));
        prop_assert_eq!(comments(&t.said()), (top, 0, names.clone()));
        prop_assert_eq!(comments(&t.classic(true)), (top, 0, names.clone()));
        prop_assert_eq!(comments(&t.classic(false)), (top, 0, names.clone()));
        prop_assert_eq!(comments(&t.timestamped(true)), (top, 0, names.clone()));
        prop_assert_eq!(comments(&t.timestamped(false)), (top, 0, names));
    }
}

#[test]
fn nameless_profiles_and_said_lines_with_their_time() {
    // The classic template prints `Blogger` alone for a profile with no
    // name left: the comment has no author.
    let input = "Friday 25 July 2014\n\nT\n\nText.\n\n2 comments:\n\nAt 7:14 PM, Blogger Jane said...\n\nLovely.\n\nAt 8:20 PM, Blogger said...\n\nIndeed it is.\n";
    let export = parse(input).unwrap();
    let s = |a: &str| Some(a.to_string());
    assert_eq!(
        threads(&export),
        [Some(vec![(1, s("Jane"), 0), (2, None, 0)])]
    );
    let second = &export.posts[0].comments.as_ref().unwrap().items[1];
    assert_eq!(second.lead_span.source(input), "Blogger said...");
    assert_eq!(second.paragraphs[0].text, "Indeed it is.");
    common::assert_lossless(input, &export);

    // A numbered comment whose first line names its author, the time after
    // `said...`; the author's span runs over `said...`.
    let input = "Friday 25 July 2014\n\nT\n\nText.\n\n2 Responses to this post\n\n  1. Jane said... December 27, 2013 at 5:49 PM\n\n    Lovely.\n\n  2. Bob Hill said...\n\n    Indeed.\n";
    let export = parse(input).unwrap();
    assert_eq!(
        threads(&export),
        [Some(vec![(1, s("Jane"), 0), (2, s("Bob Hill"), 0)])]
    );
    assert_eq!(posted(&export, 0)[0], (s("2013-12-27"), s("17:49")));
    let first = &export.posts[0].comments.as_ref().unwrap().items[0];
    assert_eq!(first.lead_span.source(input), "1.");
    assert_eq!(
        first.author.as_ref().unwrap().span.source(input),
        "Jane said..."
    );
    assert_eq!(first.paragraphs[0].text, "Lovely.");
    common::assert_lossless(input, &export);

    // A classic line has its time before the name: a time after `said...`
    // does not make it a said line (no internal error).
    let input = "Friday 25 July 2014\n\nT\n\nText.\n\n1 comment:\n\nAt 7:14 PM, Blogger Jane said... May 2, 2013 at 5:49 PM\n\nHi.\n";
    let export = parse(input).unwrap();
    common::assert_lossless(input, &export);

    // Prose after `said...` keeps the line a paragraph.
    let input =
        "Friday 25 July 2014\n\nT\n\nText.\n\n1 comment:\n\n  1. Jane said... that it rained.\n";
    let export = parse(input).unwrap();
    assert_eq!(threads(&export), [Some(vec![(1, None, 0)])]);
}

#[test]
fn lone_comments_by_commenters_and_removed_ones() {
    let s = |a: &str| Some(a.to_string());
    // A first name and an initial signs as commenters do: a lone comment.
    let input =
        "Friday 25 July 2014\n\nT\n\nText of the post.\n\nRob L. said...\n\nWhat a letter.\n";
    assert_eq!(
        threads(&parse(input).unwrap()),
        [Some(vec![(1, s("Rob L."), 0)])]
    );
    // So does a full name (on the corpus's dev pages, each lone `said...`
    // line by one opened a comment); a form of address is whom a post
    // quotes: text.
    let input = "Friday 25 July 2014\n\nT\n\nText of the post.\n\nChris Grayling said...\n\nWhat a letter.\n";
    assert_eq!(
        threads(&parse(input).unwrap()),
        [Some(vec![(1, s("Chris Grayling"), 0)])]
    );
    let input =
        "Friday 25 July 2014\n\nT\n\nText of the post.\n\nMr Grayling said...\n\nWhat a letter.\n";
    assert_eq!(threads(&parse(input).unwrap()), [None]);
    // A removal notice ends its comment; the next `said` line follows it
    // with no blank line.
    let input = "Friday 25 July 2014\n\nT\n\nText.\n\n\nCathy K. said...\nThis comment has been removed by the author.\nCathy K. said...\n\nSecond try.\n\nAnonymous said...\n\nGood idea.\n";
    let export = parse(input).unwrap();
    assert_eq!(
        threads(&export),
        [Some(vec![
            (1, s("Cathy K."), 0),
            (2, s("Cathy K."), 0),
            (3, s("Anonymous"), 0)
        ])]
    );
    common::assert_lossless(input, &export);
}

/// A `said` comment that writes a list at the margin (`1. ...` / `2.
/// ...`) keeps it as its text, one paragraph with the line above; an
/// indented `  2. ` still starts a numbered comment.
#[test]
fn a_said_comments_list_at_the_margin_is_its_text() {
    let input = "Friday 25 July 2014\n\nT\n\nText of the post.\n\nbob said...\n\nI think that:\n1. the cost.\n2. the time.\n\nAnd more.\n";
    let export = parse(input).unwrap();
    let comments = &export.posts[0].comments.as_ref().unwrap().items;
    assert_eq!(comments.len(), 1);
    let texts: Vec<_> = comments[0].paragraphs.iter().map(|p| &*p.text).collect();
    assert_eq!(
        texts,
        ["I think that:\n1. the cost.\n2. the time.", "And more."]
    );
    common::assert_lossless(input, &export);
    let input = "Friday 25 July 2014\n\nT\n\nText.\n\n2 comments:\n\nAnn said...\n\nFirst.\n\n  2. Bob said...\n\n    Second.\n";
    let export = parse(input).unwrap();
    assert_eq!(export.posts[0].comments.as_ref().unwrap().items.len(), 2);
}

/// Templates that print no `said` word: the name, then the comment's date
/// and time, on the comment's first line (`bob smith August 21, 2008 at
/// 3:51 PM`). An email's date line with its weekday (`Thu 5/20/2010 2:45
/// PM`) names no one, and a line of a comment's text that ends in a time
/// is text.
#[test]
fn author_lines_of_a_name_and_the_date_and_time() {
    let s = |a: &str| Some(a.to_string());
    let page = "Thursday, August 21, 2008\n\nT\n\nText of the post.\n\n\nbob smith August 21, 2008 at 3:51 PM  \n\nHa ha! See you at 5:00 PM\n\nJane Doe August 21, 2008 at 3:54 PM  \n\nMe too.\n\nAnonymous August 22, 2008 at 6:59 AM\n\nlol\n";
    let export = parse(page).unwrap();
    assert_eq!(
        threads(&export),
        [Some(vec![
            (1, s("bob smith"), 0),
            (2, s("Jane Doe"), 0),
            (3, s("Anonymous"), 0)
        ])]
    );
    assert_eq!(
        posted(&export, 0),
        [
            (s("2008-08-21"), s("15:51")),
            (s("2008-08-21"), s("15:54")),
            (s("2008-08-22"), s("06:59"))
        ]
    );
    let first = &export.posts[0].comments.as_ref().unwrap().items[0];
    assert_eq!(first.paragraphs.len(), 1);
    assert_eq!(first.paragraphs[0].text, "Ha ha! See you at 5:00 PM");
    common::assert_lossless(page, &export);
    // An email quoted in a post, under its date line: no comment.
    let page = "Thursday, May 20, 2010\n\nT\n\nText of the post.\n\n\nThu 5/20/2010 2:45 PM\nDear Ann:\n\nThank you.\n";
    let export = parse(page).unwrap();
    assert_eq!(threads(&export), [None]);
    common::assert_lossless(page, &export);
}

/// The mobile template prints the feed links (`Subscribe to:` / `Post
/// Comments (Atom)`) over the comment section: they are furniture there,
/// and the section follows. After the navigation they still close the
/// page.
#[test]
fn feed_links_over_a_comment_section() {
    let page = "Friday, July 25, 2014\nT\nText of the post.\nSubscribe to:\nPost Comments (Atom)\n2 comments:\nAnn said...\nHi.\nPost a Comment\n";
    let export = parse(page).unwrap();
    let post = &export.posts[0];
    let section = post.comments.as_ref().unwrap();
    assert_eq!((section.declared, section.items.len()), (Some(2), 1));
    let furniture: Vec<_> = post.furniture.iter().map(|f| &*f.text).collect();
    assert_eq!(
        furniture,
        ["Subscribe to:", "Post Comments (Atom)", "Post a Comment"]
    );
    common::assert_lossless(page, &export);
    let page = "Friday, July 25, 2014\nT\nText of the post.\nHome\nSubscribe to:\nPost Comments (Atom)\nAbout me\n";
    let export = parse(page).unwrap();
    assert!(export.posts[0].comments.is_none());
    assert_eq!(export.posts[0].body.len(), 1);
    common::assert_lossless(page, &export);
}

/// The same template on a blog that shows times only: the name, the time
/// and the two spaces the template sets after it (`Ann 7:17 PM  `). A
/// time alone with no such spaces, or after a date line (`23/2/07 9:36 AM
///  `) or a weekday (`Tues 7:30 PM  `), names no one.
#[test]
fn author_lines_of_a_name_and_a_time_alone() {
    let s = |a: &str| Some(a.to_string());
    let page = "Monday, December 22, 2008\n\nT\n\nText of the post.\n\n\nAnn Lee 7:17 PM  \n\nLovely!\n\nbob 9:17 PM  \n\nMe too.\n";
    let export = parse(page).unwrap();
    assert_eq!(
        threads(&export),
        [Some(vec![(1, s("Ann Lee"), 0), (2, s("bob"), 0)])]
    );
    let first = &export.posts[0].comments.as_ref().unwrap().items[0];
    assert_eq!(first.posted.as_ref().unwrap().text, "7:17 PM");
    assert_eq!(first.paragraphs[0].text, "Lovely!");
    common::assert_lossless(page, &export);
    for line in ["Ann Lee 7:17 PM", "23/2/07 9:36 AM  ", "Tues 7:30 PM  "] {
        let page =
            format!("Monday, December 22, 2008\n\nT\n\nText of the post.\n\n\n{line}\n\nLovely!\n");
        let export = parse(&page).unwrap();
        assert_eq!(threads(&export), [None], "{line:?}");
        common::assert_lossless(&page, &export);
    }
}

/// A template that prints the comment count after the date on the header's
/// line (`Kamis, Agustus 26, 2010 0 komentar`): the line is the post's
/// header, not a comment section. And a numbered comment whose author is
/// glued to a date and a 24-hour time (`Anonymous14/6/10 17:20`).
#[test]
fn counts_on_the_header_line_and_authors_glued_to_date_and_time() {
    let page = "Monday, June 14, 2010 3 comments\n\nHello\n\nText.\n\n\nSunday, June 13, 2010 0 comments\n\nAgain\n\nMore text.\n\n\n  1. Anonymous14/6/10 17:20\n\n    Thank you.\n";
    let export = parse(page).unwrap();
    let titles: Vec<_> = export.posts.iter().map(|p| p.title.as_deref()).collect();
    assert_eq!(titles, [Some("Hello"), Some("Again")]);
    assert!(export.posts[0].comments.is_none());
    let comments = &export.posts[1].comments.as_ref().unwrap().items;
    assert_eq!(comments.len(), 1);
    assert_eq!(
        comments[0].author.as_ref().map(|a| &*a.text),
        Some("Anonymous")
    );
    let posted = comments[0].posted.as_ref().unwrap();
    assert_eq!(posted.text, "14/6/10 17:20");
    assert_eq!(
        posted.date.map(|d| d.to_string()).as_deref(),
        Some("2010-06-14")
    );
    assert_eq!(
        posted.time.map(|t| t.to_string()).as_deref(),
        Some("17:20:00")
    );
    // A count on the header's line needs its word: a number after the date
    // is no count.
    let export = parse("Monday, June 14, 2010 3\n\nHello\n\nText.\n").unwrap();
    assert_eq!(export.posts[0].date, None);
    common::assert_lossless(page, &parse(page).unwrap());
}

/// Numbered comments with no header whose numbers skip one (a comment
/// removed for good), in a thread with a reply: comments. The same gap in
/// items with no replies is a list's (see `headerless_numbered`).
#[test]
fn a_removed_comment_leaves_a_gap_in_a_thread() {
    let page = "Thursday, April 12, 2012\n\nPuppies\n\nSome pictures.\n\n\n  1. So cute.\n\n  2. The 11th one!\n\n  3. All cute.\n\n    1. You're right!\n\n\n  5. Please don't post links here.\n";
    let export = parse(page).unwrap();
    assert_eq!(
        threads(&export),
        [Some(vec![
            (1, None, 0),
            (2, None, 0),
            (3, None, 1),
            (5, None, 0)
        ])]
    );
    // The gap is named.
    assert_eq!(
        kinds(&export),
        [(DiagnosticKind::CommentNumberOutOfSequence, 17)]
    );
    let page = page.replace("\n    1. You're right!\n", "");
    let export = parse(&page).unwrap();
    assert_eq!(threads(&export), [None]);
    assert_eq!(kinds(&export)[0].0, DiagnosticKind::ListKeptAsText);
}
