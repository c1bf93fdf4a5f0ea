"""Segmentation: sentence-like units with offsets into the text the user sees, on the seeds and edge cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare_tui.core.models import Article, Segment
from compare_tui.core.segment import segment_article

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "zelensky-security-guarantees"
# What the loader strips from the seeds as site furniture; segmentation sees the cleaned text.
FURNITURE = (
    "print-icon",
    "Tyler Durden's Photo",
    "by Tyler Durden",
    "Authored...",
    "Loading recommendations...",
)
FURNITURE_PREFIXES = ("Leave a Reply", "Your email address will not be published")


def seed(name: str, article_id: str) -> Article:
    """A seed article as the loader hands it on: furniture dropped, the headline as first line and title."""
    lines = (SAMPLE / name).read_text(encoding="utf-8").splitlines()
    kept = [
        line for line in lines if line.strip() not in FURNITURE and not line.startswith(FURNITURE_PREFIXES)
    ]
    text = "\n".join(kept).strip()
    return Article(id=article_id, source=name, text=text, title=text.splitlines()[0])


@pytest.fixture(scope="module")
def seed_a() -> Article:
    return segment_article(seed("000_8a159465e6b8163d.txt", "a"))


@pytest.fixture(scope="module")
def seed_b() -> Article:
    return segment_article(seed("001_076d54ec44685f7b.txt", "b"))


def texts(article: Article, kind: str | None = None) -> list[str]:
    return [article.segment_text(s) for s in article.segments if kind is None or s.kind == kind]


def units(text: str, *, title: str | None = None) -> list[str]:
    return texts(segment_article(Article(id="t", source="t.txt", text=text, title=title)))


def kinds(text: str, *, title: str | None = None) -> list[str]:
    return [s.kind for s in segment_article(Article(id="t", source="t.txt", text=text, title=title)).segments]


def containing(article: Article, fragment: str) -> Segment:
    (segment,) = [s for s in article.segments if fragment in article.segment_text(s)]
    return segment


def test_seed_a_title_and_headings(seed_a: Article) -> None:
    assert seed_a.segments[0].kind == "title"
    assert texts(seed_a, "title") == ["Zelensky Says He Has No Clear Security Guarantees from Allies"]
    assert texts(seed_a, "heading") == [
        "Lack of Clear Security Commitments",
        "Military Hubs and Troop Deployments",
        "Zelensky Calls for Legally Binding Guarantees",
        "Current Status of the War",
    ]


def test_seed_a_keeps_the_two_sentence_quotation_whole(seed_a: Article) -> None:
    segment = containing(seed_a, "As long as we don’t have security guarantees")
    assert segment.kind == "quote"
    assert seed_a.segment_text(segment) == (
        "“As long as we don’t have security guarantees that are legally binding, supported by "
        "parliaments and the United States Congress, this question cannot be answered. "
        "Even if they do exist, Ukraine must primarily rely on its own strength.”"
    )


def test_seed_a_quotes_and_their_introduction(seed_a: Article) -> None:
    assert texts(seed_a, "quote")[0].startswith("“I am asking this very question")
    assert containing(seed_a, "Zelensky said:").kind == "sentence"
    assert seed_a.segment_text(containing(seed_a, "Zelensky said:")) == "Zelensky said:"


def test_seed_a_sentences_and_paragraphs(seed_a: Article) -> None:
    starmer = containing(seed_a, "Sir Keir Starmer")
    assert seed_a.segment_text(starmer).startswith(
        "During the Paris talks, UK Prime Minister Sir Keir Starmer confirmed"
    )
    assert seed_a.segment_text(starmer).endswith("deter future Russian aggression.")
    macron = containing(seed_a, "Emmanuel Macron")
    assert macron.paragraph == starmer.paragraph
    assert int(macron.id.split(":")[1]) == int(starmer.id.split(":")[1]) + 1
    assert [s.paragraph for s in seed_a.segments[:4]] == [0, 1, 1, 2]
    assert len(seed_a.segments) == 25
    ready = containing(seed_a, "90% ready")
    assert seed_a.segment_text(ready).endswith("a peace deal is 90% ready,")
    after = seed_a.segments[seed_a.segments.index(ready) + 1]
    assert seed_a.segment_text(after).startswith("but territorial concessions and security guarantees")
    assert after.paragraph == ready.paragraph and after.kind == "sentence"


def _cut(text: str) -> list[str]:
    article = segment_article(Article(id="x", source="x.txt", text=text))
    return [article.segment_text(s) for s in article.segments]


def test_a_sentence_of_two_independent_clauses_is_two_segments() -> None:
    """One segment sits in one alignment row, so a sentence that reports two facts is cut before the
    conjunction that joins them; short sides, quotations and a plain list are left whole."""
    assert _cut(
        "The first aircraft landed at the camp without incident, but the bombs fell after the second."
    ) == [
        "The first aircraft landed at the camp without incident,",
        "but the bombs fell after the second.",
    ]
    assert _cut(
        "Talks on the truce ended late on Tuesday in Paris; the envoys will meet again next week."
    ) == [
        "Talks on the truce ended late on Tuesday in Paris;",
        "the envoys will meet again next week.",
    ]
    assert _cut("The army denied any role in the strike on the camp, and it blamed rebel forces for it.") == [
        "The army denied any role in the strike on the camp,",
        "and it blamed rebel forces for it.",
    ]
    assert len(_cut("It was calm, but the shelling resumed overnight near the northern border town.")) == 1
    assert len(_cut("The army hit the camp, the school, and the market near the airstrip on Thursday.")) == 1
    assert len(_cut('He said: "We asked for help many times, but nobody came to the camp at all."')) == 1


def test_seed_b_keeps_dates_and_names_intact(seed_b: Article) -> None:
    election = seed_b.segment_text(containing(seed_b, "Jan. 8"))
    assert election.startswith("Ukraine’s working group on preparing\u00a0elections")
    assert election.endswith("having prepared its proposals in advance.")
    assert "President Macron on Tuesday" in seed_b.segment_text(containing(seed_b, "President Macron"))


def test_seed_b_splits_a_claim_from_the_quotation_after_it(seed_b: Article) -> None:
    claim = containing(seed_b, "has claimed that")
    assert seed_b.segment_text(claim).endswith('"significant progress" had been made on the issue.')
    statement = containing(seed_b, "We have made significant progress")
    assert statement.kind == "sentence"
    assert seed_b.segment_text(statement).endswith("Witkoff stated on X immediately after the summit.")
    assert containing(seed_b, "We agree with the Coalition").kind == "quote"


def test_seed_b_title_and_no_headings(seed_b: Article) -> None:
    assert texts(seed_b, "title") == [
        "Zelensky Complains He Hasn't Received A Clear Security Guarantee, Despite Big Talk From West"
    ]
    assert texts(seed_b, "heading") == []
    assert containing(seed_b, "According to the latest in Ukrainian media:").kind == "sentence"


@pytest.mark.parametrize("fixture", ["seed_a", "seed_b"])
def test_seed_segments_slice_to_stripped_text(fixture: str, request: pytest.FixtureRequest) -> None:
    article: Article = request.getfixturevalue(fixture)
    assert [s.id for s in article.segments] == [f"{article.id}:{n}" for n in range(len(article.segments))]
    for segment in article.segments:
        text = article.segment_text(segment)
        assert text == text.strip() != ""
    assert "".join("".join(texts(article)).split()) == "".join(article.text.split())


def test_abbreviations_stay_inside_their_sentence() -> None:
    text = (
        "Mr. Macron met Gen. Smith and Sir Keir Starmer in the U.S. on Jan. 8 at 9 a.m. and left. "
        "Then Dr. Jones spoke at St. Paul's. It was 3.5 percent. No. 10 agreed."
    )
    assert units(text) == [
        "Mr. Macron met Gen. Smith and Sir Keir Starmer in the U.S. on Jan. 8 at 9 a.m. and left.",
        "Then Dr. Jones spoke at St. Paul's.",
        "It was 3.5 percent.",
        "No. 10 agreed.",
    ]


def test_two_sentence_quotation_stays_with_its_attribution() -> None:
    assert units("“I came. I saw.” he said. Then he left.") == ["“I came. I saw.” he said.", "Then he left."]
    assert units('He said: "We came. We saw. We left." Then it rained.') == [
        'He said: "We came. We saw. We left."',
        "Then it rained.",
    ]


def test_wholly_quoted_sentences_are_quotes() -> None:
    assert kinds('"We came. We saw." Then it rained.') == ["quote", "sentence"]
    assert kinds("He left.\n\n«Nous sommes là. Toujours.»") == ["sentence", "quote"]
    assert kinds('"Yes," he said.') == ["sentence"]


def test_unclosed_quotation_does_not_swallow_the_paragraph() -> None:
    assert units('He said "we will stay. Then he left. She stayed.') == [
        'He said "we will stay.',
        "Then he left.",
        "She stayed.",
    ]


def test_single_quotes_and_brackets_are_left_to_the_sentence_model() -> None:
    assert units("He said 'I came. I saw.' Then left.") == ["He said 'I came. I saw.'", "Then left."]
    assert units("(He left. She stayed.) Then it rained.") == ["(He left. She stayed.)", "Then it rained."]
    assert units("A firm 'no' from Moscow. The allies' plan. Next.") == [
        "A firm 'no' from Moscow.",
        "The allies' plan.",
        "Next.",
    ]


def test_no_unit_starts_in_mid_sentence() -> None:
    assert units("Rep. Jay Inslee, D-Wash., said so. Then he left.") == [
        "Rep. Jay Inslee, D-Wash., said so.",
        "Then he left.",
    ]


def test_questions_exclamations_and_ellipses() -> None:
    assert units("Why now? Nobody knows! Wait… It ended.") == [
        "Why now?",
        "Nobody knows!",
        "Wait…",
        "It ended.",
    ]


def test_lines_wrapped_in_mid_sentence_are_joined() -> None:
    text = "The troops would\nbe deployed soon, officials said,\nAnd more would follow. Next came talks."
    assert units(text) == [
        "The troops would\nbe deployed soon, officials said,\nAnd more would follow.",
        "Next came talks.",
    ]


def test_lines_are_units_even_without_blank_lines() -> None:
    assert units("Headline Here\nBody text starts. It goes on.\nZelensky said:\n“Yes.”") == [
        "Headline Here",
        "Body text starts.",
        "It goes on.",
        "Zelensky said:",
        "“Yes.”",
    ]


def test_paragraphs_count_blank_line_runs() -> None:
    text = "Title\n\n  \n\nOne. Two.\nThree.\n\t\n\n\nFour."
    article = segment_article(Article(id="t", source="t", text=text))
    assert [(article.segment_text(s), s.paragraph) for s in article.segments] == [
        ("Title", 0),
        ("One.", 1),
        ("Two.", 1),
        ("Three.", 1),
        ("Four.", 2),
    ]


def test_offsets_are_into_the_unfolded_text() -> None:
    text = "\u00a0\u00a0Kyiv\u00a0said “no.” Again\u2014no.\r\n\r\nDone…"
    article = segment_article(Article(id="t", source="t", text=text))
    assert texts(article) == ["Kyiv\u00a0said “no.”", "Again\u2014no.", "Done…"]
    assert article.segments[0].start == 2


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Current status of the war", "heading"),
        ("Lack of Clear Security Commitments", "heading"),
        ("## Background: what happened.", "heading"),
        ("Zelensky said:", "sentence"),
        ("This week's Paris meeting.", "sentence"),
        ("Russia says the talks in Paris brought nothing new for anyone involved at all", "sentence"),
        ("print-icon", "other"),
        ("***", "other"),
        ("Photo: Reuters/Gleb Garanich", "caption"),
        ("(AP Photo/Efrem Lukatsky)", "caption"),
        ("Ukrainian soldiers near Bakhmut. Sergey Shestak/Getty Images", "caption"),
    ],
)
def test_kinds_of_standalone_lines(line: str, kind: str) -> None:
    assert kinds(f"The Headline\n\n{line}\n\nA body sentence.")[1] == kind


def test_heading_needs_a_line_of_its_own() -> None:
    assert kinds("The Headline\n\nIt rained. Current Status of the War") == ["title", "sentence", "sentence"]


def test_title_follows_the_article_title_when_given() -> None:
    assert kinds("Zelensky Says No Guarantees\n\nBody.", title="Zelensky says no guarantees") == [
        "title",
        "sentence",
    ]
    assert kinds("Zelensky Says No Guarantees\n\nBody.", title="Another headline") == ["heading", "sentence"]
    assert kinds("A long headline, cut short\n\nBody.", title="A long headline") == ["title", "sentence"]


def test_title_without_article_title_is_a_short_unpunctuated_first_line() -> None:
    assert kinds("Zelensky warns allies\nBody text.") == ["title", "sentence"]
    assert kinds("The war goes on. It rains.") == ["sentence", "sentence"]
    assert kinds("Zelensky said:\nYes.") == ["sentence", "sentence"]
    assert kinds("Troops. Troops?") == ["sentence", "sentence"]


def test_title_line_is_never_split() -> None:
    assert units("U.S. Strikes Back. Again\n\nBody.", title="U.S. Strikes Back. Again") == [
        "U.S. Strikes Back. Again",
        "Body.",
    ]


def test_empty_and_blank_text_have_no_segments() -> None:
    assert units("") == []
    assert units(" \n\n\t\u00a0\n") == []


def test_returns_a_copy_with_other_fields_unchanged() -> None:
    article = Article(
        id="x", source="s.txt", text="One. Two.", title=None, outlet="Outlet", url="https://e.x/a"
    )
    result = segment_article(article)
    assert article.segments == ()
    assert result.outlet == "Outlet" and result.url == "https://e.x/a" and result.text == article.text
    assert result.segments == (
        Segment(id="x:0", start=0, end=4, kind="sentence", paragraph=0),
        Segment(id="x:1", start=5, end=9, kind="sentence", paragraph=0),
    )


WORDS = [
    "troops",
    "would",
    "deploy",
    "allies",
    "warned",
    "Kyiv",
    "Paris",
    "talks",
    "France",
    "signed",
    "peace",
]
sentences = st.builds(
    lambda first, rest, end: " ".join([first.capitalize(), *rest]) + end,
    st.sampled_from(WORDS),
    st.lists(st.sampled_from(WORDS), max_size=8),
    st.sampled_from([".", "?", "!"]),
)


@given(st.lists(sentences, min_size=1, max_size=12))
def test_plain_sentences_are_recovered_exactly(parts: list[str]) -> None:
    assert units("Headline\n\n" + " ".join(parts)) == ["Headline", *parts]


piece = st.one_of(
    st.sampled_from(
        [
            " ",
            "\n",
            "\n\n",
            ".",
            "?",
            "!",
            '"',
            "'",
            "“",
            "”",
            "‘",
            "’",
            "«",
            "»",
            "(",
            ")",
            "—",
            "-",
            ":",
            ",",
            "…",
        ]
        + [
            "\u00a0",
            "\u2029",
            "\x1c",
            "\r",
            "\t",
            "Mr.",
            "U.S.",
            "Jan. 8",
            " the",
            " He",
            " said",
            "a.m.",
            "e.g.",
        ]
        + ["“I came. I saw.”", "Word", "word", "## ", "Photo: "]
    ),
    st.characters(),
)
arbitrary_text = st.lists(piece, max_size=80).map("".join)


@settings(max_examples=300)
@given(arbitrary_text, st.one_of(st.none(), st.text(max_size=20)))
def test_segments_tile_every_visible_character_once(text: str, title: str | None) -> None:
    article = segment_article(Article(id="p", source="p", text=text, title=title))
    covered = [False] * len(text)
    previous_end = 0
    previous_paragraph = 0
    for n, segment in enumerate(article.segments):
        assert segment.id == f"p:{n}"
        assert previous_end <= segment.start < segment.end <= len(text)
        assert previous_paragraph <= segment.paragraph
        unit = text[segment.start : segment.end]
        assert unit == unit.strip()
        covered[segment.start : segment.end] = [True] * (segment.end - segment.start)
        previous_end, previous_paragraph = segment.end, segment.paragraph
    assert all(covered[i] for i, char in enumerate(text) if not char.isspace())


@settings(max_examples=50)
@given(arbitrary_text)
def test_segmentation_is_deterministic(text: str) -> None:
    article = Article(id="d", source="d", text=text)
    assert segment_article(article) == segment_article(article)


@pytest.mark.parametrize("text", [".\x1f0.)", "Costs rose.\x1f2 percent.\x0b3 more.", "A\x85b. C\x7fd."])
def test_control_characters_do_not_break_the_sentence_model(text: str) -> None:
    # pySBD's number rules once called int() on "\x1f0" (found by Hypothesis): it raised ValueError
    article = segment_article(Article(id="a", source="a.txt", text=text))
    assert article.segments
    assert all(0 <= s.start < s.end <= len(text) for s in article.segments)
