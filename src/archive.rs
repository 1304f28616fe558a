//! [`Archive`]: the posts of a blog saved page by page, one record per
//! distinct post. A post appears on its own page (with its comments), on
//! home pages, monthly archives and label pages (often cut at "Read more"),
//! and in Blogger's XML export; the archive folds every appearance into
//! one post, keyed by [`Post::post_id`], keeping the fullest version:
//!
//! - the body: the longest one whose words the others begin with (a body
//!   cut at "Read more" is the start of the whole one);
//! - the comments: the largest thread, then every comment the other
//!   appearances show that it lacks (the same author and text is one
//!   comment, whatever the time's form), in a fixed order;
//! - the sources: every file and line where the post appears.
//!
//! A post's spans are those of the page its body was kept from; a
//! comment's, those of the page it was taken from (the largest thread's,
//! or another page's for a comment only that page shows).
//!
//! Two appearances with one id whose bodies disagree (neither is the start
//! of the other) stay two posts, and [`Archive::conflicts`] names them:
//! nothing is merged silently. The result does not depend on the order
//! the pages come in. Memory holds the distinct posts, not the pages.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::ast::Export;
use crate::ast::{Block, Comment, CommentSection, Post};

/// Where a post appears: the file (as the caller names it) and the line of
/// its date header there.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Source {
    /// The file.
    pub file: String,
    /// The line of the post's date header (or XML entry) in it.
    pub line: u32,
}

/// One distinct post of an [`Archive`]: its fullest version and every
/// place it appears.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ArchivePost {
    /// The post's stable id ([`Post::post_id`]).
    pub post_id: String,
    /// Every place the post appears, in order of file and line.
    pub sources: Vec<Source>,
    /// The fullest version of the post: its spans are those of the
    /// appearance whose body it keeps (the first source, by file and line,
    /// among those with the longest body).
    pub post: Post<'static>,
    /// Where the kept body, and so the post's spans, come from.
    pub body_source: Source,
    /// Comments the other appearances show beyond the largest thread, kept
    /// apart until [`Archive::posts`] joins them.
    #[serde(skip)]
    extra: BTreeMap<String, Comment<'static>>,
}

/// The distinct posts of many pages ([`Archive::add`], then
/// [`Archive::posts`]).
///
/// ```
/// use blog_export::Archive;
/// let own = "Friday 25 July 2014\n\nRain\n\nThe rain came.\n\nIt was warm.\n\n1 comment:\n\nAna said...\n\n    Lovely.\n\n    25 July 2014 at 10:30\n";
/// let home = "Saturday 26 July 2014\n\nSun\n\nDry again.\n\nFriday 25 July 2014\n\nRain\n\nThe rain came.\n\nRead more »\n";
/// let mut archive = Archive::new();
/// archive.add("home.txt", blog_export::parse(home)?);
/// archive.add("rain.txt", blog_export::parse(own)?);
/// let posts = archive.posts();
/// assert_eq!(posts.len(), 2);
/// let rain = posts.iter().find(|p| p.post_id == "2014-07-25-rain").unwrap();
/// assert_eq!(rain.sources.len(), 2);
/// assert_eq!(rain.post.body.len(), 2); // the whole body, not the cut one
/// assert_eq!(rain.post.comment_count(), 1);
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct Archive {
    /// By id: the posts with that id (more than one only when their bodies
    /// disagree).
    posts: BTreeMap<String, Vec<ArchivePost>>,
}

impl Archive {
    /// An empty archive.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds every post of one parsed file.
    pub fn add(&mut self, file: &str, export: Export<'_>) {
        for post in export.posts {
            self.add_post(file, post.into_owned());
        }
    }

    /// Adds one post that appears in `file`.
    pub fn add_post(&mut self, file: &str, post: Post<'static>) {
        let source = Source {
            file: file.to_owned(),
            line: post.header_span.line,
        };
        self.insert(source, post);
    }

    /// Folds an appearance into the post it is, or makes it a new one;
    /// returns the post it went to.
    fn insert(&mut self, source: Source, post: Post<'static>) -> &mut ArchivePost {
        let post_id = post.post_id();
        let variants = self.posts.entry(post_id.clone()).or_default();
        let words = body_words(&post);
        // The variant whose body this one begins or is begun by, and how
        // many words that body has (each body's words found once).
        let same = variants.iter().enumerate().find_map(|(k, known)| {
            let known_words = body_words(&known.post);
            (starts_with(&words, &known_words) || starts_with(&known_words, &words))
                .then_some((k, known_words.len()))
        });
        let k = match same {
            Some((k, known_len)) => {
                let known = &mut variants[k];
                let fuller = (words.len(), std::cmp::Reverse(&source))
                    > (known_len, std::cmp::Reverse(&known.body_source));
                known.merge(post, source, fuller);
                k
            }
            None => {
                variants.push(ArchivePost {
                    post_id,
                    sources: vec![source.clone()],
                    post,
                    body_source: source,
                    extra: BTreeMap::new(),
                });
                variants.len() - 1
            }
        };
        &mut variants[k]
    }

    /// Folds another archive in (the posts of other files, read apart:
    /// on other threads, say). The result is the same in any order.
    pub fn absorb(&mut self, other: Archive) {
        for variants in other.posts.into_values() {
            for p in variants {
                let mut sources = p.sources.into_iter();
                let Some(first) = sources.next() else {
                    continue;
                };
                let mut post = p.post;
                if let Some(section) = &mut post.comments {
                    section.items.extend(p.extra.into_values());
                }
                let into = self.insert(first, post);
                // The other places it appears showed the same post.
                for source in sources {
                    let at = into.sources.binary_search(&source).unwrap_or_else(|k| k);
                    into.sources.insert(at, source);
                }
            }
        }
    }

    /// The distinct posts, newest first (then by id), each with its sources
    /// and its full thread.
    pub fn posts(&self) -> Vec<ArchivePost> {
        let mut out: Vec<ArchivePost> = self
            .posts
            .values()
            .flatten()
            .map(ArchivePost::finished)
            .collect();
        out.sort_by(|a, b| {
            (b.post.date, &a.post_id, &a.sources).cmp(&(a.post.date, &b.post_id, &b.sources))
        });
        out
    }

    /// The ids shared by posts whose bodies disagree (neither is the start
    /// of the other), with the sources of each: kept apart, never merged.
    pub fn conflicts(&self) -> Vec<(String, Vec<Vec<Source>>)> {
        self.posts
            .iter()
            .filter(|(_, v)| v.len() > 1)
            .map(|(id, v)| {
                let mut sources: Vec<Vec<Source>> = v.iter().map(|p| p.sources.clone()).collect();
                sources.sort();
                (id.clone(), sources)
            })
            .collect()
    }
}

impl ArchivePost {
    /// Folds another appearance in: its source, its body when it is the
    /// fuller, its comments.
    fn merge(&mut self, post: Post<'static>, source: Source, fuller: bool) {
        let pos = self.sources.binary_search(&source).unwrap_or_else(|k| k);
        self.sources.insert(pos, source.clone());
        let mut other = post;
        if fuller {
            self.body_source = source;
            std::mem::swap(&mut self.post.body, &mut other.body);
            std::mem::swap(&mut self.post.title_span, &mut other.title_span);
            std::mem::swap(&mut self.post.header_span, &mut other.header_span);
            std::mem::swap(&mut self.post.span, &mut other.span);
        }
        if self.post.entry.is_none() {
            self.post.entry = other.entry.take();
        }
        self.merge_comments(other.comments.take());
    }

    /// Keeps the largest thread as the post's own and every other comment
    /// apart, by its key.
    fn merge_comments(&mut self, other: Option<CommentSection<'static>>) {
        let Some(mut other) = other else {
            return;
        };
        let mine = self.post.comments.get_or_insert_with(|| CommentSection {
            declared: None,
            items: Vec::new(),
            stray: Vec::new(),
            header_span: None,
            span: other.span,
        });
        // The larger thread (the one with more comments; on a tie, the one
        // whose keys come first) is the post's own.
        let size = |s: &CommentSection<'_>| (s.total(), std::cmp::Reverse(keys(s)));
        if size(&other) > size(mine) {
            std::mem::swap(mine, &mut other);
        }
        mine.declared = mine.declared.max(other.declared);
        // Every comment of the thread, replies too: a page that shows a
        // thread flat and a file that nests it hold the same comments.
        let own: std::collections::BTreeSet<String> =
            mine.threaded().map(|(comment, _)| key(comment)).collect();
        for comment in other.items {
            let k = key(&comment);
            if !own.contains(&k) {
                self.extra.entry(k).or_insert(comment);
            }
        }
        for k in &own {
            self.extra.remove(k);
        }
    }

    /// The post with its thread whole: its own comments as they were
    /// numbered, then the others' in the order of their keys, numbered on
    /// from the thread's highest number.
    fn finished(&self) -> ArchivePost {
        let mut done = self.clone();
        if let Some(section) = &mut done.post.comments {
            let last = section.threaded().map(|(c, _)| c.number).max().unwrap_or(0);
            let extra = std::mem::take(&mut done.extra).into_values();
            for (n, mut comment) in (last + 1..).zip(extra) {
                comment.number = n;
                section.items.push(comment);
            }
            if section.items.is_empty() {
                done.post.comments = None;
            }
        }
        done
    }
}

/// What makes two comments one: the author and the words of the text (not
/// the time, which a page and an export file write differently: two equal
/// comments by one author under one post are taken for one).
fn key(comment: &Comment<'_>) -> String {
    let mut k = String::new();
    k.push_str(comment.author_name().unwrap_or(""));
    for p in &comment.paragraphs {
        k.push('\u{1f}');
        k.extend(words(&p.text).flat_map(|w| [w, " ".to_owned()]));
    }
    k
}

fn keys(section: &CommentSection<'_>) -> Vec<String> {
    section.items.iter().map(key).collect()
}

/// The words of a text, lower case, letters and digits only.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The words of a post's body, without a last "Read more" line (Blogger's
/// jump link on home, archive and label pages).
fn body_words(post: &Post<'_>) -> Vec<String> {
    let mut texts: Vec<&str> = Vec::new();
    for block in &post.body {
        match block {
            Block::Paragraph(p) => texts.push(&p.text),
            Block::List(l) => texts.extend(l.items.iter().map(|i| &*i.text)),
            Block::Letter(l) => {
                texts.extend(l.headers.iter().map(|h| &*h.value));
                texts.extend(l.salutation.as_ref().map(|s| &*s.text));
                for b in &l.paragraphs {
                    if let Block::Paragraph(p) = b {
                        texts.push(&p.text);
                    }
                }
            }
            Block::Separator(_) | Block::Furniture(_) => {}
        }
    }
    if texts
        .last()
        .is_some_and(|t| t.trim_start().to_lowercase().starts_with("read more"))
    {
        texts.pop();
    }
    texts.into_iter().flat_map(words).collect()
}

/// Whether `whole` begins with `start`.
fn starts_with(whole: &[String], start: &[String]) -> bool {
    whole.len() >= start.len() && whole[..start.len()] == *start
}
