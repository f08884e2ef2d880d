//! The `baogao/1` JSON document: the one place where a [`Report`] becomes JSON, so that the
//! CLI, Python and JS emit the same thing.
//!
//! Offsets in the JSON are characters (Unicode scalar values) by default, as REPORT-JSON.md
//! requires; [`OffsetUnit::Utf16`] gives UTF-16 code units for JavaScript, with the character
//! offsets kept beside them as `char_start`/`char_end`.

use serde::Serialize;

use crate::offsets::OffsetIndex;
use crate::report::*;

/// The schema name written in every document.
pub const SCHEMA: &str = "baogao/1";

/// Which unit `start`/`end` are given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum OffsetUnit {
    /// Unicode scalar values (the `baogao/1` default; Python's `str` indices).
    #[default]
    Chars,
    /// UTF-16 code units (JavaScript's `String` indices); `char_start`/`char_end` are added.
    Utf16,
}

#[derive(Serialize)]
struct Pos {
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    char_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    char_end: Option<usize>,
}

struct Conv<'a> {
    ix: OffsetIndex<'a>,
    unit: OffsetUnit,
}

impl Conv<'_> {
    fn at(&self, byte: usize) -> usize {
        match self.unit {
            OffsetUnit::Chars => self.ix.char_offset(byte),
            OffsetUnit::Utf16 => self.ix.utf16_offset(byte),
        }
    }
    fn pos(&self, s: Span) -> Pos {
        match self.unit {
            OffsetUnit::Chars => Pos {
                start: self.at(s.start),
                end: self.at(s.end),
                char_start: None,
                char_end: None,
            },
            OffsetUnit::Utf16 => Pos {
                start: self.at(s.start),
                end: self.at(s.end),
                char_start: Some(self.ix.char_offset(s.start)),
                char_end: Some(self.ix.char_offset(s.end)),
            },
        }
    }
}

#[derive(Serialize)]
struct JDocument<'t> {
    #[serde(flatten)]
    pos: Pos,
    title: &'t str,
}

#[derive(Serialize)]
struct JHeading<'t> {
    #[serde(flatten)]
    pos: Pos,
    title_end: usize,
    document: usize,
    depth: u8,
    marker: &'t str,
    marker_kind: MarkerKind,
    ordinal: Option<u32>,
    title: &'t str,
    parent: Option<usize>,
}

#[derive(Serialize)]
struct JItem<'t> {
    #[serde(flatten)]
    pos: Pos,
    document: usize,
    marker: &'t str,
    kind: ItemKind,
    ordinal: Option<u32>,
    section: Option<usize>,
}

#[derive(Serialize)]
struct JStat<'t> {
    #[serde(flatten)]
    pos: Pos,
    text: &'t str,
    kind: StatKind,
    value: Option<f64>,
    high: Option<f64>,
    unit: &'t str,
    approx: Option<Approx>,
    subject: Option<&'t str>,
    document: usize,
    section: Option<usize>,
}

#[derive(Serialize)]
struct JSpan {
    #[serde(flatten)]
    pos: Pos,
}

#[derive(Serialize)]
struct JPlaceholder<'t> {
    #[serde(flatten)]
    pos: Pos,
    text: &'t str,
}

#[derive(Serialize)]
struct JDefect<'t> {
    #[serde(flatten)]
    pos: Pos,
    code: &'static str,
    message: &'t str,
}

#[derive(Serialize)]
struct JCheckItem<'t> {
    id: &'t str,
    passed: bool,
    verdict: Verdict,
    points: f64,
    max: f64,
    evidence: Vec<JSpan>,
    message: &'t str,
    suggestion: Option<&'t str>,
}

#[derive(Serialize)]
struct JChecklist<'t> {
    document: usize,
    id: &'t str,
    score: f64,
    max: f64,
    grade: &'t str,
    items: Vec<JCheckItem<'t>>,
}

#[derive(Serialize)]
struct JDiagnostic<'t> {
    start: Option<usize>,
    end: Option<usize>,
    code: &'t str,
    message: &'t str,
}

#[derive(Serialize)]
struct JReport<'t> {
    schema: &'static str,
    offsets: &'static str,
    length: usize,
    documents: Vec<JDocument<'t>>,
    headings: Vec<JHeading<'t>>,
    items: Vec<JItem<'t>>,
    stats: Vec<JStat<'t>>,
    boilerplate: Vec<JSpan>,
    placeholders: Vec<JPlaceholder<'t>>,
    defects: Vec<JDefect<'t>>,
    checklist: Vec<JChecklist<'t>>,
    diagnostics: Vec<JDiagnostic<'t>>,
}

fn build<'t>(report: &'t Report, text: &'t str, unit: OffsetUnit) -> JReport<'t> {
    let c = Conv {
        ix: OffsetIndex::new(text),
        unit,
    };
    let sl = |s: Span| s.slice(text);
    JReport {
        schema: SCHEMA,
        offsets: match unit {
            OffsetUnit::Chars => "chars",
            OffsetUnit::Utf16 => "utf16",
        },
        length: c.at(text.len()),
        documents: report
            .documents
            .iter()
            .map(|d| JDocument {
                pos: c.pos(d.span),
                title: sl(d.title),
            })
            .collect(),
        headings: report
            .headings
            .iter()
            .map(|h| JHeading {
                pos: c.pos(h.span),
                title_end: c.at(h.title.end),
                document: h.document,
                depth: h.depth,
                marker: sl(h.marker),
                marker_kind: h.marker_kind,
                ordinal: h.ordinal,
                title: sl(h.title),
                parent: h.parent,
            })
            .collect(),
        items: report
            .items
            .iter()
            .map(|i| JItem {
                pos: c.pos(i.span),
                document: i.document,
                marker: sl(i.marker),
                kind: i.kind,
                ordinal: i.ordinal,
                section: i.section,
            })
            .collect(),
        stats: report
            .stats
            .iter()
            .map(|s| JStat {
                pos: c.pos(s.span),
                text: sl(s.span),
                kind: s.kind,
                value: s.value,
                high: s.high,
                unit: &s.unit,
                approx: s.approx,
                subject: s.subject.map(sl),
                document: s.document,
                section: s.section,
            })
            .collect(),
        boilerplate: report
            .boilerplate
            .iter()
            .map(|&b| JSpan { pos: c.pos(b) })
            .collect(),
        placeholders: report
            .placeholders
            .iter()
            .map(|p| JPlaceholder {
                pos: c.pos(p.span),
                text: sl(p.span),
            })
            .collect(),
        defects: report
            .defects
            .iter()
            .map(|d| JDefect {
                pos: c.pos(d.span),
                code: d.code.as_str(),
                message: &d.message,
            })
            .collect(),
        checklist: report
            .checklist
            .iter()
            .map(|cl| JChecklist {
                document: cl.document,
                id: &cl.id,
                score: cl.score,
                max: cl.max,
                grade: &cl.grade,
                items: cl
                    .items
                    .iter()
                    .map(|it| JCheckItem {
                        id: &it.id,
                        passed: it.passed(),
                        verdict: it.verdict,
                        points: it.points,
                        max: it.max,
                        evidence: it
                            .evidence
                            .iter()
                            .map(|&e| JSpan { pos: c.pos(e) })
                            .collect(),
                        message: &it.message,
                        suggestion: it.suggestion.as_deref(),
                    })
                    .collect(),
            })
            .collect(),
        diagnostics: report
            .diagnostics
            .iter()
            .map(|d| JDiagnostic {
                start: d.span.map(|s| c.at(s.start)),
                end: d.span.map(|s| c.at(s.end)),
                code: &d.code,
                message: &d.message,
            })
            .collect(),
    }
}

impl Report {
    /// The `baogao/1` JSON document for this report of `text`, with character offsets.
    ///
    /// `text` must be the text that was analysed.
    ///
    /// ```
    /// let text = "工作总结\n一、基本情况\n全镇共有党员704人。\n";
    /// let json = baogao::analyze(text).to_json(text);
    /// assert!(json.starts_with("{\"schema\":\"baogao/1\""));
    /// ```
    pub fn to_json(&self, text: &str) -> String {
        self.to_json_with(text, OffsetUnit::Chars, false)
    }

    /// The `baogao/1` JSON document with a choice of offset unit, compact or pretty.
    ///
    /// ```
    /// use baogao::json::OffsetUnit;
    /// let text = "😀工作总结";
    /// let json = baogao::analyze(text).to_json_with(text, OffsetUnit::Utf16, true);
    /// assert!(json.contains("\"offsets\": \"utf16\""));
    /// ```
    pub fn to_json_with(&self, text: &str, unit: OffsetUnit, pretty: bool) -> String {
        let doc = build(self, text, unit);
        let out = if pretty {
            serde_json::to_string_pretty(&doc)
        } else {
            serde_json::to_string(&doc)
        };
        // Serialising these plain structs cannot fail (no maps with non-string keys, no
        // non-finite floats are rejected by serde_json: they become null).
        out.unwrap_or_else(|e| format!("{{\"schema\":\"{SCHEMA}\",\"error\":\"{e}\"}}"))
    }

    /// Writes the `baogao/1` JSON document to `w` as it is serialised, without building it
    /// as one string first (for large inputs: the CLI streams its output this way).
    ///
    /// ```
    /// use baogao::json::OffsetUnit;
    /// let text = "全镇共有党员704人。";
    /// let report = baogao::analyze(text);
    /// let mut out = Vec::new();
    /// report.write_json(text, OffsetUnit::Chars, false, &mut out).unwrap();
    /// assert_eq!(out, report.to_json(text).into_bytes());
    /// ```
    pub fn write_json<W: std::io::Write>(
        &self,
        text: &str,
        unit: OffsetUnit,
        pretty: bool,
        w: W,
    ) -> std::io::Result<()> {
        let doc = build(self, text, unit);
        let out = if pretty {
            serde_json::to_writer_pretty(w, &doc)
        } else {
            serde_json::to_writer(w, &doc)
        };
        out.map_err(std::io::Error::from)
    }

    /// The `baogao/1` document as a [`serde_json::Value`].
    ///
    /// ```
    /// let text = "工作总结";
    /// let v = baogao::analyze(text).to_json_value(text, baogao::json::OffsetUnit::Chars);
    /// assert_eq!(v["schema"], "baogao/1");
    /// ```
    pub fn to_json_value(&self, text: &str, unit: OffsetUnit) -> serde_json::Value {
        serde_json::to_value(build(self, text, unit)).unwrap_or(serde_json::Value::Null)
    }
}
