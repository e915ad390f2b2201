"""The session: clock, crowd, phases, actions and their effects, on the engine test scenario."""

from __future__ import annotations

from pathlib import Path

import pytest

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
    Wait,
    Warn,
)
from game.engine.world import Post
from game.journal.events import (
    FactRevealed,
    PhaseChanged,
    PostArrived,
    PostFound,
    PromiseBroken,
    PromiseKept,
    PromiseMade,
    SessionEnded,
)
from game.journal.logfile import SessionLog
from game.scenario import LoadedScenario
from scoring import read_reply


def _session(loaded: LoadedScenario, seed: int = 3, **kwargs: object) -> Session:
    return Session(loaded, reader=read_reply, seed=seed, language="es", **kwargs)  # type: ignore[arg-type]


def _post_from(session: Session, source: str) -> Post:
    return next(p for p in session.posts.values() if p.source == source)


def test_scripted_posts_arrive_on_time_with_placeholders_filled(
    engine_scenario: LoadedScenario,
) -> None:
    session = _session(engine_scenario)
    events = session.advance(60)
    first = _post_from(session, "inject:first")
    assert first.time == 60
    assert first.text in ("@brava mi café llegó frío.", "@brava mi té llegó frío.")
    assert any(isinstance(e, PostArrived) and e.post == first.record() for e in events)
    author = session.crowd.people[first.author]
    assert author.persona == "customer"
    assert author.locale in ("es_ES", "es_MX")
    assert 10 <= author.followers <= 5000


def test_follow_up_inject_reuses_author_and_thread(engine_scenario: LoadedScenario) -> None:
    session = _session(engine_scenario)
    session.advance(240)
    first, again = _post_from(session, "inject:first"), _post_from(session, "inject:again")
    assert again.author == first.author
    assert again.thread == first.thread


def test_foreign_persona_writes_in_its_language(engine_scenario: LoadedScenario) -> None:
    session = _session(engine_scenario)
    session.advance(180)
    french = _post_from(session, "inject:french")
    assert french.language == "fr"
    assert french.text.startswith("Mon ")


def test_fixed_persona_keeps_its_name(engine_scenario: LoadedScenario) -> None:
    session = _session(engine_scenario)
    session.advance(600)
    star = _post_from(session, "inject:star-post")
    person = session.crowd.people[star.author]
    assert (person.name, person.first_name, person.handle) == ("Laura Star", "Laura", "@laurastar")
    assert 50_000 <= person.followers <= 90_000


def test_chunking_does_not_change_the_session(engine_scenario: LoadedScenario) -> None:
    whole = _session(engine_scenario)
    whole.advance(900)
    pieces = _session(engine_scenario)
    for step in (1, 7, 13, 60, 119, 300, 400):
        pieces.advance(step)
    assert pieces.now == whole.now == 900
    assert pieces.state_fingerprint() == whole.state_fingerprint()


def test_seeds_differ(engine_scenario: LoadedScenario) -> None:
    one, two = _session(engine_scenario, seed=1), _session(engine_scenario, seed=2)
    one.advance(600)
    two.advance(600)
    assert one.state_fingerprint() != two.state_fingerprint()


def test_untagged_post_needs_a_search(engine_scenario: LoadedScenario) -> None:
    session = _session(engine_scenario)
    session.advance(150)
    hidden = _post_from(session, "inject:hidden-mention")
    assert not hidden.found
    assert hidden not in session.visible_posts()
    with pytest.raises(ActionError):
        session.act(Reply(hidden.id, "Hola"))
    events = session.act(Search("café té"))
    assert [e.post for e in events if isinstance(e, PostFound)] == [hidden.record()]
    assert hidden in session.visible_posts()


def test_reply_answers_the_thread_and_soothes(engine_scenario: LoadedScenario) -> None:
    session = _session(engine_scenario)
    session.advance(60)
    first = _post_from(session, "inject:first")
    assert first.id in {p.id for p in session.posts.values() if p.waiting}
    waiting_before = session.metrics.unanswered
    author = session.crowd.people[first.author]
    mood_before = author.mood
    session.act(Reply(first.id, "Lo sentimos mucho, es culpa nuestra."))
    assert first.answered_at == 60
    assert session.metrics.unanswered == waiting_before - 1
    assert author.mood > mood_before
    assert session.threads[first.thread].public_replies == 1
    brand_reply = session.posts[session.threads[first.thread].posts[-1]]
    assert brand_reply.from_brand and brand_reply.channel == "chirp"


def test_ignored_complaint_moves_to_another_channel(engine_scenario: LoadedScenario) -> None:
    session = _session(engine_scenario)
    session.advance(60 + 3 * 60)
    first = _post_from(session, "inject:first")
    echo = [
        p
        for p in session.posts.values()
        if p.source == "reaction:ignored" and p.author == first.author
    ]
    assert echo and echo[0].channel == "wall"
    assert echo[0].time == first.time + 3 * 60


def test_private_message_moves_the_exchange(engine_scenario: LoadedScenario) -> None:
    session = _session(engine_scenario)
    session.advance(60)
    first = _post_from(session, "inject:first")
    session.act(PrivateMessage(first.id, "Te escribimos por privado."))
    thread = session.threads[first.thread]
    assert thread.private
    assert session.posts[thread.posts[-1]].channel == "dm"
    mood = session.crowd.people[first.author].mood
    session.advance(120)  # the reaction comes two minutes later
    assert session.crowd.people[first.author].mood > mood
    with pytest.raises(ActionError):
        session.act(Reply(first.id, "x", channel="dm"))


def test_troll_fed_warned_and_banned(engine_scenario: LoadedScenario) -> None:
    session = _session(engine_scenario)
    session.advance(120)
    insult = _post_from(session, "inject:insult")
    assert not insult.needs_reply
    assert "[@click=app.quit]" in insult.text
    troll = session.crowd.people[insult.author]
    session.act(Reply(insult.id, "¿Perdona?"))
    assert any(p.source == "reaction:fed" for p in session.posts.values())
    session.act(Warn(insult.id, "Recordamos las normas: sin insultos."))
    assert troll.warned and troll.stopped
    session.act(Ban(insult.id, "Insultos"))
    assert troll.banned
    assert session.metrics.silenced_complainers == 0
    with pytest.raises(ActionError):
        session.act(Ban(insult.id, "again"))


def test_silencing_complainers_leads_to_meltdown(engine_scenario: LoadedScenario) -> None:
    session = _session(engine_scenario)
    session.advance(240)
    first = _post_from(session, "inject:first")
    session.act(Hide(first.id))
    french = _post_from(session, "inject:french")
    session.act(Ban(french.id, "molesta"))
    assert session.metrics.silenced_complainers == 2
    events = session.advance(10)
    assert any(isinstance(e, PhaseChanged) and e.phase == "meltdown" for e in events)
    assert any(isinstance(e, SessionEnded) and e.phase == "meltdown" for e in events)
    assert session.ended
    with pytest.raises(ActionError):
        session.act(Like(first.id))
    assert session.advance(60) == []


def test_fact_revealed_and_resolution(engine_scenario: LoadedScenario) -> None:
    session = _session(engine_scenario)
    events = session.advance(300)
    assert any(isinstance(e, FactRevealed) and e.fact_id == "cause" for e in events)
    assert "cause" in session.revealed
    session.act(Search())
    for post in list(session.visible_posts()):
        if post.waiting:
            session.act(Reply(post.id, "Lo sentimos mucho, es culpa nuestra."))
    session.act(Statement("Pedimos perdón: la cafetera falló y la hemos cambiado."))
    assert session.metrics.statements == 1
    statement_posts = [p for p in session.posts.values() if p.source == "statement"]
    assert {p.channel for p in statement_posts} == {"chirp", "wall"}
    events = session.advance(240)
    assert session.phase in ("resolved", "storm", "calm")


def test_statement_rejects_private_channels(engine_scenario: LoadedScenario) -> None:
    session = _session(engine_scenario)
    with pytest.raises(ActionError):
        session.act(Statement("Perdón.", ("dm",)))
    with pytest.raises(ActionError):
        session.act(Statement("   "))


def test_promises_are_kept_or_broken(engine_scenario: LoadedScenario) -> None:
    session = _session(engine_scenario)
    session.advance(60)
    first = _post_from(session, "inject:first")
    events = session.act(Reply(first.id, "Lo sentimos. Te llamamos en 30 minutos."))
    made = [e for e in events if isinstance(e, PromiseMade)]
    assert len(made) == 1
    promise = session.promises[made[0].promise_id]
    assert promise.due == 60 + 30 * 60
    assert not session.threads[first.thread].resolved
    assert promise.act == "callback"
    # "As promised" keeps nothing: a promise is kept by the promised act.
    vague = session.act(FollowUp(promise.id, "Como te prometimos, gracias por tu paciencia."))
    assert not [e for e in vague if isinstance(e, PromiseKept)] and promise.status == "open"
    kept = session.act(FollowUp(promise.id, "Te acabamos de llamar, como te dijimos."))
    assert [e for e in kept if isinstance(e, PromiseKept)]
    # The 'kept' reaction: the customer praises the brand where the exchange began.
    praise = [e.post for e in kept if isinstance(e, PostArrived)]
    assert [(p.text, p.channel, p.thread) for p in praise] == [
        ("¡Cumplieron, Brava!", "chirp", first.thread)
    ]
    assert session.metrics.advocates == 1
    with pytest.raises(ActionError):
        session.act(FollowUp(promise.id, "otra vez"))
    second = _session(engine_scenario)
    second.advance(60)
    first = _post_from(second, "inject:first")
    events = second.act(Reply(first.id, "Lo sentimos. Te respondemos en 10 minutos."))
    events = second.advance(11 * 60)
    assert any(isinstance(e, PromiseBroken) for e in events)
    assert second.metrics.broken_promises == 1
    told = [e.post for e in events if isinstance(e, PostArrived) and e.post.author == first.author]
    assert any(p.text == "Brava prometió y nada." and p.channel != "chirp" for p in told)
    # The first follow-up after it broke is the late one (what scoring judges); a second
    # one does not move it.
    [broken] = second.promises.values()
    assert broken.followed_up_late is None
    second.act(FollowUp(broken.id, "Perdón por el retraso: te escribimos ahora."))
    late = second.now
    second.advance(60)
    second.act(FollowUp(broken.id, "Y otra vez."))
    assert broken.followed_up_late == late and broken.status == "broken"


def test_a_once_reaction_fires_once_per_person(engine_scenario: LoadedScenario) -> None:
    session = _session(engine_scenario)
    session.advance(60)
    first = _post_from(session, "inject:first")
    author = session.crowd.people[first.author]
    session.act(Reply(first.id, "Lo sentimos mucho, es culpa nuestra."))
    soothed = author.mood
    session.act(Reply(first.id, "Lo sentimos de nuevo."))
    assert author.mood == soothed


def test_invalid_actions_change_nothing(engine_scenario: LoadedScenario, tmp_path: Path) -> None:
    log = SessionLog(tmp_path / "s.jsonl")
    session = _session(engine_scenario, subscribers=[log.record])
    session.advance(60)
    before = (tmp_path / "s.jsonl").read_text(encoding="utf-8")
    for action in (
        Reply("m999", "hola"),
        Like("nope"),
        Ban("m1", "   "),
        Escalate("m1", ""),
        FollowUp("pr1", "x"),
        Reply("m1", "hola", channel="nowhere"),
    ):
        with pytest.raises(ActionError):
            session.act(action)
    with pytest.raises(ActionError):
        session.act(Wait(-5))
    assert (tmp_path / "s.jsonl").read_text(encoding="utf-8") == before
    log.close()


def test_session_ends_at_its_duration(engine_scenario: LoadedScenario) -> None:
    session = _session(engine_scenario)
    events = session.advance(10_000)
    assert session.ended
    assert session.now <= 30 * 60
    assert isinstance(events[-1], SessionEnded)


def test_unknown_language_is_refused(engine_scenario: LoadedScenario) -> None:
    with pytest.raises(ValueError, match="no 'fr' version"):
        Session(engine_scenario, reader=read_reply, seed=1, language="fr")


def test_escalating_records_the_team_once(engine_scenario: LoadedScenario) -> None:
    session = _session(engine_scenario)
    session.advance(60)
    first = _post_from(session, "inject:first")
    session.act(Escalate(first.id, "logística"))
    session.act(Escalate(first.id, "legal"))
    assert session.threads[first.thread].escalated == ["logística", "legal"]
    with pytest.raises(ActionError, match="already with logística"):
        session.act(Escalate(first.id, " logística "))
    assert first.waiting  # handing it to a team is not answering it (P1)


def test_read_queries_say_what_waits_and_what_is_overdue(engine_scenario: LoadedScenario) -> None:
    session = _session(engine_scenario)
    session.advance(60)
    first = _post_from(session, "inject:first")
    assert first in session.waiting_posts() and not session.is_overdue(first)
    limit = session.response_deadline(first) - session.now
    session.advance(limit + 10)
    assert first in session.overdue_posts()
    session.act(Reply(first.id, "Lo sentimos mucho, lo revisamos ya."))
    assert first not in session.waiting_posts() and first not in session.overdue_posts()
