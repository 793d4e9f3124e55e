//! Ids for converted items: the source's own code where it is a valid id not used before,
//! else one made from it (or from a fallback) that is.

use crate::validate::is_valid_id;
use std::collections::HashSet;

/// The ids given so far in one checklist.
#[derive(Debug, Default)]
pub struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    /// `code` itself when it is a valid id not taken yet; else `code` (or `fallback` when
    /// `code` gives nothing) made valid, with `-2`, `-3`... until it is unique. The second value
    /// says whether the id is the code unchanged.
    pub fn give(&mut self, code: Option<&str>, fallback: &str) -> (String, bool) {
        if let Some(code) = code.filter(|c| is_valid_id(c) && !self.taken.contains(*c)) {
            self.taken.insert(code.to_owned());
            return (code.to_owned(), true);
        }
        let base = code
            .map(sanitize)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| sanitize(fallback));
        let base = if base.is_empty() { "item".to_owned() } else { base };
        let mut id = base.clone();
        let mut n = 2;
        while self.taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.taken.insert(id.clone());
        (id, false)
    }
}

/// `text` with every character an id cannot hold turned into `-`, runs of them into one, and
/// no leading `-`, `.` or `_` (an id starts with a letter or a digit).
pub fn sanitize(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '_') {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_start_matches(['-', '.', '_']).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_kept_when_valid_and_new() {
        let mut ids = Ids::default();
        assert_eq!(ids.give(Some("GV.OC-01"), "x"), ("GV.OC-01".to_owned(), true));
        assert_eq!(ids.give(Some("GV.OC-01"), "x"), ("GV.OC-01-2".to_owned(), false));
        assert_eq!(ids.give(Some("Rx–"), "x"), ("Rx-".to_owned(), false));
        assert_eq!(ids.give(Some("Rx"), "x"), ("Rx".to_owned(), true));
        assert_eq!(ids.give(Some("§ 4 (a)"), "x"), ("4-a-".to_owned(), false));
        assert_eq!(ids.give(None, "urn:x:r1"), ("urn-x-r1".to_owned(), false));
    }
}
