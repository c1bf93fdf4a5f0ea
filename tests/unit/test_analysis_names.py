"""The rule-based name finder and the name facts of the omission ledger, on small hand-written texts."""

from __future__ import annotations

from compare_tui.core.analysis import fact_ledger
from compare_tui.core.analysis.attribution import find_attributions
from compare_tui.core.analysis.context import build_views
from compare_tui.core.analysis.names import NameMention, index_names
from compare_tui.core.models import Article, Row, Segment
from fixtures.analysis_inputs import segmented


def _one_segment(text: str) -> Article:
    """An article whose whole text is one sentence segment, as a segmenter may leave glued lines."""
    return Article(id="a1", source="a1", text=text, segments=(Segment("a1:0", 0, len(text), "sentence", 0),))


def _names(*articles: Article) -> list[NameMention]:
    index = index_names(build_views(articles, ()))
    return [m for a in articles for s in a.segments for m in index.in_segment(s.id)]


def _labels(*articles: Article) -> dict[str, str]:
    return {m.label: m.kind for m in _names(*articles)}


def test_a_middle_initial_stays_inside_the_name() -> None:
    article = segmented("a1", 'Title\n\n"We will not go to war," said a spokesman, Rabie A. Atti. Atti left.')
    assert [(m.label, m.key) for m in _names(article)] == [("Rabie A. Atti", "atti"), ("Atti", "atti")]


def test_sentence_initial_article_is_never_a_name() -> None:
    glued = _one_segment(
        "Thu, 10 Nov 2011 02:45 PM\nA refugee camp was hit, officials said. A government official "
        "spoke. A SAF spokesman denied it."
    )
    labels = _labels(glued)
    assert "A" not in labels and not any(label.startswith("A ") for label in labels)
    assert labels["SAF"] == "organisation"


def test_sentence_start_after_a_line_break_or_a_run_of_spaces() -> None:
    known_elsewhere = "Officials met Crater in the morning."
    for glue in ("\n", "  "):
        article = _one_segment(f"Thu, 10 Nov 2011{glue}Refugees fled. {known_elsewhere}")
        assert "Refugees" not in _labels(article)


def test_weekdays_and_months_are_never_names() -> None:
    article = segmented(
        "a1",
        "Title\n\nThe army bombed Taludi Thursday. On Thursday, Nov. 10, Kiir spoke. "
        "In November the talks ended. Prime Minister Theresa May left in May.",
    )
    labels = _labels(article)
    assert "Taludi" in labels and "Kiir" in labels and "Theresa May" in labels
    assert not any(word in label for label in labels for word in ("Thursday", "Nov", "November"))
    keys = {e.key for e in fact_ledger([article])}
    assert "date:thursday" in keys and not any(k.startswith("name:thursday") for k in keys)


def test_a_surname_inside_another_name_is_not_the_person() -> None:
    a1 = segmented("a1", "Title\n\nPresident John Washington visited the camp.")
    a2 = segmented("a2", "Title\n\nThe Washington Post reported it. On Tuesday, Mr Washington spoke.")
    a3 = segmented("a3", "Title\n\nThe Washington Post reported it.")
    ledger = {e.key: e for e in fact_ledger([a1, a2, a3])}
    assert ledger["name:washington"].absent == ("a3",)


def test_a_short_name_inside_a_longer_one_still_counts() -> None:
    a1 = segmented("a1", "Title\n\nThey met the Coalition of the Willing in Paris.")
    a2 = segmented("a2", "Title\n\nWe agree with the Coalition that guarantees matter, he said.")
    ledger = {e.key: e for e in fact_ledger([a1, a2])}
    assert ledger["name:coalition"].absent == ()


def _keys(*articles: Article) -> dict[str, tuple[str, str]]:
    """Label -> (key, kind) of every name in the articles."""
    return {m.label: (m.key, m.kind) for m in _names(*articles)}


def test_organisations_are_one_fact_not_fragments() -> None:
    article = segmented(
        "a1",
        "Title\n\nIt drew condemnation from the U.S. State Department, and the State Department spoke. "
        "The Sudan Armed Forces and the Sudanese Armed Forces denied it. The Sudan People's Liberation Army "
        "and the United Nations Mine Action Coordination Center of South Sudan met the Council of Europe.",
    )
    keys = _keys(article)
    assert keys["U.S. State Department"] == ("state department", "organisation")
    assert keys["State Department"] == ("state department", "organisation")
    assert (
        keys["Sudan Armed Forces"] == keys["Sudanese Armed Forces"] == ("sudan armed forces", "organisation")
    )
    assert keys["Sudan People's Liberation Army"][1] == "organisation"
    assert keys["United Nations Mine Action Coordination Center of South Sudan"][1] == "organisation"
    assert keys["Council of Europe"] == ("council of europe", "organisation")
    assert not any(kind == "person" for _, kind in keys.values())


def test_an_organisation_word_or_spelling_variant_names_one_organisation() -> None:
    article = segmented(
        "a1",
        "Title\n\nThe World Food Programme and the World Food Program fed them, said Enough Project "
        "Co-Founder John Prendergast.",
    )
    keys = _keys(article)
    assert (
        keys["World Food Programme"] == keys["World Food Program"] == ("world food program", "organisation")
    )
    assert keys["Enough Project"][1] == "organisation" and keys["John Prendergast"] == (
        "prendergast",
        "person",
    )


def test_regions_are_places_not_people() -> None:
    article = segmented(
        "a1",
        "Title\n\nRefugees fled South Kordofan, Upper Nile, Blue Nile and the Nuba Mountains for Unity "
        "State, where Unity state officials met them. President Salva Kiir spoke.",
    )
    keys = _keys(article)
    assert keys["South Kordofan"] == ("south kordofan", "place")
    assert keys["Upper Nile"] == ("upper nile", "place")
    assert keys["Blue Nile"] == ("blue nile", "place")  # ends like Upper Nile
    assert keys["Nuba Mountains"] == ("nuba", "place")
    assert keys["Unity State"] == ("unity", "place") and keys["Unity"][0] == "unity"
    assert (
        _keys(segmented("a2", "Title\n\nThey fled Southern Kordofan."))["Southern Kordofan"]
        == keys["South Kordofan"]
    )
    assert keys["Salva Kiir"] == ("kiir", "person")


def test_countries_and_their_peoples_are_one_place_each() -> None:
    article = segmented(
        "a1",
        "Title\n\nSouth Sudan accused Sudan. South Sudanese officials and Sudanese troops met. "
        "The Republic of South Sudan complained.",
    )
    keys = _keys(article)
    assert keys["South Sudan"] == ("alias:south sudan", "place")
    assert keys["Sudan"] == ("alias:sudan", "place")
    assert {keys[label][0] for label in ("South Sudan", "Sudan")} == {"alias:south sudan", "alias:sudan"}


def test_name_particles_and_hyphenated_adjectives() -> None:
    article = segmented(
        "a1", "Title\n\nPresident Omar al-Bashir said the Khartoum-based government would act. Bashir left."
    )
    keys = _keys(article)
    assert keys["Omar al-Bashir"] == ("bashir", "person") and keys["Bashir"][0] == "bashir"
    assert keys["Khartoum"] == ("khartoum", "name")


def test_sentence_initial_word_counts_only_if_it_ends_a_name_elsewhere() -> None:
    article = segmented(
        "a1",
        "Title\n\nThey reached New Guffa village. New arrivals were registered. Citizen journalist Ryan "
        "Boyette called. Boyette reported no casualties.",
    )
    labels = [m.label for m in _names(article)]
    assert "New" not in labels
    assert labels.count("Boyette") == 1


def test_countries_can_be_speakers_but_regions_cannot() -> None:
    article = segmented(
        "a1",
        "Title\n\nSudan has denied the attack. South Sudan said it would respond. Unity State said nothing.",
    )
    rows = [Row(f"r{i}", {"a1": (s.id,)}, "unique", 0.0) for i, s in enumerate(article.segments)]
    views = build_views([article], rows)
    speakers = [a.speaker for a in find_attributions(views[0], index_names(views))]
    assert speakers == ["Sudan", "South Sudan"]


def test_a_name_spelled_like_an_outlet_is_that_organisation() -> None:
    text = "Title\n\nThe camp was bombed, Nonviolent Peaceforce staff reported. Tiffany Ornelas led the team."
    labels = _labels(segmented("a1", text, outlet="nonviolentpeaceforce.org"))
    assert labels["Nonviolent Peaceforce"] == "organisation"
    assert labels["Tiffany Ornelas"] == "person"
    assert _labels(segmented("a1", text))["Nonviolent Peaceforce"] == "person"  # without the outlet: a guess


def test_a_possessive_inside_a_name_makes_an_organisation() -> None:
    labels = _labels(
        segmented("a1", "Title\n\nAs Ken Isaacs of Samaritan's Purse contends, the camp was hit.")
    )
    assert labels == {"Ken Isaacs": "person", "Samaritan's Purse": "organisation"}


def _ledger_keys(*texts: str) -> dict[str, list[str]]:
    """Name fact key -> the articles that state it, for one article per text."""
    articles = [segmented(f"a{i}", f"Title\n\n{t}") for i, t in enumerate(texts)]
    return {e.key: sorted(e.present) for e in fact_ledger(articles) if e.key.startswith("name:")}


def test_spellings_one_letter_apart_in_different_articles_are_one_fact() -> None:
    keys = _ledger_keys("Fighting was reported near Taludi on Sunday.", "Rebels attacked Talodi on Sunday.")
    assert keys == {"name:taludi": ["a0", "a1"]}


def test_two_spellings_in_one_article_or_short_names_stay_apart() -> None:
    both = _ledger_keys("Rebels took Taludi and then Talodi.", "Fighting near Talodi went on.")
    assert set(both) == {"name:taludi", "name:talodi"}
    short = _ledger_keys("Troops reached Bunj on Friday.", "Troops reached Bunk on Friday.")
    assert set(short) == {"name:bunj", "name:bunk"}


def test_a_word_of_fewer_than_two_letters_is_no_name_but_two_letters_are() -> None:
    article = segmented("a1", "Title\n\nOfficials met him in block X on Monday, and with Xi later. It was X.")
    assert _labels(article) == {"Xi": "name"}
