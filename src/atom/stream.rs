//! [`FeedReader`]: a large Blogger export file read post by post. A first
//! pass reads the whole file without the entries' contents and small
//! fields, to learn where each post and comment is and which comments are
//! a post's; then each post is read with its comments, one post at a
//! time: each entry's bytes are read again from where the first pass found
//! them and read as XML (its small fields, and its content unescaped from
//! its bytes, as [`parse_any`](crate::parse_any) reads it).
//!
//! Memory holds one post with its thread, and the index: 20 bytes a post
//! ([`Place`]: offset, length, line, column) and 24 a comment (its place
//! and its post's index), whatever the entries hold; no text and no vector
//! for each post. Not nothing for each entry: a post's comments may stand
//! anywhere in the file (before it, or after every other post), so knowing
//! a post's thread when it is read takes a note of where each of its
//! comments is, made before the first post is read. On the 200 MB bench
//! backup (51,989 posts, 156,209 comments) the index is 4.8 MB; while the
//! first pass reads it also holds a map from each post's number to its
//! index (about 20 bytes a post), dropped at its end.

use std::io::{BufRead, Seek, SeekFrom};

use super::entries::{Depth, Entries, Entry, Keep, Problem};
use super::{comment_of, content_of, post_of, sort, thread, Kept, Link};
use crate::ast::{Comment, Post, Spans};
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
    /// The posts still to read: where they are.
    posts: std::vec::IntoIter<Place>,
    /// The index of the next post among all the file's.
    next: u32,
    /// The comments still to read, each with its post's index, in that
    /// order (and the file's under one post).
    comments: std::iter::Peekable<std::vec::IntoIter<(u32, Place)>>,
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
        let mut index = Entries::buffered(&mut source, Keep::Place, Depth::Feed);
        // The first pass never read a content's escapes, nor those of the
        // small fields it skips: what is left out is left as it is.
        let sorted = sort(index.by_ref(), &options, Place::of, |_| Ok(())).map_err(|p| {
            let (line, column) = index.place();
            Error::placed(p.kind, p.message, line, column)
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
            posts: sorted.posts.into_iter(),
            next: 0,
            comments: sorted.comments.into_iter().peekable(),
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

    /// Reads the bytes of the entry `at` into [`FeedReader::text`].
    fn read_text(&mut self, at: &Place) -> Result<(), Error> {
        let (start, len) = (at.start as u64, at.len);
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
        bytes.resize(len as usize, 0);
        self.source.read_exact(&mut bytes).map_err(read_error)?;
        self.at = Some(start + u64::from(len));
        self.text = String::from_utf8(bytes).map_err(|e| {
            Error::placed(
                ErrorKind::Read,
                format!("the entry is not UTF-8: {e}"),
                at.line,
                1,
            )
        })?;
        Ok(())
    }

    /// One entry read again from where the first pass found it, into
    /// [`FeedReader::text`] (its spans are in that text: see [`moved`]):
    /// read without its content's text, which is then unescaped from its
    /// bytes, as [`parse_any`](crate::parse_any) reads it. A content that
    /// does not read so, and the entry is read whole, which finds why.
    fn entry(&mut self, at: &Place) -> Result<Entry, Error> {
        self.read_text(at)?;
        let text = self.text.as_str();
        let read = |keep| {
            Entries::in_memory(text, keep, Depth::Top)
                .next()
                .and_then(Result::ok)
        };
        read(Keep::Index)
            .and_then(|mut entry| {
                entry.content = content_of(&entry, text, Keep::Index)?.into_owned();
                Some(entry)
            })
            .or_else(|| read(Keep::All))
            .ok_or_else(|| {
                Error::placed(
                    ErrorKind::Xml,
                    "the entry changed since the file was first read".to_owned(),
                    at.line,
                    1,
                )
            })
    }

    /// The post entry `at`, read again (no comments yet).
    fn post(&mut self, at: &Place) -> Result<Post<'static>, Error> {
        let entry = self.entry(at)?;
        let mut post = post_of(&entry, &LineIndex::new(&self.text), self.language)
            .map_err(|e| e.shifted(at.line - 1, at.start))?;
        moved(&mut post, at);
        Ok(post)
    }

    /// The comment entry `at`, read again, with what threading needs.
    fn comment(&mut self, at: &Place) -> Result<(Link, Comment<'static>), Error> {
        let entry = self.entry(at)?;
        let mut comment = comment_of(&entry, &LineIndex::new(&self.text));
        moved(&mut comment, at);
        Ok((Link::of(&entry), comment))
    }

    /// The next post with its comment thread.
    fn read_post(&mut self, at: &Place) -> Result<Post<'static>, Error> {
        let mut post = self.post(at)?;
        let k = self.next;
        let mut comments = Vec::new();
        while let Some((_, comment)) = self.comments.next_if(|(post, _)| *post == k) {
            comments.push(self.comment(&comment)?);
        }
        post.comments = thread(comments, post.span);
        Ok(post)
    }
}

/// Moves spans found in an entry's own text to where the entry stands in
/// the file: bytes on by its offset, lines by its line, and columns on its
/// first line by its column.
fn moved(value: &mut impl Spans, at: &Place) {
    let (start, line, column) = (at.start, at.line, at.column);
    value.each_span(&mut |span| {
        if span.line == 1 {
            span.column = span.column.saturating_add(column);
        }
        span.start += start;
        span.end += start;
        span.line += line - 1;
    });
}

impl<R: BufRead + Seek> Iterator for FeedReader<R> {
    type Item = Result<Post<'static>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let post = self.posts.next()?;
        let read = self.read_post(&post);
        self.next += 1;
        self.failed = read.is_err();
        Some(read)
    }
}

/// Where an entry is: the offset its bytes start at and how many they
/// are, and the line and 0-based column (characters, at most `u32::MAX`)
/// it starts at. All the first pass keeps of an entry: 20 bytes (packed
/// to 4 bytes, so a comment with its post's index is 24).
#[derive(Clone, Copy)]
#[repr(C, packed(4))]
struct Place {
    start: usize,
    len: u32,
    line: u32,
    column: u32,
}

const _: () = assert!(std::mem::size_of::<(u32, Place)>() <= 24);

impl Place {
    /// Where `entry` is (an entry of 4 GiB or more is refused).
    fn of(entry: Entry) -> Result<Place, Problem> {
        let (start, end) = entry.range;
        let Ok(len) = u32::try_from(end - start) else {
            return Err(Problem::limit(
                start,
                "an entry of 4 GiB or more, too long to read".to_owned(),
            ));
        };
        Ok(Place {
            start,
            len,
            line: entry.line,
            column: u32::try_from(entry.column).unwrap_or(u32::MAX),
        })
    }
}

impl Kept for Place {
    fn start(&self) -> usize {
        self.start
    }
}

fn read_error(e: std::io::Error) -> Error {
    Error::placed(ErrorKind::Read, format!("cannot read the file: {e}"), 1, 1)
}
