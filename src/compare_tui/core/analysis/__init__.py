"""Framing analysis: what an editor cannot see at a glance, as findings with spans and evidence.

`analyse` runs every analyser over segmented articles and their alignment rows and returns the findings
in a deterministic order (article, start, type) numbered "f0", "f1", ...; `fact_ledger` gives the omission
ledger (facts x articles) the UI shows beside them.

The analysers are imported on first use: the app and the reports need only `diffs` (for a row's word
changes), not the whole analysis.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "analyse": "compare_tui.core.analysis.run",
    "fact_ledger": "compare_tui.core.analysis.facts",
    "FactEntry": "compare_tui.core.analysis.facts",
    "FactMention": "compare_tui.core.analysis.facts",
}

__all__ = [*_EXPORTS]  # noqa: PLE0604 (the keys of _EXPORTS are strings)


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
