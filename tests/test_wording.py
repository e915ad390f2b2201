"""Plural forms and Spanish contractions, wherever a count or an article is shown."""

from __future__ import annotations

from game.tui.i18n import tr
from game.wording import contract
from scoring.messages import say


def test_counts_of_one_are_singular_in_both_languages() -> None:
    assert tr("es", "channels.new", count=1) == "1 nuevo"
    assert tr("es", "channels.new", count=2) == "2 nuevos"
    assert tr("es", "channels.overdue", count=1) == "▲1 vencido"
    assert tr("es", "channels.overdue", count=3) == "▲3 vencidos"
    assert tr("en", "notice.found", count=1) == "The search found 1 post."
    assert tr("en", "notice.found", count=2) == "The search found 2 posts."
    assert tr("es", "notice.found", count=1) == "La búsqueda encontró 1 mensaje."


def test_no_persona_s_in_texts_with_a_count() -> None:
    for count in (1, 2):
        for language in ("es", "en"):
            coach = tr(language, "coach.verdict.canned", count=count)
            finding = say("empathy.copy", language, count=count, first="10:02")
            assert "(s)" not in coach + finding
    assert "1 persona más" in say("empathy.copy", "es", count=1, first="10:02")
    assert "2 other people" in say("empathy.copy", "en", count=2, first="10:02")


def test_spanish_articles_contract_but_pronouns_and_proper_nouns_do_not() -> None:
    assert contract("la talla de el jersey") == "la talla del jersey"
    assert contract("responde a el cliente") == "responde al cliente"
    assert contract("De el pedido") == "Del pedido"
    assert contract("se lo dije a él") == "se lo dije a él"
    assert contract("compré en la tienda de El Corte Inglés") == (
        "compré en la tienda de El Corte Inglés"
    )
    assert contract("a ella, de elegir, a elefantes") == "a ella, de elegir, a elefantes"


def test_scenario_texts_contract_where_a_value_meets_de_or_a() -> None:
    from game.scenario.placeholders import fill

    jersey = {"product": "el jersey de punto", "brand": "El Corte Fino"}
    assert (
        fill("segunda vez por lo de {product}", jersey) == "segunda vez por lo del jersey de punto"
    )
    assert fill("Pedí {product} a {brand}", jersey) == "Pedí el jersey de punto a El Corte Fino"
    assert fill("ni caso a {product}", jersey) == "ni caso al jersey de punto"
    # What the author wrote is left as written; only the seams are contracted.
    assert fill("de el {{x}} {product}", jersey) == "de el {x} el jersey de punto"


def test_interface_and_finding_texts_contract_too() -> None:
    assert tr("es", "notice.escalated", team="el equipo legal") == "Escalado al equipo legal."
    assert tr("es", "notice.escalated", team="El Consejo") == "Escalado a El Consejo."


def test_one_follower_is_singular() -> None:
    assert tr("es", "thread.followers", followers="1", count=1) == "1 seguidor"
    assert tr("en", "thread.followers", followers="1.2k", count=1200) == "1.2k followers"
