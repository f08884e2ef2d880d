//! Where a heading's title ends (ANNOTATION.md §2): at the end of the line, at `。；：` (full- or
//! half-width), at an English sentence-final `. `, or where body text begins when the title runs
//! straight into it (`…的整体素质一年来，我支部…` → the body begins at `一年来`).

use super::lexicon;
use crate::text::is_blank;
use crate::Span;

/// The title that starts at byte `from` (just after the marker) and may run to `line_end`.
/// Leading and trailing blanks are left out; the result is empty when nothing is left.
pub(crate) fn title_span(text: &str, from: usize, line_end: usize) -> Span {
    let Some(rest) = text.get(from..line_end) else {
        return Span::new(from, from);
    };
    let lead = rest.len() - rest.trim_start_matches(is_blank).len();
    let start = from + lead;
    let body = &rest[lead..];
    let mut end = line_end;
    let mut it = body.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let stop = match c {
            '。' | '；' | '：' | ';' | ':' => true,
            '.' => it.peek().map_or(true, |(_, n)| n.is_whitespace()),
            _ => false,
        };
        if stop {
            end = start + i;
            break;
        }
    }
    let end = body_start(text, start, end).unwrap_or(end);
    let t = text.get(start..end).unwrap_or("");
    Span::new(start, start + t.trim_end_matches(is_blank).len())
}

/// Where body text begins inside `start..end`: the first body cue (`一年来`, `今年以来`…) that
/// is followed by a comma and stands at least four characters into the title.
fn body_start(text: &str, start: usize, end: usize) -> Option<usize> {
    let t = text.get(start..end)?;
    // a cue must stand at least four characters into the title
    let min_at = t.char_indices().nth(4).map(|(i, _)| i)?;
    let mut best: Option<usize> = None;
    for cue in lexicon::body_cues() {
        let mut from = 0;
        while let Some(rel) = t.get(from..).and_then(|s| s.find(cue)) {
            let at = from + rel;
            let after = t.get(at + cue.len()..).and_then(|s| s.chars().next());
            if at >= min_at && matches!(after, Some('，' | ',')) {
                if best.map_or(true, |b| at < b) {
                    best = Some(at);
                }
                break;
            }
            from = at + cue.len();
            if best.is_some_and(|b| from > b) {
                break;
            }
        }
    }
    best.map(|b| start + b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(s: &str) -> &str {
        title_span(s, 0, s.len()).slice(s)
    }

    #[test]
    fn ends_at_punctuation_or_line_end() {
        assert_eq!(
            title("加强组织建设，提高凝聚力"),
            "加强组织建设，提高凝聚力"
        );
        assert_eq!(title("健全制度。正文继续"), "健全制度");
        assert_eq!(title("主要成果：如下"), "主要成果");
        assert_eq!(title("主要成果:如下"), "主要成果");
        assert_eq!(title("分两步；第一步"), "分两步");
        assert_eq!(title("  概况  "), "概况");
    }

    #[test]
    fn english_sentence_end_but_not_version_dots() {
        assert_eq!(
            title("Wizards 1.2.1/1.2.2 published. Support added."),
            "Wizards 1.2.1/1.2.2 published"
        );
        assert_eq!(title("Supports Int 128. Crypto"), "Supports Int 128");
    }

    #[test]
    fn run_on_title_stops_at_body_cue() {
        assert_eq!(
            title("加强思想政治教育，提高党员干部的整体素质一年来，我支部深入学习。"),
            "加强思想政治教育，提高党员干部的整体素质"
        );
        // a cue without a comma after it is part of the title
        assert_eq!(title("总结今年工作经验"), "总结今年工作经验");
    }
}
