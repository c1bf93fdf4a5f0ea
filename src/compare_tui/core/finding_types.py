"""The finding types, one record each: everything that names, marks or orders a type is derived from here.

The models' list, the reports' legend, letters and highlight classes, the app's highlights, toggle keys,
legend and help come from `FINDING_KINDS`. A new type is its analyser, its id in `FindingType` and one
record below, plus one rule for its class in `core/report.css` and one in `tui/app.tcss` (a test checks
that every type has both). The order of the records is the order of the legends and of findings that start
at the same place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

FindingType = Literal[
    "editorial_aside",
    "loaded_language",
    "scare_quote",
    "attribution",
    "omitted_fact",
    "unique_passage",
    "wording",
    "discrepancy",
]
"""The ids of `FINDING_KINDS`, spelled out for the type checker (a test keeps the two the same)."""


@dataclass(frozen=True, slots=True)
class FindingKind:
    """One finding type: how it is named, and the letter that marks it in print and toggles it in the app."""

    id: FindingType
    label: str
    letter: str
    description: str

    @property
    def report_class(self) -> str:
        """The class of its highlight in the HTML report (a rule in `core/report.css`)."""
        return f"hl-{self.id}"

    @property
    def component(self) -> str:
        """The component class of its highlight in the app (a rule in `tui/app.tcss`)."""
        return "hl--" + self.id.replace("_", "-")


FINDING_KINDS: tuple[FindingKind, ...] = (
    FindingKind(
        "editorial_aside", "Editorial aside", "E", "the writer comments or speculates instead of reporting"
    ),
    FindingKind(
        "loaded_language", "Loaded language", "L", "an evaluative or emotionally charged word or phrase"
    ),
    FindingKind("scare_quote", "Scare quote", "Q", "quotation marks that distance the writer from a word"),
    FindingKind(
        "attribution", "Attribution", "A", "how a quote or claim is attributed, compared across articles"
    ),
    FindingKind("omitted_fact", "Omitted fact", "F", "a fact this article has and others lack"),
    FindingKind("unique_passage", "Unique passage", "U", "a passage with no counterpart in other articles"),
    FindingKind("wording", "Wording", "W", "a word-choice difference between aligned passages"),
    FindingKind(
        "discrepancy",
        "Discrepancy",
        "C",
        "aligned passages state different figures, dates or times for one thing",
    ),
)

FINDING_TYPES: tuple[FindingType, ...] = tuple(kind.id for kind in FINDING_KINDS)
KIND_BY_TYPE: Mapping[FindingType, FindingKind] = {kind.id: kind for kind in FINDING_KINDS}
