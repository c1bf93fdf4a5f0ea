"""Claim and denial: aligned passages where one outlet reports an act and another reports it denied.

"The army attacked the camp" in one outlet and "the army denied carrying out the strike" in another, or
"X said it was responsible" and "X denied responsibility". A denial is a sentence with a denial cue
("denied", "rejected the claims", "refuted", "dismissed the reports") or a negated verb ("did not", "never")
whose subject names an actor; its act is what follows the cue. A claim is a sentence of another article in
the same alignment row, with no cue at all, that names the same actor before a word of the same act. To keep
precision high:

- acts compare by small families of words written by reading news of attacks and their denials (attacked,
  struck, bombed, raided and shelled are one act; responsible, behind and involvement another); a negated
  verb ("did not attend") compares with its own word only;
- the actor must be named (a pronoun or "we" is nobody) and every name word of it must stand before the act
  word in the claim ("Sudan" matches "Sudanese warplanes bombed", "South Sudan" does not match "Sudan
  bombed"); a spokesman speaks for the actor named before him ("a SAF spokesman": SAF);
- an article that reports the denial anywhere is not flagged for the claim: it reports both, and a denial in
  two articles is no discrepancy; a hedged claim ("could", "whether", "if") is no claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain

from compare_tui.core.analysis.context import ArticleView, trim_span
from compare_tui.core.lexicon import name_lexicon
from compare_tui.core.models import Finding, Peers, Row, Segment
from compare_tui.core.textnorm import occurrences

_CLAIMS = (
    r"\s+(?:the\s+|any\s+|those\s+|these\s+|such\s+)?"
    r"(?:claims?|accusations?|allegations?|reports?|charges?|suggestions?)(?:\s+(?:that|of))?"
)
_DENIAL = re.compile(
    rf"\b(?:den(?:y|ies|ied|ying)|(?:reject|dismiss)(?:s|es|ed|ing)?{_CLAIMS}|refut(?:e|es|ed|ing))\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:did|does|do|was|were|had|has|have|is|are)(?:\s+not|n't)\b|\bnever\b", re.IGNORECASE
)
_W = r"(?<!\w.)"  # after a cue's first letter: no word character before that letter (its "\b")
_NOT = r"(?:\s+not|n't)\b"
_DENIAL_LOWER = re.compile(
    rf"d{_W}(?:en(?:y|ies|ied|ying)|ismiss(?:s|es|ed|ing)?{_CLAIMS})\b"
    rf"|r{_W}(?:eject(?:s|es|ed|ing)?{_CLAIMS}|efut(?:e|es|ed|ing))\b"
)
_NEGATION_LOWER = re.compile(
    rf"d{_W}(?:id|oes|o){_NOT}|w{_W}(?:as|ere){_NOT}|h{_W}(?:ad|as|ave){_NOT}|i{_W}s{_NOT}|a{_W}re{_NOT}"
    rf"|n{_W}ever\b"
)
"""`_DENIAL` and `_NEGATION` for `caseless` text, where their lower-case words match what IGNORECASE matches
in the text, twice as fast. Each branch opens with its first letter and checks the word boundary after it,
so that the regex engine skips ahead to those letters instead of trying every branch at every character."""
_ANY_CUE = re.compile(f"{_DENIAL_LOWER.pattern}|{_NEGATION_LOWER.pattern}")
"""Either cue, for one search of an article (a denial's words and a negation's never overlap)."""
_OPENING_ANCHORS = ("den", "dismiss", "reject", "refut", "never")
"""Every denial cue and "never" start with one of these."""
_AUXILIARY_LENGTHS = (2, 3, 4)
"""The lengths of the words a negation opens with ("do", "did", "does"; "is", "was", "were", "have")."""
_HEDGE = re.compile(
    r"\b(?:could|might|may|would|whether|if|unclear|possible|possibly|suspected)\b|\?", re.IGNORECASE
)
_CLAUSE_START = re.compile(
    r"(?:[,;:\"(]|[.!?]\s|\bthat\b|\band\b|\bbut\b|\bwhile\b|\bwhich\b|\bwho\b)\s*", re.IGNORECASE
)
_VERB_AFTER = re.compile(r"\s+[a-z]")
"""A negated act is the word right after the negation, in lower case: "did not attend"; "never, Tara" and
"than never" name no act."""
_ANY = frozenset({"*"})
"""The acts of a denial that names none ("denied the claims"): it may deny any act the article reported."""
_WORD = re.compile(r"[A-Za-z][\w'-]*")
_ACT_WORDS = 8  # how far after a cue the denied act is looked for, in words
_STEM = 5  # letters of a word that name it: "Sudan" and "Sudanese", "attack" and "attacked"

_FAMILIES: Mapping[str, re.Pattern[str]] = {
    "attack": re.compile(
        r"attack(?:s|ed|ing)?|strik(?:e|es|ing)|struck|bomb(?:s|ed|ing|ings)?|raid(?:s|ed|ing)?"
        r"|shell(?:s|ed|ing)|air-?strikes?|shoot(?:s|ing)?|shot|fired|target(?:s|ed|ing)?|hit|hits|hitting"
    ),
    "responsibility": re.compile(r"responsib\w*|behind|involve(?:d|ment)|role|links?|connection"),
    "kill": re.compile(r"kill(?:s|ed|ing)?|murder(?:s|ed|ing)?"),
}
"""Words that name one act, so that "bombed" and "the strike" compare."""
_SEARCH = {name: re.compile(rf"\b(?:{forms.pattern})\b") for name, forms in _FAMILIES.items()}
_ANY_FAMILY = re.compile("|".join(f"(?P<{name}>{forms.pattern})" for name, forms in _FAMILIES.items()))
"""Every family at once: the group that fully matches a word names its family, tried in the order above."""
_SPEAKERS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "official", "officials",
     "statement", "source", "sources", "representative", "aide", "aides"}
)
"""Words after which a subject names who speaks for the actor, not the actor ("SAF spokesman Saad")."""
_ORG_MODIFIERS = frozenset({"armed", "military", "air", "defence", "defense", "security", "national"})
"""Words that, with an organisation's last word, name a country's institution ("Sudan Armed Forces")."""
_NOBODY = frozenset(
    {"he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "this", "however", "but", "also",
     "has", "have", "had", "was", "were", "is", "are", "the", "a", "an", "both", "all", "its", "their",
     "his", "her", "our", "again", "since", "then", "later", "still"}
)


@dataclass(frozen=True, slots=True)
class _Statement:
    """A sentence's actor and acts, denied or asserted, with where the sentence stands."""

    article: str
    segment: Segment
    actor: frozenset[str]
    acts: frozenset[str]
    denied: bool


def denial_findings(views: Sequence[ArticleView], rows: Sequence[Row]) -> list[Finding]:
    """A finding on both sides wherever a row's passage reports an act that another article's passage
    (in the same row) reports denied, and the claiming article reports no such denial anywhere."""
    by_id = {v.id: v for v in views}
    segments = {s.id: s for v in views for s in v.segments}
    denials_of = {v.id: [d for s in _with_cues(v) for d in _denials(v, s)] for v in views}
    denied = {d.segment.id for statements in denials_of.values() for d in statements if d.acts is not _ANY}
    findings: list[Finding] = []
    for row in rows:
        if denied.isdisjoint(chain.from_iterable(row.segments.values())):
            continue  # most rows: no sentence of theirs denies an act
        present = [a for a in row.article_ids() if a in by_id]
        if len(present) < 2:
            continue
        row_denials = [
            d
            for a in present
            for sid in row.segments[a]
            for d in denials_of[a]
            if d.segment.id == sid and d.acts is not _ANY
        ]
        for denial in row_denials:
            claims = [
                claim
                for a in present
                if a != denial.article and not any(_same(denial, d) for d in denials_of[a])
                for sid in row.segments[a]
                if (claim := _claim(by_id[a], segments[sid], denial)) is not None
            ]
            if claims:
                findings += _findings(row, denial, claims, by_id)
    return _one_per_sentence(findings)


def _with_cues(view: ArticleView) -> list[Segment]:
    """The reporting sentences that hold a denial cue or a negation, found by one search of the article
    (most sentences hold neither)."""
    found: dict[str, Segment] = {}
    for match in _cue_matches(view.caseless):
        segment = view.segment_at(match.start())
        if segment is not None and view.reports(segment):
            found.setdefault(segment.id, segment)
    return sorted(found.values(), key=lambda s: s.start)


def _cue_matches(text: str) -> Iterator[re.Match[str]]:
    """What `_ANY_CUE.finditer(text)` finds (no match is empty), trying the pattern only where one can start.

    Scanning an article, the regex engine tries `_ANY_CUE` at each of its thousands of "a", "d", "i", "n"
    ... : two thirds of the time of `denial_findings`. Every match holds a word that `str.find` finds at
    memory-search speed, at a known distance from its start: it opens with one of `_OPENING_ANCHORS`, or
    it is a negation, whose "n't" follows its first word ("didn't") and whose "not" follows that word and
    the spaces after it ("was not").
    """
    starts = {at for anchor in _OPENING_ANCHORS for at in occurrences(text, anchor)}
    for anchor in ("n't", "not"):
        for word_end in occurrences(text, anchor):
            while anchor == "not" and word_end > 0 and text[word_end - 1].isspace():
                word_end -= 1
            starts.update(word_end - length for length in _AUXILIARY_LENGTHS if word_end >= length)
    end = 0
    for start in sorted(starts):
        if start >= end and (match := _ANY_CUE.match(text, start)) is not None:
            yield match
            end = match.end()


def _denials(view: ArticleView, segment: Segment) -> list[_Statement]:
    """The denials a sentence reports: an actor named before a denial cue or a negated verb, and the act."""
    text = view.folded[segment.start : segment.end]
    lowered = view.caseless[segment.start : segment.end]
    out = []
    for cue, family_only in ((_DENIAL_LOWER, True), (_NEGATION_LOWER, False)):
        for match in cue.finditer(lowered):
            words = _WORD.findall(text[match.end() :])[:_ACT_WORDS]
            verb = _VERB_AFTER.match(text, match.end()) is not None  # "never attended", not "never, Tara"
            acts = frozenset(
                act
                for i, word in enumerate(words)
                if (act := _act(word.lower(), family_only=family_only or i > 0 or not verb)) is not None
            )
            if cue is _DENIAL_LOWER and not acts:  # "denied the claims": some act, said before
                out.append(_Statement(view.id, segment, _actor(text[: match.start()]), _ANY, denied=True))
            elif acts and (actor := _actor(text[: match.start()])):  # most negations name no act: read no actor
                out.append(_Statement(view.id, segment, actor, acts, denied=True))
    return out


def _actor(before: str) -> frozenset[str]:
    """The name words of the subject of a clause ending at a cue ("Sudan's armed forces" → sudan), or its
    nouns if it names nobody ("the army" → army); empty for a pronoun."""
    clause = _CLAUSE_START.split(before)[-1]
    words = [w for w in _WORD.findall(clause) if w.lower().removesuffix("'s") not in _NOBODY]
    for i, word in enumerate(words):
        if word.lower() in _SPEAKERS:
            words = words[:i]
            break
    words = [w for w in words if not w.lower().endswith("ly")]
    if not words:
        return frozenset()
    stop = name_lexicon().stopwords
    named = [w for w in words if w[0].isupper() and w.lower() not in stop]
    chosen = named or [w for w in words if w.lower() not in stop]
    return frozenset(_stem(w) for w in chosen)


def _act(word: str, *, family_only: bool) -> str | None:
    """The act a word names: its family ("bombed" → attack), else, for the verb right after a negation, the
    word itself ("did not attend" → atten)."""
    family = _family(word)
    if family or family_only or word in name_lexicon().stopwords or len(word) < 4:
        return family
    return _stem(word)


def _family(word: str) -> str | None:
    """The family of acts a (lower-case) word names, if any."""
    match = _ANY_FAMILY.fullmatch(word)
    return match.lastgroup if match else None


def _stem(word: str) -> str:
    return word.lower().removesuffix("'s")[:_STEM]


def _same(a: _Statement, b: _Statement) -> bool:
    """Whether a denial may deny the act of another: the same kind of act, whoever denies it (a spokesman
    and an army, "SAF" and "Sudan" are often one actor), or an act named before ("denied the claims")."""
    return b.acts is _ANY or bool(a.acts & b.acts)


def _claim(view: ArticleView, segment: Segment, denial: _Statement) -> _Statement | None:
    """The sentence as a claim of the denied act, if it asserts it: no cue or hedge, the actor named before
    a word of the act."""
    if not view.reports(segment):
        return None
    text = view.folded[segment.start : segment.end]
    lowered = text.lower()
    if not any(
        _SEARCH[act].search(lowered) if act in _SEARCH else act in lowered for act in denial.acts
    ):  # no word of the act: most sentences, found without reading them word by word
        return None
    if _DENIAL.search(text) or _NEGATION.search(text) or _HEDGE.search(text):
        return None
    seen: set[str] = set()
    words = _WORD.findall(text)
    for i, word in enumerate(words):
        low = word.lower()
        stem = _stem(word)
        act = _family(low) or (stem if len(low) >= 4 and word.islower() else None)
        if act in denial.acts and denial.actor <= seen and _names_only(words[:i], denial.actor):
            return _Statement(view.id, segment, denial.actor, frozenset({act}), denied=False)
        seen.add(stem)
    return None


def _names_only(words: Sequence[str], actor: frozenset[str]) -> bool:
    """Whether every capitalised name that holds an actor word names the actor, not a longer name that
    contains it ("South Sudan" is not "Sudan"; "Sudan Armed Forces" is, by words of organisations)."""
    orgs = name_lexicon().org_words
    run: list[str] = []
    for word in [*words, ""]:
        if word[:1].isupper():
            run.append(word)
            continue
        stems = {_stem(w) for w in run}
        if stems & actor and any(
            _stem(w) not in actor and w.lower() not in orgs | _ORG_MODIFIERS | _NOBODY for w in run
        ):
            return False
        run = []
    return True


def _findings(
    row: Row, denial: _Statement, claims: Sequence[_Statement], views: Mapping[str, ArticleView]
) -> list[Finding]:
    """A finding on the denial and on each claim, naming both sentences and outlets."""
    deny_view = views[denial.article]
    claimants = [c.article for c in claims]
    deny_text = _quoted(deny_view, denial.segment)
    said = " and ".join(f"'{_quoted(views[c.article], c.segment)}' in {views[c.article].label}" for c in claims)
    explanation = f"a claim and its denial: {said} vs '{deny_text}' in {deny_view.label}"
    key = f"discrepancy:{row.id}:denial:{'+'.join(sorted(denial.actor))}:{'+'.join(sorted(denial.acts))}"
    values = {denial.article: deny_text, **{c.article: _quoted(views[c.article], c.segment) for c in claims}}
    detail = {"quantity": "claim vs denial", "values": values, "denied_by": [denial.article]}
    out = [
        _on(deny_view, denial.segment, explanation, key, detail, Peers(present=(), absent=tuple(claimants)))
    ]
    for claim in claims:
        others = tuple(c for c in claimants if c != claim.article)
        peers = Peers(present=others, absent=(denial.article,))
        out.append(_on(views[claim.article], claim.segment, explanation, key, detail, peers))
    return out


def _on(
    view: ArticleView, segment: Segment, explanation: str, key: str, detail: Mapping[str, object], peers: Peers
) -> Finding:
    span = trim_span(view.article.text, segment.start, segment.end)
    return view.finding(
        "discrepancy",
        span.start,
        span.end,
        explanation,
        category="claim",
        confidence=0.6,
        peers=peers,
        key=key,
        detail=detail,
    )


def _quoted(view: ArticleView, segment: Segment) -> str:
    """A sentence as an explanation quotes it: its text, shortened past 120 characters."""
    text = " ".join(view.article.text[segment.start : segment.end].split())
    return text if len(text) <= 120 else text[:117].rstrip() + "…"


def _one_per_sentence(findings: list[Finding]) -> list[Finding]:
    """One finding per sentence and row: a sentence that denies (or claims) two acts is flagged once."""
    seen: set[tuple[str, int]] = set()
    out = []
    for finding in findings:
        if (finding.article, finding.start) not in seen:
            seen.add((finding.article, finding.start))
            out.append(finding)
    return out
