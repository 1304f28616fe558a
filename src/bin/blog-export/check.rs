//! `blog-export check`: diagnostics as `FILE:LINE:COL: severity: message`.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use blog_export::Severity;

use crate::files::{each_file, in_order};

pub fn run(files: &[PathBuf]) -> io::Result<u8> {
    let outcomes = each_file(files, |_, text| match blog_export::parse(text) {
        Ok(export) => Ok(export
            .diagnostics()
            .iter()
            .map(|d| (d.severity, d.to_string()))
            .collect::<Vec<_>>()),
        Err(e) => Err(e),
    });
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let worst = in_order(outcomes, |file, result| match result {
        Err(error) => {
            let first = error.to_string();
            let first = first.lines().next().unwrap_or_default();
            writeln!(out, "{file}:{first}")?;
            Ok(1)
        }
        Ok(diagnostics) => {
            let mut worst = 0;
            for (severity, line) in diagnostics {
                if severity == Severity::Error {
                    worst = 1;
                }
                writeln!(out, "{file}:{line}")?;
            }
            Ok(worst)
        }
    })?;
    out.flush()?;
    Ok(worst)
}
