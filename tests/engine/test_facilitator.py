"""A workshop facilitator's pushes: logged before their post, replayed, verified, scored."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from game.budgets import POST_CHARACTERS
from game.engine import ActionError, Ban, Refusal, Reply, Session
from game.engine.replay import rebuild_session
from game.journal.codec import LogError, decode, encode
from game.journal.events import FacilitatorPushed, PostArrived
from game.journal.logfile import SessionLog
from game.scenario import LoadedScenario
from game.scenario.loader import load_scenario_text
from game.services.report import score_log
from game.services.verify import Status, verify_log
from scoring import read_reply
from tests.conftest import ENGINE_SCENARIO

PUSHED = """facilitator_injects:
  - id: late-call
    channel: wall
    persona: customer
    tone: negative
    kind: complaint
    facts: [cold]
    text:
      - {es: "{brand_handle} llevo una hora esperando mi {drink}.",
         en: "{brand_handle} I have waited an hour for my {drink}."}
    replies:
      good:
        - {es: "Perdona, {first_name}: es culpa nuestra.", en: "Sorry, {first_name}: our fault."}
"""
WORDS = "Is anyone there? {name} said [b]you[/b] would call"


@pytest.fixture(scope="module")
def pushed_scenario() -> LoadedScenario:
    """The engine's test scenario with one facilitator inject."""
    text = ENGINE_SCENARIO.read_text(encoding="utf-8").replace("crowd:\n", PUSHED + "crowd:\n", 1)
    return load_scenario_text(text, ENGINE_SCENARIO)


def _play(loaded: LoadedScenario, path: Path, *, answer: bool = False) -> Session:
    """A session with one pushed inject at 2:05 and one written post at 3:00, to the end."""
    log = SessionLog(path)
    session = Session(
        loaded, reader=read_reply, seed=7, language="en", trainee="Ana", subscribers=[log.record]
    )
    session.advance(125)
    session.push_inject("late-call")
    session.advance_to(180)
    session.push_post("customer", "chirp", WORDS)
    if answer:
        post = next(p for p in session.posts.values() if p.source == "facilitator:late-call")
        session.act(Reply(post.id, "Sorry, we are on it: our fault."))
    session.advance_to(session.end_time)
    session.close()
    log.close()
    return session


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_pushed_inject_is_logged_before_its_post_which_waits_for_an_answer(
    pushed_scenario: LoadedScenario, tmp_path: Path
) -> None:
    session = _play(pushed_scenario, tmp_path / "s.jsonl")
    records = _records(tmp_path / "s.jsonl")
    at = records.index({"type": "facilitator", "t": 125, "inject": "late-call"})
    person, post = records[at + 1], records[at + 2]
    assert (person["type"], person["persona"]) == ("person", "customer")
    assert post["type"] == "post" and post["source"] == "facilitator:late-call"
    assert (post["t"], post["channel"], post["author"]) == (125, "wall", person["id"])
    assert post["needs_reply"] is True and post["facts"] == ["cold"]
    assert str(post["text"]).startswith("@brava I have waited an hour for my ")
    shown = session.posts[str(post["id"])]
    assert shown in session.visible_posts()


def test_a_written_post_is_posted_as_written_under_its_persona(
    pushed_scenario: LoadedScenario, tmp_path: Path
) -> None:
    _play(pushed_scenario, tmp_path / "s.jsonl")
    records = _records(tmp_path / "s.jsonl")
    pushed = {
        "type": "facilitator",
        "t": 180,
        "persona": "customer",
        "channel": "chirp",
        "text": WORDS,
        "tone": "negative",
    }
    at = records.index(pushed)
    post = next(r for r in records[at:] if r["type"] == "post")
    assert (post["text"], post["channel"], post["language"]) == (WORDS, "chirp", "en")
    assert (post["source"], post["tone"]) == ("facilitator:#1", "negative")
    assert post["needs_reply"] is True
    author = next(r for r in records if r["type"] == "person" and r["id"] == post["author"])
    assert author["persona"] == "customer"


def test_a_troll_pushes_abuse_that_needs_no_answer(pushed_scenario: LoadedScenario) -> None:
    session = Session(pushed_scenario, reader=read_reply, seed=1, language="es")
    events = session.push_post("troll", "chirp", "Sois lo peor")
    post = next(e.post for e in events if isinstance(e, PostArrived) and e.post.source[0] == "f")
    assert (post.tone, post.needs_reply, post.language) == ("abusive", False, "es")


def test_a_log_with_pushes_replays_and_verifies_byte_for_byte(
    pushed_scenario: LoadedScenario, tmp_path: Path
) -> None:
    first = _play(pushed_scenario, tmp_path / "a.jsonl", answer=True)
    _play(pushed_scenario, tmp_path / "b.jsonl", answer=True)
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert verify_log(tmp_path / "a.jsonl").status is Status.VERIFIED
    rebuilt, _ = rebuild_session(tmp_path / "a.jsonl", read_reply)
    assert rebuilt.state_fingerprint() == first.state_fingerprint()


def test_an_altered_push_does_not_verify(pushed_scenario: LoadedScenario, tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    _play(pushed_scenario, path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"inject":"late-call"', '"inject":"gone"'), encoding="utf-8")
    verdict = verify_log(path)
    assert verdict.status is not Status.VERIFIED
    assert "no facilitator inject 'gone'" in verdict.message


def test_the_push_record_round_trips_through_the_codec() -> None:
    for event in (
        FacilitatorPushed(65, inject="late-call"),
        FacilitatorPushed(70, persona="customer", channel="chirp", text=WORDS, tone="negative"),
    ):
        data = encode(event)
        assert data is not None and data["type"] == "facilitator"
        assert decode(json.loads(json.dumps(data)), "s.jsonl:3") == event
    with pytest.raises(LogError, match="'tone' is missing"):
        decode({"type": "facilitator", "t": 1, "persona": "p", "channel": "c", "text": "x"}, "l")


@pytest.mark.parametrize(
    ("push", "refusal"),
    [
        (lambda s: s.push_inject("nope"), Refusal.NO_SUCH_INJECT),
        (lambda s: s.push_post("nobody", "chirp", "Hello"), Refusal.NO_SUCH_PERSONA),
        (lambda s: s.push_post("customer", "fax", "Hello"), Refusal.NO_SUCH_CHANNEL),
        (lambda s: s.push_post("customer", "chirp", "  "), Refusal.EMPTY_POST),
        (lambda s: s.push_post("customer", "chirp", "ok \u202egnorw"), Refusal.HIDDEN_CHARACTER),
        (
            lambda s: s.push_post("customer", "chirp", "x" * (POST_CHARACTERS + 1)),
            Refusal.TEXT_TOO_LONG,
        ),
    ],
)
def test_a_bad_push_is_refused_and_leaves_no_trace(
    pushed_scenario: LoadedScenario, push: Callable[[Session], object], refusal: Refusal
) -> None:
    seen: list[object] = []
    session = Session(pushed_scenario, reader=read_reply, seed=2, subscribers=[seen.append])
    session.advance(60)
    before = (len(seen), session.state_fingerprint())
    with pytest.raises(ActionError) as refused:
        push(session)
    assert refused.value.refusal is refusal
    assert (len(seen), session.state_fingerprint()) == before


@pytest.mark.parametrize("how", ["end", "leave"])
def test_no_push_after_the_end(pushed_scenario: LoadedScenario, how: str) -> None:
    session = Session(pushed_scenario, reader=read_reply, seed=2)
    if how == "end":
        session.advance_to(session.end_time)
    else:
        session.leave()
    with pytest.raises(ActionError) as refused:
        session.push_inject("late-call")
    assert refused.value.refusal is Refusal.SESSION_ENDED
    with pytest.raises(ActionError) as refused:
        session.push_post("customer", "chirp", "Hello")
    assert refused.value.refusal is Refusal.SESSION_ENDED


def test_a_banned_fixed_persona_cannot_be_pushed(pushed_scenario: LoadedScenario) -> None:
    session = Session(pushed_scenario, reader=read_reply, seed=2)
    events = session.push_post("star", "chirp", "Still waiting")
    post = next(e.post for e in events if isinstance(e, PostArrived) and e.post.source[0] == "f")
    session.act(Ban(post.id, "spam"))
    with pytest.raises(ActionError) as refused:
        session.push_post("star", "chirp", "Again")
    assert refused.value.refusal is Refusal.AUTHOR_BANNED


def test_an_unanswered_pushed_post_costs_points(
    pushed_scenario: LoadedScenario, tmp_path: Path
) -> None:
    _play(pushed_scenario, tmp_path / "s.jsonl")
    pushed = {
        str(r["id"])
        for r in _records(tmp_path / "s.jsonl")
        if r["type"] == "post" and str(r["source"]).startswith("facilitator:")
    }
    card = score_log(tmp_path / "s.jsonl").scorecard
    missed = [f for f in card.findings if f.post_id in pushed and f.severity == "-"]
    assert {f.post_id for f in missed} == pushed
