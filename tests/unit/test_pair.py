"""Focus on two: word-level changes between two passages as spans in each, and rows the two tell out of order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from compare_tui.core.comparison import Comparison
from compare_tui.core.pair import _moved, pair_view, word_changes_between
from compare_tui.core.view import build_grid

WORDS = st.sampled_from(["the", "army", "said", "claimed", "30", "troops", "West", "big", "promises", ","])


def _without(text: str, spans) -> list[str]:
    keep = []
    last = 0
    for change in spans:
        keep.append(text[last : change.start])
        last = change.end
    keep.append(text[last:])
    return " ".join(keep).replace(",", " , ").split()


@settings(deadline=None, max_examples=200)
@given(st.lists(WORDS, max_size=12), st.lists(WORDS, max_size=12))
def test_what_is_left_after_the_changes_is_the_same_in_both(old_words, new_words) -> None:
    old, new = " ".join(old_words), " ".join(new_words)
    deleted, inserted = word_changes_between(old, new)
    assert all(c.kind == "deleted" for c in deleted) and all(c.kind == "inserted" for c in inserted)
    assert _without(old, deleted) == _without(new, inserted)
    if old_words == new_words:
        assert deleted == () and inserted == ()


def test_a_changed_verb_is_deleted_on_the_left_and_inserted_on_the_right(handmade: Comparison) -> None:
    grid = build_grid(handmade)
    view = pair_view(handmade, grid, "wire", "pundit")
    row = next(
        i for i, r in enumerate(grid.rows) if "complained" in r.cells.get("pundit", r.cells["wire"]).text
    )
    wire, pundit = grid.rows[row].cells["wire"], grid.rows[row].cells["pundit"]
    assert [wire.text[c.start : c.end] for c in view.changes[(row, "wire")]] == ["said"]
    assert [pundit.text[c.start : c.end] for c in view.changes[(row, "pundit")]] == ["complained"]
    assert all(key[1] in ("wire", "pundit") for key in view.changes)
    assert not any("daily" in r.cells and (i, "daily") in view.changes for i, r in enumerate(grid.rows))


def test_rows_told_in_another_order_are_moved() -> None:
    # (row, left position, right position): the right article tells row 2 before row 1
    assert _moved([(0, 0, 0), (1, 1, 5), (2, 2, 3), (3, 3, 6)]) in ({1}, {2})
    assert _moved([(0, 0, 0), (1, 1, 1), (2, 2, 2)]) == frozenset()
