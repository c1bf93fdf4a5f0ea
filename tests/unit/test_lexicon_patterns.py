"""The compiled lexicon patterns: grouping terms by first letter (for speed) changes no match."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from compare_tui.core.lexicon import compile_terms, cue_categories, reporting_verbs, term_pattern


def _flat(terms: list[str], *, case_sensitive: bool) -> re.Pattern[str]:
    """The pattern as `compile_terms` built it before grouping: every term in one flat alternation."""
    ordered = sorted({t.strip() for t in terms if t.strip()}, key=lambda t: (-len(t), t))
    body = "|".join(term_pattern(t) for t in ordered) or r"(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", 0 if case_sensitive else re.IGNORECASE)


_LEXICONS = [(list(reporting_verbs().by_form), False)] + [
    (list(c.terms), c.case_sensitive) for c in cue_categories()
]
_PIECES = ["said", "Says", "SAID", "claimed", "claims", "according", " to", "told", "denied", "slammed"]
_PIECES += ["clearly", "of course", "Of course", "arguably", "so-called", "regime", "our", "we", "You"]
_PIECES += [" ", "  ", "\n", "-", "'", "s", ",", ".", "x", "\u017f", "\u212a", "\u0130", "un", "re"]


@given(st.sampled_from(range(len(_LEXICONS))), st.lists(st.sampled_from(_PIECES), max_size=12))
@example(0, ["Says"])
@example(0, ["the", " ", "president", " ", "said", " ", "that"])
def test_grouped_lexicon_patterns_match_what_the_flat_alternation_matches(which: int, pieces: list[str]) -> None:
    terms, case_sensitive = _LEXICONS[which]
    text = "".join(pieces)
    grouped = compile_terms(terms, case_sensitive=case_sensitive)
    flat = _flat(terms, case_sensitive=case_sensitive)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]


@given(
    st.lists(st.sampled_from(["ab", "a", "abc", "Ab", "b*", "ba", "a b", "abc*d"]), min_size=1),
    st.text(alphabet="abcdAB -'\n", max_size=30),
    st.booleans(),
)
@example(["a", "a b"], "a b", False)  # the longer term first within a group
@example(["a b c", "A b", "a"], "a b", False)  # "a" and "A" are one group when case does not count
@example(["a b c", "A b", "a"], "A b", True)
def test_terms_grouped_by_first_letter_keep_which_term_matches(
    terms: list[str], text: str, case_sensitive: bool
) -> None:
    """The same spans as the flat alternation, for terms sharing first letters and prefixes."""
    grouped = compile_terms(terms, case_sensitive=case_sensitive)
    flat = _flat(terms, case_sensitive=case_sensitive)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]
    assert "(?:" in grouped.pattern[len(r"(?<![\w-])(?:") :]  # grouped, not the flat fallback
