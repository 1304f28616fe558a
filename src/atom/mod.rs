//! Blogger's own export files: the XML backup from Settings
//! (`blog-MM-DD-YYYY.xml`, Atom entries with `kind#post` and `kind#comment`
//! categories) and Google Takeout's `feed.atom` (Blogger's 2018 schema,
//! with `blogger:type`, `blogger:status`, `blogger:parent` and
//! `blogger:inReplyTo`), read into the same [`Export`] as text pages.
//!
//! The passes, one file each: [`entries`] reads the XML into entries (both
//! dialects into one shape); [`html`] makes an entry's HTML content text in
//! the form of a page's body, which the text parser's own body rule and
//! letter pass then read (so a quoted letter is found exactly as on a
//! page); this file puts posts and their comment threads together.
//!
//! Spans point into the XML file: a post's and a comment's span is its
//! entry's bytes, and every block of a body points at the content
//! element's text. The lossless invariant of text pages (every line in
//! exactly one element) does not hold for XML files.

mod entries;
mod html;
mod stream;

pub use stream::FeedReader;

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{DateTime, Datelike, FixedOffset};

use crate::ast::{
    Block, Comment, CommentSection, Export, FeedEntry, IntoOwned, Paragraph, Post, Posted, Spans,
};
use crate::builder::Builder;
use crate::diagnostic::Diagnostic;
use crate::error::{Error, ErrorKind};
use crate::languages::Language;
use crate::options::ParseOptions;
use crate::span::{LineIndex, Span};
use entries::{ContentForm, Depth, Entries, Entry, Keep, Kind, Problem, Status};

/// Whether `input` is one of Blogger's export files (XML) rather than a
/// saved page: after a byte order mark and white space it starts with an
/// XML declaration or an Atom `<feed` element.
///
/// ```
/// assert!(blog_export::is_feed("<?xml version='1.0' encoding='UTF-8'?><feed>"));
/// assert!(!blog_export::is_feed("Friday 25 July 2014\n\nTitle"));
/// ```
pub fn is_feed(input: &str) -> bool {
    let start = input.trim_start_matches('\u{feff}').trim_start();
    start.starts_with("<?xml") || start.starts_with("<feed")
}

/// Parses a saved page or one of Blogger's export files (the XML backup
/// from Settings, or Takeout's `feed.atom`), found from the content
/// ([`is_feed`]), into the same typed values.
///
/// For an export file: posts are the published `kind#post` (or `POST`)
/// entries, in the file's order; each post's date is its `published` time
/// in the offset the file gives, its body the HTML content as blocks
/// (paragraphs from `<p>`, `<div>` and `<br><br>` runs, lists, block
/// quotes, `<hr>` separators) with quoted letters found as on a page, and
/// [`Post::entry`] holds its exact time, author, labels and address.
/// Comments are threaded: replies under the comment they answer
/// (`blogger:inReplyTo`, or the classic file's `related` link), each with
/// its author, time and text; removed comments are kept with their notice.
/// Drafts, trashed and deleted items, static pages, the settings and the
/// template are skipped and counted in a
/// [`SkippedEntries`](crate::DiagnosticKind::SkippedEntries) diagnostic
/// ([`ParseOptions::with_drafts`] and [`ParseOptions::with_pages`] read
/// drafts and pages). A DTD is refused, so no entity is ever expanded;
/// malformed XML is an [`ErrorKind::Xml`] error with its line and column.
///
/// ```
/// let xml = r#"<?xml version='1.0' encoding='UTF-8'?>
/// <feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0'>
/// <entry>
///   <id>tag:blogger.com,1999:blog-1.post-10</id>
///   <published>2014-07-25T10:00:00.000+01:00</published>
///   <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
///   <title type='text'>Summer</title>
///   <content type='html'>&lt;p&gt;Hot today.&lt;/p&gt;</content>
///   <author><name>Jane</name></author>
/// </entry>
/// <entry>
///   <id>tag:blogger.com,1999:blog-1.post-11</id>
///   <published>2014-07-25T12:00:00.000+01:00</published>
///   <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>
///   <content type='html'>Lovely!</content>
///   <author><name>Anonymous</name></author>
///   <thr:in-reply-to ref='tag:blogger.com,1999:blog-1.post-10'/>
/// </entry>
/// </feed>"#;
/// let export = blog_export::parse_any(xml)?;
/// let post = &export.posts[0];
/// assert_eq!(post.date.unwrap().to_string(), "2014-07-25");
/// assert_eq!(post.title.as_deref(), Some("Summer"));
/// let comment = &post.comments.as_ref().unwrap().items[0];
/// assert_eq!(comment.author_name(), Some("Anonymous"));
/// assert_eq!(comment.paragraphs[0].text, "Lovely!");
/// // A text page goes to the text parser.
/// assert_eq!(blog_export::parse_any("Friday 25 July 2014\n\nT")?.posts.len(), 1);
/// # Ok::<(), blog_export::Error>(())
/// ```
pub fn parse_any(input: &str) -> Result<Export<'_>, Error> {
    parse_any_with(input, &ParseOptions::default())
}

/// [`parse_any`] with options: limits, strictness and the language apply
/// to both forms.
///
/// ```
/// use blog_export::ParseOptions;
/// let xml = "<feed xmlns='http://www.w3.org/2005/Atom'></feed>";
/// let err = blog_export::parse_any_with(xml, &ParseOptions::default().with_max_input_bytes(10)).unwrap_err();
/// assert_eq!(err.limit(), Some(blog_export::Limit::InputBytes));
/// ```
pub fn parse_any_with<'a>(input: &'a str, options: &ParseOptions) -> Result<Export<'a>, Error> {
    if !is_feed(input) {
        return crate::parse_with(input, options);
    }
    let index = LineIndex::new(input);
    if input.len() > options.max_input_bytes() {
        options.check_input(input, &index)?;
    }
    let language = options.language().unwrap_or(Language::ENGLISH);
    // Entries are read without their contents' text, which each post then
    // unescapes from the input as it is built (so the file's contents are
    // never all held at once). Any error there, or a content that does not
    // read, and the file is read again the first way, with every text as
    // it comes, which finds the error it always found, where it found it.
    let export = match assemble(&index, Keep::Index, options, language) {
        Ok(export) => export,
        Err(_) => assemble(&index, Keep::All, options, language)?,
    };
    options.check_posts(&export.posts, &index)?;
    if export.posts.is_empty() {
        return Err(Error::at(
            &index,
            0,
            ErrorKind::NoDateHeader,
            "the export file holds no published post".to_owned(),
        ));
    }
    Ok(export)
}

/// Which skipped entries a diagnostic counts.
#[derive(Default)]
struct Skipped {
    drafts: usize,
    removed: usize,
    pages: usize,
    other: usize,
    orphans: usize,
}

impl Skipped {
    /// The diagnostic that counts them, if any was skipped.
    fn diagnostic(&self) -> Option<Diagnostic> {
        let counts = self.note()?;
        let start = Span {
            start: 0,
            end: 0,
            line: 1,
            column: 1,
        };
        Some(Diagnostic::skipped_entries(start, &counts))
    }

    fn note(&self) -> Option<String> {
        let parts: Vec<String> = [
            (self.drafts, "draft", "drafts"),
            (
                self.removed,
                "trashed or deleted item",
                "trashed or deleted items",
            ),
            (self.pages, "static page", "static pages"),
            (
                self.other,
                "settings or template entry",
                "settings or template entries",
            ),
            (
                self.orphans,
                "comment on no post read",
                "comments on no post read",
            ),
        ]
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// The entries sorted: the posts to read, in the file's order; their
/// comments, each with its post's index in `posts`, in order of that
/// index and, under one post, in the file's order; and what was skipped.
/// What is kept of an entry is the caller's (`P`: the whole entry, or only
/// where it is). Flat, so that a large file's index holds no vector for
/// each post.
struct Sorted<P> {
    posts: Vec<P>,
    comments: Vec<(u32, P)>,
    skipped: Skipped,
}

/// What is kept of an entry: at least where it starts (which orders the
/// comments of a post).
trait Kept {
    /// The offset (bytes) the entry starts at.
    fn start(&self) -> usize;
}

impl Kept for Entry {
    fn start(&self) -> usize {
        self.range.0
    }
}

/// What threading needs of a comment: its number, the number of the
/// comment it answers, and when it was published (milliseconds).
#[derive(Debug, Clone, Copy)]
struct Link {
    number: Option<u64>,
    reply_to: Option<u64>,
    published: Option<i64>,
}

impl Link {
    fn of(entry: &Entry) -> Link {
        Link {
            number: number(&entry.id),
            reply_to: entry.reply_to.as_deref().and_then(number),
            published: published(entry).map(|at| at.timestamp_millis()),
        }
    }
}

/// The number that ends an id or address (`...post-123`).
fn number(id: &str) -> Option<u64> {
    entries::last_number(id).parse().ok()
}

/// What [`sort`] leaves out: an entry skipped, or what was kept of a
/// comment on no post read.
enum Left<'e, P> {
    Skipped(&'e Entry),
    Orphan(P),
}

/// Sorts entries into posts and their comments, skipping (and counting)
/// what the options do not read, keeping `keep(entry)` of each (which may
/// refuse it); what is left out goes to `left` (which may refuse it).
///
/// A comment goes to the last post of its number, after all the comments
/// of that number before it in the file: a later post of a number takes
/// the comments of the one before, and a comment before any post of its
/// number is held to the end (a comment on no post read is left out).
fn sort<P: Kept>(
    entries: impl Iterator<Item = Result<Entry, Problem>>,
    options: &ParseOptions,
    mut keep: impl FnMut(Entry) -> Result<P, Problem>,
    mut left: impl FnMut(Left<'_, P>) -> Result<(), Problem>,
) -> Result<Sorted<P>, Problem> {
    let mut skipped = Skipped::default();
    let mut posts: Vec<P> = Vec::new();
    let mut comments: Vec<(u32, P)> = Vec::new();
    // Of each number, the first post read (whose index the comments that
    // follow are kept under as they are read, as a comment mostly follows
    // its post) and the last (which takes them in the end).
    let mut post_at: HashMap<u64, (u32, u32)> = HashMap::new();
    // The comments before any post of their number, and that number.
    let mut early: Vec<(Option<u64>, P)> = Vec::new();
    for entry in entries {
        let entry = entry?;
        match (entry.kind, entry.status) {
            (Kind::Comment, _) => {
                let post = entry.parent.as_deref().and_then(number);
                match post.and_then(|p| post_at.get(&p)) {
                    Some(&(first, _)) => comments.push((first, keep(entry)?)),
                    None => early.push((post, keep(entry)?)),
                }
            }
            (_, Status::Removed) => {
                skipped.removed += 1;
                left(Left::Skipped(&entry))?;
            }
            (Kind::Post | Kind::Page, Status::Draft) if !options.drafts() => {
                skipped.drafts += 1;
                left(Left::Skipped(&entry))?;
            }
            (Kind::Page, _) if !options.pages() => {
                skipped.pages += 1;
                left(Left::Skipped(&entry))?;
            }
            (Kind::Other, _) => {
                skipped.other += 1;
                left(Left::Skipped(&entry))?;
            }
            (Kind::Post | Kind::Page, _) => {
                let Ok(k) = u32::try_from(posts.len()) else {
                    return Err(Problem::limit(
                        entry.range.0,
                        format!("the file holds over {} posts", u32::MAX),
                    ));
                };
                if let Some(n) = number(&entry.id) {
                    post_at.entry(n).or_insert((k, k)).1 = k;
                }
                posts.push(keep(entry)?);
            }
        }
    }
    // The first post of a number gives its comments to the last.
    let last: HashMap<u32, u32> = post_at
        .values()
        .filter(|(first, last)| first != last)
        .copied()
        .collect();
    if !last.is_empty() {
        for (post, _) in &mut comments {
            if let Some(&k) = last.get(post) {
                *post = k;
            }
        }
    }
    for (post, comment) in early {
        match post.and_then(|p| post_at.get(&p)) {
            Some(&(_, k)) => comments.push((k, comment)),
            None => {
                skipped.orphans += 1;
                left(Left::Orphan(comment))?;
            }
        }
    }
    // Under each post, its comments in the file's order: sorted in place,
    // with no room taken beside them.
    comments.sort_unstable_by_key(|(post, comment)| (*post, comment.start()));
    Ok(Sorted {
        posts,
        comments,
        skipped,
    })
}

/// Posts with their threads, from the entries of a file in memory (the
/// input of `index`), read keeping what `kept` says.
fn assemble<'a>(
    index: &LineIndex<'a>,
    kept: Keep,
    options: &ParseOptions,
    language: Language,
) -> Result<Export<'a>, Error> {
    let input = index.input();
    let entries = Entries::in_memory(input, kept, Depth::Feed);
    // Where each entry kept and its content start, found as it is read,
    // in the file's order, with one index whose cursor only moves on, so
    // each line is counted once (an index of each job of posts would count
    // a long line again from its start: Blogger writes its backups on one
    // line).
    let placed = |mut entry: Entry| {
        let (line, column) = index.line_col(entry.range.0);
        (entry.line, entry.column) = (line, column as usize - 1);
        let (line, column) = index.line_col(entry.content_range.0);
        (entry.content_line, entry.content_column) = (line, column as usize - 1);
        Ok(entry)
    };
    // An entry left out must still read as the first way of reading finds
    // it (its content's escapes too), so that a file that is an error
    // stays one.
    let check = |left: Left<'_, Entry>| {
        let entry = match &left {
            Left::Skipped(entry) => *entry,
            Left::Orphan(entry) => entry,
        };
        match content_of(entry, input, kept) {
            Some(_) => Ok(()),
            None => Err(Problem::new(
                entry.range.0,
                "a content does not read".to_owned(),
            )),
        }
    };
    let sorted =
        sort(entries, options, placed, check).map_err(|p| p.into_error(index, input.len()))?;
    // Each post's comments: its run of the sorted comments (never moved:
    // a whole file's entries are large).
    let mut rest = sorted.comments.as_slice();
    let threads: Vec<&[(u32, Entry)]> = (0u32..)
        .take(sorted.posts.len())
        .map(|k| {
            let (thread, after) = rest.split_at(rest.partition_point(|(p, _)| *p == k));
            rest = after;
            thread
        })
        .collect();
    let build = |index: &LineIndex<'_>, (entry, comments): (Entry, &[(u32, Entry)])| {
        let (span, place) = (entry.span(), entry.content_span());
        let content = content_of(&entry, input, kept).ok_or_else(unread)?;
        let mut post = post_placed(&entry, &content, span, place, index, language)?;
        let comments = comments
            .iter()
            .map(|(_, c)| {
                let content = content_of(c, input, kept).ok_or_else(unread)?;
                Ok((Link::of(c), comment_with(c, &content, c.span())))
            })
            .collect::<Result<_, Error>>()?;
        post.comments = thread(comments, post.span);
        Ok::<_, Error>(post)
    };
    // Posts are built apart from each other: on all cores, each with its
    // own line index (whose cursor moves through its share of the file).
    #[cfg(feature = "parallel")]
    let posts = {
        use rayon::prelude::*;
        sorted
            .posts
            .into_par_iter()
            .zip(threads)
            .map_init(|| LineIndex::new(input), |index, post| build(index, post))
            .collect::<Result<Vec<_>, _>>()?
    };
    #[cfg(not(feature = "parallel"))]
    let posts = sorted
        .posts
        .into_iter()
        .zip(threads)
        .map(|post| build(index, post))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Export {
        preamble: Vec::new(),
        orphan_comments: None,
        posts,
        diagnostics: sorted.skipped.diagnostic().into_iter().collect(),
        language,
    })
}

/// An entry's content: the text kept of it (`kept` is [`Keep::All`]), or
/// read now from the `input` it was read from: its raw text unescaped
/// when plain, else the entry read again whole (`None` when it does not
/// read).
fn content_of<'e>(entry: &'e Entry, input: &'e str, kept: Keep) -> Option<Cow<'e, str>> {
    if kept == Keep::All {
        return Some(Cow::Borrowed(&entry.content));
    }
    match entry.content_form {
        ContentForm::Absent => Some(Cow::Borrowed("")),
        ContentForm::Plain => {
            let raw = input.get(entry.content_range.0..entry.content_range.1)?;
            quick_xml::escape::unescape(raw).ok()
        }
        ContentForm::Mixed => {
            let text = input.get(entry.range.0..entry.range.1)?;
            let again = Entries::in_memory(text, Keep::All, Depth::Top)
                .next()?
                .ok()?;
            Some(Cow::Owned(again.content))
        }
    }
}

/// The error of a content that does not read ([`content_of`]), never
/// shown: the file is then read again with every text as it comes, which
/// finds the error where it is.
fn unread() -> Error {
    Error::placed(ErrorKind::Xml, "a content does not read".to_owned(), 1, 1)
}

/// An entry's `published` time.
fn published(entry: &Entry) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(entry.published.as_deref()?).ok()
}

/// A post entry as a post (no comments yet).
fn post_of(
    entry: &Entry,
    index: &LineIndex<'_>,
    language: Language,
) -> Result<Post<'static>, Error> {
    let span = index.span(entry.range.0, entry.range.1);
    let place = index.span(entry.content_range.0, entry.content_range.1);
    post_placed(entry, &entry.content, span, place, index, language)
}

/// A post entry as a post, its spans given (the entry's and its
/// content's); `index` places its errors.
fn post_placed(
    entry: &Entry,
    content: &str,
    span: Span,
    place: Span,
    index: &LineIndex<'_>,
    language: Language,
) -> Result<Post<'static>, Error> {
    let Some(published) = published(entry) else {
        return Err(Error::at(
            index,
            entry.range.0,
            ErrorKind::Xml,
            format!(
                "the entry `{}` has no `published` time in RFC 3339 form",
                entry.id
            ),
        ));
    };
    post_with(entry, content, published, span, place, language)
        .map_err(|e| Error::at(index, place.start, *e.kind(), e.message().to_owned()))
}

/// A post entry as a post, its spans given: the entry's (`span`) and its
/// content's (`place`), whose text is `content`. An error is the body
/// parser's own, at the content's text.
fn post_with(
    entry: &Entry,
    content: &str,
    published: DateTime<FixedOffset>,
    span: Span,
    place: Span,
    language: Language,
) -> Result<Post<'static>, Error> {
    let date = published.date_naive();
    Ok(Post {
        date: Some(date),
        weekday: Some(date.weekday()),
        title: entry.title.clone().map(Cow::Owned),
        title_span: entry.title.as_ref().map(|_| span),
        body: body_blocks(content, place, language)?,
        comments: None,
        furniture: Vec::new(),
        header_span: span,
        span,
        entry: Some(Box::new(FeedEntry {
            published,
            author: entry.author.clone().map(Cow::Owned),
            labels: entry.labels.iter().cloned().map(Cow::Owned).collect(),
            url: entry.url.clone().map(Cow::Owned),
            draft: entry.status == Status::Draft,
            page: entry.kind == Kind::Page,
        })),
    })
}

/// A post's body: its HTML content as a page's body, read by the text
/// parser's body rule and letter pass, every span at the content
/// (`place`).
fn body_blocks(
    content: &str,
    place: Span,
    language: Language,
) -> Result<Vec<Block<'static>>, Error> {
    let text = html::to_text(content);
    let mut builder = Builder::for_chunk(&text, 0, 1, language);
    let blocks = builder.parse_body_text()?;
    let mut blocks: Vec<Block<'static>> = blocks.into_iter().map(IntoOwned::into_owned).collect();
    blocks.place_all(place);
    Ok(blocks)
}

/// The notice a page shows for a removed comment, kept as its text when
/// the file gives none.
const REMOVED: &str = "This comment has been removed.";

/// A comment's text as paragraphs, every span at the entry (a removed
/// comment's notice when it has no text).
fn comment_paragraphs(entry: &Entry, content: &str, place: Span) -> Vec<Paragraph<'static>> {
    if entry.removed && content.trim().is_empty() {
        return vec![Paragraph {
            text: Cow::Borrowed(REMOVED),
            span: place,
        }];
    }
    let text = html::to_text(content);
    // `str::split("\n\n")` with memchr's searcher (the same pieces: both
    // find non-overlapping matches from the left), made once.
    static BLANK_LINE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("\n\n"));
    let mut start = 0;
    let ends = BLANK_LINE.find_iter(text.as_bytes()).chain([text.len()]);
    ends.map(|end| {
        let piece = &text[start..end];
        start = end + 2;
        piece
    })
    .map(str::trim)
    .filter(|p| !p.is_empty())
    .map(|p| Paragraph {
        text: Cow::Owned(p.trim_start_matches("• ").to_owned()),
        span: place,
    })
    .collect()
}

/// One comment entry as a comment (numbered and given its replies by
/// [`thread`]).
fn comment_of(entry: &Entry, index: &LineIndex<'_>) -> Comment<'static> {
    comment_with(
        entry,
        &entry.content,
        index.span(entry.range.0, entry.range.1),
    )
}

/// A comment entry as a comment, its span given, its text `content`.
fn comment_with(entry: &Entry, content: &str, span: Span) -> Comment<'static> {
    let posted = published(entry).map(|at| Posted {
        text: Cow::Owned(entry.published.clone().unwrap_or_default()),
        date: Some(at.date_naive()),
        time: Some(at.time()),
        span,
    });
    Comment {
        number: 0,
        lead_span: span,
        author: entry.author.as_ref().map(|name| Paragraph {
            text: Cow::Owned(name.clone()),
            span,
        }),
        posted,
        paragraphs: comment_paragraphs(entry, content, span),
        signature: None,
        replies: Vec::new(),
        markers: Vec::new(),
        span,
    }
}

/// One post's comments (each with its [`Link`]), threaded: a reply goes
/// under the comment it answers; a comment that answers none, one not in
/// the file, or one not before it in time is top-level (so no thread
/// loops). Numbered 1, 2, ... in time order across the thread, replies too,
/// so a number names one comment of the post (a comments table's
/// `parent`).
fn thread(
    mut comments: Vec<(Link, Comment<'static>)>,
    post_span: Span,
) -> Option<CommentSection<'static>> {
    if comments.is_empty() {
        return None;
    }
    // In time order (a backup lists comments in no set order).
    comments.sort_by_key(|(link, _)| link.published);
    let at: HashMap<u64, usize> = comments
        .iter()
        .enumerate()
        .filter_map(|(k, (link, _))| Some((link.number?, k)))
        .collect();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); comments.len()];
    let mut top = Vec::new();
    let mut built = Vec::with_capacity(comments.len());
    for (k, (link, mut comment)) in comments.into_iter().enumerate() {
        let parent = link
            .reply_to
            .and_then(|r| at.get(&r).copied())
            .filter(|&p| p < k);
        match parent {
            Some(p) => children[p].push(k),
            None => top.push(k),
        }
        comment.number = k as u32 + 1;
        built.push(Some(comment));
    }
    // Children come after their parent, so building from the last comment
    // back gives each parent its complete replies.
    for k in (0..built.len()).rev() {
        let replies = children[k]
            .iter()
            .filter_map(|&c| built[c].take())
            .collect();
        if let Some(comment) = &mut built[k] {
            comment.replies = replies;
        }
    }
    Some(CommentSection {
        declared: None,
        items: top.into_iter().filter_map(|k| built[k].take()).collect(),
        stray: Vec::new(),
        header_span: None,
        span: post_span,
    })
}
