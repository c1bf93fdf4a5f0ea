"""Atomic writes: a reader sees the old file or the new one, never half of either.

Only regular files are replaced by rename. A symlink is followed (its target is replaced, the link stays),
and a device, FIFO or socket (`-o /dev/stdout`, `-o /dev/null`) is written in place: renaming over it
would swap a system device for a plain file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_bytes_atomic(path: Path | str, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, flush it to disk, then rename it over `path`."""
    path = Path(os.path.realpath(path))
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG | (0o666 & ~_umask())
    if not stat.S_ISREG(mode):
        with path.open("wb") as handle:
            handle.write(data)
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, stat.S_IMODE(mode))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_text_atomic(path: Path | str, text: str) -> None:
    """UTF-8 text version of `write_bytes_atomic`."""
    write_bytes_atomic(path, text.encode("utf-8"))
