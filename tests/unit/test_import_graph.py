"""The package's own import graph, read from the source with `ast` (imports inside functions included): it has
no cycles, the core imports nothing of the package outside `core/`, and the app's modules import only downward
(screens and widgets never reach back up to the modules that compose them)."""

from __future__ import annotations

import ast
from pathlib import Path

import compare_tui

ROOT = Path(compare_tui.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def _imports(module: str) -> set[str]:
    """The package modules `module` imports anywhere in its body (a name imported from a package that is one
    of its modules counts as that module)."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in MODULES)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            for alias in node.names:
                name = f"{base}.{alias.name}"
                if name in MODULES:
                    found.add(name)
                elif base in MODULES:
                    found.add(base)
    return found - {module}


GRAPH = {m: _imports(m) for m in MODULES}


def _cycle_through(start: str) -> list[str] | None:
    """A path of imports from `start` back to itself, if there is one."""
    stack = [(start, [start])]
    seen: set[str] = set()
    while stack:
        module, path = stack.pop()
        for target in sorted(GRAPH[module]):
            if target == start:
                return [*path, start]
            if target not in seen:
                seen.add(target)
                stack.append((target, [*path, target]))
    return None


def test_the_graph_sees_module_level_and_function_level_imports() -> None:
    assert "compare_tui.core.models" in GRAPH["compare_tui.core.comparison"]
    assert "compare_tui.tui.app" in GRAPH["compare_tui.cli"]  # imported inside _run_app
    assert "compare_tui.core.png" in GRAPH["compare_tui.core.export"]  # imported inside export_bytes


def test_no_import_cycles() -> None:
    cycles = [" -> ".join(c) for m in MODULES if (c := _cycle_through(m))]
    assert cycles == []


def test_the_core_imports_nothing_of_the_package_outside_it() -> None:
    outside = {
        m: sorted(t for t in targets if not t.startswith("compare_tui.core"))
        for m, targets in GRAPH.items()
        if m.startswith("compare_tui.core")
    }
    assert {m: t for m, t in outside.items() if t} == {}


def test_loading_does_not_import_the_analysis() -> None:
    reached, todo = set(), ["compare_tui.core.loading"]
    while todo:
        for target in GRAPH[todo.pop()] - reached:
            reached.add(target)
            todo.append(target)
    assert not {m for m in reached if m.startswith("compare_tui.core.analysis")}


def _layer(module: str) -> int:
    """The app's layers, bottom up: shared helpers, widgets, screens, the app, what drives the app."""
    if module.startswith("compare_tui.tui.widgets."):
        return 1
    if module.startswith("compare_tui.tui.screens."):
        return 2
    return {"compare_tui.tui.app": 3, "compare_tui.tui.screenshot": 4}.get(module, 0)


def test_the_app_imports_only_downward() -> None:
    tui = [m for m in MODULES if m.startswith("compare_tui.tui.")]
    upward = sorted(
        f"{m} -> {t}"
        for m in tui
        for t in GRAPH[m]
        if t.startswith("compare_tui.tui.") and _layer(t) > _layer(m)
    )
    assert upward == []
