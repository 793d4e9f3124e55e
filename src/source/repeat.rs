//! Where a repeated key stands in the text, found from the mapping the parser blames.
//!
//! The YAML parser reports a repeated key at the start of its mapping: for a long `answers:`
//! mapping that can be hundreds of lines away from the repetition. Given that start and the key,
//! this module reads the mapping's own keys in the text (a block mapping's keys stand at the
//! start column of its first key; a flow mapping's follow `{` and `,` at its own depth) and
//! returns the first and the second place of the key. Quoted keys are decoded by the YAML
//! parser, so `'it''s'` and `"it's"` are the same key. When a key of the mapping cannot be read
//! from its line (an explicit `? key`, a quoted key or value running over several lines), it
//! returns nothing and the caller keeps the parser's place: a wrong place is worse than a coarse
//! one.

/// A 1-based line and column, counted in characters as the parser counts them.
pub type LineColumn = (usize, usize);

/// The first and second place of `key` among the keys of the mapping that starts at `start`.
pub fn locate(text: &str, start: LineColumn, key: &str) -> Option<(LineColumn, LineColumn)> {
    let lines: Vec<Vec<char>> = super::place::yaml_lines(text)
        .map(|line| line.chars().collect())
        .collect();
    let (line, column) = start;
    let first = lines.get(line.checked_sub(1)?)?;
    let keys = if first.get(column.checked_sub(1)?) == Some(&'{') {
        flow_keys(&lines, line - 1, column - 1)
    } else {
        block_keys(&lines, line - 1, column - 1)
    };
    let mut places = keys
        .ok()?
        .into_iter()
        .filter(|(_, _, name)| name == key)
        .map(|(line, column, _)| (line + 1, column + 1));
    Some((places.next()?, places.next()?))
}

/// A key as it was found: 0-based line and column, and its name as the parser reads it.
type FoundKey = (usize, usize, String);

/// A key, or a quoted scalar, that cannot be read from one line.
#[derive(Debug)]
struct Unreadable;

/// The keys of the block mapping whose first key is at `(line, column)`: that key, then every
/// later line that starts at the same column, until a line that starts further left.
fn block_keys(lines: &[Vec<char>], line: usize, column: usize) -> Result<Vec<FoundKey>, Unreadable> {
    let indent = |chars: &Vec<char>| chars.iter().take_while(|c| **c == ' ').count();
    let blank = |chars: &Vec<char>| matches!(chars.get(indent(chars)), None | Some('#'));
    let later = lines
        .iter()
        .enumerate()
        .skip(line + 1)
        .filter(|(_, chars)| !blank(chars))
        .take_while(|(_, chars)| indent(chars) >= column)
        .filter(|(_, chars)| indent(chars) == column);
    std::iter::once((line, &lines[line]))
        .chain(later)
        .filter_map(|(index, chars)| {
            let name = key_name(chars.get(column..)?).transpose()?;
            Some(name.map(|name| (index, column, name)))
        })
        .collect()
}

/// The keys of the flow mapping that opens with the `{` at `(line, column)`: what follows `{`
/// or `,` at the mapping's own depth, up to its `:`. Quoted scalars and comments are skipped.
fn flow_keys(lines: &[Vec<char>], line: usize, column: usize) -> Result<Vec<FoundKey>, Unreadable> {
    let mut keys = Vec::new();
    let (mut depth, mut expect_key, mut last) = (0usize, false, '{');
    let (mut l, mut c) = (line, column);
    while let Some(chars) = lines.get(l) {
        let Some(&ch) = chars.get(c) else {
            (l, c) = (l + 1, 0);
            continue;
        };
        let at = c;
        c += 1;
        if ch == '#' && (at == 0 || chars[at - 1] == ' ') {
            (l, c) = (l + 1, 0);
            continue;
        }
        if ch == ' ' {
            continue;
        }
        let starts_scalar = matches!(last, '{' | '[' | ',' | ':');
        last = ch;
        match ch {
            '{' | '[' => {
                depth += 1;
                expect_key = depth == 1;
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            ',' => expect_key = depth == 1,
            _ => {
                if std::mem::take(&mut expect_key)
                    && let Some(name) = key_name(&chars[at..])?
                {
                    keys.push((l, at, name));
                }
                if starts_scalar && matches!(ch, '"' | '\'') {
                    c = at + closing_quote(&chars[at..]).ok_or(Unreadable)? + 1;
                }
            }
        }
    }
    Ok(keys)
}

/// The name of the key that `chars` starts with (`name:`, `"name":`, `'name':`), or `None`
/// when they do not start with a key.
fn key_name(chars: &[char]) -> Result<Option<String>, Unreadable> {
    match chars.first() {
        Some('?') if matches!(chars.get(1), None | Some(' ')) => Err(Unreadable),
        Some('"' | '\'') => {
            let end = closing_quote(chars).ok_or(Unreadable)?;
            let after = chars[end + 1..].iter().find(|c| **c != ' ');
            if after != Some(&':') {
                return Ok(None);
            }
            let quoted: String = chars[..=end].iter().collect();
            serde_yaml::from_str(&quoted).map(Some).map_err(|_| Unreadable)
        }
        Some(_) => Ok((0..chars.len())
            .find(|&i| ends_key(chars, i))
            .map(|end| chars[..end].iter().collect::<String>().trim_end().to_owned())),
        None => Ok(None),
    }
}

/// Where the quoted scalar that `chars` starts with closes on this line, past its escapes
/// (`\"` in double quotes, `''` in single quotes).
fn closing_quote(chars: &[char]) -> Option<usize> {
    let quote = *chars.first()?;
    let mut i = 1;
    while let Some(&ch) = chars.get(i) {
        match ch {
            '\\' if quote == '"' => i += 2,
            _ if ch == quote && quote == '\'' && chars.get(i + 1) == Some(&'\'') => i += 2,
            _ if ch == quote => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// Whether a `:` at `i` ends a plain key: it is followed by a space, the line end or a flow
/// indicator (`key:value` is a plain scalar, not a key).
fn ends_key(chars: &[char], i: usize) -> bool {
    chars[i] == ':' && matches!(chars.get(i + 1), None | Some(' ' | ',' | '}' | ']'))
}

#[cfg(test)]
mod tests {
    use super::locate;

    #[test]
    fn a_repeated_answer_in_a_block_mapping() {
        let text =
            "answers:\n  law-1: {level: 2}\n  # note\n  law-2:\n    level: 1\n  law-1: {level: 4}\nnext: 1\n";
        assert_eq!(locate(text, (2, 3), "law-1"), Some(((2, 3), (6, 3))));
    }

    #[test]
    fn a_mapping_that_starts_after_a_sequence_dash() {
        let text = "sections:\n  - id: a\n    title: A\n    \"id\": b\n  - id: c\n";
        assert_eq!(locate(text, (2, 5), "id"), Some(((2, 5), (4, 5))));
    }

    #[test]
    fn nested_keys_and_values_that_look_like_keys_do_not_count() {
        let text = "a:\n  a: 1\nb: \"a: x\"\nurl: a:b\na: 2\n";
        assert_eq!(locate(text, (1, 1), "a"), Some(((1, 1), (5, 1))));
    }

    #[test]
    fn a_repeated_key_in_a_flow_mapping() {
        let text = "law-1: {level: 2, comment: \"a, b: c\", evidence: [{level: 9}],\n  level: 3}\n";
        assert_eq!(locate(text, (1, 8), "level"), Some(((1, 9), (2, 3))));
        let quoted = "{\"it's\": 1, 'b': \"it's\", 'it''s': 2, \"it's\" : 3}";
        assert_eq!(locate(quoted, (1, 1), "it's"), Some(((1, 2), (1, 26))));
        let escaped = "a: {\"x\\\"y\": 1, # a comment, x\"y: 0\n  b: 2, \"\\x61\": 3}";
        assert_eq!(locate(escaped, (1, 4), "a"), None, "`\\x61` is its only `a`");
        assert_eq!(
            locate(escaped, (1, 1), "a"),
            None,
            "the block mapping has one `a`"
        );
        assert_eq!(locate(escaped, (1, 4), "x\"y"), None, "the comment holds no key");
        let hex = "{a: 1, \"\\x61\": 2}";
        assert_eq!(locate(hex, (1, 1), "a"), Some(((1, 2), (1, 8))));
    }

    #[test]
    fn crlf_lines_and_cyrillic_columns() {
        let text = "назва: x\r\nорган: y\r\nназва: z\r\n";
        assert_eq!(locate(text, (1, 1), "назва"), Some(((1, 1), (3, 1))));
    }

    proptest::proptest! {
        /// Called on text the parser has only partly read, it must never panic.
        #[test]
        fn any_text_and_start_is_safe(
            text in "[a-b:{}\\[\\],'\" \n#-]{0,40}",
            line in 0usize..6,
            column in 0usize..12,
        ) {
            let _ = locate(&text, (line, column), "a");
        }
    }

    #[test]
    fn nothing_when_the_text_does_not_read_as_expected() {
        let explicit = "? a\n: 1\nb: 2\na: 3\n";
        assert_eq!(locate(explicit, (1, 1), "a"), None);
        let multi_line = "{a: \"one\n  two\", a: 2}";
        assert_eq!(locate(multi_line, (1, 1), "a"), None);
        assert_eq!(locate("a: 1\n", (1, 1), "a"), None);
        assert_eq!(locate("a: 1\n", (9, 1), "a"), None);
        assert_eq!(locate("a: 1\n", (1, 0), "a"), None);
    }
}
