//! Headerless `Jane said...` sections: the pass that finds where a body's
//! comments start when no header line says so.
//!
//! The grammar cannot try every body line against `Jane said...` cheaply (a
//! name can start any line, and the line only tells at its end), so it
//! reads such comments as body paragraphs. In: the children of a `body` (or
//! a `preamble`) and where it ends. Out: the children before the first
//! paragraph that is a `said` line whose author reads as a name (see
//! [`is_author_name`]), and the comment section parsed from that paragraph
//! to the end of the body with the grammar's `said_section` rule. Without
//! such a paragraph, the children are returned as they are.

use pest::iterators::Pair;
use pest::Parser as _;

use super::comments::Section;
use super::{Builder, Result};
use crate::grammar::{BlogParser, Rule};
use crate::names::is_author_name;
use crate::span::is_space;

impl<'a> Builder<'a> {
    /// Splits `children` (of a body or preamble, ending at `end`, both
    /// relative to the chunk) at the first paragraph that opens a `said`
    /// section, and parses the section.
    pub(super) fn split_said_section(
        &mut self,
        children: Vec<Pair<'a, Rule>>,
        end: usize,
    ) -> Result<(Vec<Pair<'a, Rule>>, Option<Section<'a>>)> {
        let Some(at) = children.iter().position(|c| self.opens_said_section(c)) else {
            return Ok((children, None));
        };
        let start = self.base + children[at].as_span().start();
        let text = &self.input[start..self.base + end];
        let Some(section) = BlogParser::parse(Rule::said_section, text)
            .ok()
            .and_then(|mut pairs| pairs.next())
            .filter(|pair| pair.as_span().end() == text.len())
        else {
            // The grammar cannot place the rest as comments: it stays text.
            return Ok((children, None));
        };
        let chunk_base = std::mem::replace(&mut self.base, start);
        let section = self.parse_comment_section(section);
        self.base = chunk_base;
        let mut children = children;
        children.truncate(at);
        Ok((children, Some(section?)))
    }

    /// Whether a child of a body is a paragraph whose first line is a
    /// `said` line by someone who reads as a name.
    fn opens_said_section(&self, child: &Pair<'a, Rule>) -> bool {
        if child.as_rule() != Rule::paragraph {
            return false;
        }
        let text = child.as_str();
        let line = text.split('\n').next().unwrap_or_default();
        let trimmed = line.trim_end_matches(|c: char| is_space(c) || c == '\r');
        if !(trimmed.ends_with("said...") || trimmed.ends_with("said…")) {
            return false;
        }
        let Ok(pairs) = BlogParser::parse(Rule::said_line, line) else {
            return false;
        };
        pairs
            .flatten()
            .find(|p| p.as_rule() == Rule::author)
            .is_some_and(|author| is_author_name(author.as_str()))
    }
}
