"""The omission ledger, unique passages and wording differences between aligned passages."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from compare_tui.core.analysis import analyse, fact_ledger
from compare_tui.core.analysis.facts import partial_floor
from compare_tui.core.models import Row
from fixtures.analysis_inputs import of_type, segmented, solo_rows

A1 = segmented(
    "a1",
    "Talks in Paris\n\nFrench President Emmanuel Macron met 30 countries in Paris on Tuesday. "
    "The US did not sign. Russia holds about 75% of Donetsk.",
)
A2 = segmented(
    "a2",
    "Paris summit\n\nMacron hosted the summit. The United States stayed out, according to NATO officials.",
)


def test_ledger_counts_name_variants_as_one_fact() -> None:
    ledger = {e.key: e for e in fact_ledger([A1, A2])}
    assert set(ledger["name:macron"].present) == {"a1", "a2"}
    assert ledger["name:alias:united states"].absent == ()
    assert ledger["number:75%"].absent == ("a2",)
    assert ledger["number:30 country"].label == "30 countries"
    assert ledger["date:tuesday"].present["a1"][0].text == "Tuesday"
    assert ledger["name:alias:nato"].absent == ("a1",)


def test_headings_and_sentence_initial_words_are_not_names() -> None:
    article = segmented(
        "a1", "Military Hubs and Troop Deployments\n\nSpeaking to reporters, Zelensky left early."
    )
    keys = {e.key for e in fact_ledger([article])}
    assert "name:zelensky" in keys
    assert not any("hubs" in k or "speaking" in k or "military" in k for k in keys)


def test_omitted_fact_findings_name_the_articles_that_lack_them() -> None:
    omitted = of_type(analyse([A1, A2], solo_rows(A1, A2)), "omitted_fact")
    by_text = {f.text: f for f in omitted}
    assert by_text["about 75% of Donetsk"].peers.absent == ("a2",)
    assert by_text["NATO"].article == "a2" and by_text["NATO"].peers.absent == ("a1",)
    assert "Macron" not in by_text and "Emmanuel Macron" not in by_text


def test_unique_passages_and_wording_on_aligned_headlines() -> None:
    a1 = segmented(
        "a1", "Zelensky Says He Has No Guarantees from Allies\n\nThe war goes on. Prices rose in Kyiv."
    )
    a2 = segmented("a2", "Zelensky Complains He Has No Guarantees from Allies\n\nThe war goes on.")
    rows = [
        Row("r0", {"a1": ("a1:0",), "a2": ("a2:0",)}, "match", 0.9),
        Row("r1", {"a1": ("a1:1",), "a2": ("a2:1",)}, "match", 0.9),
        Row("r2", {"a1": ("a1:2",)}, "unique", 0.0),
    ]
    findings = analyse([a1, a2], rows)
    unique = [f for f in findings if f.type == "unique_passage"]
    assert [(f.text, f.peers.absent) for f in unique] == [("Prices rose in Kyiv.", ("a2",))]
    wording = {(f.article, f.text): f for f in findings if f.type == "wording"}
    says = wording[("a1", "Says")]
    assert says.category == "reporting_verb" and says.detail["counterpart"] == {"a2": "Complains"}
    assert wording[("a2", "Complains")].detail["counterpart"] == {"a1": "Says"}
    assert len(wording) == 2


def _wording(first: str, second: str) -> list[str]:
    """The texts of the wording findings between two one-sentence articles aligned with each other, segment
    by segment (a sentence of two clauses is two segments)."""
    a1 = segmented("a1", f"Title\n\n{first}")
    a2 = segmented("a2", f"Title\n\n{second}")
    assert len(a1.segments) == len(a2.segments)
    rows = [
        Row(f"r{i}", {"a1": (f"a1:{i}",), "a2": (f"a2:{i}",)}, "match", 0.9) for i in range(len(a1.segments))
    ]
    return sorted(f.text for f in analyse([a1, a2], rows) if f.type == "wording")


def test_spelling_function_words_and_pronouns_are_no_wording_difference() -> None:
    assert (
        _wording(
            "A crater two metres wide near the U.N. oilfields was seen, he said, and the toll had been high.",
            "The crater two meters wide near the UN oil fields was seen, Deng said, and the toll was high.",
        )
        == []
    )


def test_a_changed_verb_or_an_added_name_still_is() -> None:
    assert _wording(
        "The army bombed the camp, officials said on Thursday.",
        "The army attacked the camp, Governor Taban Deng claimed on Thursday.",
    ) == ["Governor Taban Deng claimed", "attacked", "bombed", "officials said"]


_QUOTE_WORDS = st.sampled_from(
    ["the", "war", "will", "end", "soon", "we", "are", "ready", "to", "talk", "peace", "a", "guarantees"]
)


@given(
    st.lists(_QUOTE_WORDS, min_size=1, max_size=12).map(" ".join),
    st.lists(_QUOTE_WORDS, max_size=8).map(" ".join),
    st.lists(_QUOTE_WORDS, max_size=8).map(" ".join),
    st.text(alphabet="ab ", max_size=6),
)
def test_partial_floor_never_hides_a_quotation_inside_another(quote, before, after, noise) -> None:
    # the ledger skips fuzz.partial_ratio below this floor of fuzz.ratio: no quotation found inside a longer
    # one (with words around it and a few characters changed) may fall below it
    longer = f"{before} {quote[: len(quote) // 2]}{noise}{quote[len(quote) // 2 :]} {after}"
    for a, b in ((quote, longer), (longer, quote), (quote, quote + noise)):
        if fuzz.partial_ratio(a, b) >= 90:
            assert fuzz.ratio(a, b) >= partial_floor(len(a), len(b), 90) - 0.5
