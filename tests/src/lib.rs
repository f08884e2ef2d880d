//! Helpers for the corpus-driven integration tests: where the shared corpus and gold are, and
//! how to run the CLI on them.

use std::path::{Path, PathBuf};

/// The `../shared` folder beside the repository, if present.
pub fn shared_dir() -> Option<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = here.parent()?.parent()?.join("shared");
    shared.join("corpus").is_dir().then_some(shared)
}

/// The shared corpus files (`*.txt`), sorted; empty with a message on stderr when absent.
pub fn corpus_files() -> Vec<PathBuf> {
    let Some(shared) = shared_dir() else {
        eprintln!("note: ../shared/corpus is absent; corpus checks skipped");
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = std::fs::read_dir(shared.join("corpus"))
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Scoring as `../shared/tools/evaluate.py` does it, shared by the gold tests.
pub mod score {
    /// F1 from true positives, false positives and false negatives, with evaluate.py's
    /// conventions for empty sets (no predictions and nothing missed is a precision of 1).
    pub fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
        let p = if tp + fp > 0 {
            tp as f64 / (tp + fp) as f64
        } else if fn_ == 0 {
            1.0
        } else {
            0.0
        };
        let r = if tp + fn_ > 0 {
            tp as f64 / (tp + fn_) as f64
        } else {
            1.0
        };
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }

    /// evaluate.py's `match_spans`: greedy one-to-one matching of `(start, end)` spans by
    /// largest overlap; returns the (gold, predicted) index pairs.
    pub fn match_spans(gold: &[(usize, usize)], pred: &[(usize, usize)]) -> Vec<(usize, usize)> {
        let mut cands = Vec::new();
        for (gi, g) in gold.iter().enumerate() {
            for (pi, p) in pred.iter().enumerate() {
                let o = g.1.min(p.1).saturating_sub(g.0.max(p.0));
                if o > 0 {
                    cands.push((std::cmp::Reverse(o), gi, pi));
                }
            }
        }
        cands.sort();
        let mut ug = vec![false; gold.len()];
        let mut up = vec![false; pred.len()];
        let mut pairs = Vec::new();
        for (_, gi, pi) in cands {
            if ug[gi] || up[pi] {
                continue;
            }
            ug[gi] = true;
            up[pi] = true;
            pairs.push((gi, pi));
        }
        pairs
    }
}
