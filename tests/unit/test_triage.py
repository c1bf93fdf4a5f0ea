"""Triage decisions, their stable keys, and the session file: round trip, atomic saves, unusable files."""

from __future__ import annotations

import errno
import json
import os
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from report_samples import handmade_comparison

from compare_tui.core import atomic
from compare_tui.core.triage import (
    SESSION_SCHEMA,
    Decision,
    Session,
    SessionError,
    TriageState,
    content_key,
    default_session_path,
    finding_key,
    load_session,
    lookup,
    save_session,
)

FIXED = datetime(2026, 1, 9, 12, 0, 0, tzinfo=UTC)


def clock() -> datetime:
    return FIXED


def test_decision_rejects_unknown_state() -> None:
    with pytest.raises(ValueError, match="unknown triage state"):
        Decision(state="maybe")  # type: ignore[arg-type]


def test_decide_sets_state_keeps_note_and_stamps_time() -> None:
    state = TriageState().decide("k", state="flagged", note="  check the date  ", clock=clock)
    state = state.decide("k", state="accepted", clock=clock)
    assert state.get("k") == Decision("accepted", "check the date", "2026-01-09T12:00:00+00:00")


def test_clearing_state_and_note_removes_the_decision() -> None:
    state = TriageState().decide("k", state="dismissed", clock=clock).decide("k", state=None, clock=clock)
    assert state.get("k") is None and len(state) == 0


def test_note_alone_is_kept_without_a_state() -> None:
    state = TriageState().annotate("k", "ask the desk", clock=clock)
    assert state.get("k") == Decision(None, "ask the desk", "2026-01-09T12:00:00+00:00")
    assert state.counts() == {"accepted": 0, "dismissed": 0, "flagged": 0}


def test_state_is_immutable() -> None:
    before = TriageState()
    after = before.decide("k", state="flagged")
    assert len(before) == 0 and len(after) == 1
    with pytest.raises(TypeError):
        after.decisions["x"] = Decision("accepted")  # type: ignore[index]


def test_finding_key_survives_renumbering_and_other_article_ids() -> None:
    comparison = handmade_comparison()
    finding = comparison.findings[4]
    article = comparison.article_by_id[finding.article]
    renumbered = replace(finding, id="f99", article="zz", row="r42")
    assert finding_key(renumbered, replace(article, id="zz")) == finding_key(finding, article)


def test_finding_key_differs_for_other_span_type_or_text() -> None:
    comparison = handmade_comparison()
    article = comparison.articles[1]
    keys = {finding_key(f, comparison.article_by_id[f.article]) for f in comparison.findings}
    assert len(keys) == len(comparison.findings)
    edited = replace(article, text=article.text.replace("bluster", "blusterr"))
    assert finding_key(comparison.findings[4], edited) != finding_key(comparison.findings[4], article)


def test_content_key_ignores_order_and_ids_but_not_text() -> None:
    a, b = handmade_comparison().articles
    assert content_key([a, b]) == content_key([replace(b, id="x"), replace(a, id="y")])
    assert content_key([a, b]) != content_key([a, replace(b, text=b.text + " ")])


@given(st.lists(st.text(max_size=30), min_size=1, max_size=5))
def test_content_key_is_a_permutation_invariant_hex_digest(texts: list[str]) -> None:
    from compare_tui.core.models import Article

    articles = [Article(id=str(i), source="-", text=t) for i, t in enumerate(texts)]
    key = content_key(articles)
    assert key == content_key(list(reversed(articles))) and len(key) == 64
    assert int(key, 16) >= 0


def test_default_session_path_follows_xdg(tmp_path: Path) -> None:
    path = default_session_path("abc", environ={"XDG_DATA_HOME": str(tmp_path)})
    assert path == tmp_path / "compare-tui" / "sessions" / "abc.json"
    home = default_session_path("abc", environ={})
    assert home == Path.home() / ".local" / "share" / "compare-tui" / "sessions" / "abc.json"


def test_session_round_trip_by_content_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    comparison = handmade_comparison()
    session = Session(comparison.articles, comparison.findings, clock=clock)
    aside, fact = comparison.findings[4], comparison.findings[6]
    session.decide(aside, "flagged")
    session.annotate(aside, "is this fair?")
    session.decide(fact, "dismissed")
    assert session.path == tmp_path / "compare-tui" / "sessions" / f"{content_key(comparison.articles)}.json"

    # Re-run: findings renumbered and articles given in the other order.
    renumbered = tuple(replace(f, id=f"x{i}") for i, f in enumerate(reversed(comparison.findings)))
    reopened = Session(tuple(reversed(comparison.articles)), renumbered, clock=clock)
    assert reopened.problem is None
    by_text = {f.text: f for f in renumbered}
    assert reopened.decision(by_text[aside.text]) == Decision(
        "flagged", "is this fair?", "2026-01-09T12:00:00+00:00"
    )
    assert reopened.decision(by_text[fact.text]).state == "dismissed"  # type: ignore[union-attr]
    assert reopened.decision(by_text["hawkish bluster"]) is None


def test_session_file_is_readable_json_with_context(tmp_path: Path) -> None:
    comparison = handmade_comparison()
    path = tmp_path / "s.json"
    session = Session(comparison.articles, comparison.findings, path=path, clock=clock)
    session.decide(comparison.findings[3], "accepted")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["schema"] == SESSION_SCHEMA
    assert document["content_key"] == content_key(comparison.articles)
    (entry,) = document["decisions"].values()
    assert entry["state"] == "accepted"
    assert entry["finding"] == {"type": "scare_quote", "article": "b", "text": "'clear'"}


def test_toggle_sets_then_clears(tmp_path: Path) -> None:
    comparison = handmade_comparison()
    session = Session(comparison.articles, comparison.findings, path=tmp_path / "s.json")
    finding = comparison.findings[0]
    assert session.toggle(finding, "flagged").state == "flagged"  # type: ignore[union-attr]
    assert session.toggle(finding, "flagged") is None
    assert json.loads((tmp_path / "s.json").read_text())["decisions"] == {}


def _saved(tmp_path: Path) -> tuple[Path, str, TriageState]:
    key = "k" * 64
    path = tmp_path / "session.json"
    state = TriageState().decide("f", state="flagged", note="old", clock=clock)
    save_session(path, state, key=key)
    return path, key, state


def test_failed_rename_leaves_old_session_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, key, state = _saved(tmp_path)
    before = path.read_bytes()

    def crash(src: object, dst: object) -> None:
        raise OSError(errno.EIO, "power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(SessionError, match=r"session\.json: session not saved \(power cut\)"):
        save_session(path, state.decide("f", state="accepted", note="new"), key=key)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["session.json"]  # no temporary file left behind


def test_full_disk_midway_leaves_old_session_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, key, state = _saved(tmp_path)
    before = path.read_bytes()
    real_fdopen = os.fdopen

    class HalfWritten:
        def __init__(self, handle) -> None:  # type: ignore[no-untyped-def]
            self.handle = handle

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: HalfWritten(real_fdopen(fd, mode)))
    with pytest.raises(SessionError, match="No space left on device"):
        save_session(path, state.annotate("f", "x" * 10_000), key=key)
    assert path.read_bytes() == before
    assert load_session(path, key=key).state == state
    assert sorted(p.name for p in tmp_path.iterdir()) == ["session.json"]


def test_failed_save_in_a_session_keeps_the_decision_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    comparison = handmade_comparison()
    session = Session(comparison.articles, comparison.findings, path=tmp_path / "s.json")
    monkeypatch.setattr(
        os, "replace", lambda src, dst: (_ for _ in ()).throw(OSError(errno.ENOSPC, "disk full"))
    )
    with pytest.raises(SessionError, match="disk full"):
        session.decide(comparison.findings[0], "accepted")
    assert session.decision(comparison.findings[0]).state == "accepted"  # type: ignore[union-attr]
    assert not (tmp_path / "s.json").exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
        (b"[1, 2]", "expected a JSON object"),
        (json.dumps({"schema": "other/1", "content_key": "k", "decisions": {}}).encode(), "schema 'other/1'"),
        (
            json.dumps({"schema": SESSION_SCHEMA, "content_key": "other", "decisions": {}}).encode(),
            "other articles",
        ),
        (
            json.dumps({"schema": SESSION_SCHEMA, "content_key": "k", "decisions": []}).encode(),
            "not an object",
        ),
        (
            json.dumps(
                {"schema": SESSION_SCHEMA, "content_key": "k", "decisions": {"x": {"state": "meh"}}}
            ).encode(),
            "unknown triage state",
        ),
    ],
)
def test_unusable_session_is_set_aside_and_reported(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "session.json"
    path.write_bytes(content)
    loaded = load_session(path, key="k", clock=clock)
    assert loaded.state == TriageState()
    assert loaded.problem is not None and "\n" not in loaded.problem
    assert loaded.problem.startswith(f"{path}: ") and reason in loaded.problem
    moved = tmp_path / "session.json.corrupt-20260109T120000Z"
    assert moved.read_bytes() == content
    assert not path.exists()


def test_set_aside_never_overwrites_an_earlier_one(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    for content in (b"first", b"second"):
        path.write_bytes(content)
        load_session(path, key="k", clock=clock)
    assert (tmp_path / "session.json.corrupt-20260109T120000Z").read_bytes() == b"first"
    assert (tmp_path / "session.json.corrupt-20260109T120000Z-2").read_bytes() == b"second"


def test_session_reports_foreign_file_then_saves_fresh(tmp_path: Path) -> None:
    comparison = handmade_comparison()
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"schema": SESSION_SCHEMA, "content_key": "x" * 64, "decisions": {}}))
    session = Session(comparison.articles, comparison.findings, path=path, clock=clock)
    assert session.problem is not None and "other articles" in session.problem
    session.decide(comparison.findings[0], "accepted")
    assert json.loads(path.read_text())["content_key"] == content_key(comparison.articles)
    assert json.loads((tmp_path / "s.json.corrupt-20260109T120000Z").read_text())["content_key"] == "x" * 64


def test_missing_session_is_empty_without_a_problem(tmp_path: Path) -> None:
    loaded = load_session(tmp_path / "nope.json", key="k")
    assert loaded.state == TriageState() and loaded.problem is None


def test_lookup_joins_findings_to_decisions() -> None:
    comparison = handmade_comparison()
    keys = lookup(comparison.findings, comparison.articles, None).keys
    state = TriageState().decide(keys["f5"], state="dismissed")
    joined = lookup(comparison.findings, comparison.articles, state)
    assert joined.is_dismissed(comparison.findings[5])
    assert not joined.is_dismissed(comparison.findings[4])
    assert joined.decision(comparison.findings[4]) is None


def test_read_only_load_reports_a_bad_file_but_leaves_it_in_place(tmp_path: Path) -> None:
    path = tmp_path / "session.json"
    path.write_bytes(b"{broken")
    loaded = load_session(path, key="k", set_aside_bad=False)
    assert loaded.state == TriageState() and loaded.problem == f"{path}: not valid JSON; ignored"
    assert path.read_bytes() == b"{broken" and len(list(tmp_path.iterdir())) == 1


def test_session_follows_a_new_analysis_without_losing_unsaved_decisions(tmp_path: Path) -> None:
    comparison = handmade_comparison()
    session = Session(comparison.articles, comparison.findings, path=tmp_path / "s.json")
    session.state = session.state.decide(session.key_of(comparison.findings[2]), state="flagged")
    renumbered = tuple(replace(f, id=f"n{i}") for i, f in enumerate(comparison.findings))
    session.track(renumbered)
    assert session.decision(renumbered[2]).state == "flagged"  # type: ignore[union-attr]
    assert session.decision(renumbered[1]) is None
