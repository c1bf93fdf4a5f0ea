"""An article's view: the findings it builds are the dataclass's own, field for field."""

from __future__ import annotations

from dataclasses import fields

from compare_tui.core.analysis.context import build_views
from compare_tui.core.models import Finding, Peers
from fixtures.analysis_inputs import segmented, solo_rows


def test_view_finding_equals_the_dataclass_built_finding() -> None:
    article = segmented("a1", "Title\n\nKyiv said the plan was fair. Moscow disagreed.")
    rows = solo_rows(article)
    view = build_views([article], rows)[0]
    start = article.text.index("Moscow")
    detail = {"words": ["Moscow"]}
    built = view.finding(
        "wording",
        start,
        start + 6,
        "why",
        category="c",
        confidence=0.5,
        peers=Peers(("a1",), ("a2",)),
        key="k",
        detail=detail,
    )
    expected = Finding(
        id="",
        type="wording",
        article="a1",
        start=start,
        end=start + 6,
        text="Moscow",
        explanation="why",
        row=view.row_at(start),
        peers=Peers(("a1",), ("a2",)),
        confidence=0.5,
        category="c",
        key="k",
        detail={"words": ["Moscow"]},
    )
    assert built == expected and built.row is not None
    assert [getattr(built, f.name) for f in fields(Finding)] == [
        getattr(expected, f.name) for f in fields(Finding)
    ]
    assert built.detail is not detail  # a copy: the caller's mapping may change afterwards
    assert view.finding("wording", 0, 5, "x").detail == {}
