//! Boilerplate and placeholder figures against the hand annotations in `../shared/gold`,
//! scored exactly as `../shared/tools/evaluate.py` does: boilerplate by characters,
//! placeholders by a greedy one-to-one match on the largest overlap. Passes with a note when
//! the gold is absent.

use std::collections::HashSet;

use baogao::offsets::OffsetIndex;
use baogao_tests::score::{f1, match_spans};
use serde_json::Value;

/// Floors per gold file: (file stem, boilerplate character F1, placeholder F1). Set at the
/// figures reached, less 0.02.
const FLOORS: &[(&str, f64, f64)] = &[
    ("gov-2024-national", 0.98, 0.98),
    ("gov-2026-gansu", 0.98, 0.98),
    ("seed-party-building-7", 0.98, 0.98),
    ("shuzhi-insurance-custservice", 0.98, 0.98),
    ("summary-cnpack-2003q1-quarterly", 0.98, 0.98),
    ("summary-cnpack-2004-annual", 0.98, 0.98),
    ("summary-cnpack-2022-bilingual", 0.98, 0.98),
];

/// Overall floors across every gold file.
const TOTAL_FLOORS: (f64, f64) = (0.98, 0.98);

fn spans(v: &Value, key: &str) -> Vec<(usize, usize)> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| {
                    Some((
                        usize::try_from(x.get("start")?.as_u64()?).ok()?,
                        usize::try_from(x.get("end")?.as_u64()?).ok()?,
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn char_set(spans: &[(usize, usize)]) -> HashSet<usize> {
    spans.iter().flat_map(|&(s, e)| s..e).collect()
}

#[derive(Default)]
struct Counts {
    bp: (usize, usize, usize),
    ph: (usize, usize, usize),
}

#[test]
fn boilerplate_and_placeholders_against_gold() {
    let Some(shared) = baogao_tests::shared_dir() else {
        eprintln!("note: ../shared is absent; hygiene gold figures skipped");
        return;
    };
    let gold_dir = shared.join("gold");
    if !gold_dir.is_dir() {
        eprintln!("note: ../shared/gold is absent; hygiene gold figures skipped");
        return;
    }
    let mut total = Counts::default();
    let mut failures = Vec::new();
    let mut seen = 0;
    for &(stem, bp_floor, ph_floor) in FLOORS {
        let gold_path = gold_dir.join(format!("{stem}.json"));
        let text_path = shared.join("corpus").join(format!("{stem}.txt"));
        let (Ok(gold_src), Ok(bytes)) = (
            std::fs::read_to_string(&gold_path),
            std::fs::read(&text_path),
        ) else {
            eprintln!("note: {stem}: gold or corpus file absent; skipped");
            continue;
        };
        seen += 1;
        let gold: Value = serde_json::from_str(&gold_src).expect("gold JSON parses");
        let text = baogao::decode::decode(&bytes, None)
            .expect("corpus file decodes")
            .text;
        let idx = OffsetIndex::new(&text);
        let bp = baogao::boilerplate::find(&text);
        let ph = baogao::placeholder::find(&text, &bp);
        let to_chars = |s: baogao::Span| (idx.char_offset(s.start), idx.char_offset(s.end));
        let pred_bp: Vec<(usize, usize)> = bp.iter().map(|s| to_chars(*s)).collect();
        let pred_ph: Vec<(usize, usize)> = ph.iter().map(|p| to_chars(p.span)).collect();

        let gb = char_set(&spans(&gold, "boilerplate"));
        let pb = char_set(&pred_bp);
        let bpc = (
            gb.intersection(&pb).count(),
            pb.difference(&gb).count(),
            gb.difference(&pb).count(),
        );
        let gp = spans(&gold, "placeholders");
        let m = match_spans(&gp, &pred_ph).len();
        let phc = (m, pred_ph.len() - m, gp.len() - m);
        let (f_bp, f_ph) = (f1(bpc.0, bpc.1, bpc.2), f1(phc.0, phc.1, phc.2));
        eprintln!(
            "{stem:34} boilerplate F1 {f_bp:.3} (tp {} fp {} fn {})  placeholders F1 {f_ph:.3} (tp {} fp {} fn {})",
            bpc.0, bpc.1, bpc.2, phc.0, phc.1, phc.2
        );
        if f_bp < bp_floor {
            failures.push(format!("{stem}: boilerplate F1 {f_bp:.3} < {bp_floor}"));
        }
        if f_ph < ph_floor {
            failures.push(format!("{stem}: placeholder F1 {f_ph:.3} < {ph_floor}"));
        }
        for (t, c) in [(&mut total.bp, bpc), (&mut total.ph, phc)] {
            t.0 += c.0;
            t.1 += c.1;
            t.2 += c.2;
        }
    }
    if seen == 0 {
        eprintln!("note: no gold file found; hygiene gold figures skipped");
        return;
    }
    let f_bp = f1(total.bp.0, total.bp.1, total.bp.2);
    let f_ph = f1(total.ph.0, total.ph.1, total.ph.2);
    eprintln!("overall boilerplate character F1 {f_bp:.3}, placeholder F1 {f_ph:.3}");
    if f_bp < TOTAL_FLOORS.0 {
        failures.push(format!(
            "overall boilerplate F1 {f_bp:.3} < {}",
            TOTAL_FLOORS.0
        ));
    }
    if f_ph < TOTAL_FLOORS.1 {
        failures.push(format!(
            "overall placeholder F1 {f_ph:.3} < {}",
            TOTAL_FLOORS.1
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every corpus file (with or without gold): spans well formed, placeholders outside
/// boilerplate, and no boilerplate block in the middle of long report prose.
#[test]
fn corpus_spans_are_well_formed() {
    for path in baogao_tests::corpus_files() {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let Ok(decoded) = baogao::decode::decode(&bytes, None) else {
            continue;
        };
        let text = decoded.text;
        let bp = baogao::boilerplate::find(&text);
        let ph = baogao::placeholder::find(&text, &bp);
        let mut prev = 0;
        for s in &bp {
            assert!(s.start >= prev && s.start < s.end && s.end <= text.len());
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            prev = s.end;
        }
        let mut prev = 0;
        for p in &ph {
            let s = p.span;
            assert!(s.start >= prev && s.start < s.end && s.end <= text.len());
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            assert!(!bp.iter().any(|b| b.overlaps(&s)), "{}", path.display());
            prev = s.end;
        }
    }
}
