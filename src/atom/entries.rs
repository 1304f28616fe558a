//! The entries of a Blogger export file, read from its XML with quick-xml:
//! both dialects (the backup from Settings, with `kind#post` categories,
//! and Takeout's `feed.atom`, with `blogger:type`) into one [`Entry`] shape.
//! In: the file's text. Out: its entries in order, each with its byte range.
//! Nothing else of the feed is kept. A DTD is refused, never expanded.
//!
//! Text in memory (a whole file, or one entry read again) is read in
//! place: its events borrow it ([`Memory`]); any other reader's events are
//! copied into a buffer ([`Buffered`]).

use std::borrow::Cow;
use std::io::{BufRead, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::error::{Error, ErrorKind};
use crate::span::{LineIndex, Span};

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
    /// What the content element holds, as the reader saw it.
    pub content_form: ContentForm,
    /// The line and 0-based column (characters) the content's text starts
    /// at, when the source counts lines.
    pub content_line: u32,
    pub content_column: usize,
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
    pub(crate) fn new(start: usize) -> Self {
        Entry {
            kind: Kind::Other,
            status: Status::Live,
            id: String::new(),
            published: None,
            title: None,
            content: String::new(),
            content_range: (start, start),
            content_form: ContentForm::Absent,
            content_line: 1,
            content_column: 0,
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

impl Entry {
    /// The entry's span, from its line and column.
    pub(crate) fn span(&self) -> Span {
        span_at(self.range, self.line, self.column)
    }

    /// The content's span, from its line and column.
    pub(crate) fn content_span(&self) -> Span {
        span_at(self.content_range, self.content_line, self.content_column)
    }
}

/// The span of the bytes `range`, which start at `line` and the 0-based
/// `column`.
fn span_at(range: (usize, usize), line: u32, column: usize) -> Span {
    Span {
        start: range.0,
        end: range.1,
        line,
        column: u32::try_from(column + 1).unwrap_or(u32::MAX),
    }
}

/// What an entry's content element holds: whether its text is its raw
/// bytes (`content_range`) unescaped, so a reader that did not keep the
/// text can read it from there alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ContentForm {
    /// No content element with text (none, or an empty element tag): the
    /// content is empty.
    Absent,
    /// One content element holding nothing but character data without
    /// CDATA sections, comments or elements: its text is the bytes of
    /// `content_range`, unescaped.
    Plain,
    /// Anything else (CDATA, comments, child elements, two content
    /// elements), or an entry with a small field that did not unescape on
    /// a pass that keeps no text (see `Field::read_whole_only`): only a
    /// reading of the whole entry gives its text.
    Mixed,
}

/// The digits that end an id or address (`tag:...post-123` or
/// `.../comments/default/123`).
pub(crate) fn last_number(id: &str) -> &str {
    // In bytes: every character sought is ASCII (called for every entry,
    // and again for every comment's links).
    let bytes = id.as_bytes();
    let path = &bytes[..memchr::memchr2(b'?', b'#', bytes).unwrap_or(bytes.len())];
    let end = path.iter().rposition(|&b| b != b'/').map_or(0, |k| k + 1);
    let start = path[..end]
        .iter()
        .rposition(|b| !b.is_ascii_digit())
        .map_or(0, |k| k + 1);
    &id[start..end]
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
    /// Whether the field was read only with the whole entry before index
    /// passes kept the small fields (its text, author, address): there an
    /// escape that does not read is not the index pass's error but left to
    /// a reading of the whole entry (the entry is [`ContentForm::Mixed`]),
    /// so that such a file fails where and as it always did.
    fn read_whole_only(self) -> bool {
        matches!(self, Field::Title | Field::AuthorName | Field::Filename)
    }
}

/// What of an entry to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keep {
    /// Everything.
    All,
    /// Everything but the content's text, of which only its place and
    /// [`ContentForm`] are kept: a first pass over a large file that finds
    /// where each entry is, what it is and its small fields, holding no
    /// text of any size.
    Index,
    /// What [`Keep::Index`] keeps but the small fields that only a post
    /// or comment shows (title, author, address, labels, the removed
    /// mark): where the entry is, and what sorting it takes (its kind,
    /// status, id, post). A first pass whose entries are read again
    /// whole; its errors are `Index`'s, since the fields it skips are the
    /// ones whose escapes `Index` leaves to a reading of the whole entry.
    Place,
}

/// Where entries stand: under a `feed` (a whole file), or at the top (one
/// entry cut from a file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Depth {
    Feed,
    Top,
}

/// A reader that counts the lines it hands on, so an entry's line is known
/// without the whole file (quick-xml consumes exactly the bytes it read);
/// text in memory has its own line index instead.
pub(crate) struct Lines<R> {
    inner: R,
    /// Lines ended so far.
    newlines: u32,
    /// Bytes consumed so far.
    consumed: usize,
    /// Characters from the current line's start to what was consumed.
    column: usize,
}

/// The characters in UTF-8 bytes (the bytes that are not continuations).
fn chars_in(bytes: &[u8]) -> usize {
    // Most text is ASCII, whose test is a fast scan.
    if bytes.is_ascii() {
        return bytes.len();
    }
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
        if let Ok(buf) = self.inner.fill_buf() {
            let used = &buf[..amt.min(buf.len())];
            // The reader consumes a markup's first byte alone, and short
            // tags: counted byte by byte, cheaper than setting up the
            // searches below.
            if used.len() <= 16 {
                for &b in used {
                    if b == b'\n' {
                        self.newlines += 1;
                        self.column = 0;
                    } else {
                        self.column += usize::from((b as i8) >= -0x40);
                    }
                }
            } else {
                match memchr::memrchr(b'\n', used) {
                    Some(last) => {
                        self.newlines +=
                            1 + memchr::memchr_iter(b'\n', &used[..last]).count() as u32;
                        self.column = chars_in(&used[last + 1..]);
                    }
                    None => self.column += chars_in(used),
                }
            }
        }
        self.consumed += amt;
        self.inner.consume(amt);
    }
}

/// Where an entry reader's XML events come from.
pub(crate) trait Source {
    /// The next event, and the offset (bytes) just after it.
    fn event(&mut self) -> quick_xml::Result<(Event<'_>, usize)>;

    /// The offset (bytes) read so far.
    fn position(&self) -> usize;

    /// Where the last error was found (bytes).
    fn error_position(&self) -> usize;

    /// The 1-based line and 0-based column (characters) of the next
    /// markup, if the source counts them.
    fn line_col(&self) -> (u32, usize) {
        (1, 0)
    }

    /// The 1-based line and column the reader has reached, if counted.
    fn place(&self) -> (u32, u32) {
        (1, 1)
    }
}

/// Text in memory, read in place: events borrow the text, nothing is
/// copied but what is kept.
pub(crate) struct Memory<'i>(Reader<&'i [u8]>);

impl Source for Memory<'_> {
    fn event(&mut self) -> quick_xml::Result<(Event<'_>, usize)> {
        let event = self.0.read_event()?;
        Ok((event, self.0.buffer_position() as usize))
    }

    fn position(&self) -> usize {
        self.0.buffer_position() as usize
    }

    fn error_position(&self) -> usize {
        self.0.error_position() as usize
    }
}

/// Any buffered reader, its lines counted: each event is copied into a
/// buffer that is reused.
pub(crate) struct Buffered<R> {
    reader: Reader<Lines<R>>,
    /// The last event's bytes.
    buf: Vec<u8>,
}

impl<R: BufRead> Source for Buffered<R> {
    fn event(&mut self) -> quick_xml::Result<(Event<'_>, usize)> {
        self.buf.clear();
        let event = self.reader.read_event_into(&mut self.buf)?;
        Ok((event, self.reader.buffer_position() as usize))
    }

    fn position(&self) -> usize {
        self.reader.buffer_position() as usize
    }

    fn error_position(&self) -> usize {
        self.reader.error_position() as usize
    }

    fn line_col(&self) -> (u32, usize) {
        // The reader may have consumed the `<` of the next markup
        // already: the column is of the markup's start.
        let lines = self.reader.get_ref();
        let ahead = lines.consumed - self.position();
        (lines.newlines + 1, lines.column.saturating_sub(ahead))
    }

    fn place(&self) -> (u32, u32) {
        let lines = self.reader.get_ref();
        (
            lines.newlines + 1,
            u32::try_from(lines.column + 1).unwrap_or(u32::MAX),
        )
    }
}

/// The entries of a Blogger export file (or of one entry cut from one),
/// read one at a time with quick-xml from a [`Source`].
pub(crate) struct Entries<S> {
    source: S,
    keep: Keep,
    depth: Depth,
    /// The open elements, from the root down.
    path: Vec<Tag>,
    saw_root: bool,
    done: bool,
}

impl<'i> Entries<Memory<'i>> {
    /// The entries of `text`, read in place.
    pub(crate) fn in_memory(text: &'i str, keep: Keep, depth: Depth) -> Self {
        let mut reader = Reader::from_str(text);
        reader.config_mut().check_end_names = true;
        Entries::with_source(Memory(reader), keep, depth)
    }
}

impl<R: BufRead> Entries<Buffered<R>> {
    /// The entries read from `source`, their lines counted.
    pub(crate) fn buffered(source: R, keep: Keep, depth: Depth) -> Self {
        let mut reader = Reader::from_reader(Lines {
            inner: source,
            newlines: 0,
            consumed: 0,
            column: 0,
        });
        reader.config_mut().check_end_names = true;
        let source = Buffered {
            reader,
            buf: Vec::new(),
        };
        Entries::with_source(source, keep, depth)
    }
}

impl<S: Source> Entries<S> {
    fn with_source(source: S, keep: Keep, depth: Depth) -> Self {
        Entries {
            source,
            keep,
            depth,
            path: Vec::new(),
            saw_root: false,
            done: false,
        }
    }

    /// The line and column the reader has reached (1, 1 for text in
    /// memory, whose lines are not counted).
    pub(crate) fn place(&self) -> (u32, u32) {
        self.source.place()
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
        // The depth of the content element while it is open, and whether
        // its text's place is still to note (at the next event).
        let mut content_depth: Option<usize> = None;
        let mut content_place = false;
        let mut content_text = false;
        loop {
            let before = self.source.position();
            let (line, column) = self.source.line_col();
            if std::mem::take(&mut content_place) {
                if let Some(entry) = &mut entry {
                    entry.content_line = line;
                    entry.content_column = column;
                }
            }
            let (event, after) = match self.source.event() {
                Ok(read) => read,
                Err(e) => {
                    return Err(Problem::new(
                        self.source.error_position(),
                        format!("malformed XML: {e}"),
                    ));
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
                    if content_depth.is_some() {
                        mixed(&mut entry);
                    }
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
                        attributes(entry, &e, &self.path[entry_depth..], self.keep);
                        field = leaf(&self.path[entry_depth..], name)
                            .filter(|f| self.keep != Keep::Place || !f.read_whole_only());
                        text.clear();
                        if field == Some(Field::Content) {
                            entry.content_range = (after, after);
                            entry.content_form = match entry.content_form {
                                ContentForm::Absent => ContentForm::Plain,
                                _ => ContentForm::Mixed,
                            };
                            content_depth = Some(self.path.len());
                            content_place = true;
                            content_text = false;
                        }
                    }
                    self.path.push(Tag::of(name));
                }
                Event::Empty(e) => {
                    if content_depth.is_some() {
                        mixed(&mut entry);
                    }
                    if let Some(entry) = &mut entry {
                        attributes(entry, &e, &self.path[entry_depth..], self.keep);
                    }
                }
                Event::Text(t) => {
                    let content = field == Some(Field::Content);
                    if content && std::mem::replace(&mut content_text, true) {
                        mixed(&mut entry);
                    }
                    // The content's text is kept only when all is.
                    if field.is_some() && (self.keep == Keep::All || !content) {
                        match t.unescape() {
                            // The first piece, unescaped: kept as it is.
                            Ok(Cow::Owned(piece)) if text.is_empty() => text = piece,
                            Ok(piece) => text.push_str(&piece),
                            // Left to a reading of the whole entry, which
                            // finds it where it always did.
                            Err(_)
                                if self.keep == Keep::Index
                                    && field.is_some_and(Field::read_whole_only) =>
                            {
                                mixed(&mut entry);
                            }
                            Err(e) => {
                                return Err(Problem::new(before, format!("malformed XML: {e}")))
                            }
                        }
                    }
                }
                Event::CData(c) => {
                    if content_depth.is_some() {
                        mixed(&mut entry);
                    }
                    if field.is_some() {
                        text.push_str(&String::from_utf8_lossy(&c));
                    }
                }
                Event::End(_) => {
                    let tag = self.path.pop();
                    if content_depth.is_some_and(|d| d >= self.path.len()) {
                        content_depth = None;
                    }
                    if tag == Some(Tag::Entry) && self.path.len() == entry_depth {
                        if let Some(mut done) = entry.take() {
                            done.range.1 = after;
                            if done.content_range == (done.range.0, done.range.0) {
                                done.content_range = done.range;
                            }
                            return Ok(Some(done));
                        }
                    } else if let (Some(entry), Some(f)) = (&mut entry, field.take()) {
                        if f == Field::Content {
                            entry.content_range.1 = before;
                        }
                        store(entry, f, &mut text);
                    }
                }
                Event::Eof => {
                    if !self.saw_root {
                        return Err(Problem::new(
                            0,
                            "not a Blogger export: no Atom `feed` element".to_owned(),
                        ));
                    }
                    return Ok(None);
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {
                    if content_depth.is_some() {
                        mixed(&mut entry);
                    }
                }
            }
        }
    }
}

/// Notes that the entry's content is not plain text.
fn mixed(entry: &mut Option<Entry>) {
    if let Some(entry) = entry {
        entry.content_form = ContentForm::Mixed;
    }
}

/// Where and why reading failed (made an [`Error`] by the caller, who
/// knows the lines).
#[derive(Debug)]
pub(crate) struct Problem {
    pub offset: usize,
    pub kind: ErrorKind,
    pub message: String,
}

impl Problem {
    /// XML that does not read (or is no export file).
    pub(crate) fn new(offset: usize, message: String) -> Problem {
        Problem {
            offset,
            kind: ErrorKind::Xml,
            message,
        }
    }

    /// A file over what a reader can hold.
    pub(crate) fn limit(offset: usize, message: String) -> Problem {
        Problem {
            offset,
            kind: ErrorKind::Limit,
            message,
        }
    }

    pub(crate) fn into_error(self, index: &LineIndex<'_>, len: usize) -> Error {
        Error::at(index, self.offset.min(len), self.kind, self.message)
    }
}

impl<S: Source> Iterator for Entries<S> {
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

/// Keeps a leaf's text: taken when it is kept, left (to be reused) when
/// only looked at.
fn store(entry: &mut Entry, field: Field, text: &mut String) {
    // The text without its white space, in its own buffer when it has
    // none to trim.
    let mut trimmed = || {
        if text.trim().len() == text.len() {
            std::mem::take(text)
        } else {
            text.trim().to_owned()
        }
    };
    match field {
        Field::Id => entry.id = trimmed(),
        Field::Published => entry.published = Some(trimmed()),
        Field::Title => entry.title = Some(trimmed()).filter(|t| !t.is_empty()),
        Field::Content => {
            // Unescaping left room for the escapes; a whole file's contents
            // are held until their posts are built.
            entry.content = std::mem::take(text);
            entry.content.shrink_to_fit();
        }
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
/// `thr:in-reply-to`, `gd:extendedProperty` (with [`Keep::Place`], only
/// the kind and the post).
fn attributes(entry: &mut Entry, e: &BytesStart<'_>, path: &[Tag], keep: Keep) {
    // path: entry, ... (the element's parents, from the entry down)
    if path.len() != 1 {
        return;
    }
    let name = e.local_name();
    if keep == Keep::Place && !matches!(name.as_ref(), b"category" | b"in-reply-to") {
        return;
    }
    match name.as_ref() {
        b"category" => {
            let [scheme, term] = values(e, [b"scheme", b"term"]);
            let term = term.unwrap_or_default();
            if scheme.unwrap_or_default().ends_with("#kind") {
                entry.kind = match term.rsplit('#').next() {
                    Some("post") => Kind::Post,
                    Some("comment") => Kind::Comment,
                    Some("page") => Kind::Page,
                    _ => Kind::Other,
                };
            } else if !term.is_empty() && keep != Keep::Place {
                entry.labels.push(term.into_owned());
            }
        }
        b"link" => {
            let [rel, href] = values(e, [b"rel", b"href"]);
            match (rel.as_deref(), href) {
                (Some("alternate"), Some(href)) => entry.url = Some(href.into_owned()),
                (Some("related"), Some(href)) => {
                    entry.reply_to = Some(last_number(&href).to_owned());
                }
                _ => {}
            }
        }
        b"in-reply-to" => {
            let [reference] = values(e, [b"ref"]);
            entry.parent = reference.map(Cow::into_owned);
        }
        b"extendedProperty" => {
            let [name, value] = values(e, [b"name", b"value"]);
            if name.as_deref() == Some("blogger.contentRemoved") && value.as_deref() == Some("true")
            {
                entry.removed = true;
            }
        }
        _ => {}
    }
}

/// An attribute's value unescaped, as quick-xml's `unescape_value` gives
/// it (none when it does not read): a value with no `&` (most) is its
/// bytes, read as UTF-8 without a search for escapes.
fn value_of<'e>(attribute: &quick_xml::events::attributes::Attribute<'e>) -> Option<Cow<'e, str>> {
    match &attribute.value {
        Cow::Borrowed(bytes) if memchr::memchr(b'&', bytes).is_none() => {
            std::str::from_utf8(bytes).ok().map(Cow::Borrowed)
        }
        _ => attribute.unescape_value().ok(),
    }
}

/// The unescaped values of the attributes named `keys` (qualified names),
/// in one pass over the element's attributes: the first of each name, as
/// quick-xml's `try_get_attribute` finds it (none after a malformed
/// attribute, and none for a value that does not unescape).
fn values<'e, const N: usize>(
    e: &'e BytesStart<'_>,
    keys: [&[u8]; N],
) -> [Option<Cow<'e, str>>; N] {
    let mut found: [Option<Option<Cow<'e, str>>>; N] = std::array::from_fn(|_| None);
    for attribute in e.attributes().with_checks(false) {
        let Ok(attribute) = attribute else { break };
        if let Some(k) = keys.iter().position(|&key| key == attribute.key.as_ref()) {
            if found[k].is_none() {
                found[k] = Some(value_of(&attribute));
                // Every key found: the attributes after them change nothing.
                if found.iter().all(Option::is_some) {
                    break;
                }
            }
        }
    }
    found.map(Option::flatten)
}
