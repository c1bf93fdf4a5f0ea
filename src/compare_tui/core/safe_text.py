"""Article text is untrusted: make every character that could act on a terminal visible instead.

The app renders article text literally (never as markup), but the text itself may still carry control
characters: ANSI/OSC escape sequences (colours, cursor moves, clipboard writes, hyperlinks), backspaces,
bells, or bidi overrides that reorder what the reader sees. `visible` replaces each of them with exactly
one visible stand-in, so the result has the same length and every offset of the core still applies.

`shown` is the one rule for every other path from untrusted text (passages, file names, URLs, HTTP replies,
settings values) to a screen or a terminal: notifications and their titles, error lines, stderr. It applies
`visible`, folds the text onto one line when asked and cuts long values; the caller also turns markup off
(the app's `notify` does so for every notification).
"""

from __future__ import annotations

import re
import unicodedata

REPLACEMENT = "\ufffd"
"""Stand-in for invisible characters that have no control picture (C1 controls, bidi controls)."""

_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f"  # arabic letter mark, left-to-right mark, right-to-left mark
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # isolates
)
_LINE_SEPARATORS = frozenset("\u2028\u2029")


def _stand_in(char: str) -> str:
    code = ord(char)
    if char == "\n":
        return char
    if char == "\t":
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # control pictures: ESC -> ␛, BEL -> ␇, BS -> ␈
    if code == 0x7F:
        return "\u2421"  # ␡
    if char in _BIDI_CONTROLS or char in _LINE_SEPARATORS or unicodedata.category(char) == "Cc":
        return REPLACEMENT
    return char


_TABLE = {code: _stand_in(chr(code)) for code in [*range(0x20), *range(0x7F, 0xA0)]}
_TABLE.update({ord(c): REPLACEMENT for c in _BIDI_CONTROLS | _LINE_SEPARATORS})
_TABLE = {code: stand_in for code, stand_in in _TABLE.items() if stand_in != chr(code)}


def visible(text: str) -> str:
    """`text` with control, escape and bidi-override characters replaced one-for-one by visible stand-ins."""
    return text.translate(_TABLE)


def is_unsafe(char: str) -> bool:
    """Whether a single character would be replaced by `visible`."""
    return ord(char) in _TABLE


SHOWN_LIMIT = 300
"""Longest untrusted message shown in one notification or error line; the rest is cut with an ellipsis."""


def shown(text: object, *, limit: int = SHOWN_LIMIT, one_line: bool = False) -> str:
    """`text` made safe for a screen or terminal: control characters as symbols, at most `limit` characters.

    With `one_line`, line breaks become spaces first (for stderr lines that must stay one line each).
    """
    value = str(text)
    if one_line:
        value = " ".join(value.split())
    value = visible(value)
    return value if len(value) <= limit else value[: max(limit - 1, 0)] + "…"


TERMINAL_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clear screen
    r"|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?"  # OSC: clipboard (52), hyperlinks (8), window title
    r"|\x1b[P^_X][^\x1b\n]*(?:\x1b\\)?"  # DCS, PM, APC and SOS strings
    r"|\x1b[ -/]*[0-~]"  # other escape sequences (character sets, keypad modes, reset)
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x9d[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # 8-bit OSC
)
"""A whole terminal escape sequence; an unterminated string sequence ends at the line's end."""


def strip_terminal_sequences(text: str) -> tuple[str, list[str]]:
    """`text` without terminal escape sequences, and the sequences removed (in order).

    Lone control characters stay (`visible` shows them); only complete sequences, which are never part of
    an article's wording, are taken out, so their parameters (colour numbers, URLs) are not read as words.
    """
    found = TERMINAL_SEQUENCE.findall(text)
    return (TERMINAL_SEQUENCE.sub("", text), found) if found else (text, [])
