//! The parse options a user sets on the command line (the limits
//! `--max-size`, `--max-line-bytes`, `--max-posts`, and `--lang`), and
//! errors that name the flag, not the library's method.

use blog_export::{Error, Limit, ParseOptions};

/// The limits and language of every command.
#[derive(Clone, Copy)]
pub struct Limits {
    /// `--max-size`: the largest input read, in bytes.
    pub max_size: u64,
    /// `--max-line-bytes`: the longest line, in bytes.
    pub max_line_bytes: u64,
    /// `--max-posts`: the most posts in one input.
    pub max_posts: usize,
    /// `--lang`: the language every input is read in (else each page's own).
    pub language: Option<blog_export::Language>,
    /// `--drafts`: read the drafts of XML export files.
    pub drafts: bool,
    /// `--pages`: read the static pages of XML export files.
    pub pages: bool,
}

impl Limits {
    /// The parse options with these limits, lenient or strict.
    pub fn options(&self, strict: bool) -> ParseOptions {
        let base = if strict {
            ParseOptions::strict()
        } else {
            ParseOptions::default()
        };
        let options = base
            .with_max_input_bytes(usize::try_from(self.max_size).unwrap_or(usize::MAX))
            .with_max_line_bytes(usize::try_from(self.max_line_bytes).unwrap_or(usize::MAX))
            .with_max_posts(self.max_posts)
            .with_drafts(self.drafts)
            .with_pages(self.pages);
        match self.language {
            Some(language) => options.with_language(language),
            None => options,
        }
    }
}

/// A parse error as the command line shows it: a limit's message names
/// the flag that sets it.
pub fn named(error: Error) -> Error {
    match error.limit() {
        Some(Limit::InputBytes) => error.with_setting("--max-size"),
        Some(Limit::LineBytes) => error.with_setting("--max-line-bytes"),
        Some(Limit::Posts) => error.with_setting("--max-posts"),
        _ => error,
    }
}
