//! Template placeholders left in a report (`20_年`, `xx社区`, `***万元`, `某某`). ANNOTATION.md §6.
//!
//! A placeholder is a **mask** — a run of `_`, `*`, `x`/`X`, `×`, `某某`, `□`/`○` (full-width
//! forms too) — with the digits or numerals it is glued to (`20_年`, `“十__五”`) and the word it
//! stands before (`社区`, `多万元`, `大精神`; lists in `core/data/placeholder/words.txt`). A
//! masked date or amount is a placeholder only. Not masks: latin words and codes that merely
//! contain an x (`Excel`, `x86`, `1+N+X`), identifiers (`cnpack_test`, `PM_2.5`), markdown
//! emphasis (`**重点**`), multiplication (`3×4`), rules made of `_`/`*`, `X光`. One pass over
//! the text: linear time.

use std::sync::OnceLock;

use crate::boilerplate::lexicon::section;
use crate::text::is_blank;
use crate::{Placeholder, Span};

const WORDS: &str = include_str!("../data/placeholder/words.txt");

/// A mask run longer than this (characters) is a rule or a blank to fill, not a placeholder
/// of an x family; underscores and asterisks may be longer (fill-in blanks).
const X_MAX: usize = 6;
/// Masks of `_` or `*` longer than this are rules or blanks, not placeholders.
const FILL_MAX: usize = 24;
/// How many characters after a name mask the end of an organisation name is looked for.
const SUFFIX_LOOKAHEAD: usize = 6;
/// Digits glued before a mask (`20_年`, `120xx`) at most.
const DIGITS_MAX: usize = 6;
/// Markdown emphasis closes within this many bytes of its opening `**`.
const EMPHASIS_MAX: usize = 240;

struct Words {
    unit: Vec<&'static str>,
    /// Units and nouns together, longest first.
    any: Vec<&'static str>,
    suffix: Vec<&'static str>,
    stop: Vec<&'static str>,
}

fn longest_first(mut v: Vec<&'static str>) -> Vec<&'static str> {
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.dedup();
    v
}

fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        let unit = section(WORDS, "unit");
        let mut any = unit.clone();
        any.extend(section(WORDS, "noun"));
        Words {
            unit: longest_first(unit),
            any: longest_first(any),
            suffix: longest_first(section(WORDS, "suffix")),
            stop: longest_first(section(WORDS, "stop")),
        }
    })
}

/// A cheap filter for [`mask_starts`]: one bit per group of mask characters, set in
/// `MASK_B0[first byte] & MASK_B1[second] & MASK_B2[third]` whenever a character of the group
/// may start there (bit 0: the ASCII masks, any bytes after; 1: `×`; 2: `╳□○◯`; 3: `某`;
/// 4: `＿＊Ｘｘ`).
const MASK_B0: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b'_' as usize] = 1;
    t[b'*' as usize] = 1;
    t[b'x' as usize] = 1;
    t[b'X' as usize] = 1;
    t[0xC3] = 2;
    t[0xE2] = 4;
    t[0xE6] = 8;
    t[0xEF] = 16;
    t
};
const MASK_B1: [u8; 256] = {
    let mut t = [1u8 | 2 | 4 | 8 | 16; 256];
    let mut b = 0;
    while b < 256 {
        let mut bits = 1u8;
        if b == 0x97 {
            bits |= 2;
        }
        if b == 0x95 || b == 0x96 || b == 0x97 {
            bits |= 4;
        }
        if b == 0x9F {
            bits |= 8;
        }
        if b == 0xBC || b == 0xBD {
            bits |= 16;
        }
        t[b] = bits;
        b += 1;
    }
    t
};
const MASK_B2: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        // `×` is two bytes: any third byte.
        let mut bits = 1u8 | 2;
        if b == 0xB3 || b == 0xA1 || b == 0x8B || b == 0xAF {
            bits |= 4;
        }
        if b == 0x90 {
            bits |= 8;
        }
        if b == 0xBF || b == 0x8A || b == 0xB8 || b == 0x98 {
            bits |= 16;
        }
        t[b] = bits;
        b += 1;
    }
    t
};

/// Whether a mask character (one [`family`] knows) starts at byte `j` of `b`: its UTF-8
/// bytes, compared without decoding (the lead bytes are never continuation bytes, so a hit is
/// a character boundary).
fn mask_starts(b: &[u8], j: usize) -> bool {
    match b.get(j) {
        Some(b'_' | b'*' | b'x' | b'X') => true,
        // ×
        Some(0xC3) => b.get(j + 1) == Some(&0x97),
        // ╳ □ ○ ◯
        Some(0xE2) => matches!(
            b.get(j + 1..j + 3),
            Some([0x95, 0xB3] | [0x96, 0xA1] | [0x97, 0x8B | 0xAF])
        ),
        // 某
        Some(0xE6) => matches!(b.get(j + 1..j + 3), Some([0x9F, 0x90])),
        // ＿ ＊ Ｘ ｘ
        Some(0xEF) => matches!(
            b.get(j + 1..j + 3),
            Some([0xBC, 0xBF | 0x8A | 0xB8] | [0xBD, 0x98])
        ),
        _ => false,
    }
}

/// Positions looked at together by [`next_mask`].
const BLOCK: usize = 16;

/// Whether a mask character may start at byte `j` of `b` ([`mask_starts`] is true only where
/// this is).
fn mask_may_start(b: &[u8], j: usize) -> bool {
    let b0 = b.get(j).copied().unwrap_or(0);
    let b1 = b.get(j + 1).copied().unwrap_or(0);
    let b2 = b.get(j + 2).copied().unwrap_or(0);
    MASK_B0[usize::from(b0)] & MASK_B1[usize::from(b1)] & MASK_B2[usize::from(b2)] != 0
}

/// The first byte at or after `from` where a mask character starts ([`mask_starts`]), or
/// `b.len()`. Whole blocks of [`BLOCK`] positions are passed over when the filter tables rule
/// out every one of them (the usual case): their lookups are independent of each other, with
/// no bounds checks and one branch per block, where a byte-by-byte loop paid a branch and
/// bounds checks per byte, and stepping by decoded character lengths chained every iteration
/// to the previous load. A block the filter lets through is looked at byte by byte.
fn next_mask(b: &[u8], from: usize) -> usize {
    let mut i = from;
    loop {
        while let Some(w) = b.get(i..i + BLOCK + 2) {
            let Ok(w) = <&[u8; BLOCK + 2]>::try_from(w) else {
                break;
            };
            let mut acc = 0u8;
            for j in 0..BLOCK {
                acc |= MASK_B0[usize::from(w[j])]
                    & MASK_B1[usize::from(w[j + 1])]
                    & MASK_B2[usize::from(w[j + 2])];
            }
            if acc != 0 {
                break;
            }
            i += BLOCK;
        }
        // One block (or the text's tail) byte by byte.
        let stop = (i + BLOCK).min(b.len());
        while i < stop {
            if mask_may_start(b, i) && mask_starts(b, i) {
                return i;
            }
            i += 1;
        }
        if i >= b.len() {
            return b.len();
        }
    }
}

/// The kinds of mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// `_` `＿`
    Underscore,
    /// `*` `＊`
    Star,
    /// `x` `X` `ｘ` `Ｘ`
    X,
    /// `×` `╳`
    Times,
    /// `某`
    Mou,
    /// `□` `○` `〇`-like shapes: `□` `○` `◯`
    Shape,
}

fn family(c: char) -> Option<Family> {
    Some(match c {
        '_' | '＿' => Family::Underscore,
        '*' | '＊' => Family::Star,
        'x' | 'X' | 'ｘ' | 'Ｘ' => Family::X,
        '×' | '╳' => Family::Times,
        '某' => Family::Mou,
        '□' | '○' | '◯' => Family::Shape,
        _ => return None,
    })
}

fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x2EBEF | 0x30000..=0x3134F)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c)
}

fn is_cjk_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百'
    )
}

/// Whether a line holds nothing but rule characters (`____`, `* * *`, `====`, `--`).
fn is_rule(line: &str) -> bool {
    line.chars().all(|c| {
        is_blank(c)
            || matches!(
                c,
                '_' | '＿' | '*' | '＊' | '=' | '-' | '—' | '~' | '#' | '·' | '×'
            )
    })
}

/// The line of `text` around byte `at`: (start, end) without the terminator.
fn line_bounds(text: &str, at: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let start = memchr::memrchr2(b'\n', b'\r', &b[..at]).map_or(0, |i| i + 1);
    let end = memchr::memchr2(b'\n', b'\r', &b[at..]).map_or(b.len(), |i| at + i);
    (start, end)
}

/// A placeholder candidate: its span and the word it ends with.
#[derive(Debug, Clone, Copy)]
struct Cand {
    span: Span,
    word: &'static str,
}

/// Finds placeholders outside the `boilerplate` spans, in document order: sorted,
/// non-overlapping spans on character boundaries, each covering the mask, the digits it is
/// glued to and the word it stands before.
///
/// ```
/// let text = "20_年，xx社区投入***万元，完成了X月X日的检查。Excel表格已更新。";
/// let found: Vec<&str> = baogao::placeholder::find(text, &[])
///     .iter()
///     .map(|p| p.span.slice(text))
///     .collect();
/// assert_eq!(found, ["20_年", "xx社区", "***万元", "X月X日"]);
/// ```
pub fn find(text: &str, boilerplate: &[Span]) -> Vec<Placeholder> {
    let w = words();
    let mut cands: Vec<Cand> = Vec::new();
    // Where the current line starts and whether it is a rule, computed once per line.
    let mut line: (usize, usize, bool) = (0, 0, false);
    let mut line_known = false;
    // Markdown emphasis closers already seen (byte offset of a closing `**`).
    let mut skip_until = 0usize;
    let mut i = 0usize;
    let bytes = text.as_bytes();
    loop {
        // Skip to the next mask character (the cached line is recomputed once `i` passes its
        // end).
        i = next_mask(bytes, i);
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let Some(fam) = family(c) else {
            i += c.len_utf8();
            continue;
        };
        // The run of this family.
        let run_end = run_end(text, i, fam);
        let run_chars = text[i..run_end].chars().count();
        if i < skip_until {
            i = run_end;
            continue;
        }
        if !line_known || i >= line.1 {
            let (s, e) = line_bounds(text, i);
            line = (s, e, is_rule(&text[s..e]));
            line_known = true;
        }
        let prev = text[..i].chars().next_back();
        let next = text[run_end..].chars().next();
        let start_floor = cands.last().map_or(0, |c| c.span.end);
        let cand = match fam {
            Family::Underscore | Family::Star => {
                if line.2
                    || run_chars > FILL_MAX
                    || fam == Family::Star && run_chars < 2
                    || prev.is_some_and(is_latin)
                    || next.is_some_and(|n| is_latin(n) || n.is_ascii_digit())
                {
                    None
                } else if fam == Family::Star && run_chars == 2 {
                    match emphasis_close(text, run_end, line.1) {
                        Some(close) => {
                            skip_until = close;
                            None
                        }
                        None => masked(text, i, run_end, true, start_floor, w),
                    }
                } else {
                    masked(text, i, run_end, true, start_floor, w)
                }
            }
            Family::X => {
                let glued_digits = prev.is_some_and(is_digit);
                // Before a mask: not a letter or an operator (`+X`, `1.2x`).
                let prev_ok =
                    !prev.is_some_and(|p| is_latin(p) || matches!(p, '.' | '+' | '-' | '/'));
                // After it: Han; or, for xx / XXX after digits, Han, full-width punctuation or a
                // line start, anything but a letter or a digit (我叫xx，/ 联系人：XXX /
                // 20xx-20xx学年).
                let bare_ok = run_chars >= 2
                    && prev.map_or(true, |p| {
                        glued_digits || !p.is_ascii() || p == '\n' || p == '\r'
                    })
                    && !next.is_some_and(|n| is_latin(n) || is_digit(n));
                if run_chars > X_MAX
                    || !prev_ok
                    || !(next.is_some_and(is_han) || bare_ok)
                    || stop_word(text, run_end, w)
                {
                    None
                } else {
                    let cand = masked(text, i, run_end, !glued_digits, start_floor, w);
                    // A lone x needs a word after it (X月, x年) or digits before it (100x名).
                    cand.filter(|c| run_chars >= 2 || glued_digits || !c.word.is_empty())
                        .filter(|c| !digits_before_latin(text, c.span.start))
                }
            }
            Family::Times => {
                if line.2 || prev.is_some_and(|p| is_digit(p) || is_latin(p)) {
                    None
                } else {
                    let cand = masked(text, i, run_end, true, start_floor, w);
                    cand.filter(|c| run_chars >= 2 || !c.word.is_empty())
                }
            }
            Family::Mou => {
                if run_chars < 2 {
                    None
                } else {
                    masked(text, i, run_end, true, start_floor, w)
                }
            }
            Family::Shape => {
                let numeral = |c: char| is_cjk_numeral(c) || is_digit(c);
                if run_chars < 2 || line.2 || prev.is_some_and(numeral) || next.is_some_and(numeral)
                {
                    None
                } else {
                    masked(text, i, run_end, true, start_floor, w)
                }
            }
        };
        match cand {
            Some(c) => {
                i = c.span.end.max(run_end);
                if !overlaps_any(boilerplate, c.span) {
                    cands.push(c);
                }
            }
            None => i = run_end,
        }
    }
    chain_dates(cands)
        .into_iter()
        .map(|c| Placeholder { span: c.span })
        .collect()
}

/// Whether `span` overlaps any of the sorted `spans` (binary search).
fn overlaps_any(spans: &[Span], span: Span) -> bool {
    let i = spans.partition_point(|s| s.end <= span.start);
    spans.get(i).is_some_and(|s| s.overlaps(&span))
}

/// The end of the run of `fam` characters starting at `i`.
fn run_end(text: &str, i: usize, fam: Family) -> usize {
    let mut end = i;
    for (k, c) in text[i..].char_indices() {
        if family(c) == Some(fam) {
            end = i + k + c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// If the `**` ending at `open_end` opens markdown emphasis closed on the same line, the end of
/// the closing `**`.
fn emphasis_close(text: &str, open_end: usize, line_end: usize) -> Option<usize> {
    let first = text[open_end..].chars().next()?;
    if is_blank(first) || family(first) == Some(Family::Star) {
        return None;
    }
    let limit = line_end.min(open_end + EMPHASIS_MAX);
    let window = text.get(open_end..limit).or_else(|| {
        // `limit` inside a character: shorten to a boundary.
        let mut l = limit;
        while l > open_end && !text.is_char_boundary(l) {
            l -= 1;
        }
        text.get(open_end..l)
    })?;
    let rel = window
        .char_indices()
        .find(|(_, c)| family(*c) == Some(Family::Star))
        .map(|(k, _)| k)?;
    let close = open_end + rel;
    let close_end = run_end(text, close, Family::Star);
    if close_end - close != 2 * text[close..].chars().next()?.len_utf8() {
        return None;
    }
    let before = text[..close].chars().next_back()?;
    let after = text[close_end..].chars().next();
    if is_blank(before) || after.is_some_and(|a| is_han(a) || a.is_ascii_alphanumeric()) {
        return None;
    }
    Some(close_end)
}

/// Whether a stop word (X光, X射线) follows at `at`.
fn stop_word(text: &str, at: usize, w: &Words) -> bool {
    let rest = &text[at..];
    w.stop.iter().any(|s| rest.starts_with(s))
}

/// Whether the digits ending at `start` follow a latin letter or a dot (`v1.2x`), i.e. are
/// part of a code rather than a masked number.
fn digits_before_latin(text: &str, start: usize) -> bool {
    text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| is_latin(c) || c == '.')
}

/// The placeholder for the mask `i..run_end`: glued digits or numerals before it, the word
/// after it (`nouns` allows names as well as units), the quotes around `“十__五”`.
fn masked(
    text: &str,
    i: usize,
    run_end: usize,
    nouns: bool,
    floor: usize,
    w: &Words,
) -> Option<Cand> {
    let mut start = i;
    let mut end = run_end;
    // Digits glued before the mask: 20_年, 120xx, 100x名.
    let mut glued = false;
    for (k, c) in text[floor.min(i)..i].char_indices().rev().take(DIGITS_MAX) {
        if is_digit(c) {
            start = floor.min(i) + k;
            glued = true;
        } else {
            break;
        }
    }
    // A mask between numerals: “十__五”.
    if !glued {
        let prev = text[floor.min(i)..i].chars().next_back();
        let next = text[end..].chars().next();
        if let (Some(p), Some(n)) = (prev, next) {
            if is_cjk_numeral(p) && is_cjk_numeral(n) {
                start -= p.len_utf8();
                end += n.len_utf8();
                let before = text[floor.min(start)..start].chars().next_back();
                let after = text[end..].chars().next();
                if before == Some('“') && after == Some('”') {
                    start -= '“'.len_utf8();
                    end += '”'.len_utf8();
                }
                return Some(Cand {
                    span: Span::new(start, end),
                    word: "",
                });
            }
        }
    }
    let nouns = nouns && !glued;
    let rest = &text[end..];
    let list = if nouns { &w.any } else { &w.unit };
    if let Some(word) = list.iter().find(|x| rest.starts_with(*x)) {
        return Some(Cand {
            span: Span::new(start, end + word.len()),
            word,
        });
    }
    if nouns {
        // The end of a masked name a few characters on: xx标志认证委员会.
        for (n, (k, c)) in rest.char_indices().enumerate() {
            if n >= SUFFIX_LOOKAHEAD || !is_han(c) {
                break;
            }
            if let Some(s) = w.suffix.iter().find(|s| rest[k..].starts_with(*s)) {
                return Some(Cand {
                    span: Span::new(start, end + k + s.len()),
                    word: s,
                });
            }
        }
    }
    Some(Cand {
        span: Span::new(start, end),
        word: "",
    })
}

/// Joins a masked date's parts into one placeholder: X月X日, xx年xx月.
fn chain_dates(cands: Vec<Cand>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        if let Some(last) = out.last_mut() {
            let joins = last.span.end == c.span.start
                && matches!(last.word, "年" | "月")
                && matches!(c.word, "月" | "日" | "号");
            if joins {
                last.span.end = c.span.end;
                last.word = c.word;
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests;
