//! The finder of the HTML reports: the filters over a report's indicators, a comparison's
//! indicator rows and a portfolio's organisations, and the tags that tie each item to them.
//!
//! Every item gets `finder_tags`, a space-separated list of `key:value` tokens (`section:law`,
//! `status:scored`, `critical:critical-failure`); each filter lists the tokens that occur, in a
//! fixed order, with their words and how many items carry them. The template writes the tags
//! on the item (`data-finder-tags`) and the filters as selects; `finder.js` keeps the items that
//! carry every selected token. Both come from the same tags, so a filter never offers a value
//! that no item has, and its counts are the ones a reader gets. Values are ids (lowercase
//! letters, digits and hyphens), codes or positions, never free text, so a token has no space.

use super::compare::{IndicatorGroup, IndicatorRow, SectionRow};
use super::portfolio::OrganisationRow;
use super::{BandView, IndicatorView, SectionView};
use crate::i18n::Labels;
use serde::Serialize;

/// One filter: a select over the items.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Filter {
    /// The tag key it filters on: `section`, `status`, ...
    pub key: String,
    /// Its name, "Section".
    pub label: String,
    /// The values that occur, in order.
    pub options: Vec<FilterOption>,
}

/// One value of a filter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FilterOption {
    /// The token the items carry, `status:scored`.
    pub token: String,
    /// Its words, "Scored" or "1.2 Title".
    pub label: String,
    /// How many items carry it.
    pub count: usize,
    /// 1, or the depth of a section (a sub-section is 2), for indenting.
    pub depth: usize,
}

/// A tag an item carries: the filter, the value, its words, and where it sorts.
#[derive(Clone)]
struct Tag {
    key: &'static str,
    value: String,
    label: String,
    /// The position among the filter's options: a code's place in its list, or a section's
    /// place in the checklist.
    rank: usize,
    depth: usize,
}

impl Tag {
    /// A tag whose value is one of `codes`, sorted in their order.
    fn code(key: &'static str, codes: &[&str], value: &str, label: &str) -> Tag {
        Tag {
            key,
            value: value.to_owned(),
            label: label.to_owned(),
            rank: codes.iter().position(|c| *c == value).unwrap_or(codes.len()),
            depth: 1,
        }
    }
}

/// The filters, in the order of `keys` with the label that names each, tallied from every
/// item's tags.
fn tally(keys: &[(&str, &str)], labels: &Labels, items: &[Vec<Tag>]) -> Vec<Filter> {
    keys.iter()
        .map(|(key, name)| {
            let mut tags: Vec<&Tag> = items.iter().flatten().filter(|t| t.key == *key).collect();
            tags.sort_by_key(|t| t.rank);
            let mut options: Vec<FilterOption> = Vec::new();
            for tag in tags {
                let token = token(tag);
                match options.iter_mut().find(|o| o.token == token) {
                    Some(option) => option.count += 1,
                    None => options.push(FilterOption {
                        token,
                        label: tag.label.clone(),
                        count: 1,
                        depth: tag.depth,
                    }),
                }
            }
            Filter {
                key: (*key).to_owned(),
                label: labels.get(name).to_owned(),
                options,
            }
        })
        .collect()
}

fn token(tag: &Tag) -> String {
    format!("{}:{}", tag.key, tag.value)
}

/// The `finder_tags` of an item.
fn tags_text(tags: &[Tag]) -> String {
    tags.iter().map(token).collect::<Vec<_>>().join(" ")
}

const STATUSES: &[&str] = &[
    "scored",
    "not-applicable",
    "not-enough-information",
    "unanswered",
    "out-of-scope",
];
const CONFORMITIES: &[&str] = &[
    "major",
    "minor",
    "accepted-risk",
    "conforming",
    "not-applicable",
    "not-assessed",
    "out-of-scope",
];
const CRITICAL: &[&str] = &["critical", "critical-failure"];
/// The report's filters, by tag key and the label that names them.
const REPORT_FILTERS: &[(&str, &str)] = &[
    ("section", "label_section"),
    ("status", "label_status"),
    ("conformity", "label_compliance"),
    ("critical", "finder_critical"),
];

/// Tags every indicator of the report (its sections, status, conformity, critical) and returns
/// the filters over them.
pub fn report(sections: &mut [SectionView], labels: &Labels) -> Vec<Filter> {
    let mut items = Vec::new();
    let mut ranks = 0..;
    tag_sections(sections, &[], &mut ranks, labels, &mut items);
    tally(REPORT_FILTERS, labels, &items)
}

/// Tags the indicators of `sections` and their sub-sections, each with every section above it.
fn tag_sections(
    sections: &mut [SectionView],
    above: &[Tag],
    ranks: &mut std::ops::RangeFrom<usize>,
    labels: &Labels,
    items: &mut Vec<Vec<Tag>>,
) {
    for section in sections {
        let mut path: Vec<Tag> = above.to_vec();
        path.push(Tag {
            key: "section",
            value: section.id.clone(),
            label: format!("{} {}", section.number, section.title),
            rank: ranks.next().unwrap_or_default(),
            depth: section.depth,
        });
        for indicator in &mut section.indicators {
            let mut tags: Vec<Tag> = path.clone();
            tags.extend(indicator_tags(indicator, labels));
            indicator.finder_tags = tags_text(&tags);
            items.push(tags);
        }
        tag_sections(&mut section.sections, &path, ranks, labels, items);
    }
}

fn indicator_tags(indicator: &IndicatorView, labels: &Labels) -> Vec<Tag> {
    let flags = [
        (indicator.critical, "critical", "label_critical"),
        (
            indicator.critical_failure,
            "critical-failure",
            "label_critical_failure",
        ),
    ];
    let critical = flags
        .into_iter()
        .filter(|(on, ..)| *on)
        .map(|(_, value, name)| Tag::code("critical", CRITICAL, value, labels.get(name)));
    [
        Tag::code("status", STATUSES, &indicator.status, &indicator.status_label),
        Tag::code(
            "conformity",
            CONFORMITIES,
            &indicator.conformity,
            &indicator.conformity_label,
        ),
    ]
    .into_iter()
    .chain(critical)
    .collect()
}

const DIRECTIONS: &[&str] = &["declined", "improved", "unchanged", "undetermined"];
const PASSES: &[&str] = &[
    "newly-failing",
    "still-failing",
    "newly-passing",
    "still-passing",
    "undetermined",
];
const CRITICAL_CHANGES: &[&str] = &["critical", "new", "persisting", "resolved", "dropped"];
const COMPARE_FILTERS: &[(&str, &str)] = &[
    ("section", "label_section"),
    ("change", "compare_label_change"),
    ("pass", "label_pass_mark"),
    ("critical", "finder_critical"),
];
const PORTFOLIO_FILTERS: &[(&str, &str)] = &[("band", "label_band"), ("critical", "critical_failures")];

/// Tags every indicator row of a comparison (its sections, change, pass mark, critical) and
/// returns the filters over them. `sections` come in checklist order, sub-sections after their
/// parent, so a section's ancestors are the sections before it of smaller depth.
pub fn compare(sections: &[SectionRow], groups: &mut [IndicatorGroup], labels: &Labels) -> Vec<Filter> {
    let mut items = Vec::new();
    let mut path: Vec<Tag> = Vec::new();
    for (rank, section) in sections.iter().enumerate() {
        path.retain(|t| t.depth < section.depth);
        path.push(Tag {
            key: "section",
            value: section.id.clone(),
            label: format!("{} {}", section.number, section.title),
            rank,
            depth: section.depth,
        });
        let rows = groups
            .iter_mut()
            .filter(|g| g.section_id == section.id)
            .flat_map(|g| g.rows.iter_mut());
        for row in rows {
            let mut tags = path.clone();
            tags.extend(row_tags(row, labels));
            row.finder_tags = tags_text(&tags);
            items.push(tags);
        }
    }
    tally(COMPARE_FILTERS, labels, &items)
}

fn row_tags(row: &IndicatorRow, labels: &Labels) -> Vec<Tag> {
    let flags = [
        (row.critical, "critical", labels.get("label_critical")),
        (
            row.critical_change != "not-failing",
            row.critical_change.as_str(),
            row.critical_label.as_str(),
        ),
    ];
    let critical = flags
        .into_iter()
        .filter(|(on, ..)| *on)
        .map(|(_, value, label)| Tag::code("critical", CRITICAL_CHANGES, value, label));
    [
        Tag::code(
            "change",
            DIRECTIONS,
            &row.change.direction,
            &row.change.direction_label,
        ),
        Tag::code("pass", PASSES, &row.pass, &row.pass_label),
    ]
    .into_iter()
    .chain(critical)
    .collect()
}

/// Tags every organisation of a portfolio (its overall band, whether a critical indicator
/// failed) and returns the filters over them. A band's value is its place in `bands` (lowest
/// first), since band codes are free text; no overall score is `none`.
pub fn portfolio(rows: &mut [OrganisationRow], bands: &[BandView], labels: &Labels) -> Vec<Filter> {
    let mut items = Vec::new();
    for row in rows.iter_mut() {
        let band = row.overall.band.as_ref().and_then(|b| {
            let index = bands.iter().position(|known| known == b)?;
            Some((index, format!("{} {}", b.code, b.label)))
        });
        let (value, label, rank) = match band {
            // the highest band first
            Some((index, label)) => (index.to_string(), label, bands.len() - index),
            None => (
                "none".to_owned(),
                labels.get("label_no_score").to_owned(),
                bands.len() + 1,
            ),
        };
        let failed = if row.critical_failures.is_empty() {
            ("no", labels.get("finder_no_critical_failures"), 1)
        } else {
            ("yes", labels.get("finder_has_critical_failures"), 0)
        };
        let tags = vec![
            Tag {
                key: "band",
                value,
                label,
                rank,
                depth: 1,
            },
            Tag {
                key: "critical",
                value: failed.0.to_owned(),
                label: failed.1.to_owned(),
                rank: failed.2,
                depth: 1,
            },
        ];
        row.finder_tags = tags_text(&tags);
        items.push(tags);
    }
    tally(PORTFOLIO_FILTERS, labels, &items)
}
