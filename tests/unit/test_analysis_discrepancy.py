"""Discrepancies: aligned passages that give different figures, dates or times for one thing."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from hypothesis import example, given
from hypothesis import strategies as st

from compare_tui.core.analysis import analyse
from compare_tui.core.analysis.discrepancy import _holding
from compare_tui.core.models import Article, Row
from compare_tui.core.pipeline import compare
from fixtures.analysis_inputs import hand_rows, of_type, segmented


def _aligned(*articles: Article) -> list[Row]:
    """Every article's n-th segment in row n (the builders give each article the same shape)."""
    rows = []
    for i in range(len(articles[0].segments)):
        segments = {a.id: (a.segments[i].id,) for a in articles if i < len(a.segments)}
        rows.append(Row(id=f"r{i}", segments=segments, status="match", score=0.9))
    return rows


def _discrepancies(*texts: tuple[str, str]) -> list:
    articles = [segmented(aid, text, outlet=f"{aid}.example") for aid, text in texts]
    return of_type(analyse(articles, _aligned(*articles)), "discrepancy")


def test_different_death_tolls_in_aligned_passages_are_a_discrepancy_naming_values_and_outlets() -> None:
    found = _discrepancies(
        ("a", "Quake\n\nThe quake killed at least 24 people in Aceh."),
        ("b", "Quake\n\nThe quake in Aceh left 22 people dead."),
    )
    assert {f.article for f in found} == {"a", "b"}
    first = next(f for f in found if f.article == "a")
    assert "'at least 24 people' in a.example" in first.explanation
    assert "'22 people' in b.example" in first.explanation
    assert first.detail["values"] == {"a": "at least 24 people", "b": "22 people"}
    assert first.peers is not None and first.peers.absent == ("b",)


def test_same_figures_other_roles_and_unaligned_figures_are_no_discrepancy() -> None:
    assert not _discrepancies(
        ("a", "Quake\n\nThe quake killed 24 people. Rescue went on."),
        ("b", "Quake\n\nThe quake killed 24 people and injured 200 people. Rescue went on."),
    )
    assert not _discrepancies(
        ("a", "Quake\n\nThe quake killed 24 people."),
        ("b", "Quake\n\nThe quake injured 30 people."),
    )
    assert not _discrepancies(
        ("a", "Crash\n\nAna Lee, 59, was hit."),
        ("b", "Crash\n\nThe driver, Bob Dean, 23, fled after Lee was hit."),
    )


def test_children_dates_and_times_are_compared_with_their_kind() -> None:
    children = _discrepancies(
        ("a", "Trial\n\nHorton, a mother of 12, was shot."),
        ("b", "Trial\n\nHorton, a mother of 13, was shot."),
    )
    assert children and children[0].detail["quantity"] == "numbers of children"
    times = _discrepancies(
        ("a", "Fire\n\nThe fire was out by 7 a.m. on Tuesday."),
        ("b", "Fire\n\nThe fire was out by 6:40 a.m. on Tuesday."),
    )
    assert [f.detail["quantity"] for f in times] == ["times", "times"]
    assert not _discrepancies(
        ("a", "Crash\n\nShe was hit at 7 p.m."),
        ("b", "Crash\n\nShe was hit at 7:01 p.m."),
    )


def test_bundled_sample_discrepancies_are_hand_labelled_and_include_the_bomb_count() -> None:
    """The Yida sample: BBC's five bombs against four elsewhere; every discrepancy found has been read."""
    root = Path(__file__).resolve().parents[2]
    directory = root / "sample_data" / "sudan-bombs-yida-refugee-camp"
    comparison = compare(sorted(p for p in directory.iterdir() if p.suffix == ".txt"))
    found = [
        {comparison.labels[a]: v for a, v in f.detail["values"].items()}
        for f in of_type(comparison.findings, "discrepancy")
    ]
    labels = json.loads((root / "tests" / "fixtures" / "discrepancy_labels.json").read_text("utf-8"))[
        "labels"
    ]
    labelled = [x["values"] for x in labels if x["sample"] == directory.name]
    assert found and all(values in labelled for values in found)
    bombs = next(v for v in found if "bbc.co.uk" in v)
    assert bombs["bbc.co.uk"] == "Five bombs" and bombs["huffingtonpost.com"] == "four bombs"


def _in_rows(texts: dict[str, str], rows: list[dict[str, tuple[int, ...]]]) -> list:
    """Discrepancy findings of articles aligned by hand: each row maps an article to its segment numbers."""
    return of_type(analyse(*hand_rows(texts, rows)), "discrepancy")


def test_children_of_one_mother_are_compared_between_the_ledes_across_rows() -> None:
    found = _in_rows(
        {
            "a": "Trial\n\nVideo of Brooklyn Mother of 13 Zurana Horton was shown. Jurors wept.",
            "b": "Trial\n\nJurors wept. A mother of 12 was killed in crossfire.",
        },
        [{"a": (0,), "b": (0,)}, {"a": (1,)}, {"a": (2,), "b": (1,)}, {"b": (2,)}],
    )
    assert {f.article for f in found} == {"a", "b"}
    assert found[0].detail["quantity"] == "numbers of children"
    assert set(found[0].detail["values"].values()) == {"13 Zurana", "12"}


def test_a_toll_already_flagged_in_a_row_leaves_the_ledes_comparison_to_the_other_outlets() -> None:
    found = _in_rows(
        {
            "a": "Quake\n\nThe quake killed 24 people.",
            "b": "Quake\n\nThe quake killed 22 people.",
            "c": "Quake\n\nA mosque fell, bringing the confirmed death toll to 11.",
        },
        [{"a": (0,), "b": (0,), "c": (0,)}, {"a": (1,), "b": (1,)}, {"c": (1,)}],
    )
    values = [f.detail["values"] for f in found if f.article == "c"]
    assert values and values[0]["c"] == "11" and values[0]["a"] == "24 people"


def test_vague_counts_clash_only_with_figures_outside_their_range() -> None:
    assert _discrepancies(
        ("a", "Quake\n\nDozens injured as the quake hit Aceh."),
        ("b", "Quake\n\nOver 200 injured as the quake hit Aceh."),
    )
    assert not _discrepancies(
        ("a", "Quake\n\nDozens injured as the quake hit Aceh."),
        ("b", "Quake\n\nAt least 50 injured as the quake hit Aceh."),
    )


def test_one_clock_in_gmt_and_in_local_time_is_a_discrepancy_other_clocks_are_not() -> None:
    found = _discrepancies(
        ("a", "Quake\n\nThe quake struck at 0737 GMT at a depth of 10 km."),
        ("b", "Quake\n\nThe quake struck at 7:37 AM local time at a depth of 10 km."),
    )
    assert {f.article for f in found} == {"a", "b"} and found[0].detail["quantity"] == "times"
    assert not _discrepancies(
        ("a", "Quake\n\nThe quake struck at 0737 GMT at a depth of 10 km."),
        ("b", "Quake\n\nThe quake struck at 2:37 p.m. local time at a depth of 10 km."),
    )


def test_ages_of_one_named_person_are_compared_across_the_articles() -> None:
    found = _in_rows(
        {
            "a": "Trial\n\nArmstead, 32, testified on Monday. She hid in a shop.",
            "b": "Trial\n\nShe hid in a shop. Armstead, 31, testified on Monday.",
        },
        [{"a": (0,), "b": (0,)}, {"a": (1,)}, {"a": (2,), "b": (1,)}, {"b": (2,)}],
    )
    assert {f.article for f in found} == {"a", "b"}
    assert found[0].detail["quantity"] == "ages (Armstead)"


def test_at_least_twelve_shots_and_thirteen_shots_can_both_be_true() -> None:
    """A lower bound is no contradiction of a figure above it; a bare 12 against a bare 13 is."""
    assert not _discrepancies(
        ("a", "Trial\n\nThe gunman fired at least 12 shots from the roof."),
        ("b", "Trial\n\nThe gunman fired 13 shots from the roof."),
    )
    assert _discrepancies(
        ("a", "Trial\n\nThe gunman fired 12 shots from the roof."),
        ("b", "Trial\n\nThe gunman fired 13 shots from the roof."),
    )


def test_a_count_of_times_is_compared_as_a_count_not_as_a_clock_time() -> None:
    """ "five times" has the unit "time" but no clock: read as one, it crashed the whole comparison."""
    assert not _discrepancies(
        ("a", "Raid\n\nThe officer fired more than five times at the car."),
        ("b", "Raid\n\nThe officer fired more than five times at the car, police said."),
    )
    found = _discrepancies(
        ("a", "Raid\n\nThe officer fired five times at the car."),
        ("b", "Raid\n\nThe officer fired nine times at the car."),
    )
    assert [f.detail["quantity"] for f in found] == ["figures (times)", "figures (times)"]


def test_a_pages_time_stamp_is_no_statement_of_when_things_happened() -> None:
    """A time stamp line, even first in the text or joined to the next line, and "posted ... on" dates."""
    assert not _discrepancies(
        ("a", "May 2, 2013, 1:12 PM\n\nLohan checked into rehab on Thursday."),
        ("b", "May 2, 2013 1:35 pm.\n\nLohan checked into rehab on Thursday."),
    )
    assert not _discrepancies(
        ("a", "Crash\n\nAnzalone & Newman posted in Accidents on Friday, September 20, 2013."),
        ("b", "Crash\n\nHoward Sanders posted in Accidents on Friday, September 18, 2013."),
    )


def test_clocks_in_a_named_zone_and_game_clocks_are_not_compared_as_times_of_day() -> None:
    assert not _discrepancies(
        ("a", "Game\n\nKickoff is scheduled for 1:30 p.m. PST on Saturday."),
        ("b", "Game\n\nKickoff is scheduled for 3:30 p.m. on Saturday."),
    )
    assert not _discrepancies(
        ("a", "Game\n\nThe Colts scored with 4:08 to go in the game."),
        ("b", "Game\n\nThe Colts scored with 6:11 to go in the game."),
    )
    assert not _discrepancies(
        ("a", "Game\n\nRatliff scored with 4 minutes 48 seconds remaining in the game."),
        ("b", "Game\n\nRatliff scored with 12 minutes, 31 seconds remaining in the game."),
    )


def test_dates_of_other_years_or_weekdays_are_other_days_and_a_zero_padded_day_is_the_same_day() -> None:
    assert not _discrepancies(
        ("a", "Vote\n\nThe league voted on the plan on June 8, 2010."),
        ("b", "Vote\n\nThe league voted on the plan on June 10, 2011."),
    )
    assert not _discrepancies(
        ("a", "Vote\n\nThe league voted on the plan on Tuesday, August 7."),
        ("b", "Vote\n\nThe league voted on the plan on Saturday, August 24."),
    )
    assert not _discrepancies(
        ("a", "Quake\n\nThe quake struck Aceh on July 02 2013, officials said."),
        ("b", "Quake\n\nThe quake struck Aceh on July 2, 2013, officials said."),
    )
    assert _discrepancies(
        ("a", "Vote\n\nThe league voted on the plan on June 8, 2010."),
        ("b", "Vote\n\nThe league voted on the plan on June 10, 2010."),
    )


def test_counts_of_one_thing_share_the_words_around_them_their_owner_and_their_units_qualifier() -> None:
    """ "missed four games" and "played in 10 games" count different things; so do "rushing yards" and
    "total yards", and the seasons of two named men."""
    assert not _discrepancies(
        ("a", "Saints\n\nBush missed four games after knee surgery."),
        ("b", "Saints\n\nBush played in 10 games this year."),
    )
    assert _discrepancies(
        ("a", "Saints\n\nThomas missed nine games this season."),
        ("b", "Saints\n\nThomas missed 10 games this season."),
    )
    assert not _discrepancies(
        ("a", "Saints\n\nSince Week 11 he gained 498 rushing yards in the games."),
        ("b", "Saints\n\nSince Week 11 he gained 189 total yards in the games."),
    )
    assert not _discrepancies(
        ("a", "Sixers\n\nIn all, DiLeo has spent 19 seasons with the club."),
        ("b", "Sixers\n\nIn all, Cheeks has spent 11 seasons with the club."),
    )
    assert _discrepancies(
        ("a", "Sixers\n\nIn all, DiLeo has spent 19 seasons with the club."),
        ("b", "Sixers\n\nIn all, DiLeo has spent 11 seasons with the club."),
    )


def test_a_line_of_statistics_does_not_say_whose_each_count_is() -> None:
    assert not _discrepancies(
        ("a", "Saints\n\nBush had 404 yards and two touchdowns on 106 carries this season."),
        ("b", "Saints\n\nBush had 404 yards and six touchdowns on 150 carries this season."),
    )


def test_people_are_counted_in_whole_numbers_and_a_role_word_past_a_comma_is_another_clause() -> None:
    assert not _discrepancies(
        ("a", "Quake\n\nOne child dead as 6.1 - magnitude quake hits Aceh."),
        ("b", "Quake\n\nMany dead as 5.9 - magnitude quake hits Aceh."),
    )
    found = _discrepancies(
        ("a", "Quake\n\nThe quake killed five people, injuring 40."),
        ("b", "Quake\n\nThe quake killed four people, injuring 40."),
    )
    assert [f.detail["quantity"] for f in found] == ["figures (people dead)", "figures (people dead)"]


def test_spans_spent_in_other_capacities_and_counts_of_the_rest_are_other_quantities() -> None:
    assert not _discrepancies(
        ("a", "Sixers\n\nHe spent four seasons as the team's director of personnel."),
        ("b", "Sixers\n\nHe spent 19 seasons with the team's staff and personnel."),
    )
    assert not _discrepancies(
        ("a", "Species\n\nThe act protects 90 birds and 1,263 other animals listed as endangered."),
        ("b", "Species\n\nThe act protects 409 animals listed as endangered."),
    )
    assert _discrepancies(
        ("a", "Species\n\nThe act protects 1,263 animals listed as endangered."),
        ("b", "Species\n\nThe act protects 409 animals listed as endangered."),
    )


def test_measures_compare_only_under_one_governing_word_and_subject() -> None:
    """Durations, distances and tallies of a game: "30 days of treatment" done and "90 days" ordered, one
    player's yards and another's, "had" and "rushed for" are different figures; one verb, one subject is
    one figure."""
    assert not _discrepancies(
        ("a", "Rehab\n\nShe has just finished 30 days of treatment at the clinic."),
        ("b", "Rehab\n\nThe court ordered her to serve 90 days of treatment at the clinic."),
    )
    assert not _discrepancies(
        ("a", "Saints\n\nIvory rushed for 716 yards this year."),
        ("b", "Saints\n\nThomas rushed for 263 yards this year."),
    )
    assert not _discrepancies(
        ("a", "Saints\n\nHe had just 269 yards rushing this year."),
        ("b", "Saints\n\nHe rushed for 716 yards this year."),
    )
    found = _discrepancies(
        ("a", "Saints\n\nThomas rushed for 716 yards this year."),
        ("b", "Saints\n\nThomas rushed for 263 yards this year."),
    )
    assert [f.detail["quantity"] for f in found] == ["figures (yard)", "figures (yard)"]


def test_things_are_counted_in_whole_numbers() -> None:
    """The 6.1 of "a magnitude 6.1 earthquake" is no count of earthquakes."""
    assert not _discrepancies(
        ("a", "Quake\n\nThe region was hit by a magnitude 6.1 earthquake today."),
        ("b", "Quake\n\nThe region was hit by two powerful earthquakes today."),
    )
    assert _discrepancies(
        ("a", "Quake\n\nThe region was hit by three powerful earthquakes today."),
        ("b", "Quake\n\nThe region was hit by two powerful earthquakes today."),
    )


def test_counts_of_one_day_and_of_a_period_of_other_years_or_places_are_different_counts() -> None:
    assert not _discrepancies(
        ("a", "Gaza\n\nFive Israeli soldiers were killed on Wednesday."),
        ("b", "Gaza\n\nSo far seven Israeli soldiers were killed in the conflict."),
    )
    assert _discrepancies(
        ("a", "Gaza\n\nFive Israeli soldiers were killed on Wednesday."),
        ("b", "Gaza\n\nSeven Israeli soldiers were killed on Wednesday."),
    )
    assert not _discrepancies(
        ("a", "Quake\n\nThe tsunami of 2004 killed 168,000 people."),
        ("b", "Quake\n\nThe quake of 2002 killed three people."),
    )
    assert not _discrepancies(
        ("a", "Quake\n\nIn Central Aceh district, 140 people were injured."),
        ("b", "Quake\n\nFive people were injured in Takengon."),
    )
    assert _discrepancies(
        ("a", "Quake\n\nThe quake injured 140 people in Aceh."),
        ("b", "Quake\n\nThe quake injured 200 people in Indonesia's Aceh province."),
    )
    assert not _discrepancies(  # "Indonesia's" says where Aceh is: the count is of Aceh
        ("a", "Quake\n\nThe tsunami killed 168,000 people in Indonesia's Aceh province."),
        ("b", "Quake\n\nThe tsunami killed 220,000 people in Indonesia."),
    )
    assert not _discrepancies(  # the years of the figure's own clause
        ("a", "Quake\n\nQuakes hit Manokwari in 2002, and a tsunami killed 168,000 people in 2004."),
        ("b", "Quake\n\nThe latest quake hit Manokwari in 2002, killing three people."),
    )
    # a count of one place is a part of a count of no place: "five in Takengon" may be of the 249 injured
    assert not _discrepancies(
        ("a", "Quake\n\nThe quake injured five people in Takengon."),
        ("b", "Quake\n\nThe quake injured 249 people."),
    )
    assert _discrepancies(
        ("a", "Quake\n\nThe quake injured 249 people in Takengon."),
        ("b", "Quake\n\nThe quake injured five people."),
    )


def test_a_pair_of_counts_is_of_one_thing_only_when_the_other_count_agrees() -> None:
    """'716 yards in 12 games' and '793 yards in 14 games' are two seasons, not two counts of one."""
    assert not _discrepancies(
        ("a", "Saints\n\nHe rushed for 716 yards in 12 games."),
        ("b", "Saints\n\nHe rushed for 793 yards in 14 games."),
    )
    assert _discrepancies(
        ("a", "Saints\n\nHe rushed for 716 yards in 12 games."),
        ("b", "Saints\n\nHe rushed for 793 yards in 12 games."),
    )


def test_spans_counted_back_from_the_day_of_writing_allow_a_day_between_the_outlets() -> None:
    assert not _discrepancies(
        ("a", "Gaza\n\nThe assault began 12 days ago, officials said."),
        ("b", "Gaza\n\nThe assault began 11 days ago, officials said."),
    )
    assert _discrepancies(
        ("a", "Sudan\n\nSouth Sudan became independent only four months ago."),
        ("b", "Sudan\n\nSouth Sudan became independent 6 months ago."),
    )


def test_a_qualifier_before_a_hundred_bounds_the_figure() -> None:
    assert not _discrepancies(
        ("a", "Chiefs\n\nHillis rushed for 101 yards in the game."),
        ("b", "Chiefs\n\nHillis rushed for more than a hundred yards in the game."),
    )


def test_times_share_a_word_around_them_unless_one_clock_is_read_in_two_zones() -> None:
    assert not _discrepancies(
        ("a", "Fire\n\nThe fire broke out at 3:30 a.m."),
        ("b", "Fire\n\nInvestigators were at the scene by 10 a.m."),
    )
    assert _discrepancies(
        ("a", "Fire\n\nThe fire broke out at 3:30 a.m."),
        ("b", "Fire\n\nThe fire broke out at 2:30 a.m."),
    )


def test_an_article_that_writes_the_others_figure_in_the_row_reports_both() -> None:
    """b's "six children" is of another place than a's and not compared with it, but b writes it: b's
    "14 children" (trapped) is no other figure for a's six (killed)."""
    texts = {
        "a": "Quake\n\nOne report said six children were killed and 14 trapped when a mosque collapsed "
        "in Central Aceh.",
        "b": "Quake\n\nThe quake killed six children and left 14 others trapped in Indonesia's Aceh "
        "province. Teams are struggling to free 14 children still trapped under the rubble.",
    }
    assert not _in_rows(texts, [{"a": (0,), "b": (0,)}, {"a": (1,), "b": (1, 2)}])


def test_a_window_of_a_sequence_is_no_count_to_compare() -> None:
    """'their first five drives' and 'their first two drives' are windows the writers chose."""
    assert not _discrepancies(
        ("a", "Jaguars\n\nThe Jaguars scored on their first five drives of the game."),
        ("b", "Jaguars\n\nThe Jaguars scored on their first two drives of the game."),
    )
    assert _discrepancies(
        ("a", "Jaguars\n\nThe Jaguars scored on five drives of the game."),
        ("b", "Jaguars\n\nThe Jaguars scored on two drives of the game."),
    )


@given(st.lists(st.integers(1, 6), max_size=6), st.lists(st.integers(0, 30), max_size=5))
@example([3, 2], [2])  # a figure at a segment's last character
@example([3, 2], [3, 4])
def test_the_segments_holding_a_figure_are_those_a_figure_starts_in(
    lengths: list[int], positions: list[int]
) -> None:
    """`_holding` (which lets discrepancies pass over rows with no figure) names each segment in which a
    comparable figure starts, and no other."""
    segments, at = [], 0
    for n, length in enumerate(lengths):
        segments.append(SimpleNamespace(id=f"s{n}", start=at, end=at + length))
        at += length + 1  # a space between segments
    view = SimpleNamespace(id="a", segments=segments)
    expected = {s.id for s in segments if any(s.start <= p < s.end for p in positions)}
    assert _holding([view], {"a": sorted(positions)}) == expected  # type: ignore[list-item]
