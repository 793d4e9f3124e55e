//! The PDFs as published documents: the outline, the table of contents, line breaks, headings
//! at page ends, characters no font covers, fallback fonts and right-to-left text. Read back
//! with lopdf (the outline, the links) and pdftotext (the text as a reader gets it).

use crate::report_pdf::have;
use crate::support::{CHECKLIST, answers_yaml, root, run_in, stderr};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const REPORTS: [&str; 3] = ["ministry-uk", "police-en-partial", "ministry-uk-reviewed"];

/// The Debian package `fonts-noto-cjk` (installed by `.ci/run`).
const CJK_FONT: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

/// The three example reports, the compare and the portfolio PDF, rendered once.
fn pdfs() -> &'static [(String, PathBuf)] {
    static PDFS: OnceLock<Vec<(String, PathBuf)>> = OnceLock::new();
    PDFS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("typesetting");
        std::fs::create_dir_all(&dir).expect("mkdir");
        let out = |name: &str| dir.join(format!("{name}.pdf"));
        let mut runs: Vec<(String, Vec<String>)> = REPORTS
            .iter()
            .map(|name| {
                let args = ["report", &format!("examples/answers/{name}.yaml")];
                (name.to_string(), args.map(str::to_owned).to_vec())
            })
            .collect();
        runs.push((
            "compare".into(),
            [
                "compare",
                "examples/rounds/2025/border-guard-west.yaml",
                "examples/rounds/2026/border-guard-west.yaml",
                "--allow-version-change",
            ]
            .map(str::to_owned)
            .to_vec(),
        ));
        runs.push((
            "portfolio".into(),
            ["portfolio", "examples/portfolio/", "--lang", "uk"]
                .map(str::to_owned)
                .to_vec(),
        ));
        runs.into_iter()
            .map(|(name, mut args)| {
                let path = out(&name);
                args.extend(["--date", "2026-11-28", "--format", "pdf", "-o"].map(str::to_owned));
                args.push(path.to_string_lossy().into_owned());
                let refs: Vec<&str> = args.iter().map(String::as_str).collect();
                let output = run_in(root(), &refs);
                assert_eq!(output.status.code(), Some(0), "{name}: {}", stderr(&output));
                (name, path)
            })
            .collect()
    })
}

/// One outline entry: its depth (1 at the top), title and 0-based page.
#[derive(Debug, Clone)]
struct Entry {
    depth: usize,
    title: String,
    page: usize,
}

fn decode(object: &lopdf::Object) -> String {
    let bytes = object.as_str().expect("a string");
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks(2)
                .map(|p| u16::from_be_bytes([p[0], p[1]]))
                .collect();
            String::from_utf16(&units).expect("UTF-16")
        }
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// The page index a `/Dest` array points to.
fn dest_page(doc: &lopdf::Document, dest: &lopdf::Object) -> usize {
    let page = dest.as_array().expect("a destination")[0]
        .as_reference()
        .expect("a page");
    doc.get_pages()
        .iter()
        .position(|(_, id)| *id == page)
        .expect("a page of the document")
}

/// The outline, depth first (reading order).
fn outline(path: &Path) -> Vec<Entry> {
    let doc = lopdf::Document::load(path).expect("a PDF");
    let root = doc
        .catalog()
        .expect("catalog")
        .get(b"Outlines")
        .expect("an outline");
    let root = doc
        .get_dictionary(root.as_reference().expect("ref"))
        .expect("dict");
    let mut out = Vec::new();
    let mut stack = vec![(root.get(b"First").ok().and_then(|o| o.as_reference().ok()), 1)];
    while let Some((item, depth)) = stack.pop() {
        let Some(id) = item else { continue };
        let item = doc.get_dictionary(id).expect("an outline item");
        out.push(Entry {
            depth,
            title: decode(item.get(b"Title").expect("title")),
            page: dest_page(&doc, item.get(b"Dest").expect("dest")),
        });
        let next = item.get(b"Next").ok().and_then(|o| o.as_reference().ok());
        stack.push((next, depth));
        let first = item.get(b"First").ok().and_then(|o| o.as_reference().ok());
        if first.is_some() {
            stack.push((first, depth + 1));
        }
    }
    out
}

/// The link targets (page indexes) of a page, in order.
fn link_targets(path: &Path, page: usize) -> Vec<usize> {
    let doc = lopdf::Document::load(path).expect("a PDF");
    let id = *doc.get_pages().values().nth(page).expect("the page");
    let annots = doc
        .get_dictionary(id)
        .expect("page")
        .get(b"Annots")
        .expect("annots");
    annots
        .as_array()
        .expect("array")
        .iter()
        .map(|a| {
            let annot = doc.get_dictionary(a.as_reference().expect("ref")).expect("annot");
            dest_page(&doc, annot.get(b"Dest").expect("dest"))
        })
        .collect()
}

/// The text of each page (`-layout` keeps lines as drawn, `-raw` in content order, no flag
/// in reading order).
fn pages_text(path: &Path, flags: &[&str]) -> Option<Vec<String>> {
    if !have("pdftotext") {
        return None;
    }
    let output = Command::new("pdftotext")
        .args(flags)
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    Some(text.split('\u{c}').map(str::to_owned).collect())
}

fn collapse(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_outline_follows_the_headings_nested_in_page_order() {
    for (name, path) in pdfs() {
        let entries = outline(path);
        assert!(
            entries.windows(2).all(|w| w[0].page <= w[1].page),
            "{name}: outline not in page order: {entries:#?}"
        );
        // The portfolio has sections only; the others have sub-sections too.
        assert_eq!(
            entries.iter().any(|e| e.depth == 2),
            name != "portfolio",
            "{name}"
        );
    }
    let uk = outline(&pdfs()[0].1);
    let top: Vec<&str> = uk
        .iter()
        .filter(|e| e.depth == 1)
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(
        top,
        [
            "Демократичне врядування у секторі безпеки: роль виконавчої влади",
            "Зміст",
            "Резюме",
            "Оцінки за розділами",
            "Результати за розділами",
            "Висновки щодо відповідності",
            "Актуальність доказів",
            "План заходів з удосконалення",
            "Забезпечення якості",
            "Затвердження",
            "Методика оцінювання",
            "Походження даних",
        ]
    );
    let under = |parent: &str| -> Vec<String> {
        let at = uk.iter().position(|e| e.title == parent).expect("the parent");
        let depth = uk[at].depth;
        uk[at + 1..]
            .iter()
            .take_while(|e| e.depth > depth)
            .filter(|e| e.depth == depth + 1)
            .map(|e| e.title.clone())
            .collect()
    };
    // Reading order, not alphabetical.
    assert_eq!(
        under("Резюме"),
        [
            "Критичні невідповідності",
            "Розділи з найвищими оцінками",
            "Розділи з найнижчими оцінками",
            "Індикатори за статусом"
        ]
    );
    let roles: Vec<String> = under("5 Ролі виконавчої влади");
    assert_eq!(roles.len(), 5, "{roles:?}");
    assert!(
        roles[0].starts_with("5.1 ") && roles[4].starts_with("5.5 "),
        "{roles:?}"
    );
    // The compare PDF has every section of the indicators part, not only the first four, and
    // the sections only the first edition has, marked so.
    let compare = outline(&pdfs()[3].1);
    assert!(
        compare.iter().any(|e| e.title.starts_with("6.3 ")),
        "{compare:#?}"
    );
    assert!(
        compare
            .iter()
            .any(|e| e.title == "5.2 Financial oversight of budgets and expenditure (only in version 1.0)"),
        "{compare:#?}"
    );
}

/// The entries of the contents pages: each title with the page number printed after it.
fn contents_entries(pages: &[String]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        // the classification marking at the top and bottom of the page is in capitals
        let mark = |l: &str| l.chars().all(|c| !c.is_lowercase());
        let lines: Vec<&str> = page
            .lines()
            .filter(|l| !l.trim().is_empty() && !mark(l))
            .collect();
        let mut pending = String::new();
        // The first line of the first page is the heading, the last line of each the footer.
        let first = usize::from(p == 0);
        for line in &lines[first.min(lines.len())..lines.len().saturating_sub(1)] {
            let line = collapse(line);
            match line.rsplit_once(' ').map(|(t, n)| (t, n.parse::<usize>())) {
                Some((title, Ok(n))) => {
                    out.push((collapse(&format!("{pending} {title}")), n));
                    pending.clear();
                }
                _ => pending = collapse(&format!("{pending} {line}")),
            }
        }
    }
    out
}

#[test]
fn the_contents_lists_every_section_at_the_page_its_bookmark_points_to() {
    for (name, path) in pdfs() {
        let entries = outline(path);
        let contents = entries
            .iter()
            .position(|e| e.title == "Зміст" || e.title == "Contents")
            .expect("a contents entry");
        let first = entries[contents].page;
        let last = entries[contents + 1].page;
        let Some(text) = pages_text(path, &["-layout"]) else {
            return;
        };
        let listed = contents_entries(&text[first..last]);
        let headings = &entries[contents + 1..];
        // Every section and sub-section is listed...
        for e in headings.iter().filter(|e| e.depth <= 2) {
            assert!(
                listed.iter().any(|(t, _)| *t == e.title),
                "{name}: {:?} is not in the contents {listed:#?}",
                e.title
            );
        }
        // ...at the page its bookmark points to, and links there.
        let mut from = 0;
        for (title, number) in &listed {
            let at = headings[from..]
                .iter()
                .position(|e| e.title == *title)
                .unwrap_or_else(|| panic!("{name}: {title:?} has no bookmark"));
            assert_eq!(headings[from + at].page + 1, *number, "{name}: {title}");
            from += at + 1;
        }
        let links: Vec<usize> = (first..last).flat_map(|p| link_targets(path, p)).collect();
        let numbers: Vec<usize> = listed.iter().map(|(_, n)| n - 1).collect();
        assert_eq!(links, numbers, "{name}: links");
    }
}

/// The words of the inputs of the example reports, and which words follow which.
fn vocabulary(name: &str) -> (HashSet<String>, HashSet<(String, String)>) {
    let mut words = HashSet::new();
    let mut pairs = HashSet::new();
    for file in [
        format!("examples/answers/{name}.yaml"),
        "checklists/dssg-executive.yaml".into(),
        "report-templates/default/labels.yaml".into(),
    ] {
        let text = std::fs::read_to_string(root().join(file)).expect("read");
        let tokens: Vec<&str> = text
            .split(|c: char| !(c.is_alphabetic() || c == '’' || c == '\''))
            .filter(|t| !t.is_empty())
            .collect();
        for pair in tokens.windows(2) {
            pairs.insert((pair[0].to_owned(), pair[1].to_owned()));
        }
        words.extend(tokens.into_iter().map(str::to_owned));
    }
    (words, pairs)
}

#[test]
fn no_line_ends_in_a_piece_of_a_word_without_a_hyphen() {
    let letter = |c: char| c.is_alphabetic() || c == '’' || c == '\'';
    for (name, path) in &pdfs()[..3] {
        let Some(pages) = pages_text(path, &["-raw"]) else {
            return;
        };
        let (words, pairs) = vocabulary(name);
        for (p, page) in pages.iter().enumerate() {
            let lines: Vec<&str> = page.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            for pair in lines.windows(2) {
                let tail: String = pair[0]
                    .chars()
                    .rev()
                    .take_while(|&c| letter(c))
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let head: String = pair[1].chars().take_while(|&c| letter(c)).collect();
                if tail.is_empty() || head.is_empty() {
                    continue;
                }
                let joined = format!("{tail}{head}");
                assert!(
                    !words.contains(&joined) || pairs.contains(&(tail.clone(), head.clone())),
                    "{name}, page {}: {joined:?} is cut without a hyphen:\n{}\n{}",
                    p + 1,
                    pair[0],
                    pair[1]
                );
            }
        }
    }
}

#[test]
fn no_heading_is_the_last_line_of_a_page() {
    for (name, path) in &pdfs()[..3] {
        let headings = outline(path);
        let Some(pages) = pages_text(path, &["-layout"]) else {
            return;
        };
        for (p, page) in pages.iter().enumerate() {
            let lines: Vec<String> = page.lines().map(collapse).filter(|l| !l.is_empty()).collect();
            // The last line is the footer.
            let Some(last) = lines.len().checked_sub(2).map(|i| &lines[i]) else {
                continue;
            };
            // A table cell may hold a section's title too: a heading is one whose bookmark
            // points to this page.
            let heading = headings
                .iter()
                .filter(|h| h.page == p)
                .any(|h| h.title == *last || h.title.starts_with(&format!("{last} ")));
            assert!(!heading, "{name}: page {} ends with the heading {last:?}", p + 1);
        }
    }
}

const WORLDWIDE: &str = "  a-1:\n    level: 2\n    comment: \"Arabic: مرحبا بالعالم and Hebrew: שלום עולם\"\n    evidence:\n      - title: \"报告 🦀\"\n";

/// `report a.yaml -o a.pdf` with [`WORLDWIDE`] answers and `extra` arguments, in a new folder.
fn report_worldwide(extra: &[&str]) -> (tempfile::TempDir, std::process::Output) {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("test.yaml"), CHECKLIST).expect("write");
    std::fs::write(dir.path().join("a.yaml"), answers_yaml(WORLDWIDE)).expect("write");
    let mut args = vec![
        "report",
        "a.yaml",
        "--checklist",
        "test.yaml",
        "--date",
        "2026-11-28",
        "-o",
        "a.pdf",
    ];
    args.extend_from_slice(extra);
    let output = run_in(dir.path(), &args);
    (dir, output)
}

#[test]
fn characters_no_font_has_are_warned_about_with_their_code() {
    let (dir, output) = report_worldwide(&[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let warning = |c: &str, code: &str| {
        format!(
            "warning[missing-glyph]: a.yaml: answers[a-1].evidence[0].title: no font has a glyph for `{c}` \
             (U+{code}); the PDF shows \u{FFFD} (U+FFFD) instead\n  hint: add a font that has it with \
             `--font FILE` (TrueType, OpenType or a .ttc collection)\n"
        )
    };
    assert_eq!(
        stderr(&output),
        [
            warning("报", "62A5"),
            warning("告", "544A"),
            warning("🦀", "1F980")
        ]
        .concat()
    );
    let Some(pages) = pages_text(&dir.path().join("a.pdf"), &[]) else {
        return;
    };
    let text = pages.concat();
    assert!(
        text.contains("\u{FFFD}\u{FFFD} \u{FFFD}"),
        "the visible mark, never `?`"
    );
    assert!(!text.contains("??"));
    // Right to left, as written: pdftotext gives back the logical order (inside embedding
    // marks, which move the spaces around them).
    let logical: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\u{202A}'..='\u{202E}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    assert!(
        collapse(&logical).contains("Arabic: مرحبا بالعالم and Hebrew: שלום עולם"),
        "{logical}"
    );
}

#[test]
fn a_fallback_font_prints_what_the_embedded_ones_lack() {
    if !Path::new(CJK_FONT).is_file() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{CJK_FONT} is missing on CI: .ci/run must install fonts-noto-cjk"
        );
        eprintln!("SKIPPED: {CJK_FONT} is not installed; apt-get install fonts-noto-cjk");
        return;
    }
    let (dir, output) = report_worldwide(&["--font", CJK_FONT]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("warning")).collect();
    assert_eq!(lines.len(), 1, "only the crab is left: {lines:?}");
    assert!(lines[0].contains("(U+1F980)"));
    let bytes = std::fs::read(dir.path().join("a.pdf")).expect("written");
    assert!(
        bytes.len() < 200_000,
        "the CJK font is subset: {} bytes",
        bytes.len()
    );
    let Some(pages) = pages_text(&dir.path().join("a.pdf"), &["-raw"]) else {
        return;
    };
    assert!(pages.concat().contains("报告 \u{FFFD}"));

    let output = run_in(
        dir.path(),
        &[
            "report",
            "a.yaml",
            "--checklist",
            "test.yaml",
            "--font",
            "test.yaml",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output)
            .starts_with("error: cannot use the font `test.yaml`\n  caused by: it is not a TrueType"),
        "{}",
        stderr(&output)
    );
}
