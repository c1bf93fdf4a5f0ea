"""scripts/screenshots.py, which regenerates the README's images, drives the real app to the screens it names."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
sys.path.insert(0, str(SCRIPTS))

import screenshots


def test_every_shot_reads_a_bundled_sample_and_the_readme_embeds_it() -> None:
    readme = (SCRIPTS.parent / "README.md").read_text(encoding="utf-8")
    for shot in screenshots.SHOTS:
        assert shot.source.is_dir(), shot.name
        assert f"(docs/screenshots/{shot.name}.svg)" in readme and shot.caption in readme


def test_the_details_shot_shows_the_details_screen(tmp_path: Path) -> None:
    shot = next(s for s in screenshots.SHOTS if s.name == "details")
    svg = asyncio.run(
        screenshots.shoot(shot, size=(120, 40), theme="textual-dark", session=tmp_path / "s.json")
    )
    assert svg.startswith("<svg") and "Passages" in svg and "Matches" in svg
