"""A whole short session played through the keyboard, in English and in Spanish."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from game.services.report import score_log
from game.tui.screens.briefing import BriefingScreen
from game.tui.screens.debrief import DebriefScreen
from game.tui.screens.dialogs import ChannelsScreen, ConfirmScreen
from game.tui.screens.picker import PickerScreen
from tests.tui.helpers import SIZE, act_on, console, new_app, post_from, settle, type_text

TEXTS = {
    "en": {
        "reply": "Hi {name}, we are so sorry: the jacket is not what the photo showed. "
        "We will refund you in full.",
        "private": "Hi, sorry about this. Send us your order number here and we fix it.",
        "warn": "Please keep it respectful, as our community rules say.",
        "ban": "Repeated insults against the community rules",
        "statement": "We are sorry: the sale photos did not match the clothes. We got it wrong. "
        "Everyone affected gets a free return and a full refund, and we are reviewing "
        "every photo so that it does not happen again.",
        "overall": "Overall",
    },
    "es": {
        "reply": "Hola {name}, lo sentimos mucho: la chaqueta no es lo que enseñaba la foto. "
        "Te devolvemos el dinero.",
        "private": "Hola, perdona las molestias. Pásanos aquí tu número de pedido y lo "
        "solucionamos.",
        "warn": "Por favor, mantén el respeto, como dicen nuestras normas.",
        "ban": "Insultos repetidos contra las normas de la comunidad",
        "statement": "Pedimos perdón: las fotos de las rebajas no se correspondían con la ropa. "
        "Nos equivocamos. Todas las personas afectadas tendrán devolución gratuita y "
        "reembolso, y estamos revisando cada foto para que no vuelva a pasar.",
        "overall": "Total",
    },
}


@pytest.mark.parametrize("language", ["en", "es"])
async def test_a_whole_session(tmp_path: Path, language: str) -> None:
    # Starts in Spanish (the default); the English trainee switches in the picker.
    app = new_app(tmp_path, language=None)
    texts = TEXTS[language]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)  # the library is read in a worker
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        # The flagship, wherever it stands in the library.
        for _ in range([entry.id for entry in picker.scenarios].index("rebajas")):
            await pilot.press("down")
        await pilot.pause()
        if language == "en":
            await pilot.press("l")  # a picker in English takes the place of this one
            await pilot.pause()
            picker = app.screen
            assert isinstance(picker, PickerScreen)
        assert picker.language == language
        footer = {binding.description for _, binding, _, _ in picker.active_bindings.values()}
        assert {"Language", "Mode"} <= footer if language == "en" else {"Idioma", "Modo"} <= footer
        await pilot.press("enter")
        await settle(pilot)  # the scenario is loaded in a worker
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.language == language
        await pilot.press("enter")
        await pilot.pause()
        screen = console(app)
        assert app.game is not None and app.game.language == language

        # A complaint answered in public.
        app.advance_clock(2 * 60)
        await pilot.pause()
        complaint = post_from(app, "inject:complaint_first")
        person = app.game.person(complaint)
        assert person is not None
        await act_on(pilot, app, complaint, "r", texts["reply"].format(name=person.first_name))
        assert complaint.answered_at is not None
        assert app.game.state(complaint) == "answered"

        # Another one moved to private.
        app.advance_clock(3 * 60)
        await pilot.pause()
        second = post_from(app, "inject:complaint_second")
        await act_on(pilot, app, second, "p", texts["private"])
        assert app.game.state(second) == "private"
        assert app.game.session.threads[second.thread].private

        # A troll warned, then banned with a reason.
        app.advance_clock(16 * 60)
        await pilot.pause()
        troll_post = post_from(app, "inject:troll_abuse")
        troll = app.game.person(troll_post)
        assert troll is not None and troll.archetype == "troll"
        await act_on(pilot, app, troll_post, "w", texts["warn"])
        assert troll.warned
        await act_on(pilot, app, troll_post, "b", texts["ban"])
        assert troll.banned
        assert app.game.state(troll_post) == "banned"

        # A statement on every public channel.
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ChannelsScreen)
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, texts["statement"])
        await pilot.press("enter")
        await pilot.pause()
        assert app.game.session.metrics.statements == 1
        assert screen.query_one("#coach-text", Static).visual is not None

        # Finish and read the debrief.
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)  # the log is scored in a worker
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen)
        assert debrief.card is not None
        scores = str(debrief.query_one("#debrief-scores", Static).visual)
        assert texts["overall"] in scores
        assert str(debrief.card.overall) in scores
        assert debrief.card.language == language

        # Export the report; the file is where the screen says.
        await pilot.press("m")
        await pilot.pause()
        assert len(debrief.exported) == 1
        exported = debrief.exported[0]
        assert exported.read_text(encoding="utf-8").startswith("#")
        assert str(exported) in str(debrief.query_one("#debrief-export", Static).visual)

    # The log on disk is the one `crisisdrill report` reads.
    assert app.log_path is not None
    card = score_log(app.log_path).scorecard
    assert card.overall == debrief.card.overall
    kinds = [mark.kind for mark in card.marks]
    for kind in ("reply", "private_message", "warn", "ban", "statement"):
        assert kind in kinds
