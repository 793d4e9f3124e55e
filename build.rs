//! Rebuilds when a compiled-in file changes: `include_dir!` cannot tell cargo about new files.

fn main() {
    for folder in ["report-templates", "checklists", "assets"] {
        println!("cargo:rerun-if-changed={folder}");
    }
}
