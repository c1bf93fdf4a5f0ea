"""Shared copy: near-verbatim passages are marked on row links, and each report says how much is repeated."""

from __future__ import annotations

from pathlib import Path

from compare_tui import compare
from compare_tui.core.export import render_report
from compare_tui.core.models import Article, Link, Row, Segment
from compare_tui.core.row_details import row_details
from compare_tui.core.verbatim import copy_ratio, is_verbatim, shared_copy

WIRE = Path(__file__).resolve().parents[1] / "fixtures" / "wire"
COURIER, AGENCY = "daily-courier", "wire-agency"


def test_typography_case_and_punctuation_are_no_difference() -> None:
    a = '"Safety comes first, and we will not reopen the bridge," Ruiz told reporters.'
    b = "\u201cSafety comes first and we will NOT reopen the bridge\u201d, Ruiz told reporters"
    assert copy_ratio(a, b) == 1.0 and is_verbatim(a, b)


def test_paraphrase_and_short_lines_are_not_copies() -> None:
    assert not is_verbatim(
        "The council approved a budget of 40 million dollars for new schools on Monday.",
        "On Monday the council voted through 40 million dollars for building new schools.",
    )
    assert not is_verbatim("He said no.", "He said no.")


def test_copied_paragraphs_are_marked_on_the_links_of_their_rows() -> None:
    comparison = compare([WIRE])
    verbatim = [link for row in comparison.rows for link in row.links if link.verbatim]
    copied = {comparison.segment_text(link.a)[:30] for link in verbatim} | {
        comparison.segment_text(link.b)[:30] for link in verbatim
    }
    assert len(verbatim) == 5
    assert any(text.startswith("About 40,000 vehicles") for text in copied)
    assert not any("Opposition councillors" in text or "Commuters queued" in text for text in copied)
    for row in comparison.rows:
        if any(link.verbatim for link in row.links):
            assert row.signals["verbatim"] > 0


def test_shares_count_each_sides_sentences() -> None:
    comparison = compare([WIRE])
    shares = {(c.source, c.copier): c for c in comparison.shared_copy}
    # The agency's story has 8 body sentences, the courier 7; 5 are shared word for word.
    assert (shares[(AGENCY, COURIER)].repeated, shares[(AGENCY, COURIER)].sentences) == (5, 8)
    assert (shares[(COURIER, AGENCY)].repeated, shares[(COURIER, AGENCY)].sentences) == (5, 7)
    assert shares[(AGENCY, COURIER)].describe({AGENCY: "AP", COURIER: "Courier"}) == (
        "Courier repeats 62 % of AP's sentences (5 of 8)"
    )


def test_every_report_states_the_shared_copy() -> None:
    comparison = compare([WIRE])
    report = comparison.to_dict()
    assert {(v["source"], v["copier"], v["share"]) for v in report["verbatim"]} == {
        (AGENCY, COURIER, 0.625),
        (COURIER, AGENCY, 0.7143),
    }
    for fmt in ("md", "html"):
        text = render_report(comparison, fmt=fmt)
        assert "Shared copy" in text and "repeats 62 % of" in text


def test_no_copy_says_so() -> None:
    sample = Path(__file__).resolve().parents[2] / "sample_data" / "zelensky-security-guarantees"
    comparison = compare([sample])
    assert comparison.shared_copy == () and comparison.to_dict()["verbatim"] == []
    assert "No article repeats another's sentences verbatim." in render_report(comparison, fmt="md")


def test_shares_come_from_verbatim_links_only() -> None:
    def article(aid: str, n: int) -> Article:
        segments = tuple(Segment(f"{aid}:{i}", i * 10, i * 10 + 9, "sentence", i) for i in range(n))
        return Article(id=aid, source=f"{aid}.txt", text="x" * (n * 10), segments=segments)

    a, b = article("a", 4), article("b", 2)
    rows = (
        Row(
            "r0",
            {"a": ("a:0",), "b": ("b:0",)},
            "match",
            0.9,
            links=(Link("a:0", "b:0", 0.9, verbatim=True),),
        ),
        Row("r1", {"a": ("a:1",), "b": ("b:1",)}, "match", 0.9, links=(Link("a:1", "b:1", 0.9),)),
    )
    found = {(c.source, c.copier): (c.repeated, c.sentences) for c in shared_copy([a, b], rows)}
    assert found == {("a", "b"): (1, 4), ("b", "a"): (1, 2)}


def test_row_details_say_which_passage_matches_which_and_what_is_copied() -> None:
    comparison = compare([WIRE])
    row = next(r for r in comparison.rows if any(link.verbatim for link in r.links))
    details = row_details(comparison, row.id)
    link = next(k for k in details.links if k.verbatim)
    assert {link.a_article, link.b_article} == {AGENCY, COURIER}
    positions = {a.id: [s.id for s in a.segments] for a in comparison.articles}
    original = next(k for k in row.links if k.verbatim)
    assert positions[link.a_article][link.a_position - 1] == original.a
    assert link.a_text == comparison.segment_text(original.a)
    assert any("repeats 62 % of" in line for line in details.shared_copy)
