"""Numbers with what they count, dates and times of day: keys that match across articles, and no noise."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from compare_tui.core.analysis.quantities import (
    _by_first_letter,
    _has_digit,
    _matches,
    _may_hold_number_word,
    _patterns,
    caseless,
    quantities,
    stem,
)
from compare_tui.core.lexicon import name_lexicon


def _facts(text: str) -> dict[str, str]:
    """Key -> label of every date, time and number in a text."""
    return {q.key: q.label for q in quantities(text, caseless(text), 0, len(text))}


@pytest.mark.parametrize(
    ("text", "key", "label"),
    [
        ("The attack began at 2:53 p.m. local time.", "time:14:53", "2:53 p.m."),
        ("It was bombed at approximately 3:00 pm on Thursday.", "time:15:00", "3:00 pm"),
        ("There were three other explosions at 3 p.m. (1200 GMT).", "time:12:00 gmt", "1200 GMT"),
        ("He arrived at about 12:00 GMT.", "time:12:00 gmt", "12:00 GMT"),
        ("The story was filed at 02:45 PM.", "time:14:45", "02:45 PM"),
    ],
)
def test_times_of_day(text: str, key: str, label: str) -> None:
    facts = _facts(text)
    assert facts[key] == label
    assert [k for k in facts if k.startswith("number:")] in ([], ["number:3 explosion"])  # no "53 p", "00 pm"


def test_a_date_has_one_key_with_or_without_its_year() -> None:
    assert set(_facts("on Thursday, Nov. 10, 2011, and again on November 10th")) == {"date:nov-10"}


def test_what_a_number_counts_is_the_noun_not_the_adjective() -> None:
    facts = _facts(
        "It sheltered nearly 23,000 Nuban refugees. Two U.N. aircraft landed. There were three other "
        "explosions. Since then more than 30,000 Sudanese have found refuge."
    )
    assert facts["number:23000 refugee"] == "nearly 23,000 Nuban refugees"
    assert facts["number:2 aircraft"] == "Two U.N. aircraft"
    assert facts["number:3 explosion"] == "three other explosions"
    assert facts["number:30000 sudanese"] == "more than 30,000 Sudanese"


def test_number_words_and_unit_spellings_share_keys_with_digits() -> None:
    a = _facts("It lasted six months, about two metres wide, 25 km away.")
    b = _facts("It lasted 6 months, about 2 meters wide, 25 kilometres away.")
    assert set(a) == set(b) == {"number:6 month", "number:2 meter", "number:25 kilometer"}


def test_counts_of_counts_and_a_quarter() -> None:
    facts = _facts("Hundreds of thousands of civilians fled about a quarter mile.")
    assert facts["number:hundreds of thousands civilian"] == "Hundreds of thousands of civilians"
    assert "number:a quarter mile" in facts


def test_years_are_dates_but_counts_are_not() -> None:
    facts = _facts("The 2005 peace deal ended it in 2011. Some 2000 people fled.")
    assert {"date:2005", "date:2011", "number:2000 people"} <= set(facts)


def test_number_words_standing_for_things_are_not_facts() -> None:
    facts = _facts(
        "Four bombs fell, of which four exploded; three were duds and two landed outside. Two fell inside "
        "the camp and two others hit the outskirts. The two countries disagree."
    )
    assert set(facts) == {"number:4 bomb"}


def test_a_singular_noun_before_a_plural_one_only_says_what_kind() -> None:
    facts = _facts("He leads 15 citizen journalists and spoke to five aid workers after two bombing raids.")
    assert facts == {
        "number:15 journalist": "15 citizen journalists",
        "number:5 worker": "five aid workers",
        "number:2 raid": "two bombing raids",
    }


_SOME_WORDS = ["two", "ten", "twelve", "twenty", "a third", "a quarter", "six", "sixty"]


@given(
    st.lists(st.sampled_from(_SOME_WORDS), min_size=1),
    st.text(alphabet="twelvsixnyhrdaqu ATWSX", max_size=40),
)
def test_words_grouped_by_first_letter_match_what_the_flat_alternation_matches(
    words: list[str], text: str
) -> None:
    words = list(dict.fromkeys(words))
    for flags in (0, re.IGNORECASE):
        flat = re.compile("|".join(words), flags)
        grouped = re.compile(_by_first_letter(words), flags)
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]


_DATE_PIECES = ["Thursday", "Monday", "Nov.", "November", "May", "Sept.", "10", "1", "2011", "10th", "th"]
_DATE_PIECES += ["-", ",", " ", "  ", "a"]


@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=14), st.integers(0, 6), st.integers(0, 6))
@example(["on", " ", "10", " ", "November", " ", "2011"], 0, 0)  # a date that starts with its day
@example(["Monday", ",", " ", "Nov.", " ", "10", "th"], 3, 2)  # bounds that cut the weekday and the day
def test_dates_tried_only_where_one_can_start_are_the_dates_found_everywhere(
    pieces: list[str], skip_start: int, skip_end: int
) -> None:
    """`_matches` (the date pattern tried at digits and day or month initials) finds what `finditer` finds,
    within bounds that may cut a word."""
    text = "".join(pieces)
    start, end = min(skip_start, len(text)), max(min(skip_start, len(text)), len(text) - skip_end)
    patterns = _patterns()
    gated = _matches(patterns.date, patterns.date_start, text, start, end)
    assert [m.span() for m in gated] == [m.span() for m in patterns.date.finditer(text, start, end)]


_NUMBER_PIECES = ["ten", "Ten", "TEN", "often", "seventeen", "Seven", "a quarter", "A Quarter", "percent"]
_NUMBER_PIECES += ["per  cent", "%", " million", "about", "-", ".", ",", ":", " ", "x", "s", "\u017f"]
_NUMBER_PIECES += ["-year-old", "-years-old", "-Year-old"]


@given(st.lists(st.sampled_from(_NUMBER_PIECES), max_size=10), st.integers(0, 5), st.integers(0, 5))
@example(["about", " ", "ten", "percent"], 0, 0)  # a figure glued to "percent"
@example(["often", " ", "x"], 0, 0)
@example(["a", " ", "Seven", "-year-old"], 0, 0)  # an age
def test_a_sentence_without_a_digit_or_a_whole_number_word_holds_no_number(
    pieces: list[str], skip_start: int, skip_end: int
) -> None:
    """The gate before the number and age patterns (`number_word` on the caseless text) never skips one."""
    text = "".join(pieces)
    start, end = min(skip_start, len(text)), max(min(skip_start, len(text)), len(text) - skip_end)
    patterns = _patterns()
    if patterns.number.search(text, start, end) or patterns.age.search(text, start, end):
        assert patterns.number_word.search(caseless(text), start, end)


@given(st.lists(st.sampled_from(_NUMBER_PIECES), max_size=10), st.integers(0, 5), st.integers(0, 5))
@example(["a", " ", "quarter"], 0, 0)
@example(["x", "ten", "x"], 1, 1)  # a word cut by the window's end
@example(["x", "ten", "x"], 0, 2)
def test_the_substring_gate_before_number_words_never_skips_one(
    pieces: list[str], skip_start: int, skip_end: int
) -> None:
    """`_may_hold_number_word` (a substring test) holds wherever the `number_word` pattern finds one."""
    text = caseless("".join(pieces))
    start, end = min(skip_start, len(text)), max(min(skip_start, len(text)), len(text) - skip_end)
    if _patterns().number_word.search(text, start, end):
        assert _may_hold_number_word(text[start:end])


def test_every_number_word_passes_the_substring_gate() -> None:
    for word in name_lexicon().number_words:
        text = caseless(f"Some {word.title()} people")
        assert _patterns().number_word.search(text)
        assert _may_hold_number_word(text), word


@given(st.text(alphabet="ab 09\u0663\u00e9.", max_size=12), st.integers(0, 4), st.integers(0, 4))
@example("a9b", 0, 2)
@example("\u00e9\u0663", 0, 0)  # an Arabic-Indic digit in a window that is not ASCII
def test_a_window_holds_a_digit_as_the_regex_says(text: str, skip_start: int, skip_end: int) -> None:
    start, end = min(skip_start, len(text)), max(min(skip_start, len(text)), len(text) - skip_end)
    assert _has_digit(text, start, end) == (re.search(r"\d", text[start:end]) is not None)


def test_a_decimal_written_into_a_compound_is_no_whole_number() -> None:
    """ "6.1-magnitude" is not the figure 6 (it was taken for a toll of six)."""
    text = "Dozens injured, child dead as 6.1-magnitude earthquake hits"
    assert [q.value for q in quantities(text, caseless(text), 0, len(text))] == ["dozens"]


def test_a_zero_padded_day_is_the_day_and_a_score_before_a_month_is_no_day() -> None:
    text = "on July 02 2013 and July 2, 2013, after a 30-7 Oct. 19 loss"
    keys = [q.key for q in quantities(text, caseless(text), 0, len(text)) if q.kind == "date"]
    assert keys == ["date:jul-2", "date:jul-2", "date:oct-19"]


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("bombs", "bomb"),
        ("countries", "country"),
        ("passes", "pass"),
        ("catches", "catch"),
        ("crashes", "crash"),
        ("boxes", "box"),
        ("glass", "glass"),
        ("yards", "yard"),
    ],
)
def test_unit_nouns_are_singular_as_an_editor_reads_them(plural: str, singular: str) -> None:
    """The unit is shown ("figures (catch)"), so "catches" must not become "catche"."""
    assert stem(plural) == singular
