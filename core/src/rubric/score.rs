//! Scoring one document against a rubric, item by item, with evidence.
//!
//! * Scoring modes: `binary` (all or nothing), `graded` (the measured value picks the points
//!   of the highest threshold it reaches), `deduction` (`per_hit` off the item's points for
//!   each hit, at most `cap`).
//! * A verdict is *passed* at full points, *partial* between, *failed* at zero; an item that
//!   does not apply (its `if` is false, an order with fewer than two parts present) is *not
//!   applicable*: it is left out of both the score and the maximum (its `max` is 0), so a
//!   document is neither rewarded for, nor penalised twice over, a part it lacks.
//! * The grade is the best band whose `min` percent the score reaches; a critical item that is
//!   not passed caps it at `critical_cap` (default: the third band, 一般).

use super::load::fmt_num;
use super::matcher::Hits;
use super::roles::{heading_line, intersect, normalize, subtract, DocContext};
use super::{Check, Cond, Item, KeywordMode, RoleEnd, Rubric, Scope, Scoring, What};
use crate::text::{in_spans, is_blank};
use crate::{Checklist, ChecklistItem, Report, Span, StatKind, Verdict};

/// Scores document `doc`.
pub(crate) fn score_document(
    text: &str,
    report: &Report,
    rubric: &Rubric,
    doc: usize,
) -> Checklist {
    let ends = super::roles::doc_sentence_ends(text, report, doc);
    score_document_with_ends(text, report, rubric, doc, &ends)
}

/// [`score_document`] with the document's sentence ends already found (relative to its start),
/// for scoring one document against several rubrics.
pub(crate) fn score_document_with_ends(
    text: &str,
    report: &Report,
    rubric: &Rubric,
    doc: usize,
    ends: &[usize],
) -> Checklist {
    score_context(&DocContext::with_ends(rubric, text, report, doc, ends))
}

/// [`score_document_with_ends`] with the rubric's cue hits in the document already found
/// (relative to its start), for several rubrics scanned in one pass.
pub(crate) fn score_document_with_hits(
    text: &str,
    report: &Report,
    rubric: &Rubric,
    doc: usize,
    ends: &[usize],
    hits: Hits,
) -> Checklist {
    score_context(&DocContext::with_hits(
        rubric, text, report, doc, ends, hits,
    ))
}

fn score_context(ctx: &DocContext<'_>) -> Checklist {
    let (rubric, doc) = (ctx.rubric, ctx.doc);
    let mut results: Vec<Option<ChecklistItem>> = vec![None; rubric.items.len()];
    // Plain items first, then conditionals (which may name them).
    for pass in 0..2 {
        for (i, item) in rubric.items.iter().enumerate() {
            let is_cond = matches!(item.check, Check::Conditional { .. })
                || matches!(item.when, Some(Cond::Item(..)));
            if (pass == 0) == is_cond {
                continue;
            }
            let r = evaluate(ctx, item, &results);
            if let Some(slot) = results.get_mut(i) {
                *slot = Some(r);
            }
        }
    }
    let items: Vec<ChecklistItem> = results.into_iter().flatten().collect();
    let score: f64 = items.iter().map(|i| i.points).sum();
    let max: f64 = items.iter().map(|i| i.max).sum();
    let pct = if max > 0.0 {
        score / max * 100.0
    } else {
        100.0
    };
    let mut band = rubric
        .grades
        .iter()
        .position(|(_, m)| pct + 1e-9 >= *m)
        .unwrap_or(rubric.grades.len().saturating_sub(1));
    let critical_failed = rubric
        .items
        .iter()
        .zip(&items)
        .any(|(it, r)| it.critical && matches!(r.verdict, Verdict::Failed | Verdict::Partial));
    if critical_failed {
        let cap = rubric
            .critical_cap
            .unwrap_or(2.min(rubric.grades.len().saturating_sub(1)));
        band = band.max(cap);
    }
    Checklist {
        document: doc,
        id: rubric.id.clone(),
        score: round2(score),
        max: round2(max),
        grade: rubric
            .grades
            .get(band)
            .map(|g| g.0.clone())
            .unwrap_or_default(),
        items,
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// What a check measured.
struct Measure {
    /// `None`: not applicable.
    ok: Option<bool>,
    value: f64,
    evidence: Vec<Span>,
    detail: String,
}

impl DocContext<'_> {
    fn scope_spans(&self, s: Scope) -> Vec<Span> {
        match s {
            Scope::Document => self.base.clone(),
            Scope::Body => {
                let title = self
                    .report
                    .documents
                    .get(self.doc)
                    .map(|d| d.title)
                    .filter(|t| !t.is_empty());
                let mut cut = self.titles.clone();
                cut.extend(title);
                subtract(&self.base, &normalize(cut))
            }
            Scope::Title => {
                let t = self
                    .report
                    .documents
                    .get(self.doc)
                    .map(|d| d.title)
                    .filter(|t| !t.is_empty());
                intersect(&normalize(t.into_iter().collect()), &self.base)
            }
            Scope::Headings(depth) => {
                let v = self
                    .heads
                    .iter()
                    .filter_map(|&h| self.report.headings.get(h))
                    .filter(|h| depth.map_or(true, |d| h.depth == d))
                    .map(heading_line)
                    .collect();
                intersect(&normalize(v), &self.base)
            }
            Scope::Role(r) => self.role_spans(r),
        }
    }

    fn item_scope(&self, item: &Item) -> Vec<Span> {
        let mut s = self.scope_spans(item.scope);
        for e in &item.exclude {
            s = subtract(&s, &self.scope_spans(*e));
        }
        s
    }

    fn role_name(&self, r: usize) -> &str {
        self.rubric.roles.get(r).map_or("", |x| x.name.as_str())
    }

    /// Where a missing role was expected.
    fn expected_at(&self, r: usize) -> Span {
        let end = Span::new(self.span.end, self.span.end);
        let Some(role) = self.rubric.roles.get(r) else {
            return end;
        };
        if role.end == RoleEnd::Last {
            return end;
        }
        self.parts
            .iter()
            .skip(r + 1)
            .filter_map(|p| p.first())
            .map(|p| p.span.start)
            .min()
            .map_or(end, |s| Span::new(s, s))
    }

    fn cond(&self, c: Cond, results: &[Option<ChecklistItem>]) -> bool {
        match c {
            Cond::Role(r, want) => self.present(r) == want,
            Cond::Item(i, want) => {
                results
                    .get(i)
                    .and_then(|r| r.as_ref())
                    .is_some_and(|r| r.verdict == Verdict::Passed)
                    == want
            }
        }
    }
}

fn evaluate(ctx: &DocContext<'_>, item: &Item, results: &[Option<ChecklistItem>]) -> ChecklistItem {
    let m = measure(ctx, item, results);
    let (verdict, points) = match m.ok {
        None => (Verdict::NotApplicable, 0.0),
        Some(ok) => {
            let pts = match &item.scoring {
                Scoring::Binary => {
                    if ok {
                        item.points
                    } else {
                        0.0
                    }
                }
                Scoring::Graded(t) => t
                    .iter()
                    .rev()
                    .find(|(v, _)| m.value + 1e-9 >= *v)
                    .map_or(0.0, |(_, p)| *p),
                Scoring::Deduction { per_hit, cap } => {
                    (item.points - (per_hit * m.value).min(*cap)).max(0.0)
                }
            };
            let v = if item.points <= 0.0 {
                if ok {
                    Verdict::Passed
                } else {
                    Verdict::Failed
                }
            } else if pts + 1e-9 >= item.points {
                Verdict::Passed
            } else if pts > 1e-9 {
                Verdict::Partial
            } else {
                Verdict::Failed
            };
            (v, pts)
        }
    };
    let head = match verdict {
        Verdict::Passed => "符合要求",
        Verdict::NotApplicable => "不适用",
        _ if item.message.is_empty() => "不符合要求",
        _ => item.message.as_str(),
    };
    let message = with_paren(head, &m.detail);
    ChecklistItem {
        id: item.id.clone(),
        verdict,
        points: round2(points),
        max: if verdict == Verdict::NotApplicable {
            0.0
        } else {
            item.points
        },
        evidence: m.evidence,
        message,
        suggestion: match verdict {
            Verdict::Passed | Verdict::NotApplicable => None,
            _ => item.suggestion.clone(),
        },
    }
}

/// `head`, then `detail` in full-width parentheses unless it is empty (`符合要求（3 条）`).
fn with_paren(head: &str, detail: &str) -> String {
    if detail.is_empty() {
        return head.to_owned();
    }
    let mut s = String::with_capacity(head.len() + detail.len() + 6);
    s.push_str(head);
    s.push('（');
    s.push_str(detail);
    s.push('）');
    s
}

fn bounds_ok(v: f64, min: Option<f64>, max: Option<f64>) -> bool {
    min.map_or(true, |m| v + 1e-9 >= m) && max.map_or(true, |m| v <= m + 1e-9)
}

fn bounds_text(min: Option<f64>, max: Option<f64>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("应在 {}–{} 之间", fmt_num(a), fmt_num(b)),
        (Some(a), None) => format!("至少 {}", fmt_num(a)),
        (None, Some(b)) => format!("至多 {}", fmt_num(b)),
        (None, None) => String::new(),
    }
}

const MAX_EVIDENCE: usize = 20;

fn measure(ctx: &DocContext<'_>, item: &Item, results: &[Option<ChecklistItem>]) -> Measure {
    let text = ctx.text;
    if let Some(c) = item.when {
        if !ctx.cond(c, results) {
            return Measure {
                ok: None,
                value: 0.0,
                evidence: Vec::new(),
                detail: "前提不成立".into(),
            };
        }
    }
    match &item.check {
        Check::SectionPresent { role } => {
            let parts = ctx.parts.get(*role).map(Vec::as_slice).unwrap_or(&[]);
            if parts.is_empty() {
                Measure {
                    ok: Some(false),
                    value: 0.0,
                    evidence: vec![ctx.expected_at(*role)],
                    detail: format!("未找到“{}”部分", ctx.role_name(*role)),
                }
            } else {
                Measure {
                    ok: Some(true),
                    value: parts.len() as f64,
                    evidence: parts.iter().map(|p| p.anchor).take(MAX_EVIDENCE).collect(),
                    detail: format!("找到“{}”部分 {} 处", ctx.role_name(*role), parts.len()),
                }
            }
        }
        Check::SectionOrder { order } => {
            let mut firsts: Vec<(usize, Span, usize)> = Vec::new();
            for (k, group) in order.iter().enumerate() {
                let first = group
                    .iter()
                    .filter_map(|&r| ctx.parts.get(r).and_then(|p| p.first()))
                    .min_by_key(|p| p.span.start);
                if let Some(p) = first {
                    firsts.push((k, p.anchor, p.span.start));
                }
            }
            if firsts.len() < 2 {
                return Measure {
                    ok: None,
                    value: 0.0,
                    evidence: Vec::new(),
                    detail: "可比较的部分不足两个".into(),
                };
            }
            let bad = firsts.windows(2).find(|w| w[0].2 > w[1].2);
            let names = |k: usize| -> String {
                order
                    .get(k)
                    .map(|g| {
                        g.iter()
                            .map(|&r| ctx.role_name(r))
                            .collect::<Vec<_>>()
                            .join("/")
                    })
                    .unwrap_or_default()
            };
            match bad {
                None => Measure {
                    ok: Some(true),
                    value: 1.0,
                    evidence: firsts.iter().map(|f| f.1).collect(),
                    detail: firsts
                        .iter()
                        .map(|f| names(f.0))
                        .collect::<Vec<_>>()
                        .join(" → "),
                },
                Some(w) => Measure {
                    ok: Some(false),
                    value: 0.0,
                    evidence: vec![w[1].1, w[0].1],
                    detail: format!("“{}”出现在“{}”之前", names(w[1].0), names(w[0].0)),
                },
            }
        }
        Check::Keywords { groups, mode } => {
            let scope = ctx.item_scope(item);
            let mut satisfied = 0usize;
            let mut evidence = Vec::new();
            let mut missing = Vec::new();
            for (name, cues, min) in groups {
                let hits = ctx.hits.within(cues, &scope);
                if hits.len() >= *min {
                    satisfied += 1;
                    evidence.extend(hits.iter().take(3));
                } else {
                    missing.push(name.as_str());
                }
            }
            let n = groups.len();
            let ok = match mode {
                KeywordMode::Any => satisfied >= 1,
                KeywordMode::All => satisfied == n,
                KeywordMode::K(k) => satisfied >= *k,
            };
            evidence.sort();
            evidence.truncate(MAX_EVIDENCE);
            let mut detail = format!("{satisfied}/{n} 组命中");
            if !missing.is_empty() && missing.len() <= 12 {
                detail.push_str(&format!("；缺：{}", missing.join("、")));
            }
            Measure {
                ok: Some(ok),
                value: satisfied as f64,
                evidence,
                detail,
            }
        }
        Check::Count {
            what,
            depth,
            min,
            max,
            kinds,
        } => {
            let scope = ctx.item_scope(item);
            let (value, evidence) = count(ctx, *what, *depth, kinds, &scope);
            let ok = bounds_ok(value, *min, *max);
            let unit = match what {
                What::Items => "个列举项",
                What::Points => "条",
                What::Headings => "个标题",
                What::Stats => "个统计数据",
                What::Sentences => "句",
                What::Chars => "字",
                What::Paragraphs => "段",
            };
            Measure {
                ok: Some(ok),
                value,
                evidence: evidence.into_iter().take(MAX_EVIDENCE).collect(),
                detail: format!("{} {unit}，{}", fmt_num(value), bounds_text(*min, *max)),
            }
        }
        Check::Forbidden {
            placeholders,
            boilerplate,
            cues,
        } => {
            let scope = ctx.item_scope(item);
            let mut hits: Vec<Span> = Vec::new();
            let mut parts = Vec::new();
            if *placeholders {
                let ph = &ctx.report.placeholders;
                let lo = ph.partition_point(|p| p.span.start < ctx.span.start);
                let hi = ph.partition_point(|p| p.span.start < ctx.span.end);
                let v: Vec<Span> = ph
                    .get(lo..hi.max(lo))
                    .unwrap_or(&[])
                    .iter()
                    .map(|p| p.span)
                    .filter(|s| in_spans(&scope, s.start))
                    .collect();
                if !v.is_empty() {
                    parts.push(format!("模板占位符 {} 处", v.len()));
                }
                hits.extend(v);
            }
            if *boilerplate {
                // Chrome above the first document and below the last belongs to them.
                let docs = ctx.report.documents.len();
                let region = Span::new(
                    if ctx.doc == 0 { 0 } else { ctx.span.start },
                    if ctx.doc + 1 >= docs {
                        ctx.text.len()
                    } else {
                        ctx.span.end
                    },
                );
                let bp = &ctx.report.boilerplate;
                let lo = bp.partition_point(|b| b.end <= region.start);
                let hi = bp.partition_point(|b| b.start < region.end);
                let v: Vec<Span> = bp
                    .get(lo..hi.max(lo))
                    .unwrap_or(&[])
                    .iter()
                    .filter(|b| b.overlaps(&region))
                    .copied()
                    .collect();
                if !v.is_empty() {
                    parts.push(format!("网页残留 {} 处", v.len()));
                }
                hits.extend(v);
            }
            if !cues.is_empty() {
                let v = ctx.hits.within(cues, &scope);
                if !v.is_empty() {
                    let sample: Vec<&str> = v.iter().take(3).map(|s| s.slice(text)).collect();
                    parts.push(format!("套话 {} 处：{}", v.len(), sample.join("、")));
                }
                hits.extend(v);
            }
            hits.sort();
            let n = hits.len();
            Measure {
                ok: Some(n == 0),
                value: n as f64,
                evidence: hits.into_iter().take(MAX_EVIDENCE).collect(),
                detail: if n == 0 {
                    "未发现".into()
                } else {
                    parts.join("；")
                },
            }
        }
        Check::Conditional {
            when,
            then,
            then_cues,
        } => {
            if !ctx.cond(*when, results) {
                return Measure {
                    ok: None,
                    value: 0.0,
                    evidence: Vec::new(),
                    detail: "前提不成立".into(),
                };
            }
            let mut ok = ctx.cond(*then, results);
            let mut evidence = Vec::new();
            if ok && !then_cues.is_empty() {
                let scope = match then {
                    Cond::Role(r, true) => ctx.role_spans(*r),
                    _ => ctx.item_scope(item),
                };
                let hits = ctx.hits.within(then_cues, &scope);
                ok = !hits.is_empty();
                evidence = hits.into_iter().take(MAX_EVIDENCE).collect();
            }
            Measure {
                ok: Some(ok),
                value: f64::from(u8::from(ok)),
                evidence,
                detail: String::new(),
            }
        }
    }
}

fn count(
    ctx: &DocContext<'_>,
    what: What,
    depth: Option<u8>,
    kinds: &[StatKind],
    scope: &[Span],
) -> (f64, Vec<Span>) {
    let text = ctx.text;
    let r = ctx.report;
    let heads_in = |inner_only: bool| -> Vec<Span> {
        ctx.heads
            .iter()
            .filter_map(|&h| r.headings.get(h))
            .filter(|h| depth.map_or(true, |d| h.depth == d))
            .map(heading_line)
            .filter(|l| in_spans(scope, l.start))
            .filter(|l| {
                !inner_only || {
                    let i = scope.partition_point(|s| s.start < l.start);
                    !scope.get(i).is_some_and(|s| s.start == l.start)
                }
            })
            .collect()
    };
    let items_in = || -> Vec<Span> {
        let lo = r.items.partition_point(|i| i.span.start < ctx.span.start);
        let hi = r.items.partition_point(|i| i.span.start < ctx.span.end);
        r.items
            .get(lo..hi.max(lo))
            .unwrap_or(&[])
            .iter()
            .filter(|i| in_spans(scope, i.span.start))
            .map(|i| i.marker)
            .collect()
    };
    let prose = subtract(scope, &ctx.titles);
    let sentences = || -> Vec<Span> {
        let mut out = Vec::new();
        for s in &prose {
            let mut start = s.start;
            // The document's sentence ends hold every end of these sentences (and line ends).
            for e in ctx.ends_after(s.start) {
                if e > s.end {
                    break;
                }
                let c = text.get(..e).and_then(|h| h.chars().next_back());
                if matches!(c, Some('。' | '！' | '？' | '!' | '?' | '；' | ';')) {
                    let sent = Span::new(start, e);
                    if sent
                        .slice(text)
                        .chars()
                        .any(|c| !is_blank(c) && !c.is_ascii_punctuation())
                    {
                        out.push(sent);
                    }
                    start = e;
                }
            }
        }
        out
    };
    match what {
        What::Items => {
            let v = items_in();
            (v.len() as f64, v)
        }
        What::Headings => {
            let v = heads_in(false);
            (v.len() as f64, v)
        }
        What::Points => {
            let mut v = items_in();
            v.extend(heads_in(true));
            v.sort();
            if v.is_empty() {
                // An unenumerated passage: its sentences, less those that announce the part.
                let announce: Vec<_> = ctx
                    .rubric
                    .roles
                    .iter()
                    .flat_map(|r| r.lead.iter().chain(&r.opener))
                    .copied()
                    .collect();
                let ann = ctx.hits.within(&announce, &prose);
                let s: Vec<Span> = sentences()
                    .into_iter()
                    .filter(|x| {
                        let i = ann.partition_point(|a| a.start < x.start);
                        !ann.get(i).is_some_and(|a| a.start < x.end)
                    })
                    .collect();
                return (s.len() as f64, s);
            }
            (v.len() as f64, v)
        }
        What::Stats => {
            let lo = r.stats.partition_point(|s| s.span.start < ctx.span.start);
            let hi = r.stats.partition_point(|s| s.span.start < ctx.span.end);
            let v: Vec<Span> = r
                .stats
                .get(lo..hi.max(lo))
                .unwrap_or(&[])
                .iter()
                .filter(|s| {
                    if kinds.is_empty() {
                        s.kind != StatKind::Date
                    } else {
                        kinds.contains(&s.kind)
                    }
                })
                .map(|s| s.span)
                .filter(|s| in_spans(scope, s.start))
                .collect();
            (v.len() as f64, v)
        }
        What::Sentences => {
            let v = sentences();
            (v.len() as f64, v)
        }
        What::Chars => {
            let n: usize = scope
                .iter()
                .map(|s| crate::text::count_nonblank(s.slice(text)))
                .sum();
            (n as f64, Vec::new())
        }
        What::Paragraphs => {
            let mut v = Vec::new();
            for s in scope {
                for l in crate::text::lines(s.slice(text)) {
                    let l = Span::new(l.start + s.start, l.end + s.start);
                    if !crate::text::is_blank_line(l.slice(text)) {
                        v.push(l);
                    }
                }
            }
            (v.len() as f64, v)
        }
    }
}

/// The outcome of one example of a rubric item (see [`run_examples`]).
///
/// ```
/// let r = baogao::Rubric::builtin("duty-report").unwrap();
/// let bad: Vec<_> = baogao::rubric::run_examples(&r).into_iter().filter(|x| !x.ok).collect();
/// assert!(bad.is_empty(), "{bad:?}");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ExampleResult {
    /// The item's id.
    pub item: String,
    /// Whether the example is a `pass` example (else a `fail` example).
    pub expect_pass: bool,
    /// The example text.
    pub snippet: String,
    /// The verdict the item got on the example.
    pub verdict: Verdict,
    /// Whether the verdict is what the example expects (passed for a pass example; failed or
    /// partial for a fail example).
    pub ok: bool,
    /// The item's message on the example.
    pub message: String,
}

/// Runs every item's `examples.pass` and `examples.fail` snippets: each snippet is analysed as
/// a report of its own and the item is scored on its first document.
///
/// ```
/// let r = baogao::Rubric::builtin("work-summary").unwrap();
/// let results = baogao::rubric::run_examples(&r);
/// assert!(results.iter().any(|x| x.item == "problems" && x.ok));
/// ```
pub fn run_examples(rubric: &Rubric) -> Vec<ExampleResult> {
    let mut out = Vec::new();
    for (id, ex) in rubric.examples() {
        let Some(idx) = rubric.items.iter().position(|i| i.id == id) else {
            continue;
        };
        for (expect_pass, list) in [(true, &ex.pass), (false, &ex.fail)] {
            for snippet in list {
                let report = crate::analyze_outline_and_stats(snippet);
                let cl = score_document(snippet, &report, rubric, 0);
                let Some(it) = cl.items.get(idx) else {
                    continue;
                };
                let ok = if expect_pass {
                    it.verdict == Verdict::Passed
                } else {
                    matches!(it.verdict, Verdict::Failed | Verdict::Partial)
                };
                out.push(ExampleResult {
                    item: id.to_owned(),
                    expect_pass,
                    snippet: snippet.clone(),
                    verdict: it.verdict,
                    ok,
                    message: it.message.clone(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Placeholder, Stat};

    fn stat(text: &str, s: &str, kind: StatKind) -> Stat {
        let start = text.find(s).unwrap();
        Stat {
            span: Span::new(start, start + s.len()),
            kind,
            value: None,
            high: None,
            unit: String::new(),
            approx: None,
            subject: None,
            document: 0,
            section: None,
        }
    }

    /// A hand-built report with the stages that are stubs on this branch filled in: statistics,
    /// placeholders and boilerplate.
    #[test]
    fn stats_placeholders_and_boilerplate_items() {
        let text = "下载 打印\n2023年xx社区工作总结\n全年新发展党员12名，走访困难群众300余户，筹集资金9万多元。\n";
        let mut r = crate::analyze_outline_and_stats(text);
        let doc_start = text.find("2023").unwrap();
        r.documents = vec![Document::new(
            Span::new(doc_start, text.len()),
            Span::new(doc_start, text.find("\n全年").unwrap()),
        )];
        r.boilerplate = vec![Span::new(0, doc_start - 1)];
        let ph = text.find("xx社区").unwrap();
        r.placeholders = vec![Placeholder {
            span: Span::new(ph, ph + "xx社区".len()),
        }];
        r.stats = vec![
            stat(text, "2023年", StatKind::Date),
            stat(text, "12名", StatKind::Count),
            stat(text, "300余户", StatKind::Count),
            stat(text, "9万多元", StatKind::Money),
        ];
        let rub = Rubric::builtin("work-summary").unwrap();
        let c = score_document(text, &r, &rub, 0);
        let get = |id: &str| c.items.iter().find(|i| i.id == id).unwrap();
        // Three quantified results (the date does not count); achievements found by them.
        assert_eq!(get("quantified").verdict, Verdict::Passed);
        assert_eq!(get("quantified").evidence.len(), 3);
        assert_eq!(get("achievements").verdict, Verdict::Passed);
        // One placeholder: 2 points off 5.
        assert_eq!(get("no-placeholders").verdict, Verdict::Partial);
        assert_eq!(get("no-placeholders").points, 3.0);
        assert_eq!(get("no-placeholders").evidence[0].slice(text), "xx社区");
        // Chrome above the first document is the first document's.
        assert_eq!(get("no-boilerplate").verdict, Verdict::Partial);
        // Problems and plans absent: their follow-up items are out of the maximum.
        assert_eq!(get("problems-concrete").verdict, Verdict::NotApplicable);
        assert_eq!(get("problems-concrete").max, 0.0);
        assert!(c.max < 100.0);
        // A failed critical item caps the grade; here achievements passed, so no cap.
        assert!(!c.grade.is_empty());
    }

    #[test]
    fn critical_failure_caps_grade() {
        let text = "工作总结\n一、存在问题\n一是学习不深入；二是制度不落实。\n二、下一步打算\n年底前完善制度，针对问题每月集中学习一次。\n";
        let r = crate::analyze_outline_and_stats(text);
        let rub = Rubric::builtin("work-summary").unwrap();
        let c = score_document(text, &r, &rub, 0);
        let ach = c.items.iter().find(|i| i.id == "achievements").unwrap();
        assert_eq!(ach.verdict, Verdict::Failed);
        assert!(ach.suggestion.is_some());
        // Expected where the missing part would stand: before the problems.
        assert_eq!(ach.evidence[0].start, text.find("一、存在").unwrap());
        let order = ["好", "较好", "一般", "差"];
        let g = order.iter().position(|g| *g == c.grade).unwrap();
        assert!(g >= 2, "grade {} not capped", c.grade);
    }

    #[test]
    fn sentences_and_chars_counted_as_read_char_by_char() {
        let src = r#"
version = 1
id = "counts"
total = 2

[[items]]
id = "sentences"
kind = "count"
what = "sentences"
scope = "body"
min = 1
points = 1
message = "句数"

[[items]]
id = "chars"
kind = "count"
what = "chars"
scope = "body"
min = 1
points = 1
message = "字数"
"#;
        let rub = Rubric::from_toml(src, None).unwrap();
        let text = "工作总结\n全年走访群众300户。 Mr. Wang 说：好！真的?是;\n\u{3000}没有句号的一行\n再一句；？\u{FEFF}。尾巴";
        let r = crate::analyze_outline_and_stats(text);
        let c = score_document(text, &r, &rub, 0);
        let get = |id: &str| c.items.iter().find(|i| i.id == id).unwrap();
        // The same sentences as a char-by-char split of the body (after the title line),
        // keeping those with a word in them.
        let body = text.find('\n').unwrap();
        let mut want = Vec::new();
        let mut start = body;
        for (i, ch) in text[body..].char_indices() {
            if matches!(ch, '。' | '！' | '？' | '!' | '?' | '；' | ';') {
                let e = body + i + ch.len_utf8();
                if text[start..e]
                    .chars()
                    .any(|c| !is_blank(c) && !c.is_ascii_punctuation())
                {
                    want.push(Span::new(start, e));
                }
                start = e;
            }
        }
        assert_eq!(get("sentences").evidence, want);
        assert_eq!(want.len(), 7);
        let chars = text[body..].chars().filter(|c| !is_blank(*c)).count();
        assert_eq!(chars, 42);
        assert!(
            get("chars").message.contains(&format!("（{chars} 字，")),
            "{:?}",
            get("chars")
        );
    }
}
