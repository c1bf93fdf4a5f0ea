"""Loads the word lists in `compare_tui/core/lexicons/` and compiles them once into regular expressions.

The lists are data, written and reviewed as data (each category says what it means); this module only turns
them into patterns. A malformed file is a bug in the package, reported as one line naming the file.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

_PACKAGE = "compare_tui.core.lexicons"
_POSSESSIVE = r"(?:its|their|his|her|our|my|your|the|[\w.-]+'s?)"


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and the reason."""


@dataclass(frozen=True, slots=True)
class CueCategory:
    """One family of cue words: what it means, how it counts, and its compiled pattern."""

    name: str
    meaning: str
    finding: str
    aside_weight: float
    clause_start: bool
    case_sensitive: bool
    terms: tuple[str, ...]
    pattern: re.Pattern[str]
    not_before: frozenset[str] = frozenset()  # next words that undo the cue ("our correspondent")


@dataclass(frozen=True, slots=True)
class ReportingVerb:
    """A reporting verb form's lemma and class ("neutral", "assertive", ...)."""

    lemma: str
    verb_class: str
    loaded: bool
    meaning: str
    inverts: bool = False  # may stand before its speaker: "..., said Witkoff"
    needs_content: bool = False  # reports only with a quotation, "that" or a colon ("snapped a picture")


@dataclass(frozen=True, slots=True)
class ReportingVerbs:
    """Every reporting verb form in one pattern, and what each form is."""

    pattern: re.Pattern[str]
    by_form: Mapping[str, ReportingVerb]
    nouns: frozenset[str]  # forms that are also plural nouns ("claims", "states")
    noun_before: frozenset[str]  # words after which such a form is a noun ("those claims")
    noun_after: frozenset[str]  # words before which it is a noun ("claims in a statement")
    quote_framers: frozenset[str]  # verbs that quote without reporting speech ("what it called")

    def lookup(self, form: str) -> ReportingVerb:
        """The verb a matched form belongs to ("Claimed" -> claim, assertive)."""
        return self.by_form[" ".join(form.lower().split())]


@dataclass(frozen=True, slots=True)
class NameLexicon:
    """Word lists the rule-based name and date extractor needs (all lower case)."""

    titles: frozenset[str]
    aliases: Mapping[str, str]
    org_words: frozenset[str]
    place_words: frozenset[str]
    place_prefixes: frozenset[str]
    possessive_in_names: frozenset[str]
    spellings: Mapping[str, str]
    not_names: frozenset[str]
    connectors: frozenset[str]
    person_nouns: frozenset[str]
    weekdays: tuple[str, ...]
    weekday_abbreviations: tuple[str, ...]
    months: tuple[str, ...]
    publication_words: frozenset[str]
    number_words: tuple[str, ...]
    unit_modifiers: frozenset[str]
    irregular_plurals: frozenset[str]
    stopwords: frozenset[str]


def _read_toml(name: str) -> dict[str, Any]:
    try:
        text = resources.files(_PACKAGE).joinpath(name).read_text("utf-8")
        return tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"lexicons/{name}: cannot be read ({exc})") from None


def _table(data: Mapping[str, Any], key: str, *, file: str) -> Mapping[str, Any]:
    table = data.get(key)
    if not isinstance(table, Mapping) or not isinstance(table.get("terms", table.get("verbs")), list):
        raise LexiconError(f"lexicons/{file}: table [{key}] needs a list of terms")
    return table


def term_pattern(term: str) -> str:
    """Regex source for one lexicon term: words joined by whitespace, '*' = any ending, {poss} = possessive."""
    parts = []
    for word in term.split():
        if word == "{poss}":
            parts.append(_POSSESSIVE)
        else:
            parts.append(r"[\w'-]*".join(re.escape(piece) for piece in word.split("*")))
    return r"\s+".join(parts)


def compile_terms(terms: list[str], *, case_sensitive: bool = False) -> re.Pattern[str]:
    """One pattern matching any of the terms as whole words, longest first."""
    ordered = sorted({t.strip() for t in terms if t.strip()}, key=lambda t: (-len(t), t))
    body = _by_first_letter([term_pattern(t) for t in ordered], case_sensitive=case_sensitive) or r"(?!x)x"
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


def _by_first_letter(sources: list[str], *, case_sensitive: bool) -> str:
    """The alternation of term sources, those with one first letter grouped ("s(?:aid|ays)|c(?:laimed)").

    It matches what the flat alternation matches, in the same order: a character starts the terms of one
    group at most, and a group keeps its terms' order. The regex engine then tries one group at a word start
    instead of every term (241 reporting verb forms), five times faster. Sources that do not all open with
    an ASCII letter stay flat.
    """
    if not all(s[:1].isascii() and s[:1].isalpha() for s in sources):
        return "|".join(sources)
    groups: dict[str, list[str]] = {}
    for source in sources:
        groups.setdefault(source[0] if case_sensitive else source[0].lower(), []).append(source[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


@cache
def cue_categories() -> tuple[CueCategory, ...]:
    """All cue families of cues.toml (Recasens et al. 2013 families) and stance.toml (aside cues)."""
    out = []
    for file in ("cues.toml", "stance.toml"):
        data = _read_toml(file)
        for name in data:
            table = _table(data, name, file=file)
            finding = str(table.get("finding", ""))
            if finding not in ("", "loaded_language"):
                raise LexiconError(f"lexicons/{file}: [{name}] finding must be 'loaded_language' or ''")
            out.append(
                CueCategory(
                    name=name,
                    meaning=str(table.get("meaning", name)),
                    finding=finding,
                    aside_weight=float(table.get("aside_weight", 0.0)),
                    clause_start=table.get("position", "any") == "clause_start",
                    case_sensitive=bool(table.get("case_sensitive")),
                    terms=tuple(str(t) for t in table["terms"]),
                    pattern=compile_terms(table["terms"], case_sensitive=bool(table.get("case_sensitive"))),
                    not_before=frozenset(str(w).lower() for w in table.get("not_before", [])),
                )
            )
    return tuple(out)


@cache
def reporting_verbs() -> ReportingVerbs:
    """The reporting verbs of reporting_verbs.toml, by form."""
    file = "reporting_verbs.toml"
    data = _read_toml(file)
    by_form: dict[str, ReportingVerb] = {}
    nouns: set[str] = set()
    for verb_class in (name for name, value in data.items() if isinstance(value, Mapping)):
        table = _table(data, verb_class, file=file)
        inverting = {str(lemma) for lemma in table.get("inverts", [])}
        forms_here: set[str] = set()
        for entry in table["verbs"]:
            lemma, *forms = entry.split()
            verb = ReportingVerb(
                lemma=lemma.replace("_", " "),
                verb_class=verb_class,
                loaded=bool(table.get("loaded")),
                meaning=str(table.get("meaning", verb_class)),
                inverts=lemma in inverting,
                needs_content=bool(table.get("needs_content")),
            )
            for form in forms:
                by_form[form.replace("_", " ")] = verb
                forms_here.add(form)
        stray = {str(n) for n in table.get("nouns", [])} - forms_here
        if stray:
            raise LexiconError(
                f"lexicons/{file}: [{verb_class}] nouns that are no form of its verbs: {sorted(stray)}"
            )
        nouns |= {str(n) for n in table.get("nouns", [])}
    return ReportingVerbs(
        pattern=compile_terms(list(by_form)),
        by_form=by_form,
        nouns=frozenset(nouns),
        noun_before=frozenset(str(w) for w in data.get("noun_before", [])),
        noun_after=frozenset(str(w) for w in data.get("noun_after", [])),
        quote_framers=frozenset(str(w) for w in data.get("quote_framers", [])),
    )


@cache
def name_lexicon() -> NameLexicon:
    """The lists of names.toml, lower-cased, plus the shared stop words."""
    file = "names.toml"
    data = _read_toml(file)

    def terms(key: str) -> list[str]:
        return [t.lower() for t in _table(data, key, file=file)["terms"]]

    aliases: dict[str, str] = {}
    for line in _table(data, "aliases", file=file)["terms"]:
        canonical, *_ = variants = [v.strip() for v in line.split("|")]
        for variant in variants:
            aliases[variant.lower()] = canonical
    stop_text = resources.files(_PACKAGE).joinpath("stopwords.txt").read_text("utf-8")
    stopwords = frozenset(
        w for line in stop_text.splitlines() if not line.startswith("#") for w in line.split()
    )
    return NameLexicon(
        titles=frozenset(terms("titles")),
        aliases=aliases,
        org_words=frozenset(terms("org_words")),
        place_words=frozenset(terms("place_words")),
        place_prefixes=frozenset(terms("place_prefixes")),
        possessive_in_names=frozenset(terms("possessive_in_names")),
        spellings={v: line.split("|")[-1] for line in terms("spellings") for v in line.split("|")},
        not_names=frozenset(terms("not_names")),
        connectors=frozenset(terms("connectors")),
        person_nouns=frozenset(terms("person_nouns")),
        weekdays=tuple(terms("weekdays")),
        weekday_abbreviations=tuple(terms("weekday_abbreviations")),
        months=tuple(terms("months")),
        publication_words=frozenset(terms("publication_words")),
        number_words=tuple(terms("number_words")),
        unit_modifiers=frozenset(terms("unit_modifiers")),
        irregular_plurals=frozenset(terms("irregular_plurals")),
        stopwords=stopwords,
    )
