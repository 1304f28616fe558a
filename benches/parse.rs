//! Parse throughput, all with `Throughput::Bytes`:
//! - `seed/*`: each seed;
//! - `corpus/*`: a ~50 MB corpus made by concatenating the seeds (built here,
//!   never committed): the floor (read the file into a `String` and count its
//!   lines with memchr) beside the full parse (read, then build every typed
//!   value, as `blog-export stats` does), so their ratio comes from one run;
//! - `pathological/*`: inputs that could make a parser go quadratic or deep,
//!   at growing sizes, to show time grows linearly.
//!
//! - `threads_1/*` and `threads_N/*`: one 50 MB input and 1,000 small files
//!   on one thread and on all N threads (the `parallel` feature, on by
//!   default, builds the chunks of one input on all threads).
//!
//! `BENCH_CORPUS_MB` sets the corpus size (default 50). Peak memory is
//! measured by `benches/rss.sh`, not here.
//!
//! Beside those, for the corpus: `parse_in_memory` (the parse alone, the
//! text already read: what `benches/peer.py` times for its Python peer) and
//! `pest_one_token_per_line`, the least any pest grammar can do with the
//! text (one token per line, no classification), which shows what pest
//! itself costs here.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use pest::Parser as _;

// pest is built without `std`, so its derive names `alloc`.
extern crate alloc;

/// The least a pest grammar can do with an export: one token per line.
#[derive(pest_derive::Parser)]
#[grammar_inline = r#"
lines = { SOI ~ line* ~ EOI }
line = @{ "\n" | (!"\n" ~ ANY) ~ (!"\n" ~ ANY)* ~ "\n"? }
"#]
struct LineParser;

/// Lines counted by `LineParser`, in chunks of about 1 MB cut at line ends
/// (as the crate parses).
fn pest_lines(text: &str) -> usize {
    let mut count = 0;
    let mut start = 0;
    while start < text.len() {
        let cut = (start + (1 << 20)).min(text.len());
        let end =
            memchr::memchr(b'\n', &text.as_bytes()[cut..]).map_or(text.len(), |i| cut + i + 1);
        let pairs = LineParser::parse(Rule::lines, &text[start..end]).unwrap();
        count += pairs
            .flatten()
            .filter(|p| p.as_rule() == Rule::line)
            .count();
        start = end;
    }
    count
}

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

/// The seeds, joined by blank lines, repeated up to `bytes`.
fn corpus(bytes: usize) -> String {
    let one: String = seeds().into_iter().map(|(_, text)| text + "\n\n").collect();
    let mut out = String::with_capacity(bytes + one.len());
    while out.len() < bytes {
        out.push_str(&one);
    }
    out
}

fn corpus_file(bytes: usize) -> PathBuf {
    let path = std::env::temp_dir().join(format!("blog-export-corpus-{bytes}.txt"));
    if std::fs::metadata(&path).map(|m| m.len() as usize).ok() != Some(corpus(bytes).len()) {
        std::fs::write(&path, corpus(bytes)).unwrap();
    }
    path
}

fn per_seed(c: &mut Criterion) {
    let mut group = c.benchmark_group("seed");
    for (name, text) in seeds() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, text| {
            b.iter(|| blog_export::parse(black_box(text)).unwrap())
        });
    }
    group.finish();
}

fn corpus_vs_floor(c: &mut Criterion) {
    let mb: usize = std::env::var("BENCH_CORPUS_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    for size in [mb / 10, mb] {
        let path = corpus_file(size * 1_000_000);
        let bytes = std::fs::metadata(&path).unwrap().len();
        let mut group = c.benchmark_group(format!("corpus_{size}MB"));
        group.throughput(Throughput::Bytes(bytes));
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(if size > 10 { 20 } else { 5 }));
        group.bench_function("floor_read_and_count_lines", |b| {
            b.iter(|| {
                let text = std::fs::read_to_string(&path).unwrap();
                memchr::memchr_iter(b'\n', text.as_bytes()).count()
            })
        });
        group.bench_function("read_and_parse", |b| {
            b.iter(|| {
                let text = std::fs::read_to_string(&path).unwrap();
                let export = blog_export::parse(&text).unwrap();
                black_box(export.posts.len())
            })
        });
        let text = std::fs::read_to_string(&path).unwrap();
        let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
        assert_eq!(
            pest_lines(&text),
            lines + usize::from(!text.ends_with('\n'))
        );
        group.bench_function("parse_in_memory", |b| {
            b.iter(|| blog_export::parse(black_box(&text)).unwrap().posts.len())
        });
        group.bench_function("pest_one_token_per_line", |b| {
            b.iter(|| pest_lines(black_box(&text)))
        });
        group.finish();
    }
}

/// A capitalised word of letters for `i`, different for each `i` (`Ab`,
/// `Bb`, ...).
fn letters(mut i: usize) -> String {
    let mut word = String::from("Q");
    loop {
        word.push(char::from(b'a' + (i % 26) as u8));
        i /= 26;
        if i == 0 {
            return word;
        }
    }
}

/// A post header for the pathological inputs.
const HEADER: &str = "Friday 25 July 2014\n\nTitle\n\n";

fn pathological(c: &mut Criterion) {
    type Make = fn(usize) -> String;
    let cases: [(&str, Make); 8] = [
        ("one_huge_line", |n| {
            format!("{HEADER}{}", "word ".repeat(n / 5))
        }),
        ("asterisks", |n| format!("{HEADER}{}", "*".repeat(n))),
        ("many_posts", |n| {
            "Friday 25 July 2014\n\nT\n\nBody.\n\n".repeat(n / 36)
        }),
        ("one_huge_post", |n| {
            format!("{HEADER}{}", "a line of text\n".repeat(n / 15))
        }),
        ("numbered_lines_without_markers", |n| {
            format!("{HEADER}{}", "  1. item\nmore text\n".repeat(n / 20))
        }),
        ("bare_dates", |n| {
            format!("{HEADER}{}", "18 April 2008\n\n".repeat(n / 15))
        }),
        // A title pattern per post (`Qb 12`: a word and a number) and a
        // lone line of that shape in every body: the page's leads are
        // many, each line is looked up among them.
        ("series_titles", |n| {
            (0..n / 62)
                .map(|i| {
                    let (word, number) = (letters(i), i % 999 + 1);
                    format!(
                        "Friday 25 July 2014\n\n{word} {number}\n\nBody.\n\nPart 3\n\nMore.\n\n"
                    )
                })
                .collect()
        }),
        ("comment_lines", |n| {
            format!(
                "{HEADER}1 comment:\n\n  1. x\n{}",
                "    Jane Doe said nothing at all today\n".repeat(n / 39)
            )
        }),
    ];
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(3));
    for (name, make) in cases {
        for size in [1_000_000, 4_000_000] {
            let input = make(size);
            group.throughput(Throughput::Bytes(input.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, size), &input, |b, input| {
                b.iter(|| blog_export::parse(black_box(input)).map(|e| e.posts.len()))
            });
        }
    }
    group.finish();
}

/// Threads: one 50 MB input (its chunks built on a rayon pool with the
/// `parallel` feature) and 1,000 small files (one per task), each on one
/// thread and on all threads, in one run.
fn threads(c: &mut Criterion) {
    let text = corpus(50_000_000);
    let files: Vec<String> = seeds()
        .into_iter()
        .map(|(_, t)| t)
        .cycle()
        .take(1000)
        .collect();
    let file_bytes: usize = files.iter().map(String::len).sum();
    let all = rayon::current_num_threads();
    for threads in [1, all] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let mut group = c.benchmark_group(format!("threads_{threads}"));
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(10));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("one_50MB_input", |b| {
            b.iter(|| pool.install(|| blog_export::parse(black_box(&text)).unwrap().posts.len()))
        });
        group.throughput(Throughput::Bytes(file_bytes as u64));
        group.bench_function("1000_small_files", |b| {
            use rayon::prelude::*;
            b.iter(|| {
                pool.install(|| {
                    files
                        .par_iter()
                        .map(|f| blog_export::parse(black_box(f)).unwrap().posts.len())
                        .sum::<usize>()
                })
            })
        });
        group.finish();
    }
}

criterion_group!(benches, per_seed, corpus_vs_floor, pathological, threads);
criterion_main!(benches);
