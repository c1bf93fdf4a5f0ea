"""The rule-based name finder and the name facts of the omission ledger, on small hand-written texts."""

from __future__ import annotations

from compare_tui.core.analysis import fact_ledger
from compare_tui.core.analysis.context import build_views
from compare_tui.core.analysis.names import NameMention, index_names
from compare_tui.core.models import Article, Segment
from compare_tui.core.segment import segment_article


def _article(aid: str, text: str) -> Article:
    return segment_article(Article(id=aid, source=aid, text=text))


def _one_segment(text: str) -> Article:
    """An article whose whole text is one sentence segment, as a segmenter may leave glued lines."""
    return Article(id="a1", source="a1", text=text, segments=(Segment("a1:0", 0, len(text), "sentence", 0),))


def _names(*articles: Article) -> list[NameMention]:
    index = index_names(build_views(articles, ()))
    return [m for a in articles for s in a.segments for m in index.in_segment(s.id)]


def _labels(*articles: Article) -> dict[str, str]:
    return {m.label: m.kind for m in _names(*articles)}


def test_a_middle_initial_stays_inside_the_name() -> None:
    article = _article("a1", 'Title\n\n"We will not go to war," said a spokesman, Rabie A. Atti. Atti left.')
    assert [(m.label, m.key) for m in _names(article)] == [("Rabie A. Atti", "atti"), ("Atti", "atti")]


def test_sentence_initial_article_is_never_a_name() -> None:
    glued = _one_segment(
        "Thu, 10 Nov 2011 02:45 PM\nA refugee camp was hit, officials said. A government official "
        "spoke. A SAF spokesman denied it."
    )
    labels = _labels(glued)
    assert "A" not in labels and not any(label.startswith("A ") for label in labels)
    assert labels["SAF"] == "organisation"


def test_sentence_start_after_a_line_break_or_a_run_of_spaces() -> None:
    known_elsewhere = "Officials met Crater in the morning."
    for glue in ("\n", "  "):
        article = _one_segment(f"Thu, 10 Nov 2011{glue}Refugees fled. {known_elsewhere}")
        assert "Refugees" not in _labels(article)


def test_weekdays_and_months_are_never_names() -> None:
    article = _article(
        "a1",
        "Title\n\nThe army bombed Taludi Thursday. On Thursday, Nov. 10, Kiir spoke. "
        "In November the talks ended. Prime Minister Theresa May left in May.",
    )
    labels = _labels(article)
    assert "Taludi" in labels and "Kiir" in labels and "Theresa May" in labels
    assert not any(word in label for label in labels for word in ("Thursday", "Nov", "November"))
    keys = {e.key for e in fact_ledger([article])}
    assert "date:thursday" in keys and not any(k.startswith("name:thursday") for k in keys)


def test_a_surname_inside_another_name_is_not_the_person() -> None:
    a1 = _article("a1", "Title\n\nPresident John Washington visited the camp.")
    a2 = _article("a2", "Title\n\nThe Washington Post reported it. On Tuesday, Mr Washington spoke.")
    a3 = _article("a3", "Title\n\nThe Washington Post reported it.")
    ledger = {e.key: e for e in fact_ledger([a1, a2, a3])}
    assert ledger["name:washington"].absent == ("a3",)


def test_a_short_name_inside_a_longer_one_still_counts() -> None:
    a1 = _article("a1", "Title\n\nThey met the Coalition of the Willing in Paris.")
    a2 = _article("a2", "Title\n\nWe agree with the Coalition that guarantees matter, he said.")
    ledger = {e.key: e for e in fact_ledger([a1, a2])}
    assert ledger["name:coalition"].absent == ()
