//! Where a repeated key stands in the text, found from the mapping the parser blames.
//!
//! The YAML parser reports a repeated key at the start of its mapping: for a long `answers:`
//! mapping that can be hundreds of lines away from the repetition. Given that start and the key,
//! this module reads the mapping's own keys in the text (a block mapping's keys stand at the
//! start column of its first key; a flow mapping's follow `{` and `,` at its own depth) and
//! returns the first and the second place of the key. When the text does not read as expected
//! (a key written over several lines, a merge key), it returns nothing and the caller keeps the
//! parser's place.

/// A 1-based line and column, counted in characters as the parser counts them.
pub type LineColumn = (usize, usize);

/// The first and second place of `key` among the keys of the mapping that starts at `start`.
pub fn locate(text: &str, start: LineColumn, key: &str) -> Option<(LineColumn, LineColumn)> {
    let lines: Vec<Vec<char>> = text
        .lines()
        .map(|line| line.trim_end_matches('\r').chars().collect())
        .collect();
    let (line, column) = start;
    let first = lines.get(line.checked_sub(1)?)?;
    let mut places = if first.get(column.checked_sub(1)?) == Some(&'{') {
        flow_keys(&lines, line - 1, column - 1)
    } else {
        block_keys(&lines, line - 1, column - 1)
    }
    .into_iter()
    .filter(|(_, _, name)| name == key)
    .map(|(line, column, _)| (line + 1, column + 1));
    Some((places.next()?, places.next()?))
}

/// A key as it was found: 0-based line and column, and its name without quotes.
type FoundKey = (usize, usize, String);

/// The keys of the block mapping whose first key is at `(line, column)`: every later line that
/// starts at that column, until a line that starts further left.
fn block_keys(lines: &[Vec<char>], line: usize, column: usize) -> Vec<FoundKey> {
    let mut keys = Vec::new();
    for (index, chars) in lines.iter().enumerate().skip(line) {
        let indent = chars.iter().take_while(|c| **c == ' ').count();
        let blank = indent == chars.len() || chars[indent] == '#';
        if index > line && (blank || indent > column) {
            continue;
        }
        if index > line && indent < column {
            break;
        }
        if let Some(name) = chars.get(column..).and_then(key_name) {
            keys.push((index, column, name));
        }
    }
    keys
}

/// The name of the key that `chars` starts with (`name:`, `"name":`, `'name':`), if any.
fn key_name(chars: &[char]) -> Option<String> {
    match chars.first()? {
        quote @ ('"' | '\'') => {
            let end = chars[1..].iter().position(|c| c == quote)? + 1;
            let colon = chars[end + 1..].iter().position(|c| *c != ' ')? + end + 1;
            (chars[colon] == ':').then(|| chars[1..end].iter().collect())
        }
        _ => {
            let end = (0..chars.len()).find(|&i| ends_key(chars, i))?;
            Some(chars[..end].iter().collect::<String>().trim_end().to_owned())
        }
    }
}

/// Whether a `:` at `i` ends a plain key: it is followed by a space, the line end or a flow
/// indicator (`key:value` is a plain scalar, not a key).
fn ends_key(chars: &[char], i: usize) -> bool {
    chars[i] == ':' && matches!(chars.get(i + 1), None | Some(' ' | ',' | '}' | ']'))
}

/// The keys of the flow mapping that opens with the `{` at `(line, column)`: what follows `{`
/// or `,` at the mapping's own depth, up to its `:`.
fn flow_keys(lines: &[Vec<char>], line: usize, column: usize) -> Vec<FoundKey> {
    let mut keys = Vec::new();
    let mut depth = 0usize;
    let mut expect_key = false;
    let mut quote: Option<char> = None;
    let mut last = '{';
    let positions = lines
        .iter()
        .enumerate()
        .skip(line)
        .flat_map(|(l, chars)| chars.iter().enumerate().map(move |(c, ch)| (l, c, *ch)))
        .skip(column);
    for (l, c, ch) in positions {
        if let Some(open) = quote {
            if ch == open {
                quote = None;
            }
            continue;
        }
        match ch {
            '{' | '[' => {
                depth += 1;
                expect_key = depth == 1;
                last = ch;
                continue;
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => {
                expect_key = true;
                last = ch;
                continue;
            }
            '"' | '\'' if matches!(last, '{' | '[' | ',' | ':') => quote = Some(ch),
            _ => {}
        }
        if ch != ' ' {
            last = ch;
        }
        if expect_key && ch != ' ' {
            expect_key = false;
            if let Some(name) = key_name(&lines[l][c..]) {
                keys.push((l, c, name));
            }
        }
    }
    keys
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
        assert_eq!(locate("a: 1\n", (1, 1), "a"), None);
        assert_eq!(locate("a: 1\n", (9, 1), "a"), None);
        assert_eq!(locate("a: 1\n", (1, 0), "a"), None);
    }
}
