"""The app's view model: cells and marks, gaps, out-of-order badges, folding, finding order, search, details."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare_tui.core.comparison import Comparison
from compare_tui.core.finding_types import FINDING_TYPES
from compare_tui.core.models import Finding
from compare_tui.core.row_details import omission_ledger, row_details, word_diff
from compare_tui.core.view import (
    Cursor,
    Fold,
    SearchHit,
    build_grid,
    carry_cursor,
    finding_counts,
    finding_stops,
    folded_count,
    headline_cells,
    hit_spans,
    locate,
    longest_increasing,
    next_unique,
    out_of_order,
    row_id_at,
    search,
    selectable,
    shown_rows,
    step_stop,
    step_within,
)

ALL = ("wire", "pundit", "daily")


def test_cells_hold_literal_text_and_marks_point_at_the_findings(handmade: Comparison) -> None:
    grid = build_grid(handmade)
    assert len(grid.rows) == len(handmade.rows)
    for row in grid.rows:
        for cell in row.cells.values():
            for mark in cell.marks:
                finding = next(f for f in handmade.findings if f.id == mark.finding)
                assert cell.text[mark.start : mark.end] == finding.text
    assert "daily" not in grid.rows[2].cells  # a gap
    assert grid.rows[4].status == "unique"


def test_control_characters_in_article_text_become_visible(handmade: Comparison) -> None:
    wire = handmade.articles[0]
    hostile = replace(wire, text=wire.text.replace("The leaders", "\x1b[2JThe l"))
    cell = build_grid(replace(handmade, articles=(hostile, *handmade.articles[1:])))
    text = cell.rows[2].cells["wire"].text
    assert text.startswith("\u241b[2JThe l") and "\x1b" not in text


def test_passage_out_of_its_order_is_badged_with_its_paragraph(handmade: Comparison) -> None:
    displaced = out_of_order(handmade)
    assert set(displaced) == {("r3", "pundit")}
    assert displaced[("r3", "pundit")].label == "¶5 ↓"
    assert build_grid(handmade).rows[3].cells["pundit"].displaced is not None


def test_longest_increasing_keeps_the_longest_run() -> None:
    assert longest_increasing([0, 1, 5, 2, 3, 4]) == {0, 1, 3, 4, 5}
    assert longest_increasing([]) == set()


@given(st.lists(st.integers(0, 30), max_size=40, unique=True))
def test_longest_increasing_is_increasing(values: list[int]) -> None:
    kept = sorted(longest_increasing(values))
    assert all(values[a] < values[b] for a, b in pairwise(kept))
    assert (len(kept) > 0) == (len(values) > 0)


def test_reading_mode_follows_each_article_and_links_rows(handmade: Comparison) -> None:
    grid = build_grid(handmade, mode="reading")
    pundit = [row.cells["pundit"].aligned_row for row in grid.rows if "pundit" in row.cells]
    assert pundit == [1, 2, 3, 5, 4, 6, 7]  # its own order: the aside (row 5) before "complained" (row 4)
    assert all(c.displaced is None for r in grid.rows for c in r.cells.values())
    assert locate(grid, article="pundit", aligned_row=4) == 4


def test_folding_hides_plain_rows_as_folds(handmade: Comparison) -> None:
    grid = build_grid(handmade)
    assert [r.plain for r in grid.rows] == [False, True, False, False, False, True, False]
    shown = shown_rows(grid, articles=ALL, folded=True)
    assert shown == (0, Fold((1,)), 2, 3, 4, Fold((5,)), 6)
    assert selectable(shown) == (0, 2, 3, 4, 6)
    assert selectable(shown_rows(grid, articles=ALL, folded=False)) == tuple(range(7))


def test_hiding_articles_drops_rows_only_they_have(handmade: Comparison) -> None:
    grid = build_grid(handmade)
    assert 4 not in shown_rows(grid, articles=("wire", "daily"), folded=False)


def test_finding_stops_in_row_column_position_order_and_wrap(handmade: Comparison) -> None:
    grid = build_grid(handmade)
    rows = tuple(range(7))
    stops = finding_stops(grid, rows=rows, articles=ALL, types={"wording", "attribution", "omitted_fact"})
    assert [s.finding for s in stops] == ["f0", "f1", "f3", "f6", "f9", "f7", "f10"]
    start = Cursor(0, "wire")
    first = step_stop(stops, cursor=start, rows=rows, articles=ALL, step=1)
    assert first is not None and first.finding == "f0"
    last = step_stop(stops, cursor=Cursor(0, "wire", "f0"), rows=rows, articles=ALL, step=-1)
    assert last is not None and last.finding == "f10"
    middle = step_stop(stops, cursor=Cursor(2, "daily"), rows=rows, articles=ALL, step=1)
    assert middle is not None and middle.finding == "f3"
    assert step_stop((), cursor=start, rows=rows, articles=ALL, step=1) is None


def test_next_unique_wraps_and_respects_shown_articles(handmade: Comparison) -> None:
    grid = build_grid(handmade)
    rows = tuple(range(7))
    assert next_unique(grid, rows=rows, current=0, articles=ALL) == 4
    assert next_unique(grid, rows=rows, current=4, articles=ALL) == 4  # the only one: wraps back to itself
    assert (
        next_unique(grid, rows=rows, current=0, articles=("wire", "daily")) == 2
    )  # only wire, of those shown
    assert next_unique(grid, rows=(), current=0, articles=ALL) is None


def test_search_is_case_insensitive_with_cell_offsets(handmade: Comparison) -> None:
    grid = build_grid(handmade)
    hits = search(grid, "ZELENSKY", articles=ALL)
    assert [(h.row, h.article) for h in hits] == [(3, "wire"), (3, "pundit"), (3, "daily")]
    cell = grid.rows[3].cells["pundit"]
    assert cell.text[hits[1].start : hits[1].end] == "Zelensky"
    assert search(grid, "  ", articles=ALL) == ()
    assert search(grid, "[red]", articles=ALL) == ()


def test_step_within_clamps_or_wraps_and_starts_from_the_first_when_lost() -> None:
    rows = (0, 2, 3, 6)
    assert step_within(rows, 2, step=1, wrap=False) == 3
    assert step_within(rows, 6, step=1, wrap=False) == 6
    assert step_within(rows, 0, step=-1, wrap=False) == 0
    assert step_within(rows, 5, step=1, wrap=False) == 2  # 5 is folded away: counted from the first row
    assert step_within(ALL, "daily", step=1, wrap=True) == "wire"
    assert step_within(ALL, "wire", step=-1, wrap=True) == "daily"


def test_switching_modes_carries_the_cursor_to_the_same_passage(handmade: Comparison) -> None:
    aligned, reading = build_grid(handmade), build_grid(handmade, mode="reading")
    there = carry_cursor(Cursor(3, "pundit", "f3"), source=aligned, target=reading)
    assert there == Cursor(4, "pundit")  # the aside comes first in pundit's own order
    assert reading.rows[there.row].cells["pundit"].aligned_row == 4
    back = carry_cursor(there, source=reading, target=aligned)
    assert back == Cursor(3, "pundit")
    gap = Cursor(4, "wire", None)  # wire has no passage in the unique row
    assert carry_cursor(gap, source=aligned, target=reading) == gap


def test_row_id_at_finds_the_alignment_row_in_either_mode(handmade: Comparison) -> None:
    assert row_id_at(build_grid(handmade), handmade, Cursor(4, "wire")) == "r4"
    reading = build_grid(handmade, mode="reading")
    assert row_id_at(reading, handmade, Cursor(3, "pundit")) == "r4"
    assert row_id_at(reading, handmade, Cursor(3, "wire")) == "r3"


def test_hit_spans_group_search_hits_by_cell_in_order() -> None:
    hits = [SearchHit(1, "wire", 0, 3), SearchHit(1, "daily", 2, 4), SearchHit(1, "wire", 8, 9)]
    assert hit_spans(hits) == {(1, "wire"): ((0, 3), (8, 9)), (1, "daily"): ((2, 4),)}
    assert hit_spans([]) == {}


def test_headlines_are_title_segments_with_their_marks(handmade: Comparison) -> None:
    cells = headline_cells(handmade)
    assert cells["pundit"].text == "West makes big promises to Ukraine"
    assert [m.finding for m in cells["pundit"].marks] == ["f1"]


def test_counts_cover_every_type(handmade: Comparison) -> None:
    counts = finding_counts(handmade.findings)
    assert counts["attribution"] == 3 and counts["wording"] == 3 and set(counts) == set(FINDING_TYPES)


def test_word_diff_keeps_original_spacing_and_numbers() -> None:
    pieces = word_diff("Witkoff said a 30,000 strong force.", "Witkoff claimed the 'plan'.")
    assert [(p.tag, p.old, p.new) for p in pieces] == [
        ("equal", "Witkoff", "Witkoff"),
        ("replace", "said a 30,000 strong force", "claimed the 'plan'"),
        ("equal", ".", "."),
    ]
    assert word_diff("", "a b") == (word_diff("", "a b")[0],) and word_diff("", "a b")[0].tag == "insert"


def test_row_details_gather_diffs_facts_and_attribution(handmade: Comparison) -> None:
    details = row_details(handmade, "r6")
    assert details.number == 7 and details.missing == ()
    assert [(d.base, d.other) for d in details.diffs] == [("wire", "pundit"), ("wire", "daily")]
    assert [(f.text, f.present, f.absent) for f in details.facts] == [
        ("30,000", ("wire",), ("pundit", "daily"))
    ]
    assert [f.detail["verb"] for f in details.attributions] == ["said", "claimed", "said"]
    gap = row_details(handmade, "r2", base="pundit")
    assert gap.missing == ("daily",) and gap.diffs[0].base == "pundit"


def test_details_marks_sit_on_the_finding_itself_not_an_earlier_same_word(handmade: Comparison) -> None:
    daily = handmade.article_by_id["daily"]
    second = daily.text.rindex("said")  # "Witkoff said the plan was discussed, officials said."
    extra = Finding("f11", "wording", "daily", second, second + 4, "said", "wording: said", row="r6")
    details = row_details(replace(handmade, findings=(*handmade.findings, extra)), "r6")
    passage = next(p for p in details.passages if p.article == "daily")
    mark = next(m for m in passage.marks if m.finding == "f11")
    assert passage.text[mark.start : mark.end] == "said" and mark.start == passage.text.rindex("said")
    for p in details.passages:
        for m in p.marks:
            finding = next(f for f in details.findings if f.id == m.finding)
            assert p.text[m.start : m.end] == finding.text


def test_findings_of_a_row_are_tagged_with_it_or_start_inside_it(handmade: Comparison) -> None:
    assert [f.id for f in handmade.findings_in("r6")] == ["f6", "f7", "f8", "f9", "f10"]
    untagged = tuple(replace(f, row=None) if f.id == "f8" else f for f in handmade.findings)
    moved = replace(handmade, findings=untagged)
    assert "f8" in [f.id for f in moved.findings_in("r6")]
    assert "f8" not in [f.id for f in moved.findings_in("r5")]
    assert row_details(moved, "r6").findings == moved.findings_in("r6")


def test_ledger_lists_every_omitted_fact_against_every_article(handmade: Comparison) -> None:
    ledger = omission_ledger(handmade)
    assert ledger.articles == ALL
    assert [(f.text, f.present) for f in ledger.facts] == [("30,000", ("wire",))]


@pytest.mark.parametrize("kept", [(), ("editorial_aside",), ("wording", "attribution"), FINDING_TYPES])
def test_folding_by_the_shown_categories_keeps_exactly_the_rows_with_such_findings(
    handmade: Comparison, kept: tuple[str, ...]
) -> None:
    grid = build_grid(handmade)
    articles = ("wire", "pundit")
    shown = shown_rows(grid, articles=articles, folded=True, types=kept)
    expected = [
        i
        for i, row in enumerate(grid.rows)
        if any(m.type in kept for a in articles if a in row.cells for m in row.cells[a].marks)
    ]
    assert list(selectable(shown)) == expected
    present = [i for i, row in enumerate(grid.rows) if set(articles) & row.cells.keys()]
    assert folded_count(shown) == len(present) - len(expected)


def test_ledger_facts_point_at_their_first_finding_and_filter_by_article(handmade: Comparison) -> None:
    from compare_tui.core.row_details import missing_in

    (fact,) = omission_ledger(handmade, ranked=True).facts
    finding = next(f for f in handmade.findings if f.id == fact.finding)
    assert (finding.type, finding.article, finding.row) == ("omitted_fact", fact.article, fact.row)
    ledger = omission_ledger(handmade)
    assert missing_in(ledger, None) == ledger.facts
    assert missing_in(ledger, "wire") == () and missing_in(ledger, "pundit") == (fact,)
