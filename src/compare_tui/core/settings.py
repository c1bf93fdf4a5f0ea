"""One typed settings object: defaults here, a user TOML file (XDG) and environment variables on top.

Precedence, lowest first: the defaults below, `$XDG_CONFIG_HOME/compare-tui/config.toml` (or the file
named by `COMPARE_TUI_CONFIG`), then `COMPARE_TUI_<FIELD>` environment variables, then explicit
keyword overrides (command-line options).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

ENV_PREFIX = "COMPARE_TUI_"


class SettingsError(ValueError):
    """A settings file or variable that cannot be used; the message names where and why."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob of compare-tui, with its default."""

    match_threshold: float = 0.5
    """Minimum evidence score (0..1) for two passages to share a row."""
    reference: str | None = None
    """Article id, file name or 1-based index whose order the rows follow; None picks a consensus order."""
    max_file_bytes: int = 20_000_000
    """Larger inputs are refused with a clear error."""
    url_timeout: float = 15.0
    """Seconds to wait for a page fetched over http(s)."""
    theme: str = "textual-dark"
    """Textual theme of the review app."""
    screenshot_dir: str = "."
    """Folder where the app saves screenshots."""
    keymap: Mapping[str, str] = field(default_factory=dict)
    """Binding id -> keys overrides for the app, e.g. {"next_finding": "n,ctrl+n"}."""

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given non-None fields replaced."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def config_path() -> Path:
    """Where the user config file lives (XDG)."""
    if explicit := os.environ.get(ENV_PREFIX + "CONFIG"):
        return Path(explicit)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "compare-tui" / "config.toml"


def load_settings(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Defaults, then the user file (if it exists), then environment variables."""
    environ = os.environ if environ is None else environ
    path = config_path() if path is None else path
    values: dict[str, Any] = {}
    if path.is_file():
        try:
            values.update(tomllib.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"{path}: not a valid TOML settings file ({exc})") from None
    for f in fields(Settings):
        raw = environ.get(ENV_PREFIX + f.name.upper())
        if raw is not None and f.name != "keymap":
            values[f.name] = raw
    return _coerce(values, source=str(path))


def _coerce(values: Mapping[str, Any], *, source: str) -> Settings:
    known = {f.name: f for f in fields(Settings)}
    defaults = Settings()
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name not in known:
            raise SettingsError(f"{source}: unknown setting {name!r}")
        default = getattr(defaults, name)
        try:
            if name == "keymap":
                if not isinstance(value, Mapping):
                    raise TypeError("expected a table of binding id = keys")
                out[name] = {str(k): str(v) for k, v in value.items()}
            elif isinstance(default, int):
                out[name] = int(value)
            elif isinstance(default, float):
                out[name] = float(value)
            else:
                out[name] = None if value in ("", None) else str(value)
        except (TypeError, ValueError) as exc:
            raise SettingsError(f"{source}: bad value for {name!r}: {exc}") from None
    if "match_threshold" in out and not 0.0 <= out["match_threshold"] <= 1.0:
        raise SettingsError(f"{source}: match_threshold must be between 0 and 1")
    return replace(defaults, **out)
