//! Blogger's own export files (`parse_any`): the classic backup and
//! Takeout's `feed.atom`, both made up by hand from the formats as
//! documented in `docs/blogger-xml.md` (`tests/feeds/`), against what a
//! careful reader of them sees (`tests/feeds/expected.json`), against the
//! same blog saved as text pages (`tests/feeds/classic.txt`), and the
//! files a reader must refuse.
#![cfg(feature = "atom")]

use std::path::Path;

use blog_export::{Block, Comment, ErrorKind, Export, ParseOptions};
use serde_json::{json, Value};

fn read(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/feeds")
            .join(name),
    )
    .unwrap()
}

/// A thread as expected.json writes it: author, time, replies.
fn thread(comments: &[Comment<'_>]) -> Value {
    comments
        .iter()
        .map(|c| {
            let at = c.posted.as_ref().unwrap();
            let time = chrono::DateTime::parse_from_rfc3339(&at.text).unwrap();
            json!({
                "author": c.author_name(),
                "published": time.timestamp(),
                "replies": thread(&c.replies),
            })
        })
        .collect()
}

/// An export as expected.json writes it (times as instants, so a file in
/// UTC and one in +01:00 compare).
fn summary(export: &Export<'_>, full_urls: bool) -> Value {
    export
        .posts
        .iter()
        .map(|post| {
            let entry = post.entry.as_ref().unwrap();
            let letters: Vec<Value> = post
                .body
                .iter()
                .filter_map(|b| match b {
                    Block::Letter(l) => Some(json!({
                        "salutation": l.salutation.as_ref().unwrap().text,
                        "valediction": l.valediction.as_ref().map(|v| &v.text),
                        "signer": l.signature.as_ref().map(|s| &s.name.text),
                    })),
                    _ => None,
                })
                .collect();
            let url = entry.url.as_deref().map(|u| {
                if full_urls {
                    u.to_owned()
                } else {
                    format!("https://garden-notes-example.blogspot.com{u}")
                }
            });
            json!({
                "date": post.date.unwrap().to_string(),
                "title": post.title,
                "labels": entry.labels,
                "url": url,
                "author": entry.author,
                "comments": post.comments.as_ref().map_or(json!([]), |s| thread(&s.items)),
                "letters": letters,
            })
        })
        .collect()
}

/// expected.json with its times as instants.
fn expected() -> Value {
    let mut v: Value = serde_json::from_str(&read("expected.json")).unwrap();
    fn instants(v: &mut Value) {
        match v {
            Value::Object(map) => {
                if let Some(Value::String(t)) = map.get("published") {
                    let at = chrono::DateTime::parse_from_rfc3339(t).unwrap().timestamp();
                    map.insert("published".into(), json!(at));
                }
                map.values_mut().for_each(instants);
            }
            Value::Array(items) => items.iter_mut().for_each(instants),
            _ => {}
        }
    }
    instants(&mut v);
    v
}

#[test]
fn the_classic_backup_reads_as_a_reader_sees_it() {
    let input = read("classic.xml");
    let export = blog_export::parse_any(&input).unwrap();
    assert_eq!(summary(&export, true), expected());
}

#[test]
fn takeouts_feed_reads_as_a_reader_sees_it() {
    let input = read("takeout.atom");
    let export = blog_export::parse_any(&input).unwrap();
    // Takeout gives times in UTC: the dates are UTC dates, which here are
    // the same days.
    assert_eq!(summary(&export, false), expected());
}

/// What both forms give: posts (and their ids), titles, dates, comment
/// counts, authors.
/// A post as both forms give it: id, date, title, comment count, authors.
type Common = (String, String, Option<String>, usize, Vec<String>);

fn common(export: &Export<'_>) -> Vec<Common> {
    fn authors(comments: &[Comment<'_>], out: &mut Vec<(String, String)>) {
        for c in comments {
            let at = c
                .posted
                .as_ref()
                .map(|p| p.text.to_string())
                .unwrap_or_default();
            out.push((at, c.author_name().unwrap_or("").to_owned()));
            authors(&c.replies, out);
        }
    }
    export
        .posts
        .iter()
        .map(|post| {
            let mut all = Vec::new();
            if let Some(section) = &post.comments {
                authors(&section.items, &mut all);
            }
            // In time order: a text page's `said` thread is flat.
            let mut names: Vec<String> = all.into_iter().map(|(_, name)| name).collect();
            names.sort();
            (
                post.post_id(),
                post.date.unwrap().to_string(),
                post.title.as_deref().map(str::to_owned),
                post.comment_count(),
                names,
            )
        })
        .collect()
}

#[test]
fn the_same_blog_as_text_pages_and_as_a_backup_agrees() {
    let text = read("classic.txt");
    let xml = read("classic.xml");
    let atom = read("takeout.atom");
    let pages = blog_export::parse_any(&text).unwrap();
    assert!(pages.posts.iter().all(|p| p.entry.is_none()));
    let backup = blog_export::parse_any(&xml).unwrap();
    let takeout = blog_export::parse_any(&atom).unwrap();
    assert_eq!(common(&pages), common(&backup));
    assert_eq!(common(&pages), common(&takeout));
    // The letter is found the same way in both.
    let letter = |e: &Export<'_>| {
        e.posts
            .iter()
            .flat_map(|p| &p.body)
            .find_map(|b| match b {
                Block::Letter(l) => Some((
                    l.salutation.as_ref().unwrap().text.to_string(),
                    l.valediction.as_ref().map(|v| v.text.to_string()),
                    l.signature.as_ref().map(|s| s.name.text.to_string()),
                )),
                _ => None,
            })
            .unwrap()
    };
    assert_eq!(letter(&pages), letter(&backup));
}

#[test]
fn drafts_pages_and_the_rest_are_skipped_and_counted() {
    let input = read("classic.xml");
    let export = blog_export::parse_any(&input).unwrap();
    let skipped: Vec<&str> = export
        .diagnostics
        .iter()
        .filter(|d| d.kind == blog_export::DiagnosticKind::SkippedEntries)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        skipped,
        ["skipped entries that are not published posts: 1 draft, 1 static page, 4 settings or template entries"]
    );
    let options = ParseOptions::default().with_drafts(true).with_pages(true);
    let all = blog_export::parse_any_with(&input, &options).unwrap();
    assert_eq!(all.posts.len(), export.posts.len() + 2);
    let marked = |f: fn(&blog_export::FeedEntry<'_>) -> bool| {
        all.posts
            .iter()
            .filter(|p| f(p.entry.as_ref().unwrap()))
            .count()
    };
    assert_eq!((marked(|e| e.draft), marked(|e| e.page)), (1, 1));
    // Takeout's trashed post is never read.
    let atom = read("takeout.atom");
    let takeout = blog_export::parse_any_with(&atom, &options).unwrap();
    assert_eq!(takeout.posts.len(), all.posts.len());
}

#[test]
fn spans_point_into_the_xml() {
    let input = read("classic.xml");
    let export = blog_export::parse_any(&input).unwrap();
    for post in &export.posts {
        assert!(post.span.source(&input).starts_with("<entry"));
        assert!(post.span.source(&input).ends_with("</entry>"));
        let at = &input[..post.span.start];
        assert_eq!(post.span.line as usize, at.matches('\n').count() + 1);
        for block in &post.body {
            let content = block.span().source(&input);
            assert!(!content.contains("<content"), "{content}");
            assert!(input[..block.span().start].ends_with('>'));
        }
    }
}

#[test]
fn a_dtd_is_refused_never_expanded() {
    let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [\n<!ENTITY a \"aaaaaaaaaa\">\n<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n]>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content>&b;</content></entry></feed>";
    let err = blog_export::parse_any(bomb).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Xml);
    assert_eq!((err.line(), err.column()), (2, 1));
    assert!(err.message().contains("DTD"), "{}", err.message());
    // An entity no DTD declares is an error too, not text.
    let unknown = "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry><content>&b;</content></entry></feed>";
    let err = blog_export::parse_any(unknown).unwrap_err();
    assert_eq!((err.kind(), err.line()), (&ErrorKind::Xml, 2));
}

#[test]
fn malformed_xml_is_an_error_with_its_place() {
    let input = "<?xml version=\"1.0\"?>\n<feed>\n  <entry><title>x</titel></entry>\n</feed>";
    let err = blog_export::parse_any(input).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Xml);
    assert_eq!(err.line(), 3);
    assert!(
        err.message().starts_with("malformed XML"),
        "{}",
        err.message()
    );
    let err = blog_export::parse_any("<?xml version=\"1.0\"?><html></html>").unwrap_err();
    assert!(
        err.message().contains("not a Blogger export"),
        "{}",
        err.message()
    );
    let err = blog_export::parse_any("<feed></feed>").unwrap_err();
    assert!(
        err.message().contains("no published post"),
        "{}",
        err.message()
    );
}

#[test]
fn every_cut_of_a_backup_is_an_error_or_an_export_never_a_panic() {
    let input = read("classic.xml");
    for end in (0..input.len()).step_by(97) {
        let end = (0..=end)
            .rev()
            .find(|&k| input.is_char_boundary(k))
            .unwrap();
        match blog_export::parse_any(&input[..end]) {
            Ok(_) => {}
            Err(e) => assert_ne!(e.kind(), &ErrorKind::Grammar, "{e}"),
        }
    }
}

#[test]
fn the_exports_in_json() {
    for name in ["classic.xml", "takeout.atom"] {
        let input = read(name);
        let export = blog_export::parse_any(&input).unwrap();
        insta::assert_json_snapshot!(name, export);
    }
}

#[test]
fn the_stream_reads_exactly_what_parse_any_reads() {
    // As saved, and on one line as Blogger writes its backups.
    let files = ["classic.xml", "takeout.atom"]
        .into_iter()
        .flat_map(|name| [read(name), read(name).replace("\n<entry", "<entry")])
        .map(|text| (text.lines().count(), text));
    for (lines, input) in files {
        let name = format!("{lines} lines");
        for options in [
            ParseOptions::default(),
            ParseOptions::default().with_drafts(true).with_pages(true),
        ] {
            let whole = blog_export::parse_any_with(&input, &options).unwrap();
            let mut reader =
                blog_export::FeedReader::with_options(std::io::Cursor::new(&input), options)
                    .unwrap();
            let posts: Vec<_> = reader.by_ref().map(Result::unwrap).collect();
            assert_eq!(posts, whole.posts, "{name}");
            assert_eq!(reader.diagnostics(), whole.diagnostics, "{name}");
        }
    }
    let bad =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry><title>x</titel></entry></feed>";
    let err = blog_export::FeedReader::new(std::io::Cursor::new(bad))
        .err()
        .unwrap();
    assert_eq!((err.kind(), err.line()), (&ErrorKind::Xml, 2));
}

/// The stream reads again only the content's bytes of an entry whose
/// content is plain character data, and any other entry whole: both give
/// what `parse_any` gives, spans and errors too, whatever the content's
/// form (CDATA, a comment, an element inside it, none), the lines (CRLF,
/// text before an entry on its line, letters outside ASCII) and the order
/// of posts and comments (a comment before its post, two posts of one id).
#[test]
fn the_stream_reads_contents_in_any_form_as_parse_any_does() {
    let kind = |k: &str| {
        format!(
            "<category scheme='http://schemas.google.com/g/2005#kind' \
             term='http://schemas.google.com/blogger/2008/kind#{k}'/>"
        )
    };
    let post = |n: u32, content: &str| {
        format!(
            "<entry><id>tag:blogger.com,1999:blog-1.post-{n}</id>\
             <published>2014-07-0{}T10:00:00.000+01:00</published>{}\
             <title type='text'> Été &amp; {n} </title>{content}\
             <category scheme='http://www.blogger.com/atom/ns#' term='garden &amp; shed'/>\
             <link rel='alternate' type='text/html' href='https://b.blogspot.com/p{n}.html'/>\
             <author><name>Ruth</name></author></entry>",
            1 + n % 9,
            kind("post")
        )
    };
    let comment = |n: u32, on: u32, content: &str| {
        format!(
            "<entry><id>tag:blogger.com,1999:blog-1.post-{n}</id>\
             <published>2014-07-0{}T11:00:00.000+01:00</published>{}{content}\
             <author><name>Reader ñ{n}</name></author>\
             <thr:in-reply-to ref='tag:blogger.com,1999:blog-1.post-{on}'/></entry>",
            1 + n % 9,
            kind("comment")
        )
    };
    let html = |text: &str| format!("<content type='html'>{text}</content>");
    let entries = [
        comment(101, 2, &html("Early, before its post.")),
        post(
            1,
            &html("&lt;p&gt;Café au lait.&lt;/p&gt;&lt;p&gt;Dear Mr. Smith,&lt;/p&gt;"),
        ),
        comment(102, 1, &html("First!&lt;br /&gt;Second line.")),
        post(
            2,
            "<content type='html'><![CDATA[<p>In CDATA.</p>]]></content>",
        ),
        post(
            3,
            &html("&lt;p&gt;One&lt;/p&gt;<!-- a comment -->&lt;p&gt;Two&lt;/p&gt;"),
        ),
        comment(
            103,
            3,
            "<content type='html'><b>an element</b> after</content>",
        ),
        post(4, "<content type='html'/>"),
        post(5, &html("")),
        post(6, ""),
        comment(104, 6, "<content type='html'></content>"),
        comment(105, 2, &html("Late, after its post.")),
        post(2, &html("&lt;p&gt;The same id again.&lt;/p&gt;")),
        comment(106, 2, &html("On the second post of id 2.")),
        post(7, &html("Two\u{a0}lines&#10;of &#233;t&#xE9;.")),
        comment(107, 9, &html("On no post.")),
    ];
    let head = "<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom' \
                xmlns:thr='http://purl.org/syndication/thread/1.0'>";
    let one_line = format!("{head}{}</feed>\n", entries.concat());
    let lines = format!("{head}\n{}\n</feed>\n", entries.join("\n"));
    let crlf = format!("{head}\r\n  ü {}\r\n</feed>\r\n", entries.join("\r\n ä "));
    for input in [one_line, lines, crlf] {
        let whole = blog_export::parse_any(&input).unwrap();
        let mut reader = blog_export::FeedReader::new(std::io::Cursor::new(&input)).unwrap();
        let posts: Vec<_> = reader.by_ref().map(Result::unwrap).collect();
        assert_eq!(posts, whole.posts, "{input}");
        assert_eq!(reader.diagnostics(), whole.diagnostics);
        assert_eq!(posts.len(), 8);
    }
    // A content whose escapes do not read is an error of the stream, where
    // the first pass (which does not unescape contents) did not see it.
    let bad = format!("{head}\n{}\n</feed>\n", post(1, &html("a &nope; b")));
    let mut reader = blog_export::FeedReader::new(std::io::Cursor::new(&bad)).unwrap();
    let err = reader.next().unwrap().unwrap_err();
    assert_eq!((err.kind(), err.line()), (&ErrorKind::Xml, 3));
    assert!(blog_export::parse_any(&bad).is_err());
    // parse_any reads every content's escapes, even of a comment on no
    // post, where it found them before it unescaped contents as it built
    // posts.
    let orphan = format!(
        "{head}\n{}\n{}\n</feed>\n",
        post(1, &html("Fine.")),
        comment(9, 8, &html("a &nope; b"))
    );
    let err = blog_export::parse_any(&orphan).unwrap_err();
    assert_eq!((err.kind(), err.line()), (&ErrorKind::Xml, 4));
    // A title that does not unescape is, as before the first pass kept
    // titles, the stream's error at its post, after the posts before it.
    let title = format!(
        "{head}\n{}\n{}\n</feed>\n",
        post(1, &html("Fine.")),
        post(2, &html("Fine.")).replace("Été &amp; 2", "&nope;")
    );
    let mut reader = blog_export::FeedReader::new(std::io::Cursor::new(&title)).unwrap();
    assert!(reader.next().unwrap().is_ok());
    let err = reader.next().unwrap().unwrap_err();
    assert_eq!((err.kind(), err.line()), (&ErrorKind::Xml, 4));
    assert!(blog_export::parse_any(&title).is_err());
}

/// A post's id is the same on its own page, on a home or archive page
/// that cuts its body at "Read more", and untitled or titled alike.
#[test]
fn a_post_keeps_its_id_wherever_it_appears() {
    let own = "Friday 25 July 2014\n\nRain at Last\n\nAfter three dry weeks the rain came.\n\nThe butts are full.\n\n2 comments:\n\nAna said...\n\n    Lovely.\n\n    25 July 2014 at 10:30\n";
    let home = "Saturday 26 July 2014\n\nA Walk\n\nTo the river.\n\nFriday 25 July 2014\n\nRain at Last\n\nAfter three dry weeks the rain came.\n\nRead more »\n";
    let id = |text: &str, k: usize| blog_export::parse(text).unwrap().posts[k].post_id();
    assert_eq!(id(own, 0), "2014-07-25-rain-at-last");
    assert_eq!(id(own, 0), id(home, 1));
    assert_ne!(id(home, 0), id(home, 1));
    let untitled = "Friday 25 July 2014\n\n\nAfter three dry weeks the rain came in the night.\n";
    let cut = "Friday 25 July 2014\n\n\nAfter three dry weeks the rain came in the...\n";
    assert_eq!(id(untitled, 0), id(cut, 0));
}
