"""Datelines, timestamps and bylines: recognised, and kept out of facts, unique passages and wording."""

from __future__ import annotations

import pytest

from compare_tui.core.analysis import analyse, fact_ledger
from compare_tui.core.datelines import is_publication_line
from compare_tui.core.models import Row
from fixtures.analysis_inputs import segmented


@pytest.mark.parametrize(
    "line",
    [
        "Thu, 10 Nov 2011 02:45 PM",
        "on Nov 10, 2011",
        "11 November 2011 Last updated at 12:41 GMT",
        "Thu Nov 10, 2011 3:00pm EST",
        "Published on: 11 November 2011 - 11:25am",
        "11/10/11 02:39 PM ET",
        "November 14, 2011|12:35 pm",
        "Updated 4 : 08 p . m . ET",
        "WASHINGTON - April 27 -",
        "By Jeffrey Gettleman",
        "By ANNA SMITH and JOHN DOE",
    ],
)
def test_publication_lines(line: str) -> None:
    assert is_publication_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "On Thursday, November 10th at approximately 3:00 pm, the camp was bombed.",
        "Interior and Commerce Secretaries Must Act by May 9",
        "Four bombs fell on May 9.",
        "By the numbers, 30 died",
        "COVID 19",
        "http : / / digitaljournal . com / article / 268554",
    ],
)
def test_reporting_lines_are_not_publication_lines(line: str) -> None:
    assert not is_publication_line(line)


def test_a_dateline_gives_no_facts_and_is_no_unique_passage() -> None:
    a1 = segmented(
        "a1", "Camp bombed\n\nThu, 10 Nov 2011 02:45 PM\n\nA camp was bombed on Thursday, officials said."
    )
    a2 = segmented("a2", "Camp bombed\n\nA camp was bombed on Thursday, officials said.")
    keys = {e.key for e in fact_ledger([a1, a2])}
    assert keys == {"date:thursday"}
    rows = [
        Row("r0", {"a1": ("a1:0",), "a2": ("a2:0",)}, "match", 0.9),
        Row("r1", {"a1": ("a1:1",)}, "unique", 0.0),
        Row("r2", {"a1": ("a1:2",), "a2": ("a2:1",)}, "match", 0.9),
    ]
    findings = analyse([a1, a2], rows)
    assert not [f for f in findings if f.type in ("unique_passage", "omitted_fact")]


def test_datelines_are_not_diffed() -> None:
    a1 = segmented("a1", "Camp bombed\n\n11 November 2011\n\nA camp was bombed.")
    a2 = segmented("a2", "Camp bombed\n\nPublished: November 10, 2011\n\nA camp was bombed.")
    rows = [Row(f"r{i}", {"a1": (f"a1:{i}",), "a2": (f"a2:{i}",)}, "match", 0.9) for i in range(3)]
    assert [f for f in analyse([a1, a2], rows) if f.type == "wording"] == []
