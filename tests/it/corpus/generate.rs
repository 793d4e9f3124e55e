//! The corpus inputs written at test time: too big, too odd or too machine-specific to commit.

use crate::report_pdf::synthetic;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// The header of an answers file for the bundled checklist: four lines, `answers:` on the fifth.
const ANSWERS_HEAD: &str =
    "checklist: dssg-executive\nchecklist_version: \"1.0\"\norganisation: Unit\nassessed_on: 2026-11-20\n";

const SCALE_HEAD: &str = "id: deep\nversion: \"1\"\nlanguages: [en]\ntitle: Deep\nscales:\n  s:\n    levels: [{value: 0, label: Zero}, {value: 1, label: One}]\n";

/// Writes the input `kind` at `file` in the case's folder `dir` (creating its folder); `target`
/// is where a `link` points.
pub fn write(dir: &Path, kind: &str, file: &str, target: Option<&str>) -> Result<(), String> {
    let path = dir.join(file);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    let path = path.as_path();
    let write = |bytes: Vec<u8>| fs::write(path, bytes).map_err(|e| e.to_string());
    match kind {
        "directory" => fs::create_dir(path).map_err(|e| e.to_string()),
        "fifo" => {
            let made = std::process::Command::new("mkfifo").arg(path).status();
            match made {
                Ok(status) if status.success() => Ok(()),
                other => Err(format!("mkfifo: {other:?}")),
            }
        }
        "link" => std::os::unix::fs::symlink(target.ok_or("a link needs a `target`")?, path)
            .map_err(|e| e.to_string()),
        "oversized" => {
            let limit = oversight::source::Limits::default().max_file_bytes as usize;
            let mut text = "checklist: dssg-executive\n# ".to_owned().into_bytes();
            text.resize(limit + 1, b'x');
            write(text)
        }
        "flow-nesting" => {
            let depth = 5_000;
            let open = (0..depth).fold(String::new(), |mut s, i| {
                let _ = write!(s, "[{{id: s{i}, title: S, sections: ");
                s
            });
            let leaf = "[{id: leaf, title: L, indicators: [{id: i-1, text: I, scale: s}]}]";
            write(format!("{SCALE_HEAD}sections: {open}{leaf}{}\n", "}]".repeat(depth)).into_bytes())
        }
        "flow-nesting-quoted" => {
            write(format!("{ANSWERS_HEAD}answers: {}\n", "[ \"]\", ".repeat(100_000)).into_bytes())
        }
        "block-nesting" => {
            let mut text = SCALE_HEAD.to_owned() + "sections:\n";
            for depth in 0..300 {
                let pad = "  ".repeat(depth);
                let _ = write!(text, "{pad}- id: s{depth}\n{pad}  title: S\n{pad}  sections:\n");
            }
            let pad = "  ".repeat(300);
            let _ = write!(
                text,
                "{pad}- id: leaf\n{pad}  title: L\n{pad}  indicators: [{{id: i-1, text: I, scale: s}}]\n"
            );
            write(text.into_bytes())
        }
        "alias-amplified-comment" => write(aliased_comment(64 * 1024, 20_000)),
        "alias-amplified-scalar" => write(aliased_comment(4 * 1024 * 1024, 1_000)),
        "alias-amplified-labels" => {
            let text = "y".repeat(2 * 1024 * 1024);
            let labels: String = (0..3_000).map(|i| format!("k{i}: {{en: *s}}\n")).collect();
            write(format!("title:\n  en: &s {text}\n{labels}").into_bytes())
        }
        "many-keys" => {
            // `  k0: {}` ... up to the size limit: 607,000 distinct unknown keys.
            let limit = oversight::source::Limits::default().max_file_bytes as usize;
            let mut text = format!("{ANSWERS_HEAD}answers:\n");
            for i in 0.. {
                let line = format!("  k{i}: {{}}\n");
                if text.len() + line.len() > limit {
                    break;
                }
                text.push_str(&line);
            }
            write(text.into_bytes())
        }
        "many-evidence" => {
            // 144,625 evidence items on one answer, every one older than the maximum age.
            let evidence = "      - {title: E, date: 2001-01-01}\n".repeat(144_625);
            write(
                format!("{ANSWERS_HEAD}answers:\n  law-1:\n    level: 2\n    evidence:\n{evidence}")
                    .into_bytes(),
            )
        }
        "newline-comment" => {
            // A comment that is a literal block of line breaks, up to the size limit.
            let limit = oversight::source::Limits::default().max_file_bytes as usize;
            let mut text =
                format!("{ANSWERS_HEAD}answers:\n  law-1:\n    level: 2\n    comment: |\n      first\n");
            let room = limit - text.len() - "      last\n".len();
            text.push_str(&"\n".repeat(room));
            text.push_str("      last\n");
            write(text.into_bytes())
        }
        "largest-checklist" => write(synthetic::checklist(5_000).into_bytes()),
        "largest-answers" => write(synthetic::answers(5_000).into_bytes()),
        "alias-bomb" => {
            let mut text = SCALE_HEAD.to_owned() + "sections:\n";
            text.push_str("  - &x0 {id: a, title: A, indicators: [{id: i-1, text: I, scale: s}]}\n");
            for level in 1..10 {
                let refs = vec![format!("*x{}", level - 1); 9].join(", ");
                let _ = writeln!(text, "  - &x{level} {{id: a, title: A, sections: [{refs}]}}");
            }
            write(text.into_bytes())
        }
        other => Err(format!("unknown generate kind `{other}`")),
    }
}

/// An answer whose comment of `bytes` bytes is anchored on line 8, column 14, and aliased as
/// the title of each of `aliases` evidence items.
fn aliased_comment(bytes: usize, aliases: usize) -> Vec<u8> {
    let evidence = "      - title: *c\n".repeat(aliases);
    let comment = "x".repeat(bytes);
    format!(
        "{ANSWERS_HEAD}answers:\n  law-1:\n    level: 2\n    comment: &c {comment}\n    evidence:\n{evidence}"
    )
    .into_bytes()
}
