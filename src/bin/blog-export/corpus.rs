//! `blog-export corpus`: one record per distinct post across all inputs
//! ([`blog_export::Archive`]): JSON `{"posts": [...], "conflicts": [...]}`,
//! JSON lines (one post a line, then a `conflicts` record), or a CSV table.

use std::io::{self, BufWriter, Write};

use blog_export::{Archive, ArchivePost};
use serde::Serialize;

use crate::csv::{self as tables, Table};
use crate::files::{each_file, reported, Input};
use crate::limits::{named, Limits};
use crate::parse::Format;
use crate::report::warn;

/// A post of the corpus in JSON: the post's own shape, with its sources.
#[derive(Serialize)]
struct Record<'p> {
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<&'static str>,
    sources: &'p [blog_export::Source],
    #[serde(flatten)]
    post: &'p blog_export::Post<'static>,
}

/// Ids shared by posts whose bodies disagree, kept apart.
#[derive(Serialize)]
struct Conflict {
    post_id: String,
    posts: Vec<Vec<blog_export::Source>>,
}

pub fn run(inputs: &[Input], format: Format, table: Table, limits: &Limits) -> io::Result<()> {
    let options = limits.options(false);
    let mut archive = Archive::new();
    each_file(
        inputs,
        limits.max_size,
        |input, text| {
            blog_export::parse_any_with(text, &options)
                .map(|export| {
                    let mut one = Archive::new();
                    one.add(&input.name(), export);
                    one
                })
                .map_err(named)
        },
        |input, result| {
            if let Some(one) = reported(&input.name(), result) {
                archive.absorb(one);
            }
            Ok(())
        },
    )?;
    let posts = archive.posts();
    let conflicts: Vec<Conflict> = archive
        .conflicts()
        .into_iter()
        .map(|(post_id, posts)| Conflict { post_id, posts })
        .collect();
    for c in &conflicts {
        warn(format_args!(
            "{}: {} posts share this id but their bodies differ; kept apart",
            c.post_id,
            c.posts.len()
        ));
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match format {
        Format::Json => {
            let records: Vec<Record> = posts.iter().map(|p| record(p, None)).collect();
            serde_json::to_writer(
                &mut out,
                &serde_json::json!({ "posts": records, "conflicts": conflicts }),
            )?;
            out.write_all(b"\n")?;
        }
        Format::Jsonl => {
            for p in &posts {
                serde_json::to_writer(&mut out, &record(p, Some("post")))?;
                out.write_all(b"\n")?;
            }
            serde_json::to_writer(
                &mut out,
                &serde_json::json!({ "record": "conflicts", "conflicts": conflicts }),
            )?;
            out.write_all(b"\n")?;
        }
        Format::Csv => {
            out.write_all(&tables::header(table)?)?;
            for (k, p) in posts.iter().enumerate() {
                // The file the post's lines are in: its kept body's.
                out.write_all(&tables::post_rows(&p.body_source.file, k, &p.post, table)?)?;
            }
        }
    }
    out.flush()
}

fn record<'p>(p: &'p ArchivePost, record: Option<&'static str>) -> Record<'p> {
    Record {
        record,
        sources: &p.sources,
        post: &p.post,
    }
}
