//! The finder's filters and tags in the report view, by hand from a small assessment.

use crate::support::{CHECKLIST, answers_yaml, load};
use oversight::model::Date;
use oversight::report::finder::Filter;
use oversight::score::ScoreOptions;

/// a-1 scores 100 and a-2 does not apply; b-1 scores 25, below the pass mark of 50 (a minor
/// non-conformity); the critical b-x-1 is unanswered (a critical failure, a major one); b-x-2
/// scores 50, at its pass mark.
const ANSWERS: &str = "  a-1: {level: 4}
  a-2: {status: not-applicable, comment: No such unit}
  b-1: {level: 1}
  b-x-2: {level: 2}
";

/// Every option of every filter as (filter, token, label, count, depth), in order.
fn options(filters: &[Filter]) -> Vec<(&str, &str, &str, usize, usize)> {
    filters
        .iter()
        .flat_map(|f| {
            f.options.iter().map(move |o| {
                (
                    f.key.as_str(),
                    o.token.as_str(),
                    o.label.as_str(),
                    o.count,
                    o.depth,
                )
            })
        })
        .collect()
}

#[test]
fn the_filters_list_the_values_that_occur_with_their_counts() {
    let loaded = load(CHECKLIST, &answers_yaml(ANSWERS)).unwrap_or_else(|d| panic!("{d}"));
    let date = Date::parse("2026-11-28").expect("date");
    let catalogue = oversight::i18n::Catalogue::bundled();
    let (_, view) = oversight::render::view(&loaded, &catalogue, Some("en"), date, &ScoreOptions::default());
    assert_eq!(
        options(&view.filters),
        [
            ("section", "section:a", "1 A", 2, 1),
            ("section", "section:b", "2 B", 3, 1),
            ("section", "section:b-x", "2.1 BX", 2, 2),
            ("status", "status:scored", "Scored", 3, 1),
            ("status", "status:not-applicable", "Not applicable", 1, 1),
            ("status", "status:unanswered", "Unanswered", 1, 1),
            ("conformity", "conformity:major", "Major non-conformity", 1, 1),
            ("conformity", "conformity:minor", "Minor non-conformity", 1, 1),
            ("conformity", "conformity:conforming", "Meets its pass mark", 2, 1),
            ("conformity", "conformity:not-applicable", "Not applicable", 1, 1),
            ("critical", "critical:critical", "Critical indicator", 1, 1),
            ("critical", "critical:critical-failure", "Critical failure", 1, 1),
        ]
    );
    let names: Vec<&str> = view.filters.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(names, ["Section", "Status", "Compliance", "Critical indicators"]);

    // An indicator carries every section above it.
    let bx = &view.sections[1].sections[0];
    assert_eq!(
        bx.indicators[0].finder_tags,
        "section:b section:b-x status:unanswered conformity:major critical:critical critical:critical-failure"
    );
    assert_eq!(
        view.sections[0].indicators[1].finder_tags,
        "section:a status:not-applicable conformity:not-applicable"
    );
}
