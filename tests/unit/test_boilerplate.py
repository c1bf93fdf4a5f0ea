"""Site furniture and metadata lines are separated from the body; real sentences are kept."""

from __future__ import annotations

import pytest

from compare_tui.core.boilerplate import FURNITURE, clean_body, furniture, furniture_name, metadata_line


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("print-icon", "print icon"),
        ("Leave a Reply", "comment form"),
        ("Your email address will not be published. Required fields are marked *", "comment form notice"),
        ("Loading recommendations...", "loading placeholder"),
        ("Loading…", "loading placeholder"),
        ("Tyler Durden's Photo", "author photo"),
        ("Authored...", "truncated byline"),
        ("Share this:", "share buttons"),
        ("Click to share on Twitter (Opens in new window)", "share buttons"),
        ("Advertisement", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Subscribe to our newsletter", "newsletter"),
        ("Sign up for our daily newsletter to get the latest news.", "newsletter"),
        ("Related: Zelensky meets Macron in Paris", "related links"),
        ("Read more", "related links"),
        ("We use cookies to improve your experience. By continuing you agree.", "cookie notice"),
        ("Accept all cookies", "cookie notice"),
        ("12 Comments", "comment form"),
        ("Comments (3)", "comment form"),
        ("5 min read", "reading time"),
        ("© 2026 The Daily Planet. All rights reserved.", "copyright"),
        ("Skip to main content", "navigation"),
        ("  print-icon  ", "print icon"),
    ],
)
def test_furniture_lines_are_named(line: str, name: str) -> None:
    assert furniture_name(line) == name


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement revenue fell 4% in the quarter, the company said.",
        "Share prices rose on Tuesday.",
        "Leave a reply, the minister told critics, and we will answer it.",
        "Loading of the ships was delayed by three days.",
        "Related talks will take place in Geneva next week.",
        "Zelensky said:",
        "Comments by the minister drew criticism.",
        "We use cookies as an example, the regulator said",
        "This week's Paris meeting.",
        "Military Hubs and Troop Deployments",
    ],
)
def test_real_sentences_are_not_furniture(line: str) -> None:
    assert furniture_name(line) is None


def test_patterns_have_unique_names() -> None:
    names = [p.name for p in FURNITURE]
    assert len(names) == len(set(names))


def test_custom_patterns_extend_the_list() -> None:
    patterns = (*FURNITURE, furniture("podcast promo", r"listen to our podcast.*"))
    cleaned = clean_body("Title\n\nBody text.\n\nListen to our podcast on Fridays", patterns=patterns)
    assert cleaned.text == "Title\n\nBody text."
    assert cleaned.removed[-1].reason == "boilerplate: podcast promo"


@pytest.mark.parametrize(
    ("line", "in_header", "expected"),
    [
        ("by Tyler Durden", True, ("byline", "Tyler Durden")),
        ("By Jane Doe and John Roe", True, ("byline", "Jane Doe and John Roe")),
        ("By Ana María de la Cruz", True, ("byline", "Ana María de la Cruz")),
        ("Authored by Mike Shedlock via MishTalk.com", True, ("byline", "Mike Shedlock")),
        ("by Tyler Durden", False, None),
        ("by the river, soldiers waited", True, None),
        ("Source: Reuters", False, ("outlet", "Reuters")),
        ("Outlet: The Daily Planet", True, ("outlet", "The Daily Planet")),
        ("Author: Jane Doe", False, ("byline", "Jane Doe")),
        ("Published: 2026-01-09", False, ("published", "2026-01-09")),
        ("Date: Tuesday", False, None),
        ("URL: https://example.com/a", False, ("url", "https://example.com/a")),
        ("URL: not a link", False, None),
        ("Source: a senior official who asked not to be named said the talks had failed.", True, None),
        ("Zelensky said: no", True, None),
        ("Published on: 11 November 2011 - 11:25am", False, ("published", "11 November 2011 - 11:25am")),
        ("Thu Nov 10, 2011 3:00pm EST", True, ("published", "Thu Nov 10, 2011 3:00pm EST")),
        ("on Nov 10, 2011", True, ("published", "Nov 10, 2011")),
        (
            "11 November 2011 Last updated at 12:41 GMT",
            True,
            ("published", "11 November 2011 Last updated at 12:41 GMT"),
        ),
        ("11/10/11 02:39 PM ET", True, ("published", "11/10/11 02:39 PM ET")),
        ("Thu Nov 10, 2011 3:00pm EST", False, None),
        ("On Thursday, 40 people died.", True, None),
        ("Sunday, 3 killed", True, None),
    ],
)
def test_metadata_lines(line: str, in_header: bool, expected: tuple[str, str] | None) -> None:
    assert metadata_line(line, in_header=in_header) == expected


def test_title_is_first_line_and_its_own_paragraph() -> None:
    cleaned = clean_body("Headline\nFirst body line.\nSecond body line.")
    assert cleaned.title == "Headline"
    assert cleaned.text == "Headline\n\nFirst body line.\nSecond body line."


def test_byline_after_furniture_becomes_metadata() -> None:
    raw = "print-icon\n\nHeadline\n\nTyler Durden's Photo\nby Tyler Durden\nAuthored...\n\nBody."
    cleaned = clean_body(raw)
    assert cleaned.byline == "Tyler Durden"
    assert cleaned.text == "Headline\n\nBody."
    assert [r.reason for r in cleaned.removed] == [
        "boilerplate: print icon",
        "boilerplate: author photo",
        "metadata",
        "boilerplate: truncated byline",
    ]


def test_header_timestamp_becomes_the_publication_date() -> None:
    cleaned = clean_body(
        "Plane bombs refugee camp\n\nThu, 10 Nov 2011 02:45 PM\n\nA camp was bombed on Thursday."
    )
    assert cleaned.published == "Thu, 10 Nov 2011 02:45 PM"
    assert cleaned.text == "Plane bombs refugee camp\n\nA camp was bombed on Thursday."
    assert cleaned.removed[0].text == "Thu, 10 Nov 2011 02:45 PM"


def test_byline_deep_in_the_body_is_kept() -> None:
    raw = "Headline\n\nOne.\n\nTwo.\n\nThree.\n\nby Jane Doe"
    cleaned = clean_body(raw)
    assert cleaned.byline is None
    assert cleaned.text.endswith("by Jane Doe")


def test_known_title_is_not_repeated() -> None:
    cleaned = clean_body("allies  pledge troops\n\nBody.", title="Allies pledge\ntroops")
    assert cleaned.title == "Allies pledge troops"
    assert cleaned.text == "Allies pledge troops\n\nBody."


def test_known_title_leads_a_body_without_it() -> None:
    cleaned = clean_body("First paragraph.\n\nSecond.", title="Headline")
    assert cleaned.text == "Headline\n\nFirst paragraph.\n\nSecond."


def test_markdown_title_markers_are_stripped_but_body_is_literal() -> None:
    cleaned = clean_body("## Budget *deal* ##\n\nText with *stars* and # hash.", markdown=True)
    assert cleaned.title == "Budget *deal*"
    assert cleaned.text == "Budget *deal*\n\nText with *stars* and # hash."


def test_markdown_setext_underline_is_removed() -> None:
    cleaned = clean_body("Budget deal\n===========\n\nBody.", markdown=True)
    assert cleaned.text == "Budget deal\n\nBody."
    assert cleaned.removed[0].reason == "markup: heading underline"


def test_overlong_first_line_is_not_a_title() -> None:
    paragraph = " ".join(["word"] * 60) + "."
    cleaned = clean_body(paragraph)
    assert cleaned.title is None
    assert cleaned.text == paragraph


def test_text_is_literal_except_line_ends_and_trailing_space() -> None:
    raw = "\ufeffTitle\r\n\r\n\u201cQuote\u201d\u00a0kept \u2014 literally.  \r\nNext\rline\t\n\n\n\nEnd"
    cleaned = clean_body(raw)
    assert cleaned.text == "Title\n\n\u201cQuote\u201d\u00a0kept \u2014 literally.\nNext\nline\n\nEnd"


def test_only_furniture_leaves_no_text() -> None:
    cleaned = clean_body("print-icon\n\nAdvertisement\n")
    assert cleaned.text == ""
    assert cleaned.title is None
    assert len(cleaned.removed) == 2
