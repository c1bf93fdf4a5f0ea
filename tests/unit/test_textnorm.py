"""Folding keeps offsets valid and tokens slice back to their text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from compare_tui.core.textnorm import _DOTTED_WORDS, Token, fold, text_tokens, tokenize

TYPOGRAPHIC = "\u00a0\u2007\u202f\u2009“”„‟″«»‘’‚‛′–—−‒…"
typographic_text = st.text(alphabet=st.one_of(st.characters(), st.sampled_from(TYPOGRAPHIC)))


def test_fold_maps_spaces_quotes_and_dashes_to_ascii() -> None:
    assert fold("a\u00a0b\u2007c\u202fd\u2009e") == "a b c d e"
    assert fold("“Yes,” she said: ‘don’t’ „x‟ ″ «y»") == '"Yes," she said: \'don\'t\' "x" " "y"'
    assert fold("‚a‛ 5′") == "'a' 5'"
    assert fold("1–2 — 3 −4 ‒5") == "1-2 - 3 -4 -5"
    assert fold("Wait…") == "Wait."


def test_fold_leaves_plain_text_alone() -> None:
    text = "Plain ASCII: \"quotes\", 'apostrophes' - dashes.\n\tTabs too."
    assert fold(text) == text


def test_fold_keeps_line_breaks_and_letters() -> None:
    assert fold("Zelensky’s\nКиїв 東京") == "Zelensky's\nКиїв 東京"


@given(typographic_text)
def test_fold_preserves_length(text: str) -> None:
    assert len(fold(text)) == len(text)


@given(typographic_text)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(typographic_text)
def test_fold_works_character_by_character(text: str) -> None:
    assert fold(text) == "".join(fold(c) for c in text)


@given(typographic_text)
def test_fold_changes_only_typographic_characters(text: str) -> None:
    folded = fold(text)
    assert all(a == b or (not a.isascii() and b.isascii()) for a, b in zip(text, folded, strict=True))


def words(text: str) -> list[str]:
    return [token.text for token in tokenize(text)]


def test_tokenize_keeps_numbers_abbreviations_and_compounds() -> None:
    text = "On Jan. 8 the U.S. said 75% of post-war Zelensky’s plans don't cost $5bn or 1,000.5 at 9 a.m."
    assert words(text) == [
        "On", "Jan.", "8", "the", "U.S.", "said", "75%", "of", "post-war", "Zelensky’s",
        "plans", "don't", "cost", "$5bn", "or", "1,000.5", "at", "9", "a.m.",
    ]  # fmt: skip


def test_tokenize_keeps_titles_with_their_period_only_before_a_space() -> None:
    assert words("Mr. Macron, Mrs. May and Gen. Smith") == [
        "Mr.",
        "Macron",
        "Mrs.",
        "May",
        "and",
        "Gen.",
        "Smith",
    ]
    assert words("Mr.Smith") == ["Mr", "Smith"]


def test_tokenize_drops_sentence_final_periods_and_punctuation() -> None:
    assert words("It ended. (Really?) Yes — “no”.") == ["It", "ended", "Really", "Yes", "no"]
    assert words("COVID-19 in the 1990s; snake_case") == ["COVID-19", "in", "the", "1990s", "snake", "case"]


def test_tokenize_returns_offsets() -> None:
    assert tokenize("  Kyiv, 2026") == (Token(2, 6, "Kyiv"), Token(8, 12, "2026"))


def test_tokenize_handles_non_latin_scripts() -> None:
    assert words("Зеленський заявив, 東京 ok") == ["Зеленський", "заявив", "東京", "ok"]


@given(typographic_text)
def test_tokens_slice_to_their_text_in_order(text: str) -> None:
    tokens = tokenize(text)
    previous_end = 0
    for token in tokens:
        assert text[token.start : token.end] == token.text
        assert token.text and previous_end <= token.start < token.end
        assert not any(char.isspace() for char in token.text)
        previous_end = token.end


@given(typographic_text)
def test_tokens_of_folded_text_slice_the_original_span(text: str) -> None:
    folded = fold(text)
    for token in tokenize(folded):
        assert fold(text[token.start : token.end]) == token.text


# The token pattern as it read before `tokenize` split on it and checked the abbreviations' first letters
# ahead: both are shortcuts and must find exactly the tokens this plain pattern finds.
_PLAIN_TOKEN_RE = re.compile(
    r"""
    (?<![^\W_])(?:
        [$€£¥]?\d+(?:[.,:]\d+)*(?:%|[^\W\d_]+)?
      | (?:[^\W\d_]\.){2,}
      | (?:{dotted})\.(?![^\W_])
      | [^\W_]+(?:['’\-‐‑][^\W_]+)*
    )
    """.replace("{dotted}", "|".join(_DOTTED_WORDS)),
    re.VERBOSE,
)
_PIECES = st.sampled_from(
    [*_DOTTED_WORDS, "v", "e", "U", "S", ".", " ", "5", "1,0", "bn", "%", "$", "'", "’", "-", "_", "é", "\n"]
)
tricky_text = st.lists(st.one_of(_PIECES, st.characters()), max_size=40).map("".join)


@settings(deadline=None, max_examples=300)
@given(tricky_text)
def test_tokenize_finds_what_the_plain_pattern_finds(text: str) -> None:
    expected = tuple(Token(m.start(), m.end(), m.group()) for m in _PLAIN_TOKEN_RE.finditer(text))
    assert tokenize(text) == expected


def test_tokenize_of_empty_and_tokenless_text() -> None:
    assert tokenize("") == ()
    assert tokenize(" .,;- ") == ()


@settings(deadline=None, max_examples=300)
@given(tricky_text)
def test_text_tokens_are_the_tokens_of_the_folded_text(text: str) -> None:
    found = text_tokens(text)
    assert found.folded == fold(text)
    assert found.tokens() == tokenize(fold(text))


@settings(deadline=None, max_examples=500)
@given(tricky_text, st.integers(0, 60), st.integers(0, 60))
def test_tokens_of_a_span_read_from_the_whole_text_are_the_span_tokenized(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    expected = tuple(token.text for token in tokenize(fold(text)[start:end]))
    assert text_tokens(text).texts_in(start, end) == expected


def test_a_span_cut_inside_a_token_is_tokenized_on_its_own() -> None:
    text = "In the U.S. Mr. Smith’s 1,000 e-mails"
    found = text_tokens(text)
    assert found.texts_in(0, 8) == ("In", "the", "U")  # not "U.S."
    assert found.texts_in(12, 14) == ("Mr",)  # the whole text's token is "Mr."
    assert found.texts_in(26, 29) == ("000",)  # of "1,000"
    assert found.texts_in(12, len(text)) == ("Mr.", "Smith's", "1,000", "e-mails")
