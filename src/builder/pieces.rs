//! Pieces: a huge post body read piece by piece.
//!
//! pest builds every token of a parse before it returns, and they stay
//! alive while any pair of the parse does. So that a post of millions of
//! paragraphs does not hold millions of tokens at once, the grammar reads
//! a body in pieces of at most 256 body lines (`body_lines` in
//! `grammar/blog.pest`) and stops the parse at a `more` where the body
//! goes on. In: that place. Out: the rest of the chunk, parsed from there
//! with `resume` and read: the open post's next piece of body (and,
//! once its body ends, the rest of the post, which is then finished as
//! any other), and the posts after it, until the chunk ends or a body
//! stops again. The parse of each piece sees the whole rest of the chunk,
//! as one parse would, so every line is read as in one piece.

use pest::iterators::Pair;
use pest::Parser as _;

use super::{Builder, Result};
use crate::grammar::{BlogParser, Rule};

impl<'a> Builder<'a> {
    /// Where an `export` or a `resume` stopped: its `more`, which is where
    /// the open post's body goes on. A `more` with no body going on there
    /// is text the grammar could not place.
    pub(super) fn stopped_at(&self, more: &Pair<'a, Rule>) -> Result<usize> {
        let at = self.base + more.as_span().start();
        match &self.open {
            Some(post) if post.body.more == Some(at) => Ok(at),
            _ => Err(self.internal(at, PLACE)),
        }
    }

    /// Parses and reads the chunk from byte `at` (where the open post's
    /// body goes on) to byte `end`: where the parse stopped again, if it
    /// did.
    pub(super) fn resume(&mut self, at: usize, end: usize) -> Result<Option<usize>> {
        let rule = if self.language.is_english() {
            Rule::resume
        } else {
            Rule::intl_resume
        };
        let Some(mut post) = self.open.take() else {
            return Err(self.internal(at, "no post to go on with"));
        };
        let pair = match BlogParser::parse(rule, &self.input[at..end]) {
            Ok(mut pairs) => pairs.next(),
            Err(e) => return Err(self.internal(at + error_offset(&e), PLACE)),
        };
        let Some(pair) = pair else {
            return Err(self.internal(at, PLACE));
        };
        self.base = at;
        let mut children = pair.into_inner().peekable();
        // The post's parts: the next piece of its body, and once the body
        // ends, its comment section and page tail.
        while let Some(child) = children.next_if(|c| {
            matches!(
                c.as_rule(),
                Rule::body_rest | Rule::comment_section | Rule::page_tail
            )
        }) {
            self.post_part(&mut post, child)?;
        }
        if post.body.more.is_some() {
            self.open = Some(post);
        } else {
            let parsed = self.finish_post(post)?;
            self.add_post(parsed);
        }
        self.parse_posts(children)
    }

    /// The blocks of a body on its own from byte `at` of the input, where
    /// the `body` rule stopped at a `more`: the next piece, read onto
    /// `body`, and where it ends.
    pub(super) fn body_piece(
        &mut self,
        at: usize,
        body: &mut super::blocks::BodyBlocks<'a>,
    ) -> Result<usize> {
        let rule = if self.language.is_english() {
            Rule::body_rest
        } else {
            Rule::intl_body_rest
        };
        let pair = match BlogParser::parse(rule, &self.input[at..]) {
            Ok(mut pairs) => pairs.next(),
            Err(e) => return Err(self.internal(at + error_offset(&e), PLACE)),
        };
        let Some(pair) = pair else {
            return Err(self.internal(at, PLACE));
        };
        self.base = at;
        let end = at + pair.as_span().end();
        self.read_blocks(pair.into_inner(), body, false)?;
        Ok(end)
    }
}

/// What an error says where the grammar cannot parse a piece.
const PLACE: &str = "the grammar could not place this text";

/// Where a pest error is, in the text parsed.
pub(crate) fn error_offset(e: &pest::error::Error<Rule>) -> usize {
    match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    }
}

#[cfg(test)]
mod tests {
    use crate::{parse, Block, Export};

    /// A page whose first post's body has `n` one-word paragraphs between
    /// a letter's start and its end, then `tail`, and a second post.
    fn page(n: usize, tail: &str) -> String {
        let mut page =
            String::from("Friday 25 July 2014\n\nA long post\n\nIntro.\n\nDear Ann,\n\n");
        for i in 0..n {
            page.push_str(&format!("p{i}\n\n"));
        }
        page.push_str("Yours sincerely,\n\nBob\n\nLabels: dense\n\n");
        for i in 0..n {
            page.push_str(if i % 3 == 0 { "q\n\n" } else { "r\n  s\n\n" });
        }
        page.push_str(tail);
        page.push_str("\n\nSaturday, 26 July 2014\n\nNext\n\nText.\n");
        page
    }

    /// What a page says, but for the filler paragraphs and the places.
    fn summary(export: &Export) -> Vec<String> {
        let mut out = Vec::new();
        for post in &export.posts {
            out.push(format!("post {:?} {:?}", post.date, post.title));
            for block in &post.body {
                match block {
                    Block::Paragraph(p) if p.text.starts_with('p') => {}
                    Block::Paragraph(p) if ["q", "r\ns"].contains(&&*p.text) => {}
                    Block::Letter(l) => out.push(format!(
                        "letter {} {:?}",
                        l.salutation.as_ref().unwrap().text,
                        l.valediction.as_ref().map(|v| &v.text)
                    )),
                    block => out.push(
                        format!("{block:?}")
                            .split(", span")
                            .next()
                            .unwrap_or("")
                            .to_string(),
                    ),
                }
            }
            out.extend(
                post.furniture
                    .iter()
                    .map(|f| format!("furniture {}", f.text)),
            );
            out.push(format!("comments {}", post.comment_count()));
        }
        out.extend(export.diagnostics.iter().map(|d| format!("{:?}", d.kind)));
        out
    }

    /// A body of thousands of stretches (read in many pieces) gives the
    /// tree of a short one: a letter across pieces, its furniture, and
    /// what ends the body (a comment section, a headerless `said` section
    /// or nothing), and every paragraph in place.
    #[test]
    fn a_body_in_pieces_reads_as_one() {
        let tails = [
            "",
            "3 comments:\n\n  1. Nice.\n\n    ReplyDelete\n\nAnn said...\nLovely!\n\nNewer Post\n\nHome",
            "\n\nAt 7:14 PM, Ann said...\nLovely!\n\nBob said...\nMe too.",
            "Home\n\nSidebar",
        ];
        for tail in tails {
            let short = page(3, tail);
            let short = parse(&short).unwrap();
            let input = page(3000, tail);
            let long = parse(&input).unwrap();
            assert_eq!(summary(&long), summary(&short), "{tail:?}");
            let post = &long.posts[0];
            let Some(Block::Letter(letter)) = post.body.get(1) else {
                panic!("{:?}", post.body.get(1));
            };
            assert_eq!(letter.paragraphs.len(), 3000);
            for (i, block) in letter.paragraphs.iter().enumerate() {
                let Block::Paragraph(p) = block else {
                    panic!("{block:?}");
                };
                assert_eq!(p.text, format!("p{i}"));
                assert_eq!(p.span.line as usize, 9 + 2 * i);
                assert_eq!(p.span.source(&input), p.text);
            }
            // The filler after the letter's furniture (its first line a
            // post's title, under the same header), then the tail.
            let filler: usize = long
                .posts
                .iter()
                .flat_map(|post| &post.body)
                .filter(|b| matches!(b, Block::Paragraph(p) if ["q", "r\ns"].contains(&&*p.text)))
                .count();
            assert_eq!(filler, 3000 - 1);
            let last = &long.posts[long.posts.len() - 2];
            assert!(last.span.source(&input).ends_with(tail.trim_end()));
        }
    }

    /// On a page in another language, likewise.
    #[test]
    fn a_body_in_pieces_reads_as_one_in_another_language() {
        let page = |n: usize| {
            let mut page = String::from("martes, 3 de marzo de 2009\n\nUn título\n\n");
            page.push_str(&"Texto.\n\n".repeat(n));
            page.push_str("2 comentarios:\n\n  1. Bien.\n\n  2. Sí.\n");
            page
        };
        let (short, long) = (page(3), page(3000));
        let (short, long) = (parse(&short).unwrap(), parse(&long).unwrap());
        assert_eq!(long.language, short.language);
        assert_eq!(long.posts[0].body.len(), 3000);
        assert_eq!(long.posts[0].comment_count(), 2);
        assert_eq!(short.posts[0].comment_count(), 2);
    }
}
