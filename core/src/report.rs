//! The result types of an analysis: everything [`crate::analyze`] finds, with byte spans.
//!
//! Every span in these types is a **byte range** into the text that was analysed. Use
//! [`crate::offsets::OffsetIndex`] to turn byte offsets into characters or UTF-16 code units, or
//! [`Report::to_json`] to get the `baogao/1` JSON document (character offsets).

use serde::Serialize;

/// A half-open byte range `start..end` into the analysed text.
///
/// ```
/// let text = "全镇共有党员704人";
/// let span = baogao::Span::new(18, 24);
/// assert_eq!(span.slice(text), "704人");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Makes a span; `end` is clamped up to `start` so a span is never inverted.
    ///
    /// ```
    /// assert_eq!(baogao::Span::new(5, 3).len(), 0);
    /// ```
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// The length in bytes.
    ///
    /// ```
    /// assert_eq!(baogao::Span::new(3, 9).len(), 6);
    /// ```
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    ///
    /// ```
    /// assert!(baogao::Span::new(4, 4).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether `offset` lies inside the span (`start <= offset < end`).
    ///
    /// ```
    /// let s = baogao::Span::new(3, 6);
    /// assert!(s.contains(3) && !s.contains(6));
    /// ```
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// Whether the two spans share at least one byte.
    ///
    /// ```
    /// use baogao::Span;
    /// assert!(Span::new(0, 4).overlaps(&Span::new(3, 9)));
    /// assert!(!Span::new(0, 3).overlaps(&Span::new(3, 9)));
    /// ```
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text of the span, or `""` when the span does not fall on character boundaries
    /// inside `text` (never panics).
    ///
    /// ```
    /// assert_eq!(baogao::Span::new(0, 3).slice("一、"), "一");
    /// assert_eq!(baogao::Span::new(0, 2).slice("一、"), "");
    /// ```
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// One report inside the analysed text. A file usually holds one; collections ("…篇1…篇7") and
/// bilingual files hold several.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Document {
    /// From the first character of the title line (or of the body when there is no title) to the
    /// start of the next document or the end of the text.
    pub span: Span,
    /// The title line's text without surrounding blanks; empty when the document has no title.
    pub title: Span,
}

impl Document {
    /// Makes a document from its span and title span.
    ///
    /// ```
    /// let d = baogao::Document::new(baogao::Span::new(0, 30), baogao::Span::new(0, 12));
    /// assert_eq!(d.span.end, 30);
    /// ```
    pub fn new(span: Span, title: Span) -> Document {
        Document { span, title }
    }
}

/// The family of a heading marker, by its written form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum MarkerKind {
    /// `一、` `二、` … (also `一.` `一．`).
    Chinese,
    /// `（一）` `(一)`.
    ParenChinese,
    /// `1.` `1．` `1、`.
    Arabic,
    /// `（1）` `(1)` `1)` `1）`.
    ParenArabic,
    /// `①` … `⑳`.
    Circled,
    /// `第一章`.
    Chapter,
    /// `第一部分`.
    Part,
    /// `第一节`, `第一条` and similar `第N+noun` markers.
    Section,
    /// An unnumbered heading (a short standalone line).
    Unnumbered,
}

/// A heading: it opens a section of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Heading {
    /// From the first character of the marker (or of the title when unnumbered) to the end of
    /// the section: the last character before the next heading of the same or a higher rank, or
    /// the document's end.
    pub span: Span,
    /// The marker as written (`一、`, `（三）`, `1.`); empty for unnumbered headings.
    pub marker: Span,
    /// The marker's family.
    pub marker_kind: MarkerKind,
    /// The marker's ordinal (`三、` → 3); `None` for unnumbered headings.
    pub ordinal: Option<u32>,
    /// Nesting depth inside its document, 1 = top level.
    pub depth: u8,
    /// The title: from after the marker to the end of the title (see ANNOTATION.md §2).
    pub title: Span,
    /// Index of the document in [`Report::documents`].
    pub document: usize,
    /// Index of the parent heading in [`Report::headings`], if any.
    pub parent: Option<usize>,
}

/// The family of an inline list-item marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ItemKind {
    /// `一是` `二是` ….
    Shi,
    /// `第一，` `第二，` ….
    Ordinal,
    /// `首先` `其次` `再次` `最后`.
    Sequence,
    /// `①` inside a paragraph.
    Circled,
    /// `——` or `---` dash bullets.
    Dash,
    /// A numbered marker used inline, such as `1.` inside a paragraph.
    Numbered,
}

/// An inline list item (`一是…`, `第一，…`, `——…`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Item {
    /// From the first character of the marker to the end of the item's text (the next item of
    /// its list, the end of its paragraph or of its section).
    pub span: Span,
    /// The marker as written.
    pub marker: Span,
    /// The marker's family.
    pub kind: ItemKind,
    /// The ordinal (`三是` → 3); `None` for dashes.
    pub ordinal: Option<u32>,
    /// Index of the document in [`Report::documents`].
    pub document: usize,
    /// Index of the innermost heading whose section holds the item, if any.
    pub section: Option<usize>,
}

/// What a statistic measures (ANNOTATION.md §4.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum StatKind {
    /// A measure word counts things or events (`704人`, `12个`).
    Count,
    /// An amount of money (`9万多元`).
    Money,
    /// A percentage (`5.2%`, `七成`).
    Percent,
    /// Percentage points (`1.5个百分点`).
    Points,
    /// A physical quantity (`30平方米`, `1.9万吨`).
    Measure,
    /// A length of time or an age (`20余年`, `60周岁`).
    Duration,
    /// A fraction, ratio or multiple (`三分之一`, `2.52∶1`, `6.95倍`).
    Ratio,
    /// A calendar point or period (`2023年`, `5月7日`).
    Date,
}

impl StatKind {
    /// The kind's name in the `baogao/1` JSON.
    ///
    /// ```
    /// assert_eq!(baogao::StatKind::Points.as_str(), "points");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            StatKind::Count => "count",
            StatKind::Money => "money",
            StatKind::Percent => "percent",
            StatKind::Points => "points",
            StatKind::Measure => "measure",
            StatKind::Duration => "duration",
            StatKind::Ratio => "ratio",
            StatKind::Date => "date",
        }
    }
}

/// How a number is approximated (ANNOTATION.md §4.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Approx {
    /// `多 余 以上 超过 超 逾 上`.
    Over,
    /// `近 不到 不足 将近 以下`.
    Under,
    /// `约 左右 上下 大约`.
    About,
}

impl Approx {
    /// The name in the `baogao/1` JSON.
    ///
    /// ```
    /// assert_eq!(baogao::Approx::Over.as_str(), "over");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Approx::Over => "over",
            Approx::Under => "under",
            Approx::About => "about",
        }
    }
}

/// A statistic: a stated quantity with its number, scale, approximation and unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Stat {
    /// The span: approximation prefix, number, range, suffix and unit (ANNOTATION.md §4.1).
    pub span: Span,
    /// What it measures.
    pub kind: StatKind,
    /// The value, scale applied; the low end of a range. `None` for dates.
    pub value: Option<f64>,
    /// The high end of a range, else `None`.
    pub high: Option<f64>,
    /// The unit as written, without scale (`人`, `元`, `%`, `个百分点`, `吨`); empty when none.
    pub unit: String,
    /// The approximation, if marked.
    pub approx: Option<Approx>,
    /// The thing counted, as written nearby (best effort).
    pub subject: Option<Span>,
    /// Index of the document in [`Report::documents`].
    pub document: usize,
    /// Index of the innermost heading whose section holds the statistic, if any.
    pub section: Option<usize>,
}

/// A template placeholder left in the text (`20_年`, `xx社区`, `***万元`, `某某`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Placeholder {
    /// The mask and the word it stands in.
    pub span: Span,
}

/// The kind of a numeric defect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DefectCode {
    /// A number that lost its unit or percent sign.
    UnitMissing,
    /// A decimal point written as `、` (`325、3万元`).
    DecimalComma,
    /// Parts that add up to more than their stated whole.
    PartsExceedWhole,
    /// `由12减少到7，净减4`: arithmetic that does not hold.
    ArithmeticMismatch,
    /// A share above 100%.
    ShareOver100,
    /// A date after the report's own date.
    FutureDate,
}

impl DefectCode {
    /// The code's name in the `baogao/1` JSON.
    ///
    /// ```
    /// assert_eq!(baogao::DefectCode::UnitMissing.as_str(), "unit-missing");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            DefectCode::UnitMissing => "unit-missing",
            DefectCode::DecimalComma => "decimal-comma",
            DefectCode::PartsExceedWhole => "parts-exceed-whole",
            DefectCode::ArithmeticMismatch => "arithmetic-mismatch",
            DefectCode::ShareOver100 => "share-over-100",
            DefectCode::FutureDate => "future-date",
        }
    }
}

/// A numeric defect worth a warning.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Defect {
    /// Where the defect is.
    pub span: Span,
    /// What kind of defect.
    pub code: DefectCode,
    /// A message for the writer, in Chinese.
    pub message: String,
}

/// The verdict on one checklist item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Verdict {
    /// The item is satisfied.
    Passed,
    /// Partly satisfied (graded items).
    Partial,
    /// Not satisfied.
    Failed,
    /// The item does not apply to this document.
    NotApplicable,
}

/// One scored item of a checklist.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ChecklistItem {
    /// The rubric item's id (`achievements`, `problems`, …).
    pub id: String,
    /// The verdict.
    pub verdict: Verdict,
    /// Points earned.
    pub points: f64,
    /// Points possible.
    pub max: f64,
    /// Evidence spans (or, when failed, the anchor where the missing part was expected).
    pub evidence: Vec<Span>,
    /// What the verdict means, in Chinese.
    pub message: String,
    /// What to do about it, when failed.
    pub suggestion: Option<String>,
}

impl ChecklistItem {
    /// Whether the verdict is [`Verdict::Passed`] (what `passed` means in the JSON).
    ///
    /// ```
    /// # use baogao::*;
    /// let r = analyze("2023年工作总结\n一、主要成绩\n全年接待群众120人次。\n");
    /// for c in &r.checklist { for i in &c.items { let _ = i.passed(); } }
    /// ```
    pub fn passed(&self) -> bool {
        self.verdict == Verdict::Passed
    }
}

/// A document's score against one rubric.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Checklist {
    /// Index of the document in [`Report::documents`].
    pub document: usize,
    /// The rubric's id (`work-summary`, `party-building`, …).
    pub id: String,
    /// Points earned.
    pub score: f64,
    /// Points possible.
    pub max: f64,
    /// The grade band (好 / 较好 / 一般 / 差).
    pub grade: String,
    /// Each item's verdict.
    pub items: Vec<ChecklistItem>,
}

/// A note about something odd in the input that the analysis worked around.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// Where, if it has a place.
    pub span: Option<Span>,
    /// A short machine-readable code.
    pub code: String,
    /// A readable message.
    pub message: String,
}

/// Everything found in one text. Lists are in document order.
///
/// ```
/// let text = "2023年社区工作总结\n一、主要成绩\n全年新发展党员12名。\n二、存在问题\n一是学习不够深入。\n";
/// let report = baogao::analyze(text);
/// assert_eq!(report.documents.len(), 1);
/// assert_eq!(report.headings.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[non_exhaustive]
pub struct Report {
    /// The reports in the text (at least one for any non-empty text).
    pub documents: Vec<Document>,
    /// All headings of all documents, in document order; the tree is given by `parent`/`depth`.
    pub headings: Vec<Heading>,
    /// Inline list items.
    pub items: Vec<Item>,
    /// Statistics and dates.
    pub stats: Vec<Stat>,
    /// Blocks of text that are not the report (page chrome, site headers, editorial blurbs).
    pub boilerplate: Vec<Span>,
    /// Template placeholders.
    pub placeholders: Vec<Placeholder>,
    /// Numeric defects.
    pub defects: Vec<Defect>,
    /// Checklist scores, one per document.
    pub checklist: Vec<Checklist>,
    /// Notes about odd input.
    pub diagnostics: Vec<Diagnostic>,
}
