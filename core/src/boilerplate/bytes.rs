//! Which byte values a line holds, found by one pass over its bytes: the checks that need a
//! character the line lacks (a colon, a credit word) or accept only certain characters (chrome
//! tokens, a bare date-time) are settled by a few word operations instead of a scan each.
//!
//! A character occurs in a line only when every byte of its UTF-8 encoding does, so the set
//! answers "cannot hold" exactly and "may hold" conservatively.

/// A set of byte values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct ByteSet([u64; 4]);

impl ByteSet {
    /// The bytes of `s`.
    pub(crate) fn of(s: &str) -> ByteSet {
        ByteSet::of_bytes(s.as_bytes())
    }

    /// The given bytes.
    pub(crate) fn of_bytes(bytes: &[u8]) -> ByteSet {
        let mut set = ByteSet::default();
        for &b in bytes {
            set.insert(b);
        }
        set
    }

    /// The bytes of every character `chars` gives.
    pub(crate) fn of_chars(chars: impl IntoIterator<Item = char>) -> ByteSet {
        let mut set = ByteSet::default();
        let mut buf = [0u8; 4];
        for c in chars {
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                set.insert(b);
            }
        }
        set
    }

    fn insert(&mut self, b: u8) {
        // `b >> 6` is below 4: the index is never out of bounds.
        self.0[usize::from(b >> 6) & 3] |= 1u64 << (b & 63);
    }

    /// Whether `b` is in the set.
    pub(crate) fn contains(&self, b: u8) -> bool {
        self.0
            .get(usize::from(b >> 6))
            .is_some_and(|w| w & (1u64 << (b & 63)) != 0)
    }

    /// Whether every byte of `self` is in `other`.
    pub(crate) fn within(&self, other: &ByteSet) -> bool {
        self.0.iter().zip(other.0.iter()).all(|(a, b)| a & !b == 0)
    }

    /// Whether the two sets share a byte.
    pub(crate) fn meets(&self, other: &ByteSet) -> bool {
        self.0.iter().zip(other.0.iter()).any(|(a, b)| a & b != 0)
    }

    /// The union of the two sets.
    pub(crate) fn union(self, other: ByteSet) -> ByteSet {
        let mut out = self;
        for (a, b) in out.0.iter_mut().zip(other.0.iter()) {
            *a |= b;
        }
        out
    }
}

/// The characters below U+3040 and in U+FE00..=U+FFFF: every blank ([`crate::text::is_blank`])
/// and every ASCII, general or CJK punctuation mark is among them (sets of separators are built
/// from these; tests check every scalar value).
pub(crate) fn punctuation_range() -> impl Iterator<Item = char> {
    (0..0x3040u32)
        .chain(0xFE00..=0xFFFF)
        .filter_map(char::from_u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn of_is_the_bytes(s in "\\PC{0,20}", b in any::<u8>()) {
            let set = ByteSet::of(&s);
            prop_assert_eq!(set.contains(b), s.as_bytes().contains(&b));
            prop_assert!(set.within(&ByteSet::of_chars(s.chars())));
            prop_assert!(ByteSet::of_chars(s.chars()).within(&set));
        }

        #[test]
        fn within_is_subset(a in "\\PC{0,8}", b in "\\PC{0,8}") {
            let (x, y) = (ByteSet::of(&a), ByteSet::of(&b));
            let want = a.bytes().all(|c| b.as_bytes().contains(&c));
            prop_assert_eq!(x.within(&y), want);
            prop_assert!(x.within(&x.union(y)) && y.within(&x.union(y)));
            let meets = a.bytes().any(|c| b.as_bytes().contains(&c));
            prop_assert_eq!(x.meets(&y), meets);
        }
    }
}
