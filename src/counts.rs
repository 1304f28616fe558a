//! What an export holds, counted: posts, comments, replies, letters and
//! diagnostics (what `blog-export stats` prints and the report sums up).

use serde::Serialize;

use crate::ast::Export;

/// The numbers of posts, comments, replies, letters and diagnostics of an
/// export ([`Export::counts`]); [`Counts::add`] sums several.
///
/// `comments` counts the top-level comments of every post, `replies` the
/// replies at every depth below them.
///
/// ```
/// let input = "Friday 25 July 2014\n\nT\n\nBody.\n\n1 comment:\n\n  1. Nice.\n\n    ReplyDelete\n    Replies\n    1. Thanks.\n\n      Delete";
/// let counts = blog_export::parse(input)?.counts();
/// assert_eq!((counts.posts, counts.comments, counts.replies), (1, 1, 1));
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Counts {
    /// Posts.
    pub posts: usize,
    /// Top-level comments.
    pub comments: usize,
    /// Replies, at every depth.
    pub replies: usize,
    /// Quoted letters.
    pub letters: usize,
    /// Diagnostics.
    pub diagnostics: usize,
}

impl Counts {
    /// Adds another export's counts to these.
    ///
    /// ```
    /// let a = blog_export::parse("Friday 25 July 2014\n\nOne")?.counts();
    /// let mut total = a;
    /// total.add(a);
    /// assert_eq!(total.posts, 2);
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn add(&mut self, other: Counts) {
        self.posts += other.posts;
        self.comments += other.comments;
        self.replies += other.replies;
        self.letters += other.letters;
        self.diagnostics += other.diagnostics;
    }
}

impl Export<'_> {
    /// The export's posts, comments, replies, letters and diagnostics.
    ///
    /// ```
    /// let input = "Friday 25 July 2014\n\nT\n\nDear Ms Hughes,\n\nThanks.\n\nYours sincerely,\n\nMichael Spurr";
    /// let counts = blog_export::parse(input)?.counts();
    /// assert_eq!((counts.posts, counts.letters, counts.diagnostics), (1, 1, 0));
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn counts(&self) -> Counts {
        let mut counts = Counts {
            posts: self.posts.len(),
            letters: self.posts.iter().map(|p| p.letters().count()).sum(),
            diagnostics: self.diagnostics.len(),
            ..Counts::default()
        };
        for section in self.posts.iter().filter_map(|p| p.comments.as_ref()) {
            counts.comments += section.items.len();
            counts.replies += section.total() - section.items.len();
        }
        counts
    }
}
