"""The console's parts that need no app: notices, refusals, composer intents, the clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import (
    ActionError,
    Ban,
    FollowUp,
    Hide,
    PrivateMessage,
    Refusal,
    Reply,
    Search,
    Statement,
    Warn,
)
from game.engine.world import Promise
from game.journal.events import (
    FactRevealed,
    PhaseChanged,
    PostFound,
    PromiseBroken,
    PromiseDue,
    PromiseKept,
    SessionEnded,
)
from game.scenario import LoadedScenario
from game.tui.clock import SPEEDS, SpeedClock
from game.tui.controller import Game
from game.tui.intents import (
    BanIntent,
    FollowUpIntent,
    PrivateIntent,
    ReplyIntent,
    SearchIntent,
    StatementIntent,
    WarnIntent,
)
from game.tui.notices import Notice, Term, event_notices
from game.tui.promises import promise_line
from game.tui.refusals import TEAMS, free_teams, post_refusal, refusal_notice


@pytest.fixture
def game(flagship: LoadedScenario, tmp_path: Path) -> Game:
    played = Game(flagship, seed=7, language="en", trainee="t", log_dir=tmp_path)
    played.start()
    return played


def test_engine_events_become_notices_with_their_severity(game: Game) -> None:
    game.advance(2 * 60)
    post = game.session.post_order[0]
    events = [
        PhaseChanged(60, "calm", "escalating"),
        PromiseDue(61, "pr1", 600),
        PromiseBroken(62, "pr1"),
        PromiseKept(63, "pr2"),
        FactRevealed(64, "sample_fabric_cause"),
        PostFound(65, post.record()),
        PostFound(66, post.record()),
        SessionEnded(67, "meltdown", "phase"),
    ]
    notices = event_notices(events, game)
    assert [(n.key, n.severity) for n in notices] == [
        ("notice.phase", "warning"),
        ("notice.promise_due", "warning"),
        ("notice.promise_broken", "error"),
        ("notice.promise_kept", "information"),
        ("notice.fact", "information"),
        ("notice.ended", "information"),
        ("notice.found", "information"),  # one notice for every post a search found
    ]
    assert notices[-1].values == {"count": 2}
    assert notices[1].text("en") == "Promise pr1 is due at 10:10: follow it up (key f)."
    assert notices[0].text("en").startswith("The crisis moves to: ")


def test_influencers_and_journalists_are_announced(game: Game) -> None:
    changes = game.advance(27 * 60)
    notices = [n for n in event_notices(changes.events, game) if n.key == "notice.influencer"]
    kinds = {n.values["kind"] for n in notices}
    assert kinds == {Term("notice.influencer_kind"), Term("notice.journalist")}
    assert all(n.severity == "warning" for n in notices)
    assert any("Journalist" in n.text("en") for n in notices)


def test_refusals_are_told_in_the_trainees_language(game: Game) -> None:
    game.advance(21 * 60)
    troll_post = next(p for p in game.session.post_order if p.source == "inject:troll_abuse")
    assert post_refusal(game, None, "reply") == Notice("notice.select_post", severity="warning")
    assert post_refusal(game, troll_post, "reply") is None
    game.act(Ban(troll_post.id, "insults"))
    refusal = post_refusal(game, troll_post, "reply")
    assert refusal is not None and "está bloqueado" in refusal.text("es")
    assert "is banned" in refusal.text("en")
    assert post_refusal(game, troll_post, "like") is None  # a like reaches no one
    assert post_refusal(game, troll_post, "hide") is None
    game.act(Hide(troll_post.id))
    hidden = post_refusal(game, troll_post, "hide")
    assert hidden is not None and hidden.text("es") == "Ese mensaje ya está oculto."
    assert free_teams(game, troll_post) == list(TEAMS)


def test_every_engine_refusal_is_worded_in_both_languages() -> None:
    for refusal in Refusal:
        values = {
            "handle": "@x",
            "channel": "c",
            "team": "t",
            "promise": "p1",
            "action": "a",
            "post": "m1",
            "length": "12000",
            "limit": "10000",
            "inject": "late-call",
            "persona": "customer",
            "code": "U+202E",
        }
        error = ActionError(refusal, **values)
        notice = refusal_notice(error)
        for language in ("es", "en"):
            assert notice.text(language) != notice.key, (refusal, language)
            assert "{" not in notice.text(language)


def test_the_engine_says_which_actions_a_post_allows(game: Game) -> None:
    game.advance(21 * 60)
    troll_post = next(p for p in game.session.post_order if p.source == "inject:troll_abuse")
    everything = {"reply", "private_message", "like", "hide", "warn", "ban", "escalate"}
    assert game.session.possible_actions(troll_post) == everything
    game.act(Ban(troll_post.id, "insults"))
    assert game.session.possible_actions(troll_post) == {"like", "hide", "escalate"}


def test_each_intent_builds_its_action_and_says_what_it_needs(game: Game) -> None:
    assert ReplyIntent("p1", "@a").action("hi") == Reply("p1", "hi")
    assert PrivateIntent("p1", "@a").action("hi") == PrivateMessage("p1", "hi")
    assert WarnIntent("p1", "@a").action("") == Warn("p1", "")
    assert BanIntent("p1", "@a").action("why") == Ban("p1", "why")
    assert StatementIntent(("chirp",)).action("text") == Statement("text", ("chirp",))
    assert FollowUpIntent("pr1", "refund").action("done") == FollowUp("pr1", "done")
    assert SearchIntent().action("") == Search("")
    needs = {type(i).__name__: i.needs_text for i in (WarnIntent("p", "@a"), SearchIntent())}
    assert needs == {"WarnIntent": False, "SearchIntent": False}
    assert ReplyIntent.needs_text and BanIntent.needs_text and StatementIntent.needs_text
    assert BanIntent("p1", "@a").done() == Notice("notice.banned", {"handle": "@a"})
    assert SearchIntent().done() is None
    # Only messages the judges read are coached, each as the kind the scorer sees.
    assert ReplyIntent.coach_kind == "reply" and PrivateIntent.coach_kind == "private_message"
    assert BanIntent.coach_kind is None and SearchIntent.coach_kind is None
    assert StatementIntent(("chirp", "fotogram")).label(game) == "Statement on: Chirp, Fotogram"


def test_the_clock_keeps_fractions_and_stops_while_paused() -> None:
    clock = SpeedClock(1.0)
    clock.start(100.0)
    assert [clock.tick(100.0 + 0.5 * n) for n in range(1, 5)] == [0, 1, 0, 1]
    assert clock.toggle_pause(200.0)
    assert clock.tick(260.0) == 0
    assert not clock.toggle_pause(260.0)
    assert clock.tick(262.0) == 2  # the paused minute is not counted
    assert clock.faster() == 2.0 and clock.slower() == 1.0
    clock.speed = SPEEDS[-1]
    assert clock.faster() == SPEEDS[-1]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Promise pr1 is due at 10:01 tomorrow: follow it up (key f)."),
        ("es", "La promesa pr1 vence a las 10:01 de mañana: cúmplela (tecla f)."),
    ],
)
def test_a_promise_due_past_midnight_names_the_day(
    flagship: LoadedScenario, tmp_path: Path, language: str, expected: str
) -> None:
    # "Mañana" at the session's 10:00 is 24 h and a minute later; the clock used to wrap.
    played = Game(flagship, seed=7, language=language, trainee="t", log_dir=tmp_path)
    played.start()
    [notice] = event_notices([PromiseDue(61, "pr1", 24 * 3600 + 60)], played)
    assert notice.text(language) == expected


@pytest.mark.parametrize(
    ("language", "opened", "due", "soon_in", "day"),
    [
        ("en", "open  ", "due", "in", "tomorrow"),
        ("es", "abierta   ", "vence a las", "en", "de mañana"),
    ],
)
def test_the_promise_chooser_shows_tomorrows_deadline_with_its_day(
    flagship: LoadedScenario,
    tmp_path: Path,
    language: str,
    opened: str,
    due: str,
    soon_in: str,
    day: str,
) -> None:
    played = Game(flagship, seed=7, language=language, trainee="t", log_dir=tmp_path)
    played.start()
    ferry = Promise("pr1", "b1", "t1", "the ferry at ten", made=60, due=24 * 3600 + 60)
    soon = Promise("pr2", "b2", "t2", "a call back", made=60, due=15 * 60)
    assert [promise_line(played, p).label for p in (ferry, soon)] == [
        f"○ {opened} · pr1: «the ferry at ten», {due} 10:01 {day}, {soon_in} 24 h 1 min",
        f"○ {opened} · pr2: «a call back», {due} 10:15, {soon_in} 15 min",
    ]
