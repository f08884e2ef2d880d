//! The built-in rubrics, shipped as data (`core/data/rubrics/*.toml`), and the automatic choice
//! of one per document.

use std::sync::OnceLock;

use super::load::{self, Syntax};
use super::matcher::{sentence_ends, CueId, Joint, Matcher, MatcherBuilder};
use super::model::RubricFile;
use super::Rubric;
use crate::Report;

const SOURCES: [(&str, &str); 4] = [
    (
        "work-summary",
        include_str!("../../data/rubrics/work-summary.toml"),
    ),
    (
        "party-building",
        include_str!("../../data/rubrics/party-building.toml"),
    ),
    (
        "duty-report",
        include_str!("../../data/rubrics/duty-report.toml"),
    ),
    (
        "gov-report",
        include_str!("../../data/rubrics/gov-report.toml"),
    ),
];

/// The order in which [`choose`] tries the specific rubrics.
const PRIORITY: [&str; 3] = ["gov-report", "duty-report", "party-building"];

/// How much of a document's opening (bytes) [`choose`] reads besides its title.
const OPENING: usize = 600;

/// The parsed model of built-in rubric `i` of [`SOURCES`] (parsed once per process).
fn spec(i: usize) -> Option<&'static RubricFile> {
    static CACHE: [OnceLock<Option<RubricFile>>; SOURCES.len()] =
        [const { OnceLock::new() }; SOURCES.len()];
    let (name, src) = SOURCES.get(i)?;
    CACHE
        .get(i)?
        .get_or_init(|| load::parse(src, Some(&file_of(name)), Syntax::Toml).ok())
        .as_ref()
}

fn file_of(name: &str) -> String {
    format!("core/data/rubrics/{name}.toml")
}

/// Built-in rubric `i` of [`SOURCES`], compiled on first use: a process that scores only work
/// summaries never builds the other rubrics' automata.
fn compiled(i: usize) -> Option<&'static Rubric> {
    static CACHE: [OnceLock<Option<Rubric>>; SOURCES.len()] =
        [const { OnceLock::new() }; SOURCES.len()];
    CACHE
        .get(i)?
        .get_or_init(|| {
            let (name, src) = SOURCES.get(i)?;
            let spec = spec(i)?.clone();
            load::compile_parsed(spec, src, Some(&file_of(name)), Syntax::Toml).ok()
        })
        .as_ref()
}

/// One of the [`PRIORITY`] rubrics and `work-summary` in one automaton (see [`Joint`]), built on
/// first use: [`super::score_auto`] scores a document against both.
pub(crate) fn joint_with_base(name: &str) -> Option<&'static Joint> {
    static CACHE: [OnceLock<Option<Joint>>; PRIORITY.len()] =
        [const { OnceLock::new() }; PRIORITY.len()];
    let k = PRIORITY.iter().position(|n| *n == name)?;
    CACHE
        .get(k)?
        .get_or_init(|| {
            let r = get_ref(name)?;
            let base = get_ref("work-summary")?;
            Some(Joint::new(&r.matcher, &base.matcher))
        })
        .as_ref()
}

/// The `select` cues of the [`PRIORITY`] rubrics, compiled on their own (a handful of words)
/// into one automaton, so that choosing a rubric reads the title and the opening once and
/// does not build the full automaton of every candidate. A cue's hits do not depend on the
/// other cues of its matcher, so these are the hits each full rubric would find.
struct Selector {
    matcher: Matcher,
    /// Per rubric of [`PRIORITY`], its `select` cues in `matcher`.
    select: Vec<Vec<CueId>>,
}

/// The `select` cues of a built-in rubric's source, read from its header alone: in TOML the
/// top-level keys come before the first table header (`[[roles]]`), so the header is a valid
/// document of its own and parses in a fraction of the time of the whole file.
fn header_select(src: &str) -> Option<Vec<String>> {
    #[derive(serde::Deserialize)]
    struct Header {
        #[serde(default)]
        select: Vec<String>,
    }
    let end = src
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&i| src.get(i..).is_some_and(|r| r.starts_with('[')))
        .unwrap_or(src.len());
    let header: Header = toml::from_str(src.get(..end)?).ok()?;
    Some(header.select)
}

fn selector() -> &'static Selector {
    static CACHE: OnceLock<Selector> = OnceLock::new();
    CACHE.get_or_init(|| {
        let mut b = MatcherBuilder::default();
        let select = PRIORITY
            .iter()
            .map(|name| {
                let src = SOURCES.iter().find(|(n, _)| n == name).map_or("", |s| s.1);
                header_select(src)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|c| b.add(c).ok())
                    .collect()
            })
            .collect();
        Selector {
            matcher: b.build(),
            select,
        }
    })
}

/// The names of the built-in rubrics.
///
/// ```
/// assert!(baogao::rubric::builtin_names().contains(&"gov-report"));
/// ```
pub fn builtin_names() -> &'static [&'static str] {
    &[
        "work-summary",
        "party-building",
        "duty-report",
        "gov-report",
    ]
}

/// A built-in rubric by name.
pub(crate) fn get(name: &str) -> Option<Rubric> {
    get_ref(name).cloned()
}

/// A built-in rubric by name, shared.
pub(crate) fn get_ref(name: &str) -> Option<&'static Rubric> {
    let i = SOURCES.iter().position(|(n, _)| *n == name)?;
    compiled(i)
}

/// The source of a built-in rubric (for tests and `baogao rubric show`).
#[cfg(test)]
pub(crate) fn source(name: &str) -> Option<&'static str> {
    SOURCES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// Picks a built-in rubric for document `doc`: the first of gov-report, duty-report,
/// party-building whose `select` cues occur in the title, else in the opening, else
/// `work-summary`.
pub(crate) fn choose(text: &str, report: &Report, doc: usize) -> &'static str {
    let Some(d) = report.documents.get(doc) else {
        return "work-summary";
    };
    let title = d.title.slice(text);
    let mut end = (d.span.start + OPENING).min(d.span.end);
    while end > d.span.start && !text.is_char_boundary(end) {
        end -= 1;
    }
    let opening = text.get(d.span.start..end).unwrap_or("");
    for part in [title, opening] {
        if part.is_empty() {
            continue;
        }
        let sel = selector();
        let hits = sel.matcher.scan(part, &sentence_ends(part));
        for (name, cues) in PRIORITY.iter().zip(&sel.select) {
            if cues.iter().any(|&c| !hits.of(c).is_empty()) {
                return name;
            }
        }
    }
    "work-summary"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chosen(text: &str) -> &'static str {
        let r = crate::analyze_outline_and_stats(text);
        choose(text, &r, 0)
    }

    #[test]
    fn choice_by_title_then_opening() {
        assert_eq!(chosen("2026年政府工作报告\n各位代表：\n"), "gov-report");
        assert_eq!(chosen("个人述职报告\n一、履职情况\n"), "duty-report");
        assert_eq!(
            chosen("2023年机关党支部工作总结\n一、主要成绩\n"),
            "party-building"
        );
        assert_eq!(chosen("2023年工作总结\n一、主要成绩\n"), "work-summary");
        // No title line: the opening decides.
        assert_eq!(
            chosen("现将本人一年来的履职情况述职如下：\n一、履职情况\n"),
            "duty-report"
        );
        assert_eq!(chosen(""), "work-summary");
    }

    #[test]
    fn every_builtin_loads() {
        for (name, src) in SOURCES {
            if let Err(e) = Rubric::from_toml(src, Some(name)) {
                panic!("{e}");
            }
            assert!(get(name).is_some(), "{name}");
            assert!(source(name).is_some());
        }
    }

    #[test]
    fn header_select_is_the_full_parse() {
        for (i, (name, src)) in SOURCES.iter().enumerate() {
            let full = &spec(i).expect("spec").select;
            assert!(!full.is_empty(), "{name}");
            assert_eq!(header_select(src).as_ref(), Some(full), "{name}");
        }
    }

    #[test]
    fn selectors_hit_where_the_full_rubric_does() {
        // The small select-only matcher must agree with the compiled rubric's own matcher.
        let texts = [
            "2026年政府工作报告\n各位代表：现在，我代表市人民政府作工作报告。",
            "个人述职述廉报告。本人述职如下；",
            "机关党总支、党工委和基层党组织建设情况",
            "党建工作。党委会议。党支部。",
            "工作总结\n政府工作\n报告",
            "",
        ];
        let sel = selector();
        for (name, select) in PRIORITY.iter().zip(&sel.select) {
            let full = get_ref(name).expect("rubric");
            assert_eq!(select.len(), full.select.len(), "{name}");
            for t in texts {
                let ends = sentence_ends(t);
                let (a, b) = (sel.matcher.scan(t, &ends), full.matcher.scan(t, &ends));
                for (x, y) in select.iter().zip(&full.select) {
                    assert_eq!(a.of(*x), b.of(*y), "{name}: {t}");
                }
            }
        }
    }

    #[test]
    fn joint_scan_gives_each_rubric_its_own_hits() {
        let text = "2026年政府工作报告。过去一年，全市地区生产总值增长5.2%。存在的主要问题：\
                    一是思想建设不够深入；二是制度建设有待加强。下一步，我们将加强作风建设，\
                    述职述廉，党支部要抓好党建工作。今年的主要目标任务和工作计划如下。";
        let ends = sentence_ends(text);
        let base = get_ref("work-summary").expect("base");
        for name in PRIORITY {
            let r = get_ref(name).expect("rubric");
            let [hr, hb] = joint_with_base(name).expect("joint").scan(text, &ends);
            let (own_r, own_b) = (r.matcher.scan(text, &ends), base.matcher.scan(text, &ends));
            let mut any = false;
            for c in 0..r.matcher.len() {
                assert_eq!(hr.of(c), own_r.of(c), "{name}: {}", r.matcher.name(c));
                any |= !hr.of(c).is_empty();
            }
            for c in 0..base.matcher.len() {
                assert_eq!(hb.of(c), own_b.of(c), "{name}: {}", base.matcher.name(c));
            }
            assert!(any, "{name}: the text should hit some of its cues");
        }
    }
}
