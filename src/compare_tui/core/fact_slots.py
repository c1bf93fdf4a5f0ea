"""What a sentence reports, read cheaply: its content without attribution, its acts, times and places.

Two outlets' sentences state the same fact when the same actor does the same thing; most wrong matches share
the speaker and the topic and differ in the act ("a child died when a wall collapsed," the doctor told AFP /
"we have received 50 people with injuries," said the doctor). So the pair evidence also compares what the
sentences report rather than who reports it: the words of the content (the attribution "X said", "according
to X", "X told Y that" taken out), the verbs of the content, and the times and places both state. No parser:
verbs are found after auxiliaries, by "-ed" and by a short list of irregular past forms, which is enough for
the mostly past-tense sentences of news.
"""

from __future__ import annotations

import re
from functools import cache

from compare_tui.core.analysis.quantities import YEAR, caseless, quantities
from compare_tui.core.lexicon import name_lexicon, reporting_verbs
from compare_tui.core.textnorm import fold

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,.:]*")
_CHUNK_BREAK = re.compile(r'(?:,|;|:|"|\s-\s|\s--\s|\u2014)')
_QUOTE = re.compile(r'"([^"]{12,}?)"')
_ACCORDING = re.compile(r",?\s*according to [^,.;]*", re.IGNORECASE)
_MIN_QUOTE_WORDS = 4
_MIN_CONTENT_WORDS = 3


def _word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (long lists stay readable)."""
    return frozenset(words.split())


_AUXILIARIES = _word_set(
    "has have had having is are was were be been being will would could can may might must should shall "
    "did does do to"
)
_ADVERBS = _word_set("not also never again just already reportedly allegedly later then still")
_DETERMINERS = _word_set(
    "the a an his her its their our my your this that these those some any no each every"
)
_IRREGULAR = _word_set(
    """hit struck fell shook shaken left took taken went gone came made gave given found got ran saw seen began
    begun brought caught held kept led lost met paid put sent set shot spent stood won wrote written broke broken
    chose drove flew fled fought hid rose sold sought spoke swore threw woke wore ate bit blew built bought burnt
    dealt drew dug fed felt forgot froze grew hung heard knew laid lay lit meant quit rode rang sank sang sat
    slept slid spun spread stole stuck swept swam swung taught tore thought understood upheld withdrew withheld
    became"""
)
_NOT_ACTS = _AUXILIARIES | _DETERMINERS
_OPENERS = (_AUXILIARIES | _ADVERBS) - {"to", "not"}
"""Words after which the next word is a verb ("has checked", "also said", "would face")."""
_PLACE = re.compile(
    r"\b(?:in|at|near|outside|inside|into|from)\s+((?:the\s+)?[A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|of|de))*)"
)
_CAPITALISED = re.compile(r"[A-Z][\w'-]*")
TIME_KINDS = ("weekday", "day", "month", "time", "year")
"""Kinds of time a sentence may state; two sentences agree on a time when they share a value of one kind."""


@cache
def _reporting_forms() -> frozenset[str]:
    """Every one-word reporting verb form and lemma ("say", "said", "told", ...)."""
    verbs = reporting_verbs().by_form
    return frozenset(f for f in verbs if " " not in f) | frozenset(
        v.lemma for v in verbs.values() if " " not in v.lemma
    )


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def content(text: str) -> str:
    """The sentence without its attribution (folded); the whole sentence when too little would remain.

    A sentence that attributes a quotation of four or more words is its quotations; otherwise comma-,
    colon- and dash-delimited chunks that only attribute ("Nugroho said", "told AFP") are dropped, and a
    chunk that opens with "X said (that) ..." keeps what follows the verb.
    """
    folded = fold(text)
    forms = _reporting_forms()
    quoted = [q for q in _QUOTE.findall(folded) if len(q.split()) >= _MIN_QUOTE_WORDS]
    if quoted and any(m.group().lower() in forms for m in _words(_QUOTE.sub(" ", folded))):
        return " ".join(quoted)
    kept = []
    for chunk in _CHUNK_BREAK.split(_ACCORDING.sub(" ", folded)):
        words = _words(chunk)
        lowered = [m.group().lower() for m in words]
        verb = next((k for k, w in enumerate(lowered) if w in forms), None)
        if verb is None:
            kept.append(chunk)
        elif len(lowered) <= 10 and (len(lowered) - verb - 1 < 4 or verb > 6):
            continue
        elif verb <= 7:
            start = verb + 1
            if "that" in lowered[verb + 1 : verb + 10]:
                start = lowered.index("that", verb + 1) + 1
            if start < len(words):
                kept.append(chunk[words[start].start() :])
        else:
            kept.append(chunk)
    out = " ".join(" ".join(kept).split())
    return out if len(out.split()) >= _MIN_CONTENT_WORDS else folded


def acts(text: str) -> tuple[str, ...]:
    """Likely verbs of a text, lower-cased, in order; reporting verbs are attribution, not acts."""
    forms = _reporting_forms()
    stop = name_lexicon().stopwords
    out = []
    previous = before = ""
    for k, m in enumerate(_words(text)):
        word = m.group()
        lower = word.lower()
        candidate = (
            not (word[0].isupper() and k > 0)
            and lower not in _NOT_ACTS
            and (lower not in stop or lower in _IRREGULAR)
            and previous not in _DETERMINERS
        )
        if candidate:
            after_auxiliary = previous in _OPENERS or (
                (previous in _ADVERBS or previous.endswith("ly")) and before in _AUXILIARIES
            )
            verb = (
                (previous == "to" and not (lower in _IRREGULAR or lower.endswith("ed")))
                or after_auxiliary
                or (lower.endswith("ed") and len(lower) > 4)
                or lower in _IRREGULAR
            )
            if verb and lower not in forms and not lower.endswith("ly") and not lower[0].isdigit():
                out.append(lower)
        before, previous = previous, lower
    return tuple(out)


def times(text: str) -> dict[str, frozenset[str]]:
    """Times the text states, by kind (`TIME_KINDS`): weekdays, dates, months, clock times and years."""
    folded = fold(text)
    found: dict[str, set[str]] = {}
    for q in quantities(folded, caseless(folded), 0, len(folded)):
        if q.kind == "date":
            found.setdefault(q.unit, set()).add(q.value)
    for m in YEAR.finditer(folded):
        found.setdefault("year", set()).add(m.group())
    return {kind: frozenset(values) for kind, values in found.items()}


def places(text: str) -> tuple[tuple[str, ...], ...]:
    """Capitalised names after a preposition of place ("in Rancho Mirage", "at Morningside"), as their
    lower-cased capitalised words."""
    out = []
    for m in _PLACE.finditer(fold(text)):
        words = tuple(w.lower() for w in _CAPITALISED.findall(m.group(1)))
        if words:
            out.append(words)
    return tuple(out)
