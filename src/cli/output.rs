//! Where a command's outputs go, from `--format` and `-o`: shared by `report`, `compare` and
//! `consolidate`, so that every command reads these flags the same way.
//!
//! `-o FILE` names one file whose extension gives the format; `-o DIR/` (or an existing folder)
//! takes one `<stem>.<ext>` per format; `-o -` sends the one format `--format` names to
//! standard output. A contradiction (several formats for one file or for standard output) is
//! a usage error (exit 2). Files are written all or none ([`oversight::output::write_all`]).

use super::terminal::{print, print_data};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::error::ErrorKind;
use oversight::output::WritePolicy;
use oversight::render::Format;
use oversight::source::read::{STDIN_ARGUMENT, is_stdin};
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

/// An output format with its file extension.
pub trait OutputFormat: Copy + Ord {
    fn extension(self) -> &'static str;
    /// The format a file name's extension asks for.
    fn from_extension(path: &Path) -> Option<Self>;
}

impl OutputFormat for Format {
    fn extension(self) -> &'static str {
        Format::extension(self)
    }

    fn from_extension(path: &Path) -> Option<Format> {
        Format::from_extension(path)
    }
}

/// What a command asked for on its command line.
pub struct Request<'a, F> {
    /// The subcommand, for the usage line of an error.
    pub command: &'a str,
    pub formats: Vec<F>,
    pub output: Option<&'a Path>,
    /// The file name, without extension, of outputs written into a folder.
    pub stem: &'a str,
    /// The formats written when neither `--format` nor `-o FILE` says.
    pub defaults: &'a [F],
    /// The formats this command can write; `-o FILE` must have one of their extensions.
    pub allowed: &'a [F],
}

/// Where an output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    File(PathBuf),
    /// `-o -`
    Stdout,
}

/// Each requested format with where it goes; without `-o`, into the current folder.
pub fn targets<F: OutputFormat>(request: &Request<F>) -> Vec<(F, Target)> {
    let mut formats = request.formats.clone();
    formats.sort();
    formats.dedup();
    if request.output.is_some_and(is_stdin) {
        return match formats[..] {
            [format] => vec![(format, Target::Stdout)],
            [] => usage_error(
                request.command,
                format!("`-o {STDIN_ARGUMENT}` writes one format to standard output: name it with --format"),
            ),
            _ => usage_error(request.command, STDOUT_TAKES_ONE.to_owned()),
        };
    }
    let into_folder = |folder: &Path, formats: Vec<F>| {
        let formats = if formats.is_empty() {
            request.defaults.to_vec()
        } else {
            formats
        };
        formats
            .into_iter()
            .map(|f| {
                let file = folder.join(format!("{}.{}", request.stem, f.extension()));
                (f, Target::File(file))
            })
            .collect()
    };
    match request.output {
        None => into_folder(Path::new("."), formats),
        Some(path) if is_folder(path) => into_folder(path, formats),
        Some(path) => {
            let Some(from_extension) = F::from_extension(path).filter(|f| request.allowed.contains(f)) else {
                usage_error(
                    request.command,
                    format!(
                        "cannot tell the format of `{}`: use a {} name, or a folder ending in `/`",
                        path.display(),
                        extensions(request.allowed)
                    ),
                );
            };
            if formats.iter().any(|f| *f != from_extension) {
                usage_error(
                    request.command,
                    format!(
                        "`-o {}` names one {} file, but --format asks for other formats; use a folder ending in `/`",
                        path.display(),
                        from_extension.extension()
                    ),
                );
            }
            vec![(from_extension, Target::File(path.to_owned()))]
        }
    }
}

/// The usage error of a command asked to write several formats to standard output.
pub const STDOUT_TAKES_ONE: &str = "standard output takes one format; write several with `-o FOLDER/`";

/// Writes the outputs, all or none, and prints a `wrote PATH` line for each file; an output
/// for standard output is written there as it is, without a line.
pub fn write_all<F: OutputFormat>(
    rendered: &[(F, Vec<u8>)],
    targets: &[(F, Target)],
    policy: &WritePolicy,
) -> oversight::Result<()> {
    let mut files: Vec<(&Path, &[u8])> = Vec::new();
    for ((_, bytes), (_, target)) in rendered.iter().zip(targets) {
        match target {
            Target::Stdout => print_data(bytes)?,
            Target::File(path) => files.push((path, bytes)),
        }
    }
    oversight::output::write_all(&files, policy)?;
    let wrote: String = files
        .iter()
        .map(|(path, _)| format!("wrote {}\n", path.display()))
        .collect();
    print(&wrote)
}

/// Writes the one output of a command that has one: to standard output for `-o -`, as it is,
/// else to the file (atomically) with a `wrote PATH` line. `extensions` are the ones the file
/// may have; another is a usage error of `command`.
pub fn write_one(
    command: &str,
    output: &Path,
    extensions: &[&str],
    bytes: &[u8],
    policy: &WritePolicy,
) -> oversight::Result<()> {
    if is_stdin(output) {
        return print_data(bytes);
    }
    if !extensions.iter().any(|e| super::has_extension(output, e)) {
        let names: Vec<String> = extensions.iter().map(|e| format!(".{e}")).collect();
        usage_error(
            command,
            format!(
                "`-o {}` must name a {} file, or be `-` for standard output",
                output.display(),
                names.join(" or ")
            ),
        );
    }
    oversight::output::write_atomic(output, bytes, policy)?;
    print(&format!("wrote {}\n", output.display()))
}

/// The stem of output files named after an input, or `fallback` for standard input.
pub fn stem(input: &Path, fallback: &str) -> String {
    match input.file_stem() {
        Some(stem) if !is_stdin(input) => stem.to_string_lossy().into_owned(),
        _ => fallback.to_owned(),
    }
}

/// ".html, .pdf or .json"
fn extensions<F: OutputFormat>(formats: &[F]) -> String {
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

/// Exits with code 2, showing the subcommand's usage line.
pub fn usage_error(command: &str, message: String) -> ! {
    use clap::CommandFactory;
    let mut cli = super::Cli::command();
    cli.build();
    let mut subcommand = cli.find_subcommand_mut(command).cloned().unwrap_or_default();
    subcommand.error(ErrorKind::ArgumentConflict, message).exit()
}
