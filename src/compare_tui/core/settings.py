"""One typed settings object: defaults here, a user TOML file (XDG) and environment variables on top.

Precedence, lowest first: the defaults below, `$XDG_CONFIG_HOME/compare-tui/config.toml` (or the file
named by `COMPARE_TUI_CONFIG` / `--config`, which must then exist), then `COMPARE_TUI_<FIELD>` environment
variables, then explicit keyword overrides (command-line options, the API's `threshold=` and `reference=`).

Every value is checked in one place, `Settings.__post_init__`, whichever way it came in: a `Settings` with a
threshold of 7, an infinite timeout or a size limit of 0 cannot exist. Text from a file or a variable is
first turned into the field's type by `_parse`; an error names where the value came from (the file, the
environment variable or the option).
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

ENV_PREFIX = "COMPARE_TUI_"
MAX_FILE_BYTES = 1 << 30
"""The largest size limit one may set (1 GiB): no article is larger, and far larger values overflow reads."""
MAX_URL_TIMEOUT = 3600.0
"""The longest fetch deadline one may set, in seconds."""
ALIGNMENT_MODES = ("standard", "strict")
"""How rows are built: linked strongest first (standard) or by correlation clustering (strict)."""


class SettingsError(ValueError):
    """A settings file, variable, option or argument that cannot be used; the message names where and why."""


def _check(name: str, value: Any) -> None:
    """Raise ValueError (the reason) when `value` is not a valid value of the setting `name`."""
    if name == "match_threshold":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
            raise ValueError(f"must be a number between 0 and 1, not {value!r}")
    elif name == "max_file_bytes":
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_FILE_BYTES:
            raise ValueError(f"must be a whole number of bytes from 1 to {MAX_FILE_BYTES}, not {value!r}")
    elif name == "url_timeout":
        valid = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
        if not valid or not 0.0 < value <= MAX_URL_TIMEOUT:
            raise ValueError(
                f"must be a number of seconds above 0 and at most {MAX_URL_TIMEOUT:g}, not {value!r}"
            )
    elif name == "alignment":
        if value not in ALIGNMENT_MODES:
            raise ValueError(f"must be one of {', '.join(ALIGNMENT_MODES)}, not {value!r}")
    elif name == "reference":
        if value is not None and (not isinstance(value, str) or not value):
            raise ValueError(f"must be an article id, file name or position, not {value!r}")
    elif name == "keymap":
        if not isinstance(value, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise ValueError("must be a table of binding id = keys (both text)")
    elif not isinstance(value, str) or not value:
        raise ValueError(f"must be non-empty text, not {value!r}")


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob of compare-tui, with its default; SettingsError on any invalid value."""

    match_threshold: float = 0.5
    """Minimum evidence score (0..1) for two passages to share a row."""
    alignment: str = "standard"
    """How rows are built: "standard", or "strict" (fewer, tighter rows: higher precision, lower recall)."""
    reference: str | None = None
    """Article id, file name or 1-based index whose order the rows follow; None picks a consensus order."""
    max_file_bytes: int = 20_000_000
    """Larger inputs are refused with a clear error (1 byte to 1 GiB)."""
    url_timeout: float = 15.0
    """Seconds a page fetched over http(s) may take, the whole response (above 0, at most an hour)."""
    theme: str = "textual-dark"
    """Textual theme of the review app."""
    screenshot_dir: str = "."
    """Folder where the app saves screenshots."""
    keymap: Mapping[str, str] = field(default_factory=dict)
    """Binding id -> keys overrides for the app, e.g. {"next_finding": "n,ctrl+n"}."""

    def __post_init__(self) -> None:
        for f in fields(self):
            try:
                _check(f.name, getattr(self, f.name))
            except ValueError as exc:
                raise SettingsError(f"{f.name} {exc}") from None
        if isinstance(self.match_threshold, int):
            object.__setattr__(self, "match_threshold", float(self.match_threshold))
        if isinstance(self.url_timeout, int):
            object.__setattr__(self, "url_timeout", float(self.url_timeout))

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given non-None fields replaced (SettingsError names the field when one is invalid)."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def config_path(environ: Mapping[str, str] | None = None) -> tuple[Path, bool]:
    """Where the user config file lives, and whether the user named it (then it must exist)."""
    environ = os.environ if environ is None else environ
    if explicit := environ.get(ENV_PREFIX + "CONFIG"):
        return Path(explicit), True
    base = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "compare-tui" / "config.toml", False


def load_settings(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Defaults, then the user file, then environment variables; a file named explicitly must exist."""
    environ = os.environ if environ is None else environ
    if path is None:
        path, explicit = config_path(environ)
    else:
        explicit = True
    settings = Settings()
    if explicit or path.is_file():
        settings = _apply(settings, _read_toml(path), source=str(path))
    for f in fields(Settings):
        variable = ENV_PREFIX + f.name.upper()
        raw = environ.get(variable)
        if raw is not None and f.name != "keymap":
            settings = _apply(settings, {f.name: raw}, source=f"environment variable {variable}")
    return settings


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when there is a settings file: the app's start-up does without

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SettingsError(f"{path}: no such settings file") from None
    except IsADirectoryError:
        raise SettingsError(f"{path}: is a folder, not a settings file") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError) as exc:
        raise SettingsError(f"{path}: not a valid TOML settings file ({exc})") from None


def _apply(settings: Settings, values: Mapping[str, Any], *, source: str) -> Settings:
    """`settings` with `values` (from `source`) parsed and applied; SettingsError names the source."""
    known = {f.name for f in fields(Settings)}
    parsed: dict[str, Any] = {}
    for name, value in values.items():
        if name not in known:
            raise SettingsError(f"{source}: unknown setting {name!r}")
        try:
            parsed[name] = _parse(name, value)
            _check(name, parsed[name])
        except (TypeError, ValueError) as exc:
            raise SettingsError(f"{source}: {name} {exc}") from None
    return replace(settings, **parsed)


def _parse(name: str, value: Any) -> Any:
    """A setting's value in its field's type: numbers from text (environment variables) or TOML numbers."""
    if name == "keymap":
        return dict(value) if isinstance(value, Mapping) else value
    if name in ("match_threshold", "url_timeout"):
        if isinstance(value, str):
            return float(value)
        return value
    if name == "max_file_bytes":
        return int(value) if isinstance(value, str) else value
    if name == "reference":
        return None if value == "" else value
    return value
