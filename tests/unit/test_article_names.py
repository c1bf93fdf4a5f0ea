"""Articles without a headline line: title vs lede, and names from metadata, else from the file name."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare_tui.core.boilerplate import looks_like_headline
from compare_tui.core.labels import article_labels, article_numbers, source_name
from compare_tui.core.loading import load_sources

LEDE = (
    "LOUISVILLE - Dan Johnson posted a final message on Facebook before he was found dead, "
    "the police said on Thursday."
)
LONG_LEDE = (
    "Republican Senate candidate Todd Akin said on Monday that he would stay in the race despite calls "
    "from his own party to quit over his remarks."
)


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Romney calls on Rep. Akin to quit Senate race", True),
        ("Breaking News: Sudan Bombs Yida Refugee Camp in South Sudan", True),
        ("U.S. Sen. John Smith, R-Ky., says no", True),
        ("Is this the end of the truce?", True),
        (LEDE, False),
        ("WASHINGTON (Reuters) — The Senate voted.", False),
        (LONG_LEDE, False),
        ("Troops moved in. Then the town fell. Nobody left.", False),
    ],
)
def test_headline_or_lede(line: str, headline: bool) -> None:
    assert looks_like_headline(line) is headline


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("001_Washington_Post.txt", "Washington Post"),
        ("/news/fox.txt", "fox"),
        ("Le_Monde.md", "Le Monde"),
        ("https://www.bbc.co.uk/news/world-15678261", "bbc.co.uk"),
        ("000_8a159465e6b8163d.txt", None),
        ("41_10ecbplus.txt", None),
        ("article-2.txt", None),
        ("<stdin>", None),
    ],
)
def test_name_from_the_file_or_address(source: str, name: str | None) -> None:
    assert source_name(source) == name


def test_a_lede_is_no_title_and_the_file_names_the_article(tmp_path: Path) -> None:
    (tmp_path / "fox.txt").write_text(f"{LEDE}\n\nSecond paragraph.", encoding="utf-8")
    (tmp_path / "001_Washington_Post.txt").write_text(
        f"Romney calls on Rep. Akin to quit Senate race\n\n{LONG_LEDE}", encoding="utf-8"
    )
    (tmp_path / "002_8a159465e6b8163d.txt").write_text(
        f"Akin stays in the race\n\n{LONG_LEDE}", encoding="utf-8"
    )
    result = load_sources([tmp_path])
    by_file = {Path(a.source).name: a for a in result.articles}
    fox, post, hashed = (
        by_file["fox.txt"],
        by_file["001_Washington_Post.txt"],
        by_file["002_8a159465e6b8163d.txt"],
    )
    assert fox.title is None and fox.text.startswith("LOUISVILLE - Dan Johnson")
    assert post.title == "Romney calls on Rep. Akin to quit Senate race"
    labels = article_labels(result.articles)
    assert labels[fox.id] == "fox"
    assert labels[post.id] == "Washington Post"
    assert labels[hashed.id] == '"Akin stays in the race"'


def test_metadata_outlet_wins_over_the_file_name(tmp_path: Path) -> None:
    (tmp_path / "fox.txt").write_text("Headline here\n\nBody text.", encoding="utf-8")
    (tmp_path / "meta.json").write_text('{"articles": {"fox.txt": {"outlet": "Fox News"}}}', encoding="utf-8")
    (article,) = load_sources([tmp_path]).articles
    assert article_labels([article]) == {article.id: "Fox News"}


def test_articles_are_numbered_by_position_among_all() -> None:
    assert article_numbers(["wire", "pundit", "daily"]) == {"wire": "[1]", "pundit": "[2]", "daily": "[3]"}
    assert article_numbers([]) == {}
