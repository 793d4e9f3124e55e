//! The methodology: the scales, the scoring rules, the bands and every calculation written out.

use crate::model::checklist::{Method, Missing};
use crate::report::{
    Builder, ExcludedView, LevelView, Methodology, ScaleView, TermView, TraceView, band_ranges, exclusion_key,
};
use crate::score::{NodeKind, SectionResult, Trace};

impl Builder<'_> {
    pub(in crate::report) fn methodology(&self) -> Methodology {
        let checklist = self.input.checklist;
        let scoring = checklist.scoring();
        let scales = checklist
            .scales()
            .map(|(id, scale)| ScaleView {
                id: id.to_owned(),
                label: self.optional(scale.label.as_ref()),
                levels: scale
                    .levels
                    .iter()
                    .map(|level| LevelView {
                        value: level.value,
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
            method: self.method(scoring.method),
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
            bands,
            cap: checklist.cap_band().and_then(|b| self.bands.get(b).cloned()),
            overall: self.trace("", "", self.labels.get("overall_score"), &card.trace, card.band),
            traces,
        }
    }

    pub(in crate::report) fn section_traces(&self, results: &[&SectionResult], out: &mut Vec<TraceView>) {
        for result in results {
            let (number, title) = self.name(&result.id);
            out.push(self.trace(&result.id, &number, &title, &result.trace, result.band));
            self.section_traces(&result.sections.iter().collect::<Vec<_>>(), out);
        }
    }

    pub(in crate::report) fn trace(
        &self,
        id: &str,
        number: &str,
        title: &str,
        trace: &Trace,
        band: Option<usize>,
    ) -> TraceView {
        let kind = |kind: NodeKind| match kind {
            NodeKind::Indicator => self.labels.get("kind_indicator").to_owned(),
            NodeKind::Section => self.labels.get("kind_section").to_owned(),
        };
        TraceView {
            id: id.to_owned(),
            number: number.to_owned(),
            title: title.to_owned(),
            method: self.method(trace.method),
            counted: trace
                .counted
                .iter()
                .map(|t| TermView {
                    id: t.id.clone(),
                    title: self.name(&t.id).1,
                    kind: kind(t.kind),
                    score: self.fmt.score(Some(t.score)),
                    weight: self.fmt.plain(t.weight),
                })
                .collect(),
            excluded: trace
                .excluded
                .iter()
                .map(|e| ExcludedView {
                    id: e.id.clone(),
                    title: self.name(&e.id).1,
                    kind: kind(e.kind),
                    reason: self.labels.get(exclusion_key(e.reason)).to_owned(),
                })
                .collect(),
            formula: self.formula(trace),
            result: self.score(trace.score, band),
        }
    }

    /// The arithmetic of a trace with rounded figures, e.g. "(2 × 75.0 + 1 × 50.0) ÷ 3 = 66.7".
    pub(in crate::report) fn formula(&self, trace: &Trace) -> String {
        if trace.counted.is_empty() {
            return self.labels.get("formula_nothing_scored").to_owned();
        }
        let scores: Vec<String> = trace
            .counted
            .iter()
            .map(|t| self.fmt.score(Some(t.score)))
            .collect();
        let result = self.fmt.score(trace.score);
        match trace.method {
            Method::WeightedMean => {
                let terms: Vec<String> = trace
                    .counted
                    .iter()
                    .zip(&scores)
                    .map(|(t, s)| format!("{} × {s}", self.fmt.plain(t.weight)))
                    .collect();
                let weights: f64 = trace.counted.iter().map(|t| t.weight).sum();
                format!("({}) ÷ {} = {result}", terms.join(" + "), self.fmt.plain(weights))
            }
            Method::Mean => format!("({}) ÷ {} = {result}", scores.join(" + "), trace.counted.len()),
            Method::Min => format!("min({}) = {result}", scores.join("; ")),
        }
    }
}
