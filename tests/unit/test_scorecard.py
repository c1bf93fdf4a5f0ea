"""The per-outlet scorecard: rates per 100 sentences, quotation share, attribution and facts per article."""

from __future__ import annotations

import json

from compare_tui.core.export import render_report
from compare_tui.core.pipeline import compare_articles
from compare_tui.core.scorecard import score_cells, score_headers, scorecard
from compare_tui.core.settings import Settings
from fixtures.analysis_inputs import segmented

A = segmented(
    "a",
    'Title\n\nMayor Ana Lee said: "We will rebuild the bridge." The bridge fell on Monday. '
    "Lee met 30 engineers. Crews worked all night.",
    outlet="a.example",
)
B = segmented("b", "Other\n\nThe bridge fell. Crews worked all night.", outlet="b.example")


def test_scorecard_counts_flags_quotes_attribution_and_facts_per_article() -> None:
    comparison = compare_articles([A, B], settings=Settings())
    scores = {s.article: s for s in scorecard(comparison)}
    a, b = scores["a"], scores["b"]
    assert a.sentences == 4 and b.sentences == 2
    flags = [f for f in comparison.findings if f.article == "a"]
    assert sum(a.flags.values()) == len(flags)
    assert a.per_100("omitted_fact") == 100 * a.flags["omitted_fact"] / 4
    quote = len("We will rebuild the bridge.")
    body = sum(s.end - s.start for s in A.segments if s.kind != "title")
    assert abs(a.quoted_share - quote / body) < 0.02 and b.quoted_share == 0
    assert a.attributed == 1 and a.unattributed == 3 and b.attributed == 0
    assert a.facts_omitted == 0 and a.facts_reported == b.facts_omitted > 0 and b.facts_reported == 0
    assert len(score_cells(a, "a.example")) == len(score_headers())


def test_json_markdown_and_html_reports_carry_the_scorecard() -> None:
    comparison = compare_articles([A, B], settings=Settings())
    document = json.loads(render_report(comparison, fmt="json"))
    entry = {e["article"]: e for e in document["scorecard"]}["a"]
    assert entry["claims"] == {"attributed": 1, "unattributed": 3}
    assert set(entry["flags"]) == set(entry["flags_per_100_sentences"])
    assert render_report(comparison, fmt="md").count("## Scorecard") == 1
    html = render_report(comparison, fmt="html")
    assert '<table class="scorecard">' in html and "<td>a.example</td>" in html
