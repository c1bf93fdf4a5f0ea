"""Quotations, scare quotes and attribution (speaker and reporting verb), within and across articles."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from compare_tui.core.analysis import analyse
from compare_tui.core.analysis.attribution import (
    _APPOSITIVE_TAIL,
    _INSERTION_TAIL,
    _OFFICE_OF,
    Attribution,
    _office_of,
    _PersonTracker,
    _Speaker,
    find_attributions,
)
from compare_tui.core.analysis.context import build_views
from compare_tui.core.analysis.names import NameMention, index_names
from compare_tui.core.analysis.quotes import find_quotations
from compare_tui.core.models import Article
from fixtures.analysis_inputs import hand_rows, of_type, segmented, solo_rows


def _attributions(article: Article) -> list[tuple[str, Attribution]]:
    """(text of the speaker and verb, attribution) of every attribution with a verb of one article."""
    views = build_views([article], solo_rows(article))
    found = find_attributions(views[0], index_names(views))
    return [(article.text[a.start : a.end], a) for a in found if not a.continues]


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
    article = segmented("a1", text)
    scare = of_type(analyse([article], solo_rows(article)), "scare_quote")
    assert [f.text for f in scare] == ["'no'"]


def test_attribution_resolves_who_he_and_inversion() -> None:
    text = (
        "Title line\n\nThe talks included US envoys Steve Witkoff and Jared Kushner, who said allies had agreed. "
        "Although Zelensky acknowledged the effort, he emphasized that promises are not enough. "
        '"We will keep going," said Macron.'
    )
    article = segmented("a1", text)
    found = {text: a.speaker for text, a in _attributions(article)}
    assert found["who said"] == "Steve Witkoff and Jared Kushner"
    assert found["he emphasized"] == "Zelensky"
    assert found["said Macron"] == "Macron"


def test_according_and_to_apart_are_not_a_reporting_verb() -> None:
    text = "Title line\n\nPrices rose, according - to officials, by a third. According to Reuters, they fell."
    article = segmented("a1", text)
    found = [text for text, _ in _attributions(article)]
    assert found == ["According to Reuters"]


def test_same_quotation_compares_reporting_verbs_across_articles() -> None:
    quote = '"I have not received a clear, unambiguous answer yet."'
    a1 = segmented("a1", f"Title one\n\nZelensky said: {quote}")
    a2 = segmented("a2", f"Title two\n\nZelensky complained: {quote}")
    attributions = of_type(analyse([a1, a2], solo_rows(a1, a2)), "attribution")
    by_article = {f.article: f for f in attributions}
    assert by_article["a2"].detail["verbs"] == {"a2": "complained", "a1": "said"}
    assert by_article["a2"].detail["matched_by"] == {"a1": "quotation"}
    assert by_article["a2"].explanation == "a2 says 'complained' for Zelensky where a1 says 'said'"


def test_near_identical_quotations_mark_the_changed_words() -> None:
    a1 = segmented(
        "a1", 'Title one\n\nZelensky said: "We have not received a clear answer from our partners yet."'
    )
    a2 = segmented(
        "a2", 'Title two\n\nZelensky stated: "We have not received any clear answer from our partners yet."'
    )
    first = next(f for f in of_type(analyse([a1, a2], solo_rows(a1, a2)), "attribution") if f.article == "a1")
    assert first.detail["quote_diff"] == {"a2": [{"this": "a", "other": "any"}]}


def _speakers(text: str) -> list[tuple[str, str]]:
    """(verb, speaker) of every attribution with a reporting verb in a one-article text."""
    article = segmented("a1", text)
    return [(a.verb, a.speaker) for _, a in _attributions(article)]


def test_plural_nouns_and_capitals_are_not_reporting_verbs() -> None:
    text = (
        "Title line\n\nKiir denied those claims in a statement. The United States issued a statement. "
        "Fighting spread to South Kordofan and Blue Nile states."
    )
    assert _speakers(text) == [("denied", "Kiir")]
    article = segmented("a1", text)
    assert of_type(analyse([article], solo_rows(article)), "loaded_language") == []


def test_a_verb_form_that_can_be_a_noun_still_reports_before_that() -> None:
    assert _speakers("Title line\n\nWitkoff claims that progress was made.") == [("claims", "Witkoff")]


def test_the_object_of_accused_or_told_is_not_the_speaker() -> None:
    text = (
        "Title line\n\nTaban Deng, the governor of Unity state, accused Sudan of the attack. "
        "Sources on the ground told Enough that one bomb fell."
    )
    assert _speakers(text) == [("accused", "Taban Deng")]


def test_inverted_speakers_close_the_clause() -> None:
    text = (
        'Title line\n\n"Two bombs fell," said UNHCR spokesman Adrian Edwards. "We will not go to war," said a '
        "Sudanese government spokesman, Rabie A. Atti. Mr Lang, the commissioner, said that 12 people died. "
        'Susan Rice, U.S. Ambassador for the United Nations, said the Sudan government "blatantly lied".'
    )
    assert _speakers(text) == [
        ("said", "Adrian Edwards"),
        ("said", "Rabie A. Atti"),
        ("said", "Lang"),
        ("said", "Susan Rice"),
    ]


def test_a_person_of_an_organisation_is_the_speaker() -> None:
    text = (
        "Title line\n\nKen Isaacs spoke first. As Isaacs of Samaritan's Purse contends, the camp is unsafe."
    )
    assert ("contends", "Isaacs") in _speakers(text)


def test_pronouns_resolve_to_a_fitting_antecedent() -> None:
    text = (
        "Title line\n\nMiabek Lang said 12 people died. Our reporter says he arrived at noon. "
        "He says the camp was hit. Five bombs fell, they told our correspondent."
    )
    assert _speakers(text) == [("said", "Miabek Lang"), ("says", "reporter"), ("says", "reporter")]


def test_quoted_words_after_a_reporting_or_naming_verb_are_speech() -> None:
    text = (
        "Sudan 'bombs refugees' in Unity state\n\n'Completely false'\n\n"
        'The US condemned what it called "negative developments" on Thursday. Kiir dismissed the accusations '
        'as "utterly baseless and malicious." Kiir talked of Sudan\'s "pending invasion" of its neighbour. '
        "Trump is likely to balk at no American 'boots on the ground' in Ukraine."
    )
    article = segmented("a1", text)
    scare = of_type(analyse([article], solo_rows(article)), "scare_quote")
    assert [f.text for f in scare] == ["'boots on the ground'"]


def test_a_trailing_pronoun_points_past_the_names_in_what_was_said() -> None:
    text = (
        "Title line\n\nThe commissioner Miabek Lang said the camp was hit. "
        "The refugees are furious with Sudan's President Omar al-Bashir over the bombings, he says."
    )
    assert _speakers(text) == [("said", "Miabek Lang"), ("says", "Miabek Lang")]


def test_the_holder_of_an_office_speaks_not_the_country() -> None:
    text = "Title line\n\nThe president of South Sudan said he fears an invasion."
    assert _speakers(text) == [("said", "president of South Sudan")]


def test_a_quotation_before_a_titled_speaker_is_theirs() -> None:
    article = segmented("a1", 'Title line\n\n"Why does he do this? He has a lot to answer," Mr Deng said.')
    ((_, found),) = _attributions(article)
    assert found.speaker == "Deng"
    assert found.content == "Why does he do this? He has a lot to answer,"


def test_she_resolves_to_the_last_woman_named_not_the_man_before_her() -> None:
    text = (
        "Title line\n\nJurors heard Mrs Armstead, a mother of two, and the defendant Mr Lopez. "
        "She said she hid in a store. He said nothing."
    )
    assert _speakers(text) == [("said", "Armstead"), ("said", "Lopez")]


def test_a_quotation_after_a_speaker_with_a_colon_takes_the_speakers_verb() -> None:
    quote = '"We have not received a clear, unambiguous answer yet, and we keep asking."'
    a1 = segmented("a1", f"Title one\n\nZelensky said:\n\n{quote}")
    a2 = segmented("a2", f"Title two\n\nZelensky complained: {quote}")
    by_article = {f.article: f for f in of_type(analyse([a1, a2], solo_rows(a1, a2)), "attribution")}
    assert by_article["a1"].detail["verbs"] == {"a1": "said", "a2": "complained"}
    assert "\u2014" not in by_article["a1"].explanation


def test_only_differences_between_articles_are_findings() -> None:
    a1 = segmented("a1", "Title one\n\nKiir said the bombing was an act of war against the refugees.")
    a2 = segmented("a2", "Title two\n\nKiir said the bombing was an act of war against the refugees.")
    assert of_type(analyse([a1, a2], solo_rows(a1, a2)), "attribution") == []


def test_a_quotation_given_to_another_speaker_is_a_finding() -> None:
    quote = '"The bombs fell on the camp at noon and nobody was warned."'
    a1 = segmented("a1", f"Title one\n\n{quote} Mr Edwards said.")
    a2 = segmented("a2", f"Title two\n\n{quote} Mr Boyette said.")
    found = of_type(analyse([a1, a2], solo_rows(a1, a2)), "attribution")
    assert {(f.article, f.detail["speaker"], tuple(f.detail["differs"])) for f in found} == {
        ("a1", "Edwards", ("speaker",)),
        ("a2", "Boyette", ("speaker",)),
    }


def _attribution_findings(texts: dict[str, str], rows: list[dict[str, tuple[int, ...]]]) -> list:
    """Attribution findings of articles aligned by hand: each row maps an article to its segment numbers."""
    return of_type(analyse(*hand_rows(texts, rows)), "attribution")


def test_two_different_statements_of_one_speaker_are_not_compared() -> None:
    """Kiir's threat of war and his remark on the rebels: another verb for another statement is no finding."""
    found = _attribution_findings(
        {
            "a1": "Title one\n\nKiir said Khartoum was planning an invasion of the south.",
            "a2": "Title two\n\nThe talks went on.\n\nKiir warned that the rebels would lose their bases.",
        },
        [{"a1": (0,), "a2": (0,)}, {"a1": (1,)}, {"a2": (1,)}, {"a2": (2,)}],
    )
    assert found == []


def test_the_same_statement_in_other_rows_is_compared_by_its_content_words() -> None:
    found = _attribution_findings(
        {
            "a1": "Title one\n\nKiir said Khartoum was planning an invasion of the south.",
            "a2": "Title two\n\nThe talks went on.\n\nKiir warned that Khartoum is planning an invasion.",
        },
        [{"a1": (0,), "a2": (0,)}, {"a1": (1,)}, {"a2": (1,)}, {"a2": (2,)}],
    )
    assert {f.article: f.detail["verbs"] for f in found}["a1"] == {"a1": "said", "a2": "warned"}


def test_a_denial_and_an_accusation_by_one_speaker_are_two_statements() -> None:
    found = _attribution_findings(
        {
            "a1": "Title one\n\nSudan has denied striking South Sudanese territory.",
            "a2": "Title two\n\nSudan has accused South Sudan of arming rebels in its territory.",
        },
        [{"a1": (0,), "a2": (0,)}, {"a1": (1,), "a2": (1,)}],
    )
    assert found == []


def test_a_passage_that_names_the_speaker_or_lacks_the_figures_is_not_unattributed() -> None:
    said = "Hutson said at least 15,000 refugees who fled the fighting are living in the Yida camp."
    named = "Hutson counted at least 15,000 refugees who fled the fighting, living in the Yida camp."
    other = "Nearly 23,000 refugees who fled the fighting are living in the Yida camp."
    same = "At least 15,000 refugees who fled the fighting are living in the Yida camp."
    for text, expected in ((named, False), (other, False), (same, True)):
        found = _attribution_findings(
            {"a1": f"Title one\n\n{said}", "a2": f"Title two\n\n{text}"},
            [{"a1": (0,), "a2": (0,)}, {"a1": (1,), "a2": (1,)}],
        )
        assert bool(found) is expected, text


_READS = st.lists(
    st.tuples(st.booleans(), st.sampled_from(["a", "b", "c", "d", "e", "f", "g", "h"]), st.booleans()),
    max_size=30,
)


@given(_READS, st.integers(0, 30))
def test_the_people_a_pronoun_may_mean_are_the_last_six_read_each_where_last_read(
    reads: list[tuple[bool, str, bool]], cut: int
) -> None:
    """The tracker's log gives the list that adding each person as it is read kept: a person read again
    moves to the end, and only the last six are kept."""
    tracker = _PersonTracker(frozenset({"h"}), {})
    kept: list[_Speaker] = []
    before: list[_Speaker] = []
    for position, (spoke, key, person) in enumerate(reads):
        if position == cut:
            tracker.new_sentence()
            before = list(kept)
        if spoke:
            speaker = _Speaker(key.upper(), (key,), position, position + 1, named=True)
            tracker.spoke(speaker)
        else:
            mention = NameMention(position, position + 1, key, key.title(), "person" if person else "place")
            tracker.see(mention)
            if not (mention.kind == "person" or key == "h"):
                continue
            speaker = _Speaker(mention.label, (key,), mention.start, mention.end)
        kept = [p for p in kept if p.keys != speaker.keys][-5:] + [speaker]
    assert tracker._people(len(tracker.read)) == kept
    assert tracker._people(tracker.before_sentence[0]) == before


_SUBJECT_PIECES = ["Zelensky", " ", "  ", "\n", "-", ",", "who", "which", "was", "present", "of", "the", "x", "The"]


@given(st.lists(st.sampled_from(_SUBJECT_PIECES), max_size=14))
@example(["Zelensky", " ", "-", " ", "who", " ", "was", " ", "present", " ", "-", " "])
@example(["Rice", ",", " ", "x", ",", "\n"])
@example(["x", ",", " ", "which", " ", "x", ","])
@example(["The", " ", "x", " ", "of", " ", "the", "\n"])
def test_subject_tails_searched_only_where_the_text_ends_so_are_those_a_search_finds(pieces: list[str]) -> None:
    """The tails of a subject (an insertion, an appositive, "president of (the)") are searched only where the
    text ends as they do: what they find is what the regex search finds."""
    text = "".join(pieces)
    for tail in (_INSERTION_TAIL, _APPOSITIVE_TAIL):
        found, expected = tail.search(text), tail.pattern.search(text)
        assert (found and found.span()) == (expected and expected.span())
    found, expected = _office_of(text, 0, len(text)), _OFFICE_OF.search(text, 0, len(text))
    assert (found and found.span()) == (expected and expected.span())
