//! Headerless `Jane said...` sections: the pass that finds where a body's
//! comments start when no header line says so.
//!
//! The grammar cannot try every body line against `Jane said...` cheaply (a
//! name can start any line, and the line only tells at its end), so it
//! reads such comments as body paragraphs. In: the children of a `body` (or
//! a `preamble`) and where it ends. Out: the children before the first
//! paragraph that opens a section, and the comment section parsed from that
//! paragraph to the end of the body with the grammar's `said_section` rule.
//! Without such a paragraph, the children are returned as they are.
//!
//! A paragraph opens a section when its first line is a `said` line whose
//! author reads as a name (see [`is_author_name`]), or has the classic
//! template's time before the name (`At 7:14 PM, Jane said...`), and the
//! page shows that comments start there: the time before the name, two
//! blank lines before the line (as Blogger sets a thread off from the
//! body), or another such line after it. A single `Mr Smith said...` in the
//! middle of a post stays prose.

use pest::iterators::Pair;
use pest::Parser as _;

use super::comments::Section;
use super::{Builder, Result};
use crate::grammar::{BlogParser, Rule};
use crate::names::is_author_name;
use crate::span::is_space;

impl<'a> Builder<'a> {
    /// Finds, among `children` (of a body or preamble, ending at `end`, both
    /// relative to the chunk), the first paragraph that opens a `said`
    /// section, and parses the section from there. Returns how many
    /// children come before it (all of them when there is none) and the
    /// section.
    pub(super) fn split_said_section(
        &mut self,
        children: impl Iterator<Item = Pair<'a, Rule>>,
        end: usize,
    ) -> Result<(usize, Option<Section<'a>>)> {
        // (index, start, classic time before the name) of each `said` line.
        let said: Vec<(usize, usize, bool)> = children
            .enumerate()
            .filter_map(|(k, c)| {
                let stamped = self.said_evidence(&c)?.stamped;
                Some((k, c.as_span().start(), stamped))
            })
            .collect();
        // The first `said` line that opens a section: a classic one (its
        // time before the name), one set off from the body by two blank
        // lines, or one followed by another.
        let Some(&(at, start, _)) = said.iter().enumerate().find_map(|(i, line)| {
            let (_, start, stamped) = *line;
            let apart = self.blank_lines_before(start) >= 2;
            (stamped || apart || i + 1 < said.len()).then_some(line)
        }) else {
            return Ok((usize::MAX, None));
        };
        let start = self.base + start;
        let text = &self.input[start..self.base + end];
        let Some(section) = BlogParser::parse(Rule::said_section, text)
            .ok()
            .and_then(|mut pairs| pairs.next())
            .filter(|pair| pair.as_span().end() == text.len())
        else {
            // The grammar cannot place the rest as comments: it stays text.
            return Ok((usize::MAX, None));
        };
        let chunk_base = std::mem::replace(&mut self.base, start);
        let section = self.parse_comment_section(section);
        self.base = chunk_base;
        Ok((at, Some(section?)))
    }

    /// When a child of a body is a paragraph whose first line is a `said`
    /// line by someone who reads as a name (or whose time stands before the
    /// name, as in the classic template), what that line shows.
    fn said_evidence(&self, child: &Pair<'a, Rule>) -> Option<SaidEvidence> {
        if child.as_rule() != Rule::paragraph {
            return None;
        }
        // A `said` line is short (a name of at most 60 characters, or the
        // classic time and a name): look for its end in the first bytes
        // only, not through a long paragraph.
        let text = child.as_str();
        let head = &text.as_bytes()[..text.len().min(SAID_LINE_MAX)];
        let end = match memchr::memchr(b'\n', head) {
            Some(end) => end,
            None if text.len() <= SAID_LINE_MAX => text.len(),
            None => return None,
        };
        let line = &text[..end];
        let trimmed = line.trim_end_matches(|c: char| is_space(c) || c == '\r');
        if !(trimmed.ends_with("said...") || trimmed.ends_with("said…")) {
            return None;
        }
        let pairs = BlogParser::parse(Rule::said_line, line).ok()?;
        let mut stamped = false;
        let mut author = "";
        for pair in pairs.flatten() {
            match pair.as_rule() {
                Rule::said_stamp => stamped = true,
                Rule::author => author = pair.as_str(),
                _ => {}
            }
        }
        (stamped || is_author_name(author)).then_some(SaidEvidence { stamped })
    }

    /// How many blank lines stand right before `offset` of the chunk.
    fn blank_lines_before(&self, offset: usize) -> usize {
        let before = &self.input[..self.base + offset];
        let gap = before.trim_end_matches(|c: char| is_space(c) || c == '\r' || c == '\n');
        before[gap.len()..].matches('\n').count().saturating_sub(1)
    }
}

/// The longest `said` line looked at, in bytes (a 60-character name, the
/// classic template's time and date, and room to spare).
const SAID_LINE_MAX: usize = 240;

/// What a `said` line shows about itself.
struct SaidEvidence {
    /// The classic template's time stands before the name.
    stamped: bool,
}
