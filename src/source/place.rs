//! Lines and columns as the YAML parser counts them, and places for the errors it reports
//! without one.
//!
//! The parser ends a line at a line feed, a carriage return (alone or before a line feed), a
//! next-line character (U+0085) and the line and paragraph separators (U+2028, U+2029), and
//! counts columns in characters. Places computed here count the same way, so a file with
//! old-Mac CR line ends gets the same lines from every check.
//!
//! Two errors come without a usable place: a raw control character (the parser names only its
//! byte offset) and a second document (no place at all). [`byte_offset_in`] reads the first,
//! [`second_document`] finds the second in the text.

/// A 1-based line and column.
pub type LineColumn = (usize, usize);

/// The lines of `text`, split where the YAML parser splits them, without their line ends.
pub fn yaml_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.char_indices().find(|(_, c)| is_break(*c)) {
            Some((at, c)) => {
                let after = &current[at + c.len_utf8()..];
                rest = Some(if c == '\r' {
                    after.strip_prefix('\n').unwrap_or(after)
                } else {
                    after
                });
                Some(&current[..at])
            }
            None => {
                rest = None;
                (!current.is_empty()).then_some(current)
            }
        }
    })
}

fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// The line and column of the byte at `offset` in `bytes` (the valid UTF-8 before it is read).
pub fn line_column(bytes: &[u8], offset: usize) -> LineColumn {
    let before = &bytes[..offset.min(bytes.len())];
    let text = String::from_utf8_lossy(before);
    let mut line = 1;
    let mut column = 1;
    let mut after_cr = false;
    for c in text.chars() {
        if c == '\n' && after_cr {
            after_cr = false;
            continue;
        }
        after_cr = c == '\r';
        if is_break(c) {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line, column)
}

/// The byte offset a parser message ends with, as in `control characters are not allowed at
/// position 110`.
pub fn byte_offset_in(message: &str) -> Option<usize> {
    let (_, digits) = message.rsplit_once(" at position ")?;
    digits.trim().parse().ok()
}

/// Where the second document of `text` starts: the first `---` marker after the first
/// document began (with content or a marker of its own), or the first content after a `...`
/// that ended it. Markers and directives stand at column 1; comments and blank lines are not
/// content.
pub fn second_document(text: &str) -> Option<LineColumn> {
    let marker = |line: &str, mark: &str| {
        line.strip_prefix(mark)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
    };
    let (mut started, mut ended) = (false, false);
    for (index, line) in yaml_lines(text).enumerate() {
        let number = index + 1;
        if marker(line, "---") {
            if started {
                return Some((number, 1));
            }
            started = true;
            continue;
        }
        if marker(line, "...") {
            ended = started;
            continue;
        }
        let content = line.trim_start_matches([' ', '\t']);
        if content.is_empty() || content.starts_with('#') || line.starts_with('%') {
            continue;
        }
        if ended {
            return Some((number, line.chars().count() - content.chars().count() + 1));
        }
        started = true;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_where_the_parser_ends_them() {
        let lines: Vec<&str> = yaml_lines("a\r\nb\rc\nd\u{85}e\u{2028}f").collect();
        assert_eq!(lines, ["a", "b", "c", "d", "e", "f"]);
        assert_eq!(line_column("a\rb\r\nc\u{fffd}".as_bytes(), 6), (3, 2));
        assert_eq!(line_column("дд\nдx".as_bytes(), 8), (2, 3));
    }

    #[test]
    fn the_second_document_is_found_in_every_form() {
        assert_eq!(second_document("a: 1\n---\nb: 2\n"), Some((2, 1)));
        assert_eq!(
            second_document("# c\n---\na: 1\n--- # next\nb: 2\n"),
            Some((4, 1))
        );
        assert_eq!(second_document("---\na: 1\n...\n\n  b: 2\n"), Some((5, 3)));
        assert_eq!(second_document("%YAML 1.2\n---\na: |\n  ---\n"), None);
        assert_eq!(second_document("a: 1\r---\rb: 2\r"), Some((2, 1)));
        assert_eq!(second_document("a: ---x\n"), None);
    }

    #[test]
    fn the_offset_of_a_reader_error() {
        assert_eq!(
            byte_offset_in("control characters are not allowed at position 110"),
            Some(110)
        );
        assert_eq!(byte_offset_in("did not find expected key"), None);
    }
}
