"""Budgets: a scenario that asks for too much is stopped, with a reason, and replays."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from game.budgets import (
    ACTIONS_PER_SESSION,
    POST_CHARACTERS,
    POSTS_PER_MINUTE,
    POSTS_PER_SESSION,
    TEXT_PER_SESSION,
    TRAINEE_TEXT_CHARACTERS,
    budget_of,
    exceeded_message,
    reason_for,
)
from game.engine import Session
from game.engine.budget import SessionBudget
from game.engine.policies import POLICIES
from game.engine.refusals import ActionError, Refusal
from game.engine.simulate import RunResult, play
from game.journal.actions import Ban, Reply, Wait
from game.journal.events import SessionEnded
from game.journal.logfile import read_log
from game.scenario import LoadedScenario, load_scenario
from game.services.report import report
from game.services.verify import Status, verify_log
from scoring import read_reply
from tests.conftest import DATA_DIR

HOSTILE = DATA_DIR / "hostile"


def _people_posts(session: Session) -> list[int]:
    """The second each person's post appeared at (the brand's are not counted)."""
    return [post.time for post in session.post_order if post.author != "brand"]


def _ignore(loaded: LoadedScenario, folder: Path) -> tuple[RunResult, list[int]]:
    seen: list[int] = []
    run = play(
        loaded,
        POLICIES["ignorer"](),
        seed=1,
        language="en",
        reader=read_reply,
        log_dir=folder,
        on_end=lambda session: seen.extend(_people_posts(session)),
    )
    return run, seen


def test_a_burst_is_stopped_in_the_minute_it_outgrows(tmp_path: Path) -> None:
    run, times = _ignore(load_scenario(HOSTILE / "burst.yaml"), tmp_path)
    per_minute = Counter(time // 60 for time in times)
    assert max(per_minute.values()) == POSTS_PER_MINUTE
    last_minute = max(per_minute)
    assert per_minute[last_minute] == POSTS_PER_MINUTE  # stopped in the minute that overflowed
    assert run.stopped == exceeded_message("posts_per_minute", last_minute)
    assert run.stopped.endswith(f"at minute {last_minute}")
    assert run.final_phase == "calm"


def test_a_loop_is_stopped_at_the_session_budget(tmp_path: Path) -> None:
    run, times = _ignore(load_scenario(HOSTILE / "loop.yaml"), tmp_path)
    assert len(times) == POSTS_PER_SESSION
    assert run.stopped is not None
    assert run.stopped.startswith("the scenario exceeded its post budget (5,000 posts a session)")
    assert run.log is not None
    records = read_log(Path(run.log)).records
    ended = [r for r in records if isinstance(r, SessionEnded)]
    assert [budget_of(r.reason) for r in ended] == ["posts"]
    assert ended[0].time == max(times)  # the session ends when the budget runs out


def test_a_stopped_session_replays_and_reports_why(tmp_path: Path) -> None:
    run, _ = _ignore(load_scenario(HOSTILE / "burst.yaml"), tmp_path)
    assert run.log is not None
    assert verify_log(Path(run.log)).status is Status.VERIFIED
    markdown = report(Path(run.log), "md").text
    assert f"- **Stopped:** {run.stopped}" in markdown
    assert "<th>Stopped</th>" in report(Path(run.log), "html").text


def test_leaving_a_flooded_session_runs_it_to_the_budget_and_closes(
    tmp_path: Path,
) -> None:
    session = Session(load_scenario(HOSTILE / "loop.yaml"), seed=2, reader=read_reply)
    session.advance(60)
    session.leave()
    assert session.ended
    assert session.exceeded == "posts"
    assert sum(1 for post in session.post_order if post.author != "brand") == POSTS_PER_SESSION


def test_a_reaction_writes_its_post_at_most_per_person_times(tmp_path: Path) -> None:
    text = (HOSTILE / "loop.yaml").read_text(encoding="utf-8")
    capped = tmp_path / "capped.yaml"
    capped.write_text(text.replace("per_person: 20", "per_person: 2"), encoding="utf-8")
    session = Session(load_scenario(capped), seed=1, reader=read_reply, language="en")
    session.advance(30 * 60)
    again = Counter(post.author for post in session.post_order if post.source == "reaction:again")
    assert again and max(again.values()) == 2
    assert session.exceeded is None


def test_a_text_longer_than_the_budget_is_refused_and_not_logged(
    engine_scenario: LoadedScenario,
) -> None:
    events: list[object] = []
    session = Session(engine_scenario, seed=1, reader=read_reply, subscribers=[events.append])
    session.advance(3 * 60)
    post = next(p for p in session.post_order if p.author != "brand")
    before = len(events)
    for action in (
        Reply(post.id, "a" * (TRAINEE_TEXT_CHARACTERS + 1)),
        Ban(post.id, "b" * (TRAINEE_TEXT_CHARACTERS + 1)),
    ):
        with pytest.raises(ActionError) as refused:
            session.act(action)
        assert refused.value.refusal is Refusal.TEXT_TOO_LONG
        assert str(refused.value) == "that text has 10001 characters; the most is 10000"
    assert len(events) == before
    session.act(Reply(post.id, "a" * TRAINEE_TEXT_CHARACTERS))  # the most is allowed


def test_actions_beyond_the_budget_end_the_session(engine_scenario: LoadedScenario) -> None:
    session = Session(engine_scenario, seed=1, reader=read_reply)
    for _ in range(ACTIONS_PER_SESSION):
        session.act(Wait(0))
    with pytest.raises(ActionError) as refused:
        session.act(Wait(0))
    assert refused.value.refusal is Refusal.SESSION_ENDED
    assert session.ended and session.end_reason == reason_for("actions")
    assert (
        session.budget_message()
        == "the session exceeded its action budget (10,000 actions) at minute 0"
    )
    assert session.budget_message("es") == (
        "la sesión superó su límite de acciones (10.000) en el minuto 0"
    )


def test_the_budget_counts_posts_texts_and_actions() -> None:
    budget = SessionBudget()
    assert budget.person_post(0, "x" * (POST_CHARACTERS + 1)) == "post_length"
    assert budget.person_post(0, "x" * POST_CHARACTERS) is None
    assert budget.posts == 1
    budget.posted("x" * POST_CHARACTERS)
    assert budget.action_exceeds(("y" * TEXT_PER_SESSION,)) == "text"
    assert budget.action_exceeds(("y" * (TEXT_PER_SESSION - POST_CHARACTERS),)) is None
    budget.action_taken(("y" * (TEXT_PER_SESSION - POST_CHARACTERS),))
    assert budget.person_post(60, "z") == "text"
    assert budget_of("time") is None and budget_of("budget:nonsense") is None
