"""The `f` chooser: whose promise, what was promised, when it is due; closed ones marked."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from game.engine.world import Post
from game.scenario.catalog import resolve_scenario
from game.tui import CrisisApp
from game.tui.intents import FollowUpIntent
from game.tui.screens.dialogs import ChooseScreen
from game.tui.widgets.composer import Composer
from tests.tui.helpers import (
    SIZE,
    Notices,
    act_on,
    console,
    new_app,
    start_session,
    type_text,
)


def _post(app: CrisisApp, post_id: str) -> Post:
    assert app.game is not None
    post = app.game.post(post_id)
    assert post is not None
    return post


def _who(app: CrisisApp, post_id: str) -> str:
    assert app.game is not None
    person = app.game.person(_post(app, post_id))
    assert person is not None
    return f"{person.name} {person.handle}"


def _choices(app: CrisisApp) -> list[tuple[str, bool]]:
    """The chooser's lines as shown, each with whether it can be chosen."""
    assert isinstance(app.screen, ChooseScreen), app.screen
    options = app.screen.query_one(OptionList)
    return [
        (str(options.get_option_at_index(i).prompt), not options.get_option_at_index(i).disabled)
        for i in range(options.option_count)
    ]


@pytest.mark.parametrize(
    ("language", "promises", "expected"),
    [
        (
            "es",
            [
                ("m1", "Te llamamos en 10 minutos."),
                ("m2", "Te escribimos por privado en 5 minutos."),
                ("m3", "Te devolvemos el dinero en 20 minutos."),
            ],
            [
                "○ abierta    · {m2}: mensaje privado, vence a las 10:11, en 5 min",
                "○ abierta    · {m1}: llamada, vence a las 10:16, en 10 min",
                "○ abierta    · {m3}: reembolso, vence a las 10:26, en 20 min",
            ],
        ),
        (
            "en",
            [
                ("m1", "We will call you back in 10 minutes."),
                ("m2", "We will send you a private message in 5 minutes."),
                ("m3", "We will refund you within 20 minutes."),
            ],
            [
                "○ open   · {m2}: private message, due 10:11, in 5 min",
                "○ open   · {m1}: call back, due 10:16, in 10 min",
                "○ open   · {m3}: refund, due 10:26, in 20 min",
            ],
        ),
    ],
)
async def test_the_chooser_names_customer_act_and_due_time_soonest_first(
    tmp_path: Path, language: str, promises: list[tuple[str, str]], expected: list[str]
) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("rebajas"), language=language)
    async with app.run_test(size=SIZE) as pilot:
        await start_session(pilot, 6)
        for post_id, words in promises:
            await act_on(pilot, app, _post(app, post_id), "r", words)
        assert console(app).select_post("m5")  # no promise in this exchange: f asks which
        await pilot.press("f")
        await pilot.pause()
        who = {post_id: _who(app, post_id) for post_id in ("m1", "m2", "m3")}
        assert _choices(app) == [(line.format(**who), True) for line in expected]
        await pilot.press("escape")


async def test_kept_late_and_broken_promises_are_marked_and_only_owed_ones_chosen(
    tmp_path: Path,
) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("rebajas"))
    async with app.run_test(size=SIZE) as pilot:
        await start_session(pilot, 6)
        for post_id in ("m1", "m2"):
            await act_on(pilot, app, _post(app, post_id), "r", "We'll call you back in 5 min.")
        for post_id in ("m3", "m4"):
            await act_on(pilot, app, _post(app, post_id), "r", "We'll call you in 30 minutes.")
        # Kept in time: a follow-up from its own exchange goes straight to the composer.
        await act_on(pilot, app, _post(app, "m1"), "f", "We have just called you, as promised.")
        app.advance_clock(6 * 60)  # m2's promise breaks
        await pilot.pause()
        assert console(app).select_post("m5")
        await pilot.press("f")
        await pilot.pause()
        who = {post_id: _who(app, post_id) for post_id in ("m1", "m2", "m3", "m4")}
        assert _choices(app) == [
            (f"! late   · {who['m2']}: call back, was due 10:11, 1 min late", True),
            (f"○ open   · {who['m3']}: call back, due 10:36, in 24 min", True),
            (f"○ open   · {who['m4']}: call back, due 10:36, in 24 min", True),
            (f"✓ kept   · {who['m1']}: call back, due 10:11", False),
        ]
        await pilot.press("enter")  # the late one: a late follow-up still counts a little
        await pilot.pause()
        intent = console(app).query_one(Composer).intent
        assert isinstance(intent, FollowUpIntent)
        assert app.game is not None
        assert app.game.session.promises[intent.promise_id].thread == _post(app, "m2").thread
        await type_text(pilot, "Sorry, we have just called you.")
        await pilot.press("enter")
        await pilot.pause()
        app.advance_clock(60)
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        # Followed up late once, the broken promise is closed: nothing more counts.
        assert _choices(app) == [
            (f"○ open   · {who['m3']}: call back, due 10:36, in 23 min", True),
            (f"○ open   · {who['m4']}: call back, due 10:36, in 23 min", True),
            (f"✓ kept   · {who['m1']}: call back, due 10:11", False),
            (f"✗ broken · {who['m2']}: call back, due 10:11", False),
        ]
        await pilot.press("escape")


@pytest.mark.parametrize(
    ("language", "words", "follow_up", "expected"),
    [
        (
            "es",
            "Te llamamos en 5 minutos.",
            "Te acabamos de llamar, como prometimos.",
            "No queda ninguna promesa por cumplir (1 cumplida, 0 incumplidas).",
        ),
        (
            "en",
            "We'll call you back in 5 minutes.",
            "We have just called you, as promised.",
            "No promise left to follow up (1 kept, 0 broken).",
        ),
    ],
)
async def test_with_every_promise_closed_f_says_so(
    tmp_path: Path, language: str, words: str, follow_up: str, expected: str
) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("rebajas"), language=language)
    shown = Notices()
    async with app.run_test(size=SIZE, message_hook=shown) as pilot:
        await start_session(pilot, 6)
        await act_on(pilot, app, _post(app, "m1"), "r", words)
        await act_on(pilot, app, _post(app, "m1"), "f", follow_up)
        await pilot.press("f")
        await pilot.pause()
        assert not isinstance(app.screen, ChooseScreen)
    assert expected in shown.texts
