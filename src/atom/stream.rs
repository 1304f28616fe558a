//! [`FeedReader`]: a large Blogger export file read post by post. A first
//! pass reads the whole file without the entries' text, to learn where each
//! post and comment is and which comments are a post's; then each post is
//! read with its comments, from where they stand, one post at a time.
//! Memory holds that index (a few dozen bytes an entry besides its id and
//! labels) and one post with its thread, whatever the file's size.

use std::collections::VecDeque;
use std::io::{BufRead, Seek, SeekFrom};

use super::entries::{Depth, Entries, Entry, Keep};
use super::{comment_of, post_of, sort, thread, Link};
use crate::ast::{Post, Spans};
use crate::diagnostic::Diagnostic;
use crate::error::{Error, ErrorKind};
use crate::languages::Language;
use crate::options::ParseOptions;
use crate::span::LineIndex;

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
    posts: VecDeque<(Place, Vec<(Place, Link)>)>,
    diagnostics: Vec<Diagnostic>,
    failed: bool,
    /// The entry read last (its text, reused for the next one).
    text: String,
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
        let sorted = sort(index.by_ref(), &options, |e| Place::of(&e)).map_err(|p| {
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
            at: None,
        })
    }

    /// What the reader noted: the entries it skipped (drafts, pages, the
    /// settings), known from the first pass.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// One entry read again, whole, from where the first pass found it,
    /// into [`FeedReader::text`] (its spans are in that text: see
    /// [`moved`]).
    fn whole(&mut self, at: &Place) -> Result<Entry, Error> {
        let (start, end) = (at.range.0 as u64, at.range.1 as u64);
        match self.at {
            // Entries mostly come in the file's order: a seek forward
            // keeps what the source has buffered.
            Some(now) if start >= now => self.source.seek_relative((start - now) as i64),
            _ => self.source.seek(SeekFrom::Start(start)).map(drop),
        }
        .map_err(read_error)?;
        self.at = None;
        let mut bytes = std::mem::take(&mut self.text).into_bytes();
        bytes.clear();
        bytes.resize(at.range.1 - at.range.0, 0);
        self.source.read_exact(&mut bytes).map_err(read_error)?;
        self.at = Some(end);
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

    fn read_post(
        &mut self,
        at: Place,
        comments: Vec<(Place, Link)>,
    ) -> Result<Post<'static>, Error> {
        let entry = self.whole(&at)?;
        let mut post = post_of(&entry, &LineIndex::new(&self.text), self.language)
            .map_err(|e| e.shifted(at.line - 1, at.range.0))?;
        moved(&mut post, &at);
        let mut thread_entries = Vec::with_capacity(comments.len());
        for (place, link) in comments {
            let entry = self.whole(&place)?;
            let mut comment = comment_of(&entry, &LineIndex::new(&self.text));
            moved(&mut comment, &place);
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
}

fn read_error(e: std::io::Error) -> Error {
    Error::placed(ErrorKind::Read, format!("cannot read the file: {e}"), 1, 1)
}
