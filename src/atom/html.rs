//! An entry's HTML content as text in the form of a saved page's body, read
//! with html5gum's tokenizer: paragraphs from `<p>`, `<div>`, headings,
//! block quotes and runs of two or more `<br>`, separated by a blank line;
//! a single `<br>` a line break; list items as `•` lines; `<hr>` a `***`
//! separator. Character references are decoded by the tokenizer; white
//! space runs become one space; scripts and styles are dropped.
//! In: HTML. Out: text that the body rule of the grammar reads.
//!
//! The text is made by the tokenizer's emitter itself ([`TextEmitter`],
//! html5gum's extension point), so no token is built: tags are only
//! named, attributes and comments dropped, and the tokenizer's
//! character checks (which only report errors) are off.

use std::convert::Infallible;

use html5gum::{naive_next_state, Emitter, Error, State, Tokenizer};

/// Tags that start and end a block.
fn is_block(tag: &[u8]) -> bool {
    matches!(
        tag,
        b"p" | b"div"
            | b"blockquote"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"ul"
            | b"ol"
            | b"table"
            | b"tr"
            | b"pre"
            | b"center"
            | b"section"
            | b"article"
            | b"figure"
            | b"dl"
            | b"dd"
            | b"dt"
    )
}

/// The text of `html`, in the form of a page's body.
pub(crate) fn to_text(html: &str) -> String {
    let mut text = Text::default();
    // The text is seldom longer than the HTML (its markup is dropped):
    // mostly one allocation, no growth.
    text.done.reserve(html.len());
    text.line.reserve(html.len());
    let emitter = TextEmitter {
        text: &mut text,
        tag: Vec::new(),
        end: false,
        self_closing: false,
        last_start: Vec::new(),
        // A run of text is at most the HTML: no growth.
        chars: Vec::with_capacity(html.len()),
        skip: 0,
    };
    match Tokenizer::new_with_emitter(html, emitter).finish() {
        Ok(()) => {}
        Err(never) => match never {},
    }
    text.end_block();
    text.done
}

/// The tokenizer's emitter: names each tag, keeps the characters, and
/// hands both to the [`Text`] being made.
struct TextEmitter<'t> {
    text: &'t mut Text,
    /// The tag being read, lower case.
    tag: Vec<u8>,
    end: bool,
    self_closing: bool,
    /// The last start tag's name (for the end of a script's raw text).
    last_start: Vec<u8>,
    /// Characters since the last tag.
    chars: Vec<u8>,
    /// Inside how many scripts or styles.
    skip: usize,
}

impl TextEmitter<'_> {
    /// Hands the characters read since the last tag to the text.
    fn flush_chars(&mut self) {
        if !self.chars.is_empty() {
            if self.skip == 0 {
                match std::str::from_utf8(&self.chars) {
                    Ok(s) => self.text.text(s),
                    Err(_) => self.text.text(&String::from_utf8_lossy(&self.chars)),
                }
            }
            self.chars.clear();
        }
    }
}

impl Emitter for TextEmitter<'_> {
    type Token = Infallible;

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.last_start.clear();
        self.last_start.extend(last_start_tag.unwrap_or_default());
    }

    fn emit_eof(&mut self) {
        self.flush_chars();
    }

    fn emit_error(&mut self, _: Error) {}

    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn pop_token(&mut self) -> Option<Infallible> {
        None
    }

    fn emit_string(&mut self, c: &[u8]) {
        self.chars.extend_from_slice(c);
    }

    fn init_start_tag(&mut self) {
        self.tag.clear();
        self.end = false;
        self.self_closing = false;
    }

    fn init_end_tag(&mut self) {
        self.tag.clear();
        self.end = true;
        self.self_closing = false;
    }

    fn init_comment(&mut self) {}

    fn emit_current_tag(&mut self) -> Option<State> {
        self.flush_chars();
        let name = std::mem::take(&mut self.tag);
        let raw = matches!(&name[..], b"script" | b"style");
        let next = if self.end {
            if raw {
                self.skip = self.skip.saturating_sub(1);
            } else if &name[..] == b"li" || is_block(&name) {
                self.text.end_block();
            }
            None
        } else {
            self.last_start.clone_from(&name);
            match &name[..] {
                b"script" | b"style" => self.skip += usize::from(!self.self_closing),
                b"br" => self.text.line_break(),
                b"hr" => self.text.rule(),
                b"li" => self.text.item(),
                tag if is_block(tag) => self.text.end_block(),
                _ => {}
            }
            naive_next_state(&name).filter(|_| !self.self_closing)
        };
        self.tag = name;
        next
    }

    fn emit_current_comment(&mut self) {}

    fn emit_current_doctype(&mut self) {}

    fn set_self_closing(&mut self) {
        self.self_closing = true;
    }

    fn set_force_quirks(&mut self) {}

    fn push_tag_name(&mut self, s: &[u8]) {
        self.tag.extend(s.iter().map(u8::to_ascii_lowercase));
    }

    fn push_comment(&mut self, _: &[u8]) {}

    fn push_doctype_name(&mut self, _: &[u8]) {}

    fn init_doctype(&mut self) {}

    fn init_attribute(&mut self) {}

    fn push_attribute_name(&mut self, _: &[u8]) {}

    fn push_attribute_value(&mut self, _: &[u8]) {}

    fn set_doctype_public_identifier(&mut self, _: &[u8]) {}

    fn set_doctype_system_identifier(&mut self, _: &[u8]) {}

    fn push_doctype_public_identifier(&mut self, _: &[u8]) {}

    fn push_doctype_system_identifier(&mut self, _: &[u8]) {}

    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.end && !self.last_start.is_empty() && self.tag == self.last_start
    }
}

/// The text being made, written as it comes.
#[derive(Default)]
struct Text {
    /// The text so far: blocks, each followed by a blank line (list items
    /// by a line break only).
    done: String,
    /// The line being read, its white space collapsed.
    line: String,
    /// `<br>`s in a row since the last text.
    breaks: usize,
    /// Whether the block being read is a list item.
    item: bool,
    /// Whether the block being read has written a line.
    open: bool,
    /// Whether the last block written was a list item.
    after_item: bool,
}

impl Text {
    fn text(&mut self, s: &str) {
        // Most text is words between single spaces: taken as it is.
        let b = s.as_bytes();
        if !b.is_empty()
            && self.breaks < 2
            && b[0] != b' '
            && b[b.len() - 1] != b' '
            && memchr::memchr3(b'\n', b'\t', b'\r', b).is_none()
            && memchr::memchr(b'\x0c', b).is_none()
            && TWO_SPACES.find(b).is_none()
        {
            self.breaks = 0;
            self.line.push_str(s);
            return;
        }
        // HTML's white space is ASCII's (space, tab, line feed, form feed,
        // carriage return); the no-break space is text.
        if s.starts_with(is_html_space) && !self.line.is_empty() && !self.line.ends_with(' ') {
            self.line.push(' ');
        }
        for (i, word) in s.split_ascii_whitespace().enumerate() {
            if self.breaks >= 2 {
                self.end_block();
            }
            self.breaks = 0;
            if i > 0 {
                self.line.push(' ');
            }
            self.line.push_str(word);
        }
        if s.ends_with(is_html_space) && !self.line.is_empty() && !self.line.ends_with(' ') {
            self.line.push(' ');
        }
    }

    fn line_break(&mut self) {
        self.breaks += 1;
        self.end_line();
    }

    fn rule(&mut self) {
        self.end_block();
        self.line.push_str("***");
        self.end_block();
    }

    fn item(&mut self) {
        self.end_block();
        self.item = true;
    }

    /// Writes the line read, if it has text.
    fn end_line(&mut self) {
        let line = self.line.trim_matches(|c: char| c == ' ' || c == '\u{a0}');
        if !line.is_empty() {
            if !self.open {
                // A blank line before a block (none between list items).
                let joined = self.item && self.after_item;
                if !self.done.is_empty() && !self.done.ends_with("\n\n") && !joined {
                    self.done.push('\n');
                }
                if self.item {
                    self.done.push_str("• ");
                }
                self.open = true;
            } else if self.item {
                // An item is one line.
                self.done.push(' ');
            }
            if line.contains('\u{a0}') {
                self.done.push_str(&line.replace('\u{a0}', " "));
            } else {
                self.done.push_str(line);
            }
            if !self.item {
                self.done.push('\n');
            }
        }
        self.line.clear();
    }

    /// Ends the block: a blank line after it (a line break after an item).
    fn end_block(&mut self) {
        self.end_line();
        self.breaks = 0;
        if self.open {
            self.done.push('\n');
            self.after_item = self.item;
        }
        self.open = false;
        self.item = false;
    }
}

/// Two spaces in a row, sought in every run of text (a searcher made once:
/// faster than `str::contains`'s, made anew at each call).
static TWO_SPACES: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("  "));

/// HTML's white space (not the no-break space, which is text).
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn paragraphs_breaks_lists_and_rules() {
        assert_eq!(
            to_text("<p>One &amp; two</p><P>Three<br>four</P>"),
            "One & two\n\nThree\nfour\n\n"
        );
        assert_eq!(to_text("<div>A<br /><br />B</div>"), "A\n\nB\n\n");
        assert_eq!(
            to_text("<p>Intro</p><ul><li>x</li><li>y\nz</li></ul><hr/><p>End</p>"),
            "Intro\n\n• x\n• y z\n\n***\n\nEnd\n\n"
        );
        assert_eq!(
            to_text("<script>if (a < b) { no() }</script>Yes<style>p{}</style>"),
            "Yes\n\n"
        );
        assert_eq!(to_text("caf&eacute;&nbsp;au lait"), "café au lait\n\n");
        assert_eq!(to_text(""), "");
    }
}
