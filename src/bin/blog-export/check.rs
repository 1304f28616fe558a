//! `blog-export check`: diagnostics as `FILE:LINE:COL: severity: message`.

use std::io::{self, BufWriter, Write};

use blog_export::Severity;

use crate::files::{each_file, Input};
use crate::limits::{named, Limits};
use crate::report::{fail, strict_line};

/// Prints every input's diagnostics; the exit code is 1 when an input has
/// an error (or, with `strict`, any diagnostic), 2 when one cannot be read.
pub fn run(inputs: &[Input], strict: bool, limits: &Limits) -> io::Result<()> {
    let options = limits.options(false);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    each_file(
        inputs,
        limits.max_size,
        |_, text| {
            blog_export::parse_any_with(text, &options)
                .map_err(named)
                .map(|export| {
                    export
                        .diagnostics
                        .iter()
                        .map(|d| {
                            // With `--strict` every finding fails the run:
                            // it is shown as the error it is.
                            let line = if strict {
                                strict_line(d)
                            } else {
                                d.to_string()
                            };
                            (d.severity, line)
                        })
                        .collect::<Vec<_>>()
                })
        },
        |input, result| {
            let name = input.name();
            match result {
                Err(unread) => unread.report(&name),
                Ok(Err(error)) => {
                    let first = error.to_string();
                    let first = first.lines().next().unwrap_or_default();
                    writeln!(out, "{name}:{first}")?;
                    fail(1);
                }
                Ok(Ok(diagnostics)) => {
                    for (severity, line) in diagnostics {
                        if strict || severity == Severity::Error {
                            fail(1);
                        }
                        writeln!(out, "{name}:{line}")?;
                    }
                }
            }
            Ok(())
        },
    )?;
    out.flush()?;
    Ok(())
}
