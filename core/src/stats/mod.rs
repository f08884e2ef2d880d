//! Statistics: every quantity stated in the prose, normalised; and numeric defects.
//! ANNOTATION.md §4 and §6.
//!
//! One left-to-right pass (the `scan` module) reads every number with the [`crate::numeral`] scanner and
//! decides what it is from the words around it (units, approximation markers, ordinals, codes,
//! slogans — all read from data files under `core/data/stats/`); a second pass over the
//! candidates applies shared units and shared approximation markers (`分别提高20.9、36.2、
//! 54个百分点`), repairs a decimal point written as `、` (`325、3万元`), keeps the indefinite
//! `一个` only inside lists of counts, and finds subjects and defects.
//!
//! ```
//! use baogao::stats::{extract, Context};
//! use baogao::StatKind;
//! let text = "全镇共有党员704人，发展新党员9名，分别提高20.9、36.2、54个百分点。";
//! let (stats, _) = extract(text, &Context::empty());
//! let got: Vec<&str> = stats.iter().map(|s| s.span.slice(text)).collect();
//! assert_eq!(got, ["704人", "9名", "20.9", "36.2", "54个百分点"]);
//! assert_eq!(stats[2].kind, StatKind::Points);
//! assert_eq!(stats[0].subject.map(|s| s.slice(text)), Some("党员"));
//! ```

mod arith;
mod defects;
mod lexicon;
mod scan;
mod subject;
mod traps;
mod url;

use crate::{Approx, Defect, Document, Heading, Placeholder, Span, Stat, StatKind};
use scan::Cand;

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

impl<'a> Context<'a> {
    /// A context from the other stages' results (each list sorted by position).
    ///
    /// ```
    /// let bp = [baogao::Span::new(0, 9)];
    /// let ctx = baogao::stats::Context::new(&bp, &[], &[], &[]);
    /// let (stats, _) = baogao::stats::extract("来源:网站\n共有党员704人", &ctx);
    /// assert_eq!(stats.len(), 1);
    /// ```
    pub fn new(
        boilerplate: &'a [Span],
        placeholders: &'a [Placeholder],
        documents: &'a [Document],
        headings: &'a [Heading],
    ) -> Context<'a> {
        Context {
            boilerplate,
            placeholders,
            documents,
            headings,
        }
    }
}

impl Context<'static> {
    /// A context with no boilerplate, placeholders, documents or headings.
    ///
    /// ```
    /// let ctx = baogao::stats::Context::empty();
    /// assert!(ctx.boilerplate.is_empty());
    /// ```
    pub fn empty() -> Context<'static> {
        Context {
            boilerplate: &[],
            placeholders: &[],
            documents: &[],
            headings: &[],
        }
    }
}

/// Extracts statistics (sorted, non-overlapping) and numeric defects from `text`.
/// `document` and `section` of each statistic are filled in later by the pipeline.
///
/// ```
/// let text = "全镇共有党员704人。";
/// let ctx = baogao::stats::Context::empty();
/// let (stats, defects) = baogao::stats::extract(text, &ctx);
/// assert_eq!(stats.len(), 1);
/// assert_eq!(stats[0].value, Some(704.0));
/// assert!(defects.is_empty());
/// ```
pub fn extract(text: &str, ctx: &Context<'_>) -> (Vec<Stat>, Vec<Defect>) {
    extract_with(text, ctx, scan::Paths::ALL)
}

/// [`extract`], the scanner taking the short paths of `paths` (the tests compare them).
fn extract_with(text: &str, ctx: &Context<'_>, paths: scan::Paths) -> (Vec<Stat>, Vec<Defect>) {
    let lex = lexicon::lexicon();
    let masks = traps::masks(text);
    let mut excluded: Vec<Span> = ctx.boilerplate.to_vec();
    excluded.extend(ctx.placeholders.iter().map(|p| p.span));
    let excluded = traps::merge(excluded);
    let cands = scan::Scanner::run_with(text, lex, &masks, &excluded, paths);
    let mut defects = Vec::new();
    let mut stats = lists(text, cands, &mut defects);
    // the bare numbers left: only those that may lack a unit matter further (in place: a
    // text of bare numbers moves nothing)
    let mut bare: Vec<Cand> = Vec::new();
    stats.retain(|c| {
        if c.kind.is_none() && defects::may_lack_unit(text, c) {
            bare.push(c.clone());
        }
        c.kind.is_some()
    });
    let stats = keep_weak_in_lists(text, stats);
    defects.extend(defects::find(text, ctx, &stats, &bare, lex));
    defects.sort_by_key(|d| (d.span.start, d.span.end));
    let mut out: Vec<Stat> = Vec::with_capacity(stats.len());
    let mut prev_end = 0;
    for c in stats {
        let Some(kind) = c.kind else { continue };
        if out.last().is_some_and(|l| l.span.end > c.span.start) {
            continue;
        }
        let subject = if kind == StatKind::Date {
            None
        } else {
            subject::find(text, c.span, prev_end, lex)
        };
        prev_end = c.span.end;
        out.push(Stat {
            span: c.span,
            kind,
            value: if kind == StatKind::Date {
                None
            } else {
                c.value
            },
            high: if kind == StatKind::Date { None } else { c.high },
            unit: if kind == StatKind::Date {
                String::new()
            } else {
                c.unit
            },
            approx: if kind == StatKind::Date {
                None
            } else {
                c.approx
            },
            subject,
            document: 0,
            section: None,
        });
    }
    (out, defects)
}

fn sep_between<'t>(text: &'t str, a: &Cand, b: &Cand) -> Option<&'t str> {
    let gap = text.get(a.span.end..b.span.start)?;
    matches!(gap, "、" | "和" | "及" | "与" | "，" | ",").then_some(gap)
}

/// Shared units, shared approximation markers and the decimal point written as `、`.
fn lists(text: &str, cands: Vec<Cand>, defects: &mut Vec<Defect>) -> Vec<Cand> {
    // 325、3万元: one amount whose decimal point became 、
    // (in each pass the tests of the candidates' own fields come before those of the text
    // between them: most pairs fail the first)
    let cands = fold_pairs(cands, |a, b| {
        let fits = a.kind.is_none()
            && a.scan.arabic
            && !a.scan.decimal
            && a.scan.int_digits >= 2
            && a.span == a.num
            && b.kind.is_some_and(|k| k != StatKind::Date)
            && b.scan.arabic
            && b.scan.int_digits == 1
            && !b.scan.decimal
            && b.scan.scaled
            && b.span.start == b.num.start
            && text.get(a.span.end..b.span.start) == Some("、")
            && !clause_has(text, a.span.start, "分别");
        if !fits {
            return None;
        }
        let first_digit = text
            .get(b.num.start..)
            .and_then(|r| r.chars().next())
            .and_then(|d| d.to_digit(10))
            .map_or(0.0, f64::from);
        if first_digit <= 0.0 {
            return None;
        }
        let scale = b.value.unwrap_or(0.0) / first_digit;
        let fixed = a.scan.number.value + first_digit / 10.0;
        let span = Span::new(a.span.start, b.span.end);
        defects.push(Defect {
            span,
            code: crate::DefectCode::DecimalComma,
            message: format!(
                "“{}”中的顿号疑为小数点之误，应为{}{}",
                span.slice(text),
                fmt_num(fixed),
                text.get(b.num.start + 1..b.span.end).unwrap_or("")
            ),
        });
        let mut m = b.clone();
        m.span = span;
        m.num = Span::new(a.span.start, b.num.end);
        m.value = Some(crate::numeral::tidy(fixed * scale));
        Some(m)
    });
    // ranges written with the unit on both ends: 5%-10%, 3万元至5万元
    let cands = fold_pairs(cands, |a, b| {
        let same = a.kind.is_some()
            && a.kind == b.kind
            && a.kind != Some(StatKind::Date)
            && a.high.is_none()
            && b.high.is_none()
            && a.value < b.value
            && a.unit == b.unit;
        if !(same && b.span.start == b.num.start) {
            return None;
        }
        let gap = text.get(a.span.end..b.span.start).unwrap_or("");
        if !matches!(gap, "-" | "—" | "–" | "～" | "~" | "至" | "到" | "－") {
            return None;
        }
        let mut m = b.clone();
        m.high = b.value;
        m.value = a.value;
        m.span = Span::new(a.span.start, b.span.end);
        m.num = Span::new(a.num.start, b.num.end);
        if m.approx.is_none() {
            m.approx = a.approx;
            m.prefix_approx = a.prefix_approx;
        }
        Some(m)
    });
    // date ranges: 3月19日至20日, 2021年至2025年, 1月—6月: one span
    let mut cands = fold_pairs(cands, |a, b| {
        let dates = a.kind == Some(StatKind::Date) && b.kind == Some(StatKind::Date);
        if !(dates && b.span.start == b.num.start) {
            return None;
        }
        let gap = text.get(a.span.end..b.span.start).unwrap_or("");
        let joined = matches!(
            gap,
            "-" | "—" | "——" | "–" | "～" | "~" | "至" | "到" | "－"
        );
        if !joined {
            return None;
        }
        let mut m = a.clone();
        m.span = Span::new(a.span.start, b.span.end);
        m.num = Span::new(a.num.start, b.num.end);
        Some(m)
    });
    // shared units: 20.9、36.2、54个百分点
    let mut k = cands.len();
    while k > 0 {
        k -= 1;
        if cands[k].kind.is_none() || cands[k].kind == Some(StatKind::Date) {
            continue;
        }
        let mut j = k;
        while j > 0 {
            let prev = &cands[j - 1];
            let cur = &cands[j];
            let Some(sep) = sep_between(text, prev, cur) else {
                break;
            };
            if prev.kind.is_some() || sep == "，" || sep == "," {
                break;
            }
            if !prev.scan.arabic && cur.scan.arabic || prev.scan.arabic != cands[k].scan.arabic {
                break;
            }
            let (kind, unit) = (cands[k].kind, cands[k].unit.clone());
            let p = &mut cands[j - 1];
            p.kind = kind;
            p.unit = unit;
            j -= 1;
        }
    }
    // shared approximation markers after 分别: 分别超过2%、5%; 分别增长5%、6.5%左右
    let mut s = 0;
    while s < cands.len() {
        let mut e = s;
        while e + 1 < cands.len()
            && cands[e].kind.is_some()
            && cands[e + 1].kind.is_some()
            && text.get(cands[e].span.end..cands[e + 1].span.start) == Some("、")
        {
            e += 1;
        }
        if e > s && before_has(text, cands[s].span.start, "分别", 8) {
            let ap: Option<Approx> = if cands[e].suffix_approx {
                cands[e].approx
            } else if cands[s].prefix_approx {
                cands[s].approx
            } else {
                None
            };
            if let Some(ap) = ap {
                for c in &mut cands[s..=e] {
                    if c.approx.is_none() {
                        c.approx = Some(ap);
                    }
                }
            }
        }
        s = e + 1;
    }
    cands
}

/// One pass that lets each candidate merge with the one before it (the result so far). In
/// place: the kept candidates move down only past a merge, so a pass with no merge moves
/// nothing.
fn fold_pairs(mut cands: Vec<Cand>, mut f: impl FnMut(&Cand, &Cand) -> Option<Cand>) -> Vec<Cand> {
    // cands[..w] is the result so far; cands[r] the next candidate to read
    let mut w: usize = 0;
    for r in 0..cands.len() {
        if let Some(last) = w.checked_sub(1) {
            if let (Some(a), Some(b)) = (cands.get(last), cands.get(r)) {
                if let Some(m) = f(a, b) {
                    if let Some(slot) = cands.get_mut(last) {
                        *slot = m;
                    }
                    continue;
                }
            }
        }
        if w != r {
            cands.swap(w, r);
        }
        w += 1;
    }
    cands.truncate(w);
    cands
}

/// `v` with at most four decimals, trailing zeros dropped (`3.2500` → `3.25`, `7.0` → `7`).
pub(super) fn fmt_num(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// Whether the clause holding `at` (up to `at`) contains `word`.
fn clause_has(text: &str, at: usize, word: &str) -> bool {
    let head = text.get(..at).unwrap_or("");
    let mut start = at;
    for (k, c) in head.char_indices().rev().take(40) {
        if matches!(c, '，' | '。' | '；' | '\n' | ',' | ';') {
            break;
        }
        start = k;
    }
    head.get(start..).is_some_and(|c| c.contains(word))
}

/// Whether `word` occurs within the `n` characters before `at`.
fn before_has(text: &str, at: usize, word: &str, n: usize) -> bool {
    let head = text.get(..at).unwrap_or("");
    let start = head
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(k, _)| k);
    head.get(start..).is_some_and(|c| c.contains(word))
}

/// Keeps an indefinite `一个` / `一支` only when it stands in a list of counts: a run of counts
/// close together (`下设一个党总支,一个综合支部、五个党支部`, `7个村一个社区`) that holds at
/// least one count that is not an indefinite `一`.
fn keep_weak_in_lists(text: &str, stats: Vec<Cand>) -> Vec<Cand> {
    // whether b follows a closely enough to be in the same list
    let near = |a: &Cand, b: &Cand| -> bool {
        if a.kind != Some(StatKind::Count) || b.kind != Some(StatKind::Count) {
            return false;
        }
        let Some(gap) = text.get(a.span.end..b.span.start) else {
            return false;
        };
        if gap.contains(['。', '；', '\n', '的', '由']) {
            return false;
        }
        let n = gap.chars().count();
        let ends_sep = gap.ends_with(['、', '，', ',', '和', '及', '与']);
        (n <= 7 && ends_sep) || (n <= 2 && !(a.weak && b.weak))
    };
    let mut keep = vec![true; stats.len()];
    let mut s = 0;
    while s < stats.len() {
        let mut e = s;
        while e + 1 < stats.len() && near(&stats[e], &stats[e + 1]) {
            e += 1;
        }
        let strong = stats[s..=e].iter().any(|c| !c.weak);
        for (k, c) in stats[s..=e].iter().enumerate() {
            if c.weak && !(strong && e > s) {
                keep[s + k] = false;
            }
        }
        s = e + 1;
    }
    stats
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect()
}

#[cfg(test)]
mod tests;
