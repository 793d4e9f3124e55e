//! The third-party notice, `THIRD-PARTY-NOTICES.md`: generated here from Cargo.lock (through
//! `cargo metadata`) and the licence files of the crates, and compared with the committed file,
//! so that a change of dependencies without a new notice fails. The scripts the binary carries
//! beside its crates (js-yaml, in the questionnaire) close it.
//!
//! To write the notice again: `UPDATE_NOTICES=1 cargo test --test it notices`.

use crate::support::root;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The platform the notice describes: the one the binary is built for and shipped on.
const PLATFORM: &str = "x86_64-unknown-linux-gnu";
const NOTICE: &str = "THIRD-PARTY-NOTICES.md";

/// One crate the binary is built from.
struct Package {
    name: String,
    version: String,
    license: String,
    /// The crate's licence and notice files: (file name, text).
    files: Vec<(String, String)>,
}

/// The standard output of `cargo ARGS` run at the root; the test fails with cargo's message if
/// cargo does.
fn cargo(args: &[&str]) -> Vec<u8> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(args)
        .current_dir(root())
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// `cargo metadata` of the locked dependency graph, for [`PLATFORM`] (it downloads the
/// manifests of crates not yet in cargo's cache, or reads a vendored copy).
pub(crate) fn metadata() -> Value {
    let args = [
        "metadata",
        "--format-version",
        "1",
        "--locked",
        "--filter-platform",
        PLATFORM,
    ];
    serde_json::from_slice(&cargo(&args)).expect("cargo metadata is JSON")
}

/// The (name, version) of every package the build compiles for [`PLATFORM`]: reachable from the
/// root by normal and build dependencies with the features actually enabled (the test-only ones
/// are left out). `cargo tree` is asked rather than `cargo metadata`'s graph, which also lists
/// the optional dependencies named by weak features (`borsh?/std`) though they are never built.
fn shipped() -> BTreeSet<(String, String)> {
    let args = [
        "tree",
        "--locked",
        "--edges",
        "normal,build",
        "--target",
        PLATFORM,
    ];
    let tree = cargo(&[&args[..], &["--prefix", "none", "--format", "{p}"]].concat());
    String::from_utf8(tree)
        .expect("utf-8")
        .lines()
        .skip(1) // the root package
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let name = words.next()?;
            let version = words.next()?.strip_prefix('v')?;
            Some((name.to_owned(), version.to_owned()))
        })
        .collect()
}

/// Whether a file in a crate's folder is a licence or a notice.
fn is_licence_file(name: &str) -> bool {
    let upper = name.to_uppercase();
    [
        "LICENSE",
        "LICENCE",
        "COPYING",
        "NOTICE",
        "UNLICENSE",
        "COPYRIGHT",
    ]
    .iter()
    .any(|prefix| upper.starts_with(prefix))
}

fn licence_files(folder: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(folder)
        .expect("the crate's folder")
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_file = entry.file_type().ok()?.is_file();
            let text = std::fs::read_to_string(entry.path()).ok()?;
            (is_file && is_licence_file(&name)).then(|| (name, text.replace("\r\n", "\n")))
        })
        .collect();
    files.sort();
    files
}

fn packages() -> Vec<Package> {
    let metadata = metadata();
    let shipped = shipped();
    let mut packages: Vec<Package> = metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .filter(|p| {
            let name = p["name"].as_str().expect("a name").to_owned();
            let version = p["version"].as_str().expect("a version").to_owned();
            shipped.contains(&(name, version))
        })
        .map(|p| {
            let manifest = PathBuf::from(p["manifest_path"].as_str().expect("a manifest"));
            Package {
                name: p["name"].as_str().expect("a name").to_owned(),
                version: p["version"].as_str().expect("a version").to_owned(),
                license: p["license"].as_str().unwrap_or("(not declared)").to_owned(),
                files: licence_files(manifest.parent().expect("a folder")),
            }
        })
        .collect();
    packages.sort_by(|a, b| (&a.name, &a.version).cmp(&(&b.name, &b.version)));
    packages
}

/// The notice: a table of the crates, then each distinct licence text once, with the crates
/// that ship it.
fn notice(packages: &[Package]) -> String {
    let mut out = format!(
        "# Third-party notices\n\n\
         `oversight` itself is licensed under the Apache License 2.0 (`LICENSE`). Its binary for\n\
         {PLATFORM} is built from the {} crates below, as locked in `Cargo.lock`: those compiled\n\
         into it and those run to build it (build scripts, procedural macros). The licence of each\n\
         is as its author declared it; the texts follow, each once, with the crates that ship it.\n\
         This file is generated by the test `notices` (`UPDATE_NOTICES=1 cargo test --test it\n\
         notices`), which fails when it is out of date with `Cargo.lock`.\n\n\
         | Crate | Version | Licence |\n|---|---|---|\n",
        packages.len()
    );
    for p in packages {
        out.push_str(&format!("| {} | {} | {} |\n", p.name, p.version, p.license));
    }
    let mut texts: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for p in packages {
        for (file, text) in &p.files {
            texts
                .entry(text.trim_matches('\n'))
                .or_default()
                .push(format!("{} {} (`{file}`)", p.name, p.version));
        }
    }
    let without: Vec<String> = packages
        .iter()
        .filter(|p| p.files.is_empty())
        .map(|p| format!("{} {} ({})", p.name, p.version, p.license))
        .collect();
    if !without.is_empty() {
        out.push_str(&format!(
            "\nThese crates ship no licence file; their licences are the standard texts of the\n\
             identifiers given: {}.\n",
            without.join(", ")
        ));
    }
    let mut groups: Vec<(Vec<String>, &str)> = texts.into_iter().map(|(text, users)| (users, text)).collect();
    groups.sort();
    for (users, text) in groups {
        out.push_str(&format!("\n## {}\n\n```text\n{text}\n```\n", users.join(", ")));
    }
    out.push_str(&vendored());
    out
}

/// The scripts compiled into the binary that are not crates: js-yaml, which the questionnaire
/// of `oversight form` carries to read answers files back.
fn vendored() -> String {
    let licence =
        std::fs::read_to_string(root().join("assets/form/js-yaml.LICENSE")).expect("js-yaml's licence");
    format!(
        "\n## Scripts in the questionnaire\n\n\
         The questionnaire that `oversight form` writes carries js-yaml 4.1.0\n\
         (<https://github.com/nodeca/js-yaml>, MIT, `assets/form/js-yaml.min.js`):\n\n\
         ```text\n{}\n```\n",
        licence.trim_matches('\n')
    )
}

#[test]
fn the_notice_is_up_to_date_with_cargo_lock() {
    let expected = notice(&packages());
    let path = root().join(NOTICE);
    if std::env::var_os("UPDATE_NOTICES").is_some() {
        std::fs::write(&path, &expected).expect("write the notice");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "{NOTICE} is out of date with Cargo.lock: run `UPDATE_NOTICES=1 cargo test --test it notices`"
    );
}

#[test]
fn the_binary_prints_the_notice_it_was_built_with() {
    let output = crate::support::run_in(root(), &["licenses"]);
    assert_eq!(output.status.code(), Some(0));
    let printed = crate::support::stdout(&output);
    let notice = std::fs::read_to_string(root().join(NOTICE)).expect("the notice");
    let licence = std::fs::read_to_string(root().join("LICENSE")).expect("the licence");
    assert_eq!(printed, format!("{licence}\n{notice}"));
}
