//! Arbitrary bytes through the whole pipeline: both loaders, scoring and every renderer.
//!
//! The input is split at its first NUL byte into a checklist and an answers document; without
//! a NUL it is an answers document for the bundled checklist. Whatever the bytes, loading must
//! end in a value or diagnostics, and a loaded assessment must score within 0-100 and render
//! as HTML, PDF, JSON and text without an error.

#![no_main]

use libfuzzer_sys::fuzz_target;
use oversight::catalog::ChecklistRef;
use oversight::i18n::Catalogue;
use oversight::load::Loaded;
use oversight::model::{Checklist, Date};
use oversight::render::{self, html::Templates, json, pdf, text};
use oversight::score::{ScoreOptions, Scorecard, SectionResult};
use oversight::source::{Limits, Source};
use oversight::validate::{answers, checklist};
use std::sync::LazyLock;

/// The embedded faces, read once for the whole run.
static FONTS: LazyLock<pdf::FontSet> =
    LazyLock::new(|| pdf::FontSet::embedded().expect("the embedded fonts load"));

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    let (checklist_bytes, answers_bytes) = match data.iter().position(|&b| b == 0) {
        Some(at) => (Some(&data[..at]), &data[at + 1..]),
        None => (None, data),
    };
    let checklist = match checklist_bytes {
        Some(bytes) => match load_checklist(bytes, &limits) {
            Some(checklist) => checklist,
            None => return,
        },
        None => bundled(&limits),
    };
    let Ok(source) = Source::from_bytes("answers.yaml", answers_bytes) else {
        return;
    };
    let _ = source.kind();
    let Ok(validated) = answers::answers(&source, &checklist) else {
        return;
    };
    let loaded = Loaded {
        checklist,
        assessment: validated.value,
        warnings: validated.warnings,
    };
    let date = Date::parse("2026-11-28").expect("a valid date");
    let (scorecard, view) = render::view(
        &loaded,
        &Catalogue::bundled(),
        None,
        date,
        &ScoreOptions::default(),
    );
    check_scores(&scorecard);
    let result = json::result(&loaded.checklist, &loaded.assessment, &scorecard, &view.lang);
    let _ = json::to_string(&result);
    let _ = text::summary(&view);
    Templates::default()
        .render(&view)
        .expect("the bundled templates render every valid assessment");
    pdf::render(&pdf::document(&view), &FONTS).expect("every valid assessment renders as a PDF");
});

fn load_checklist(bytes: &[u8], limits: &Limits) -> Option<Checklist> {
    let source = Source::from_bytes("checklist.yaml", bytes).ok()?;
    let _ = source.kind();
    checklist::checklist(&source, limits).ok().map(|v| v.value)
}

fn bundled(limits: &Limits) -> Checklist {
    ChecklistRef::Id("dssg-executive".into())
        .load(limits)
        .expect("the bundled checklist is valid")
        .value
}

/// Every score, of indicators, sections and the whole, lies in 0-100.
fn check_scores(card: &Scorecard) {
    fn in_range(score: Option<f64>, what: &str) {
        if let Some(score) = score {
            assert!((0.0..=100.0).contains(&score), "{what} scores {score}");
        }
    }
    fn section(result: &SectionResult) {
        in_range(result.score, &result.id);
        for indicator in &result.indicators {
            in_range(indicator.score, &indicator.id);
        }
        result.sections.iter().for_each(section);
    }
    in_range(card.overall.score, "overall");
    in_range(card.completeness, "completeness");
    card.sections.iter().for_each(section);
}
