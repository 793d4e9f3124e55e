"""The Word reports read back with python-docx, an independent reader: the headings in Word's
heading styles at their levels, the contents as a TOC field, real tables whose header row
repeats, the scores, the sign-off block, the document's language, the classification and draft
marks, the charts' alternative text, and the header, page and styles taken from a template.

Expected values come from the example files: ministry-uk.yaml (edition 2.0) scores 59.791…
overall, band C (tests/it/examples.rs), its best sections are 2.1, 3.1 and 4.2 (87.5, A); the patrol
police draft is marked «ПРОЄКТ» and «Для службового користування»; the letterhead is
examples/letterhead/ministry-letterhead.docx (margins 30 mm left, 10 mm right).
"""

import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from conftest import DATE

LETTERHEAD = "examples/letterhead/ministry-letterhead.docx"
MINISTRY = "МІНІСТЕРСТВО ЦИВІЛЬНОГО КОНТРОЛЮ НАД СЕКТОРОМ БЕЗПЕКИ"
# The parts of the report, as level-1 headings, in order (ministry-uk.yaml has no exceptions).
PARTS_UK = ["Резюме", "Оцінки за розділами", "Результати за розділами", "Висновки щодо відповідності",
            "Актуальність доказів", "План заходів з удосконалення", "Забезпечення якості", "Затвердження",
            "Методика оцінювання", "Походження даних"]
SECTIONS_UK = [
    (2, "1 Ролі виборних посадових осіб і всіх державних установ"),
    (3, "1.1 Політичні та управлінські ролі"),
    (3, "1.2 Регулярний макро- та мікроконтроль"),
    (2, "2 Управління та внутрішнє врядування органів сектору безпеки і оборони"),
    (3, "2.1 Відповідність цінностям і законам суспільства"),
    (3, "2.2 Міжнародні принципи і стандарти прав людини"),
    (3, "2.3 Достатність для гарантування публічної безпеки"),
    (3, "2.4 Укомплектованість цивільними професіоналами"),
    (2, "3 Внутрішнє врядування"),
    (3, "3.1 Горизонтальні та вертикальні структури"),
    (3, "3.2 Прозорість внутрішнього управління"),
    (2, "4 Стратегічний курс, зміни та відповідальність виконавчої влади"),
    (3, "4.1 Стратегічний курс і система контролю"),
    (3, "4.2 Керівництво змінами: ефективна безпека, що враховує потреби людей"),
    (3, "4.3 Управління установами та міжміністерський контроль"),
    (3, "4.4 Юридична та політична відповідальність"),
    (2, "5 Ролі виконавчої влади"),
    (3, "5.1 Складання бюджетів і моніторинг видатків"),
    (3, "5.2 Прозора система управління фінансами"),
    (3, "5.3 Безпосередній контроль і складові внутрішнього контролю"),
    (3, "5.4 Залучення груп, що залишаються поза увагою, та маргіналізованих груп"),
    (3, "5.5 Прозорі процедури залучення та участь громадян"),
    (2, "6 Керівництво, цілі та планування"),
    (3, "6.1 Розмежовані обов’язки"),
    (3, "6.2 Публічна безпека як чітка мета"),
    (3, "6.3 Цілі в документах державної політики та довгостроковому плануванні"),
]


@pytest.fixture(scope="module")
def word(oversight, tmp_path_factory):
    """The Word reports by name: the Ukrainian ministry (bundled template), the patrol police
    draft on the example letterhead, the English police report, a comparison and a plan."""
    out = tmp_path_factory.mktemp("word")
    runs = {
        "ministry-uk": ["report", "examples/answers/ministry-uk.yaml"],
        "draft": ["report", "examples/edition-1.0/answers/patrol-police-uk-draft.yaml",
                  "--docx-template", LETTERHEAD],
        "police-en": ["report", "examples/edition-1.0/answers/police-en-partial.yaml"],
        "compare": ["compare", "examples/rounds/2025/border-guard-west.yaml",
                    "examples/rounds/2026/border-guard-west.yaml", "--allow-version-change"],
        "plan": ["plan", "examples/edition-1.0/rounds/2026/border-guard-west.yaml"],
    }
    for name, args in runs.items():
        oversight(*args, "--format", "docx", "--date", DATE, "-o", str(out / f"{name}.docx"))
    return {name: out / f"{name}.docx" for name in runs}


def headings(document):
    """(level, text) of every heading paragraph listed in the contents, in order."""
    found = []
    for paragraph in document.paragraphs:
        name = paragraph.style.name
        outline = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        if name.startswith("Heading ") and outline is None:
            found.append((int(name.split()[1]), paragraph.text))
    return found


def table_after(document, heading):
    """The first table after the heading with this text."""
    seen = False
    for block in document.iter_inner_content():
        if isinstance(block, docx.text.paragraph.Paragraph):
            seen = seen or (block.text == heading and block.style.name.startswith("Heading"))
        elif seen:
            return block
    raise AssertionError(f"no table after {heading!r}")


def repeats_header(table):
    return table.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None


def test_the_parts_and_sections_are_headings_at_their_levels(word):
    found = headings(docx.Document(word["ministry-uk"]))
    assert [text for level, text in found if level == 1] == PARTS_UK
    start = found.index((1, "Результати за розділами"))
    assert found[start + 1:start + 1 + len(SECTIONS_UK)] == SECTIONS_UK
    assert (2, "Критичні невідповідності") in found


def test_the_contents_are_a_toc_field_over_the_headings(word):
    document = docx.Document(word["ministry-uk"])
    instructions = [t.text for t in document.element.body.iter(qn("w:instrText"))]
    assert [i.strip() for i in instructions if "TOC" in i] == ['TOC \\o "1-3" \\h \\z \\u']
    begin = next(document.element.body.iter(qn("w:fldChar")))
    assert begin.get(qn("w:fldCharType")) == "begin" and begin.get(qn("w:dirty")) == "true"
    # until Word updates the field, it lists every heading in the toc style of its level
    entries = [(int(p.style.name.split()[1]), p.text) for p in document.paragraphs
               if p.style.name.startswith("toc ")]
    assert entries == headings(document)
    contents = [p for p in document.paragraphs if p.style.name == "TOC Heading"]
    assert [p.text for p in contents] == ["Зміст"]


def test_tables_are_word_tables_with_a_repeated_header_row_and_shaded_bands(word):
    document = docx.Document(word["ministry-uk"])
    best = table_after(document, "Розділи з найвищими оцінками")
    assert repeats_header(best)
    assert [c.text for c in best.rows[0].cells] == ["№", "Розділ", "Оцінка", "Категорія"]
    assert [[c.text for c in row.cells] for row in best.rows[1:]] == [
        ["2.1", "Відповідність цінностям і законам суспільства", "87,5", "A Високий рівень"],
        ["3.1", "Горизонтальні та вертикальні структури", "87,5", "A Високий рівень"],
        ["4.2", "Керівництво змінами: ефективна безпека, що враховує потреби людей", "87,5", "A Високий рівень"],
    ]
    band = best.rows[1].cells[3]._tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
    assert band is not None and band.get(qn("w:fill")) != "auto"
    # every table with a header row repeats it; only the label-value lists have none
    with_header = [t for t in document.tables if repeats_header(t)]
    assert len(with_header) >= 20


def test_the_scores_are_in_the_summary(word):
    document = docx.Document(word["ministry-uk"])
    summary = table_after(document, "Резюме")
    rows = {row.cells[0].text: row.cells[1].text for row in summary.rows}
    assert rows["Загальна оцінка"] == "59,8 (C Частковий рівень)"
    assert rows["Повнота"] == "100,0\u00a0% — застосовні індикатори з відповіддю: 33 з 33"


def test_the_sign_off_block_has_the_approval_and_every_signatory(word):
    document = docx.Document(word["ministry-uk"])
    paragraphs = document.paragraphs
    texts = [p.text for p in paragraphs]
    start = next(k for k, p in enumerate(paragraphs)
                 if p.text == "Затвердження" and p.style.name == "Heading 1")
    block = texts[start:texts.index("Методика оцінювання", start)]
    assert "ЗАТВЕРДЖУЮ" in block
    signatures = [t for t in block if "________________________  " in t]
    assert [t.split("________________________  ")[1].split("\n")[0] for t in signatures] == [
        "Олена Мельник", "Андрій Ткаченко", "Ірина Бондар", "Олександр КОВАЛЬЧУК"]
    assert signatures[-1].startswith("Міністр внутрішніх справ України\n")
    assert signatures[-1].endswith("27 листопада 2026 року")


def test_every_run_carries_the_documents_language(word):
    for name, lang in [("ministry-uk", "uk-UA"), ("police-en", "en-GB")]:
        document = docx.Document(word[name])
        langs = {e.get(qn("w:val")) for e in document.element.body.iter(qn("w:lang"))}
        assert langs == {lang}, name
        assert document.core_properties.language == lang


def test_charts_are_images_with_alternative_text(word):
    document = docx.Document(word["ministry-uk"])
    descriptions = [e.get("descr") for e in document.element.body.iter(qn("wp:docPr"))]
    # the status chart, the section bars, the radar, and the plan's risk matrix (edition 2.0
    # has one scale)
    assert len(descriptions) == 4
    assert descriptions[3].startswith("Вплив; 0; Відсутній; 1; ")
    assert descriptions[1].startswith("Оцінка кожного розділу за шкалою від 0 до 100")
    assert "2.1 Відповідність цінностям і законам суспільства: 87,5 A" in descriptions[1]
    with zipfile.ZipFile(word["ministry-uk"]) as package:
        images = [n for n in package.namelist() if n.startswith("word/media/")]
        assert len(images) == 4
        assert all(package.read(n).startswith(b"\x89PNG") for n in images)


def test_the_letterhead_gives_the_header_page_and_styles_and_the_marks_are_added(word):
    document = docx.Document(word["draft"])
    section = document.sections[0]
    header = [p.text for p in section.header.paragraphs]
    # the template's emblem and name, then the classification and the draft mark
    assert header[1:] == [MINISTRY, "ДЛЯ СЛУЖБОВОГО КОРИСТУВАННЯ", "ПРОЄКТ"]
    assert section.header.paragraphs[0]._p.find(f".//{qn('a:blip')}") is not None
    footer = [p.text for p in section.footer.paragraphs]
    assert footer[0].startswith("вул. Прикладна, 1, м. Київ")
    assert footer[-1] == "ДЛЯ СЛУЖБОВОГО КОРИСТУВАННЯ"
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 10)
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert headings(document)[0] == (1, "Резюме")
    # the template's own body is replaced by the report's
    assert "Бланк для звітів" not in "\n".join(p.text for p in document.paragraphs)


def test_the_bundled_template_has_no_marks_where_the_answers_ask_for_none(word):
    section = docx.Document(word["police-en"]).sections[0]
    assert [p.text for p in section.header.paragraphs if p.text] == []
    assert section.footer.paragraphs[-1].text.startswith("Page ")


def test_the_comparison_is_a_word_document_too(word):
    document = docx.Document(word["compare"])
    assert headings(document)
    assert any(repeats_header(t) for t in document.tables)
    # the indicator tables: five columns, each row followed by its note across the last four,
    # the row's paragraphs kept with the note
    fin2 = next(t for t in document.tables if any(r.cells[0].text == "fin-2" for r in t.rows))
    rows = fin2.rows
    at = next(i for i, r in enumerate(rows) if r.cells[0].text == "fin-2")
    assert len(fin2.columns) == 5
    assert rows[at].cells[2].text == "2 — Developing\n50.0 C", rows[at].cells[2].text
    note = rows[at + 1]._tr.findall(qn("w:tc"))
    assert len(note) == 2 and note[1].find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}").get(qn("w:val")) == "4"
    assert "".join(t.text for t in note[1].iter(qn("w:t"))).startswith(
        "Explanation of change: Up from 2: quarterly expenditure reports")
    keep = rows[at]._tr.findall(f".//{qn('w:pPr')}/{qn('w:keepNext')}")
    assert len(keep) == len(rows[at]._tr.findall(f".//{qn('w:p')}"))


def test_the_plan_is_a_word_document_with_its_parts_and_the_overdue_unit_first(word):
    document = docx.Document(word["plan"])
    found = headings(document)
    assert (1, "Improvement plan") in found
    assert (2, "Gaps to the targets, by priority") in found
    assert (2, "Actions by responsible unit") in found
    units = [text for level, text in found if level == 3]
    assert units[0] == "Planning and Analysis Unit (overdue: 1)"
    assert repeats_header(table_after(document, "Gaps to the targets, by priority"))
