//! How deep YAML flow collections (`[...]`, `{...}`) nest, measured before the YAML parser runs.
//!
//! The parser's scanner does work proportional to the number of open flow collections for every
//! token it reads, so a document of a few megabytes of `[[[[...` would keep it busy for hours (a
//! known problem of the libyaml design). The parser's own recursion limit only applies later,
//! once every token has been read. This module follows the scanner's rules closely enough to
//! tell real flow brackets from brackets in quoted, plain and block scalars and in comments, and
//! stops at the first bracket that opens more than [`MAX_FLOW_DEPTH`] collections.
//!
//! It errs on the side of counting: a bracket it cannot place is counted as one that opens.

/// The deepest nesting of flow collections accepted. The formats need fewer than 30 levels.
pub const MAX_FLOW_DEPTH: usize = 64;

/// The byte offset of the first bracket that nests deeper than [`MAX_FLOW_DEPTH`], if any.
pub fn too_deep(text: &str) -> Option<usize> {
    let mut scanner = Scanner {
        s: text.as_bytes(),
        i: 0,
        bol: 0,
    };
    scanner.block().err()
}

struct Scanner<'a> {
    s: &'a [u8],
    i: usize,
    /// Where the line holding `i` starts.
    bol: usize,
}

/// `Err(offset)` of the bracket that went too deep.
type Scan = Result<(), usize>;

impl Scanner<'_> {
    fn at(&self, i: usize) -> u8 {
        self.s.get(i).copied().unwrap_or(b'\n')
    }

    fn peek(&self) -> u8 {
        self.at(self.i)
    }

    fn done(&self) -> bool {
        self.i >= self.s.len()
    }

    /// Whether the byte at `i` is a space, tab, line end or the end of the text.
    fn blank_at(&self, i: usize) -> bool {
        matches!(self.at(i), b' ' | b'\t' | b'\r' | b'\n')
    }

    /// Moves one byte on, keeping track of where the line starts.
    fn bump(&mut self) {
        if self.peek() == b'\n' {
            self.bol = self.i + 1;
        }
        self.i += 1;
    }

    fn column(&self) -> usize {
        self.i - self.bol
    }

    /// Moves to the start of the next line.
    fn next_line(&mut self) {
        while !self.done() && self.peek() != b'\n' {
            self.i += 1;
        }
        self.bump();
    }

    /// The indentation of the line starting at `self.i` and whether it holds only blanks.
    fn indentation(&self) -> (usize, bool) {
        let spaces = self.s[self.i.min(self.s.len())..]
            .iter()
            .take_while(|&&b| b == b' ')
            .count();
        let rest = self.at(self.i + spaces);
        (spaces, matches!(rest, b'\r' | b'\n' | b'\t'))
    }

    /// The block context, line by line. `base` is the column of the innermost block key or
    /// entry seen so far (the scanner's indentation level), or `None` at the top level.
    fn block(&mut self) -> Scan {
        let mut base: Option<usize> = None;
        while !self.done() {
            self.block_line(&mut base)?;
        }
        Ok(())
    }

    /// Scans from `self.i` (a line start) to the start of the next line still to scan.
    fn block_line(&mut self, base: &mut Option<usize>) -> Scan {
        loop {
            while matches!(self.peek(), b' ' | b'\t') && !self.done() {
                self.i += 1;
            }
            if self.done() {
                return Ok(());
            }
            let column = self.column();
            let c = self.peek();
            let next_blank = self.blank_at(self.i + 1);
            match c {
                b'\r' | b'\n' => {
                    self.next_line();
                    return Ok(());
                }
                b'#' => {
                    self.next_line();
                    return Ok(());
                }
                b'-' | b'?' if next_blank => {
                    *base = Some(column);
                    self.i += 1;
                }
                b':' if next_blank => self.i += 1,
                b'[' | b'{' => {
                    self.flow()?;
                }
                b'\'' | b'"' => {
                    self.quoted(c);
                    if self.is_key() {
                        *base = Some(column);
                    }
                }
                b'|' | b'>' => {
                    self.block_scalar(*base);
                    return Ok(());
                }
                b'&' | b'*' | b'!' => self.property(),
                b'%' if column == 0 => {
                    self.next_line();
                    return Ok(());
                }
                b'.' | b'-' if column == 0 && self.document_marker() => self.i += 3,
                _ => {
                    if self.block_plain() {
                        *base = Some(column);
                    } else {
                        self.plain_continuation(*base);
                        return Ok(());
                    }
                }
            }
        }
    }

    /// Whether a `: ` follows, after blanks on the same line.
    fn is_key(&self) -> bool {
        let mut i = self.i;
        while matches!(self.at(i), b' ' | b'\t') {
            i += 1;
        }
        self.at(i) == b':' && self.blank_at(i + 1)
    }

    fn document_marker(&self) -> bool {
        let c = self.peek();
        self.at(self.i + 1) == c && self.at(self.i + 2) == c && self.blank_at(self.i + 3)
    }

    /// A plain scalar in the block context, up to `: ` (a key: `true`, left at the colon) or the
    /// end of the line or a comment (a value: `false`, left at the line end).
    fn block_plain(&mut self) -> bool {
        while !self.done() {
            match self.peek() {
                b':' if self.blank_at(self.i + 1) => return true,
                b'#' if self.i > 0 && matches!(self.at(self.i - 1), b' ' | b'\t') => return false,
                b'\n' => return false,
                _ => self.i += 1,
            }
        }
        false
    }

    /// Skips the lines that continue a plain value: more indented than the block level.
    fn plain_continuation(&mut self, base: Option<usize>) {
        self.next_line();
        while !self.done() {
            let (indent, blank) = self.indentation();
            let first = self.at(self.i + indent);
            let marker = indent == 0 && self.document_marker();
            let continues = blank || (base.is_none_or(|b| indent > b) && first != b'#' && !marker);
            if !continues {
                return;
            }
            self.next_line();
        }
    }

    /// A `|` or `>` scalar: its header line, then every line indented as its content.
    fn block_scalar(&mut self, base: Option<usize>) {
        self.i += 1;
        let mut explicit = None;
        while let c @ (b'1'..=b'9' | b'+' | b'-') = self.peek() {
            if c.is_ascii_digit() {
                explicit = Some(usize::from(c - b'0'));
            }
            self.bump();
        }
        self.next_line();
        let floor = base.map_or(0, |b| b + 1);
        let mut content = explicit.map(|n| base.map_or(n, |b| b + n));
        while !self.done() {
            let (indent, blank) = self.indentation();
            if !blank {
                let needed = *content.get_or_insert(indent);
                if indent < needed.max(floor) {
                    return;
                }
            }
            self.next_line();
        }
    }

    /// A single- or double-quoted scalar, over as many lines as it takes.
    fn quoted(&mut self, quote: u8) {
        self.bump();
        while !self.done() {
            let c = self.peek();
            self.bump();
            if quote == b'"' && c == b'\\' {
                self.bump();
            } else if c == quote {
                if quote == b'\'' && self.peek() == b'\'' && !self.done() {
                    self.bump();
                } else {
                    return;
                }
            }
        }
    }

    /// An anchor, alias or tag: up to a blank or a flow indicator (`!<...>` up to its `>`).
    fn property(&mut self) {
        if self.peek() == b'!' && self.at(self.i + 1) == b'<' {
            while !self.done() && self.peek() != b'>' {
                self.bump();
            }
        }
        self.bump();
        while !self.done() && !self.blank_at(self.i) && !is_flow_indicator(self.peek()) {
            self.bump();
        }
    }

    /// From an opening bracket to the bracket that closes it (or the end of the text).
    fn flow(&mut self) -> Scan {
        let mut depth = 0usize;
        while !self.done() {
            let c = self.peek();
            match c {
                b' ' | b'\t' | b'\r' | b'\n' => self.bump(),
                b'#' => self.next_line(),
                b'-' if self.blank_at(self.i + 1) => self.bump(),
                b'[' | b'{' => {
                    depth += 1;
                    if depth > MAX_FLOW_DEPTH {
                        return Err(self.i);
                    }
                    self.i += 1;
                }
                b']' | b'}' => {
                    self.i += 1;
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return Ok(());
                    }
                }
                b',' | b'?' | b':' => self.i += 1,
                b'\'' | b'"' => self.quoted(c),
                b'&' | b'*' | b'!' => self.property(),
                _ => self.flow_plain(),
            }
        }
        Ok(())
    }

    /// A plain scalar inside a flow collection, over lines, up to a flow indicator, a `: ` or a
    /// comment. Quotes inside it are part of it.
    fn flow_plain(&mut self) {
        self.bump();
        while !self.done() {
            let c = self.peek();
            let colon_ends =
                c == b':' && (self.blank_at(self.i + 1) || is_flow_indicator(self.at(self.i + 1)));
            if is_flow_indicator(c) || colon_ends {
                return;
            }
            if self.blank_at(self.i) {
                while !self.done() && self.blank_at(self.i) {
                    self.bump();
                }
                if self.peek() == b'#' {
                    return;
                }
            } else {
                self.i += 1;
            }
        }
    }
}

fn is_flow_indicator(c: u8) -> bool {
    matches!(c, b',' | b'[' | b']' | b'{' | b'}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(open: &str, close: &str, depth: usize) -> String {
        format!("key: {}x{}\n", open.repeat(depth), close.repeat(depth))
    }

    #[test]
    fn flow_collections_up_to_the_limit_pass() {
        assert_eq!(too_deep(&nested("[", "]", MAX_FLOW_DEPTH)), None);
        assert_eq!(too_deep(&nested("{a: ", "}", MAX_FLOW_DEPTH)), None);
        assert_eq!(too_deep("a: [1, {b: [2, 3]}, \"]]]\", '[[['] # [[[[\n"), None);
    }

    #[test]
    fn one_level_more_is_refused_at_its_bracket() {
        let text = nested("[", "]", MAX_FLOW_DEPTH + 1);
        assert_eq!(too_deep(&text), Some("key: ".len() + MAX_FLOW_DEPTH));
        assert!(too_deep(&nested("{a: [", "]}", 40)).is_some());
    }

    #[test]
    fn brackets_in_scalars_and_comments_do_not_count() {
        let many = "[".repeat(200);
        for text in [
            format!("a: \"{many}\"\n"),
            format!("a: '{many}'\n"),
            format!("a: text {many}\n"),
            format!("a: |\n  {many}\n  more\nb: 1\n"),
            format!("a: >-\n  x\n\n  {many}\n"),
            format!("# {many}\na: 1\n"),
            format!("a: x\n  {many}\n"),
            format!("a: [\"{many}\", '{many}', x]\n"),
            format!("- key: |\n    {many}\n"),
        ] {
            assert_eq!(too_deep(&text), None, "{text}");
        }
    }

    #[test]
    fn brackets_hidden_behind_quoted_closers_still_count() {
        let text = "a: ".to_owned() + &"[ \"]\", ".repeat(100);
        assert!(too_deep(&text).is_some());
        let text = "a: ".to_owned() + &"[ # ]\n".repeat(100);
        assert!(too_deep(&text).is_some());
        let text = "a: ".to_owned() + &"[ 'x'']', ".repeat(100);
        assert!(too_deep(&text).is_some());
        for unit in ["[ \"\n]\n\" ", "[ - ']' ", "[ :']' ", "[ !<]> ", "{a: "] {
            assert!(
                too_deep(&format!("a: {}\n", unit.repeat(100))).is_some(),
                "{unit:?}"
            );
        }
        let text = format!("x: |\n  x [ 'y\na: {}\n", "[ ' ]]' ".repeat(100));
        assert!(
            too_deep(&text).is_some(),
            "a quote in a block scalar does not hide what follows"
        );
        let text = format!("x: a\n  [ 'b\na: {}\n", "[ \"]\" ".repeat(100));
        assert!(
            too_deep(&text).is_some(),
            "nor does one in a plain scalar's next line"
        );
    }

    #[test]
    fn a_block_scalar_ends_where_its_indentation_ends() {
        let deep = "[".repeat(100);
        assert!(too_deep(&format!("a: |\n  '\nb: {deep}\n")).is_some());
        assert!(too_deep(&format!("- a: |\n    x\n  b: {deep}\n")).is_some());
        assert!(too_deep(&format!("a: |2\n  x\n b: {deep}\n")).is_some());
        assert!(too_deep(&format!("a: x\nb: {deep}\n")).is_some());
        assert!(too_deep(&format!("a:\n  - x\n  - {deep}\n")).is_some());
    }
}
