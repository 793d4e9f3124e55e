//! One walk over every node of a document, aliases expanded, before it is read into the
//! format: it bounds what aliases expand the document to, and refuses characters that no text
//! may hold. Both need every scalar, so both are made in the same walk.
//!
//! **Expansion.** An alias (`*name`) stands for a whole copy of the node anchored as `&name`, so a file of a
//! few hundred kilobytes can stand for gigabytes: a 64 KiB comment aliased 20,000 times, or
//! nine levels of nine aliases ("billion laughs"). The YAML parser bounds only the number of
//! alias jumps, not what they copy. This module walks the expanded document once, counting,
//! without building anything: each node costs one unit and each scalar the bytes of its text
//! as well, and the walk stops as soon as the total passes [`budget`], twice the file's size
//! plus 1 MiB. Without aliases a document counts at most about one and a half units per byte of
//! the file (flow mappings of bare keys, `{a, b, c}`, and escapes such as `\L` come closest), so
//! only aliases can reach the budget.
//!
//! **Characters.** No key or text may hold a control character other than a tab or a line end
//! (C0 controls, DEL, C1 controls such as U+009B), a byte-order mark or the non-characters
//! U+FFFE and U+FFFF (see [`is_refused`]). The YAML parser refuses them written raw; this walk
//! refuses them written as escapes (`"\e"`, `"\0"`, `"\x9b"`), so they never reach a terminal,
//! a report or a skeleton, where YAML would refuse them in turn.

use serde::de::{
    DeserializeSeed, Deserializer, EnumAccess, Error, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use std::cell::Cell;
use std::fmt;

/// The message that [`crate::source`] recognises as a refused character (code
/// `control-character`).
pub const REFUSED_CHARACTER: &str = "a character that no text may hold";

/// The message that [`crate::source`] recognises as this limit (code `too-complex`).
pub const TOO_LARGE: &str = "an alias here repeats the node at this line and column";

/// The hint of the `too-complex` diagnostic for this limit.
pub const HINT: &str = "write the text where it is needed, or repeat it less; aliases may expand a document to twice its size plus 1 MiB";

/// What a document of `file_bytes` may expand to, in the units counted here.
pub fn budget(file_bytes: usize) -> u64 {
    2 * file_bytes as u64 + 1024 * 1024
}

/// Walks the document, failing at the first scalar with a refused character, or with a
/// [`TOO_LARGE`] error once it expands past `budget` units; the parser places either at the
/// node being walked.
pub fn check<'de, D: Deserializer<'de>>(document: D, budget: u64) -> Result<(), D::Error> {
    let left = Cell::new(budget);
    Count { left: &left, budget }.deserialize(document)
}

#[derive(Clone, Copy)]
struct Count<'a> {
    left: &'a Cell<u64>,
    budget: u64,
}

impl Count<'_> {
    fn spend<E: Error>(self, units: usize) -> Result<(), E> {
        match self.left.get().checked_sub(units as u64 + 1) {
            Some(left) => {
                self.left.set(left);
                Ok(())
            }
            None => Err(E::custom(format!(
                "{TOO_LARGE}, expanding the document past {} bytes",
                self.budget
            ))),
        }
    }
}

impl<'de> DeserializeSeed<'de> for Count<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Count<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: Error>(self, _: bool) -> Result<(), E> {
        self.spend(0)
    }

    fn visit_i64<E: Error>(self, _: i64) -> Result<(), E> {
        self.spend(0)
    }

    fn visit_i128<E: Error>(self, _: i128) -> Result<(), E> {
        self.spend(0)
    }

    fn visit_u64<E: Error>(self, _: u64) -> Result<(), E> {
        self.spend(0)
    }

    fn visit_u128<E: Error>(self, _: u128) -> Result<(), E> {
        self.spend(0)
    }

    fn visit_f64<E: Error>(self, _: f64) -> Result<(), E> {
        self.spend(0)
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<(), E> {
        if let Some(refused) = text.chars().find(|c| is_refused(*c)) {
            return Err(E::custom(format!(
                "the text holds U+{:04X}, {REFUSED_CHARACTER}",
                u32::from(refused)
            )));
        }
        self.spend(text.len())
    }

    fn visit_bytes<E: Error>(self, bytes: &[u8]) -> Result<(), E> {
        self.spend(bytes.len())
    }

    fn visit_unit<E: Error>(self) -> Result<(), E> {
        self.spend(0)
    }

    fn visit_none<E: Error>(self) -> Result<(), E> {
        self.spend(0)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.spend(0)?;
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.spend(0)?;
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }

    /// A tagged node (`!tag value`): the tag, then the value.
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        let ((), value) = data.variant_seed(self)?;
        value.newtype_variant_seed(self)
    }
}

/// Whether no key or text may hold `c`: a control character other than tab, line feed and
/// carriage return, a byte-order mark, or U+FFFE or U+FFFF.
pub fn is_refused(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expands(text: &str, budget: u64) -> bool {
        check(serde_yaml::Deserializer::from_str(text), budget).is_ok()
    }

    #[test]
    fn every_node_and_byte_counts_once_without_aliases() {
        // A mapping (1), two keys (1 + 1 each), `abc` (1 + 3), a list (1) holding `x` (1 + 1).
        let text = "a: abc\nb: [x]\n";
        assert!(expands(text, 12));
        assert!(!expands(text, 11));
    }

    #[test]
    fn an_alias_counts_what_it_repeats() {
        let text = "a: &t abcdefghij\nb: [*t, *t, *t]\n";
        // 1 + (1 + 1) + (1 + 10) + (1 + 1) + 1 + 3 * (1 + 10)
        assert!(expands(text, 50));
        assert!(!expands(text, 49));
    }

    #[test]
    fn a_tagged_value_is_walked_too() {
        assert!(expands("a: !x [1, 2]\n", 100));
        assert!(!expands("a: !x [1, 2]\n", 4));
    }

    #[test]
    fn the_densest_documents_without_aliases_stay_below_twice_their_size() {
        let keys = format!("{{{}a}}\n", "a, ".repeat(10_000));
        let escapes = format!("\"{}\"\n", "\\L".repeat(10_000));
        let list = format!("[{}a]\n", "a,".repeat(10_000));
        for text in [keys, escapes, list] {
            assert!(expands(&text, 2 * text.len() as u64), "{}", &text[..20]);
        }
    }

    #[test]
    fn escaped_control_characters_are_refused_in_keys_and_texts() {
        for text in [
            "a: \"x\\ey\"\n",
            "\"k\\x07\": 1\n",
            "a: [\"\\0\"]\n",
            "a: \"\\x9b\"\n",
            "a: \"\\uFEFF\"\n",
            "a: \"\\N\"\n",
        ] {
            assert!(!expands(text, 1000), "{text}");
        }
        for text in [
            "a: \"tab\\there\"\n",
            "a: \"line\\nnext\\r\"\n",
            "a: \"\\u00A0 \\L \\u2028\"\n",
        ] {
            assert!(expands(text, 1000), "{text}");
        }
    }

    #[test]
    fn a_genuine_file_stays_far_below_its_budget() {
        let text = include_str!("../../examples/answers/ministry-uk.yaml");
        assert!(expands(text, text.len() as u64));
    }
}
