//! `oversight convert` on the real files under `tests/frameworks/`: the CISA CPG 2.0 and ANSSI
//! TLS CISO Assistant libraries and NIST's OSCAL basic catalog. The overall score is checked
//! against CISO Assistant's AVG and AVG_OF_AVG computed here from their definition (CISO
//! Assistant's `ComplianceAssessment._compute_score_for_field`), on generated answers.

use crate::support::{root, run_in, stderr, stdout};
use oversight::convert::ciso_assistant::{Method, Options};
use oversight::convert::oscal::ScaleChoice;
use oversight::convert::{Conversion, From, convert_file};
use oversight::model::Checklist;
use oversight::score::{Status, all_indicator_results, score};
use oversight::source::{Limits, Source};
use oversight::validate::answers;
use serde_yaml::Value;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

const CPG: &str = "tests/frameworks/ciso-assistant/cisa-cpg-2.0.yaml";
const TLS: &str = "tests/frameworks/ciso-assistant/anssi-recommandations-securite-relatives-tls.yaml";
const OSCAL: &str = "tests/frameworks/oscal/basic-catalog.json";

fn converted(path: &Path, from: &From) -> (Conversion, Checklist) {
    let conversion = convert_file(path, from, &Limits::default()).unwrap_or_else(|d| panic!("{d}"));
    let validated = conversion
        .validate("source", "converted.yaml", &Limits::default())
        .unwrap_or_else(|d| panic!("the converted checklist is invalid:\n{d}"));
    assert!(validated.warnings.is_empty(), "{}", validated.warnings);
    (conversion, validated.value)
}

fn ciso(path: &Path, method: Method) -> (Conversion, Checklist) {
    let options = Options { method, lang: None };
    converted(path, &From::CisoAssistant(options))
}

/// A requirement node as CISO Assistant's scoring reads it.
#[derive(Debug, Clone)]
struct Node {
    urn: String,
    parent: Option<String>,
    code: String,
    assessable: bool,
    weight: f64,
    groups: Vec<String>,
}

/// The library's framework: its nodes in order, and its score range.
struct Framework {
    nodes: Vec<Node>,
    min: f64,
    max: f64,
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => panic!("not a scalar: {other:?}"),
    }
}

fn framework(library: &Value) -> Framework {
    let framework = &library["objects"]["framework"];
    let number = |key: &str, default: f64| framework[key].as_f64().unwrap_or(default);
    let nodes = framework["requirement_nodes"]
        .as_sequence()
        .expect("requirement nodes")
        .iter()
        .map(|n| Node {
            urn: scalar(&n["urn"]),
            parent: n["parent_urn"].as_str().map(str::to_owned),
            code: scalar(&n["ref_id"]),
            assessable: n["assessable"].as_bool().unwrap_or(false),
            weight: n["weight"].as_f64().filter(|w| *w > 0.0).unwrap_or(1.0),
            groups: n["implementation_groups"]
                .as_sequence()
                .map(|g| g.iter().map(scalar).collect())
                .unwrap_or_default(),
        })
        .collect();
    Framework {
        nodes,
        min: number("min_score", 0.0),
        max: number("max_score", 100.0),
    }
}

/// An answer to one assessable node: a score, not applicable, or none.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Given {
    Score(i64),
    NotApplicable,
    Unanswered,
}

/// A small deterministic generator (a linear congruential one), so that each seed gives the
/// same answers on every machine.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn generate(framework: &Framework, seed: u64) -> HashMap<String, Given> {
    let mut rng = Lcg(seed);
    let (min, max) = (framework.min as i64, framework.max as i64);
    framework
        .nodes
        .iter()
        .filter(|n| n.assessable)
        .map(|n| {
            let given = match rng.below(10) {
                0 => Given::Unanswered,
                1 => Given::NotApplicable,
                _ => Given::Score(min + rng.below((max - min + 1) as u64) as i64),
            };
            (n.urn.clone(), given)
        })
        .collect()
}

/// CISO Assistant's ratio of every scored node in the chosen groups (none: all of them).
fn leaf_ratios(
    framework: &Framework,
    given: &HashMap<String, Given>,
    groups: &[&str],
) -> HashMap<String, f64> {
    framework
        .nodes
        .iter()
        .filter(|n| n.assessable)
        .filter(|n| groups.is_empty() || n.groups.iter().any(|g| groups.contains(&g.as_str())))
        .filter_map(|n| match given[&n.urn] {
            Given::Score(s) => Some((
                n.urn.clone(),
                (s as f64 - framework.min) / (framework.max - framework.min),
            )),
            _ => None,
        })
        .collect()
}

/// AVG: Σ(ratio × weight) / Σweight over the scored nodes, on 0-100.
fn avg(framework: &Framework, given: &HashMap<String, Given>, groups: &[&str]) -> Option<f64> {
    let ratios = leaf_ratios(framework, given, groups);
    let (mut sum, mut weights) = (0.0, 0.0);
    for node in framework.nodes.iter().filter(|n| ratios.contains_key(&n.urn)) {
        sum += ratios[&node.urn] * node.weight;
        weights += node.weight;
    }
    (weights > 0.0).then(|| 100.0 * sum / weights)
}

/// AVG_OF_AVG: a scored node's ratio, else its children's weighted mean; then the unweighted
/// mean of the categories (a root with a scored child, or a childless root; else the root's
/// children), on 0-100.
fn avg_of_avg(framework: &Framework, given: &HashMap<String, Given>, groups: &[&str]) -> Option<f64> {
    let ratios = leaf_ratios(framework, given, groups);
    let urns: HashSet<&str> = framework.nodes.iter().map(|n| n.urn.as_str()).collect();
    let mut children: HashMap<String, Vec<Node>> = HashMap::new();
    for node in &framework.nodes {
        if let Some(parent) = &node.parent {
            children.entry(parent.clone()).or_default().push(node.clone());
        }
    }
    fn compute(
        node: &Node,
        ratios: &HashMap<String, f64>,
        children: &HashMap<String, Vec<Node>>,
    ) -> Option<f64> {
        if let Some(ratio) = ratios.get(&node.urn) {
            return Some(*ratio);
        }
        let results: Vec<(f64, f64)> = children
            .get(&node.urn)
            .into_iter()
            .flatten()
            .filter_map(|c| compute(c, ratios, children).map(|r| (r, c.weight)))
            .collect();
        let weights: f64 = results.iter().map(|(_, w)| w).sum();
        (!results.is_empty()).then(|| results.iter().map(|(r, w)| r * w).sum::<f64>() / weights)
    }
    let mut categories = Vec::new();
    for root in framework
        .nodes
        .iter()
        .filter(|n| n.parent.as_deref().is_none_or(|p| !urns.contains(p)))
    {
        let kids = children.get(&root.urn).cloned().unwrap_or_default();
        if kids.is_empty() || kids.iter().any(|c| ratios.contains_key(&c.urn)) {
            categories.extend(compute(root, &ratios, &children));
        } else {
            // A root computed as a leaf stops there: its children are never computed.
            if !ratios.contains_key(&root.urn) {
                categories.extend(kids.iter().filter_map(|c| compute(c, &ratios, &children)));
            }
        }
    }
    (!categories.is_empty()).then(|| 100.0 * categories.iter().sum::<f64>() / categories.len() as f64)
}

/// Whether the one case the conversion cannot match arises: a root with assessable direct
/// children, none of them scored, and a deeper node scored.
fn grouping_changes(framework: &Framework, given: &HashMap<String, Given>, groups: &[&str]) -> bool {
    let ratios = leaf_ratios(framework, given, groups);
    let below = |urn: &str| -> bool {
        let mut stack = vec![urn.to_owned()];
        while let Some(current) = stack.pop() {
            for child in framework
                .nodes
                .iter()
                .filter(|n| n.parent.as_deref() == Some(&current))
            {
                if ratios.contains_key(&child.urn) {
                    return true;
                }
                stack.push(child.urn.clone());
            }
        }
        false
    };
    framework.nodes.iter().filter(|n| n.parent.is_none()).any(|root| {
        let kids: Vec<&Node> = framework
            .nodes
            .iter()
            .filter(|n| n.parent.as_deref() == Some(&root.urn))
            .collect();
        kids.iter().any(|c| c.assessable)
            && !kids.iter().any(|c| ratios.contains_key(&c.urn))
            && below(&root.urn)
    })
}

/// The answers file for `given`, keyed by the nodes' codes (the converted ids), with `scope`.
fn answers_text(
    checklist: &Checklist,
    framework: &Framework,
    given: &HashMap<String, Given>,
    scope: &[&str],
) -> String {
    let mut out = format!(
        "checklist: {}\nchecklist_version: \"{}\"\norganisation: Org\nassessed_on: 2026-11-20\nscope: [{}]\nanswers:\n",
        serde_json::to_string(checklist.id()).unwrap(),
        checklist.version(),
        scope.iter().map(|g| scope_id(g)).collect::<Vec<_>>().join(", ")
    );
    for node in framework.nodes.iter().filter(|n| n.assessable) {
        let key = serde_json::to_string(&node.code).unwrap();
        match given[&node.urn] {
            Given::Score(s) => out.push_str(&format!("  {key}: {{level: {s}}}\n")),
            Given::NotApplicable => out.push_str(&format!("  {key}: {{status: not-applicable}}\n")),
            Given::Unanswered => {}
        }
    }
    out
}

/// The scope value an implementation group becomes: its code, with every character an id
/// cannot hold (TLS's en dash in `Rx–`) as `-`.
fn scope_id(group: &str) -> String {
    group
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect()
}

fn overall(checklist: &Checklist, text: &str) -> Option<f64> {
    let source = Source::from_bytes("answers.yaml", text.as_bytes()).expect("utf-8");
    let validated = answers::answers(&source, checklist).unwrap_or_else(|d| panic!("{d}\n{text}"));
    score(checklist, &validated.value).overall.score
}

/// The library at `path` with weights 1 to 4 on some nodes (CISO Assistant's `weight`), so that
/// weights are exercised, written into `dir`.
fn weighted_copy(path: &str, dir: &Path) -> PathBuf {
    let text = fs::read_to_string(root().join(path)).expect("library");
    let mut library: Value = serde_yaml::from_str(&text).expect("yaml");
    let nodes = library["objects"]["framework"]["requirement_nodes"]
        .as_sequence_mut()
        .expect("nodes");
    for (i, node) in nodes.iter_mut().enumerate() {
        if i % 3 == 0 {
            node["weight"] = Value::from((i % 4 + 1) as u64);
        }
    }
    let out = dir.join("weighted.yaml");
    fs::write(&out, serde_yaml::to_string(&library).expect("yaml")).expect("write");
    out
}

fn assert_close(ours: Option<f64>, theirs: Option<f64>, what: &str) {
    match (ours, theirs) {
        (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "{what}: ours {a}, CISO Assistant's {b}"),
        (None, None) => {}
        other => panic!("{what}: {other:?}"),
    }
}

/// CISO Assistant's score of answers in a scope, computed here.
type Reference = fn(&Framework, &HashMap<String, Given>, &[&str]) -> Option<f64>;

/// Converts `path` by `method` and checks the overall score against `reference` for 30
/// generated answer sets in each scope; returns how many sets were compared.
fn check_method(path: &Path, method: Method, reference: Reference, scopes: &[&[&str]]) -> usize {
    let library: Value = serde_yaml::from_str(&fs::read_to_string(path).expect("library")).expect("yaml");
    let framework = framework(&library);
    let (_, checklist) = ciso(path, method);
    let mut compared = 0;
    for scope in scopes {
        for seed in 0..30 {
            let given = generate(&framework, seed);
            if method == Method::AvgOfAvg && grouping_changes(&framework, &given, scope) {
                continue;
            }
            let text = answers_text(&checklist, &framework, &given, scope);
            let what = format!("{} {method:?} scope {scope:?} seed {seed}", path.display());
            assert_close(
                overall(&checklist, &text),
                reference(&framework, &given, scope),
                &what,
            );
            compared += 1;
        }
    }
    compared
}

#[test]
fn cpg_converts_with_the_libraries_codes_as_ids() {
    let (conversion, checklist) = ciso(&root().join(CPG), Method::Avg);
    assert_eq!(checklist.id(), "CISA-CPG-2.0");
    assert_eq!(checklist.languages(), ["en", "fr"]);
    let library: Value = serde_yaml::from_str(&fs::read_to_string(root().join(CPG)).unwrap()).unwrap();
    let codes: Vec<String> = framework(&library)
        .nodes
        .into_iter()
        .filter(|n| n.assessable)
        .map(|n| n.code)
        .collect();
    let ids: Vec<&str> = checklist.indicators().iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, codes.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(ids.len(), 34);
    let first = checklist.indicator("1.A").expect("1.A");
    assert_eq!(first.ref_id.as_deref(), Some("1.A"));
    assert_eq!(
        first.title.as_ref().unwrap().get("fr", "en"),
        "Établir les responsabilités en cybersécurité"
    );
    assert!(
        first
            .guidance
            .as_ref()
            .unwrap()
            .get("en", "en")
            .starts_with("Outcome: Roles")
    );
    let references: Vec<&str> = first.references.iter().map(|r| r.get("en", "en")).collect();
    assert_eq!(
        references,
        [
            "RC.01 Cybersecurity Roles and Responsibilities Policy",
            "RC.03 OT-Specific Security Policy",
            "T.01 Insufficient Cybersecurity Governance"
        ]
    );
    let scale = checklist.scale_of(first).expect("a scale");
    assert_eq!((scale.lowest(), scale.highest()), (1.into(), 4.into()));
    let places: Vec<&str> = conversion.notes.iter().map(|n| n.place.as_str()).collect();
    assert_eq!(places, ["convert_library_version", "objects.framework.ref_id"]);
}

#[test]
fn tls_groups_become_a_scope_and_its_codes_the_ids() {
    let (conversion, checklist) = ciso(&root().join(TLS), Method::AvgOfAvg);
    let (_, dimension) = checklist.scopes().iter().next().expect("a scope dimension");
    let values: Vec<&str> = dimension.values.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(values, ["Rx-", "Rx"], "`Rx–` (an en dash) is no id");
    assert!(
        conversion
            .notes
            .iter()
            .any(|n| n.text == "the implementation group `Rx–` is the scope value `Rx-`")
    );
    assert_eq!(checklist.indicators().len(), 45);
    assert!(
        checklist.indicators().iter().all(|i| i.id.starts_with('R')),
        "R1..R45"
    );
    let r1 = checklist.indicator("R1").unwrap();
    assert!(checklist.in_scope(r1, &oversight::model::ScopeIds(vec!["Rx".into()])));
    assert!(!checklist.in_scope(r1, &oversight::model::ScopeIds(vec!["Rx-".into()])));
    // No score definitions: every whole score from 0 to 100 is a level.
    let scale = checklist.scale_of(r1).unwrap();
    assert_eq!(scale.levels.len(), 101);
    let labels = oversight::i18n::Catalogue::bundled().labels("en");
    let today = oversight::model::Date::parse("2026-12-01").expect("a date");
    let scope = oversight::model::ScopeIds(vec!["Rx".into()]);
    let text = oversight::skeleton::skeleton(&checklist, "en", &labels, today, &scope);
    assert!(
        text.contains("  # Scale `score`: the levels 0 to 100\n  R1:\n"),
        "{text}"
    );
}

#[test]
fn avg_equals_ciso_assistants_on_generated_answers() {
    let dir = tempfile::tempdir().unwrap();
    let cpg = weighted_copy(CPG, dir.path());
    assert_eq!(check_method(&cpg, Method::Avg, avg, &[&[]]), 30);
    let tls = root().join(TLS);
    assert_eq!(
        check_method(&tls, Method::Avg, avg, &[&[], &["Rx"], &["Rx–"]]),
        90
    );
}

#[test]
fn avg_of_avg_equals_ciso_assistants_on_generated_answers() {
    let dir = tempfile::tempdir().unwrap();
    let cpg = weighted_copy(CPG, dir.path());
    assert_eq!(check_method(&cpg, Method::AvgOfAvg, avg_of_avg, &[&[]]), 30);
    let tls = root().join(TLS);
    // The other 40 sets leave TLS's R2 (the only direct requirement of its root `2`) unscored
    // while deeper ones are scored: the documented case, checked on its own below.
    let compared = check_method(&tls, Method::AvgOfAvg, avg_of_avg, &[&[], &["Rx"], &["Rx–"]]);
    assert_eq!(compared, 50);
}

#[test]
fn avg_of_avg_differs_in_the_documented_case_only() {
    // TLS's root `0` has one requirement, R1, and no deeper one; root `2` has R2 and deeper
    // ones. With R2 unscored and a deeper one scored, CISO Assistant takes 2's sub-sections as
    // categories; the conversion keeps 2 as one.
    let path = root().join(TLS);
    let library: Value = serde_yaml::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    let framework = framework(&library);
    let (_, checklist) = ciso(&path, Method::AvgOfAvg);
    let mut given: HashMap<String, Given> = framework
        .nodes
        .iter()
        .filter(|n| n.assessable)
        .map(|n| (n.urn.clone(), Given::Unanswered))
        .collect();
    let urn = |code: &str| {
        framework
            .nodes
            .iter()
            .find(|n| n.code == code)
            .unwrap()
            .urn
            .clone()
    };
    given.insert(urn("R1"), Given::Score(100));
    given.insert(urn("R3"), Given::Score(0));
    given.insert(urn("R9"), Given::Score(50));
    assert!(grouping_changes(&framework, &given, &[]));
    let ours = overall(&checklist, &answers_text(&checklist, &framework, &given, &[]));
    let theirs = avg_of_avg(&framework, &given, &[]).unwrap();
    // Ours: mean(R1 = 100, section 2 = mean of its scored parts) ; theirs counts 2's parts.
    assert!(
        (ours.unwrap() - theirs).abs() > 1.0,
        "ours {ours:?}, theirs {theirs}"
    );
    given.insert(urn("R2"), Given::Score(40));
    assert!(!grouping_changes(&framework, &given, &[]));
    let ours = overall(&checklist, &answers_text(&checklist, &framework, &given, &[]));
    assert_close(ours, avg_of_avg(&framework, &given, &[]), "with R2 scored");
}

#[test]
fn out_of_scope_requirements_are_listed_as_such() {
    let path = root().join(TLS);
    let library: Value = serde_yaml::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    let framework = framework(&library);
    let (_, checklist) = ciso(&path, Method::Avg);
    let given = generate(&framework, 7);
    let text = answers_text(&checklist, &framework, &given, &["Rx–"]);
    let source = Source::from_bytes("answers.yaml", text.as_bytes()).unwrap();
    let assessment = answers::answers(&source, &checklist).unwrap().value;
    let card = score(&checklist, &assessment);
    let outside = framework
        .nodes
        .iter()
        .filter(|n| n.assessable && !n.groups.iter().any(|g| g == "Rx–"))
        .count();
    assert!(outside > 0);
    assert_eq!(card.counts.out_of_scope, outside);
    let listed = card
        .sections
        .iter()
        .flat_map(all_indicator_results)
        .filter(|i| i.status == Status::OutOfScope)
        .count();
    assert_eq!(listed, outside);
}

#[test]
fn oscal_controls_keep_their_ids_titles_and_statements() {
    let from = From::Oscal {
        scale: ScaleChoice::YesNo,
        lang: "en".to_owned(),
    };
    let (conversion, checklist) = converted(&root().join(OSCAL), &from);
    let ids: Vec<&str> = checklist.indicators().iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["s1.1.1", "s1.1.2", "s2.1.1", "s2.1.2"]);
    let sections: Vec<&str> = checklist.all_sections().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sections, ["s1", "s1.1", "s2", "s2.1"]);
    let first = checklist.indicator("s1.1.1").unwrap();
    assert_eq!(
        first.title.as_ref().unwrap().get("en", "en"),
        "Information security roles and responsibilities"
    );
    assert!(
        first
            .text
            .get("en", "en")
            .starts_with("All information security responsibilities"),
        "{:?}",
        first.text
    );
    assert!(first.guidance.is_some());
    let scale = checklist.scale_of(first).unwrap();
    assert_eq!(scale.levels.len(), 2);
    assert!(
        conversion
            .notes
            .iter()
            .any(|n| n.text == "the part `overview` is left out")
    );
}

#[test]
fn the_command_writes_a_valid_checklist_and_prints_what_it_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let library = root().join(CPG);
    let library = library.to_str().unwrap();
    let output = run_in(
        dir.path(),
        &[
            "convert",
            "--from",
            "ciso-assistant",
            library,
            "--method",
            "avg-of-avg",
            "--lang",
            "fr",
            "-o",
            "cpg.yaml",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!(
            "{library}: checklist `CISA-CPG-2.0` version 1 written to cpg.yaml: 6 sections, 34 indicators, 0 informational items, languages fr, en
not held or changed (2):
  convert_library_version: `convert_library_version` has no place in a checklist: left out
  objects.framework.ref_id: `ref_id` has no place in a checklist: left out
"
        )
    );
    let valid = run_in(dir.path(), &["validate", "cpg.yaml"]);
    assert_eq!(valid.status.code(), Some(0), "{}", stderr(&valid));
    let again = run_in(
        dir.path(),
        &["convert", "--from", "ciso-assistant", library, "-o", "cpg.yaml"],
    );
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(stderr(&again), "error: `cpg.yaml` already exists\n");
    let lang = run_in(
        dir.path(),
        &[
            "convert",
            "--from",
            "ciso-assistant",
            library,
            "--lang",
            "uk",
            "-o",
            "uk.yaml",
        ],
    );
    assert_eq!(lang.status.code(), Some(1));
    assert_eq!(
        stderr(&lang),
        format!(
            "error[unknown-language]: {library}: --lang: the library has no locale `uk`
  hint: expected one of `en`, `fr`
error: 1 error(s) in the input
"
        )
    );
    let oscal = root().join(OSCAL);
    let wrong = run_in(
        dir.path(),
        &[
            "convert",
            "--from",
            "ciso-assistant",
            oscal.to_str().unwrap(),
            "-o",
            "x.yaml",
        ],
    );
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        stderr(&wrong).starts_with(&format!(
            "error[not-convertible]: {}: not a CISO Assistant library: missing field `objects`",
            oscal.display()
        )),
        "{}",
        stderr(&wrong)
    );
    assert!(!dir.path().join("x.yaml").exists());
}
