//! The README's command-line transcripts (its `console` blocks) run as
//! shown, on the seeds: each `$ blog-export ...` line is run by the shell
//! with the built binary first on `PATH`, and its output must be the lines
//! under it (a line ending in `...` stands for any line that starts so).
#![cfg(feature = "cli")]

use std::path::Path;
use std::process::Command;

/// The commands of the README's `console` blocks and the output shown
/// under each.
fn transcripts() -> Vec<(String, Vec<String>)> {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut inside = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            inside = line == "```console";
            continue;
        }
        if !inside {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            out.push((command.to_string(), Vec::new()));
        } else if let Some((_, expected)) = out.last_mut() {
            expected.push(line.to_string());
        }
    }
    for (_, expected) in &mut out {
        while expected.last().is_some_and(|l| l.is_empty()) {
            expected.pop();
        }
    }
    out
}

#[test]
fn readme_transcripts_run_as_shown() {
    let transcripts = transcripts();
    assert!(transcripts.len() >= 3, "{transcripts:?}");
    let bin = Path::new(env!("CARGO_BIN_EXE_blog-export"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for (command, expected) in transcripts {
        assert!(command.starts_with("blog-export "), "{command}");
        let out = Command::new("sh")
            .args(["-c", &command])
            .env("PATH", &path)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let got: Vec<&str> = stdout.lines().collect();
        assert_eq!(got.len(), expected.len(), "{command}:\n{stdout}");
        for (got, want) in got.iter().zip(&expected) {
            match want.strip_suffix("...") {
                Some(start) => {
                    assert!(got.starts_with(start), "{command}: {got:?} is not {want:?}")
                }
                None => assert_eq!(got, want, "{command}"),
            }
        }
    }
}
