"""What to call each article: one short name used alike by explanations, reports and the app's headers.

The outlet when known ("Reuters"), else a name the file or address carries (`001_Washington_Post.txt` is
"Washington Post", `https://www.bbc.co.uk/...` is "bbc.co.uk"), else the headline in quotes cut to a few
words, else the id; two articles that would get the same name are told apart by their ids.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from urllib.parse import urlsplit

from compare_tui.core.models import Article

_TITLE_LABEL_CHARS = 40
_ORDER_PREFIX = re.compile(r"^\d+(?:[_\-.\s]+|$)")
"""A leading sequence number such as "001_", which orders files but is no part of their name."""
_SEPARATORS = re.compile(r"[_\s]+")
_MACHINE_NAME = re.compile(r"(?=.*\d)[0-9a-f\-]{8,}|\d+[a-z]*\d*|[a-z]?\d+\w*", re.IGNORECASE)
"""Names that a machine made (hashes, numbers, "10ecbplus"): no reader knows an article by them."""
_GENERIC = frozenset({"article", "story", "text", "index", "page", "input", "untitled", "document", "file"})
"""Words that name no outlet: "article-2.txt" says nothing about whose article it is."""


def article_labels(articles: Sequence[Article]) -> dict[str, str]:
    """A short name per article id: outlet, file name, title or id; repeated names get the id."""
    names = {a.id: _label(a) for a in articles}
    counts = Counter(names.values())
    return {aid: name if counts[name] == 1 else f"{name} ({aid})" for aid, name in names.items()}


def article_numbers(article_ids: Iterable[str]) -> dict[str, str]:
    """Article id -> "[N]", its 1-based position among all the articles: how the app's column headers,
    headline strip and row details number an article, and the number key that shows or hides it."""
    return {aid: f"[{n}]" for n, aid in enumerate(article_ids, start=1)}


def has_outlet(article: Article) -> bool:
    """Whether the article's name is something else than its headline (its outlet or the name of its file),
    so a view that shows the headline next to the name does not repeat it."""
    return bool((article.outlet and article.outlet.strip()) or source_name(article.source))


def source_name(source: str) -> str | None:
    """The name a file or address gives an article, or None when it gives none a reader would know.

    `001_Washington_Post.txt` → "Washington Post", `fox.txt` → "fox", `https://www.bbc.co.uk/news/1` →
    "bbc.co.uk"; `000_8a159465e6b8163d.txt`, `41_10ecbplus.txt` and "<stdin>" → None.
    """
    if source.startswith(("http://", "https://")):
        host = (urlsplit(source).hostname or "").removeprefix("www.")
        return host or None
    if source.startswith("<"):
        return None
    stem = PurePath(source).stem
    name = _SEPARATORS.sub(" ", _ORDER_PREFIX.sub("", stem)).strip(" -.")
    letters = sum(c.isalpha() for c in name)
    words = re.findall(r"[^\W\d_]+", name.lower())
    if letters < 2 or _MACHINE_NAME.fullmatch(name) or all(w in _GENERIC for w in words):
        return None
    return name


def _label(article: Article) -> str:
    if article.outlet and article.outlet.strip():
        return " ".join(article.outlet.split())
    if (name := source_name(article.source)) is not None:
        return name
    title = " ".join((article.title or "").split())
    if not title:
        return article.id
    if len(title) > _TITLE_LABEL_CHARS:
        cut = title[: _TITLE_LABEL_CHARS + 1].rsplit(" ", 1)[0].rstrip(",;:-")
        title = (cut or title[:_TITLE_LABEL_CHARS]) + "\u2026"
    return f'"{title}"'
