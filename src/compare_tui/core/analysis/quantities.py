"""Numbers with what they count, dates and times of day, found by rules in folded article text.

A number's fact is the figure and the noun it counts: "about 75% of Donetsk", "30 countries", "23,000 Nuban
refugees" (refugees, not the adjective), "two U.N. aircraft", "hundreds of thousands of people". Number words
count as their digits, so "six months" and "6 months" are one fact. Dates share a key with or without the
year ("Nov. 10, 2011", "November 10th"); a year alone is a date too ("the 2005 peace deal"); times of day are
dates to the minute ("2:53 p.m.", "3:00 pm" = "3 p.m.", "1200 GMT" = "12:00 GMT").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from compare_tui.core.lexicon import name_lexicon

QuantityKind = Literal["number", "date"]
_QUALIFIER = (
    r"(?:(?:about|around|nearly|almost|roughly|approximately|some|over|under|more\s+than|less\s+than"
    r"|fewer\s+than|at\s+least|up\s+to|only|just)\s+)?"
)
# IGNORECASE also matches these to ASCII i and s; str.lower() alone does not (and makes U+0130 two characters)
_CASELESS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_ONES = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")
_TEENS = ("twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_DIGITS = (
    {word: str(n) for n, word in enumerate((*_ONES, *_TEENS), start=2)}
    | {word: str(n) for n, word in zip(range(20, 100, 10), _TENS)}
    | {"dozen": "12", "hundred": "100", "thousand": "1000"}
)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
"""A year of the last two centuries, as a word ("2011", not the "2011" of "20110")."""
_BEFORE_YEAR = frozenset(
    {"in", "since", "until", "by", "of", "the", "a", "from", "before", "after", "during", "mid"}
)
_MAX_MODIFIERS = 2
AGE = "year-old"
"""The unit of an age, so that "17-year-old" and "Jane Doe, 17," are one fact."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number, date or time stated in a text: its ledger key, its words and its span."""

    key: str
    label: str
    kind: QuantityKind
    start: int
    end: int
    unit: str = ""  # what a number counts ("people", "year-old"); for a date: "weekday", "day", "year", "time"
    value: str = ""  # the figure as the key writes it ("24", "2 million"), the date or the time


@dataclass(frozen=True, slots=True)
class _Patterns:
    number: re.Pattern[str]
    date: re.Pattern[str]
    date_word: re.Pattern[str]  # a weekday or month as `date` spells it: every date contains one
    date_start: re.Pattern[str]  # a character every `date` match starts with: a digit, or a name's first letter
    time: re.Pattern[str]
    digit: re.Pattern[str]  # every `number` and `time` holds a digit; numbers may be words instead
    number_word: re.Pattern[str]  # a whole number word in `caseless` text: every digitless `number` has one
    unit: re.Pattern[str]  # the word after a number ("of" allowed before it: "75% of Donetsk")
    next_word: re.Pattern[str]  # the word after that
    age: re.Pattern[str]  # "17-year-old": the number pattern stops at the hyphen


@cache
def _patterns() -> _Patterns:
    lexicon = name_lexicon()
    days = "|".join(d.title() for d in lexicon.weekdays)
    months = "|".join(re.escape(m.title()) for m in sorted(lexicon.months, key=len, reverse=True))
    initials = sorted({name.title()[0] for name in (*lexicon.weekdays, *lexicon.months)})
    longest_first = sorted(lexicon.number_words, key=len, reverse=True)
    words = _by_first_letter(longest_first)
    # as `number` and `age` take them: nothing of a word before (nor after, but "percent", "-year-old"); the
    # boundary is checked after each first letter, so that the regex engine still skips ahead to those letters
    whole_words = _by_first_letter(longest_first, after_first=r"(?<!\w.)")
    day = rf"(?:(?:{days}),?\s+)?"
    date = (
        rf"{day}(?:{months})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"
        rf"|{day}(?<![\d-])\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{months})(?!\w)(?:\s+\d{{4}})?"
        rf"|(?:{months})\s+\d{{4}}|\b(?:{days})\b"
    )
    number = (
        rf"(?<![\w.,:-]){_QUALIFIER}(?P<value>[$€£]\s?\d+(?:[.,]\d+)*(?![.,]\d)|\d+(?:[.,]\d+)*(?![.,]\d)|(?i:{words}))"
        rf"(?P<percent>\s?(?:%|percent\b|per\s+cent\b))?(?P<scale>\s(?:million|billion|trillion)\b)?(?![\w-])"
    )
    # starts with a digit class so that the regex engine skips ahead to digits; `_time` checks what is before
    time = (
        r"\d\d?(?:(?::(?P<minute>\d\d))?\s?(?P<half>[apAP])(?:\.\s?[mM]\b\.?|\s?[mM]\b)"
        r"|:(?P<minute24>\d\d)(?![\d:])"
        r"|(?P<mm>[0-5]\d)(?=\s?(?:GMT|UTC)\b))"
        r"(?:\s?(?P<zone>GMT|UTC)\b)?"
    )
    word = r"(?P<word>(?:[A-Za-z]\.){2,}|[A-Za-z][\w-]*)"  # "U.N." or a word
    return _Patterns(
        number=re.compile(number),
        date=re.compile(date),
        date_word=re.compile(f"{days}|{months}"),
        date_start=re.compile(rf"[\d{re.escape(''.join(initials))}]"),
        time=re.compile(time),
        digit=re.compile(r"\d"),
        number_word=re.compile(
            rf"(?:{whole_words})(?:(?![\w-])|(?=percent\b|per\s+cent\b|-years?-old\b))"
        ),
        unit=re.compile(rf"\s+(?:(?P<of>of)\s+(?:the\s+)?)?{word}"),
        next_word=re.compile(rf"\s+{word}"),
        age=re.compile(rf"(?<![\w.,:-])(?P<value>\d{{1,3}}|(?i:{words}))-years?-old\b"),
    )


def caseless(text: str) -> str:
    """The text lower-cased as IGNORECASE compares it with ASCII words, one character for one."""
    return text.translate(_CASELESS).lower()


def stem(word: str) -> str:
    """A plural's singular, roughly ("countries" -> "country", "bombs" -> "bomb", "catches" -> "catch")."""
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zzes")):  # a sibilant takes "-es": "passes", "boxes"
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def quantities(text: str, folded_caseless: str, start: int, end: int) -> list[Quantity]:
    """Dates, weekdays, times of day and numbers in text[start:end]; `folded_caseless` = `caseless(text)`."""
    patterns = _patterns()
    found = _dates(text, start, end) if patterns.date_word.search(text, start, end) else []
    digit = _has_digit(text, start, end)
    if digit:
        times = (
            _time(text, m)
            for m in patterns.time.finditer(text, start, end)
            if not _taken_by(found, m.start())
        )
        found += [t for t in times if t is not None]
    if digit or (
        _may_hold_number_word(folded_caseless[start:end])
        and patterns.number_word.search(folded_caseless, start, end)
    ):
        reach = start  # "hundreds of thousands of civilians" is one figure: "thousands" inside it is not another
        for m in patterns.number.finditer(text, start, end):
            if m.start("value") < reach or _taken_by(found, m.start("value")):
                continue
            if (count := _number(text, m, end)) is not None:
                found.append(count)
                reach = count.end
        if text.find("-year", start, end) >= 0:  # every age holds it; the regex alone scans every position
            found += [_age(m) for m in patterns.age.finditer(text, start, end)]
    return found


def _has_digit(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a digit (`\\d`): an ASCII window is asked for each ASCII digit, ten
    substring tests in C that are three times faster than the regex scan (which other windows take)."""
    window = text[start:end]
    if window.isascii():
        return any(map(window.__contains__, "0123456789"))
    return _patterns().digit.search(text, start, end) is not None


def _may_hold_number_word(window: str) -> bool:
    """Whether a `caseless` window holds one of the number words, as a substring: a match of `number_word`
    does. Asking for each word that contains no other (`_number_anchors`) takes a sixth of the time of the
    regex, which tries its alternation at every "s", "t", "a", "f", "e", ... of the window."""
    return any(map(window.__contains__, _number_anchors()))


@cache
def _number_anchors() -> tuple[str, ...]:
    """The number words that hold no other number word ("six", not "sixteen" or "sixty")."""
    words = name_lexicon().number_words
    return tuple(w for w in words if not any(v != w and v in w for v in words))


def _age(m: re.Match[str]) -> Quantity:
    """'a 17-year-old': an age, one fact with the "17" of "Jane Doe, 17," (`_is_age`)."""
    value = _value(m.group("value"))
    return Quantity(f"number:{value} {AGE}", m.group(), "number", m.start(), m.end(), AGE, value)


def _is_age(text: str, m: re.Match[str]) -> bool:
    """Whether a bare number stands after a name between commas: "Vishwanand Subryan, 23, of Schenectady"."""
    before = text[max(0, m.start() - 40) : m.start()]
    return (
        m.group("value").isdigit()
        and len(m.group("value")) <= 3
        and text[m.end() : m.end() + 1] == ","
        and re.search(r"[A-Z][\w.'-]*, $", before) is not None
    )


def _dates(text: str, start: int, end: int) -> list[Quantity]:
    """Dates and weekdays: "Thursday, Nov. 10, 2011" and "November 10th" share the key "date:nov-10"."""
    months = name_lexicon().months
    out = []
    patterns = _patterns()
    for m in _matches(patterns.date, patterns.date_start, text, start, end):
        label = m.group()
        numbers = re.findall(r"\d+", label)
        days = [n for n in numbers if len(n) <= 2]
        month = next((w for w in re.findall(r"[A-Za-z]+", label) if w.lower() in months), None)
        if month and numbers:  # with the day, the year adds nothing to tell two dates of one story apart
            key = f"date:{month[:3].lower()}-" + (str(int(days[0])) if days else numbers[0])  # "July 02" = "July 2"
            unit = "day" if days else "month"
        else:
            key, unit = "date:" + label.lower(), "weekday"
        out.append(Quantity(key, label, "date", m.start(), m.end(), unit, key.removeprefix("date:")))
    return out


def _matches(
    pattern: re.Pattern[str], first: re.Pattern[str], text: str, start: int, end: int
) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text, start, end)` finds (the pattern never matches empty), trying it only where
    `first` finds a character that a match can start with.

    The date pattern opens with optional words, so the regex engine cannot skip ahead and tries it at every
    character: a fifth of the time of `quantities`. A class of single characters it can skip ahead for.
    """
    at = start
    while (candidate := first.search(text, at, end)) is not None:
        m = pattern.match(text, candidate.start(), end)
        if m is None:
            at = candidate.start() + 1
        else:
            yield m
            at = max(m.end(), candidate.start() + 1)


def _time(text: str, m: re.Match[str]) -> Quantity | None:
    """The time of a `time` match: "2:53 p.m." -> 14:53, "1200 GMT" -> 12:00 gmt; None inside a number."""
    if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_.:,"):
        return None
    digits = m.group()[: 2 if m.group()[1:2].isdigit() else 1]
    hour = int(digits)
    if m.group("half"):
        hour = hour % 12 + (12 if m.group("half").lower() == "p" else 0)
        minute = int(m.group("minute") or 0)
    elif m.group("minute24"):
        minute = int(m.group("minute24"))
    else:  # "1200 GMT": four digits
        if len(digits) != 2:
            return None
        minute = int(m.group("mm"))
    if hour > 23 or minute > 59:
        return None
    zone = " gmt" if m.group("zone") else ""
    label = m.group().rstrip()
    key = f"time:{hour:02d}:{minute:02d}{zone}"
    return Quantity(key, label, "date", m.start(), m.start() + len(label), "time", key.removeprefix("time:"))


def _taken_by(taken: list[Quantity], position: int) -> Quantity | None:
    return next((q for q in taken if q.start <= position < q.end), None)


def _by_first_letter(words: Sequence[str], *, after_first: str = "") -> str:
    """An alternation of lower-case words grouped by first letter ("t(?:wo|en)|s(?:ix)"), in the given order;
    `after_first` is put after each first letter (an assertion).

    It matches what the flat alternation matches, but the regex engine tries one group instead of every word
    at each position, which halves the time of the number patterns.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}{after_first}(?:{'|'.join(rests)})" for first, rests in groups.items())


def _number(text: str, m: re.Match[str], end: int) -> Quantity | None:
    """The fact of one number match, or None when it counts nothing ("three" standing for things)."""
    patterns, lexicon = _patterns(), name_lexicon()
    raw = m.group("value")
    value = _value(raw)
    if m.group("scale"):
        value += " " + m.group("scale").strip()
    elif YEAR.fullmatch(raw) and not m.group("percent") and _is_year(text, m):
        return Quantity(f"date:{raw}", raw, "date", m.start("value"), m.end("value"), "year", raw)
    if not m.group("percent") and not m.group("scale") and _is_age(text, m):
        return Quantity(f"number:{value} {AGE}", raw, "number", m.start("value"), m.end("value"), AGE, value)
    unit = patterns.unit.match(text, m.end(), end)
    if m.group("percent"):
        label_end = unit.end() if unit and unit.group("of") else m.end()
        label = text[m.start() : label_end]
        return Quantity(f"number:{value}%", label, "number", m.start(), label_end, "%", value)
    label_end = m.end()
    if unit and unit.group("word").lower() in lexicon.number_words:  # "hundreds of thousands"
        value = f"{value} of {_value(unit.group('word'))}"
        label_end = unit.end()
        unit = patterns.unit.match(text, label_end, end)
    counted = _counted(text, unit, end) if unit else None
    written_out = not raw[:1].isdigit() and raw[:1] not in "$€£"
    if written_out and _stands_for_things(text, m, value, counted):
        return None
    counts = "" if counted is None else _unit_key(counted.group("word"))
    if counted is None:
        key = f"number:{value}"
    else:
        key, label_end = f"number:{value} {counts}", counted.end()
    return Quantity(key, text[m.start() : label_end], "number", m.start(), label_end, counts, value)


def _unit_key(word: str) -> str:
    """One spelling of what is counted: singular, American ("metres" -> "meter", "km" -> "kilometer")."""
    singular = stem(word)
    return name_lexicon().spellings.get(singular, singular)


def _is_year(text: str, m: re.Match[str]) -> bool:
    """Whether four digits are a year: "in 2005", "the 2005 peace deal", "2011." but not "2000 people"."""
    before = text[max(0, m.start("value") - 12) : m.start("value")].split()
    unit = _patterns().unit.match(text, m.end())
    return (
        (bool(before) and before[-1].lower() in _BEFORE_YEAR) or unit is None or unit.group("of") is not None
    )


def _value(raw: str) -> str:
    """A figure as the key writes it: digits without thousands separators; number words as digits."""
    value = raw.replace(",", "").lower()
    if " " in value:  # "$ 20", "a  quarter"
        value = " ".join(value.split())
        value = value[0] + value[2:] if value[:2] in ("$ ", "€ ", "£ ") else value
    return _DIGITS.get(value, value)


def _stands_for_things(text: str, m: re.Match[str], value: str, counted: re.Match[str] | None) -> bool:
    """Whether a written-out number refers to things named before instead of counting something new.

    "three" alone, "of which four exploded", "four fell", "two others hit the outskirts", "the two countries".
    """
    return (
        counted is None
        or (value.isdigit() and not _plural(counted.group("word")))
        or counted.group("word").lower() == "others"
        or _word_before(text, m.start()) in ("the", "The")
    )


def _word_before(text: str, position: int) -> str:
    """The last run of non-space characters before a position ("" at the start): `text[:position].split()[-1]`
    without splitting everything before it."""
    end = position
    while end and text[end - 1].isspace():
        end -= 1
    start = end
    while start and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _plural(word: str) -> bool:
    """Whether a word can be what a number above one counts: a plural ("bombs") or "people", "aircraft"."""
    lower = word.lower()
    return (lower.endswith("s") and not lower.endswith("ss")) or lower in name_lexicon().irregular_plurals


def _counted(text: str, unit: re.Match[str], end: int) -> re.Match[str] | None:
    """The word a number counts, past words that only say what kind ("23,000 Nuban refugees").

    "two other explosions", "two U.N. aircraft": a capitalised word, an abbreviation or a modifier is skipped
    when an ordinary word follows; otherwise it is what is counted ("30,000 Sudanese have found refuge").
    """
    patterns, lexicon = _patterns(), name_lexicon()
    current = unit
    if unit.group("word").lower() in lexicon.stopwords - lexicon.unit_modifiers:
        return None
    for _ in range(_MAX_MODIFIERS):
        word = current.group("word")
        if not (word[:1].isupper() or "." in word or word.lower() in lexicon.unit_modifiers):
            return _head_noun(text, current, end)
        following = patterns.next_word.match(text, current.end(), end)
        if (
            following is None
            or following.group("word")[:1].isupper()
            or following.group("word").lower() in lexicon.stopwords
        ):
            return current
        current = following
    return current


def _head_noun(text: str, word: re.Match[str], end: int) -> re.Match[str]:
    """'15 citizen journalists', 'five aid workers': a singular noun before a plural says what kind."""
    if _plural(word.group("word")):
        return word
    following = _patterns().next_word.match(text, word.end(), end)
    if (
        following is not None
        and following.group("word").islower()
        and following.group("word") not in name_lexicon().stopwords
        and _plural(following.group("word"))
    ):
        return following
    return word
