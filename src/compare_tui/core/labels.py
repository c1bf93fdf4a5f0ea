"""What to call each article: one short name used alike by explanations, reports and the app's headers.

The outlet when known ("Reuters"), else the headline in quotes, cut to a few words; two articles that would
get the same name are told apart by their ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from compare_tui.core.models import Article

_TITLE_LABEL_CHARS = 40


def article_labels(articles: Sequence[Article]) -> dict[str, str]:
    """A short name per article id: the outlet, else the title, else the id; repeated names get the id."""
    names = {a.id: _label(a) for a in articles}
    counts = Counter(names.values())
    return {aid: name if counts[name] == 1 else f"{name} ({aid})" for aid, name in names.items()}


def has_outlet(article: Article) -> bool:
    """Whether the article's name is its outlet; otherwise it is its headline, which a view need not repeat."""
    return bool(article.outlet and article.outlet.strip())


def _label(article: Article) -> str:
    if has_outlet(article):
        return " ".join(article.outlet.split())
    title = " ".join((article.title or "").split())
    if not title:
        return article.id
    if len(title) > _TITLE_LABEL_CHARS:
        cut = title[: _TITLE_LABEL_CHARS + 1].rsplit(" ", 1)[0].rstrip(",;:-")
        title = (cut or title[:_TITLE_LABEL_CHARS]) + "\u2026"
    return f'"{title}"'
