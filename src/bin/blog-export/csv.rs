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

/// A row of the posts table.
#[derive(Serialize, Default)]
struct PostRow<'r> {
    file: &'r str,
    line: u32,
    date: &'r str,
    weekday: &'r str,
    title: &'r str,
    paragraphs: usize,
    letters: usize,
    comments_declared: Option<u32>,
    comments_listed: usize,
}

/// A row of the comments table: a comment, or a reply (with the number of
/// the comment it answers).
#[derive(Serialize, Default)]
struct CommentRow<'r> {
    file: &'r str,
    line: u32,
    post_date: &'r str,
    post_title: &'r str,
    number: u32,
    parent_number: Option<u32>,
    signature_or_author: &'r str,
    text: String,
}

/// A row of the letters table.
#[derive(Serialize, Default)]
struct LetterRow<'r> {
    file: &'r str,
    line: u32,
    post_date: &'r str,
    post_title: &'r str,
    sent: Option<String>,
    salutation: &'r str,
    subject: &'r str,
    valediction: &'r str,
    signer: &'r str,
    roles: String,
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
    for post in &export.posts {
        out.extend(post_rows(file, post, table)?);
    }
    Ok(out)
}

/// The rows of one post (one row in the posts table; one per comment or
/// reply, or per letter, in the others), without a header.
pub fn post_rows(file: &str, post: &Post, table: Table) -> io::Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    let date = post.date.to_string();
    let title = post.title.as_deref().unwrap_or("");
    match table {
        Table::Posts => w.serialize(PostRow {
            file,
            line: post.header_span.line,
            date: &date,
            weekday: post.weekday_name().unwrap_or_default(),
            title,
            paragraphs: post
                .body
                .iter()
                .filter(|b| matches!(b, Block::Paragraph(_)))
                .count(),
            letters: post.letters().count(),
            comments_declared: post.comments.as_ref().and_then(|s| s.declared),
            comments_listed: post.comment_count(),
        })?,
        Table::Comments => {
            for comment in post.comments.iter().flat_map(|s| &s.items) {
                w.serialize(comment_row(file, post, &date, comment, None))?;
                for reply in &comment.replies {
                    w.serialize(comment_row(file, post, &date, reply, Some(comment.number)))?;
                }
            }
        }
        Table::Letters => {
            for letter in post.letters() {
                w.serialize(letter_row(file, &date, title, letter))?;
            }
        }
    }
    w.into_inner().map_err(|e| io::Error::other(e.to_string()))
}

fn comment_row<'r>(
    file: &'r str,
    post: &'r Post,
    post_date: &'r str,
    comment: &'r Comment,
    parent_number: Option<u32>,
) -> CommentRow<'r> {
    let by = comment
        .signature
        .as_ref()
        .or(comment.author.as_ref())
        .map_or("", |p| &p.text);
    CommentRow {
        file,
        line: comment.span.line,
        post_date,
        post_title: post.title.as_deref().unwrap_or(""),
        number: comment.number,
        parent_number,
        signature_or_author: by,
        text: joined(comment.paragraphs.iter().map(|p| &*p.text), "\n\n"),
    }
}

fn letter_row<'r>(
    file: &'r str,
    post_date: &'r str,
    post_title: &'r str,
    letter: &'r Letter,
) -> LetterRow<'r> {
    let signature = letter.signature.as_ref();
    LetterRow {
        file,
        line: letter.span.line,
        post_date,
        post_title,
        sent: letter.sent.as_ref().map(|s| s.at.to_string()),
        salutation: &letter.salutation.text,
        subject: letter.subject.as_ref().map_or("", |s| &s.text),
        valediction: letter.valediction.as_ref().map_or("", |v| &v.text),
        signer: signature.map_or("", |s| &s.name.text),
        roles: signature.map_or(String::new(), |s| {
            joined(s.roles.iter().map(|r| &*r.text), "; ")
        }),
    }
}

fn joined<'t>(parts: impl Iterator<Item = &'t str>, separator: &str) -> String {
    parts.collect::<Vec<_>>().join(separator)
}
