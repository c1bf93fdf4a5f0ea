"""Bytes to text for untrusted article files: never mojibake, never a guess dressed up as text.

Order matters. A byte-order mark is authoritative; then strict UTF-8 (almost every modern file, and
servers often mislabel it); then UTF-8 with a few stray legacy bytes (a cp1252 quote pasted into a UTF-8
file), each stray byte read as cp1252 so that the rest does not turn to mojibake; then the charset a server declared; then cp1252, the legacy encoding of
Western news text, unless the result reads like another script decoded wrongly; only then
charset-normalizer, whose statistics are unreliable on short Western text (it reads cp1252 curly
quotes as cp775). Files with NUL bytes or well-known binary signatures are refused early.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_BINARY_SIGNATURES: tuple[bytes, ...] = (
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"%PDF-",
    b"PK\x03\x04",  # zip, docx, epub
    b"\x1f\x8b",  # gzip
    b"\x7fELF",
    b"RIFF",  # webp, wav
)

_WORD = re.compile(r"[^\W\d_]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")

_STRAY = re.compile("[\udc80-\udcff]")
"""An invalid byte of UTF-8 input as `surrogateescape` decodes it."""

_CP1252_ALIASES = frozenset({"latin-1", "iso8859-1", "ascii"})
_MAX_CONTROL_SHARE = 0.05
"""Decoded text with more control characters than this (tabs and newlines aside) is binary."""


class DecodeError(ValueError):
    """Bytes that are not usable text; the message is the one-line reason."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and how many stray bytes in otherwise valid UTF-8 were read as cp1252 (0: none)."""

    text: str
    repaired: int = 0


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Decode an article file's bytes to text without a leading BOM, or raise DecodeError."""
    return decode(data, declared=declared).text


def decode(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode an article file's bytes, saying how many stray bytes were repaired; raise DecodeError."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(_check_text(data[len(bom) :].decode(encoding)))
            except UnicodeDecodeError:
                raise DecodeError(
                    f"undecodable bytes: not valid {encoding} despite its byte-order mark"
                ) from None
    if b"\x00" in data or data.startswith(_BINARY_SIGNATURES):
        raise DecodeError("binary file, not text")
    try:
        return Decoded(_check_text(data.decode("utf-8")))
    except UnicodeDecodeError:
        if (repaired := _utf8_with_stray_bytes(data)) is not None:
            return repaired
    if declared and (text := _decode_declared(data, declared)) is not None:
        return Decoded(_check_text(text))
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and not _reads_like_foreign_script(text):
        return Decoded(_check_text(text))
    import charset_normalizer  # rarely needed, and ~30 ms to import: the app's first frame does without

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeError("undecodable bytes: not UTF-8, UTF-16 or a recognisable legacy encoding")
    return Decoded(_check_text(str(best)))


def _utf8_with_stray_bytes(data: bytes) -> Decoded | None:
    """UTF-8 text with a few invalid bytes, each read as cp1252; None unless the file is clearly UTF-8.

    Clearly UTF-8: it holds valid multi-byte sequences, and more of them than invalid bytes (text written in
    cp1252 almost never forms a valid UTF-8 sequence, so its bytes are all invalid).
    """
    escaped = data.decode("utf-8", errors="surrogateescape")  # each invalid byte -> one lone surrogate
    stray = len(_STRAY.findall(escaped))
    multibyte = sum(1 for char in escaped if ord(char) > 0x7F) - stray
    if multibyte <= stray:
        return None
    text = _STRAY.sub(lambda m: bytes([ord(m[0]) - 0xDC00]).decode("cp1252", errors="replace"), escaped)
    return Decoded(_check_text(text), repaired=stray)


def _decode_declared(data: bytes, declared: str) -> str | None:
    """The text under an encoding a server declared, or None if the declaration is unknown or wrong.

    As browsers do, a "latin-1" or "ascii" label is read as cp1252, its superset in practice.
    """
    try:
        codec = codecs.lookup(declared).name
        return data.decode("cp1252" if codec in _CP1252_ALIASES else codec)
    except (LookupError, UnicodeDecodeError):
        return None


def _reads_like_foreign_script(text: str) -> bool:
    """True when cp1252 output looks like Cyrillic or Greek read wrongly ("Ïðåçèäåíò")."""
    accented = [w for w in _WORD.findall(text) if not w.isascii()]
    if not accented:
        return False
    mostly_foreign = sum(1 for w in accented if len(w) >= 3 and sum(not c.isascii() for c in w) * 2 > len(w))
    return mostly_foreign * 2 > len(accented)


def _check_text(text: str) -> str:
    """Refuse decoded text with a NUL or mostly control characters: that is a binary file."""
    if "\x00" in text or len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise DecodeError("binary file, not text")
    return text
