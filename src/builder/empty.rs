//! Posts with no title and no text: an image-only post, whose image the
//! text page lost, leaves its date header alone over the next post's.
//!
//! Under a header with a weekday, the next header is a header to the
//! grammar (a title is never such a line). Under a header with no
//! weekday, a date with no weekday is a title to it: a blog of transcribed
//! letters titles a post by the letter's date (`27 July, 2011` over `27
//! July, 1944`). This pass reads such a title as the next post's header
//! when its date is the header's own or a little before it, as an archive
//! page lists its posts newest first (`March 19, 2013` over `March 18,
//! 2013`).
//!
//! In: a `post` pair. Out: the header's own post, with no title and no
//! body, then the rest of the pair parsed again as a post from the second
//! date on (which may be empty in turn); or the post as the grammar read
//! it.

use pest::iterators::Pair;
use pest::Parser as _;

use super::post::Parsed;
use super::{Builder, Result};
use crate::ast::Post;
use crate::grammar::{BlogParser, Rule};

/// The most days between an empty post's date and the next post's.
const EMPTY_POST_MAX_DAYS: i64 = 62;

/// The most lines of a post read again from its second date: a body of
/// more is read in pieces (see `pieces.rs`), whose places a second read
/// would not keep.
const EMPTY_POST_MAX_LINES: usize = 200;

impl<'a> Builder<'a> {
    /// `post`, read as [`parse_post`](Self::parse_post) reads it, after
    /// the empty posts at its head (see the module's docs).
    pub(super) fn parse_post_and_empty(&mut self, pair: Pair<'a, Rule>) -> Result<()> {
        let base = self.base;
        let mut pair = pair;
        while let Some((empty, rest, at)) = self.empty_post(&pair)? {
            self.add_post(Parsed::Post(empty));
            self.base = at;
            pair = rest;
        }
        let parsed = self.parse_post(pair);
        self.base = base;
        self.add_post(parsed?);
        Ok(())
    }

    /// When `pair` is a post whose header has no weekday and whose title
    /// is a date with none, the header's date or at most
    /// [`EMPTY_POST_MAX_DAYS`] before it: the header's own post, and the
    /// rest of the post parsed again from the title line, with the byte
    /// where it starts.
    fn empty_post(
        &mut self,
        pair: &Pair<'a, Rule>,
    ) -> Result<Option<(Post<'a>, Pair<'a, Rule>, usize)>> {
        let mut children = pair.clone().into_inner();
        let (Some(header), Some(title)) = (children.next(), children.next()) else {
            return Ok(None);
        };
        if header.as_rule() != Rule::bare_date_line || title.as_rule() != Rule::title_line {
            return Ok(None);
        }
        let (line_rule, post_rule) = match self.language.is_english() {
            true => (Rule::bare_date_line, Rule::post),
            false => (Rule::intl_bare_date_line, Rule::intl_post),
        };
        let text = title.as_str();
        let Some(line) = BlogParser::parse(line_rule, text)
            .ok()
            .and_then(|mut pairs| pairs.next())
            .filter(|line| line.as_span().end() == text.len())
        else {
            return Ok(None);
        };
        // Counted once a date stands under the header: most posts have none.
        if memchr::memchr_iter(b'\n', pair.as_str().as_bytes()).count() > EMPTY_POST_MAX_LINES {
            return Ok(None);
        }
        // The header is read once (its diagnostics, a day that does not
        // exist or a weekday that does not fit, are said once): here when
        // the post is cut, by `parse_post` when it is not. The title's date
        // is read again with the rest.
        let at = self.base + title.as_span().start();
        let end = self.base + pair.as_span().end();
        let before = self.diagnostics.len();
        let header = self.parse_date_line(header)?;
        let kept = self.diagnostics.len();
        let next = self.date_at(line, at);
        self.diagnostics.truncate(kept);
        let rest = match (header.date, next?) {
            (Some((date, _)), Some(next))
                if (0..=EMPTY_POST_MAX_DAYS).contains(&(date - next).num_days()) =>
            {
                BlogParser::parse(post_rule, &self.input[at..end])
                    .ok()
                    .and_then(|mut pairs| pairs.next())
                    .filter(|rest| rest.as_span().end() == end - at)
            }
            _ => None,
        };
        let (Some(rest), Some((date, weekday))) = (rest, header.date) else {
            self.diagnostics.truncate(before);
            return Ok(None);
        };
        let empty = Post {
            date: Some(date),
            weekday,
            title: None,
            title_span: None,
            body: Vec::new(),
            comments: None,
            furniture: Vec::new(),
            header_span: header.span,
            span: header.span,
            entry: None,
        };
        Ok(Some((empty, rest, at)))
    }

    /// The date of a date line parsed on its own from byte `at` of the
    /// input.
    fn date_at(&mut self, line: Pair<'a, Rule>, at: usize) -> Result<Option<chrono::NaiveDate>> {
        let base = std::mem::replace(&mut self.base, at);
        let header = self.parse_date_line(line);
        self.base = base;
        Ok(header?.date.map(|(date, _)| date))
    }
}
