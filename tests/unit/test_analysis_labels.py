"""Explanations name articles as an editor knows them (outlet, else title, else id); peers keep the ids."""

from __future__ import annotations

from dataclasses import replace

from compare_tui.core.analysis import analyse
from compare_tui.core.analysis.context import join_labels, name_some
from compare_tui.core.labels import article_labels
from compare_tui.core.models import Article, Row
from fixtures.analysis_inputs import of_type, segmented, solo_rows


def test_label_is_outlet_then_short_title_then_id() -> None:
    bare = Article(id="000_8a15", source="x", text="t")
    titled = replace(bare, id="t1", title="Zelensky Says He Has No Clear Security Guarantees From Allies")
    outlet = replace(titled, id="o1", outlet=" reuters.com ")
    labels = article_labels([bare, titled, outlet])
    assert labels == {
        "000_8a15": "000_8a15",
        "t1": '"Zelensky Says He Has No Clear Security\u2026"',
        "o1": "reuters.com",
    }


def test_articles_sharing_an_outlet_are_told_apart_by_id() -> None:
    a = Article(id="a", source="a", text="t", outlet="Reuters")
    b = replace(a, id="b")
    assert article_labels([a, b]) == {"a": "Reuters (a)", "b": "Reuters (b)"}


def test_join_and_count_labels() -> None:
    labels = {c: c.upper() for c in "abcde"}
    assert join_labels(["A"]) == "A"
    assert join_labels(["A", "B", "C"]) == "A, B and C"
    assert name_some(("a", "b"), labels) == "A and B"
    assert name_some(tuple("abcde"), labels) == "5 articles"


def test_explanations_use_outlets_but_peers_and_detail_keep_ids() -> None:
    quote = '"I have not received a clear, unambiguous answer yet."'
    a1 = segmented("a1", f"Title one\n\nZelensky said: {quote} He met 30 mayors.", outlet="Kyiv Post")
    a2 = segmented("a2", f"Title two\n\nZelensky complained: {quote}", outlet="ZeroHedge")
    findings = analyse([a1, a2], solo_rows(a1, a2))
    attribution = next(f for f in of_type(findings, "attribution") if f.article == "a2")
    assert attribution.explanation == "ZeroHedge says 'complained' for Zelensky where Kyiv Post says 'said'"
    assert attribution.detail["verbs"] == {"a2": "complained", "a1": "said"}
    fact = next(f for f in of_type(findings, "omitted_fact") if f.text == "30 mayors")
    assert fact.explanation == "number '30 mayors' is in Kyiv Post but not in ZeroHedge; here in the lede"
    assert fact.peers is not None and fact.peers.absent == ("a2",)
    unique = of_type(findings, "unique_passage")
    assert unique and all("a1" not in f.explanation and "a2" not in f.explanation for f in unique)


def test_wording_groups_articles_that_say_the_same() -> None:
    a1 = segmented("a1", "Zelensky Says He Has No Guarantees\n\nThe war goes on.", outlet="A")
    a2 = segmented("a2", "Zelensky Complains He Has No Guarantees\n\nThe war goes on.", outlet="B")
    a3 = segmented("a3", "Zelensky Complains He Has No Guarantees\n\nThe war goes on.", outlet="C")
    rows = [
        Row("r0", {"a1": ("a1:0",), "a2": ("a2:0",), "a3": ("a3:0",)}, "match", 0.9),
        Row("r1", {"a1": ("a1:1",), "a2": ("a2:1",), "a3": ("a3:1",)}, "match", 0.9),
    ]
    says = next(f for f in of_type(analyse([a1, a2, a3], rows), "wording") if f.article == "a1")
    assert says.explanation == "A says 'Says' where B and C say 'Complains'"
    assert says.detail["counterpart"] == {"a2": "Complains", "a3": "Complains"}
