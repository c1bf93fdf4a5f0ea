"""Two app windows on the same articles share one session file: no decision of either is lost, a killed
save leaves no orphan behind for long, and the file is never half-written. Also: two identical articles, and
a session file nested too deeply to parse."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

from report_samples import handmade_comparison

from compare_tui.core.corrections import Correction
from compare_tui.core.triage import Session, TriageState, load_session

UNIT = Path(__file__).resolve().parent

WINDOW = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from report_samples import handmade_comparison
    from compare_tui.core.triage import Session

    path, parity, go = Path(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    comparison = handmade_comparison()
    session = Session(comparison.articles, comparison.findings, path=path)  # both load before either saves
    (go.parent / f"ready-{parity}").touch()
    while not go.exists():
        time.sleep(0.01)
    for round_ in range(5):
        for index, finding in enumerate(comparison.findings):
            if index % 2 == parity:
                session.decide(finding, "accepted" if round_ % 2 == 0 else "flagged")
    """
)


def test_two_processes_deciding_at_once_lose_no_decision(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    go = tmp_path / "go"
    windows = [
        subprocess.Popen([sys.executable, "-c", WINDOW, str(UNIT), str(path), str(parity), str(go)])
        for parity in (0, 1)
    ]
    try:
        while not all((tmp_path / f"ready-{p}").exists() for p in (0, 1)):
            assert all(w.poll() is None for w in windows), "a window died before deciding"
        go.touch()
        assert [w.wait(timeout=120) for w in windows] == [0, 0]
    finally:
        for window in windows:
            window.kill()
    comparison = handmade_comparison()
    reopened = Session(comparison.articles, comparison.findings, path=path)
    states = [reopened.decision(f) for f in comparison.findings]
    assert all(d is not None and d.state == "accepted" for d in states), states
    assert not list(tmp_path.glob(".session.json.*.tmp"))


def test_a_save_keeps_what_another_window_saved_and_shows_it(tmp_path: Path) -> None:
    comparison = handmade_comparison()
    path = tmp_path / "session.json"
    first = Session(comparison.articles, comparison.findings, path=path)
    second = Session(comparison.articles, comparison.findings, path=path)
    one, two = comparison.findings[0], comparison.findings[1]
    first.decide(one, "accepted")
    second.decide(two, "dismissed")
    second.decide(one, "flagged")  # a later decision on the same finding wins
    first.decide(two, None)  # clearing a finding another window decided clears it
    saved = json.loads(path.read_text(encoding="utf-8"))["decisions"]
    assert sorted(d["state"] for d in saved.values()) == ["flagged"]
    assert first.decision(one).state == "flagged"  # type: ignore[union-attr]


def test_orphans_of_killed_saves_are_removed_and_the_file_stays_whole(tmp_path: Path) -> None:
    comparison = handmade_comparison()
    path = tmp_path / "session.json"
    session = Session(comparison.articles, comparison.findings, path=path)
    session.decide(comparison.findings[0], "accepted")
    orphans = [tmp_path / f".session.json.{n:012x}.tmp" for n in range(3)]
    for orphan in orphans:
        orphan.write_text('{"schema": "half', encoding="utf-8")  # what a killed save leaves
    session.decide(comparison.findings[1], "flagged")
    assert not any(o.exists() for o in orphans)
    assert len(json.loads(path.read_text(encoding="utf-8"))["decisions"]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["session.json", "session.json.lock"]


def test_two_identical_articles_each_find_their_decision(tmp_path: Path) -> None:
    comparison = handmade_comparison()
    first = comparison.articles[0]
    twin = replace(first, id="twin", source="twin.txt")
    originals = [f for f in comparison.findings if f.article == first.id]
    copies = tuple(replace(f, id=f"t{i}", article=twin.id) for i, f in enumerate(originals))
    session = Session((*comparison.articles, twin), (*comparison.findings, *copies), path=tmp_path / "s.json")
    session.decide(copies[0], "accepted")  # same text, same span: one key for both
    assert session.decision(originals[0]).state == "accepted"  # type: ignore[union-attr]


def test_a_session_nested_too_deeply_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    loaded = load_session(path, key="k")
    assert loaded.problem is not None and "nested too deeply" in loaded.problem
    assert not path.exists()


def test_corrections_of_two_windows_are_both_kept(tmp_path: Path) -> None:
    comparison = handmade_comparison()
    path = tmp_path / "session.json"
    first = Session(comparison.articles, comparison.findings, path=path)
    second = Session(comparison.articles, comparison.findings, path=path)
    cut = Correction("cut", ("a:1",), at="2026-01-09T12:00:00+00:00")
    split = Correction("split", ("b:2",), at="2026-01-09T12:00:01+00:00")
    first.correct(cut)
    second.correct(split)
    second.decide(comparison.findings[0], "accepted")
    assert first.state.corrections == (cut,)
    first.restore(TriageState())  # undo in the first window removes its own correction only
    reopened = load_session(path, key=first.key)
    assert reopened.state.corrections == (split,)
    assert len(reopened.state.decisions) == 1
