"""Claim and denial: one outlet reports an act, another reports the same actor denying it."""

from __future__ import annotations

from compare_tui.core.analysis import analyse
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
