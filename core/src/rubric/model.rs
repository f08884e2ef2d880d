//! The serde data model of a rubric file (TOML or JSON), exactly as written. [`super::load`]
//! turns it into a validated, compiled [`super::Rubric`].

use serde::{Deserialize, Serialize};

/// A rubric file as written.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RubricFile {
    /// Format version; only `1` is known.
    pub version: u32,
    /// Machine id (`work-summary`).
    pub id: String,
    /// Human name (`工作总结`).
    #[serde(default)]
    pub name: String,
    /// What the rubric is for.
    #[serde(default)]
    pub description: String,
    /// The declared total; the items' points must add up to it.
    pub total: f64,
    /// Grade bands, best first by `min` percent.
    #[serde(default)]
    pub grades: Vec<GradeBand>,
    /// The grade a failed critical item caps the document at.
    #[serde(default)]
    pub critical_cap: Option<String>,
    /// Title/content cues that make [`super::score_auto`] pick this rubric.
    #[serde(default)]
    pub select: Vec<String>,
    /// The parts a report should have.
    #[serde(default)]
    pub roles: Vec<RoleSpec>,
    /// The scored items.
    #[serde(default)]
    pub items: Vec<ItemSpec>,
}

/// A grade band: documents scoring at least `min` percent get `name`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GradeBand {
    pub name: String,
    pub min: f64,
}

/// How a role (a part of a report) is found on the outline.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RoleSpec {
    pub id: String,
    #[serde(default)]
    pub name: String,
    /// Cues in a heading's title: the heading's section is the part.
    #[serde(default)]
    pub heading: Vec<String>,
    /// Cues that veto a heading even when a `heading` cue matches.
    #[serde(default)]
    pub heading_not: Vec<String>,
    /// Cues in a sentence that introduces a list (ends with `：`, says `如下`/`主要是`, or is
    /// followed by an item or heading): the part starts there.
    #[serde(default)]
    pub lead: Vec<String>,
    /// Cues that open the part by themselves, wherever they stand (`清醒看到`).
    #[serde(default)]
    pub opener: Vec<String>,
    /// Where an unheaded part ends: `paragraph` (the default: its paragraph and the list that
    /// follows, up to the next heading) or `last` (the rest of the document: plans come last).
    #[serde(default)]
    pub position: Option<String>,
    /// The role is also found when the document outside the problem/plan parts holds at least
    /// this many quantified statistics (not dates).
    #[serde(default)]
    pub min_stats: Option<usize>,
    /// The role is also found when the document holds at least this many characters of body
    /// outside the parts of the other roles (a work summary describes its work).
    #[serde(default)]
    pub min_body_chars: Option<usize>,
}

/// Snippets the item must pass or fail; checked by tests and `baogao rubric check`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Examples {
    #[serde(default)]
    pub pass: Vec<String>,
    #[serde(default)]
    pub fail: Vec<String>,
}

/// A cue group of a `keywords` item.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CueGroup {
    pub name: String,
    pub cues: Vec<String>,
    /// Hits needed for the group to count (default 1).
    #[serde(default)]
    pub min: Option<usize>,
}

/// A scored item as written; which parameters apply depends on `kind`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ItemSpec {
    pub id: String,
    pub kind: String,
    pub points: f64,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub suggestion: Option<String>,
    #[serde(default)]
    pub critical: bool,
    #[serde(default)]
    pub scope: Option<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
    /// `binary` (default), `graded` (with `thresholds`) or `deduction` (with `per_hit`).
    #[serde(default)]
    pub scoring: Option<String>,
    /// `[[value, points], …]` for graded scoring.
    #[serde(default)]
    pub thresholds: Vec<(f64, f64)>,
    #[serde(default)]
    pub per_hit: Option<f64>,
    #[serde(default)]
    pub cap: Option<f64>,
    // section_present
    #[serde(default)]
    pub role: Option<String>,
    // section_order
    #[serde(default)]
    pub order: Vec<String>,
    // keywords
    #[serde(default)]
    pub groups: Vec<CueGroup>,
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(default)]
    pub k: Option<usize>,
    // count / stats
    #[serde(default)]
    pub what: Option<String>,
    #[serde(default)]
    pub depth: Option<u8>,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default)]
    pub kinds: Vec<String>,
    // forbidden
    #[serde(default)]
    pub forbid: Vec<String>,
    #[serde(default)]
    pub cues: Vec<String>,
    // conditional
    #[serde(default, rename = "if")]
    pub when: Option<String>,
    #[serde(default)]
    pub then: Option<String>,
    #[serde(default)]
    pub then_cues: Vec<String>,
    #[serde(default)]
    pub examples: Examples,
}
