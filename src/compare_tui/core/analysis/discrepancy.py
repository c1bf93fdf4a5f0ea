"""Discrepancies: aligned passages that state different figures, dates or times for the same thing.

"24 dead" in one outlet and "a death toll of 11" in another, "12 children" and "13 children", "7 a.m." and
"6:40 a.m.": read off the alignment rows and the facts the ledger already found (`facts.extract_facts`), so
the analysis adds one pass over the rows. Some quantities are also compared outside the rows: counts of
people with what happened to them (the dead, the injured) and how many children someone has ("a mother of
12") between the ledes, where every outlet gives them in passages the alignment may keep apart ("24 dead"
and "bringing the confirmed death toll to 11"); the age of one named person ("Armstead, 32") over whole
articles. Two figures are of one quantity when they count the same thing (the unit: "children", "shots", an
age) and, for people, play the same part in the sentence (killed, injured, missing, by the words around the
figure). Figures clash only when both cannot be true: "at least 12 shots" and "13 shots" can, "12" and
"13" cannot; "dozens" allows 24 to 99 and "hundreds" 200 to 999. Days of a month compare with days, times
with times of the same zone ("12:00 GMT" is "3 p.m." in Yida), except that one clock read in GMT by one
outlet and in local time by another is a clash; weekdays and years are left out, as aligned passages name
the day of another event ("condemned on Friday" the bombing of Thursday) or past years for context, and so
are rates ("three days a week"). An article that states several values, one of them the other article's,
is not flagged: it reports both. A claim and its denial (`denials.py`) are discrepancies too.

Real news states many figures that share only a unit noun ("498 rushing yards" since Week 11 and "189
rushing yards" in the last two games, "four games" missed and "10 games" played), so two values are
compared only when they can be of one thing (`_comparable`): no different name before the figures, the
same qualifier of the unit, a word around them in common, and no line of statistics; dates of different
years or weekdays, a page's time stamp, a clock in a named zone and a game clock ("with 4:08 to go") are
not compared as times of the event.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from compare_tui.core.analysis.context import ArticleView, join_labels
from compare_tui.core.analysis.denials import denial_findings
from compare_tui.core.analysis.facts import FoundFact
from compare_tui.core.analysis.quantities import AGE, YEAR
from compare_tui.core.datelines import MAX_CHARS, is_publication_line
from compare_tui.core.lexicon import name_lexicon
from compare_tui.core.models import Finding, Peers, Row

_DATE_UNITS = frozenset({"day", "time"})
_PEOPLE = frozenset({"", "people", "person", "villager", "civilian", "resident"})
"""What a count of people is written with; "" is a bare figure ("the toll rose to 11")."""
_ROLES: Mapping[str, str] = {
    "killed": "dead",
    "kill": "dead",
    "killing": "dead",
    "dead": "dead",
    "died": "dead",
    "die": "dead",
    "death": "dead",
    "deaths": "dead",
    "toll": "dead",
    "lives": "dead",
    "bodies": "dead",
    "fatalities": "dead",
    "injured": "injured",
    "injuring": "injured",
    "wounded": "injured",
    "wounding": "injured",
    "hurt": "injured",
    "injuries": "injured",
    "missing": "missing",
    "trapped": "trapped",
    "arrested": "arrested",
    "detained": "arrested",
    "displaced": "displaced",
    "evacuated": "evacuated",
}
"""Words near a count of people that say what happened to them, so that the dead are compared with the dead."""
_LEDE_SENTENCES = 2
_WINDOW_BEFORE = 6
_WINDOW_AFTER = 5
_PARENT = re.compile(r"\b(?:mother|father|parent|grandmother|grandfather)(?:\s+|-)of\s*-?\s*$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\b(?:her|his|their)(?:\s+own)?\s+$", re.IGNORECASE)
_OFFSPRING = "offspring"
"""The quantity of "a mother of 12", "one of her 12 children": how many children someone has."""
_OFFSPRING_UNITS = frozenset({"", "child", "children", "kid", "kids", "son", "sons", "daughter", "daughters"})
_NAMED_BEFORE = re.compile(r"([A-Z][\w'-]+),\s*$")
_TIME_TOLERANCE = 5  # minutes: "7 p.m." and "7:01 p.m." are one time, rounded
_SCALES = {"million": 1e6, "billion": 1e9, "trillion": 1e12}
_QUALIFIERS: Mapping[str, tuple[float, float]] = {
    "more than": (1.0, math.inf),
    "over": (1.0, math.inf),
    "at least": (1.0, math.inf),
    "less than": (0.0, 1.0),
    "fewer than": (0.0, 1.0),
    "under": (0.0, 1.0),
    "up to": (0.0, 1.0),
    "nearly": (0.9, 1.0),
    "almost": (0.9, 1.0),
    "about": (0.9, 1.1),
    "around": (0.9, 1.1),
    "roughly": (0.9, 1.1),
    "approximately": (0.9, 1.1),
    "some": (0.9, 1.1),
}
"""The range each qualifier of `quantities` allows around a figure, as factors of it."""
_CONVERSION = re.compile(r"\d[\w.,]*(?:\s[a-z]+)?\s?\($")  # "50 km (30 miles)": the first figure counts
_QUALIFIER_WORDS = frozenset(w for q in _QUALIFIERS for w in q.split()) | {"only", "just"}
_RATE = re.compile(r"\s+(?:a|an|per|each|every)\s+(?:day|week|month|year|hour)\b")
_FIGURE = re.compile(r"\d[\d.]*(?: (?:million|billion|trillion))?|dozens|hundreds")
_VAGUE: Mapping[str, tuple[float, float]] = {"dozens": (24, 99), "hundreds": (200, 999)}
"""The ranges vague counts allow: "dozens injured" clashes with "over 200 injured", not with "at least 50"."""
_LOCAL = re.compile(r"\s*(?:\(\s*)?local\b", re.IGNORECASE)
_ZONE = re.compile(r"\s*\(?\s*(?P<zone>[ECMP][SD]?T|BST|CES?T|IST|WIB)\b")
"""A named time zone after a clock: "1:30 p.m. PST" and "3:30 p.m." (Central) cannot be compared."""
_COUNTDOWN_BEFORE = re.compile(r"\bwith\s+(?:(?:just\s+)?under\s+)?(?:\d+\s+minutes?,?\s+)?$", re.IGNORECASE)
_COUNTDOWN_AFTER = re.compile(
    r"(?:,?\s*\d+\s+seconds?)?\s*(?:minutes\s+)?(?:to\s+(?:go|play)|remaining|left|of\s+the\s+clock)\b",
    re.IGNORECASE,
)
"""A game clock, "with 4:08 to go", "ate up 6:05 of the clock": a span of time, not a time of day."""
_CLOCK_UNITS = frozenset({"hour", "minute", "second"})
_POSTED = re.compile(r"\b(?:posted|updated|published)\b[^.!?;]{0,60}?\b(?:on|at)\s*$", re.IGNORECASE)
"""A page's own date written in a sentence: "posted in Hit and Run Accidents on Friday, September 20"."""
_WORD = re.compile(r"[a-z]+")
_CLAUSE_END = re.compile(r"[,;:]")
_CASED_WORD = re.compile(r"[A-Za-z][\w'-]*")
_CONTEXT_WORDS = 6
"""Words either side of a figure that say what it counts ("missed nine games", "bombs were dropped")."""
_ROOT = 6
_LISTED = 3
"""Counts in one sentence that make it a line of statistics ("404 yards and two touchdowns on 106 carries"):
whose figure each is, and over which span, the words around it do not say."""
_LIST_GAP = 3  # words between two counts of one list
_REST = frozenset({"other", "additional", "another", "further", "extra"})
"""Words that make a count one of the rest: "1,263 other animals", "an additional 162 animals"."""


@dataclass(frozen=True, slots=True)
class _Stated:
    """One figure, date or time as an article states it in a row."""

    article: str
    fact: FoundFact
    listed: int
    """How many counts of things the sentence states: three or more make it a line of statistics."""


@dataclass(frozen=True, slots=True)
class _Reading:
    """What a stated value says besides its figure, to tell whether two values are of one thing: the words
    around it, the names before it in its sentence, the words that qualify its unit, a date's year and
    weekday."""

    value: str
    label: str
    listed: int
    context: frozenset[str]
    names: frozenset[str]
    modifiers: frozenset[str]
    capacity: str
    """What the counted span was spent as: "seasons as a player" ("player"); "" for none."""
    rest: bool
    """A count of the rest, not of the whole: "1,263 other animals", "an additional 162 animals"."""
    year: str | None
    weekday: str | None


def discrepancy_findings(
    views: Sequence[ArticleView], rows: Sequence[Row], found: Mapping[str, Sequence[FoundFact]]
) -> list[Finding]:
    """A finding on each article's figure where aligned passages give different values for one quantity."""
    by_id = {v.id: v for v in views}
    comparable = {
        a: [f for f in facts if f.kind in ("number", "date") and (f.unit in _DATE_UNITS or _is_count(f))]
        for a, facts in found.items()
    }
    starts = {a: [f.start for f in facts] for a, facts in comparable.items()}
    # what each figure measures, worked out once: a figure stands in its row, the ledes and the whole article
    measured: dict[tuple[str, int], str | None] = {}
    segments = {s.id: s for v in views for s in v.segments}
    findings: list[Finding] = []
    ledes = Row("lede", {v.id: _lede(v) for v in views}, "partial", 0.0)
    whole = Row(
        "article", {v.id: tuple(s.id for s in v.segments if v.reports(s)) for v in views}, "partial", 0.0
    )
    for row in [*rows, ledes, whole]:
        present = [a for a in row.article_ids() if a in by_id]
        if len(present) < 2:
            continue
        stated: dict[str, list[_Stated]] = defaultdict(list)
        for article in present:
            view = by_id[article]
            for sid in row.segments[article]:
                segment = segments[sid]
                if sid in view.publication_lines:  # a time stamp says when a page was filed
                    continue
                low = bisect.bisect_left(starts[article], segment.start)
                high = bisect.bisect_left(starts[article], segment.end, low)
                facts = comparable[article][low:high]
                listed = _listed(view, facts)
                for index, fact in enumerate(facts, start=low):
                    if (article, index) not in measured:
                        measured[(article, index)] = _quantity(view, fact)
                    quantity = measured[(article, index)]
                    if quantity and _compared_in(row, quantity, ledes, whole):
                        stated[quantity].append(_Stated(article, fact, listed.get(fact.start, 1)))
        flagged = {(f.article, f.start) for f in findings}
        for quantity, items in stated.items():
            findings += [
                f for f in _disagreements(row, quantity, items, by_id) if (f.article, f.start) not in flagged
            ]
    return findings + denial_findings(views, rows)


def _listed(view: ArticleView, facts: Sequence[FoundFact]) -> dict[int, int]:
    """For each count of things in a sentence, how many counts stand in its list: counts a few words apart
    ("404 yards and two touchdowns on 106 carries") are one list, by the start of each."""
    counts = [f for f in facts if f.kind == "number" and f.unit not in _PEOPLE and f.unit not in _ROLES]
    runs: list[list[FoundFact]] = []
    for fact in counts:
        if runs and len(_WORD.findall(view.folded[runs[-1][-1].end : fact.start])) <= _LIST_GAP:
            runs[-1].append(fact)
        else:
            runs.append([fact])
    return {fact.start: len(run) for run in runs for fact in run}


def _compared_in(row: Row, quantity: str, ledes: Row, whole: Row) -> bool:
    """Whether a quantity is compared in a row: any in an alignment row; between the ledes, tolls and
    children (each outlet's first sentences give them, in passages the alignment may keep apart); over whole
    articles, the age of one named person ("Armstead, 32" in paragraph 12 and in paragraph 3)."""
    if row is ledes:
        return quantity.startswith("people:") or quantity == _OFFSPRING
    if row is whole:
        return quantity.startswith("age:")
    return True


def _lede(view: ArticleView) -> tuple[str, ...]:
    """The first two reporting sentences: where every outlet gives its toll, in passages rarely aligned."""
    return tuple(s.id for s in view.segments if view.reports(s))[:_LEDE_SENTENCES]


def _is_count(fact: FoundFact) -> bool:
    """A number whose figure can be compared: digits (or a number word made digits), no percentage."""
    return fact.kind == "number" and fact.unit != "%" and _FIGURE.fullmatch(fact.value) is not None


def _quantity(view: ArticleView, fact: FoundFact) -> str | None:
    """What a figure measures, as a key: "date:weekday", "time", "children", "people:dead"; None if unknown."""
    before = view.folded[max(0, fact.start - 80) : fact.start]
    if fact.kind == "date":
        if _POSTED.search(before) or _stamped(view, fact):
            return None
        if fact.unit == "time":
            bare = not re.search(r"[ap]|gmt", fact.value + fact.label.lower())
            countdown = _COUNTDOWN_BEFORE.search(before) or _COUNTDOWN_AFTER.match(view.folded, fact.end)
            return None if bare and countdown else "time"
        return f"date:{fact.unit}"
    before = before[-40:]
    if _RATE.match(view.folded, fact.end) or _CONVERSION.search(before):
        return None
    if fact.unit == AGE:  # "Horton, 34," and "Chohan, 59," are two people's ages: compared by name
        named = _NAMED_BEFORE.search(before)
        return f"age:{named.group(1).lower()}" if named else None
    if _PARENT.search(before) and (  # "a mother of 12 killed", "Mother of 13 Zurana Horton"
        fact.unit in _OFFSPRING_UNITS or fact.unit in _ROLES or fact.label.split()[-1][:1].isupper()
    ):
        return _OFFSPRING
    if fact.unit in _OFFSPRING_UNITS and fact.unit and _POSSESSIVE.search(before):  # "her 12 children"
        return _OFFSPRING
    if (fact.unit in _ROLES or fact.unit in _PEOPLE) and "." in fact.value:
        return None  # people are counted in whole numbers: the 6.1 of "6.1 - magnitude quake" counts none
    if fact.unit in _ROLES:  # "24 dead", "over 200 injured"
        return f"people:{_ROLES[fact.unit]}"
    if fact.unit in _CLOCK_UNITS and (
        _COUNTDOWN_BEFORE.search(before) or _COUNTDOWN_AFTER.match(view.folded, fact.end)
    ):
        return None  # "with 4 minutes 48 seconds remaining": a game clock at one play
    if fact.unit == "time":  # "fired five times": a count of repetitions, not the clock quantity "time"
        return "times"
    if fact.unit not in _PEOPLE:
        return fact.unit
    role = _role(view, fact)
    return f"people:{role}" if role else None


def _stamped(view: ArticleView, fact: FoundFact) -> bool:
    """Whether a date or time is a page's time stamp: its sentence or its line is a publication line, even
    where the line stands first (read as a title) or the segmenter joined it to the next line."""
    text = view.folded
    line = (text.rfind("\n", 0, fact.start) + 1, text.find("\n", fact.end) % (len(text) + 1))
    segment = view.segment_at(fact.start)
    spans = [line, (segment.start, segment.end)] if segment else [line]
    return any(end - start <= MAX_CHARS and is_publication_line(text[start:end]) for start, end in spans)


def _role(view: ArticleView, fact: FoundFact) -> str | None:
    """What happened to counted people, by the words just before and after the figure in its sentence."""
    segment = view.segment_at(fact.start)
    if segment is None:
        return None
    before = _WORD.findall(view.folded[segment.start : fact.start].lower())[-_WINDOW_BEFORE:]
    clause = _CLAUSE_END.split(view.folded[fact.end : segment.end], maxsplit=1)[0]  # "killing four, injuring"
    after = _WORD.findall(clause.lower())[:_WINDOW_AFTER]
    for word in (*after, *reversed(before)):
        if word in _ROLES:
            return _ROLES[word]
    return None


def _disagreements(
    row: Row, quantity: str, items: Sequence[_Stated], views: Mapping[str, ArticleView]
) -> list[Finding]:
    """Findings for one quantity of one row, when two articles state it with no value in common, among the
    values that can be of one thing (`_comparable`)."""
    readings: dict[str, list[tuple[_Reading, FoundFact]]] = defaultdict(list)
    for item in items:
        readings[item.article].append((_reading(views[item.article], item, quantity), item.fact))
    articles = list(readings)
    if len(articles) < 2:
        return []
    same = _same_time if quantity == "time" else _same_day if quantity.startswith("date:") else _may_agree

    def clashes(a: str, b: str) -> list[FoundFact]:
        """a's values that b contradicts, if a and b share no value and state some comparable pair."""
        pairs = [
            (x, y, fact) for x, fact in readings[a] for y, _ in readings[b] if _comparable(quantity, x, y)
        ]
        if any(same((x.value, x.label), (y.value, y.label)) for x, y, _ in pairs):
            return []
        return [fact for _, _, fact in pairs]

    clashed = {a: {b: clashes(a, b) for b in articles if b != a} for a in articles}
    clashing = {a: tuple(b for b, facts in clashed[a].items() if facts) for a in articles}
    if not any(clashing.values()):
        return []
    first = {
        a: min((f for b in clashing[a] for f in clashed[a][b]), key=lambda f: f.start)
        for a in articles
        if clashing[a]
    }
    involved = [a for a in articles if clashing[a]]
    groups: dict[str, list[str]] = defaultdict(list)
    for article in involved:
        groups[first[article].value].append(article)
    what = _describe(quantity)
    stated = " vs ".join(
        f"'{first[members[0]].label}' in {join_labels([views[a].label for a in members])}"
        for members in groups.values()
    )
    explanation = f"different {what} for the same thing: {stated}"
    key = f"discrepancy:{row.id}:{quantity}"
    detail_values = {a: first[a].label for a in involved}
    findings = []
    for article in involved:
        fact = first[article]
        agreeing = tuple(a for a in involved if a not in clashing[article])
        findings.append(
            views[article].finding(
                "discrepancy",
                fact.start,
                fact.end,
                explanation,
                category="date" if fact.kind == "date" else "number",
                confidence=0.7,
                peers=Peers(present=agreeing, absent=clashing[article]),
                key=key,
                detail={"quantity": what, "values": detail_values},
            )
        )
    return findings


def _reading(view: ArticleView, item: _Stated, quantity: str) -> _Reading:
    """A stated value with what its sentence says about it (`_Reading`)."""
    fact = item.fact
    value = fact.value
    if quantity == "time" and " " not in value:
        if _LOCAL.match(view.folded, fact.end):
            value += " local"  # "7:37 AM local time"
        elif zone := _ZONE.match(view.article.text, fact.end):
            value += " " + zone.group("zone").lower()  # "1:30 p.m. PST"
    segment = view.segment_at(fact.start)
    low, high = (segment.start, segment.end) if segment else (fact.start, fact.end)
    before = _CASED_WORD.findall(view.folded[low : fact.start])
    after = _CASED_WORD.findall(view.folded[fact.end : high])
    lexicon = name_lexicon()
    skip = _skipped()
    unit = _root(fact.unit) if fact.unit else ""
    context = {
        _root(w)
        for w in (*before[-_CONTEXT_WORDS:], *after[:_CONTEXT_WORDS])
        if len(w) > 2 and w.lower() not in skip and w.islower()  # names say whose, not what: `names`
    }
    names = {_root(w) for w in before[1:] if w[0].isupper() and w.lower() not in skip}
    label_words = [w.lower() for w in _CASED_WORD.findall(fact.label)]
    modifiers = {
        _root(w)
        for w in label_words[:-1]
        if w not in skip and w not in _QUALIFIER_WORDS and w not in _SCALES and w != fact.value
    }
    if after and after[0].lower().endswith("ing"):  # "716 yards rushing"
        modifiers.add(_root(after[0]))
    role = [w for w in after[1:4] if w.lower() not in skip] if after and after[0].lower() == "as" else []
    rest = bool(_REST & {*label_words, *(w.lower() for w in before[-1:])})
    lowered = fact.label.lower()
    year = YEAR.search(fact.label)
    weekday = next(
        (w for w in label_words if w in lexicon.weekdays or w in lexicon.weekday_abbreviations), None
    )
    return _Reading(
        value,
        lowered,
        item.listed,
        frozenset(context - {unit}),
        frozenset(names),
        frozenset(modifiers - {unit}),
        _root(role[0]) if role else "",
        rest,
        year.group() if year else None,
        weekday[:3] if weekday else None,
    )


@cache
def _skipped() -> frozenset[str]:
    """Words that say nothing of what a figure counts: stopwords, number words, months and weekdays."""
    lexicon = name_lexicon()
    return frozenset(
        {
            *lexicon.stopwords,
            *lexicon.number_words,
            *lexicon.months,
            *lexicon.weekdays,
            *lexicon.weekday_abbreviations,
        }
    )


def _root(word: str) -> str:
    """A word's first letters past a plural or verb ending: "killed" and "killing", "dropped" and "drops"."""
    word = word.lower().removesuffix("'s")
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:_ROOT]


def _comparable(quantity: str, x: _Reading, y: _Reading) -> bool:
    """Whether two stated values can be of one thing. Times of day, children and ages are keyed narrowly
    enough already. Otherwise the names before the figures must not differ ("DiLeo has spent 19 seasons",
    "Cheeks spent 11 seasons"); for people that is all, their role says what is counted. Dates of different
    years or weekdays are different days on purpose (a page's stamp, last year's event); counts whose
    units are qualified differently are different counts ("rushing yards", "total yards"), so are spans
    spent in different capacities ("four seasons as director", "19 seasons with the club") and counts of
    the rest ("1,263 other animals"); a count in a line of statistics is not compared; and both need a
    word around the figure in common, which says what is counted ("missed nine games", "missed 10 games";
    not "played in 10 games")."""
    if quantity in ("time", _OFFSPRING) or quantity.startswith("age:"):
        return True
    if x.names and y.names and not x.names & y.names:
        return False
    if quantity.startswith("people:"):
        return True
    if quantity.startswith("date:"):
        if (x.year and y.year and x.year != y.year) or (x.weekday and y.weekday and x.weekday != y.weekday):
            return False
    elif (
        (x.modifiers and y.modifiers and not x.modifiers & y.modifiers)
        or x.capacity != y.capacity
        or x.rest
        or y.rest
        or max(x.listed, y.listed) >= _LISTED
    ):
        return False
    return bool(x.context & y.context)


def _same_day(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two dates are one day ("nov-10")."""
    return a[0] == b[0]


def _may_agree(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two figures can both be true: "less than 50 km" and "15 km", "at least 15,000" and "20,000";
    "about" allows a tenth either way."""
    low_a, high_a = _bounds(*a)
    low_b, high_b = _bounds(*b)
    return low_a <= high_b and low_b <= high_a


def _bounds(value: str, label: str) -> tuple[float, float]:
    """The range a figure with its qualifier allows ("more than 200": above 200; "nearly 23,000": below)."""
    if value in _VAGUE:
        return _VAGUE[value]
    number, _, scale = value.partition(" ")
    figure = float(number) * _SCALES.get(scale, 1)
    for words, (low, high) in _QUALIFIERS.items():
        if label.startswith(words):
            return figure * low, figure * high
    return figure, figure


def _same_time(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two times ("19:00", "19:01") may be one: a few minutes apart, or in different zones (a local
    time and a GMT time cannot be compared without knowing where), unless one clock is read in two zones
    ("07:37 GMT" and "7:37 AM local time": one outlet gave the zone wrong, wherever the event was, unless
    local time is GMT there)."""
    (clock_a, _, zone_a), (clock_b, _, zone_b) = a[0].partition(" "), b[0].partition(" ")
    minutes_a = int(clock_a[:2]) * 60 + int(clock_a[3:5])
    minutes_b = int(clock_b[:2]) * 60 + int(clock_b[3:5])
    if zone_a != zone_b:
        return not ("local" in (zone_a, zone_b) and "" not in (zone_a, zone_b) and minutes_a == minutes_b)
    return abs(minutes_a - minutes_b) <= _TIME_TOLERANCE


def _describe(quantity: str) -> str:
    """How an explanation names a quantity: "figures (people dead)", "times", "dates (weekday)"."""
    if quantity == "time":
        return "times"
    if quantity.startswith("date:"):
        return "dates"
    if quantity.startswith("age:"):
        return f"ages ({quantity.removeprefix('age:').title()})"
    if quantity == _OFFSPRING:
        return "numbers of children"
    return f"figures ({quantity.replace(':', ' ')})"
