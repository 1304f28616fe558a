//! `blog-export check`: diagnostics as `FILE:LINE:COL: severity: message`.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use blog_export::Severity;

use crate::files::{each_file, ReadError};

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
    let mut worst = 0;
    for outcome in outcomes {
        let file = outcome.path.display();
        match outcome.result {
            Err(ReadError(msg)) => {
                eprintln!("{msg}");
                worst = 2;
            }
            Ok(Err(error)) => {
                let first = error.to_string();
                let first = first.lines().next().unwrap_or_default();
                writeln!(out, "{file}:{first}")?;
                worst = worst.max(1);
            }
            Ok(Ok(diagnostics)) => {
                for (severity, line) in diagnostics {
                    if severity == Severity::Error {
                        worst = worst.max(1);
                    }
                    writeln!(out, "{file}:{line}")?;
                }
            }
        }
    }
    out.flush()?;
    Ok(worst)
}
