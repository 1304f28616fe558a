//! The letters pass: groups the blocks of a body (each marked as plain, a
//! date line, an email's headers, a salutation or a valediction) into quoted
//! [`Letter`]s. In: a body's blocks with their marks, in order. Out: the same
//! blocks, with each letter's run replaced by one [`Block::Letter`]. The
//! rules are documented on [`Letter`].

use std::borrow::Cow;

use crate::ast::{Block, EmailHeader, Letter, Paragraph, Sent, Signature};
use crate::names::{is_name_block, is_noted_name, signer_line, Signer};
use crate::span::{is_space, LineIndex};

/// What the grammar said about a body block.
#[derive(Clone)]
pub(crate) enum Mark<'a> {
    /// Ordinary text, a list or a separator.
    Plain,
    /// A date or timestamp line.
    Sent(Sent<'a>),
    /// An email's header block.
    Headers(Vec<EmailHeader<'a>>),
    /// A salutation line.
    Salutation,
    /// A valediction line.
    Valediction,
    /// A valediction and its writer's name on one line (`Love, Ann`): the
    /// name starts at this byte of the paragraph's text.
    SignedValediction(usize),
    /// A writer's name under the letter's last sentence, split off its
    /// paragraph: the signer of a letter with no closing.
    Signer,
}

/// Groups a body's blocks into letters where the marks say so.
pub(crate) fn assemble<'a>(
    index: &LineIndex<'a>,
    input: &'a str,
    items: Vec<(Block<'a>, Mark<'a>)>,
) -> Vec<Block<'a>> {
    if !items.iter().any(|(_, m)| m.opens()) {
        return items.into_iter().map(|(b, _)| b).collect();
    }
    let n = items.len();
    // Where the letter that starts at block `k` has its opening: the
    // salutation, or an email's headers and the salutation under them.
    let starts = |k: usize| -> Option<Opening> {
        match (&items[k].1, items.get(k + 1).map(|i| &i.1)) {
            (Mark::Salutation, _) => Some(Opening::at_salutation(k)),
            (Mark::Sent(_), Some(Mark::Salutation)) => Some(Opening::at_salutation(k + 1)),
            (Mark::Headers(..), Some(Mark::Salutation)) => Some(Opening {
                salutation: Some(k + 1),
                end: k + 2,
            }),
            (Mark::Headers(..), _) => Some(Opening {
                salutation: None,
                end: k + 1,
            }),
            _ => None,
        }
    };
    // Plan the letters first (index ranges), then move the blocks.
    let mut plans = Vec::new();
    let mut k = 0;
    while k < n {
        let Some(opening) = starts(k) else {
            k += 1;
            continue;
        };
        let plan = plan_letter(&items, k, opening, &starts);
        k = plan.end;
        plans.push(plan);
    }
    let mut out = Vec::with_capacity(n);
    let mut items = items.into_iter().enumerate().peekable();
    for plan in plans {
        while let Some((_, (block, _))) = items.next_if(|(i, _)| *i < plan.start) {
            out.push(block);
        }
        let parts: Vec<(Block<'a>, Mark<'a>)> =
            std::iter::from_fn(|| items.next_if(|(i, _)| *i < plan.end).map(|(_, item)| item))
                .collect();
        out.push(Block::Letter(Box::new(build_letter(
            index, input, &plan, parts,
        ))));
    }
    out.extend(items.map(|(_, (block, _))| block));
    out
}

impl Mark<'_> {
    /// Whether the mark opens a letter: a salutation or an email's headers.
    pub(crate) fn opens(&self) -> bool {
        matches!(self, Mark::Salutation | Mark::Headers(..))
    }
}

/// Where a letter's opening is: its salutation, if any, and the block
/// after the opening (after the salutation, or an email's headers).
#[derive(Clone, Copy)]
struct Opening {
    salutation: Option<usize>,
    end: usize,
}

impl Opening {
    /// The opening of a letter whose salutation is block `k`.
    fn at_salutation(k: usize) -> Self {
        Opening {
            salutation: Some(k),
            end: k + 1,
        }
    }
}

/// Index ranges of one letter's parts within a body.
struct Plan {
    start: usize,
    salutation: Option<usize>,
    subject: Option<usize>,
    valediction: Option<usize>,
    signature: Option<usize>,
    end: usize,
}

fn plan_letter(
    items: &[(Block<'_>, Mark<'_>)],
    start: usize,
    opening: Opening,
    starts: &dyn Fn(usize) -> Option<Opening>,
) -> Plan {
    let n = items.len();
    // The first block after the opening.
    let after = opening.end;
    // The run: up to the next letter or page furniture, and up to the
    // next separator after the letter's closing (a letter may set its own
    // parts apart, `* * *`, above its closing), or after its salutation
    // when it has none.
    let hard_end = (after..n)
        .find(|&k| matches!(items[k].0, Block::Furniture(_)) || starts(k).is_some())
        .unwrap_or(n);
    let last_closing = (after..hard_end)
        .rev()
        .find(|&k| matches!(items[k].1, Mark::Valediction | Mark::SignedValediction(_)))
        .unwrap_or(after - 1);
    let run_end = (last_closing + 1..hard_end)
        .find(|&k| matches!(items[k].0, Block::Separator(_)))
        .unwrap_or(hard_end);
    let subject =
        Some(after).filter(|&k| k < run_end && plain_paragraph(&items[k]).is_some_and(is_subject));
    let body_start = subject.map_or(after, |s| s + 1);
    let valediction = (body_start..run_end)
        .find(|&k| matches!(items[k].1, Mark::Valediction | Mark::SignedValediction(_)));
    // With no closing: a name set off as a signature under the letter's
    // text (`--Ann Lee`, `Harry (grade 1)`, a name over a note in
    // brackets), where the letter ends.
    let marked = || {
        (body_start + 1..run_end).find(|&k| {
            matches!(items[k].1, Mark::Signer)
                || plain_paragraph(&items[k]).is_some_and(|text| {
                    signer_line(text) == Some(Signer::Marked) || is_noted_name(text)
                })
        })
    };
    let (signature, end) = match valediction.ok_or_else(marked) {
        // The name is on the valediction's line.
        Ok(v) if matches!(items[v].1, Mark::SignedValediction(_)) => (Some(v), v + 1),
        Ok(v) => {
            let signature = Some(v + 1).filter(|&k| {
                k < run_end && plain_paragraph(&items[k]).is_some_and(signs_after_closing)
            });
            (signature, signature.map_or(v + 1, |s| s + 1))
        }
        Err(Some(k)) => (Some(k), k + 1),
        Err(None) => {
            let end = (body_start + 1..run_end)
                .find(|&k| plain_paragraph(&items[k]).is_some_and(introduces_something))
                .unwrap_or(run_end);
            let signature = Some(end.saturating_sub(1)).filter(|&k| {
                k >= body_start
                    && plain_paragraph(&items[k])
                        .is_some_and(|text| is_name_block(text) || signer_line(text).is_some())
            });
            (signature, end)
        }
    };
    Plan {
        start,
        salutation: opening.salutation,
        subject,
        valediction,
        signature,
        end,
    }
}

fn build_letter<'a>(
    index: &LineIndex<'a>,
    input: &'a str,
    plan: &Plan,
    parts: Vec<(Block<'a>, Mark<'a>)>,
) -> Letter<'a> {
    let mut sent = None;
    let mut headers = Vec::new();
    let mut salutation = None;
    let mut subject = None;
    let mut valediction = None;
    let mut signature = None;
    let mut paragraphs = Vec::new();
    let span = match (parts.first(), parts.last()) {
        (Some(first), Some(last)) => index.span(first.0.span().start, last.0.span().end),
        _ => index.span(0, 0),
    };
    for (offset, (block, mark)) in parts.into_iter().enumerate() {
        let k = plan.start + offset;
        match (block, mark) {
            (_, Mark::Sent(s)) if k == plan.start => sent = Some(s),
            (_, Mark::Headers(lines)) if k == plan.start => headers = lines,
            (Block::Paragraph(p), _) if Some(k) == plan.salutation => salutation = Some(p),
            (Block::Paragraph(p), _) if Some(k) == plan.subject => subject = Some(p),
            (Block::Paragraph(p), Mark::SignedValediction(at)) if Some(k) == plan.valediction => {
                let (closing, name) = split_signed(index, &p, at);
                valediction = Some(closing);
                signature = Some(name_block(index, input, &name));
            }
            (Block::Paragraph(p), _) if Some(k) == plan.valediction => valediction = Some(p),
            (Block::Paragraph(p), _) if Some(k) == plan.signature => {
                signature = Some(name_block(index, input, &p));
            }
            (block, _) => paragraphs.push(block),
        }
    }
    Letter {
        sent,
        headers,
        salutation,
        subject,
        paragraphs,
        valediction,
        signature,
        span,
    }
}

/// The text of a block that is an ordinary paragraph.
fn plain_paragraph<'b>(item: &'b (Block<'_>, Mark<'_>)) -> Option<&'b str> {
    match item {
        (Block::Paragraph(p), Mark::Plain) => Some(&p.text),
        _ => None,
    }
}

/// What stands under a valediction as its writer: a name block
/// (`Michael Spurr` / `Chief Executive`), or any one short line, which
/// there can only name the writer (`Your granddaughter`,
/// `Your loving son, Tom`), but a postscript or a field (`Tags: ...`).
fn signs_after_closing(text: &str) -> bool {
    is_name_block(text)
        || !text.contains('\n')
            && text.split_whitespace().count() <= 6
            && text.chars().count() <= 40
            && !text.starts_with("P.S")
            && !text.starts_with("PS")
            && !text.split_whitespace().any(|w| w.ends_with(':'))
}

/// A subject line: one line in capitals.
fn is_subject(text: &str) -> bool {
    !text.contains('\n')
        && text.chars().count() <= 80
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !text.chars().any(char::is_lowercase)
}

/// A paragraph that introduces something new: its first line ends in `:-`,
/// as a blogger introduces the next quotation (`This from Durham:-`). A
/// plain `:` is not enough: letters themselves introduce their lists so.
fn introduces_something(text: &str) -> bool {
    let first = text.lines().next().unwrap_or("").trim_end_matches(is_space);
    first.ends_with(":-")
}

/// Splits `Love, Ann` (one line; the name at byte `at` of its text) into
/// the valediction, comma included, and the name.
fn split_signed<'a>(
    index: &LineIndex<'a>,
    p: &Paragraph<'a>,
    at: usize,
) -> (Paragraph<'a>, Paragraph<'a>) {
    let comma = p.text[..at].trim_end_matches(is_space).len();
    let part = |from: usize, to: usize| Paragraph {
        text: match &p.text {
            Cow::Borrowed(text) => Cow::Borrowed(&text[from..to]),
            Cow::Owned(text) => Cow::Owned(text[from..to].to_string()),
        },
        span: index.span(p.span.start + from, p.span.start + to),
    };
    (part(0, comma), part(at, p.text.len()))
}

/// Splits a name block paragraph into its name and role lines.
fn name_block<'a>(index: &LineIndex<'a>, input: &'a str, p: &Paragraph<'a>) -> Signature<'a> {
    let mut lines = Vec::new();
    let mut offset = p.span.start;
    for raw in p.span.source(input).split('\n') {
        let start = offset + (raw.len() - raw.trim_start_matches(is_space).len());
        let text = raw.trim_matches(is_space);
        lines.push(Paragraph {
            text: Cow::Borrowed(text),
            span: index.span(start, start + text.len()),
        });
        offset += raw.len() + 1;
    }
    let name = if lines.is_empty() {
        p.clone()
    } else {
        lines.remove(0)
    };
    Signature {
        name,
        roles: lines,
        span: p.span,
    }
}
