//! `blog-export view`: one self-contained HTML report of all inputs
//! ([`blog_export::view::Report`]).

use std::io::{self, BufWriter, Write};
use std::path::Path;

use blog_export::view::Report;
use rayon::prelude::*;

use crate::files::{output, read, Input};
use crate::limits::{named, Limits};
use crate::report::{fail, warn};

pub fn run(inputs: &[Input], out: Option<&Path>, limits: &Limits) -> io::Result<()> {
    let options = limits.options(false);
    let names: Vec<String> = inputs.iter().map(Input::name).collect();
    // The report shows every input at once, so all are held: the texts
    // first, then their parses (on all cores), which borrow them.
    let texts: Vec<_> = inputs.iter().map(|i| read(i, limits.max_size)).collect();
    let exports: Vec<_> = texts
        .par_iter()
        .map(|text| {
            text.as_ref()
                .ok()
                .map(|t| blog_export::parse_any_with(t, &options).map_err(named))
        })
        .collect();
    let mut report = Report::new();
    for ((name, text), export) in names.iter().zip(&texts).zip(&exports) {
        match (text, export) {
            (Ok(text), Some(Ok(export))) => {
                report.add(name.as_str(), text, export);
            }
            (Ok(_), Some(Err(error))) => {
                warn(format_args!("{name}:{error}"));
                fail(1);
                report.add_failure(name.as_str(), error.to_string());
            }
            (Err(unread), _) => {
                unread.report(name);
                report.add_failure(name.as_str(), unread.message());
            }
            (Ok(_), None) => unreachable!("every text read is parsed"),
        }
    }
    let mut out = BufWriter::new(output(out)?);
    report.write_to(&mut out)?;
    out.flush()
}
