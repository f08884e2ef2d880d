//! Splitting a text into documents (ANNOTATION.md §1): collections (`…篇1` … `篇7`, `篇一：`),
//! versions separated by a rule of `=====`, or one report from the first non-boilerplate
//! character. A collection title above the first document belongs to no document.

use super::markers::{cn_digit, digit};
use super::Line;
use crate::{Document, Span};

/// Longest line (in characters) taken as a document title.
const TITLE_MAX: usize = 60;

/// Whether a trimmed line names one report of a collection: `基层党建工作总结篇1`,
/// `…篇三：`, `篇一：2023年工作总结`.
pub(crate) fn is_collection_part(s: &str) -> bool {
    // Both shapes hold `篇`: one memchr-backed search rejects almost every line first.
    s.contains('篇') && collection_shape(s)
}

/// The two shapes of a collection part's line, read character by character (see
/// [`is_collection_part`], which rejects a line without `篇` before reading it).
fn collection_shape(s: &str) -> bool {
    if s.chars().count() > 40 {
        return false;
    }
    let numeral = |c: char| digit(c).is_some() || cn_digit(c).is_some();
    // `篇一：…` at the start
    let mut it = s.chars();
    if it.next() == Some('篇') {
        let rest: String = it.collect();
        let num_len = rest.chars().take_while(|c| numeral(*c)).count();
        if num_len > 0 {
            let after = rest.chars().nth(num_len);
            if matches!(after, None | Some('：' | ':' | '、' | ' ' | '　')) {
                return true;
            }
        }
    }
    // `…篇1` / `…篇三：` at the end
    let core = s.trim_end_matches(['：', ':']);
    let tail: Vec<char> = core.chars().rev().take_while(|c| numeral(*c)).collect();
    if tail.is_empty() || tail.len() > 3 {
        return false;
    }
    let before = core.chars().rev().nth(tail.len());
    before == Some('篇') && core.chars().count() > tail.len() + 1
}

/// Whether a trimmed line is a rule of `=` separating two versions of a report.
pub(crate) fn is_rule(s: &str) -> bool {
    // The characters first: a line that is no rule fails at its first one, where counting
    // them walked the whole line.
    s.chars().all(|c| c == '=' || c == '＝') && s.chars().count() >= 5
}

/// The title of a document whose first line is `line`: the line when it reads as a title
/// (short, no sentence punctuation at its end), cut before a fused `——subtitle`; else empty.
fn title_of(text: &str, line: &Line) -> Span {
    let s = line.trim.slice(text);
    let empty = Span::new(line.trim.start, line.trim.start);
    let n = s.chars().count();
    if n == 0 || n > TITLE_MAX * 2 {
        return empty;
    }
    let s_cut = match s.find("——") {
        Some(i) if i > 0 => &s[..i],
        _ => s,
    };
    let last = s_cut.chars().last();
    if s_cut.chars().count() > TITLE_MAX
        || matches!(
            last,
            Some('。' | '，' | ',' | '；' | ';' | '！' | '!' | '？' | '?' | '：' | ':')
        )
        || s_cut.contains('。')
    {
        return empty;
    }
    if super::markers::heading_marker(text, line.trim.start, line.trim.end).is_some() {
        return empty;
    }
    Span::new(line.trim.start, line.trim.start + s_cut.trim_end().len())
}

/// The documents of `text`, given its lines (boilerplate lines already flagged).
pub(crate) fn find(text: &str, lines: &[Line]) -> Vec<Document> {
    let mut docs = Vec::new();
    if text.is_empty() {
        return docs;
    }
    let content = |l: &&Line| !l.blank && !l.in_boilerplate;
    // collections
    let parts: Vec<&Line> = lines
        .iter()
        .filter(content)
        .filter(|l| is_collection_part(l.trim.slice(text)))
        .collect();
    if parts.len() >= 2 {
        for (i, l) in parts.iter().enumerate() {
            let end = parts.get(i + 1).map_or(text.len(), |n| n.trim.start);
            docs.push(Document::new(Span::new(l.trim.start, end), l.trim));
        }
        return docs;
    }
    // versions separated by rules; otherwise one document
    let mut starts: Vec<&Line> = Vec::new();
    let mut want_start = true;
    for l in lines.iter().filter(content) {
        if is_rule(l.trim.slice(text)) {
            want_start = true;
            continue;
        }
        if want_start {
            starts.push(l);
            want_start = false;
        }
    }
    if starts.is_empty() {
        docs.push(Document::new(Span::new(0, text.len()), Span::new(0, 0)));
        return docs;
    }
    for (i, l) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |n| n.trim.start);
        docs.push(Document::new(
            Span::new(l.trim.start, end),
            title_of(text, l),
        ));
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn rule_keeps_the_definition(s in "[=＝a ]{0,8}") {
            let full = s.chars().count() >= 5 && s.chars().all(|c| c == '=' || c == '＝');
            prop_assert_eq!(is_rule(&s), full);
        }

        #[test]
        fn collection_part_precheck_keeps_the_definition(
            s in "[篇章一二三十1２：: 　、总结a]{0,12}"
        ) {
            prop_assert_eq!(is_collection_part(&s), collection_shape(&s));
        }
    }

    #[test]
    fn collection_part_lines() {
        assert!(is_collection_part("基层党建工作总结篇1"));
        assert!(is_collection_part("社区工作总结篇十二："));
        assert!(is_collection_part("篇一：2023年社区工作总结"));
        assert!(!is_collection_part("2023年基层党建工作总结7篇(全文完整)"));
        assert!(!is_collection_part("基层党建工作总结7篇"));
        assert!(!is_collection_part("篇章结构"));
    }

    #[test]
    fn rules() {
        assert!(is_rule("=========="));
        assert!(!is_rule("==== 正文 ===="));
        assert!(!is_rule("==="));
    }
}
