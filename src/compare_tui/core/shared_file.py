"""Read-modify-write of a file that several processes share (two app windows on the same articles).

Each writer holds an exclusive `fcntl.flock` on a sidecar lock file (`<name>.lock`, never deleted: deleting
a lock file lets two writers lock two different files) while it re-reads the file, merges its own changes
into what is there and writes the result atomically (`core.atomic`). Readers need no lock: a rename is
atomic, so they see the old file or the new one.

A save killed between creating its temporary file and renaming it leaves `.<name>.<random>.tmp` behind.
While the lock is held no other save is running, so any such file is an orphan and is removed.

Two merges cover a document's sections. `merge_keyed`, for keyed entries (finding key -> decision): the
file's entries, with the keys this process changed taken from this process (a changed key it no longer has
is removed); keys it did not touch keep whatever another process wrote. `merge_sequence`, for an ordered
list of whole entries (alignment corrections): the file's list less the entries this process removed, then
the entries it added, in its order.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Collection, Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

V = TypeVar("V")
T = TypeVar("T")
H = TypeVar("H", bound=Hashable)


def lock_path(path: Path) -> Path:
    """The sidecar lock file of a shared file."""
    return path.with_name(f"{path.name}.lock")


@contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold the exclusive lock of `path` (creating its folder and lock file if needed); OSError if impossible."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def remove_orphans(path: Path) -> list[Path]:
    """Delete temporary files that killed atomic writes of `path` left behind; call only under `exclusive`."""
    removed: list[Path] = []
    for tmp in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            tmp.unlink()
        except FileNotFoundError:
            continue
        removed.append(tmp)
    return removed


def update(path: Path, change: Callable[[], T]) -> T:
    """Run `change` (which re-reads `path`, merges and writes it atomically) under the lock, orphans removed."""
    with exclusive(path):
        remove_orphans(path)
        return change()


def merge_keyed(on_disk: Mapping[str, V], mine: Mapping[str, V], changed: Collection[str]) -> dict[str, V]:
    """`on_disk` with the `changed` keys taken from `mine` (removed where `mine` has none)."""
    merged = {k: v for k, v in on_disk.items() if k not in changed}
    merged.update({k: mine[k] for k in changed if k in mine})
    return merged


def merge_sequence(on_disk: Sequence[H], base: Sequence[H], mine: Sequence[H]) -> tuple[H, ...]:
    """`on_disk` less what `mine` removed from `base`, then what `mine` added to `base` (kept in order)."""
    removed = set(base) - set(mine)
    kept = [entry for entry in on_disk if entry not in removed]
    present = set(kept)
    added = [entry for entry in mine if entry not in set(base) and entry not in present]
    return (*kept, *added)
