"""The finding types' one table: the type checker's list matches it, letters and classes are unique, and both
stylesheets (the HTML report's and the app's) have a rule for every type's highlight class."""

from __future__ import annotations

import re
from importlib import resources
from typing import get_args

from compare_tui.core.finding_types import FINDING_KINDS, FINDING_TYPES, KIND_BY_TYPE, FindingType


def _selectors(css: str) -> list[str]:
    """The selector part of every rule in a stylesheet (comments dropped)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    return re.findall(r"([^{}]+)\{", css)


def _has_rule(css: str, css_class: str) -> bool:
    """Whether some rule's selector names the class itself (not a longer class that starts with it)."""
    pattern = re.compile(rf"\.{re.escape(css_class)}(?![\w-])")
    return any(pattern.search(selector) for selector in _selectors(css))


def test_the_literal_lists_the_table_in_order() -> None:
    assert get_args(FindingType) == FINDING_TYPES == tuple(k.id for k in FINDING_KINDS)
    assert set(KIND_BY_TYPE) == set(FINDING_TYPES)


def test_letters_and_classes_tell_the_types_apart() -> None:
    for attribute in ("letter", "label", "report_class", "component"):
        values = [getattr(k, attribute) for k in FINDING_KINDS]
        assert len(set(values)) == len(values), attribute
    assert all(len(k.letter) == 1 and k.letter.isupper() for k in FINDING_KINDS)


def test_every_type_has_a_rule_in_the_report_stylesheet() -> None:
    css = resources.files("compare_tui.core").joinpath("report.css").read_text(encoding="utf-8")
    assert [k.id for k in FINDING_KINDS if not _has_rule(css, k.report_class)] == []


def test_every_type_has_a_rule_in_the_app_stylesheet() -> None:
    tcss = resources.files("compare_tui.tui").joinpath("app.tcss").read_text(encoding="utf-8")
    assert [k.id for k in FINDING_KINDS if not _has_rule(tcss, k.component)] == []


def test_the_rule_check_sees_a_missing_rule() -> None:
    css = ".hl-wording_extra { color: red; }\n/* .hl-wording { } */\np.hl-wording-x { }"
    assert not _has_rule(css, "hl-wording")
    assert _has_rule(css + "\nspan.hl-wording, .x { }", "hl-wording")
