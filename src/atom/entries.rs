//! The entries of a Blogger export file, read from its XML with quick-xml:
//! both dialects (the backup from Settings, with `kind#post` categories,
//! and Takeout's `feed.atom`, with `blogger:type`) into one [`Entry`] shape.
//! In: the file's text. Out: its entries in order, each with its byte range.
//! Nothing else of the feed is kept. A DTD is refused, never expanded.

use std::borrow::Cow;
use std::io::{BufRead, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::error::{Error, ErrorKind};
use crate::span::LineIndex;

/// What an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Post,
    Comment,
    Page,
    /// Settings, the template, or anything else that is not text.
    Other,
}

/// Whether an entry is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    Live,
    Draft,
    /// Trashed or deleted.
    Removed,
}

/// One entry of the feed.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub kind: Kind,
    pub status: Status,
    /// `tag:blogger.com,1999:blog-1.post-2`.
    pub id: String,
    /// `2014-07-25T10:00:00.000+01:00`.
    pub published: Option<String>,
    pub title: Option<String>,
    /// The content, HTML.
    pub content: String,
    /// Where the content element's text is (bytes), or the entry's range.
    pub content_range: (usize, usize),
    pub labels: Vec<String>,
    /// The `alternate` link, or `blogger:filename`.
    pub url: Option<String>,
    pub author: Option<String>,
    /// The post a comment is on: `thr:in-reply-to`'s `ref`, or
    /// `blogger:parent`.
    pub parent: Option<String>,
    /// The comment a reply answers: the last part of the `related` link,
    /// or `blogger:inReplyTo`.
    pub reply_to: Option<String>,
    /// Marked removed (`blogger.contentRemoved`).
    pub removed: bool,
    /// The entry element's bytes.
    pub range: (usize, usize),
    /// The line the entry starts on, and its 0-based column (characters).
    pub line: u32,
    pub column: usize,
}

impl Entry {
    fn new(start: usize) -> Self {
        Entry {
            kind: Kind::Other,
            status: Status::Live,
            id: String::new(),
            published: None,
            title: None,
            content: String::new(),
            content_range: (start, start),
            labels: Vec::new(),
            url: None,
            author: None,
            parent: None,
            reply_to: None,
            removed: false,
            range: (start, start),
            line: 1,
            column: 0,
        }
    }
}

/// The digits that end an id or address (`tag:...post-123` or
/// `.../comments/default/123`).
pub(crate) fn last_number(id: &str) -> &str {
    let path = id.split(['?', '#']).next().unwrap_or(id);
    let trimmed = path.trim_end_matches('/');
    let start = trimmed
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |k| k + 1);
    &trimmed[start..]
}

/// An open element, as far as the reader cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Entry,
    Author,
    Control,
    Other,
}

impl Tag {
    fn of(local_name: &[u8]) -> Tag {
        match local_name {
            b"entry" => Tag::Entry,
            b"author" => Tag::Author,
            b"control" => Tag::Control,
            _ => Tag::Other,
        }
    }
}

/// The leaf element whose text is being collected.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Id,
    Published,
    Title,
    Content,
    Type,
    Status,
    Parent,
    InReplyTo,
    Filename,
    AuthorName,
    Draft,
}

impl Field {
    /// Whether the field is the entry's text (what an index pass skips).
    fn is_text(self) -> bool {
        matches!(self, Field::Title | Field::Content)
    }
}

/// What of an entry to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keep {
    /// Everything.
    All,
    /// All but the content and title: a first pass over a large file that
    /// only finds where each entry is and what it is.
    Index,
}

/// Where entries stand: under a `feed` (a whole file), or at the top (one
/// entry cut from a file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Depth {
    Feed,
    Top,
}

/// A reader that counts the lines it hands on, so an entry's line is known
/// without the whole file (quick-xml consumes exactly the bytes it read).
pub(crate) struct Lines<R> {
    inner: R,
    /// Lines ended so far.
    newlines: u32,
    /// Bytes consumed so far.
    consumed: usize,
    /// Characters from the current line's start to what was consumed.
    column: usize,
    /// Whether lines and columns are counted (only an index pass needs
    /// them: a file in memory has its own line index).
    count: bool,
}

/// The characters in UTF-8 bytes (the bytes that are not continuations).
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl<R: BufRead> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = {
            let available = self.fill_buf()?;
            let n = available.len().min(buf.len());
            buf[..n].copy_from_slice(&available[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Lines<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if !self.count {
            self.consumed += amt;
            self.inner.consume(amt);
            return;
        }
        if let Ok(buf) = self.inner.fill_buf() {
            let used = &buf[..amt.min(buf.len())];
            match memchr::memrchr(b'\n', used) {
                Some(last) => {
                    self.newlines += 1 + memchr::memchr_iter(b'\n', &used[..last]).count() as u32;
                    self.column = chars_in(&used[last + 1..]);
                }
                None => self.column += chars_in(used),
            }
        }
        self.consumed += amt;
        self.inner.consume(amt);
    }
}

/// The entries of a Blogger export file (or of one entry cut from one),
/// read one at a time with quick-xml from any buffered reader.
pub(crate) struct Entries<R> {
    reader: Reader<Lines<R>>,
    buf: Vec<u8>,
    keep: Keep,
    depth: Depth,
    /// Added to every byte offset (where the text read starts in its file).
    base: usize,
    /// The open elements, from the root down.
    path: Vec<Tag>,
    saw_root: bool,
    done: bool,
}

impl<R: BufRead> Entries<R> {
    pub(crate) fn new(source: R, keep: Keep, depth: Depth, base: usize) -> Self {
        let mut reader = Reader::from_reader(Lines {
            inner: source,
            newlines: 0,
            consumed: 0,
            column: 0,
            count: keep == Keep::Index,
        });
        reader.config_mut().check_end_names = true;
        Entries {
            reader,
            buf: Vec::new(),
            keep,
            depth,
            base,
            path: Vec::new(),
            saw_root: false,
            done: false,
        }
    }

    /// The line and column the reader has reached.
    pub(crate) fn place(&self) -> (u32, u32) {
        let lines = self.reader.get_ref();
        (
            lines.newlines + 1,
            u32::try_from(lines.column + 1).unwrap_or(u32::MAX),
        )
    }

    fn offset(&self) -> usize {
        self.base + self.reader.buffer_position() as usize
    }

    /// The next entry, or `None` at the end of the file.
    fn next_entry(&mut self) -> Result<Option<Entry>, Problem> {
        let entry_depth = match self.depth {
            Depth::Feed => 1,
            Depth::Top => 0,
        };
        let mut entry: Option<Entry> = None;
        let mut field: Option<Field> = None;
        let mut text = String::new();
        loop {
            let before = self.offset();
            // The reader may have consumed the `<` of the next markup
            // already: the column is of the markup's start.
            let lines = self.reader.get_ref();
            let ahead = lines.consumed - self.reader.buffer_position() as usize;
            let (line, column) = (lines.newlines + 1, lines.column.saturating_sub(ahead));
            self.buf.clear();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(event) => event,
                Err(e) => {
                    let at = self.base + self.reader.error_position() as usize;
                    return Err(Problem {
                        offset: at,
                        message: format!("malformed XML: {e}"),
                    });
                }
            };
            match event {
                Event::DocType(_) => {
                    return Err(Problem::new(
                        before,
                        "the file declares a DTD; Blogger's export files have none, and its \
                         entities are never expanded"
                            .to_owned(),
                    ));
                }
                Event::Start(e) => {
                    let local = e.local_name();
                    let name = local.as_ref();
                    if self.path.is_empty() && !self.saw_root {
                        self.saw_root = true;
                        let root = match self.depth {
                            Depth::Feed => &b"feed"[..],
                            Depth::Top => &b"entry"[..],
                        };
                        if name != root {
                            return Err(Problem::new(
                                before,
                                "not a Blogger export: the XML's root element is not an Atom `feed`"
                                    .to_owned(),
                            ));
                        }
                    }
                    if name == b"entry" && self.path.len() == entry_depth {
                        let mut fresh = Entry::new(before);
                        fresh.line = line;
                        fresh.column = column;
                        entry = Some(fresh);
                    } else if let Some(entry) = &mut entry {
                        attributes(entry, &e, &self.path[entry_depth..]);
                        field = leaf(&self.path[entry_depth..], name)
                            .filter(|f| self.keep == Keep::All || !f.is_text());
                        text.clear();
                        if field == Some(Field::Content) {
                            let at = self.base + self.reader.buffer_position() as usize;
                            entry.content_range = (at, at);
                        }
                    }
                    self.path.push(Tag::of(name));
                }
                Event::Empty(e) => {
                    if let Some(entry) = &mut entry {
                        attributes(entry, &e, &self.path[entry_depth..]);
                    }
                }
                Event::Text(t) => {
                    if field.is_some() {
                        let piece = t.unescape().map_err(|e| Problem {
                            offset: before,
                            message: format!("malformed XML: {e}"),
                        })?;
                        text.push_str(&piece);
                    }
                }
                Event::CData(c) => {
                    if field.is_some() {
                        text.push_str(&String::from_utf8_lossy(&c));
                    }
                }
                Event::End(_) => {
                    let tag = self.path.pop();
                    if tag == Some(Tag::Entry) && self.path.len() == entry_depth {
                        if let Some(mut done) = entry.take() {
                            done.range.1 = self.offset();
                            if done.content_range == (done.range.0, done.range.0) {
                                done.content_range = done.range;
                            }
                            return Ok(Some(done));
                        }
                    } else if let (Some(entry), Some(f)) = (&mut entry, field.take()) {
                        if f == Field::Content {
                            entry.content_range.1 = before;
                        }
                        store(entry, f, std::mem::take(&mut text));
                    }
                }
                Event::Eof => {
                    if !self.saw_root {
                        return Err(Problem::new(
                            self.base,
                            "not a Blogger export: no Atom `feed` element".to_owned(),
                        ));
                    }
                    return Ok(None);
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            }
        }
    }
}

/// Where and why reading failed (made an [`Error`] by the caller, who
/// knows the lines).
#[derive(Debug)]
pub(crate) struct Problem {
    pub offset: usize,
    pub message: String,
}

impl Problem {
    fn new(offset: usize, message: String) -> Problem {
        Problem { offset, message }
    }

    pub(crate) fn into_error(self, index: &LineIndex<'_>, len: usize) -> Error {
        Error::at(index, self.offset.min(len), ErrorKind::Xml, self.message)
    }
}

impl<R: BufRead> Iterator for Entries<R> {
    type Item = Result<Entry, Problem>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let next = self.next_entry().transpose();
        if !matches!(next, Some(Ok(_))) {
            self.done = true;
        }
        next
    }
}

/// Reads every entry of `input`, a whole Blogger export file in memory.
pub(crate) fn read(input: &str, index: &LineIndex<'_>) -> Result<Vec<Entry>, Error> {
    Entries::new(input.as_bytes(), Keep::All, Depth::Feed, 0)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|p| p.into_error(index, input.len()))
}

/// Which leaf an element under an entry is, from its name and place.
fn leaf(path: &[Tag], name: &[u8]) -> Option<Field> {
    // path: entry, ... (the element's parents, from the entry down)
    let depth = path.len() + 1;
    let parent = path.last().copied();
    match (depth, parent, name) {
        (2, _, b"id") => Some(Field::Id),
        (2, _, b"published") => Some(Field::Published),
        (2, _, b"title") => Some(Field::Title),
        (2, _, b"content") => Some(Field::Content),
        (2, _, b"type") => Some(Field::Type),
        (2, _, b"status") => Some(Field::Status),
        (2, _, b"parent") => Some(Field::Parent),
        (2, _, b"inReplyTo") => Some(Field::InReplyTo),
        (2, _, b"filename") => Some(Field::Filename),
        (3, Some(Tag::Author), b"name") => Some(Field::AuthorName),
        (3, Some(Tag::Control), b"draft") => Some(Field::Draft),
        _ => None,
    }
}

/// Keeps a leaf's text.
fn store(entry: &mut Entry, field: Field, text: String) {
    let trimmed = || text.trim().to_owned();
    match field {
        Field::Id => entry.id = trimmed(),
        Field::Published => entry.published = Some(trimmed()),
        Field::Title => entry.title = Some(trimmed()).filter(|t| !t.is_empty()),
        Field::Content => entry.content = text,
        Field::Type => {
            entry.kind = match text.trim() {
                "POST" => Kind::Post,
                "COMMENT" => Kind::Comment,
                "PAGE" => Kind::Page,
                _ => Kind::Other,
            }
        }
        Field::Status => {
            entry.status = match text.trim() {
                "LIVE" => Status::Live,
                "DRAFT" | "SCHEDULED" => Status::Draft,
                _ => Status::Removed,
            }
        }
        Field::Parent => entry.parent = Some(trimmed()),
        Field::InReplyTo => entry.reply_to = Some(trimmed()).filter(|t| !t.is_empty()),
        Field::Filename => {
            if entry.url.is_none() {
                entry.url = Some(trimmed()).filter(|t| !t.is_empty());
            }
        }
        Field::AuthorName => entry.author = Some(trimmed()),
        Field::Draft => {
            if text.trim() == "yes" {
                entry.status = Status::Draft;
            }
        }
    }
}

/// What an element's attributes say: categories (kind, labels), links,
/// `thr:in-reply-to`, `gd:extendedProperty`.
fn attributes(entry: &mut Entry, e: &BytesStart<'_>, path: &[Tag]) {
    // path: entry, ... (the element's parents, from the entry down)
    if path.len() != 1 {
        return;
    }
    let get = |key: &str| -> Option<String> {
        e.try_get_attribute(key)
            .ok()
            .flatten()
            .and_then(|a| a.unescape_value().ok().map(Cow::into_owned))
    };
    match e.local_name().as_ref() {
        b"category" => {
            let scheme = get("scheme").unwrap_or_default();
            let term = get("term").unwrap_or_default();
            if scheme.ends_with("#kind") {
                entry.kind = match term.rsplit('#').next() {
                    Some("post") => Kind::Post,
                    Some("comment") => Kind::Comment,
                    Some("page") => Kind::Page,
                    _ => Kind::Other,
                };
            } else if !term.is_empty() {
                entry.labels.push(term);
            }
        }
        b"link" => match get("rel").as_deref() {
            Some("alternate") => {
                if let Some(href) = get("href") {
                    entry.url = Some(href);
                }
            }
            Some("related") => {
                if let Some(href) = get("href") {
                    entry.reply_to = Some(last_number(&href).to_owned());
                }
            }
            _ => {}
        },
        b"in-reply-to" => entry.parent = get("ref"),
        b"extendedProperty"
            if get("name").as_deref() == Some("blogger.contentRemoved")
                && get("value").as_deref() == Some("true") =>
        {
            entry.removed = true;
        }
        _ => {}
    }
}
