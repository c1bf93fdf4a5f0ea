"""Claim and denial: one outlet reports an act, another reports the same actor denying it."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from compare_tui.core.analysis import analyse, denials
from compare_tui.core.analysis.quantities import caseless
from compare_tui.core.models import Article, Row
from fixtures.analysis_inputs import of_type, segmented


def _aligned(*articles: Article) -> list[Row]:
    """Every article's n-th segment in row n."""
    rows = []
    for i in range(max(len(a.segments) for a in articles)):
        segments = {a.id: (a.segments[i].id,) for a in articles if i < len(a.segments)}
        rows.append(Row(id=f"r{i}", segments=segments, status="match", score=0.9))
    return rows


def _denials(*texts: tuple[str, str]) -> list:
    articles = [segmented(aid, text, outlet=f"{aid}.example") for aid, text in texts]
    found = of_type(analyse(articles, _aligned(*articles)), "discrepancy")
    return [f for f in found if f.category == "claim"]


def test_an_act_and_its_denial_by_the_same_actor_name_both_sentences_and_outlets() -> None:
    found = _denials(
        ("a", "Camp hit\n\nThe army attacked the camp on Monday."),
        ("b", "Camp hit\n\nThe army denied carrying out the strike."),
    )
    assert {f.article for f in found} == {"a", "b"}
    assert _denials(
        ("a", "Camp hit\n\nThe Sudan Armed Forces attacked a refugee camp."),
        ("b", "Camp hit\n\nSudan denied carrying out the strike."),
    )
    claim = next(f for f in found if f.article == "a")
    assert claim.text == "The army attacked the camp on Monday."
    assert "'The army attacked the camp on Monday.' in a.example" in claim.explanation
    assert "'The army denied carrying out the strike.' in b.example" in claim.explanation
    assert claim.peers is not None and claim.peers.absent == ("b",)
    assert claim.detail["quantity"] == "claim vs denial"
    assert claim.detail["denied_by"] == ["b"]


def test_responsibility_claimed_and_denied_and_a_negated_verb_are_claim_and_denial() -> None:
    assert _denials(
        ("a", "Blast\n\nThe Rebel Front said it was responsible for the blast."),
        ("b", "Blast\n\nThe Rebel Front denied responsibility for the blast."),
    )
    assert _denials(
        ("a", "Summit\n\nMinister Lee attended the summit in Oslo."),
        ("b", "Summit\n\nMinister Lee did not attend the summit in Oslo."),
    )


def test_a_denial_in_both_articles_is_no_discrepancy() -> None:
    assert not _denials(
        ("a", "Camp hit\n\nThe army denied attacking the camp."),
        ("b", "Camp hit\n\nThe army denied carrying out the strike."),
    )


def test_an_article_that_reports_the_denial_elsewhere_reports_both() -> None:
    assert not _denials(
        ("a", "Camp hit\n\nThe army attacked the camp on Monday.\n\nA spokesman denied the claims."),
        ("b", "Camp hit\n\nThe army denied carrying out the strike."),
    )


def test_a_denial_by_another_actor_or_by_a_pronoun_is_no_discrepancy() -> None:
    assert not _denials(
        ("a", "Camp hit\n\nThe army attacked the camp on Monday."),
        ("b", "Camp hit\n\nThe rebels denied attacking the camp."),
    )
    assert not _denials(
        ("a", "Camp hit\n\nThe army attacked the camp on Monday."),
        ("b", "Camp hit\n\n\"We did not attack the camp,\" a rebel leader said."),
    )
    assert not _denials(
        ("a", "Camp hit\n\nSouth Sudan attacked the camp."),
        ("b", "Camp hit\n\nSudan denied attacking the camp."),
    )
    assert not _denials(
        ("a", "Camp hit\n\nSudan attacked the camp."),
        ("b", "Camp hit\n\nSouth Sudan denied attacking the camp."),
    )


def test_a_hedged_claim_or_unaligned_sentences_are_no_discrepancy() -> None:
    assert not _denials(
        ("a", "Camp hit\n\nThe army may have attacked the camp."),
        ("b", "Camp hit\n\nThe army denied carrying out the strike."),
    )
    assert not _denials(
        ("a", "Camp hit\n\nThe army attacked the camp.\n\nAid arrived."),
        ("b", "Camp hit\n\nAid arrived.\n\nThe army denied carrying out the strike."),
    )


def test_a_negation_before_a_name_or_a_comma_denies_no_act() -> None:
    """ "better late than never, Tara" is no denial of anything that "Get well soon, Tara!" claims."""
    assert not _denials(
        ("a", "Rehab\n\nGet well soon, Tara!"),
        ("b", "Rehab\n\nWell it's better late than never, Tara."),
    )


_CUE_PIECES = ["did", "does", "do", "was", "were", "had", "has", "have", "is", "are", "never", "deny"]
_CUE_PIECES += ["denying", "dismissed", "rejects", "refuted", "the", "claims", "of", "not", "n't", "s", "a"]
_CUE_PIECES += [" ", "\n", "-", "."]


@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=16), st.sets(st.integers(0, 60)))
@example(["he", " ", "did", " ", "not", " ", "deny", ",", "never", " ", "rejects", " the ", "claims"], set())
@example(["undid", " ", "not", " ", "is", "n't", " ", "arejected", " ", "claims", "-", "never"], {0, 5})
@example(["a", "has", " not ", "s", "was", "n't ", "a", "is", " not ", "a", "are", "n't ", "a", "never"], set())
def test_the_cue_patterns_for_caseless_text_find_what_the_ignorecase_patterns_find(
    pieces: list[str], upper: set[int]
) -> None:
    """`_DENIAL_LOWER` and `_NEGATION_LOWER` (branches led by a letter, the word boundary checked after it) on
    `caseless` text are `_DENIAL` and `_NEGATION` on the text, whatever its case; `_ANY_CUE` is either."""
    text = "".join(pieces)
    text = "".join(c.upper() if i in upper else c for i, c in enumerate(text)).replace("I", "\u0130", 1)
    lowered = caseless(text)
    either = re.compile(f"{denials._DENIAL.pattern}|{denials._NEGATION.pattern}", re.IGNORECASE)
    for fast, spec in (
        (denials._DENIAL_LOWER, denials._DENIAL),
        (denials._NEGATION_LOWER, denials._NEGATION),
        (denials._ANY_CUE, either),
    ):
        assert [m.span() for m in fast.finditer(lowered)] == [m.span() for m in spec.finditer(text)]


_ANCHOR_PIECES = [*_CUE_PIECES, "  ", "\t", "\u2003", "president", "sudden", "denied", "nothing", "note", "don", "t"]
_ANCHOR_PIECES += ["dismiss", "reject", "refute", "n", "'", "x"]


@given(st.lists(st.sampled_from(_ANCHOR_PIECES), max_size=20))
@example(["he", " ", "did", " \n\t ", "not", " ", "deny", ",", "never", " ", "rejects", " the ", "claims"])
@example(["the", " ", "president", " ", "does", "n't", " ", "have", "\u2003", "not", "x", "were", " ", "not"])
@example(["do", " ", "not", "is", " ", "not", "are", "n't", "dismiss", " ", "claims", " ", "refuted"])
def test_cues_tried_where_their_words_stand_are_the_cues_a_scan_finds(pieces: list[str]) -> None:
    """`_cue_matches` (the pattern tried only near "den", "not", "n't", ... ) finds what `finditer` finds."""
    text = caseless("".join(pieces))
    expected = [m.span() for m in denials._ANY_CUE.finditer(text)]
    assert [m.span() for m in denials._cue_matches(text)] == expected


@given(st.text(alphabet="abcdefghiklmnoprstuvy-", max_size=14))
@example("attacks")
@example("responsible")
@example("murdering")
@example("hits")
def test_a_words_family_is_the_first_family_that_names_it(word: str) -> None:
    expected = next((name for name, forms in denials._FAMILIES.items() if forms.fullmatch(word)), None)
    assert denials._family(word) == expected
