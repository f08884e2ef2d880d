//! Template placeholders left in a report (`20_年`, `xx社区`, `***万元`, `某某`). ANNOTATION.md §6.

use crate::{Placeholder, Span};

/// Finds placeholders outside the `boilerplate` spans, in document order.
///
/// ```
/// let text = "20_年，我支部召开会议。";
/// let _found = baogao::placeholder::find(text, &[]);
/// ```
pub fn find(text: &str, boilerplate: &[Span]) -> Vec<Placeholder> {
    let _ = (text, boilerplate);
    Vec::new()
}
