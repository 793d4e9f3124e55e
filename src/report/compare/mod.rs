//! The comparison view stage: two rounds and their [`Comparison`] to one display-ready
//! [`CompareView`] in the chosen language, the only thing the comparison's renderers see.
//!
//! Texts come from the new checklist version (from the old one for removed rows), bands from
//! each round's own checklist, numbers through the [`Formatter`].

mod plan_actions;
pub mod view;

use super::finder;
use super::format::Formatter;
use super::{AssessorView, BandView, ScoreView, band_views, level_text, status_key};
use crate::compare::{Change, Comparison, IndicatorChange, Reason, Round, same_words};
use crate::i18n::{Catalogue, Labels};
use crate::model::checklist::{Indicator, Section};
use crate::model::{Assessment, Date};
use crate::score::{IndicatorResult, band_for};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
pub use view::*;

/// What a comparison is built from.
pub struct CompareInput<'a> {
    pub old: Round<'a>,
    pub new: Round<'a>,
    pub comparison: &'a Comparison,
    pub catalogue: &'a Catalogue,
    /// One of the new checklist's languages.
    pub lang: &'a str,
    pub report_date: Date,
}

/// Builds the comparison view.
pub fn build(input: &CompareInput) -> CompareView {
    let labels = input.catalogue.labels(input.lang);
    let builder = Builder::new(input, &labels);
    let comparison = input.comparison;
    let overall = builder.change(
        &comparison.overall.score,
        (
            comparison.overall.old_band.as_deref(),
            comparison.overall.old_conclusive,
        ),
        (
            comparison.overall.new_band.as_deref(),
            comparison.overall.new_conclusive,
        ),
        &comparison.overall.not_comparable,
    );
    let sections = comparison
        .sections
        .iter()
        .map(|s| SectionRow {
            id: s.id.clone(),
            number: s.number.clone(),
            title: builder.section_title(&s.id),
            depth: s.depth,
            change: builder.change(
                &s.score,
                (s.old_band.as_deref(), s.old_conclusive),
                (s.new_band.as_deref(), s.new_conclusive),
                &s.not_comparable,
            ),
        })
        .collect::<Vec<_>>();
    let rows: Vec<(&IndicatorChange, IndicatorRow)> = comparison
        .indicators
        .iter()
        .map(|i| (i, builder.indicator_row(i)))
        .collect();
    let mut groups = builder.groups(&sections, &rows);
    let attention = builder.attention(&rows, &sections);
    let filters = finder::compare(&sections, &mut groups, &labels);
    CompareView {
        lang: input.lang.to_owned(),
        cover: builder.cover(),
        overall,
        counts: comparison.counts,
        bands: builder.new_bands.clone(),
        sections,
        attention,
        groups,
        filters,
        actions: builder.follow_ups(),
        plan_actions: builder.plan_follow_ups(),
        provenance: builder.provenance(),
        labels: labels.clone(),
    }
}

struct Builder<'a> {
    input: &'a CompareInput<'a>,
    labels: &'a Labels,
    fmt: Formatter<'a>,
    old_bands: Vec<BandView>,
    new_bands: Vec<BandView>,
    old_indicators: HashMap<&'a str, &'a Indicator>,
    new_indicators: HashMap<&'a str, &'a Indicator>,
    sections: HashMap<&'a str, &'a Section>,
}

impl<'a> Builder<'a> {
    fn new(input: &'a CompareInput<'a>, labels: &'a Labels) -> Self {
        fn sections<'a>(list: &'a [Section], out: &mut HashMap<&'a str, &'a Section>) {
            for section in list {
                out.entry(&section.id).or_insert(section);
                sections(&section.sections, out);
            }
        }
        let index = |round: Round<'a>| {
            round
                .checklist
                .indicators()
                .into_iter()
                .map(|i| (i.id.as_str(), i))
                .collect::<HashMap<_, _>>()
        };
        let mut all_sections = HashMap::new();
        sections(input.new.checklist.sections(), &mut all_sections);
        sections(input.old.checklist.sections(), &mut all_sections);
        Builder {
            input,
            labels,
            fmt: Formatter::new(labels),
            old_bands: band_views(input.old.checklist, input.lang),
            new_bands: band_views(input.new.checklist, input.lang),
            old_indicators: index(input.old),
            new_indicators: index(input.new),
            sections: all_sections,
        }
    }

    /// The groups of the indicator rows: every section that holds a row, itself or in its
    /// sub-sections, in the sections' order. A section only the old checklist has stands on its
    /// own, marked so, as its number is the old checklist's.
    fn groups(
        &self,
        sections: &[SectionRow],
        rows: &[(&IndicatorChange, IndicatorRow)],
    ) -> Vec<IndicatorGroup> {
        let new_sections: HashSet<&str> = self
            .input
            .new
            .checklist
            .all_sections()
            .into_iter()
            .map(|s| s.id.as_str())
            .collect();
        let only_in = self.labels.fill(
            "compare_only_in_version",
            &[("version", self.input.old.checklist.version())],
        );
        let own_rows = |id: &str| -> Vec<IndicatorRow> {
            rows.iter()
                .filter(|(i, _)| i.section == id)
                .map(|(_, row)| row.clone())
                .collect()
        };
        // (section, depth for nesting, rows): a removed section nests under nothing
        let entries: Vec<(&SectionRow, usize, Vec<IndicatorRow>)> = sections
            .iter()
            .map(|s| {
                let depth = if new_sections.contains(s.id.as_str()) {
                    s.depth
                } else {
                    1
                };
                (s, depth, own_rows(&s.id))
            })
            .collect();
        // a section shows when it or a sub-section that follows it holds a row
        let holds_rows = |k: usize| {
            let depth = entries[k].1;
            std::iter::once(&entries[k])
                .chain(entries[k + 1..].iter().take_while(|(_, d, _)| *d > depth))
                .any(|(_, _, rows)| !rows.is_empty())
        };
        let shown: Vec<_> = (0..entries.len())
            .filter(|&k| holds_rows(k))
            .map(|k| &entries[k])
            .collect();
        // depths step by one from a section to its sub-sections, so a group closes as many
        // parents as the next group is shallower (all but the top level after the last)
        shown
            .iter()
            .enumerate()
            .map(|(k, (section, depth, rows))| {
                let next = shown.get(k + 1).map_or(1, |(_, next, _)| *next);
                IndicatorGroup {
                    section_id: section.id.clone(),
                    number: section.number.clone(),
                    title: section.title.clone(),
                    depth: *depth,
                    rows: rows.clone(),
                    parent: next > *depth,
                    closes: depth.saturating_sub(next),
                    only_in: (!new_sections.contains(section.id.as_str())).then(|| only_in.clone()),
                }
            })
            .collect()
    }

    fn label(&self, key: &str) -> String {
        self.labels.get(key).to_owned()
    }

    fn section_title(&self, id: &str) -> String {
        let fallback = self.input.new.checklist.default_language();
        self.sections.get(id).map_or_else(
            || id.to_owned(),
            |s| s.title.get(self.input.lang, fallback).to_owned(),
        )
    }

    fn indicator_text(&self, id: &str) -> String {
        let fallback = self.input.new.checklist.default_language();
        self.new_indicators
            .get(id)
            .or_else(|| self.old_indicators.get(id))
            .map_or_else(
                || id.to_owned(),
                |i| i.text.get(self.input.lang, fallback).to_owned(),
            )
    }

    /// A change with each round's band code and whether that round concluded.
    fn change(
        &self,
        change: &Change,
        old: (Option<&str>, bool),
        new: (Option<&str>, bool),
        reasons: &[Reason],
    ) -> ChangeView {
        let score =
            |value: Option<f64>, (band, conclusive): (Option<&str>, bool), bands: &[BandView]| ScoreView {
                value,
                text: self.fmt.score(value),
                band: band.and_then(|code| bands.iter().find(|b| b.code == code).cloned()),
                no_aggregate: false,
                provisional: !conclusive && value.is_some(),
            };
        let direction = kebab(&change.direction);
        ChangeView {
            old: score(change.old, old, &self.old_bands),
            new: score(change.new, new, &self.new_bands),
            change: self.fmt.change(change.change),
            direction_label: self.label(&format!("compare_direction_{direction}")),
            arrow: match direction.as_str() {
                "improved" => "▲",
                "declined" => "▼",
                "unchanged" => "=",
                _ => "",
            }
            .to_owned(),
            direction,
            comparable: reasons.is_empty(),
            reasons: reasons
                .iter()
                .map(|r| self.label(&format!("compare_reason_{}", kebab(r))))
                .collect(),
        }
    }

    /// The answer in one round: "3 — Established", a status, or "not in this version".
    fn answer(
        &self,
        result: Option<&IndicatorResult>,
        round: Round,
        indicators: &HashMap<&str, &Indicator>,
    ) -> String {
        let Some(result) = result else {
            return self.label("compare_not_in_version");
        };
        match (result.level, indicators.get(result.id.as_str())) {
            (Some(_), Some(indicator)) => level_text(
                round.checklist,
                indicator,
                result.level,
                self.input.lang,
                &self.fmt,
            ),
            _ => self.label(&format!("status_{}", status_key(result.status))),
        }
    }

    fn indicator_row(&self, row: &IndicatorChange) -> IndicatorRow {
        let band = |result: Option<&IndicatorResult>, round: Round<'a>| {
            let index = result.and_then(|r| band_for(round.checklist, r.score))?;
            Some(round.checklist.scoring().bands[index].code.as_str())
        };
        let (old, new) = (
            row.old.as_ref().map(|r| &r.result),
            row.new.as_ref().map(|r| &r.result),
        );
        let pass = kebab(&row.pass);
        let critical = kebab(&row.critical);
        let mut text = self.indicator_text(&row.id);
        if let Some(own) = &row.old_id {
            let mapped = self.labels.fill(
                "compare_mapped_from",
                &[("id", own), ("version", self.input.old.checklist.version())],
            );
            text = format!("{text} ({mapped})");
        }
        IndicatorRow {
            id: row.id.clone(),
            text,
            critical: old.is_some_and(|r| r.critical) || new.is_some_and(|r| r.critical),
            old_answer: self.answer(old, self.input.old, &self.old_indicators),
            new_answer: self.answer(new, self.input.new, &self.new_indicators),
            change: self.change(
                &row.score,
                (band(old, self.input.old), true),
                (band(new, self.input.new), true),
                &row.not_comparable,
            ),
            change_note: row.change_note.clone(),
            level_changed: row.level_changed,
            pass_label: self.label(&format!("compare_pass_{pass}")),
            pass,
            critical_label: self.label(&format!("compare_critical_{critical}")),
            critical_change: critical,
            finder_tags: String::new(),
        }
    }

    fn attention(&self, rows: &[(&IndicatorChange, IndicatorRow)], sections: &[SectionRow]) -> Attention {
        let list = |keep: &dyn Fn(&IndicatorRow) -> bool| {
            rows.iter()
                .filter(|(_, row)| keep(row))
                .map(|(change, row)| IndicatorRef {
                    id: row.id.clone(),
                    text: row.text.clone(),
                    section: sections
                        .iter()
                        .find(|s| s.id == change.section)
                        .map(|s| format!("{} {}", s.number, s.title))
                        .unwrap_or_default(),
                    old_answer: row.old_answer.clone(),
                    new_answer: row.new_answer.clone(),
                    change: row.change.clone(),
                })
                .collect()
        };
        Attention {
            newly_failing: list(&|r| r.pass == "newly-failing"),
            newly_passing: list(&|r| r.pass == "newly-passing"),
            critical_new: list(&|r| r.critical_change == "new"),
            critical_resolved: list(&|r| r.critical_change == "resolved"),
            critical_persisting: list(&|r| r.critical_change == "persisting"),
            critical_dropped: list(&|r| r.critical_change == "dropped"),
        }
    }

    /// The old round's actions, still open first, then unverified, then closed.
    fn follow_ups(&self) -> Vec<FollowUpView> {
        let rows: HashMap<&str, &IndicatorChange> = self
            .input
            .comparison
            .indicators
            .iter()
            .map(|i| (i.id.as_str(), i))
            .collect();
        let mut actions: Vec<_> = self.input.comparison.actions.iter().collect();
        actions.sort_by_key(|a| a.status);
        actions
            .into_iter()
            .map(|a| {
                let status = kebab(&a.status);
                let new_result = rows
                    .get(a.indicator.as_str())
                    .and_then(|i| i.new.as_ref())
                    .map(|r| &r.result);
                FollowUpView {
                    indicator_id: a.indicator.clone(),
                    indicator_text: self.indicator_text(&a.indicator),
                    text: a.text.clone(),
                    owner: a.owner.clone(),
                    due: a.due.map(|d| self.fmt.date(d)),
                    status_label: self.label(&format!("compare_followup_{status}")),
                    status,
                    reasons: a
                        .reasons
                        .iter()
                        .map(|r| self.label(&format!("compare_followup_{}", kebab(r))))
                        .collect(),
                    new_answer: self.answer(new_result, self.input.new, &self.new_indicators),
                }
            })
            .collect()
    }

    fn round(&self, assessment: &Assessment, version: &str) -> RoundView {
        let fallback = self.input.new.checklist.default_language();
        RoundView {
            organisation: assessment
                .organisation()
                .get(self.input.lang, fallback)
                .to_owned(),
            checklist_version: version.to_owned(),
            assessed_on: self.fmt.date(assessment.assessed_on()),
            period: assessment
                .period()
                .map(|p| format!("{} – {}", self.fmt.date(p.from), self.fmt.date(p.to))),
            assessors: assessment
                .assessors()
                .iter()
                .map(|a| AssessorView {
                    name: a.name.clone(),
                    role: a.role.clone(),
                })
                .collect(),
            answers_file: assessment.origin.clone(),
        }
    }

    fn cover(&self) -> CompareCover {
        let (old, new) = (self.input.old, self.input.new);
        let old_round = self.round(old.assessment, old.checklist.version());
        let new_round = self.round(new.assessment, new.checklist.version());
        let fallback = new.checklist.default_language();
        CompareCover {
            title: new.checklist.title().get(self.input.lang, fallback).to_owned(),
            checklist_id: new.checklist.id().to_owned(),
            organisation: new_round.organisation.clone(),
            organisation_differs: !same_words(&old_round.organisation, &new_round.organisation),
            version_changed: self.input.comparison.version_changed,
            report_date: self.fmt.date(self.input.report_date),
            old: old_round,
            new: new_round,
        }
    }

    fn provenance(&self) -> CompareProvenance {
        let files = |round: Round| RoundFiles {
            checklist_id: round.checklist.id().to_owned(),
            checklist_version: round.checklist.version().to_owned(),
            checklist_file: self.fmt.file(&round.checklist.origin),
            checklist_sha256: round.checklist.sha256.clone(),
            answers_file: self.fmt.file(&round.assessment.origin),
            answers_sha256: round.assessment.sha256.clone(),
        };
        CompareProvenance {
            tool: crate::report::ToolView::new(self.labels),
            old: files(self.input.old),
            new: files(self.input.new),
            report_date: self.input.report_date,
            date: self.fmt.date(self.input.report_date),
        }
    }
}

/// The kebab-case name a value has in the JSON output, which is also its label key suffix.
fn kebab<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
