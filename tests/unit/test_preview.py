"""The first frame's view: each article's paragraphs in reading order, before any alignment."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from compare_tui.core.models import Article
from compare_tui.core.preview import carry_from_preview, paragraphs, preview_grid
from compare_tui.core.view import Cursor, build_grid
from fixtures.handmade import build_comparison


def _article(article_id: str, text: str) -> Article:
    return replace(build_comparison().articles[0], id=article_id, text=text, segments=())


def test_paragraphs_split_on_blank_lines_and_join_wrapped_lines() -> None:
    text = "Headline\n\nFirst line\nwrapped on.\n  \n\n\tSecond \x1b[31mred\x1b[0m.\n"
    assert paragraphs(text) == ("Headline", "First line wrapped on.", "Second ␛[31mred␛[0m.")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n\t\x1b.")))
def test_paragraphs_keep_every_word_in_order_without_controls(text: str) -> None:
    kept = paragraphs(text)
    assert " ".join(kept).split() == text.replace("\x1b", "␛").split()
    assert all(p and "\n" not in p and p == p.strip() for p in kept)


def test_preview_rows_hold_the_nth_paragraph_of_each_article() -> None:
    short = _article("short", "Title A\n\nOnly paragraph.")
    long = _article("long", "Title B\n\nOne.\n\nTwo.")
    grid = preview_grid([short, long])
    assert grid.articles == ("short", "long")
    assert [{a: c.text for a, c in row.cells.items()} for row in grid.rows] == [
        {"short": "Title A", "long": "Title B"},
        {"short": "Only paragraph.", "long": "One."},
        {"long": "Two."},
    ]
    assert all(not c.marks and c.aligned_row == 0 for row in grid.rows for c in row.cells.values())
    assert not any(row.plain for row in grid.rows)


def test_cursor_carries_to_the_aligned_row_of_the_same_paragraph() -> None:
    comparison = build_comparison()
    preview = preview_grid(comparison.articles)
    aligned = build_grid(comparison)
    pundit_fourth = next(i for i, r in enumerate(preview.rows) if "Of course" in r.cells["pundit"].text)
    moved = carry_from_preview(Cursor(pundit_fourth, "pundit"), preview=preview, target=aligned)
    assert "Of course" in aligned.rows[moved.row].cells["pundit"].text
    assert moved.article == "pundit"
    # Past the end of a short article's column: back to the first row.
    last = len(preview.rows) - 1
    assert carry_from_preview(Cursor(last, "daily"), preview=preview, target=aligned) == Cursor(0, "daily")
