//! Numeric defects (ANNOTATION.md §6): a number that lost its unit or percent sign, parts that
//! exceed their whole, `由12减少到7，净减4` arithmetic that does not hold, a share above 100%,
//! a date after the report's own year. (A decimal point written as `、` is found while lists
//! are read, in the parent module.)

use super::arith;
use super::lexicon::{Cue, Lexicon};
use super::scan::Cand;
use super::Context;
use crate::{Defect, DefectCode, Span, StatKind};

fn defect(span: Span, code: DefectCode, message: String) -> Defect {
    Defect {
        span,
        code,
        message,
    }
}

/// The clause (from the last `，。；` or line break) before `at`.
fn clause_before(text: &str, at: usize) -> (usize, &str) {
    let head = text.get(..at).unwrap_or("");
    let start = head
        .char_indices()
        .rev()
        .take(60)
        .find(|(_, c)| matches!(c, '，' | '。' | '；' | '！' | '？' | '\n' | ',' | ';'))
        .map_or_else(
            || {
                head.char_indices()
                    .rev()
                    .take(60)
                    .last()
                    .map_or(at, |(k, _)| k)
            },
            |(k, c)| k + c.len_utf8(),
        );
    (start, head.get(start..).unwrap_or(""))
}

/// The sentence (to the next `。；！？` or line break) around `at`: (start, end).
fn sentence_end(text: &str, at: usize) -> usize {
    let tail = text.get(at..).unwrap_or("");
    let mut end = at;
    for (k, c) in tail.char_indices().take(300) {
        end = at + k + c.len_utf8();
        if matches!(c, '。' | '；' | '！' | '？' | '\n') {
            return at + k;
        }
    }
    end
}

/// The end of the clause (to the next `，；。` or line break) holding `at`, looking at most 300
/// characters ahead.
fn clause_end(text: &str, at: usize) -> usize {
    let tail = text.get(at..).unwrap_or("");
    let mut end = at;
    for (k, c) in tail.char_indices().take(300) {
        end = at + k + c.len_utf8();
        if matches!(c, '。' | '；' | '！' | '？' | '\n' | '，' | ',' | ';') {
            return at + k;
        }
    }
    end
}

fn sentence_start(text: &str, at: usize) -> usize {
    let head = text.get(..at).unwrap_or("");
    let mut start = at;
    for (k, c) in head.char_indices().rev().take(300) {
        if matches!(c, '。' | '；' | '！' | '？' | '\n') {
            return k + c.len_utf8();
        }
        start = k;
    }
    start
}

/// Whether bare number `b` passes the cheap tests of a number that lost its unit (the first
/// defect of [`find`]): not a four-digit Arabic number (a year), at a clause's end, after
/// 的 / 为 / 是 / 达 / 占. Most bare numbers fail them, and the clause search that follows is
/// not free on text dense with numerals. (The character before the number is the clause's
/// last one, or a clause break, which the match rejects just the same.)
pub(super) fn may_lack_unit(text: &str, b: &Cand) -> bool {
    if b.scan.arabic && b.scan.int_digits == 4 {
        return false;
    }
    let prev = text.get(..b.span.start).and_then(|h| h.chars().next_back());
    if !matches!(prev, Some('的' | '为' | '是' | '达' | '占')) {
        return false;
    }
    let next = text.get(b.span.end..).and_then(|r| r.chars().next());
    next.map_or(true, |n| {
        matches!(n, '。' | '，' | '；' | ',' | ';' | '\n' | '）' | ')')
    })
}

/// Finds the defects of `text` given its statistics and bare numbers.
pub(crate) fn find(
    text: &str,
    ctx: &Context<'_>,
    stats: &[Cand],
    bare: &[Cand],
    lex: &Lexicon,
) -> Vec<Defect> {
    let mut out = Vec::new();
    let share = lex.cues(Cue::ShareWords);
    // 1. a bare number where a share or a count is meant: 占社区工作者总数的3。
    for b in bare {
        if !may_lack_unit(text, b) {
            continue;
        }
        let (_, clause) = clause_before(text, b.span.start);
        let share_clause =
            share.iter().any(|w| clause.contains(w.as_str())) || clause.contains("总数");
        if share_clause {
            out.push(defect(
                b.span,
                DefectCode::UnitMissing,
                format!(
                    "“{}”缺少单位或百分号：这里说的是比例，数字后应写明“%”或单位",
                    b.span.slice(text)
                ),
            ));
        }
    }
    // 2. parts that exceed their whole: 共…610家次，其中…294家次、234家次…
    for at in memchr::memmem::find_iter(text.as_bytes(), "其中") {
        let s0 = sentence_start(text, at);
        let s1 = clause_end(text, at);
        // the statistics of this sentence, found by binary search (stats are sorted)
        let lo = stats.partition_point(|c| c.span.start < s0);
        let mid = stats.partition_point(|c| c.span.start < at);
        let hi = stats.partition_point(|c| c.span.start < s1);
        let whole = stats[lo..mid].iter().rev().find(|c| {
            c.span.end <= at
                && matches!(
                    c.kind,
                    Some(StatKind::Count | StatKind::Money | StatKind::Measure)
                )
        });
        let Some(whole) = whole else { continue };
        let parts: Vec<&Cand> = stats[mid..hi.max(mid)]
            .iter()
            .filter(|c| {
                c.span.end <= s1
                    && c.kind == whole.kind
                    && c.unit == whole.unit
                    && c.high.is_none()
                    && c.approx.is_none()
            })
            .collect();
        let (Some(total), true) = (whole.value, !parts.is_empty()) else {
            continue;
        };
        if whole.approx.is_some() || whole.high.is_some() {
            continue;
        }
        let sum: f64 = parts.iter().filter_map(|c| c.value).sum();
        if sum > total * (1.0 + 1e-9) + 1e-9 {
            let last = parts.last().map_or(whole.span.end, |c| c.span.end);
            out.push(defect(
                Span::new(whole.span.start, last),
                DefectCode::PartsExceedWhole,
                format!(
                    "分项之和（{}{}）超过总数“{}”",
                    super::fmt_num(sum),
                    whole.unit,
                    whole.span.slice(text)
                ),
            ));
        }
    }
    // 3. 由12减少到7，净减4
    {
        for caps in arith::captures_iter(text) {
            let (Some(m), Some(a), Some(b), Some(d)) =
                (caps.get(0), caps.get(1), caps.get(3), caps.get(5))
            else {
                continue;
            };
            // the same unit on both ends, and the difference is not a percentage
            let ua = caps.get(2).map_or("", |x| x.as_str());
            let ub = caps.get(4).map_or("", |x| x.as_str());
            let after = caps.get(6).map_or("", |x| x.as_str());
            if ua != ub || after == "%" || after == "％" || after == "个" && ua.is_empty() {
                continue;
            }
            let (Ok(a), Ok(b), Ok(d)) = (
                a.as_str().parse::<f64>(),
                b.as_str().parse::<f64>(),
                d.as_str().parse::<f64>(),
            ) else {
                continue;
            };
            if ((a - b).abs() - d).abs() > 1e-6 {
                out.push(defect(
                    Span::new(m.start(), m.end()),
                    DefectCode::ArithmeticMismatch,
                    format!(
                        "数字前后不符：由{}变为{}，差额应为{}，文中写作{}",
                        super::fmt_num(a),
                        super::fmt_num(b),
                        super::fmt_num((a - b).abs()),
                        super::fmt_num(d)
                    ),
                ));
            }
        }
    }
    // 4. a share above 100%
    for c in stats {
        if c.kind != Some(StatKind::Percent) || c.value.map_or(true, |v| v <= 100.0) {
            continue;
        }
        let (_, clause) = clause_before(text, c.span.start);
        let growth = [
            "增长", "提高", "增加", "上升", "下降", "减少", "降低", "增速", "同比", "超",
        ]
        .iter()
        .any(|w| clause.contains(w));
        if share.iter().any(|w| clause.contains(w.as_str())) && !growth {
            out.push(defect(
                c.span,
                DefectCode::ShareOver100,
                format!("占比“{}”超过100%，请核对", c.span.slice(text)),
            ));
        }
    }
    // 5. a date after the report's own date (its signature or subtitle date, else its title's year)
    if let Some(own) = report_date(text, ctx, stats) {
        let future = [
            "将",
            "计划",
            "力争",
            "争取",
            "目标",
            "预计",
            "展望",
            "明年",
            "下一步",
            "到",
            "至",
            "前",
            "规划",
            "纲要",
            "远景",
            "打算",
            "要",
            "拟",
            "今后",
            "未来",
            "预期",
            "做好",
            "任务",
            "安排",
        ];
        let past = [
            "了", "已", "完成", "实现", "取得", "达到", "召开", "举办", "获得",
        ];
        for c in stats {
            if c.kind != Some(StatKind::Date) {
                continue;
            }
            let Some(d) = date_of(text, c) else { continue };
            if d <= own || d.0 > own.0 + 50 {
                continue;
            }
            // a year alone is compared by year
            if d.1 == 0 && d.0 <= own.0 {
                continue;
            }
            let s0 = sentence_start(text, c.span.start);
            let s1 = sentence_end(text, c.span.end);
            let sentence = text.get(s0..s1).unwrap_or("");
            if future.iter().any(|w| sentence.contains(w))
                || !past.iter().any(|w| sentence.contains(w))
            {
                continue;
            }
            out.push(defect(
                c.span,
                DefectCode::FutureDate,
                format!(
                    "日期“{}”晚于报告本身的日期（{}年），请核对",
                    c.span.slice(text),
                    own.0
                ),
            ));
        }
    }
    out
}

/// (year, month, day) of a date statistic, month and day 0 when not written.
fn date_of(text: &str, c: &Cand) -> Option<(u32, u32, u32)> {
    if !(c.scan.int_digits == 4 || c.scan.digit_string) {
        return None;
    }
    let y = c.scan.number.value;
    if !(1900.0..2200.0).contains(&y) {
        return None;
    }
    let mut parts = [0u32; 2];
    let mut k = 0;
    let mut at = c.scan.end;
    while k < 2 && at < c.span.end {
        let Some(ch) = text.get(at..).and_then(|r| r.chars().next()) else {
            break;
        };
        if let Some(n) = crate::numeral::scan(text, at).filter(|n| n.end <= c.span.end) {
            if n.number.high.is_none() && n.number.value.fract() == 0.0 {
                parts[k] = n.number.value as u32;
                k += 1;
            }
            at = n.end;
        } else {
            at += ch.len_utf8();
        }
    }
    Some((y as u32, parts[0], parts[1]))
}

/// The report's own date: a full date (year, month, day) near its start or end (the subtitle
/// or the signature), else the year in the first document's title or near the start.
fn report_date(text: &str, ctx: &Context<'_>, stats: &[Cand]) -> Option<(u32, u32, u32)> {
    let dates: Vec<(usize, (u32, u32, u32))> = stats
        .iter()
        .filter(|c| c.kind == Some(StatKind::Date))
        .filter_map(|c| date_of(text, c).map(|d| (c.span.start, d)))
        .collect();
    let tail = text.len().saturating_sub(600);
    let full = |&&(at, d): &&(usize, (u32, u32, u32))| d.2 > 0 && (at < 600 || at >= tail);
    if let Some(&(_, d)) = dates.iter().rev().find(full) {
        return Some(d);
    }
    if let Some(doc) = ctx.documents.first() {
        if let Some(&(_, d)) = dates
            .iter()
            .find(|(at, _)| doc.title.start <= *at && *at < doc.title.end)
        {
            return Some((d.0, 12, 31));
        }
    }
    dates
        .iter()
        .find(|(at, _)| *at < 200)
        .map(|&(_, d)| (d.0, 12, 31))
}
