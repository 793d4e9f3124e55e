//! The `missing-glyph` check: every character of the inputs that no face of a [`FontSet`] can
//! draw, as a warning naming the file, the field path and the character (`U+XXXX`).
//!
//! It runs on the validated checklist and answers before anything is rendered, over the texts
//! that [`crate::model::fields`] lists, so that the CLI prints the warnings; the PDF prints
//! each such character as [`REPLACEMENT`], never silently as something else.

use super::fonts::{FontSet, REPLACEMENT};
use crate::diagnostic::{Diagnostic, Diagnostics, Place};
use crate::load::Loaded;
use crate::model::fields::{FieldText, assessment_texts, checklist_texts};
use crate::portfolio::Portfolio;

/// The stable code of the warning.
pub const CODE: &str = "missing-glyph";

/// The warnings for one assessment (its checklist and its answers) rendered in `lang`.
pub fn check(fonts: &FontSet, loaded: &Loaded, lang: &str) -> Diagnostics {
    let fallback = loaded.checklist.default_language();
    let mut out = missing_glyphs(
        fonts,
        &loaded.checklist.origin,
        checklist_texts(&loaded.checklist, lang),
    );
    out.extend(missing_glyphs(
        fonts,
        &loaded.assessment.origin,
        assessment_texts(&loaded.assessment, lang, fallback),
    ));
    out
}

/// The warnings for a portfolio: its checklist and the organisation names, which is all of
/// the answers files that its PDF prints.
pub fn check_portfolio(fonts: &FontSet, portfolio: &Portfolio) -> Diagnostics {
    let checklist = &portfolio.checklist;
    let mut out = missing_glyphs(
        fonts,
        &checklist.origin,
        checklist_texts(checklist, &portfolio.lang),
    );
    for member in &portfolio.members {
        let name = member
            .organisation
            .get(&portfolio.lang, checklist.default_language());
        out.extend(missing_glyphs(
            fonts,
            &member.origin,
            [("organisation".to_owned(), name)],
        ));
    }
    out
}

/// One warning per field and character that no face covers, in the order of the texts.
pub fn missing_glyphs<'a>(
    fonts: &FontSet,
    file: &str,
    texts: impl IntoIterator<Item = FieldText<'a>>,
) -> Diagnostics {
    let mut out = Diagnostics::default();
    for (path, text) in texts {
        for c in fonts.missing(text) {
            out.push(
                Diagnostic::warning(
                    CODE,
                    file,
                    Place::path(path.clone()),
                    format!(
                        "no font has a glyph for `{c}` (U+{:04X}); the PDF shows {REPLACEMENT} (U+{:04X}) instead",
                        u32::from(c),
                        u32::from(REPLACEMENT)
                    ),
                )
                .with_hint("add a font that has it with `--font FILE` (TrueType, OpenType or a .ttc collection)"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_field_and_character_is_named_once() {
        let fonts = FontSet::embedded().expect("fonts");
        let texts = vec![
            ("answers[a-1].comment".to_owned(), "ok 中文 中"),
            ("answers[a-2].evidence[0].title".to_owned(), "🦀 and Україна"),
            ("organisation".to_owned(), "fine"),
        ];
        let found = missing_glyphs(&fonts, "a.yaml", texts);
        let lines: Vec<String> = found.iter().map(|d| d.to_string()).collect();
        assert_eq!(lines.len(), 3, "{lines:#?}");
        assert_eq!(
            lines[0],
            "warning[missing-glyph]: a.yaml: answers[a-1].comment: no font has a glyph for `中` (U+4E2D); \
             the PDF shows \u{FFFD} (U+FFFD) instead\n  hint: add a font that has it with `--font FILE` \
             (TrueType, OpenType or a .ttc collection)"
        );
        assert!(lines[1].contains("answers[a-1].comment: no font has a glyph for `文` (U+6587)"));
        assert!(lines[2].contains("answers[a-2].evidence[0].title: no font has a glyph for `🦀` (U+1F980)"));
    }
}
