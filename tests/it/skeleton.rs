//! `init` skeletons validate as they are, whatever a valid checklist's texts hold: line and
//! paragraph separators, `#`, quotes, colons, brackets, backslashes, tabs and line ends.

use crate::support::{checklist_from, load};
use oversight::i18n::Catalogue;
use oversight::model::{Date, ScopeIds};
use oversight::skeleton::skeleton;
use proptest::prelude::*;

/// Texts a checklist may hold: any printable character, and the ones that matter to YAML.
fn text() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        "\n", "\t", "#", " # ", ": ", "\"", "'", "\\", "\u{2028}", "\u{2029}", "{", "[", "- ", "&a", "*a",
        "!t", "|", ">", "---", "...", "\u{a0}", "ї", "%",
    ]);
    prop::collection::vec(
        prop_oneof![3 => "\\PC{1,8}", 2 => special.prop_map(str::to_owned)],
        1..6,
    )
    .prop_map(|parts| parts.concat())
    .prop_filter("a required text is not blank", |t| !t.trim().is_empty())
}

/// A YAML double-quoted scalar (JSON string syntax is valid YAML), separators escaped so that
/// they reach the checklist's texts.
fn quoted(text: &str) -> String {
    serde_json::to_string(text)
        .expect("a string")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_skeleton_validates(
        title in text(),
        version in text(),
        scale in text(),
        label in text(),
        section in text(),
        indicator in text(),
        guidance in text(),
        evidence in text(),
    ) {
        let checklist_text = format!(
            "id: any\nversion: {}\nlanguages: [en]\ntitle: {}\nscales:\n  {}:\n    levels: [{{value: 0, label: {}}}, {{value: 1, label: x}}]\nsections:\n  - id: s\n    title: {}\n    indicators:\n      - {{id: s-1, text: {}, guidance: {}, evidence: [{}], scale: {}}}\n",
            quoted(&version), quoted(&title), quoted(&scale), quoted(&label), quoted(&section),
            quoted(&indicator), quoted(&guidance), quoted(&evidence), quoted(&scale),
        );
        // Blank-looking texts (a lone separator) may be refused: only valid checklists count.
        let Ok(checklist) = checklist_from(&checklist_text) else { return Ok(()) };
        let labels = Catalogue::bundled().labels("en");
        let date = Date::parse("2026-11-20").expect("a date");
        let answers = skeleton(&checklist, "en", &labels, date, &ScopeIds::default());
        let loaded = load(&checklist_text, &answers);
        prop_assert!(loaded.is_ok(), "the skeleton does not validate: {:?}\n{answers}", loaded.err());
    }
}
