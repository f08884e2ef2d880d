//! Offset conversion: byte offsets (used everywhere inside the core) to character (Unicode
//! scalar value) offsets and UTF-16 code-unit offsets (used at the JSON, Python and JS
//! boundaries).
//!
//! [`OffsetIndex`] is built once per text in linear time and answers each query in constant
//! time (a block table plus a scan of at most one block).

const BLOCK: usize = 64;

/// Converts byte offsets of one text into character and UTF-16 offsets.
///
/// ```
/// use baogao::offsets::OffsetIndex;
/// let text = "𠀀年增长5%";
/// let ix = OffsetIndex::new(text);
/// let b = text.find('增').unwrap();
/// assert_eq!(ix.char_offset(b), 2);   // 𠀀 is one character…
/// assert_eq!(ix.utf16_offset(b), 3);  // …but two UTF-16 code units.
/// ```
#[derive(Debug, Clone)]
pub struct OffsetIndex<'t> {
    text: &'t [u8],
    /// Characters before each block start.
    chars: Vec<usize>,
    /// UTF-16 code units before each block start.
    units: Vec<usize>,
}

impl<'t> OffsetIndex<'t> {
    /// Builds the index for `text`.
    ///
    /// ```
    /// let ix = baogao::offsets::OffsetIndex::new("abc");
    /// assert_eq!(ix.char_offset(3), 3);
    /// ```
    pub fn new(text: &'t str) -> OffsetIndex<'t> {
        let bytes = text.as_bytes();
        let n = bytes.len() / BLOCK + 1;
        let mut chars = Vec::with_capacity(n);
        let mut units = Vec::with_capacity(n);
        let (mut c, mut u) = (0usize, 0usize);
        for block in bytes.chunks(BLOCK) {
            chars.push(c);
            units.push(u);
            for &b in block {
                if b & 0xC0 != 0x80 {
                    c += 1;
                    u += if b >= 0xF0 { 2 } else { 1 };
                }
            }
        }
        chars.push(c);
        units.push(u);
        OffsetIndex {
            text: bytes,
            chars,
            units,
        }
    }

    fn count(&self, byte: usize) -> (usize, usize) {
        let byte = byte.min(self.text.len());
        let block = byte / BLOCK;
        let (mut c, mut u) = (self.chars[block], self.units[block]);
        for &b in &self.text[block * BLOCK..byte] {
            if b & 0xC0 != 0x80 {
                c += 1;
                u += if b >= 0xF0 { 2 } else { 1 };
            }
        }
        (c, u)
    }

    /// The character offset of byte offset `byte` (clamped to the text's length). A byte offset
    /// inside a character counts that character as started.
    ///
    /// ```
    /// let ix = baogao::offsets::OffsetIndex::new("党员704人");
    /// assert_eq!(ix.char_offset(6), 2);
    /// ```
    pub fn char_offset(&self, byte: usize) -> usize {
        self.count(byte).0
    }

    /// The UTF-16 code-unit offset of byte offset `byte` (clamped to the text's length).
    ///
    /// ```
    /// let ix = baogao::offsets::OffsetIndex::new("😀a");
    /// assert_eq!(ix.utf16_offset(4), 2);
    /// ```
    pub fn utf16_offset(&self, byte: usize) -> usize {
        self.count(byte).1
    }

    /// The number of characters in the text.
    ///
    /// ```
    /// assert_eq!(baogao::offsets::OffsetIndex::new("报告").char_len(), 2);
    /// ```
    pub fn char_len(&self) -> usize {
        self.chars.last().copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_naive_counting_outside_the_bmp() {
        let text = "a𠀀b报告😀\r\n一、x".repeat(20);
        let ix = OffsetIndex::new(&text);
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let prefix = &text[..b];
            assert_eq!(ix.char_offset(b), prefix.chars().count());
            assert_eq!(ix.utf16_offset(b), prefix.encode_utf16().count());
        }
    }

    #[test]
    fn empty_text() {
        let ix = OffsetIndex::new("");
        assert_eq!(ix.char_offset(0), 0);
        assert_eq!(ix.char_offset(10), 0);
        assert_eq!(ix.char_len(), 0);
    }
}
