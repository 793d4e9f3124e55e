//! Reading input files and parsing their YAML: the only module that knows the YAML crate.
//!
//! A [`Source`] is a file's name, text and checksum, read under [`Limits`]. [`Source::parse`]
//! turns it into one of the `*Doc` types of [`crate::model`], and turns every parser error into a
//! [`Diagnostic`] with a stable code and the line and column the parser reports.

mod nesting;
mod place;
pub mod read;
mod repeat;
mod walk;

use crate::diagnostic::{Diagnostic, Place};
use crate::model::date::INVALID_DATE;
use crate::model::unique_map::DUPLICATE_KEY;
use place::line_column;
use read::Unreadable;
use serde::de::{DeserializeOwned, IgnoredAny};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::sync::OnceLock;

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
    /// The checks made before the text is parsed, made once however often it is parsed.
    checked: OnceLock<Result<(), Diagnostic>>,
    /// How many times the YAML parser has run over the text, for the tests that prove each
    /// input is parsed once.
    #[cfg(test)]
    parses: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

/// What a YAML file holds, told apart by its top-level keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    Checklist,
    Answers,
}

impl Source {
    /// Reads a regular file under the size limit, or standard input for `-` (read once, at its
    /// first use, and kept for the rest of the run), refusing bytes that are not UTF-8.
    pub fn read(path: &Path, limits: &Limits) -> Result<Source, Diagnostic> {
        if read::is_stdin(path) {
            static STDIN: OnceLock<Result<Source, Diagnostic>> = OnceLock::new();
            return STDIN.get_or_init(|| Source::read_path(path, limits)).clone();
        }
        Source::read_path(path, limits)
    }

    fn read_path(path: &Path, limits: &Limits) -> Result<Source, Diagnostic> {
        let (name, bytes) = read_bytes(path, limits)?;
        Source::from_bytes(&name, &bytes)
    }

    /// Makes a source from bytes already in memory (bundled checklists, tests).
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Source, Diagnostic> {
        let sha256 = hex(&Sha256::digest(bytes));
        let text = std::str::from_utf8(bytes).map_err(|e| {
            // Counted as the parser counts, without the byte-order mark it skips.
            let bom = if bytes.starts_with(b"\xef\xbb\xbf") { 3 } else { 0 };
            let (line, column) = line_column(&bytes[bom..], e.valid_up_to() - bom);
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
        if text.starts_with('\u{feff}') {
            return Err(Diagnostic::error(
                "yaml-syntax",
                name,
                Place::Position { line: 1, column: 1 },
                "a second byte-order mark (U+FEFF) follows the first",
            )
            .with_hint("save the file as UTF-8 with one byte-order mark, or none"));
        }
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
            checked: OnceLock::new(),
            #[cfg(test)]
            parses: Default::default(),
        })
    }

    /// Parses the YAML into `T`, refusing an empty document, one that nests too deeply and one
    /// whose aliases would expand it too far.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        self.checked
            .get_or_init(|| {
                self.refuse_empty()?;
                self.refuse_deep_flow()?;
                self.walk_every_node()
            })
            .clone()?;
        self.count_parse();
        serde_yaml::from_str(&self.text).map_err(|e| self.yaml_diagnostic(&e))
    }

    /// How many times the YAML parser has run over the text (checks and documents alike).
    #[cfg(test)]
    pub(crate) fn parses(&self) -> usize {
        self.parses.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn count_parse(&self) {
        #[cfg(test)]
        self.parses.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
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

    /// Refuses a document that aliases would expand past [`walk::budget`], or that holds a
    /// character no text may hold. Without a `*` there is no alias, and without a `\\` no
    /// escape that could write such a character: then there is no need to walk the document.
    fn walk_every_node(&self) -> Result<(), Diagnostic> {
        if !self.text.contains(['*', '\\']) {
            return Ok(());
        }
        self.count_parse();
        let document = serde_yaml::Deserializer::from_str(&self.text);
        walk::check(document, walk::budget(self.text.len())).map_err(|e| self.yaml_diagnostic(&e))
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
        let (place, message) = self.place_unplaced(place, message);
        let (code, hint) = classify(&message);
        let (place, hint) = match self.repeated_key(code, &place, &message) {
            Some((second, hint)) => (second, Some(hint)),
            None => (
                place,
                hint.map(str::to_owned).or_else(|| missing_key_hint(&message)),
            ),
        };
        let diagnostic = Diagnostic::error(code, &self.name, place, message);
        match hint {
            Some(hint) => diagnostic.with_hint(hint),
            None => diagnostic,
        }
    }

    /// A place, and the message in words, for the two parser errors without a usable place: a
    /// raw control character (the parser gives its byte offset) and a second document.
    fn place_unplaced(&self, place: Place, message: String) -> (Place, String) {
        let position = |(line, column)| Place::Position { line, column };
        if message.contains(SECOND_DOCUMENT_ERROR) {
            let found = place::second_document(&self.text).map(position);
            return (found.unwrap_or(place), SECOND_DOCUMENT.to_owned());
        }
        let raw = place::byte_offset_in(&message)
            .filter(|_| message.contains("control characters are not allowed"))
            .and_then(|offset| Some((offset, self.text.get(offset..)?.chars().next()?)));
        match raw {
            Some((offset, c)) => (
                position(line_column(self.text.as_bytes(), offset)),
                format!(
                    "the text holds U+{:04X}, {}",
                    u32::from(c),
                    walk::REFUSED_CHARACTER
                ),
            ),
            None => (place, message),
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
/// What the parser says of a file with several documents, and what is said instead.
const SECOND_DOCUMENT_ERROR: &str = "more than one document";
const SECOND_DOCUMENT: &str = "a second YAML document starts here; a file holds one document";
const REPEAT_HINT: &str = "remove one of the two; a repeated key is never merged";

/// What to do about "missing field `organisation`": add that key to the mapping the message
/// points at.
fn missing_key_hint(message: &str) -> Option<String> {
    let (_, rest) = message.split_once("missing field `")?;
    let (key, _) = rest.split_once('`')?;
    Some(format!(
        "add `{key}:` to this mapping; docs/formats.md lists the keys each part of the file requires"
    ))
}

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
    } else if has(SECOND_DOCUMENT) {
        (
            "yaml-syntax",
            Some("remove the `---` line and what follows it, or give each document a file of its own"),
        )
    } else if has(walk::REFUSED_CHARACTER) {
        (
            "control-character",
            Some("remove the character; texts may hold tabs and line ends, but no other control character"),
        )
    } else if has(walk::TOO_LARGE) {
        ("too-complex", Some(walk::HINT))
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

/// How standard input is named in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// A file's name as the user gave it and its bytes: standard input for `-`, else a regular
/// file; either way bytes are counted as they arrive and refused past `--max-file-bytes`.
pub(crate) fn read_bytes(path: &Path, limits: &Limits) -> Result<(String, Vec<u8>), Diagnostic> {
    if read::is_stdin(path) {
        let bytes = read::stdin(limits.max_file_bytes).map_err(|e| unreadable(STDIN_NAME, e, limits))?;
        return Ok((STDIN_NAME.to_owned(), bytes));
    }
    let name = path.display().to_string();
    let bytes = read::file(path, limits.max_file_bytes).map_err(|e| unreadable(&name, e, limits))?;
    Ok((name, bytes))
}

/// The diagnostic for an input that could not be read: `file-too-large` or `unreadable-file`.
fn unreadable(name: &str, why: Unreadable, limits: &Limits) -> Diagnostic {
    let message = why.describe(limits.max_file_bytes);
    match why {
        Unreadable::TooLarge { .. } => Diagnostic::error("file-too-large", name, Place::File, message)
            .with_hint("raise the limit with `--max-file-bytes N` if the file is genuine"),
        Unreadable::Special(_) => Diagnostic::error("unreadable-file", name, Place::File, message)
            .with_hint("give the path of a regular file; on the command line, `-` reads standard input"),
        _ => Diagnostic::error("unreadable-file", name, Place::File, message),
    }
}

/// Lowercase hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
