//! The bundled checklist's second edition (`dssg-executive` 2.0): every indicator an
//! observable statement with cumulative criteria, a level-0 description, a source and both
//! languages; weights by the rule its description states; critical items with a rationale;
//! organisation types as scopes; a mapping from 1.0 that `compare` follows.

use crate::support::{root, run_in, stderr, stdout};
use oversight::catalog::ChecklistRef;
use oversight::compare::{CriticalChange, Direction, PassChange, Reason};
use oversight::model::checklist::Section;
use oversight::model::{Checklist, Text};
use oversight::score::score;
use oversight::source::Limits;
use std::collections::BTreeMap;

fn edition(version: &str) -> Checklist {
    ChecklistRef::Id("dssg-executive".into())
        .load_edition(&Limits::default(), Some(version))
        .expect("bundled")
        .value
}

/// Both languages, neither blank.
fn bilingual(text: &Text) -> bool {
    ["en", "uk"]
        .iter()
        .all(|lang| text.languages().contains(lang) && !text.get(lang, "").trim().is_empty())
}

#[test]
fn a_bare_id_is_the_newest_edition_and_a_version_picks_its_own() {
    let newest = ChecklistRef::Id("dssg-executive".into())
        .load(&Limits::default())
        .expect("bundled")
        .value;
    assert_eq!(newest.version(), "2.0");
    assert_eq!(newest.origin, "<bundled>/dssg-executive.yaml");
    let first = edition("1.0");
    assert_eq!(
        (first.version(), first.origin.as_str()),
        ("1.0", "<bundled>/dssg-executive-1.0.yaml")
    );
    assert_eq!(
        edition("9.9").version(),
        "2.0",
        "an unknown version gets the newest"
    );
}

#[test]
fn every_indicator_is_a_bilingual_statement_with_cumulative_criteria_a_level_0_and_a_source() {
    let checklist = edition("2.0");
    let indicators = checklist.indicators();
    assert_eq!(indicators.len(), 36);
    for indicator in indicators {
        let id = &indicator.id;
        assert!(bilingual(&indicator.text), "{id}: text");
        assert!(indicator.source.as_ref().is_some_and(bilingual), "{id}: source");
        assert_eq!(
            indicator.scale.as_deref(),
            Some("maturity"),
            "{id}: no yes/no item"
        );
        let ids: Vec<&str> = indicator.criteria.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c", "d"], "{id}: four criteria");
        assert!(
            indicator.criteria.iter().all(|c| bilingual(&c.text)),
            "{id}: criteria"
        );
        // level k when the first k criteria are met; level 0 always, with its description
        let rules: Vec<(String, Vec<&str>, usize)> = indicator
            .levels_from_criteria
            .iter()
            .map(|r| {
                (
                    r.level.to_string(),
                    r.all.iter().map(String::as_str).collect(),
                    r.count,
                )
            })
            .collect();
        let cumulative: Vec<(String, Vec<&str>, usize)> = (0..=4)
            .rev()
            .map(|k| (k.to_string(), ids[..k].to_vec(), 0))
            .collect();
        assert_eq!(rules, cumulative, "{id}: cumulative levels");
        let level_0 = indicator.levels_from_criteria.last().expect("a level-0 rule");
        assert!(
            level_0.description.as_ref().is_some_and(bilingual),
            "{id}: level-0 description"
        );
        for word in ["most ", "large parts", "regularly", "promptly"] {
            for criterion in &indicator.criteria {
                assert!(
                    !criterion.text.get("en", "en").contains(word),
                    "{id}: vague `{word}`"
                );
            }
        }
    }
}

/// Every indicator's share of the overall score: its weight over its siblings', times its
/// section's share, up to the top.
fn shares(sections: &[Section], share: f64, out: &mut BTreeMap<String, f64>) {
    let total: f64 = sections.iter().map(|s| s.weight).sum();
    for section in sections {
        let here = share * section.weight / total;
        let weights: f64 = section.indicators.iter().map(|i| i.weight).sum();
        for indicator in &section.indicators {
            out.insert(indicator.id.clone(), here * indicator.weight / weights);
        }
        shares(&section.sections, here, out);
    }
}

#[test]
fn each_part_of_the_source_weighs_five_percent_and_no_indicator_more() {
    let checklist = edition("2.0");
    let description = checklist.description().expect("description");
    assert!(
        description
            .get("en", "en")
            .contains("each part weighs 5 % of the overall")
    );
    assert!(
        description
            .get("uk", "en")
            .contains("кожна частина становить 5 % загальної")
    );
    // 20 parts: the leaves of the section tree, each 5 %
    let leaves: Vec<&Section> = checklist
        .all_sections()
        .into_iter()
        .filter(|s| s.sections.is_empty())
        .collect();
    assert_eq!(leaves.len(), 20);
    let mut share = BTreeMap::new();
    shares(checklist.sections(), 1.0, &mut share);
    for leaf in &leaves {
        let part: f64 = leaf.indicators.iter().map(|i| share[&i.id]).sum();
        assert!((part - 0.05).abs() < 1e-12, "{}: {part}", leaf.id);
    }
    let (top, most) = share
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .expect("indicators");
    assert!(*most <= 0.05 + 1e-12, "{top}: {most}");
    // by hand: the four human-rights indicators share their part's 5 %, 1.25 % each
    assert!((share["hr-1"] - 0.0125).abs() < 1e-12);
    assert!((share["pol-1"] - 0.05).abs() < 1e-12, "a part with one indicator");
    assert!((share.values().sum::<f64>() - 1.0).abs() < 1e-12);
}

#[test]
fn every_critical_item_has_a_rationale_and_passes_at_level_3() {
    let checklist = edition("2.0");
    let critical: Vec<&str> = checklist
        .indicators()
        .into_iter()
        .filter(|i| i.critical)
        .map(|i| {
            assert!(i.rationale.as_ref().is_some_and(bilingual), "{}: rationale", i.id);
            assert_eq!(checklist.pass_of(i), 75.0, "{}", i.id);
            i.id.as_str()
        })
        .collect();
    assert_eq!(critical, ["law-1", "hr-1", "hr-5", "ovs-1"]);
    assert!(
        checklist
            .indicators()
            .iter()
            .all(|i| i.critical || i.rationale.is_none())
    );
}

#[test]
fn the_mapping_covers_every_first_edition_id_with_a_second_edition_one_or_none() {
    let (first, second) = (edition("1.0"), edition("2.0"));
    let mapping = second.mapping().expect("mapping");
    assert_eq!(mapping.from, "1.0");
    let old: Vec<&str> = first.indicators().iter().map(|i| i.id.as_str()).collect();
    let mut listed: Vec<&str> = mapping.indicators.keys().collect();
    let mut sorted_old = old.clone();
    sorted_old.sort_unstable();
    listed.sort_unstable();
    assert_eq!(listed, sorted_old, "every 1.0 id, once");
    let targets: Vec<&str> = old.iter().filter_map(|id| mapping.target(id)).collect();
    assert_eq!(targets.len(), 29);
    for target in &targets {
        assert!(second.indicator(target).is_some(), "{target}");
    }
    assert_eq!(mapping.target("sd-4"), Some("sd-7"));
    assert_eq!(mapping.target("sd-1"), None, "now informational");
    assert_eq!(mapping.target("fin-1"), None, "now informational");
}

#[test]
fn compare_puts_a_first_edition_round_beside_a_second_edition_round() {
    let load = |path: &str| {
        oversight::load::assessment(&root().join(path), None, &Limits::default()).expect("valid")
    };
    let (old, new) = (
        load("examples/edition-1.0/answers/ministry-uk.yaml"),
        load("examples/answers/ministry-uk.yaml"),
    );
    let c = crate::compare::comparison(&old, &new);
    assert!(c.version_changed);
    // 67.281… and 59.791… as printed: 59.8 − 67.3
    assert_eq!(c.overall.score.change, Some(-7.5));
    assert_eq!(c.overall.score.direction, Direction::Declined);
    assert_eq!(c.overall.not_comparable, [Reason::PartsChanged]);
    // 36 rows of 2.0 (29 mapped, 7 new), then the 18 unmapped 1.0 indicators
    assert_eq!(c.indicators.len(), 54);
    let row = |id: &str| c.indicators.iter().find(|i| i.id == id).expect(id);
    let count = |reason| {
        c.indicators
            .iter()
            .filter(|i| i.not_comparable.contains(&reason))
            .count()
    };
    assert_eq!(
        (
            count(Reason::Added),
            count(Reason::Unmapped),
            count(Reason::Removed)
        ),
        (7, 18, 0)
    );
    // law-1: 1.0 level 4 = 100, 2.0 criteria a-d = 100; weight 2 → 1
    let law1 = row("law-1");
    assert_eq!(
        (law1.score.old, law1.score.new, law1.score.change),
        (Some(100.0), Some(100.0), Some(0.0))
    );
    assert_eq!(law1.not_comparable, [Reason::ScaleChanged, Reason::WeightChanged]);
    // sd-4 of 1.0 is compared as sd-7: level 2 = 50 and criteria a, b = 50
    let sd7 = row("sd-7");
    assert_eq!(sd7.old_id.as_deref(), Some("sd-4"));
    assert_eq!((sd7.score.old, sd7.score.new), (Some(50.0), Some(50.0)));
    // ovs-1: 75 passing at 50, now 50 under a pass mark of 75: a new critical failure
    let ovs1 = row("ovs-1");
    assert_eq!(ovs1.score.change, Some(-25.0));
    assert_eq!(ovs1.pass, PassChange::NewlyFailing);
    assert_eq!(ovs1.critical, CriticalChange::New);
    // fin-1 failed critically in 1.0 and no 2.0 indicator measures it
    let fin1 = row("fin-1");
    assert_eq!(fin1.not_comparable, [Reason::Unmapped]);
    assert_eq!(fin1.critical, CriticalChange::Dropped);
    assert!(row("pol-1").old.is_none());
}

#[test]
fn init_by_organisation_type_leaves_out_what_does_not_apply() {
    let dir = tempfile::tempdir().unwrap();
    for (kind, absent) in [
        ("police", &["civ-4"][..]),
        ("ministry", &["hr-4", "hr-5", "tr-5"][..]),
        ("defence", &["civ-4", "tr-5", "inc-4"][..]),
    ] {
        let output = run_in(dir.path(), &["init", "dssg-executive", "--type", kind, "-o", "-"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let text = stdout(&output);
        assert!(text.contains(&format!("scope: [\"{kind}\"]")), "{text}");
        for id in absent {
            assert!(!text.contains(&format!("\n  {id}:\n")), "{kind}: {id}");
        }
        assert!(text.contains("\n  law-1:\n"), "{kind}");
        let answered = text.matches("    criteria_met: ~\n").count();
        assert_eq!(answered, 36 - absent.len(), "{kind}");
    }
}

#[test]
fn an_act_in_force_is_never_out_of_date() {
    let path = root().join("examples/answers/ministry-uk.yaml");
    let flags_for = |text: &str| {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, text).unwrap();
        let loaded = oversight::load::assessment(&file, None, &Limits::default()).expect("valid");
        let card = score(&loaded.checklist, &loaded.assessment);
        oversight::freshness::check(&loaded.checklist, &loaded.assessment, &card)
            .into_iter()
            .map(|f| f.indicator)
            .collect::<Vec<_>>()
    };
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(flags_for(&text), ["tr-6"], "only the answer without evidence");
    // the same decree of 14 September 2020 as a record: 2262 days before 24 November 2026
    let as_record = text.replacen(
        "        kind: act-in-force\n        date: 2020-09-14",
        "        date: 2020-09-14",
        1,
    );
    assert_ne!(as_record, text);
    assert_eq!(flags_for(&as_record), ["sd-2", "tr-6"]);
}

#[test]
fn a_mapping_leads_only_to_indicators_of_the_checklist_each_once() {
    let text = crate::support::CHECKLIST.replace(
        "      - {id: a-1, text: A one, scale: s}",
        "      - {id: a-1, text: A one, scale: s, rationale: Why}",
    ) + "mapping:\n  from: \"0.9\"\n  indicators:\n    old-1: a-1\n    old-2: a-1\n    old-3: zz-1\n    a-2: ~\n    old-4: ~\n";
    let diagnostics = crate::support::checklist_from(&text).expect_err("invalid");
    assert_eq!(
        crate::support::codes(&diagnostics),
        [
            "rationale-without-critical at checklist.yaml: sections[a].indicators[a-1].rationale",
            "mapping-target-repeated at checklist.yaml: mapping.indicators.old-2",
            "unknown-indicator at checklist.yaml: mapping.indicators.old-3",
            "mapping-contradiction at checklist.yaml: mapping.indicators.a-2",
        ]
    );
}

#[test]
fn a_workbook_keeps_each_edition_and_the_kind_of_evidence() {
    let dir = tempfile::tempdir().unwrap();
    for (answers, version, score) in [
        ("examples/answers/ministry-uk.yaml", "2.0", "59,8"),
        ("examples/edition-1.0/answers/ministry-uk.yaml", "1.0", "67,3"),
    ] {
        let path = root().join(answers);
        let path = path.to_str().unwrap();
        let wrote = run_in(
            dir.path(),
            &[
                "workbook",
                "dssg-executive",
                "--answers",
                path,
                "-o",
                "w.xlsx",
                "--force",
            ],
        );
        assert_eq!(wrote.status.code(), Some(0), "{}", stderr(&wrote));
        let read = run_in(dir.path(), &["import", "w.xlsx", "-o", "back.yaml", "--force"]);
        assert_eq!(read.status.code(), Some(0), "{version}: {}", stderr(&read));
        let back = std::fs::read_to_string(dir.path().join("back.yaml")).unwrap();
        assert!(
            back.contains(&format!("checklist_version: '{version}'")),
            "{back}"
        );
        let original = std::fs::read_to_string(root().join(answers)).unwrap();
        let acts = |text: &str| {
            text.lines()
                .filter(|l| l.trim_start() == "kind: act-in-force")
                .count()
        };
        assert_eq!(acts(&back), acts(&original), "{version}");
        let scored = run_in(dir.path(), &["score", "back.yaml"]);
        assert!(stdout(&scored).contains(score), "{}", stdout(&scored));
    }
}

#[test]
fn the_pdf_gives_each_criteria_indicator_the_meaning_of_its_level_0() {
    let dir = tempfile::tempdir().expect("temp");
    let pdf = dir.path().join("m.pdf");
    let output = run_in(
        root(),
        &[
            "report",
            "examples/answers/ministry-uk.yaml",
            "-o",
            pdf.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let Some(text) = crate::report_pdf::pdf_text(&pdf) else {
        return;
    };
    // tr-6 meets no criterion: after its four ticks, what level 0 means for it
    assert!(
        text.contains(
            "✗ d — Порядок переглянуто з урахуванням відгуків груп, з якими проведено консультації. 0 — Відсутній: Пріоритети щодо залучення визначають без оприлюдненого порядку."
        ),
        "{text}"
    );
    assert_eq!(
        text.matches("0 — Відсутній: ").count(),
        33,
        "one per indicator answered"
    );
}

#[test]
fn an_off_scale_level_is_one_error_and_a_bare_level_one_warning() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(
        dir.path().join("a.yaml"),
        "checklist: dssg-executive\nchecklist_version: \"2.0\"\norganisation: O\nassessed_on: 2026-11-20\n\
         answers:\n  law-1: {level: 7}\n  law-2: {level: 2}\n",
    )
    .expect("write");
    let output = run_in(dir.path(), &["validate", "a.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error[level-off-scale]: a.yaml: answers[law-1].level: level `7` is not on the scale `maturity`
  hint: expected one of 0 (Absent), 1 (On paper), 2 (Applied), 3 (Monitored), 4 (Improved)
warning[level-without-criteria]: a.yaml: answers[law-2].level: the level is taken as given: no criteria are ticked to show it
  hint: list the criteria met in `criteria_met` (`a`, `b`, `c`, `d`), and the level follows from them
error: 1 error(s) in the input
"
    );
}
