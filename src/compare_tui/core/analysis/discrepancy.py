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
not compared as times of the event. Measures and spans ("yards", "games", "km", "days") are compared only
under one governing word and subject ("Thomas missed nine games", "Thomas missed 10 games"); counts only
over one span, year and place ("on Wednesday" is not "so far", "in Takengon" not "in Central Aceh", and a
count of one place may be a part of a count of none); and an article that writes the other's figure in
the row reports both.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, islice

from compare_tui.core.analysis.context import ArticleView, first_within, join_labels
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
_QUALIFIED_ARTICLE = re.compile(
    r"\b(" + "|".join(q.replace(" ", r"\s+") for q in _QUALIFIERS) + r")\s+an?\s+$", re.IGNORECASE
)
"""A qualifier before "a hundred", "a dozen": the figure's label starts after the article."""
_WINDOW = re.compile(r"\b(?:first|last|next|past|final|previous)\s+$", re.IGNORECASE)
"""A window of a sequence that the writer chose, not a count of a quantity: "their first five drives" and
"their first two drives", "the last 10 games" and "the last 12 games" do not contradict each other."""
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
_MEASURES = frozenset(
    {
        *("kilometer", "mile", "meter", "foot", "feet", "yard", "inch", "centimeter", "millimeter"),
        *("kilogram", "pound", "ton", "gram", "liter", "gallon", "acre", "hectare", "degree"),
        *("second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "season"),
        *("game", "point", "goal", "run", "touchdown", "carry", "catch", "pass", "lap", "match", "win"),
        *("loss", "inning", "quarter", "round", "start", "times"),
    }
)
"""Units that measure or span (distances, durations, tallies of a game): real news gives many such figures
of different players, places and spans in one passage ("716 yards" this year, "63 yards" in one game), so
two are of one thing only when one word governs both ("missed nine games", "missed 10 games") and their
subjects do not differ. A count of anything else ("bombs", "refugees") says itself what it counts, and is
a whole number: the "6.1" of "a magnitude 6.1 earthquake" counts no earthquakes."""
_OPENERS = frozenset({"that", "which", "who", "whom", "whose", "when", "where", "because", "while", "if"})
_OPENERS |= {"and", "but", "or", "as"}
"""Words that open another clause: the word that governs a figure stands after them."""
_AUXILIARIES = frozenset({"has", "have", "had", "was", "were", "is", "are", "be", "been", "being", "also"})
_AUXILIARIES |= {"just", "only", "then", "still", "already", "ever", "never", "not"}
_POSSESSING = frozenset({"has", "have", "had"})
"""Verbs that govern a figure right after them ("Bush had 404 yards"), auxiliaries before another verb."""
_AGO = re.compile(r"\s*ago\b", re.IGNORECASE)
_SPAN_DAY = re.compile(
    r"\b(?:today|yesterday|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b)",
    re.IGNORECASE,
)
_SPAN_PERIOD = re.compile(
    r"\b(?P<total>so\s+far|to\s+date|in\s+all|in\s+total|altogether)\b"
    r"|\b(?P<named>(?:this|last|next)\s+(?:season|year|week|month))\b"
    r"|\b(?P<since>since|career)\b"
    r"|\b(?:in|over|through|across)\s+(?:(?:his|her|their|the|its)\s+)?(?:[\w-]+\s+){1,2}"
    r"(?P<unit>games|seasons|weeks|months|years|matches|starts)\b",
    re.IGNORECASE,
)
"""What span a figure covers: one day ("on Wednesday", "on Dec. 27") or a period ("so far", "this season",
"in 12 games"); "Five soldiers lost their lives on Wednesday" and "Israel has so far lost seven soldiers"
count different things."""
_PLACE = re.compile(
    r"\b(?:in|at|near|across|outside|throughout)\s+(?P<words>[\w'-]+(?:\s+[\w'-]+){0,2})", re.IGNORECASE
)
"""The three words after "in", "at", "near" that may name a place: "in neighbouring Central Aceh district"."""
_LEADING = frozenset(
    {"in", "on", "at", "during", "after", "since", "through", "over", "across", "throughout"}
)
"""A sentence that opens with a prepositional phrase ("In Central Aceh district, 140 were injured") gives
the place or span of every figure in it."""


@dataclass(frozen=True, slots=True)
class _Stated:
    """One figure, date or time as an article states it in a row."""

    article: str
    fact: FoundFact
    listed: int
    """How many counts of things the sentence states: three or more make it a line of statistics."""
    partner: FoundFact | None
    """The other count of a pair a few words apart ("716 yards in 12 games"): when it differs, the pair is
    of another player, season or place."""


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
    governors: frozenset[str]
    """The word that governs the figure: the nearest content word before it in its clause ("missed nine
    games"), else, at the start of a clause, the first one after it ("four bombs were dropped"); "ago"."""
    subject: str
    """The word just before a governing verb ("Luck threw for 205 yards"); "" for none or a pronoun."""
    span: str
    """The span the clause gives the figure: "day", a period ("total", "this season", "games") or ""."""
    years: frozenset[str]
    """The years its clause names, else its sentence: counts of events of different years are of different
    events ("the tsunami that killed 168,000 people in 2004", "quakes that hit Manokwari in 2002")."""
    places: frozenset[str]
    """The places its clause names after "in", "at": counts of different places are different counts."""
    ago: bool
    """A span counted back from the day of writing ("12 days ago"): outlets that wrote a day apart differ
    by one."""
    partner: tuple[str, str, str] | None
    """The value, label and unit of the count paired with it (`_Stated.partner`)."""


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
    read: dict[tuple[str, int], _Reading] = {}
    segments = {s.id: s for v in views for s in v.segments}
    findings: list[Finding] = []
    ledes = Row("lede", {v.id: _lede(v) for v in views}, "partial", 0.0)
    whole = Row(
        "article", {v.id: tuple(s.id for s in v.segments if v.reports(s)) for v in views}, "partial", 0.0
    )
    holding = _holding(views, starts)
    for row in [*rows, ledes, whole]:
        if holding.isdisjoint(chain.from_iterable(row.segments.values())):
            continue  # most rows: no sentence of theirs states a figure to compare
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
                if low == high:  # most sentences state no figure to compare
                    continue
                facts = comparable[article][low:high]
                listed = _listed(view, facts)
                for index, fact in enumerate(facts, start=low):
                    if (article, index) not in measured:
                        measured[(article, index)] = _quantity(view, fact)
                    quantity = measured[(article, index)]
                    if quantity and _compared_in(row, quantity, ledes, whole):
                        count, partner = listed.get(fact.start, (1, None))
                        stated[quantity].append(_Stated(article, fact, count, partner))
        flagged = {(f.article, f.start) for f in findings}
        for quantity, items in stated.items():
            findings += [
                f
                for f in _disagreements(row, quantity, items, by_id, read)
                if (f.article, f.start) not in flagged
            ]
    return findings + denial_findings(views, rows)


def _holding(views: Sequence[ArticleView], starts: Mapping[str, Sequence[int]]) -> set[str]:
    """The ids of the segments in which a comparable figure starts (`starts`: their sorted starts by article)."""
    return {
        segment.id
        for view in views
        if (positions := starts.get(view.id))
        for segment in view.segments
        if first_within(positions, segment.start, segment.end) is not None
    }


def _listed(view: ArticleView, facts: Sequence[FoundFact]) -> dict[int, tuple[int, FoundFact | None]]:
    """For each count of things in a sentence, how many counts stand in its list (counts a few words apart,
    "404 yards and two touchdowns on 106 carries", are one list) and, in a list of two, the other count;
    by the start of each."""
    counts = [f for f in facts if f.kind == "number" and f.unit not in _PEOPLE and f.unit not in _ROLES]
    runs: list[list[FoundFact]] = []
    for fact in counts:
        if runs and len(_WORD.findall(view.folded[runs[-1][-1].end : fact.start])) <= _LIST_GAP:
            runs[-1].append(fact)
        else:
            runs.append([fact])
    return {
        fact.start: (len(run), next(f for f in run if f is not fact) if len(run) == 2 else None)
        for run in runs
        for fact in run
    }


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
    return tuple(islice((s.id for s in view.segments if view.reports(s)), _LEDE_SENTENCES))


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
    if _RATE.match(view.folded, fact.end) or _CONVERSION.search(before) or _WINDOW.search(before):
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
    if fact.unit not in _MEASURES and "." in fact.value and " " not in fact.value:
        return None  # things are counted in whole numbers: the 6.1 of "6.1 - magnitude quake" counts none
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
    row: Row,
    quantity: str,
    items: Sequence[_Stated],
    views: Mapping[str, ArticleView],
    read: dict[tuple[str, int], _Reading],
) -> list[Finding]:
    """Findings for one quantity of one row, when two articles state it with no value in common, among the
    values that can be of one thing (`_comparable`). An article that states the other's value anywhere in
    the row's passages reports both ("404 yards rushing ... 440 yards" against "440 yards"). `read` keeps each figure's reading (`_reading`) for the next rows."""
    readings: dict[str, list[tuple[_Reading, FoundFact]]] = defaultdict(list)
    for item in items:
        key = (item.article, item.fact.start)
        if key not in read:  # a figure stands in its row, the ledes and the whole article: read it once
            read[key] = _reading(views[item.article], item, quantity)
        readings[item.article].append((read[key], item.fact))
    articles = list(readings)
    if len(articles) < 2:
        return []

    def same(x: _Reading, y: _Reading) -> bool:
        if quantity == "time":
            return _same_time((x.value, x.label), (y.value, y.label))
        if quantity.startswith("date:"):
            return _same_day((x.value, x.label), (y.value, y.label))
        if bool(x.places) != bool(y.places):  # a count of one named place may be a part of the other
            part, whole = (x, y) if x.places else (y, x)
            if _bounds(part.value, part.label)[0] <= _bounds(whole.value, whole.label)[1]:
                return True
        return _may_agree((x.value, x.label), (y.value, y.label), slack=1 if x.ago and y.ago else 0)

    def clashes(a: str, b: str) -> list[FoundFact]:
        """a's values that b contradicts, if they state some comparable pair, none of which may agree,
        and neither writes the other's figure."""
        pairs = [
            (x, y, fact)
            for x, fact in readings[a]
            for y, _ in readings[b]
            if _comparable(quantity, x, y)
        ]
        written_a = {r.value for r, _ in readings[a]}
        written_b = {r.value for r, _ in readings[b]}
        if any(same(x, y) or x.value in written_b or y.value in written_a for x, y, _ in pairs):
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
    if qualifier := _QUALIFIED_ARTICLE.search(view.folded, max(0, fact.start - 20), fact.start):
        lowered = f"{qualifier.group(1).lower()} {lowered}"  # "more than a hundred yards"
    year = YEAR.search(fact.label)
    weekday = next(
        (w for w in label_words if w in lexicon.weekdays or w in lexicon.weekday_abbreviations), None
    )
    text = view.folded
    clause_low = max((m.end() for m in _CLAUSE_END.finditer(text, low, fact.start)), default=low)
    clause_end = _CLAUSE_END.search(text, fact.end, high)
    clause_high = clause_end.start() if clause_end else high
    clause = text[clause_low:clause_high]
    opening = text[low:clause_low]
    first = _CASED_WORD.match(opening)
    scope = clause + (" " + opening if first and first.group().lower() in _LEADING else "")
    ago = _AGO.match(text, fact.end) is not None
    governor, subject = _governor(
        _CASED_WORD.findall(text[clause_low : fact.start]), _CASED_WORD.findall(text[fact.end : clause_high])
    )
    partner = item.partner
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
        frozenset(g for g in (governor, "ago" if ago else "") if g),
        subject,
        _span(scope),
        frozenset(_years(text, (clause_low, clause_high), (low, high), fact)),
        _places(scope),
        ago,
        (partner.value, partner.label.lower(), partner.unit) if partner else None,
    )


def _years(text: str, clause: tuple[int, int], sentence: tuple[int, int], fact: FoundFact) -> list[str]:
    """The years a figure's clause names, else its sentence (`_Reading.years`); not the figure itself."""
    for low, high in (clause, sentence):
        if found := YEAR.findall(text, low, fact.start) + YEAR.findall(text, fact.end, high):
            return found
    return []


def _governor(before: Sequence[str], after: Sequence[str]) -> tuple[str, str]:
    """The root of the word that governs a figure in its clause and of the subject just before it: the
    nearest content word before the figure ("missed nine games"; names, qualifiers, adverbs and function
    words passed over; "had" is "have"), else, when the figure opens its clause, the first content word
    after it ("four bombs were reportedly dropped"; not the "rushing" of "226 yards rushing"); ("", "") for
    none."""
    skip = _skipped()

    def content(word: str) -> bool:
        lower = word.lower()
        return not (
            lower in skip
            or lower in _QUALIFIER_WORDS
            or lower in _AUXILIARIES
            or (lower.endswith("ly") and len(lower) > 4)
            or word[0].isupper()
        )

    for index in range(len(before) - 1, -1, -1):
        lower = before[index].lower()
        if lower in _OPENERS:
            break
        if lower in _POSSESSING:  # "He had just 269 yards": "had" is the verb, not an auxiliary
            return "have", _subject(before[:index])
        if content(before[index]):
            return _root(before[index]), _subject(before[:index])
    for index, word in enumerate(after):
        if word.lower() in _OPENERS:
            break
        if content(word) and not (index == 0 and word.lower().endswith("ing")):  # "716 yards rushing"
            return _root(word), ""
    return "", ""


def _subject(before: Sequence[str]) -> str:
    """The word just before a governing verb, past auxiliaries and adverbs ("Luck threw", "Ivory rushed",
    "DiLeo has spent"); "" for a pronoun, a function word or none."""
    for word in reversed(before):
        lower = word.lower()
        if lower in _AUXILIARIES or (lower.endswith("ly") and len(lower) > 4):
            continue
        return "" if lower in _skipped() or lower in _OPENERS else _root(word)
    return ""


def _span(scope: str) -> str:
    """The span a clause gives its figures (`_Reading.span`): "day", a period, or ""."""
    if period := _SPAN_PERIOD.search(scope):
        if period.group("total"):
            return "total"
        return (period.group("named") or period.group("since") or period.group("unit")).lower()
    return "day" if _SPAN_DAY.search(scope) else ""


def _places(scope: str) -> frozenset[str]:
    """The names after "in", "at", "near" in a clause ("in Takengon", "In neighbouring Central Aceh
    district"): the place its figures are of; a possessive only says where that place is ("in Indonesia's
    Aceh province" is of Aceh)."""
    skip = _skipped()
    return frozenset(
        _root(word)
        for place in _PLACE.finditer(scope)
        for word in _CASED_WORD.findall(place.group("words"))
        if word[0].isupper() and word.lower() not in skip and not word.lower().endswith("'s")
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
    """Whether two stated values can be of one thing. Children and ages are keyed narrowly enough already.
    Otherwise the names before the figures must not differ ("DiLeo has spent 19 seasons", "Cheeks spent 11
    seasons"); for people that and one scope is all, their role says what is counted. Dates of different years
    or weekdays are different days on purpose (a page's stamp, last year's event); counts whose units are
    qualified differently are different counts ("rushing yards", "total yards"), so are spans spent in
    different capacities ("four seasons as director", "19 seasons with the club") and counts of the rest
    ("1,263 other animals"); a count in a line of statistics is not compared, nor one of a pair whose other
    count differs ("716 yards in 12 games", "793 yards in 14 games"); measures need one governing word and no
    different subject (`_MEASURES`); counts need one span, year and place (`_same_scope`); and both need a
    word around the figure in common, which says what is counted ("missed nine games", "missed 10 games"; not
    "played in 10 games"), as times do unless one clock is read in two zones."""
    if quantity == "time":  # one clock in two zones, or a word around both: "extinguished by 7 a.m."
        return x.value[:5] == y.value[:5] or bool(x.context & y.context)
    if quantity == _OFFSPRING or quantity.startswith("age:"):
        return True
    if x.names and y.names and not x.names & y.names:
        return False
    if quantity.startswith("date:"):
        if (x.year and y.year and x.year != y.year) or (x.weekday and y.weekday and x.weekday != y.weekday):
            return False
    elif not _same_scope(x, y):
        return False
    elif quantity.startswith("people:"):
        return True
    elif (
        (x.modifiers and y.modifiers and not x.modifiers & y.modifiers)
        or x.capacity != y.capacity
        or x.rest
        or y.rest
        or max(x.listed, y.listed) >= _LISTED
        or (
            x.partner is not None
            and y.partner is not None
            and x.partner[2] == y.partner[2]
            and not _may_agree(x.partner[:2], y.partner[:2])
        )
        or (
            quantity in _MEASURES
            and (not x.governors & y.governors or (x.subject and y.subject and x.subject != y.subject))
        )
    ):
        return False
    return bool(x.context & y.context)


def _same_scope(x: _Reading, y: _Reading) -> bool:
    """Whether two counts may cover one span, year and place: not a day against a period ("on
    Wednesday", "so far"), not events of different years, not different places ("in Central Aceh", "in
    Takengon"; "in Aceh" and "in Indonesia's Aceh province" may be one)."""
    return not (
        (x.span and y.span and x.span != y.span)
        or (x.years and y.years and not x.years & y.years)
        or (x.places and y.places and not (x.places <= y.places or y.places <= x.places))
    )


def _same_day(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two dates are one day ("nov-10")."""
    return a[0] == b[0]


def _may_agree(a: tuple[str, str], b: tuple[str, str], slack: float = 0) -> bool:
    """Whether two figures can both be true: "less than 50 km" and "15 km", "at least 15,000" and "20,000";
    "about" allows a tenth either way, `slack` that much more ("12 days ago" and "11 days ago" written a
    day apart)."""
    low_a, high_a = _bounds(*a)
    low_b, high_b = _bounds(*b)
    return low_a <= high_b + slack and low_b <= high_a + slack


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
