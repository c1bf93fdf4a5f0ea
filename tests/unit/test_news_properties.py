"""The whole comparison on news-like articles: figures, units, clocks, dates, quotations and denials that
several outlets share with small changes. Arbitrary Unicode rarely aligns two passages, so it never reaches
the analysis of aligned rows; these articles do (a count of "five times" read as a clock time once aborted
every comparison that aligned it)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_report_schema import check_invariants

from compare_tui import compare
from compare_tui.core.models import Article

SUBJECTS = ("Police", "The mayor, Ana Lee,", "Officials", "He", "She", "Mr. Dean", "The army", "Witnesses")
VERBS = ("said", "claimed", "denied", "reported", "fired", "killed", "injured", "confirmed", "told reporters")
FIGURES = ("5", "five", "at least 12", "about 24", "more than 200", "dozens of", "13", "1,200", "nearly 3.5")
UNITS = ("times", "people", "dead", "children", "yards", "km", "miles", "%", "shots", "years old", "-year-old")
WHEN = (
    "at 7 a.m.",
    "at 11:59 PM",
    "by 6:40 a.m. local time",
    "at 07:37 GMT",
    "at noon",
    "on Monday",
    "on Nov. 10, 2011",
    "in March",
    "last week",
    "",
)
QUOTES = ("", ' "We will not stop," he said.', " The 'so-called' plan failed.", ' "It was a mistake."')

sentences = st.builds(
    lambda s, v, f, u, w, q: f"{s} {v} {f}{'' if u.startswith('-') else ' '}{u} {w}".rstrip() + "." + q,
    st.sampled_from(SUBJECTS),
    st.sampled_from(VERBS),
    st.sampled_from(FIGURES),
    st.sampled_from(UNITS),
    st.sampled_from(WHEN),
    st.sampled_from(QUOTES),
)


@st.composite
def outlets(draw: st.DrawFn) -> list[Article]:
    """Two to four articles drawn from one pool of sentences, each with its own order, share and edits."""
    pool = draw(st.lists(sentences, min_size=2, max_size=8))
    articles = []
    for i in range(draw(st.integers(2, 4))):
        chosen = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=len(pool)))
        edits = draw(st.lists(sentences, max_size=2))
        paragraphs = [*chosen, *edits]
        articles.append(Article(id=f"n{i}", source=f"n{i}.txt", text="Headline\n\n" + "\n\n".join(paragraphs)))
    return articles


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outlets())
def test_news_like_articles_compare_and_keep_the_invariants(articles: list[Article]) -> None:
    check_invariants(compare(articles).to_dict())
