//! The floor of reading answers files: every `*.yaml` file of a folder read and parsed by the
//! YAML crate alone, on rayon's thread pool as `oversight portfolio` does, and nothing else done
//! with it. `benches/portfolio.sh` times it beside the portfolio run on the same files.
//!
//! `cargo run --release --example yaml_floor -- value FOLDER` parses each file into a YAML
//! value (a tree of mappings, lists and texts); `events` only runs the parser over it
//! (`IgnoredAny`: the parser's events, nothing built). It prints the number of files parsed.

use rayon::prelude::*;
use serde::de::IgnoredAny;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(mode), Some(folder)) = (args.get(1), args.get(2)) else {
        return Err("usage: yaml_floor value|events FOLDER".to_owned());
    };
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .map_err(|e| e.to_string())?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    let parse = |path: &std::path::PathBuf| -> Result<(), String> {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        let parsed = match mode.as_str() {
            "value" => serde_yaml::from_str::<serde_yaml::Value>(&text).map(drop),
            _ => serde_yaml::from_str::<IgnoredAny>(&text).map(drop),
        };
        parsed.map_err(|e| format!("{}: {e}", path.display()))
    };
    files.par_iter().try_for_each(parse)?;
    println!("parsed {} files ({mode})", files.len());
    Ok(())
}
