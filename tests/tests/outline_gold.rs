//! The outline against the hand annotations in `../shared/gold` (ANNOTATION.md §1–3): documents,
//! headings (with depth and title end) and list items, scored as `../shared/tools/evaluate.py`
//! scores them — starts matched greedily within 2 characters, character offsets — with floors
//! at the figures the library reaches. Prints a note and passes when the gold is absent.

use baogao::offsets::OffsetIndex;
use serde_json::Value;
use std::path::Path;

/// Matching tolerance in characters, as in evaluate.py.
const TOL: usize = 2;

/// Floors (F1 or accuracy over all gold files together).
const DOCUMENTS_F1: f64 = 0.91;
const HEADINGS_F1: f64 = 0.98;
const DEPTH_ACCURACY: f64 = 0.98;
const TITLE_END_ACCURACY: f64 = 0.98;
const ITEMS_F1: f64 = 0.98;

#[derive(Default, Debug, Clone, Copy)]
struct Prf {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Prf {
    fn add(&mut self, gold: usize, pred: usize, matched: usize) {
        self.tp += matched;
        self.fp += pred - matched;
        self.fn_ += gold - matched;
    }

    /// F1 as evaluate.py computes it (empty sides count as perfect).
    fn f1(&self) -> f64 {
        let (tp, fp, fn_) = (self.tp as f64, self.fp as f64, self.fn_ as f64);
        let p = if self.tp + self.fp > 0 {
            tp / (tp + fp)
        } else if self.fn_ == 0 {
            1.0
        } else {
            0.0
        };
        let r = if self.tp + self.fn_ > 0 {
            tp / (tp + fn_)
        } else {
            1.0
        };
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

#[derive(Default, Debug, Clone, Copy)]
struct Acc {
    ok: usize,
    of: usize,
}

impl Acc {
    fn value(&self) -> f64 {
        if self.of == 0 {
            1.0
        } else {
            self.ok as f64 / self.of as f64
        }
    }
}

/// Greedy one-to-one matching of starts within `TOL` characters, in gold order, each gold
/// point taking the nearest unused prediction (the first one on ties), as evaluate.py does.
fn match_points(gold: &[usize], pred: &[usize]) -> Vec<(usize, usize)> {
    let mut used = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for (gi, &g) in gold.iter().enumerate() {
        let mut best: Option<(usize, usize)> = None;
        for (pi, &p) in pred.iter().enumerate() {
            if used[pi] {
                continue;
            }
            let d = p.abs_diff(g);
            if d <= TOL && best.is_none_or(|(_, bd)| d < bd) {
                best = Some((pi, d));
            }
        }
        if let Some((pi, _)) = best {
            used[pi] = true;
            pairs.push((gi, pi));
        }
    }
    pairs
}

fn num(v: &Value, key: &str) -> Option<usize> {
    v.get(key)?.as_u64().map(|n| n as usize)
}

fn list<'v>(v: &'v Value, key: &str) -> &'v [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[], |a| a.as_slice())
}

#[derive(Default)]
struct Totals {
    documents: Prf,
    headings: Prf,
    items: Prf,
    depth: Acc,
    title_end: Acc,
}

/// The gold boilerplate blocks as byte spans.
fn gold_boilerplate(gold: &Value, text: &str) -> Vec<baogao::Span> {
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let at = |c: usize| bytes.get(c).copied().unwrap_or(text.len());
    let mut v: Vec<baogao::Span> = list(gold, "boilerplate")
        .iter()
        .filter_map(|b| Some(baogao::Span::new(at(num(b, "start")?), at(num(b, "end")?))))
        .collect();
    v.sort();
    v
}

fn score_file(gold: &Value, text: &str, t: &mut Totals, name: &str, gold_bp: bool) {
    let boilerplate = if gold_bp {
        gold_boilerplate(gold, text)
    } else {
        baogao::boilerplate::find(text)
    };
    let o = baogao::outline::build(text, &boilerplate);
    let idx = OffsetIndex::new(text);
    let ch = |b: usize| idx.char_offset(b);

    let gd: Vec<usize> = list(gold, "documents")
        .iter()
        .filter_map(|d| num(d, "start"))
        .collect();
    let pd: Vec<usize> = o.documents.iter().map(|d| ch(d.span.start)).collect();
    let pairs = match_points(&gd, &pd);
    t.documents.add(gd.len(), pd.len(), pairs.len());
    if pairs.len() != gd.len() || pd.len() != gd.len() {
        eprintln!("{name}: documents gold {gd:?} got {pd:?}");
    }

    let gh = list(gold, "headings");
    let gs: Vec<usize> = gh.iter().filter_map(|h| num(h, "start")).collect();
    let ps: Vec<usize> = o.headings.iter().map(|h| ch(h.span.start)).collect();
    let pairs = match_points(&gs, &ps);
    t.headings.add(gs.len(), ps.len(), pairs.len());
    for &(gi, pi) in &pairs {
        let (Some(g), Some(p)) = (gh.get(gi), o.headings.get(pi)) else {
            continue;
        };
        t.depth.of += 1;
        if num(g, "depth") == Some(usize::from(p.depth)) {
            t.depth.ok += 1;
        } else {
            eprintln!(
                "{name}: heading at {} depth gold {:?} got {}",
                gs[gi],
                num(g, "depth"),
                p.depth
            );
        }
        if let Some(te) = num(g, "title_end") {
            t.title_end.of += 1;
            if te.abs_diff(ch(p.title.end)) <= 1 {
                t.title_end.ok += 1;
            } else {
                eprintln!(
                    "{name}: heading at {} title end gold {te} got {}",
                    gs[gi],
                    ch(p.title.end)
                );
            }
        }
    }
    let matched_g: Vec<usize> = pairs.iter().map(|p| p.0).collect();
    for (gi, s) in gs.iter().enumerate() {
        if !matched_g.contains(&gi) {
            eprintln!("{name}: heading missed at {s}");
        }
    }
    let matched_p: Vec<usize> = pairs.iter().map(|p| p.1).collect();
    for (pi, s) in ps.iter().enumerate() {
        if !matched_p.contains(&pi) {
            eprintln!("{name}: heading false at {s}");
        }
    }

    let gi: Vec<usize> = list(gold, "items")
        .iter()
        .filter_map(|i| num(i, "start"))
        .collect();
    let pi: Vec<usize> = o.items.iter().map(|i| ch(i.span.start)).collect();
    let pairs = match_points(&gi, &pi);
    t.items.add(gi.len(), pi.len(), pairs.len());
}

#[test]
fn outline_meets_its_floors_on_the_gold() {
    let Some(t) = score_all(false) else { return };
    assert!(
        t.documents.f1() >= DOCUMENTS_F1,
        "documents F1 {:.3}",
        t.documents.f1()
    );
    assert!(
        t.headings.f1() >= HEADINGS_F1,
        "headings F1 {:.3}",
        t.headings.f1()
    );
    assert!(
        t.depth.value() >= DEPTH_ACCURACY,
        "depth accuracy {:.3}",
        t.depth.value()
    );
    assert!(
        t.title_end.value() >= TITLE_END_ACCURACY,
        "title end accuracy {:.3}",
        t.title_end.value()
    );
    assert!(t.items.f1() >= ITEMS_F1, "items F1 {:.3}", t.items.f1());
}

/// Given the gold boilerplate, every document is found and nothing gets worse: the outline
/// skips page chrome and site headers once the boilerplate stage marks them.
#[test]
fn outline_with_gold_boilerplate_finds_every_document() {
    let Some(t) = score_all(true) else { return };
    assert!(
        t.documents.f1() >= 1.0,
        "documents F1 {:.3}",
        t.documents.f1()
    );
    assert!(
        t.headings.f1() >= HEADINGS_F1,
        "headings F1 {:.3}",
        t.headings.f1()
    );
    assert!(
        t.depth.value() >= DEPTH_ACCURACY,
        "depth accuracy {:.3}",
        t.depth.value()
    );
    assert!(t.items.f1() >= ITEMS_F1, "items F1 {:.3}", t.items.f1());
}

/// Scores every gold file; `None` (after a note) when the gold is absent.
fn score_all(gold_bp: bool) -> Option<Totals> {
    let Some(shared) = baogao_tests::shared_dir() else {
        eprintln!("note: ../shared is absent; outline gold scores skipped");
        return None;
    };
    let gold_dir = shared.join("gold");
    let Ok(rd) = std::fs::read_dir(&gold_dir) else {
        eprintln!("note: ../shared/gold is absent; outline gold scores skipped");
        return None;
    };
    let mut files: Vec<_> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut t = Totals::default();
    let mut scored = 0;
    for path in &files {
        let Ok(src) = std::fs::read_to_string(path) else {
            continue;
        };
        let Ok(gold) = serde_json::from_str::<Value>(&src) else {
            panic!("{} is not JSON", path.display());
        };
        let Some(file) = gold.get("file").and_then(Value::as_str) else {
            continue;
        };
        let corpus: &Path = &shared.join("corpus");
        let Ok(text) = std::fs::read_to_string(corpus.join(file)) else {
            eprintln!("note: corpus file {file} is absent; skipped");
            continue;
        };
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        score_file(&gold, &text, &mut t, name, gold_bp);
        scored += 1;
    }
    if scored == 0 {
        eprintln!("note: no gold file could be scored; outline gold scores skipped");
        return None;
    }
    let bp = if gold_bp { "gold" } else { "found" };
    println!("outline on {scored} gold files ({bp} boilerplate):");
    println!(
        "  documents F1       {:.3}  {:?}",
        t.documents.f1(),
        t.documents
    );
    println!(
        "  headings F1        {:.3}  {:?}",
        t.headings.f1(),
        t.headings
    );
    println!("  heading depth      {:.3}  {:?}", t.depth.value(), t.depth);
    println!(
        "  heading title end  {:.3}  {:?}",
        t.title_end.value(),
        t.title_end
    );
    println!("  items F1           {:.3}  {:?}", t.items.f1(), t.items);
    Some(t)
}

#[test]
fn matching_is_greedy_within_two_characters() {
    assert_eq!(match_points(&[10, 20], &[11, 23, 19]), vec![(0, 0), (1, 2)]);
    assert!(match_points(&[10], &[13]).is_empty());
    let mut p = Prf::default();
    p.add(4, 4, 4);
    assert!((p.f1() - 1.0).abs() < 1e-9);
}
