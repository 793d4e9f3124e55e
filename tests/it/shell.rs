//! Fitting the shell: completion scripts that the shells load and complete with, and the manual
//! pages (`oversight completions SHELL`, `oversight man`).

use crate::support::{root, run_in, stderr, stdout};
use std::process::Command;

/// Every command of the binary, as the help lists them.
const COMMANDS: [&str; 17] = [
    "validate",
    "score",
    "init",
    "report",
    "plan",
    "portfolio",
    "checklists",
    "compare",
    "consolidate",
    "completions",
    "man",
    "licenses",
    "convert",
    "workbook",
    "import",
    "form",
    "schema",
];
/// The commands' own subcommands, each with a page of its own.
const SUBCOMMANDS: [&str; 2] = ["schema-answers", "schema-checklist"];

/// `oversight completions SHELL`, which must succeed.
fn completions(shell: &str) -> String {
    let output = run_in(root(), &["completions", shell]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout(&output)
}

/// Whether a shell is installed; on CI it must be (`.ci/run` installs zsh and fish).
fn have(shell: &str) -> bool {
    if Command::new(shell).arg("-c").arg("exit 0").output().is_ok() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{shell} is missing on CI: .ci/run must install it"
    );
    eprintln!("SKIPPED: {shell} is not installed; apt-get install {shell}");
    false
}

/// Runs `script` in `shell` with the completion script of that shell in the file
/// `$COMPLETIONS`.
fn run_with_script(shell: &str, script: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("completions");
    std::fs::write(&file, completions(shell)).expect("write");
    let output = Command::new(shell)
        .arg("-c")
        .arg(script)
        .env("COMPLETIONS", &file)
        .output()
        .expect("the shell runs");
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
}

#[test]
fn bash_completes_commands_flags_and_their_values() {
    let complete = |words: &str, cword: usize| {
        run_with_script(
            "bash",
            &format!(
                "source \"$COMPLETIONS\"; COMP_WORDS=({words}); COMP_CWORD={cword}; \
                 _oversight oversight \"${{COMP_WORDS[$COMP_CWORD]}}\" \"${{COMP_WORDS[$COMP_CWORD-1]}}\"; \
                 printf '%s\\n' \"${{COMPREPLY[@]}}\""
            ),
        )
    };
    assert_eq!(complete("oversight val", 1), "validate\n");
    assert_eq!(complete("oversight validate --for", 2), "--format\n");
    assert_eq!(complete("oversight validate --format ''", 3), "text\njson\n");
    let shells = complete("oversight completions ''", 2);
    assert!(
        shells.ends_with("--help\nbash\nelvish\nfish\npowershell\nzsh\n"),
        "{shells}"
    );
}

#[test]
fn fish_completes_commands_and_flag_values() {
    if !have("fish") {
        return;
    }
    let out = run_with_script(
        "fish",
        "source $COMPLETIONS; complete -C 'oversight val'; complete -C 'oversight validate --format '",
    );
    assert_eq!(
        out,
        "validate\tCheck checklists and answers files, reporting every problem found\njson\ntext\n"
    );
}

#[test]
fn zsh_reads_its_completion_function() {
    let script = completions("zsh");
    assert!(script.starts_with("#compdef oversight\n"), "{script}");
    for command in COMMANDS {
        assert!(
            script.contains(&format!("'{command}:")),
            "zsh completes `{command}`"
        );
    }
    if have("zsh") {
        run_with_script("zsh", "zsh -n \"$COMPLETIONS\"");
    }
}

#[test]
fn elvish_and_powershell_list_every_command() {
    let (elvish, powershell) = (completions("elvish"), completions("powershell"));
    for command in COMMANDS {
        assert!(
            elvish.contains(&format!("&'oversight;{command}'= {{")),
            "elvish: `{command}`"
        );
        assert!(
            powershell.contains(&format!("'oversight;{command}' {{")),
            "powershell: `{command}`"
        );
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let output = run_in(root(), &["completions", "tcsh"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with(
            "error: invalid value 'tcsh' for '<SHELL>'\n  [possible values: bash, elvish, fish, powershell, zsh]\n"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn man_prints_the_main_page_with_every_command() {
    let output = run_in(root(), &["man"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let page = stdout(&output);
    let date = oversight::build_info::BUILD.date.unwrap_or("");
    let version = oversight::build_info::BUILD.version;
    assert!(
        page.contains(&format!(".TH oversight 1 {date} \"oversight {version}\"")),
        "{page}"
    );
    assert!(page.contains(".SH SUBCOMMANDS"), "{page}");
    for command in COMMANDS {
        assert!(
            page.contains(&format!("oversight\\-{command}(1)")),
            "`{command}` in {page}"
        );
    }
}

#[test]
fn man_writes_one_page_per_command_into_a_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("man1");
    let output = run_in(root(), &["man", "-o", folder.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .expect("the folder was made")
        .map(|entry| {
            entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    let mut expected: Vec<String> = COMMANDS
        .iter()
        .chain(&SUBCOMMANDS)
        .map(|c| format!("oversight-{c}.1"))
        .collect();
    expected.push("oversight.1".to_owned());
    expected.sort();
    assert_eq!(names, expected);
    let validate = std::fs::read_to_string(folder.join("oversight-validate.1")).expect("read");
    assert!(validate.contains("\\fB\\-\\-format\\fR"), "{validate}");
    assert_eq!(
        stdout(&output).lines().count(),
        COMMANDS.len() + SUBCOMMANDS.len() + 1
    );
}
