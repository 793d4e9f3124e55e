//! Every diagnostic code the library can report is documented in `docs/diagnostics.md`: in the
//! table of all codes and with a section of its own.

use crate::support::root;
use std::fs;
use std::path::Path;

/// The code literals of `src`: the first argument of every `error(`/`warning(` call, and the
/// codes the YAML parser's messages are classified into (`("code", Some(…))`, `("code", None)`,
/// `…_CODE: &str = "code"`).
fn codes_in_source() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).expect("src is readable") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).expect("readable");
                scan(&text, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("src"), &mut out);
    out.sort();
    out.dedup();
    out
}

fn scan(text: &str, out: &mut Vec<String>) {
    let literal_after = |rest: &str| -> Option<String> {
        let rest = rest.trim_start().strip_prefix('"')?;
        let code = &rest[..rest.find('"')?];
        let kebab = code.contains('-')
            && code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        kebab.then(|| code.to_owned())
    };
    for marker in ["error(", "warning(", "_CODE: &str ="] {
        for (at, _) in text.match_indices(marker) {
            out.extend(literal_after(&text[at + marker.len()..]));
        }
    }
    for (at, _) in text.match_indices("(\"") {
        let rest = &text[at + 1..];
        let Some(code) = literal_after(rest) else { continue };
        let after = rest[code.len() + 2..].trim_start();
        if after.starts_with(", Some(") || after.starts_with(", None)") {
            out.push(code);
        }
    }
}

#[test]
fn every_code_is_in_the_table_and_has_a_section() {
    let doc = fs::read_to_string(root().join("docs/diagnostics.md")).expect("docs/diagnostics.md");
    let codes = codes_in_source();
    assert!(codes.len() > 60, "found only {codes:?}");
    let missing: Vec<&String> = codes
        .iter()
        .filter(|code| {
            !doc.contains(&format!("| [`{code}`](#{code}) |")) || !doc.contains(&format!("\n### {code}\n"))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "undocumented in docs/diagnostics.md: {missing:?}"
    );
}
