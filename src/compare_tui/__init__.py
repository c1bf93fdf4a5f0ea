"""compare-tui: compare how several outlets covered the same event."""

__version__ = "0.1.0"
