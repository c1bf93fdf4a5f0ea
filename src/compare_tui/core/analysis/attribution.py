"""Who is quoted or reported, and with which verb: "Witkoff has claimed that", "who said allies had".

Every reporting verb outside quotation marks with a recognisable subject is an attribution: a name (or
several joined by "and"), a pronoun resolved to the nearest person before it, "who" resolved to the names
it follows, a speaker noun ("officials", "allies"), or an inverted subject ("..., said Witkoff"). The quote
it introduces is the one right after it (or in the next segment after "Zelensky said:"), or right before it
("'...,' Witkoff stated"). A quotation with no verb of its own that follows an attribution continues it.

The cross-article part pairs each attribution with the same speaker's attribution in every other article
that reports the same statement (the same quotation, or shared content words), one to one, and says how
each article introduces it: "claimed" where the other says "said". Another statement of the same speaker
is no counterpart, and a passage is "unattributed" only where one of its sentences says the same (its
content words and figures) without naming the speaker.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress
from typing import NamedTuple

from rapidfuzz import fuzz

from compare_tui.core.analysis.context import ArticleView, join_labels, name_some
from compare_tui.core.analysis.diffs import word_changes
from compare_tui.core.analysis.names import NameIndex, NameMention
from compare_tui.core.analysis.quotes import Quotation
from compare_tui.core.lexicon import ReportingVerbs, name_lexicon, reporting_verbs
from compare_tui.core.models import Finding, Peers, Segment
from compare_tui.core.textnorm import Token

_AUXILIARY_WORDS = (
    "has", "have", "had", "was", "were", "is", "are", "would", "will", "had been", "has since", "also", "later",
    "previously", "repeatedly", "reportedly", "publicly", "once", "again", "then", "already", "recently",
    "earlier", "initially", "first", "further", "now", "himself", "herself", "themselves", "privately",
    "openly", "separately",
)  # fmt: skip
_REVERSED_AUXILIARIES = re.compile(
    r"\s*(?:(?:" + "|".join(w[::-1] for w in _AUXILIARY_WORDS) + r"|yl\w+)\s+)+", re.IGNORECASE
)
"""Auxiliaries and adverbs (any word in "-ly") that end a text, each after spaces ("Witkoff has since
repeatedly"), matched from the end of the reversed text."""


class _Tail(NamedTuple):
    """A pattern that matches at the end of a text, after one of the characters `ends` and spaces."""

    pattern: re.Pattern[str]
    ends: str

    def search(self, text: str) -> re.Match[str] | None:
        """`pattern.search(text)`, searched only where the text ends so (most subjects end in a word): the
        regex engine cannot start from the end, and tries the pattern at every space or comma of the text."""
        if text.rstrip()[-1:] not in self.ends:
            return None
        return self.pattern.search(text)


_INSERTION_TAIL = _Tail(
    re.compile(r"(?:\s+-\s+[^-\n]{1,80}?\s+-|,\s+(?:who|which)\s+[^,\n]{1,80}?,)\s*$"), "-,"
)
_BARE_NAME = re.compile(r"^[\s\"'(]*([A-Z][\w'-]+)$")
_PRONOUN_TAIL = re.compile(r"(?<![\w-])(he|she|they|who)\s*$", re.IGNORECASE)
_REVERSED_WORDS = re.compile(r"[\w'-]+(?:\s+[\w'-]+){0,2}")
_CONTENT_AFTER = re.compile(r"\s*(?:[,:\"'`]|(?:[\w'-]+\s+){0,4}?that\b)")
_CONTENT_LEAD = re.compile(r"\s*(?:that\s+|:\s*|,\s*)?")
_APPOSITIVE_TAIL = _Tail(re.compile(r",\s+[^,\n]{1,90}?,\s*$"), ",")
_OFFICE_OF = re.compile(r"\b([a-z]+)\s+of\s+(?:the\s+)?$")
_OF_ORGANISATION = re.compile(r"\s+(?:of|at|from)\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+)*")
_SPEAKER_AFTER = re.compile(r"\s+(?:the\s+|a\s+)?([\w'-]+(?:\s+[\w'-]+){0,2})")
_PUNCTUATION = re.compile(r"[^\w\s]")
_NONE = "\u2014"
_OPPOSED = frozenset({"deny", "accuse"})
_SHARED = 2  # content words two attributions must share to report one statement (names of the event alone
# are shared by everything said about it: "Sudan")
_FIGURES = re.compile(r"(?<!\w)\d+(?: \d{3})*(?!\w)")
_RESTATED = 0.6  # share of an attribution's content words another article's passage must have to restate it


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed quotation or claim in one article."""

    article: str
    segment: str
    start: int
    end: int
    verb: str
    lemma: str
    verb_class: str
    loaded: bool
    speaker: str
    speaker_keys: tuple[str, ...]
    quote: Quotation | None
    content: str
    words: str  # the content lower-cased without punctuation, for matching across articles
    continues: bool = False  # a quotation with no verb of its own, going on with the attribution before it


class _Speaker(NamedTuple):
    label: str
    keys: tuple[str, ...]
    start: int
    end: int
    named: bool = False


_FEMALE = frozenset(
    [
        "she",
        "her",
        "hers",
        "herself",
        "mrs",
        "ms",
        "miss",
        "madam",
        "mme",
        "lady",
        "dame",
        "woman",
        "mother",
        "wife",
        "daughter",
        "sister",
        "girl",
        "actress",
        "grandmother",
        "aunt",
        "widow",
        "niece",
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "businesswoman",
        "queen",
        "princess",
    ]
)
_MALE = frozenset(
    [
        "he",
        "him",
        "his",
        "himself",
        "mr",
        "sir",
        "mister",
        "man",
        "father",
        "husband",
        "son",
        "brother",
        "boy",
        "actor",
        "grandfather",
        "uncle",
        "widower",
        "nephew",
        "spokesman",
        "chairman",
        "congressman",
        "businessman",
        "king",
        "prince",
    ]
)
_GENDER_WORDS = re.compile(r"[A-Za-z]+")
_TITLE_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Lady|Dame|Madam|Mme|Mister)\.?\s+$")
_APPOSITION = re.compile(r",\s+(?:(?:a|an|the|his|her)\s+)?([^,.;:\n]{1,60})")


def _gender(word: str) -> str | None:
    lower = word.lower()
    return "f" if lower in _FEMALE else "m" if lower in _MALE else None


def person_genders(view: ArticleView, names: NameIndex) -> dict[str, str]:
    """'f' or 'm' for the people of one article whose gender the text makes evident: a title before the
    name ("Mrs Horton"), a gendered noun in an apposition after it ("Horton, a mother of 12,"), or the first
    personal pronoun after it in a sentence that names nobody else ("Ema Suryani ... she said")."""
    text = view.folded
    evidence: dict[str, str] = {}
    for segment in view.segments:
        people = [m for m in names.in_segment(segment.id) if m.kind == "person"]
        for mention in people:
            found = None
            if title := _TITLE_BEFORE.search(text, max(segment.start, mention.start - 12), mention.start):
                found = _gender(title.group(1))
            elif (apposition := _APPOSITION.match(text, mention.end, segment.end)) is not None:
                found = next(filter(None, map(_gender, _GENDER_WORDS.findall(apposition.group(1)))), None)
            if found is None and len({m.key for m in people}) == 1:
                words = _GENDER_WORDS.findall(text, mention.end, segment.end)
                found = next(filter(None, (_gender(w) for w in words if w.lower() in _PRONOUNS)), None)
            if found and mention.key not in evidence:
                evidence[mention.key] = found
    return evidence


_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})


class _PersonTracker:
    """The people named so far (for 'he', 'she') and the last group of speakers (for 'they').

    Who 'he' may be is asked of a few sentences only, while every name is read in passing: the people are
    kept as a log of what was read, and the last six distinct ones are picked from it when asked (`_people`).
    """

    def __init__(self, person_keys: frozenset[str], genders: Mapping[str, str]) -> None:
        self.person_keys = person_keys
        self.genders = genders
        self.read: list[NameMention | _Speaker] = []
        self.group: _Speaker | None = None
        self.before_sentence: tuple[int, _Speaker | None] = (0, None)

    def new_sentence(self) -> None:
        """Remember who 'he' and 'they' were before this sentence's own names are read."""
        self.before_sentence = (len(self.read), self.group)

    def see(self, mention: NameMention) -> None:
        """A name read in passing: a person becomes who 'he' or 'she' may be."""
        if mention.kind == "person" or mention.key in self.person_keys:
            self.read.append(mention)

    def spoke(self, speaker: _Speaker) -> None:
        """A speaker just attributed: one person ('Witkoff', 'our reporter') or a group ('officials')."""
        if len(speaker.keys) > 1 or (not speaker.named and speaker.label.endswith("s")):
            self.group = speaker
        elif speaker.named or speaker.label.split()[-1].lower() in name_lexicon().person_nouns:
            self.read.append(speaker)

    def _people(self, read: int) -> list[_Speaker]:
        """The people among the first `read` entries of the log: the last of each, the last six, in the order
        they were last read (a person read again moves to the end)."""
        people: list[_Speaker] = []
        seen: set[tuple[str, ...]] = set()
        for i in range(read - 1, -1, -1):
            entry = self.read[i]
            if isinstance(entry, _Speaker):
                person = entry
            else:
                person = _Speaker(entry.label, (entry.key,), entry.start, entry.end)
            if person.keys not in seen:
                seen.add(person.keys)
                people.append(person)
                if len(people) == _PEOPLE_KEPT:
                    break
        people.reverse()
        return people

    def resolve(self, pronoun: str, *, trailing: bool = False) -> _Speaker | None:
        """Who 'he', 'she' or 'they' most likely is, if anyone: for 'he' and 'she' the last person named
        whose evident gender matches, else the last whose gender is not evident.

        In a trailing attribution ("… furious with President Bashir, he says") the names before the pronoun
        are what was said, so the pronoun points back past them, to the people of earlier sentences.
        """
        read, group = self.before_sentence if trailing else (len(self.read), self.group)
        if pronoun.lower() == "they":
            return group
        people = self._people(read)
        wanted = _gender(pronoun)
        genders = [self.genders.get(p.keys[0]) if len(p.keys) == 1 else None for p in people]
        for person, gender in zip(reversed(people), reversed(genders)):
            if gender == wanted:
                return person
        return next((p for p, g in zip(reversed(people), reversed(genders)) if g is None), None)


_PEOPLE_KEPT = 6  # the people a pronoun may point back to


def find_attributions(view: ArticleView, names: NameIndex) -> tuple[Attribution, ...]:
    """Every attributed quotation or claim of one article, in reading order."""
    verbs = reporting_verbs()
    text = view.folded
    person_keys = names.person_keys
    tracker = _PersonTracker(person_keys, person_genders(view, names))
    found: list[Attribution] = []
    wanted = _verb_words()
    words = view.words  # the distinct words whose lower case is a verb form, picked in C
    verb_tokens = view.token_indices(compress(words, map(wanted.__contains__, map(str.lower, words))))
    verb_starts = [view.token_starts[i] for i in verb_tokens]
    for index, segment in enumerate(view.segments):
        if segment.kind in ("title", "heading"):
            continue
        mentions = list(names.in_segment(segment.id))
        cursor = 0
        tracker.new_sentence()
        for m in _verb_matches(view, segment, verb_tokens, verb_starts):
            if view.quotes.containing(m.start, m.end):
                continue
            while cursor < len(mentions) and mentions[cursor].end <= m.start:
                tracker.see(mentions[cursor])
                cursor += 1
            verb = verbs.lookup(m.form)
            if verb.lemma == "according to":
                speaker = _according_to(text, m.end, segment.end, mentions)
            else:
                speaker = _subject(text, segment, (m.start, m.end), mentions, tracker)
                if speaker is None and verb.inverts:
                    speaker = _inverted(text, m.end, segment.end, mentions)
            if speaker is None:
                continue
            quote = _quote_after(view, m.end, segment, index) or _quote_before(
                view, min(speaker.start, m.start), segment
            )
            if verb.needs_content and quote is None and not _CONTENT_AFTER.match(text, m.end, segment.end):
                continue  # "photographers snapped her shopping": an action, not a way of saying something
            content = " ".join(
                (
                    text[quote.inner_start : quote.inner_end]
                    if quote
                    else text[_CONTENT_LEAD.match(text, m.end).end() : segment.end]
                ).split()
            )
            found.append(
                Attribution(
                    article=view.id,
                    segment=segment.id,
                    start=min(speaker.start, m.start),
                    end=max(speaker.end, m.end),
                    verb=m.form.lower(),
                    lemma=verb.lemma,
                    verb_class=verb.verb_class,
                    loaded=verb.loaded,
                    speaker=speaker.label,
                    speaker_keys=speaker.keys,
                    quote=quote,
                    content=content,
                    words=_normalise(content),
                )
            )
            tracker.spoke(speaker)
        for mention in mentions[cursor:]:
            tracker.see(mention)
    return tuple(found) + _continuations(view, found)


class _VerbMatch(NamedTuple):
    start: int
    end: int
    form: str


def _verb_matches(
    view: ArticleView, segment: Segment, verb_tokens: Sequence[int], verb_starts: Sequence[int]
) -> list[_VerbMatch]:
    """Reporting verb forms among a segment's words ("according to" takes two words), nouns left out.

    `verb_tokens` holds the indices of the article's tokens that are one of `_verb_words`, in order, and
    `verb_starts` where those tokens start: most sentences hold none, told without finding their tokens.
    """
    first = bisect.bisect_left(verb_starts, segment.start)
    last = bisect.bisect_left(verb_starts, segment.end, first)
    if first == last:  # most sentences: no verb form
        return []
    verbs = reporting_verbs()
    low, high = view.token_range(segment.start, segment.end)
    tokens = view.tokens[low:high]
    out = []
    for i in [at - low for at in verb_tokens[first:last]]:
        token = tokens[i]
        word = token.text.lower()
        if word == "according":
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            if after and after.text.lower() == "to" and not view.folded[token.end : after.start].strip():
                out.append(_VerbMatch(token.start, after.end, view.folded[token.start : after.end]))
        elif word in verbs.by_form and not _not_a_verb(view.folded, tokens, i, verbs):
            out.append(_VerbMatch(token.start, token.end, token.text))
    return out


@cache
def _verb_words() -> frozenset[str]:
    """The words `_verb_matches` looks at: the verb forms, and "according" (of "according to")."""
    return frozenset(reporting_verbs().by_form) | {"according"}


def _not_a_verb(text: str, tokens: Sequence[Token], i: int, verbs: ReportingVerbs) -> bool:
    """A capital inside the sentence ("the United States issued"), or a plural noun ("denied those claims",
    "Blue Nile states.", "claims in a statement")."""
    token = tokens[i]
    if i and token.text[:1].isupper():
        return True
    if token.text.lower() not in verbs.nouns:
        return False
    before = tokens[i - 1].text.lower() if i else ""
    after = text[token.end : token.end + 2].lstrip()[:1]
    following = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
    return before in verbs.noun_before or after in ("", ".", ",", ";", ")") or following in verbs.noun_after


def _subject(
    text: str,
    segment: Segment,
    verb: tuple[int, int],
    mentions: list[NameMention],
    tracker: _PersonTracker,
) -> _Speaker | None:
    before = text[segment.start : verb[0]]
    aux = _REVERSED_AUXILIARIES.match(before[::-1])
    before = before[: len(before) - aux.end()] if aux else before.rstrip()
    if insertion := _INSERTION_TAIL.search(before):  # "Zelensky - who was present - has complained"
        before = before[: insertion.start()]
    if appositive := _APPOSITIVE_TAIL.search(before):  # "Susan Rice, U.S. Ambassador to the UN, said"
        person = [n for n in mentions if n.end == segment.start + appositive.start() and n.kind == "person"]
        if person:
            return _coordinated(text, person[0], mentions)
    tail_end = segment.start + len(before)
    head = text[segment.start : tail_end]
    if not head.strip() or head.rstrip()[-1:] in ",;:\"'":
        return None
    named = [n for n in mentions if n.end == tail_end and n.can_speak]
    if named:
        return (
            _owner(text, named[0], mentions, tracker.person_keys)
            or _office(text, segment.start, named[0])
            or _coordinated(text, named[0], mentions)
        )
    if pronoun := _PRONOUN_TAIL.search(head):
        if pronoun.group(1).lower() == "who":
            antecedent = [n for n in mentions if n.end <= segment.start + pronoun.start() and n.can_speak]
            if antecedent and not text[antecedent[-1].end : segment.start + pronoun.start()].strip(" ,"):
                speaker = _coordinated(text, antecedent[-1], mentions)
                return _Speaker(speaker.label, speaker.keys, segment.start + pronoun.start(), tail_end)
            return None
        # "…, he says." closes the sentence: what came before the comma is what he says.
        trailing = head[: pronoun.start()].rstrip(" \"'").endswith(",") and _closes_clause(
            text, verb[1], segment.end
        )
        if (antecedent := tracker.resolve(pronoun.group(1), trailing=trailing)) is None:
            return None
        return _Speaker(antecedent.label, antecedent.keys, segment.start + pronoun.start(), tail_end)
    if bare := _BARE_NAME.search(head):  # "Zelensky said:" opening a sentence: a name seen nowhere else
        word = bare.group(1)
        if word.lower() not in name_lexicon().not_names and word.lower() not in name_lexicon().stopwords:
            return _Speaker(word, (word.lower(),), segment.start + bare.start(1), tail_end, named=True)
    phrase = _last_words(head)
    if phrase and phrase.split()[-1].lower() in name_lexicon().person_nouns:
        words = phrase.split()
        while len(words) > 1 and words[0].lower() in name_lexicon().stopwords:
            words = words[1:]
        label = " ".join(words)
        start = tail_end - len(label)
        return _Speaker(label, (label.lower(),), start, tail_end)
    return None


def _last_words(text: str) -> str | None:
    """The last one to three words of a text ending in a word ("the US officials"), trailing spaces aside.

    Matched on the reversed text: a `$`-anchored search from the front backtracks through every word.
    """
    tail = text.rstrip()
    words = _REVERSED_WORDS.match(tail[::-1])
    return tail[len(tail) - words.end() :] if words else None


def _coordinated(text: str, last: NameMention, mentions: list[NameMention]) -> _Speaker:
    """'Steve Witkoff and Jared Kushner': all names joined by 'and' or commas before the last one."""
    group = [last]
    for mention in reversed([n for n in mentions if n.end <= last.start]):
        if text[mention.end : group[0].start].strip() in ("and", ",", ", and") and mention.can_speak:
            group.insert(0, mention)
        else:
            break
    label = text[group[0].start : last.end]
    return _Speaker(label, tuple(n.key for n in group), group[0].start, last.end, named=True)


def _inverted(text: str, verb_end: int, limit: int, mentions: list[NameMention]) -> _Speaker | None:
    """'..., said Witkoff.' / '..., said the official.' / '..., said UNHCR spokesman Adrian Edwards.'

    The speaker must close the clause: in "said the Sudan government lied", Sudan is what is talked about.
    """
    after = _SPEAKER_AFTER.match(text, verb_end, limit)
    if not after:
        return None
    following = [m for m in mentions if m.start >= after.start(1)]
    if following and following[0].start == after.start(1) and following[0].can_speak:
        speaker = following[0]
        if (
            len(following) > 1
            and following[1].kind == "person"
            and _only_titles(text, speaker.end, following[1].start)
        ):
            speaker = following[
                1
            ]  # "said UNHCR spokesman Adrian Edwards", "Enough Project Co-Founder John ..."
        if _closes_clause(text, speaker.end, limit):
            return _coordinated(text, speaker, mentions)
    words = after.group(1).split()
    if words[0].lower() in name_lexicon().stopwords or after.start() != verb_end:  # "said that 12 people"
        return None
    for size in range(len(words), 0, -1):  # "a Sudanese government spokesman", not "... government"
        if words[size - 1].lower() not in name_lexicon().person_nouns:
            continue
        label = " ".join(words[:size])
        end = after.start(1) + len(label)
        named = [m for m in mentions if m.kind == "person" and text[end : m.start] == ", "]
        if named and _closes_clause(text, named[0].end, limit):  # "said a spokesman, Rabie A. Atti."
            return _coordinated(text, named[0], mentions)
        if _closes_clause(text, end, limit):
            return _Speaker(label, (label.lower(),), after.start(1), end)
    return None


def _only_titles(text: str, start: int, end: int) -> bool:
    """Whether only titles or speaker nouns stand between two positions ("spokesman", "Co-Founder")."""
    lexicon = name_lexicon()
    words = text[start:end].lower().split()
    return bool(words) and all(w in lexicon.titles or w in lexicon.person_nouns for w in words)


def _closes_clause(text: str, position: int, limit: int) -> bool:
    """Whether a clause ends at a position: punctuation, a bracket or the end of the segment follows."""
    rest = text[position:limit].lstrip(" ")
    return not rest or rest[0] in ".,;:)(-\"'"


def _owner(
    text: str, mention: NameMention, mentions: list[NameMention], person_keys: frozenset[str]
) -> _Speaker | None:
    """'Isaacs of Samaritan's Purse contends': the person, not the organisation, is the speaker."""
    if mention.kind == "person":
        return None
    for earlier in reversed([m for m in mentions if m.end < mention.start]):
        if (earlier.kind == "person" or earlier.key in person_keys) and _OF_ORGANISATION.fullmatch(
            text, earlier.end, mention.start
        ):
            return _coordinated(text, earlier, mentions)
    return None


def _office(text: str, start: int, mention: NameMention) -> _Speaker | None:
    """'The president of South Sudan said': the office holder speaks, not the country."""
    if mention.kind == "person":
        return None
    office = _office_of(text, start, mention.start)
    if office is None or office.group(1).lower() not in name_lexicon().person_nouns:
        return None
    label = text[office.start(1) : mention.end]
    return _Speaker(label, (label.lower(),), office.start(1), mention.end)


def _office_of(text: str, start: int, end: int) -> re.Match[str] | None:
    """`_OFFICE_OF.search(text, start, end)`, searched only where the text ends in "of" or "the" (the regex
    engine tries it at every word)."""
    if not text[start:end].rstrip().endswith(("of", "the")):
        return None
    return _OFFICE_OF.search(text, start, end)


def _according_to(text: str, start: int, limit: int, mentions: list[NameMention]) -> _Speaker | None:
    end = start
    while end < limit and text[end] not in ",:;.\n":
        end += 1
    phrase = text[start:end].strip()
    if not phrase:
        return None
    first = start + (len(text[start:end]) - len(text[start:end].lstrip()))
    inside = [n for n in mentions if first <= n.start and n.end <= end and n.can_speak]
    keys = tuple(n.key for n in inside) or (phrase.lower(),)
    return _Speaker(phrase, keys, first, first + len(phrase))


def _quote_after(view: ArticleView, verb_end: int, segment: Segment, index: int) -> Quotation | None:
    text = view.folded
    for q in view.quotes.overlapping(verb_end, min(segment.end, verb_end + 60)):
        if q.start >= verb_end and len(text[verb_end : q.start].split()) <= 4:
            return q
    if text[verb_end : segment.end].strip() in (":", ",", "") and index + 1 < len(view.segments):
        following = view.segments[index + 1]
        for q in view.quotes.overlapping(following.start, following.start + 3):
            if q.start >= following.start:
                return q
    return None


def _quote_before(view: ArticleView, start: int, segment: Segment) -> Quotation | None:
    """The quotation ending just before the speaker: '"…," Mr Deng said' (only titles may stand between)."""
    lower = max(0, start - 24)
    titles = name_lexicon().titles
    for q in view.quotes.overlapping(lower, start):
        gap = view.folded[q.end : start].strip(" ,.-")
        if q.end <= start and all(w.lower() in titles for w in gap.split()):
            return q
    return None


def _continuations(view: ArticleView, found: list[Attribution]) -> tuple[Attribution, ...]:
    """Quotations without a verb of their own that follow an attribution: the same speaker goes on."""
    claimed = {a.quote.start for a in found if a.quote}
    out = []
    for q in view.quotes.quotations:
        inner = view.folded[q.inner_start : q.inner_end]
        if q.start in claimed or len(inner.split()) < 6 or view.quotes.containing(q.start, q.end) != q:
            continue
        segment = view.segment_at(q.start)
        previous = [a for a in found if a.start < q.start and not a.continues]
        if segment is None or not previous:
            continue
        last = previous[-1]
        positions = [s.id for s in view.segments]
        if positions.index(segment.id) - positions.index(last.segment) > 2:
            continue
        content = " ".join(inner.split())
        out.append(
            Attribution(
                article=view.id,
                segment=segment.id,
                start=q.start,
                end=q.end,
                verb=last.verb,
                lemma=last.lemma,
                verb_class=last.verb_class,
                loaded=last.loaded,
                speaker=last.speaker,
                speaker_keys=last.speaker_keys,
                quote=q,
                content=content,
                words=_normalise(content),
                continues=True,
            )
        )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Score:
    """How likely two attributions in two articles report the same thing, and what tells."""

    matched_by: str
    value: float


@dataclass(frozen=True, slots=True)
class _Counterpart:
    attribution: Attribution
    matched_by: str


def _normalise(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", text.lower()).split())


class _Wording:
    """How alike two attributed texts are; each pair of texts is compared once (wire copy repeats itself)."""

    def __init__(self) -> None:
        self._same_quotation: dict[tuple[str, str], bool] = {}
        self._overlap: dict[tuple[str, str], float] = {}

    def same_quotation(self, a: str, b: str) -> bool:
        """Whether two quotations are the same, give or take a few characters."""
        if (a, b) not in self._same_quotation:
            self._same_quotation[(a, b)] = fuzz.ratio(a, b, score_cutoff=85) >= 85
        return self._same_quotation[(a, b)]

    def overlap(self, a: str, b: str) -> float:
        """The share of wording two texts have in common (rapidfuzz token set ratio, 0..1)."""
        if (a, b) not in self._overlap:
            self._overlap[(a, b)] = fuzz.token_set_ratio(a, b) / 100
        return self._overlap[(a, b)]


@dataclass(frozen=True, slots=True)
class _Context:
    """What scoring a pair of attributions needs besides the pair."""

    rows: Mapping[str, str | None]
    lengths: Mapping[str, int]
    wording: _Wording


def _content_words(words: str) -> set[str]:
    """The content words of normalised text: no stopwords, none of two letters or fewer."""
    stopwords = name_lexicon().stopwords
    return {w for w in words.split() if w not in stopwords and len(w) > 2}


@lru_cache(maxsize=4096)
def _content(words: str) -> frozenset[str]:
    """The content words of an attributed text, by their first five letters ("guarantee", "guarantees")."""
    return frozenset(w[:5] for w in _content_words(words))


def _pair_score(event: Attribution, other: Attribution, context: _Context) -> _Score | None:
    """How likely two attributions of the same speaker in two articles report the same thing (symmetric);
    None if they cannot: another statement of the same speaker.

    A shared quotation decides. Otherwise they must share two content words (two quotations in one alignment
    row need none: "largely finished" and "significant progress"), and not be a denial and an accusation;
    then the wording of what is attributed, a shared alignment row, and a small preference for the same
    relative place in the article (both leads, both closing lines) score them.
    """
    if not set(event.speaker_keys) & set(other.speaker_keys):
        return None
    if event.quote and other.quote and context.wording.same_quotation(event.words, other.words):
        return _Score("quotation", 3.0)
    if {event.lemma, other.lemma} == _OPPOSED:  # a denial and an accusation are two statements
        return None
    lengths, rows = context.lengths, context.rows
    same_row = rows.get(event.segment) is not None and rows.get(event.segment) == rows.get(other.segment)
    shared = len(_content(event.words) & _content(other.words))
    if not (shared >= _SHARED or (same_row and event.quote and other.quote)):
        return None  # another statement of the same speaker
    score = context.wording.overlap(event.words, other.words)
    place = abs(event.start / lengths[event.article] - other.start / lengths[other.article])
    score += 0.2 * (1 - min(1.0, place))
    score += 0.15 * (not event.continues) * (not other.continues)
    return _Score("row" if same_row else "speaker", score + 0.3 * same_row)


@dataclass(frozen=True, slots=True)
class _ArticleEvents:
    """One article's attributions, indexed by speaker; equal attributions share their first position."""

    events: tuple[Attribution, ...]
    first: tuple[int, ...]
    by_speaker: Mapping[str, tuple[int, ...]]
    speakers: frozenset[str]

    @classmethod
    def build(cls, events: Sequence[Attribution]) -> _ArticleEvents:
        """Index an article's attributions."""
        first: dict[Attribution, int] = {}
        first_of: list[int] = []  # each attribution hashed once: a hash reads all its fields
        by_speaker: dict[str, list[int]] = defaultdict(list)
        for j, event in enumerate(events):
            first_of.append(first.setdefault(event, j))
            for key in set(event.speaker_keys):
                by_speaker[key].append(j)
        return cls(
            tuple(events),
            tuple(first_of),
            {k: tuple(v) for k, v in by_speaker.items()},
            frozenset(by_speaker),
        )

    def sharing_speaker(self, event: Attribution) -> list[int]:
        """Positions of the attributions with a speaker in common with `event`, in order."""
        if len(event.speaker_keys) == 1:
            return list(self.by_speaker.get(event.speaker_keys[0], ()))
        return sorted({j for k in event.speaker_keys for j in self.by_speaker.get(k, ())})


def _pair_scores(
    mine: _ArticleEvents, theirs: _ArticleEvents, context: _Context
) -> dict[tuple[int, int], _Score]:
    """Scores of the pairs (i in mine, j in theirs) with a speaker in common."""
    return {
        (i, j): score
        for i, event in enumerate(mine.events)
        for j in theirs.sharing_speaker(event)
        if (score := _pair_score(event, theirs.events[j], context)) is not None
    }


def _pair_articles(
    mine: _ArticleEvents, theirs: _ArticleEvents, scores: dict[tuple[int, int], _Score]
) -> dict[int, _Counterpart]:
    """Each attribution's counterpart in another article, by first position: best pairs first, one to one.

    Attributions left over have none: another statement by the same speaker is no counterpart (pairing it
    compared the verbs of two different statements, most of the wrong findings).
    """
    scored = sorted(scores.items(), key=lambda item: (-item[1].value, item[0]))
    out: dict[int, _Counterpart] = {}
    used: set[int] = set()
    for (i, j), score in scored:
        if mine.first[i] not in out and j not in used:
            out[mine.first[i]] = _Counterpart(theirs.events[j], score.matched_by)
            used.add(j)
    return out


def _verb_label(event: Attribution) -> str:
    return event.verb or _NONE


def attribution_findings(
    views: Sequence[ArticleView], attributions: dict[str, tuple[Attribution, ...]]
) -> list[Finding]:
    """A finding per attribution where the articles differ: another verb for the same speaker, the same
    quotation given to another speaker, or the passage reported without attribution."""
    rows: dict[str, str | None] = {}
    for view in views:
        for segment in view.segments:
            rows[segment.id] = view.row_of_segment.get(segment.id)
    context = _Context(rows, {view.id: max(1, len(view.folded)) for view in views}, _Wording())
    articles = {view.id: _ArticleEvents.build(attributions.get(view.id, ())) for view in views}
    ids = list(articles)
    pairs = _ArticlePairs(articles, context)
    speakers_in = {a: events.speakers for a, events in articles.items()}
    labels = {view.id: view.label for view in views}
    unattributed, passages = _unattributed_in(views, attributions)
    findings = []
    for view in views:
        mine = articles[view.id]
        for event, first in zip(mine.events, mine.first):
            if event.continues:  # its speaker and verb are those of the attribution it goes on with
                continue
            others = pairs.sharing(view.id, event)  # the articles that may hold a counterpart
            silent = [
                a
                for a in unattributed.get(event.segment, ())
                if a != view.id and (a not in others or first not in pairs.counterparts(view.id, a))
            ]
            row = rows.get(event.segment)
            speakers = _other_speakers(event, attributions, context.wording)
            restating = tuple(a for a in silent if _unattributed(event, passages[(a, row)]))
            if not (speakers or restating or pairs.other_verb(view.id, event)):
                continue  # no difference, whichever counterparts the pairing would choose
            counterparts = {
                other: paired[first]
                for other in others
                if first in (paired := pairs.counterparts(view.id, other))
            }
            differences = _Differences(
                verb=any(c.attribution.lemma != event.lemma for c in counterparts.values()),
                speakers=speakers,
                unattributed=restating,
            )
            if differences.verb or differences.speakers or differences.unattributed:
                findings.append(_finding(view, event, counterparts, differences, ids, speakers_in, labels))
    return findings


class _ArticlePairs:
    """Counterparts of attributions between two articles, paired only when a finding may need them.

    Pairing every two articles that share a speaker grows with the square of the articles (2,000 short
    reports all quoting 'officials'); an index by speaker says which articles a pairing could involve and
    whether any of them uses another verb, so that most pairings are never made.
    """

    def __init__(self, articles: Mapping[str, _ArticleEvents], context: _Context) -> None:
        self._articles = articles
        self._context = context
        self._order = {a: n for n, a in enumerate(articles)}
        self._with_speaker: dict[str, set[str]] = defaultdict(set)
        self._lemmas: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for article, events in articles.items():
            for event in events.events:
                for key in set(event.speaker_keys):
                    self._with_speaker[key].add(article)
                    self._lemmas[key][event.lemma].add(article)
        self._paired: dict[tuple[str, str], dict[int, _Counterpart]] = {}

    def sharing(self, article: str, event: Attribution) -> list[str]:
        """The other articles with an attribution that shares a speaker with `event` (the only ones that may
        hold its counterpart), in article order."""
        found = set().union(*(self._with_speaker.get(key, ()) for key in event.speaker_keys))
        found.discard(article)
        return sorted(found, key=self._order.__getitem__)

    def other_verb(self, article: str, event: Attribution) -> bool:
        """Whether another article gives one of `event`'s speakers another verb (a counterpart may differ)."""
        return any(
            not articles <= {article}
            for key in event.speaker_keys
            for lemma, articles in self._lemmas.get(key, {}).items()
            if lemma != event.lemma
        )

    def counterparts(self, mine: str, theirs: str) -> dict[int, _Counterpart]:
        """The attributions of `mine` (by first position) that have a counterpart in `theirs`, and it."""
        if (mine, theirs) not in self._paired:
            # Scores are symmetric: each pair of articles is scored once, in article order.
            a, b = sorted((mine, theirs), key=self._order.__getitem__)
            scores = _pair_scores(self._articles[a], self._articles[b], self._context)
            self._paired[(a, b)] = _pair_articles(self._articles[a], self._articles[b], scores)
            mirrored = {(j, i): score for (i, j), score in scores.items()}
            self._paired[(b, a)] = _pair_articles(self._articles[b], self._articles[a], mirrored)
        return self._paired[(mine, theirs)]


@dataclass(frozen=True, slots=True)
class _Differences:
    """How the other articles report what one attribution reports, where they differ from it."""

    verb: bool  # a counterpart introduces the same speaker with another verb
    speakers: Mapping[str, str]  # article -> the other speaker it gives the same quotation to
    unattributed: tuple[str, ...]  # articles whose passage in the same row attributes nothing


def _unattributed_in(
    views: Sequence[ArticleView], attributions: Mapping[str, tuple[Attribution, ...]]
) -> tuple[dict[str, tuple[str, ...]], _SilentPassages]:
    """For each segment, the other articles whose passages in its alignment row attribute nothing, and
    the words of those passages' sentences by (article, row) (one entry per passage, however big the row)."""
    members: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    texts: dict[str, str] = {}
    for view in views:
        for segment in view.segments:
            if (row := view.row_of_segment.get(segment.id)) is not None and view.reports(segment):
                members[row][view.id].append(segment.id)
                texts[segment.id] = view.folded[segment.start : segment.end]
    attributing = {a.segment for events in attributions.values() for a in events}
    silent_in: dict[str, tuple[str, ...]] = {}
    for articles in members.values():
        silent = tuple(a for a, segments in articles.items() if attributing.isdisjoint(segments))
        for segment_ids in articles.values():
            for sid in segment_ids:
                silent_in[sid] = silent
    return silent_in, _SilentPassages(members, texts)


class _SilentPassages:
    """The normalised sentences of a passage by (article, row), made when first asked for: only the rows
    that hold an attribution ever are."""

    def __init__(self, members: Mapping[str, Mapping[str, list[str]]], texts: Mapping[str, str]) -> None:
        self._members = members
        self._texts = texts
        self._made: dict[tuple[str, str | None], tuple[str, ...]] = {}

    def __getitem__(self, key: tuple[str, str | None]) -> tuple[str, ...]:
        if key not in self._made:
            article, row = key
            self._made[key] = tuple(_normalise(self._texts[s]) for s in self._members[row][article])
        return self._made[key]


def _unattributed(event: Attribution, sentences: Sequence[str]) -> bool:
    """Whether one sentence of a passage says what an attribution reports without naming its speaker: most
    of its content words and all its figures are there, and the speaker is not ("the Reuters correspondent
    heard", "witnesses at the camp" attribute what they say without a reporting verb). One sentence, not the
    whole row: a long row holds most words of anything said in it."""
    content = _content_words(event.words)
    figures = _figures(event.words)
    speaker = _content_words(_normalise(event.speaker))
    if len(content) < 3:
        return False
    for sentence in sentences:
        words = set(sentence.split())
        if (
            len(content & words) >= _RESTATED * len(content)
            and figures <= _figures(sentence)
            and speaker.isdisjoint(words)
        ):
            return True
    return False


def _figures(words: str) -> set[str]:
    """The figures of normalised words, thousands joined again ("15 000" → "15000")."""
    return {m.replace(" ", "") for m in _FIGURES.findall(words)}


def _other_speakers(
    event: Attribution, attributions: Mapping[str, tuple[Attribution, ...]], wording: _Wording
) -> dict[str, str]:
    """Articles that give the same quotation (four words or more) to a different speaker."""
    if event.quote is None or len(event.words.split()) < 4:
        return {}
    out: dict[str, str] = {}
    for article, events in attributions.items():
        if article == event.article:
            continue
        same = [a for a in events if a.quote is not None and wording.same_quotation(event.words, a.words)]
        if same and all(set(a.speaker_keys).isdisjoint(event.speaker_keys) for a in same):
            out[article] = same[0].speaker
    return out


def _finding(
    view: ArticleView,
    event: Attribution,
    counterparts: dict[str, _Counterpart],
    differences: _Differences,
    ids: Sequence[str],
    speakers_in: Mapping[str, frozenset[str]],
    labels: Mapping[str, str],
) -> Finding:
    verbs = {view.id: _verb_label(event)} | {a: _verb_label(c.attribution) for a, c in counterparts.items()}
    classes = {view.id: event.verb_class} | {a: c.attribution.verb_class for a, c in counterparts.items()}
    me = labels[view.id]
    if differences.verb:
        parts = [_verb_comparison(me, event, counterparts, labels)]
    else:
        parts = [
            f"{me} attributes this to {event.speaker} with '{event.verb}' ({event.verb_class} reporting verb)"
        ]
    by_speaker: dict[str, list[str]] = defaultdict(list)
    for article, speaker in differences.speakers.items():
        by_speaker[speaker].append(labels[article])
    parts += [
        f"{join_labels(who)} {'gives' if len(who) == 1 else 'give'} the same quotation to {speaker}"
        for speaker, who in by_speaker.items()
    ]
    if differences.unattributed:
        silent = [labels[a] for a in differences.unattributed]
        parts.append(
            f"{name_some(differences.unattributed, labels)} {'reports' if len(silent) == 1 else 'report'} "
            "this passage without attributing it"
        )
    loaded_contrast = len(set(classes.values())) > 1 and any(
        c in ("assertive", "factive", "emotive") for c in classes.values()
    )
    absent = tuple(a for a in ids if a not in verbs and speakers_in[a].isdisjoint(event.speaker_keys))
    quote_diff = _quote_diff(event, counterparts)
    detail: dict[str, object] = {
        "speaker": event.speaker,
        "verbs": verbs,
        "verb_classes": classes,
        "quote": event.content if event.quote else None,
        "matched_by": {a: c.matched_by for a, c in counterparts.items()},
        "differs": [
            kind
            for kind, present in (
                ("verb", differences.verb),
                ("speaker", bool(differences.speakers)),
                ("attributed", bool(differences.unattributed)),
            )
            if present
        ],
        "other_speakers": dict(differences.speakers),
        "unattributed_in": list(differences.unattributed),
    }
    if quote_diff:
        detail["quote_diff"] = quote_diff
    return view.finding(
        "attribution",
        event.start,
        event.end,
        "; ".join(parts),
        category=event.verb_class,
        confidence=0.9 if loaded_contrast or differences.speakers else 0.7 if differences.verb else 0.6,
        peers=Peers(present=tuple(verbs), absent=absent),
        key="speaker:" + "+".join(event.speaker_keys),
        detail=detail,
    )


def _verb_comparison(
    me: str, event: Attribution, counterparts: Mapping[str, _Counterpart], labels: Mapping[str, str]
) -> str:
    """How articles introduce a speaker: "reuters.com says 'said' for Kiir where nytimes.com says 'denied'"."""
    same: list[str] = []
    other_verbs: dict[str, list[str]] = {}
    for article, counterpart in counterparts.items():
        if counterpart.attribution.lemma == event.lemma:
            same.append(labels[article])
        else:
            other_verbs.setdefault(_verb_label(counterpart.attribution), []).append(labels[article])
    text = f"{me} says '{_verb_label(event)}' for {event.speaker}"
    if same:
        text += f", as {'does' if len(same) == 1 else 'do'} {join_labels(same)}"
    if other_verbs:
        text += " where " + ", ".join(
            f"{join_labels(who)} {'says' if len(who) == 1 else 'say'} '{verb}'"
            for verb, who in other_verbs.items()
        )
    return text


def _quote_diff(event: Attribution, counterparts: dict[str, _Counterpart]) -> dict[str, list[dict[str, str]]]:
    """Word differences inside a quotation that two articles give nearly, but not exactly, alike."""
    out: dict[str, list[dict[str, str]]] = {}
    if not event.quote:
        return out
    mine = event.words.split()
    for article, counterpart in counterparts.items():
        if counterpart.matched_by != "quotation":
            continue
        theirs = counterpart.attribution.words.split()
        ops = [
            {
                "this": " ".join(mine[c.src_start : c.src_end]),
                "other": " ".join(theirs[c.dest_start : c.dest_end]),
            }
            for c in word_changes(mine, theirs)
        ]
        if ops:
            out[article] = ops
    return out
