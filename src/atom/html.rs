//! An entry's HTML content as text in the form of a saved page's body, read
//! with html5gum's tokenizer: paragraphs from `<p>`, `<div>`, headings,
//! block quotes and runs of two or more `<br>`, separated by a blank line;
//! a single `<br>` a line break; list items as `•` lines; `<hr>` a `***`
//! separator. Character references are decoded by the tokenizer; white
//! space runs become one space; scripts and styles are dropped.
//! In: HTML. Out: text that the body rule of the grammar reads.

use html5gum::{Token, Tokenizer};

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
    let mut out = Text::default();
    let mut skip = 0usize;
    for token in Tokenizer::new(html).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.as_slice();
                if matches!(name, b"script" | b"style") {
                    skip += usize::from(!tag.self_closing);
                } else if name == b"br" {
                    out.line_break();
                } else if name == b"hr" {
                    out.end_block();
                    out.push_line("***");
                    out.end_block();
                } else if name == b"li" {
                    out.end_block();
                    out.item = true;
                } else if is_block(name) {
                    out.end_block();
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice();
                if matches!(name, b"script" | b"style") {
                    skip = skip.saturating_sub(1);
                } else if name == b"li" || is_block(name) {
                    out.end_block();
                }
            }
            Token::String(s) if skip == 0 => out.text(&String::from_utf8_lossy(&s)),
            _ => {}
        }
    }
    out.end_block();
    out.done
}

/// The text being made.
#[derive(Default)]
struct Text {
    /// Blocks done, each followed by a blank line.
    done: String,
    /// The lines of the block being read.
    lines: Vec<String>,
    /// The line being read.
    line: String,
    /// `<br>`s in a row since the last text.
    breaks: usize,
    /// Whether the block is a list item.
    item: bool,
}

impl Text {
    fn text(&mut self, s: &str) {
        for (i, word) in s.split(is_html_space).enumerate() {
            if i > 0 && !self.line.is_empty() && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            if !word.is_empty() {
                if self.breaks >= 2 {
                    self.end_block();
                }
                self.breaks = 0;
                self.line.push_str(word);
            }
        }
    }

    fn line_break(&mut self) {
        self.breaks += 1;
        self.end_line();
    }

    fn end_line(&mut self) {
        let line = self.line.trim().replace('\u{a0}', " ");
        let line = line.trim();
        if !line.is_empty() {
            self.lines.push(line.to_owned());
        }
        self.line.clear();
    }

    fn push_line(&mut self, line: &str) {
        self.lines.push(line.to_owned());
    }

    /// Ends the block: its lines, then a blank line.
    fn end_block(&mut self) {
        self.end_line();
        self.breaks = 0;
        if self.lines.is_empty() {
            self.item = false;
            return;
        }
        if self.item {
            self.done.push_str("• ");
            self.done.push_str(&self.lines.join(" "));
            self.done.push('\n');
            self.item = false;
        } else {
            // A blank line after a list's items too.
            if !self.done.is_empty() && !self.done.ends_with("\n\n") {
                self.done.push('\n');
            }
            for line in &self.lines {
                self.done.push_str(line);
                self.done.push('\n');
            }
            self.done.push('\n');
        }
        self.lines.clear();
    }
}

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
            to_text("<p>One &amp; two</p><p>Three<br>four</p>"),
            "One & two\n\nThree\nfour\n\n"
        );
        assert_eq!(to_text("<div>A<br /><br />B</div>"), "A\n\nB\n\n");
        assert_eq!(
            to_text("<p>Intro</p><ul><li>x</li><li>y</li></ul><hr/><p>End</p>"),
            "Intro\n\n• x\n• y\n\n***\n\nEnd\n\n"
        );
        assert_eq!(to_text("<script>no()</script>Yes"), "Yes\n\n");
    }
}
