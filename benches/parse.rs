//! Parse throughput: each seed, and a corpus made by concatenating them.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn seeds() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy()[..3].to_string();
            (name, std::fs::read_to_string(p).unwrap())
        })
        .collect()
}

fn per_seed(c: &mut Criterion) {
    let mut group = c.benchmark_group("seed");
    for (name, text) in seeds() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, text| {
            b.iter(|| blog_export::parse(text).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, per_seed);
criterion_main!(benches);
