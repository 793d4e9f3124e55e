"""The HTML reports in a real browser: the finder's search box and filters, the expanding and
collapsing of the indicators' details, a page that reads without scripts, no request of any
kind, column headers that never run into each other, and a printed page that cuts nothing; the
plan on its own (`oversight plan`) at the same widths and on paper.

The expected indicators come from the example files: in police-en-partial.yaml (edition 2.0,
scope police), hr-2, ovs-1 and tr-6 are `not-enough-information`; the critical failures are
hr-5 (unanswered) and ovs-1; of the 36 indicators 24 are scored, 5 not applicable, 3 unanswered
and civ-4 out of scope; only hr-4 mentions firearms (its wording, guidance, reference and
comment); in the Ukrainian checklist only law-2 says «зобов’язанням».
"""

import re

from playwright.sync_api import expect

# The ids of the indicators that show, in the order of the page.
SHOWN = """() => [...document.querySelectorAll('#findings article.ind')]
  .filter(a => a.checkVisibility()).map(a => a.id.slice(2))"""

# Every visible column header whose text runs out of its cell or into the next header, and every
# table wider than the box that holds it (unless that box scrolls), as readable strings.
COLLISIONS = """() => {
  const bad = [];
  const clipped = el => { for (; el; el = el.parentElement) if (getComputedStyle(el).clip !== 'auto') return true; return false; };
  const ink = th => {
    let left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
    const walk = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) {
      const node = walk.currentNode;
      if (!node.textContent.trim() || node.parentElement.closest('.sr-only')) continue;
      const range = document.createRange(); range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        left = Math.min(left, r.left); right = Math.max(right, r.right);
        top = Math.min(top, r.top); bottom = Math.max(bottom, r.bottom);
      }
    }
    return {left, right, top, bottom};
  };
  for (const row of document.querySelectorAll('thead tr')) {
    if (clipped(row) || !row.checkVisibility()) continue;
    const cells = [...row.children].filter(th => th.getBoundingClientRect().width > 2);
    cells.forEach((th, k) => {
      const text = ink(th), box = th.getBoundingClientRect(), name = th.textContent.trim();
      if (text.right < text.left) return;
      if (text.left < box.left - 0.5 || text.right > box.right + 0.5) bad.push('runs out of its cell: ' + name);
      const next = cells[k + 1];
      if (!next) return;
      const other = ink(next);
      if (text.right > other.left + 0.5 && text.top < other.bottom && other.top < text.bottom)
        bad.push('runs into the next header: ' + name + ' | ' + next.textContent.trim());
    });
  }
  for (const table of document.querySelectorAll('table')) {
    const holder = table.parentElement;
    if (!table.checkVisibility() || getComputedStyle(holder).overflowX === 'auto') continue;
    if (table.getBoundingClientRect().width > holder.clientWidth + 1)
      bad.push('wider than its box: table.' + table.className);
  }
  return bad;
}"""


def shown(page):
    return page.evaluate(SHOWN)


def count(page, scope="#findings"):
    return page.locator(f"{scope} .finder-count").inner_text()


def test_typing_in_the_search_box_keeps_the_indicators_that_hold_every_word(reports, open_page):
    page = open_page(reports["police-en-partial"])
    assert count(page) == "Shown: 36\u00a0of 36"
    page.get_by_label("Words to find").press_sequentially("FIREARMS")
    expect(page.locator("#findings .finder-count")).to_have_text(re.compile("^Shown: 1"))
    assert shown(page) == ["hr-4"]
    assert count(page) == "Shown: 1\u00a0of 36"
    # a section with nothing left disappears with its heading; the one holding hr-4 stays
    assert page.locator("#s-human-rights-h").is_visible()
    assert not page.locator("#s-values-and-law-h").is_visible()
    page.get_by_label("Words to find").fill("firearms nosuchword")
    expect(page.locator("#findings .finder-count")).to_have_text(re.compile("^Shown: 0"))
    assert shown(page) == []
    assert page.locator("[data-finder-none]").is_visible()
    page.get_by_role("button", name="Clear").click()
    expect(page.locator("#findings .finder-count")).to_have_text(re.compile("^Shown: 36"))
    assert len(shown(page)) == 36


def test_a_typed_apostrophe_matches_the_typographic_one(reports, open_page):
    page = open_page(reports["ministry-uk"])
    page.get_by_label("Слова для пошуку").fill("суб'єкта")
    expect(page.locator("#findings .finder-count")).to_have_text(re.compile("^Показано: 1"))
    assert shown(page) == ["lead-1"]


def test_the_filters_combine(reports, open_page):
    page = open_page(reports["police-en-partial"])
    finder = page.locator("#findings form.finder")
    status = finder.get_by_label("Status")
    assert status.locator("option").all_inner_texts() == [
        "All", "Scored (24)", "Not applicable (5)", "Not enough information (3)", "Unanswered (3)",
        "Out of scope (1)"]
    status.select_option(label="Not enough information (3)")
    assert shown(page) == ["hr-2", "ovs-1", "tr-6"]
    assert count(page) == "Shown: 3\u00a0of 36"
    finder.get_by_label("Critical indicators").select_option(label="Critical failure (2)")
    assert shown(page) == ["ovs-1"]
    status.select_option(label="All")
    assert shown(page) == ["hr-5", "ovs-1"]
    status.select_option(label="Out of scope (1)")
    assert shown(page) == []
    status.select_option(label="All")
    # a section includes its sub-sections
    finder.get_by_label("Critical indicators").select_option(label="All")
    finder.get_by_label("Section").select_option(value="section:budgets")
    assert shown(page) == ["fin-6", "fin-2"]
    finder.get_by_label("Section").select_option(value="section:executive-roles")
    assert len(shown(page)) == 11
    assert all(not re.match(r"(law|hr|ps|civ)-", i) for i in shown(page))


def test_a_link_to_a_filtered_out_indicator_clears_the_filters(reports, open_page):
    page = open_page(reports["police-en-partial"])
    page.locator("#findings form.finder").get_by_label("Status").select_option(value="status:scored")
    assert "hr-5" not in shown(page)
    page.locator("#summary a[href='#i-hr-5']").first.click()
    assert "hr-5" in shown(page)
    assert len(shown(page)) == 36


def test_the_details_collapse_and_expand(reports, open_page):
    page = open_page(reports["ministry-uk-reviewed"])
    bodies = page.locator("#findings details.ind-body")
    assert bodies.count() == 36
    open_ = "els => els.filter(d => d.open).length"
    assert bodies.evaluate_all(open_) == 36
    page.get_by_role("button", name="Згорнути всі", exact=True).click()
    assert bodies.evaluate_all(open_) == 0
    assert page.locator("#i-hr-1-h").is_visible(), "the heading stays"
    assert not page.locator("#i-hr-1 .review-table").is_visible()
    page.locator("#i-hr-1 summary").first.click()
    assert page.locator("#i-hr-1 .review-table").is_visible()
    page.get_by_role("button", name="Розгорнути всі", exact=True).click()
    assert page.locator("#findings details").evaluate_all(open_) == page.locator("#findings details").count()


def test_without_scripts_the_report_is_complete_and_has_no_dead_controls(reports, open_page):
    page = open_page(reports["ministry-uk"], script=False)
    assert not page.locator("form.finder").is_visible()
    assert len(shown(page)) == 36, "edition 2.0, the out-of-scope ones marked so"
    assert page.locator("#findings details.ind-body").evaluate_all("els => els.every(d => d.open)")
    assert page.locator("#i-law-1 .ind-evidence").is_visible()


def test_no_report_makes_a_request(reports, open_page):
    for name, path in reports.items():
        page = open_page(path)
        page.locator("form.finder input[type=search]").first.fill("a")
        page.wait_for_timeout(200)
        assert page.requests == [path.as_uri()], f"{name}: {page.requests}"


def test_the_comparison_and_the_portfolio_have_the_finder_too(reports, open_page):
    page = open_page(reports["compare"])
    finder = page.locator("#indicators form.finder")
    change = finder.locator("select[data-finder-filter=change]")
    declined = next(o for o in change.locator("option").all_inner_texts() if o.startswith("Declined"))
    change.select_option(label=declined)
    rows = page.locator("#indicators tbody tr")
    visible = [r for r in rows.all() if r.is_visible()]
    assert len(visible) == int(re.search(r"\((\d+)\)", declined).group(1))
    assert all(r.locator(".change--declined").count() == 1 for r in visible)
    groups = page.locator("#indicators .group")
    assert 0 < sum(g.is_visible() for g in groups.all()) < groups.count(), "empty groups hide"

    page = open_page(reports["portfolio"])
    page.get_by_label("Слова для пошуку").fill("гвардія")
    expect(page.locator("#heatmap .finder-count")).to_have_text(re.compile("^Показано: 1"))
    assert count(page, "#heatmap") == "Показано: 1\u00a0з 5"
    for table in ["#heatmap tbody tr", "#organisations tbody tr"]:
        names = [r.locator("th").inner_text() for r in page.locator(table).all() if r.is_visible()]
        assert names == ["Національна гвардія України"], table


def test_column_headers_never_collide(reports, open_page):
    for name, path in reports.items():
        for width in [1280, 390]:
            page = open_page(path, width=width)
            assert page.evaluate(COLLISIONS) == [], f"{name} at {width} px"


def test_nothing_is_cut_on_paper(reports, open_page):
    # An A4 page less its 15 mm margins is 180 mm, 680 CSS pixels wide.
    for name, path in reports.items():
        page = open_page(path, width=680)
        page.emulate_media(media="print")
        assert page.evaluate(COLLISIONS) == [], f"{name} in print"
        clamped = page.evaluate("""() => [...document.querySelectorAll('.sub')]
          .filter(e => e.scrollHeight > e.clientHeight + 1).map(e => e.textContent.slice(0, 40))""")
        assert clamped == [], f"{name}: text cut in print"


def test_the_plan_on_its_own_reads_at_every_width_and_on_paper(oversight, tmp_path, open_page):
    # `oversight plan` on the second border guard round: its gap, action and matrix tables.
    path = tmp_path / "plan.html"
    oversight("plan", "examples/rounds/2026/border-guard-west.yaml", "--format", "html",
              "--date", "2026-11-20", "-o", str(path))
    for width in [1280, 390]:
        page = open_page(path, width=width)
        assert page.evaluate(COLLISIONS) == [], f"plan at {width} px"
        assert page.requests == [path.as_uri()], page.requests
    page = open_page(path, width=680)
    page.emulate_media(media="print")
    assert page.evaluate(COLLISIONS) == [], "plan in print"
