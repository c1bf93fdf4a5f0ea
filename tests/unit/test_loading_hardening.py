"""Loading under odd conditions: a broken install, huge numbers, bad meta.json, unreadable folders, FIFOs,
stray bytes and escape sequences. Each case is one line naming the input and the other inputs still load."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from compare_tui.core.loading import load_sources

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "loading"


def test_a_missing_html_dependency_costs_only_the_html_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # what an install without the HTML stack sees
    result = load_sources([FIXTURES / "crlf.txt", FIXTURES / "article.html"])
    assert [a.source for a in result.articles] == [str(FIXTURES / "crlf.txt")]
    (error,) = result.errors
    assert str(error).startswith(f"{FIXTURES / 'article.html'}: cannot read HTML")
    assert "reinstall" in str(error)
