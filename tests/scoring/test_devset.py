"""Quality guard: the analyzer on the labelled development set (tests/data/replies.jsonl).

The figures themselves, and the speed, are printed by bench/analyzer_eval.py; this only
keeps every cue's F1 from falling below the floor. No timing here.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from game.vocabulary import CUES
from scoring.evaluation import (
    CueCounts,
    Evaluation,
    LabelError,
    LabelledReply,
    evaluate,
    load_labelled,
    parse_reply,
)
from tests.conftest import DATA_DIR

DEV_SET = DATA_DIR / "replies.jsonl"
F1_FLOOR = 0.9


@pytest.fixture(scope="module")
def replies() -> list[LabelledReply]:
    return load_labelled(DEV_SET)


@pytest.fixture(scope="module")
def result(replies: list[LabelledReply]) -> Evaluation:
    return evaluate(replies)


def test_the_set_is_large_bilingual_and_covers_every_cue(replies: list[LabelledReply]) -> None:
    languages = Counter(reply.lang for reply in replies)
    assert len(replies) >= 200
    assert min(languages["es"], languages["en"]) >= 0.4 * len(replies)
    positives = Counter(cue for reply in replies for cue in reply.cues)
    for cue in CUES:
        assert positives[cue] >= 8, cue
        assert len(replies) - positives[cue] >= 8, cue  # and replies without it
    assert any(not reply.cues for reply in replies)  # polite replies with no cue at all
    assert len({reply.text for reply in replies}) == len(replies)


@pytest.mark.parametrize("cue", CUES)
def test_every_cue_reaches_the_f1_floor(result: Evaluation, cue: str) -> None:
    counts = result.counts[cue]
    wrong = [
        f"line {m.reply.line}: {m.reply.text!r} "
        f"({'missed' if cue in m.missing else 'found wrongly'})"
        for m in result.misses
        if cue in m.missing or cue in m.extra
    ]
    assert counts.f1 >= F1_FLOOR, f"{cue}: F1 {counts.f1:.3f}\n" + "\n".join(wrong)


def test_counts_precision_recall_and_f1() -> None:
    counts = CueCounts(tp=8, fp=2, fn=8)
    assert counts.precision == pytest.approx(0.8)
    assert counts.recall == pytest.approx(0.5)
    assert counts.f1 == pytest.approx(2 * 8 / (2 * 8 + 2 + 8))
    assert CueCounts().f1 == 1.0  # nothing expected, nothing found


def test_evaluate_counts_against_given_predictions() -> None:
    replies = [
        LabelledReply("a", "en", None, frozenset({"apology"})),
        LabelledReply("b", "en", None, frozenset()),
    ]
    found = evaluate(replies, [frozenset({"apology", "blame"}), frozenset({"apology"})])
    assert (found.counts["apology"].tp, found.counts["apology"].fp) == (1, 1)
    assert found.counts["blame"].fp == 1
    assert [miss.extra for miss in found.misses] == [frozenset({"blame"}), {"apology"}]


@pytest.mark.parametrize(
    "line",
    [
        "not json",
        "[1, 2]",
        json.dumps({"text": "Hola", "lang": "fr", "cues": []}),
        json.dumps({"text": "Hola", "lang": "es", "cues": "apology"}),
        json.dumps({"text": "Hola", "lang": "es", "cues": ["sorry"]}),
        json.dumps({"text": "Hola", "lang": "es", "customer": 3, "cues": []}),
    ],
)
def test_bad_lines_are_label_errors(line: str) -> None:
    with pytest.raises(LabelError, match="line 7"):
        parse_reply(line, 7)


def test_a_labelled_file_is_read_in_order(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    rows = [
        {"text": "Gracias, Ana.", "lang": "es", "customer": "Ana", "cues": ["gratitude"]},
        {"text": "Hi!", "lang": "en", "customer": None, "cues": [], "note": "empty"},
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n\n", encoding="utf-8")
    loaded = load_labelled(path)
    assert [(r.text, r.line, r.note) for r in loaded] == [
        ("Gracias, Ana.", 1, ""),
        ("Hi!", 2, "empty"),
    ]
