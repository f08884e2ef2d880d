//! Statistics against the hand-annotated gold in `../shared/gold` (when present): statistics
//! F1, exact-value accuracy on the matched statistics, and dates F1, scored the way
//! `../shared/tools/evaluate.py` scores them (greedy one-to-one matching by largest overlap).
//! Prints a note and passes when the gold is absent.

use baogao::offsets::OffsetIndex;
use baogao::StatKind;
use baogao_tests::score::f1;
use serde_json::Value;

/// One statistic in character offsets.
#[derive(Debug, Clone)]
struct S {
    start: usize,
    end: usize,
    kind: String,
    value: Option<f64>,
    high: Option<f64>,
    unit: String,
    approx: Option<String>,
}

/// evaluate.py's span matching on the statistics' `(start, end)`.
fn match_spans(gold: &[S], pred: &[S]) -> Vec<(usize, usize)> {
    let ends = |v: &[S]| v.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>();
    baogao_tests::score::match_spans(&ends(gold), &ends(pred))
}

fn same_num(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9_f64.max(1e-6 * a.abs().max(b.abs())),
        _ => false,
    }
}

fn exact(g: &S, p: &S) -> bool {
    g.kind == p.kind
        && same_num(g.value, p.value)
        && same_num(g.high, p.high)
        && g.unit == p.unit
        && g.approx == p.approx
}

fn gold_stats(v: &Value) -> Vec<S> {
    v.get("stats")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|s| S {
                    start: s["start"].as_u64().unwrap_or(0) as usize,
                    end: s["end"].as_u64().unwrap_or(0) as usize,
                    kind: s["kind"].as_str().unwrap_or("").to_string(),
                    value: s["value"].as_f64(),
                    high: s["high"].as_f64(),
                    unit: s["unit"].as_str().unwrap_or("").to_string(),
                    approx: s["approx"].as_str().map(str::to_string),
                })
                .collect()
        })
        .unwrap_or_default()
}

fn predicted(text: &str) -> Vec<S> {
    let report = baogao::analyze_outline_and_stats(text);
    let idx = OffsetIndex::new(text);
    report
        .stats
        .iter()
        .map(|s| S {
            start: idx.char_offset(s.span.start),
            end: idx.char_offset(s.span.end),
            kind: s.kind.as_str().to_string(),
            value: s.value,
            high: s.high,
            unit: s.unit.clone(),
            approx: s.approx.map(|a| a.as_str().to_string()),
        })
        .collect()
}

#[test]
fn statistics_against_gold() {
    let Some(shared) = baogao_tests::shared_dir() else {
        eprintln!("note: ../shared is absent; statistics gold check skipped");
        return;
    };
    let gold_dir = shared.join("gold");
    let Ok(entries) = std::fs::read_dir(&gold_dir) else {
        eprintln!("note: ../shared/gold is absent; statistics gold check skipped");
        return;
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let (mut dtp, mut dfp, mut dfn) = (0, 0, 0);
    let (mut ok, mut of) = (0, 0);
    for path in &files {
        let Some(gold) = std::fs::read_to_string(path)
            .ok()
            .and_then(|s| serde_json::from_str::<Value>(&s).ok())
        else {
            continue;
        };
        let Some(file) = gold.get("file").and_then(Value::as_str) else {
            continue;
        };
        let Ok(text) = std::fs::read_to_string(shared.join("corpus").join(file)) else {
            continue;
        };
        let g = gold_stats(&gold);
        let p = predicted(&text);
        let is_date = |s: &S| s.kind == StatKind::Date.as_str();
        let (gs, gd): (Vec<S>, Vec<S>) = g.into_iter().partition(|s| !is_date(s));
        let (ps, pd): (Vec<S>, Vec<S>) = p.into_iter().partition(|s| !is_date(s));
        let pairs = match_spans(&gs, &ps);
        tp += pairs.len();
        fp += ps.len() - pairs.len();
        fn_ += gs.len() - pairs.len();
        for &(a, b) in &pairs {
            of += 1;
            if exact(&gs[a], &ps[b]) {
                ok += 1;
            } else {
                eprintln!("{file}: inexact {:?} vs {:?}", gs[a], ps[b]);
            }
        }
        let dpairs = match_spans(&gd, &pd);
        dtp += dpairs.len();
        dfp += pd.len() - dpairs.len();
        dfn += gd.len() - dpairs.len();
    }
    let stats_f1 = f1(tp, fp, fn_);
    let dates_f1 = f1(dtp, dfp, dfn);
    let acc = if of > 0 { ok as f64 / of as f64 } else { 1.0 };
    eprintln!(
        "stats F1 {stats_f1:.3} (tp {tp}, fp {fp}, fn {fn_}); exact {acc:.3} ({ok}/{of}); dates F1 {dates_f1:.3} (tp {dtp}, fp {dfp}, fn {dfn})"
    );
    if tp + fn_ == 0 {
        eprintln!("note: no gold statistics found; nothing to check");
        return;
    }
    // floors: what the extractor reaches (stats 0.997, exact 1.000, dates 0.941 before the
    // boilerplate stage lands) minus a small margin
    assert!(
        stats_f1 >= 0.977,
        "statistics F1 {stats_f1:.3} below the floor"
    );
    assert!(acc >= 0.98, "exact-value accuracy {acc:.3} below the floor");
    assert!(dates_f1 >= 0.921, "dates F1 {dates_f1:.3} below the floor");
}
