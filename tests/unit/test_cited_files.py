"""Docstrings and comments cite only files the repository holds (a design note cited but not here sends a
reader nowhere). A citation is a name ending in .md, .py, .css or .tcss; it may be a path or, for a module
beside the citing one, a bare file name. (The benchmarks also name the shared evaluation files they read from
a folder given on their command line; those are inputs, not citations.)"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCES = sorted(p for folder in ("src", "tests") for p in (REPO / folder).rglob("*.py"))
FILES = {
    p.relative_to(REPO).as_posix()
    for p in REPO.rglob("*")
    if p.is_file() and not {".venv", ".git"} & set(p.parts)
}
_CITATION = re.compile(r"(?<![\w/.:-])((?:[\w.-]+/)*[\w-]+\.(?:md|py|css|tcss))(?![\w/])")


def _prose(source: str) -> list[str]:
    """The docstrings and comments of a module."""
    texts = [
        doc
        for node in ast.walk(ast.parse(source))
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and (doc := ast.get_docstring(node))
    ]
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return texts + [t.string for t in tokens if t.type == tokenize.COMMENT]


def _cited(text: str) -> list[str]:
    return _CITATION.findall(text)


def _exists(name: str) -> bool:
    return any(f == name or f.endswith("/" + name) for f in FILES)


def test_the_check_finds_citations() -> None:
    assert _cited("see design.md, `core/report.css` and similarity.py.") == [
        "design.md",
        "core/report.css",
        "similarity.py",
    ]
    assert _cited("https://example.org/page.md") == []
    assert _exists("docs/report-schema.md") and _exists("similarity.py") and not _exists("design.md")


def test_docstrings_and_comments_cite_only_files_that_exist() -> None:
    missing = [
        f"{path.relative_to(REPO)}: {name}"
        for path in SOURCES
        for text in _prose(path.read_text(encoding="utf-8"))
        for name in _cited(text)
        if not _exists(name)
    ]
    assert missing == []
