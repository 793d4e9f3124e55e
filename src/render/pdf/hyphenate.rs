//! Where the line breaker may split a word that does not fit: hyphenation points of English and
//! Ukrainian words (TeX patterns, from the `hypher` crate), and the break points of URLs, paths
//! and ids, which may break only after `/`, `-`, `.` or `_`.
//!
//! The line breaking opportunities between words (UAX #14) are the breaker's own
//! ([`super::text`]); this module only says which opportunities a technical word keeps and where
//! an ordinary word may take a hyphen.

use hypher::Lang;

/// Longest word, in characters, looked up in the hyphenation patterns: longer runs of letters are
/// not words of a language, and are split by force.
const MAX_WORD_CHARS: usize = 60;

/// Whether a whitespace-delimited word is technical (a URL, a path, a file name, an e-mail
/// address or an id such as `law-2` or `values-and-law`): it is never hyphenated, and breaks
/// only after `/`, `-`, `.` or `_`.
pub(super) fn is_technical(word: &str) -> bool {
    let inner = word.trim_matches(|c: char| !c.is_alphanumeric());
    // a number or a date (`2026-12-01`, `1.5`) has no letter: it is not split at its punctuation
    if !inner.chars().any(char::is_alphabetic) {
        return false;
    }
    let has = |c: char| inner.contains(c);
    let digit_and_letter =
        inner.chars().any(|c| c.is_ascii_digit()) && inner.chars().any(char::is_alphabetic);
    let ascii_compound = has('-') && inner.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    has('/') || has('_') || has('@') || has('.') || has(':') || has('=') || digit_and_letter || ascii_compound
}

/// Whether a technical word may break after `c`.
pub(super) fn technical_break_after(c: char) -> bool {
    matches!(c, '/' | '-' | '.' | '_')
}

/// The byte offsets inside `segment` (a piece of text between two break opportunities) where a
/// hyphen may be inserted, in increasing order: the hyphenation points of its one word, when the
/// word is English or Ukrainian (told by its letters: Latin or Cyrillic).
pub(super) fn points(segment: &str) -> Vec<usize> {
    let start = segment
        .char_indices()
        .find(|(_, c)| c.is_alphabetic())
        .map_or(segment.len(), |(i, _)| i);
    let end = segment
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphabetic())
        .map_or(start, |(i, c)| i + c.len_utf8());
    let mut word = &segment[start..end.max(start)];
    let Some(lang) = language(word) else {
        return Vec::new();
    };
    // An English clitic ("management's", "don't") stays with its stem: only the stem is
    // hyphenated. A Ukrainian apostrophe is part of the word («об’єкт»).
    if lang == Lang::English
        && let Some(at) = word.find(['\'', '’'])
    {
        word = &word[..at];
    }
    let mut out = Vec::new();
    let mut at = start;
    let mut syllables = hypher::hyphenate(word, lang).peekable();
    while let Some(syllable) = syllables.next() {
        at += syllable.len();
        if syllables.peek().is_some() && !segment[..at].ends_with(['\'', '’']) {
            out.push(at);
        }
    }
    out
}

/// The patterns for `word`: Ukrainian for Cyrillic letters, English for Latin ones; `None` for
/// anything else (mixed scripts, digits, other scripts, very long runs).
fn language(word: &str) -> Option<Lang> {
    if word.chars().count() > MAX_WORD_CHARS {
        return None;
    }
    let apostrophe = |c: char| c == '\'' || c == '’';
    let cyrillic = |c: char| matches!(c, '\u{0400}'..='\u{04FF}');
    let latin =
        |c: char| c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}') && c.is_alphabetic();
    if word.chars().all(|c| cyrillic(c) || apostrophe(c)) {
        Some(Lang::Ukrainian)
    } else if word.chars().all(|c| latin(c) || apostrophe(c)) {
        Some(Lang::English)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(segment: &str) -> Vec<&str> {
        let mut parts = Vec::new();
        let mut from = 0;
        for at in points(segment) {
            parts.push(&segment[from..at]);
            from = at;
        }
        parts.push(&segment[from..]);
        parts
    }

    #[test]
    fn english_and_ukrainian_words_have_points() {
        assert_eq!(split("extensive"), ["ex", "ten", "sive"]);
        assert_eq!(split("Укомплектованість"), ["Уком", "пле", "кто", "ва", "ність"]);
        assert_eq!(
            split("(маргіналізованих),"),
            ["(мар", "гі", "на", "лі", "зо", "ва", "них),"]
        );
    }

    #[test]
    fn an_english_clitic_stays_with_its_stem() {
        assert_eq!(split("management's"), ["man", "age", "ment's"]);
        assert_eq!(split("organisation's"), ["or", "gan", "i", "sa", "tion's"]);
    }

    #[test]
    fn other_words_have_none() {
        assert!(points("2026").is_empty());
        assert!(points("中文").is_empty());
        assert!(points("COVID19").is_empty());
        assert!(points(&"a".repeat(200)).is_empty());
    }

    #[test]
    fn technical_words_are_told_apart() {
        for word in [
            "https://example.org/a",
            "values-and-law",
            "law-2",
            "report_2026.pdf",
            "a@b.ua",
        ] {
            assert!(is_technical(word), "{word}");
        }
        for word in [
            "військово-цивільного",
            "rights,",
            "(маргіналізованих)",
            "2026",
            "2026-12-01,",
            "01.12.2026",
        ] {
            assert!(!is_technical(word), "{word}");
        }
    }
}
