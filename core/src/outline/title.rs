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

/// Characters beyond which a title without punctuation is taken to have run into its body.
const RUN_ON_CHARS: usize = 30;

/// Where body text begins inside `start..end`: the first body cue (`一年来`, `今年以来`…) that
/// is followed by a comma and stands at least four characters into the title.
fn body_start(text: &str, start: usize, end: usize) -> Option<usize> {
    let t = text.get(start..end)?;
    // a cue must stand at least four characters into the title
    let min_at = t.char_indices().nth(4).map(|(i, _)| i)?;
    let mut best: Option<usize> = None;
    let mut take = |at: usize| {
        if best.map_or(true, |b| at < b) {
            best = Some(at);
        }
    };
    // a title running on for more than this many characters lost its line break
    if t.char_indices().nth(RUN_ON_CHARS).is_some() {
        // only the stretch before the first comma: the title's own clauses stay whole
        let clause = t.find(['，', ',']).unwrap_or(t.len());
        let head = t.get(min_at..clause).unwrap_or("");
        // the earliest strong cue, or the earliest end of a heading tail before the comma
        for m in lexicon::strong_body_cue_automaton()
            .into_iter()
            .flat_map(|a| a.find_overlapping_iter(head))
        {
            take(min_at + m.start());
        }
        for m in lexicon::heading_tail_automaton()
            .into_iter()
            .flat_map(|a| a.find_overlapping_iter(head))
        {
            let at = min_at + m.end();
            if at < clause {
                take(at);
            }
        }
    }
    // the earliest cue followed by a comma, at least four characters in
    for m in lexicon::body_cue_automaton()
        .into_iter()
        .flat_map(|a| a.find_overlapping_iter(t))
    {
        let after = t.get(m.end()..).and_then(|s| s.chars().next());
        if m.start() >= min_at && matches!(after, Some('，' | ',')) {
            take(m.start());
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
        // a flattened body: the title lost its line break and runs on
        assert_eq!(
            title("2018年工作回顾过去一年是我国发展很不平常的一年，我们顶住压力，完成了全年主要目标任务"),
            "2018年工作回顾"
        );
        assert_eq!(title("回顾过去一年的工作"), "回顾过去一年的工作");
        assert_eq!(
            title("2019年经济社会发展总体要求和政策取向今年是新中国成立70周年，是关键之年"),
            "2019年经济社会发展总体要求和政策取向"
        );
        // a long first sentence with its own clauses is left whole
        assert_eq!(
            title("社区党支部以完善民主生活制度，坚持学习制度，不断加强和改进党员教育管理方式方法"),
            "社区党支部以完善民主生活制度，坚持学习制度，不断加强和改进党员教育管理方式方法"
        );
    }
}
