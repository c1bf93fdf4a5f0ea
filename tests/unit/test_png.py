"""SVG -> PNG: a valid image of the SVG's pixel size, colours where the SVG puts them, borders that join."""

from __future__ import annotations

import asyncio
import re
import struct
import zlib
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from compare_tui.core.png import PngError, PngSize, png_size, svg_to_png

Pixel = tuple[int, int, int, int]


def decode_png(data: bytes) -> list[list[Pixel]]:
    """Rows of RGBA pixels of an 8-bit RGBA or RGB PNG (what resvg writes), with every filter undone."""
    size = png_size(data)
    pos, idat, colour_type = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            assert body[8] == 8, "8-bit channels expected"
            colour_type = body[9]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    channels = {6: 4, 2: 3}[colour_type]  # type: ignore[index]
    raw = zlib.decompress(idat)
    stride = size.width * channels
    rows: list[bytearray] = []
    previous = bytearray(stride)
    for y in range(size.height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            upleft = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - upleft
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upleft)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else upleft)) & 0xFF
        rows.append(line)
        previous = line
    return [
        [tuple(row[x : x + channels]) + ((255,) if channels == 3 else ()) for x in range(0, stride, channels)]  # type: ignore[misc]
        for row in rows
    ]


HAND_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">
<rect x="0" y="0" width="40" height="20" fill="#000000"/>
<rect x="20" y="0" width="20" height="20" fill="#ff0000"/>
</svg>"""


def test_png_has_the_svg_size_and_its_colours() -> None:
    data = svg_to_png(HAND_SVG)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert png_size(data) == PngSize(40, 20)
    pixels = decode_png(data)
    assert pixels[10][5] == (0, 0, 0, 255) and pixels[10][30] == (255, 0, 0, 255)


def test_scale_multiplies_the_pixel_size() -> None:
    assert png_size(svg_to_png(HAND_SVG, scale=2)) == PngSize(80, 40)


def test_bad_svg_and_bad_scale_are_one_line_errors() -> None:
    with pytest.raises(PngError, match="cannot render the SVG"):
        svg_to_png("<svg this is not")
    with pytest.raises(PngError, match="scale must be positive"):
        svg_to_png(HAND_SVG, scale=0)
    with pytest.raises(PngError, match="not a PNG"):
        png_size(b"GIF89a" + bytes(40))


class Boxed(App[None]):
    CSS = """
    Screen { background: #000000; }
    Static { border: solid #ff0000; width: 20; height: 8; color: #00ff00; }
    """

    def compose(self) -> ComposeResult:
        yield Static("████ text")


def textual_svg(tmp_path: Path) -> str:
    async def shoot() -> None:
        app = Boxed()
        async with app.run_test(size=(30, 10)) as pilot:
            await pilot.pause()
            app.save_screenshot("boxed.svg", path=str(tmp_path))

    asyncio.run(shoot())
    return (tmp_path / "boxed.svg").read_text(encoding="utf-8")


def is_red(p: Pixel) -> bool:
    return p[0] > 180 and p[1] < 90 and p[2] < 90


def test_textual_screenshot_renders_with_joined_borders_and_colours(tmp_path: Path) -> None:
    svg = textual_svg(tmp_path)
    data = svg_to_png(svg)
    width, height = (round(float(v)) for v in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())  # type: ignore[union-attr]
    assert png_size(data) == PngSize(width, height)
    pixels = decode_png(data)
    assert (
        len({p for row in pixels[::4] for p in row[::4]}) > 8
    )  # not blank: chrome, black screen, red, green
    assert any(
        p[1] > 200 and p[0] < 80 and p[2] < 80 for row in pixels for p in row
    )  # the green text is drawn
    # The left border "│" of an 8-line box: the reddest pixel column must be red without a break for the
    # six inner lines (6 × 24.4 px), which fails when the font's box glyphs do not fill the cell height.
    columns = list(zip(*pixels))
    best = max(range(len(columns) // 2), key=lambda x: sum(is_red(p) for p in columns[x]))
    run = longest = 0
    for p in columns[best]:
        run = run + 1 if is_red(p) else 0
        longest = max(longest, run)
    assert longest >= 6 * 24


def test_cli_screenshot_writes_png_by_name_or_format(tmp_path: Path) -> None:
    from compare_tui.cli import main

    sample = Path(__file__).resolve().parents[2] / "sample_data" / "zelensky-security-guarantees"
    by_name, by_format = tmp_path / "shot.png", tmp_path / "shot.image"
    assert main(["screenshot", str(sample), "-o", str(by_name), "--size", "80x24"]) == 0
    assert main(["screenshot", str(sample), "-o", str(by_format), "--size", "80x24", "--format", "png"]) == 0
    svg_path = tmp_path / "shot.svg"
    assert main(["screenshot", str(sample), "-o", str(svg_path), "--size", "80x24"]) == 0
    box = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg_path.read_text(encoding="utf-8"))
    assert box is not None
    first, second = by_name.read_bytes(), by_format.read_bytes()
    assert png_size(first) == png_size(second) == PngSize(round(float(box[1])), round(float(box[2])))
    assert len({p for row in decode_png(first)[::8] for p in row[::8]}) > 20


def test_cli_screenshot_refuses_other_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from compare_tui.cli import main

    assert main(["screenshot", "-o", str(tmp_path / "shot.gif")]) == 2
    assert "shot.gif: name a .png or .svg file, or give --format png|svg" in capsys.readouterr().err


def test_cli_screenshot_reports_a_bad_input_and_draws_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from compare_tui.cli import main

    sample = Path(__file__).resolve().parents[2] / "sample_data" / "zelensky-security-guarantees"
    missing = tmp_path / "gone.txt"
    out = tmp_path / "shot.svg"
    assert main(["screenshot", str(missing), str(sample), "-o", str(out), "--size", "80x24"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"compare-tui: {missing}: no such file or folder"]
    assert "<svg" in out.read_text(encoding="utf-8")


def test_cli_screenshot_with_nothing_to_compare_fails_without_an_image(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from compare_tui.cli import main

    out = tmp_path / "shot.png"
    assert main(["screenshot", str(tmp_path / "gone.txt"), "-o", str(out), "--size", "80x24"]) == 2
    assert "gone.txt: no such file or folder" in capsys.readouterr().err
    assert not out.exists()


def _glyph_png(text: str) -> bytes:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30"><rect width="60" height="30" fill="#000"/>'
        f'<text x="4" y="22" fill="#fff" font-size="20">{text}</text></svg>'
    )
    return svg_to_png(svg)


def test_glyphs_fira_code_lacks_are_drawn_as_close_ones_even_inside_a_text_run() -> None:
    """The focus-on-two status says 'pair [2]⇄[4]': Fira Code has no ⇄, which came out as a blank box."""
    missing = _glyph_png("a\u4e00b")  # a CJK character Fira Code lacks: what a missing glyph draws
    assert _glyph_png("a⇄b") != missing
    assert _glyph_png("a⇄b") == _glyph_png("a↔b")
