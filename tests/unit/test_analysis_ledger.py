"""The ledger worth reading: no pseudo-names, one fact per entity, ranked, and where each article states it."""

from __future__ import annotations

from compare_tui.core.analysis import analyse, fact_ledger
from compare_tui.core.analysis.quantities import caseless, quantities
from compare_tui.core.pipeline import compare_articles
from compare_tui.core.row_details import omission_ledger
from compare_tui.core.settings import Settings
from fixtures.analysis_inputs import of_type, segmented, solo_rows


def _labels(*articles: object) -> set[str]:
    return {e.label for e in fact_ledger(articles)}  # type: ignore[arg-type]


def test_contractions_shouted_words_and_common_words_are_not_names() -> None:
    a1 = segmented(
        "a1",
        "Title\n\nGRANDMOTHER KILLED BY DRUNK DRIVER said the banner. \"I'm scared,\" Ana Lee said. "
        "She sang Heart of Gold. Her heart was broken on the eve of the trial. Lee met Bob Dean.",
    )
    a2 = segmented("a2", "Other\n\nThe trial of Bob Dean opened. \"I've seen it,\" a witness said.")
    labels = _labels(a1, a2)
    assert not {"I'm", "I've", "Heart", "Heart of Gold", "GRANDMOTHER KILLED BY DRUNK DRIVER"} & labels
    assert {"Ana Lee", "Bob Dean"} <= labels


def test_an_english_word_in_capitals_is_no_acronym_but_acronyms_stay() -> None:
    """A song called "GOD" and "she is MIA" are no organisations; "SUNA" (no English word), "the BBC" and an
    acronym two articles write stay."""
    a1 = segmented(
        "a1",
        "Fire\n\nShe posted a song called GOD on her page. Her cousin is MIA since the fire. "
        "Saad was quoted by the agency SUNA. A neighbour told the BBC that the UNHCR sent tents.",
    )
    a2 = segmented("a2", "Fire\n\nThe UNHCR sent tents to the camp after the fire.")
    labels = _labels(a1, a2)
    assert not {"GOD", "MIA"} & labels
    assert {"SUNA", "BBC", "UNHCR"} <= labels


def test_a_first_name_alone_is_the_person_named_in_full() -> None:
    a1 = segmented("a1", "Title\n\nThe pastor, Dar Miller, spoke first. Later Dar prayed with the family.")
    a2 = segmented("a2", "Other\n\nMiller led the service at the church.")
    ledger = {e.label: e for e in fact_ledger([a1, a2])}
    assert "Dar" not in ledger
    assert set(ledger["Dar Miller"].present) == {"a1", "a2"}


def test_an_age_in_apposition_is_the_same_fact_as_the_hyphenated_age() -> None:
    text = "Vishwanand Subryan, 23, of Schenectady was held. A 17-year-old was hurt."
    keys = [q.key for q in quantities(text, caseless(text), 0, len(text))]
    assert keys.count("number:23 year-old") == 1 and "number:17 year-old" in keys
    a1 = segmented("a1", "Title\n\nThe driver hit Ana Lee, 17, on Friday.")
    a2 = segmented("a2", "Other\n\nThe driver hit a 17-year-old girl on Friday.")
    ledger = {e.key: e for e in fact_ledger([a1, a2])}
    assert ledger["number:17 year-old"].absent == ()


def test_ledger_ranks_widely_reported_facts_first_and_says_where_each_article_states_them() -> None:
    filler = " ".join(f"Sentence {i} says nothing new." for i in range(8))
    a1 = segmented("a1", f"Quake Kills 24 in Aceh\n\n24 people died in Aceh. Rescuers dug. {filler} Nugroho spoke.")
    a2 = segmented("a2", f"Quake hits\n\nThe quake struck. Aceh shook. {filler} Officials said 24 people died.")
    a3 = segmented("a3", f"Asia news\n\nMarkets fell. {filler} Nugroho spoke of Aceh.")
    ledger = fact_ledger([a1, a2, a3])
    by_key = {e.key: e for e in ledger}
    dead = by_key["number:24 people"]
    assert dead.positions == {"a1": "headline", "a2": "end"}
    assert by_key["name:aceh"].positions == {"a1": "headline", "a2": "lede", "a3": "end"}
    sizes = [len(e.present) for e in ledger]
    assert sizes == sorted(sizes, reverse=True)
    comparison = compare_articles([a1, a2, a3], settings=Settings())
    facts = omission_ledger(comparison, ranked=True).facts
    assert [len(f.present) for f in facts] == sorted((len(f.present) for f in facts), reverse=True)
    dead_fact = next(f for f in facts if f.text.startswith("24"))
    assert (dead_fact.where("a1"), dead_fact.where("a2")) == ("headline", "last quarter")
    finding = next(f for f in of_type(comparison.findings, "omitted_fact") if f.article == "a2" and "24" in f.text)
    assert finding.detail["position"] == "end" and finding.explanation.endswith("only in the last quarter")


def test_omitted_fact_detail_carries_rank_and_positions() -> None:
    a1 = segmented("a1", "Title\n\nMacron met 30 mayors in Paris.")
    a2 = segmented("a2", "Other\n\nMacron spoke.")
    omitted = of_type(analyse([a1, a2], solo_rows(a1, a2)), "omitted_fact")
    mayors = next(f for f in omitted if f.text == "30 mayors")
    assert mayors.detail["positions"] == {"a1": "lede"} and isinstance(mayors.detail["rank"], int)
