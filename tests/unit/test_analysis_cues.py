"""The cue index: the shortcuts that keep it from trying most words find every cue the lexicon terms find."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from compare_tui.core.analysis.context import build_views
from compare_tui.core.analysis.cues import CueHit, CueIndex, _candidates, _next_initial, _undone
from compare_tui.core.analysis.voice import Voice
from compare_tui.core.models import Article, Row
from compare_tui.core.segment import segment_article

_PIECES = ["of", "Of", "OF", " ", "  ", "\n", ",", "-", "'", "course", "Course", "\u017fure", "to", "be", "sure"]
_PIECES += ["the", "usual", "same", "old", "a", "lot", "big", "step", "and", "yet", "in", "other", "words", "x"]
_PIECES += ["well", "clearly", "regime", "so-called", "our", "correspondent", "Ours", "ſo"]


def _every_term_tried(text: str) -> tuple[tuple[CueHit, ...], tuple[CueHit, ...]]:
    """The cues of a text as the index finds them, and as trying every term that can start at each word
    finds them, with no shortcut (nothing is reported speech here)."""
    article = segment_article(Article(id="a1", source="a1", text=text))
    row = Row(id="r0", segments={"a1": tuple(s.id for s in article.segments)}, status="unique", score=0.0)
    view = build_views([article], [row])[0]
    index = CueIndex.build(view, Voice.of([]))
    hits = []
    for token in view.tokens:
        for term in (found.terms if (found := _candidates(token.text)) else ()):
            m = term.pattern.match(view.folded, token.start)
            if m and not _undone(view.folded, m.end(), term):
                hits.append(CueHit(m.start(), m.end(), term.category))
    return index.hits, tuple(sorted(hits, key=lambda h: (h.start, -h.end)))


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=16))
@example(["Title", "\n\n", "Of", " ", "course", " ", "x"])
@example(["Title", "\n\n", "to", "  ", "be", " ", "sure", ",", " ", "a", " ", "lot", " ", "of"])
@example(["Title", "\n\n", "of", " ", "Course"])  # the next word in capitals
@example(["Title", "\n\n", "is", " ", "\u017fet", " ", "to", " ", "backfire"])  # IGNORECASE: "\u017f" is "s"
@example(["Title", "\n\n", "in", " ", "other", "\n", "words"])
def test_cues_skipped_by_the_next_word_are_cues_no_term_finds(pieces: list[str]) -> None:
    """A word whose terms all go on with another word is skipped when the next word cannot start their
    second word: the index finds what trying every term at every word finds."""
    found, expected = _every_term_tried("".join(pieces))
    assert [(h.start, h.end, h.category.name) for h in found] == [
        (h.start, h.end, h.category.name) for h in expected
    ]


def test_the_next_initial_is_the_second_words_first_letter_when_the_first_is_whole() -> None:
    assert _next_initial("of course") == "c"
    assert _next_initial("To be sure") == "b"
    assert _next_initial("our") is None
    assert _next_initial("speak* of") is None
    assert _next_initial("the * thing is") is None
