"""Editors' corrections of the alignment: invariants for any sequence, identity across re-runs, exact findings."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare_tui.cli import main
from compare_tui.core.analysis import analyse
from compare_tui.core.comparison import Comparison
from compare_tui.core.correcting import correct
from compare_tui.core.corrections import (
    CORRECTED_DETAIL,
    CORRECTION_ACTIONS,
    Correction,
    SegmentKeys,
    apply_corrections,
    make_correction,
)
from compare_tui.core.models import Article, Row
from compare_tui.core.pipeline import compare
from compare_tui.core.triage import (
    SESSION_SCHEMA,
    Session,
    TriageState,
    content_key,
    parse_session,
    save_session,
)
from fixtures.handmade import build_comparison

SEED = Path(__file__).resolve().parents[2] / "sample_data" / "zelensky-security-guarantees"


@cache
def seed(threshold: float = 0.5, reference: str | None = None) -> Comparison:
    """The bundled seed pair through the real pipeline."""
    return compare([SEED], threshold=threshold, reference=reference)


def check_invariants(articles: tuple[Article, ...], rows: tuple[Row, ...]) -> None:
    """Every segment in exactly one row, rows not empty, ids unique, one article's passages in reading order."""
    placed = [sid for r in rows for ids in r.segments.values() for sid in ids]
    assert sorted(placed) == sorted(s.id for a in articles for s in a.segments)
    assert len({r.id for r in rows}) == len(rows)
    starts = {s.id: s.start for a in articles for s in a.segments}
    order = [a.id for a in articles]
    for row in rows:
        assert row.article_ids(), row
        assert list(row.segments) == [a for a in order if a in row.segments]
        for article, ids in row.segments.items():
            assert all(sid.rsplit(":", 1)[0] == article for sid in ids)
            assert [starts[s] for s in ids] == sorted(starts[s] for s in ids)
        assert (row.status == "unique") == (len(row.article_ids()) == 1)


@st.composite
def corrections_for(draw: st.DrawFn, comparison: Comparison) -> list[Correction]:
    """Up to six corrections an editor could make one after the other on what the screen shows."""
    made: list[Correction] = []
    rows = comparison.rows
    for _ in range(draw(st.integers(0, 6))):
        action = draw(st.sampled_from(CORRECTION_ACTIONS))
        row = draw(st.sampled_from(rows))
        article = draw(st.sampled_from(row.article_ids()))
        target = None
        if action == "split":
            segments = [s for ids in row.segments.values() for s in ids]
        else:
            segments = list(row.segments[article])
        if action == "move":
            other = draw(st.sampled_from([r for r in rows if r.id != row.id] or [row]))
            target = next(s for ids in other.segments.values() for s in ids)
        made.append(make_correction(action, segments, comparison.articles, target=target, at="t"))
        rows = apply_corrections(comparison.articles, comparison.rows, made).rows
    return made


CASES = {"seed": lambda: seed(), "handmade": build_comparison}


@pytest.mark.parametrize("case", sorted(CASES))
@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_sequence_of_corrections_keeps_the_report_invariants(case: str, data: st.DataObject) -> None:
    comparison = CASES[case]()
    made = data.draw(corrections_for(comparison))
    applied = apply_corrections(comparison.articles, comparison.rows, made)
    check_invariants(comparison.articles, applied.rows)
    assert applied.dropped == ()
    assert applied.applied == tuple(made)
    assert apply_corrections(comparison.articles, comparison.rows, made) == applied
    changed_rows = {r.id for r in applied.rows if r.corrected}
    untouched = {r.id: r for r in comparison.rows}
    for row in applied.rows:
        if row.id not in changed_rows:
            assert untouched[row.id] is row
    assert applied.changed <= changed_rows | {r.id for r in comparison.rows}


@settings(deadline=None, max_examples=15)
@given(data=st.data())
def test_recomputed_findings_equal_a_full_analysis_of_the_corrected_rows(data: st.DataObject) -> None:
    comparison = seed()
    made = data.draw(corrections_for(comparison))
    corrected = correct(comparison, made).comparison
    assert corrected.findings == analyse(comparison.articles, corrected.rows)
    for finding in corrected.findings:
        assert corrected.article_by_id[finding.article].text[finding.start : finding.end] == finding.text
        assert finding.row is None or finding.row in corrected.row_by_id
    assert correct(comparison, made).comparison.to_json() == corrected.to_json()
    assert all(f.id == f"f{i}" for i, f in enumerate(corrected.findings))


def _cell(comparison: Comparison, article_index: int, *, shared: bool) -> tuple[Row, tuple[str, ...]]:
    """The first row where the article has a passage and (shared) others have one too."""
    article = comparison.articles[article_index].id
    row = next(r for r in comparison.rows if article in r.segments and (len(r.article_ids()) > 1) == shared)
    return row, row.segments[article]


def test_cut_makes_a_row_of_its_own_right_after_the_row() -> None:
    comparison = seed()
    row, cell = _cell(comparison, 1, shared=True)
    applied = apply_corrections(
        comparison.articles, comparison.rows, [make_correction("cut", cell, comparison.articles)]
    )
    ids = [r.id for r in applied.rows]
    at = ids.index(row.id)
    assert applied.rows[at + 1].segments == {comparison.articles[1].id: cell}
    assert applied.rows[at + 1].corrected and applied.rows[at].corrected
    assert applied.rows[at + 1].score == row.score
    assert applied.changed == {row.id, applied.rows[at + 1].id}


def test_move_puts_the_passages_into_the_target_row_in_reading_order() -> None:
    comparison = seed()
    a, b = (x.id for x in comparison.articles)
    target = next(r for r in comparison.rows if r.article_ids() == (a, b))
    mover = next(r for r in comparison.rows if r.article_ids() == (b,) and r.id != target.id)
    correction = make_correction("move", mover.segments[b], comparison.articles, target=target.segments[a][0])
    rows = apply_corrections(comparison.articles, comparison.rows, [correction]).rows
    moved = next(r for r in rows if r.id == target.id)
    assert set(moved.segments[b]) == set(target.segments[b]) | set(mover.segments[b])
    assert mover.id not in {r.id for r in rows}
    assert moved.corrected and moved.status == "partial"


def test_split_gives_each_article_its_own_row() -> None:
    comparison = seed()
    row, _ = _cell(comparison, 0, shared=True)
    segments = [s for ids in row.segments.values() for s in ids]
    rows = apply_corrections(
        comparison.articles, comparison.rows, [make_correction("split", segments, comparison.articles)]
    ).rows
    pieces = [r for r in rows if r.id.startswith(row.id + ".")]
    assert [dict(r.segments) for r in pieces] == [{a: ids} for a, ids in row.segments.items()]
    assert all(r.status == "unique" and r.corrected for r in pieces)


def test_corrections_survive_a_re_alignment_by_content() -> None:
    comparison = seed(0.5)
    _row, cell = _cell(comparison, 1, shared=True)
    cut = make_correction("cut", cell, comparison.articles)
    other = seed(0.3)
    assert other.rows != comparison.rows
    applied = apply_corrections(other.articles, other.rows, [cut])
    assert applied.dropped == ()
    own = next(r for r in applied.rows if set(cell) <= {s for ids in r.segments.values() for s in ids})
    assert dict(own.segments) == {comparison.articles[1].id: cell}


def test_corrections_survive_a_change_of_reference() -> None:
    comparison = seed()
    row, _cell_ids = _cell(comparison, 1, shared=True)
    split = make_correction("split", [s for ids in row.segments.values() for s in ids], comparison.articles)
    other = seed(reference="1")
    assert [r.segments for r in other.rows] != [r.segments for r in comparison.rows]
    applied = apply_corrections(other.articles, other.rows, [split])
    assert applied.dropped == ()
    check_invariants(other.articles, applied.rows)
    for article, ids in row.segments.items():
        assert any(dict(r.segments) == {article: ids} and r.corrected for r in applied.rows)


def test_keys_are_content_addressed_not_positional() -> None:
    articles = seed().articles
    keys = SegmentKeys.build(articles)
    renamed = tuple(
        replace(
            a,
            id=f"x{n}",
            source=f"other{n}.txt",
            segments=tuple(replace(s, id=f"x{n}:{i}") for i, s in enumerate(a.segments)),
        )
        for n, a in enumerate(articles)
    )
    again = SegmentKeys.build(renamed)
    assert sorted(keys.key_of.values()) == sorted(again.key_of.values())
    assert len(set(keys.key_of.values())) == len(keys.key_of)


def test_a_correction_whose_passages_are_gone_is_dropped_not_misapplied() -> None:
    comparison = seed()
    _row, cell = _cell(comparison, 1, shared=True)
    cut = make_correction("cut", cell, comparison.articles)
    stale = replace(cut, segments=("0" * 16 + ":" + "1" * 16 + ":0",))
    target_gone = make_correction(
        "move", cell, comparison.articles, target=comparison.rows[0].segments[comparison.articles[0].id][0]
    )
    target_gone = replace(target_gone, target="nope")
    applied = apply_corrections(comparison.articles, comparison.rows, [stale, target_gone])
    assert applied.rows == comparison.rows and applied.applied == ()
    assert [d.correction for d in applied.dropped] == [stale, target_gone]
    assert "no longer" in applied.dropped[0].describe()
    assert cut.excerpt in applied.dropped[0].describe()


def test_moving_a_passage_into_its_own_row_is_dropped() -> None:
    comparison = seed()
    _row, cell = _cell(comparison, 0, shared=True)
    move = make_correction("move", cell, comparison.articles, target=cell[0])
    applied = apply_corrections(comparison.articles, comparison.rows, [move])
    assert applied.rows == comparison.rows and len(applied.dropped) == 1


def test_report_lists_corrections_by_segment_id_and_marks_rows() -> None:
    comparison = seed()
    _row, cell = _cell(comparison, 1, shared=True)
    corrected = correct(
        comparison, [make_correction("cut", cell, comparison.articles, at="2026-01-01T00:00:00+00:00")]
    )
    document = corrected.comparison.to_dict()
    assert document["corrections"] == [
        {"action": "cut", "segments": list(cell), "target": None, "at": "2026-01-01T00:00:00+00:00"}
    ]
    marked = {r["id"] for r in document["alignment"] if r["corrected"]}
    assert marked == {r.id for r in corrected.comparison.rows if r.corrected} and len(marked) == 2
    assert comparison.to_dict()["corrections"] == []


def test_invalid_corrections_are_refused() -> None:
    with pytest.raises(ValueError):
        Correction("merge", ("k",))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Correction("move", ("k",))
    with pytest.raises(ValueError):
        Correction("cut", ())
    with pytest.raises(ValueError):
        correct(
            correct(
                seed(),
                [make_correction("cut", seed().rows[0].segments[seed().articles[0].id], seed().articles)],
            ).comparison,
            [],
        )


# --- the session file and the report command ----------------------------------------------------------------


def test_corrections_round_trip_through_the_session_file(tmp_path: Path) -> None:
    comparison = seed()
    _row, cell = _cell(comparison, 1, shared=True)
    path = tmp_path / "s.json"
    session = Session(comparison.articles, comparison.findings, path=path)
    cut = make_correction("cut", cell, comparison.articles, at="2026-01-01T00:00:00+00:00")
    session.decide(comparison.findings[0], "flagged")
    session.correct(cut)
    again = Session(comparison.articles, comparison.findings, path=path)
    assert again.state.corrections == (cut,) and again.state == session.state
    assert again.state.without_corrections([cut]).corrections == ()
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["corrections"][0]["excerpt"] == cut.excerpt


def test_a_session_without_corrections_still_loads() -> None:
    document = {"schema": SESSION_SCHEMA, "content_key": "k", "decisions": {}}
    assert parse_session(document, key="k").corrections == ()


@pytest.mark.parametrize(
    ("corrections", "reason"),
    [
        ({"a": 1}, "not a list"),
        ([3], "not an object"),
        ([{"action": "merge", "segments": ["k"]}], "unknown action"),
        ([{"action": "cut", "segments": "k"}], "list of strings"),
        ([{"action": "cut", "segments": ["k"], "at": 5}], "must be strings"),
        ([{"action": "move", "segments": ["k"]}], "names the row"),
    ],
)
def test_malformed_corrections_make_the_session_unusable(corrections: object, reason: str) -> None:
    document = {"schema": SESSION_SCHEMA, "content_key": "k", "decisions": {}, "corrections": corrections}
    with pytest.raises(ValueError, match=reason):
        parse_session(document, key="k")


def test_report_command_applies_the_session_corrections(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    comparison = seed()
    row, cell = _cell(comparison, 1, shared=True)
    path = tmp_path / "s.json"
    session = Session(comparison.articles, comparison.findings, path=path)
    session.correct(make_correction("cut", cell, comparison.articles, at="2026-01-01T00:00:00+00:00"))
    assert main(["report", str(SEED), "--session", str(path), "--quiet"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["corrections"] == [
        {"action": "cut", "segments": list(cell), "target": None, "at": "2026-01-01T00:00:00+00:00"}
    ]
    corrected = [r for r in document["alignment"] if r["corrected"]]
    assert [r["id"] for r in corrected] == [row.id, f"{row.id}.1"]
    assert corrected[1]["segments"] == {comparison.articles[1].id: list(cell)}
    assert main(["report", str(SEED), "--session", str(path), "--format", "md", "--quiet"]) == 0
    markdown = capsys.readouterr().out
    assert markdown.count(f"*{CORRECTED_DETAIL[0].upper()}{CORRECTED_DETAIL[1:]}.*") == 2
    assert main(["report", str(SEED), "--session", str(path), "--format", "html", "--quiet"]) == 0
    html = capsys.readouterr().out
    assert (
        html.count('<span class="corrected" title="') == html.count(">corrected by the reviewer</span>") == 2
    )
    assert html.count(' corrected">\n<h3 class="rowhead">') == 2


def test_report_command_names_a_stale_correction_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    comparison = seed()
    path = tmp_path / "s.json"
    stale = Correction("cut", ("0" * 16 + ":" + "0" * 16 + ":0",), excerpt="since edited")
    save_session(path, TriageState(corrections=(stale,)), key=content_key(comparison.articles))
    assert main(["report", str(SEED), "--session", str(path), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["corrections"] == []
    assert captured.err.strip().splitlines() == [
        "compare-tui: Correction dropped (cut 'since edited'): its passages are no longer in these articles"
    ]
