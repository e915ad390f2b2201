"""The flagship as a trainee meets it: its storm, and what escalating or thanking does."""

from __future__ import annotations

from pathlib import Path

from game.engine import Escalate, Reply, Session
from game.engine.playbook import PlaybookPlayer, load_playbook
from game.engine.policies import POLICIES
from game.engine.simulate import play
from game.engine.world import Post
from game.scenario import LoadedScenario
from scoring import read_reply


def _session(flagship: LoadedScenario, minutes: int) -> Session:
    session = Session(flagship, reader=read_reply, seed=4, language="es")
    session.advance(minutes * 60)
    return session


def _post_from(session: Session, source: str) -> Post:
    return next(p for p in session.posts.values() if p.source == source)


def test_a_viral_session_is_a_storm_of_posts_that_need_no_answer(
    flagship: LoadedScenario,
) -> None:
    sessions: list[Session] = []
    result = play(
        flagship,
        POLICIES["slow"](),
        seed=1,
        language="es",
        reader=read_reply,
        on_end=sessions.append,
    )
    assert "viral" in result.phases
    assert result.posts >= 1000, result.posts  # the target of bench/simulate.py
    crowd = [p for p in sessions[0].posts.values() if p.source.startswith("crowd:")]
    quiet = [p for p in crowd if not p.needs_reply]
    assert len(quiet) > 0.8 * len(crowd)  # the flood is shares, jokes and onlookers


def test_escalating_hands_staff_and_press_to_their_teams(flagship: LoadedScenario) -> None:
    session = _session(flagship, 27)
    employee = _post_from(session, "inject:employee_defends")
    staff = session.crowd.people[employee.author]
    assert not staff.stopped
    session.act(Escalate(employee.id, "comunicación interna"))
    assert staff.stopped  # C5: one voice, the official account's
    assert session.threads[employee.thread].escalated == ["comunicación interna"]
    journalist_post = _post_from(session, "inject:journalist_request")
    journalist = session.crowd.people[journalist_post.author]
    before = journalist.mood
    session.act(Escalate(journalist_post.id, "prensa"))
    assert journalist.mood > before
    # Escalating is not answering: the journalist still waits for a reply (P1).
    assert journalist_post.waiting


def test_an_answered_fan_defends_the_brand(flagship: LoadedScenario) -> None:
    session = _session(flagship, 23)
    fan_post = _post_from(session, "inject:fan_defends")
    fan = session.crowd.people[fan_post.author]
    session.act(Reply(fan_post.id, "¡Muchas gracias por tu apoyo! Lo estamos arreglando."))
    assert fan.advocate and session.metrics.advocates >= 1
    defence = _post_from(session, "reaction:fan_thanked")
    assert defence.author == fan.id and defence.tone == "positive"
    assert defence.thread == fan_post.thread


def test_the_expert_playbook_answers_only_what_needs_an_answer(
    flagship: LoadedScenario,
) -> None:
    path = Path(__file__).parent.parent.parent / "examples" / "playbooks" / "expert.yaml"
    sessions: list[Session] = []
    play(
        flagship,
        PlaybookPlayer(playbook=load_playbook(path)),
        seed=1,
        language="es",
        reader=read_reply,
        on_end=sessions.append,
    )
    session = sessions[0]
    answered = {p.thread for p in session.posts.values() if p.source == "brand"}
    for post in session.posts.values():
        if post.source in ("crowd:crowd_trending", "crowd:crowd_onlooker"):
            assert post.thread not in answered
