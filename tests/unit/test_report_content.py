"""The three report formats: content, triage, dismissed findings, and hostile article text coming out inert."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from report_samples import EDITORIAL, NEUTRAL, handmade_comparison

from compare_tui.core.comparison import Comparison
from compare_tui.core.export import (
    export_bytes,
    export_name,
    name_slug,
    render_report,
    report_dict,
    screenshot_name,
)
from compare_tui.core.finding_types import FINDING_TYPES
from compare_tui.core.models import Row
from compare_tui.core.png import PngSize, png_size
from compare_tui.core.report_markdown import escape
from compare_tui.core.triage import TriageState, lookup
from fixtures.handmade import build_comparison

HOSTILE = (
    " Then <script>alert('x')</script> and <img src=http://evil.example/p.png onerror=alert(1)>"
    ' and [a link](javascript:alert(1)) and <a href="https://evil.example">bait</a>\n'
    "# not a heading | not a cell | `code` *em* _u_ ~~s~~ &amp; \x1b[31mred\x1b]52;c;Zm9v\x07 done"
)


def hostile_comparison() -> Comparison:
    base = handmade_comparison(neutral=NEUTRAL + HOSTILE, editorial=EDITORIAL)
    a = base.articles[0]
    a = type(a)(
        **{**{f: getattr(a, f) for f in a.__slots__}, "outlet": "<b>Wire</b> | x", "title": "<i>T</i>"}
    )
    extra = tuple(s.id for s in a.segments[4:])
    rows = (*base.rows, Row("r5", {"a": extra, "b": ()}, "unique", 0.0))
    return Comparison(articles=(a, base.articles[1]), rows=rows, findings=base.findings, reference="a")


def triaged(comparison: Comparison) -> TriageState:
    keys = lookup(comparison.findings, comparison.articles, None).keys
    state = TriageState().decide(keys["f4"], state="flagged", note="<script>bad()</script> check | this")
    state = state.decide(keys["f5"], state="dismissed", note="too harsh?")
    return state.decide(keys["f6"], state="accepted")


class TagCollector(HTMLParser):
    """Every start tag with its attributes, all text content, and whether every element was closed in order."""

    VOID = frozenset({"meta", "br"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self.open: list[str] = []
        self.misnested: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False
        if not self.open or self.open.pop() != tag:
            self.misnested.append(tag)

    def handle_data(self, data: str) -> None:
        (self.styles if self._in_style else self.text).append(data)


def collect(html: str) -> TagCollector:
    parser = TagCollector()
    parser.feed(html)
    return parser


SAFE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "table", "thead", "tbody", "tr",
    "th", "td", "span", "a", "br", "ol", "li", "blockquote", "strong", "section", "div", "h4",
}  # fmt: skip


def assert_no_external_request(html: str) -> None:
    """No tag may load anything: links are fragments only; the CSS names no url() or @import."""
    parsed = collect(html)
    assert parsed.open == [] and parsed.misnested == [], "every element closed, in order"
    for tag, attrs in parsed.tags:
        assert tag in SAFE_TAGS, tag
        assert "src" not in attrs and not any(name.startswith("on") for name in attrs), (tag, attrs)
        if "href" in attrs:
            assert (attrs["href"] or "").startswith("#"), attrs
    css = "".join(parsed.styles)
    assert "url(" not in css and "@import" not in css
    assert not re.search(r"""<[^>]*\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.IGNORECASE)


def test_html_of_hostile_article_is_inert_and_literal() -> None:
    comparison = hostile_comparison()
    html = render_report(comparison, fmt="html", triage=triaged(comparison))
    assert_no_external_request(html)
    text = "".join(collect(html).text)
    assert "<script>alert('x')</script>" in text
    assert "<img src=http://evil.example/p.png onerror=alert(1)>" in text
    assert "[a link](javascript:alert(1))" in text
    assert "<b>Wire</b> | x" in text and "<script>bad()</script> check | this" in text
    assert "\x1b" not in html and "\x07" not in html and "␛[31mred" in text


def test_markdown_of_hostile_article_renders_as_literal_text() -> None:
    comparison = hostile_comparison()
    md = render_report(comparison, fmt="md", triage=triaged(comparison))
    rendered = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(md)
    assert "<script" not in rendered and "<img" not in rendered and "<a href" not in rendered
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in rendered.replace("&#x27;", "'")
    assert "javascript:alert(1)" in rendered  # as text
    assert "<h1>not a heading" not in rendered and "# not a heading" in rendered
    assert "\x1b" not in md
    # Every ledger and article table keeps its column count despite pipes in the text.
    for table in re.findall(r"<table>.*?</table>", rendered, re.DOTALL):
        rows = re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)
        assert len({len(re.findall(r"<t[hd]", row)) for row in rows}) == 1


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_markdown_escape_never_produces_structure(text: str) -> None:
    rendered = MarkdownIt("commonmark").enable("table").render(f"> x{escape(text)}")
    assert re.fullmatch(r"<blockquote>\n<p>x[^<]*</p>\n</blockquote>\n", rendered), (text, rendered)


def test_html_shows_row_cards_gaps_named_once_legend_ledger_and_triage() -> None:
    comparison = handmade_comparison()
    html = render_report(comparison, fmt="html", triage=triaged(comparison))
    parsed = collect(html)
    rows = [a for t, a in parsed.tags if t == "section" and (a.get("id") or "").startswith("row-")]
    assert [a["id"] for a in rows] == ["row-r0", "row-r1", "row-r2", "row-r3", "row-r4"]
    unique = html.split('<section id="row-r2"')[1].split("</section>")[0]
    assert unique.count('<div class="card col-2">') == 1 and "Blog" in unique
    assert '<p class="gap">No passage in Wire.</p>' in unique
    assert sum(html.count(f'<p class="gap">No passage in {n}.</p>') for n in ("Wire", "Blog")) == 2
    for ftype in FINDING_TYPES:
        assert f'<span class="hl-{ftype}">' in html  # in the legend, styled as in the text
    assert (
        '<span class="hl-loaded_language dismissed" title="L9 Loaded language">hawkish bluster</span>' in html
    )
    assert '<li id="E8" class="finding t-editorial_aside triage-flagged">' in html
    assert "check | this" in "".join(parsed.text)
    ledger = html[html.index('<table class="ledger">') :]
    assert (
        '<tr><td class="fact">on Monday</td><td class="present" title="Wire: reported">✓</td>'
        '<td class="absent" title="Blog: not reported">✗</td><td class="count">1</td></tr>'
    ) in ledger


def test_html_finding_links_follow_the_passage_and_never_split_its_words() -> None:
    comparison = handmade_comparison()
    html = render_report(comparison, fmt="html", triage=triaged(comparison))
    for passage in re.findall(r'<p class="passage">.*?</p>', html):
        text, _, refs = passage.partition('<span class="refs">')
        assert "<a " not in text, "a finding link inside the passage text"
        assert not refs or re.fullmatch(r'(<a href="#[A-Z]\d+">[A-Z]\d+</a> ?)+</span></p>', refs), refs
    aside = next(p for p in re.findall(r'<p class="passage">.*?</p>', html) if "hawkish bluster" in p)
    assert aside.endswith('<span class="refs"><a href="#L9">L9</a> <a href="#E8">E8</a></span></p>')


def test_html_ledger_numbers_its_columns_with_a_key_when_there_are_many_articles(handmade) -> None:
    few = render_report(handmade, fmt="html")
    assert '<p class="key">' not in few
    many = [
        replace(a, id=f"{a.id}{n}", outlet=f"Outlet {a.id} {n}") for n in range(2) for a in handmade.articles
    ]
    html = render_report(replace(handmade, articles=tuple(many)), fmt="html")
    key = html.split('<p class="key">')[1].split("</p>")[0]
    assert all(f"Outlet {a.id} {n}" in key for n in range(2) for a in handmade.articles)
    assert '<th class="article" title="Outlet wire 0">1</th>' in html


def test_dismissed_findings_left_out_everywhere_when_asked() -> None:
    comparison = handmade_comparison()
    state = triaged(comparison)
    for fmt in ("md", "html"):
        shown = render_report(comparison, fmt=fmt, triage=state)
        hidden = render_report(comparison, fmt=fmt, triage=state, include_dismissed=False)
        assert "Loaded language · Blog" in shown and "Loaded language · Blog" not in hidden
        assert "too harsh?" in shown and "too harsh?" not in hidden
        assert "left out" in hidden
    document = report_dict(comparison, triage=state, include_dismissed=False)
    assert "f5" not in [f["id"] for f in document["findings"]]
    assert document["triage"]["counts"] == {"accepted": 1, "dismissed": 0, "flagged": 1}


def test_markdown_has_quoted_passages_tables_and_triage() -> None:
    comparison = handmade_comparison()
    md = render_report(comparison, fmt="md", triage=triaged(comparison))
    assert "> **Of course, this is the usual hawkish bluster \\[L9\\].** \\[E8\\]" in md
    assert "| on Monday | ✓ | ✗ absent |" in md
    unique_row = md.split("### Row r2 · unique")[1].split("### Row")[0]
    assert "**Blog** (§3)" in unique_row and "Wire" not in unique_row
    assert "Triage: **flagged** — note: \\<script\\>bad()\\</script\\> check \\| this" in md
    assert "> Leader **Complains** \\[W5\\] He Hasn't Received A Guarantee" in md


def test_markdown_names_the_articles_a_shared_row_is_missing_from_once() -> None:
    md = render_report(build_comparison(), fmt="md")
    shared = md.split("### Row r2 ")[1].split("### Row")[0]
    assert "**Wire Service** (§3)" in shared and "**Pundit Daily** (§3)" in shared
    assert shared.count("The Daily") == 1 and "*No passage in The Daily.*" in shared


def test_json_keeps_every_report_field_and_adds_triage() -> None:
    comparison = handmade_comparison()
    document = json.loads(render_report(comparison, fmt="json", triage=triaged(comparison)))
    plain = comparison.to_dict()
    for name, value in plain.items():
        if name != "findings":
            assert document[name] == value
    for mine, theirs in zip(document["findings"], plain["findings"], strict=True):
        assert {k: v for k, v in mine.items() if k != "triage"} == theirs
    by_id = {f["id"]: f["triage"] for f in document["findings"]}
    assert by_id["f4"]["state"] == "flagged" and by_id["f4"]["note"].startswith("<script>")
    assert by_id["f5"]["state"] == "dismissed" and by_id["f0"] is None
    assert document["triage"]["include_dismissed"] is True
    assert document["triage"]["counts"] == {"accepted": 1, "dismissed": 1, "flagged": 1}


def test_reports_without_triage_are_deterministic() -> None:
    comparison = handmade_comparison()
    for fmt in ("json", "md", "html"):
        assert render_report(comparison, fmt=fmt) == render_report(handmade_comparison(), fmt=fmt)


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown report format 'pdf'"):
        render_report(handmade_comparison(), fmt="pdf")  # type: ignore[arg-type]


def test_export_bytes_gives_reports_and_screen_images() -> None:
    comparison = handmade_comparison()
    state = triaged(comparison)
    md = export_bytes(comparison, fmt="md", triage=state, include_dismissed=False)
    assert md == render_report(comparison, fmt="md", triage=state, include_dismissed=False).encode("utf-8")
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="4"><rect width="8" height="4" fill="red"/></svg>'
    assert export_bytes(comparison, fmt="svg", screen_svg=svg) == svg.encode("utf-8")
    assert png_size(export_bytes(comparison, fmt="png", screen_svg=svg)) == PngSize(8, 4)
    with pytest.raises(ValueError, match="a png export needs the screen as SVG"):
        export_bytes(comparison, fmt="png")


def test_export_name_says_what_and_which_articles() -> None:
    comparison = handmade_comparison()
    name = export_name(comparison, fmt="html")
    assert re.fullmatch(r"compare-tui_leader-says-allies-gave-no-clear-guarant_[0-9a-f]{8}\.html", name)
    assert export_name(comparison, fmt="png").removesuffix(".png") == name.removesuffix(".html")


def test_file_names_use_one_slug_of_the_first_article() -> None:
    assert name_slug("Zelensky Says: “No Guarantees” — 2026!") == "zelensky-says-no-guarantees-2026"
    assert name_slug("“—”") == "comparison"
    assert name_slug("word " * 20) == "word-word-word-word-word-word-word-word"
    name = screenshot_name(handmade_comparison(), row=3, now=datetime(2026, 1, 9, 8, 5, 1))
    assert name == "compare-tui_leader-says-allies-gave-no-clear-guarant_row3_20260109-080501.svg"
