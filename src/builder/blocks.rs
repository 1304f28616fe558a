//! Blocks: the parts of a preamble or a post body.
//!
//! In: the children of a `preamble` or `body` pair. Out: [`Block`]s in
//! order, with the lines the grammar marked as a letter's date, salutation
//! or valediction grouped into letters by [`letters::assemble`]. Lines that
//! look like headers but are not get a diagnostic and stay text. When the
//! body has no comment section, its paragraphs are also looked at for a
//! headerless `said` section ([`super::sections`]), which ends the blocks.

use std::borrow::Cow;

use pest::iterators::Pair;
use pest::Parser;

use super::comments::Section;
use super::letters::{self, Mark};
use super::{Builder, Result};
use crate::ast::{Block, BulletList, Paragraph, Sent, Separator};
use crate::dates::{day_number, month_number, SentParts, SentProblem};
use crate::diagnostic::Diagnostic;
use crate::grammar::{BlogParser, Rule};
use crate::names::is_name_block;
use crate::span::is_space;

impl<'a> Builder<'a> {
    /// The blocks of a `preamble` or `body`, from its children. With
    /// `said_end` (where the body ends, relative to the chunk), a paragraph
    /// that opens a headerless `said` section ([`super::sections`]) ends
    /// the blocks: the section, parsed from there to `said_end`, comes
    /// back beside them.
    pub(super) fn parse_block_pairs(
        &mut self,
        children: impl Iterator<Item = Pair<'a, Rule>>,
        said_end: Option<usize>,
    ) -> Result<(Vec<Block<'a>>, Option<Section<'a>>)> {
        // Blocks, and the few marks that are not plain, apart: a huge body
        // holds one vector of blocks, not one of (block, mark) pairs.
        let mut blocks = Vec::new();
        let mut marks = Vec::new();
        let mut said = Vec::new();
        for child in children {
            let item = match child.as_rule() {
                Rule::paragraph => {
                    let paragraph = self.span_paragraph(&child);
                    if said_end.is_some() {
                        said.extend(self.said_line(&paragraph, blocks.len()));
                    }
                    (Block::Paragraph(paragraph), Mark::Plain)
                }
                Rule::bullet_list | Rule::dash_list => {
                    (Block::List(self.parse_list(child)), Mark::Plain)
                }
                Rule::separator_line => (
                    Block::Separator(self.parse_separator_line(child)),
                    Mark::Plain,
                ),
                Rule::stray_line => (
                    Block::Paragraph(self.parse_stray_line(child, "before the first post")),
                    Mark::Plain,
                ),
                Rule::furniture_line => {
                    (Block::Furniture(self.span_paragraph(&child)), Mark::Plain)
                }
                Rule::header_like_line => (
                    Block::Paragraph(self.parse_header_like_line(child)),
                    Mark::Plain,
                ),
                Rule::sent_line => self.parse_sent_line(child)?,
                Rule::salutation_line => (
                    Block::Paragraph(self.span_paragraph(&child)),
                    Mark::Salutation,
                ),
                Rule::valediction_line => (
                    Block::Paragraph(self.span_paragraph(&child)),
                    Mark::Valediction,
                ),
                _ => return Err(self.unexpected(&child, "a post body")),
            };
            let (block, mark) = item;
            if !matches!(mark, Mark::Plain) {
                marks.push((blocks.len(), mark));
            }
            blocks.push(block);
        }
        let mut section = None;
        if let Some(end) = said_end {
            if let Some((line, said)) = self.open_said_section(&said, end)? {
                blocks.truncate(line.block);
                marks.retain(|(k, _)| *k < line.block);
                section = Some(said);
            }
        }
        Ok((self.letters(blocks, marks), section))
    }

    /// The blocks, with each letter's run (after `marks`, by block index)
    /// made one letter.
    fn letters(&self, blocks: Vec<Block<'a>>, marks: Vec<(usize, Mark<'a>)>) -> Vec<Block<'a>> {
        if !marks.iter().any(|(_, m)| matches!(m, Mark::Salutation)) {
            return blocks;
        }
        let mut marks = marks.into_iter().peekable();
        let items = blocks
            .into_iter()
            .enumerate()
            .map(|(k, block)| match marks.next_if(|(i, _)| *i == k) {
                Some((_, mark)) => (block, mark),
                None => {
                    let mark = self.signed_valediction(&block).unwrap_or(Mark::Plain);
                    (block, mark)
                }
            })
            .collect();
        letters::assemble(&self.index, self.input, items)
    }

    /// A one-line paragraph that closes a letter and names its writer
    /// (`Love, Ann`, `Regards, John Smith`): a valediction, a comma, a
    /// name. The mark holds where the name starts in the text.
    fn signed_valediction(&self, block: &Block<'a>) -> Option<Mark<'a>> {
        let Block::Paragraph(p) = block else {
            return None;
        };
        let (closing, name) = p.text.split_once(", ")?;
        let name = name.trim_start_matches(is_space);
        if p.text.contains('\n') || !is_name_block(name) {
            return None;
        }
        let closing = &p.text[..closing.len() + 1];
        let rule = match self.language.is_english() {
            true => Rule::valediction_line,
            false => Rule::intl_valediction_line,
        };
        BlogParser::parse(rule, closing)
            .is_ok()
            .then(|| Mark::SignedValediction(p.text.len() - name.len()))
    }

    /// `bullet_list = { bullet_line+ }` and `dash_list = { dash_line{2,} }`
    fn parse_list(&mut self, pair: Pair<'a, Rule>) -> BulletList<'a> {
        let span = self.trimmed(&pair);
        let items = pair
            .into_inner()
            .map(|line| {
                // The item's span is the whole line, bullet included; its
                // text is what follows the bullet.
                let span = self.trimmed(&line);
                let text = line.into_inner().next().map_or("", |t| t.as_str());
                Paragraph {
                    text: Cow::Borrowed(text.trim_end_matches(is_space)),
                    span,
                }
            })
            .collect();
        BulletList { items, span }
    }

    /// `separator_line = ${ separator ~ hs* ~ eol }`
    fn parse_separator_line(&mut self, pair: Pair<'a, Rule>) -> Separator<'a> {
        let span = self.trimmed(&pair);
        Separator {
            text: Cow::Borrowed(span.source(self.input)),
            span,
        }
    }

    /// `stray_line`: a line kept as a paragraph, with a diagnostic.
    pub(super) fn parse_stray_line(&mut self, pair: Pair<'a, Rule>, place: &str) -> Paragraph<'a> {
        let paragraph = self.span_paragraph(&pair);
        self.diagnostics
            .push(Diagnostic::stray_text(paragraph.span, place));
        paragraph
    }

    /// `header_like_line`: kept as a paragraph, with a diagnostic.
    fn parse_header_like_line(&mut self, pair: Pair<'a, Rule>) -> Paragraph<'a> {
        let paragraph = self.span_paragraph(&pair);
        self.diagnostics
            .push(Diagnostic::invalid_header(paragraph.span, &paragraph.text));
        paragraph
    }

    /// `sent_line = ${ sent ~ hs* ~ eol }`: a date line, marked as a
    /// letter's date when it has a value.
    fn parse_sent_line(&mut self, pair: Pair<'a, Rule>) -> Result<(Block<'a>, Mark<'a>)> {
        let span = self.trimmed(&pair);
        let mut parts = SentParts::default();
        for part in pair.into_inner().flat_map(Pair::into_inner) {
            let text = part.as_str();
            match part.as_rule() {
                Rule::day => parts.day = day_number(text),
                Rule::month => parts.month = month_number(text),
                Rule::year => parts.year = text.parse().ok(),
                Rule::time => parts.time = Some(text),
                Rule::zone => parts.zone = Some(text),
                _ => return Err(self.unexpected(&part, "a date line")),
            }
        }
        let paragraph = self.slice_paragraph(span);
        let (at, problem) = parts.value();
        if let Some(SentProblem::UnknownZone) = problem {
            self.diagnostics.push(Diagnostic::unknown_time_zone(
                span,
                parts.zone.unwrap_or_default(),
            ));
        }
        let mark = match at {
            Some(at) => Mark::Sent(Sent {
                at,
                raw: paragraph.text.clone(),
                span,
            }),
            None => Mark::Plain,
        };
        Ok((Block::Paragraph(paragraph), mark))
    }

    /// `page_tail`: every line after the navigation, as furniture.
    pub(super) fn parse_page_tail(&mut self, pair: Pair<'a, Rule>) -> Vec<Paragraph<'a>> {
        pair.into_inner()
            .map(|line| self.span_paragraph(&line))
            .collect()
    }
}
