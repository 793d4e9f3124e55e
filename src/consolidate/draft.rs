//! The consolidated draft as an answers file: valid YAML that `oversight validate` accepts,
//! with every assessor's answer, the median, the spread and each disagreement as comments for
//! the consensus meeting.
//!
//! The header takes the checklist's id and version, the first file's organisation, the
//! earliest start and latest end of the periods given, the latest assessment date, and every
//! assessor listed in any file (once per name). Each answer takes the draft's level or status
//! ([`super::Consolidation`]), every assessor's non-empty comment prefixed with the assessor's
//! name, the evidence of all of them (each item once), and the planned action when all the
//! assessors who planned one wrote the same text (otherwise the proposals are listed as comments).
//! A criteria indicator's draft ticks the criteria of an assessor whose level is the draft's; the
//! scope is the assessors' when they agree on it, and an indicator out of it gets no answer.

use super::{Consolidation, Given, IndicatorConsensus};
use crate::compare::same_words;
use crate::i18n::Labels;
use crate::model::answers::{Action, Evidence, EvidenceKind};
use crate::model::checklist::{Indicator, Section};
use crate::model::{Assessment, Checklist, IndicatorKind, Number, Text};
use crate::report::format::Formatter;
use crate::report::status_key;
use crate::score::Status;
use crate::skeleton::{comment, quote};
use std::fmt::Write;

/// The draft answers file's text, with comments in `lang`.
pub fn draft(
    checklist: &Checklist,
    assessments: &[&Assessment],
    consolidation: &Consolidation,
    lang: &str,
    labels: &Labels,
) -> String {
    let writer = Writer {
        checklist,
        assessments,
        consolidation,
        lang,
        labels,
        fmt: Formatter::new(labels),
    };
    let mut out = String::new();
    writer.header(&mut out);
    for section in checklist.sections() {
        writer.section(&mut out, section, 1);
    }
    out
}

struct Writer<'a> {
    checklist: &'a Checklist,
    assessments: &'a [&'a Assessment],
    consolidation: &'a Consolidation,
    lang: &'a str,
    labels: &'a Labels,
    fmt: Formatter<'a>,
}

impl Writer<'_> {
    fn text<'t>(&self, text: &'t Text) -> &'t str {
        text.get(self.lang, self.checklist.default_language())
    }

    fn header(&self, out: &mut String) {
        let (labels, agreement) = (self.labels, &self.consolidation.agreement);
        let files: Vec<String> = self
            .assessments
            .iter()
            .zip(&self.consolidation.assessors)
            .map(|(a, name)| format!("{} ({name})", a.origin))
            .collect();
        let count = self.assessments.len().to_string();
        comment(
            out,
            "",
            &labels.fill(
                "consolidate_draft_header",
                &[("count", &count), ("files", &files.join(", "))],
            ),
        );
        comment(out, "", labels.get("consolidate_draft_rule"));
        comment(
            out,
            "",
            &format!(
                "{} {}",
                agreement_line(self.consolidation, labels, &self.fmt),
                labels.fill(
                    "consolidate_alpha_line",
                    &[("alpha", &self.fmt.coefficient(agreement.alpha.value))]
                )
            ),
        );
        let disagreements: Vec<&str> = self
            .consolidation
            .disagreements()
            .map(|i| i.id.as_str())
            .collect();
        let list = if disagreements.is_empty() {
            labels.get("none").to_owned()
        } else {
            disagreements.join(", ")
        };
        comment(
            out,
            "",
            &format!("{}: {list}", labels.get("consolidate_disagreements")),
        );
        let first = self.assessments[0];
        let _ = writeln!(out, "checklist: {}", quote(self.checklist.id()));
        let _ = writeln!(out, "checklist_version: {}", quote(self.checklist.version()));
        let _ = writeln!(out, "organisation: {}", text_yaml(first.organisation()));
        let latest = self.assessments.iter().map(|a| a.assessed_on()).max();
        let _ = writeln!(out, "assessed_on: {}", latest.unwrap_or(first.assessed_on()));
        let periods = self.assessments.iter().filter_map(|a| a.period());
        let from = periods.clone().map(|p| p.from).min();
        let to = periods.map(|p| p.to).max();
        if let (Some(from), Some(to)) = (from, to) {
            let _ = writeln!(out, "period: {{from: {from}, to: {to}}}");
        }
        let _ = writeln!(out, "language: {}", quote(self.lang));
        self.scope(out);
        let mut assessors: Vec<&crate::model::answers::Assessor> = Vec::new();
        for assessor in self.assessments.iter().flat_map(|a| a.assessors()) {
            if !assessors.iter().any(|a| a.name == assessor.name) {
                assessors.push(assessor);
            }
        }
        if assessors.is_empty() {
            let _ = writeln!(out, "assessors: []");
        } else {
            let _ = writeln!(out, "assessors:");
        }
        for assessor in assessors {
            let role = assessor
                .role
                .as_deref()
                .map(|r| format!(", role: {}", quote(r)))
                .unwrap_or_default();
            let _ = writeln!(out, "  - {{name: {}{role}}}", quote(&assessor.name));
        }
        let _ = writeln!(out, "answers:");
    }

    /// For a criteria indicator, the criteria ticked by the first assessor whose level is the
    /// draft's (the lower median is always one of the levels given), with that assessor's name.
    fn criteria_at<'s>(
        &'s self,
        indicator: &Indicator,
        consensus: &IndicatorConsensus,
        level: Number,
    ) -> Option<(&'s str, &'s [String])> {
        if indicator.criteria.is_empty() {
            return None;
        }
        self.consolidation
            .assessors
            .iter()
            .zip(self.assessments)
            .zip(&consensus.given)
            .find_map(|((name, assessment), given)| {
                let criteria = assessment.answer(&indicator.id)?.criteria_met.as_deref()?;
                (given.level == Some(level)).then_some((name.as_str(), criteria))
            })
    }

    /// The assessors' scope when they all chose the same one; a comment naming each when not,
    /// for the meeting to settle.
    fn scope(&self, out: &mut String) {
        let first = self.assessments[0].scope();
        if self.assessments.iter().all(|a| a.scope() == first) {
            if !first.is_empty() {
                let ids: Vec<&str> = first.iter().collect();
                let _ = writeln!(out, "scope: [{}]", ids.join(", "));
            }
            return;
        }
        let chosen: Vec<String> = self
            .consolidation
            .assessors
            .iter()
            .zip(self.assessments)
            .map(|(name, a)| format!("{name}: [{}]", a.scope().iter().collect::<Vec<_>>().join(", ")))
            .collect();
        comment(
            out,
            "",
            &self
                .labels
                .fill("consolidate_scopes_differ", &[("scopes", &chosen.join(" · "))]),
        );
    }

    fn section(&self, out: &mut String, section: &Section, depth: usize) {
        let _ = writeln!(out);
        let rule = "=".repeat(4 - depth.min(3));
        comment(
            out,
            "  ",
            &format!("{rule} {} [{}]", self.text(&section.title), section.id),
        );
        for indicator in &section.indicators {
            let consensus = self
                .consolidation
                .indicators
                .iter()
                .find(|c| c.id == indicator.id)
                .expect("every indicator is consolidated");
            self.indicator(out, indicator, consensus);
        }
        for child in &section.sections {
            self.section(out, child, depth + 1);
        }
    }

    fn indicator(&self, out: &mut String, indicator: &Indicator, consensus: &IndicatorConsensus) {
        let labels = self.labels;
        let _ = writeln!(out);
        comment(
            out,
            "  ",
            &format!("{}: {}", indicator.id, self.text(&indicator.text)),
        );
        let answers: Vec<String> = self
            .consolidation
            .assessors
            .iter()
            .zip(&consensus.given)
            .map(|(name, given)| format!("{name} {}", given_text(given, labels)))
            .collect();
        comment(
            out,
            "  ",
            &format!("{}: {}", labels.get("consolidate_answers"), answers.join(" · ")),
        );
        comment(out, "  ", &draft_note(consensus, labels));
        if consensus.disagreement {
            let steps = consensus.steps.unwrap_or_default().to_string();
            comment(
                out,
                "  ",
                &labels.fill("consolidate_disagreement_note", &[("steps", &steps)]),
            );
        }
        let answers: Vec<(&str, &crate::model::Answer)> = self
            .consolidation
            .assessors
            .iter()
            .zip(self.assessments)
            .filter_map(|(name, a)| a.answer(&indicator.id).map(|answer| (name.as_str(), answer)))
            .collect();
        let actions: Vec<(&str, &Action)> = answers
            .iter()
            .filter_map(|(name, a)| a.action.as_deref().map(|action| (*name, action)))
            .collect();
        let agreed_action = actions
            .first()
            .filter(|(_, first)| actions.iter().all(|(_, a)| same_words(&a.text, &first.text)));
        if agreed_action.is_none() && !actions.is_empty() {
            let proposals: Vec<String> = actions
                .iter()
                .map(|(name, a)| format!("{name}: {}", a.text))
                .collect();
            comment(
                out,
                "  ",
                &format!(
                    "{}: {}",
                    labels.get("consolidate_actions_differ"),
                    proposals.join(" | ")
                ),
            );
        }
        if consensus.draft.status == Status::OutOfScope {
            return;
        }
        let _ = writeln!(out, "  {}:", indicator.id);
        match consensus.draft {
            Given {
                status: Status::Scored,
                level: Some(level),
            } => {
                if let Some((name, criteria)) = self.criteria_at(indicator, consensus, level) {
                    comment(
                        out,
                        "    ",
                        &self.labels.fill("consolidate_criteria_of", &[("name", name)]),
                    );
                    let _ = writeln!(out, "    criteria_met: [{}]", criteria.join(", "));
                } else {
                    let key = if indicator.kind == IndicatorKind::Number {
                        "value"
                    } else {
                        "level"
                    };
                    let _ = writeln!(out, "    {key}: {level}");
                }
            }
            Given {
                status: status @ (Status::NotApplicable | Status::NotEnoughInformation),
                ..
            } => {
                let _ = writeln!(out, "    status: {}", status_key(status));
            }
            Given { .. } => {
                let _ = writeln!(out, "    level: ~");
            }
        }
        let comments: Vec<String> = answers
            .iter()
            .filter_map(|(name, a)| {
                let text = a.comment.as_deref()?.trim();
                (!text.is_empty()).then(|| format!("{name}: {text}"))
            })
            .collect();
        if !comments.is_empty() {
            let _ = writeln!(out, "    comment: {}", multiline(&comments.join("\n"), "      "));
        }
        let mut evidence: Vec<&Evidence> = Vec::new();
        for item in answers.iter().flat_map(|(_, a)| &a.evidence) {
            let same =
                |e: &&Evidence| e.title == item.title && e.date == item.date && e.reference == item.reference;
            if !evidence.iter().any(same) {
                evidence.push(item);
            }
        }
        if !evidence.is_empty() {
            let _ = writeln!(out, "    evidence:");
            for item in evidence {
                let _ = writeln!(out, "      - title: {}", quote(&item.title));
                if let Some(date) = item.date {
                    let _ = writeln!(out, "        date: {date}");
                }
                if let Some(reference) = &item.reference {
                    let _ = writeln!(out, "        ref: {}", text_yaml(reference));
                }
                if item.kind != EvidenceKind::Record {
                    let _ = writeln!(out, "        kind: {}", item.kind.key());
                }
            }
        }
        if let Some((_, action)) = agreed_action {
            let _ = writeln!(out, "    action:");
            let _ = writeln!(out, "      text: {}", quote(&action.text));
            if let Some(owner) = &action.owner {
                let _ = writeln!(out, "      owner: {}", quote(owner));
            }
            if let Some(due) = action.due {
                let _ = writeln!(out, "      due: {due}");
            }
        }
    }
}

/// "Exact agreement: 2 of 3 indicators (66.7%)."
pub fn agreement_line(consolidation: &Consolidation, labels: &Labels, fmt: &Formatter) -> String {
    let agreement = &consolidation.agreement;
    labels.fill(
        "consolidate_agreement_line",
        &[
            ("exact", &agreement.exact.to_string()),
            ("compared", &agreement.compared.to_string()),
            ("share", &fmt.percent(agreement.exact_share)),
        ],
    )
}

/// "3", "not applicable", "unanswered".
pub fn given_text(given: &Given, labels: &Labels) -> String {
    match given.level {
        Some(level) => level.to_string(),
        None => labels
            .get(&format!("status_{}", status_key(given.status)))
            .to_lowercase(),
    }
}

/// How the draft answer was reached: "Draft: 2 (lower median of 1, 2, 3); spread 2".
pub fn draft_note(consensus: &IndicatorConsensus, labels: &Labels) -> String {
    let total = consensus.given.len().to_string();
    let levels: Vec<String> = {
        let mut levels: Vec<Number> = consensus.given.iter().filter_map(|g| g.level).collect();
        levels.sort_unstable();
        levels.iter().map(Number::to_string).collect()
    };
    match consensus.draft {
        Given {
            status: Status::Scored,
            level: Some(level),
        } => labels.fill(
            "consolidate_draft_median",
            &[
                ("level", &level.to_string()),
                ("levels", &levels.join(", ")),
                ("spread", &consensus.spread.unwrap_or_default().to_string()),
            ],
        ),
        Given { status, .. }
            if consensus.given.iter().filter(|g| g.status == status).count() * 2 > consensus.given.len() =>
        {
            let count = consensus
                .given
                .iter()
                .filter(|g| g.status == status)
                .count()
                .to_string();
            labels.fill(
                "consolidate_draft_majority",
                &[
                    ("status", &given_text(&consensus.draft, labels)),
                    ("count", &count),
                    ("total", &total),
                ],
            )
        }
        Given { .. } => labels.get("consolidate_draft_no_majority").to_owned(),
    }
}

/// A text of several lines as a YAML literal block (`|-`) that reads as written, one line per
/// line; a quoted string when the text has a single line, or characters a block cannot hold
/// as they are (control characters, line separators, lines that start or end with spaces).
fn multiline(text: &str, indent: &str) -> String {
    let plain_lines = text.lines().all(|line| {
        !line.starts_with([' ', '\t'])
            && !line.ends_with([' ', '\t'])
            && !line.is_empty()
            && !line
                .chars()
                .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}'))
    });
    if !text.contains('\n') || !plain_lines {
        return quote(text);
    }
    let mut block = "|-".to_owned();
    for line in text.lines() {
        block.push('\n');
        block.push_str(indent);
        block.push_str(line);
    }
    block
}

/// A text as YAML: a quoted string, or a flow mapping of quoted translations.
fn text_yaml(text: &Text) -> String {
    match text {
        Text::Plain(text) => quote(text),
        Text::Translated(map) => {
            let pairs: Vec<String> = map
                .iter()
                .map(|(lang, text)| format!("{}: {}", quote(lang), quote(text)))
                .collect();
            format!("{{{}}}", pairs.join(", "))
        }
    }
}
