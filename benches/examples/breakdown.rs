//! Per-stage timing of the pipeline on the corpus, the scaled inputs and each pathological
//! input (a quick look; the criterion benches are the measurement of record).
//!
//! ```sh
//! cargo run --release -p baogao-benches --example breakdown [-- NAME-FILTER]
//! ```
//!
//! With `BREAKDOWN_ONCE=1` it runs `analyze` once per selected input and times nothing (for
//! `valgrind --tool=callgrind` or `perf`; `--toggle-collect='*profiled*'` leaves out the warm-up).

use std::time::{Duration, Instant};

use baogao_benches::{corpus, pathological, scaled};

fn best<T>(reps: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..reps {
        let t = Instant::now();
        let out = f();
        best = best.min(t.elapsed());
        drop(out);
    }
    best
}

/// The names of [`pathological`]'s inputs, in its order.
const PATHOLOGICAL: [&str; 5] = [
    "single-10MB-line",
    "100k-numbered-lines",
    "1MB-digits",
    "1MB-yi-dun",
    "1MB-brackets",
];

/// `analyze` behind a symbol of its own, for `valgrind --toggle-collect=*profiled*` (the first,
/// warming call builds the lazily compiled lexicons and rubrics).
#[inline(never)]
fn profiled(text: &str) -> baogao::Report {
    // Not a plain forward: identical code folding would merge it with `analyze`.
    let r = baogao::analyze(std::hint::black_box(text));
    std::hint::black_box(r)
}

fn main() {
    let filter = std::env::args().nth(1).unwrap_or_default();
    let mut inputs: Vec<(String, String)> = Vec::new();
    let mut add = |name: String, make: &dyn Fn() -> String| {
        if name.contains(&filter) {
            inputs.push((name, make()));
        }
    };
    add("corpus".into(), &|| {
        corpus()
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    });
    for size in [1_000_000usize, 10_000_000] {
        add(format!("scaled-{size}"), &|| scaled(size));
    }
    for (i, name) in PATHOLOGICAL.iter().enumerate() {
        add((*name).into(), &|| pathological().swap_remove(i).1);
    }
    if std::env::var_os("BREAKDOWN_ONCE").is_some() {
        // One plain `analyze` per selected input, for a profiler (callgrind, perf).
        for (name, text) in &inputs {
            let _warm = baogao::analyze(text);
            let r = profiled(text);
            println!("{name}: {} stats", r.stats.len());
        }
        return;
    }
    println!(
        "{:22} {:>8} | {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} | MB/s",
        "input", "MB", "bp", "ph", "outline", "stats", "o+s+pl", "chk", "analyze"
    );
    for (name, text) in &inputs {
        let reps = if text.len() > 5_000_000 { 2 } else { 5 };
        let text = text.as_str();
        let bp = baogao::boilerplate::find(text);
        let t_bp = best(reps, || baogao::boilerplate::find(text));
        let t_ph = best(reps, || baogao::placeholder::find(text, &bp));
        let t_ol = best(reps, || baogao::outline::build(text, &bp));
        let report = baogao::analyze_outline_and_stats(text);
        let t_st = best(reps, || {
            baogao::stats::extract(text, &report.stats_context())
        });
        let t_os = best(reps, || baogao::analyze_outline_and_stats(text));
        let t_rb = best(reps, || baogao::rubric::score_auto(text, &report));
        let t_an = best(reps, || baogao::analyze(text));
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "{:22} {:8.2} | {:7.1} {:7.1} {:7.1} {:7.1} {:7.1} {:7.1} {:7.1} | {:6.1}",
            name,
            text.len() as f64 / 1e6,
            ms(t_bp),
            ms(t_ph),
            ms(t_ol),
            ms(t_st),
            ms(t_os),
            ms(t_rb),
            ms(t_an),
            text.len() as f64 / (1 << 20) as f64 / t_an.as_secs_f64()
        );
    }
}
