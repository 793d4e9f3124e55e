//! Right-to-left text: Arabic joining forms and the visual order of a line.
//!
//! Arabic letters are replaced by their contextual presentation forms (initial, medial, final,
//! isolated, and the lam-alef ligatures) with the `ar-reshaper` crate, because the PDF is written
//! without a shaping engine; the writer maps each form back to its letters for text extraction.
//! A line holding right-to-left characters is then reordered by the Unicode bidirectional
//! algorithm (the `unicode-bidi` crate), with mirrored brackets in right-to-left runs, so that
//! Arabic and Hebrew read right to left while numbers and Latin words inside them do not.

use unicode_bidi::{BidiClass, Direction, Level, ParagraphBidiInfo, bidi_class};

/// Whether `text` holds a strong right-to-left character (Hebrew, Arabic, Syriac, Thaana...).
pub(super) fn has_rtl(text: &str) -> bool {
    text.chars()
        .any(|c| c >= '\u{0590}' && matches!(bidi_class(c), BidiClass::R | BidiClass::AL))
}

/// Arabic letters in their joining forms; other text unchanged. `covered` says which forms the
/// fonts can draw: a form they cannot keeps its letters.
pub(super) fn shape_arabic(text: &str, covered: impl Fn(char) -> bool) -> String {
    let reshaper = ar_reshaper::ArabicReshaper::default();
    if !reshaper.need_reshape(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for c in reshaper.reshape(text).chars() {
        if is_presentation_form(c) && !covered(c) {
            out.push_str(&letters_of(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `c` is an Arabic presentation form (a joining form or ligature of other letters).
pub(super) fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// The letters a presentation form stands for, in logical order.
pub(super) fn letters_of(c: char) -> String {
    let mut out = String::new();
    unicode_normalization::char::decompose_compatible(c, |d| out.push(d));
    out
}

/// The base direction of a paragraph: right to left when its first strong character is.
pub(super) fn paragraph_level(paragraph: &str) -> Level {
    match unicode_bidi::get_base_direction(paragraph) {
        Direction::Rtl => Level::rtl(),
        _ => Level::ltr(),
    }
}

/// `line` in visual order (left to right on the page), for a paragraph of base `level`.
pub(super) fn visual(line: &str, level: Level) -> String {
    if !has_rtl(line) && level.is_ltr() {
        return line.to_owned();
    }
    let info = ParagraphBidiInfo::new(line, Some(level));
    let (levels, runs) = info.visual_runs(0..line.len());
    let mut out = String::with_capacity(line.len());
    for run in runs {
        let text = &line[run.clone()];
        if levels[run.start].is_rtl() {
            out.extend(text.chars().rev().map(mirrored));
        } else {
            out.push_str(text);
        }
    }
    out
}

/// The mirror image of a paired punctuation mark, as drawn in a right-to-left run.
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hebrew_reads_right_to_left_and_numbers_do_not() {
        let line = "שלום 2026 (עולם)";
        assert_eq!(visual(line, paragraph_level(line)), "(םלוע) 2026 םולש");
        let mixed = "Name: שלום!";
        assert_eq!(visual(mixed, paragraph_level(mixed)), "Name: םולש!");
        assert_eq!(visual("plain", Level::ltr()), "plain");
    }

    #[test]
    fn arabic_takes_its_joining_forms() {
        let shaped = shape_arabic("سلام", |_| true);
        assert!(shaped.chars().all(is_presentation_form), "{shaped:?}");
        let letters: String = shaped.chars().map(letters_of).collect();
        assert_eq!(letters, "سلام");
        assert_eq!(shape_arabic("سلام", |_| false), "سلام");
        assert_eq!(shape_arabic("Kyiv", |_| true), "Kyiv");
    }
}
