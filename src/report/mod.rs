//! The report view stage: turns a scorecard into one typed, display-ready [`ReportView`].
//!
//! Texts are picked in the report's language, numbers rounded and formatted, bands given
//! colours, sections numbered, actions sorted, calculation traces written out as arithmetic.
//! HTML templates, the PDF layout and the JSON report all render this view and nothing else.

mod chart;
pub mod format;
pub mod view;

use crate::i18n::{Catalogue, Labels};
use crate::model::checklist::{Indicator, Method, Missing, Section};
use crate::model::{Answer, Assessment, Checklist, Date, Text};
use crate::score::{Exclusion, NodeKind, Scorecard, SectionResult, Status, Trace};
use format::Formatter;
use std::collections::HashMap;
pub use view::*;

/// What a report is built from.
pub struct ReportInput<'a> {
    pub checklist: &'a Checklist,
    pub assessment: &'a Assessment,
    pub scorecard: &'a Scorecard,
    pub catalogue: &'a Catalogue,
    /// The report's language, one of the checklist's (see [`language`]).
    pub lang: &'a str,
    pub report_date: Date,
}

/// The report language: the one asked for, else the answers' own, else the checklist's first.
pub fn language<'a>(
    requested: Option<&'a str>,
    checklist: &'a Checklist,
    assessment: &'a Assessment,
) -> &'a str {
    requested
        .or(assessment.language())
        .unwrap_or(checklist.default_language())
}

/// Builds the report view.
pub fn build(input: &ReportInput) -> ReportView {
    let labels = input.catalogue.labels(input.lang);
    let builder = Builder::new(input, &labels);
    let sections = builder.sections(input.checklist.sections(), &input.scorecard.sections, "");
    ReportView {
        lang: input.lang.to_owned(),
        cover: builder.cover(),
        summary: builder.summary(&sections),
        charts: builder.charts(&sections),
        actions: builder.actions(&sections),
        methodology: builder.methodology(),
        provenance: builder.provenance(),
        sections,
        labels: labels.clone(),
    }
}

struct Builder<'a> {
    input: &'a ReportInput<'a>,
    labels: &'a Labels,
    fmt: Formatter<'a>,
    bands: Vec<BandView>,
    /// Section and indicator titles by id, for traces and summaries.
    names: HashMap<String, (String, String)>,
}

impl<'a> Builder<'a> {
    fn new(input: &'a ReportInput<'a>, labels: &'a Labels) -> Self {
        let mut builder = Builder {
            input,
            labels,
            fmt: Formatter::new(labels),
            bands: Vec::new(),
            names: HashMap::new(),
        };
        builder.bands = band_views(input.checklist, &builder);
        builder.collect_names(input.checklist.sections(), "");
        builder
    }

    fn text(&self, text: &Text) -> String {
        text.get(self.input.lang, self.input.checklist.default_language())
            .to_owned()
    }

    fn optional(&self, text: Option<&Text>) -> Option<String> {
        text.map(|t| self.text(t)).filter(|t| !t.trim().is_empty())
    }

    fn score(&self, value: Option<f64>, band: Option<usize>) -> ScoreView {
        ScoreView {
            value,
            text: self.fmt.score(value),
            band: band.and_then(|b| self.bands.get(b).cloned()),
        }
    }

    fn collect_names(&mut self, sections: &[Section], prefix: &str) {
        for (i, section) in sections.iter().enumerate() {
            let number = format!("{prefix}{}", i + 1);
            self.names
                .insert(section.id.clone(), (number.clone(), self.text(&section.title)));
            for indicator in &section.indicators {
                self.names.insert(
                    indicator.id.clone(),
                    (indicator.id.clone(), self.text(&indicator.text)),
                );
            }
            self.collect_names(&section.sections, &format!("{number}."));
        }
    }

    fn name(&self, id: &str) -> (String, String) {
        self.names
            .get(id)
            .cloned()
            .unwrap_or_else(|| (id.to_owned(), id.to_owned()))
    }

    fn cover(&self) -> Cover {
        let (checklist, assessment) = (self.input.checklist, self.input.assessment);
        Cover {
            title: self.text(checklist.title()),
            description: self.optional(checklist.description()),
            source: self.optional(checklist.source()),
            checklist_id: checklist.id().to_owned(),
            checklist_version: checklist.version().to_owned(),
            organisation: self.text(assessment.organisation()),
            period: assessment
                .period()
                .map(|p| format!("{} – {}", self.fmt.date(p.from), self.fmt.date(p.to))),
            assessed_on: self.fmt.date(assessment.assessed_on()),
            report_date: self.fmt.date(self.input.report_date),
            assessors: assessment
                .assessors()
                .iter()
                .map(|a| AssessorView {
                    name: a.name.clone(),
                    role: a.role.clone(),
                })
                .collect(),
        }
    }

    fn summary(&self, sections: &[SectionView]) -> Summary {
        let card = self.input.scorecard;
        let mut ranked: Vec<&SectionView> = flatten(sections)
            .into_iter()
            .filter(|s| !s.indicators.is_empty() && s.score.value.is_some())
            .collect();
        ranked.sort_by(|a, b| {
            b.score
                .value
                .partial_cmp(&a.score.value)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let to_ref = |s: &&SectionView| SectionRef {
            id: s.id.clone(),
            number: s.number.clone(),
            title: s.title.clone(),
            score: s.score.clone(),
        };
        let take = 3.min(ranked.len() / 2);
        let counts = &card.counts;
        Summary {
            score: self.score(card.overall.score, card.overall.band),
            uncapped_band: card
                .overall
                .uncapped_band
                .filter(|_| card.overall.capped)
                .and_then(|b| self.bands.get(b).cloned()),
            capped: card.overall.capped,
            completeness: self.fmt.percent(card.completeness),
            critical_failures: self.critical_failures(sections),
            strongest: ranked.iter().take(take).map(to_ref).collect(),
            weakest: ranked.iter().rev().take(take).map(to_ref).collect(),
            counts: [
                (Status::Scored, counts.scored),
                (Status::NotApplicable, counts.not_applicable),
                (Status::NotEnoughInformation, counts.not_enough_information),
                (Status::Unanswered, counts.unanswered),
            ]
            .into_iter()
            .map(|(status, count)| CountView {
                status: status_key(status).to_owned(),
                label: self
                    .labels
                    .get(&format!("status_{}", status_key(status)))
                    .to_owned(),
                count,
            })
            .collect(),
            total_indicators: counts.total,
        }
    }

    fn critical_failures(&self, sections: &[SectionView]) -> Vec<CriticalFailureView> {
        flatten(sections)
            .into_iter()
            .flat_map(|section| section.indicators.iter().map(move |i| (section, i)))
            .filter(|(_, i)| i.critical_failure)
            .map(|(section, i)| CriticalFailureView {
                id: i.id.clone(),
                text: i.text.clone(),
                section: format!("{} {}", section.number, section.title),
                reason: match i.status.as_str() {
                    "scored" => self.labels.fill("critical_below_pass", &[("pass", &i.pass)]),
                    _ => i.status_label.clone(),
                },
            })
            .collect()
    }

    fn charts(&self, sections: &[SectionView]) -> Charts {
        let bars = flatten(sections)
            .into_iter()
            .map(|s| BarView {
                id: s.id.clone(),
                number: s.number.clone(),
                title: s.title.clone(),
                depth: s.depth,
                score: s.score.clone(),
                width: s.score.value.unwrap_or(0.0).clamp(0.0, 100.0),
            })
            .collect();
        let marks = self
            .input
            .checklist
            .scoring()
            .bands
            .iter()
            .skip(1)
            .map(|b| MarkView {
                value: b.min,
                text: self.fmt.plain(b.min),
            })
            .collect();
        let radar = chart::radar(
            sections
                .iter()
                .map(|s| (s.number.clone(), s.title.clone(), s.score.clone()))
                .collect(),
        );
        Charts { bars, marks, radar }
    }

    fn sections(&self, sections: &[Section], results: &[SectionResult], prefix: &str) -> Vec<SectionView> {
        sections
            .iter()
            .zip(results)
            .enumerate()
            .map(|(i, (section, result))| {
                let number = format!("{prefix}{}", i + 1);
                SectionView {
                    id: section.id.clone(),
                    depth: number.split('.').count(),
                    title: self.text(&section.title),
                    description: self.optional(section.description.as_ref()),
                    weight: self.fmt.plain(section.weight),
                    method: self.method(self.input.checklist.method_of(section)),
                    score: self.score(result.score, result.band),
                    indicators: section
                        .indicators
                        .iter()
                        .zip(&result.indicators)
                        .map(|(indicator, r)| self.indicator(indicator, r))
                        .collect(),
                    sections: self.sections(&section.sections, &result.sections, &format!("{number}.")),
                    number,
                }
            })
            .collect()
    }

    fn indicator(&self, indicator: &Indicator, result: &crate::score::IndicatorResult) -> IndicatorView {
        let answer = self.input.assessment.answer(&indicator.id);
        let scale = self.input.checklist.scale_of(indicator);
        let level = result
            .level
            .and_then(|value| {
                scale
                    .level(value)
                    .map(|l| format!("{value} — {}", self.text(&l.label)))
            })
            .unwrap_or_default();
        let pass = self.fmt.plain(result.pass);
        IndicatorView {
            id: indicator.id.clone(),
            text: self.text(&indicator.text),
            guidance: self.optional(indicator.guidance.as_ref()),
            critical: indicator.critical,
            weight: self.fmt.plain(indicator.weight),
            status: status_key(result.status).to_owned(),
            status_label: self
                .labels
                .get(&format!("status_{}", status_key(result.status)))
                .to_owned(),
            level,
            score: self.score(
                result.score,
                crate::score::band_for(self.input.checklist, result.score),
            ),
            passed: result
                .score
                .filter(|_| result.status == Status::Scored)
                .map(|s| s >= result.pass),
            pass,
            critical_failure: result.critical_failure,
            comment: answer
                .and_then(|a| a.comment.clone())
                .filter(|c| !c.trim().is_empty()),
            evidence: answer.map(|a| self.evidence(a)).unwrap_or_default(),
            action: answer.and_then(|a| self.action(indicator, a)),
            expected_evidence: indicator.evidence.iter().map(|t| self.text(t)).collect(),
            references: indicator.references.iter().map(|t| self.text(t)).collect(),
        }
    }

    fn evidence(&self, answer: &Answer) -> Vec<EvidenceView> {
        answer
            .evidence
            .iter()
            .map(|e| {
                let reference = e.reference.as_ref().map(|r| self.text(r));
                EvidenceView {
                    title: e.title.clone(),
                    date: e.date.map(|d| self.fmt.date(d)),
                    href: reference
                        .as_deref()
                        .filter(|r| is_safe_link(r))
                        .map(str::to_owned),
                    reference,
                }
            })
            .collect()
    }

    fn action(&self, indicator: &Indicator, answer: &Answer) -> Option<ActionView> {
        let action = answer.action.as_ref()?;
        Some(ActionView {
            indicator_id: indicator.id.clone(),
            indicator_text: self.text(&indicator.text),
            text: action.text.clone(),
            owner: action.owner.clone(),
            due: action.due.map(|d| self.fmt.date(d)),
            overdue: action
                .due
                .is_some_and(|d| d < self.input.assessment.assessed_on()),
        })
    }

    /// Every planned action, by due date (undated last), then checklist order.
    fn actions(&self, sections: &[SectionView]) -> Vec<ActionView> {
        let assessment = self.input.assessment;
        let mut actions: Vec<(Option<Date>, ActionView)> = flatten(sections)
            .into_iter()
            .flat_map(|s| s.indicators.iter())
            .filter_map(|i| {
                let action = i.action.clone()?;
                let due = assessment
                    .answer(&i.id)
                    .and_then(|a| a.action.as_ref())
                    .and_then(|a| a.due);
                Some((due, action))
            })
            .collect();
        actions.sort_by_key(|(due, _)| (due.is_none(), *due));
        actions.into_iter().map(|(_, action)| action).collect()
    }

    fn methodology(&self) -> Methodology {
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
        let bands = self
            .bands
            .iter()
            .enumerate()
            .map(|(i, band)| {
                let from = scoring.bands[i].min;
                let to = scoring.bands.get(i + 1).map_or(100.0, |b| b.min);
                BandRangeView {
                    band: band.clone(),
                    range: format!("{} – {}", self.fmt.plain(from), self.fmt.plain(to)),
                }
            })
            .collect();
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
            bands,
            cap: checklist.cap_band().and_then(|b| self.bands.get(b).cloned()),
            overall: self.trace("", "", self.labels.get("overall_score"), &card.trace, card.band),
            traces,
        }
    }

    fn section_traces(&self, results: &[&SectionResult], out: &mut Vec<TraceView>) {
        for result in results {
            let (number, title) = self.name(&result.id);
            out.push(self.trace(&result.id, &number, &title, &result.trace, result.band));
            self.section_traces(&result.sections.iter().collect::<Vec<_>>(), out);
        }
    }

    fn trace(&self, id: &str, number: &str, title: &str, trace: &Trace, band: Option<usize>) -> TraceView {
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
    fn formula(&self, trace: &Trace) -> String {
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

    fn method(&self, method: Method) -> String {
        self.labels
            .get(match method {
                Method::WeightedMean => "method_weighted_mean",
                Method::Mean => "method_mean",
                Method::Min => "method_min",
            })
            .to_owned()
    }

    fn provenance(&self) -> Provenance {
        let (checklist, assessment) = (self.input.checklist, self.input.assessment);
        Provenance {
            tool: "oversight".to_owned(),
            tool_version: crate::VERSION.to_owned(),
            checklist_id: checklist.id().to_owned(),
            checklist_version: checklist.version().to_owned(),
            checklist_file: checklist.origin.clone(),
            checklist_sha256: checklist.sha256.clone(),
            answers_file: assessment.origin.clone(),
            answers_sha256: assessment.sha256.clone(),
            report_date: self.input.report_date.to_string(),
        }
    }
}

/// Every section, each followed by its sub-sections.
pub fn flatten(sections: &[SectionView]) -> Vec<&SectionView> {
    let mut out = Vec::new();
    for section in sections {
        out.push(section);
        out.extend(flatten(&section.sections));
    }
    out
}

fn status_key(status: Status) -> &'static str {
    match status {
        Status::Scored => "scored",
        Status::NotApplicable => "not-applicable",
        Status::NotEnoughInformation => "not-enough-information",
        Status::Unanswered => "unanswered",
    }
}

fn exclusion_key(reason: Exclusion) -> &'static str {
    match reason {
        Exclusion::NotApplicable => "status_not-applicable",
        Exclusion::NotEnoughInformation => "status_not-enough-information",
        Exclusion::Unanswered => "status_unanswered",
        Exclusion::NoScore => "excluded_no_score",
    }
}

/// Only `http`, `https` and relative links become clickable; `javascript:`, `data:` and
/// every other scheme stay text, and so do protocol-relative links (`//host`, which browsers
/// also read from `\\host` and `/\host`) and anything with control characters, which
/// browsers strip before reading the scheme.
pub fn is_safe_link(reference: &str) -> bool {
    let lower = reference.trim().to_ascii_lowercase();
    if lower.chars().any(char::is_control) {
        return false;
    }
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return true;
    }
    let before_slash = lower.split(['/', '?', '#']).next().unwrap_or("");
    !lower.is_empty()
        && !before_slash.contains(':')
        && !lower.starts_with("//")
        && !lower.contains('\\')
        && !lower.contains(char::is_whitespace)
}

/// Band colours: the checklist's own, else a red-to-green palette spread over the bands.
fn band_views(checklist: &Checklist, builder: &Builder) -> Vec<BandView> {
    const PALETTE: [&str; 5] = ["#b3261e", "#d9622b", "#e0a526", "#6f9e3a", "#2e7d32"];
    let bands = &checklist.scoring().bands;
    bands
        .iter()
        .enumerate()
        .map(|(i, band)| {
            let position = if bands.len() > 1 {
                i * (PALETTE.len() - 1) / (bands.len() - 1)
            } else {
                PALETTE.len() - 1
            };
            let colour = band
                .colour
                .clone()
                .unwrap_or_else(|| PALETTE[position].to_owned());
            BandView {
                code: band.code.clone(),
                label: builder.text(&band.label),
                text_colour: readable_on(&colour).to_owned(),
                colour,
            }
        })
        .collect()
}

/// Near-black or white, whichever contrasts more with `#rrggbb` (WCAG relative luminance).
fn readable_on(colour: &str) -> &'static str {
    const DARK: (&str, f64) = ("#1a1a1a", 0.0103);
    let linear = |i: usize| {
        let c = u8::from_str_radix(colour.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0) as f64 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * linear(1) + 0.7152 * linear(3) + 0.0722 * linear(5);
    let with_white = 1.05 / (luminance + 0.05);
    let with_dark = (luminance + 0.05) / (DARK.1 + 0.05);
    if with_dark >= with_white {
        DARK.0
    } else {
        "#ffffff"
    }
}

#[cfg(test)]
mod tests {
    use super::is_safe_link;

    #[test]
    fn web_and_relative_links_are_safe() {
        for link in [
            "https://zakon.rada.gov.ua/laws/show/580-19",
            "http://example.org/a?b=1&c=2",
            "HTTPS://EXAMPLE.ORG",
            "  https://example.org  ",
            "docs/report.pdf",
            "./annex-2.html#part-3",
            "../evidence/order-12.pdf",
            "annex.pdf?page=2",
            "#section-4",
            "folder/a:b",
        ] {
            assert!(is_safe_link(link), "{link:?} should be a link");
        }
    }

    #[test]
    fn scripts_other_schemes_and_tricks_stay_text() {
        for link in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "  javascript:alert(1)",
            "\tjavascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\u{b}script:alert(1)",
            "vbscript:msgbox(1)",
            "VBScript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "data:text/html;base64,PHNjcmlwdD4=",
            "file:///etc/passwd",
            "mailto:someone@example.org",
            "https:evil.example",
            "//evil.example",
            "  //evil.example/x",
            "\\\\evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "\u{1}//evil.example",
            "order 12.pdf",
            "",
            "   ",
        ] {
            assert!(!is_safe_link(link), "{link:?} should stay text");
        }
    }
}
