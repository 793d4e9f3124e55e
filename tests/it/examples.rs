//! The bundled checklists and the examples validate, and score as computed by hand.

use crate::support::{example_answers, root};
use oversight::catalog::{BUNDLED, ChecklistRef};
use oversight::i18n::Catalogue;
use oversight::load;
use oversight::score::score;
use oversight::source::Limits;

#[test]
fn every_bundled_checklist_is_valid_without_warnings() {
    for bundled in BUNDLED {
        let validated = ChecklistRef::Id(bundled.id.to_owned())
            .load_edition(&Limits::default(), Some(bundled.version))
            .expect("valid");
        assert!(
            validated.warnings.is_empty(),
            "{}: {}",
            bundled.id,
            validated.warnings
        );
        assert_eq!(validated.value.id(), bundled.id, "the file name is the id");
        assert_eq!(
            validated.value.version(),
            bundled.version,
            "the edition asked for"
        );
        let file = bundled.name.replace("<bundled>/", "checklists/");
        let on_disk = std::fs::read_to_string(root().join(&file)).expect("file");
        assert_eq!(on_disk, bundled.text, "{file}");
    }
}

#[test]
fn the_first_edition_covers_the_seed_criteria() {
    let checklist = ChecklistRef::Id("dssg-executive".into())
        .load_edition(&Limits::default(), Some("1.0"))
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
fn every_example_validates_without_a_warning() {
    let files = example_answers();
    for (path, checklist) in &files {
        let loaded =
            load::assessment(path, checklist.as_ref(), &Limits::default()).unwrap_or_else(|d| panic!("{d}"));
        assert!(
            loaded.warnings.is_empty(),
            "{}: {}",
            path.display(),
            loaded.warnings
        );
    }
    let edition = |dir: &str, version: &str| {
        files
            .iter()
            .filter(|(path, _)| path.starts_with(root().join(dir)))
            .all(|(path, _)| {
                let loaded = load::assessment(path, None, &Limits::default()).expect("valid");
                loaded.checklist.version() == version
            })
    };
    assert!(files.len() >= 30, "every example is found: {}", files.len());
    assert!(
        edition("examples/edition-1.0", "1.0"),
        "the previous round answers 1.0"
    );
    for dir in [
        "examples/answers",
        "examples/portfolio",
        "examples/assessors",
        "examples/rounds/2026",
    ] {
        assert!(edition(dir, "2.0"), "{dir} answers the second edition");
    }
}

/// An example of the repository, loaded and scored.
fn scored(path: &str) -> (load::Loaded, oversight::score::Scorecard) {
    let loaded = load::assessment(&root().join(path), None, &Limits::default()).expect("valid");
    let card = score(&loaded.checklist, &loaded.assessment);
    (loaded, card)
}

#[test]
fn the_ministry_example_scores_as_computed_by_hand() {
    let (_, card) = scored("examples/answers/ministry-uk.yaml");
    // ovs-1 is critical with pass 75 and meets criteria a and b only: level 2 = 50, the one
    // critical failure.
    assert_eq!(card.critical_failures, ["ovs-1"]);
    // 33 scored; hr-4, hr-5 and tr-5 are out of the `ministry` scope.
    assert_eq!((card.counts.scored, card.counts.out_of_scope), (33, 3));
    assert_eq!(card.completeness, Some(100.0));
    // Each part of the source is a sub-section of weight 1, each top-level section weighs its
    // number of parts (2, 4, 2, 4, 5, 3 = 20). Parts: 1 = (50 + 62.5) / 2; 2 = (87.5 + 75 + 50
    // + 25) / 4; 3 = (87.5 + 50) / 2; 4 = (50 + 87.5 + 50 + 62.5) / 4; 5 = (87.5 + 25 + 37.5 +
    // 175 / 3 + 50) / 5; 6 = (50 + 75 + 75) / 3.
    let sections = [
        (2.0, (50.0 + 62.5) / 2.0),
        (4.0, (87.5 + 75.0 + 50.0 + 25.0) / 4.0),
        (2.0, (87.5 + 50.0) / 2.0),
        (4.0, (50.0 + 87.5 + 50.0 + 62.5) / 4.0),
        (5.0, (87.5 + 25.0 + 37.5 + 175.0 / 3.0 + 50.0) / 5.0),
        (3.0, (50.0 + 75.0 + 75.0) / 3.0),
    ];
    let expected = sections.iter().map(|(w, s)| w * s).sum::<f64>() / 20.0;
    let overall = card.overall.score.expect("scored");
    assert!((overall - expected).abs() < 1e-9, "{overall} != {expected}");
    assert!((overall - 59.791_666_666_667).abs() < 1e-9, "{overall}");
    assert_eq!(card.overall.band, Some(2), "C");
}

#[test]
fn the_first_edition_ministry_example_scores_as_computed_by_hand() {
    let (loaded, card) = scored("examples/edition-1.0/answers/ministry-uk.yaml");
    assert_eq!(
        loaded.checklist.version(),
        "1.0",
        "its `checklist_version` picks the edition"
    );
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
fn the_reviewed_ministry_example_scores_as_computed_by_hand() {
    let (loaded, card) = scored("examples/edition-1.0/answers/ministry-uk-reviewed.yaml");
    // Verified levels: 1 = (2×100 + 50 + 25 + 50) / 5 = 65; 2 = (2×75 + 2×25 + 75 + 50) / 6;
    // 3 = (50 + 50 + 100 + 100) / 4 = 75; 4 without civ-2 (exception in force) = (100 + 50 + 50) / 3;
    // 5 = (75 + 275/6 + 60 + 68.75 + 75 + 68.75 + 75) / 7 (5.2 counts fin-3 at 0: its exception
    // expired). Overall = (1 + 2 + 3 + 4 + 2 × 5) / 6.
    let executive = (75.0 + 275.0 / 6.0 + 60.0 + 68.75 + 75.0 + 68.75 + 75.0) / 7.0;
    let overall = (65.0 + 325.0 / 6.0 + 75.0 + 200.0 / 3.0 + 2.0 * executive) / 6.0;
    assert!((card.overall.score.expect("scored") - overall).abs() < 1e-9);
    assert!((overall - 65.773_809_523_8).abs() < 1e-9, "{overall}");
    // Without the exception civ-2 counts at 25: 4 = (100 + 25 + 50 + 50) / 4 = 56.25.
    let without = (65.0 + 325.0 / 6.0 + 75.0 + 56.25 + 2.0 * executive) / 6.0;
    let card_without = card.without_exceptions.as_ref().expect("an exception applies");
    assert!((card_without.score.expect("scored") - without).abs() < 1e-9);
    // hr-2 reviewed 3 → 1 (25 < pass 50) joins fin-1; the minor ones: law-3 and ovs-3 (reviewed
    // to 1), inc-3 (1), fin-3 (0, expired exception).
    assert_eq!(card.critical_failures, ["hr-2", "fin-1"]);
    let compliance = oversight::compliance::Verdicts::of(&card).overall;
    assert_eq!(
        (compliance.major, compliance.minor, compliance.accepted_risks),
        (2, 4, 1)
    );
    let flags = oversight::freshness::check(&loaded.checklist, &loaded.assessment, &card);
    let flagged: Vec<&str> = flags.iter().map(|f| f.indicator.as_str()).collect();
    assert_eq!(flagged, ["civ-3", "sd-1", "ovs-1"]);
    // On the self-assessed basis the reviews do not count: only fin-1 fails.
    let own = oversight::score::score_with(
        &loaded.checklist,
        &loaded.assessment,
        &oversight::score::ScoreOptions {
            basis: oversight::score::Basis::SelfAssessed,
        },
    );
    assert_eq!(own.critical_failures, ["fin-1"]);
    let compliance = oversight::compliance::Verdicts::of(&own).overall;
    assert_eq!((compliance.major, compliance.minor), (1, 2));
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

/// The label keys written as literals in `.get("…")`, `.fill("…"` and `.count("…"` calls of the
/// library, and as `labels.…` in the templates.
fn label_keys_in_use() -> Vec<String> {
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                files(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    files(&root().join("src"), &mut paths);
    files(&root().join("report-templates/default"), &mut paths);
    let mut keys = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("utf-8");
        let templates = path.to_string_lossy().contains("templates");
        for start in [".get(\"", ".fill(\"", ".count(\"", "labels."] {
            if (start == "labels.") != templates {
                continue;
            }
            for (at, _) in text.match_indices(start) {
                let rest = &text[at + start.len()..];
                let key: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                if key.is_empty() {
                    continue;
                }
                if start == ".count(\"" {
                    keys.extend(["one", "few", "many"].map(|form| format!("{key}_{form}")));
                } else {
                    keys.push(key);
                }
            }
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

#[test]
fn every_label_in_use_is_in_the_catalogue() {
    let catalogue = Catalogue::bundled();
    let (en, uk) = (catalogue.labels("en"), catalogue.labels("uk"));
    let keys = label_keys_in_use();
    assert!(keys.len() > 100, "found only {} keys", keys.len());
    // `Labels::get` gives the key back for a key it lacks
    let missing: Vec<&String> = keys
        .iter()
        .filter(|k| en.get(k) == k.as_str() && uk.get(k) == k.as_str())
        .collect();
    assert!(missing.is_empty(), "not in labels.yaml: {missing:?}");
}
