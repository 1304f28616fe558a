//! The entries of a Blogger export file, read from its XML with quick-xml:
//! both dialects (the backup from Settings, with `kind#post` categories,
//! and Takeout's `feed.atom`, with `blogger:type`) into one [`Entry`] shape.
//! In: the file's text. Out: its entries in order, each with its byte range.
//! Nothing else of the feed is kept. A DTD is refused, never expanded.

use std::borrow::Cow;

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
        }
    }

    /// The number at the end of the entry's id (`...post-2` gives `2`):
    /// what `blogger:inReplyTo` and the `related` link name.
    pub(crate) fn number(&self) -> &str {
        last_number(&self.id)
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

/// Reads every entry of `input`, a Blogger export file.
pub(crate) fn read(input: &str, index: &LineIndex<'_>) -> Result<Vec<Entry>, Error> {
    let mut reader = Reader::from_str(input);
    reader.config_mut().check_end_names = true;
    let mut entries = Vec::new();
    let mut entry: Option<Entry> = None;
    // Element names from the feed down (local names).
    let mut path: Vec<Vec<u8>> = Vec::new();
    let mut field: Option<Field> = None;
    let mut text = String::new();
    let mut saw_feed = false;
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| xml_error(index, input, reader.error_position() as usize, &e))?;
        match event {
            Event::DocType(_) => {
                return Err(Error::at(
                    index,
                    before,
                    ErrorKind::Xml,
                    "the file declares a DTD; Blogger's export files have none, and its \
                     entities are never expanded"
                        .to_owned(),
                ));
            }
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_vec();
                if path.is_empty() {
                    saw_feed = name == b"feed";
                    if !saw_feed {
                        return Err(Error::at(
                            index,
                            before,
                            ErrorKind::Xml,
                            "not a Blogger export: the XML's root element is not an Atom `feed`"
                                .to_owned(),
                        ));
                    }
                }
                if name == b"entry" && path.len() == 1 {
                    entry = Some(Entry::new(before));
                } else if let Some(entry) = &mut entry {
                    attributes(entry, &e, &path);
                    field = leaf(&path, &name);
                    text.clear();
                    if field == Some(Field::Content) {
                        let at = reader.buffer_position() as usize;
                        entry.content_range = (at, at);
                    }
                }
                path.push(name);
            }
            Event::Empty(e) => {
                if let Some(entry) = &mut entry {
                    attributes(entry, &e, &path);
                }
            }
            Event::Text(t) => {
                if field.is_some() {
                    let piece = t
                        .unescape()
                        .map_err(|e| xml_error(index, input, before, &e))?;
                    text.push_str(&piece);
                }
            }
            Event::CData(c) => {
                if field.is_some() {
                    let bytes = c.into_inner();
                    text.push_str(&String::from_utf8_lossy(&bytes));
                }
            }
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                if name == b"entry" && path.len() == 1 {
                    if let Some(mut done) = entry.take() {
                        done.range.1 = reader.buffer_position() as usize;
                        if done.content_range == (done.range.0, done.range.0) {
                            done.content_range = done.range;
                        }
                        entries.push(done);
                    }
                } else if let (Some(entry), Some(f)) = (&mut entry, field.take()) {
                    if f == Field::Content {
                        entry.content_range.1 = before;
                    }
                    store(entry, f, std::mem::take(&mut text));
                }
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    if !saw_feed {
        return Err(Error::at(
            index,
            0,
            ErrorKind::Xml,
            "not a Blogger export: no Atom `feed` element".to_owned(),
        ));
    }
    Ok(entries)
}

/// Which leaf an element under an entry is, from its name and place.
fn leaf(path: &[Vec<u8>], name: &[u8]) -> Option<Field> {
    // path: feed, entry, ... (the element's parents)
    let depth = path.len();
    let parent = path.last().map(Vec::as_slice);
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
        (3, Some(b"author"), b"name") => Some(Field::AuthorName),
        (3, Some(b"control"), b"draft") => Some(Field::Draft),
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
fn attributes(entry: &mut Entry, e: &BytesStart<'_>, path: &[Vec<u8>]) {
    if path.len() != 2 {
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

/// A quick-xml error as the crate's error, at `offset`.
fn xml_error(index: &LineIndex<'_>, input: &str, offset: usize, e: &quick_xml::Error) -> Error {
    Error::at(
        index,
        offset.min(input.len()),
        ErrorKind::Xml,
        format!("malformed XML: {e}"),
    )
}
