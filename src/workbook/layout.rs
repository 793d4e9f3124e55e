//! The shape of the assessment workbook, the contract between its writer and its import: the
//! sheets by kind, the field each column (or each row of the details sheet) holds under a
//! stable key, and the rows of the assessment sheet in checklist order.
//!
//! The keys are written into the workbook itself (a hidden first row on the assessment and
//! evidence sheets, a hidden first column on the details sheet, a hidden `oversight` sheet
//! naming the sheets), so that the import finds every value by what it is, not by where it
//! was: a sheet kind or a field added later is one more key, and a workbook written by an
//! older version still reads.

use crate::model::Checklist;
use crate::model::checklist::{Indicator, Section};
use crate::model::criteria::Criterion;
use crate::model::items::Child;
use crate::model::scope::ScopeIds;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// The value of `format` on the `oversight` sheet.
pub const FORMAT: &str = "oversight-workbook";
/// The layout's version on the `oversight` sheet; an import refuses a later one.
pub const FORMAT_VERSION: u32 = 1;
/// The value of `format` on the `oversight` sheet of the plan's workbook
/// (`oversight plan --format xlsx`).
pub const PLAN_FORMAT: &str = "oversight-plan";
/// The plan workbook's layout version.
pub const PLAN_FORMAT_VERSION: u32 = 1;
/// The key of the plan workbook's actions sheet on its `oversight` sheet: `sheet.actions`.
pub const ACTIONS_SHEET_KEY: &str = "actions";
/// The hidden sheet that names the format, the language and the other sheets.
pub const META_SHEET: &str = "oversight";
/// The hidden sheet that keeps the header's records (document control, approval, audit,
/// quality) as YAML, one line per row, so that the round trip keeps them.
pub const RECORDS_SHEET: &str = "records";
/// The hidden sheet that holds the drop-down lists.
pub const LISTS_SHEET: &str = "lists";
/// The row (0-based) of the hidden keys on the assessment and evidence sheets.
pub const KEY_ROW: u32 = 0;
/// The row of the column titles a reader sees.
pub const TITLE_ROW: u32 = 1;
/// The first row of data.
pub const FIRST_ROW: u32 = 2;

/// A sheet, by what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    /// How to fill the workbook in; never read back.
    Instructions,
    /// The assessment's header: organisation, dates, language, assessors.
    Details,
    /// One row per section, indicator and criterion.
    Assessment,
    /// Evidence items beyond the first of each indicator.
    Evidence,
}

impl SheetKind {
    /// Every kind, in the order of the workbook's tabs.
    pub const ALL: [SheetKind; 4] = [
        SheetKind::Instructions,
        SheetKind::Details,
        SheetKind::Assessment,
        SheetKind::Evidence,
    ];

    /// Its key on the `oversight` sheet: `sheet.<key>`.
    pub fn key(self) -> &'static str {
        match self {
            SheetKind::Instructions => "instructions",
            SheetKind::Details => "details",
            SheetKind::Assessment => "assessment",
            SheetKind::Evidence => "evidence",
        }
    }

    /// The label of its tab's name.
    pub fn label(self) -> &'static str {
        match self {
            SheetKind::Instructions => "workbook_sheet_instructions",
            SheetKind::Details => "workbook_sheet_details",
            SheetKind::Assessment => "workbook_sheet_assessment",
            SheetKind::Evidence => "workbook_sheet_evidence",
        }
    }
}

/// What a column of the assessment or the evidence sheet holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// The section, indicator or criterion id (the indicator's, on the evidence sheet).
    Id,
    Text,
    Guidance,
    ExpectedEvidence,
    /// The level, the number or the tick of a criterion.
    Answer,
    Status,
    Comment,
    EvidenceTitle,
    EvidenceDate,
    /// The evidence reference: plain, or its translation in one language.
    EvidenceRef(Option<String>),
    /// `act-in-force` for a law or strategy in force, never out of date; blank for a record.
    EvidenceKind,
    ActionText,
    ActionOwner,
    ActionDue,
    /// Why the answer changed since the previous round.
    ChangeNote,
    /// The auditor's verified level, number or tick.
    ReviewAnswer,
    ReviewComment,
    Reviewer,
    ReviewDate,
    ExceptionReason,
    ExceptionApprovedBy,
    ExceptionExpires,
}

/// What a cell of a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Written by the tool, locked.
    Fixed,
    Text,
    Date,
    /// A level, a number or a tick, by the row's kind.
    Rating,
    Status,
}

impl Field {
    /// The key in the hidden row.
    pub fn key(&self) -> String {
        let key = match self {
            Field::Id => "id",
            Field::Text => "text",
            Field::Guidance => "guidance",
            Field::ExpectedEvidence => "expected_evidence",
            Field::Answer => "answer",
            Field::Status => "status",
            Field::Comment => "comment",
            Field::ChangeNote => "change_note",
            Field::EvidenceTitle => "evidence.title",
            Field::EvidenceDate => "evidence.date",
            Field::EvidenceRef(None) => "evidence.ref",
            Field::EvidenceRef(Some(lang)) => return format!("evidence.ref.{lang}"),
            Field::EvidenceKind => "evidence.kind",
            Field::ActionText => "action.text",
            Field::ActionOwner => "action.owner",
            Field::ActionDue => "action.due",
            Field::ReviewAnswer => "review.answer",
            Field::ReviewComment => "review.comment",
            Field::Reviewer => "review.reviewer",
            Field::ReviewDate => "review.date",
            Field::ExceptionReason => "exception.reason",
            Field::ExceptionApprovedBy => "exception.approved_by",
            Field::ExceptionExpires => "exception.expires",
        };
        key.to_owned()
    }

    /// The field a key names.
    pub fn from_key(key: &str) -> Option<Field> {
        if let Some(lang) = key.strip_prefix("evidence.ref.") {
            return Some(Field::EvidenceRef(Some(lang.to_owned())));
        }
        ALL_FIELDS.iter().find(|f| f.key() == key).cloned()
    }

    pub fn input(&self) -> Input {
        match self {
            Field::Id | Field::Text | Field::Guidance | Field::ExpectedEvidence => Input::Fixed,
            Field::Answer | Field::ReviewAnswer => Input::Rating,
            Field::Status => Input::Status,
            Field::EvidenceDate | Field::ActionDue | Field::ReviewDate | Field::ExceptionExpires => {
                Input::Date
            }
            _ => Input::Text,
        }
    }

    /// The label of its column title.
    pub fn label(&self) -> &'static str {
        match self {
            Field::Id => "label_id",
            Field::Text => "workbook_col_text",
            Field::Guidance => "label_guidance",
            Field::ExpectedEvidence => "label_expected_evidence",
            Field::Answer => "workbook_col_answer",
            Field::Status => "label_status",
            Field::Comment => "label_comment",
            Field::ChangeNote => "label_change_note",
            Field::EvidenceTitle => "workbook_col_evidence_title",
            Field::EvidenceDate => "workbook_col_evidence_date",
            Field::EvidenceRef(_) => "workbook_col_evidence_ref",
            Field::EvidenceKind => "workbook_col_evidence_kind",
            Field::ActionText => "label_planned_action",
            Field::ActionOwner => "workbook_col_action_owner",
            Field::ActionDue => "workbook_col_action_due",
            Field::ReviewAnswer => "workbook_col_review_answer",
            Field::ReviewComment => "label_review_comment",
            Field::Reviewer => "label_reviewer",
            Field::ReviewDate => "label_review_date",
            Field::ExceptionReason => "workbook_col_exception_reason",
            Field::ExceptionApprovedBy => "workbook_col_exception_approved_by",
            Field::ExceptionExpires => "workbook_col_exception_expires",
        }
    }

    /// Its column width, in characters.
    pub fn width(&self) -> f64 {
        match self {
            Field::Id => 10.0,
            Field::Text => 40.0,
            Field::Guidance => 50.0,
            Field::Comment | Field::ReviewComment => 34.0,
            Field::ExpectedEvidence => 30.0,
            Field::EvidenceTitle | Field::ActionText | Field::ChangeNote => 26.0,
            Field::ExceptionReason => 26.0,
            Field::Answer | Field::ReviewAnswer => 20.0,
            Field::Status | Field::EvidenceKind => 17.0,
            Field::EvidenceRef(_) => 22.0,
            Field::ActionOwner | Field::Reviewer | Field::ExceptionApprovedBy => 16.0,
            Field::EvidenceDate | Field::ActionDue | Field::ReviewDate | Field::ExceptionExpires => 11.5,
        }
    }
}

/// Every field but the translated references, in the order of the assessment sheet.
const ALL_FIELDS: [Field; 22] = [
    Field::Id,
    Field::Text,
    Field::Guidance,
    Field::ExpectedEvidence,
    Field::Answer,
    Field::Status,
    Field::Comment,
    Field::EvidenceTitle,
    Field::EvidenceDate,
    Field::EvidenceRef(None),
    Field::EvidenceKind,
    Field::ActionText,
    Field::ActionOwner,
    Field::ActionDue,
    Field::ChangeNote,
    Field::ReviewAnswer,
    Field::ReviewComment,
    Field::Reviewer,
    Field::ReviewDate,
    Field::ExceptionReason,
    Field::ExceptionApprovedBy,
    Field::ExceptionExpires,
];

/// Which optional columns a workbook has.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    /// The auditor's columns: the review and the accepted exception.
    pub auditor: bool,
    /// The languages of evidence references written as translations, one column each.
    pub ref_languages: Vec<String>,
    /// Whether evidence has a kind column: when the answers written have an act in force.
    pub evidence_kind: bool,
}

impl Columns {
    /// The assessment sheet's fields, left to right.
    pub fn assessment(&self) -> Vec<Field> {
        let first_auditor = ALL_FIELDS
            .iter()
            .position(|f| *f == Field::ReviewAnswer)
            .unwrap_or(ALL_FIELDS.len());
        let mut fields: Vec<Field> = Vec::new();
        for field in &ALL_FIELDS[..first_auditor] {
            if *field == Field::EvidenceKind && !self.evidence_kind {
                continue;
            }
            fields.push(field.clone());
            if *field == Field::EvidenceRef(None) {
                fields.extend(self.translated_refs());
            }
        }
        if self.auditor {
            fields.extend_from_slice(&ALL_FIELDS[first_auditor..]);
        }
        fields
    }

    /// The evidence sheet's fields: the indicator's id, then the item.
    pub fn evidence(&self) -> Vec<Field> {
        let mut fields = vec![
            Field::Id,
            Field::EvidenceTitle,
            Field::EvidenceDate,
            Field::EvidenceRef(None),
        ];
        fields.extend(self.translated_refs());
        if self.evidence_kind {
            fields.push(Field::EvidenceKind);
        }
        fields
    }

    fn translated_refs(&self) -> impl Iterator<Item = Field> + '_ {
        self.ref_languages
            .iter()
            .map(|lang| Field::EvidenceRef(Some(lang.clone())))
    }
}

/// What a row of the details sheet holds, by the key in its hidden first column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    Checklist,
    ChecklistVersion,
    /// The organisation's name: the same in every language, or its translation in one.
    Organisation(Option<String>),
    AssessedOn,
    PeriodFrom,
    PeriodTo,
    Language,
    /// One assessor: the name in the value column, the role beside it.
    Assessor,
}

impl Detail {
    pub fn key(&self) -> String {
        let key = match self {
            Detail::Checklist => "checklist",
            Detail::ChecklistVersion => "checklist_version",
            Detail::Organisation(None) => "organisation",
            Detail::Organisation(Some(lang)) => return format!("organisation.{lang}"),
            Detail::AssessedOn => "assessed_on",
            Detail::PeriodFrom => "period.from",
            Detail::PeriodTo => "period.to",
            Detail::Language => "language",
            Detail::Assessor => "assessor",
        };
        key.to_owned()
    }

    pub fn from_key(key: &str) -> Option<Detail> {
        if let Some(lang) = key.strip_prefix("organisation.") {
            return Some(Detail::Organisation(Some(lang.to_owned())));
        }
        [
            Detail::Checklist,
            Detail::ChecklistVersion,
            Detail::Organisation(None),
            Detail::AssessedOn,
            Detail::PeriodFrom,
            Detail::PeriodTo,
            Detail::Language,
            Detail::Assessor,
        ]
        .into_iter()
        .find(|d| d.key() == key)
    }

    /// The label of its row.
    pub fn label(&self) -> &'static str {
        match self {
            Detail::Checklist => "label_checklist",
            Detail::ChecklistVersion => "label_version",
            Detail::Organisation(None) => "label_organisation",
            Detail::Organisation(Some(_)) => "workbook_organisation_in",
            Detail::AssessedOn => "label_assessed_on",
            Detail::PeriodFrom => "workbook_period_from",
            Detail::PeriodTo => "workbook_period_to",
            Detail::Language => "workbook_answers_language",
            Detail::Assessor => "workbook_assessor",
        }
    }
}

/// The details sheet's columns (0-based): the hidden key, the label, the value, the role.
pub const DETAIL_KEY: u16 = 0;
pub const DETAIL_LABEL: u16 = 1;
pub const DETAIL_VALUE: u16 = 2;
pub const DETAIL_ROLE: u16 = 3;

/// One row of the assessment sheet.
#[derive(Debug, Clone)]
pub enum Row<'a> {
    Section {
        section: &'a Section,
        /// "2.1"
        number: String,
    },
    Indicator(&'a Indicator),
    /// A criterion of the criteria indicator in the row above it.
    Criterion(&'a Indicator, &'a Criterion),
}

impl Row<'_> {
    /// The id in the row's id cell.
    pub fn id(&self) -> &str {
        match self {
            Row::Section { section, .. } => &section.id,
            Row::Indicator(indicator) => &indicator.id,
            Row::Criterion(_, criterion) => &criterion.id,
        }
    }
}

/// The rows of the assessment sheet in the checklist's order, each with its outline depth: a
/// section's header row at its own depth (numbered "1", "2.1" among its sibling sections), an
/// assessable section's own answer, its indicators and its sub-sections one deeper (in the
/// order of `items:` where it has them), criteria one deeper again. Only what is in the
/// assessment's scope has a row; a section with nothing in scope has none.
pub struct Outline<'a> {
    rows: Vec<(Row<'a>, usize)>,
}

impl<'a> Outline<'a> {
    pub fn of(checklist: &'a Checklist, scope: &ScopeIds) -> Outline<'a> {
        let mut outline = Outline { rows: Vec::new() };
        for (i, section) in checklist.sections().iter().enumerate() {
            outline.section(checklist, scope, section, (i + 1).to_string(), 1);
        }
        outline
    }

    pub fn rows(&self) -> &[(Row<'a>, usize)] {
        &self.rows
    }

    fn section(
        &mut self,
        checklist: &'a Checklist,
        scope: &ScopeIds,
        section: &'a Section,
        number: String,
        depth: usize,
    ) {
        let start = self.rows.len();
        self.rows.push((
            Row::Section {
                section,
                number: number.clone(),
            },
            depth,
        ));
        let header = self.rows.len();
        if let Some(own) = &section.assessable {
            self.indicator(checklist, scope, own, depth + 1);
        }
        let mut subsections = 0;
        for child in section.children() {
            match child {
                Child::Indicator(indicator) => self.indicator(checklist, scope, indicator, depth + 1),
                Child::Section(sub) => {
                    subsections += 1;
                    self.section(
                        checklist,
                        scope,
                        sub,
                        format!("{number}.{subsections}"),
                        depth + 1,
                    );
                }
                Child::Info(_) => {}
            }
        }
        if self.rows.len() == header {
            self.rows.truncate(start);
        }
    }

    fn indicator(&mut self, checklist: &Checklist, scope: &ScopeIds, indicator: &'a Indicator, depth: usize) {
        if !checklist.in_scope(indicator, scope) {
            return;
        }
        self.rows.push((Row::Indicator(indicator), depth));
        for criterion in &indicator.criteria {
            self.rows.push((Row::Criterion(indicator, criterion), depth + 1));
        }
    }
}

/// Writes the hidden `oversight` sheet: one key and value per row.
pub fn write_meta_sheet(sheet: &mut Worksheet, rows: &[(String, String)]) -> Result<(), XlsxError> {
    sheet.set_name(META_SHEET)?;
    for (row, (key, value)) in rows.iter().enumerate() {
        let row = u32::try_from(row).unwrap_or(u32::MAX);
        sheet.write_string(row, 0, key)?;
        sheet.write_string(row, 1, value)?;
    }
    sheet.set_hidden(true);
    Ok(())
}
