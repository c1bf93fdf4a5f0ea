"""Outputs never overwrite inputs: `report -o`, `screenshot -o` and the app's --session are refused with one
line and exit 2 when they resolve (symlinks and hard links included) to an input or an input folder's file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from compare_tui.cli import main
from compare_tui.core.output_guard import OutputClash, check_output

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "loading"


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    """An article file and a folder holding another, copied so that a failure cannot harm the fixtures."""
    article = tmp_path / "a.json"
    shutil.copy(FIXTURES / "article.json", article)
    folder = tmp_path / "event"
    folder.mkdir()
    shutil.copy(FIXTURES / "crlf.txt", folder / "b.txt")
    return article, folder


def _refused(argv: list[str], protected: Path, capsys: pytest.CaptureFixture[str]) -> str:
    before = protected.read_bytes() if protected.exists() else None
    assert main(argv) == 2
    after = protected.read_bytes() if protected.exists() else None
    assert after == before
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "refusing to" in err
    return err


def test_report_onto_an_input_file(inputs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    article, folder = inputs
    err = _refused(["report", str(article), str(folder), "-o", str(article)], article, capsys)
    assert err == f"compare-tui: {article}: refusing to overwrite the input {article}\n"


def test_report_into_an_input_folder(inputs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    article, folder = inputs
    _refused(["report", str(article), str(folder), "-o", str(folder / "b.txt")], folder / "b.txt", capsys)
    _refused(
        ["report", str(article), str(folder), "--format", "md", "-o", str(folder / "new.md")],
        folder / "new.md",
        capsys,
    )


def test_report_through_a_symlink_or_hard_link(
    inputs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article, folder = inputs
    link = tmp_path / "link.json"
    link.symlink_to(article)
    _refused(["report", str(article), str(folder), "-o", str(link)], article, capsys)
    hard = tmp_path / "hard.json"
    os.link(article, hard)
    _refused(["report", str(article), str(folder), "-o", str(hard)], article, capsys)
    linked_folder = tmp_path / "alias"
    linked_folder.symlink_to(folder)
    _refused(
        ["report", str(article), str(folder), "-o", str(linked_folder / "b.txt")], folder / "b.txt", capsys
    )


def test_screenshot_onto_an_input(inputs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    article, folder = inputs
    _refused(
        ["screenshot", str(article), str(folder), "--format", "svg", "-o", str(article)], article, capsys
    )


def test_app_session_file_onto_an_input(
    inputs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    article, folder = inputs
    _refused([str(article), str(folder), "--session", str(article)], article, capsys)


def test_other_outputs_are_allowed(inputs: tuple[Path, Path], tmp_path: Path) -> None:
    article, folder = inputs
    sources = [str(article), str(folder), "-", "https://example.com/a.html"]
    check_output(tmp_path / "report.json", sources)
    check_output(folder / "screenshot.svg", sources)  # an image in the folder is no article
    check_output(folder / "sub" / "report.md", sources)  # the folder's subfolders are not read
    with pytest.raises(OutputClash):
        check_output(folder / "meta.json", sources)
