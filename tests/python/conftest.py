"""Shared fixtures of the Python tests: the oversight binary, reports rendered into a temporary
folder, and a headless Chromium driven by playwright.

The Rust test `python_tests` (tests/it/python.rs) runs these files with `OVERSIGHT_BIN` set to
the binary under test; each test file needs only the fixtures it names, so a test that reads a
workbook does not start a browser.
"""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATE = "2026-11-28"

# Debian's Chromium, with no background traffic (the machines have no network).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def oversight():
    """Runs `oversight ARGS...` from the repository root; fails the test on a non-zero exit."""
    binary = os.environ.get("OVERSIGHT_BIN")
    if not binary:
        pytest.fail("OVERSIGHT_BIN is not set: run these tests through `cargo test python`")

    def run(*args):
        done = subprocess.run([binary, *args], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, f"oversight {' '.join(args)}:\n{done.stderr}"
        return done

    return run


@pytest.fixture(scope="session")
def reports(oversight, tmp_path_factory):
    """The HTML reports of the examples, by name: the three assessments, the comparison of the
    two rounds and the portfolio."""
    out = tmp_path_factory.mktemp("reports")
    for name in ["ministry-uk", "ministry-uk-reviewed", "police-en-partial"]:
        oversight("report", f"examples/answers/{name}.yaml", "--format", "html",
                  "--date", DATE, "-o", str(out / f"{name}.html"))
    oversight("compare", "examples/rounds/2025/border-guard-west.yaml",
              "examples/rounds/2026/border-guard-west.yaml", "--allow-version-change", "--format", "html",
              "--date", DATE, "-o", str(out / "compare.html"))
    oversight("portfolio", "examples/portfolio", "--lang", "uk", "--format", "html",
              "--date", DATE, "-o", str(out / "portfolio.html"))
    return {path.stem: path for path in out.glob("*.html")}


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium (the system's, never a downloaded one)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser):
    """Opens a file in a new page of `width` CSS pixels; every request the page makes is kept in
    `page.requests`. Closes the pages after the test."""
    pages = []

    def open_(path, width=1280, script=True):
        context = browser.new_context(viewport={"width": width, "height": 900},
                                      java_script_enabled=script)
        page = context.new_page()
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        page.goto(path.as_uri())
        pages.append(context)
        return page

    yield open_
    for context in pages:
        context.close()
