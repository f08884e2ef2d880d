//! The outline's word lists, compiled in from `core/data/outline/`.

use std::sync::{LazyLock, OnceLock};

use aho_corasick::AhoCorasick;

/// An automaton finding every (overlapping) occurrence of `words`, built once.
fn automaton(words: &[&str]) -> Option<AhoCorasick> {
    AhoCorasick::new(words).ok()
}

/// Per byte: the length of the UTF-8 character it leads (1 for ASCII, 2, 3, 4; 1 for a
/// continuation byte, never met when stepping by characters), with [`PUNCT_LEAD`] set when the
/// character may be one [`punct_positions`] reports (its ASCII ones, or a lead byte 0xE2, 0xE3,
/// 0xEF).
const STEP: [u8; 256] = {
    let mut t = [1u8; 256];
    let mut b = 0xC0;
    while b < 256 {
        t[b] = if b < 0xE0 {
            2
        } else if b < 0xF0 {
            3
        } else {
            4
        };
        b += 1;
    }
    t[b'!' as usize] |= PUNCT_LEAD;
    t[b'?' as usize] |= PUNCT_LEAD;
    t[b';' as usize] |= PUNCT_LEAD;
    t[b':' as usize] |= PUNCT_LEAD;
    t[b',' as usize] |= PUNCT_LEAD;
    t[0xE2] |= PUNCT_LEAD;
    t[0xE3] |= PUNCT_LEAD;
    t[0xEF] |= PUNCT_LEAD;
    t
};
/// The flag in [`STEP`].
const PUNCT_LEAD: u8 = 0x80;

/// The places (byte start, end) of every sentence end, colon and comma (`。！？；：!?;:，,`)
/// and circled number (`①`…`⑳`) in `s`, in order: the places where a heading or an item may
/// start inside a line. A scan by characters, their lengths read from the lead byte (every
/// such character is ASCII or three bytes led by 0xE2, 0xE3 or 0xEF), several times faster
/// than an automaton that reports each of these frequent one-character matches through a
/// search call of its own, and than a byte-by-byte scan over CJK text.
pub(crate) fn punct_positions(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = s.as_bytes();
    let mut i = 0usize;
    std::iter::from_fn(move || {
        while let Some(&lead) = b.get(i) {
            let at = i;
            let step = STEP[usize::from(lead)];
            i += usize::from(step & 0x7F);
            if step & PUNCT_LEAD == 0 {
                continue;
            }
            let hit = match lead {
                b'!' | b'?' | b';' | b':' | b',' => true,
                // 。
                0xE3 => matches!(b.get(at + 1..at + 3), Some([0x80, 0x82])),
                // ！ ？ ； ： ，
                0xEF => matches!(
                    b.get(at + 1..at + 3),
                    Some([0xBC, 0x81 | 0x9F | 0x9B | 0x9A | 0x8C])
                ),
                // ① … ⑳
                _ => matches!(b.get(at + 1..at + 3), Some([0x91, 0xA0..=0xB3])),
            };
            if hit {
                return Some((at, i));
            }
        }
        None
    })
}

pub(crate) fn body_cue_automaton() -> Option<&'static AhoCorasick> {
    static A: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| automaton(body_cues()));
    A.as_ref()
}

/// All [`strong_body_cues`] at once.
pub(crate) fn strong_body_cue_automaton() -> Option<&'static AhoCorasick> {
    static A: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| automaton(strong_body_cues()));
    A.as_ref()
}

/// All [`heading_tails`] at once.
pub(crate) fn heading_tail_automaton() -> Option<&'static AhoCorasick> {
    static A: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| automaton(heading_tails()));
    A.as_ref()
}

/// Non-comment, non-blank lines of a data file.
fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Words that open body text after a run-on heading title.
pub(crate) fn body_cues() -> &'static [&'static str] {
    static V: OnceLock<Vec<&'static str>> = OnceLock::new();
    V.get_or_init(|| entries(include_str!("../../data/outline/body_cues.txt")).collect())
}

/// Words that open body text without a comma after them (for run-on titles of flattened text).
pub(crate) fn strong_body_cues() -> &'static [&'static str] {
    static V: OnceLock<Vec<&'static str>> = OnceLock::new();
    V.get_or_init(|| entries(include_str!("../../data/outline/body_cues_strong.txt")).collect())
}

/// Words that typically end a heading's title (`回顾`, `取向`, `任务`).
pub(crate) fn heading_tails() -> &'static [&'static str] {
    static V: OnceLock<Vec<&'static str>> = OnceLock::new();
    V.get_or_init(|| entries(include_str!("../../data/outline/heading_tails.txt")).collect())
}

/// Salutations and sign-offs.
pub(crate) fn salutations() -> &'static [&'static str] {
    static V: OnceLock<Vec<&'static str>> = OnceLock::new();
    V.get_or_init(|| entries(include_str!("../../data/outline/salutations.txt")).collect())
}

/// Lead-in phrases (`如下`, `以下`).
pub(crate) fn lead_ins() -> &'static [&'static str] {
    static V: OnceLock<Vec<&'static str>> = OnceLock::new();
    V.get_or_init(|| entries(include_str!("../../data/outline/lead_ins.txt")).collect())
}

/// Words that label an appendix (`附件`, `附录`).
pub(crate) fn appendix_labels() -> &'static [&'static str] {
    static V: OnceLock<Vec<&'static str>> = OnceLock::new();
    V.get_or_init(|| entries(include_str!("../../data/outline/appendix_labels.txt")).collect())
}

/// Sequence words with their ordinal (0 = closes a list).
pub(crate) fn sequence_words() -> &'static [(&'static str, u32)] {
    static V: OnceLock<Vec<(&'static str, u32)>> = OnceLock::new();
    V.get_or_init(|| {
        entries(include_str!("../../data/outline/sequence_words.txt"))
            .filter_map(|l| {
                let mut it = l.split_whitespace();
                let w = it.next()?;
                let n = it.next()?.parse().ok()?;
                Some((w, n))
            })
            .collect()
    })
}

/// The first character of each of [`sequence_words`], in the same order.
pub(crate) fn sequence_word_firsts() -> &'static [char] {
    static V: OnceLock<Vec<char>> = OnceLock::new();
    V.get_or_init(|| {
        sequence_words()
            .iter()
            .map(|(w, _)| w.chars().next().unwrap_or('\0'))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// The byte-by-byte scan [`super::punct_positions`] replaced, kept to compare with.
    fn punct_positions_bytewise(s: &str) -> Vec<(usize, usize)> {
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0usize;
        while let Some(&lead) = b.get(i) {
            let at = i;
            i += 1;
            let len = match lead {
                b'!' | b'?' | b';' | b':' | b',' => 1,
                0xE2 | 0xE3 | 0xEF => match b.get(at + 1..at + 3) {
                    Some([0x80, 0x82]) if lead == 0xE3 => 3,
                    Some([0xBC, 0x81 | 0x9F | 0x9B | 0x9A | 0x8C]) if lead == 0xEF => 3,
                    Some([0x91, 0xA0..=0xB3]) if lead == 0xE2 => 3,
                    _ => continue,
                },
                _ => continue,
            };
            i = at + len;
            out.push((at, at + len));
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn punct_positions_match_the_bytewise_scan(
            s in "[一二是、。！？；：，,!?;:a1 \u{2460}-\u{2475}\u{2190}-\u{2193}\u{3000}-\u{3003}\u{FF01}-\u{FF1F}\u{E000}\u{10000}\u{80}-\u{90}]{0,40}"
        ) {
            prop_assert_eq!(super::punct_positions(&s).collect::<Vec<_>>(), punct_positions_bytewise(&s));
        }

        #[test]
        fn punct_positions_match_the_bytewise_scan_on_any_text(s in any::<String>()) {
            prop_assert_eq!(super::punct_positions(&s).collect::<Vec<_>>(), punct_positions_bytewise(&s));
        }
    }

    #[test]
    fn punct_positions_match_the_bytewise_scan_on_every_character() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = format!("a{c}，{c}{c}。");
            assert_eq!(
                super::punct_positions(&s).collect::<Vec<_>>(),
                punct_positions_bytewise(&s),
                "{c:?}"
            );
        }
    }

    #[test]
    fn punct_positions_match_an_automaton() {
        let mut p: Vec<String> = "。！？；：!?;:，,".chars().map(String::from).collect();
        p.extend(('\u{2460}'..='\u{2473}').map(String::from));
        let ac = aho_corasick::AhoCorasick::new(p).unwrap();
        for s in [
            "一、概况。二是，三是；四！五？",
            "a:b,c;d!e?f\u{2460}g\u{2473}h\u{2474}\u{3001}\u{FF0D}",
            "",
            "。",
            "\u{FF1A}\u{FF0C}\u{FF1B}\u{FF01}\u{FF1F}\u{E2}\u{3003}",
        ] {
            let want: Vec<(usize, usize)> = ac.find_iter(s).map(|m| (m.start(), m.end())).collect();
            assert_eq!(super::punct_positions(s).collect::<Vec<_>>(), want, "{s}");
        }
    }

    #[test]
    fn lists_load() {
        assert!(super::body_cues().contains(&"一年来"));
        assert!(super::strong_body_cues().contains(&"过去一年"));
        assert!(super::heading_tails().contains(&"回顾"));
        assert!(super::salutations().contains(&"各位代表"));
        assert!(super::lead_ins().contains(&"如下"));
        assert!(super::sequence_words().contains(&("其次", 2)));
        assert!(super::appendix_labels().contains(&"附件"));
    }
}
