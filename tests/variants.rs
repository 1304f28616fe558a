//! The shapes real exports show beyond the seeds (FORMAT.md, "Beyond the
//! seeds"): one made-up fixture per variant in `tests/fixtures/`, each
//! pinned by a snapshot and checked here for what matters.

mod common;

use blog_export::{parse, Block, DiagnosticKind, ElementKind, Export};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

fn headers(export: &Export) -> Vec<(String, Option<String>, Option<String>)> {
    export
        .posts
        .iter()
        .map(|p| {
            (
                p.date.unwrap().to_string(),
                p.weekday.map(|w| format!("{w:?}")),
                p.title.as_deref().map(str::to_string),
            )
        })
        .collect()
}

fn h(
    date: &str,
    weekday: Option<&str>,
    title: Option<&str>,
) -> (String, Option<String>, Option<String>) {
    (
        date.to_string(),
        weekday.map(str::to_string),
        title.map(str::to_string),
    )
}

#[test]
fn snapshots() {
    insta::glob!("fixtures", "*.txt", |path| {
        let input = std::fs::read_to_string(path).unwrap();
        insta::assert_yaml_snapshot!(parse(&input));
    });
}

#[test]
fn zero_padded_days() {
    let input = fixture("zero_padded_days");
    let export = parse(&input).unwrap();
    assert_eq!(
        headers(&export),
        [
            h("2011-01-04", Some("Tue"), Some("New Year Notes")),
            h("2011-01-03", Some("Mon"), Some("Back to Work")),
        ]
    );
    assert!(export.diagnostics.is_empty());
}

#[test]
fn headers_without_weekday_start_posts_but_not_under_a_title() {
    let input = fixture("no_weekday_headers");
    let export = parse(&input).unwrap();
    assert_eq!(
        headers(&export),
        [
            h("2004-10-07", None, Some("Harvest at the Allotment")),
            h("2008-04-18", None, Some("Letters Page")),
            h("2004-10-05", None, Some("Rain Again")),
        ]
    );
    // `12 April 2008` under the title is the letter's date.
    let letter = export.posts[1].letters().next().unwrap();
    assert_eq!(letter.sent.as_ref().unwrap().raw, "12 April 2008");
    assert_eq!(letter.signature.as_ref().unwrap().name.text, "Anne Reader");
}

#[test]
fn header_like_lines_give_diagnostics_not_silent_merges() {
    let input = fixture("invalid_headers");
    let export = parse(&input).unwrap();
    assert_eq!(
        headers(&export),
        [
            h("2014-07-25", Some("Fri"), Some("First Post")),
            h("2014-07-24", Some("Thu"), Some("A Real Post")),
        ]
    );
    let kinds: Vec<(DiagnosticKind, u32)> = export
        .diagnostics
        .iter()
        .map(|d| (d.kind, d.span.line))
        .collect();
    assert_eq!(
        kinds,
        [
            (DiagnosticKind::InvalidHeader, 7),
            (DiagnosticKind::InvalidDate, 13)
        ]
    );
    // Their lines stay in the post before, as text.
    assert_eq!(export.posts[0].body.len(), 7);
}

#[test]
fn text_before_the_first_post_is_the_preamble() {
    let input = fixture("preamble_sidebar");
    let export = parse(&input).unwrap();
    assert_eq!(export.preamble.len(), 4);
    assert_eq!(export.preamble[0].span().source(&input), "About Me");
    assert_eq!(
        headers(&export),
        [h("2014-07-28", Some("Mon"), Some("Lock Gates"))]
    );
    assert!(export.diagnostics.is_empty());
}

#[test]
fn archive_page_starting_mid_post() {
    let input = fixture("archive_page_middle");
    let export = parse(&input).unwrap();
    assert!(
        matches!(&export.preamble[0], Block::Paragraph(p) if p.text.starts_with("and that is why"))
    );
    assert!(matches!(&export.preamble[1], Block::Furniture(f) if f.text == "Posted by Tom Barge"));
    let orphans = export.orphan_comments.as_ref().unwrap();
    assert_eq!(orphans.declared, Some(2));
    assert_eq!(orphans.items.len(), 2);
    assert_eq!(
        headers(&export),
        [h("2014-07-27", Some("Sun"), Some("Swans"))]
    );
}

#[test]
fn untitled_posts_and_titles_that_look_like_something_else() {
    let input = fixture("untitled_and_odd_titles");
    let export = parse(&input).unwrap();
    assert_eq!(
        headers(&export),
        [
            h("2014-07-25", Some("Fri"), None),
            h("2014-07-24", Some("Thu"), None),
            h(
                "2014-07-23",
                Some("Wed"),
                Some("July 2, 2007 Lake Town, MI")
            ),
            h(
                "2014-07-22",
                Some("Tue"),
                Some("154 comments on the new office cat")
            ),
            h("2014-07-21", Some("Mon"), Some("Guest Blog 66")),
        ]
    );
    // The untitled posts keep their first line as body text.
    assert!(
        matches!(&export.posts[0].body[0], Block::Paragraph(p) if p.text.starts_with("Just prose"))
    );
    assert!(export.posts.iter().all(|p| p.comments.is_none()));
}

#[test]
fn comment_sections_in_other_shapes() {
    let input = fixture("comment_shapes");
    let export = parse(&input).unwrap();
    let sections: Vec<_> = export
        .posts
        .iter()
        .map(|p| p.comments.as_ref().unwrap())
        .collect();
    assert_eq!(
        sections.iter().map(|s| s.declared).collect::<Vec<_>>(),
        [Some(1), Some(0), None, Some(2)]
    );
    assert_eq!(
        sections.iter().map(|s| s.total()).collect::<Vec<_>>(),
        [1, 0, 4, 2]
    );
    // No header: three comments; the first has a reply with no `Replies`.
    let headerless = sections[2];
    assert_eq!(headerless.items.len(), 3);
    assert_eq!(headerless.items[0].replies.len(), 1);
    // `Name said...` comments: the name is the author.
    let said = sections[3];
    let authors: Vec<&str> = said
        .items
        .iter()
        .map(|c| &*c.author.as_ref().unwrap().text)
        .collect();
    assert_eq!(authors, ["Jane Miller", "Bob"]);
    assert_eq!(
        said.items[1].paragraphs[0].text,
        "I walked there last week.\nIt was muddy."
    );
    assert!(export.diagnostics.is_empty());
    let json = serde_json::to_value(&export).unwrap();
    assert_eq!(
        json["posts"][3]["comments"]["items"][0]["author"]["text"],
        "Jane Miller"
    );
}

/// A numbered line opens a comment section with no header only when its
/// marker follows over the comment's indented paragraphs; an unindented
/// paragraph in between shows it is the post's own numbered text.
#[test]
fn headerless_comments_need_their_marker_over_indented_text() {
    let comment =
        "Friday 25 July 2014\n\nT\n\n  1. A comment.\n\n    More of it.\n\n    ReplyDelete\n";
    let post = parse(comment).unwrap();
    let section = post.posts[0].comments.as_ref().unwrap();
    assert_eq!(section.declared, None);
    assert_eq!(section.items.len(), 1);
    assert_eq!(section.items[0].paragraphs.len(), 2);

    let body = "Friday 25 July 2014\n\nT\n\n1. A point.\n\nThe post goes on.\n\n    ReplyDelete\n";
    let post = parse(body).unwrap();
    assert!(post.posts[0].comments.is_none());
    let texts: Vec<_> = post.posts[0]
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(&*p.text),
            _ => None,
        })
        .collect();
    assert_eq!(texts[..2], ["1. A point.", "The post goes on."]);
}

#[test]
fn page_furniture_is_its_own_element() {
    let input = fixture("page_furniture");
    let export = parse(&input).unwrap();
    let post = &export.posts[0];
    let furniture: Vec<&str> = post.furniture.iter().map(|f| &*f.text).collect();
    assert_eq!(
        furniture,
        [
            "Labels: canals, boats",
            "Newer Post Older Post Home",
            "Subscribe to: Post Comments (Atom)",
            "About Me",
            "Tom Barge",
            "View my complete profile",
            "Blog Archive"
        ]
    );
    assert_eq!(post.body.len(), 1);
    assert_eq!(post.comments.as_ref().unwrap().items.len(), 1);
    assert!(export.diagnostics.is_empty());
}

#[test]
fn text_shapes() {
    let input = fixture("text_shapes");
    let export = parse(&input).unwrap();
    let kinds: Vec<String> = export.posts[0]
        .body
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => format!("p:{}", p.text),
            Block::List(l) => format!(
                "list:{}",
                l.items
                    .iter()
                    .map(|i| &*i.text)
                    .collect::<Vec<_>>()
                    .join("|")
            ),
            Block::Separator(s) => format!("sep:{}", s.text),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "p:A list with dashes:",
            "list:first item|second item",
            "p:- a lone dash line is text",
            "list:bullet with trailing spaces|another",
            "sep:***",
            "sep:*************",
            "p:1. A numbered paragraph at the left margin.",
            "p:2. Another one, still body text.",
            "p:The file is cut off in the middle of a wo",
        ]
    );
}

#[test]
fn file_cut_right_after_a_header() {
    let input = fixture("cut_after_header");
    let export = parse(&input).unwrap();
    assert_eq!(
        headers(&export),
        [
            h("2014-07-25", Some("Fri"), Some("Complete")),
            h("2014-07-24", Some("Thu"), None),
        ]
    );
    assert!(export.posts[1].body.is_empty());
}

#[test]
fn reply_markers_and_ordinal_days() {
    let input = "Friday 25th July 2014\n\nT\n\n3 comments:\n\n  1. First.\n\n    Reply\n    Replies\n    1. A reply.\n\n      Delete\n  2. Second.\n\n    Reply";
    let export = parse(input).unwrap();
    assert_eq!(headers(&export), [h("2014-07-25", Some("Fri"), Some("T"))]);
    let section = export.posts[0].comments.as_ref().unwrap();
    assert_eq!(section.items.len(), 2);
    assert_eq!(section.items[0].replies.len(), 1);
    assert_eq!(
        section.items[0].markers[0].kind,
        blog_export::MarkerKind::Reply
    );
    assert!(export.diagnostics.is_empty());
}

#[test]
fn a_weekday_less_date_is_no_header_on_a_page_whose_headers_have_weekdays() {
    // The page's headers have weekdays, so `16 December 2014` followed by
    // text is a date quoted in the first post, not a post of its own.
    let input = "Thursday, 18 December 2014\n\nTitle\n\nAn email arrived.\n\n16 December 2014\n\nTo all staff: the office is closed.\n\nWednesday, 17 December 2014\n\nNext";
    let export = parse(input).unwrap();
    assert_eq!(
        headers(&export),
        [
            h("2014-12-18", Some("Thu"), Some("Title")),
            h("2014-12-17", Some("Wed"), Some("Next")),
        ]
    );
    let texts: Vec<&str> = export.posts[0]
        .body
        .iter()
        .map(|b| b.span().source(input))
        .collect();
    assert_eq!(
        texts,
        [
            "An email arrived.",
            "16 December 2014",
            "To all staff: the office is closed."
        ]
    );
    assert!(export.diagnostics.is_empty());
}

#[test]
fn comment_headers_in_any_case() {
    let input = "Friday 25 July 2014\n\nT\n\n1 Comment:\n\n  1. Hi.\n\n    ReplyDelete";
    let export = parse(input).unwrap();
    let section = export.posts[0].comments.as_ref().unwrap();
    assert_eq!((section.declared, section.items.len()), (Some(1), 1));
}

/// A date header with no year takes the year the page names (here in a
/// comment's time), with a diagnostic naming the evidence; with nothing on
/// the page, the latest year in which the day falls on that weekday.
#[test]
fn headers_without_a_year_take_the_pages_year() {
    let input = "Sunday, March 23\n\nWar\n\nText.\n\n1 comment:\n\nBob said...\n\nYes.\n\nMarch 24, 2003 at 9:15 AM\n";
    let export = blog_export::parse(input).unwrap();
    assert_eq!(export.posts[0].date.unwrap().to_string(), "2003-03-23");
    let d = &export.diagnostics[0];
    assert_eq!(d.kind, DiagnosticKind::YearInferred);
    assert_eq!((d.span.line, d.span.column), (1, 1));
    assert!(
        d.message.contains("2003, named once on the page"),
        "{}",
        d.message
    );
    common::assert_lossless(input, &export);

    let export = blog_export::parse("Tuesday, December 14\n\nTitle\n\nText.\n").unwrap();
    let date = export.posts[0].date.unwrap();
    assert_eq!(chrono::Datelike::weekday(&date), chrono::Weekday::Tue);
    assert!(export.diagnostics[0].message.contains("latest such year"));
}

/// One header per day, all written one way: a header that names the day of
/// the header before it in another form is a date quoted in the post (its
/// lines stay in that post), or, right under the header, the post's title.
/// The same header written the same way again starts a post (two pages
/// joined into one file), but right under the header, before its post has
/// anything, it is the title of a blog that titles its posts with their date.
#[test]
fn a_day_written_another_way_is_not_a_new_post() {
    let quoted = "Thursday, September 08, 2022\n\nThe Queen\n\nShe died today.\n\nThursday, 8th September 2022\n\n-- A notice on the gate\n\nNo comments:\n";
    let export = parse(quoted).unwrap();
    assert_eq!(export.posts.len(), 1);
    let body: Vec<&str> = export.posts[0]
        .body
        .iter()
        .map(|b| b.span().source(quoted))
        .collect();
    assert_eq!(
        body,
        [
            "She died today.",
            "Thursday, 8th September 2022",
            "-- A notice on the gate"
        ]
    );
    assert_eq!(export.posts[0].comments.as_ref().unwrap().declared, Some(0));
    common::assert_lossless(quoted, &export);

    // Right under the header: the day written another way, another day
    // written another way, or the same header again.
    for (titled, title) in [
        (
            "Wednesday, May 9, 2012\n\nWednesday May 9th, 2012\n\nWash on Monday.\n",
            "Wednesday May 9th, 2012",
        ),
        (
            "Tuesday, January 8, 2008\n\nFriday 14 December 2007\n\nA day on the snow.\n",
            "Friday 14 December 2007",
        ),
        (
            "Sunday, March 14, 2010\n\nSunday, March 14, 2010\n\nA quiet day.\n",
            "Sunday, March 14, 2010",
        ),
    ] {
        let export = parse(titled).unwrap();
        assert_eq!(export.posts.len(), 1, "{titled}");
        assert_eq!(export.posts[0].title.as_deref(), Some(title));
        assert_eq!(export.posts[0].body.len(), 1);
        common::assert_lossless(titled, &export);
    }

    let joined = "Friday 25 July 2014\n\nA\n\nOne.\n\nFriday 25 July 2014\n\nA\n\nOne.\n";
    assert_eq!(parse(joined).unwrap().posts.len(), 2);
    // With nothing under it, the post still takes in its title (a
    // property test's find).
    let bare = "Friday 25 July 2014\n\nTitle\n\nFriday 25 July 2014\nFriday 25 July 2014";
    let export = parse(bare).unwrap();
    assert_eq!(
        export.posts[1].title.as_deref(),
        Some("Friday 25 July 2014")
    );
    common::check_nesting(bare, &export).unwrap();
    common::assert_lossless(bare, &export);
    // A header in the page's shape under a post with nothing (its image
    // lost) starts a post of its own.
    let imaged = "Tuesday, January 8, 2008\n\nMonday, January 7, 2008\n\nA day on the snow.\n";
    assert_eq!(parse(imaged).unwrap().posts.len(), 2);
}

/// A page with no blank lines at all, or a post with none on a page that
/// has them only elsewhere (its blog's description above): the line under
/// the header is the title; with a blank line in the post, or a first line
/// of long prose or one ending in a colon, it stays the body's, but for a
/// line of a title's shape right under the header, alone or over one line
/// that starts a sentence of its own.
#[test]
fn pages_with_no_blank_lines_have_titles() {
    let page = "Monday, December 12, 2005\nDeath of a City\nIf you care, read this.\nSomebody said more.\nMonday, December 19, 2005\nOne line only\n";
    let export = parse(page).unwrap();
    let titles: Vec<Option<&str>> = export.posts.iter().map(|p| p.title.as_deref()).collect();
    assert_eq!(titles, [Some("Death of a City"), Some("One line only")]);
    let body: Vec<&str> = export.posts[0]
        .body
        .iter()
        .map(|b| b.span().source(page))
        .collect();
    assert_eq!(body, ["If you care, read this.\nSomebody said more."]);
    assert!(export.posts[1].body.is_empty());
    common::assert_lossless(page, &export);

    // A template that sets no blank line between the header and the
    // title, and blank lines between the rest: a line of a title's shape
    // over more body.
    let spaced = "Monday, December 12, 2005\nDeath of a City\n\nIf you care, read this.\n";
    let export = parse(spaced).unwrap();
    assert_eq!(export.posts[0].title.as_deref(), Some("Death of a City"));
    assert_eq!(export.posts[0].body.len(), 1);
    common::assert_lossless(spaced, &export);
    // Or over one line of the body that starts a sentence of its own.
    for run in [
        "Monday, December 12, 2005\nDeath of a City: Day 3\nIt rained all day.\n\nMore.\n",
        "Monday, December 12, 2005\nDeath of a City: Day 3\nIf you care, read this.\n\nMore.\n",
        "My Garden\nNotes from a small plot.\n\nMonday, December 12, 2005\nDeath of a City: Day 3\nIt rained all day.\n\nMore.\n",
    ] {
        let export = parse(run).unwrap();
        let post = &export.posts[0];
        assert_eq!(post.title.as_deref(), Some("Death of a City: Day 3"));
        assert_eq!(post.body.len(), 2);
        common::assert_lossless(run, &export);
    }

    let described = "My Garden\n\nNotes from a small plot.\n\nMonday, December 12, 2005\nDeath of a City\nIf you care, read this.\nSomebody said more.\n";
    let export = parse(described).unwrap();
    assert_eq!(export.posts[0].title.as_deref(), Some("Death of a City"));
    common::assert_lossless(described, &export);

    for untitled in [
        "My Garden\nNotes from a small plot.\n\nMonday, December 12, 2005\nOne line of prose only\n",
        "Monday, December 12, 2005\nWhat I bought:\nEggs.\n",
        "Monday, December 12, 2005\nWhat I bought:\n\nEggs.\n",
        "Monday, December 12, 2005\nI went out today.\n\nIt rained.\n",
        "Monday, December 12, 2005\nWe went out\nto the park.\n\nIt rained.\n",
        "Monday, December 12, 2005\nThe rain\nThe wind\nThe sea\n\nA poem.\n",
    ] {
        assert_eq!(parse(untitled).unwrap().posts[0].title, None, "{untitled}");
    }
}

#[test]
fn archive_shapes() {
    let input = fixture("archive_shapes");
    let export = parse(&input).unwrap();
    assert_eq!(
        headers(&export),
        [
            // Three posts under one header: the later titles share the
            // first's lead (`Name - `); `Step one - wash hands` ends no
            // post (its lead has two words).
            h("2008-03-27", Some("Thu"), Some("Mum - My turn to post")),
            h(
                "2008-03-27",
                Some("Thu"),
                Some("Jacob - Country Buffet Party")
            ),
            h(
                "2008-03-27",
                Some("Thu"),
                Some("Kirsten - Progress on the Room")
            ),
            // A dated letter right under the header, no title.
            h("2003-09-11", Some("Thu"), None),
        ]
    );
    let shared = &export.posts[..3];
    // The later posts have no header line of their own.
    for post in &shared[1..] {
        let title = post.title_span.unwrap();
        assert_eq!(
            (post.header_span.start, post.header_span.end),
            (title.start, title.start)
        );
    }
    assert!(shared[..2].iter().all(|p| p.comments.is_none()));
    assert_eq!(shared[2].comment_count(), 2);
    assert_eq!(shared[1].body.len(), 3, "{:?}", shared[1].body);
    let letter = export.posts[3].letters().next().unwrap();
    assert_eq!(letter.sent.as_ref().unwrap().raw, "Tuesday July 22, 2003");
    assert_eq!(letter.salutation.as_ref().unwrap().text, "Dear Captain S,");
    common::assert_lossless(&input, &export);
}

#[test]
fn digit_dates_and_dates_as_titles() {
    let input = "8.30.2004\n\nA Letter to the Bank\n\nI wrote to thank them.\n\n\
                 9.1.2004\n\n9.1.1944\n\nThe letter my grandfather sent home.\n";
    let export = parse(input).unwrap();
    assert_eq!(
        headers(&export),
        [
            // Digit dates, month first on an English page.
            h("2004-08-30", None, Some("A Letter to the Bank")),
            // A post titled by the date it transcribes.
            h("2004-09-01", None, Some("9.1.1944")),
        ]
    );
    common::assert_lossless(input, &export);
    // A page whose digit dates put a day over 12 first writes them day
    // first.
    let export = parse("25/12/2008\n\nXmas\n\nText.\n\n05/01/2009\n\nNext\n\nMore.\n").unwrap();
    assert_eq!(
        headers(&export),
        [
            h("2008-12-25", None, Some("Xmas")),
            h("2009-01-05", None, Some("Next"))
        ]
    );
}

/// Headerless threads in two more shapes: comments with no blank line
/// anywhere (each `said` line right under the text before it), and a
/// commenter whose name starts with `The`, set off by two blank lines and
/// followed by another comment; alone in a post, such a line stays prose.
#[test]
fn said_threads_without_blank_lines_or_with_the_in_a_name() {
    let authors = |input: &str| -> Vec<String> {
        let export = parse(input).unwrap();
        common::assert_lossless(input, &export);
        let post = &export.posts[0];
        post.comments
            .iter()
            .flat_map(|s| &s.items)
            .map(|c| c.author.as_ref().unwrap().text.to_string())
            .collect()
    };
    let compact = "Friday 25 July 2014\n\nTitle\n\nThe post.\n\n\nAnn said…\nLovely post!\nBob Jones said…\nMe too.\nAnd again.\n";
    assert_eq!(authors(compact), ["Ann", "Bob Jones"]);
    let export = parse(compact).unwrap();
    assert_eq!(
        export.posts[0].comments.as_ref().unwrap().items[1].paragraphs[0].text,
        "Me too.\nAnd again."
    );
    let titled = "Friday 25 July 2014\n\nTitle\n\nThe post.\n\n\nThe Ripper said...\n\nGreat.\n\nMommyjoy said...\n\nAgreed!\n";
    assert_eq!(authors(titled), ["The Ripper", "Mommyjoy"]);
    let prose = "Friday 25 July 2014\n\nTitle\n\nThe post.\n\n\nThe man at the bar said...\n\nNothing.\n\nThe waiter said...\n\nLess.\n";
    assert_eq!(authors(prose), Vec::<String>::new());
}

/// A date with no weekday right under a line of text (a letter's address)
/// is the letter's date, not a header: a blog sets its headers off.
#[test]
fn a_date_under_an_address_is_no_header() {
    let input = "October 7, 2004\n\nTitle\n\nIntro.\n\n12 High Street\nLeeds\nOctober 1, 2004\n\nThanks for the tea.\n";
    let export = parse(input).unwrap();
    assert_eq!(headers(&export), [h("2004-10-07", None, Some("Title"))]);
    common::assert_lossless(input, &export);
}

/// A page with no date header written with no blank line: its first line
/// is its title when a line of long prose (a paragraph) is under it; a
/// poem's first line, over another short line, stays in the body.
#[test]
fn unspaced_page_without_a_header() {
    let input = fixture("unspaced_undated");
    let export = parse(&input).unwrap();
    let post = &export.posts[0];
    assert_eq!(post.date, None);
    assert_eq!(post.title.as_deref(), Some("Letters Home: 12 June 1917"));
    let Block::Paragraph(first) = &post.body[0] else {
        panic!("{:?}", post.body[0]);
    };
    assert!(first.text.starts_with("We found these"));
    assert_eq!((first.span.line, first.span.column), (2, 2));
    assert!(first.span.source(&input).starts_with("We found these"));
    assert!(matches!(post.body[1], Block::Letter(_)));

    let poem = "The river, the evening of March\nShe walked out from under\nThe sky was low and grey, a heron crossing\nNo comments:\n";
    let post = &parse(poem).unwrap().posts[0];
    assert_eq!(post.title, None);
    let Block::Paragraph(first) = &post.body[0] else {
        panic!("{:?}", post.body[0]);
    };
    assert!(first.text.starts_with("The river"));
}

/// A post whose only line is a sentence (ten words or more, one full stop
/// or exclamation mark at its end; five words or more, with a full stop)
/// has that line as its body, not its title; a short line, or one over a
/// body, stays the title.
#[test]
fn a_post_of_one_sentence_is_untitled() {
    let input = "Friday, May 14, 2010\n\n The bird feeders went up on the fence by the garden gate this morning.\nPosted by Ann\n\nSunday, May 9, 2010\n\nFeeders went up.\nPosted by Ann\n\nSaturday, May 8, 2010\n\nWe put the bird feeders up on the old fence by the garden gate today.\n\nThe finches came first.\n\nFriday, May 7, 2010\n\nWell, it seems the finches like it.\n\nThursday, May 6, 2010\n\nThe finches are back again!\n";
    let export = parse(input).unwrap();
    let titles: Vec<_> = export.posts.iter().map(|p| p.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            None,
            Some("Feeders went up."),
            Some("We put the bird feeders up on the old fence by the garden gate today."),
            None,
            Some("The finches are back again!"),
        ]
    );
    let Block::Paragraph(body) = &export.posts[0].body[0] else {
        panic!("{:?}", export.posts[0].body);
    };
    assert!(body.text.starts_with("The bird feeders"));
}

/// A `said...` line with no name before it (the name was a link the saved
/// text lost) is a comment with no author, on a line of its own or glued
/// to the section's header (`1 comment: said...`).
#[test]
fn said_lines_without_a_name() {
    let input = "Thursday, March 17, 2011\n\nA Walk\n\nWe walked.\n\n1 comment: said...\n\nLovely photos of the hills.\n\nFriday, March 18, 2011\n\nAnother Walk\n\nWe walked again.\n\n2 comments:\n\nAnn said...\n\nGood.\n\nsaid...\n\nMe too.\n";
    let export = parse(input).unwrap();
    let threads: Vec<_> = export
        .posts
        .iter()
        .map(|p| {
            let section = p.comments.as_ref().unwrap();
            let authors: Vec<_> = section
                .items
                .iter()
                .map(|c| c.author.as_ref().map(|a| a.text.to_string()))
                .collect();
            (section.declared, authors)
        })
        .collect();
    assert_eq!(
        threads,
        [
            (Some(1), vec![None]),
            (Some(2), vec![Some("Ann".to_string()), None])
        ]
    );
    let comment = &export.posts[0].comments.as_ref().unwrap().items[0];
    assert_eq!(comment.paragraphs[0].text, "Lovely photos of the hills.");
}

/// `Posted by NAME` right under a header is the template's byline, never a
/// title; a date without a weekday on a page's first line starts a post
/// with no blank line under it (a page written with no blank lines).
#[test]
fn bylines_are_no_titles_and_a_first_bare_date_needs_no_blank_line() {
    let export =
        parse("Tuesday, April 15, 2008\n\nPosted by Ann\n\n\nBob said...\n\nHello!\n").unwrap();
    assert_eq!(export.posts[0].title, None);
    assert_eq!(export.posts[0].furniture[0].text, "Posted by Ann");

    let input = "28/04/2012\nThe Spring Fair at the Old Mill\nThe fair opened on Saturday with more stalls than ever. The weather held, the bands played, and the square was full by noon.\n";
    let export = parse(input).unwrap();
    let post = &export.posts[0];
    assert_eq!(post.date.unwrap().to_string(), "2012-04-28");
    assert_eq!(
        post.title.as_deref(),
        Some("The Spring Fair at the Old Mill")
    );
    // Further down, a date line with text right under it stays text.
    let later =
        "Friday, April 27, 2012\n\nA Note\n\nWe found this.\n28/04/2012\nIt rained all day.\n";
    assert_eq!(parse(later).unwrap().posts.len(), 1);
}

/// A date header with a weekday right under a line of text and over a
/// salutation is the date of the letter the post quotes, not a post (the
/// stream, which cuts its pieces before headers, agrees).
#[test]
fn a_weekday_date_under_text_over_a_salutation_is_a_letters_date() {
    let input = "Friday, August 30, 2013\n\nA Letter From Long Ago\n\nThis week I was given an old letter from a cousin.\nThursday, June 17, 1915\nMy Dear Grandchildren,\nI must tell you about the horses.\n\nSaturday, August 31, 2013\n\nNext\n\nMore.\n";
    let export = parse(input).unwrap();
    assert_eq!(common::dates(&export), ["2013-08-30", "2013-08-31"]);
    assert_eq!(export.posts[0].letters().count(), 1);
    let streamed: Vec<_> = blog_export::PostReader::new(input.as_bytes())
        .map(|p| p.unwrap())
        .collect();
    assert_eq!(streamed, export.posts);
}

/// A line under the header that runs straight into two or more lines (a
/// stanza) is the poem's first line, not a title; so is one that goes on
/// with its sentence on the one line under it (no closing mark, then a
/// small letter), and a sentence of ten words or more (one closing mark)
/// over a line right under it: each is the first line of a paragraph. A
/// title over a subtitle that starts with a capital, or one that ends in a
/// full stop, stays a title.
#[test]
fn a_title_does_not_run_on_into_its_sentence() {
    let stanza = "Thursday, 1 July 2010\n\nthe rain came\nsoftly over the hills\nand into the town\nat dusk\n\nposted by Ann\n\nFriday, 2 July 2010\n\nGuest Blog 66\nLife on Licence\n\nA title with a subtitle.\n";
    let run_on = "Thursday, March 25, 2004\n\nYou know, it is true, some days are busier than others. It is hard to find time\nto blog when the work piles up.\n\nMore text.\n\nFriday, March 26, 2004\n\nGuest Blog 66\nLife on Licence\n\nText.\n\nSaturday, March 27, 2004\n\nA day out.\nthe kids loved it\n\nText.\n";
    let sentence = "Monday, April 13, 2009\n\nSophie has started to keep a diary for the holidays. Today she met Aunt Rose.\nHelped by Sophie and Maria, I have set up this new blog to share with friends.\n\nMore text.\n";
    for (input, lines) in [(stanza, 4), (run_on, 2), (sentence, 2)] {
        let export = parse(input).unwrap();
        assert_eq!(export.posts[0].title, None);
        let Block::Paragraph(first) = &export.posts[0].body[0] else {
            panic!("{:?}", export.posts[0].body);
        };
        assert_eq!(first.text.lines().count(), lines);
        assert_eq!((first.span.line, first.span.column), (3, 1));
        common::assert_lossless(input, &export);
    }
    let export = parse(stanza).unwrap();
    assert_eq!(export.posts[1].title.as_deref(), Some("Guest Blog 66"));
    let export = parse(run_on).unwrap();
    assert_eq!(export.posts[1].title.as_deref(), Some("Guest Blog 66"));
    assert_eq!(export.posts[2].title.as_deref(), Some("A day out."));
}

/// On a page that sets its parts off with two blank lines or more, a line
/// of a title's shape with two blank lines above and under it is the
/// title; a line of prose there is the body of an untitled post.
#[test]
fn a_title_between_doubled_blank_lines() {
    let input = "Friday, 18 April 2008\n\n\nRice pudding\n\n\n\nMy rice pudding is divine.\n\n\nNo comments:\n";
    let export = parse(input).unwrap();
    assert_eq!(export.posts[0].title.as_deref(), Some("Rice pudding"));
    assert_eq!(export.posts[0].body.len(), 1);
    common::assert_lossless(input, &export);
    let prose =
        "Friday, 18 April 2008\n\n\nMy rice pudding is divine. Everyone says so.\n\n\nMore.\n";
    assert_eq!(parse(prose).unwrap().posts[0].title, None);
}

/// A blog writes all its headers one way: a date line written another way
/// than the header above it, right under that post's title, is the
/// blogger's own date in the post (`Sunday 1 June 2014` under `Saturday,
/// 31 May 2014` and a title), not a post of its own. Under a post's text,
/// it starts a post (two pages of two blogs joined into one file).
#[test]
fn a_date_written_unlike_the_pages_headers_is_no_header() {
    let input = "Saturday, 31 May 2014\n\nWhat I wrote today\n\nSunday 1 June 2014\n\nWith all the rain there is little to report.\n\nSaturday, 3 May 2014\n\nThe moth trap\n\nA good night.\n";
    let export = parse(input).unwrap();
    assert_eq!(common::dates(&export), ["2014-05-31", "2014-05-03"]);
    let body: Vec<&str> = export.posts[0]
        .body
        .iter()
        .map(|b| b.span().source(input))
        .collect();
    assert_eq!(
        body,
        [
            "Sunday 1 June 2014",
            "With all the rain there is little to report."
        ]
    );
    common::assert_lossless(input, &export);

    let two = "Saturday, 31 May 2014\n\nA\n\nOne.\n\nSunday 1 June 2014\n\nB\n\nTwo.\n";
    assert_eq!(parse(two).unwrap().posts.len(), 2);
}

/// Under one date header, a lone line right after a post's footer
/// (`Posted by ...`, `Labels: ...`) with more text under it starts the
/// next post, with the same date.
#[test]
fn a_post_footer_ends_a_post_under_a_shared_header() {
    let input = "Friday, May 30, 2008\n\nLondon, baby!\n\nOff he goes to the city.\n\nPosted by Ann at 9:14 AM\nLabels: travel\n\nDemocracy at Work\n\nAn odd raid in the news today.\n\nThursday, May 29, 2008\n\nStatistics\n\nNumbers.\n";
    let export = parse(input).unwrap();
    assert_eq!(
        headers(&export),
        [
            h("2008-05-30", Some("Fri"), Some("London, baby!")),
            h("2008-05-30", Some("Fri"), Some("Democracy at Work")),
            h("2008-05-29", Some("Thu"), Some("Statistics")),
        ]
    );
    assert_eq!(export.posts[0].furniture.len(), 2);
}

/// Under one date header, a lone line in the body with the pattern of
/// the page's titles starts the next post: the pattern may come from a
/// later post's title (`Letter #151 -- ...` before `Letter #150 - ...`),
/// and a title may be a word and a number (`May 19` after `May 20`). A
/// lone line of another shape stays in the body.
#[test]
fn a_line_in_the_pattern_of_the_page_titles_starts_a_post() {
    let input = "Monday, May 31, 2010\n\nA Quote for Today\n\nSome words from a writer of old, with a line of ours.\n\nLetter #151 -- Write to a soldier\n\nThe letter of the day goes out to a soldier far away.\n\nSunday, May 30, 2010\n\nLetter #150 - Earth laughs\n\nWhat is your favourite flower?\n\nWhat We Read\n\nThe reading list for the week.\n";
    let export = parse(input).unwrap();
    assert_eq!(
        headers(&export),
        [
            h("2010-05-31", Some("Mon"), Some("A Quote for Today")),
            h(
                "2010-05-31",
                Some("Mon"),
                Some("Letter #151 -- Write to a soldier")
            ),
            h(
                "2010-05-30",
                Some("Sun"),
                Some("Letter #150 - Earth laughs")
            ),
        ]
    );
    assert_eq!(export.posts[2].body.len(), 3);
    common::assert_lossless(input, &export);

    let input = "Sunday, May 20, 2007\n\nMay 20\n\nOne more picture today.\n\nMay 19\n\nThere are two of them and I like the second one best.\n\nFriday, May 18, 2007\n\nMay 18\n\nThe last one.\n";
    let export = parse(input).unwrap();
    assert_eq!(
        headers(&export),
        [
            h("2007-05-20", Some("Sun"), Some("May 20")),
            h("2007-05-20", Some("Sun"), Some("May 19")),
            h("2007-05-18", Some("Fri"), Some("May 18")),
        ]
    );
    common::assert_lossless(input, &export);
}

/// A lone line whose lead names what the post's title names after its own
/// lead (`Great Britain - 1841` under `Sunday Stamps - Great Britain:
/// Penny Red`) is a subheading of that post, not the next post's title;
/// a line with the title's own lead still starts one (`Jacob - Soccer`
/// under `Jacob - Country Buffet Party`).
#[test]
fn a_line_that_names_part_of_the_title_is_a_subheading() {
    let input = "Sunday, 25 July 2021\n\nSunday Stamps - Great Britain: Penny Red\n\nA reader asked about old stamps.\n\nGreat Britain - 1841\n\nThe first one came out in 1841.\n\nAnn said...\n\nLovely!\n";
    let export = parse(input).unwrap();
    assert_eq!(
        headers(&export),
        [h(
            "2021-07-25",
            Some("Sun"),
            Some("Sunday Stamps - Great Britain: Penny Red")
        )]
    );
    assert_eq!(export.posts[0].body.len(), 3);
    common::assert_lossless(input, &export);

    let input = "Thursday, March 27, 2008\n\nJacob - Country Buffet Party\n\nWe went out to eat.\n\nJacob - Soccer\n\nThen we played.\n";
    let export = parse(input).unwrap();
    assert_eq!(
        headers(&export),
        [
            h(
                "2008-03-27",
                Some("Thu"),
                Some("Jacob - Country Buffet Party")
            ),
            h("2008-03-27", Some("Thu"), Some("Jacob - Soccer")),
        ]
    );
    common::assert_lossless(input, &export);
}

/// A series of short titles that share their first or last word (`fifth
/// haiku`, `sixth haiku`): a lone line with the same word, as many words
/// and the same capitals starts a post under the same header; a line that
/// repeats a title, or has more words, or other capitals, stays body.
#[test]
fn a_line_in_the_words_of_the_page_titles_starts_a_post() {
    let input = "Friday, December 19, 2008\n\nfifth haiku\n\nsnow on the cedar\n\nfifth haiku\n\nsixth haiku\n\nwind at the door\n\nsixth haiku again\n\nSixth Haiku\n\nthe last line\n\nThursday, December 18, 2008\n\nwinter moon\n\ncold light\n\nautumn moon\n\nfalls on the lake\n";
    let export = parse(input).unwrap();
    assert_eq!(
        headers(&export),
        [
            h("2008-12-19", Some("Fri"), Some("fifth haiku")),
            h("2008-12-19", Some("Fri"), Some("sixth haiku")),
            h("2008-12-18", Some("Thu"), Some("winter moon")),
            h("2008-12-18", Some("Thu"), Some("autumn moon")),
        ]
    );
    // `fifth haiku` repeated, `sixth haiku again` and `Sixth Haiku` are
    // the body of `sixth haiku`.
    assert_eq!(export.posts[0].body.len(), 2);
    assert_eq!(export.posts[1].body.len(), 4);
    common::assert_lossless(input, &export);
}

/// An image-only post, whose image the text page lost, leaves its date
/// header alone over the next one: under a header with no weekday, a date
/// with none that is the header's or a little before it is the next
/// post's header (on a page in another language too); a date far before
/// it (a transcribed letter's), or after it, stays the title.
#[test]
fn a_header_alone_over_the_next_is_an_empty_post() {
    let input = "March 20, 2013\n\nthe rain\nall day\n\nMarch 19, 2013\n\nMarch 18, 2013\n\nthe moon\n\nover the lake\nand the hill\n\nMarch 17, 2013\n\nMarch 16, 2013\n\nMarch 15, 2013\n\nthe end\n\nlast lines here\nof it\n";
    let export = parse(input).unwrap();
    assert_eq!(
        headers(&export),
        [
            h("2013-03-20", None, None),
            h("2013-03-19", None, None),
            h("2013-03-18", None, Some("the moon")),
            h("2013-03-17", None, None),
            h("2013-03-16", None, None),
            h("2013-03-15", None, Some("the end")),
        ]
    );
    assert!(export.posts[1].body.is_empty());
    assert_eq!(export.posts[2].body.len(), 1);
    assert!(export.diagnostics.is_empty(), "{:?}", export.diagnostics);
    common::assert_lossless(input, &export);

    let input = "20 agosto 2008\n\n15 agosto 2008\n\nTitolo\n\nIl testo.\n";
    let export = parse(input).unwrap();
    assert_eq!(
        headers(&export),
        [
            h("2008-08-20", None, None),
            h("2008-08-15", None, Some("Titolo"))
        ]
    );
    common::assert_lossless(input, &export);

    for titled in [
        "27 July, 2011\n\n27 July, 1944\n\nDarling,\n\nThe letter.\n",
        "March 18, 2013\n\nMarch 19, 2013\n\nThe text.\n",
    ] {
        let export = parse(titled).unwrap();
        assert_eq!(export.posts.len(), 1, "{titled}");
        assert!(export.posts[0].title.is_some(), "{titled}");
    }
}

/// A template that prints the title above the date: a page that opens
/// with one lone line of a title's shape right over the header of an
/// untitled post has it as that post's title; a blog's name over its
/// description stays the preamble.
#[test]
fn a_title_above_the_date_header() {
    let input = "Manhattan Is My Home Town!\n\nSaturday, May 3, 2008\n\nYes, there is a hometown club for the ones who grew up here. I love it! It meets every week in a small room over the old bakery on the corner.\n";
    let export = parse(input).unwrap();
    let post = &export.posts[0];
    assert_eq!(post.title.as_deref(), Some("Manhattan Is My Home Town!"));
    assert!(export.preamble.is_empty());
    assert_eq!((post.span.start, post.span.line), (0, 1));
    assert_eq!(post.header_span.line, 3);
    let elements: Vec<_> = export.elements().iter().map(|e| e.kind).collect();
    assert_eq!(elements[..2], [ElementKind::Title, ElementKind::Header]);

    let input = "Our Little Garden\n\nThoughts about gardens and other things\n\nWednesday, March 31, 2004\n\nWow! I have been planting all day in the rain, and the beans are in. More soon, when the sun comes back and the peas are up.\n";
    let export = parse(input).unwrap();
    assert_eq!(export.posts[0].title, None);
    assert_eq!(export.preamble.len(), 2);

    // A line of prose over the header, or a title of the post's own, is
    // no title above it.
    let input = "This is the blog where I write about my days at the shop.\n\nSaturday, May 3, 2008\n\nHello there, this is a post that starts with prose and goes on for a while. It has no title.\n";
    assert_eq!(parse(input).unwrap().posts[0].title, None);
    let input = "My Blog\n\nSaturday, May 3, 2008\n\nA Title\n\nBody text.\n";
    let export = parse(input).unwrap();
    assert_eq!(export.posts[0].title.as_deref(), Some("A Title"));
    assert_eq!(export.preamble.len(), 1);
}

/// A comment count printed with no colon is the post's comment header when
/// it is the post's last line; inside the body it stays text.
#[test]
fn a_comment_count_with_no_colon_ends_its_post() {
    let input = "Friday, April 3, 2009\n\nPrayer Request\n\nThanks for praying.\n\nNo comments\n\nThursday, April 2, 2009\n\nNews\n\nMore.\n\n2 comments\n";
    let export = parse(input).unwrap();
    let declared: Vec<_> = export
        .posts
        .iter()
        .map(|p| p.comments.as_ref().map(|c| c.declared))
        .collect();
    assert_eq!(declared, [Some(Some(0)), Some(Some(2))]);
    assert_eq!(export.posts[0].body.len(), 1);
    let input = "Friday, April 3, 2009\n\nT\n\nNo comments\nfrom me today, sorry.\n\n2 comments\n\nwere all I got.\n";
    let export = parse(input).unwrap();
    assert!(export.posts[0].comments.is_none());
    assert_eq!(export.posts[0].body.len(), 3);
}

/// A `said` line inside a numbered comment, with no blank line above it,
/// starts the next comment (templates that number a thread but set no
/// blank line between its comments).
#[test]
fn a_said_line_inside_a_numbered_comment_starts_the_next() {
    let input = "Friday 25 July 2014\n\nTitle\n\nBody text.\n\n\n  1. Ann said...\n    Lovely post :) I like it.\n    Bob Smith said...\n    Yes, quite so.\n\nPost a Comment\n";
    let export = parse(input).unwrap();
    let items = &export.posts[0].comments.as_ref().unwrap().items;
    let authors: Vec<_> = items
        .iter()
        .map(|c| c.author.as_ref().map(|a| &*a.text))
        .collect();
    assert_eq!(authors, [Some("Ann"), Some("Bob Smith")]);
    assert_eq!(items[0].paragraphs[0].text, "Lovely post :) I like it.");
}

/// A first line of three sentences is the body's, however short; an
/// unrendered template tag over the header is no title above it.
#[test]
fn three_sentences_are_no_title() {
    let input = "<$BlogItemTitle$>\n\nThursday, November 27, 2003\n\nFound this link today. Then there's this one. What about yours?\nAnd I love this old one.\n\nMore text.\n";
    let export = parse(input).unwrap();
    let post = &export.posts[0];
    assert_eq!(post.title, None);
    assert_eq!(export.preamble.len(), 1);
    let Block::Paragraph(first) = &post.body[0] else {
        panic!("{:?}", post.body);
    };
    assert!(first.text.starts_with("Found this link today."));
    let input = "Thursday, November 27, 2003\n\nEat. Pray. Love.\n\nA book I read this week.\n";
    let title = parse(input).unwrap().posts[0].title.clone();
    assert_eq!(title.as_deref(), Some("Eat. Pray. Love."));
}

/// A first line that is one sentence longer than any title (over 100
/// characters, one full stop) is the body of an untitled post; a long
/// title with no sentence's end stays the title.
#[test]
fn a_long_sentence_is_no_title() {
    let page = |first: &str| {
        format!("Saturday, September 1, 2007\n\n{first}\n\nAll day I read articles.\n")
    };
    let sentence = "Every time I open this blog my words don't appear, because I forget what the point of it is, and the rest.";
    let input = page(sentence);
    let export = parse(&input).unwrap();
    assert_eq!(export.posts[0].title, None);
    assert_eq!(export.posts[0].body.len(), 2);
    let long_title = "A Walk Along the River Before the Weather Turned, With Notes on the Birds We Saw on the Way Home";
    let input = page(long_title);
    let export = parse(&input).unwrap();
    assert_eq!(export.posts[0].title.as_deref(), Some(long_title));
}
