//! Flat rows of a parse: one per post, one per comment or reply, one per
//! quoted letter. They are the rows of the command-line tool's CSV tables
//! (`parse --format csv --table posts|comments|letters`) and of the Python
//! package's Arrow tables, column for column (`docs/tables.md` documents
//! the columns): each row is `#[derive(Serialize)]`, its fields in column
//! order, an absent value `None`.
//!
//! ```
//! use blog_export::table::{CommentRow, LetterRow, PostRow};
//!
//! let export = blog_export::parse(
//!     "Friday 25 July 2014\n\nDear Mr Spurr\n\nDear Mr Spurr,\n\nThank you.\n\nYours sincerely,\n\nAnn Lee\n\n2 comments:\n\nBob said...\n\n    Well put.\n\nCarl said...\n\n    Agreed.\n",
//! )?;
//! let post = &export.posts[0];
//! let row = PostRow::new("seed.txt", 0, post);
//! assert_eq!((row.post_id.as_str(), row.letters, row.comments), ("2014-07-25-dear-mr-spurr", 1, 2));
//! assert_eq!(row.date.as_deref(), Some("2014-07-25"));
//! let key = ("seed.txt", 0, row.post_id.as_str());
//! let letters: Vec<LetterRow> = LetterRow::of_post(key, post).collect();
//! assert_eq!(letters[0].signer, Some("Ann Lee"));
//! let comments: Vec<CommentRow> = CommentRow::of_post(key, post).collect();
//! assert_eq!((comments[1].author, comments[1].text.as_str()), (Some("Carl"), "Agreed."));
//! assert_eq!(PostRow::COLUMNS[..3], ["file", "post", "post_id"]);
//! # Ok::<(), blog_export::Error>(())
//! ```

use serde::Serialize;

use crate::{Block, Comment, Letter, Post};

/// A row of the posts table: one post.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PostRow<'r> {
    /// The input the post was read from, as given.
    pub file: &'r str,
    /// The post's index in its file, from 0.
    pub post: usize,
    /// The post's stable id ([`Post::post_id`]).
    pub post_id: String,
    /// The line of its date header.
    pub line: u32,
    /// Its date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Its weekday, in full, as the header writes it.
    pub weekday: Option<&'r str>,
    /// Its title.
    pub title: Option<&'r str>,
    /// The body's paragraphs (letters and lists not counted).
    pub paragraphs: usize,
    /// The letters the body quotes.
    pub letters: usize,
    /// The count the comment header declares.
    pub declared: Option<u32>,
    /// The comments listed, replies included.
    pub comments: usize,
    /// From an export file: when the post was published, RFC 3339.
    pub published: Option<String>,
    /// From an export file: the post's author.
    pub author: Option<&'r str>,
    /// From an export file: the post's labels, joined by `; `.
    pub labels: Option<String>,
    /// From an export file: the post's address.
    pub url: Option<&'r str>,
}

/// A row of the comments table: a comment, or a reply (with the number of
/// the comment it answers in `parent`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct CommentRow<'r> {
    /// The input the post was read from.
    pub file: &'r str,
    /// The post's index in its file.
    pub post: usize,
    /// The post's stable id.
    pub post_id: &'r str,
    /// The comment's number ([`Comment::number`]).
    pub number: u32,
    /// For a reply, the number of the comment it answers.
    pub parent: Option<u32>,
    /// The line where the comment starts.
    pub line: u32,
    /// The author the template names.
    pub author: Option<&'r str>,
    /// A name signed under the text.
    pub signature: Option<&'r str>,
    /// The comment's time as written.
    pub posted: Option<&'r str>,
    /// Its date, `YYYY-MM-DD`.
    pub posted_date: Option<String>,
    /// Its time of day, `HH:MM`.
    pub posted_time: Option<String>,
    /// The comment's paragraphs, joined by a blank line.
    pub text: String,
}

/// A row of the letters table: one quoted letter or email.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LetterRow<'r> {
    /// The input the post was read from.
    pub file: &'r str,
    /// The post's index in its file.
    pub post: usize,
    /// The post's stable id.
    pub post_id: &'r str,
    /// The letter's index in the post, from 0.
    pub letter: usize,
    /// The line where the letter starts.
    pub line: u32,
    /// When it was sent ([`Letter::when_sent`]), ISO 8601.
    pub sent: Option<String>,
    /// That date as written.
    pub sent_raw: Option<&'r str>,
    /// An email's header lines, joined by `; ` (`From: Ann Lee; To: Bob`).
    pub headers: Option<String>,
    /// The salutation.
    pub salutation: Option<&'r str>,
    /// The subject line.
    pub subject: Option<&'r str>,
    /// The valediction.
    pub valediction: Option<&'r str>,
    /// The name signed under it.
    pub signer: Option<&'r str>,
    /// The signer's role lines, joined by `; `.
    pub roles: Option<String>,
}

impl<'r> PostRow<'r> {
    /// The columns, in order: the row's field names.
    pub const COLUMNS: &'static [&'static str] = &[
        "file",
        "post",
        "post_id",
        "line",
        "date",
        "weekday",
        "title",
        "paragraphs",
        "letters",
        "declared",
        "comments",
        "published",
        "author",
        "labels",
        "url",
    ];

    /// The row of `post`, the `index`-th post of `file`.
    pub fn new(file: &'r str, index: usize, post: &'r Post<'_>) -> Self {
        let entry = post.entry.as_deref();
        PostRow {
            file,
            post: index,
            post_id: post.post_id(),
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
        }
    }
}

impl<'r> CommentRow<'r> {
    /// The columns, in order: the row's field names.
    pub const COLUMNS: &'static [&'static str] = &[
        "file",
        "post",
        "post_id",
        "number",
        "parent",
        "line",
        "author",
        "signature",
        "posted",
        "posted_date",
        "posted_time",
        "text",
    ];

    /// The rows of `post`'s comments and replies, in thread order; `post`
    /// is the `index`-th post of `file`, its id `post_id`.
    pub fn of_post(
        (file, index, post_id): (&'r str, usize, &'r str),
        post: &'r Post<'_>,
    ) -> impl Iterator<Item = CommentRow<'r>> {
        post.comments
            .iter()
            .flat_map(|s| s.threaded())
            .map(move |(comment, parent)| {
                CommentRow::new((file, index, post_id), comment, parent.map(|p| p.number))
            })
    }

    fn new(
        (file, post, post_id): (&'r str, usize, &'r str),
        comment: &'r Comment<'_>,
        parent: Option<u32>,
    ) -> Self {
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
}

impl<'r> LetterRow<'r> {
    /// The columns, in order: the row's field names.
    pub const COLUMNS: &'static [&'static str] = &[
        "file",
        "post",
        "post_id",
        "letter",
        "line",
        "sent",
        "sent_raw",
        "headers",
        "salutation",
        "subject",
        "valediction",
        "signer",
        "roles",
    ];

    /// The rows of the letters `post` quotes, in order; `post` is the
    /// `index`-th post of `file`, its id `post_id`.
    pub fn of_post(
        (file, index, post_id): (&'r str, usize, &'r str),
        post: &'r Post<'_>,
    ) -> impl Iterator<Item = LetterRow<'r>> {
        post.letters()
            .enumerate()
            .map(move |(k, letter)| LetterRow::new((file, index, post_id), k, letter))
    }

    fn new(
        (file, post, post_id): (&'r str, usize, &'r str),
        letter_index: usize,
        letter: &'r Letter<'_>,
    ) -> Self {
        let signature = letter.signature.as_ref();
        let headers: Vec<String> = letter.headers.iter().map(ToString::to_string).collect();
        LetterRow {
            file,
            post,
            post_id,
            letter: letter_index,
            line: letter.span.line,
            sent: letter.when_sent().map(|(at, _)| at.to_string()),
            sent_raw: letter.when_sent().map(|(_, raw)| raw),
            headers: (!headers.is_empty()).then(|| headers.join("; ")),
            salutation: letter.salutation.as_ref().map(|s| &*s.text),
            subject: letter.subject.as_ref().map(|s| &*s.text),
            valediction: letter.valediction.as_ref().map(|v| &*v.text),
            signer: signature.map(|s| &*s.name.text),
            roles: signature
                .filter(|s| !s.roles.is_empty())
                .map(|s| joined(s.roles.iter().map(|r| &*r.text), "; ")),
        }
    }
}

fn joined<'t>(parts: impl Iterator<Item = &'t str>, separator: &str) -> String {
    parts.collect::<Vec<_>>().join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The field names of a row, in order: the header row the csv crate
    /// writes for it.
    fn keys(row: impl Serialize) -> Vec<String> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(row).unwrap();
        let bytes = w.into_inner().unwrap();
        let mut records = csv::Reader::from_reader(&bytes[..]);
        records
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn columns_are_the_fields_in_order() {
        assert_eq!(keys(PostRow::default()), PostRow::COLUMNS);
        assert_eq!(keys(CommentRow::default()), CommentRow::COLUMNS);
        assert_eq!(keys(LetterRow::default()), LetterRow::COLUMNS);
    }
}
