"""SVG screenshots to PNG for word processors, with nothing but pip-installed wheels.

Textual exports SVG that names the "Fira Code" font and, for the window title, "arial", and expects a browser
to fetch Fira Code from a CDN. Here resvg (a self-contained Rust renderer, via the `resvg-py` wheel) draws it
with system fonts switched off and Fira Code loaded from the `fontpkg-fira-code` wheel, so the image is the
same on every machine: columns line up because every text run carries its exact width, and Fira Code's box
drawing glyphs fill the whole cell height so borders join. Glyphs Fira Code lacks are swapped for close
ones before rendering.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import fontpkg_fira_code
import resvg_py

FONT_FAMILY = fontpkg_fira_code.FAMILY

# Characters Textual draws that Fira Code has no glyph for, and the nearest glyph it has.
_MISSING_GLYPHS = {"⭘": "○", "⇄": "↔"}


class PngError(ValueError):
    """An SVG that cannot be turned into a PNG; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class PngSize:
    """Pixel dimensions of a PNG image."""

    width: int
    height: int


def font_files() -> list[str]:
    """The font files shipped with the Fira Code package."""
    return sorted(str(p) for p in (Path(fontpkg_fira_code.ROOT) / "files").glob("*.ttf"))


def _prepare(svg: str) -> str:
    svg = svg.replace("font-family: arial;", "font-family: arial, sans-serif;")
    for missing, stand_in in _MISSING_GLYPHS.items():
        svg = svg.replace(missing, stand_in)  # never markup, so wherever they stand they are text
    return svg


def svg_to_png(svg: str, *, scale: float = 1.0) -> bytes:
    """Render SVG text (e.g. a Textual screenshot) to PNG bytes, `scale` times its own pixel size."""
    if not scale > 0:
        raise PngError(f"scale must be positive, not {scale}")
    try:
        data = resvg_py.svg_to_bytes(
            svg_string=_prepare(svg),
            skip_system_fonts=True,
            font_files=font_files(),
            font_family=FONT_FAMILY,
            monospace_family=FONT_FAMILY,
            sans_serif_family=FONT_FAMILY,
            serif_family=FONT_FAMILY,
            zoom=scale,
        )
    except ValueError as exc:
        raise PngError(f"cannot render the SVG: {exc}") from None
    return bytes(data)


def png_size(data: bytes) -> PngSize:
    """Width and height from a PNG's header; PngError if `data` is not a PNG."""
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise PngError("not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    return PngSize(width, height)
