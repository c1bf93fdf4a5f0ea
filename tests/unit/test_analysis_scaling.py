"""Analysis passes grow with the articles, not with their pairs: counted work, never timed."""

from __future__ import annotations

import random
import string

from compare_tui.core.align import align
from compare_tui.core.analysis import attribution, facts
from compare_tui.core.analysis.facts import FactMention
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


class _CountingKinds(dict):
    """A kinds table that counts how often the ledger looks a name up."""

    lookups = 0

    def __getitem__(self, key):
        self.lookups += 1
        return super().__getitem__(key)


def test_spelling_variants_look_at_names_not_at_their_pairs() -> None:
    """600 one-word names, two of them one letter apart in different articles: the pair is merged, and the
    names are looked up a few times each (every pair of the 600 was compared: 359,400 lookups)."""
    rng = random.Random(11)
    words = [
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(6, 9))) for _ in range(598)
    ]
    words += ["taludi", "talodi"]
    order = [f"name:{w}" for w in words]
    kinds = _CountingKinds({key: "place" for key in order})
    present = {key: {f"a{n}": [FactMention(0, 6, key[5:])]} for n, key in enumerate(order)}
    merged = facts._spelling_variants(order, kinds, present)
    assert merged == {"name:talodi": "name:taludi"}
    assert kinds.lookups <= 10 * len(order)
