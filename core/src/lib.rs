//! # baogao — reads Chinese work reports
//!
//! baogao reads a Chinese work report — 工作总结, 党建工作总结, 述职报告, 政府工作报告 — as plain
//! text, however messy, and returns its **outline** (documents, headings at every level, list
//! items, boilerplate, template placeholders), its **statistics** (every quantity in the prose,
//! normalised and placed in the outline, plus numeric defects) and its **checklist score**
//! against a rubric.
//!
//! ```
//! let text = "2023年社区党支部工作总结\n\
//!             一、主要成绩\n\
//!             全年新发展党员12名，走访困难群众300余户。\n\
//!             二、存在问题\n\
//!             一是理论学习不够深入；二是制度落实不到位。\n\
//!             三、下一步打算\n\
//!             明年将组织集中学习不少于12次。\n";
//! let report = baogao::analyze(text);
//! for h in &report.headings {
//!     println!("{}{}", "  ".repeat(h.depth as usize - 1), h.title.slice(text));
//! }
//! for s in &report.stats {
//!     println!("{} = {:?} {}", s.span.slice(text), s.value, s.unit);
//! }
//! for c in &report.checklist {
//!     println!("{}: {}/{} {}", c.id, c.score, c.max, c.grade);
//! }
//! assert_eq!(report.headings.len(), 3);
//! ```
//!
//! ## The outline
//! [`Report::documents`] holds each report in the text (a file may bundle several: "…篇1…篇7",
//! or a Chinese and an English version). [`Report::headings`] holds every heading in document
//! order with its marker ([`MarkerKind`]: `一、` › `（一）` › `1.` › `（1）` › `①`, `第一章`, or
//! none for an unnumbered heading), its ordinal, its depth *as the document itself nests it*
//! (levels may be skipped or restarted), its title span and its section span; `parent` links
//! make the tree, and [`Report::children`], [`Report::section_at`] and [`Report::section_path`]
//! walk it. [`Report::items`] holds inline enumerations (`一是…`, `第一，…`, `——…`),
//! [`Report::boilerplate`] page chrome and site headers, [`Report::placeholders`] template
//! residue (`20_年`, `xx社区`, `***万元`).
//!
//! ```
//! let text = "一、基本情况\n（一）组织建设\n全街道共有党组织46个。\n（二）队伍建设\n二、存在问题\n";
//! let r = baogao::analyze(text);
//! let top: Vec<&str> = r.children(None, 0).map(|h| r.headings[h].title.slice(text)).collect();
//! assert_eq!(top, ["基本情况", "存在问题"]);
//! let at = text.find("46个").unwrap();
//! let path: Vec<&str> = r.section_path(at).iter().map(|&h| r.headings[h].title.slice(text)).collect();
//! assert_eq!(path, ["基本情况", "组织建设"]);
//! ```
//!
//! ## Statistics
//! [`Report::stats`] holds every stated quantity ([`Stat`]): its span (approximation words,
//! number, range, unit), [`StatKind`] (count, money, percent, points, measure, duration, ratio,
//! date), `value` with the scale applied (`9万多元` → 90000), `high` for ranges (`两三个` → 2–3),
//! `unit` as written without scale, [`Approx`], the `subject` counted, and the document and
//! section it stands in. [`Report::defects`] flags numbers that lost their unit, parts that
//! exceed their whole, and similar ([`DefectCode`]). The numeral parser is usable on its own:
//! [`numeral::parse`].
//!
//! ```
//! let text = "全年走访困难群众3200余户，发放慰问金48.6万元。";
//! let r = baogao::analyze(text);
//! let money = r.stats.iter().find(|s| s.kind == baogao::StatKind::Money).unwrap();
//! assert_eq!(money.value, Some(486000.0));
//! assert_eq!(money.unit, "元");
//! ```
//!
//! ## Rubrics
//! A [`Rubric`] is data (TOML or JSON): the parts a report should have and the items it is
//! scored on. Four are built in ([`rubric::builtin_names`]); by default each document is scored
//! against the one that fits its title, and always against `work-summary`, whose items
//! `achievements`, `measures`, `problems` and `plans` say whether the report has each part.
//! Load your own with [`Rubric::from_toml`]; a rubric that does not validate is an [`Error`]
//! with file, line and column.
//!
//! ## Offsets
//! Every span inside the crate is a **byte range** ([`Span`]) into the analysed `&str`, so
//! `span.slice(text)` (or `&text[span.start..span.end]`) gives its text. The `baogao/1` JSON
//! ([`Report::to_json`]) gives character offsets; [`offsets::OffsetIndex`] converts byte offsets
//! to characters (Python's indices) or UTF-16 code units (JavaScript's).
//!
//! ```
//! let text = "😀全镇共有党员704人";
//! let r = baogao::analyze(text);
//! let ix = baogao::offsets::OffsetIndex::new(text);
//! let s = &r.stats[0];
//! assert_eq!(ix.char_offset(s.span.start), 7);   // characters
//! assert_eq!(ix.utf16_offset(s.span.start), 8);  // UTF-16 code units
//! ```
//!
//! ## Errors
//! Analysis never fails and never panics: odd input yields a report plus
//! [`Report::diagnostics`]. Only misuse — a rubric that does not parse, bytes that are not text,
//! an unknown rubric name — returns an [`Error`], which has an [`ErrorKind`] and a [`Location`].
//!
//! ## Features
//! - `decode` (default): [`decode::decode`] for UTF-8/BOM/UTF-16/GB18030 bytes (pulls in
//!   `encoding_rs`; turn it off for a smaller WebAssembly build).
//! - `parallel`: [`analyze_batch`] runs on a rayon thread pool.
//!
//! Serde `Serialize` is implemented for every result type (byte spans); the `baogao/1` JSON
//! with character offsets comes from [`Report::to_json`].
#![deny(missing_docs)]

pub mod boilerplate;
#[cfg(feature = "decode")]
pub mod decode;
mod error;
pub mod json;
pub mod numeral;
pub mod offsets;
pub mod outline;
pub mod placeholder;
mod report;
pub mod rubric;
pub mod stats;
#[cfg(test)]
mod test_support;
pub mod text;

pub use error::{Error, ErrorKind, Location};
pub use report::*;
pub use rubric::Rubric;

/// Which rubric to score documents against.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub enum RubricChoice {
    /// Choose a built-in rubric per document from its title and content (the default).
    #[default]
    Auto,
    /// Do not score.
    None,
    /// Use this rubric for every document.
    Use(Box<Rubric>),
}

/// Options for [`analyze_with`], built with chained setters.
///
/// ```
/// let rubric = baogao::Rubric::builtin("party-building").unwrap();
/// let opts = baogao::Options::new().rubric(rubric);
/// let report = baogao::analyze_with("党支部工作总结\n一、思想建设\n", &opts);
/// assert_eq!(report.checklist[0].id, "party-building");
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Options {
    /// The rubric choice.
    pub rubric: RubricChoice,
}

impl Options {
    /// Default options: automatic rubric choice.
    ///
    /// ```
    /// let _ = baogao::Options::new();
    /// ```
    pub fn new() -> Options {
        Options::default()
    }

    /// Scores every document against `rubric`.
    ///
    /// ```
    /// let o = baogao::Options::new().rubric(baogao::Rubric::builtin("work-summary").unwrap());
    /// # let _ = o;
    /// ```
    pub fn rubric(mut self, rubric: Rubric) -> Options {
        self.rubric = RubricChoice::Use(Box::new(rubric));
        self
    }

    /// Skips checklist scoring.
    ///
    /// ```
    /// let r = baogao::analyze_with("工作总结", &baogao::Options::new().no_rubric());
    /// assert!(r.checklist.is_empty());
    /// ```
    pub fn no_rubric(mut self) -> Options {
        self.rubric = RubricChoice::None;
        self
    }
}

/// Analyses `text` with default options: outline, statistics and checklist.
///
/// ```
/// let r = baogao::analyze("全镇共有党员704人。");
/// assert_eq!(r.documents.len(), 1);
/// ```
pub fn analyze(text: &str) -> Report {
    analyze_with(text, &Options::default())
}

/// Analyses `text` with `options`.
///
/// ```
/// let r = baogao::analyze_with("一、基本情况\n", &baogao::Options::new());
/// assert_eq!(r.headings.len(), 1);
/// ```
pub fn analyze_with(text: &str, options: &Options) -> Report {
    let mut report = analyze_outline_and_stats(text);
    report.checklist = match &options.rubric {
        RubricChoice::None => Vec::new(),
        RubricChoice::Use(r) => rubric::score(text, &report, r),
        RubricChoice::Auto => rubric::score_auto(text, &report),
    };
    report
}

/// Runs every stage but the checklist: boilerplate, placeholders, outline, statistics.
///
/// ```
/// let r = baogao::analyze_outline_and_stats("一、概况\n共有党员12名。");
/// assert!(r.checklist.is_empty());
/// ```
pub fn analyze_outline_and_stats(text: &str) -> Report {
    let boilerplate = boilerplate::find(text);
    let placeholders = placeholder::find(text, &boilerplate);
    let outline = outline::build(text, &boilerplate);
    let ctx = stats::Context {
        boilerplate: &boilerplate,
        placeholders: &placeholders,
        documents: &outline.documents,
        headings: &outline.headings,
    };
    let (stats, defects) = stats::extract(text, &ctx);
    let mut report = Report {
        documents: outline.documents,
        headings: outline.headings,
        items: outline.items,
        stats,
        boilerplate,
        placeholders,
        defects,
        checklist: Vec::new(),
        diagnostics: outline.diagnostics,
    };
    report.place();
    report
}

/// Analyses many texts, in parallel when the `parallel` feature is on; results in input order.
///
/// ```
/// let reports = baogao::analyze_batch(&["一、概况", "二、问题"], &baogao::Options::new());
/// assert_eq!(reports.len(), 2);
/// ```
pub fn analyze_batch<S: AsRef<str> + Sync>(texts: &[S], options: &Options) -> Vec<Report> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        texts
            .par_iter()
            .map(|t| analyze_with(t.as_ref(), options))
            .collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        texts
            .iter()
            .map(|t| analyze_with(t.as_ref(), options))
            .collect()
    }
}

impl Report {
    /// The index of the document holding byte offset `byte`.
    ///
    /// ```
    /// let r = baogao::analyze("工作总结\n一、概况\n");
    /// assert_eq!(r.document_at(0), Some(0));
    /// ```
    pub fn document_at(&self, byte: usize) -> Option<usize> {
        let i = self.documents.partition_point(|d| d.span.start <= byte);
        let i = i.checked_sub(1)?;
        (self.documents[i].span.contains(byte) || self.documents[i].span.end == byte).then_some(i)
    }

    /// The index of the innermost heading whose section holds byte offset `byte`.
    ///
    /// ```
    /// let text = "一、概况\n共有党员12名。\n（一）组织\n支部3个。\n";
    /// let r = baogao::analyze(text);
    /// let at = text.find("支部").unwrap();
    /// assert_eq!(r.section_at(at).map(|h| r.headings[h].depth), Some(2));
    /// ```
    pub fn section_at(&self, byte: usize) -> Option<usize> {
        let i = self.headings.partition_point(|h| h.span.start <= byte);
        let mut cur = i.checked_sub(1);
        while let Some(h) = cur {
            if self.headings[h].span.contains(byte) {
                return Some(h);
            }
            cur = self.headings[h].parent;
        }
        None
    }

    /// The path of headings (outermost first) whose sections hold byte offset `byte`.
    ///
    /// ```
    /// let text = "一、概况\n（一）组织\n支部3个。\n";
    /// let r = baogao::analyze(text);
    /// assert_eq!(r.section_path(text.find("支部").unwrap()).len(), 2);
    /// ```
    pub fn section_path(&self, byte: usize) -> Vec<usize> {
        let mut path = Vec::new();
        let mut cur = self.section_at(byte);
        while let Some(h) = cur {
            path.push(h);
            cur = self.headings[h].parent;
        }
        path.reverse();
        path
    }

    /// The children of heading `index` (or the top-level headings of document `doc` when
    /// `index` is `None`), in document order.
    ///
    /// ```
    /// let r = baogao::analyze("一、概况\n（一）组织\n（二）队伍\n二、问题\n");
    /// assert_eq!(r.children(None, 0).count(), 2);
    /// assert_eq!(r.children(Some(0), 0).count(), 2);
    /// ```
    pub fn children(&self, index: Option<usize>, doc: usize) -> impl Iterator<Item = usize> + '_ {
        self.headings
            .iter()
            .enumerate()
            .filter(move |(_, h)| h.parent == index && (index.is_some() || h.document == doc))
            .map(|(i, _)| i)
    }

    /// The context the statistics stage sees, drawn from this report (for running
    /// [`stats::extract`] on its own, as the benches do).
    ///
    /// ```
    /// let text = "一、概况\n共有党员12名。";
    /// let r = baogao::analyze(text);
    /// let (stats, _defects) = baogao::stats::extract(text, &r.stats_context());
    /// assert_eq!(stats.len(), r.stats.len());
    /// ```
    pub fn stats_context(&self) -> stats::Context<'_> {
        stats::Context {
            boilerplate: &self.boilerplate,
            placeholders: &self.placeholders,
            documents: &self.documents,
            headings: &self.headings,
        }
    }

    /// Sets `document` and `section` of statistics and items from the outline.
    fn place(&mut self) {
        let mut stats = std::mem::take(&mut self.stats);
        for s in &mut stats {
            s.document = self.document_at(s.span.start).unwrap_or(0);
            s.section = self.section_at(s.span.start);
        }
        self.stats = stats;
        let mut items = std::mem::take(&mut self.items);
        for it in &mut items {
            it.document = self.document_at(it.span.start).unwrap_or(0);
            it.section = self.section_at(it.span.start);
        }
        self.items = items;
    }
}
