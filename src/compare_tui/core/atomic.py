"""Atomic writes: a reader sees the old file or the new one, never half of either.

Only regular files are replaced by rename. A symlink is followed (its target is replaced, the link stays),
and a device, FIFO or socket (`-o /dev/stdout`, `-o /dev/null`) is written in place: renaming over it
would swap a system device for a plain file.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path


def write_bytes_atomic(path: Path | str, data: bytes, *, create_folder: bool = False) -> None:
    """Write `data` to a temporary file beside `path`, flush it to disk, then rename it over `path`.

    `create_folder` first makes the folder `path` goes into (the app's screenshot and export folders).
    """
    if create_folder:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    path = Path(os.path.realpath(path))
    try:
        mode: int | None = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with path.open("wb") as handle:
            handle.write(data)
        return
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    # Created like any new file (0o666 less the umask); an existing file's mode is kept.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, stat.S_IMODE(mode))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path | str, text: str, *, create_folder: bool = False) -> None:
    """UTF-8 text version of `write_bytes_atomic`."""
    write_bytes_atomic(path, text.encode("utf-8"), create_folder=create_folder)
