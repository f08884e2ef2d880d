//! Times each stage of the pipeline on a file (a quick look; the criterion benches are the
//! measurement of record).
//!
//! ```sh
//! cargo run --release -p baogao --example stage_timing -- FILE
//! ```

use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: stage_timing FILE");
        return;
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("{path}: cannot read as UTF-8");
        return;
    };
    let mb = text.len() as f64 / 1e6;
    let t = Instant::now();
    let bp = baogao::boilerplate::find(&text);
    let t_bp = t.elapsed();
    let t = Instant::now();
    let ph = baogao::placeholder::find(&text, &bp);
    let t_ph = t.elapsed();
    let t = Instant::now();
    let outline = baogao::outline::build(&text, &bp);
    let t_ol = t.elapsed();
    let _ = (ph, outline);
    let report = baogao::analyze_outline_and_stats(&text);
    let t = Instant::now();
    let _ = baogao::stats::extract(&text, &report.stats_context());
    let t_st = t.elapsed();
    let t = Instant::now();
    let _ = baogao::rubric::score_auto(&text, &report);
    let t_rb = t.elapsed();
    let t = Instant::now();
    let _ = report.to_json(&text);
    let t_js = t.elapsed();
    for (name, d) in [
        ("boilerplate", t_bp),
        ("placeholders", t_ph),
        ("outline", t_ol),
        ("statistics", t_st),
        ("checklist (auto)", t_rb),
        ("json", t_js),
    ] {
        println!(
            "{name:18} {:8.1} ms {:8.1} MB/s",
            d.as_secs_f64() * 1e3,
            mb / d.as_secs_f64()
        );
    }
}
