//! An archive as a dataset ([`blog_export::Archive`]): a made-up blog of 30
//! posts written out as the pages a person saving it gets (each post's own
//! page with its thread, an older save of some with part of the thread,
//! home pages of the latest posts with bodies cut at "Read more", monthly
//! archives, label pages) gives exactly its 30 posts, each thread once with
//! all its comments, each letter once, whatever the order of the pages.

use blog_export::{Archive, ArchivePost};
use chrono::{Days, NaiveDate};
use proptest::prelude::*;

const POSTS: usize = 30;

/// One post of the made-up blog.
struct Made {
    date: NaiveDate,
    title: String,
    paragraphs: Vec<String>,
    letter: bool,
    comments: usize,
    label: bool,
}

fn blog() -> Vec<Made> {
    let start = NaiveDate::from_ymd_opt(2014, 1, 2).unwrap();
    (0..POSTS)
        .map(|i| Made {
            date: start.checked_add_days(Days::new(3 * i as u64)).unwrap(),
            title: format!(
                "Garden diary {i}: the {} beds",
                ["north", "south", "east"][i % 3]
            ),
            paragraphs: (1..=3)
                .map(|p| format!("Paragraph {p} of entry {i}, about the weather and the beans."))
                .collect(),
            letter: i % 10 == 5,
            comments: if i % 4 == 0 { 1 + i % 3 } else { 0 },
            label: i % 3 == 0,
        })
        .collect()
}

fn header(post: &Made) -> String {
    post.date.format("%A %-d %B %Y").to_string()
}

/// A post as a page shows it: whole or cut at "Read more", with the first
/// `comments` of its thread (none: no comment section).
fn shown(post: &Made, cut: bool, comments: Option<usize>) -> String {
    let mut out = format!("{}\n\n{}\n\n", header(post), post.title);
    let paragraphs = if cut {
        &post.paragraphs[..1]
    } else {
        &post.paragraphs[..]
    };
    for p in paragraphs {
        out += &format!("{p}\n\n");
    }
    if post.letter && !cut {
        out += "Dear Mr. Smith,\n\nThe hedge may be cut back to five feet.\n\nYours sincerely,\n\nJohn Brown\n\n";
    }
    if cut {
        out += "Read more »\n\n";
    }
    if let Some(n) = comments {
        out += &format!("{} comments:\n\n", post.comments);
        for j in 0..n {
            out += &format!(
                "Reader{j} said...\n\n    Comment {j} on the entry of {}.\n\n    {} at 10:0{j}\n\n",
                header(post),
                post.date.format("%-d %B %Y")
            );
        }
    }
    out
}

/// Every page of the saved blog, with its name.
fn pages() -> Vec<(String, String)> {
    let posts = blog();
    let mut out = Vec::new();
    for (i, post) in posts.iter().enumerate() {
        out.push((
            format!("post-{i:02}.txt"),
            shown(post, false, Some(post.comments)),
        ));
        if post.comments > 1 {
            // Saved earlier, when the thread was shorter.
            out.push((format!("post-{i:02}-old.txt"), shown(post, false, Some(1))));
        }
    }
    let newest: Vec<&Made> = posts.iter().rev().collect();
    for (k, page) in newest.chunks(5).enumerate() {
        let text: String = page
            .iter()
            .map(|p| shown(p, p.paragraphs.len() % 2 == 1, None))
            .collect();
        out.push((format!("home-{k}.txt"), text));
    }
    for month in 1..=4 {
        let text: String = newest
            .iter()
            .filter(|p| p.date.format("%m").to_string() == format!("{month:02}"))
            .map(|p| shown(p, false, None))
            .collect();
        if !text.is_empty() {
            out.push((format!("2014-{month:02}.txt"), text));
        }
    }
    let labelled: String = newest
        .iter()
        .filter(|p| p.label)
        .map(|p| shown(p, true, None))
        .collect();
    out.push(("label-north.txt".to_owned(), labelled));
    out
}

fn archive_of(pages: &[(String, String)]) -> Vec<ArchivePost> {
    let mut archive = Archive::new();
    for (name, text) in pages {
        archive.add(name, blog_export::parse(text).unwrap());
    }
    assert!(archive.conflicts().is_empty(), "{:?}", archive.conflicts());
    archive.posts()
}

#[test]
fn a_saved_blog_gives_each_post_once_with_its_full_thread() {
    let posts = blog();
    let pages = pages();
    let archive = archive_of(&pages);
    assert_eq!(archive.len(), POSTS);
    for made in &posts {
        let id = blog_export::parse(&shown(made, true, None)).unwrap().posts[0].post_id();
        let got = archive.iter().find(|p| p.post_id == id).unwrap();
        assert_eq!(got.post.title.as_deref(), Some(&*made.title));
        // The whole body, never the cut one.
        let paragraphs = got
            .post
            .body
            .iter()
            .filter(|b| matches!(b, blog_export::Block::Paragraph(_)))
            .count();
        assert_eq!(paragraphs, 3, "{id}");
        assert_eq!(got.post.letters().count(), usize::from(made.letter), "{id}");
        // Each comment once, the older save's included only once.
        assert_eq!(got.post.comment_count(), made.comments, "{id}");
        let numbers: Vec<u32> = got
            .post
            .comments
            .iter()
            .flat_map(|s| &s.items)
            .map(|c| c.number)
            .collect();
        assert_eq!(numbers, (1..=made.comments as u32).collect::<Vec<_>>());
        // Every page that shows it is a source.
        let shows = pages
            .iter()
            .filter(|(_, text)| text.contains(&made.title))
            .count();
        assert_eq!(got.sources.len(), shows, "{id}");
    }
}

#[test]
fn the_order_of_the_pages_changes_nothing() {
    let pages = pages();
    let json = |pages: &[(String, String)]| serde_json::to_string(&archive_of(pages)).unwrap();
    let canonical = json(&pages);
    let mut reversed = pages.clone();
    reversed.reverse();
    assert_eq!(json(&reversed), canonical);
    let mut rotated = pages.clone();
    rotated.rotate_left(7);
    assert_eq!(json(&rotated), canonical);
}

#[test]
fn posts_that_share_an_id_but_differ_stay_apart() {
    let a = "Friday 25 July 2014\n\nNews\n\nThe council met today.\n";
    let b = "Friday 25 July 2014\n\nNews\n\nA fox in the garden.\n";
    let mut archive = Archive::new();
    archive.add("a.txt", blog_export::parse(a).unwrap());
    archive.add("b.txt", blog_export::parse(b).unwrap());
    assert_eq!(archive.posts().len(), 2);
    let conflicts = archive.conflicts();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].0, "2014-07-25-news");
    assert_eq!(conflicts[0].1.len(), 2);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Any selection of the pages, in any order: the posts they show, each
    /// once, the same as in page order.
    #[test]
    fn any_layout_of_the_pages(picks in proptest::collection::vec(any::<bool>(), 64), seed in any::<u64>()) {
        let all = pages();
        let chosen: Vec<(String, String)> = all
            .iter()
            .zip(picks.iter().cycle())
            .filter(|(_, keep)| **keep)
            .map(|(page, _)| page.clone())
            .collect();
        let mut shuffled = chosen.clone();
        // A fixed shuffle from the seed.
        let n = shuffled.len();
        for k in (1..n).rev() {
            let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(k as u64) >> 33) as usize % (k + 1);
            shuffled.swap(k, j);
        }
        let expected = blog()
            .iter()
            .filter(|p| chosen.iter().any(|(_, text)| text.contains(&p.title)))
            .count();
        let a = archive_of(&chosen);
        prop_assert_eq!(a.len(), expected);
        let b = archive_of(&shuffled);
        prop_assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    }
}

#[test]
fn comments_only_other_pages_show_join_the_thread_once() {
    let page = |comments: &[&str]| {
        let mut text = format!(
            "Friday 25 July 2014\n\nRain\n\nThe rain came.\n\n{} comments:\n\n",
            comments.len()
        );
        for c in comments {
            text += &format!("{c} said...\n\n    Words of {c}.\n\n    25 July 2014 at 10:30\n\n");
        }
        text
    };
    let mut archive = Archive::new();
    archive.add("a.txt", blog_export::parse(&page(&["Ana", "Bo"])).unwrap());
    archive.add("b.txt", blog_export::parse(&page(&["Ana", "Cy"])).unwrap());
    let posts = archive.posts();
    let thread = &posts[0].post.comments.as_ref().unwrap().items;
    let got: Vec<(u32, Option<&str>)> =
        thread.iter().map(|c| (c.number, c.author_name())).collect();
    assert_eq!(got, [(1, Some("Ana")), (2, Some("Bo")), (3, Some("Cy"))]);
}
