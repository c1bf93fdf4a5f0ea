"""Editorial asides and loaded language on small hand-written texts: positives and negatives."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from compare_tui.core.analysis import analyse
from compare_tui.core.analysis.asides import _scoring_marks
from compare_tui.core.analysis.attribution import find_attributions
from compare_tui.core.analysis.context import build_views, first_within
from compare_tui.core.analysis.names import index_names
from compare_tui.core.models import Article, Finding, Row
from compare_tui.core.segment import segment_article


def _findings(text: str, *types: str) -> list[Finding]:
    article = segment_article(Article(id="a1", source="a1", text=text))
    rows = [
        Row(id=f"r{i}", segments={"a1": (s.id,)}, status="unique", score=0.0)
        for i, s in enumerate(article.segments)
    ]
    return [f for f in analyse([article], rows) if not types or f.type in types]


def test_stance_marker_and_intensifier_make_an_aside() -> None:
    text = "Title line\n\nOf course, such a move would simply be rejected by Moscow."
    asides = _findings(text, "editorial_aside")
    assert len(asides) == 1
    assert asides[0].text.startswith("Of course, such a move")
    assert "Of course" in asides[0].explanation


def test_neutral_attributed_sentence_is_not_flagged() -> None:
    text = "Title line\n\nThe minister said the talks would resume on Monday in Geneva."
    assert _findings(text, "editorial_aside", "loaded_language") == []


def test_speculation_and_idiom_are_asides() -> None:
    text = "Title line\n\nAnd Trump himself is likely to balk. Washington drags its feet on the deal."
    asides = _findings(text, "editorial_aside")
    assert [a.text for a in asides] == [
        "And Trump himself is likely to balk.",
        "Washington drags its feet on the deal.",
    ]


def test_speculation_inside_reported_claim_belongs_to_the_speaker() -> None:
    text = "Title line\n\nAnalysts said the government is likely to collapse within weeks."
    assert _findings(text, "editorial_aside") == []


def test_stance_marker_before_an_attribution_is_flagged_alone() -> None:
    text = "Title line\n\nStill, the envoy Steve Witkoff has claimed that progress was made."
    asides = _findings(text, "editorial_aside")
    assert [a.text for a in asides] == ["Still"]


def test_parenthetical_jab_and_reader_address() -> None:
    text = "Title line\n\nHe gets robust (verbal) commitments out of them. You will not be surprised."
    kinds = {c["kind"] for f in _findings(text, "editorial_aside") for c in f.detail["cues"]}
    assert {"parenthetical jab", "addresses the reader"} <= kinds


def test_first_person_inside_a_quotation_is_not_the_writer() -> None:
    text = 'Title line\n\n"We will not give up our land," the president said.'
    assert _findings(text, "editorial_aside") == []


def test_loaded_words_are_flagged_with_their_lexicon_category() -> None:
    text = "Title line\n\nThe summit featured the usual hawkish bluster and plenty of bickering."
    loaded = {f.text: f.category for f in _findings(text, "loaded_language")}
    assert loaded == {
        "hawkish": "evaluative_adjective",
        "bluster": "evaluative_noun",
        "bickering": "evaluative_noun",
    }


def test_loaded_words_inside_a_quotation_are_the_speakers() -> None:
    text = 'Title line\n\nThe senator said: "This is an outrageous and shameful decision."'
    assert _findings(text, "loaded_language") == []


def test_plain_adjectives_are_not_loaded() -> None:
    text = "Title line\n\nThe large red building on the northern edge of the old town was closed."
    assert _findings(text, "loaded_language", "editorial_aside") == []


def test_loaded_reporting_verb_is_the_attributions_not_loaded_language() -> None:
    text = "Title line\n\nWitkoff claimed that progress had been made. Zelensky said the talks went well."
    assert _findings(text, "loaded_language") == []
    article = segment_article(Article(id="a1", source="a1", text=text))
    views = build_views([article], ())
    verbs = {(a.speaker, a.verb_class) for a in find_attributions(views[0], index_names(views))}
    assert verbs >= {("Witkoff", "assertive")}


def test_words_in_a_multi_paragraph_quotation_are_not_the_writers() -> None:
    text = (
        'Title line\n\nThe family said in a statement: "We are heartbroken. How could anyone do this to us?\n\n'
        '"We ask you to respect our privacy. Our boy was simply wonderful."\n\nPolice are investigating.'
    )
    assert _findings(text, "editorial_aside", "loaded_language", "scare_quote") == []


def test_reported_speech_is_not_the_writers_voice() -> None:
    text = (
        "Title line\n\nThe minister said the plan was a disastrous and reckless gamble. "
        "The talks probably failed, the envoy said. "
        "According to the coroner, the victim was brutally and senselessly attacked."
    )
    assert _findings(text, "editorial_aside", "loaded_language") == []


def test_the_same_words_in_the_writers_voice_are_flagged() -> None:
    text = "Title line\n\nThe plan was a disastrous gamble. The talks probably failed."
    flagged = _findings(text, "editorial_aside", "loaded_language")
    assert {f.text for f in flagged} >= {"disastrous", "The talks probably failed."}


def test_reported_speech_runs_on_across_a_clause_cut() -> None:
    """Segmentation cuts a sentence of two clauses into two segments; what "Heller told a judge that"
    reports still runs to the end of the sentence, while the same clause in the writer's voice is flagged."""
    clause = "Lohan had checked in to the rehab facility on Thursday morning, but the starlet left it after a few minutes."
    reported = f"Title line\n\nHeller told a judge during a hearing that {clause[0].lower()}{clause[1:]}"
    assert len(segment_article(Article(id="a1", source="a1", text=reported)).segments) == 3
    assert _findings(reported, "editorial_aside", "loaded_language") == []
    flagged = _findings(f"Title line\n\n{clause}", "editorial_aside", "loaded_language")
    assert "starlet" in {f.text for f in flagged}


def test_a_quotation_with_its_speaker_after_it_is_no_scare_quote() -> None:
    text = (
        'Title line\n\n"Completely shocked," said her nephew, Ravi Singh, 32, of Coney Island. '
        'The report cited "global processes" according to the coroner. '
        "The rules became known as \"midnight regulations\". The gang '8 Block' was named. "
        "He called it a 'plan' on Monday. The move would bring a firm 'no' from Moscow."
    )
    assert [f.text for f in _findings(text, "scare_quote")] == ["'no'"]


def test_the_outlet_naming_its_own_reporter_is_not_reader_address() -> None:
    text = (
        "Title line\n\nOur reporter says he arrived at the camp. Five bombs fell, they told our correspondent. "
        "A plane was seen, our own correspondent says."
    )
    assert _findings(text, "editorial_aside") == []


def test_first_person_plural_is_still_reader_address() -> None:
    text = "Title line\n\nOur leaders have failed us again."
    assert [a.text for a in _findings(text, "editorial_aside")] == ["Our leaders have failed us again."]


def test_emotive_verbs_report_only_with_content_after_them() -> None:
    text = (
        'Title line\n\nReporters snapped tons of pictures. Salva Kiir was asked. "Enough," Kiir snapped. '
        "Zelensky has complained in the aftermath that nothing is settled."
    )
    article = segment_article(Article(id="a1", source="a1", text=text))
    views = build_views([article], ())
    verbs = [a.verb for a in find_attributions(views[0], index_names(views)) if not a.continues]
    assert "snapped" in verbs and "complained" in verbs and verbs.count("snapped") == 1


def test_red_meat_is_an_idiom_only_when_thrown_to_someone() -> None:
    assert (
        _findings("Title line\n\nThe farm tried to produce red meat in the Interior.", "loaded_language")
        == []
    )
    idiom = _findings("Title line\n\nThe speech threw red meat to the base.", "loaded_language")
    assert [f.text for f in idiom] == ["threw red meat"]


@given(
    st.text(alphabet="ab (?!).", max_size=20),
    st.lists(st.integers(0, 20), max_size=4),
    st.integers(0, 20),
    st.integers(0, 20),
)
@example("a?", [], 1, 2)
@example("(b", [], 0, 1)
@example("ab!", [], 0, 2)  # a mark just past the sentence
@example("??", [], 1, 2)  # the second of two marks side by side
def test_a_sentence_is_read_for_asides_when_it_holds_a_weighted_cue_or_a_mark(
    text: str, weighted: list[int], start: int, end: int
) -> None:
    """One look-up in `_scoring_marks` says what searching the sentence for "(", "?", "!" and asking for a
    weighted cue start in it says."""
    start, end = min(start, end), max(start, end)
    expected = any(start <= w < end for w in weighted) or any(m in text[start:end] for m in "(?!")
    assert (first_within(_scoring_marks(text, weighted), start, end) is not None) == expected


def test_a_quotation_of_more_than_five_words_is_speech_not_a_scare_quote() -> None:
    """Only a short phrase in quotation marks is a scare quote (`MAX_SCARE_WORDS`): six words are speech,
    however many words the quotation goes on with."""
    for words, scare_quotes in ((5, 1), (6, 0), (40, 0)):
        quoted = " ".join(["plain"] * words)
        text = f'Title line\n\nThe plan was "{quoted}" by all accounts.'
        assert len(_findings(text, "scare_quote")) == scare_quotes, words
