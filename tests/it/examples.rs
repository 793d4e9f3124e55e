//! The bundled checklists and the examples validate, and score as computed by hand.

use crate::support::root;
use oversight::catalog::{BUNDLED, ChecklistRef};
use oversight::i18n::Catalogue;
use oversight::load;
use oversight::score::score;
use oversight::source::Limits;

#[test]
fn every_bundled_checklist_is_valid_without_warnings() {
    for bundled in BUNDLED {
        let validated = ChecklistRef::Id(bundled.id.to_owned())
            .load(&Limits::default())
            .expect("valid");
        assert!(
            validated.warnings.is_empty(),
            "{}: {}",
            bundled.id,
            validated.warnings
        );
        assert_eq!(validated.value.id(), bundled.id, "the file name is the id");
        let on_disk =
            std::fs::read_to_string(root().join(format!("checklists/{}.yaml", bundled.id))).expect("file");
        assert_eq!(on_disk, bundled.text);
    }
}

#[test]
fn the_dssg_checklist_covers_the_seed_criteria() {
    let checklist = ChecklistRef::Id("dssg-executive".into())
        .load(&Limits::default())
        .expect("valid")
        .value;
    let top: Vec<&str> = checklist.sections().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        top,
        [
            "values-and-law",
            "human-rights",
            "public-security",
            "civilian-staffing",
            "executive"
        ]
    );
    let roles: Vec<&str> = checklist.sections()[4]
        .sections
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        roles,
        [
            "strategic-direction",
            "financial-oversight",
            "direct-oversight",
            "inclusion",
            "transparency",
            "leadership",
            "internal-governance"
        ]
    );
    let indicators = checklist.indicators();
    assert!(indicators.len() >= 35, "{} indicators", indicators.len());
    for indicator in &indicators {
        assert!(indicator.guidance.is_some(), "{} lacks guidance", indicator.id);
        assert!(
            !indicator.evidence.is_empty(),
            "{} lacks expected evidence",
            indicator.id
        );
        assert!(
            !indicator.references.is_empty(),
            "{} lacks references",
            indicator.id
        );
        let uk = indicator.text.get("uk", "en");
        assert!(
            uk.chars()
                .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c))),
            "{}: {uk}",
            indicator.id
        );
    }
    assert!(indicators.iter().filter(|i| i.critical).count() >= 3);
}

#[test]
fn every_example_validates() {
    let folder = root().join("examples/answers");
    let mut seen = 0;
    for entry in std::fs::read_dir(&folder).expect("examples folder") {
        let path = entry.expect("entry").path();
        let loaded = load::assessment(&path, None, &Limits::default()).unwrap_or_else(|d| panic!("{d}"));
        assert!(
            loaded.warnings.is_empty(),
            "{}: {}",
            path.display(),
            loaded.warnings
        );
        seen += 1;
    }
    assert!(seen >= 2);
}

#[test]
fn the_ministry_example_scores_as_computed_by_hand() {
    let loaded = load::assessment(
        &root().join("examples/answers/ministry-uk.yaml"),
        None,
        &Limits::default(),
    )
    .expect("valid");
    let card = score(&loaded.checklist, &loaded.assessment);
    // fin-1 is critical with pass 75 and answered 2 of 4 = 50: the one critical failure.
    assert_eq!(card.critical_failures, ["fin-1"]);
    // 45 scored + 2 not applicable of 47: completeness 45 / 45.
    assert_eq!((card.counts.scored, card.counts.not_applicable), (45, 2));
    assert_eq!(card.completeness, Some(100.0));
    // Overall = (75 + 70.833 + 68.75 + 56.25 + 2 × 66.369) / 6, see the methodology appendix.
    let overall = card.overall.score.expect("scored");
    assert!((overall - 67.281_746_031_746).abs() < 1e-9, "{overall}");
    assert_eq!(card.overall.band, Some(2), "C");
}

#[test]
fn every_label_has_every_language() {
    let catalogue = Catalogue::bundled();
    for lang in ["en", "uk"] {
        assert!(
            catalogue.missing(lang).is_empty(),
            "missing in {lang}: {:?}",
            catalogue.missing(lang)
        );
    }
}
