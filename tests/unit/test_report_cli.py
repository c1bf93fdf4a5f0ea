"""`compare-tui report`: formats, the session's decisions, --dismissed, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare_tui.cli import main
from compare_tui.core import embeddings
from compare_tui.core.pipeline import compare
from compare_tui.core.triage import Session

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "zelensky-security-guarantees"


@pytest.fixture(scope="module")
def session_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A session on the sample: the first finding dismissed with a note, the second flagged."""
    comparison = compare([SAMPLE])
    path = tmp_path_factory.mktemp("sessions") / "sample.json"
    session = Session(comparison.articles, comparison.findings, path=path)
    session.decide(comparison.findings[0], "dismissed")
    session.annotate(comparison.findings[0], "not framing")
    session.decide(comparison.findings[1], "flagged")
    return path


def test_html_report_with_session(
    tmp_path: Path, session_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.html"
    code = main(["report", str(SAMPLE), "--format", "html", "-o", str(out), "--session", str(session_file)])
    assert code == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "not framing" in html and "triage-flagged" in html
    assert capsys.readouterr().err == ""  # not a terminal: no progress


def test_dismissed_hidden_in_json(session_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["report", str(SAMPLE), "--session", str(session_file), "--dismissed", "hide", "--quiet"])
    document = json.loads(capsys.readouterr().out)
    assert code == 0
    states = [f["triage"]["state"] for f in document["findings"] if f["triage"]]
    assert states == ["flagged"]
    assert document["triage"]["counts"] == {"accepted": 0, "dismissed": 0, "flagged": 1}


def test_markdown_to_stdout(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["report", str(SAMPLE), "--format", "md", "--session", str(tmp_path / "none.json")])
    assert code == 0 and capsys.readouterr().out.startswith("# Comparison: ")


def test_foreign_session_is_reported_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    code = main(
        ["report", str(SAMPLE), "--format", "md", "--session", str(bad), "-o", str(tmp_path / "r.md")]
    )
    err = capsys.readouterr().err
    assert code == 2 and err == f"compare-tui: {bad}: not valid JSON; ignored\n"
    assert bad.read_text() == "{nope" and (tmp_path / "r.md").is_file()


def test_unwritable_output_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing-folder" / "r.html"
    code = main(
        ["report", str(SAMPLE), "--format", "html", "-o", str(target), "--session", str(tmp_path / "s.json")]
    )
    err = capsys.readouterr().err
    assert (
        code == 2
        and err.startswith(f"compare-tui: {target}: cannot write the report")
        and err.count("\n") == 1
    )


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--help"], ("compare-tui report FILE...", "compare-tui screenshot FILE...", "--session PATH")),
        (["report", "--help"], ("--format {html,md,json}", "report format (default: json)", "--quiet")),
        (["screenshot", "--help"], ("-o PATH, --output PATH", "--size COLSxLINES", "--format {png,svg}")),
    ],
)
def test_help_of_each_command(argv: list[str], expected: tuple[str, ...], capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert all(text in out for text in expected)


def test_a_broken_model_install_is_one_line_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(embeddings, "MODEL_DIR", tmp_path)
    embeddings.load_model.cache_clear()
    try:
        assert main(["report", str(SAMPLE), "--quiet"]) == 1
    finally:
        embeddings.load_model.cache_clear()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"compare-tui: {tmp_path}: embedding model incomplete")
