//! Boilerplate: text that is not the report (page chrome, crawler and site headers, editorial
//! blurbs, share/print footers). ANNOTATION.md §5.

use crate::Span;

/// Finds boilerplate blocks in `text`: sorted, non-overlapping byte spans.
///
/// ```
/// let text = "下载\n打印\n【字号：\n加大\n】\n工作总结\n";
/// let _blocks = baogao::boilerplate::find(text);
/// ```
pub fn find(text: &str) -> Vec<Span> {
    let _ = text;
    Vec::new()
}
