"""The coach's hints: the cues of a reply and the rules they touch."""

from __future__ import annotations

from game.tui.coach import CUE_RULES, coach_notes
from game.tui.render import highlighted, merged, sparkline
from game.vocabulary import RULES


def test_every_cue_points_at_a_rule_of_the_principles() -> None:
    for cue, (_, rule) in CUE_RULES.items():
        assert rule in RULES, cue


def test_asking_for_an_order_number_is_right_in_private_and_wrong_in_public() -> None:
    text = "Sorry! Send us your order number and we will sort it out."
    public = {note.cue: note for note in coach_notes(text, "en", None, 0)}
    private = {note.cue: note for note in coach_notes(text, "en", None, 0, private=True)}
    assert not public["data_request"].helps and public["data_request"].rule == "C3"
    assert private["data_request"].helps
    assert public["apology"].words == "Sorry"
    assert public["apology"].rule_label.startswith("H2 full-apology")


def test_overlapping_spans_are_styled_once() -> None:
    assert merged([(5, 9), (0, 3), (2, 4), (9, 12)]) == [(0, 4), (5, 12)]
    content = highlighted("we will refund you today.", [(0, 18), (0, 24)])
    assert content.plain == "we will refund you today."
    assert [(span.start, span.end) for span in content.spans] == [(0, 24)]


def test_the_mood_sparkline_has_a_fixed_scale() -> None:
    assert sparkline([-1.0, 0.0, 1.0], 10) == "▁▅█"
    assert sparkline([0.2] * 30, 4) == "▅▅▅▅"
