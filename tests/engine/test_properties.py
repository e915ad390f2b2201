"""Random action sequences never break the engine, and replay from the log reproduces them."""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import (
    ActionError,
    Ban,
    Escalate,
    FollowUp,
    Hide,
    Like,
    PrivateMessage,
    Reply,
    Search,
    Session,
    Statement,
    Warn,
)
from game.engine.replay import rebuild_session
from game.journal.actions import Action
from game.journal.logfile import SessionLog
from game.scenario import LoadedScenario, load_scenario
from game.scenario.catalog import builtin_scenario_dir
from scoring import read_reply
from tests.conftest import ENGINE_SCENARIO

LOADED = load_scenario(ENGINE_SCENARIO)
FLAGSHIP = load_scenario(builtin_scenario_dir() / "rebajas.yaml")
TEXTS = [
    "Lo sentimos mucho, {x} es culpa nuestra.",
    "Te respondemos en 2 horas.",
    "Mira https://example.com",
    "¡Gracias! [b]ok[/b] [@click=app.quit]",
    "",
    "NO ES NUESTRO PROBLEMA!!!",
]

step = st.tuples(
    st.integers(min_value=0, max_value=240),  # seconds to wait first
    st.sampled_from(
        [
            "reply",
            "private",
            "statement",
            "like",
            "hide",
            "warn",
            "ban",
            "escalate",
            "follow",
            "search",
        ]
    ),
    st.integers(min_value=0, max_value=60),  # which post or promise
    st.sampled_from(TEXTS),
)


def _action(session: Session, kind: str, index: int, text: str) -> Action:
    post_ids = [p.id for p in session.visible_posts()] or ["m1"]
    post = post_ids[index % len(post_ids)]
    promise = f"pr{index % 3 + 1}"
    return {
        "reply": Reply(post, text),
        "private": PrivateMessage(post, text),
        "statement": Statement(text),
        "like": Like(post),
        "hide": Hide(post),
        "warn": Warn(post, text),
        "ban": Ban(post, text),
        "escalate": Escalate(post, text),
        "follow": FollowUp(promise, text),
        "search": Search(text[:5]),
    }[kind]


_counter = itertools.count()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**32), steps=st.lists(step, max_size=25))
def test_random_play_keeps_invariants_and_replays(
    seed: int, steps: list[tuple[int, str, int, str]]
) -> None:
    _play_and_check(LOADED, seed, steps)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**32), steps=st.lists(step, max_size=25))
def test_random_play_of_the_flagship_storm(
    seed: int, steps: list[tuple[int, str, int, str]]
) -> None:
    """The flagship, whose storm brings a post a second, keeps the same invariants."""
    _play_and_check(
        FLAGSHIP, seed, [(wait * 4, kind, index, text) for wait, kind, index, text in steps]
    )


def _play_and_check(
    loaded: LoadedScenario, seed: int, steps: list[tuple[int, str, int, str]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"s{next(_counter)}.jsonl"
        log = SessionLog(path)
        session = Session(
            loaded, reader=read_reply, seed=seed, language="es", subscribers=[log.record]
        )
        last_time = 0
        for wait, kind, index, text in steps:
            events = session.advance(wait)
            before = session.state_fingerprint()
            try:
                events += session.act(_action(session, kind, index, text))
            except ActionError:
                assert session.state_fingerprint() == before  # a refused action leaves no trace
            times = [event.time for event in events]
            assert times == sorted(times)  # time never goes back, within a step...
            assert all(last_time <= t <= session.now for t in times)  # ...or across steps
            assert session.now >= last_time
            last_time = session.now
            metrics = session.metrics
            assert -1 <= metrics.sentiment <= 1
            assert 0 <= metrics.negative_reach <= metrics.reach
            assert metrics.unanswered >= 0 and metrics.oldest_unanswered_minutes >= 0
            waiting = session.waiting_posts()
            assert metrics.unanswered == len(waiting)
            for post in waiting:  # only what still needs the brand, from someone listening
                author = session.crowd.people[post.author]
                assert post.waiting and not (author.banned or author.stopped)
            if session.ended:
                break
        session.close()
        log.close()
        rebuilt, _ = rebuild_session(path, read_reply)
        assert rebuilt.state_fingerprint() == session.state_fingerprint()
        rebuilt.close()
