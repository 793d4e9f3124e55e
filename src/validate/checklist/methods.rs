//! The rules of a section's method: its table and grade list exist, its keys suit its method,
//! its ranges are ordered and cover every possible sum, its children have the values its method
//! combines (grades for `weakest-link`, table entries for every possible count and sum), and
//! `none` and `pool` are used where they mean something.

use super::Rules;
use super::values::ValueSet;
use crate::model::grades::{Grade, grade_after};
use crate::model::points::points_range;
use crate::model::ranges::Range;
use crate::model::table::Table;
use crate::model::unique_map::UniqueMap;
use crate::model::{Indicator, Method, Number, Section};
use crate::validate::Hint;

/// The most children for which a table's entries are checked count by count.
const TABLE_CHECK_LIMIT: usize = 64;

/// A reference to a named list of the scoring block, for the diagnostic when it is unknown.
struct Named {
    code: &'static str,
    path: String,
    /// "conversion table", "grade list".
    what: &'static str,
    /// Its key under `scoring`.
    key: &'static str,
}

/// A child as its parent's method sees it: pooled sub-sections are opened up.
struct Member<'a> {
    path: String,
    node: Node<'a>,
}

enum Node<'a> {
    Indicator(&'a Indicator),
    Section(&'a Section),
}

/// The children a section's method combines, with their paths.
fn members<'a>(path: &str, section: &'a Section) -> Vec<Member<'a>> {
    let mut out: Vec<Member> = section
        .indicators
        .iter()
        .map(|i| Member {
            path: format!("{path}.{}[{}]", section.child_key(false), i.id),
            node: Node::Indicator(i),
        })
        .collect();
    for sub in &section.sections {
        let sub_path = format!("{path}.{}[{}]", section.child_key(true), sub.id);
        if sub.pool {
            out.extend(members(&sub_path, sub));
        } else {
            out.push(Member {
                path: sub_path,
                node: Node::Section(sub),
            });
        }
    }
    out
}

/// Up to ten values, "1, 2, 3", then "…".
fn listed(values: impl IntoIterator<Item = String>) -> String {
    let values: Vec<String> = values.into_iter().collect();
    let mut text = values.iter().take(10).cloned().collect::<Vec<_>>().join(", ");
    if values.len() > 10 {
        text.push_str(", …");
    }
    text
}

/// "the sum 13", or "the sums between 3 and 4.5" for a stretch of values.
fn stretch(noun: &str, (low, high): (Number, Number)) -> String {
    if low == high {
        format!("the {noun} {low}")
    } else {
        format!("the {noun}s between {low} and {high}")
    }
}

impl<'d> Rules<'_, 'd> {
    pub(super) fn section_method(&mut self, path: &str, section: &Section, parent_method: &Method) {
        let scoring = &self.doc.scoring;
        let method = section.method.as_ref().unwrap_or(&scoring.method);
        let table = match method {
            Method::Table(name) => self.known_table(path, name),
            _ => None,
        };
        let grades = self.known_grades(path, section);
        self.keys_for_method(path, section, method);
        let ranges_ordered = self.ranges_order(path, &section.ranges);
        self.placement(path, section, method, parent_method);
        if !method.uses_values() {
            return;
        }
        let members = members(path, section);
        let mut sets = Vec::new();
        for member in &members {
            match self.value_set(&member.node) {
                Some(set) => sets.push(set),
                None => {
                    self.f
                        .error(
                            "child-without-value",
                            &member.path,
                            format!(
                                "`{}` combines values, and this section has no value: its method combines scores",
                                method.name()
                            ),
                        )
                        .hint("give it a method with a value (`weakest-link`, `{table: NAME}`, `sum`), or pool it (`pool: true`)");
                }
            }
        }
        if sets.len() < members.len() {
            return;
        }
        match method {
            Method::WeakestLink => self.weakest_link(path, section, grades, &members, &sets),
            Method::Table(name) => {
                if let Some(table) = table {
                    self.table_coverage(path, section, (name, table), grades, &members, &sets);
                }
            }
            Method::Sum if ranges_ordered => self.sum_coverage(path, section, grades, &sets),
            _ => {}
        }
    }

    fn known_table(&mut self, path: &str, name: &str) -> Option<&'d Table> {
        let tables = &self.doc.scoring.tables;
        let reference = Named {
            code: "unknown-table",
            path: format!("{path}.method"),
            what: "conversion table",
            key: "tables",
        };
        self.known(reference, name, tables)
    }

    fn known_grades(&mut self, path: &str, section: &Section) -> Option<&'d [Grade]> {
        let name = section.grade.as_deref()?;
        let grades = &self.doc.scoring.grades;
        let reference = Named {
            code: "unknown-grades",
            path: format!("{path}.grade"),
            what: "grade list",
            key: "grades",
        };
        self.known(reference, name, grades).map(Vec::as_slice)
    }

    /// The entry `name` of a named list of the scoring block; reports it when there is none.
    fn known<T>(&mut self, reference: Named, name: &str, lists: &'d UniqueMap<T>) -> Option<&'d T> {
        let found = lists.get(name);
        if found.is_none() {
            let Named {
                code,
                path,
                what,
                key,
            } = reference;
            let diagnostic = self.f.error(code, &path, format!("no {what} is named `{name}`"));
            if lists.is_empty() {
                diagnostic.hint(format!("define it under `scoring.{key}`"));
            } else {
                diagnostic.hint(format!(
                    "expected one of {}",
                    crate::validate::quoted_list(lists.keys())
                ));
            }
        }
        found
    }

    /// `grade`, `ranges` and `value_scale` only where the method uses them.
    fn keys_for_method(&mut self, path: &str, section: &Section, method: &Method) {
        let misplaced = |key: &str, wanted: &str| {
            (
                format!("`{key}` does nothing under `method: {}`", method.name()),
                format!("`{key}` applies to {wanted}; remove it or change the method"),
            )
        };
        let mut refuse = |key: &str, wanted: &str| {
            let (message, hint) = misplaced(key, wanted);
            self.f
                .error("key-not-for-method", &format!("{path}.{key}"), message)
                .hint(hint);
        };
        if section.grade.is_some() && !method.uses_values() {
            refuse("grade", "`weakest-link`, `{table: NAME}` and `sum`");
        }
        if !section.ranges.is_empty() && *method != Method::Sum {
            refuse("ranges", "`sum`");
        }
        if section.value_scale.is_some() && !method.uses_values() {
            refuse("value_scale", "`weakest-link`, `{table: NAME}` and `sum`");
        }
        if *method == Method::WeakestLink && section.grade.is_none() {
            self.f
                .error(
                    "missing-grade",
                    path,
                    "`weakest-link` gives a grade, and the section names no grade list",
                )
                .hint("add `grade: NAME` with a list under `scoring.grades`");
        }
        if let Some(scale) = section.value_scale {
            self.magnitude(&format!("{path}.value_scale.min"), scale.min);
            self.magnitude(&format!("{path}.value_scale.max"), scale.max);
            if scale.min >= scale.max {
                self.bounds_reversed(&format!("{path}.value_scale"), scale.min, scale.max);
            }
        }
    }

    pub(super) fn bounds_reversed(&mut self, path: &str, min: Number, max: Number) {
        self.f
            .error(
                "bounds-reversed",
                path,
                format!("`min` ({min}) is not below `max` ({max})"),
            )
            .hint("give the lowest value as `min` and the highest as `max`");
    }

    /// Reports ranges out of order; whether they are in order (coverage is checked only then).
    fn ranges_order(&mut self, path: &str, ranges: &[Range]) -> bool {
        let mut ordered = true;
        for (i, range) in ranges.iter().enumerate() {
            let at = format!("{path}.ranges[{i}]");
            for (key, value) in [("min", range.min), ("max", range.max), ("value", range.value)] {
                self.magnitude(&format!("{at}.{key}"), value);
            }
            if range.min > range.max {
                ordered = false;
                self.f
                    .error(
                        "ranges-not-increasing",
                        &at,
                        format!(
                            "the range starts at {} and ends before, at {}",
                            range.min, range.max
                        ),
                    )
                    .hint("write each range as `{min: LOW, max: HIGH, value: V}` with LOW at most HIGH");
            }
            if let Some(previous) = i.checked_sub(1).map(|p| ranges[p])
                && range.min <= previous.max
            {
                ordered = false;
                self.f
                    .error(
                        "ranges-not-increasing",
                        &format!("{at}.min"),
                        format!(
                            "the range starts at {}, not after the previous range's end {}",
                            range.min, previous.max
                        ),
                    )
                    .hint("list the ranges from lowest to highest, without overlaps");
            }
        }
        ordered
    }

    /// `none` under a parent that aggregates, and `pool` under one that does not.
    fn placement(&mut self, path: &str, section: &Section, method: &Method, parent: &Method) {
        if !method.aggregates() && !section.pool && parent.aggregates() {
            self.f
                .error(
                    "unaggregated-child",
                    &format!("{path}.method"),
                    format!(
                        "the section has no score (`method: none`), and its parent combines its children by `{}`",
                        parent.name()
                    ),
                )
                .hint("give the section a method, or `pool: true` so that its children count in the parent directly");
        }
        if section.pool && !parent.aggregates() {
            self.f.warning(
                "pool-ignored",
                &format!("{path}.pool"),
                "the parent has `method: none`, so nothing takes this section's children",
            );
        }
    }

    /// The values a node can give its parent; `None` for a section whose method combines scores.
    fn value_set(&self, node: &Node) -> Option<ValueSet> {
        let doc = self.doc;
        match node {
            Node::Indicator(indicator) => Some(match indicator.scale.as_deref() {
                Some(name) => ValueSet::points(doc.scales.get(name)?.levels.iter().map(|l| l.value)),
                None => {
                    let (low, high) = points_range(&indicator.points);
                    ValueSet::interval(low, high)
                }
            }),
            Node::Section(section) => {
                let method = section.method.as_ref().unwrap_or(&doc.scoring.method);
                let grades = section.grade.as_deref().and_then(|g| doc.scoring.grades.get(g));
                if let Some(grades) = grades {
                    return method
                        .uses_values()
                        .then(|| ValueSet::points(grades.iter().map(|g| g.value)));
                }
                let inner = || -> Option<Vec<ValueSet>> {
                    members("", section)
                        .iter()
                        .map(|m| self.value_set(&m.node))
                        .collect()
                };
                match method {
                    Method::Table(name) => {
                        let table = doc.scoring.tables.get(name)?;
                        let entries = ValueSet::points(
                            table.rows.iter().flat_map(|r| r.entries.iter().map(|(_, v)| *v)),
                        );
                        Some(match table.row(1) {
                            Some(_) => entries,
                            None => inner()?.iter().fold(entries, |all, set| all.union(set)),
                        })
                    }
                    Method::Sum if !section.ranges.is_empty() => {
                        Some(ValueSet::points(section.ranges.iter().map(|r| r.value)))
                    }
                    Method::Sum => Some(self.round(ValueSet::subset_sums(&inner()?))),
                    _ => None,
                }
            }
        }
    }

    fn round(&self, set: ValueSet) -> ValueSet {
        match self.doc.scoring.rounding {
            Some(rounding) => set.rounded(rounding),
            None => set,
        }
    }

    /// Every child's values are grades, and a lowest value with others above it has a grade
    /// strictly between it and the next value a child can have (its "+").
    fn weakest_link(
        &mut self,
        path: &str,
        section: &Section,
        grades: Option<&[Grade]>,
        members: &[Member],
        sets: &[ValueSet],
    ) {
        let Some(grades) = grades else { return };
        let mut all = ValueSet::default();
        for (member, set) in members.iter().zip(sets) {
            if !self.values_are_grades(&member.path, set, grades, section) {
                return;
            }
            all = all.union(set);
        }
        let values = all.values();
        for pair in values.windows(2) {
            let plus = grade_after(grades, pair[0]);
            if plus.is_none_or(|g| g.value >= pair[1]) {
                let code = grades
                    .iter()
                    .find(|g| g.value == pair[0])
                    .map_or("", |g| g.code.as_str());
                let half = pair[0].plus(pair[1]).divided_by(Number::from(2)).normalized();
                self.f
                    .error(
                        "missing-plus-grade",
                        &format!("{path}.grade"),
                        format!(
                            "the grade list has no grade between {code} ({}) and the next value a child can have ({}), for a lowest {code} with a higher child",
                            pair[0], pair[1]
                        ),
                    )
                    .hint(format!(
                        "add the grade half a step up to the list, such as `{{value: {half}, code: {code}+}}`"
                    ));
            }
        }
    }

    /// Reports the first value of `set` that is not a grade of the section's list; whether
    /// every value is one.
    fn values_are_grades(&mut self, path: &str, set: &ValueSet, grades: &[Grade], section: &Section) -> bool {
        let cover: Vec<(Number, Number)> = grades.iter().map(|g| (g.value, g.value)).collect();
        let Some(outside) = set.first_outside(&cover) else {
            return true;
        };
        self.f
            .error(
                "value-not-a-grade",
                path,
                format!(
                    "the grade list `{}` of the section `{}` has no grade for {}",
                    section.grade.as_deref().unwrap_or_default(),
                    section.id,
                    stretch("value", outside)
                ),
            )
            .hint(format!(
                "the grades have the values {}",
                listed(grades.iter().map(|g| format!("{} ({})", g.value, g.code)))
            ));
        false
    }

    /// A row for every possible count of children, an entry for every possible sum, and
    /// entries that are grades (or 0-100 scores without a grade list).
    fn table_coverage(
        &mut self,
        path: &str,
        section: &Section,
        (name, table): (&str, &Table),
        grades: Option<&[Grade]>,
        members: &[Member],
        sets: &[ValueSet],
    ) {
        let at = format!("{path}.method");
        let missing: Vec<String> = (2..=members.len() as u64)
            .filter(|n| table.row(*n).is_none())
            .map(|n| n.to_string())
            .collect();
        if !missing.is_empty() {
            self.f
                .error(
                    "missing-table-row",
                    &at,
                    format!(
                        "the table `{name}` has no row for {} scored children, which this section can have",
                        listed(missing)
                    ),
                )
                .hint("add the rows under `scoring.tables`, one per number of children from 2 up");
        }
        for row in &table.rows {
            for (sum, value) in &row.entries {
                let entry = format!("scoring.tables[{name}][{}][{sum}]", row.count);
                self.result_value(&entry, *value, grades, section);
            }
        }
        if table.row(1).is_none() {
            for (member, set) in members.iter().zip(sets) {
                self.result_set(&member.path, set, grades, section);
            }
        }
        if members.len() > TABLE_CHECK_LIMIT {
            return;
        }
        let by_count = ValueSet::sums_by_count(sets);
        for (count, sums) in by_count.iter().enumerate().skip(2) {
            let Some(row) = table.row(count as u64) else {
                continue;
            };
            let cover: Vec<(Number, Number)> = row.entries.iter().map(|(s, _)| (*s, *s)).collect();
            if let Some(outside) = self.round(sums.clone()).first_outside(&cover) {
                self.f
                    .error(
                        "missing-table-entry",
                        &at,
                        format!(
                            "the row {count} of the table `{name}` has no entry for {} of {count} children of this section",
                            stretch("sum", outside)
                        ),
                    )
                    .hint("list every sum the children can reach in the row, each with its result");
            }
        }
    }

    /// A table entry is a grade of the section's list, or a 0-100 score without one.
    fn result_value(&mut self, path: &str, value: Number, grades: Option<&[Grade]>, section: &Section) {
        self.result_set(path, &ValueSet::points([value]), grades, section);
    }

    fn result_set(&mut self, path: &str, set: &ValueSet, grades: Option<&[Grade]>, section: &Section) {
        match grades {
            Some(grades) => {
                self.values_are_grades(path, set, grades, section);
            }
            None => {
                let score = [(Number::ZERO, Number::from(100))];
                if let Some(outside) = set.first_outside(&score) {
                    self.f
                        .error(
                            "out-of-range",
                            path,
                            format!(
                                "the section `{}` has no grade list, so its results are 0-100 scores, and this gives {}",
                                section.id,
                                stretch("value", outside)
                            ),
                        )
                        .hint("give the section `grade: NAME`, or table values from 0 to 100");
                }
            }
        }
    }

    /// Every possible (rounded) sum in exactly one range; range values (or sums) that are
    /// grades when the section has a grade list.
    fn sum_coverage(&mut self, path: &str, section: &Section, grades: Option<&[Grade]>, sets: &[ValueSet]) {
        let sums = self.round(ValueSet::subset_sums(sets));
        if section.ranges.is_empty() {
            if let Some(grades) = grades {
                self.values_are_grades(&format!("{path}.grade"), &sums, grades, section);
            }
            return;
        }
        let cover: Vec<(Number, Number)> = section.ranges.iter().map(|r| (r.min, r.max)).collect();
        if let Some(outside) = sums.first_outside(&cover) {
            let (low, high) = sums.bounds().unwrap_or_default();
            self.f
                .error(
                    "ranges-do-not-cover",
                    &format!("{path}.ranges"),
                    format!(
                        "no range holds {} (the sums can run from {low} to {high})",
                        stretch("sum", outside)
                    ),
                )
                .hint(if self.doc.scoring.rounding.is_some() {
                    "cover every rounded sum with a range, without gaps"
                } else {
                    "cover every possible sum without gaps; where children have decimal values, round the sums (`scoring.rounding`) so that whole-number ranges cover them"
                });
        }
        if let Some(grades) = grades {
            for (i, range) in section.ranges.iter().enumerate() {
                self.result_value(
                    &format!("{path}.ranges[{i}].value"),
                    range.value,
                    Some(grades),
                    section,
                );
            }
        }
    }
}
