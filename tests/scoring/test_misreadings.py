"""Classes of misreadings fixed in the catalogs, each with own-worded variants.

Each test stands for a class, not a sentence: a burden regretted is not blame, owing an
apology is making one, a rumour called a hoax is a denial, a connective ("that's why",
"por eso") states a cause, and knowing that the fault is ours is an admission, not a
guess about the cause.
"""

from __future__ import annotations

import pytest

from scoring import AnalysisContext, analyze


def cues(text: str, lang: str) -> set[str]:
    return set(analyze(text, lang, AnalysisContext()).cue_ids())


# 1. A burden we made the customer bear, regretted or owned, is not blame ------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Sorry you had to write more than once."),
        ("en", "We're so sorry you had to chase us three times, Eva."),
        ("en", "I'm sorry you needed to ask twice before anyone answered."),
        ("en", "Apologies that you had to contact us so many times."),
        ("en", "We apologise that you had to wait on hold for an hour."),
        ("en", "So sorry you were asked to repeat yourself again."),
        ("es", "Siento que hayas tenido que escribir varias veces."),
        ("es", "Sentimos mucho que tuvieras que llamarnos tres veces, Ana."),
        ("es", "Lamentamos que tenías que insistir tanto para que te contestáramos."),
        ("es", "Perdona que hayas tenido que repetirlo de nuevo."),
        ("es", "Siento que hayas tenido que escribirnos tantas veces; deberías haber tenido"),
    ],
)
def test_a_regretted_burden_is_an_apology_not_blame(lang: str, text: str) -> None:
    found = cues(text, lang)
    assert "apology" in found
    assert "blame" not in found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "You had to write three times before anyone answered, and that's on us."),
        ("en", "You shouldn't have had to chase us."),
        ("es", "Tuviste que escribirnos tres veces y eso no puede ser."),
        ("es", "Deberías haber recibido respuesta el primer día."),
    ],
)
def test_the_customers_burden_alone_is_not_blame(lang: str, text: str) -> None:
    assert "blame" not in cues(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "You needed to book at least 24 hours in advance."),
        ("en", "Sorry, but you had to read the terms before paying."),
        ("es", "Tenías que haber revisado la guía de tallas."),
        ("es", "Deberías haber leído las condiciones."),
    ],
)
def test_real_blame_is_still_blame(lang: str, text: str) -> None:
    assert "blame" in cues(text, lang)


# 2. Owing or deserving an apology is an apology --------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We owe you an apology."),
        ("en", "We really owe you a proper apology, Sam."),
        ("en", "I owe you both a sincere apology."),
        ("en", "You're owed an apology for how that call went."),
        ("en", "You deserve an apology from us."),
        ("en", "An apology is in order: we got this wrong."),
        ("es", "Te debemos una disculpa."),
        ("es", "Te debemos unas disculpas, Marta."),
        ("es", "Os debemos disculpas a todos los que esperasteis."),
        ("es", "Le debemos una explicación y unas disculpas."),
        ("es", "Te mereces unas disculpas de nuestra parte."),
    ],
)
def test_owing_an_apology_is_an_apology(lang: str, text: str) -> None:
    assert "apology" in cues(text, lang)


def test_a_negated_debt_is_no_apology() -> None:
    assert "apology" not in cues("We don't owe you an apology.", "en")


# 3. A rumour called a hoax, fake or baseless is a denial -----------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "It's a hoax."),
        ("en", "That's fake news."),
        ("en", "This rumour is false."),
        ("en", "That's misinformation, plain and simple."),
        ("en", "The video going round is not real."),
        ("en", "There's no truth in the rumour about the Leeds store."),
        ("en", "It's a rumour with no basis."),
        ("es", "Es un bulo."),
        ("es", "Es una noticia falsa."),
        ("es", "Ese rumor no tiene ningún fundamento."),
        ("es", "Son fake news, no vamos a cerrar."),
        ("es", "Ese audio no es real."),
    ],
)
def test_calling_a_rumour_false_is_a_denial(lang: str, text: str) -> None:
    assert "denial" in cues(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Is it a hoax? We're checking."),
        ("en", "The jacket isn't real leather, as the listing says."),
        ("es", "¿Es un bulo? Lo estamos comprobando."),
    ],
)
def test_no_denial_without_calling_it_false(lang: str, text: str) -> None:
    assert "denial" not in cues(text, lang)


# 4. A connective that explains what happened states a cause --------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "That's why you got two charges."),
        ("en", "That explains why you got charged twice."),
        ("en", "That's the reason you got two emails."),
        ("en", "As a result, your order was cancelled."),
        ("en", "Because of that, your parcel was sent back to us."),
        ("es", "Por eso os llegaron dos cargos."),
        ("es", "Por eso recibiste dos facturas."),
        ("es", "Por eso le llegó el aviso dos veces."),
        ("es", "Eso explica que te llegaran dos correos."),
        ("es", "En consecuencia, el pedido volvió al almacén."),
    ],
)
def test_a_connective_states_a_cause(lang: str, text: str) -> None:
    assert "cause" in cues(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "No te preocupes por eso, ya tienes el paquete."),
        ("es", "Gracias por eso y por tu paciencia."),
        ("en", "We won't refund it, because of what happened."),
    ],
)
def test_por_eso_as_for_that_is_no_cause(lang: str, text: str) -> None:
    assert "cause" not in cues(text, lang)


# 5. Knowing the fault is ours is an admission, not a cause ----------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Sí sabemos que el problema es nuestro."),
        ("es", "Sabemos que el fallo es nuestro, no tuyo."),
        ("es", "Somos conscientes de que el problema es nuestro y lo vamos a arreglar."),
        ("es", "El problema es de nuestra parte."),
        ("en", "We do know the problem is on our side."),
        ("en", "We know the problem is ours."),
        ("en", "We're aware the fault lies with us."),
        ("en", "The booking mix-up was ours."),
    ],
)
def test_knowing_the_fault_is_ours_is_an_admission_not_a_cause(lang: str, text: str) -> None:
    found = cues(text, lang)
    assert "admission" in found
    assert "cause" not in found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "El problema es nuestro proveedor de pagos."),
        ("es", "Sabemos que el problema está en la última actualización."),
        ("en", "We know the problem is the update, and we're fixing it."),
        ("en", "The problem is that the courier lost the van."),
    ],
)
def test_naming_what_went_wrong_is_still_a_cause(lang: str, text: str) -> None:
    assert "cause" in cues(text, lang)
