"""The highlight categories of the app: one per finding type, each with a component class and a toggle key.

Names and letters come from the reports (`FINDING_STYLES`) so the app, its screenshots and the reports
speak the same language; the letter is drawn beside each highlighted line, so highlights survive a grey
printout and do not depend on colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from compare_tui.core.models import FINDING_TYPES, FindingType
from compare_tui.core.report_view import FINDING_STYLES


@dataclass(frozen=True, slots=True)
class Highlight:
    """How one finding type is drawn and toggled."""

    type: FindingType
    label: str
    letter: str
    component: str
    toggle_key: str


_TOGGLE_KEYS: dict[FindingType, str] = {
    "editorial_aside": "E",
    "loaded_language": "L",
    "scare_quote": "Q",
    "attribution": "A",
    "omitted_fact": "F",
    "unique_passage": "U",
    "wording": "W",
}

HIGHLIGHTS: tuple[Highlight, ...] = tuple(
    Highlight(
        type=t,
        label=FINDING_STYLES[t].label,
        letter=FINDING_STYLES[t].letter,
        component="hl--" + t.replace("_", "-"),
        toggle_key=_TOGGLE_KEYS[t],
    )
    for t in FINDING_TYPES
)
HIGHLIGHT_BY_TYPE: dict[FindingType, Highlight] = {h.type: h for h in HIGHLIGHTS}
COMPONENT_CLASSES: frozenset[str] = frozenset(h.component for h in HIGHLIGHTS)
