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
use super::sections::SaidLine;
use super::{Builder, Result};
use crate::ast::{Block, BulletList, CommentSection, Paragraph, Sent, Separator};
use crate::dates::{day_number, month_number, SentParts, SentProblem};
use crate::diagnostic::Diagnostic;
use crate::grammar::{BlogParser, Rule};
use crate::names::{is_name_block, is_name_line, is_relation, signer_line};
use crate::span::{is_space, Span};

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
        let mut body = BodyBlocks::default();
        self.read_blocks(children, &mut body, said_end.is_some())?;
        let said_end = said_end.map(|end| self.base + end);
        self.finish_blocks(body, said_end)
    }

    /// Reads the blocks of `children` (a `preamble`'s, or a `body`'s, or
    /// one piece of a body read in pieces: see [`BodyBlocks`]) onto
    /// `body`, noting the paragraphs that start with a `said` line when
    /// `said` is set. A `more` child (the body goes on after this piece)
    /// is noted in `body.more`.
    pub(super) fn read_blocks(
        &mut self,
        children: impl Iterator<Item = Pair<'a, Rule>>,
        body: &mut BodyBlocks<'a>,
        said: bool,
    ) -> Result<()> {
        // Blocks, and the few marks that are not plain, apart: a huge body
        // holds one vector of blocks, not one of (block, mark) pairs.
        let BodyBlocks {
            blocks,
            marks,
            said: said_lines,
            more,
        } = body;
        *more = None;
        for child in children {
            let item = match child.as_rule() {
                Rule::paragraph => {
                    let mut paragraph = self.span_paragraph(&child);
                    if let Some(email) = self.email_headers(&paragraph) {
                        blocks.extend(email.banner.map(Block::Paragraph));
                        marks.push((blocks.len(), email.mark));
                        blocks.push(Block::Paragraph(email.lines));
                        continue;
                    }
                    // A formal salutation with the letter's text on its
                    // line (`My dear Tom, I have your letter...`), or one
                    // that sets the endearment after the name, over the
                    // letter's text (`Minnie Dear,`).
                    let opening = inline_salutation(&paragraph.text).or_else(|| {
                        // A paragraph of one line borrows the input (a
                        // paragraph of several owns its trimmed lines).
                        let one_line = matches!(paragraph.text, Cow::Borrowed(_));
                        endeared_salutation(&paragraph.text, one_line)
                    });
                    if let Some(at) = opening.filter(|&at| at < paragraph.text.len()) {
                        let (start, end) = (paragraph.span.start, paragraph.span.end);
                        let salutation = self.slice_paragraph(self.index.span(start, start + at));
                        marks.push((blocks.len(), Mark::Salutation));
                        blocks.push(Block::Paragraph(salutation));
                        paragraph = self.lines_paragraph(self.index.trimmed(start + at, end));
                    }
                    if said {
                        said_lines.extend(self.said_line(&paragraph, blocks.len()));
                    }
                    let alone = opening.is_some_and(|at| at == paragraph.text.len());
                    let mark = if alone
                        || !blocks.is_empty() && self.is_readers_salutation(&paragraph.text)
                    {
                        Mark::Salutation
                    } else {
                        Mark::Plain
                    };
                    (Block::Paragraph(paragraph), mark)
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
                Rule::sent_line | Rule::dated_sent_line => self.parse_sent_line(child)?,
                Rule::salutation_line => (
                    Block::Paragraph(self.span_paragraph(&child)),
                    Mark::Salutation,
                ),
                Rule::valediction_line => (
                    Block::Paragraph(self.span_paragraph(&child)),
                    Mark::Valediction,
                ),
                Rule::more => {
                    *more = Some(self.base + child.as_span().start());
                    continue;
                }
                _ => return Err(self.unexpected(&child, "a post body")),
            };
            let (block, mark) = item;
            if !matches!(mark, Mark::Plain) {
                marks.push((blocks.len(), mark));
            }
            blocks.push(block);
        }
        Ok(())
    }

    /// The blocks of a whole body (or preamble), once all of it is read,
    /// grouped into letters. With `said_end` (where the body ends, in the
    /// input), a paragraph that opens a headerless `said` section
    /// ([`super::sections`]) ends the blocks: the section, parsed from
    /// there to `said_end`, comes back beside them.
    pub(super) fn finish_blocks(
        &mut self,
        body: BodyBlocks<'a>,
        said_end: Option<usize>,
    ) -> Result<(Vec<Block<'a>>, Option<Section<'a>>)> {
        let BodyBlocks {
            mut blocks,
            mut marks,
            said,
            ..
        } = body;
        let mut section = None;
        if let Some(end) = said_end {
            if let Some((line, mut said)) = self.open_said_section(&said, end - self.base)? {
                blocks.truncate(line.block);
                self.own_comment_header(&mut blocks, &mut said.section);
                marks.retain(|(k, _)| *k < blocks.len());
                section = Some(said);
            }
        }
        Ok((self.letters(blocks, marks), section))
    }

    /// The blog's own word for its comments, which Blogger lets a blog set,
    /// in the header's place: a last body line of a count, words and a
    /// colon right over a headerless `said` section (`6 criaturas
    /// afundaram esta pérola:`, `12 thoughts:`) is the section's header,
    /// declaring that count. (Looked for here, where a `said` section is
    /// found, rather than by the grammar on every line that starts with a
    /// digit.)
    fn own_comment_header(&self, blocks: &mut Vec<Block<'a>>, section: &mut CommentSection<'a>) {
        let Some(Block::Paragraph(p)) = blocks.last() else {
            return;
        };
        let Some(count) = own_comment_count(&p.text) else {
            return;
        };
        if section.header_span.is_some() {
            return;
        }
        let start = p.span.start;
        section.header_span = Some(p.span);
        section.declared = Some(count);
        section.span = self.index.span(start, section.span.end);
        blocks.pop();
    }

    /// The blocks, with each letter's run (after `marks`, by block index)
    /// made one letter.
    ///
    /// A readers' greeting that opens the body (`Hey everyone,`) opens a
    /// post, not a letter, unless the letter it would open closes as a
    /// letter does, with a closing or its writer's name (`Love,` / `Elder
    /// Smith`): the weekly letter home that a family posts.
    fn letters(&self, blocks: Vec<Block<'a>>, marks: Vec<(usize, Mark<'a>)>) -> Vec<Block<'a>> {
        if self.greets_readers_first(&blocks, &marks) {
            let greeted = std::iter::once((0, Mark::Salutation))
                .chain(marks.iter().cloned())
                .collect();
            let letter = self.marked_letters(blocks.clone(), greeted);
            if let Some(Block::Letter(l)) = letter.first() {
                if l.valediction.is_some() || l.signature.is_some() {
                    return letter;
                }
            }
        }
        if !marks.iter().any(|(_, m)| m.opens()) {
            return blocks;
        }
        self.marked_letters(blocks, marks)
    }

    /// Whether the first of a body's `blocks` is a readers' greeting on a
    /// line of its own (see [`is_readers_salutation`](Self::is_readers_salutation)),
    /// with no mark of its own.
    fn greets_readers_first(&self, blocks: &[Block<'a>], marks: &[(usize, Mark<'a>)]) -> bool {
        matches!(blocks.first(), Some(Block::Paragraph(p)) if self.is_readers_salutation(&p.text))
            && marks.first().is_none_or(|(k, _)| *k > 0)
    }

    /// The blocks grouped into letters after `marks` (by block index), one
    /// of them a salutation: the closings the grammar left plain are
    /// marked first (see [`closing`](Self::closing)).
    fn marked_letters(
        &self,
        blocks: Vec<Block<'a>>,
        marks: Vec<(usize, Mark<'a>)>,
    ) -> Vec<Block<'a>> {
        let mut marks = marks.into_iter().peekable();
        let mut items = Vec::with_capacity(blocks.len());
        // Whether a letter is open: a salutation stands above, and no
        // closing since.
        let mut open = false;
        for (k, block) in blocks.into_iter().enumerate() {
            let from = items.len();
            match marks.next_if(|(i, _)| *i == k) {
                Some((_, mark)) => items.push((block, mark)),
                None => self.closing(block, &mut items, open),
            }
            for (_, mark) in &items[from..] {
                match mark {
                    Mark::Salutation | Mark::Headers(..) => open = true,
                    Mark::Valediction | Mark::SignedValediction(_) | Mark::Signer => open = false,
                    Mark::Plain | Mark::Sent(_) => {}
                }
            }
        }
        letters::assemble(&self.index, self.input, items)
    }

    /// Pushes a block the grammar left plain onto a body's `items`
    /// (which has a salutation), marked as a letter's closing where it is
    /// one: a paragraph of one line that closes a letter (see
    /// [`closing_mark`](Self::closing_mark)), or a paragraph whose last
    /// line closes a letter (`...\nLove, Ann`; `...you.\nAll my love,`
    /// under a finished sentence), which becomes two: the text, then the
    /// closing; or a paragraph of two lines, a closing over a name line,
    /// which becomes the closing and its writer.
    fn closing(&self, block: Block<'a>, items: &mut Vec<(Block<'a>, Mark<'a>)>, open: bool) {
        let Block::Paragraph(p) = &block else {
            items.push((block, Mark::Plain));
            return;
        };
        if self.closing_inside(p, items) || self.name_over_postscript(p, items) {
            return;
        }
        let source = p.span.source(self.input);
        let Some(nl) = memchr::memrchr(b'\n', source.as_bytes()) else {
            let mark = self.closing_mark(&p.text, true);
            items.push((block, mark.unwrap_or(Mark::Plain)));
            return;
        };
        let (start, end) = (p.span.start, p.span.end);
        // The paragraph's last line ends where the paragraph does.
        let last_line = source[nl + 1..].trim_start_matches(is_space);
        // Under a finished sentence, a closing in the writer's own words.
        let after_sentence = source[..nl]
            .trim_end_matches(is_space)
            .ends_with(['.', '!', '?']);
        let first_line = source[..nl].trim_end_matches(|c| is_space(c) || c == '\r');
        match self.closing_mark(last_line, after_sentence) {
            // Two lines, a closing over a name (`Love always,` /
            // `Your Mrs. Smith`): the closing, then its writer.
            None if !first_line.contains('\n')
                && is_name_line(last_line)
                && matches!(self.closing_mark(first_line, true), Some(Mark::Valediction)) =>
            {
                let closing =
                    self.lines_paragraph(self.index.span(start, start + first_line.len()));
                let name = self.lines_paragraph(self.index.span(end - last_line.len(), end));
                items.push((Block::Paragraph(closing), Mark::Valediction));
                items.push((Block::Paragraph(name), Mark::Plain));
            }
            Some(mark) => {
                let last = self.lines_paragraph(self.index.span(end - last_line.len(), end));
                let text_end = start + source[..nl].trim_end_matches(is_space).len();
                let text = self.lines_paragraph(self.index.span(start, text_end));
                items.push((Block::Paragraph(text), Mark::Plain));
                items.push((Block::Paragraph(last), mark));
            }
            None if open && self.signer_inside(p, items) => {}
            None => items.push((block, Mark::Plain)),
        }
    }

    /// A paragraph right under a letter's closing whose first line is a
    /// name and whose next line opens a postscript (`Ann Lee` /
    /// `p.s. By the way...`): pushes onto `items` the name and the
    /// postscript, each an item of its own, and says whether it did.
    fn name_over_postscript(
        &self,
        p: &Paragraph<'a>,
        items: &mut Vec<(Block<'a>, Mark<'a>)>,
    ) -> bool {
        if !matches!(items.last(), Some((_, Mark::Valediction))) {
            return false;
        }
        let source = p.span.source(self.input);
        let Some(nl) = memchr::memchr(b'\n', source.as_bytes()) else {
            return false;
        };
        let name = source[..nl].trim_end_matches(is_space);
        let rest = source[nl + 1..].trim_start_matches(is_space);
        if !(is_name_line(name) && is_postscript(rest)) {
            return false;
        }
        let (start, end) = (p.span.start, p.span.end);
        let name = self.lines_paragraph(self.index.span(start, start + name.len()));
        let rest = self.lines_paragraph(self.index.span(end - rest.len(), end));
        items.push((Block::Paragraph(name), Mark::Plain));
        items.push((Block::Paragraph(rest), Mark::Plain));
        true
    }

    /// A paragraph of three or more lines with a closing over its writer's
    /// name inside it, where the page sets no blank line between a
    /// letter's parts (`...my love to all.` / `Your loving husband,` /
    /// `Fred` / `P.S. ...`): pushes onto `items` the text above, the
    /// closing, the name and any text below, each an item of its own, and
    /// says whether it did. The closing stands under a finished sentence.
    fn closing_inside(&self, p: &Paragraph<'a>, items: &mut Vec<(Block<'a>, Mark<'a>)>) -> bool {
        let source = p.span.source(self.input);
        if memchr::memchr_iter(b'\n', source.as_bytes())
            .nth(1)
            .is_none()
        {
            return false;
        }
        let lines = line_spans(source, p.span.start);
        let Some(i) = (1..lines.len() - 1).find(|&i| {
            lines[i - 1].0.ends_with(['.', '!', '?'])
                && is_name_line(lines[i + 1].0)
                && matches!(self.closing_mark(lines[i].0, true), Some(Mark::Valediction))
        }) else {
            return false;
        };
        let part = |from: usize, to: usize| {
            Block::Paragraph(self.lines_paragraph(self.index.span(lines[from].1, lines[to].2)))
        };
        items.push((part(0, i - 1), Mark::Plain));
        items.push((part(i, i), Mark::Valediction));
        items.push((part(i + 1, i + 1), Mark::Plain));
        if i + 2 < lines.len() {
            items.push((part(i + 2, lines.len() - 1), Mark::Plain));
        }
        true
    }

    /// A paragraph inside an open letter (one with no closing yet), with its
    /// writer's name on a line right under a finished sentence, where the
    /// page sets no blank line around a letter's signature (`...I love
    /// you.` / `Mrs H.`, `...with me.` / `Barack Obama` / `I am so happy he
    /// wrote back.`): pushes onto `items` the text above, the name (marked
    /// as the letter's signer: the letter ends there) and any text below,
    /// each an item of its own, and says whether it did. The name is a
    /// name line of two words or more (see [`signer_line`]).
    fn signer_inside(&self, p: &Paragraph<'a>, items: &mut Vec<(Block<'a>, Mark<'a>)>) -> bool {
        let source = p.span.source(self.input);
        if memchr::memchr(b'\n', source.as_bytes()).is_none() {
            return false;
        }
        // The name's line is found first, and the lines' spans are made
        // only for a paragraph that splits.
        let mut above = "";
        let Some(i) = source.split('\n').position(|raw| {
            let line = raw.trim_matches(is_space);
            let found = above.ends_with(['.', '!', '?'])
                && line.split_whitespace().nth(1).is_some()
                && signer_line(line).is_some();
            above = line;
            found
        }) else {
            return false;
        };
        let lines = line_spans(source, p.span.start);
        let part = |from: usize, to: usize| {
            Block::Paragraph(self.lines_paragraph(self.index.span(lines[from].1, lines[to].2)))
        };
        items.push((part(0, i - 1), Mark::Plain));
        items.push((part(i, i), Mark::Signer));
        if i + 1 < lines.len() {
            items.push((part(i + 1, lines.len() - 1), Mark::Plain));
        }
        true
    }

    /// What a line says of a letter's closing: a valediction
    /// (`Yours sincerely,`); a valediction and its writer's name
    /// (`Love, Ann`, `Regards, John Smith`: the mark holds where the name
    /// starts); or, where `own` allows it (a paragraph of its own, or a
    /// line under a finished sentence), a closing of the writer's own
    /// words (`Love you,`): see [`is_own_closing`].
    fn closing_mark(&self, line: &str, own: bool) -> Option<Mark<'a>> {
        if self.is_valediction(line) {
            return Some(Mark::Valediction);
        }
        // The first `, ` (memchr's search: a paragraph can be long).
        if let Some(comma) = memchr::memmem::find(line.as_bytes(), b", ") {
            let (closing, name) = (&line[..comma], &line[comma + 2..]);
            let name = name.trim_start_matches(is_space);
            // The cheap tests first: most lines asked about are sentences.
            let closing = &line[..closing.len() + 1];
            if self.may_be_valediction(closing)
                && (is_name_block(name) || is_relation(name))
                && self.is_valediction(closing)
            {
                return Some(Mark::SignedValediction(line.len() - name.len()));
            }
        }
        (own && is_own_closing(line)).then_some(Mark::Valediction)
    }

    /// Whether `line` is a valediction of the vocabulary.
    ///
    /// A line with a full stop before its first line feed is none without
    /// asking the parser: the rule must read the whole line up to there,
    /// and neither the valedictions nor the white space it allows hold a
    /// full stop (`valediction_has_no_full_stop` checks the grammar). Most
    /// lines asked about are sentences, and a failed parse costs pest a
    /// formatted error over the line.
    fn is_valediction(&self, line: &str) -> bool {
        let rule = match self.language.is_english() {
            true => Rule::valediction_line,
            false => Rule::intl_valediction_line,
        };
        self.may_be_valediction(line) && BlogParser::parse(rule, line).is_ok()
    }

    /// Whether a paragraph is a readers' greeting on a line of its own
    /// (`Hi guys,`; see `readers_salutation_line` in `blog.pest`), which
    /// under the blogger's own words opens the letter the post quotes. On
    /// an English page only, as the grammar's hellos.
    ///
    /// Tests cheaper than the parser's come first (a failed parse costs
    /// pest a formatted error): most paragraphs that start with `H` are
    /// sentences (`He ...`), longer than a greeting (its words, an
    /// addressee of at most 60 characters and its mark: under 100
    /// characters, bytes counted first) or ending in a full stop or a
    /// question mark.
    fn is_readers_salutation(&self, text: &str) -> bool {
        self.language.is_english()
            && text.starts_with('H')
            && text.len() <= 4 * 100
            && text.chars().count() <= 100
            && !text.ends_with(['.', '?'])
            && !text.contains('\n')
            && BlogParser::parse(Rule::readers_salutation_line, text).is_ok()
    }

    /// Whether `line` can be a valediction, by tests cheaper than the
    /// parser's (see [`is_valediction`](Self::is_valediction)).
    fn may_be_valediction(&self, line: &str) -> bool {
        let bytes = line.as_bytes();
        // English's valedictions start with one of these capitals (see
        // `valediction` in `blog.pest`; `valediction_initials` checks).
        if self.language.is_english()
            && !bytes
                .first()
                .is_some_and(|b| VALEDICTION_INITIALS.contains(b))
        {
            return false;
        }
        let first_line = &bytes[..memchr::memchr(b'\n', bytes).unwrap_or(bytes.len())];
        memchr::memchr(b'.', first_line).is_none()
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
        let mark = self.sent_value(pair, span)?.map_or(Mark::Plain, Mark::Sent);
        Ok((Block::Paragraph(self.slice_paragraph(span)), mark))
    }

    /// The date that a pair holding a `sent` gives (`sent_line`,
    /// `dated_sent_line`, `email_date`), written at `span`, where it is a
    /// real one; a zone the parser does not know gets a warning.
    pub(super) fn sent_value(
        &mut self,
        pair: Pair<'a, Rule>,
        span: Span,
    ) -> Result<Option<Sent<'a>>> {
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
        let (at, problem) = parts.value();
        if let Some(SentProblem::UnknownZone) = problem {
            self.diagnostics.push(Diagnostic::unknown_time_zone(
                span,
                parts.zone.unwrap_or_default(),
            ));
        }
        Ok(at.map(|at| Sent {
            at,
            raw: Cow::Borrowed(span.source(self.input)),
            span,
        }))
    }

    /// `page_tail`: every line after the navigation, as furniture.
    pub(super) fn parse_page_tail(&mut self, pair: Pair<'a, Rule>) -> Vec<Paragraph<'a>> {
        pair.into_inner()
            .map(|line| self.span_paragraph(&line))
            .collect()
    }
}

/// The blocks of a body (or a preamble) as they are read: a huge body is
/// read in pieces (see `body_lines` in `grammar/blog.pest`), each piece's
/// tokens freed once its blocks are built, and its blocks are grouped
/// into letters and searched for a `said` section once, when the last
/// piece is read ([`Builder::finish_blocks`]).
#[derive(Default)]
pub(super) struct BodyBlocks<'a> {
    /// The blocks so far, in order.
    blocks: Vec<Block<'a>>,
    /// The marks that are not plain, by block index.
    marks: Vec<(usize, Mark<'a>)>,
    /// The paragraphs that start with a `said` line, in order.
    said: Vec<SaidLine>,
    /// Where the body goes on (a byte of the input), when the last piece
    /// read ended before the body does.
    pub(super) more: Option<usize>,
}

/// Where a formal salutation that the letter's text follows on the same
/// line ends (after its comma or colon): `Dear`, `Dearest` or `My dear`
/// and one to four capitalised words, a comma or a colon, then text (`My
/// dear Tom, I have your letter of the 29th`, `Dear Daughter: I've been
/// cleaning`). Plain greetings (`Hi Ann, ...`) open many posts and are
/// left alone.
fn inline_salutation(text: &str) -> Option<usize> {
    // The greeting first: most paragraphs start otherwise.
    let (greeting, rest) = ["Dear ", "Dearest ", "My dear ", "My Dear "]
        .iter()
        .find_map(|greeting| Some((greeting.len(), text.strip_prefix(greeting)?)))?;
    let rest = &rest[..memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len())];
    let comma = rest
        .as_bytes()
        .windows(2)
        .position(|w| matches!(w, b", " | b": "))?;
    let words = rest[..comma].split_whitespace();
    let named = words.clone().count() <= 4
        && words
            .into_iter()
            .all(|w| w.starts_with(char::is_uppercase) && !w.contains(['.', '!', '?', ';', ':']));
    let after = rest[comma + 2..].trim_start_matches(is_space);
    (named && comma > 0 && !after.is_empty()).then_some(greeting + comma + 1)
}

/// The longest line, in bytes, read as a salutation that sets the
/// endearment after the name (two words and `Dearest,`).
const ENDEARED_MAX_BYTES: usize = 64;

/// Where a salutation that sets the endearment after the name ends, when
/// `text` opens with one on a line of its own: one or two capitalised
/// words of letters, then `Dear` or `Dearest` (`dear`, `dearest`) and a
/// comma, a colon or an exclamation mark (`Minnie Dear,`, `Mother
/// dear:`, `Family Dearest!`), as old letters open. A first word of
/// [`NOT_ENDEARED`] names no one (`My Dearest,`, `Oh dear!`, `Thank You
/// Dear!`).
fn endeared_salutation(text: &str, one_line: bool) -> Option<usize> {
    // Such a line is short: its end is among the first bytes, and most
    // paragraphs' first lines are longer. A paragraph known to be `one_line`
    // needs no search for its end.
    let end = match one_line {
        true => text.len(),
        false => {
            let head = &text.as_bytes()[..text.len().min(ENDEARED_MAX_BYTES + 1)];
            memchr::memchr(b'\n', head).unwrap_or(text.len())
        }
    };
    if end > ENDEARED_MAX_BYTES {
        return None;
    }
    let words = text[..end].strip_suffix([',', ':', '!'])?;
    let name = ["Dearest", "dearest", "Dear", "dear"]
        .iter()
        .find_map(|dear| words.strip_suffix(dear)?.strip_suffix(' '))?;
    let (first, second) = name.split_once(' ').unwrap_or((name, ""));
    let named =
        |word: &str| word.starts_with(char::is_uppercase) && word.chars().all(char::is_alphabetic);
    (named(first) && (second.is_empty() || named(second)) && !NOT_ENDEARED.contains(&first))
        .then_some(end)
}

/// Words that open a line ending in `dear` but name no one: a greeting
/// word of its own, an exclamation, thanks or a wish.
const NOT_ENDEARED: &[&str] = &[
    "My",
    "Oh",
    "O",
    "Thank",
    "Thanks",
    "Happy",
    "Good",
    "Goodnight",
    "Goodbye",
    "Bye",
    "Yes",
    "No",
    "Well",
    "Sorry",
    "Please",
];

/// The capitals English's valedictions start with.
const VALEDICTION_INITIALS: &[u8] = b"ABCGHIKLMRSTWY";

/// A closing in the writer's own words, as a paragraph of its own in a
/// letter: one line of one to six words, starting with a capital and
/// ending in a comma (`Love you,`, `Yours in the struggle,`,
/// `Till we meet again,`): a sentence that a name completes.
fn is_own_closing(line: &str) -> bool {
    // The cheapest tests first: most lines asked about are long sentences.
    line.ends_with(',')
        && line.chars().count() <= 40
        && (1..=6).contains(&line.split_whitespace().count())
        && line.starts_with(char::is_uppercase)
        && !line.chars().any(|c| c.is_ascii_digit())
}

/// The count of a line shaped as a comment header with the blog's own
/// word: one line, a count, a space, a letter, no other colon than the one
/// that ends it (`6 criaturas afundaram esta pérola:` gives 6).
pub(super) fn own_comment_count(text: &str) -> Option<u32> {
    let words = text.strip_suffix(':')?.trim_end_matches(is_space);
    let (count, rest) = words.split_once(' ')?;
    let count = count.parse().ok().filter(|_| count.len() <= 7)?;
    (rest.starts_with(char::is_alphabetic)
        && rest.chars().count() <= 60
        && !rest.contains([':', '\n']))
    .then_some(count)
}

/// Each line of `source` (a paragraph's text in the input, starting at
/// byte `start`): its text, trimmed, and where that starts and ends in the
/// input (spans are made only for the parts of a paragraph that splits).
fn line_spans(source: &str, start: usize) -> Vec<(&str, usize, usize)> {
    let mut lines = Vec::new();
    let mut offset = start;
    for raw in source.split('\n') {
        let text = raw.trim_matches(is_space);
        let at = offset + (raw.len() - raw.trim_start_matches(is_space).len());
        lines.push((text, at, at + text.len()));
        offset += raw.len() + 1;
    }
    lines
}

/// Whether `text` opens a postscript: `P.S.`, `p.s.`, `PS `, `P.P.S.`.
fn is_postscript(text: &str) -> bool {
    let b = text.as_bytes();
    let dotted = |b: &[u8]| b.len() >= 3 && b[..3].eq_ignore_ascii_case(b"p.s");
    dotted(b)
        || b.len() >= 5 && b[..2].eq_ignore_ascii_case(b"p.") && dotted(&b[2..])
        || b.len() >= 3 && &b[..3] == b"PS "
}

#[cfg(test)]
mod tests {
    /// The grammar text of the rule `name` (from its definition to the
    /// next blank line).
    fn rule<'g>(grammar: &'g str, name: &str) -> &'g str {
        let start = grammar
            .find(&format!("\n{name} = "))
            .unwrap_or_else(|| panic!("no rule `{name}`"));
        let rest = &grammar[start + 1..];
        &rest[..rest.find("\n\n").unwrap_or(rest.len())]
    }

    /// What `Builder::is_valediction` relies on to refuse
    /// a line with a full stop unparsed: no valediction's words, in
    /// English or in the other languages' vocabulary, hold one.
    #[test]
    fn valediction_has_no_full_stop() {
        let blog = include_str!("../../grammar/blog.pest");
        let vocab = include_str!("../../grammar/vocab.pest");
        for text in [rule(blog, "valediction"), rule(vocab, "lang_valediction")] {
            let literals: Vec<&str> = text.split('"').skip(1).step_by(2).collect();
            assert!(literals.len() > 10, "{text}");
            for literal in literals {
                assert!(!literal.contains('.'), "{literal:?} in {text}");
            }
        }
        let line = rule(blog, "valediction_line");
        assert!(line.contains("valediction ~ hs* ~ eol"), "{line}");
    }

    /// What `Builder::is_valediction` relies on to refuse an English line
    /// unparsed: each English valediction starts with a capital of
    /// `VALEDICTION_INITIALS`, written as its own literal (`"Y" ~ ...`).
    #[test]
    fn valediction_initials() {
        let text = rule(include_str!("../../grammar/blog.pest"), "valediction");
        let mut initials = 0;
        for line in text
            .lines()
            .map(|l| l.trim().trim_start_matches('|').trim())
        {
            if line.starts_with("intl") || !line.starts_with('"') {
                continue;
            }
            let initial = line.split('"').nth(1).unwrap_or_default();
            assert_eq!(initial.len(), 1, "{line}");
            assert!(
                super::VALEDICTION_INITIALS.contains(&initial.as_bytes()[0]),
                "{line}"
            );
            initials += 1;
        }
        assert!(initials >= 14, "{text}");
    }

    /// The rules that read a body piece's lines (`lines_to_64` to
    /// `lines_to_256`, and each language's `intl_` copies) are written out
    /// by hand, since a pest rule cannot count: each must hold exactly 64
    /// lines of its kind, nested, and go on to the next rule after the
    /// last.
    #[test]
    fn each_piece_rule_holds_64_nested_lines() {
        let blog = include_str!("../../grammar/blog.pest");
        for prefix in ["", "intl_"] {
            for to in [64, 128, 192, 256] {
                let name = format!("{prefix}lines_to_{to}");
                let text = rule(blog, &name);
                let body = &text[text.find('{').unwrap_or(0)..];
                let words: Vec<&str> = body
                    .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .filter(|w| !w.is_empty())
                    .collect();
                let line = format!("{prefix}body_line");
                let next = match to {
                    256 => "piece_end".to_string(),
                    _ => format!("{prefix}lines_to_{}", to + 64),
                };
                let mut expected = vec![line.as_str(); 64];
                expected.push(&next);
                assert_eq!(words, expected, "{name}");
                assert_eq!(body.matches('(').count(), 63, "{name}");
                assert_eq!(body.matches(")?").count(), 63, "{name}");
                assert!(body.contains(&format!("{next}?")), "{name}");
            }
        }
    }
}
