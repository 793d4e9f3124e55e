//! What the binary writes to standard output and standard error.
//!
//! Text meant for a reader (summaries, `wrote` lines, diagnostics, errors) has its control
//! characters escaped as `\u{1b}`: a file name, a key or a text holding ESC, BEL or a carriage
//! return cannot retitle, clear or overwrite the terminal, and the bidirectional overrides that
//! reorder what a line shows are escaped too. Line ends and tabs stay. An output file's bytes
//! sent to standard output (`-o -`, `--format json`, a draft) are written unchanged: each format
//! escapes what it must itself.
//!
//! A write to standard output that fails (a full disk, `> /dev/full`) is an error, so the run
//! exits with 1; a reader that closed the pipe (`| head`) only ends the output. Standard error
//! is best effort: there is nowhere left to report its failure.

use oversight::diagnostic::Diagnostics;
use oversight::{Error, Result};
use std::borrow::Cow;
use std::io::Write;

/// Writes text for a reader to standard output.
pub fn print(text: &str) -> Result<()> {
    print_data(escape_controls(text).as_bytes())
}

/// Writes an output's bytes to standard output as they are.
pub fn print_data(bytes: &[u8]) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Stdout(error)),
        _ => Ok(()),
    }
}

/// Writes text for a reader to standard error.
pub fn eprint(text: &str) {
    let _ = std::io::stderr()
        .lock()
        .write_all(escape_controls(text).as_bytes());
}

/// Prints diagnostics (errors and warnings) to standard error, one after the other.
pub fn print_diagnostics(diagnostics: &Diagnostics) {
    let mut stderr = std::io::BufWriter::new(std::io::stderr().lock());
    for diagnostic in diagnostics.iter() {
        let line = format!("{diagnostic}\n");
        if stderr.write_all(escape_controls(&line).as_bytes()).is_err() {
            return;
        }
    }
    let _ = stderr.flush();
}

/// Prints an error with its cause chain, after its diagnostics if it has some.
pub fn print_error(error: &Error) {
    if let Error::Invalid(diagnostics) = error {
        print_diagnostics(diagnostics);
    }
    let mut text = format!("error: {error}\n");
    let mut cause = std::error::Error::source(error);
    while let Some(inner) = cause {
        text.push_str(&format!("  caused by: {inner}\n"));
        cause = inner.source();
    }
    eprint(&text);
}

/// `text` with every control character but line ends and tabs, and every bidirectional
/// override, written as `\u{..}`.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.contains(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::escape_controls;

    #[test]
    fn control_characters_are_escaped_and_text_is_kept() {
        assert_eq!(
            escape_controls("a\u{1b}]0;owned\u{7}b\rc\u{0}\u{9b}d"),
            "a\\u{1b}]0;owned\\u{7}b\\u{d}c\\u{0}\\u{9b}d"
        );
        assert_eq!(escape_controls("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(
            escape_controls("line\n\tнаступна — 100 %"),
            "line\n\tнаступна — 100 %"
        );
    }
}
