//! The methodology: the scales, the scoring rules, the bands, grade lists and conversion
//! tables, and every calculation written out.

use crate::model::grades::{Grade, grade_at, grade_position};
use crate::model::ranges::Range;
use crate::model::rounding::{Rounding, RoundingMode};
use crate::model::{Method, Missing, NotEnoughInformation, Number};
use crate::report::{
    Builder, ExcludedView, GradeListView, GradeView, LevelView, Methodology, ScaleView, ScoreView,
    TableRowView, TableView, TermView, TraceView, band_ranges, exclusion_key,
};
use crate::score::{Calculation, NodeKind, SectionResult, Term, Trace};

impl Builder<'_> {
    pub(in crate::report) fn methodology(&self) -> Methodology {
        let checklist = self.input.checklist;
        let scoring = checklist.scoring();
        let scales = checklist
            .scales()
            .map(|(id, scale)| ScaleView {
                id: id.to_owned(),
                label: self.optional(scale.label.as_ref()),
                has_codes: scale.has_codes(),
                levels: scale
                    .levels
                    .iter()
                    .map(|level| LevelView {
                        value: self.fmt.number(level.value),
                        code: level.code.clone(),
                        label: self.text(&level.label),
                        description: self.optional(level.description.as_ref()),
                        score: self.fmt.score(Some(scale.position(level.value))),
                    })
                    .collect(),
            })
            .collect();
        let bands = band_ranges(checklist, &self.bands, &self.fmt);
        let results = self.input.scorecard.sections.iter().collect::<Vec<_>>();
        let mut traces = Vec::new();
        self.section_traces(&results, &mut traces);
        let card = &self.input.scorecard.overall;
        Methodology {
            scales,
            method: self.method(&scoring.method),
            missing: self
                .labels
                .get(match scoring.missing {
                    Missing::Exclude => "missing_exclude",
                    Missing::Zero => "missing_zero",
                })
                .to_owned(),
            pass: self.fmt.plain(scoring.pass),
            basis: self.basis("basis_verified", "basis_self"),
            evidence_max_age: scoring.evidence_max_age_days.map_or_else(
                || self.labels.get("label_not_set").to_owned(),
                |days| self.fmt.count("count_days", usize::try_from(days).unwrap_or(0)),
            ),
            min_completeness: self.min_completeness(),
            bands,
            cap: checklist.cap_band().and_then(|b| self.bands.get(b).cloned()),
            rounding: scoring.rounding.map(|r| {
                let precision = match r.digits {
                    0 => self.labels.get("rounding_whole").to_owned(),
                    digits => self.fmt.count("count_decimals", digits as usize),
                };
                self.labels.fill(
                    "rounding_rule",
                    &[("mode", &self.rounding_mode(r.mode)), ("precision", &precision)],
                )
            }),
            not_enough_information: (scoring.not_enough_information == NotEnoughInformation::Lowest)
                .then(|| self.labels.get("lowest_rule").to_owned()),
            not_applicable: (!scoring.justify_not_applicable)
                .then(|| self.labels.get("not_applicable_unjustified_rule").to_owned()),
            grades: scoring
                .grades
                .iter()
                .map(|(id, grades)| GradeListView {
                    id: id.to_owned(),
                    grades: grades
                        .iter()
                        .map(|g| GradeView {
                            code: g.code.clone(),
                            value: self.fmt.number(g.value),
                            label: self.optional(g.label.as_ref()),
                            score: self.fmt.score(Some(grade_position(grades, g.value))),
                        })
                        .collect(),
                })
                .collect(),
            tables: self.tables(),
            overall: self.trace(
                "",
                "",
                self.labels.get("overall_score"),
                &card.trace,
                self.overall_score(card),
                &[],
            ),
            traces,
        }
    }

    /// The conversion tables, each entry's result by its grade code where a section that uses
    /// the table has a grade list.
    fn tables(&self) -> Vec<TableView> {
        let checklist = self.input.checklist;
        let sections = checklist.all_sections();
        checklist
            .scoring()
            .tables
            .iter()
            .map(|(id, table)| {
                let grades: Option<&[Grade]> = sections
                    .iter()
                    .filter(|s| *checklist.method_of(s) == Method::Table(id.to_owned()))
                    .find_map(|s| checklist.grades_of(s));
                let result = |value: Number| {
                    grades
                        .and_then(|g| grade_at(g, value))
                        .map_or_else(|| self.fmt.number(value), |g| g.code.clone())
                };
                TableView {
                    id: id.to_owned(),
                    rows: table
                        .rows
                        .iter()
                        .map(|row| TableRowView {
                            count: row.count.to_string(),
                            entries: row
                                .entries
                                .iter()
                                .map(|(sum, value)| format!("{} → {}", self.fmt.number(*sum), result(*value)))
                                .collect(),
                        })
                        .collect(),
                }
            })
            .collect()
    }

    pub(in crate::report) fn section_traces(&self, results: &[&SectionResult], out: &mut Vec<TraceView>) {
        let checklist = self.input.checklist;
        for result in results {
            let (number, title) = self.name(&result.id);
            let ranges = checklist
                .all_sections()
                .into_iter()
                .find(|s| s.id == result.id)
                .map_or(&[][..], |s| s.ranges.as_slice());
            out.push(self.trace(
                &result.id,
                &number,
                &title,
                &result.trace,
                self.section_score(result),
                ranges,
            ));
            self.section_traces(&result.sections.iter().collect::<Vec<_>>(), out);
        }
    }

    pub(in crate::report) fn trace(
        &self,
        id: &str,
        number: &str,
        title: &str,
        trace: &Trace,
        result: ScoreView,
        ranges: &[Range],
    ) -> TraceView {
        let kind = |kind: NodeKind| match kind {
            NodeKind::Indicator => self.labels.get("kind_indicator").to_owned(),
            NodeKind::Section => self.labels.get("kind_section").to_owned(),
        };
        let via = |pooled: &Option<String>| {
            pooled.as_ref().map(|p| {
                let (number, title) = self.name(p);
                self.labels
                    .fill("trace_pooled_from", &[("section", &format!("{number} {title}"))])
            })
        };
        TraceView {
            id: id.to_owned(),
            number: number.to_owned(),
            title: title.to_owned(),
            method: self.method(&trace.method),
            counted: trace
                .counted
                .iter()
                .map(|t| TermView {
                    id: t.id.clone(),
                    reference: self.name(&t.id).0,
                    title: self.name(&t.id).1,
                    kind: kind(t.kind),
                    score: self.fmt.score(Some(t.score)),
                    weight: self.fmt.plain(t.weight),
                    value: self.term_value(t),
                    pooled_from: via(&t.pooled_from),
                })
                .collect(),
            excluded: trace
                .excluded
                .iter()
                .map(|e| ExcludedView {
                    id: e.id.clone(),
                    reference: self.name(&e.id).0,
                    title: self.name(&e.id).1,
                    kind: kind(e.kind),
                    reason: self.labels.get(exclusion_key(e.reason)).to_owned(),
                    pooled_from: via(&e.pooled_from),
                })
                .collect(),
            values: trace.method.uses_values(),
            formula: self.formula(trace, &result.text, ranges),
            result,
        }
    }

    /// A term's value as a reader sees it: its code ("B", "D*") or its number ("7.5").
    fn term_value(&self, term: &Term) -> Option<String> {
        let value = term.value?;
        let text = term.code.clone().unwrap_or_else(|| self.fmt.points(value));
        Some(if term.scored_as_lowest {
            format!("{text}*")
        } else {
            text
        })
    }

    /// The arithmetic of a trace with rounded figures, e.g. "(2 × 75.0 + 1 × 50.0) ÷ 3 = 66.7";
    /// `result` is the aggregate as the report shows it.
    pub(in crate::report) fn formula(&self, trace: &Trace, result: &str, ranges: &[Range]) -> String {
        if trace.method == Method::None {
            return self.labels.get("formula_no_aggregate").to_owned();
        }
        if trace.counted.is_empty() {
            return self.labels.get("formula_nothing_scored").to_owned();
        }
        let scores: Vec<String> = trace
            .counted
            .iter()
            .map(|t| self.fmt.score(Some(t.score)))
            .collect();
        let score = self.fmt.score(trace.score);
        let values: Vec<String> = trace.counted.iter().filter_map(|t| self.term_value(t)).collect();
        let listed = format!("{{{}}}", values.join(", "));
        let formula = match (&trace.method, &trace.calculation) {
            (_, Some(Calculation::OwnAnswer { children })) => self.labels.fill(
                "formula_own_answer",
                &[("score", &score), ("children", &self.fmt.score(*children))],
            ),
            (Method::WeightedMean, _) => {
                let terms: Vec<String> = trace
                    .counted
                    .iter()
                    .zip(&scores)
                    .map(|(t, s)| format!("{} × {s}", self.fmt.plain(t.weight)))
                    .collect();
                let weights: f64 = trace.counted.iter().map(|t| t.weight).sum();
                format!("({}) ÷ {} = {score}", terms.join(" + "), self.fmt.plain(weights))
            }
            (Method::Mean, _) => format!("({}) ÷ {} = {score}", scores.join(" + "), trace.counted.len()),
            (Method::Min, _) => format!("min({}) = {score}", scores.join("; ")),
            (
                _,
                Some(Calculation::WeakestLink {
                    lowest,
                    others_higher,
                }),
            ) => {
                let lowest = trace
                    .counted
                    .iter()
                    .find(|t| t.value == Some(*lowest))
                    .and_then(|t| t.code.clone())
                    .unwrap_or_else(|| self.fmt.number(*lowest));
                let key = if *others_higher {
                    "formula_lowest_others_higher"
                } else {
                    "formula_lowest_none_higher"
                };
                let step = self.labels.fill(key, &[("lowest", &lowest), ("result", result)]);
                format!("{listed}: {step}")
            }
            (_, Some(Calculation::Table { count: 1, .. })) => {
                format!(
                    "{listed}: {}",
                    self.labels.fill("formula_one_child", &[("result", result)])
                )
            }
            (
                _,
                Some(Calculation::Table {
                    count,
                    sum,
                    rounded_sum,
                    ..
                }),
            ) => {
                let summed = self.labels.fill(
                    "formula_table",
                    &[("count", &count.to_string()), ("sum", &self.fmt.points(*sum))],
                );
                format!(
                    "{listed}: {summed}{} → {}",
                    self.rounded_step(*rounded_sum),
                    self.or_no_score(result)
                )
            }
            (
                _,
                Some(Calculation::Sum {
                    sum,
                    rounded_sum,
                    range,
                }),
            ) => {
                let added: Vec<String> = trace
                    .counted
                    .iter()
                    .filter_map(|t| t.value.map(|v| self.fmt.points(v)))
                    .collect();
                let range = match (ranges.is_empty(), range.and_then(|r| ranges.get(r))) {
                    (true, _) => String::new(),
                    (false, Some(r)) => format!(
                        " → {}",
                        self.labels.fill(
                            "formula_range",
                            &[(
                                "range",
                                &format!("{}–{}", self.fmt.number(r.min), self.fmt.number(r.max))
                            )]
                        )
                    ),
                    (false, None) => format!(" → {}", self.labels.get("formula_no_range")),
                };
                format!(
                    "{} = {}{}{range} → {}",
                    added.join(" + "),
                    self.fmt.points(*sum),
                    self.rounded_step(*rounded_sum),
                    self.or_no_score(result)
                )
            }
            _ => score,
        };
        match trace.rounded {
            Some(_) => format!("{formula} → {}", self.rounded_score(result)),
            None => formula,
        }
    }

    /// " → half-up 12" after a rounded sum; empty without rounding.
    fn rounded_step(&self, rounded: Option<Number>) -> String {
        rounded.map_or_else(String::new, |value| {
            format!(" → {}", self.rounded_score(&self.fmt.number(value)))
        })
    }

    /// "half-up 63" (in Ukrainian "63 (округлення половини вгору)").
    fn rounded_score(&self, value: &str) -> String {
        let mode = self
            .input
            .checklist
            .scoring()
            .rounding
            .map(|r: Rounding| self.rounding_mode(r.mode))
            .unwrap_or_default();
        self.labels
            .fill("formula_rounding", &[("mode", &mode), ("value", value)])
    }

    fn rounding_mode(&self, mode: RoundingMode) -> String {
        self.labels.get(&format!("rounding_{}", mode.name())).to_owned()
    }

    /// The result, or "no score" when the table or the ranges gave none.
    fn or_no_score(&self, result: &str) -> String {
        if result == "—" {
            self.labels.get("label_no_score").to_owned()
        } else {
            result.to_owned()
        }
    }
}
