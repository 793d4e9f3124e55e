//! Synthetic checklists and answers of any size, for benchmarks and tests.
//!
//! `cargo run --example synthetic -- 300 /tmp/synthetic` writes `checklist.yaml` (300 indicators
//! in 10 sections of 3 sub-sections) and `answers.yaml` (every indicator answered, with long
//! bilingual comments, evidence and actions). The texts are deterministic.

use std::fmt::Write;

/// A checklist with `indicators` indicators, 10 top-level sections each with 3 sub-sections.
pub fn checklist(indicators: usize) -> String {
    let mut out = String::from(
        "id: synthetic\nversion: \"1\"\nlanguages: [en, uk]\ntitle: {en: Synthetic checklist, uk: Синтетичний перелік}\n\
         scales:\n  maturity:\n    levels:\n",
    );
    for (value, en, uk) in [
        (0, "Absent", "Відсутній"),
        (1, "Initial", "Початковий"),
        (2, "Developing", "У розвитку"),
        (3, "Established", "Усталений"),
        (4, "Advanced", "Розвинений"),
    ] {
        let _ = writeln!(out, "      - {{value: {value}, label: {{en: {en}, uk: {uk}}}}}");
    }
    out.push_str(
        "scoring:\n  bands:\n    - {min: 0, code: D, label: Weak}\n    - {min: 40, code: C, label: Partial}\n    - {min: 60, code: B, label: Good}\n    - {min: 80, code: A, label: Strong}\n  critical_cap: C\nsections:\n",
    );
    let per_leaf = indicators.div_ceil(30).max(1);
    let mut made = 0;
    for s in 1..=10 {
        let _ = writeln!(
            out,
            "  - id: s{s}\n    title: {{en: Section {s} on governance, uk: Розділ {s} про врядування}}\n    sections:"
        );
        for t in 1..=3 {
            let _ = writeln!(
                out,
                "      - id: s{s}-{t}\n        title: {{en: Sub-section {s}.{t}, uk: Підрозділ {s}.{t}}}\n        indicators:"
            );
            for _ in 0..per_leaf {
                if made == indicators {
                    break;
                }
                made += 1;
                let critical = made % 25 == 0;
                let _ = writeln!(
                    out,
                    "          - {{id: i{made}, scale: maturity, critical: {critical}, text: {{en: \"Indicator {made}: the organisation documents, applies and reviews the rule it describes\", uk: \"Індикатор {made}: організація документує, застосовує та переглядає відповідне правило\"}}, guidance: {{en: Check the records, uk: Перевірте записи}}}}"
                );
            }
        }
    }
    out
}

/// Answers to [`checklist`]: every indicator answered with a level, a comment, evidence and,
/// for every fifth, a planned action.
pub fn answers(indicators: usize) -> String {
    let mut out = String::from(
        "checklist: synthetic\nchecklist_version: \"1\"\norganisation: {en: Synthetic Ministry, uk: Синтетичне міністерство}\n\
         assessed_on: 2026-11-20\nlanguage: uk\nanswers:\n",
    );
    for i in 1..=indicators {
        let _ = writeln!(
            out,
            "  i{i}:\n    level: {}\n    comment: \"Коментар до індикатора {i}: процедуру затверджено наказом, її застосовують у більшості підрозділів, але моніторинг результатів ще не є систематичним і потребує посилення.\"\n    evidence:\n      - {{title: \"Наказ № {i} про затвердження процедури\", date: 2026-03-01, ref: \"https://example.org/orders/{i}\"}}",
            i % 5
        );
        if i % 5 == 0 {
            let _ = writeln!(
                out,
                "    action: {{text: \"Запровадити щоквартальний моніторинг процедури {i}\", owner: Департамент {i}, due: 2027-0{}-15}}",
                1 + i % 9
            );
        }
    }
    out
}

#[allow(dead_code)]
fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let count: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(300);
    let folder = std::path::PathBuf::from(args.get(2).map_or("synthetic", String::as_str));
    std::fs::create_dir_all(&folder)?;
    std::fs::write(folder.join("checklist.yaml"), checklist(count))?;
    std::fs::write(folder.join("answers.yaml"), answers(count))?;
    println!(
        "wrote {0}/checklist.yaml and {0}/answers.yaml ({count} indicators)",
        folder.display()
    );
    Ok(())
}
