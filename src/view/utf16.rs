//! Byte offsets into a text as offsets in UTF-16 code units, the unit of
//! a JavaScript string's indices.

/// The UTF-16 offset of each of a set of byte offsets into one text,
/// counted in one pass.
pub(super) struct Utf16 {
    bytes: Vec<usize>,
    units: Vec<usize>,
}

impl Utf16 {
    /// The UTF-16 offsets of `offsets` (byte offsets on character
    /// boundaries of `text`, in any order; those past its end count as its
    /// end).
    pub(super) fn new(text: &str, mut offsets: Vec<usize>) -> Self {
        offsets.sort_unstable();
        offsets.dedup();
        if text.is_ascii() {
            let units = offsets.iter().map(|&b| b.min(text.len())).collect();
            return Utf16 {
                bytes: offsets,
                units,
            };
        }
        let mut units = Vec::with_capacity(offsets.len());
        let (mut at, mut count) = (0, 0);
        for &b in &offsets {
            let b = b.min(text.len());
            count += text[at..b].encode_utf16().count();
            at = b;
            units.push(count);
        }
        Utf16 {
            bytes: offsets,
            units,
        }
    }

    /// The UTF-16 offset of a byte offset given to [`Utf16::new`].
    pub(super) fn at(&self, byte: usize) -> usize {
        match self.bytes.binary_search(&byte) {
            Ok(i) => self.units[i],
            Err(_) => unreachable!("offset {byte} was not given to Utf16::new"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Utf16;

    #[test]
    fn counts_code_units() {
        // 'é' is 2 bytes and 1 unit, '😀' 4 bytes and 2 units.
        let text = "aé😀b";
        let map = Utf16::new(text, vec![7, 0, 1, 3, 8, 100]);
        assert_eq!([0, 1, 3, 7, 8, 100].map(|b| map.at(b)), [0, 1, 2, 4, 5, 5]);
        let ascii = Utf16::new("abc", vec![2, 5]);
        assert_eq!((ascii.at(2), ascii.at(5)), (2, 3));
    }
}
