//! A body on its own: text that is one post's body and nothing else (the
//! content of an entry of Blogger's XML export, made text by
//! [`crate::atom`]). In: the text. Out: its blocks, read by the same `body`
//! rule and block and letter passes as a text page's body, so a quoted
//! letter is found exactly as it is on a page. Where the `body` rule stops
//! (a line that would start a post, a comment section or the page's
//! furniture on a page), the paragraph there is text, and the body goes on
//! after it: in a body on its own, nothing ends the body.

use pest::Parser;

use super::blocks::BodyBlocks;
use super::{Builder, Result};
use crate::ast::Block;
use crate::grammar::{BlogParser, Rule};
use crate::span::is_space;

impl<'a> Builder<'a> {
    /// The blocks of the builder's whole input, read as one post's body.
    pub(crate) fn parse_body_text(&mut self) -> Result<Vec<Block<'a>>> {
        let rule = if self.language.is_english() {
            Rule::body
        } else {
            Rule::intl_body
        };
        let input = self.input;
        let mut blocks = Vec::new();
        let mut at = 0;
        while at < input.len() {
            let end = match BlogParser::parse(rule, &input[at..]) {
                Ok(pairs) => {
                    let mut end = at;
                    self.base = at;
                    let mut body = BodyBlocks::default();
                    for pair in pairs {
                        end = at + pair.as_span().end();
                        self.read_blocks(pair.into_inner(), &mut body, false)?;
                    }
                    // A huge body is read in pieces.
                    while let Some(more) = body.more {
                        end = self.body_piece(more, &mut body)?;
                    }
                    let (found, _) = self.finish_blocks(body, None)?;
                    blocks.extend(found.into_iter().map(|block| match block {
                        // A body's own words, not a page's furniture.
                        Block::Furniture(line) => Block::Paragraph(line),
                        block => block,
                    }));
                    end
                }
                Err(_) => at,
            };
            // The paragraph the body rule did not take, as text.
            let rest = &input[end..];
            let start = end + (rest.len() - rest.trim_start_matches(['\n', '\r']).len());
            if start >= input.len() {
                break;
            }
            let stop = input[start..]
                .find("\n\n")
                .map_or(input.len(), |k| start + k);
            let span = self.index.trimmed(start, stop);
            if !span.source(input).trim_matches(is_space).is_empty() {
                blocks.push(Block::Paragraph(self.lines_paragraph(span)));
            }
            at = stop;
        }
        Ok(blocks)
    }
}
