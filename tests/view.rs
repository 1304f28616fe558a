//! The HTML report (`blog_export::view`): every piece of the input is text,
//! never markup; the summary has the counts of the parse; each post's data
//! holds its source and its elements where the parse puts them.
#![cfg(feature = "view")]

use blog_export::view::Report;
use blog_export::{parse, Export};

mod common;
use common::seed_files as seeds;

/// The contents of the page's `<script type="application/json">` blocks,
/// in order.
fn json_blocks(html: &str) -> Vec<&str> {
    html.split("<script type=\"application/json\"")
        .skip(1)
        .map(|rest| {
            let start = rest.find('>').unwrap() + 1;
            &rest[start..rest.find("</script>").unwrap()]
        })
        .collect()
}

/// Each post's data, parsed.
fn articles(html: &str) -> Vec<serde_json::Value> {
    json_blocks(html)[1..]
        .iter()
        .map(|b| serde_json::from_str(b).unwrap())
        .collect()
}

const MARKUP: &str = "Friday 25 July 2014\n\n</textarea><script>alert('title')</script>\n\n<img src=x onerror=alert(1)> & </script><b>bold</b> &amp;\n\nDear <i>Sir</i>,\n\nText.\n\nYours sincerely,\n\n<script>alert('signer')</script>\n\n1 comment:\n\n  1. </textarea><script>alert(2)</script>\n\n    <u>sig</u>\n\n    ReplyDelete\n";

#[test]
fn markup_in_the_input_is_text() {
    let export = parse(MARKUP).unwrap();
    let html = Report::new()
        .add("<script>alert('name')</script>.txt", MARKUP, &export)
        .render();
    // The template itself writes no textarea, bold, italic, image or
    // underline, and its only scripts are its own: kinds, code, one post.
    for tag in [
        "<textarea",
        "</textarea",
        "<b>",
        "<i>",
        "<img",
        "<u>",
        "<script>alert",
    ] {
        assert!(!html.contains(tag), "{tag} in the page");
    }
    assert_eq!(html.matches("<script").count(), 3);
    assert_eq!(html.matches("</script>").count(), 3);
    // Where the template writes text, it is escaped HTML; in the JSON, `<`,
    // `>` and `&` are escapes.
    let title = "</textarea><script>alert('title')</script>";
    assert!(html.contains(&format!(
        "<span class=\"title\" data-kind=\"title\">{}</span>",
        escaped(title)
    )));
    assert!(html.contains(&escaped("<script>alert('name')</script>.txt")));
    for block in json_blocks(&html) {
        assert!(!block.contains(['<', '>', '&']), "{block}");
    }
    // ... and reads back as the input's own text.
    let data = &articles(&html)[0];
    assert_eq!(data["src"], MARKUP);
    assert_eq!(
        data["body"][0]["t"][1],
        "<img src=x onerror=alert(1)> & </script><b>bold</b> &amp;"
    );
    assert_eq!(data["body"][1]["salutation"][1], "Dear <i>Sir</i>,");
    let comment = &data["comments"]["items"][0];
    assert_eq!(
        comment["paragraphs"][0][1],
        "</textarea><script>alert(2)</script>"
    );
    // Not a name, so not a signature: a paragraph.
    assert_eq!(comment["paragraphs"][1][1], "<u>sig</u>");
}

/// Text as minijinja's HTML escaping writes it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2f;")
}

/// The `<td class="KEY">` of the summary row of `file`.
fn cell(html: &str, file: &str, key: &str) -> usize {
    let row = &html[html
        .find(&format!("data-file=\"{}\"", escaped(file)))
        .unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    let at = row.find(&format!("<td class=\"{key}\">")).unwrap() + key.len() + 13;
    let text = &row[at..at + row[at..].find("</td>").unwrap()];
    // A count with diagnostics is a link to them.
    let text = text.rsplit_once("\">").map_or(text, |(_, t)| t);
    text.trim_end_matches("</a>").parse().unwrap()
}

#[test]
fn the_summary_counts_each_file_and_all() {
    let seeds = seeds();
    let exports: Vec<Export> = seeds.iter().map(|(_, t)| parse(t).unwrap()).collect();
    let mut report = Report::new();
    for ((name, text), export) in seeds.iter().zip(&exports) {
        report.add(name.as_str(), text, export);
    }
    report.add_failure("missing.txt", "cannot read");
    let html = report.render();
    let mut total = [0; 5];
    for ((name, _), export) in seeds.iter().zip(&exports) {
        let mut replies = 0;
        let mut comments = 0;
        for section in export.posts.iter().filter_map(|p| p.comments.as_ref()) {
            comments += section.items.len();
            replies += section.total() - section.items.len();
        }
        let letters = export.posts.iter().map(|p| p.letters().count()).sum();
        let expected = [
            export.posts.len(),
            comments,
            replies,
            letters,
            export.diagnostics.len(),
        ];
        let keys = ["posts", "comments", "replies", "letters", "diagnostics"];
        assert_eq!(keys.map(|k| cell(&html, name, k)), expected, "{name}");
        for (t, e) in total.iter_mut().zip(expected) {
            *t += e;
        }
    }
    let keys = ["posts", "comments", "replies", "letters", "diagnostics"];
    assert_eq!(keys.map(|k| cell(&html, "total", k)), total);
    // The seeds' figures, as the README's `stats` shows them.
    assert_eq!(total, [24, 43, 26, 12, 2]);
    assert!(html.contains("missing.txt <span class=\"error\">cannot read</span>"));
    assert!(html.contains("(1 not read)"));
    // One article per post (the seeds start with a post).
    assert_eq!(html.matches("<article ").count(), 24);
}

#[test]
fn each_post_holds_its_source_and_elements() {
    for (name, text) in seeds() {
        let export = parse(&text).unwrap();
        let html = Report::new().add(name.as_str(), &text, &export).render();
        let data = articles(&html);
        assert_eq!(data.len(), export.posts.len(), "{name}");
        // The posts' sources, one after another, are the input from the
        // first header on.
        let joined: String = data.iter().map(|d| d["src"].as_str().unwrap()).collect();
        assert_eq!(joined, text[export.posts[0].span.start..], "{name}");
        let kinds: Vec<String> = serde_json::from_str(json_blocks(&html)[0]).unwrap();
        let mut elements = export.elements().into_iter();
        let mut diagnostics = export.diagnostics.iter();
        for (d, post) in data.iter().zip(&export.posts) {
            let src: Vec<u16> = d["src"].as_str().unwrap().encode_utf16().collect();
            assert_eq!(d["line"], post.span.line, "{name}");
            // Each element's range (UTF-16 units) holds the element's text,
            // with its kind.
            for e in d["el"].as_array().unwrap() {
                let want = elements.next().unwrap();
                let (s, t) = (e[1].as_u64().unwrap(), e[2].as_u64().unwrap());
                let got = String::from_utf16(&src[s as usize..t as usize]).unwrap();
                assert_eq!(got, want.span.source(&text), "{name}");
                let kind = serde_json::to_value(want.kind).unwrap();
                assert_eq!(kinds[e[0].as_u64().unwrap() as usize], kind, "{name}");
            }
            // A diagnostic's line is its line of the post's source.
            for g in d["diags"].as_array().unwrap() {
                let want = diagnostics.next().unwrap();
                let n = g["line"].as_u64().unwrap() as usize;
                let line = d["src"].as_str().unwrap().split('\n').nth(n).unwrap();
                let from = want.span.start - text[..want.span.start].rfind('\n').unwrap() - 1;
                assert!(text[want.span.start..].starts_with(&line[from..]), "{name}");
                assert_eq!(g["message"], want.message.as_str());
            }
        }
        assert!(elements.next().is_none() && diagnostics.next().is_none());
        // The title drawn is the parse's title.
        let title = export.posts[0].title.as_deref().unwrap();
        let title = escaped(title);
        assert!(html.contains(&format!(
            "<span class=\"title\" data-kind=\"title\">{title}</span>"
        )));
    }
}

#[test]
fn text_before_the_first_post_is_a_segment_of_its_own() {
    let input = "Blog Archive\n\nAbout me\n\nFriday 25 July 2014\n\nTitle\n\nBody.";
    let export = parse(input).unwrap();
    let html = Report::new().add("a.txt", input, &export).render();
    let data = articles(&html);
    assert_eq!(data.len(), 2);
    assert_eq!(data[0]["src"], "Blog Archive\n\nAbout me\n\n");
    assert_eq!(data[0]["line"], 1);
    assert_eq!(data[1]["line"], 5);
    assert!(html.contains("Before the first post"));
}
