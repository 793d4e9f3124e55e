"""The offline questionnaire (`oversight form`) in a real browser, opened from file://.

The checklist is tests/python/form/checklist.yaml. The answers the test gives, and the scores it
expects (worked by hand, each indicator's score is its position on its scale):
- scope `ministry`: police-only (tagged `police`) drops out, 7 indicators stay;
- law-1 level 2 of 0-3 (66.67, by mouse), law-2 level 2 (66.67, by keyboard), law-3 not
  applicable: Legal basis (66.67 + 66.67) / 2 = 66.7;
- budget-rate 57.5 % (points 5.75 of 0-10: 57.5) and audit-1 criterion a met (one criterion:
  level 1, 33.33): Budget (57.5 + 33.33) / 2 = 45.4;
- control-1 level 3 (100), the section's own answer left open: Control 100.0;
- overall (66.67 + 45.42 + 100) / 3 = 70.7; completeness 5 scored of the 6 applicable, 83.3 %.
"""

import json
import os
import subprocess

import pytest

from playwright.sync_api import expect

from conftest import ROOT

CHECKLIST = ROOT / "tests/python/form/checklist.yaml"

# Every input's state on the page, by id (or name and value for the radios and checkboxes).
FIELDS = """() => [...document.querySelectorAll('#form input, #form textarea, #form select')]
  .filter(el => el.type !== 'file')
  .map(el => (el.type === 'radio' || el.type === 'checkbox')
    ? el.name + '=' + el.value + ':' + el.checked : el.id + '=' + el.value)"""


def form(oversight, tmp_path, *args):
    out = tmp_path / "form.html"
    oversight("form", str(CHECKLIST), *args, "-o", str(out))
    return out


def level(page, indicator, value):
    return page.locator(f'[data-indicator="{indicator}"] input[name="{indicator}.level"][value="{value}"]')


def save(page):
    with page.expect_download() as download:
        page.locator("#save-answers").click()
    return download.value


def run(*args):
    return subprocess.run([os.environ["OVERSIGHT_BIN"], *args], cwd=ROOT,
                          capture_output=True, text=True)


def test_a_unit_fills_in_saves_reloads_and_opens_its_answers(oversight, open_page, tmp_path):
    path = form(oversight, tmp_path)
    page = open_page(path)
    downloads = []
    page.on("download", lambda d: downloads.append(d))

    # Nothing answered: what is missing starts with the critical indicator.
    missing = page.locator("#missing li")
    expect(missing.first).to_contain_text("law-1")
    expect(missing.first).to_contain_text("critical")
    assert missing.count() == 8

    page.get_by_label("Organisation (en)").fill("Test Ministry")
    page.get_by_label("Date of the assessment").fill("2026-11-20")
    page.get_by_label("Ministry", exact=True).check()
    expect(page.locator('[data-indicator="police-only"]')).to_have_count(0)
    assert missing.count() == 7

    # The mouse: a click on a level's label; the checklist's texts are on the page.
    law1 = page.locator('[data-indicator="law-1"]')
    expect(law1).to_contain_text("Map each power to a provision.")
    expect(law1).to_contain_text("Inventory of powers")
    law1.get_by_text("2 — Established").click()
    expect(level(page, "law-1", "2")).to_be_checked()
    law1.get_by_role("button", name="Add evidence").click()
    law1.get_by_label("Title").fill("Inventory of powers, 2026")
    law1.get_by_label("Date of the document").fill("2026-10-01")
    law1.get_by_label("Link or registry reference").fill("reg. 14/2")
    law1.get_by_label("An act in force").check()
    law1.get_by_role("button", name="Add an action").click()
    law1.get_by_label("What will be done").fill("Map the remaining powers")
    law1.get_by_label("Owner").fill("Legal department")
    law1.get_by_label("Due").fill("2027-03-31")

    # The keyboard alone: into law-2's levels, Space picks the first, ArrowDown moves on, Tab
    # leads past the statuses and the clear button to the comment.
    level(page, "law-2", "0").focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(level(page, "law-2", "2")).to_be_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator("#comment-law-2")).to_be_focused()
    page.keyboard.type("Reviewed every two years.")
    outline = page.locator("#comment-law-2").evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none", "the focus is visible"

    page.get_by_label("Value (%)").press_sequentially("57.5")
    page.locator('[data-indicator="audit-1"]').get_by_text("An external audit each year.").click()
    page.locator('[data-indicator="control-1"]').get_by_text("3 — Full").click()

    # Not applicable without a justification: the form refuses to save and says why.
    law3 = page.locator('[data-indicator="law-3"]')
    law3.get_by_label("Not applicable").check()
    page.locator("#save-answers").click()
    problems = page.locator("#save-problems")
    expect(problems).to_contain_text("law-3: a not-applicable answer needs a justification.")
    expect(problems).to_be_focused()
    assert downloads == []
    law3.get_by_label("Justification (required)").fill("The service has no secret acts.")
    download = save(page)
    assert download.suggested_filename == "Test Ministry.yaml"
    saved = tmp_path / "saved.yaml"
    download.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert ('  law-1:\n    level: 2\n    evidence:\n      - title: "Inventory of powers, 2026"\n'
            '        date: "2026-10-01"\n        ref: "reg. 14/2"\n        kind: "act-in-force"\n'
            '    action:\n      text: "Map the remaining powers"\n') in text, text

    checked = run("validate", "--checklist", str(CHECKLIST), str(saved))
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout == (f"{saved}: ok, answers to `form-test` version 1.0 "
                              "(6 of 7 indicators in scope answered)\n"), checked.stdout
    scored = run("score", "--checklist", str(CHECKLIST), str(saved), "--format", "json")
    assert scored.returncode == 0, scored.stderr
    card = json.loads(scored.stdout)
    expected = {"law": 200 / 3, "money": (57.5 + 100 / 3) / 2, "control": 100.0}
    assert {s["id"]: s["score"] for s in card["sections"]} == pytest.approx(expected, abs=1e-9)
    assert card["overall"]["score"] == pytest.approx(sum(expected.values()) / 3, abs=1e-9)
    assert card["completeness"] == pytest.approx(500 / 6, abs=1e-9)
    assert page.locator("#overall").inner_text() == "Answered: 6\u00a0of 7 (86\u00a0%)"

    # Closing the tab loses nothing: the page comes back as it was left.
    before = page.evaluate(FIELDS)
    page.reload()
    assert page.evaluate(FIELDS) == before
    expect(level(page, "law-2", "2")).to_be_checked()

    # The form switches language; the answers stay.
    page.get_by_label("Language of the form").select_option("uk")
    expect(page.locator("h1")).to_contain_text("Перевірка анкети")
    expect(law1).to_contain_text("Кожне повноваження ґрунтується на законі.")
    page.get_by_label("Мова форми").select_option("en")

    # A fresh browser profile opens the saved file and finds every field back.
    other = open_page(path)
    assert other.evaluate(FIELDS) != before
    other.locator("#open-answers").set_input_files(str(saved))
    expect(other.locator("#open-message")).to_have_text("Opened saved.yaml.")
    assert other.evaluate(FIELDS) == before
    assert other.evaluate("window.oversightForm.yaml()") == saved.read_text(encoding="utf-8")

    # The only requests are the page's own loads (the first page's, then its reload).
    assert page.requests == [path.as_uri()] * 2, page.requests
    assert other.requests == [path.as_uri()], other.requests


def test_the_form_opens_pre_filled_and_fits_a_phone(oversight, open_page, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        'checklist: form-test\nchecklist_version: "1.0"\n'
        'organisation: {en: Test Ministry, uk: Тестове міністерство}\n'
        "assessed_on: 2026-11-20\nlanguage: uk\nanswers:\n"
        "  law-1: {level: 1, comment: Partly.}\n  budget-rate: {value: 12}\n", encoding="utf-8")
    path = form(oversight, tmp_path, "--answers", str(answers))
    page = open_page(path, width=390)
    expect(page.locator("h1")).to_contain_text("Перевірка анкети")
    expect(level(page, "law-1", "1")).to_be_checked()
    expect(page.locator("#comment-law-1")).to_have_value("Partly.")
    expect(page.locator("#value-budget-rate")).to_have_value("12")
    expect(page.locator("#organisation-uk")).to_have_value("Тестове міністерство")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width} px wide on a 390 px screen"
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('input, textarea, select')]
      .filter(el => !(el.labels && el.labels.length)).map(el => el.id || el.name)""")
    assert unlabelled == []
    assert page.requests == [path.as_uri()], page.requests


def test_the_level_follows_from_the_criteria_ticked_as_the_engine_scores_it(oversight, open_page, tmp_path):
    # The bundled checklist, edition 2.0, opened with the ministry's answers.
    out = tmp_path / "form.html"
    oversight("form", "dssg-executive", "--answers", "examples/answers/ministry-uk.yaml", "--lang", "en",
              "-o", str(out))
    scored = json.loads(run("score", "examples/answers/ministry-uk.yaml", "--format", "json").stdout)
    levels = {}

    def walk(sections):
        for section in sections:
            for indicator in section["indicators"]:
                if indicator["level"] is not None:
                    levels[indicator["id"]] = indicator["level"]
            walk(section["sections"])

    walk(scored["sections"])
    assert len(levels) == 33
    page = open_page(out)
    for indicator, level in levels.items():
        shown = page.locator(f"#criteria-level-{indicator}").inner_text()
        assert shown.startswith(f"Level from the criteria ticked: {level} — "), (indicator, shown)
    # mm-2 meets a and b: 2; ticking c makes it 3; without a, nothing counts: level 0 and
    # what it means for mm-2
    result = page.locator("#criteria-level-mm-2")
    expect(result).to_have_text("Level from the criteria ticked: 2 — Applied")
    page.locator('input[name="mm-2.criteria_met"][value="c"]').check()
    expect(result).to_have_text("Level from the criteria ticked: 3 — Monitored")
    page.locator('input[name="mm-2.criteria_met"][value="a"]').uncheck()
    expect(result).to_have_text(
        "Level from the criteria ticked: 0 — Absent: Individual operations and cases are checked only "
        "after a scandal or a complaint, under no plan.")
    # a critical indicator says why it is critical
    expect(page.locator('[data-indicator="law-1"] .rationale')).to_contain_text("Why it is critical:")
