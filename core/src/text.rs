//! Small text utilities shared by the stages: lines with their byte spans, blank detection that
//! knows full-width and other Unicode spaces, and trimming that returns spans.

use crate::Span;

/// Whether `c` is blank in a report: ASCII and Unicode whitespace, the ideographic space
/// U+3000, en/em spaces, NBSP and the BOM U+FEFF.
///
/// ```
/// assert!(baogao::text::is_blank('\u{3000}') && baogao::text::is_blank('\u{FEFF}'));
/// assert!(!baogao::text::is_blank('一'));
/// ```
pub fn is_blank(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        // ASCII: what `char::is_whitespace` accepts (including the vertical tab).
        return matches!(c, ' ' | '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r');
    }
    // Above the ideographic space only the BOM is blank: CJK text takes no table lookup.
    if u > 0x3000 {
        return c == '\u{FEFF}';
    }
    c.is_whitespace() || c == '\u{200B}' || c == '\u{00A0}'
}

/// [`char::is_alphabetic`], answered without Unicode's tables for the characters that make up
/// most of a report: ASCII, the CJK ideographs U+4E00..U+9FFF (all alphabetic), and the
/// punctuation of CJK text (U+2000..U+206F, the marks U+3000..U+3004 and U+3008..U+3020, the
/// full-width forms U+FF00..U+FF20: none alphabetic). A test compares it with the general one
/// on every character.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0x4E00..=0x9FFF => true,
        0x2000..=0x206F | 0x3000..=0x3004 | 0x3008..=0x3020 | 0xFF00..=0xFF20 => false,
        _ => c.is_alphabetic(),
    }
}

/// The number of characters of `s` that are not blank ([`is_blank`]), counted without decoding
/// every character: the characters are counted by the standard library's word-at-a-time count,
/// the blanks with `memchr` searches, decoding only where a non-ASCII blank may start.
///
/// ```
/// assert_eq!(baogao::text::count_nonblank("一、 概况\u{3000}“好” \u{FEFF}"), 7);
/// ```
pub fn count_nonblank(s: &str) -> usize {
    let b = s.as_bytes();
    let chars = s.chars().count();
    // Blanks are rare in report text: searches that stop at each one beat a loop over bytes.
    // The common ones are counted one byte value at a time (a vector count, no stop per hit).
    let ascii_blank = memchr::memchr_iter(b'\n', b).count()
        + memchr::memchr_iter(b'\r', b).count()
        + memchr::memchr_iter(b' ', b).count()
        + memchr::memchr3_iter(b'\t', 0x0B, 0x0C, b).count();
    // Non-ASCII blanks start with 0xC2 (U+0085, U+00A0), 0xE1 (U+1680), 0xE2 (U+2000..U+205F),
    // 0xE3 (U+3000) or 0xEF (U+FEFF); the last two also lead most CJK punctuation, so those
    // two blanks are found as whole sequences.
    let decode_at = |i: usize| s.get(i..).and_then(|r| r.chars().next());
    let mut other_blank = memchr::memchr3_iter(0xC2, 0xE1, 0xE2, b)
        .filter(|&i| decode_at(i).is_some_and(is_blank))
        .count();
    for finder in wide_blank_finders() {
        other_blank += finder.find_iter(b).count();
    }
    chars - ascii_blank - other_blank
}

/// The searchers for the ideographic space U+3000 and the BOM U+FEFF, built once (not per
/// call of [`count_nonblank`], which is called per span).
fn wide_blank_finders() -> &'static [memchr::memmem::Finder<'static>; 2] {
    static FINDERS: std::sync::OnceLock<[memchr::memmem::Finder<'static>; 2]> =
        std::sync::OnceLock::new();
    FINDERS.get_or_init(|| {
        ["\u{3000}", "\u{FEFF}"].map(|seq| memchr::memmem::Finder::new(seq.as_bytes()))
    })
}

/// The lines of `text` as byte spans, without their line terminator (`\n`, `\r\n` or a lone
/// `\r`). A final line without terminator is included; an empty text has no lines.
///
/// ```
/// let text = "一、概况\r\n正文\n";
/// let lines: Vec<_> = baogao::text::lines(text).map(|s| s.slice(text)).collect();
/// assert_eq!(lines, ["一、概况", "正文"]);
/// ```
pub fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let rel = memchr::memchr2(b'\n', b'\r', &bytes[start..]);
        match rel {
            None => {
                pos = bytes.len();
                Some(Span::new(start, bytes.len()))
            }
            Some(r) => {
                let end = start + r;
                pos = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                    end + 2
                } else {
                    end + 1
                };
                Some(Span::new(start, end))
            }
        }
    })
}

/// `span` with blanks (see [`is_blank`]) removed from both ends.
///
/// ```
/// use baogao::{Span, text::trim};
/// let text = "\u{3000}\u{3000}一、概况 ";
/// assert_eq!(trim(text, Span::new(0, text.len())).slice(text), "一、概况");
/// ```
pub fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    // Most lines neither start nor end with a blank: their first and last bytes tell (no
    // character is decoded).
    if let (Some(&first), Some(&last)) = (s.as_bytes().first(), s.as_bytes().last()) {
        if !BLANK_FIRST_BYTE[usize::from(first)] && !BLANK_LAST_BYTE[usize::from(last)] {
            return span;
        }
    }
    let lead = s.len() - s.trim_start_matches(is_blank).len();
    let trail = s.trim_end_matches(is_blank).len();
    if trail <= lead {
        return Span::new(span.start + lead, span.start + lead);
    }
    Span::new(span.start + lead, span.start + trail)
}

/// The first bytes of the blanks ([`is_blank`]): ASCII whitespace and the lead bytes of the
/// others (U+0085 and U+00A0, U+1680, U+2000..U+205F, U+3000, U+FEFF).
const BLANK_FIRST_BYTE: [bool; 256] = byte_table(&[
    b' ', b'\t', b'\n', 0x0B, 0x0C, b'\r', 0xC2, 0xE1, 0xE2, 0xE3, 0xEF,
]);

/// The last bytes of the blanks ([`is_blank`]).
const BLANK_LAST_BYTE: [bool; 256] = byte_table(&[
    b' ', b'\t', b'\n', 0x0B, 0x0C, b'\r', 0x85, 0xA0, 0x80, 0x81, 0x82, 0x83, 0x84, 0x86, 0x87,
    0x88, 0x89, 0x8A, 0x8B, 0xA8, 0xA9, 0xAF, 0x9F, 0xBF,
]);

/// `bytes` as a table.
const fn byte_table(bytes: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut k = 0;
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
}

/// Whether a line holds nothing but blanks.
///
/// ```
/// assert!(baogao::text::is_blank_line(" \u{3000}"));
/// ```
pub fn is_blank_line(line: &str) -> bool {
    line.chars().all(is_blank)
}

/// Whether `byte` falls inside any of the sorted, non-overlapping `spans` (binary search).
///
/// ```
/// use baogao::{Span, text::in_spans};
/// let spans = [Span::new(0, 4), Span::new(10, 12)];
/// assert!(in_spans(&spans, 11) && !in_spans(&spans, 5));
/// ```
pub fn in_spans(spans: &[Span], byte: usize) -> bool {
    let i = spans.partition_point(|s| s.start <= byte);
    i > 0 && spans[i - 1].contains(byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count_by_chars(s: &str) -> usize {
        s.chars().filter(|c| !is_blank(*c)).count()
    }

    #[test]
    fn is_alphabetic_agrees_with_the_standard_library_on_every_character() {
        for u in 0..=0x10FFFFu32 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            }
        }
    }

    #[test]
    fn count_nonblank_every_char() {
        // Every scalar value alone and between CJK text, blank or not.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = format!("文{c}字{c}");
            assert_eq!(count_nonblank(&s), count_by_chars(&s), "U+{:04X}", c as u32);
        }
    }

    proptest::proptest! {
        #[test]
        fn count_nonblank_as_by_chars(
            s in proptest::string::string_regex(
                "[ \t\r\n\u{0B}\u{0C}\u{85}\u{A0}\u{1680}\u{2000}-\u{200B}\u{2028}\u{202F}\u{205F}\u{3000}\u{3001}\u{FEFF}\u{FF0C}“”·a1一𠀀]{0,40}"
            ).expect("regex")
        ) {
            proptest::prop_assert_eq!(count_nonblank(&s), count_by_chars(&s));
        }
    }

    #[test]
    fn lone_cr_and_blank_lines() {
        let text = "a\r\rb\n\nc";
        let v: Vec<_> = lines(text).map(|s| s.slice(text)).collect();
        assert_eq!(v, ["a", "", "b", "", "c"]);
    }

    #[test]
    fn is_blank_fast_paths_keep_the_definition() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let want = c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}' || c == '\u{00A0}';
            assert_eq!(is_blank(c), want, "{c:?}");
        }
    }

    #[test]
    fn blank_edge_bytes_cover_every_blank() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| is_blank(*c))
        {
            let b = c.encode_utf8(&mut buf).as_bytes();
            assert!(BLANK_FIRST_BYTE[usize::from(b[0])], "{c:?}");
            assert!(BLANK_LAST_BYTE[usize::from(b[b.len() - 1])], "{c:?}");
        }
    }

    /// `trim` as it was before its fast path.
    fn trim_by_chars(text: &str, span: Span) -> Span {
        let s = span.slice(text);
        let lead = s.len() - s.trim_start_matches(is_blank).len();
        let trail = s.trim_end_matches(is_blank).len();
        if trail <= lead {
            return Span::new(span.start + lead, span.start + lead);
        }
        Span::new(span.start + lead, span.start + trail)
    }

    proptest::proptest! {
        #[test]
        fn trim_keeps_the_definition(
            s in proptest::string::string_regex(
                "[ \t\r\n\u{0B}\u{0C}\u{85}\u{A0}\u{1680}\u{2000}-\u{200B}\u{2028}\u{202F}\u{205F}\u{3000}\u{3001}\u{3002}\u{FEFF}\u{FF0C}“”·a1一项𠀀]{0,12}"
            ).expect("regex"),
            any in "\\PC{0,12}",
        ) {
            for t in [s.as_str(), any.as_str()] {
                let span = Span::new(0, t.len());
                proptest::prop_assert_eq!(trim(t, span), trim_by_chars(t, span));
            }
        }
    }

    #[test]
    fn trim_all_blank() {
        let text = " \u{3000} ";
        assert!(trim(text, Span::new(0, text.len())).is_empty());
    }
}
