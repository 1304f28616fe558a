//! The CSV tables of `parse --format csv`: the library's
//! `#[derive(Serialize)]` rows (`blog_export::table`), one type per table,
//! written by the `csv` crate under a header of the row type's columns.

use std::io;

use blog_export::table::{CommentRow, LetterRow, PostRow};
use blog_export::{Export, Post};
use clap::ValueEnum;

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

// The rows are the library's (`blog_export::table`), which the Python
// package's Arrow tables take too: `file` and `post` (the post's index in
// its file) key every row, and `post_id` (the post's stable id) joins rows
// across files; an absent value is an empty field. The columns are
// documented in `docs/tables.md`, and a Python test compares this header
// with the Arrow schema.

/// The header row of a table: its columns.
pub fn header(table: Table) -> io::Result<Vec<u8>> {
    let columns = match table {
        Table::Posts => PostRow::COLUMNS,
        Table::Comments => CommentRow::COLUMNS,
        Table::Letters => LetterRow::COLUMNS,
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(columns)?;
    w.into_inner().map_err(|e| io::Error::other(e.to_string()))
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
    // The comments and letters tables need only the post's id, not its
    // whole row.
    match table {
        Table::Posts => w.serialize(PostRow::new(file, index, post))?,
        Table::Comments => {
            let post_id = post.post_id();
            for comment in CommentRow::of_post((file, index, &post_id), post) {
                w.serialize(comment)?;
            }
        }
        Table::Letters => {
            let post_id = post.post_id();
            for letter in LetterRow::of_post((file, index, &post_id), post) {
                w.serialize(letter)?;
            }
        }
    }
    w.into_inner().map_err(|e| io::Error::other(e.to_string()))
}
