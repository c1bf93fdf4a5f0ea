"""Settings are checked in one place, whichever way they come in (API, config file, environment, command
line), and an error names where the bad value came from."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from compare_tui.cli import main
from compare_tui.core.pipeline import compare
from compare_tui.core.settings import Settings, SettingsError, load_settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "loading"
TEXT = str(FIXTURES / "crlf.txt")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("match_threshold", 7),
        ("match_threshold", -0.1),
        ("match_threshold", True),
        ("match_threshold", math.nan),
        ("url_timeout", math.inf),
        ("url_timeout", 1e300),
        ("url_timeout", 0),
        ("url_timeout", math.nan),
        ("max_file_bytes", 2**63 - 1),
        ("max_file_bytes", 0),
        ("max_file_bytes", -5),
        ("max_file_bytes", True),
        ("theme", ""),
        ("keymap", {"next_finding": 3}),
        ("alignment", "loose"),
        ("alignment", ""),
    ],
)
def test_invalid_values_cannot_make_a_settings_object(name: str, value: object) -> None:
    with pytest.raises(SettingsError, match=f"^{name} "):
        Settings(**{name: value})  # type: ignore[arg-type]
    with pytest.raises(SettingsError):
        Settings().with_overrides(**{name: value})


def test_the_api_refuses_a_threshold_out_of_range() -> None:
    with pytest.raises(SettingsError, match="match_threshold must be a number between 0 and 1"):
        compare([TEXT, TEXT], threshold=7)


def test_config_file_values_are_checked_and_the_file_named(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    for line in (
        "match_threshold = true",
        "url_timeout = inf",
        "max_file_bytes = 0",
        "max_file_bytes = 9223372036854775807",
    ):
        config.write_text(line + "\n", encoding="utf-8")
        with pytest.raises(SettingsError, match=f"^{config}: "):
            load_settings(config, environ={})


def test_environment_errors_name_the_variable_not_a_config_file(tmp_path: Path) -> None:
    environ = {"XDG_CONFIG_HOME": str(tmp_path), "COMPARE_TUI_URL_TIMEOUT": "inf"}
    with pytest.raises(SettingsError) as raised:
        load_settings(environ=environ)
    assert str(raised.value).startswith("environment variable COMPARE_TUI_URL_TIMEOUT: url_timeout")
    assert "config.toml" not in str(raised.value)


def test_good_values_from_every_source(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("match_threshold = 0.6\nmax_file_bytes = 1000\n", encoding="utf-8")
    settings = load_settings(
        config, environ={"COMPARE_TUI_URL_TIMEOUT": "2.5", "COMPARE_TUI_MATCH_THRESHOLD": "1"}
    )
    assert (settings.match_threshold, settings.max_file_bytes, settings.url_timeout) == (1.0, 1000, 2.5)
    assert isinstance(settings.match_threshold, float)


def test_a_missing_config_file_named_by_the_user_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "nope.toml"
    assert main(["report", TEXT, "--config", str(missing)]) == 2
    assert capsys.readouterr().err == f"compare-tui: {missing}: no such settings file\n"
    monkeypatch.setenv("COMPARE_TUI_CONFIG", str(missing))
    with pytest.raises(SettingsError, match="no such settings file"):
        load_settings()


def test_command_line_errors_name_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", TEXT, "--threshold", "7"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("compare-tui: --threshold: match_threshold must be a number between 0 and 1")
    assert err.count("\n") == 1


def test_strict_alignment_from_the_environment_reaches_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = load_settings(environ={"XDG_CONFIG_HOME": str(tmp_path), "COMPARE_TUI_ALIGNMENT": "strict"})
    assert settings.alignment == "strict"
    assert main(["report", TEXT, TEXT, "--alignment", "strict", "--format", "json"]) == 0
    assert '"alignment": "strict"' in capsys.readouterr().out
    assert main(["report", TEXT, "--alignment", "loose"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("compare-tui: --alignment: alignment must be one of standard, strict")
    assert err.count("\n") == 1
