"""What a sentence reports (`fact_slots`) and the pair signals built on it (`similarity`)."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from compare_tui.core.fact_slots import acts, content, places, times
from compare_tui.core.similarity import act_similarities, idf_weights, pair_signals, profile

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


def _signals(a: str, b: str):
    pa, pb = profile(a), profile(b)
    return pair_signals(pa, pb, cosine=0.5, clause_cosine=0.5, idf=idf_weights([pa, pb]))


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
    vectors = np.eye(3, dtype=np.float32)  # acts 0, 1, 2: orthogonal unit vectors
    acts = [[0], [0], [0, 1], [], [1, 2, 0]]
    found = act_similarities([(0, 1), (0, 2), (2, 0), (0, 3), (2, 4)], acts, vectors)
    assert found.tolist() == [1.0, 0.5, 0.5, 0.0, 2 / 3]


def _one_by_one(pairs, acts, vectors):
    """The act similarity of each pair computed on its own, as its definition reads."""
    out = []
    for i, j in pairs:
        if not acts[i] or not acts[j]:
            out.append(0.0)
            continue
        cosines = vectors[acts[i]] @ vectors[acts[j]].T
        out.append(max(0.0, min(cosines.max(1).mean(), cosines.max(0).mean())))
    return np.array(out)


@given(
    st.lists(st.lists(st.integers(0, 5), max_size=4), min_size=2, max_size=6),
    st.data(),
)
def test_act_similarities_of_all_pairs_at_once_equal_one_by_one(acts, data):
    raw = np.random.default_rng(len(acts)).normal(size=(6, 4)).astype(np.float32)
    vectors = raw / np.linalg.norm(raw, axis=1, keepdims=True)
    pairs = data.draw(
        st.lists(st.tuples(st.integers(0, len(acts) - 1), st.integers(0, len(acts) - 1)), max_size=10)
    )
    found = act_similarities(pairs, acts, vectors, chunk=3)
    assert np.allclose(found, _one_by_one(pairs, acts, vectors), atol=1e-5)


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
    ab = pair_signals(pa, pb, cosine=0.3, clause_cosine=0.3, idf=idf)
    ba = pair_signals(pb, pa, cosine=0.3, clause_cosine=0.3, idf=idf)
    for name in ("content", "place", "time"):
        assert 0.0 <= ab.as_dict()[name] <= 1.0 + 1e-9
        assert abs(ab.as_dict()[name] - ba.as_dict()[name]) < 1e-9


def test_pair_signals_of_some_pairs_only_reads_the_acts_of_their_passages():
    """A passage outside every requested pair may share an act with one inside (it once raised KeyError)."""
    from compare_tui.core.align import pair_signals_of

    texts = [
        "The army killed two men in the village on Monday.",
        "Two men were killed by soldiers in the village, officials said.",
        "Police killed a suspect and tried to find his brother.",
    ]
    signals = pair_signals_of(texts, {(0, 1): (0.5, 0.5)})
    assert list(signals) == [(0, 1)]
    assert signals[(0, 1)].act > 0.9
