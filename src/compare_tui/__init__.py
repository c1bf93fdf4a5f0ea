"""compare-tui: compare how several outlets covered the same event.

The public API is loaded lazily so that `import compare_tui` (and the CLI's start-up) stays cheap:
`compare`, `Comparison`, `load_article` and the model types come from the UI-free core.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from compare_tui.core.version import __version__

_EXPORTS = {
    "compare": "compare_tui.core.pipeline",
    "compare_sources": "compare_tui.core.pipeline",
    "Comparison": "compare_tui.core.comparison",
    "load_article": "compare_tui.core.loading",
    "LoadError": "compare_tui.core.loading",
    "Article": "compare_tui.core.models",
    "Segment": "compare_tui.core.models",
    "Row": "compare_tui.core.models",
    "Finding": "compare_tui.core.models",
    "Settings": "compare_tui.core.settings",
}

__all__ = ["__version__", *_EXPORTS]  # noqa: PLE0604 (the keys of _EXPORTS are strings)


def __getattr__(name: str) -> Any:
    """Import a public name from its core module on first use."""
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'compare_tui' has no attribute {name!r}")
