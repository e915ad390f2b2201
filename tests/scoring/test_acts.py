"""Promises by act (``PromiseHit.act``) and the acts a reply delivers (``Analysis.delivered``)."""

from __future__ import annotations

import dataclasses

import pytest

from scoring import Analysis, AnalysisContext, PromiseHit, analyze
from scoring.acts import ACTS
from scoring.catalog import SUPPORTED, WORDED_ACTS, CatalogError, check_complete, load_catalog


def read(text: str, lang: str) -> Analysis:
    return analyze(text, lang, AnalysisContext(minute_of_day=600))


def acts(text: str, lang: str) -> list[str]:
    return [promise.act for promise in read(text, lang).promises]


def delivered(text: str, lang: str) -> frozenset[str]:
    return read(text, lang).delivered


# The fields -------------------------------------------------------------------------


def test_the_new_fields_default_so_old_callers_still_work() -> None:
    hit = PromiseHit("we'll call", 0, 10, None)
    assert hit.act == "other"
    analysis = Analysis("en", (), (), False)
    assert analysis.delivered == frozenset()
    names = [field.name for field in dataclasses.fields(PromiseHit)]
    assert names == ["text", "start", "end", "deadline_minutes", "act"]


def test_acts_are_the_documented_values() -> None:
    assert ACTS == (
        "private_message",
        "callback",
        "refund",
        "replacement",
        "visit",
        "update",
        "fix",
        "other",
    )


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We'll DM you in 5 minutes, we'll refund you by Friday and we'll fix it today."),
        ("es", "Te escribimos por privado, te devolvemos el dinero y mañana lo arreglamos."),
        ("en", "Hi, thanks."),
    ],
)
def test_every_act_and_delivery_is_a_known_value(lang: str, text: str) -> None:
    analysis = read(text, lang)
    assert all(promise.act in ACTS for promise in analysis.promises)
    assert analysis.delivered <= set(ACTS) - {"private_message", "other"}


# The catalogs' examples -----------------------------------------------------------


def _examples() -> list[tuple[str, str, str, str]]:
    cases: list[tuple[str, str, str, str]] = []
    for lang in SUPPORTED:
        for act, spec in load_catalog(lang).spec.acts.kinds.items():
            cases += [(lang, act, "promised", text) for text in spec.examples.promised]
            cases += [(lang, act, "delivered", text) for text in spec.examples.delivered]
            cases += [(lang, act, "not_delivered", text) for text in spec.examples.not_delivered]
    return cases


@pytest.mark.parametrize(("lang", "act", "kind", "text"), _examples())
def test_catalog_act_example(lang: str, act: str, kind: str, text: str) -> None:
    analysis = read(text, lang)
    if kind == "promised":
        assert act in [p.act for p in analysis.promises], (text, analysis.promises)
    elif kind == "delivered":
        assert act in analysis.delivered, (text, analysis.delivered)
    else:
        assert act not in analysis.delivered, (text, analysis.delivered)


@pytest.mark.parametrize("lang", SUPPORTED)
def test_every_worded_act_has_promise_words(lang: str) -> None:
    kinds = load_catalog(lang).spec.acts.kinds
    assert set(kinds) == set(WORDED_ACTS)
    assert not kinds["private_message"].delivered  # kept by sending one, never by words


def test_a_catalog_missing_an_act_is_refused() -> None:
    spec = load_catalog("en").spec
    kinds = {act: kind for act, kind in spec.acts.kinds.items() if act != "refund"}
    broken = spec.model_copy(update={"acts": spec.acts.model_copy(update={"kinds": kinds})})
    with pytest.raises(CatalogError, match=r"acts\.refund"):
        check_complete(broken, "en")
    check_complete(spec, "en")


# What a promise commits to ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "act"),
    [
        ("en", "We'll send you a DM in ten minutes.", "private_message"),
        ("en", "We'll get back to you privately within the hour.", "private_message"),
        ("es", "Te contestamos por privado hoy mismo.", "private_message"),
        ("es", "Te mandamos un MD en cinco minutos.", "private_message"),
        ("en", "We'll give you a call this afternoon.", "callback"),
        ("en", "We'll get back to you by phone tomorrow.", "callback"),
        ("es", "Mañana a primera hora te llamamos.", "callback"),
        ("es", "Te llamaremos antes de las 13:00.", "callback"),
        ("en", "You'll get your money back within 5 days.", "refund"),
        ("en", "We'll reverse the double charge today.", "refund"),
        ("es", "Te reembolsaremos el importe esta semana.", "refund"),
        ("es", "El reembolso lo tendrás antes del viernes.", "refund"),
        ("en", "We'll send the correct size out tomorrow.", "replacement"),
        ("en", "We'll replace the kettle this week.", "replacement"),
        ("es", "Te mandamos otra unidad mañana.", "replacement"),
        ("es", "Te lo cambiaremos por uno nuevo.", "replacement"),
        ("en", "An engineer will be with you on Thursday morning.", "visit"),
        ("en", "We'll book a technician for tomorrow.", "visit"),
        ("es", "Un técnico pasará por tu casa mañana.", "visit"),
        ("es", "El instalador irá el lunes entre las 9 y las 11.", "visit"),
        ("en", "We'll keep you posted.", "update"),
        ("en", "We'll look into it and get back to you.", "update"),
        ("es", "En cuanto sepamos algo te avisamos.", "update"),
        ("es", "Lo revisamos hoy y te contamos.", "update"),
        ("en", "We'll have it working again by 6 pm.", "fix"),
        ("en", "We'll sort it out today.", "fix"),
        ("es", "Lo solucionaremos hoy mismo.", "fix"),
        ("es", "Mañana lo tienes arreglado.", "fix"),
        ("en", "We'll send you a voucher tomorrow.", "other"),
        ("es", "Te enviamos el pedido mañana.", "other"),
    ],
)
def test_the_act_of_a_promise(lang: str, text: str, act: str) -> None:
    assert acts(text, lang) == [act]


def test_each_promise_of_a_reply_has_its_own_act() -> None:
    assert acts("We'll refund you, and we'll call you to confirm.", "en") == [
        "refund",
        "callback",
    ]
    assert acts("Hoy te devolvemos el dinero. Mañana te llamamos.", "es") == [
        "refund",
        "callback",
    ]


def test_the_first_act_after_the_promise_decides() -> None:
    assert acts("We'll call you tomorrow to arrange the refund.", "en") == ["callback"]
    assert acts("We'll let you know when it's fixed.", "en") == ["update"]
    assert acts("Ya te hemos devuelto el dinero y mañana te llamamos.", "es") == ["callback"]


# What a reply delivers -------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "act"),
    [
        ("en", "We've refunded you.", "refund"),
        ("en", "Good news: your refund was issued this morning.", "refund"),
        ("es", "Ya te hemos devuelto el dinero.", "refund"),
        ("es", "Tu reembolso ya está hecho.", "refund"),
        ("en", "Your replacement was shipped today.", "replacement"),
        ("en", "Here is your tracking number: 1Z999.", "replacement"),
        ("es", "Ya te hemos enviado una nueva.", "replacement"),
        ("es", "Aquí tienes el número de seguimiento: 4455.", "replacement"),
        ("en", "We've called you.", "callback"),
        ("es", "Te hemos llamado hace un rato.", "callback"),
        ("en", "As promised: the issue is fixed.", "fix"),
        ("en", "We've fixed the login problem.", "fix"),
        ("es", "Como te prometimos, ya está solucionado.", "fix"),
        ("es", "Ya funciona con normalidad.", "fix"),
        ("en", "Update: the technician is on the way.", "visit"),
        ("es", "El técnico ya está de camino.", "visit"),
    ],
)
def test_a_report_of_the_act_delivers_it_and_is_news(lang: str, text: str, act: str) -> None:
    found = delivered(text, lang)
    assert act in found
    assert "update" in found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "As promised, an update: the courier has found your parcel."),
        ("en", "Quick update: we're still waiting to hear from the warehouse."),
        ("en", "Here's an update on your order: it's now in transit."),
        ("es", "Te cuento cómo va: el paquete ya está en reparto."),
        ("es", "Actualización: seguimos esperando respuesta del proveedor."),
        ("es", "Como te prometimos, novedades: ya sabemos qué pasó."),
    ],
)
def test_news_or_status_on_the_matter_delivers_an_update(lang: str, text: str) -> None:
    assert "update" in delivered(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "As promised."),
        ("en", "As promised, here we are."),
        ("es", "Como te prometimos."),
        ("es", "Te escribimos por privado como te dijimos."),
        ("en", "We've sent you a DM as promised."),
        ("en", "We haven't refunded yet."),
        ("en", "We haven't refunded you yet, sorry."),
        ("es", "Todavía no te hemos devuelto el dinero."),
        ("es", "Aún no está solucionado."),
        ("en", "The technician hasn't been yet."),
        ("en", "Once we've refunded you, we'll let you know."),
        ("es", "Cuando te hayamos devuelto el dinero, te avisamos."),
        ("en", "Have we refunded you yet?"),
        ("es", "¿Ya te hemos devuelto el dinero?"),
        ("en", "We'll refund you by Friday."),
        ("es", "Mañana te llamamos."),
        ("en", "Oh sure, we've refunded you 🙄"),
    ],
)
def test_nothing_concrete_negated_asked_or_promised_delivers_nothing(lang: str, text: str) -> None:
    assert delivered(text, lang) == frozenset()


def test_a_private_message_is_never_delivered_by_words() -> None:
    assert "private_message" not in delivered("We've DMed you the details, as promised.", "en")
    assert "private_message" not in delivered("Ya te hemos escrito por privado.", "es")


def test_a_delivery_and_a_new_promise_in_one_reply() -> None:
    analysis = read("We've refunded you, and we'll call you tomorrow to confirm.", "en")
    assert analysis.delivered == {"refund", "update"}
    assert [p.act for p in analysis.promises] == ["callback"]


def test_a_time_that_is_a_promise_of_its_own_takes_the_act_before_it() -> None:
    assert acts("Le llamaremos hoy antes de las 20:00.", "es") == ["callback", "callback"]
    assert acts("Te lo volvemos a enviar hoy mismo.", "es") == ["replacement"]
