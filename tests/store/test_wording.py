"""Trigger words as linking compares them: stems, and what one trigger governs in its sentence."""

from __future__ import annotations

import pytest

from patronage.store.wording import complement, positions, stem, stems


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (["attacked", "attacks", "attacking", "attack"], True),
        (["withdrew", "withdrawal", "withdraws", "withdraw"], True),
        (["met", "meeting", "meets"], True),
        (["banned", "banning", "ban"], True),
        (["denied", "denies", "denying", "deny"], True),
        (["declined", "decline", "declines"], True),
        (["criticism", "criticized", "criticize"], True),
        (["praised", "encouraged"], False),
        (["accused", "criticized"], False),
    ],
)
def test_inflections_share_a_stem_and_other_words_do_not(words: list[str], same: bool) -> None:
    assert (len({frozenset(stems(w)) for w in words}) == 1) is same


def test_particles_tell_nothing_and_short_words_keep_their_ending() -> None:
    assert stems("pulled out") == stems("pulling") == {"pull"}
    assert stems("fired off") & stems("cut off") == frozenset()
    assert stem("uses") == "uses" and stem("killed") == "kill"


def test_positions_are_whole_words_in_any_case() -> None:
    sentence = "Talks failed. They met; the meeting of the Met went on."
    assert positions("met", sentence) == ((19, 22), (43, 46))
    assert positions("", sentence) == () and positions("went on", sentence) == ((47, 54),)


@pytest.mark.parametrize(
    ("governor", "governed", "sentence", "expected"),
    [
        ("threatened", "impose", "Trump threatened to impose tariffs on China.", True),
        ("refusing", "endorse", "He is refusing to endorse Republicans.", True),
        ("agreed", "sue", "They agreed not to sue.", True),
        ("calls", "deployment", "Carter calls for a significant deployment of ground forces.", True),
        ("urged", "fund", "Obama urged Congress to fund the plan.", True),
        ("denied", "asking", "He denied asking for help.", True),
        ("called", "visit", "Trump called his visit a great honor.", False),
        ("met", "claimed", "Obama met the Pope and claimed a victory.", False),
        ("disagree", "talk", "voters who disagree with him to talk to him", False),
        ("impose", "threatened", "Trump threatened to impose tariffs.", False),  # order matters
    ],
)
def test_complement_reads_the_words_between_two_triggers(
    governor: str, governed: str, sentence: str, expected: bool
) -> None:
    assert complement(governor, governed, sentence) is expected
