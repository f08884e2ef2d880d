//! Inline list items (ANNOTATION.md §3): `一是…二是…` (also after a comma), `第一，…`,
//! `首先/其次/再次/最后` when they enumerate, `①` inside a paragraph, and `——`/`---` dash bullets
//! at a line start or right after a sentence end.

use super::headings::is_sentence_end;
use super::markers::{circled, item_marker, ItemMark};
use super::{lexicon, Line};
use crate::text::{in_spans, is_blank};
use crate::{Item, ItemKind, Span};

/// How far (bytes) a sequence word may stand from the previous one of its list.
const SEQUENCE_REACH: usize = 3000;

/// Longest `——date/occasion` subtitle, in characters.
const SUBTITLE_MAX: usize = 80;

/// A possible item.
#[derive(Debug, Clone, Copy)]
struct Cand {
    start: usize,
    end: usize,
    kind: ItemKind,
    ordinal: u32,
    line_end: usize,
}

/// Where a candidate stands in its line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum At {
    LineStart,
    SentenceStart,
    AfterComma,
    Inside,
}

fn sequence_word(text: &str, p: usize, limit: usize) -> Option<(u32, usize)> {
    let s = text.get(p..limit)?;
    // Only the words starting with the text's first character are compared (a first byte is
    // no filter: most CJK characters share a few lead bytes).
    let first = s.chars().next()?;
    let firsts = lexicon::sequence_word_firsts();
    for ((w, n), _) in lexicon::sequence_words()
        .iter()
        .zip(firsts)
        .filter(|(_, &f)| f == first)
    {
        if let Some(rest) = s.strip_prefix(w) {
            if rest.starts_with(['，', ',', '是']) {
                return Some((*n, p + w.len()));
            }
        }
    }
    None
}

fn read(text: &str, p: usize, limit: usize, at: At) -> Option<Cand> {
    let c = text.get(p..limit)?.chars().next()?;
    let cand = |kind, ordinal, end| Cand {
        start: p,
        end,
        kind,
        ordinal,
        line_end: limit,
    };
    if let Some(n) = circled(c) {
        return (at != At::LineStart).then(|| cand(ItemKind::Circled, n, p + c.len_utf8()));
    }
    if at == At::Inside {
        return None;
    }
    if let Some((mark, n, end)) = item_marker(text, p, limit) {
        return match mark {
            ItemMark::Shi => Some(cand(ItemKind::Shi, n, end)),
            ItemMark::Ordinal => Some(cand(ItemKind::Ordinal, n, end)),
            ItemMark::Dash if at != At::AfterComma => Some(cand(ItemKind::Dash, 0, end)),
            ItemMark::Dash => None,
        };
    }
    if at != At::AfterComma {
        if let Some((n, end)) = sequence_word(text, p, limit) {
            return Some(cand(ItemKind::Sequence, n, end));
        }
    }
    None
}

/// Whether a dash line is the `——date/occasion` subtitle under a title rather than a bullet.
fn is_subtitle(text: &str, c: &Cand) -> bool {
    let s = text.get(c.end..c.line_end).unwrap_or("");
    let head: String = s.chars().take(16).collect();
    let dated = head.contains('年') && (head.contains('月') || head.contains('日'));
    // look no further than a subtitle's length, so that a long line stays linear
    let short: String = s.chars().take(SUBTITLE_MAX + 1).collect();
    dated && short.chars().count() <= SUBTITLE_MAX && !short.contains('。')
}

/// Finds the items on lines `range` (`puncts`: the punctuation list that came with `lines`),
/// skipping boilerplate, heading markers and the document
/// head (title, subtitle and speaker lines before the first paragraph).
// The lines and their punctuation list travel side by side, as `build` holds them.
#[allow(clippy::too_many_arguments)]
pub(crate) fn find(
    text: &str,
    lines: &[Line],
    puncts: &[usize],
    range: std::ops::Range<usize>,
    boilerplate: &[Span],
    heading_starts: &[usize],
    skip_lines: &[usize],
    document: usize,
) -> Vec<Item> {
    let mut cands: Vec<Cand> = Vec::new();
    for li in range {
        let Some(l) = lines.get(li) else { break };
        if l.blank || l.in_boilerplate || skip_lines.binary_search(&li).is_ok() {
            continue;
        }
        let (ls, le) = (l.trim.start, l.trim.end);
        let s = l.trim.slice(text);
        let mut push = |p: usize, at: At| {
            if let Some(cand) = read(text, p, le, at) {
                if !in_spans(boilerplate, p) && heading_starts.binary_search(&p).is_err() {
                    cands.push(cand);
                }
            }
        };
        let first = s
            .char_indices()
            .find(|&(_, c)| !is_blank(c))
            .map_or(ls, |(o, _)| ls + o);
        push(first, At::LineStart);
        let mut last_read = first;
        // the places after a run of sentence ends or commas, and every circled number, found
        // by one automaton pass (not char by char)
        for (m_start, m_end) in l.puncts(text, puncts) {
            let Some(c) = s.get(m_start..).and_then(|r| r.chars().next()) else {
                continue;
            };
            let p = ls + m_start;
            if circled(c).is_some() {
                if p != last_read {
                    push(p, At::Inside);
                    last_read = p;
                }
                continue;
            }
            let at = if is_sentence_end(c) {
                At::SentenceStart
            } else {
                At::AfterComma
            };
            let Some((o, n)) = s
                .get(m_end..)
                .and_then(|r| r.char_indices().find(|&(_, c)| !is_blank(c)))
            else {
                continue;
            };
            if is_sentence_end(n) || matches!(n, '，' | ',') {
                continue;
            }
            let q = ls + m_end + o;
            push(q, at);
            last_read = q;
        }
    }
    select(text, &cands, document)
}

/// Keeps candidates that form lists: `一是` followed by `二是`, continuations of an open list,
/// sequence words that enumerate; every dash bullet and circled number.
fn select(text: &str, cands: &[Cand], document: usize) -> Vec<Item> {
    let key = |k: ItemKind| match k {
        ItemKind::Shi => 0,
        ItemKind::Ordinal => 1,
        ItemKind::Sequence => 2,
        ItemKind::Circled => 3,
        _ => 4,
    };
    // next candidate of the same kind
    let mut next_same: Vec<Option<(u32, usize)>> = vec![None; cands.len()];
    let mut seen: [Option<(u32, usize)>; 5] = [None; 5];
    for (i, c) in cands.iter().enumerate().rev() {
        let k = key(c.kind);
        next_same[i] = seen[k];
        seen[k] = Some((c.ordinal, c.start));
    }
    let mut last: [Option<(u32, usize)>; 5] = [None; 5];
    let mut kept: Vec<Cand> = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        let k = key(c.kind);
        let n = c.ordinal;
        let ok = match c.kind {
            ItemKind::Dash => !is_subtitle(text, c),
            ItemKind::Sequence => {
                let open = last[k]
                    .is_some_and(|(l, at)| l >= 1 && c.start.saturating_sub(at) <= SEQUENCE_REACH);
                if n == 1 {
                    next_same[i].is_some_and(|(m, at)| {
                        m != 1 && at.saturating_sub(c.start) <= SEQUENCE_REACH
                    })
                } else {
                    open
                }
            }
            _ => {
                if n == 1 {
                    next_same[i].is_some_and(|(m, _)| m == 2)
                } else {
                    last[k].is_some_and(|(l, _)| l + 1 == n || l + 2 == n)
                }
            }
        };
        if !ok {
            continue;
        }
        last[k] = Some((
            if c.kind == ItemKind::Sequence && n == 0 {
                0
            } else {
                n
            },
            c.start,
        ));
        kept.push(*c);
    }
    let mut out = Vec::with_capacity(kept.len());
    for (i, c) in kept.iter().enumerate() {
        let mut end = c.line_end;
        if let Some(n) = kept.get(i + 1) {
            if n.start < end {
                end = n.start;
            }
        }
        let ordinal = (c.kind != ItemKind::Dash
            && !(c.kind == ItemKind::Sequence && c.ordinal == 0))
            .then_some(c.ordinal);
        out.push(Item {
            span: Span::new(c.start, end),
            marker: Span::new(c.start, c.end),
            kind: c.kind,
            ordinal,
            document,
            section: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`sequence_word`] as it was, with a first-byte pre-check, kept to compare with.
    fn sequence_word_full(text: &str, p: usize, limit: usize) -> Option<(u32, usize)> {
        let s = text.get(p..limit)?;
        let first = s.as_bytes().first()?;
        if !lexicon::sequence_words()
            .iter()
            .any(|(w, _)| w.as_bytes().first() == Some(first))
        {
            return None;
        }
        for (w, n) in lexicon::sequence_words() {
            if let Some(rest) = s.strip_prefix(w) {
                if rest.starts_with(['，', ',', '是']) {
                    return Some((*n, p + w.len()));
                }
            }
        }
        None
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn sequence_word_keeps_the_definition(
            s in "[首先其次再者然后最后是，,一a ]{0,6}",
            p in 0usize..8,
            limit in 0usize..24,
        ) {
            prop_assert_eq!(sequence_word(&s, p, limit), sequence_word_full(&s, p, limit));
        }
    }
}
