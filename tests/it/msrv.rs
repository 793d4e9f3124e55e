//! The truth of `rust-version` in Cargo.toml: no locked dependency asks for a newer Rust. (The
//! language features and standard library calls of the code itself are checked by clippy's
//! `incompatible_msrv` lint, which reads the same field.)

/// `1.88` or `1.88.0` as (1, 88, 0).
fn version(text: &str) -> (u64, u64, u64) {
    let mut parts = text.split('.').map(|p| p.parse::<u64>().expect("a number"));
    let mut next = || parts.next().unwrap_or(0);
    (next(), next(), next())
}

#[test]
fn no_locked_dependency_needs_a_newer_rust_than_declared() {
    let metadata = crate::notices::metadata();
    let root = metadata["resolve"]["root"].as_str().expect("a root");
    let packages = metadata["packages"].as_array().expect("packages");
    let declared = packages
        .iter()
        .find(|p| p["id"] == root)
        .and_then(|p| p["rust_version"].as_str())
        .expect("Cargo.toml declares rust-version");
    let too_new: Vec<String> = packages
        .iter()
        .filter_map(|p| Some((p["name"].as_str()?, p["rust_version"].as_str()?)))
        .filter(|(_, needs)| version(needs) > version(declared))
        .map(|(name, needs)| format!("{name} needs {needs}"))
        .collect();
    assert!(too_new.is_empty(), "rust-version is {declared}, but {too_new:?}");
}
