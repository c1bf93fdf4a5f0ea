"""The input and export format tables: every format they list is read or written, and what the command line
and the messages say is derived from them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare_tui.cli import _app_parser, _report_parser, _screenshot_parser
from compare_tui.core.export import (
    EXPORT_KINDS,
    IMAGE_FORMATS,
    REPORT_FORMATS,
    export_bytes,
    export_kind,
    export_name,
    render_report,
)
from compare_tui.core.loading import INPUT_FORMATS, INPUT_SUFFIXES, LoadError, load_sources
from fixtures.handmade import build_comparison

BODY = {
    "text": "Storm hits coast\n\nThe storm reached the coast on Monday.\n",
    "markdown": "# Storm hits coast\n\nThe storm reached the coast on Monday.\n",
    "html": "<html><head><title>Storm hits coast</title></head><body><article><h1>Storm hits coast</h1>"
    "<p>The storm reached the coast on Monday, and the harbour was closed for the rest of the week.</p>"
    "</article></body></html>",
    "json": json.dumps({"title": "Storm hits coast", "text": "The storm reached the coast on Monday."}),
}


def test_every_input_format_has_a_sample_here() -> None:
    assert {f.id for f in INPUT_FORMATS} == set(BODY)


@pytest.mark.parametrize("suffix", INPUT_SUFFIXES)
def test_a_folder_loads_a_file_of_every_listed_suffix(tmp_path: Path, suffix: str) -> None:
    fmt = next(f for f in INPUT_FORMATS if suffix in f.suffixes)
    (tmp_path / f"storm{suffix.upper()}").write_text(BODY[fmt.id], encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    result = load_sources([tmp_path])
    assert result.errors == ()
    [article] = result.articles
    assert "The storm reached the coast on Monday" in article.text
    assert article.title == "Storm hits coast"


def test_a_folder_without_articles_names_every_suffix(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    [error] = load_sources([tmp_path]).errors
    assert isinstance(error, LoadError)
    assert all(suffix in error.reason for suffix in INPUT_SUFFIXES)


def test_the_command_line_offers_what_the_tables_hold() -> None:
    def choices(parser: object, dest: str) -> tuple[str, ...]:
        return next(a.choices for a in parser._actions if a.dest == dest)  # type: ignore[attr-defined]

    assert tuple(choices(_report_parser(), "format")) == REPORT_FORMATS
    assert tuple(choices(_screenshot_parser(), "format")) == IMAGE_FORMATS
    help_text = _app_parser().format_help()
    assert all(suffix in help_text for suffix in INPUT_SUFFIXES)
    assert "|".join(REPORT_FORMATS) in help_text


def test_every_export_kind_writes_its_file() -> None:
    comparison = build_comparison()
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>'
    starts = {"html": b"<!DOCTYPE html>", "md": b"# ", "json": b"{", "png": b"\x89PNG", "svg": b"<svg"}
    assert {k.id for k in EXPORT_KINDS} == set(starts)
    for kind in EXPORT_KINDS:
        data = export_bytes(comparison, fmt=kind.id, screen_svg=svg)
        assert data.startswith(starts[kind.id]), kind.id
        assert export_name(comparison, fmt=kind.id).endswith(kind.suffix)
        assert (kind.report is None) != (kind.image is None)


def test_an_unknown_format_is_named_with_the_ones_there_are() -> None:
    with pytest.raises(ValueError, match="expected one of html, md, json, png, svg"):
        export_kind("docx")
    with pytest.raises(ValueError, match="expected one of html, md, json$"):
        render_report(build_comparison(), fmt="png")  # type: ignore[arg-type]
