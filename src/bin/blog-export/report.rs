//! Messages on standard error that can never panic, and text from inputs
//! shown safely.

use std::fmt::Display;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

/// Whether a message could not be written to standard error.
static STDERR_FAILED: AtomicBool = AtomicBool::new(false);

/// Writes one line to standard error. A standard error that cannot be
/// written (`2>/dev/full`, a closed pipe) is remembered, not a panic: the
/// tool then exits 2.
pub fn warn(message: impl Display) {
    let mut stderr = io::stderr().lock();
    if writeln!(stderr, "{message}")
        .and_then(|()| stderr.flush())
        .is_err()
    {
        STDERR_FAILED.store(true, Ordering::Relaxed);
    }
}

/// The exit code the inputs have earned so far (0, 1 or 2), whatever
/// happens to the output: a reader that goes away (`| head`) ends the run
/// quietly with this code.
static EXIT_CODE: AtomicU8 = AtomicU8::new(0);

/// Notes that an input failed with exit code `code` (the worst code wins).
pub fn fail(code: u8) {
    EXIT_CODE.fetch_max(code, Ordering::Relaxed);
}

/// The worst exit code noted.
pub fn exit_code() -> u8 {
    EXIT_CODE.load(Ordering::Relaxed)
}

/// Whether some message could not be written.
pub fn stderr_failed() -> bool {
    STDERR_FAILED.load(Ordering::Relaxed)
}

/// A diagnostic as `--strict` lists it: `LINE:COL: error: message` (it
/// fails the run, so it is an error, whatever its severity).
pub fn strict_line(d: &blog_export::Diagnostic) -> String {
    format!("{}:{}: error: {}", d.span.line, d.span.column, d.message)
}

/// Text from an input (a file name) with its control characters escaped,
/// so that no name can move the cursor or rewrite the terminal.
pub fn shown(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(shown("a\u{1b}[2Jb\r\n"), "a\\u{1b}[2Jb\\r\\n");
        assert_eq!(shown("plain é"), "plain é");
    }
}
