"""`visible` keeps offsets and leaves nothing that can act on a terminal."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from compare_tui.core.safe_text import REPLACEMENT, is_unsafe, visible

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_escape_sequences_become_control_pictures() -> None:
    assert visible("\x1b[31mred\x1b[0m") == "\u241b[31mred\u241b[0m"
    assert visible("\x1b]52;c;aGk=\x07") == "\u241b]52;c;aGk=\u2407"
    assert visible("ab\x08\x08cd\x7f") == "ab\u2408\u2408cd\u2421"


def test_newlines_kept_tabs_become_spaces_and_carriage_returns_shown() -> None:
    assert visible("a\tb\nc\r\n") == "a b\nc\u240d\n"


def test_bidi_controls_and_c1_become_replacement() -> None:
    assert visible("x\u202eevil\u202cy") == f"x{REPLACEMENT}evil{REPLACEMENT}y"
    assert visible("\x9b31m") == f"{REPLACEMENT}31m"
    assert all(visible(c) == REPLACEMENT for c in BIDI)


def test_markup_and_ordinary_text_untouched() -> None:
    text = "[red]x[/red] [link=http://evil]y[/link] “Zelensky” – 75 % café 日本"
    assert visible(text) == text


def test_is_unsafe_agrees_with_visible() -> None:
    assert is_unsafe("\x1b") and is_unsafe("\u202e") and not is_unsafe("a") and not is_unsafe("\n")


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("\x1b\x07\x08\x9b\r\t" + BIDI)))
def test_same_length_and_nothing_invisible_left(text: str) -> None:
    out = visible(text)
    assert len(out) == len(text)
    for original, shown in zip(text, out):
        if shown != original:
            assert is_unsafe(original)
        assert shown == "\n" or unicodedata.category(shown) != "Cc"
        assert shown not in BIDI and shown not in "\u2028\u2029"


@given(st.text())
def test_idempotent(text: str) -> None:
    assert visible(visible(text)) == visible(text)
