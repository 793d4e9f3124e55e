//! Writes the assessment workbook with rust_xlsxwriter: one file per sheet, in the order of
//! the tabs, sharing the [`Form`] (the checklist, the answers that pre-fill it, the language,
//! the formats and the drop-down lists) and the few rules every sheet follows.
//!
//! Every sheet is protected without a password: the cells to fill are unlocked, the rest are
//! locked, and anyone can lift the protection (Review › Unprotect Sheet) to do more.

mod assessment;
mod dates;
mod details;
mod evidence;
mod instructions;
mod lists;
mod records;
mod styles;

use super::choices::Choices;
use super::layout::{Columns, Field, KEY_ROW, Outline, SheetKind, TITLE_ROW};
use crate::error::Result;
use crate::i18n::Labels;
use crate::model::answers::{Answer, AnswersDoc, EvidenceKind};
use crate::model::scope::ScopeIds;
use crate::model::{Assessment, Checklist, Text};
use crate::render::xlsx::sheet::{Sheet, excel_date, xlsx};
use lists::Lists;
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, ExcelDateTime, Formula,
    ProtectionOptions, Workbook, Worksheet,
};
use styles::Styles;

/// What the workbook is written for.
#[derive(Debug, Clone)]
pub struct FormOptions<'a> {
    /// The language of every text in it.
    pub lang: &'a str,
    /// Whether to add the auditor's columns (they are added anyway when the answers hold a
    /// review or an exception, so that nothing is lost).
    pub auditor: bool,
    /// The scope values the assessment is limited to: only the indicators in scope get a row.
    pub scope: &'a ScopeIds,
}

/// The workbook's bytes, for `checklist`, pre-filled with `answers` when given.
pub fn workbook(
    checklist: &Checklist,
    answers: Option<&Assessment>,
    options: &FormOptions,
    labels: &Labels,
) -> Result<Vec<u8>> {
    if let Some(assessment) = answers {
        dates::check(assessment)?;
    }
    let form = Form::new(checklist, answers.map(Assessment::doc), options, labels);
    let mut book = Workbook::new();
    book.set_properties(&form.properties()?);
    instructions::write(&form, &mut Sheet::new(book.add_worksheet()))?;
    details::write(&form, &mut Sheet::new(book.add_worksheet()))?;
    assessment::write(&form, &mut Sheet::new(book.add_worksheet()))?;
    evidence::write(&form, &mut Sheet::new(book.add_worksheet()))?;
    form.lists.write(book.add_worksheet())?;
    records::write(&form, book.add_worksheet())?;
    lists::write_meta(&form, book.add_worksheet())?;
    book.save_to_buffer().map_err(xlsx)
}

/// Everything the sheets are written from.
struct Form<'a> {
    checklist: &'a Checklist,
    doc: Option<&'a AnswersDoc>,
    lang: &'a str,
    labels: &'a Labels,
    choices: Choices<'a>,
    columns: Columns,
    outline: Outline<'a>,
    scope: &'a ScopeIds,
    styles: Styles,
    lists: Lists,
}

impl<'a> Form<'a> {
    fn new(
        checklist: &'a Checklist,
        doc: Option<&'a AnswersDoc>,
        options: &FormOptions<'a>,
        labels: &'a Labels,
    ) -> Form<'a> {
        let answers = || doc.into_iter().flat_map(|d| d.answers.iter()).map(|(_, a)| a);
        let audited = answers().any(|a| a.review.is_some() || a.exception.is_some());
        let mut ref_languages: Vec<String> = Vec::new();
        for evidence in answers().flat_map(|a| &a.evidence) {
            if let Some(Text::Translated(map)) = &evidence.reference {
                ref_languages.extend(map.keys().map(str::to_owned));
            }
        }
        let columns = Columns {
            auditor: options.auditor || audited,
            ref_languages: checklist
                .languages()
                .iter()
                .filter(|l| ref_languages.contains(l))
                .cloned()
                .collect(),
            evidence_kind: answers()
                .flat_map(|a| &a.evidence)
                .any(|e| e.kind == EvidenceKind::ActInForce),
        };
        let choices = Choices {
            checklist,
            lang: options.lang,
            labels,
        };
        Form {
            lists: Lists::new(checklist, options.scope, &choices),
            checklist,
            doc,
            lang: options.lang,
            labels,
            choices,
            columns,
            outline: Outline::of(checklist, options.scope),
            scope: options.scope,
            styles: Styles::new(),
        }
    }

    fn text<'t>(&self, text: &'t Text) -> &'t str {
        text.get(self.lang, self.checklist.default_language())
    }

    fn label(&self, key: &'a str) -> &'a str {
        self.labels.get(key)
    }

    fn sheet_name(&self, kind: SheetKind) -> &'a str {
        self.label(kind.label())
    }

    fn answer(&self, id: &str) -> Option<&'a Answer> {
        self.doc?.answers.get(id)
    }

    /// The title, and a creation date that depends only on the answers (the assessment
    /// date), so that the same inputs give the same bytes on every machine.
    fn properties(&self) -> Result<DocProperties> {
        let created = match self.doc {
            Some(doc) => excel_date(doc.assessed_on).map_err(xlsx)?,
            None => ExcelDateTime::from_ymd(2000, 1, 1).map_err(xlsx)?,
        };
        Ok(DocProperties::new()
            .set_title(self.text(self.checklist.title()))
            .set_subject(format!("{} {}", self.checklist.id(), self.checklist.version()))
            .set_creation_datetime(&created))
    }

    /// Sizes the rows, sets up the printing (A4 landscape, page numbers in the footer) and
    /// protects the sheet. A sheet of a few columns prints one page wide; the assessment sheet,
    /// too wide for that, prints at 70 % across pages, its id and text columns on each.
    fn finish(&self, sheet: &mut Sheet, wide: bool) -> Result<()> {
        sheet.fit_rows()?;
        let title = self.text(self.checklist.title()).replace('&', "&&");
        let ws = &mut *sheet.ws;
        ws.set_paper_size(crate::render::xlsx::sheet::A4)
            .set_landscape()
            .set_margins(0.4, 0.4, 0.5, 0.5, 0.2, 0.2)
            .set_footer(format!("&L&8{title}&R&8&P / &N"));
        if wide {
            ws.set_print_scale(70).set_page_order(false);
            ws.set_repeat_columns(0, 1).map_err(xlsx)?;
        } else {
            ws.set_print_fit_to_pages(1, 0);
        }
        protect(ws);
        Ok(())
    }

    /// The hidden row of keys, the row of column titles and the widths of a sheet of fields.
    fn columns(&self, sheet: &mut Sheet, fields: &[Field]) -> Result<()> {
        for (c, field) in fields.iter().enumerate() {
            let c = c as u16;
            sheet.ws.write_string(KEY_ROW, c, field.key()).map_err(xlsx)?;
            let title = match field {
                Field::EvidenceRef(Some(lang)) => format!("{} ({lang})", self.label(field.label())),
                _ => self.label(field.label()).to_owned(),
            };
            sheet.width(c, field.width())?;
            sheet.text(TITLE_ROW, c, Some(&title), &self.styles.title)?;
        }
        sheet.ws.set_row_hidden(KEY_ROW).map_err(xlsx)?;
        Ok(())
    }

    /// A drop-down of a list on the lists sheet; anything else typed is refused.
    fn list(&self, formula: &str, message: &str) -> Result<DataValidation> {
        DataValidation::new()
            .allow_list_formula(Formula::new(formula))
            .set_error_style(DataValidationErrorStyle::Stop)
            .set_error_message(self.label(message))
            .map_err(xlsx)
    }

    /// A date Excel can hold.
    fn date_rule(&self) -> Result<DataValidation> {
        let first = ExcelDateTime::from_ymd(FIRST_YEAR, 1, 1).map_err(xlsx)?;
        let last = ExcelDateTime::from_ymd(LAST_YEAR, 12, 31).map_err(xlsx)?;
        DataValidation::new()
            .allow_date(DataValidationRule::Between(first, last))
            .set_error_message(self.label("workbook_error_date"))
            .map_err(xlsx)
    }
}

/// Protects a sheet without a password, leaving column widths and row heights free.
fn protect(sheet: &mut Worksheet) {
    sheet.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    });
}

/// Excel's calendar: 1900 to 9999.
const FIRST_YEAR: u16 = 1900;
const LAST_YEAR: u16 = 9999;
