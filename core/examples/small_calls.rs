//! Times many `analyze` calls on a tiny report (per-call overhead; batch users analyse
//! thousands of small reports).
//!
//! ```sh
//! cargo run --release -p baogao --example small_calls
//! ```

use std::time::Instant;

fn main() {
    let text = "2023年社区工作总结\n一、主要成绩\n全年完成投资1.2亿元，同比增长8%。\n";
    let n = 1000;
    // Warm the caches once.
    let _ = baogao::analyze(text);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(baogao::analyze(std::hint::black_box(text)));
    }
    let all = t.elapsed();
    let report = baogao::analyze_outline_and_stats(text);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(baogao::rubric::score_auto(text, &report));
    }
    let rb = t.elapsed();
    println!(
        "analyze: {:.1} µs/call   score_auto: {:.1} µs/call",
        all.as_secs_f64() * 1e6 / n as f64,
        rb.as_secs_f64() * 1e6 / n as f64
    );
}
