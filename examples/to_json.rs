//! Parse one export and print it as pretty JSON.
//!
//! ```sh
//! cargo run --example to_json -- seeds/000_34b946ec0d9dcec7.txt
//! ```

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: to_json FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    match blog_export::parse(&text) {
        Ok(export) => {
            for d in &export.diagnostics {
                eprintln!("{path}:{d}");
            }
            // Write, not print: a closed pipe (`| head`) is an error to
            // report, not a panic.
            let mut out = std::io::stdout().lock();
            match serde_json::to_writer_pretty(&mut out, &export)
                .and_then(|()| writeln!(out).map_err(serde_json::Error::io))
            {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe) => {
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => {
            eprintln!("{path}:{e}");
            ExitCode::FAILURE
        }
    }
}
