//! The built-in rubrics, shipped as data (`core/data/rubrics/*.toml`), and the automatic choice
//! of one per document.

use std::sync::OnceLock;

use super::matcher::sentence_ends;
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

fn all() -> &'static [Option<Rubric>] {
    static CACHE: OnceLock<Vec<Option<Rubric>>> = OnceLock::new();
    CACHE.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(name, src)| {
                Rubric::from_toml(src, Some(&format!("core/data/rubrics/{name}.toml"))).ok()
            })
            .collect()
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
    all().get(i).and_then(Option::as_ref)
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
        let ends = sentence_ends(part);
        for name in PRIORITY {
            if let Some(r) = get_ref(name) {
                let hits = r.matcher.scan(part, &ends);
                if r.select.iter().any(|&c| !hits.of(c).is_empty()) {
                    return name;
                }
            }
        }
    }
    "work-summary"
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
