//! Posts that share a date header: the pass that finds where each post
//! after the first starts.
//!
//! Archive and label pages print every post of a day under one date
//! header, and the text page keeps no mark between them but the next
//! post's title, alone between blank lines. A body line cannot be told
//! from a subheading by itself; what tells is the blog's own way of
//! titling: many blogs give every title the same lead (`Jacob - Country
//! Buffet Party` after `Jennifer/Mom - My turn to post`, `Jan 28, 2018:
//! Take Off` after `Jan 30, 2018: Eastern Bluebird`, `Letter #150 - ...`,
//! `May 19` after `May 20`). The pattern is read from the post's own title
//! as each post is built, and once the page is whole from every title on
//! it (`Letter #151 -- ...` in the body of a post titled otherwise, over
//! `Letter #150 - ...`). On the whole page, short titles that share a
//! first or last word are a series too (`fifth haiku`, `sixth haiku`). A
//! line whose lead names what the post's own title names after its lead
//! is a subheading of that post (`Great Britain - 1841` under `Sunday
//! Stamps - Great Britain: Penny Red`).
//!
//! The other mark is the footer Blogger prints under each post
//! (`Posted by Ann at 9:14 AM`, `Labels: garden`, `Etichette:`): a lone
//! line right after it, with more text under it, is the next post's title.
//!
//! In: a post as [`parse_post`](super::Builder::parse_post) built it. Out:
//! the post, or the post cut into several at each body paragraph that is a
//! lone line with the lead of a title of the page (see [`TitleLead`]) or
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

/// The most words of a title whose first and last words are its leads
/// (see [`TitleLead::Worded`]): a series' titles are short.
const WORDED_MAX_WORDS: usize = 4;

/// A title written in a blog's pattern: a lead of one to
/// [`LEAD_MAX_WORDS`] words, then a dash or a colon and the rest of the
/// title (`Jacob - `, `Letter #151 -- `, `Jan 30, 2018: `), or a word and a
/// number (`May 21`, `Day 70`). Two titles follow one pattern when their
/// leads have the same number of words, the same mark and the same kind of
/// first character, or when they are the same word with a number.
///
/// A short title with neither (two to [`WORDED_MAX_WORDS`] words) has its
/// first and its last word as leads (`fifth haiku` over `sixth haiku`,
/// `second moon` over `second tide`): two titles follow one pattern when
/// they start (or end) with the same word and have as many words,
/// capitalised alike.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum TitleLead<'t> {
    Marked {
        words: usize,
        colon: bool,
        first: CharKind,
    },
    Counted(&'t str),
    Worded {
        word: &'t str,
        last: bool,
        words: usize,
        capitals: u8,
    },
}

/// The kind of a title's first character.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum CharKind {
    Upper,
    Digit,
    Other,
}

impl<'t> TitleLead<'t> {
    /// The lead of `title`, when it has one.
    fn of(title: &'t str) -> Option<TitleLead<'t>> {
        let title = title.trim();
        // Bytes first (a character is at most four), the count of
        // characters last: every lone line of a page is asked.
        if title.len() > 4 * TITLE_MAX_CHARS {
            return None;
        }
        if let Some(word) = counted(title) {
            return Some(TitleLead::Counted(word));
        }
        let (at, colon) = first_mark(title)?;
        let lead = &title[..at];
        let words = lead.split_whitespace().count();
        let rest = title[at..].trim_start_matches([' ', '-', '–', '—', ':']);
        let first = match lead.chars().next()? {
            c if c.is_uppercase() => CharKind::Upper,
            c if c.is_ascii_digit() => CharKind::Digit,
            _ => CharKind::Other,
        };
        ((1..=LEAD_MAX_WORDS).contains(&words)
            && rest.chars().any(char::is_alphanumeric)
            && title.chars().count() <= TITLE_MAX_CHARS)
            .then_some(TitleLead::Marked {
                words,
                colon,
                first,
            })
    }
}

/// The [`TitleLead::Worded`] leads of `title`, first word and last: none
/// when it has fewer than two words or more than [`WORDED_MAX_WORDS`], or
/// for a word that is not all letters (`12 Days Of Christmas` is a count,
/// not a series).
fn worded<'t>(title: &'t str) -> [Option<TitleLead<'t>>; 2] {
    let mut words = 0;
    let mut capitals = 0u8;
    let (mut first, mut last) = ("", "");
    // Words between spaces (a title with other white space has no such
    // leads): every lone line of a page is asked.
    for word in title.split(' ').filter(|w| !w.is_empty()) {
        if words == WORDED_MAX_WORDS {
            return [None, None];
        }
        if word.starts_with(char::is_uppercase) {
            capitals |= 1 << words;
        }
        if words == 0 {
            first = word;
        }
        last = word;
        words += 1;
    }
    let lead = |word: &'t str, last| {
        (words >= 2 && word.chars().all(char::is_alphabetic)).then_some(TitleLead::Worded {
            word,
            last,
            words,
            capitals,
        })
    };
    [lead(first, false), lead(last, true)]
}

/// The leads of a page's titles (or of one post's title), sorted (a page
/// may have a lead for each of thousands of titles), and the titles: a line
/// that repeats a title (a post that sets its title over its text again)
/// starts no post.
struct Leads<'t> {
    leads: Vec<TitleLead<'t>>,
    titles: Vec<&'t str>,
    /// Whether the titles' words are leads too ([`TitleLead::Worded`]):
    /// a series shows only on the whole page, where its titles are.
    worded: bool,
}

impl<'t> Leads<'t> {
    fn new(titles: impl Iterator<Item = &'t str>, worded: bool) -> Leads<'t> {
        let mut titles: Vec<&str> = titles.map(str::trim).collect();
        let mut leads: Vec<TitleLead<'_>> =
            titles.iter().flat_map(|t| Leads::of(t, worded)).collect();
        leads.sort_unstable();
        leads.dedup();
        titles.sort_unstable();
        Leads {
            leads,
            titles,
            worded,
        }
    }

    /// The leads of `text`: its pattern's, and with `worded` its words'.
    fn of(text: &'t str, worded: bool) -> impl Iterator<Item = TitleLead<'t>> {
        let pattern = TitleLead::of(text);
        let words = match worded && pattern.is_none() {
            true => self::worded(text),
            false => [None, None],
        };
        pattern.into_iter().chain(words.into_iter().flatten())
    }

    /// Whether `block` is a lone line that reads as a title (see
    /// [`lone_title`]) with one of the leads, and repeats no title.
    fn match_block(&self, block: &Block<'_>) -> bool {
        // The cheap tests first: most paragraphs end as a sentence does, or
        // run over lines, and most of the rest have no lead.
        let Block::Paragraph(p) = block else {
            return false;
        };
        let text = &*p.text;
        !self.leads.is_empty()
            && text.len() <= 4 * TITLE_MAX_CHARS
            && !text.ends_with(['.', ',', ';', ':', '!', '?'])
            && memchr::memchr(b'\n', text.as_bytes()).is_none()
            && Leads::of(text, self.worded).any(|lead| self.leads.binary_search(&lead).is_ok())
            && self.titles.binary_search(&text.trim()).is_err()
            && lone_title(block).is_some()
    }
}

/// Where the first mark of `title` after one to [`LEAD_MAX_WORDS`] words
/// is (a dash between spaces, or a colon and a space), and whether it is a
/// colon. The search stops at the space that ends the last word a lead may
/// have: every lone line of a page is asked, and most have no lead.
fn first_mark(title: &str) -> Option<(usize, bool)> {
    let bytes = title.as_bytes();
    let mut spaces = 0;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b':' if bytes.get(i + 1) == Some(&b' ') => return Some((i, true)),
            b' ' if [" - ", " -- ", " – ", " — "]
                .iter()
                .any(|mark| title[i..].starts_with(mark)) =>
            {
                return Some((i, false))
            }
            b' ' => {
                spaces += 1;
                if spaces == LEAD_MAX_WORDS {
                    return None;
                }
            }
            _ => {}
        }
    }
    None
}

/// The word of a title that is a word and a number (`May 21`, `Day 70`):
/// letters, one space, one to three digits (`May 2009` names a month, a
/// line a post may set over its part of a year's story).
fn counted(title: &str) -> Option<&str> {
    if !title.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (word, number) = title.split_once(' ')?;
    (!word.is_empty()
        && word.chars().all(char::is_alphabetic)
        && (1..=3).contains(&number.len())
        && number.bytes().all(|b| b.is_ascii_digit()))
    .then_some(word)
}

impl<'a> Builder<'a> {
    /// `post`, cut where another post under the same date header starts
    /// (see the module's docs); `post` alone when none does.
    pub(super) fn split_shared_header(&self, post: Post<'a>) -> Vec<Post<'a>> {
        let leads = Leads::new(post.title.as_deref().into_iter(), false);
        let cuts = cuts(&post, &leads, true);
        split_at(post, &cuts)
    }

    /// The page's posts, each cut where a body line has the pattern of
    /// another post's title on the page (`Letter #151 -- ...` in the body
    /// of the post before `Letter #150 - ...`; see [`TitleLead`]): the
    /// pass that sees the whole page, after
    /// [`split_shared_header`](Self::split_shared_header) saw each post.
    pub(super) fn split_by_page_titles(&mut self) {
        let leads = Leads::new(self.posts.iter().filter_map(|p| p.title.as_deref()), true);
        if leads.leads.is_empty() {
            return;
        }
        // The posts are moved only when one is cut (the leads borrow their
        // titles until the cuts are found).
        let cuts: Vec<Vec<usize>> = self
            .posts
            .iter()
            .map(|post| cuts(post, &leads, false))
            .collect();
        if cuts.iter().all(Vec::is_empty) {
            return;
        }
        let posts = std::mem::take(&mut self.posts);
        self.posts = posts
            .into_iter()
            .zip(&cuts)
            .flat_map(|(post, cuts)| split_at(post, cuts))
            .collect();
    }
}

/// `post`, cut before each of its body blocks `cuts` (lone title lines,
/// found by [`cuts`]): `post` alone when there are none.
fn split_at<'a>(mut post: Post<'a>, cuts: &[usize]) -> Vec<Post<'a>> {
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
            unreachable!("a cut is at a paragraph (Leads::match_block)");
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

/// The indexes of the body blocks of `post` where another post starts:
/// each body paragraph that is a lone line with one of the `leads` (see
/// [`Leads::match_block`]), or (with `footers`) a lone line right after the page
/// furniture that closes a post (`Posted by Ann at 9:14 AM`, `Labels:
/// garden`): a title line stands after some body and before more.
fn cuts(post: &Post<'_>, leads: &Leads<'_>, footers: bool) -> Vec<usize> {
    (1..post.body.len().saturating_sub(1))
        .filter(|&i| {
            leads.match_block(&post.body[i]) && !heads_part_of(post, &post.body[i])
                || footers && after_furniture(post, i) && lone_title(&post.body[i]).is_some()
        })
        .collect()
}

/// Whether `block` (a lone line with a title's lead) names in its lead
/// what the title of `post` names after its own lead, or anywhere in a
/// title with none (`Great Britain - 1841` under `Sunday Stamps - Great
/// Britain: Penny Red`): a subheading over part of that post, not the next
/// post's title. (A series' next title
/// shares the lead of the title, not what follows it: `Jacob - Soccer`
/// after `Jacob - Country Buffet Party`.)
fn heads_part_of(post: &Post<'_>, block: &Block<'_>) -> bool {
    let (Some(title), Block::Paragraph(line)) = (post.title.as_deref(), block) else {
        return false;
    };
    let Some((at, _)) = first_mark(&line.text) else {
        return false;
    };
    let lead = line.text[..at].trim();
    let named = first_mark(title).map_or(title, |(at, _)| &title[at..]);
    !lead.is_empty() && named.contains(lead)
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
        assert_eq!(lead("May 19"), lead("May 21"));
        assert_eq!(lead("Day 70"), Some(TitleLead::Counted("Day")));
        assert_ne!(lead("Day 70"), lead("May 21"));
        assert_eq!(lead("Top 10 of 2009"), None);
        assert_eq!(lead("May 2009x"), None);
        assert_eq!(lead("May 2009"), None);
    }

    #[test]
    fn worded_leads() {
        let leads = |t| Leads::of(t, true).collect::<Vec<_>>();
        let shared = |a, b| leads(a).iter().any(|l| leads(b).contains(l));
        assert!(shared("fifth haiku", "sixth haiku"));
        assert!(shared("second moon", "second tide"));
        assert!(shared("Haiku Five", "Haiku Six"));
        // As many words, capitalised alike.
        assert!(!shared("fifth haiku", "sixth haiku again"));
        assert!(!shared("fifth haiku", "Sixth haiku"));
        // A lead is a word of letters, of a title of two to four words.
        assert!(!shared("12 Days Of Christmas", "12 Ways Of Cooking"));
        assert_eq!(leads("haiku"), []);
        assert_eq!(leads("one two three four five"), []);
        // A title with a pattern has that lead only.
        assert_eq!(leads("May 19"), [TitleLead::Counted("May")]);
    }
}
