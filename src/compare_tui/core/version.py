"""The package version, in the core so that reports and the fetcher's user agent name it without importing
the package's top level; `compare_tui.__version__` and the build read it from here."""

__version__ = "0.1.0"
