"""Words never sent are kept in the log as unsent: not scored, replayed, reported."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from game.budgets import TRAINEE_TEXT_CHARACTERS
from game.engine import Reply, Session
from game.journal.codec import LogError
from game.journal.events import DraftUnsent
from game.journal.logfile import SessionLog, read_log
from game.scenario import LoadedScenario
from game.services.report import score_log
from game.services.verify import Status, verify_log
from scoring import read_reply
from scoring.report import render_report
from scoring.report.markdown import escape_markdown

DRAFT = "Sorry <b>Ana</b> & co, we are on it and"


def _play(loaded: LoadedScenario, path: Path, draft: str | None, *, leave: bool = False) -> str:
    """Play to the end (or leave at 5:00) with ``draft`` in the composer; the log's text.

    Returns:
        The log as it stood right after ``keep_unsent``, before anything else.
    """
    log = SessionLog(path)
    session = Session(
        loaded, reader=read_reply, seed=5, language="en", trainee="Ana", subscribers=[log.record]
    )
    session.advance(130)
    post = next(p for p in session.visible_posts() if p.waiting)
    session.act(Reply(post.id, "We're so sorry, our fault."))
    if leave:
        session.advance_to(300)
    else:
        session.advance_to(session.end_time)
        assert session.ended
    events = session.keep_unsent(draft, post.id) if draft is not None else []
    shown = path.read_text(encoding="utf-8")  # flushed at once, like every record
    if draft is not None and draft.strip():
        assert events == [DraftUnsent(session.now, draft[:TRAINEE_TEXT_CHARACTERS], post.id)]
    else:
        assert events == []
    if leave:
        session.leave()
        assert session.keep_unsent("too late", None) == []  # after leaving: nothing
    else:
        session.close()
    log.close()
    return shown


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("leave", [False, True], ids=["time-ran-out", "left"])
def test_an_unsent_draft_is_logged_verified_and_not_scored(
    engine_scenario: LoadedScenario, tmp_path: Path, leave: bool
) -> None:
    shown = _play(engine_scenario, tmp_path / "draft.jsonl", DRAFT, leave=leave)
    last = json.loads(shown.splitlines()[-1])
    assert last["type"] == "unsent"
    assert (last["text"], isinstance(last["post"], str)) == (DRAFT, True)
    kinds = [str(r["type"]) for r in _records(tmp_path / "draft.jsonl")]
    after = "left" if leave else "close"
    assert kinds[kinds.index("unsent") + 1] == after
    assert ("end" in kinds[: kinds.index("unsent")]) is not leave

    # The same session without the draft: the same score, the same other records.
    _play(engine_scenario, tmp_path / "plain.jsonl", None, leave=leave)
    with_draft = score_log(tmp_path / "draft.jsonl").scorecard
    plain = score_log(tmp_path / "plain.jsonl").scorecard
    assert with_draft.unsent == DRAFT and plain.unsent is None
    assert dataclasses.replace(with_draft, unsent=None) == plain
    assert "unsent" not in plain.to_dict()
    assert [r for r in _records(tmp_path / "draft.jsonl") if r["type"] != "unsent"] == _records(
        tmp_path / "plain.jsonl"
    )

    # Deterministic, read back by the codec, and replayed where it was.
    _play(engine_scenario, tmp_path / "again.jsonl", DRAFT, leave=leave)
    assert (tmp_path / "draft.jsonl").read_bytes() == (tmp_path / "again.jsonl").read_bytes()
    unsent = [r for r in read_log(tmp_path / "draft.jsonl").records if isinstance(r, DraftUnsent)]
    assert [(r.text, r.post_id) for r in unsent] == [(DRAFT, last["post"])]
    assert verify_log(tmp_path / "draft.jsonl").status is Status.VERIFIED


@pytest.mark.parametrize("draft", ["", "   "])
def test_blank_words_are_not_logged(
    engine_scenario: LoadedScenario, tmp_path: Path, draft: str
) -> None:
    _play(engine_scenario, tmp_path / "a.jsonl", draft)
    assert all(r["type"] != "unsent" for r in _records(tmp_path / "a.jsonl"))


def test_a_draft_is_kept_up_to_the_length_of_a_text(
    engine_scenario: LoadedScenario, tmp_path: Path
) -> None:
    _play(engine_scenario, tmp_path / "long.jsonl", "x" * (TRAINEE_TEXT_CHARACTERS + 5))
    unsent = [r for r in _records(tmp_path / "long.jsonl") if r["type"] == "unsent"]
    assert [len(str(r["text"])) for r in unsent] == [TRAINEE_TEXT_CHARACTERS]


def test_an_unsent_record_of_the_wrong_shape_is_refused(
    engine_scenario: LoadedScenario, tmp_path: Path
) -> None:
    path = tmp_path / "draft.jsonl"
    _play(engine_scenario, path, DRAFT)
    text = path.read_text(encoding="utf-8")
    post = next(r["post"] for r in _records(path) if r["type"] == "unsent")
    path.write_text(text.replace(f'"post":"{post}"', '"post":5'), encoding="utf-8")
    with pytest.raises(LogError, match="'post' has the wrong type"):
        read_log(path)


@pytest.mark.parametrize(
    ("report_format", "line"),
    [
        ("md", f"- **Not sent when time ran out:** {escape_markdown(DRAFT)}\n"),
        (
            "html",
            "<tr><th>Not sent when time ran out</th>"
            "<td>Sorry &lt;b&gt;Ana&lt;/b&gt; &amp; co, we are on it and</td></tr>",
        ),
    ],
)
def test_the_report_shows_the_unsent_words(
    engine_scenario: LoadedScenario, tmp_path: Path, report_format: str, line: str
) -> None:
    _play(engine_scenario, tmp_path / "draft.jsonl", DRAFT)
    card = score_log(tmp_path / "draft.jsonl").scorecard
    assert line in render_report(card, report_format)
    spanish = dataclasses.replace(card, language="es")
    assert "Sin enviar cuando se acabó el tiempo" in render_report(spanish, report_format)
    _play(engine_scenario, tmp_path / "plain.jsonl", None)
    plain = score_log(tmp_path / "plain.jsonl").scorecard
    assert "Not sent" not in render_report(plain, report_format)
