//! Posts that share a date header: the pass that finds where each post
//! after the first starts.
//!
//! Archive and label pages print every post of a day under one date
//! header, and the text page keeps no mark between them but the next
//! post's title, alone between blank lines. A body line cannot be told
//! from a subheading by itself; what tells is the blog's own way of
//! titling: many blogs give every title the same lead (`Jacob - Country
//! Buffet Party` after `Jennifer/Mom - My turn to post`, `Jan 28, 2018:
//! Take Off` after `Jan 30, 2018: Eastern Bluebird`, `Letter #150 - ...`).
//!
//! The other mark is the footer Blogger prints under each post
//! (`Posted by Ann at 9:14 AM`, `Labels: garden`, `Etichette:`): a lone
//! line right after it, with more text under it, is the next post's title.
//!
//! In: a post as [`parse_post`](super::Builder::parse_post) built it. Out:
//! the post, or the post cut into several at each body paragraph that is a
//! lone line with the lead of the post's title (see [`TitleLead`]) or
//! right after such a footer; each
//! part after the first has that line as its title, the same date and
//! weekday (and no header line of its own: its `header_span` is empty, where
//! its title starts), the body up to the
//! next such line, the furniture that stands in its lines, and, for the
//! last part, the comment section.

use super::Builder;
use crate::ast::{Block, Paragraph, Post};
use crate::span::Span;

/// The longest line read as a title: longer lines are prose.
pub(super) const TITLE_MAX_CHARS: usize = 100;

/// The most words before a title's mark (`Letter #150` is two, `Jan 30,
/// 2018` three).
const LEAD_MAX_WORDS: usize = 3;

/// The lead of a title written in a blog's pattern: one to
/// [`LEAD_MAX_WORDS`] words, then a dash or a colon and the rest of the
/// title (`Jacob - `, `Letter #151 -- `, `Jan 30, 2018: `). Two titles
/// follow one pattern when their leads have the same number of words, the
/// same mark and the same kind of first character.
#[derive(Debug, PartialEq, Eq)]
struct TitleLead {
    words: usize,
    colon: bool,
    first: CharKind,
}

/// The kind of a title's first character.
#[derive(Debug, PartialEq, Eq)]
enum CharKind {
    Upper,
    Digit,
    Other,
}

impl TitleLead {
    /// The lead of `title`, when it has one.
    fn of(title: &str) -> Option<TitleLead> {
        let title = title.trim();
        if title.chars().count() > TITLE_MAX_CHARS {
            return None;
        }
        // The first mark, found in one pass (titles are short, but every
        // title and lone line of a page is asked).
        let bytes = title.as_bytes();
        let (at, colon) = bytes.iter().enumerate().find_map(|(i, &b)| match b {
            b':' if bytes.get(i + 1) == Some(&b' ') => Some((i, true)),
            b' ' if [" - ", " -- ", " – ", " — "]
                .iter()
                .any(|mark| title[i..].starts_with(mark)) =>
            {
                Some((i, false))
            }
            _ => None,
        })?;
        let lead = &title[..at];
        let words = lead.split_whitespace().count();
        let rest = title[at..].trim_start_matches([' ', '-', '–', '—', ':']);
        let first = match lead.chars().next()? {
            c if c.is_uppercase() => CharKind::Upper,
            c if c.is_ascii_digit() => CharKind::Digit,
            _ => CharKind::Other,
        };
        ((1..=LEAD_MAX_WORDS).contains(&words) && rest.chars().any(char::is_alphanumeric))
            .then_some(TitleLead {
                words,
                colon,
                first,
            })
    }
}

/// Whether `block` is a lone line that reads as a title (see
/// [`lone_title`]) with the lead `lead`.
fn is_titled_like(block: &Block<'_>, lead: &TitleLead) -> bool {
    lone_title(block).is_some_and(|text| TitleLead::of(text).as_ref() == Some(lead))
}

impl<'a> Builder<'a> {
    /// `post`, cut where another post under the same date header starts
    /// (see the module's docs); `post` alone when none does.
    pub(super) fn split_shared_header(&self, mut post: Post<'a>) -> Vec<Post<'a>> {
        let lead = post.title.as_deref().and_then(TitleLead::of);
        // A title line stands after some body and before more: one with
        // the lead of the post's title, or a lone line right after the
        // page furniture that closes a post (`Posted by Ann at 9:14 AM`,
        // `Labels: garden`).
        let cuts: Vec<usize> = (1..post.body.len().saturating_sub(1))
            .filter(|&i| match &lead {
                Some(lead) => is_titled_like(&post.body[i], lead),
                None => false,
            } || after_furniture(&post, i) && lone_title(&post.body[i]).is_some())
            .collect();
        if cuts.is_empty() {
            return vec![post];
        }
        let end = post.span.end;
        let comments = post.comments.take();
        let mut furniture = std::mem::take(&mut post.furniture);
        let mut rest = std::mem::take(&mut post.body);
        let mut parts = Vec::with_capacity(cuts.len() + 1);
        for &cut in cuts.iter().rev() {
            let mut body = rest.split_off(cut);
            let Block::Paragraph(title) = body.remove(0) else {
                unreachable!("a cut is at a paragraph (is_titled_like)");
            };
            let mine =
                furniture.split_off(furniture.partition_point(|f| f.span.start < title.span.start));
            parts.push((title, body, mine));
        }
        post.body = rest;
        post.furniture = furniture;
        parts.reverse();
        let mut posts = vec![post];
        for (title, body, furniture) in parts {
            let (date, weekday) = (posts[0].date, posts[0].weekday);
            posts.push(Post {
                date,
                weekday,
                title: Some(title.text),
                title_span: Some(title.span),
                body,
                comments: None,
                furniture,
                header_span: Span {
                    end: title.span.start,
                    ..title.span
                },
                span: Span { end, ..title.span },
                entry: None,
            });
        }
        // Each part ends where its last element does; the last keeps the
        // comments and the post's end.
        let last = posts.len() - 1;
        posts[last].comments = comments;
        for part in &mut posts[..last] {
            part.span.end = part_end(part);
        }
        posts
    }
}

/// Whether a furniture line of `post` stands between its body blocks
/// `i - 1` and `i` (the furniture is in the order of the text: the first
/// line after block `i - 1` is found by halving).
fn after_furniture(post: &Post<'_>, i: usize) -> bool {
    let (before, at) = (post.body[i - 1].span().end, post.body[i].span().start);
    let next = post.furniture.partition_point(|f| f.span.start <= before);
    post.furniture.get(next).is_some_and(|f| f.span.end <= at)
}

/// The text of `block` when it is a lone line that reads as a title (see
/// [`is_heading`]) and does not end as an exclamation or a question does:
/// between two body paragraphs, such a line is more often the body's.
fn lone_title<'b>(block: &'b Block<'_>) -> Option<&'b str> {
    let Block::Paragraph(p) = block else {
        return None;
    };
    (is_heading(&p.text) && !p.text.ends_with(['!', '?'])).then_some(&*p.text)
}

/// Whether `text` has a title's shape: one line of at most
/// [`TITLE_MAX_CHARS`] characters, with a letter or a digit, not ending as
/// a sentence or a clause does (`.`, `,`, `;`, `:`), and no unrendered
/// template tag (classic Blogger's `<$BlogItemTitle$>`, left in pages
/// saved from broken templates).
pub(super) fn is_heading(text: &str) -> bool {
    // Bytes first: a paragraph may be long, a title's characters are at
    // most four bytes each.
    text.len() <= 4 * TITLE_MAX_CHARS
        && !text.contains('\n')
        && !text.contains("<$")
        && !text.ends_with(['.', ',', ';', ':'])
        && text.chars().any(char::is_alphanumeric)
        && text.chars().count() <= TITLE_MAX_CHARS
}

/// Where the last element of `post` (a part with no comments) ends.
fn part_end(post: &Post<'_>) -> usize {
    let body = post.body.last().map(Block::span);
    let furniture = post.furniture.last().map(|f: &Paragraph<'_>| f.span);
    [Some(post.header_span), post.title_span, body, furniture]
        .into_iter()
        .flatten()
        .map(|s| s.end)
        .max()
        .unwrap_or(post.span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leads() {
        let lead = |t| TitleLead::of(t);
        assert_eq!(
            lead("Jennifer/Mom - My turn to post"),
            lead("Jacob - Country Buffet Party")
        );
        assert_eq!(
            lead("Letter #151 -- Write to a soldier"),
            lead("Letter #150 - Earth laughs")
        );
        assert_eq!(
            lead("Jan 30, 2018: Eastern Bluebird"),
            lead("Jan 28, 2018: Take Off")
        );
        assert_ne!(
            lead("Jan 30, 2018: Eastern Bluebird"),
            lead("Jacob - Country Buffet Party")
        );
        assert_eq!(lead("A title with no mark"), None);
        assert_eq!(lead("Four words before it - no"), None);
        assert_eq!(lead("Nothing after: "), None);
    }
}
