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
