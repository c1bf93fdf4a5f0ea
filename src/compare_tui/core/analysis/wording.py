"""Wording: word-level differences between passages that report the same thing.

Within each alignment row, every passage is paired with its closest counterpart in the row's first article
and diffed word by word (rapidfuzz Indel opcodes on token lists). Only short differences between mostly
shared wording count: a replaced verb or label ("Says" / "Complains", "from Allies" / "Despite Big Talk
From West"), not a paraphrase. Each side gets a finding with the other side's words; the category says
whether the change is framing-relevant (a reporting verb, an evaluative word, a label for an actor, a
number) or not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from rapidfuzz.distance import Indel

from compare_tui.core.analysis.context import ArticleView, join_labels
from compare_tui.core.analysis.cues import cue_categories_in
from compare_tui.core.analysis.diffs import word_changes
from compare_tui.core.lexicon import name_lexicon, reporting_verbs
from compare_tui.core.models import Finding, Peers, Row, Segment
from compare_tui.core.textnorm import Token

MIN_SHARED = 0.35
_PRONOUNS = frozenset(
    {"he", "she", "it", "they", "him", "her", "them", "his", "hers", "its", "their", "theirs"}
)
_SPELLINGS = tuple(
    (re.compile(british), american)
    for british, american in (
        ("tre(s?)$", r"ter\1"),
        ("our", "or"),
        ("is(e|ed|es|ing)$", r"iz\1"),
        ("yse", "yze"),
    )
)
MAX_CHANGE = 6
_CONFIDENCE = {"reporting_verb": 0.85, "evaluative": 0.8, "actor_label": 0.65, "number": 0.7, "other": 0.4}


class _Passage(NamedTuple):
    view: ArticleView
    segment: Segment
    tokens: tuple[Token, ...]
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Side:
    view: ArticleView
    start: int
    end: int
    words: str


def _passage(view: ArticleView, segment: Segment) -> _Passage:
    low, high = view.token_range(segment.start, segment.end)
    return _Passage(view, segment, view.tokens[low:high], tuple(map(_stem, view.texts[low:high])))


@cache
def _stem(word: str) -> str:
    word = word.lower()
    word = word.removesuffix("'s")
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    return word


def _category(mine: str, theirs: str) -> str:
    verbs = reporting_verbs().pattern
    if verbs.search(mine) or verbs.search(theirs):
        return "reporting_verb"
    if cue_categories_in(mine) or cue_categories_in(theirs):
        return "evaluative"
    if any(c.isdigit() for c in mine + theirs):
        return "number"
    if mine and theirs and _names_actor(mine) and _names_actor(theirs):
        return "actor_label"
    return "other"


def _names_actor(text: str) -> bool:
    """Whether a few words name a party: a person noun ("allies") or a known place or people ("West")."""
    lexicon = name_lexicon()
    words = [w.strip(".,;:'\"").lower() for w in text.split()]
    return any(w in lexicon.person_nouns or w in lexicon.aliases for w in words)


def wording_findings(views: Sequence[ArticleView], rows: Sequence[Row]) -> list[Finding]:
    """Findings on both sides of each short word-choice difference between aligned passages."""
    by_id = {v.id: v for v in views}
    order = {v.id: v.index for v in views}
    segments = {s.id: s for v in views for s in v.segments if s.id not in v.publication_lines}
    collected: dict[tuple[str, int, int], dict[str, object]] = {}
    for row in rows:
        present = [a for a, ids in row.segments.items() if not segments.keys().isdisjoint(ids)]
        if len(present) < 2:  # most rows: one article's passages, nothing to compare (nor to read)
            continue
        present.sort(key=order.__getitem__)
        passages = {
            a: [_passage(by_id[a], segments[sid]) for sid in row.segments[a] if sid in segments]
            for a in present
        }
        reference = passages[present[0]]
        for other in present[1:]:
            for passage in passages[other]:
                _diff(_closest(reference, passage), passage, row, collected)
    labels = {v.id: v.label for v in views}
    findings = []
    for (article, start, end), info in collected.items():
        view = by_id[article]
        counterpart: dict[str, str] = info["counterpart"]  # type: ignore[assignment]
        category = str(info["category"])
        mine = view.article.text[start:end]
        findings.append(
            view.finding(
                "wording",
                start,
                end,
                _explain(view.label, mine, counterpart, labels),
                category=category,
                confidence=_CONFIDENCE[category],
                peers=Peers(present=(article, *counterpart), absent=()),
                key=f"row:{info['row']}",
                detail={"counterpart": counterpart, "ops": info["ops"]},
            )
        )
    return findings


def _closest(reference: Sequence[_Passage], passage: _Passage) -> _Passage:
    """The reference passage a passage is compared with: one of its kind (sentence, title) sharing most
    words; a lone reference passage is the one, with no similarity to compute."""
    if len(reference) == 1:
        return reference[0]
    return max(reference, key=lambda r: (r.segment.kind == passage.segment.kind, _shared(r, passage)))


def _explain(me: str, mine: str, counterpart: dict[str, str], labels: dict[str, str]) -> str:
    """What differs: "bbc.co.uk says 'raid' where reuters.com and rnw.nl say 'strike'", or what is added."""
    by_words: dict[str, list[str]] = {}
    for article, words in counterpart.items():
        by_words.setdefault(words, []).append(labels[article])
    replaced = [
        f"{join_labels(who)} {'says' if len(who) == 1 else 'say'} '{words}'"
        for words, who in by_words.items()
        if words
    ]
    lacking = by_words.get("", [])
    parts = []
    if replaced:
        parts.append(f"{me} says '{mine}' where " + ", ".join(replaced))
    if lacking:
        parts.append(
            f"{me} adds '{mine}' ({join_labels(lacking)} {'has' if len(lacking) == 1 else 'have'} no"
            " counterpart)"
        )
    return "; ".join(parts)


def _shared(a: _Passage, b: _Passage) -> float:
    return Indel.normalized_similarity(a.words, b.words)


def _diff(
    a: _Passage, b: _Passage, row: Row, collected: dict[tuple[str, int, int], dict[str, object]]
) -> None:
    if not a.words or not b.words or _shared(a, b) < MIN_SHARED:
        return
    for change in word_changes(a.words, b.words):
        s0, s1, d0, d1 = change.src_start, change.src_end, change.dest_start, change.dest_end
        if s1 - s0 > MAX_CHANGE or d1 - d0 > MAX_CHANGE:
            continue
        mine = _side(a, s0, s1)
        theirs = _side(b, d0, d1)
        if _no_framing(mine.words, theirs.words):
            continue
        category = _category(mine.words, theirs.words)
        tag = change.tag
        for here, there, op in ((mine, theirs, tag), (theirs, mine, _mirror(tag))):
            if here.end <= here.start:
                continue
            entry = collected.setdefault(
                (here.view.id, here.start, here.end),
                {"counterpart": {}, "category": category, "row": row.id, "ops": op},
            )
            entry["counterpart"][there.view.id] = there.words  # type: ignore[index]
            if _CONFIDENCE[category] > _CONFIDENCE[str(entry["category"])]:
                entry["category"] = category


def _no_framing(mine: str, theirs: str) -> bool:
    """A difference no editor reads as framing.

    The same word spelled apart ("metres"/"meters", "oil fields"/"oilfields", "U.N."/"UN"), function words
    only ("The"/"A", "had been"/"were", an added "the"), or a pronoun for a name ("he"/"Deng", "his" for
    "Sudan's").
    """
    if not mine or not theirs:  # added words: framing unless they are all function words ("the", "is")
        return _function_words_only(mine or theirs)
    if _spelling(mine) == _spelling(theirs):
        return True
    if _function_words_only(mine) and _function_words_only(theirs):
        return True
    return (_pronoun(mine) and _a_name(theirs)) or (_pronoun(theirs) and _a_name(mine))


@cache
def _spelling(words: str) -> str:
    """Letters only, lower case, British spellings made American ("metres" -> "meters", "neighbour")."""
    letters = re.sub(r"[^a-z]", "", words.lower())
    for british, american in _SPELLINGS:
        letters = british.sub(american, letters)
    return letters


def _function_words_only(words: str) -> bool:
    """Only stop words, and none of them a reporting verb ("had been", "the"; not "Says")."""
    stopwords, verbs = name_lexicon().stopwords, reporting_verbs().by_form
    return all(
        (_stem(w) in stopwords or w.lower() in stopwords) and w.lower() not in verbs for w in words.split()
    )


def _pronoun(words: str) -> bool:
    return words.lower() in _PRONOUNS


def _a_name(words: str) -> bool:
    """Capitalised words only ("Deng", "Sudan's", "Taban Deng")."""
    return bool(words) and all(w[:1].isupper() for w in words.split())


def _mirror(tag: str) -> str:
    return {"insert": "delete", "delete": "insert"}.get(tag, tag)


def _side(p: _Passage, i: int, j: int) -> _Side:
    if i >= j:
        return _Side(p.view, 0, 0, "")
    start, end = p.tokens[i].start, p.tokens[j - 1].end
    return _Side(p.view, start, end, p.view.article.text[start:end])
