//! `oversight init`: an answers file to fill in, listing every indicator of a checklist.
//!
//! Each indicator appears with its code, title, text, guidance, expected evidence and scale
//! levels (or criteria, or a number's unit and points) as comments, and `level: ~` (or
//! `criteria_met: ~`, `value: ~`), so the skeleton validates as it is (every indicator
//! unanswered). Informational items are comments at their place. With a scope, the skeleton
//! names it and leaves out the indicators outside it.

use crate::i18n::Labels;
use crate::model::checklist::{Indicator, Section};
use crate::model::{Checklist, Child, Date, Info, ScopeIds, Text};
use std::fmt::Write;

/// The skeleton's YAML text, in `lang`, dated `today`, for the scope `scope` (empty: the whole
/// checklist).
pub fn skeleton(checklist: &Checklist, lang: &str, labels: &Labels, today: Date, scope: &ScopeIds) -> String {
    let writer = Writer {
        checklist,
        lang,
        labels,
        scope,
    };
    let mut out = String::new();
    writer.header(&mut out, today);
    for section in checklist.sections() {
        writer.section(&mut out, section, 1);
    }
    out
}

struct Writer<'a> {
    checklist: &'a Checklist,
    lang: &'a str,
    labels: &'a Labels,
    scope: &'a ScopeIds,
}

impl Writer<'_> {
    fn text<'t>(&self, text: &'t Text) -> &'t str {
        text.get(self.lang, self.checklist.default_language())
    }

    fn header(&self, out: &mut String, today: Date) {
        let checklist = self.checklist;
        let title = self.labels.fill(
            "init_header",
            &[
                ("title", self.text(checklist.title())),
                ("id", checklist.id()),
                ("version", checklist.version()),
            ],
        );
        comment(out, "", &title);
        comment(out, "", self.labels.get("init_how"));
        if checklist.indicators().iter().any(|i| !i.criteria.is_empty()) {
            comment(out, "", self.labels.get("init_how_criteria"));
        }
        self.examples(out);
        let _ = writeln!(out, "checklist: {}", quote(checklist.id()));
        let _ = writeln!(out, "checklist_version: {}", quote(checklist.version()));
        let _ = writeln!(
            out,
            "organisation: {}",
            quote(self.labels.get("init_organisation"))
        );
        let _ = writeln!(out, "assessed_on: {today}");
        let _ = writeln!(out, "language: {}", quote(self.lang));
        if !self.scope.is_empty() {
            let outside = checklist
                .indicators()
                .into_iter()
                .filter(|i| !checklist.in_scope(i, self.scope))
                .count();
            let count = outside.to_string();
            comment(out, "", &self.labels.fill("init_scope", &[("count", &count)]));
            let values: Vec<String> = self.scope.iter().map(quote).collect();
            let _ = writeln!(out, "scope: [{}]", values.join(", "));
        }
        let _ = writeln!(out, "assessors: []");
        let _ = writeln!(out, "answers:");
    }

    /// How to write the optional parts of an answer: evidence and an action, then what an
    /// auditor adds. The example lines validate once uncommented under an indicator.
    fn examples(&self, out: &mut String) {
        comment(out, "", self.labels.get("init_evidence_and_action"));
        example(out, EVIDENCE_EXAMPLE);
        example(out, ACTION_EXAMPLE);
        comment(out, "", self.labels.get("init_review_and_exception"));
        example(out, &self.review_example());
        example(out, EXCEPTION_EXAMPLE);
    }

    /// A review that rates the indicator the way its answers do: by a level, or, in a
    /// checklist whose every indicator has criteria, by the first indicator's first criteria.
    fn review_example(&self) -> String {
        let indicators = self.checklist.indicators();
        let criteria = indicators.first().map(|i| &i.criteria);
        match criteria.filter(|_| indicators.iter().all(|i| !i.criteria.is_empty())) {
            Some(criteria) => {
                let ids: Vec<&str> = criteria.iter().take(2).map(|c| c.id.as_str()).collect();
                REVIEW_EXAMPLE.replace("level: 2", &format!("criteria_met: [{}]", ids.join(", ")))
            }
            None => REVIEW_EXAMPLE.to_owned(),
        }
    }

    fn section(&self, out: &mut String, section: &Section, depth: usize) {
        let _ = writeln!(out);
        let rule = "=".repeat(4 - depth.min(3));
        let code = match &section.ref_id {
            Some(code) if *code != section.id => format!("{code} "),
            _ => String::new(),
        };
        comment(
            out,
            "  ",
            &format!("{rule} {code}{} [{}]", self.text(&section.title), section.id),
        );
        if let Some(own) = &section.assessable {
            self.indicator(out, own);
        }
        for child in section.children() {
            match child {
                Child::Indicator(indicator) => self.indicator(out, indicator),
                Child::Section(sub) => self.section(out, sub, depth + 1),
                Child::Info(info) => self.info(out, info),
            }
        }
    }

    /// An informational item, as a comment.
    fn info(&self, out: &mut String, info: &Info) {
        if !self.checklist.info_in_scope(info, self.scope) {
            return;
        }
        let _ = writeln!(out);
        let heading = [
            info.ref_id.clone(),
            info.title.as_ref().map(|t| self.text(t).to_owned()),
        ];
        let heading: Vec<String> = heading.into_iter().flatten().collect();
        if !heading.is_empty() {
            comment(out, "  ", &heading.join(" "));
        }
        comment(out, "  ", self.text(&info.text));
    }

    fn indicator(&self, out: &mut String, indicator: &Indicator) {
        if !self.checklist.in_scope(indicator, self.scope) {
            return;
        }
        let labels = self.labels;
        let _ = writeln!(out);
        let critical = if indicator.critical {
            format!(" ({})", labels.get("init_critical"))
        } else {
            String::new()
        };
        let code = match &indicator.ref_id {
            Some(code) if *code != indicator.id => format!(" {code}"),
            _ => String::new(),
        };
        let title = indicator
            .title
            .as_ref()
            .map(|t| format!("{}. ", self.text(t)))
            .unwrap_or_default();
        comment(
            out,
            "  ",
            &format!(
                "{}{code}{critical}: {title}{}",
                indicator.id,
                self.text(&indicator.text)
            ),
        );
        if let Some(rationale) = indicator.rationale.as_ref().filter(|_| indicator.critical) {
            comment(
                out,
                "  ",
                &format!("{}: {}", labels.get("init_rationale"), self.text(rationale)),
            );
        }
        if let Some(guidance) = &indicator.guidance {
            comment(
                out,
                "  ",
                &format!("{}: {}", labels.get("init_guidance"), self.text(guidance)),
            );
        }
        if !indicator.evidence.is_empty() {
            let items: Vec<&str> = indicator.evidence.iter().map(|e| self.text(e)).collect();
            comment(
                out,
                "  ",
                &format!("{}: {}", labels.get("init_evidence"), items.join("; ")),
            );
        }
        let key = self.answer_key(out, indicator);
        let _ = writeln!(out, "  {}:", key_text(&indicator.id));
        let _ = writeln!(out, "    {key}: ~");
        let _ = writeln!(out, "    comment: \"\"");
    }

    /// Comments on how the indicator is answered (its scale's levels, its criteria, or its
    /// number's unit and points), and the key that answers it.
    fn answer_key(&self, out: &mut String, indicator: &Indicator) -> &'static str {
        let labels = self.labels;
        let Some(scale) = self.checklist.scale_of(indicator) else {
            let unit = indicator.unit.as_ref().map(|u| format!(" ({})", self.text(u)));
            let points: Vec<String> = indicator
                .points
                .iter()
                .map(|p| format!("{} → {}", p.at, p.points))
                .collect();
            comment(
                out,
                "  ",
                &format!(
                    "{}{}: {} {}",
                    labels.get("init_number"),
                    unit.unwrap_or_default(),
                    labels.get("init_points"),
                    points.join(" | ")
                ),
            );
            return "value";
        };
        // Levels named by their own values (a converted 0-100 score) read as their range.
        let bare = scale
            .levels
            .iter()
            .all(|l| l.code.is_none() && self.text(&l.label) == l.value.to_string());
        let levels = if bare {
            labels.fill(
                "init_whole_numbers",
                &[
                    ("min", &scale.lowest().to_string()),
                    ("max", &scale.highest().to_string()),
                ],
            )
        } else {
            let named: Vec<String> = scale
                .levels
                .iter()
                .map(|l| match &l.code {
                    Some(code) => format!("{code} ({}) = {}", l.value, self.text(&l.label)),
                    None => format!("{} = {}", l.value, self.text(&l.label)),
                })
                .collect();
            named.join(" | ")
        };
        comment(
            out,
            "  ",
            &format!(
                "{} `{}`: {}",
                labels.get("init_scale"),
                indicator.scale.as_deref().unwrap_or_default(),
                levels
            ),
        );
        if indicator.criteria.is_empty() {
            return "level";
        }
        let criteria: Vec<String> = indicator
            .criteria
            .iter()
            .map(|c| format!("{} = {}", c.id, self.text(&c.text)))
            .collect();
        comment(
            out,
            "  ",
            &format!("{}: {}", labels.get("init_criteria"), criteria.join(" | ")),
        );
        for rule in &indicator.levels_from_criteria {
            if let Some(description) = &rule.description {
                let level = labels.fill("init_level", &[("level", &rule.level.to_string())]);
                comment(out, "  ", &format!("{level}: {}", self.text(description)));
            }
        }
        "criteria_met"
    }
}

const EVIDENCE_EXAMPLE: &str = r#"evidence: [{title: "...", date: 2026-03-01, ref: "https://..."}]"#;
const ACTION_EXAMPLE: &str = r#"action: {text: "...", owner: "...", due: 2027-03-31}"#;
const REVIEW_EXAMPLE: &str = r#"review: {level: 2, comment: "...", reviewer: "...", date: 2026-12-15}"#;
const EXCEPTION_EXAMPLE: &str = r#"exception: {reason: "...", approved_by: "...", expires: 2027-06-30}"#;

/// One line of example YAML as a comment, indented as under an indicator and never wrapped.
fn example(out: &mut String, line: &str) {
    let _ = writeln!(out, "#     {line}");
}

/// Writes `text` as `#` comment lines, wrapped near 100 columns.
pub(crate) fn comment(out: &mut String, indent: &str, text: &str) {
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + word.chars().count() > 96 {
            let _ = writeln!(out, "{indent}# {line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    let _ = writeln!(out, "{indent}# {line}");
}

/// An id as a YAML key: quoted when a YAML reader could take it for a number or a constant
/// (`1.10`, `true`), as it is when it starts with a digit.
fn key_text(id: &str) -> String {
    let constant = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"]
        .iter()
        .any(|c| id.eq_ignore_ascii_case(c));
    if constant || id.starts_with(|c: char| c.is_ascii_digit()) {
        quote(id)
    } else {
        id.to_owned()
    }
}

/// A YAML double-quoted scalar (JSON string syntax is valid YAML), with the characters that
/// YAML would read as line ends written as escapes, so that the value reads back unchanged.
pub(crate) fn quote(text: &str) -> String {
    crate::render::json::escape_invisible(serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned()))
}
