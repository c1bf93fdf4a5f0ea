"""Quotations, scare quotes and attribution (speaker and reporting verb), within and across articles."""

from __future__ import annotations

from compare_tui.core.analysis import analyse
from compare_tui.core.analysis.quotes import find_quotations
from compare_tui.core.models import Article, Finding, Row
from compare_tui.core.segment import segment_article


def _article(aid: str, text: str) -> Article:
    return segment_article(Article(id=aid, source=aid, text=text))


def _solo_rows(*articles: Article) -> list[Row]:
    return [
        Row(id=f"r{a.id}{i}", segments={a.id: (s.id,)}, status="unique", score=0.0)
        for a in articles
        for i, s in enumerate(a.segments)
    ]


def _of(findings: tuple[Finding, ...], kind: str) -> list[Finding]:
    return [f for f in findings if f.type == kind]


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "Zelensky's allies don't agree with the allies' plan, and Ukraine’s envoy left."
    assert find_quotations(text) == ()


def test_single_double_and_tex_quotations() -> None:
    text = "a firm 'no' and \"boots on the ground\" and `` American Pie '' here"
    found = [text[q.inner_start : q.inner_end].strip() for q in find_quotations(text)]
    assert found == ["no", "boots on the ground", "American Pie"]


def test_scare_quotes_but_not_attributed_partial_quotes_or_titles() -> None:
    text = (
        "Title line\n\nSuch a move would get a firm 'no' from Moscow. Envoys Steve Witkoff and Jared Kushner, "
        'who said allies had "largely finished", left. She starred in "American Pie" last year.'
    )
    article = _article("a1", text)
    scare = _of(analyse([article], _solo_rows(article)), "scare_quote")
    assert [f.text for f in scare] == ["'no'"]


def test_attribution_resolves_who_he_and_inversion() -> None:
    text = (
        "Title line\n\nThe talks included US envoys Steve Witkoff and Jared Kushner, who said allies had agreed. "
        "Although Zelensky acknowledged the effort, he emphasized that promises are not enough. "
        '"We will keep going," said Macron.'
    )
    article = _article("a1", text)
    found = {f.text: f.detail["speaker"] for f in _of(analyse([article], _solo_rows(article)), "attribution")}
    assert found["who said"] == "Steve Witkoff and Jared Kushner"
    assert found["he emphasized"] == "Zelensky"
    assert found["said Macron"] == "Macron"


def test_according_and_to_apart_are_not_a_reporting_verb() -> None:
    text = "Title line\n\nPrices rose, according - to officials, by a third. According to Reuters, they fell."
    article = _article("a1", text)
    found = [f.text for f in _of(analyse([article], _solo_rows(article)), "attribution")]
    assert found == ["According to Reuters"]


def test_same_quotation_compares_reporting_verbs_across_articles() -> None:
    quote = '"I have not received a clear, unambiguous answer yet."'
    a1 = _article("a1", f"Title one\n\nZelensky said: {quote}")
    a2 = _article("a2", f"Title two\n\nZelensky complained: {quote}")
    attributions = _of(analyse([a1, a2], _solo_rows(a1, a2)), "attribution")
    by_article = {f.article: f for f in attributions}
    assert by_article["a2"].detail["verbs"] == {"a2": "complained", "a1": "said"}
    assert by_article["a2"].detail["matched_by"] == {"a1": "quotation"}
    assert by_article["a2"].explanation == "a2 says 'complained' for Zelensky where a1 says 'said'"


def test_near_identical_quotations_mark_the_changed_words() -> None:
    a1 = _article(
        "a1", 'Title one\n\nZelensky said: "We have not received a clear answer from our partners yet."'
    )
    a2 = _article(
        "a2", 'Title two\n\nZelensky said: "We have not received any clear answer from our partners yet."'
    )
    first = next(f for f in _of(analyse([a1, a2], _solo_rows(a1, a2)), "attribution") if f.article == "a1")
    assert first.detail["quote_diff"] == {"a2": [{"this": "a", "other": "any"}]}
