//! The CSV tables of `parse --format csv`: one `#[derive(Serialize)]` row
//! type per table, written by the `csv` crate (the header row is the row
//! type's field names).

use std::io;

use blog_export::{Block, Comment, Export, Letter, Post};
use clap::ValueEnum;
use serde::Serialize;

/// The CSV tables.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Table {
    /// One row per post.
    Posts,
    /// One row per comment or reply.
    Comments,
    /// One row per quoted letter.
    Letters,
}

// The three tables have the columns, in order, of the Python package's
// Arrow tables (`python/src/lib.rs`, `blog_export.TABLES`): `file` and
// `post` (the post's index in its file) key every row, and `post_id` (the
// post's stable id) joins rows across files, `number` and
// `parent` a comment, `letter` a letter; an absent value is an empty field
// (null in Arrow). The columns are documented in `docs/tables.md`, and a
// Python test compares this header with the Arrow schema.

/// A row of the posts table.
#[derive(Serialize, Default)]
struct PostRow<'r> {
    file: &'r str,
    post: usize,
    post_id: String,
    line: u32,
    date: Option<String>,
    weekday: Option<&'r str>,
    title: Option<&'r str>,
    paragraphs: usize,
    letters: usize,
    declared: Option<u32>,
    comments: usize,
    published: Option<String>,
    author: Option<&'r str>,
    labels: Option<String>,
    url: Option<&'r str>,
}

/// A row of the comments table: a comment, or a reply (with the number of
/// the comment it answers in `parent`).
#[derive(Serialize, Default)]
struct CommentRow<'r> {
    file: &'r str,
    post: usize,
    post_id: &'r str,
    number: u32,
    parent: Option<u32>,
    line: u32,
    author: Option<&'r str>,
    signature: Option<&'r str>,
    posted: Option<&'r str>,
    posted_date: Option<String>,
    posted_time: Option<String>,
    text: String,
}

/// A row of the letters table.
#[derive(Serialize, Default)]
struct LetterRow<'r> {
    file: &'r str,
    post: usize,
    post_id: &'r str,
    letter: usize,
    line: u32,
    sent: Option<String>,
    sent_raw: Option<&'r str>,
    headers: Option<String>,
    salutation: Option<&'r str>,
    subject: Option<&'r str>,
    valediction: Option<&'r str>,
    signer: Option<&'r str>,
    roles: Option<String>,
}

/// The header row of a table: the csv crate's own header for its row type
/// (written before the first row; the default row gives it).
pub fn header(table: Table) -> io::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    match table {
        Table::Posts => w.serialize(PostRow::default())?,
        Table::Comments => w.serialize(CommentRow::default())?,
        Table::Letters => w.serialize(LetterRow::default())?,
    }
    let bytes = w
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?;
    let end = bytes
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| i + 1);
    Ok(bytes[..end].to_vec())
}

/// The rows of one file's table, without a header.
pub fn rows(file: &str, export: &Export, table: Table) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    for (index, post) in export.posts.iter().enumerate() {
        out.extend(post_rows(file, index, post, table)?);
    }
    Ok(out)
}

/// The rows of one post, the `index`-th of its file (one row in the posts
/// table; one per comment or reply, or per letter, in the others), without
/// a header.
pub fn post_rows(file: &str, index: usize, post: &Post, table: Table) -> io::Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    let entry = post.entry.as_deref();
    let post_id = post.post_id();
    match table {
        Table::Posts => w.serialize(PostRow {
            file,
            post: index,
            post_id: post_id.clone(),
            line: post.header_span.line,
            date: post.date.map(|d| d.to_string()),
            weekday: post.weekday_name(),
            title: post.title.as_deref(),
            paragraphs: post
                .body
                .iter()
                .filter(|b| matches!(b, Block::Paragraph(_)))
                .count(),
            letters: post.letters().count(),
            declared: post.comments.as_ref().and_then(|s| s.declared),
            comments: post.comment_count(),
            published: entry.map(|e| e.published.to_rfc3339()),
            author: entry.and_then(|e| e.author.as_deref()),
            labels: entry
                .filter(|e| !e.labels.is_empty())
                .map(|e| joined(e.labels.iter().map(|l| &**l), "; ")),
            url: entry.and_then(|e| e.url.as_deref()),
        })?,
        Table::Comments => {
            for (comment, parent) in post.comments.iter().flat_map(|s| s.threaded()) {
                let parent = parent.map(|p| p.number);
                w.serialize(comment_row((file, index, &post_id), comment, parent))?;
            }
        }
        Table::Letters => {
            for (k, letter) in post.letters().enumerate() {
                w.serialize(letter_row((file, index, &post_id), k, letter))?;
            }
        }
    }
    w.into_inner().map_err(|e| io::Error::other(e.to_string()))
}

/// The columns that key a comment's or a letter's row: its post's file,
/// index in the file, and id.
type PostKey<'r> = (&'r str, usize, &'r str);

fn comment_row<'r>(
    (file, post, post_id): PostKey<'r>,
    comment: &'r Comment,
    parent: Option<u32>,
) -> CommentRow<'r> {
    let posted = comment.posted.as_ref();
    CommentRow {
        file,
        post,
        post_id,
        number: comment.number,
        parent,
        line: comment.span.line,
        author: comment.author.as_ref().map(|a| &*a.text),
        signature: comment.signature.as_ref().map(|s| &*s.text),
        posted: posted.map(|p| &*p.text),
        posted_date: posted.and_then(|p| p.date).map(|d| d.to_string()),
        posted_time: posted
            .and_then(|p| p.time)
            .map(|t| t.format("%H:%M").to_string()),
        text: joined(comment.paragraphs.iter().map(|p| &*p.text), "\n\n"),
    }
}

fn letter_row<'r>(
    (file, post, post_id): PostKey<'r>,
    letter_index: usize,
    letter: &'r Letter,
) -> LetterRow<'r> {
    let signature = letter.signature.as_ref();
    LetterRow {
        file,
        post,
        post_id,
        letter: letter_index,
        line: letter.span.line,
        sent: letter.when_sent().map(|(at, _)| at.to_string()),
        sent_raw: letter.when_sent().map(|(_, raw)| raw),
        headers: email_headers(letter),
        salutation: letter.salutation.as_ref().map(|s| &*s.text),
        subject: letter.subject.as_ref().map(|s| &*s.text),
        valediction: letter.valediction.as_ref().map(|v| &*v.text),
        signer: signature.map(|s| &*s.name.text),
        roles: signature
            .filter(|s| !s.roles.is_empty())
            .map(|s| joined(s.roles.iter().map(|r| &*r.text), "; ")),
    }
}

/// An email's header lines, `From: Ann Lee; To: Bob`.
fn email_headers(letter: &Letter) -> Option<String> {
    let lines: Vec<String> = letter.headers.iter().map(ToString::to_string).collect();
    (!lines.is_empty()).then(|| lines.join("; "))
}

fn joined<'t>(parts: impl Iterator<Item = &'t str>, separator: &str) -> String {
    parts.collect::<Vec<_>>().join(separator)
}
