//! The assessment workbook's round trip: answers -> `oversight workbook --answers` -> import
//! gives answers that hold every value and score identically, for every example and for
//! generated answers on every bundled checklist (levels by value and by code, numbers,
//! criteria, statuses, texts in both scripts with line breaks and quotes, several evidence
//! items with plain and translated references, actions, reviews and exceptions).

use crate::support::{example_answers, root};
use oversight::catalog::ChecklistRef;
use oversight::i18n::Catalogue;
use oversight::import::{Book, against};
use oversight::model::answers::{Action, Answer, AnswersDoc, Assessor, Evidence, EvidenceKind, Period};
use oversight::model::approval::Approval;
use oversight::model::audit::Audit;
use oversight::model::document::{DocumentControl, DocumentStatus};
use oversight::model::plan::{ActionStatus, PlannedAction, Rating, Resources, Responsible, Target};
use oversight::model::quality::{PeerReview, Quality};
use oversight::model::scope::ScopeIds;
use oversight::model::{
    AnswerStatus, Assessment, Checklist, Date, Exception, Indicator, IndicatorKind, LevelRef, Number, Review,
    Text,
};
use oversight::score::score;
use oversight::source::{Limits, Source};
use oversight::validate::answers;
use oversight::workbook::{FormOptions, workbook};
use oversight::write::answers::yaml;
use proptest::prelude::*;
use serde_json::Value;

/// The workbook of `assessment` in `lang`, read back.
fn round_trip(checklist: &Checklist, assessment: &Assessment, lang: &str) -> Assessment {
    let labels = Catalogue::bundled().labels(lang);
    let options = FormOptions {
        lang,
        auditor: false,
        scope: assessment.scope(),
    };
    let bytes = workbook(checklist, Some(assessment), &options, &labels).expect("the workbook is written");
    let book = Book::from_bytes("answers.xlsx", &bytes).expect("the workbook reads");
    match against(&book, checklist.clone()) {
        Ok(imported) => imported.assessment,
        Err(found) => panic!("the workbook does not import:\n{found}"),
    }
}

/// The answers as a value to compare: every level by its value, the criteria in checklist
/// order, every map with its keys sorted (the workbook writes answers and translations in
/// checklist order, whatever the file's order was).
fn canonical(checklist: &Checklist, doc: &AnswersDoc) -> Value {
    let mut doc = doc.clone();
    doc.answers = doc
        .answers
        .iter()
        .map(|(id, answer)| {
            let mut answer = answer.clone();
            if let Some(indicator) = checklist.indicator(id) {
                answer.level = answer.level.map(|l| by_value(checklist, indicator, l));
                answer.criteria_met = answer.criteria_met.map(|met| in_order(indicator, met));
                if let Some(review) = &mut answer.review {
                    review.level = review.level.take().map(|l| by_value(checklist, indicator, l));
                    review.criteria_met = review.criteria_met.take().map(|met| in_order(indicator, met));
                }
            }
            (id.to_owned(), answer)
        })
        .collect();
    sorted(serde_json::to_value(&doc).expect("answers serialise"))
}

fn by_value(checklist: &Checklist, indicator: &Indicator, level: LevelRef) -> LevelRef {
    let scale = checklist.scale_of(indicator).expect("a level is on a scale");
    LevelRef::Value(scale.resolve(&level).expect("the level is on the scale").value)
}

fn in_order(indicator: &Indicator, met: Vec<String>) -> Vec<String> {
    indicator
        .criteria
        .iter()
        .map(|c| c.id.clone())
        .filter(|id| met.contains(id))
        .collect()
}

fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

/// Asserts the round trip of `assessment` loses nothing, and that the imported answers
/// written as YAML read back to the same answers.
fn assert_lossless(checklist: &Checklist, assessment: &Assessment, lang: &str) {
    let back = round_trip(checklist, assessment, lang);
    assert_eq!(
        canonical(checklist, back.doc()),
        canonical(checklist, assessment.doc()),
        "the round trip changed the answers of {}",
        assessment.origin
    );
    assert_eq!(
        format!("{:?}", score(checklist, &back)),
        format!("{:?}", score(checklist, assessment)),
        "the round trip changed the scores of {}",
        assessment.origin
    );
    let written = yaml(back.doc());
    let source = Source::from_bytes("imported.yaml", written.as_bytes()).expect("the YAML reads");
    let reread = answers::answers(&source, checklist)
        .unwrap_or_else(|d| panic!("the YAML is invalid:\n{d}\n{written}"));
    assert_eq!(
        reread.value.doc(),
        back.doc(),
        "the written YAML reads back differently"
    );
}

#[test]
fn every_example_survives_the_workbook_round_trip_in_both_languages() {
    let files = example_answers();
    assert!(files.len() >= 13, "the examples are missing: {files:?}");
    for (file, checklist) in files {
        let loaded = oversight::load::assessment(&file, checklist.as_ref(), &Limits::default())
            .unwrap_or_else(|d| panic!("{} is invalid:\n{d}", file.display()));
        for lang in loaded.checklist.languages() {
            assert_lossless(&loaded.checklist, &loaded.assessment, lang);
        }
    }
}

/// The checklists generated answers are for: the bundled one, and the methods examples
/// (numbers with units and bounds, criteria, levels with codes).
fn checklists() -> Vec<Checklist> {
    let mut paths = vec![root().join("checklists/dssg-executive.yaml")];
    let mut methods: Vec<_> = std::fs::read_dir(root().join("checklists/methods"))
        .expect("checklists/methods reads")
        .flatten()
        .map(|e| e.path())
        .collect();
    methods.sort();
    paths.extend(methods);
    // Ids with dots and capitals, `ref`s, scopes, items with an informational one, an
    // assessable section.
    paths.push(root().join("tests/frameworks/scoped.yaml"));
    paths
        .into_iter()
        .map(|path| {
            ChecklistRef::Path(path.clone())
                .load(&Limits::default())
                .unwrap_or_else(|d| panic!("{} is invalid:\n{d}", path.display()))
                .value
        })
        .collect()
}

/// A small deterministic generator of answers from a seed.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// A text of Latin and Cyrillic letters, digits, quotes, YAML and XML specials, spaces and
    /// line breaks, never blank.
    fn text(&mut self) -> String {
        const CHARS: &[char] = &[
            'a', 'Z', 'q', 'ж', 'Ї', 'є', 'ґ', '’', '«', '»', '"', '\'', '&', '<', '>', '#', ':', '-', '%',
            '0', '7', ' ', ' ', '\n', 'é', '€', '—',
        ];
        let len = 1 + self.below(30);
        let mut text: String = (0..len).map(|_| CHARS[self.below(CHARS.len())]).collect();
        text.insert(0, CHARS[self.below(20)]);
        text
    }

    fn maybe_text(&mut self) -> Option<String> {
        self.chance(50).then(|| self.text())
    }

    fn date(&mut self) -> Date {
        let day = chrono::NaiveDate::from_ymd_opt(1995, 1, 1).expect("a date")
            + chrono::Days::new(self.below(365 * 35) as u64);
        Date(day)
    }

    fn maybe_date(&mut self) -> Option<Date> {
        self.chance(50).then(|| self.date())
    }

    fn reference(&mut self, checklist: &Checklist) -> Option<Text> {
        match self.below(3) {
            0 => None,
            1 => Some(Text::Plain(self.text())),
            _ => {
                let langs = checklist.languages();
                let lang = &langs[self.below(langs.len())];
                Some(Text::Translated(
                    [(lang.clone(), self.text())].into_iter().collect(),
                ))
            }
        }
    }

    /// A level, number or criteria met that the indicator accepts.
    fn rating(
        &mut self,
        checklist: &Checklist,
        indicator: &Indicator,
    ) -> (Option<LevelRef>, Option<Number>, Option<Vec<String>>) {
        if indicator.kind == IndicatorKind::Number {
            let min = indicator.min.map_or(-1000.0, Number::to_f64);
            let max = indicator.max.map_or(1000.0, Number::to_f64);
            let hundredths = (min * 100.0) as i64 + self.below(((max - min) * 100.0) as usize + 1) as i64;
            let value = Number::parse(&format!("{}", hundredths as f64 / 100.0)).expect("a number");
            return (None, Some(value), None);
        }
        if !indicator.criteria.is_empty() {
            let met = indicator
                .criteria
                .iter()
                .filter(|_| self.chance(50))
                .map(|c| c.id.clone())
                .collect();
            return (None, None, Some(met));
        }
        let scale = checklist
            .scale_of(indicator)
            .expect("a scale indicator has its scale");
        let level = &scale.levels[self.below(scale.levels.len())];
        let reference = match (&level.code, self.chance(50)) {
            (Some(code), true) => LevelRef::Code(code.clone()),
            _ => LevelRef::Value(level.value),
        };
        (Some(reference), None, None)
    }

    fn answer(&mut self, checklist: &Checklist, indicator: &Indicator) -> Answer {
        let mut answer = Answer {
            comment: self.maybe_text(),
            change_note: self.chance(20).then(|| self.text()),
            ..Answer::default()
        };
        match self.below(6) {
            0 => {
                answer.status = Some(AnswerStatus::NotApplicable);
                answer.comment = Some(self.text());
            }
            1 => answer.status = Some(AnswerStatus::NotEnoughInformation),
            _ => (answer.level, answer.value, answer.criteria_met) = self.rating(checklist, indicator),
        }
        if answer.level.is_some() && self.chance(25) {
            answer.target = Some(Box::new(Target {
                level: answer.level.clone(),
                value: None,
                by: self.maybe_date(),
            }));
        }
        for _ in 0..self.below(4) {
            answer.evidence.push(Evidence {
                title: self.text(),
                date: self.maybe_date(),
                reference: self.reference(checklist),
                kind: match self.chance(30) {
                    true => EvidenceKind::ActInForce,
                    false => EvidenceKind::Record,
                },
            });
        }
        if self.chance(40) {
            answer.action = Some(Box::new(Action {
                text: self.text(),
                owner: self.maybe_text(),
                due: self.maybe_date(),
            }));
        }
        if self.chance(30) {
            let (level, value, criteria_met) = self.rating(checklist, indicator);
            answer.review = Some(Box::new(Review {
                level,
                value,
                criteria_met,
                comment: self.maybe_text(),
                reviewer: self.maybe_text(),
                date: self.maybe_date(),
            }));
        }
        if answer.status != Some(AnswerStatus::NotApplicable) && self.chance(20) {
            answer.exception = Some(Box::new(Exception {
                reason: self.text(),
                approved_by: self.text(),
                expires: self.date(),
            }));
        }
        answer
    }

    fn doc(&mut self, checklist: &Checklist) -> AnswersDoc {
        let langs = checklist.languages();
        let organisation = match self.chance(50) {
            true => Text::Plain(self.text()),
            false => Text::Translated(langs.iter().map(|l| (l.clone(), self.text())).collect()),
        };
        let from = self.date();
        let scope = self.scope(checklist);
        AnswersDoc {
            checklist: checklist.id().to_owned(),
            checklist_version: checklist.version().to_owned(),
            organisation,
            assessed_on: self.date(),
            period: self.chance(50).then(|| Period {
                from,
                to: Date(from.0 + chrono::Days::new(self.below(400) as u64)),
            }),
            language: self.chance(50).then(|| langs[self.below(langs.len())].clone()),
            scope: scope.clone(),
            document: self.chance(50).then(|| DocumentControl {
                number: self.maybe_text(),
                version: self.maybe_text(),
                status: if self.chance(50) {
                    DocumentStatus::Draft
                } else {
                    DocumentStatus::Final
                },
                classification: self.maybe_text(),
            }),
            approval: self.chance(50).then(|| Approval {
                position: self.text(),
                name: self.text(),
                date: self.maybe_date(),
            }),
            audit: self.chance(30).then(|| Audit {
                by: (0..self.below(3)).map(|_| self.text()).collect(),
                institution: self.maybe_text(),
                date: self.maybe_date(),
                scope: self.maybe_text(),
            }),
            quality: self.chance(30).then(|| Quality {
                peer_reviews: (0..1 + self.below(2))
                    .map(|_| PeerReview {
                        name: self.text(),
                        institution: self.maybe_text(),
                        date: self.maybe_date(),
                        scope: self.maybe_text(),
                        conclusion: self.maybe_text(),
                    })
                    .collect(),
                ..Quality::default()
            }),
            assessors: (0..self.below(3))
                .map(|_| Assessor {
                    name: self.text(),
                    role: self.maybe_text(),
                })
                .collect(),
            answers: checklist
                .indicators()
                .into_iter()
                .filter(|indicator| checklist.in_scope(indicator, &scope))
                .filter_map(|indicator| {
                    let answered = self.chance(70);
                    answered.then(|| (indicator.id.clone(), self.answer(checklist, indicator)))
                })
                .collect(),
            actions: (0..self.below(3)).map(|i| self.action(checklist, i)).collect(),
        }
    }

    /// No scope, or one value of one of the checklist's scope dimensions.
    fn scope(&mut self, checklist: &Checklist) -> ScopeIds {
        let values: Vec<String> = checklist
            .scopes()
            .iter()
            .flat_map(|(_, dimension)| dimension.values.iter().map(|v| v.id.clone()))
            .collect();
        match values.is_empty() || self.chance(40) {
            true => ScopeIds::default(),
            false => ScopeIds(vec![values[self.below(values.len())].clone()]),
        }
    }

    /// A planned action addressing one indicator.
    fn action(&mut self, checklist: &Checklist, i: usize) -> PlannedAction {
        let indicators = checklist.indicators();
        PlannedAction {
            id: Some(format!("act-{i}")),
            title: self.text(),
            indicators: vec![indicators[self.below(indicators.len())].id.clone()],
            activities: (0..self.below(3)).map(|_| self.text()).collect(),
            responsible: Responsible {
                unit: self.maybe_text(),
                person: self.maybe_text(),
            },
            start: None,
            due: self.maybe_date(),
            resources: Resources::default(),
            success_indicator: self.maybe_text(),
            priority: self.chance(50).then_some(Rating::High),
            status: ActionStatus::InProgress,
            completed: None,
            dropped_reason: None,
            progress: Vec::new(),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn generated_answers_survive_the_workbook_round_trip(seed in any::<u64>(), which in 0usize..7, uk in any::<bool>()) {
        let checklists = checklists();
        let checklist = &checklists[which % checklists.len()];
        let doc = Gen(seed).doc(checklist);
        let text = yaml(&doc);
        let source = Source::from_bytes("generated.yaml", text.as_bytes()).expect("the YAML reads");
        let assessment = answers::answers(&source, checklist)
            .unwrap_or_else(|d| panic!("generated answers are invalid:\n{d}\n{text}"))
            .value;
        let lang = if uk { "uk" } else { "en" };
        assert_lossless(checklist, &assessment, lang);
    }
}

/// `examples/workbook/dssg-executive-uk.xlsx` is the blank workbook of the bundled checklist in
/// Ukrainian, as this version writes it (the bytes depend only on the inputs).
#[test]
fn the_example_workbook_is_the_one_the_tool_writes() {
    let checklist = ChecklistRef::Id("dssg-executive".into())
        .load(&Limits::default())
        .expect("the bundled checklist loads")
        .value;
    let labels = Catalogue::bundled().labels("uk");
    let options = FormOptions {
        lang: "uk",
        auditor: false,
        scope: &ScopeIds::default(),
    };
    let written = workbook(&checklist, None, &options, &labels).expect("the workbook is written");
    let example =
        std::fs::read(root().join("examples/workbook/dssg-executive-uk.xlsx")).expect("the example reads");
    assert!(
        written == example,
        "examples/workbook/dssg-executive-uk.xlsx is stale: rewrite it with \
         `oversight workbook dssg-executive --lang uk -o examples/workbook/dssg-executive-uk.xlsx --force`"
    );
}

/// `workbook --scope basic` of the framework checklist: rows in the source's order (`items:`),
/// the assessable section's own row under its header, no row for the section tagged
/// `important` only, and the source's codes and titles before the texts.
#[test]
fn a_scoped_workbook_has_the_rows_in_scope_in_the_sources_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("scoped.xlsx");
    let output = crate::support::run_in(
        root(),
        &[
            "workbook",
            "tests/frameworks/scoped.yaml",
            "--scope",
            "basic",
            "-o",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        crate::support::stderr(&output)
    );
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&out).expect("an xlsx workbook");
    let sheet = book.worksheet_range("Assessment").expect("the assessment sheet");
    let rows: Vec<(String, String)> = sheet
        .rows()
        .skip(2)
        .map(|row| (row[0].to_string(), row[1].to_string()))
        .collect();
    let ids: Vec<&str> = rows.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        ["GV", "GV.OC-01", "GV.OC-02", "1.2", "1.2", "1.2.1", "1.2.2"]
    );
    assert_eq!(rows[0].1, "1 GV Govern");
    assert_eq!(rows[1].1, "Context\nThe mission is understood.");
    assert_eq!(rows[3].1, "2 1.2 Protect");
}
