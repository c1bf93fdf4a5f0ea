"""The omission ledger: facts (numbers, dates, names, quotations) and which articles carry each one.

Facts are found by rules: numbers with what they count ("about 75% of Donetsk", "30 countries"), dates,
days and times ("Thursday, Jan. 8", "Tuesday", "3 p.m.", `quantities.py`), names (`names.py`), and
quotations matched across articles nearly (rapidfuzz). Variants share a key, so "Macron" and "President
Emmanuel Macron" are one fact, and so are two outlets' transliterations a letter apart ("Taludi", "Talodi").
An article that never names a fact by the rules may still mention it where the rules do not look (a
headline, a sentence start), so before calling a fact absent, its name is also looked for in the plain text
(a surname only outside other names: "State" in "State Department" is not a person).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from itertools import accumulate, chain
from operator import itemgetter
from typing import Literal, NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from compare_tui.core.analysis.attribution import find_attributions
from compare_tui.core.analysis.context import ArticleView, Span, build_views, name_some, whole_words
from compare_tui.core.analysis.names import NameIndex, index_names
from compare_tui.core.analysis.quantities import quantities
from compare_tui.core.analysis.scare_quotes import QuotationUse, quotation_uses
from compare_tui.core.lexicon import name_lexicon
from compare_tui.core.models import Article, Finding, Peers

FactKind = Literal["number", "date", "person", "organisation", "place", "name", "quotation"]
Position = Literal["headline", "lede", "body", "end"]
"""Where an article first states a fact: its headline, its lede (first two sentences), its body, or its last
quarter (an outlet that gives a fact only in paragraph 14 buries it)."""
POSITIONS: tuple[Position, ...] = ("headline", "lede", "body", "end")
POSITION_PHRASES: Mapping[Position, str] = {
    "headline": "in the headline",
    "lede": "in the lede",
    "body": "in the body",
    "end": "only in the last quarter",
}
_LEDE_SENTENCES = 2
_BURIED_FROM = 0.75  # the last quarter of the body, by characters
_CONTRACTION = re.compile(r"\w['’](?:m|ve|ll|re|d)$", re.IGNORECASE)  # "I'm", "I've": no names
_MIN_VARIANT_LETTERS = 6
"""Shorter names a letter apart are as likely two names ("Bunj", "Bunk") as one spelt two ways."""
_NAMED_BEFORE = re.compile(r"\b(?:the|to|told|by|reports|reported|according to)\s+$", re.IGNORECASE)
"""Words before an acronym that make it a name: "the BBC", "told AP", "confirms to PEOPLE", "on her way to LAX"."""
_LONGEST_ACRONYM = 7  # an all-capital word this long is a word shouted, not an acronym ("EARTHQUAKE")
_PUNCTUATION = re.compile(r"[^\w\s]")
_PARTIAL = 90  # `fuzz.partial_ratio` at which a quotation contains another
_CONFIDENCE = {"number": 0.9, "date": 0.9, "quotation": 0.85, "person": 0.85, "organisation": 0.8}


class FactMention(NamedTuple):
    """Where an article states a fact: a span of its text."""

    start: int
    end: int
    text: str


# builds a FactMention from a (start, end, text) tuple without the Python-level `__new__` (the ledger makes one
# for every mention of every fact)
_mention_of = partial(tuple.__new__, FactMention)


@dataclass(frozen=True, slots=True)
class FactEntry:
    """One fact of the omission ledger: the articles that carry it (with where) and those that omit it."""

    key: str
    label: str
    kind: FactKind
    present: Mapping[str, tuple[FactMention, ...]]
    absent: tuple[str, ...]
    positions: Mapping[str, Position] = field(default_factory=dict)


class FoundFact(NamedTuple):
    """A fact where an article states it, before the ledger groups the articles by fact."""

    key: str
    label: str
    kind: FactKind
    start: int
    end: int
    unit: str = ""  # numbers and dates: `Quantity.unit`
    value: str = ""  # numbers and dates: `Quantity.value`


# builds a FoundFact from a tuple of all its fields without the Python-level `__new__` (`extract_facts`)
_found_of = partial(tuple.__new__, FoundFact)
_SPAN = itemgetter(3, 4)  # a FoundFact's (start, end), picked in C
_FIRST, _SECOND = itemgetter(0), itemgetter(1)


def _quotations(
    views: Sequence[ArticleView], uses: Mapping[str, Sequence[QuotationUse]]
) -> dict[str, list[FoundFact]]:
    """Quotations (not scare quotes or titles), keyed so that near-identical ones share a key."""
    clusters: list[str] = []
    by_word: dict[str, set[int]] = defaultdict(set)
    compared: dict[tuple[str, str], bool] = {}  # wire copy repeats quotations: compare each pair once
    out: dict[str, list[FoundFact]] = defaultdict(list)
    for view in views:
        for quote, use in zip(view.quotes.quotations, uses[view.id]):
            if use != "speech":
                continue
            inner = view.folded[quote.inner_start : quote.inner_end].lower()
            words = " ".join(_PUNCTUATION.sub(" ", inner).split())
            vocabulary = set(words.split()) - name_lexicon().stopwords
            candidates: dict[int, int] = defaultdict(int)
            for word in vocabulary:
                for c in by_word.get(word, ()):
                    candidates[c] += 1
            need = max(1, min(3, len(vocabulary)))
            match = next(
                (
                    c
                    for c in sorted(candidates)
                    if candidates[c] >= need and _same_quotation(clusters[c], words, compared)
                ),
                None,
            )
            if match is None:
                match = len(clusters)
                clusters.append(words)
                for word in vocabulary:
                    by_word[word].add(match)
            label = " ".join(view.article.text[quote.inner_start : quote.inner_end].split())
            out[view.id].append(
                FoundFact(f"quote:{clusters[match][:80]}", label, "quotation", quote.start, quote.end)
            )
    return out


def _same_quotation(a: str, b: str, compared: dict[tuple[str, str], bool]) -> bool:
    """Whether two normalised quotations are one, nearly; `compared` remembers the answers."""
    if (a, b) not in compared:
        shorter = min(len(a.split()), len(b.split()))
        whole = fuzz.ratio(a, b)
        compared[(a, b)] = whole >= 85 or (
            shorter >= 4
            and whole >= partial_floor(len(a), len(b), _PARTIAL) - 0.5
            and fuzz.partial_ratio(a, b, score_cutoff=_PARTIAL) >= _PARTIAL
        )
    return compared[(a, b)]


def partial_floor(size_a: int, size_b: int, partial: float) -> float:
    """The least `fuzz.ratio` of two strings of these lengths whose `fuzz.partial_ratio` reaches `partial`
    (0..100): below it, the slow partial comparison (a tenth of the analysis of two short articles) cannot
    succeed.

    A window of w characters of the longer string (length L) that scores c = partial/100 against the
    shorter one (length S) is at most (1 - c)(S + w) Indel edits from it, and that takes w >= S c / (2 - c)
    (the length difference alone costs S - w). Deleting the rest of the longer string costs L - w more, so
    the two whole strings are at most (1 - c) S + L - c w <= (1 - c) S + L - S c^2 / (2 - c) edits apart.
    """
    short, long = sorted((size_a, size_b))
    if not short:
        return 0.0
    c = partial / 100
    edits = (1 - c) * short + long - short * c * c / (2 - c)
    return max(0.0, 100 * (1 - edits / (short + long)))


@dataclass(frozen=True, slots=True)
class _Covered:
    """Character ranges of some facts, with a fast test of whether a span overlaps any of them."""

    starts: tuple[int, ...]
    reach: tuple[int, ...]  # the furthest end among the ranges up to each one, in order of start

    @classmethod
    def of(cls, facts: Iterable[FoundFact]) -> _Covered:
        """Index the ranges of some facts."""
        ordered = sorted(map(_SPAN, facts))
        return cls(tuple(map(_FIRST, ordered)), tuple(accumulate(map(_SECOND, ordered), max)))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a character with any range."""
        before = bisect.bisect_left(self.starts, end)
        return before > 0 and self.reach[before - 1] > start


class _Spelling(NamedTuple):
    """One way a name may be written, and the words an article must contain to have it."""

    text: str
    words: frozenset[str]


def _variants(kind: str, key: str, labels: Iterable[str]) -> list[str]:
    """How a name may be written, to find it where the rules did not look (headlines, sentence starts)."""
    name = key.split(":", 1)[1]
    if key.startswith("name:alias:"):
        written, with_labels = _alias_spellings(name.split(":", 1)[1])
        return sorted(written.union(labels) if with_labels else written, key=lambda t: (-len(t), t))
    if kind == "person":
        return sorted({s for label in labels if label and _usable_surname(s := label.split()[-1])})
    return sorted({label for label in labels if label})


def _spellings(texts: Iterable[str]) -> list[_Spelling]:
    """Spellings with the words an article must hold to write them (built only where a fact is missing)."""
    return [_Spelling(text, frozenset(text.split())) for text in texts]


@cache
def _alias_variants() -> dict[str, tuple[str, ...]]:
    """The aliases of each place or organisation, by its lower-cased canonical name (indexed once)."""
    out: dict[str, list[str]] = defaultdict(list)
    for variant, canonical in name_lexicon().aliases.items():
        out[canonical.lower()].append(variant)
    return {canonical: tuple(variants) for canonical, variants in out.items()}


def _usable_surname(word: str) -> bool:
    """Whether a person's last word can stand for them alone: not an initial, a weekday or a pronoun."""
    lexicon = name_lexicon()
    lower = word.lower()
    return (
        sum(map(str.isalpha, word)) >= 2
        and lower not in lexicon.not_names
        and lower not in lexicon.weekdays
        and lower not in lexicon.months
    )


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    """The words of one article as written (case kept, possessives dropped), for quick presence tests."""

    text: str
    words: frozenset[str]

    @classmethod
    def build(cls, view: ArticleView) -> _Vocabulary:
        return cls(view.folded, frozenset({w.removesuffix("'s") for w in view.words}))

    def find(self, spellings: Sequence[_Spelling], taken: _Covered) -> FactMention | None:
        """The first place one of the spellings is written as whole words outside the `taken` facts, if any.

        "State" inside "U.S. State Department" or "Thursday" in a date is another fact, not this one.
        """
        for spelling in spellings:
            if not self.words.issuperset(spelling.words):
                continue
            for start in whole_words(self.text, spelling.text):
                end = start + len(spelling.text)
                if not taken.overlaps(start, end):
                    return FactMention(start, end, spelling.text)
        return None


@cache
def _alias_spellings(canonical: str) -> tuple[frozenset[str], bool]:
    """How the aliases of a place or organisation are written, and whether the article's own labels of it are
    spellings too (as they are beside any alias longer than an acronym)."""
    variants = _alias_variants().get(canonical, ())
    return frozenset(_written(v) for v in variants), any(not _acronym(v) for v in variants)


def _written(variant: str) -> str:
    """Alias variants are stored lower-cased; restore their capitals (US, U.S., United States)."""
    if _acronym(variant):
        return variant.upper()
    return " ".join(w[:1].upper() + w[1:] for w in variant.split())


def _acronym(variant: str) -> bool:
    return len(variant.replace(".", "")) <= 3


def _stretches(view: ArticleView) -> list[Span]:
    """Runs of adjacent segments in one paragraph, so that numbers and dates are matched in few passes."""
    runs: list[Span] = []
    for segment in view.segments:
        if segment.id in view.publication_lines:  # when the copy was filed is not a fact of the story
            continue
        if runs and not (gap := view.folded[runs[-1].end : segment.start]).strip() and "\n" not in gap:
            runs[-1] = Span(runs[-1].start, segment.end)
        else:
            runs.append(Span(segment.start, segment.end))
    return runs


def extract_facts(
    views: Sequence[ArticleView], uses: Mapping[str, Sequence[QuotationUse]], names: NameIndex
) -> dict[str, list[FoundFact]]:
    """Each article's facts in reading order: numbers, dates, names and quotations (not yet grouped)."""
    found: dict[str, list[FoundFact]] = {}
    quotations = _quotations(views, uses)
    for view in views:
        items: list[FoundFact] = []
        for segment in _stretches(view):
            items += [
                _found_of((q.key, q.label, q.kind, q.start, q.end, q.unit, q.value))
                for q in quantities(view.folded, view.caseless, segment.start, segment.end)
            ]
        covered = _Covered.of(f for f in items if f.kind == "date")
        for segment in view.segments:
            if mentions := names.in_segment(segment.id):
                items += [
                    _found_of((f"name:{n.key}", n.label, n.kind, n.start, n.end, "", ""))
                    for n in mentions
                    if not covered.overlaps(n.start, n.end)
                ]
        items += quotations.get(view.id, [])
        found[view.id] = sorted(items, key=_SPAN)
    return found


def build_ledger(
    views: Sequence[ArticleView],
    uses: Mapping[str, Sequence[QuotationUse]],
    names: NameIndex,
    found: Mapping[str, list[FoundFact]] | None = None,
) -> tuple[FactEntry, ...]:
    """Every fact of the articles with the articles that state it and those that omit it.

    `uses` holds each article's `quotation_uses`, `names` the names of all of them; `found` is what
    `extract_facts` gives for them, when the caller has it already.
    """
    found = extract_facts(views, uses, names) if found is None else found
    # a surname inside another name is not the person ("State" in "State Department"); a short name inside a
    # longer one may be the same thing ("the Coalition" for "Coalition of the Willing"); neither is in a date
    taken = {a: _Covered.of(f for f in items if f.kind != "quotation") for a, items in found.items()}
    dates = {a: _Covered.of(f for f in items if f.kind == "date") for a, items in found.items()}
    vocabularies = {v.id: _Vocabulary.build(v) for v in views}
    order: list[str] = []
    labels: dict[str, list[str]] = defaultdict(list)
    kinds: dict[str, FactKind] = {}
    present: dict[str, dict[str, list[FactMention]]] = defaultdict(lambda: defaultdict(list))
    texts = {v.id: v.article.text for v in views}
    for article, text in texts.items():
        for item in found[article]:
            key = item.key
            kind = kinds.get(key)
            if kind is None:
                order.append(key)
                kinds[key] = item.kind
            elif kind == "name" and item.kind in ("person", "organisation", "place"):
                kinds[key] = item.kind
            labels[key].append(item.label)
            present[key][article].append(_mention_of((item.start, item.end, text[item.start : item.end])))
    lower_words = frozenset(filter(str.islower, chain.from_iterable(v.words for v in vocabularies.values())))
    order = [
        k
        for k in order
        if not _noise(k, kinds[k], labels[k], lower_words)
        and not _capitalised_word(k, labels[k], present[k], texts)
    ]
    merged = _spelling_variants(order, kinds, present)
    merged |= _first_names([k for k in order if k not in merged], kinds, labels)
    for variant, key in merged.items():
        labels[key] += labels.pop(variant)
        for article, mentions in present.pop(variant).items():
            present[key][article] += mentions
        order.remove(variant)
    places = {v.id: _Places.of(v) for v in views}
    entries = []
    for key in order:
        kind = kinds[key]
        holders = present[key]
        variants = _variants(kind, key, set(labels[key])) if key.startswith("name:") else []
        headline = _lowered(variants or _figure(key))
        if key.startswith("name:") and len(holders) < len(texts):
            inside = taken if kind == "person" else dates
            spellings = _spellings(variants)
            for article, text in texts.items():
                if article not in holders and (
                    mention := vocabularies[article].find(spellings, inside[article])
                ):
                    holders[article].append(
                        FactMention(mention.start, mention.end, text[mention.start : mention.end])
                    )
        entries.append(
            FactEntry(
                key=key,
                label=labels[key][0] if key.startswith("name:alias:") else _longest(labels[key]),
                kind=kind,
                present={a: tuple(holders[a]) for a in texts if a in holders},
                absent=tuple(a for a in texts if a not in holders),
                positions={a: places[a].first(holders[a], headline) for a in texts if a in holders},
            )
        )
    return tuple(sorted(entries, key=_rank))


def _rank(entry: FactEntry) -> tuple[int, float]:
    """What most articles report comes first; among equals, what they put nearest the top."""
    places = [POSITIONS.index(p) for p in entry.positions.values()]
    return -len(entry.present), sum(places) / max(1, len(places))


@dataclass(frozen=True, slots=True)
class _Places:
    """Where an article's headline, lede and last quarter are, to say where a fact stands in it."""

    titles: tuple[Span, ...]
    headlines: tuple[str, ...]  # the titles' text, lower-cased
    lede_end: int
    buried_from: float

    @classmethod
    def of(cls, view: ArticleView) -> _Places:
        """The headline spans, the end of the first two reporting sentences, the start of the last quarter."""
        body = [s for s in view.segments if view.reports(s)]
        titles = tuple(Span(s.start, s.end) for s in view.segments if s.kind == "title")
        headlines = tuple(view.folded[t.start : t.end].lower() for t in titles)
        if not body:
            return cls(titles, headlines, 0, 0.0)
        lede = body[:_LEDE_SENTENCES][-1].end
        start, end = body[0].start, body[-1].end
        return cls(titles, headlines, lede, start + _BURIED_FROM * (end - start))

    def first(self, mentions: Sequence[FactMention], written: Sequence[str]) -> Position:
        """The most prominent place of a fact: headline (also by name alone, `written` holding its spellings
        lower-cased), lede, body or last quarter."""
        starts = [m.start for m in mentions]  # a few: plain loops are faster than sorting and generators
        for title in self.titles:
            for start in starts:
                if title.start <= start < title.end:
                    return "headline"
        for headline in self.headlines:
            if _written_in(headline, written):
                return "headline"
        start = min(starts)
        if start < self.lede_end:
            return "lede"
        return "end" if start >= self.buried_from else "body"


def _figure(key: str) -> list[str]:
    """How a headline may write a number fact: its figure alone ("Quake Kills 24" for "24 people")."""
    figure = key.removeprefix("number:").split(" ")[0] if key.startswith("number:") else ""
    return [figure] if figure.isdigit() else []


def _lowered(spellings: Sequence[str]) -> tuple[str, ...]:
    """The distinct spellings of a fact, lower-cased once for all the headlines they are looked for in."""
    return tuple(dict.fromkeys(text.lower() for text in spellings if text))


def _written_in(headline: str, written: Sequence[str]) -> bool:
    """Whether a name is written in a (title-cased) headline, lower-cased: whatever the case."""
    for text in written:
        if text in headline and next(whole_words(headline, text), None) is not None:
            return True
    return False


def _noise(key: str, kind: FactKind, labels: Sequence[str], lower_words: frozenset[str]) -> bool:
    """Whether a "name" is no name: a contraction ("I'm"), a word shouted in capitals ("GRANDMOTHER KILLED"),
    or a common word capitalised in a heading or a title of a song ("Heart", "Eve", "Street") that the
    articles also write in lower case."""
    if not key.startswith("name:") or key.startswith("name:alias:"):
        return False
    if any(_CONTRACTION.search(w) for label in labels if "'" in label or "’" in label for w in label.split()):
        return True
    words = {w for label in labels for w in label.split()}
    if all(label.isupper() for label in labels) and (
        len(words) > 1 or any(len(w) >= _LONGEST_ACRONYM for w in words)
    ):
        return True
    one_word = all(" " not in label for label in labels)
    return one_word and kind in ("name", "person") and any(w.lower() in lower_words for w in words)


def _capitalised_word(
    key: str, labels: Sequence[str], present: Mapping[str, Sequence[FactMention]], texts: Mapping[str, str]
) -> bool:
    """Whether a one-word "acronym" is an English word in capitals (a song called "GOD", "Thank GOD", "she
    is MIA"): one article writes it, never spelt out (an expansion would have given it the expansion's key),
    three letters or more, never after "the", "to", "told" or "reports" (which name an outlet or a place:
    "told the BBC", "reports AP", "on her way to LAX"), and the word is a whole word of the embedding
    model's English vocabulary. Acronyms are rarely whole words there ("SUNA", "AFP", "SAF" are not); the
    few that are ("BBC", "NATO") are kept by another article or by the words before them."""
    if not key.startswith("name:") or key.startswith("name:alias:") or len(present) != 1:
        return False
    word = key.removeprefix("name:")
    if not (word.isalpha() and len(word) > 2 and all(label == word.upper() for label in labels)):
        return False
    ((article, mentions),) = present.items()
    text = texts[article]
    if any(_NAMED_BEFORE.search(text[max(0, m.start - 14) : m.start]) for m in mentions):
        return False
    return _english_word(word)


@cache
def _english_word(word: str) -> bool:
    """Whether a lower-case word is a whole word of the shipped model's vocabulary (False without it)."""
    from compare_tui.core.embeddings import ModelUnavailableError, load_model

    try:
        return load_model().tokenizer.token_to_id(word) is not None
    except ModelUnavailableError:
        return False


def _first_names(
    order: Sequence[str], kinds: Mapping[str, FactKind], labels: Mapping[str, list[str]]
) -> dict[str, str]:
    """One-word names that are the first name of exactly one person named in full ("Dar" of "Dar Miller")."""
    people: dict[str, set[str]] = defaultdict(set)
    for key in order:
        if kinds[key] == "person":
            for label in labels[key]:
                if " " in label:
                    people[label.split()[0].lower()].add(key)
    merged = {}
    for key in order:
        word = key.removeprefix("name:")
        if kinds[key] == "name" and " " not in word and len(people.get(word, ())) == 1:
            (person,) = people[word]
            if person != key:
                merged[key] = person
    return merged


def _spelling_variants(
    order: Sequence[str],
    kinds: Mapping[str, FactKind],
    present: Mapping[str, Mapping[str, list[FactMention]]],
) -> dict[str, str]:
    """One-word names spelled one letter apart in different articles ("Taludi", "Talodi"): variant -> key.

    Transliterated names vary between outlets. Only names of six letters or more, of one kind, starting with
    the same letter and never both in one article (where two spellings are two names) are merged, into the
    spelling more articles use.
    """
    words = {k: k.removeprefix("name:") for k in order if k.count(":") == 1 and k.startswith("name:")}
    long_words = [k for k, w in words.items() if " " not in w and len(w) >= _MIN_VARIANT_LETTERS]
    # only names of one kind, first letter and length (give or take one) can be a letter apart: compare
    # those, in the order of the names, rather than every pair
    alike: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    for key in long_words:
        alike[(kinds[key], words[key][0], len(words[key]))].append(key)
    position = {key: i for i, key in enumerate(long_words)}
    merged: dict[str, str] = {}
    for a in long_words:
        kind, first, size = kinds[a], words[a][0], len(words[a])
        later = [
            b
            for n in (size - 1, size, size + 1)
            for b in alike.get((kind, first, n), ())
            if position[b] > position[a]
        ]
        for b in sorted(later, key=position.__getitem__):
            if (
                a in merged
                or b in merged
                or Levenshtein.distance(words[a], words[b], score_cutoff=1) > 1
                or not present[a].keys().isdisjoint(present[b].keys())
            ):
                continue
            keep, drop = (a, b) if len(present[a]) >= len(present[b]) else (b, a)
            merged[drop] = keep
    return merged


def _longest(labels: Sequence[str]) -> str:
    """The first of the labels with the most words."""
    sizes = [len(label.split()) for label in labels]
    return labels[sizes.index(max(sizes))]


def fact_ledger(articles: Sequence[Article]) -> tuple[FactEntry, ...]:
    """The omission ledger of segmented articles: facts x articles, for the UI's ledger view."""
    views = build_views(articles, ())
    names = index_names(views)
    uses = {v.id: quotation_uses(v, find_attributions(v, names)) for v in views}
    return build_ledger(views, uses, names)


def omitted_fact_findings(views: Sequence[ArticleView], ledger: Sequence[FactEntry]) -> list[Finding]:
    """In each article that states a fact some other article omits, a finding on its first mention."""
    by_id = {v.id: v for v in views}
    labels = {v.id: v.label for v in views}
    named: dict[tuple[str, ...], str] = {}  # most facts share their few sets of articles

    def articles(ids: tuple[str, ...]) -> str:
        if ids not in named:
            named[ids] = name_some(ids, labels)
        return named[ids]

    findings = []
    for rank, entry in enumerate(ledger):
        if not entry.absent or not entry.present:
            continue
        present = tuple(entry.present)
        explanation = (
            f"{entry.kind} '{entry.label}' is in {articles(present)} but not in {articles(entry.absent)}"
        )
        peers = Peers(present=present, absent=entry.absent)
        confidence = _CONFIDENCE.get(entry.kind, 0.7)
        positions = dict(entry.positions)
        for article, mentions in entry.present.items():
            position = positions.get(article, "body")
            findings.append(
                by_id[article].finding(
                    "omitted_fact",
                    mentions[0].start,
                    mentions[0].end,
                    f"{explanation}; here {POSITION_PHRASES[position]}",
                    category=entry.kind,
                    confidence=confidence,
                    peers=peers,
                    key="fact:" + entry.key,
                    detail={
                        "fact": entry.label,
                        "kind": entry.kind,
                        "mentions": len(mentions),
                        "rank": rank,
                        "position": position,
                        "positions": positions,
                    },
                )
            )
    return findings
