"""Discrepancies: aligned passages that give different figures, dates or times for one thing."""

from __future__ import annotations

import json
from pathlib import Path

from compare_tui.core.analysis import analyse
from compare_tui.core.pipeline import compare
from compare_tui.core.models import Article, Row
from fixtures.analysis_inputs import of_type, segmented


def _aligned(*articles: Article) -> list[Row]:
    """Every article's n-th segment in row n (the builders give each article the same shape)."""
    rows = []
    for i in range(len(articles[0].segments)):
        segments = {a.id: (a.segments[i].id,) for a in articles if i < len(a.segments)}
        rows.append(Row(id=f"r{i}", segments=segments, status="match", score=0.9))
    return rows


def _discrepancies(*texts: tuple[str, str]) -> list:
    articles = [segmented(aid, text, outlet=f"{aid}.example") for aid, text in texts]
    return of_type(analyse(articles, _aligned(*articles)), "discrepancy")


def test_different_death_tolls_in_aligned_passages_are_a_discrepancy_naming_values_and_outlets() -> None:
    found = _discrepancies(
        ("a", "Quake\n\nThe quake killed at least 24 people in Aceh."),
        ("b", "Quake\n\nThe quake in Aceh left 22 people dead."),
    )
    assert {f.article for f in found} == {"a", "b"}
    first = next(f for f in found if f.article == "a")
    assert "'at least 24 people' in a.example" in first.explanation
    assert "'22 people' in b.example" in first.explanation
    assert first.detail["values"] == {"a": "at least 24 people", "b": "22 people"}
    assert first.peers is not None and first.peers.absent == ("b",)


def test_same_figures_other_roles_and_unaligned_figures_are_no_discrepancy() -> None:
    assert not _discrepancies(
        ("a", "Quake\n\nThe quake killed 24 people. Rescue went on."),
        ("b", "Quake\n\nThe quake killed 24 people and injured 200 people. Rescue went on."),
    )
    assert not _discrepancies(
        ("a", "Quake\n\nThe quake killed 24 people."),
        ("b", "Quake\n\nThe quake injured 30 people."),
    )
    assert not _discrepancies(
        ("a", "Crash\n\nAna Lee, 59, was hit."),
        ("b", "Crash\n\nThe driver, Bob Dean, 23, fled after Lee was hit."),
    )


def test_children_dates_and_times_are_compared_with_their_kind() -> None:
    children = _discrepancies(
        ("a", "Trial\n\nHorton, a mother of 12, was shot."),
        ("b", "Trial\n\nHorton, a mother of 13, was shot."),
    )
    assert children and children[0].detail["quantity"] == "figures (child)"
    times = _discrepancies(
        ("a", "Fire\n\nThe fire was out by 7 a.m. on Tuesday."),
        ("b", "Fire\n\nThe fire was out by 6:40 a.m. on Tuesday."),
    )
    assert [f.detail["quantity"] for f in times] == ["times", "times"]
    assert not _discrepancies(
        ("a", "Crash\n\nShe was hit at 7 p.m."),
        ("b", "Crash\n\nShe was hit at 7:01 p.m."),
    )


def test_bundled_sample_discrepancies_are_hand_labelled_and_include_the_bomb_count() -> None:
    """The Yida sample: BBC's five bombs against four elsewhere; every discrepancy found has been read."""
    root = Path(__file__).resolve().parents[2]
    directory = root / "sample_data" / "sudan-bombs-yida-refugee-camp"
    comparison = compare(sorted(p for p in directory.iterdir() if p.suffix == ".txt"))
    found = [
        {comparison.labels[a]: v for a, v in f.detail["values"].items()}
        for f in of_type(comparison.findings, "discrepancy")
    ]
    labels = json.loads((root / "tests" / "fixtures" / "discrepancy_labels.json").read_text("utf-8"))["labels"]
    labelled = [x["values"] for x in labels if x["sample"] == directory.name]
    assert found and all(values in labelled for values in found)
    bombs = next(v for v in found if "bbc.co.uk" in v)
    assert bombs["bbc.co.uk"] == "Five bombs" and bombs["huffingtonpost.com"] == "four bombs"
