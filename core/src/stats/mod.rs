//! Statistics: every quantity stated in the prose, normalised; and numeric defects.
//! ANNOTATION.md §4 and §6.

use crate::{Defect, Document, Heading, Placeholder, Span, Stat};

/// What the statistics stage may consult about the rest of the analysis.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Context<'a> {
    /// Boilerplate spans (sorted); nothing inside them is a statistic.
    pub boilerplate: &'a [Span],
    /// Placeholders (sorted); a masked amount is a placeholder only.
    pub placeholders: &'a [Placeholder],
    /// The documents.
    pub documents: &'a [Document],
    /// The headings.
    pub headings: &'a [Heading],
}

/// Extracts statistics (sorted, non-overlapping) and numeric defects from `text`.
/// `document` and `section` of each statistic are filled in later by the pipeline.
///
/// ```
/// let text = "全镇共有党员704人。";
/// let ctx = baogao::stats::Context { boilerplate: &[], placeholders: &[], documents: &[], headings: &[] };
/// let (_stats, _defects) = baogao::stats::extract(text, &ctx);
/// ```
pub fn extract(text: &str, ctx: &Context<'_>) -> (Vec<Stat>, Vec<Defect>) {
    let _ = (text, ctx);
    (Vec::new(), Vec::new())
}
