"""The assessment workbook read by an independent reader (openpyxl): its sheets, the data
validations, the locked and unlocked cells, the outline, the print setup and the values
pre-filled from the answers; then every kind of import error, each edited into a workbook with
openpyxl and reported at its exact `SHEET!CELL`.

Run through `cargo test --test it python` (tests/it/python.rs), which sets OVERSIGHT_BIN.
"""

import datetime
import os
import subprocess

import openpyxl
import pytest

from conftest import ROOT

REVIEWED = "examples/edition-1.0/answers/ministry-uk-reviewed.yaml"


def run(*args):
    binary = os.environ["OVERSIGHT_BIN"]
    return subprocess.run([binary, *args], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    """The workbook of the reviewed ministry example, in English."""
    path = tmp_path_factory.mktemp("workbook") / "answers.xlsx"
    done = run("workbook", "dssg-executive", "--answers", REVIEWED, "--lang", "en", "-o", str(path))
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture(scope="module")
def blank_uk(tmp_path_factory):
    """The blank workbook of the bundled checklist's first edition (its maturity levels in the
    indicators' own rows), in Ukrainian, with the auditor's columns."""
    path = tmp_path_factory.mktemp("workbook") / "blank.xlsx"
    done = run("workbook", "checklists/dssg-executive-1.0.yaml", "--lang", "uk", "--auditor", "-o", str(path))
    assert done.returncode == 0, done.stderr
    return path


def validation_of(sheet, cell):
    """The data validation that covers a cell."""
    found = [dv for dv in sheet.data_validations.dataValidation if cell in dv.sqref]
    assert len(found) == 1, f"{sheet.title}!{cell} has {len(found)} validations"
    return found[0]


def test_the_sheets_and_the_hidden_keys(reviewed):
    book = openpyxl.load_workbook(reviewed)
    assert book.sheetnames == ["Instructions", "Details", "Assessment", "Evidence", "lists", "records", "oversight"]
    assert [book[s].sheet_state for s in book.sheetnames] == ["visible"] * 4 + ["hidden"] * 3
    # The header's records, which the units do not fill in, kept as YAML lines.
    assert book["records"]["A1"].value == "document:"
    sheet = book["Assessment"]
    keys = [c.value for c in sheet[1]]
    assert keys[:7] == ["id", "text", "guidance", "expected_evidence", "answer", "status", "comment"]
    # The answers hold reviews and exceptions: the auditor's columns are there unasked.
    assert keys[13] == "change_note"
    assert keys[14:] == ["review.answer", "review.comment", "review.reviewer", "review.date",
                         "exception.reason", "exception.approved_by", "exception.expires"]
    assert sheet.row_dimensions[1].hidden
    meta = {row[0].value: row[1].value for row in book["oversight"].iter_rows()}
    assert meta["format"] == "oversight-workbook"
    assert meta["format_version"] == "1"
    assert meta["sheet.assessment"] == "Assessment"


def test_the_drop_downs_refuse_anything_else(reviewed):
    sheet = openpyxl.load_workbook(reviewed)["Assessment"]
    level = validation_of(sheet, "E4")
    assert level.type == "list"
    assert level.formula1 == "lists!$E$2:$E$6"
    assert level.showErrorMessage
    assert level.errorStyle in (None, "stop")
    lists = openpyxl.load_workbook(reviewed)["lists"]
    assert [lists.cell(row, 5).value for row in range(2, 7)] == [
        "0 — Absent", "1 — Initial", "2 — Developing", "3 — Established", "4 — Advanced"]
    status = validation_of(sheet, "F4")
    assert status.type == "list" and status.formula1 == "lists!$A$2:$A$3"
    assert [lists.cell(row, 1).value for row in (2, 3)] == ["Not applicable", "Not enough information"]
    date = validation_of(sheet, "I4")
    assert date.type == "date" and date.operator in (None, "between")
    assert (date.formula1, date.formula2) == ("1", "2958465")


def test_only_the_cells_to_fill_are_unlocked(reviewed):
    book = openpyxl.load_workbook(reviewed)
    sheet = book["Assessment"]
    assert sheet.protection.sheet and sheet.protection.password is None
    for cell in ["A4", "B4", "C4", "D4", "B3", "E3"]:
        assert sheet[cell].protection.locked, cell
    for cell in ["E4", "F4", "G4", "H4", "I4", "J4", "K4", "L4", "M4", "N4", "O4", "U4"]:
        assert not sheet[cell].protection.locked, cell
    details = book["Details"]
    assert details.protection.sheet
    assert details["C3"].protection.locked and not details["C5"].protection.locked


def test_sections_fold_and_print_on_a4_landscape(reviewed):
    sheet = openpyxl.load_workbook(reviewed)["Assessment"]
    assert sheet["A3"].value == "values-and-law"
    assert sheet.row_dimensions[3].outline_level == 0
    assert [sheet.row_dimensions[r].outline_level for r in range(4, 8)] == [1, 1, 1, 1]
    assert sheet["A8"].value == "human-rights" and sheet.row_dimensions[8].outline_level == 0
    assert sheet.freeze_panes == "C3"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.print_title_rows == "$2:$2"


def test_the_answers_are_pre_filled(reviewed):
    book = openpyxl.load_workbook(reviewed)
    sheet = book["Assessment"]
    assert sheet["A4"].value == "law-1"
    assert sheet["E4"].value == "4 — Advanced"
    assert sheet["H4"].value == "Реєстр повноважень органів системи МВС із посиланнями на норми законів"
    assert sheet["I4"].value == datetime.datetime(2026, 9, 15) and sheet["I4"].number_format == "yyyy-mm-dd"
    assert sheet["A5"].value == "law-2" and sheet["O5"].value == "2 — Developing"
    details = book["Details"]
    assert details["C5"].value == "Ministry of Internal Affairs of Ukraine"
    assert details["C7"].value == datetime.datetime(2026, 11, 20)
    assert details["C13"].value == "Олена Мельник"
    evidence = book["Evidence"]
    assert evidence["A3"].value == "law-1"
    assert evidence["B3"].value == "Закон України «Про Національну поліцію»"
    assert evidence["D3"].value == "https://zakon.rada.gov.ua/laws/show/580-19"


def test_the_ukrainian_workbook_names_its_sheets_in_ukrainian(blank_uk):
    book = openpyxl.load_workbook(blank_uk)
    assert book.sheetnames[:4] == ["Інструкція", "Відомості", "Оцінювання", "Докази"]
    sheet = book["Оцінювання"]
    assert sheet["E2"].value == "Рівень або значення"
    assert sheet["E4"].value is None and not sheet["E4"].protection.locked
    assert [c.value for c in sheet[1]][14] == "review.answer"


def test_libreoffice_converts_the_workbook(reviewed, tmp_path):
    """A real office suite opens the workbook: LibreOffice prints it to PDF, saves its
    assessment sheet as CSV, and saves it again as xlsx, which imports to the same answers."""
    soffice = "/usr/bin/soffice"
    if not os.path.exists(soffice):
        assert "CI" not in os.environ, "libreoffice-calc is missing on CI: .ci/run must install it"
        pytest.skip("LibreOffice is missing (apt-get install libreoffice-calc)")
    profile = f"-env:UserInstallation=file://{tmp_path}/profile"
    for target in ["pdf", 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,3']:
        done = subprocess.run([soffice, profile, "--headless", "--convert-to", target,
                               "--outdir", str(tmp_path), str(reviewed)],
                              capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, done.stderr
    pdf = (tmp_path / "answers.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") + pdf.count(b"/Type/Page") > 5
    csv = (tmp_path / "answers-Assessment.csv").read_text(encoding="utf-8")
    assert '\nlaw-1,"The mandate' in csv and "4 — Advanced" in csv
    # Saved again by LibreOffice, as a unit using it would, the workbook imports to the same answers.
    resaved = tmp_path / "resaved"
    done = subprocess.run([soffice, profile, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                           "--outdir", str(resaved), str(reviewed)], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    for source, answers in [(reviewed, tmp_path / "direct.yaml"), (resaved / "answers.xlsx", tmp_path / "resaved.yaml")]:
        done = run("import", str(source), "-o", str(answers))
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "resaved.yaml").read_text(encoding="utf-8") == (tmp_path / "direct.yaml").read_text(encoding="utf-8")


# --- the import ------------------------------------------------------------------------------

def edited(source, tmp_path, edit, name="answers.xlsx"):
    """A copy of a workbook with `edit(book)` applied, saved by openpyxl."""
    book = openpyxl.load_workbook(source)
    edit(book)
    path = tmp_path / name
    book.save(path)
    return path


def import_errors(path, *args):
    """The stderr of an import that must fail, with the folder of the file left out."""
    out = path.parent / "out.yaml"
    done = run("import", str(path), "-o", str(out), *args)
    assert done.returncode != 0, done.stdout
    assert not out.exists()
    return done.stderr.replace(str(path.parent) + "/", "")


def test_the_imported_workbook_validates_and_scores_like_its_answers(reviewed, tmp_path):
    out = tmp_path / "answers.yaml"
    done = run("import", str(reviewed), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"wrote {out}\n"
    original = run("score", REVIEWED, "--format", "json").stdout
    imported = run("score", str(out), "--format", "json").stdout
    assert imported.replace(str(out), "") == original.replace(REVIEWED, "")


def test_a_level_typed_by_hand_that_is_not_on_the_scale(reviewed, tmp_path):
    def edit(book):
        book["Assessment"]["E4"] = "5 — Excellent"
    stderr = import_errors(edited(reviewed, tmp_path, edit))
    assert stderr == (
        "error[unknown-level]: answers.xlsx:Assessment!E4: `5 — Excellent` is not a level of the indicator's scale\n"
        "  hint: choose one of `0 — Absent`, `1 — Initial`, `2 — Developing`, `3 — Established` or `4 — Advanced`\n"
        "error: 1 error(s) in the input\n")


def test_a_level_typed_by_its_value_alone_is_accepted(reviewed, tmp_path):
    def edit(book):
        book["Assessment"]["E4"] = 2
    path = edited(reviewed, tmp_path, edit)
    done = run("import", str(path), "-o", str(tmp_path / "out.yaml"))
    assert done.returncode == 0, done.stderr
    assert "  law-1:\n    level: 2\n" in (tmp_path / "out.yaml").read_text(encoding="utf-8")


def test_a_date_excel_stored_as_text(reviewed, tmp_path):
    def edit(book):
        book["Assessment"]["I4"] = "15.09.2026"
        book["Details"]["C7"] = "2026-11-20"
    stderr = import_errors(edited(reviewed, tmp_path, edit))
    assert stderr == (
        "error[date-as-text]: answers.xlsx:Details!C7: the cell holds the text `2026-11-20`, not a date\n"
        "  hint: retype it as a date, for example 2026-11-20 (a date typed after an apostrophe, or into a cell formatted as text, stays text)\n"
        "error[date-as-text]: answers.xlsx:Assessment!I4: the cell holds the text `15.09.2026`, not a date\n"
        "  hint: retype it as a date, for example 2026-11-20 (a date typed after an apostrophe, or into a cell formatted as text, stays text)\n"
        "error: 2 error(s) in the input\n")


def test_a_row_whose_id_was_changed(reviewed, tmp_path):
    def edit(book):
        book["Assessment"]["A5"] = "law-9"
    stderr = import_errors(edited(reviewed, tmp_path, edit))
    assert stderr == (
        "error[row-id-changed]: answers.xlsx:Assessment!A5: the row holds the id `law-9` where `law-2` was written\n"
        "  hint: put back the id `law-2`: the ids tie each row to its indicator\n"
        "error: 1 error(s) in the input\n")


def test_a_deleted_row(reviewed, tmp_path):
    def edit(book):
        book["Assessment"].delete_rows(5)
    stderr = import_errors(edited(reviewed, tmp_path, edit))
    assert stderr == (
        "error[missing-row]: answers.xlsx:Assessment!A5: the row of `law-2` was deleted\n"
        "  hint: write a new workbook with `oversight workbook --answers` and copy the answers across, or undo the deletion\n"
        "error: 1 error(s) in the input\n")


def test_an_extra_row(reviewed, tmp_path):
    def edit(book):
        sheet = book["Assessment"]
        sheet.insert_rows(5)
        sheet["A5"] = "law-1b"
        sheet["E5"] = "3 — Established"
    stderr = import_errors(edited(reviewed, tmp_path, edit))
    assert stderr == (
        "error[extra-row]: answers.xlsx:Assessment!A5: a row `law-1b` was added, or moved, that is not in this place of the checklist\n"
        "  hint: delete the row: an answer goes in its indicator's row, further evidence on the evidence sheet\n"
        "error: 1 error(s) in the input\n")


def test_a_workbook_of_another_checklist_or_version(reviewed, tmp_path):
    def edit(book):
        book["Details"]["C4"] = "0.9"
    stderr = import_errors(edited(reviewed, tmp_path, edit))
    assert stderr == (
        "error[version-mismatch]: answers.xlsx:Details!C4: the workbook is for version `0.9`, but the checklist is version `2.0`\n"
        "  hint: import it against the checklist version it was written for, or write a new workbook\n"
        "error: 1 error(s) in the input\n")
    stderr = import_errors(reviewed, "--checklist", "checklists/methods/pefa-style.yaml")
    assert stderr.startswith(
        "error[checklist-mismatch]: answers.xlsx:Details!C3: the workbook is for `dssg-executive`, but the checklist is `pefa-style`\n")


def test_an_unknown_checklist_is_blamed_on_its_cell(reviewed, tmp_path):
    def edit(book):
        book["Details"]["C3"] = "no-such-checklist"
    stderr = import_errors(edited(reviewed, tmp_path, edit))
    assert stderr.startswith("error[unknown-checklist]: answers.xlsx:Details!C3: ")


def test_every_problem_is_reported_at_once_at_its_cell(blank_uk, tmp_path):
    def edit(book):
        details = book["Відомості"]
        details["C5"] = "Міністерство"
        details["C6"] = datetime.datetime(2026, 11, 20)
        sheet = book["Оцінювання"]
        sheet["F4"] = "Не застосовується"          # not applicable, without the comment it needs
        sheet["E5"] = "так собі"                   # not a level
        sheet["I6"] = datetime.datetime(2026, 1, 5)  # an evidence date without a title
        sheet["T7"] = "Петренко"                   # an exception without its reason or expiry
        evidence = book["Докази"]
        evidence["A3"] = "law-99"
        evidence["B3"] = "Наказ"
    stderr = import_errors(edited(blank_uk, tmp_path, edit))
    assert stderr == (
        "error[unknown-level]: answers.xlsx:Оцінювання!E5: `так собі` is not a level of the indicator's scale\n"
        "  hint: choose one of `0 — Відсутній`, `1 — Початковий`, `2 — У розвитку`, `3 — Усталений` or `4 — Розвинений`\n"
        "error[missing-value]: answers.xlsx:Оцінювання!H6: the evidence's title is missing\n"
        "  hint: give the title of the document, or clear its date and reference\n"
        "error[missing-value]: answers.xlsx:Оцінювання!S7: the exception's reason is missing\n"
        "  hint: an accepted exception needs its reason, who approved it and its expiry date\n"
        "error[missing-value]: answers.xlsx:Оцінювання!U7: the exception's expiry date is missing\n"
        "  hint: an accepted exception needs its reason, who approved it and its expiry date\n"
        "error[unknown-indicator]: answers.xlsx:Докази!A3: the checklist has no indicator `law-99`\n"
        "  hint: choose the ID of an indicator from the list\n"
        "error[missing-justification]: answers.xlsx:Оцінювання!G4: a not-applicable answer needs a comment that justifies it\n"
        "  hint: say why the indicator does not apply to this organisation\n"
        "error: 6 error(s) in the input\n")


def test_a_spreadsheet_not_written_by_oversight(tmp_path):
    path = tmp_path / "other.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "hello"
    book.save(path)
    assert import_errors(path) == (
        "error[not-an-assessment-workbook]: other.xlsx: this workbook was not written by `oversight workbook` or `oversight plan`: it has no hidden `oversight` sheet\n"
        "  hint: import the workbook that `oversight workbook` (or `oversight plan --format xlsx`) wrote, filled in and saved as .xlsx\n"
        "error: 1 error(s) in the input\n")


def test_the_import_never_overwrites_a_file_without_force(reviewed, tmp_path):
    out = tmp_path / "answers.yaml"
    out.write_text("mine\n", encoding="utf-8")
    done = run("import", str(reviewed), "-o", str(out))
    assert done.returncode != 0
    assert f"`{out}` already exists" in done.stderr
    assert out.read_text(encoding="utf-8") == "mine\n"
    done = run("import", str(reviewed), "-o", str(out), "--force")
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("checklist: dssg-executive\n")


# --- the spreadsheets of the results ---------------------------------------------------------

def test_the_portfolio_heat_map_is_coloured_by_band(tmp_path):
    """The heat map's colours are conditional formats on the numbers: blank cells first (left
    white), then each band from the highest, the first that holds stops."""
    path = tmp_path / "portfolio.xlsx"
    done = run("portfolio", "examples/edition-1.0/portfolio", "-o", str(path))
    assert done.returncode == 0, done.stderr
    sheet = openpyxl.load_workbook(path)["Scores"]
    assert sheet["A1"].value == "Organisation" and sheet["G1"].value == "Overall"
    assert isinstance(sheet["G2"].value, float) and sheet["G2"].number_format == "0.0"
    ranges = list(sheet.conditional_formatting)
    assert [str(r.sqref) for r in ranges] == ["B2:G6"]
    rules = ranges[0].rules
    assert rules[0].type == "containsBlanks" and rules[0].stopIfTrue
    assert [(r.type, r.operator, r.formula, r.stopIfTrue) for r in rules[1:]] == [
        ("cellIs", "greaterThanOrEqual", [minimum], True) for minimum in ["85", "70", "50", "25", "0"]]
    assert [r.dxf.fill.bgColor.rgb for r in rules[1:]] == [
        "FF2E7D32", "FF6F9E3A", "FFE0A526", "FFD9622B", "FFB3261E"]
