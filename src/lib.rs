//! Parse plain-text exports of Blogger pages into typed posts, comment
//! threads and quoted letters.
//!
//! A blog page saved as text is a run of posts. Each post has a date header,
//! a title, a body and, on a post's own page, a comment thread:
//!
//! ```text
//! Friday 25 July 2014              <- date header (weekday, day, month, year)
//!
//! Dear Mr Spurr                    <- title: the line after one blank line
//!
//! Body paragraphs, bullets (  • item) and separators (******).
//!
//! 2 comments:                      <- comment section: declared count
//!
//!   1. Well done Joanna!           <- top-level comment
//!
//!     papa                         <- its last paragraph: the signature
//!
//!     ReplyDelete                  <- ends a comment
//!     Replies
//!     1. Agreed.                   <- a reply, one level down
//!
//!       Delete                     <- ends a reply
//! ```
//!
//! # Quick start
//!
//! ```
//! let input = "Friday 25 July 2014\n\nDear Mr Spurr\n\nBody.\n\n2 comments:\n\n  1. Well done Joanna!\n\n    papa\n\n    ReplyDelete\n    Replies\n    1. Agreed.\n\n      Delete";
//! let export = blog_export::parse(input)?;
//! for post in &export.posts {
//!     println!("{} {:?}", post.date, post.title);
//!     for comment in post.comments.iter().flat_map(|s| &s.items) {
//!         let by = comment.signature.as_ref().map(|s| &*s.text);
//!         println!("  #{} by {:?}, {} replies", comment.number, by, comment.replies.len());
//!     }
//! }
//! assert_eq!(export.comment_count(), 2);
//! # Ok::<(), blog_export::Error>(())
//! ```
//!
//! Every element carries a [`Span`]: its byte range in the input and the line
//! and column where it starts. Text is borrowed from the input where it can
//! be. Problems the parser can recover from are [`Diagnostic`]s beside the
//! result; the only [`Error`]s are an empty input and an input with no date
//! header.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

// The parser pest derives without its `std` feature names `alloc`.
extern crate alloc;

mod ast;
mod build;
mod diagnostic;
mod elements;
mod error;
mod grammar;
mod letters;
mod parse;
mod signature;
mod span;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use ast::{
    Block, BulletList, Comment, CommentSection, Export, Letter, Marker, MarkerKind, Paragraph,
    Post, Sent, SentAt, Separator, Signature,
};
pub use diagnostic::{Diagnostic, DiagnosticKind, Severity};
pub use elements::{Element, ElementKind};
pub use error::{Error, ErrorKind};
pub use parse::{parse, parse_with, ParseOptions};
pub use signature::is_signature;
pub use span::Span;
