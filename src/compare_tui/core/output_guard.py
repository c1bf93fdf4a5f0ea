"""Outputs never replace inputs: a report, image or export whose path resolves to an input is refused.

"Resolves" follows symlinks (an output that is a link to an input, or reached through a linked folder) and
hard links (the same file under another name). A file directly inside an input folder with a suffix the
loader reads (.txt, .md, .html, .json…, meta.json included) is refused too: it either is one of the inputs
or would become one the next time the folder is compared. An image there (.svg, .png) is no input.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from compare_tui.core.fetch import url_scheme
from compare_tui.core.loading import INPUT_SUFFIXES, STDIN


class OutputClash(ValueError):
    """An output path that would overwrite an input; str() is one line naming both."""


def _resolved(path: Path | str) -> Path:
    return Path(os.path.realpath(os.path.expanduser(path)))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output(output: Path | str, sources: Iterable[object]) -> None:
    """Raise OutputClash when `output` is an input file or an article file directly inside an input folder."""
    target = _resolved(output)
    for source in sources:
        if not isinstance(source, (str, os.PathLike)):
            continue  # an Article object given through the API has no file
        label = os.fspath(source)
        if label == STDIN or url_scheme(label) is not None:
            continue
        resolved = _resolved(label)
        try:
            is_folder = resolved.is_dir()
        except OSError:
            is_folder = False
        if is_folder and target.parent == resolved and target.suffix.lower() in INPUT_SUFFIXES:
            raise OutputClash(f"{output}: refusing to write into the input folder {label}")
        if not is_folder and (target == resolved or _same_file(target, resolved)):
            raise OutputClash(f"{output}: refusing to overwrite the input {label}")
