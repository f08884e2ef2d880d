//! The outline: documents, headings at every level and inline list items (ANNOTATION.md §1–3).
//!
//! [`build`] works in a few linear passes over the lines of the text:
//! documents (collections, `=====` versions) → numbered heading candidates at line and sentence
//! starts, kept by sequence continuity → unnumbered headings (short standalone lines with
//! siblings) → depth by each document's own order of markers, parents and section spans →
//! inline list items.

mod documents;
mod headings;
mod items;
mod lexicon;
mod markers;
mod title;
mod unnumbered;

use crate::{Diagnostic, Document, Heading, Item, MarkerKind, Span};

/// The outline of a text: what [`build`] returns.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Outline {
    /// The documents (at least one for a non-empty text).
    pub documents: Vec<Document>,
    /// Headings in document order, with depth and parent set.
    pub headings: Vec<Heading>,
    /// Inline list items in document order.
    pub items: Vec<Item>,
    /// Notes about odd input.
    pub diagnostics: Vec<Diagnostic>,
}

/// One line of the text with what the passes need to know about it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line {
    /// The trimmed line (no terminator, no surrounding blanks).
    pub trim: Span,
    /// Characters in the trimmed line.
    pub chars: usize,
    /// Leading blank characters.
    pub indent: usize,
    /// Whether the line holds only blanks.
    pub blank: bool,
    /// Whether the line lies in boilerplate.
    pub in_boilerplate: bool,
    /// The places of the trimmed line's punctuation (see [`lexicon::punct_positions`]): this
    /// range of the shared list [`fill_puncts`] records them in ((0, 0) until then).
    pub puncts: (usize, usize),
}

impl Line {
    /// The places (start, end, relative to the trimmed line) of the line's punctuation, as
    /// [`lexicon::punct_positions`] gives them, read from `puncts` (where [`fill_puncts`]
    /// recorded them).
    pub(crate) fn puncts<'a>(
        &self,
        text: &'a str,
        puncts: &'a [usize],
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
        let s = self.trim.slice(text).as_bytes();
        puncts
            .get(self.puncts.0..self.puncts.1)
            .unwrap_or(&[])
            .iter()
            .map(move |&p| {
                (
                    p,
                    p + if s.get(p).is_some_and(u8::is_ascii) {
                        1
                    } else {
                        3
                    },
                )
            })
    }
}

/// The boilerplate span holding `byte`, if any (binary search over sorted spans).
fn covering(boilerplate: &[Span], byte: usize) -> Option<Span> {
    let i = boilerplate.partition_point(|s| s.start <= byte);
    boilerplate
        .get(i.checked_sub(1)?)
        .copied()
        .filter(|s| s.contains(byte))
}

/// The part of the trimmed line `trim` outside boilerplate at its ends: a line wholly inside
/// boilerplate becomes empty; chrome before or after the text on the same line is cut off.
fn outside_boilerplate(text: &str, mut trim: Span, boilerplate: &[Span]) -> Span {
    while !trim.is_empty() {
        match covering(boilerplate, trim.start) {
            Some(b) if b.end >= trim.end => return Span::new(trim.end, trim.end),
            Some(b) => trim = crate::text::trim(text, Span::new(b.end, trim.end)),
            None => break,
        }
    }
    while !trim.is_empty() {
        let last = text
            .get(trim.start..trim.end)
            .and_then(|s| s.char_indices().next_back())
            .map_or(trim.start, |(i, _)| trim.start + i);
        match covering(boilerplate, last) {
            Some(b) => trim = crate::text::trim(text, Span::new(trim.start, b.start)),
            None => break,
        }
    }
    trim
}

/// The lines of `text` (their punctuation places left to [`fill_puncts`]).
fn scan_lines(text: &str, boilerplate: &[Span]) -> Vec<Line> {
    crate::text::lines(text)
        .map(|raw| {
            let full = crate::text::trim(text, raw);
            let trim = outside_boilerplate(text, full, boilerplate);
            let in_boilerplate = !full.is_empty() && trim.is_empty();
            let indent = text
                .get(raw.start..full.start)
                .map_or(0, |s| s.chars().count());
            Line {
                trim,
                chars: trim.slice(text).chars().count(),
                indent,
                blank: full.is_empty(),
                in_boilerplate,
                puncts: (0, 0),
            }
        })
        .collect()
}

/// Records the punctuation places of `lines` in `puncts` (each line's range in
/// [`Line::puncts`]): one scan serves both the heading and the item pass, and lines outside
/// every document are never scanned.
fn fill_puncts(text: &str, lines: &mut [Line], puncts: &mut Vec<usize>) {
    for l in lines {
        let from = puncts.len();
        puncts.extend(lexicon::punct_positions(l.trim.slice(text)).map(|(p, _)| p));
        l.puncts = (from, puncts.len());
    }
}

/// Depth keys of unnumbered headings start here (numbered kinds use `headings::kind_index`).
const UNNUMBERED_KEY: usize = 10;
/// The depth key of label headings (`主要做法：`).
const LABEL_KEY: usize = UNNUMBERED_KEY + unnumbered::Ending::Label as usize;

/// Whether a depth key is a strong top level: `一、`, `（一）`, `第一章`, `第一部分`, `第一节`.
fn strong_top(key: usize) -> bool {
    [
        MarkerKind::Chinese,
        MarkerKind::ParenChinese,
        MarkerKind::Chapter,
        MarkerKind::Part,
        MarkerKind::Section,
    ]
    .iter()
    .any(|&k| headings::kind_index(k) == key)
}

/// The depth key of topic statements.
const TOPIC_KEY: usize = UNNUMBERED_KEY + 3;
/// The depth key of appendix labels (`附件1`): a new top-level part whose numbering restarts.
const APPENDIX_KEY: usize = UNNUMBERED_KEY + 4;

/// A heading before depths are known.
struct Found {
    start: usize,
    marker: Span,
    kind: MarkerKind,
    ordinal: Option<u32>,
    title: Span,
    /// The key that decides depth: the marker kind, or the sibling kind of an unnumbered one.
    key: usize,
}

/// Builds the outline of `text`, ignoring everything inside `boilerplate` (sorted spans):
/// no document start, heading or item is ever placed inside boilerplate.
///
/// ```
/// let text = "2023年工作总结\n一、主要成绩\n（一）组织建设\n全年发展党员3名。一是加强学习，二是严格管理。\n二、存在问题\n";
/// let o = baogao::outline::build(text, &[]);
/// assert_eq!(o.documents.len(), 1);
/// let titles: Vec<_> = o.headings.iter().map(|h| (h.depth, h.title.slice(text))).collect();
/// assert_eq!(titles, [(1, "主要成绩"), (2, "组织建设"), (1, "存在问题")]);
/// assert_eq!(o.items.len(), 2);
/// ```
pub fn build(text: &str, boilerplate: &[Span]) -> Outline {
    let mut out = Outline::default();
    if text.is_empty() {
        return out;
    }
    let mut lines = scan_lines(text, boilerplate);
    let mut puncts = Vec::new();
    out.documents = documents::find(text, &lines);
    let mut li = 0usize;
    for (di, doc) in out.documents.iter().enumerate() {
        // the lines of this document
        while lines.get(li).is_some_and(|l| l.trim.start < doc.span.start) {
            li += 1;
        }
        let first = li;
        while lines.get(li).is_some_and(|l| l.trim.start < doc.span.end) {
            li += 1;
        }
        let range = first..li;
        if let Some(doc_lines) = lines.get_mut(range.clone()) {
            fill_puncts(text, doc_lines, &mut puncts);
        }
        let cands = headings::candidates(text, &lines, &puncts, range.clone(), boilerplate);
        let appendices = unnumbered::appendices(text, &lines, range.clone());
        // each appendix is a part of its own: numbering sequences restart in it
        let mut numbered = Vec::new();
        let mut gaps = Vec::new();
        let mut rest: &[headings::Cand] = &cands;
        let bounds = appendices
            .iter()
            .filter_map(|&(a, _)| lines.get(a).map(|l| l.trim.start));
        for bound in bounds.chain(std::iter::once(usize::MAX)) {
            let (part, tail) = rest.split_at(rest.partition_point(|c| c.start < bound));
            let (accepted, part_gaps) = headings::accept(part);
            let base = numbered.len();
            gaps.extend(part_gaps.into_iter().map(|(i, e)| (base + i, e)));
            numbered.extend(accepted);
            rest = tail;
        }
        let mut appendix_lines: Vec<usize> = appendices
            .iter()
            .flat_map(|&(a, t)| std::iter::once(a).chain(t))
            .collect();
        appendix_lines.sort_unstable();
        for (i, expected) in gaps {
            if let Some(c) = numbered.get(i) {
                out.diagnostics.push(Diagnostic {
                    span: Some(Span::new(c.start, c.marker.end)),
                    code: "numbering-gap".to_string(),
                    message: format!(
                        "编号不连续：此处应为第{expected}项，实为第{}项",
                        c.marker.ordinal
                    ),
                });
            }
        }
        for c in &numbered {
            if text
                .get(c.start..c.marker.end)
                .is_some_and(|m| m.contains('\n'))
            {
                out.diagnostics.push(Diagnostic {
                    span: Some(Span::new(c.start, c.marker.end)),
                    code: "split-marker".to_string(),
                    message: "标题编号被换行拆开，已合并".to_string(),
                });
            }
        }
        let unnum = unnumbered::find(text, &lines, range.clone(), &numbered, &appendix_lines);
        let topics = if numbered.is_empty() && unnum.is_empty() && appendices.is_empty() {
            unnumbered::topic_statements(text, &lines, range.clone())
        } else {
            Vec::new()
        };

        let mut found: Vec<Found> = numbered
            .iter()
            .enumerate()
            .map(|(i, c)| Found {
                start: c.start,
                marker: Span::new(c.start, c.marker.end),
                kind: c.marker.kind,
                ordinal: Some(c.marker.ordinal),
                title: headings::title_of(text, &lines, c, numbered.get(i + 1).map(|n| n.start)),
                key: headings::kind_index(c.marker.kind),
            })
            .collect();
        // Unnumbered headings (standalone lines, topic statements, appendix labels) differ only
        // in the key that groups siblings.
        let unnumbered_lines = unnum
            .iter()
            .map(|u| (u.line, UNNUMBERED_KEY + u.ending as usize))
            .chain(topics.iter().map(|&t| (t, TOPIC_KEY)))
            .chain(appendices.iter().map(|&(a, _)| (a, APPENDIX_KEY)));
        for (line, key) in unnumbered_lines {
            let Some(l) = lines.get(line) else { continue };
            found.push(Found {
                start: l.trim.start,
                marker: Span::new(l.trim.start, l.trim.start),
                kind: MarkerKind::Unnumbered,
                ordinal: None,
                title: unnumbered::title_of(text, l),
                key,
            });
        }
        found.sort_by_key(|f| f.start);
        let doc_heads: Vec<usize> = found.iter().map(|f| f.start).collect();
        place(&mut out.headings, found, di, doc.span.end);

        let mut skip: Vec<usize> = unnum.iter().map(|u| u.line).collect();
        skip.extend(&appendix_lines);
        // the document head: title, subtitle and speaker lines before its first paragraph
        for i in range.clone() {
            let Some(l) = lines.get(i) else { break };
            let first_head = doc_heads.partition_point(|&h| h < l.trim.start);
            let holds_heading = doc_heads
                .get(first_head)
                .is_some_and(|&h| h < l.trim.end.max(l.trim.start + 1));
            let sentence = l.trim.slice(text).contains(['。', '；', ';']);
            if l.chars >= 40 || holds_heading || sentence {
                break;
            }
            skip.push(i);
        }
        skip.sort_unstable();
        out.items.extend(items::find(
            text,
            &lines,
            &puncts,
            range,
            boilerplate,
            &doc_heads,
            &skip,
            di,
        ));
    }
    out
}

/// Gives depths, parents and section spans to the headings `found` of document `doc` (sorted
/// by start) and appends them to `headings`. The depth of a marker kind is its place in the
/// stack of kinds open at that point: a kind seen first becomes the top level, a kind already
/// open closes the levels below it (restarts), a new kind opens a level under the current one.
fn place(headings: &mut Vec<Heading>, found: Vec<Found>, doc: usize, doc_end: usize) {
    let mut kinds: Vec<usize> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for f in found {
        // Part labels (`主要做法：` … `存在不足：`) head the parts of a report whose top level
        // is only a weak numbered sequence (`1、`…): they go to the top.
        if f.key == LABEL_KEY
            && kinds
                .first()
                .is_some_and(|&k| !strong_top(k) && k != LABEL_KEY)
        {
            kinds.clear();
        }
        // An appendix label opens a new part at the top level; what follows nests beneath it.
        if f.key == APPENDIX_KEY {
            kinds.clear();
        }
        let depth = match kinds.iter().position(|&k| k == f.key) {
            Some(p) => {
                kinds.truncate(p + 1);
                p + 1
            }
            None => {
                kinds.push(f.key);
                kinds.len()
            }
        };
        while let Some(&top) = open.last() {
            let Some(h) = headings.get_mut(top) else {
                break;
            };
            if usize::from(h.depth) >= depth {
                h.span.end = f.start.max(h.span.start);
                open.pop();
            } else {
                break;
            }
        }
        let index = headings.len();
        headings.push(Heading {
            span: Span::new(f.start, doc_end),
            marker: f.marker,
            marker_kind: f.kind,
            ordinal: f.ordinal,
            depth: u8::try_from(depth).unwrap_or(u8::MAX),
            title: f.title,
            document: doc,
            parent: open.last().copied(),
        });
        open.push(index);
    }
}

#[cfg(test)]
mod tests;
