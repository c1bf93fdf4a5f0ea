"""The highlight categories of the app: one per finding type (`core/finding_types.py`), drawn with the type's
component class and toggled with its letter.

The letter is the reports' letter too, and it is drawn beside each highlighted line, so the app, its
screenshots and the reports speak the same language and highlights do not depend on colour.
"""

from __future__ import annotations

from collections.abc import Mapping

from compare_tui.core.finding_types import FINDING_KINDS, KIND_BY_TYPE, FindingKind, FindingType

HIGHLIGHTS: tuple[FindingKind, ...] = FINDING_KINDS
HIGHLIGHT_BY_TYPE: Mapping[FindingType, FindingKind] = KIND_BY_TYPE
COMPONENT_CLASSES: frozenset[str] = frozenset(kind.component for kind in FINDING_KINDS)
