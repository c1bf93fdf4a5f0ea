"""Regenerate the README's screenshots: the real app, headless, on the bundled samples, at one size and theme.

Each shot runs the app through Textual's Pilot, waits for the comparison, presses the keys a reader would,
clears the toasts (they time out, so an image would depend on the machine's speed) and saves the screen as
SVG into docs/screenshots/. The triage session lives in a temporary folder, so the reviewer's own decisions
never show up in the images.

    python scripts/screenshots.py [--out docs/screenshots] [--size 192x50] [--theme textual-dark]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from dataclasses import dataclass
from pathlib import Path

from compare_tui.core.atomic import write_text_atomic
from compare_tui.core.settings import Settings
from compare_tui.tui.app import CompareApp
from compare_tui.tui.screenshot import parse_size

ROOT = Path(__file__).resolve().parents[1]
SEED_PAIR = ROOT / "sample_data" / "zelensky-security-guarantees"
ELEVEN = ROOT / "sample_data" / "sudan-bombs-yida-refugee-camp"


@dataclass(frozen=True, slots=True)
class Shot:
    """One screenshot: file name (without .svg), input folder, keys pressed, and the README's caption."""

    name: str
    source: Path
    keys: tuple[str, ...]
    caption: str


SHOTS = (
    Shot(
        "review-seed-pair",
        SEED_PAIR,
        ("n", "n"),
        "The review screen on the bundled seed pair: matching passages side by side, the current finding "
        "bracketed ▶…◀ and named in the status line.",
    ),
    Shot(
        "review-eleven",
        ELEVEN,
        (),
        "Eleven outlets on one event: the columns share the width and scroll sideways by whole columns.",
    ),
    Shot(
        "focus-on-two",
        ELEVEN,
        ("tab", "D", "down", "down", "enter", "n"),
        "`D` focuses on two articles: words one passage lacks in the other are struck out or underlined in "
        "place, the other outlets are hidden.",
    ),
    Shot(
        "ledger",
        ELEVEN,
        ("o",),
        "`o`, the omission ledger: facts ranked by how many outlets report them, where each states it "
        "(headline, lede, body, last quarter) and who leaves it out.",
    ),
    Shot(
        "details",
        SEED_PAIR,
        ("n", "n", "enter"),
        "`enter`, the details of a row: each outlet's passage, the word-level differences and the findings "
        "explained.",
    ),
    Shot(
        "scorecard",
        ELEVEN,
        ("b",),
        "`b`, the per-outlet scorecard: what each article quotes, buries and leaves out.",
    ),
)


async def shoot(shot: Shot, *, size: tuple[int, int], theme: str, session: Path) -> str:
    """The SVG of the app on `shot.source` after `shot.keys`."""
    app = CompareApp([str(shot.source)], settings=Settings(theme=theme), session_path=session)
    async with app.run_test(size=size) as pilot:
        await app.wait_for_comparison()
        await pilot.pause()
        for key in shot.keys:
            await pilot.press(key)
            await pilot.pause()
        app.clear_notifications()
        await pilot.pause()
        return app.export_screenshot()


def main() -> None:
    """Command line entry point: write every shot, then print the README lines that embed them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", default="192x50")
    parser.add_argument("--theme", default="textual-dark")
    args = parser.parse_args()
    size = parse_size(args.size)
    with tempfile.TemporaryDirectory() as folder:
        for shot in SHOTS:
            svg = asyncio.run(shoot(shot, size=size, theme=args.theme, session=Path(folder) / "session.json"))
            path = args.out / f"{shot.name}.svg"
            write_text_atomic(path, svg, create_folder=True)
            print(f"wrote {path}")
    print()
    for shot in SHOTS:
        print(f"![{shot.name}](docs/screenshots/{shot.name}.svg)\n*{shot.caption}*\n")


if __name__ == "__main__":
    main()
