"""The HTML report of the 11-article sample in a real browser (headless Chromium) at 1280 px wide.

Chromium lays the page out; a script added to a copy of the report (the report itself has none) writes the
page's scroll width into the DOM, which `--dump-dom` returns. The page must not scroll sideways and must name
every article. `.ci/run` installs Chromium and requires it; elsewhere the test is skipped without it.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from compare_tui.core.export import render_report
from compare_tui.core.pipeline import compare

ROOT = Path(__file__).resolve().parents[2]
ELEVEN = ROOT / "sample_data" / "sudan-bombs-yida-refugee-camp"
WIDTH = 1280
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PROBE = (
    "<script>document.body.setAttribute('data-widths', "
    "document.documentElement.scrollWidth + ' ' + document.documentElement.clientWidth);</script>"
)


def _browser() -> str:
    found = next((path for name in BROWSERS if (path := shutil.which(name))), None)
    if found is None:
        if os.environ.get("COMPARE_TUI_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required here (COMPARE_TUI_REQUIRE_BROWSER=1) but not installed")
        pytest.skip("no Chromium on this machine (.ci/run installs the Debian package 'chromium')")
    return found


def _dump_dom(browser: str, page: Path) -> str:
    result = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--window-size={WIDTH},900",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


@pytest.fixture(scope="module")
def eleven_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[str, ...]]:
    """The sample's HTML report with the width probe appended, and the names of its articles."""
    comparison = compare([str(ELEVEN)])
    assert len(comparison.articles) == 11
    report = render_report(comparison, fmt="html")
    assert "<script" not in report
    page = tmp_path_factory.mktemp("report") / "eleven.html"
    page.write_text(report.replace("</body>", PROBE + "\n</body>"), encoding="utf-8")
    return page, tuple(comparison.labels[a.id] for a in comparison.articles)


def test_eleven_article_report_fits_1280_px_and_names_every_article(eleven_report) -> None:
    page, names = eleven_report
    dom = _dump_dom(_browser(), page)
    widths = re.search(r'data-widths="(\d+) (\d+)"', dom)
    assert widths is not None, "the probe did not run"
    scroll_width, client_width = map(int, widths.groups())
    assert client_width == WIDTH
    assert scroll_width <= client_width, (
        f"the page scrolls sideways: {scroll_width} px wide in {client_width}"
    )
    text = html.unescape(re.sub(r"<[^>]+>", " ", dom))
    missing = [name for name in names if name not in text]
    assert missing == []
