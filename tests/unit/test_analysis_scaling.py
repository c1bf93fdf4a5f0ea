"""Analysis passes grow with the articles, not with their pairs: counted work, never timed."""

from __future__ import annotations

from compare_tui.core.align import align
from compare_tui.core.analysis import attribution
from compare_tui.core.analysis.run import prepare
from compare_tui.core.models import Article
from compare_tui.core.segment import segment_article


def _report(n: int, verb: str = "said") -> Article:
    text = f"Story {n}\n\nOfficials {verb} {n} people voted in district {n % 17} on Monday."
    return segment_article(Article(id=f"t{n}", source=f"t{n}.txt", text=text))


def _count_pairings(monkeypatch) -> list[int]:
    calls: list[int] = []
    original = attribution._pair_scores

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(attribution, "_pair_scores", counting)
    return calls


def test_articles_agreeing_on_speaker_and_verb_are_not_paired(monkeypatch) -> None:
    """80 reports all with 'officials said': no difference to report, so no article pair is scored
    (every pair of the 80 was: 3,160 pairings)."""
    articles = [_report(n) for n in range(80)]
    calls = _count_pairings(monkeypatch)
    _, findings = prepare(articles, align(articles))
    assert not [f for f in findings if f.type == "attribution"]
    assert len(calls) == 0


def test_a_different_verb_is_still_found() -> None:
    """One report of 40 says 'claimed': every report then differs from it, and says so."""
    articles = [_report(n, "claimed" if n == 0 else "said") for n in range(40)]
    _, findings = prepare(articles, align(articles))
    flagged = {f.article: f for f in findings if f.type == "attribution"}
    assert set(flagged) == {a.id for a in articles}
    assert flagged["t0"].detail["verbs"]["t1"] == "said"
    assert flagged["t1"].detail["verbs"]["t0"] == "claimed"
