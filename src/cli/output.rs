//! Where a command's files go: `--format` and `-o` resolved into one path per format, then the
//! files written. Shared by the commands that write report files.

use super::print;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::error::ErrorKind;
use oversight::Result;
use oversight::output::{WritePolicy, write_atomic};
use oversight::render::Format;
use std::path::{Path, PathBuf};

/// The `--format` parser of a command that writes `formats`: their names, as clap values.
pub fn format_parser(formats: &'static [Format]) -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(formats.iter().map(|f| f.extension())).try_map(move |name| {
        formats
            .iter()
            .copied()
            .find(|f| f.extension() == name)
            .ok_or_else(|| format!("unknown format `{name}`"))
    })
}

/// What a command asks for: the formats it can write, the ones requested (`--format`), `-o`,
/// and the file name stem for files written into a folder.
pub struct Request<'a> {
    /// The subcommand, for the usage line of an error.
    pub command: &'static str,
    pub allowed: &'static [Format],
    pub formats: &'a [Format],
    pub output: Option<&'a Path>,
    pub stem: &'a str,
}

/// Each requested format with the file it goes to; a contradiction is a usage error (exit 2).
/// Without `--format`: HTML and PDF, or the format of the `-o` file.
pub fn targets(request: &Request) -> Vec<(Format, PathBuf)> {
    let mut formats = request.formats.to_vec();
    formats.sort();
    formats.dedup();
    if formats.is_empty() {
        formats = vec![Format::Html, Format::Pdf];
    }
    let into_folder = |folder: &Path| {
        formats
            .iter()
            .map(|f| (*f, folder.join(format!("{}.{}", request.stem, f.extension()))))
            .collect()
    };
    match request.output {
        None => into_folder(Path::new(".")),
        Some(path) if is_folder(path) => into_folder(path),
        Some(path) => {
            let Some(from_extension) = Format::from_extension(path).filter(|f| request.allowed.contains(f))
            else {
                usage_error(
                    request.command,
                    format!(
                        "cannot tell the format of `{}`: use a {} name, or a folder ending in `/`",
                        path.display(),
                        extensions(request.allowed)
                    ),
                );
            };
            if !request.formats.iter().all(|f| *f == from_extension) {
                usage_error(
                    request.command,
                    format!(
                        "`-o {}` names one {} file, but --format asks for other formats; use a folder ending in `/`",
                        path.display(),
                        from_extension.extension()
                    ),
                );
            }
            vec![(from_extension, path.to_owned())]
        }
    }
}

/// Writes each rendered format to its target, then prints one `wrote PATH` line per file.
pub fn write(
    rendered: &[(Format, Vec<u8>)],
    targets: &[(Format, PathBuf)],
    policy: &WritePolicy,
) -> Result<()> {
    let mut written = String::new();
    for ((_, bytes), (_, path)) in rendered.iter().zip(targets) {
        write_atomic(path, bytes, policy)?;
        written.push_str(&format!("wrote {}\n", path.display()));
    }
    print(&written);
    Ok(())
}

/// ".html, .pdf or .json"
fn extensions(formats: &[Format]) -> String {
    let names: Vec<String> = formats.iter().map(|f| format!(".{}", f.extension())).collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

fn is_folder(path: &Path) -> bool {
    let text = path.to_string_lossy();
    text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) || path.is_dir()
}

/// Exits with code 2, showing the command's usage line.
fn usage_error(command: &str, message: String) -> ! {
    use clap::CommandFactory;
    let mut cli = super::Cli::command();
    cli.build();
    let mut subcommand = cli.find_subcommand_mut(command).cloned().unwrap_or_default();
    subcommand.error(ErrorKind::ArgumentConflict, message).exit()
}
