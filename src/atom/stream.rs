//! [`FeedReader`]: a large Blogger export file read post by post. A first
//! pass reads the whole file without the entries' contents, to learn where
//! each post and comment is, which comments are a post's, and each entry's
//! small fields (time, author, title, labels, address); then each post is
//! read with its comments, one post at a time: of an entry whose content
//! is plain character data, only the content's bytes are read again and
//! unescaped; any other entry is read again whole. Memory holds that index
//! (about a hundred bytes an entry besides its small fields) and one post
//! with its thread, whatever the file's size.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::io::{BufRead, Seek, SeekFrom};

use super::entries::{ContentForm, Depth, Entries, Entry, Keep, Kind, Status};
use super::{comment_of, comment_with, post_of, post_with, published, sort, thread, Link};
use crate::ast::{Comment, Post, Spans};
use crate::diagnostic::Diagnostic;
use crate::error::{Error, ErrorKind};
use crate::languages::Language;
use crate::options::ParseOptions;
use crate::span::{LineIndex, Span};

/// Reads one of Blogger's export files (the XML backup or Takeout's
/// `feed.atom`) post by post, each with its comment thread, in bounded
/// memory: the reading side of [`parse_any`](crate::parse_any) for files
/// too large to hold, as [`PostReader`](crate::PostReader) is for text
/// pages. It needs to seek (a file), since a post's comments may stand
/// anywhere in the file.
///
/// [`FeedReader::new`] reads the file once without its text, so a
/// malformed file or a DTD is an error there, before any post. Posts come
/// in the file's order, as `parse_any` gives them; spans point into the
/// file.
///
/// ```
/// use std::io::Cursor;
/// let xml = r#"<?xml version="1.0"?>
/// <feed xmlns="http://www.w3.org/2005/Atom" xmlns:blogger="http://schemas.google.com/blogger/2018">
///   <entry>
///     <id>tag:blogger.com,1999:blog-1.post-3</id>
///     <blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status>
///     <blogger:parent>tag:blogger.com,1999:blog-1.post-2</blogger:parent>
///     <author><name>Ana</name></author>
///     <content type="html">First!</content>
///     <published>2011-03-19T11:00:00Z</published>
///   </entry>
///   <entry>
///     <id>tag:blogger.com,1999:blog-1.post-2</id>
///     <blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>
///     <title>Spring</title>
///     <content type="html">&lt;p&gt;It is spring.&lt;/p&gt;</content>
///     <published>2011-03-19T10:30:00Z</published>
///   </entry>
/// </feed>"#;
/// let mut reader = blog_export::FeedReader::new(Cursor::new(xml))?;
/// let post = reader.next().unwrap()?;
/// assert_eq!(post.title.as_deref(), Some("Spring"));
/// assert_eq!(post.comments.unwrap().items[0].author_name(), Some("Ana"));
/// assert_eq!(post.span.line, 11); // the post's entry, after the comment's
/// assert!(reader.next().is_none());
/// # Ok::<(), blog_export::Error>(())
/// ```
pub struct FeedReader<R> {
    source: R,
    language: Language,
    /// The posts still to read, each with its comments: where they are
    /// (and how a comment is threaded).
    posts: VecDeque<(Kept, Vec<(Kept, Link)>)>,
    diagnostics: Vec<Diagnostic>,
    failed: bool,
    /// The entry read last (its text, reused for the next one).
    text: String,
    /// The content read last (its raw bytes, reused for the next one).
    raw: Vec<u8>,
    /// Where the source stands after that entry (none before the first).
    at: Option<u64>,
}

impl<R: BufRead + Seek> FeedReader<R> {
    /// A reader of the export file `source`, with default options.
    pub fn new(source: R) -> Result<Self, Error> {
        Self::with_options(source, ParseOptions::default())
    }

    /// A reader with options: drafts, pages, the post limit and the
    /// language apply as in [`parse_any_with`](crate::parse_any_with).
    pub fn with_options(mut source: R, options: ParseOptions) -> Result<Self, Error> {
        source.seek(SeekFrom::Start(0)).map_err(read_error)?;
        let mut index = Entries::buffered(&mut source, Keep::Index, Depth::Feed);
        // The first pass never read a content's escapes: what is left out
        // is left as it is.
        let sorted = sort(index.by_ref(), &options, Kept::of, |_| Ok(())).map_err(|p| {
            let (line, column) = index.place();
            Error::placed(ErrorKind::Xml, p.message, line, column)
        })?;
        if sorted.posts.len() > options.max_posts() {
            return Err(Error::placed(
                ErrorKind::Limit,
                format!(
                    "the file holds {} posts, over the limit of {}",
                    sorted.posts.len(),
                    options.max_posts()
                ),
                1,
                1,
            ));
        }
        Ok(FeedReader {
            source,
            language: options.language().unwrap_or(Language::ENGLISH),
            posts: sorted.posts.into(),
            diagnostics: sorted.skipped.diagnostic().into_iter().collect(),
            failed: false,
            text: String::new(),
            raw: Vec::new(),
            at: None,
        })
    }

    /// What the reader noted: the entries it skipped (drafts, pages, the
    /// settings), known from the first pass.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Reads the bytes `range` of the source into `bytes` (cleared first).
    fn read_range(&mut self, range: (usize, usize), bytes: &mut Vec<u8>) -> Result<(), Error> {
        let (start, end) = (range.0 as u64, range.1 as u64);
        match self.at {
            // Entries mostly come in the file's order: a seek forward
            // keeps what the source has buffered.
            Some(now) if start >= now => self.source.seek_relative((start - now) as i64),
            _ => self.source.seek(SeekFrom::Start(start)).map(drop),
        }
        .map_err(read_error)?;
        self.at = None;
        bytes.clear();
        bytes.resize(range.1 - range.0, 0);
        self.source.read_exact(bytes).map_err(read_error)?;
        self.at = Some(end);
        Ok(())
    }

    /// One entry read again, whole, from where the first pass found it,
    /// into [`FeedReader::text`] (its spans are in that text: see
    /// [`moved`]).
    fn whole(&mut self, at: &Place) -> Result<Entry, Error> {
        let mut bytes = std::mem::take(&mut self.text).into_bytes();
        self.read_range(at.range, &mut bytes)?;
        self.text = String::from_utf8(bytes).map_err(|e| {
            Error::placed(
                ErrorKind::Read,
                format!("the entry is not UTF-8: {e}"),
                at.line,
                1,
            )
        })?;
        Entries::in_memory(&self.text, Keep::All, Depth::Top)
            .next()
            .and_then(Result::ok)
            .ok_or_else(|| {
                Error::placed(
                    ErrorKind::Xml,
                    "the entry changed since the file was first read".to_owned(),
                    at.line,
                    1,
                )
            })
    }

    /// The text of an entry's content that the first pass found plain:
    /// its raw bytes read again and unescaped (`None` when they do not
    /// read so: the entry is then read whole, which finds why).
    fn plain_content(&mut self, small: &Small) -> Option<String> {
        let Some(range) = small.content else {
            return Some(String::new());
        };
        let mut raw = std::mem::take(&mut self.raw);
        let read = self.read_range(range, &mut raw).ok().and_then(|()| {
            let raw = std::str::from_utf8(&raw).ok()?;
            quick_xml::escape::unescape(raw).ok().map(Cow::into_owned)
        });
        self.raw = raw;
        read
    }

    /// A post from what the first pass kept of it and its content read
    /// again (`None` when that is not enough: see [`Kept::small`]).
    fn quick_post(&mut self, kept: &mut Kept) -> Option<Post<'static>> {
        let small = kept.small.take()?;
        let content = self.plain_content(&small)?;
        let span = kept.place.span();
        let place = small.place(span);
        let entry = small.into_entry(kept.place);
        let published = published(&entry)?;
        post_with(&entry, &content, published, span, place, self.language).ok()
    }

    /// A comment from what the first pass kept of it and its content read
    /// again (`None` when that is not enough).
    fn quick_comment(&mut self, kept: &mut Kept) -> Option<Comment<'static>> {
        let small = kept.small.take()?;
        let content = self.plain_content(&small)?;
        let entry = small.into_entry(kept.place);
        Some(comment_with(&entry, &content, kept.place.span()))
    }

    fn read_post(
        &mut self,
        mut at: Kept,
        comments: Vec<(Kept, Link)>,
    ) -> Result<Post<'static>, Error> {
        let mut post = match self.quick_post(&mut at) {
            Some(post) => post,
            None => {
                let entry = self.whole(&at.place)?;
                let mut post = post_of(&entry, &LineIndex::new(&self.text), self.language)
                    .map_err(|e| e.shifted(at.place.line - 1, at.place.range.0))?;
                moved(&mut post, &at.place);
                post
            }
        };
        let mut thread_entries = Vec::with_capacity(comments.len());
        for (mut kept, link) in comments {
            let comment = match self.quick_comment(&mut kept) {
                Some(comment) => comment,
                None => {
                    let entry = self.whole(&kept.place)?;
                    let mut comment = comment_of(&entry, &LineIndex::new(&self.text));
                    moved(&mut comment, &kept.place);
                    comment
                }
            };
            thread_entries.push((link, comment));
        }
        post.comments = thread(thread_entries, post.span);
        Ok(post)
    }
}

/// Moves spans found in an entry's own text to where the entry stands in
/// the file: bytes on by its offset, lines by its line, and columns on its
/// first line by its column.
fn moved(value: &mut impl Spans, at: &Place) {
    value.each_span(&mut |span| {
        if span.line == 1 {
            span.column += at.column as u32;
        }
        span.start += at.range.0;
        span.end += at.range.0;
        span.line += at.line - 1;
    });
}

impl<R: BufRead + Seek> Iterator for FeedReader<R> {
    type Item = Result<Post<'static>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let (post, comments) = self.posts.pop_front()?;
        let read = self.read_post(post, comments);
        self.failed = read.is_err();
        Some(read)
    }
}

/// Where an entry is: its bytes, and the line and 0-based column it
/// starts at (all the first pass keeps of it).
#[derive(Debug, Clone, Copy)]
struct Place {
    range: (usize, usize),
    line: u32,
    column: usize,
}

impl Place {
    fn of(entry: &Entry) -> Place {
        Place {
            range: entry.range,
            line: entry.line,
            column: entry.column,
        }
    }

    /// The entry's span in the file.
    fn span(&self) -> Span {
        Span {
            start: self.range.0,
            end: self.range.1,
            line: self.line,
            column: u32::try_from(self.column + 1).unwrap_or(u32::MAX),
        }
    }
}

/// What the first pass keeps of an entry: where it is, and, when its
/// content is plain character data, its small fields (so only the
/// content's bytes are read again).
struct Kept {
    place: Place,
    small: Option<Box<Small>>,
}

impl Kept {
    fn of(entry: Entry) -> Kept {
        let place = Place::of(&entry);
        let content = match entry.content_form {
            ContentForm::Absent => None,
            ContentForm::Plain => Some(entry.content_range),
            ContentForm::Mixed => return Kept { place, small: None },
        };
        let text = |s: Option<String>| s.map(String::into_boxed_str);
        let small = Small {
            published: text(entry.published),
            author: text(entry.author),
            title: text(entry.title),
            url: text(entry.url),
            labels: entry
                .labels
                .into_iter()
                .map(String::into_boxed_str)
                .collect(),
            kind: entry.kind,
            status: entry.status,
            removed: entry.removed,
            content,
            content_line: entry.content_line,
            content_column: entry.content_column,
        };
        Kept {
            place,
            small: Some(Box::new(small)),
        }
    }
}

/// An entry's small fields, and where its plain content's text is.
struct Small {
    published: Option<Box<str>>,
    author: Option<Box<str>>,
    title: Option<Box<str>>,
    url: Option<Box<str>>,
    labels: Box<[Box<str>]>,
    kind: Kind,
    status: Status,
    removed: bool,
    /// The content's raw text (bytes), or none without a content element.
    content: Option<(usize, usize)>,
    /// The line and 0-based column (characters) the content starts at.
    content_line: u32,
    content_column: usize,
}

impl Small {
    /// The content's span: at its text, or the entry's (`span`) without
    /// a content element.
    fn place(&self, span: Span) -> Span {
        match self.content {
            Some((start, end)) => Span {
                start,
                end,
                line: self.content_line,
                column: u32::try_from(self.content_column + 1).unwrap_or(u32::MAX),
            },
            None => span,
        }
    }

    /// The entry again (without its content, which the caller holds).
    fn into_entry(self, place: Place) -> Entry {
        let text = |s: Option<Box<str>>| s.map(String::from);
        let mut entry = Entry::new(place.range.0);
        entry.range = place.range;
        entry.published = text(self.published);
        entry.author = text(self.author);
        entry.title = text(self.title);
        entry.url = text(self.url);
        entry.labels = self
            .labels
            .into_vec()
            .into_iter()
            .map(String::from)
            .collect();
        entry.kind = self.kind;
        entry.status = self.status;
        entry.removed = self.removed;
        entry
    }
}

fn read_error(e: std::io::Error) -> Error {
    Error::placed(ErrorKind::Read, format!("cannot read the file: {e}"), 1, 1)
}
