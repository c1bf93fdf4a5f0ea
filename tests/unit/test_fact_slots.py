"""What a sentence reports (`fact_slots`) and the pair signals built on it (`similarity`)."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from compare_tui.core.fact_slots import acts, content, places, times
from compare_tui.core.similarity import act_similarity, idf_weights, pair_signals, profile

CHILD = '"A child died when a wall collapsed," Ema Suryani, a doctor at a health clinic in Lampahan city, told AFP.'
INJURED = (
    '"We have received around 50 people with injuries suffered when the walls of their houses collapsed," '
    "said doctor Ema Suryani to AFP, speaking from Lampahan city."
)


def test_an_attributed_quotation_is_its_quotation():
    assert content(CHILD) == "A child died when a wall collapsed,"


def test_a_trailing_attribution_is_dropped():
    text = "Twelve people were killed in Bener Meriah district, Nugroho said."
    assert content(text) == "Twelve people were killed in Bener Meriah district"


def test_what_follows_said_that_is_the_content():
    text = "Lohan lawyer Mark Heller told the judge that Lohan had checked into a rehab facility on Thursday."
    assert content(text) == "Lohan had checked into a rehab facility on Thursday."


def test_according_to_is_attribution():
    text = "The old dairy building in Palmer was nearly destroyed by a fire, according to Palmer officials."
    assert "according" not in content(text)
    assert content(text).startswith("The old dairy building in Palmer was nearly destroyed")


def test_a_sentence_without_attribution_is_kept_whole():
    text = "The quake struck at a depth of just six miles."
    assert content(text) == text


def test_too_little_left_keeps_the_sentence():
    assert content("He said so.") == "He said so."


def test_acts_are_the_verbs_of_the_content_not_the_reporting_verb():
    assert acts("Officials said 24 people were killed and the quake struck the island.") == (
        "killed",
        "struck",
    )
    assert acts("Lohan has checked into the Betty Ford Center.") == ("checked",)
    assert acts("The man is an emotional wreck.") == ()


def test_a_noun_after_a_determiner_is_no_act():
    assert acts("The wanted man fled.") == ("fled",)


def test_times_by_kind():
    found = times("She was hit around 5 p.m. on Friday, a year after the fire of Oct. 21, 2011.")
    assert found["weekday"] == frozenset({"friday"})
    assert found["time"] == frozenset({"17:00"})
    assert found["day"] == frozenset({"oct-21"})
    assert found["year"] == frozenset({"2011"})
    assert times("No time here.") == {}


def test_places_after_a_preposition():
    assert places("Lohan checked into the Betty Ford Center in Rancho Mirage late Thursday.") == (
        ("betty", "ford", "center"),
        ("rancho", "mirage"),
    )
    assert places("It happened in the morning.") == ()


def _unit_vectors(words) -> dict[str, np.ndarray]:
    """Made-up unit word vectors, the same for the same words."""
    words = sorted(set(words))
    raw = np.random.default_rng(0).normal(size=(len(words), 8))
    return {w: v / np.linalg.norm(v) for w, v in zip(words, raw)}


def _signals(a: str, b: str):
    pa, pb = profile(a), profile(b)
    vectors = _unit_vectors([*pa.acts, *pb.acts])
    return pair_signals(pa, pb, cosine=0.5, clause_cosine=0.5, idf=idf_weights([pa, pb]), act_vectors=vectors)


def test_the_speaker_shared_is_not_content_shared():
    signals = _signals(CHILD, INJURED)
    assert signals.content < signals.lexical


def test_same_time_and_place_are_signals():
    a = "Lohan checked into the Betty Ford Center in Rancho Mirage on Thursday."
    b = "On Thursday night the actress entered Betty Ford in Rancho Mirage, her spokesman said."
    c = "Lohan went to Morningside on Wednesday."
    assert _signals(a, b).time == 1.0 and _signals(a, b).place == 1.0
    assert _signals(a, c).time == 0.0 and _signals(a, c).place == 0.0


def test_act_similarity_takes_the_weaker_direction():
    vectors = {w: v for w, v in zip("abc", np.eye(3))}
    assert act_similarity(("a",), ("a",), vectors) == 1.0
    assert act_similarity(("a",), ("a", "b"), vectors) == 0.5
    assert act_similarity((), ("a",), vectors) == 0.0


_TEXT = st.lists(
    st.sampled_from(
        ["said", "told", "that", "in", "Monday", "2011", "Ford", "was", "killed", ",", '"', "the", "x"]
    )
    | st.text(alphabet="abcXYZ ,.;:\"'-", max_size=8),
    max_size=25,
).map(" ".join)


@given(_TEXT)
def test_content_is_never_empty_for_text_with_words(text):
    out = content(text)
    assert isinstance(out, str)
    if len(text.split()) >= 3:
        assert out.split()


@given(_TEXT, _TEXT)
def test_slot_signals_are_in_range_and_symmetric(a, b):
    pa, pb = profile(a), profile(b)
    idf = idf_weights([pa, pb])
    vectors = _unit_vectors([*pa.acts, *pb.acts])
    ab = pair_signals(pa, pb, cosine=0.3, clause_cosine=0.3, idf=idf, act_vectors=vectors)
    ba = pair_signals(pb, pa, cosine=0.3, clause_cosine=0.3, idf=idf, act_vectors=vectors)
    for name in ("content", "act", "place", "time"):
        assert 0.0 <= ab.as_dict()[name] <= 1.0 + 1e-9
        assert abs(ab.as_dict()[name] - ba.as_dict()[name]) < 1e-9
