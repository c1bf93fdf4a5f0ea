"""The analysis pauses the cyclic garbage collector and leaves it as it found it."""

from __future__ import annotations

import gc

import pytest

from compare_tui.core.analysis import analyse
from compare_tui.core.analysis.collector import collector_paused
from compare_tui.core.models import Article
from compare_tui.core.segment import segment_article


def _set_collector(enabled: bool) -> None:
    if enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("enabled", [True, False])
def test_collector_state_is_restored(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        _set_collector(enabled)
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(ValueError), collector_paused():
            raise ValueError("boom")
        assert gc.isenabled() is enabled
    finally:
        _set_collector(was)


def test_analyse_leaves_the_collector_on() -> None:
    text = "Title\n\nOf course, Smith said it was bad."
    article = segment_article(Article(id="a1", source="a1", text=text))
    assert gc.isenabled()
    analyse([article], [])
    assert gc.isenabled()
