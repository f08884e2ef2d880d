//! Throughput of the full pipeline over the corpus (or generated input).
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn full(c: &mut Criterion) {
    let texts = baogao_benches::corpus();
    let all: String = texts.iter().map(|(_, t)| t.as_str()).collect();
    let mut g = c.benchmark_group("analyze");
    g.throughput(Throughput::Bytes(all.len() as u64));
    g.bench_function("corpus", |b| b.iter(|| baogao::analyze(&all)));
    g.finish();
}

criterion_group!(benches, full);
criterion_main!(benches);
