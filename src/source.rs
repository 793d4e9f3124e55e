//! Reading input files and parsing their YAML: the only module that knows the YAML crate.
//!
//! A [`Source`] is a file's name, text and checksum, read under [`Limits`]. [`Source::parse`]
//! turns it into one of the `*Doc` types of [`crate::model`], and turns every parser error into a
//! [`Diagnostic`] with a stable code and the line and column the parser reports.

mod nesting;
mod repeat;

use crate::diagnostic::{Diagnostic, Place};
use crate::model::date::INVALID_DATE;
use crate::model::unique_map::DUPLICATE_KEY;
use serde::de::{DeserializeOwned, IgnoredAny};
use sha2::{Digest, Sha256};
use std::path::Path;

/// Bounds on what one input file may hold; see `docs/limits.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_file_bytes: u64,
    /// Deepest nesting of sections in a checklist.
    pub max_section_depth: usize,
    /// Most indicators in one checklist.
    pub max_indicators: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 8 * 1024 * 1024,
            max_section_depth: 8,
            max_indicators: 5_000,
        }
    }
}

/// The text of one input file.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file as the user named it, used in every message about it.
    pub name: String,
    pub text: String,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
}

/// What a YAML file holds, told apart by its top-level keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    Checklist,
    Answers,
}

impl Source {
    /// Reads a file, refusing directories, oversized files and bytes that are not UTF-8.
    pub fn read(path: &Path, limits: &Limits) -> Result<Source, Diagnostic> {
        let (name, bytes) = read_bytes(path, limits, "a YAML file")?;
        Source::from_bytes(&name, &bytes)
    }

    /// Makes a source from bytes already in memory (bundled checklists, tests).
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Source, Diagnostic> {
        let sha256 = hex(&Sha256::digest(bytes));
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let (line, column) = line_column(bytes, e.valid_up_to());
            Diagnostic::error(
                "not-utf8",
                name,
                Place::Position { line, column },
                "the file is not valid UTF-8 text",
            )
            .with_hint(
                "save the file as UTF-8 (binary files and legacy encodings such as cp1251 are not accepted)",
            )
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.contains('\0') {
            return Err(Diagnostic::error(
                "not-utf8",
                name,
                Place::File,
                "the file holds NUL bytes: it looks binary",
            )
            .with_hint("give a YAML text file"));
        }
        Ok(Source {
            name: name.to_owned(),
            text: text.to_owned(),
            sha256,
        })
    }

    /// Parses the YAML into `T`, refusing an empty document and one that nests too deeply.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        self.refuse_empty()?;
        self.refuse_deep_flow()?;
        serde_yaml::from_str(&self.text).map_err(|e| self.yaml_diagnostic(&e))
    }

    /// Tells a checklist from an answers file by its top-level keys.
    pub fn kind(&self) -> Result<DocumentKind, Diagnostic> {
        #[derive(serde::Deserialize)]
        struct Probe {
            answers: Option<IgnoredAny>,
            checklist: Option<IgnoredAny>,
            sections: Option<IgnoredAny>,
            scales: Option<IgnoredAny>,
        }
        let probe: Probe = self.parse()?;
        if probe.answers.is_some() || probe.checklist.is_some() {
            Ok(DocumentKind::Answers)
        } else if probe.sections.is_some() || probe.scales.is_some() {
            Ok(DocumentKind::Checklist)
        } else {
            Err(Diagnostic::error(
                "unknown-document",
                &self.name,
                Place::File,
                "cannot tell whether this is a checklist or an answers file",
            )
            .with_hint(
                "a checklist has `sections` and `scales`; an answers file has `checklist` and `answers`",
            ))
        }
    }

    fn refuse_empty(&self) -> Result<(), Diagnostic> {
        let has_content = self
            .text
            .lines()
            .map(str::trim)
            .any(|line| !line.is_empty() && !line.starts_with('#') && line != "---" && line != "...");
        if has_content {
            Ok(())
        } else {
            Err(
                Diagnostic::error("empty-file", &self.name, Place::File, "the file is empty")
                    .with_hint("expected a checklist or an answers document"),
            )
        }
    }

    /// Refuses deep flow collections before the parser spends quadratic time on them.
    fn refuse_deep_flow(&self) -> Result<(), Diagnostic> {
        let Some(offset) = nesting::too_deep(&self.text) else {
            return Ok(());
        };
        let (line, column) = line_column(self.text.as_bytes(), offset);
        Err(Diagnostic::error(
            "too-complex",
            &self.name,
            Place::Position { line, column },
            format!(
                "flow collections (`[...]`, `{{...}}`) nest more than {} levels deep",
                nesting::MAX_FLOW_DEPTH
            ),
        )
        .with_hint("nest lists and mappings less deeply; the formats need only a few levels"))
    }

    fn yaml_diagnostic(&self, error: &serde_yaml::Error) -> Diagnostic {
        let full = error.to_string();
        let place = match error.location() {
            Some(at) => Place::Position {
                line: at.line(),
                column: at.column(),
            },
            None => Place::File,
        };
        let message = plain_words(&strip_location(&full));
        let (code, hint) = classify(&message);
        let (place, hint) = match self.repeated_key(code, &place, &message) {
            Some((second, hint)) => (second, Some(hint)),
            None => (place, hint.map(str::to_owned)),
        };
        let diagnostic = Diagnostic::error(code, &self.name, place, message);
        match hint {
            Some(hint) => diagnostic.with_hint(hint),
            None => diagnostic,
        }
    }

    /// For a repeated key, the place where it repeats and a hint naming the first one. The
    /// parser names only the start of the mapping; [`repeat::locate`] finds both in the text.
    fn repeated_key(&self, code: &str, mapping: &Place, message: &str) -> Option<(Place, String)> {
        let Place::Position { line, column } = *mapping else {
            return None;
        };
        if code != DUPLICATE_KEY_CODE {
            return None;
        }
        let key = named_key(message)?;
        let (first, (line, column)) = repeat::locate(&self.text, (line, column), key)?;
        let hint = format!(
            "`{key}` is first at line {}, column {}; {REPEAT_HINT}",
            first.0, first.1
        );
        Some((Place::Position { line, column }, hint))
    }
}

/// The key a repeated-key message names: `duplicate key `k`: ...` (from [`UniqueMap`]) or
/// `duplicate field `k`` (from serde). The last backtick closes it, so a path before the message
/// or a key holding a backtick does not confuse it.
///
/// [`UniqueMap`]: crate::model::unique_map::UniqueMap
fn named_key(message: &str) -> Option<&str> {
    let opened = [DUPLICATE_KEY, "duplicate field"]
        .iter()
        .filter_map(|marker| message.rfind(marker).map(|at| &message[at + marker.len()..]))
        .find_map(|rest| rest.strip_prefix(" `"))?;
    Some(&opened[..opened.rfind('`')?])
}

/// The parser's message without ` at line L column C` (the place is reported separately).
fn strip_location(message: &str) -> String {
    let mut rest = message;
    let mut out = String::new();
    while let Some(at) = rest.find(" at line ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + " at line ".len()..];
        let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let line_end = digits(after);
        match after[line_end..].strip_prefix(" column ") {
            Some(column) if line_end > 0 => rest = &column[digits(column)..],
            _ => {
                out.push_str(" at line ");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Replaces serde's Rust type names (`struct ChecklistDoc`, `i64`) with the words a user knows.
fn plain_words(message: &str) -> String {
    let message = match message.find("struct ") {
        Some(at) => {
            let rest = &message[at + "struct ".len()..];
            let end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
            format!("{}a mapping{}", &message[..at], &rest[end..])
        }
        None => message.to_owned(),
    };
    [
        ("expected i64", "expected a whole number"),
        ("expected f64", "expected a number"),
        ("expected u64", "expected a whole number"),
    ]
    .iter()
    .fold(message, |text, (rust, plain)| text.replace(rust, plain))
}

const DUPLICATE_KEY_CODE: &str = "duplicate-key";
const REPEAT_HINT: &str = "remove one of the two; a repeated key is never merged";

/// A stable code (and sometimes a hint) for a parser message.
fn classify(message: &str) -> (&'static str, Option<&'static str>) {
    let body = message.rsplit(": ").next().unwrap_or(message);
    let has = |needle: &str| message.contains(needle);
    if has("unknown field") {
        (
            "unknown-key",
            Some("check the spelling; unknown keys are refused so that a typo is never ignored"),
        )
    } else if has(DUPLICATE_KEY) || has("duplicate field") {
        (DUPLICATE_KEY_CODE, Some(REPEAT_HINT))
    } else if has("missing field") {
        ("missing-key", None)
    } else if has(INVALID_DATE) {
        ("invalid-date", None)
    } else if has("unknown variant") {
        ("unknown-value", None)
    } else if has("invalid type") || has("invalid value") || has("invalid length") {
        ("wrong-type", None)
    } else if has("recursion limit") || has("repetition limit") {
        (
            "too-complex",
            Some("the document nests too deeply or expands too many aliases; simplify it"),
        )
    } else if body.is_empty() {
        ("yaml-syntax", None)
    } else {
        (
            "yaml-syntax",
            Some("check indentation, quotes and colons around this place"),
        )
    }
}

/// A file's name as the user gave it and its bytes, refusing a folder (the message says the
/// file should be `expected`, "a YAML file") and a file over `--max-file-bytes`.
pub(crate) fn read_bytes(
    path: &Path,
    limits: &Limits,
    expected: &str,
) -> Result<(String, Vec<u8>), Diagnostic> {
    let name = path.display().to_string();
    let unreadable = |message: String| Diagnostic::error("unreadable-file", &name, Place::File, message);
    let metadata = std::fs::metadata(path).map_err(|e| unreadable(describe_io(&e)))?;
    if metadata.is_dir() {
        return Err(unreadable(format!("this is a folder, expected {expected}")));
    }
    if metadata.len() > limits.max_file_bytes {
        return Err(Diagnostic::error(
            "file-too-large",
            &name,
            Place::File,
            format!(
                "the file has {} bytes, more than the limit of {} bytes",
                metadata.len(),
                limits.max_file_bytes
            ),
        )
        .with_hint("raise the limit with `--max-file-bytes N` if the file is genuine"));
    }
    let bytes = std::fs::read(path).map_err(|e| unreadable(describe_io(&e)))?;
    Ok((name, bytes))
}

fn describe_io(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("cannot read the file: {error}"),
    }
}

fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (line, column)
}

/// Lowercase hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
