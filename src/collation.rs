//! The order of names in a language: Unicode collation with the language's CLDR rules
//! (icu_collator, its data compiled in), not code point order.
//!
//! In Ukrainian, Ґ follows Г, Є follows Е and І, Ї follow И (by code point, Є and І come before
//! А and Ґ after Я), and Cyrillic names come before Latin ones; in English, Latin comes first.
//! A language without rules of its own gets the CLDR root order.

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed, CollatorPreferences};
use icu_locale_core::Locale;
use std::cmp::Ordering;

/// Compares names as a reader of one language expects them ordered.
pub struct NameOrder {
    collator: CollatorBorrowed<'static>,
}

impl NameOrder {
    /// The order of `lang` (a language code such as `uk` or `en`); the root order for a code
    /// that is not a valid locale.
    pub fn new(lang: &str) -> NameOrder {
        let locale = Locale::try_from_str(lang).unwrap_or(Locale::UNKNOWN);
        let collator = Collator::try_new(CollatorPreferences::from(&locale), CollatorOptions::default())
            .or_else(|_| Collator::try_new(CollatorPreferences::default(), CollatorOptions::default()))
            .expect("the root collation is compiled in");
        NameOrder { collator }
    }

    /// The collation order, then code point order between names it holds equal, so that the
    /// order of distinct names never depends on the order they came in.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.collator.compare(a, b).then_with(|| a.cmp(b))
    }
}

#[cfg(test)]
mod tests {
    use super::NameOrder;

    fn sorted(lang: &str, names: &[&str]) -> Vec<String> {
        let order = NameOrder::new(lang);
        let mut names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        names.sort_by(|a, b| order.compare(a, b));
        names
    }

    #[test]
    fn ukrainian_letters_in_the_ukrainian_alphabet_order() {
        let names = ["Н", "Є", "Ґ", "Д", "І", "Ї", "Й", "И", "Г", "Е", "Ж"];
        assert_eq!(
            sorted("uk", &names),
            ["Г", "Ґ", "Д", "Е", "Є", "Ж", "И", "І", "Ї", "Й", "Н"]
        );
    }

    #[test]
    fn ukrainian_puts_cyrillic_first_and_english_latin_first() {
        let names = ["Zebra", "Ґанок", "apple", "Дім"];
        assert_eq!(sorted("uk", &names), ["Ґанок", "Дім", "apple", "Zebra"]);
        assert_eq!(sorted("en", &names), ["apple", "Zebra", "Ґанок", "Дім"]);
    }

    #[test]
    fn case_and_accents_come_after_the_letters() {
        assert_eq!(
            sorted("en", &["beta", "Alpha", "Ärger", "alpha"]),
            ["alpha", "Alpha", "Ärger", "beta"]
        );
    }

    #[test]
    fn an_invalid_language_code_gets_the_root_order() {
        assert_eq!(sorted("not a code!", &["b", "Ґ", "a"]), ["a", "b", "Ґ"]);
    }
}
