"""The plan workbook round trip: `oversight plan --format xlsx` writes the actions sheet, a unit
edits its status, completion date and new note cells (here with openpyxl, as Excel would), and
`oversight import --answers` brings the statuses back into the answers file it was written
from; every mistake is reported at its cell.

Run through `cargo test --test it python` (tests/it/python.rs), which sets OVERSIGHT_BIN.
"""

import datetime
import json
import os
import subprocess

import openpyxl
import pytest

from conftest import ROOT

ANSWERS = "examples/edition-1.0/rounds/2026/border-guard-west.yaml"


def run(*args):
    binary = os.environ["OVERSIGHT_BIN"]
    return subprocess.run([binary, *args], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture()
def plan(tmp_path):
    """The plan workbook of the 2026 round, and the row of each action id on its actions sheet."""
    path = tmp_path / "plan.xlsx"
    done = run("plan", ANSWERS, "--format", "xlsx", "--date", "2026-12-01", "-o", str(path))
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(path)
    assert book["oversight"].sheet_state == "hidden"
    meta = {row[0].value: row[1].value for row in book["oversight"].iter_rows()}
    assert meta["format"] == "oversight-plan"
    assert meta["sheet.actions"] == "Actions"
    rows = {row[0].value: row[0].row for row in book["Actions"].iter_rows(min_row=2) if row[0].value}
    return path, rows


def edit(path, changes):
    """Writes `changes` ({cell: value}) into the actions sheet, as a unit would."""
    book = openpyxl.load_workbook(path)
    sheet = book["Actions"]
    for cell, value in changes.items():
        sheet[cell] = value
    book.save(path)


def actions_of(path):
    """The plan's actions of an answers file, as `oversight plan --format json` gives them."""
    done = run("plan", str(path), "--format", "json", "--date", "2026-12-01", "-o", "-")
    assert done.returncode == 0, done.stderr
    return {a["id"]: a for a in json.loads(done.stdout)["actions"] if a.get("id")}


def test_statuses_dates_and_notes_come_back(plan, tmp_path):
    path, rows = plan
    row = rows["BGW-03"]
    edit(path, {
        f"I{row}": "Done",
        f"J{row}": datetime.datetime(2026, 11, 30),
        f"L{row}": datetime.datetime(2026, 11, 30),
        f"M{row}": "The integrity programme is adopted by the collegium",
    })
    out = tmp_path / "updated.yaml"
    done = run("import", str(path), "--answers", ANSWERS, "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"wrote {out}\n"
    before, after = actions_of(ROOT / ANSWERS), actions_of(out)
    assert before["BGW-03"]["status"] == "in-progress"
    assert after["BGW-03"]["status"] == "done"
    assert after["BGW-03"]["completed"] == "2026-11-30"
    assert after["BGW-03"]["progress"][-1] == {
        "date": "2026-11-30",
        "note": "The integrity programme is adopted by the collegium",
    }
    assert len(after["BGW-03"]["progress"]) == len(before["BGW-03"].get("progress", [])) + 1
    # Nothing else changed: every other action reads as before.
    for key in before:
        if key != "BGW-03":
            assert after[key] == before[key], key


def test_every_mistake_is_reported_at_its_cell(plan, tmp_path):
    path, rows = plan
    three, five, six = rows["BGW-03"], rows["BGW-05"], rows["BGW-06"]
    edit(path, {
        f"I{three}": "Finished",
        f"I{five}": "Done",
        f"M{six}": "A note without its date",
    })
    out = tmp_path / "updated.yaml"
    done = run("import", str(path), "--answers", ANSWERS, "-o", str(out))
    assert done.returncode == 1, done.stderr
    assert not out.exists()
    lines = [line for line in done.stderr.splitlines() if line.startswith("error[")]
    assert any(line.startswith(f"error[unknown-choice]: {path}:Actions!I{three}: `Finished` is not a status") for line in lines), lines
    assert any(line.startswith(f"error[done-without-date]: {path}:Actions!J{five}:") for line in lines), lines
    assert any(line.startswith(f"error[missing-value]: {path}:Actions!L{six}: the new note has no date") for line in lines), lines
    assert len(lines) == 3, lines


def test_a_plan_workbook_needs_the_answers_it_was_written_from(plan, tmp_path):
    path, _ = plan
    out = tmp_path / "updated.yaml"
    done = run("import", str(path), "-o", str(out))
    assert done.returncode == 1
    assert done.stderr.startswith(f"error[plan-without-answers]: {path}: this is a plan workbook")
    other = run("import", str(path), "--answers", "examples/edition-1.0/answers/ministry-uk.yaml", "-o", str(out))
    assert other.returncode == 1
    assert "error[unknown-action]" in other.stderr, other.stderr
