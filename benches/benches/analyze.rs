//! Throughput benches: each stage over every corpus file (each analysed on its own), the full pipeline at several sizes, and
//! pathological inputs. Every group reports bytes per second (`Throughput::Bytes`).
//!
//! `cargo bench -p baogao-benches` (add `-- --quick` for a smoke run).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use baogao_benches::{corpus, generated, pathological, scaled};

fn stages(c: &mut Criterion) {
    let texts = corpus();
    // every corpus file analysed on its own, as a user's reports are: each file's stages run
    // on its own text and outline (concatenating the files would make one odd document
    // structure that leaves most of the text outside any document)
    let reports: Vec<(&str, baogao::Report)> = texts
        .iter()
        .map(|(_, t)| (t.as_str(), baogao::analyze_outline_and_stats(t)))
        .collect();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let rubric = baogao::Rubric::builtin("work-summary");
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("boilerplate+placeholders", |b| {
        b.iter(|| {
            for (t, _) in &reports {
                let bp = baogao::boilerplate::find(t);
                criterion::black_box(baogao::placeholder::find(t, &bp));
            }
        })
    });
    g.bench_function("outline", |b| {
        b.iter(|| {
            for (t, r) in &reports {
                criterion::black_box(baogao::outline::build(t, &r.boilerplate));
            }
        })
    });
    g.bench_function("statistics", |b| {
        b.iter(|| {
            for (t, r) in &reports {
                criterion::black_box(baogao::stats::extract(t, &r.stats_context()));
            }
        })
    });
    if let Some(rubric) = &rubric {
        g.bench_function("checklist", |b| {
            b.iter(|| {
                for (t, r) in &reports {
                    criterion::black_box(baogao::rubric::score(t, r, rubric));
                }
            })
        });
    }
    g.bench_function("analyze", |b| {
        b.iter(|| {
            for (t, _) in &reports {
                criterion::black_box(baogao::analyze(t));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("corpus-file");
    for (name, text) in &texts {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| baogao::analyze(t))
        });
    }
    g.finish();
}

fn scaling(c: &mut Criterion) {
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10);
    for size in [100_000usize, 1_000_000, 10_000_000] {
        let text = scaled(size);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("analyze", size), &text, |b, t| {
            b.iter(|| baogao::analyze(t))
        });
    }
    for (name, text) in pathological() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("pathological", name), &text, |b, t| {
            b.iter(|| baogao::analyze(t))
        });
    }
    g.finish();
}

fn numerals(c: &mut Criterion) {
    let words = [
        "704",
        "1,132.92",
        "一千二百三十四",
        "两万",
        "二〇二六",
        "壹佰贰拾",
        "三四十万",
        "十几",
        "1.2万",
        "百分之七十",
        "二十万亿",
        "１２３",
    ];
    let mut g = c.benchmark_group("numeral");
    g.throughput(Throughput::Elements(words.len() as u64));
    g.bench_function("parse", |b| {
        b.iter(|| {
            words
                .iter()
                .filter_map(|w| baogao::numeral::parse(w))
                .count()
        })
    });
    g.finish();
    let _ = generated;
}

criterion_group!(benches, stages, scaling, numerals);
criterion_main!(benches);
