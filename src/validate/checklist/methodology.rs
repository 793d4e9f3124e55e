//! The methodology rules of the scoring block: the overall method, rounding (and the bands it
//! must not jump over), grade lists and conversion tables, and which of them sections use.

use super::Rules;
use crate::model::Number;
use crate::model::checklist::all_sections;
use crate::model::grades::Grade;
use crate::model::rounding::{MAX_DIGITS, Rounding};
use crate::model::table::Table;
use crate::validate::Hint;
use std::collections::HashSet;

impl Rules<'_, '_> {
    pub(super) fn methodology(&mut self) {
        let scoring = &self.doc.scoring;
        if scoring.method.uses_values() {
            self.f
                .error(
                    "method-not-for-overall",
                    "scoring.method",
                    format!(
                        "`{}` combines values, which the overall score cannot do",
                        scoring.method.name()
                    ),
                )
                .hint("give it to the sections that need it (`method:` of a section); the overall score takes `weighted-mean`, `mean`, `min` or `none`");
        }
        if let Some(rounding) = scoring.rounding {
            self.rounding(rounding);
        }
        for (name, grades) in scoring.grades.iter() {
            self.grades(name, grades);
        }
        for (name, table) in scoring.tables.iter() {
            self.table(name, table);
        }
        self.unused_lists();
    }

    fn rounding(&mut self, rounding: Rounding) {
        if rounding.digits > MAX_DIGITS {
            self.f
                .error(
                    "out-of-range",
                    "scoring.rounding.digits",
                    format!("`{}` decimal places is more than {MAX_DIGITS}", rounding.digits),
                )
                .hint("round to 0 (whole numbers) up to 6 decimal places");
            return;
        }
        let step = rounding.step();
        for (i, pair) in self.doc.scoring.bands.windows(2).enumerate() {
            let gap = Number::from_f64(pair[1].min).minus(Number::from_f64(pair[0].min));
            if gap < step {
                self.f
                    .error(
                        "bands-finer-than-rounding",
                        &format!("scoring.bands[{}].min", i + 1),
                        format!(
                            "band minimum `{}` is less than one rounding step (`{step}`) above the previous minimum `{}`",
                            pair[1].min, pair[0].min
                        ),
                    )
                    .hint("rounding could then jump over a whole band: space the bands at least one step apart, or round to more digits");
            }
        }
    }

    fn grades(&mut self, name: &str, grades: &[Grade]) {
        let path = format!("scoring.grades[{name}]");
        if grades.len() < 2 {
            self.f
                .error(
                    "too-few-grades",
                    &path,
                    format!("the grade list `{name}` has {} grade(s)", grades.len()),
                )
                .hint("a grade list needs at least two grades, lowest first");
        }
        let values: Vec<(String, Number)> = grades
            .iter()
            .enumerate()
            .map(|(i, g)| (format!("{path}[{i}].value"), g.value))
            .collect();
        self.increasing(
            "grades-not-increasing",
            &values,
            "grade value",
            "list the grades from lowest to highest, each value greater than the one before",
        );
        let mut codes = HashSet::new();
        for (i, grade) in grades.iter().enumerate() {
            self.magnitude(&format!("{path}[{i}].value"), grade.value);
            if grade.code.trim().is_empty() {
                self.f.error(
                    "empty-value",
                    &format!("{path}[{i}].code"),
                    "the grade code is empty",
                );
            } else if !codes.insert(grade.code.as_str()) {
                self.f.error(
                    "duplicate-grade-code",
                    &format!("{path}[{i}].code"),
                    format!(
                        "the code `{}` is used twice in the grade list `{name}`",
                        grade.code
                    ),
                );
            }
            self.optional_text(&format!("{path}[{i}].label"), grade.label.as_ref());
        }
    }

    fn table(&mut self, name: &str, table: &Table) {
        for row in &table.rows {
            let path = format!("scoring.tables[{name}][{}]", row.count);
            if row.count == 0 {
                self.f
                    .error(
                        "bad-table-row",
                        &path,
                        "a row for 0 children: a section without scored children has no score",
                    )
                    .hint("start the rows at 2 children (1 child gives its own value unless a row `1` says otherwise)");
            }
            for (sum, value) in &row.entries {
                self.magnitude(&format!("{path}[{sum}]"), *sum);
                self.magnitude(&format!("{path}[{sum}]"), *value);
            }
        }
    }

    /// A warning for each grade list and each table that no section uses.
    fn unused_lists(&mut self) {
        let sections = all_sections(&self.doc.sections);
        let grades: HashSet<&str> = sections.iter().filter_map(|s| s.grade.as_deref()).collect();
        let tables: HashSet<&str> = sections
            .iter()
            .filter_map(|s| match s.method.as_ref() {
                Some(crate::model::Method::Table(name)) => Some(name.as_str()),
                _ => None,
            })
            .collect();
        let scoring = &self.doc.scoring;
        for name in scoring.grades.keys().filter(|n| !grades.contains(n)) {
            self.f.warning(
                "unused-grades",
                &format!("scoring.grades[{name}]"),
                format!("no section has `grade: {name}`"),
            );
        }
        for name in scoring.tables.keys().filter(|n| !tables.contains(n)) {
            self.f.warning(
                "unused-table",
                &format!("scoring.tables[{name}]"),
                format!("no section has `method: {{table: {name}}}`"),
            );
        }
    }
}
