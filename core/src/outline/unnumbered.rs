//! Unnumbered headings (ANNOTATION.md §2): short lines standing alone between paragraphs whose
//! siblings are headings of the same kind (`“十四五”时期工作回顾` … `2026年重点工作`;
//! `大力提振消费。`; `主要做法:` … `存在不足:`).

use super::headings::{kind_index, Cand};
use super::markers::{heading_marker, item_marker};
use super::{lexicon, Line};
use crate::Span;

/// Longest unnumbered heading, in characters.
const MAX_CHARS: usize = 30;
/// A line at least this long (in characters) is a body paragraph.
const PARAGRAPH_CHARS: usize = 40;

/// How an unnumbered heading line ends; siblings end the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Ending {
    /// No final punctuation (`2026年重点工作`).
    Bare,
    /// One sentence ending in `。` (`大力提振消费。`).
    Stop,
    /// A short label ending in a colon (`主要做法:`).
    Label,
}

/// An unnumbered heading found on a line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unnumbered {
    /// Index of the line.
    pub line: usize,
    /// How it ends (its sibling kind).
    pub ending: Ending,
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// How a short line ends, when it can be an unnumbered heading at all.
pub(crate) fn ending_of(s: &str) -> Option<Ending> {
    let n = s.chars().count();
    if !(2..=MAX_CHARS).contains(&n) {
        return None;
    }
    let cjk = s.chars().filter(|c| is_cjk(*c)).count();
    if cjk < 2 || cjk * 2 < n {
        return None;
    }
    if s.starts_with(['［', '[', '【', '（', '(', '—', '-', '《', '<'])
        || lexicon::salutations().iter().any(|w| s.starts_with(w))
        || lexicon::lead_ins().iter().any(|w| s.contains(w))
    {
        return None;
    }
    let last = s.chars().last()?;
    let body = &s[..s.len() - last.len_utf8()];
    let inner_stop = |t: &str| t.contains(['。', '！', '？', '；', '!', '?', ';', '：', ':', '…']);
    match last {
        '。' if !inner_stop(body) => Some(Ending::Stop),
        '：' | ':'
            if body.chars().count() <= 8 && !inner_stop(body) && !body.contains(['，', ',']) =>
        {
            Some(Ending::Label)
        }
        '。' | '：' | ':' | '，' | ',' | '、' | '；' | ';' | '！' | '!' | '？' | '?' | '…' => {
            None
        }
        _ if inner_stop(s) || s.contains(['，', ',']) => None,
        _ => Some(Ending::Bare),
    }
}

/// Whether a trimmed line is an appendix label standing alone: `附件`, `附件1`, `附件：`,
/// `附录一`, `附表2：`, or a label with a short name after its colon (`附件1：名词解释`).
pub(crate) fn is_appendix_label(s: &str) -> bool {
    let Some(rest) = lexicon::appendix_labels()
        .iter()
        .find_map(|w| s.strip_prefix(w))
    else {
        return false;
    };
    let num = rest
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || super::markers::cn_digit(c).is_some())
        })
        .map_or(rest.len(), |(i, _)| i);
    if rest[..num].chars().count() > 3 {
        return false;
    }
    let after = &rest[num..];
    if after.is_empty() {
        return true;
    }
    let Some(name) = after.strip_prefix(['：', ':']) else {
        return false;
    };
    name.is_empty() || ending_of(name) == Some(Ending::Bare)
}

/// The appendix parts of lines `range`: the lines holding an appendix label (after the
/// document's first paragraph), each with the line of the appendix's own title after it when
/// there is one (a short line that is neither a marked heading nor a sentence).
pub(crate) fn appendices(
    text: &str,
    lines: &[Line],
    range: std::ops::Range<usize>,
) -> Vec<(usize, Option<usize>)> {
    let mut out = Vec::new();
    let mut body_seen = false;
    let mut content =
        range.filter(|&i| lines.get(i).is_some_and(|l| !l.blank && !l.in_boilerplate));
    let mut pending = content.next();
    while let Some(li) = pending {
        pending = content.next();
        let Some(l) = lines.get(li) else { continue };
        if l.chars >= PARAGRAPH_CHARS {
            body_seen = true;
            continue;
        }
        if !body_seen || l.indent > 8 || !is_appendix_label(l.trim.slice(text)) {
            continue;
        }
        let title = pending.filter(|&n| {
            lines.get(n).is_some_and(|nl| {
                let s = nl.trim.slice(text);
                nl.chars <= MAX_CHARS
                    && !is_appendix_label(s)
                    && !s.ends_with(['。', '；', '：', ';', ':', '，', ','])
                    && heading_marker(text, nl.trim.start, nl.trim.end).is_none()
                    && item_marker(text, nl.trim.start, nl.trim.end).is_none()
            })
        });
        out.push((li, title));
    }
    out
}

/// Finds unnumbered headings on lines `range`, given the numbered headings accepted there.
/// A line qualifies when it is short, stands between a paragraph (or heading) and a body
/// paragraph, comes after the document's first paragraph, and has at least one sibling of the
/// same ending under the same kind of numbered heading.
pub(crate) fn find(
    text: &str,
    lines: &[Line],
    range: std::ops::Range<usize>,
    numbered: &[Cand],
    exclude: &[usize],
) -> Vec<Unnumbered> {
    let base = range.start;
    let mut heading_kind: Vec<Option<usize>> = vec![None; range.len()];
    for c in numbered.iter().filter(|c| c.line_start) {
        if let Some(slot) = c
            .line
            .checked_sub(base)
            .and_then(|i| heading_kind.get_mut(i))
        {
            *slot = Some(kind_index(c.marker.kind));
        }
    }
    let content: Vec<usize> = range
        .filter(|&i| lines.get(i).is_some_and(|l| !l.blank && !l.in_boilerplate))
        .collect();
    // the kind of the numbered heading whose title is on line `i`, if any
    let heading_line = |i: usize| -> Option<&usize> {
        i.checked_sub(base)
            .and_then(|j| heading_kind.get(j))
            .and_then(Option::as_ref)
    };
    let chars = |i: usize| lines.get(i).map_or(0, |l| l.chars);
    let first_para = content.iter().position(|&i| chars(i) >= PARAGRAPH_CHARS);
    let Some(first_para) = first_para else {
        return Vec::new();
    };
    let mut found: Vec<(Unnumbered, Option<usize>)> = Vec::new();
    let mut ni = 0usize;
    let mut context: Option<usize> = None;
    for (ci, &li) in content.iter().enumerate() {
        let Some(l) = lines.get(li) else { continue };
        while ni < numbered.len() && numbered.get(ni).is_some_and(|c| c.start < l.trim.start) {
            context = numbered.get(ni).map(|c| kind_index(c.marker.kind));
            ni += 1;
        }
        if ci <= first_para
            || heading_line(li).is_some()
            || l.indent > 8
            || exclude.binary_search(&li).is_ok()
        {
            continue;
        }
        let s = l.trim.slice(text);
        let Some(ending) = ending_of(s) else { continue };
        if heading_marker(text, l.trim.start, l.trim.end).is_some()
            || item_marker(text, l.trim.start, l.trim.end).is_some()
        {
            continue;
        }
        let prev_ok = ci
            .checked_sub(1)
            .and_then(|p| content.get(p))
            .is_some_and(|&p| {
                heading_line(p).is_some()
                    || chars(p) > MAX_CHARS
                    || lines
                        .get(p)
                        .is_some_and(|pl| pl.trim.slice(text).ends_with(['。', '！', '？']))
            });
        let next_ok = content.get(ci + 1).is_some_and(|&n| {
            lines.get(n).is_some_and(|nl| {
                nl.chars > MAX_CHARS
                    && nl.trim.slice(text).chars().filter(|c| is_cjk(*c)).count() >= 10
            }) || lines.get(n).is_some_and(|nl| {
                heading_marker(text, nl.trim.start, nl.trim.end).is_some()
                    || item_marker(text, nl.trim.start, nl.trim.end).is_some()
            })
        });
        // the one-line body of a numbered heading, between two siblings (a glossary entry)
        let prev_kind = ci
            .checked_sub(1)
            .and_then(|p| content.get(p))
            .and_then(|&p| heading_line(p));
        let next_kind = content.get(ci + 1).and_then(|&n| heading_line(n));
        let body_of_heading = prev_kind.is_some() && prev_kind == next_kind;
        if prev_ok && next_ok && !body_of_heading {
            found.push((Unnumbered { line: li, ending }, context));
        }
    }
    let mut count: std::collections::HashMap<(Ending, Option<usize>), usize> =
        std::collections::HashMap::new();
    for (u, ctx) in &found {
        *count.entry((u.ending, *ctx)).or_default() += 1;
    }
    found
        .into_iter()
        .filter(|(u, ctx)| count.get(&(u.ending, *ctx)).copied().unwrap_or(0) >= 2)
        .map(|(u, _)| u)
        .collect()
}

/// Least number of parallel topic statements that make a report's outline.
const MIN_TOPICS: usize = 3;

/// In a report with no numbered headings at all, the parallel one-sentence topic statements
/// that open its parts (`持之以恒调结构、稳增长，产业发展翻开新篇章。…`): paragraphs whose first
/// sentence is short, holds a comma, and has the same punctuation pattern as at least two
/// other paragraphs' first sentences. Returns the lines that open with one.
pub(crate) fn topic_statements(
    text: &str,
    lines: &[Line],
    range: std::ops::Range<usize>,
) -> Vec<usize> {
    let mut found: Vec<(usize, String)> = Vec::new();
    for li in range {
        let Some(l) = lines.get(li) else { break };
        if l.blank || l.in_boilerplate || l.chars < PARAGRAPH_CHARS {
            continue;
        }
        let s = l.trim.slice(text);
        let Some(stop) = s.find('。') else { continue };
        let first = &s[..stop];
        let n = first.chars().count();
        if !(8..MAX_CHARS).contains(&n)
            || !first.contains(['，', ','])
            || lexicon::salutations().iter().any(|w| first.starts_with(w))
        {
            continue;
        }
        let pattern: String = first
            .chars()
            .filter(|c| matches!(c, '，' | ',' | '、' | '：' | '“' | '”'))
            .collect();
        found.push((li, pattern));
    }
    let mut count: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (_, p) in &found {
        *count.entry(p.as_str()).or_default() += 1;
    }
    let best = count
        .iter()
        .filter(|(_, &n)| n >= MIN_TOPICS)
        .max_by_key(|(p, &n)| (n, p.len()))
        .map(|(p, _)| p.to_string());
    let Some(best) = best else {
        return Vec::new();
    };
    found
        .into_iter()
        .filter(|(_, p)| *p == best)
        .map(|(li, _)| li)
        .collect()
}

/// The title of an unnumbered heading: its line up to the first `。；：`.
pub(crate) fn title_of(text: &str, line: &Line) -> Span {
    super::title::title_span(text, line.trim.start, line.trim.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings() {
        assert_eq!(ending_of("2026年重点工作"), Some(Ending::Bare));
        assert_eq!(ending_of("大力提振消费。"), Some(Ending::Stop));
        assert_eq!(ending_of("主要做法:"), Some(Ending::Label));
        assert_eq!(ending_of("各位代表："), None);
        assert_eq!(ending_of("五年来主要做了以下工作。"), None);
        assert_eq!(ending_of("重点抓好八个方面工作："), None);
        assert_eq!(ending_of("团结奋斗！！共同进步！！"), None);
        assert_eq!(ending_of("2023-01-20"), None);
    }

    #[test]
    fn appendix_labels() {
        for s in [
            "附件",
            "附件1",
            "附件２",
            "附件：",
            "附录一",
            "附表3:",
            "附件1：名词解释",
        ] {
            assert!(is_appendix_label(s), "{s}");
        }
        for s in [
            "附件1：请于本月底前报送。",
            "附件材料已报送",
            "附录一二三四五",
            "附近",
            "附件一览表如下：",
        ] {
            assert!(!is_appendix_label(s), "{s}");
        }
    }
}
