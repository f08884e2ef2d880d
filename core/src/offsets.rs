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
            let (starts, astral) = block_counts(block);
            c += starts;
            u += starts + astral;
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

/// In a block of at most [`BLOCK`] bytes: how many characters start there (bytes that do not
/// continue a character) and how many of them take 4 bytes (lead byte 0xF0 or above: two UTF-16
/// units). Eight bytes at a time, each byte's flag kept in its own lane of a `u64`.
fn block_counts(block: &[u8]) -> (usize, usize) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let (mut cont, mut astral) = (0u64, 0u64);
    let mut words = block.chunks_exact(8);
    for w in &mut words {
        let mut a = [0u8; 8];
        a.copy_from_slice(w);
        let w = u64::from_le_bytes(a);
        // Bit 7 of each lane: set when the byte is 10xxxxxx, or when it is 1111xxxx. The
        // shifts carry bits across lanes, but only bit 7 of each lane is kept.
        cont += ((w & !(w << 1)) & HIGH) >> 7;
        astral += ((w & (w << 1) & (w << 2) & (w << 3)) & HIGH) >> 7;
    }
    // Each lane holds at most BLOCK / 8 = 8: the lanes sum without overflow.
    let lanes = |x: u64| (x.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
    let (mut starts, mut four) = (
        block.len() - words.remainder().len() - lanes(cont),
        lanes(astral),
    );
    for &b in words.remainder() {
        starts += usize::from(b & 0xC0 != 0x80);
        four += usize::from(b >= 0xF0);
    }
    (starts, four)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_counts_every_byte_pattern() {
        // Every byte value in every lane, next to every kind of neighbour.
        for b in 0..=255u8 {
            for n in [0x00u8, 0x41, 0x80, 0xBF, 0xC3, 0xE4, 0xF0, 0xFF] {
                for len in [1usize, 7, 8, 9, 63, 64] {
                    for at in 0..len {
                        let mut v = vec![n; len];
                        v[at] = b;
                        let want = (
                            v.iter().filter(|&&x| x & 0xC0 != 0x80).count(),
                            v.iter().filter(|&&x| x >= 0xF0).count(),
                        );
                        assert_eq!(
                            block_counts(&v),
                            want,
                            "{b:#x} at {at} of {len} among {n:#x}"
                        );
                    }
                }
            }
        }
    }

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
