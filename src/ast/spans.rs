//! One walk over every span of a tree ([`Spans::each_span`]), and what is
//! done with it: moving a tree built from a piece of an input to where that
//! piece stands in the whole input ([`Spans::relocate`]: every span shifts
//! by the piece's byte offset and by the lines before it; pieces start at
//! line starts, so columns stay), or pointing every span of a tree built
//! from a made text at one place of the real input ([`Spans::place_all`]).
//! Each type of the tree gets its walk from `#[derive(Tree)]`
//! (`blog-export-derive`), every field in order; the containers are here,
//! the leaves in `leaves.rs`.

use crate::span::Span;

/// A value that holds spans.
pub(crate) trait Spans {
    /// Calls `f` on every span the value holds.
    fn each_span(&mut self, f: &mut dyn FnMut(&mut Span));

    /// Adds `bytes` to every offset and `lines` to every line number.
    fn relocate(&mut self, bytes: usize, lines: u32) {
        self.each_span(&mut |span| {
            span.start += bytes;
            span.end += bytes;
            span.line += lines;
        });
    }

    /// Makes every span `place`.
    #[cfg_attr(not(feature = "atom"), allow(dead_code))]
    fn place_all(&mut self, place: Span) {
        self.each_span(&mut |span| *span = place);
    }
}

impl Spans for Span {
    fn each_span(&mut self, f: &mut dyn FnMut(&mut Span)) {
        f(self);
    }
}

impl<T: Spans> Spans for Option<T> {
    fn each_span(&mut self, f: &mut dyn FnMut(&mut Span)) {
        if let Some(t) = self {
            t.each_span(f);
        }
    }
}

impl<T: Spans> Spans for Vec<T> {
    fn each_span(&mut self, f: &mut dyn FnMut(&mut Span)) {
        for t in self {
            t.each_span(f);
        }
    }
}

impl<T: Spans> Spans for Box<T> {
    fn each_span(&mut self, f: &mut dyn FnMut(&mut Span)) {
        (**self).each_span(f);
    }
}

/// Text holds no span.
impl Spans for std::borrow::Cow<'_, str> {
    fn each_span(&mut self, _: &mut dyn FnMut(&mut Span)) {}
}

#[cfg(test)]
mod tests {
    use super::Spans;

    /// Every span object of a JSON value (`start`, `end`, `line`,
    /// `column`), in order.
    fn spans(v: &serde_json::Value, out: &mut Vec<(u64, u64)>) {
        match v {
            serde_json::Value::Object(map) => {
                if let (Some(start), Some(line)) = (map.get("start"), map.get("line")) {
                    if map.contains_key("column") {
                        out.push((start.as_u64().unwrap(), line.as_u64().unwrap()));
                    }
                }
                map.values().for_each(|v| spans(v, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| spans(v, out)),
            _ => {}
        }
    }

    /// The walk reaches every span the tree holds: after moving a whole
    /// export, every span in its JSON has moved (a field the walk forgot
    /// would stay put).
    #[test]
    fn the_walk_reaches_every_span() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut inputs: Vec<_> = std::fs::read_dir(root.join("seeds"))
            .unwrap()
            .chain(std::fs::read_dir(root.join("tests/fixtures")).unwrap())
            .map(|e| e.unwrap().path())
            .collect();
        inputs.sort();
        let mut seen = 0;
        for path in inputs {
            let text = std::fs::read_to_string(&path).unwrap();
            let Ok(export) = crate::parse(&text) else {
                continue;
            };
            let mut before = Vec::new();
            spans(&serde_json::to_value(&export).unwrap(), &mut before);
            let mut moved = export.clone();
            moved.relocate(1000, 10);
            let mut after = Vec::new();
            spans(&serde_json::to_value(&moved).unwrap(), &mut after);
            assert_eq!(before.len(), after.len());
            for ((s0, l0), (s1, l1)) in before.iter().zip(&after) {
                assert_eq!((s0 + 1000, l0 + 10), (*s1, *l1), "{}", path.display());
            }
            seen += before.len();
        }
        assert!(seen > 1000, "{seen}");
    }
}
