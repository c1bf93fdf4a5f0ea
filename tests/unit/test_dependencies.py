"""Every module the package imports, also lazily (HTML, URLs, PNG), is declared and importable.

The HTML path imports trafilatura -> jusText -> lxml.html.clean, which since lxml 5.2 lives in the separate
lxml_html_clean project: a fresh install without it could not read any HTML page.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "src" / "compare_tui"


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_normalise(re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0]) for spec in project["dependencies"]}


def _third_party_modules() -> set[str]:
    names: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "compare_tui"}


def test_every_imported_distribution_is_a_declared_dependency() -> None:
    providers = importlib.metadata.packages_distributions()
    declared = _declared()
    for module in sorted(_third_party_modules()):
        dists = {_normalise(d) for d in providers.get(module, [])}
        assert dists & declared, f"{module} is imported but {sorted(dists)} is not in pyproject dependencies"


def test_html_cleaner_that_trafilatura_needs_is_declared() -> None:
    assert "lxml-html-clean" in _declared()


def test_every_module_and_its_lazy_imports_load_in_a_fresh_interpreter() -> None:
    own = sorted(
        "compare_tui." + ".".join(path.relative_to(SOURCE).with_suffix("").parts).removesuffix(".__init__")
        for path in SOURCE.rglob("*.py")
        if path.name != "__main__.py"
    )
    modules = [*sorted(_third_party_modules()), "lxml.html.clean", *(m.rstrip(".") for m in own)]
    code = "import importlib, sys\nfor m in sys.argv[1:]: importlib.import_module(m)"
    done = subprocess.run([sys.executable, "-c", code, *modules], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr.strip().splitlines()[-1:]
