//! Numbered headings (ANNOTATION.md §2): candidate markers at line starts and sentence starts,
//! accepted by sequence continuity, then nested by each document's own order of markers.

use super::markers::{cn_digit, heading_marker, Marker};
use super::{title::title_span, Line};
use crate::text::{in_spans, is_blank};
use crate::{MarkerKind, Span};

/// A possible heading marker.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cand {
    /// First byte of the marker.
    pub start: usize,
    /// The marker read there.
    pub marker: Marker,
    /// Whether the marker opens its line.
    pub line_start: bool,
    /// Index of the line holding the title.
    pub line: usize,
}

/// Characters after which a sentence (and so a heading) may start within a line.
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '：' | '!' | '?' | ';' | ':')
}

/// Whether a marker has some title text after it on its line.
fn has_title(text: &str, m: &Marker, line_end: usize) -> bool {
    text.get(m.end..line_end)
        .is_some_and(|s| s.chars().any(|c| !is_blank(c)))
}

/// Collects heading-marker candidates on lines `range` (indices into `lines`; `puncts` is the
/// punctuation list that came with them).
pub(crate) fn candidates(
    text: &str,
    lines: &[Line],
    puncts: &[usize],
    range: std::ops::Range<usize>,
    boilerplate: &[Span],
) -> Vec<Cand> {
    let mut out = Vec::new();
    for li in range {
        let Some(l) = lines.get(li) else { break };
        if l.blank || l.in_boilerplate {
            continue;
        }
        let (ls, le) = (l.trim.start, l.trim.end);
        // A marker split over two lines: `（` / `三）…`.
        let s = l.trim.slice(text);
        if s == "（" || s == "(" {
            if let Some(m) = split_paren(text, lines, li) {
                out.push(Cand {
                    start: ls,
                    marker: m,
                    line_start: true,
                    line: li + 1,
                });
                continue;
            }
        }
        if let Some(m) = heading_marker(text, ls, le) {
            if !in_spans(boilerplate, ls) {
                if has_title(text, &m, le) {
                    out.push(Cand {
                        start: ls,
                        marker: m,
                        line_start: true,
                        line: li,
                    });
                } else if m.kind != MarkerKind::Circled
                    && lines
                        .get(li + 1)
                        .is_some_and(|n| !n.blank && !n.in_boilerplate && n.chars <= 40)
                {
                    // a marker alone on its line, its title on the next one
                    out.push(Cand {
                        start: ls,
                        marker: m,
                        line_start: true,
                        line: li + 1,
                    });
                }
            }
        }
        // sentence starts inside the line: the first non-blank character after a run of
        // sentence ends (found by one automaton pass, not char by char)
        let mut i = ls;
        for (m_start, m_end) in l.puncts(text, puncts) {
            if !s
                .get(m_start..)
                .and_then(|r| r.chars().next())
                .is_some_and(is_sentence_end)
            {
                continue;
            }
            let Some((o, c)) = s
                .get(m_end..)
                .and_then(|r| r.char_indices().find(|&(_, c)| !is_blank(c)))
            else {
                continue;
            };
            let at = ls + m_end + o;
            if at < i || is_sentence_end(c) {
                continue;
            }
            if let Some(m) = heading_marker(text, at, le) {
                // `二、三季度`, `一、二等奖`: numerals run on inside a clause
                let runs_on = m.kind == MarkerKind::Chinese
                    && text
                        .get(m.end..le)
                        .and_then(|r| r.chars().next())
                        .is_some_and(|n| cn_digit(n).is_some());
                if !runs_on
                    && m.kind != MarkerKind::Circled
                    && has_title(text, &m, le)
                    && !in_spans(boilerplate, at)
                {
                    out.push(Cand {
                        start: at,
                        marker: m,
                        line_start: false,
                        line: li,
                    });
                    i = m.end;
                }
            }
        }
    }
    out
}

/// Reads `三）…` on the line after a lone `（`.
fn split_paren(text: &str, lines: &[Line], li: usize) -> Option<Marker> {
    let next = lines.get(li + 1)?;
    let s = next.trim.slice(text);
    let n = s.chars().take_while(|c| cn_digit(*c).is_some()).count();
    if n == 0 || n > 3 {
        return None;
    }
    let num_end = s.char_indices().nth(n).map(|(i, _)| i)?;
    let close = s[num_end..].chars().next()?;
    if close != '）' && close != ')' {
        return None;
    }
    let ordinal = super::markers::parse_cn(&s[..num_end])?;
    Some(Marker {
        kind: MarkerKind::ParenChinese,
        ordinal,
        end: next.trim.start + num_end + close.len_utf8(),
    })
}

/// Index of a marker kind in small per-kind tables.
pub(crate) fn kind_index(k: MarkerKind) -> usize {
    match k {
        MarkerKind::Chinese => 0,
        MarkerKind::ParenChinese => 1,
        MarkerKind::Arabic => 2,
        MarkerKind::ParenArabic => 3,
        MarkerKind::Circled => 4,
        MarkerKind::Chapter => 5,
        MarkerKind::Part => 6,
        MarkerKind::Section => 7,
        _ => 8,
    }
}

/// Keeps the candidates that are headings: a marker at a line start that begins or continues
/// its sequence, or a marker at a sentence start whose ordinal continues the sequence (or
/// begins one that the next marker of its kind continues). Sequences of lower levels restart
/// under each new higher-level heading.
///
/// Also returns the accepted headings whose ordinal skips one of its sequence (`二、` → `四、`),
/// as `(index into the result, expected ordinal)`.
pub(crate) fn accept(cands: &[Cand]) -> (Vec<Cand>, Vec<(usize, u32)>) {
    // next candidate of the same kind, for "begins a sequence"
    let mut next_same: Vec<Option<u32>> = vec![None; cands.len()];
    let mut seen: [Option<u32>; 9] = [None; 9];
    for (i, c) in cands.iter().enumerate().rev() {
        let k = kind_index(c.marker.kind);
        next_same[i] = seen[k];
        seen[k] = Some(c.marker.ordinal);
    }
    let mut last: [Option<u32>; 9] = [None; 9];
    let mut stack: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    let mut gaps = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        let k = kind_index(c.marker.kind);
        let n = c.marker.ordinal;
        let ok = if c.line_start {
            n == 1 || last[k].map_or(n <= 3, |l| n > l && n <= l + 2)
        } else {
            last[k] == Some(n.saturating_sub(1)) && n > 1 || n == 1 && next_same[i] == Some(2)
        };
        if !ok {
            continue;
        }
        if let Some(pos) = stack.iter().position(|&s| s == k) {
            for &lower in &stack[pos + 1..] {
                last[lower] = None;
            }
            stack.truncate(pos + 1);
        } else {
            stack.push(k);
        }
        let expected = last[k].map_or(1, |l| l + 1);
        if n != expected && n != 1 {
            gaps.push((out.len(), expected));
        }
        last[k] = Some(n);
        out.push(*c);
    }
    (out, gaps)
}

/// The title of an accepted candidate: on its line, and before `next`, where the next heading
/// starts (a heading run into the same line, as in a report pasted as one line, ends the title
/// of the one before it).
pub(crate) fn title_of(text: &str, lines: &[Line], c: &Cand, next: Option<usize>) -> Span {
    let line_end = lines.get(c.line).map_or(c.marker.end, |l| l.trim.end);
    let end = next.map_or(line_end, |n| n.min(line_end));
    title_span(text, c.marker.end, end.max(c.marker.end))
}
