"""Loading under odd conditions: a broken install, huge numbers, bad meta.json, unreadable folders, FIFOs,
stray bytes and escape sequences. Each case is one line naming the input and the other inputs still load."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from pathlib import Path

import pytest

from compare_tui.core.loading import load_sources
from compare_tui.core.models import Article
from compare_tui.core.pipeline import compare

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "loading"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"


def test_a_missing_html_dependency_costs_only_the_html_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # what an install without the HTML stack sees
    result = load_sources([FIXTURES / "crlf.txt", FIXTURES / "article.html"])
    assert [a.source for a in result.articles] == [str(FIXTURES / "crlf.txt")]
    (error,) = result.errors
    assert str(error).startswith(f"{FIXTURES / 'article.html'}: cannot read HTML")
    assert "reinstall" in str(error)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    release = threading.Timer(
        20, _open_for_writing, args=(fifo,)
    )  # unblocks a loader that waits for a writer
    release.daemon = True
    release.start()
    try:
        result = load_sources([fifo, FIXTURES / "crlf.txt"])
    finally:
        release.cancel()
    assert [str(e) for e in result.errors] == [f"{fifo}: not a regular file (a FIFO)"]
    assert len(result.articles) == 1


def _open_for_writing(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.close(os.open(path, os.O_WRONLY))  # meets a reader blocked in open(), which then reads nothing


def test_stdin_on_a_terminal_is_refused() -> None:
    main_fd, terminal_fd = os.openpty()
    os.write(main_fd, b"typed keys\n\x04")  # what a reader of the terminal would take; then end of input
    try:
        with os.fdopen(terminal_fd, "rb", buffering=0, closefd=False) as terminal:
            result = load_sources(["-", FIXTURES / "crlf.txt"], stdin=terminal)
    finally:
        os.close(main_fd)
        os.close(terminal_fd)
    assert [str(e) for e in result.errors] == [
        "<stdin>: standard input is a terminal: pipe or redirect an article into it"
    ]


def test_permission_error_from_is_dir_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    locked = tmp_path / "locked"

    def refuse(self: Path) -> bool:
        if locked in (self, *self.parents):
            raise PermissionError(13, "Permission denied", str(self))
        return original_is_dir(self)

    def refuse_file(self: Path) -> bool:
        if locked in (self, *self.parents):
            raise PermissionError(13, "Permission denied", str(self))
        return original_is_file(self)

    original_is_dir, original_is_file = Path.is_dir, Path.is_file
    monkeypatch.setattr(Path, "is_dir", refuse)
    monkeypatch.setattr(Path, "is_file", refuse_file)
    result = load_sources([locked / "a.txt", FIXTURES / "crlf.txt"])
    assert [str(e) for e in result.errors] == [f"{locked / 'a.txt'}: no such file or folder"]
    assert len(result.articles) == 1


def test_json_with_a_huge_integer_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text('{"text": "Body text.", "n": ' + "9" * 5000 + "}", encoding="utf-8")
    result = load_sources([path, FIXTURES / "crlf.txt"])
    (error,) = result.errors
    assert str(error).startswith(f"{path}: malformed JSON: a number of over 4,300 digits")
    assert len(result.articles) == 1


def test_a_bad_meta_json_is_reported_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "event"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Vote counted\n\nOfficials counted the vote in every district.\n", encoding="utf-8"
    )
    (folder / "meta.json").write_text('{"articles": {}, "n": ' + "9" * 5000 + "}", encoding="utf-8")
    result = load_sources([folder])
    assert [a.source for a in result.articles] == [str(folder / "a.txt")]
    (error,) = result.errors
    assert str(error).startswith(f"{folder / 'meta.json'}: malformed JSON")


def test_escape_sequences_are_removed_at_load_and_listed() -> None:
    article = load_sources([HOSTILE / "escapes.txt"]).articles[0]
    assert "\x1b" not in article.text and "31m" not in article.text and "52;" not in article.text
    assert article.text.startswith("Officials defend the vote count\n\n")
    assert "Officials said the vote was clean and fair, see here for more." in article.text
    assert "minister\x07 said" in article.text  # a lone control character stays (the app shows it as ␇)
    removed = [r.text for r in article.removed if r.reason == "control: terminal escape sequence"]
    assert removed == [
        "␛[31m",
        "␛[0m",
        "␛[2J",
        "␛[H",
        "␛]52;c;ZXZpbA==␇",
        "␛]8;;http://evil.example␛\\",
        "␛]8;;␛\\",
    ]


def test_digits_of_escape_sequences_are_no_facts() -> None:
    clean = "Officials said 40 observers watched the count in every district of the region on Sunday.\n"
    wire = Article(id="wire", source="wire.txt", text="Vote counted\n\n" + clean)
    result = load_sources([HOSTILE / "escapes.txt"])
    comparison = compare([wire, *result.articles])
    for finding in comparison.findings:
        assert "52" not in finding.text and "31" not in finding.text and "2J" not in finding.text, finding
