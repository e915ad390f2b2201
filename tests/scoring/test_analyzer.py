"""Reply analysis: the traps of DESIGN.md, spans, names, languages, determinism."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring import Analysis, AnalysisContext, CueHit, PromiseHit, analyze


def cues(text: str, lang: str, context: AnalysisContext | None = None) -> set[str]:
    return set(analyze(text, lang, context).cue_ids())


def hit(analysis: Analysis, cue: str) -> CueHit:
    return next(h for h in analysis.cues if h.cue == cue)


def evidence(analysis: Analysis) -> list[CueHit | PromiseHit]:
    return [*analysis.cues, *analysis.promises]


# Negation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "No es culpa tuya."),
        ("es", "Tranquila, no fue culpa tuya en absoluto."),
        ("es", "Tú no tienes la culpa."),
        ("en", "It's not your fault."),
        ("en", "This isn't your fault at all."),
        ("en", "It was never your fault."),
    ],
)
def test_negated_blame_is_not_blame(lang: str, text: str) -> None:
    assert "blame" not in cues(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "No es culpa nuestra."),
        ("es", "No es nuestra culpa."),
        ("es", "Eso no es nuestro problema."),
        ("en", "It's not our fault."),
        ("en", "That is not my fault."),
    ],
)
def test_refusing_fault_is_denial_not_admission(lang: str, text: str) -> None:
    found = cues(text, lang)
    assert "denial" in found
    assert "admission" not in found


def test_negator_in_another_clause_does_not_negate() -> None:
    assert "blame" in cues("No, la culpa es tuya.", "es")
    assert "apology" in cues("No te preocupes, lo sentimos mucho.", "es")


@pytest.mark.parametrize(
    ("lang", "text"),
    [("es", "No dudes en escribirnos por privado."), ("en", "Don't hesitate to DM us.")],
)
def test_fixed_phrases_with_a_negator_do_not_negate(lang: str, text: str) -> None:
    assert "dm_invite" in cues(text, lang)


def test_negator_cancels_only_within_its_window() -> None:
    assert "apology" not in cues("Ni un lo siento.", "es")
    assert "apology" not in cues("We are not sorry.", "en")


@pytest.mark.parametrize(
    ("lang", "text", "cue"),
    [
        ("en", "IT IS NOT OUR FAULT YOU CAN'T USE A REMOTE!", "blame"),
        ("es", "No es culpa nuestra que no sepas usar el mando.", "blame"),
        ("en", "We won't refund it because the item has been used.", "cause"),
        ("es", "No te lo cambiamos porque el producto está usado.", "cause"),
        ("es", "No es culpa tuya y lo sentimos mucho.", "apology"),
    ],
)
def test_a_negator_does_not_reach_past_its_own_phrase(lang: str, text: str, cue: str) -> None:
    assert cue in cues(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "cue"),
    [
        ("en", "It's not because of the weather.", "cause"),
        ("es", "No tienes que pedir perdón por nada.", "apology"),
        ("es", "No vamos a pedir perdón por cumplir la ley.", "apology"),
    ],
)
def test_a_negator_just_before_still_negates(lang: str, text: str, cue: str) -> None:
    assert cue not in cues(text, lang)


def test_asking_for_forgiveness_is_an_apology() -> None:
    assert "apology" in cues("Queremos pedirte perdón, Ana.", "es")


# Apologies that are not, and boilerplate -----------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Sorry you feel that way."),
        ("en", "We're sorry if you were offended."),
        ("es", "Lamentamos que te sientas así."),
        ("es", "Sentimos que lo veas así."),
        ("es", "Siento que pienses eso."),
        ("es", "Siento que te haya molestado nuestro anuncio, pero era humor."),
        ("es", "Sentimos que te hayas sentido ignorada, pero recibimos cientos de mensajes."),
        ("en", "Sorry if you felt ignored, but we get hundreds of messages a day."),
        ("en", "Sorry, is the problem with the app or the website?"),
        ("es", "Perdona, Fernando, ¿el cargo aparece como pendiente?"),
        ("es", "Lo sentimos, pero el cambio solo es posible con el ticket."),
    ],
)
def test_non_apologies_are_not_apologies(lang: str, text: str) -> None:
    assert "apology" not in cues(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Lamentamos cualquier inconveniente que pueda haber causado."),
        ("en", "We apologise for any inconvenience this may have caused."),
        ("en", "We apologize for any inconvenience."),
    ],
)
def test_canned_apology_is_apology_and_boilerplate(lang: str, text: str) -> None:
    assert {"apology", "boilerplate"} <= cues(text, lang)


def test_sorry_you_feel_that_way_counts_as_boilerplate() -> None:
    assert cues("Sorry you feel that way.", "en") == {"boilerplate"}


# Hostility ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Qué raro, ¿no? Nadie más se ha quejado."),
        ("es", "Ja ja, claro que sí."),
        ("en", "Obviously you ordered the wrong size."),
        ("en", "Clearly you didn't read the description."),
        ("en", "lol, no."),
        ("es", "NO ES NUESTRO PROBLEMA"),
        ("en", "READ THE SIZE GUIDE, please."),
        ("es", "Ya lo hemos dicho!!!"),
        ("en", "We told you!!!!"),
    ],
)
def test_hostility(lang: str, text: str) -> None:
    assert "hostility" in cues(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Hola, mándanos un MD con tu talla XS o XL y el enlace URL."),
        ("en", "Please DM us the URL and your size: XS or XL."),
        ("en", "Great news!"),
        ("es", "¡Gracias, Ana!"),
        ("en", "Thanks from the ZURCIDA team"),
    ],
)
def test_acronyms_and_single_exclamations_are_not_shouting(lang: str, text: str) -> None:
    assert "hostility" not in cues(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Gracias por tu valiosísima aportación, Nuria. Lo tendremos muy en cuenta 🙄"),
        ("en", "Thanks for the life advice, Seb. We'll be sure to run the airline your way 🙃"),
        ("en", "Oh sure, Jack, thanks, we'll get right on it."),
    ],
)
def test_ironic_thanks_and_promises_are_hostility_not_sincere(lang: str, text: str) -> None:
    found = cues(text, lang)
    assert "hostility" in found
    assert not found & {"gratitude", "promise"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Qué sorpresa, otro experto en logística opinando desde el sofá."),
        ("en", "Great, another genius who knows more about aviation than our pilots."),
        ("es", "Claro, Tomás, seguro que el banco te roba el dinero por diversión."),
        ("en", "Wow, what a surprise, another complaint."),
        ("es", "Tranquilo, que no es para tanto."),
    ],
)
def test_sarcasm_is_hostility(lang: str, text: str) -> None:
    assert "hostility" in cues(text, lang)


def test_shouting_span_covers_the_run_of_capitals() -> None:
    text = "Hola. NO ES CULPA NUESTRA, de verdad."
    assert hit(analyze(text, "es"), "hostility").text == "NO ES CULPA NUESTRA"


# Link only ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "https://zurcida.es/ayuda"),
        ("es", "Hola, mira aquí: zurcida.es/devoluciones"),
        ("es", "@ana más info en www.zurcida.es"),
        ("en", "See https://zurcida.es/help"),
        ("en", "Hi! More info here: zurcida.com"),
        ("en", "See our website."),
    ],
)
def test_link_only(lang: str, text: str) -> None:
    assert "link_only" in cues(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Sentimos mucho el retraso. Te devolvemos el dinero hoy; detalles: zurcida.es/x"),
        ("en", "We're so sorry. We'll refund you today; the form is at zurcida.es/x"),
        ("en", "We're so sorry about the photos, we got it wrong."),
    ],
)
def test_reply_with_content_is_not_link_only(lang: str, text: str) -> None:
    assert "link_only" not in cues(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Gracias por avisar del error en la web. Ya está corregido."),
        ("en", "Thanks for flagging the error on our website, it's fixed now."),
        ("es", "Perdona, ¿el problema es con la app o con la web?"),
    ],
)
def test_mentioning_the_website_is_not_link_only(lang: str, text: str) -> None:
    assert "link_only" not in cues(text, lang)


def test_customer_name_is_not_content_next_to_a_link() -> None:
    text = "Hola, María José: zurcida.es/ayuda"
    assert "link_only" in cues(text, "es", AnalysisContext(customer_name="María José Pérez"))


# Data requests and private messages --------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "¿Nos pasás tu número de pedido?"),
        ("es", "Indícanos tu dirección y tu teléfono."),
        ("es", "Necesitamos tu DNI."),
        ("en", "What's your order number?"),
        ("en", "Please share your email address and phone number."),
    ],
)
def test_data_request(lang: str, text: str) -> None:
    assert "data_request" in cues(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Escribinos por MD"),
        ("es", "Mandanos un DM"),
        ("es", "Escríbannos por privado, por favor."),
        ("es", "Te escribimos por privado."),
        ("en", "Could you DM us?"),
        ("en", "We'll send you a private message."),
    ],
)
def test_dm_invite_spain_latin_america_and_english(lang: str, text: str) -> None:
    assert "dm_invite" in cues(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "No hay ningún problema con tu tarjeta: el pago superaba el límite."),
        ("es", "Un error expuso los datos de contacto de unos 300 clientes."),
        ("en", "There's no problem with your card details."),
        ("en", "Please don't share your card details here."),
    ],
)
def test_mentioning_personal_data_is_not_asking_for_it(lang: str, text: str) -> None:
    assert "data_request" not in cues(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("es", "¿El problema es con la app o con la web?", False),
        ("es", "El problema es que la app no estaba actualizada.", True),
        ("en", "Is the fault on our side?", False),
    ],
)
def test_a_question_states_no_cause(lang: str, text: str, expected: bool) -> None:
    assert ("cause" in cues(text, lang)) is expected


# Promises -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "minute", "deadline"),
    [
        ("es", "Te respondemos en 2 horas.", None, 120),
        ("es", "Mañana te llamamos.", None, 24 * 60),
        ("es", "Lo tienes resuelto en menos de 24 h.", None, 24 * 60),
        ("es", "Te llamamos en media hora.", None, 30),
        ("es", "Te contestamos en una hora y media.", None, 90),
        ("es", "Te lo enviamos antes de las 18:00.", 14 * 60, 240),
        ("es", "Te lo enviamos antes de las 18:00.", None, None),
        ("es", "Te lo enviamos antes de las 18:00.", 19 * 60, None),
        ("es", "Te llamamos a las 5 de la tarde.", 10 * 60, 7 * 60),
        ("es", "Lo tienes antes de las 6.", 14 * 60, 4 * 60),
        ("es", "Te lo cambiamos hoy mismo.", 10 * 60, 23 * 60 + 59 - 10 * 60),
        ("es", "Te lo cambiamos hoy mismo.", None, None),
        ("es", "Te lo cambiamos hoy mismo.", 24 * 60 + 10 * 60, 23 * 60 + 59 - 10 * 60),
        ("es", "Lo solucionaremos.", 10 * 60, None),
        ("es", "Mañana antes de las 12 te llega la prenda.", 10 * 60, 24 * 60 + 2 * 60),
        ("es", "Mañana antes de las 12 te llega la prenda.", None, 24 * 60),
        ("en", "We'll get back to you within the hour.", None, 60),
        ("en", "We'll call you tomorrow.", None, 24 * 60),
        ("en", "Your refund will be processed by 5 pm.", 10 * 60, 7 * 60),
        ("en", "Your refund will be processed by 5 pm.", None, None),
        ("en", "We'll reply in 30 minutes.", None, 30),
        ("en", "We'll sort it out today.", 20 * 60, 239),
        ("en", "We'll email you by 17:30.", 17 * 60, 30),
        ("en", "We'll fix it.", None, None),
        ("en", "We'll call you tomorrow at 9:30 am.", 10 * 60, 24 * 60 - 30),
    ],
)
def test_promise_deadlines(lang: str, text: str, minute: int | None, deadline: int | None) -> None:
    analysis = analyze(text, lang, AnalysisContext(minute_of_day=minute))
    assert analysis.has("promise")
    assert [p.deadline_minutes for p in analysis.promises] == [deadline]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Hace 2 horas que te escribimos."),
        ("es", "No te llamaremos a casa."),
        ("es", "Queremos entender qué pasó."),
        ("es", "Te llamamos esta mañana, pero no contestaste."),
        ("en", "We replied 2 hours ago."),
        ("en", "We won't call you."),
        ("en", "We'll see about that."),
    ],
)
def test_no_promise(lang: str, text: str) -> None:
    analysis = analyze(text, lang)
    assert not analysis.has("promise")
    assert analysis.promises == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Refunds are only issued within 14 days of purchase."),
        ("en", "The store is open until 9 pm tonight."),
        ("en", "Your refund should show in 3 to 5 working days."),
        ("es", "Estimamos que el servicio vuelva en una hora."),
        ("es", "Te confirmamos que la preautorización desaparece en 48 horas."),
        ("es", "Rocío, si sigues insultando tendremos que ocultar tus comentarios."),
        ("en", "Next time we'll block the account."),
        ("es", "Lo tendremos en cuenta."),
        ("es", "No es culpa tuya que la app se cerrara."),
    ],
)
def test_facts_estimates_and_threats_are_not_promises(lang: str, text: str) -> None:
    assert not analyze(text, lang, AnalysisContext(minute_of_day=600)).has("promise")


@pytest.mark.parametrize(
    ("lang", "text", "deadline"),
    [
        ("es", "Un técnico irá a tu domicilio mañana.", 24 * 60),
        ("es", "A partir del lunes, las reservas se confirmarán por SMS.", None),
        ("es", "En cuanto tengamos novedades te avisamos.", None),
        ("en", "A supervisor will review your claim.", None),
        ("es", "Te va a llegar por mail antes del viernes.", None),
    ],
)
def test_promises_by_others_and_impersonal_ones(lang: str, text: str, deadline: int | None) -> None:
    analysis = analyze(text, lang)
    assert analysis.has("promise")
    assert [p.deadline_minutes for p in analysis.promises] == [deadline]


def test_each_promise_is_also_a_promise_cue_with_the_same_span() -> None:
    analysis = analyze("Mañana te llamamos. Lo solucionaremos.", "es")
    promise_cues = [(h.start, h.end) for h in analysis.cues if h.cue == "promise"]
    assert promise_cues == [(p.start, p.end) for p in analysis.promises]
    assert [p.text for p in analysis.promises] == ["Mañana te llamamos", "solucionaremos"]


# Spans ---------------------------------------------------------------------------------


SPAN_SAMPLES = [
    ("es", "Hola, Ana. Lo sentimos muchísimo: es culpa nuestra. Te lo cambiamos hoy mismo."),
    ("en", "Hi Ana, we’re so sorry — it’s our fault. We’ll refund you by 5 pm. DM us!"),
    ("es", "Perdo\u0301n, Mari\u0301a: te respondemos en 2 horas por MD."),
]


@pytest.mark.parametrize(("lang", "text"), SPAN_SAMPLES)
def test_spans_quote_the_reply(lang: str, text: str) -> None:
    analysis = analyze(text, lang, AnalysisContext("María", 600))
    assert analysis.cues
    for item in evidence(analysis):
        assert item.text == text[item.start : item.end]
        assert item.text == item.text.strip()
    assert [h.start for h in analysis.cues] == sorted(h.start for h in analysis.cues)


def test_decomposed_accents_keep_their_letters_in_spans() -> None:
    text = "Perdo\u0301n por la espera."
    assert hit(analyze(text, "es"), "apology").text == "Perdo\u0301n"


def test_typographic_apostrophes_match() -> None:
    assert "denial" in cues("It’s not our fault.", "en")


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["es", "en", "fr"]))
def test_any_text_gives_valid_spans(text: str, lang: str) -> None:
    analysis = analyze(text, lang, AnalysisContext("Ana", 600))
    assert analysis.language in {"es", "en", "other"}
    for item in evidence(analysis):
        assert 0 <= item.start <= item.end <= len(text)
        assert item.text == text[item.start : item.end]


# Personal address ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("María López", "Hola, maria, lo sentimos.", True),
        ("María López", "Hola, María López.", True),
        ("Maria", "Hola, MARÍA.", True),
        ("Ana", "Mañana te llamamos.", False),
        ("Ana", "Hola, Anabel.", False),
        ("José Luis Pérez", "Hola, José Luis.", True),
        (None, "Hola, Ana.", False),
        ("", "Hola.", False),
    ],
)
def test_addresses_customer(name: str | None, text: str, expected: bool) -> None:
    analysis = analyze(text, "es", AnalysisContext(customer_name=name))
    assert analysis.addresses_customer is expected


# Language -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Hola, lo sentimos mucho, te escribimos por privado.", "es", "es"),
        ("Hi, we're so sorry, we'll send you a DM.", "en", "en"),
        ("Hola, lo sentimos mucho, te escribimos por privado.", "en", "es"),
        ("Bonjour, nous sommes désolés pour le retard de votre commande.", "es", "other"),
        ("Olá, pedimos desculpa, você tem razão.", "es", "other"),
        ("Hola Ana, lo sentimos mucho, we will fix it.", "es", "other"),
        ("https://zurcida.es/ayuda", "en", "en"),
        ("", "es", "es"),
        ("👍", "fr", "other"),
    ],
)
def test_language_detection(text: str, lang: str, expected: str) -> None:
    assert analyze(text, lang).language == expected


def test_catalog_follows_the_detected_language() -> None:
    analysis = analyze("We're so sorry, it's our fault.", "es")
    assert analysis.language == "en"
    assert {"apology", "admission"} <= analysis.cue_ids()


def test_reply_in_an_unsupported_language_still_gets_shouting() -> None:
    analysis = analyze("NOUS SOMMES DÉSOLÉS POUR LE RETARD", "es")
    assert analysis.language == "other"
    assert analysis.cue_ids() == {"hostility"}


# Determinism and interface -------------------------------------------------------


def test_analysis_is_deterministic_and_hashable() -> None:
    text, context = SPAN_SAMPLES[0][1], AnalysisContext("Ana", 600)
    first = analyze(text, "es", context)
    analyze("Otra respuesta, para que se analice de nuevo.", "es")
    second = analyze(text, "es", context)
    assert first == second
    assert hash(first) == hash(second)
    assert first.cues == (
        CueHit("apology", 11, 32, "Lo sentimos muchísimo"),
        CueHit("admission", 34, 50, "es culpa nuestra"),
        CueHit("fix", 52, 67, "Te lo cambiamos"),
        CueHit("promise", 52, 77, "Te lo cambiamos hoy mismo"),
    )


def test_has_and_cue_ids() -> None:
    analysis = analyze("Gracias, Ana. Lo sentimos.", "es")
    assert analysis.has("gratitude")
    assert not analysis.has("blame")
    assert analysis.cue_ids() == frozenset({"gratitude", "apology"})


# Broader constructions: denials, blame shifted to others, remedies, causes -----------


@pytest.mark.parametrize(
    ("lang", "text", "cue"),
    [
        ("es", "Eso no es así: el precio no ha cambiado.", "denial"),
        ("es", "En ningún momento hablamos de envío gratis.", "denial"),
        ("es", "El error es del proveedor, no nuestro.", "denial"),
        ("es", "Nuestros sistemas no registran ninguna avería en tu calle.", "denial"),
        ("en", "We never promised next-day delivery.", "denial"),
        ("en", "At no point did we share your details.", "denial"),
        ("en", "That's not accurate: the fee was in your quote.", "denial"),
        ("es", "Es responsabilidad del transportista, reclama directamente con ellos.", "blame"),
        ("es", "Como indican las condiciones que firmaste, la señal no se devuelve.", "blame"),
        ("en", "The carrier is responsible for the delay.", "blame"),
        ("en", "You must have typed the wrong card number.", "blame"),
        ("en", "As stated in the terms you accepted, the deposit is kept.", "blame"),
        ("es", "Se debió a un corte en la red de otro operador.", "blame"),
        ("es", "Ya tienes la cita confirmada para el martes.", "fix"),
        ("es", "Hemos pasado tu caso a la encargada de la tienda.", "fix"),
        ("en", "We've booked you on the next ferry.", "fix"),
        ("en", "Engineers are on site now.", "fix"),
        ("es", "Era un problema puntual del servidor de pagos.", "cause"),
        ("es", "La tienda está cerrada por inventario hasta el jueves.", "cause"),
        ("en", "Your case missed its connection in Paris.", "cause"),
        ("en", "The pool is closed for maintenance this week.", "cause"),
        ("es", "No figura ningún pago pendiente en tu cuenta.", "denial"),
        ("en", "There's no record of a refund request on your account.", "denial"),
        ("es", "Fue la aseguradora la que rechazó el parte.", "blame"),
        ("en", "Your bank declined the transfer.", "blame"),
        ("en", "Had you kept the receipt, we could swap it.", "blame"),
        ("es", "Eso pasa por dejar el móvil al sol.", "cause"),
        ("en", "The outage came from a faulty switch.", "cause"),
        ("es", "Hubo una confusión con las etiquetas del almacén.", "cause"),
        ("es", "La conexión ya se ha restablecido.", "fix"),
        ("en", "We've rescheduled your delivery for Monday.", "fix"),
        ("en", "All sorted: your account is now active.", "fix"),
        ("es", "Qué drama por un retraso de diez minutos.", "hostility"),
        ("en", "Some people will complain about anything.", "hostility"),
    ],
)
def test_broader_constructions(lang: str, text: str, cue: str) -> None:
    assert cue in cues(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "cue"),
    [
        ("es", "No es así como queríamos tratarte, y lo sentimos.", "denial"),
        ("es", "Estamos trabajando para ofrecerle el mejor servicio.", "fix"),
        ("es", "Si tu vuelo se cancela por la niebla, te reubicamos gratis.", "cause"),
        ("es", "Seguramente el problema es la cobertura en tu casa.", "cause"),
        ("es", "La responsabilidad es nuestra, no tuya.", "blame"),
        ("en", "If your flight is cancelled due to fog, we rebook you.", "cause"),
        ("en", "We've read the email you sent us.", "blame"),
        ("en", "We'll need your order number first.", "promise"),
        ("en", "Threats against our staff will be reported.", "promise"),
        ("en", "The voucher expired before you could use it.", "compensation"),
        ("en", "We are removing the photos from the site today.", "denial"),
        ("es", "Somos una empresa familiar y cada pedido nos importa.", "blame"),
        ("en", "We never share your details with any third party.", "blame"),
        ("en", "As explained in our email, your refund is on its way.", "blame"),
        ("en", "Right, mate, we'll sort it.", "hostility"),
        ("en", "We got you the wrong size, sorry.", "fix"),
        ("es", "Ya está reparada y el servicio funciona con normalidad en tu zona.", "denial"),
        ("es", "Contacta directamente con nuestro equipo de reservas.", "blame"),
        ("es", "Te aseguramos que no hemos cambiado la fórmula.", "promise"),
        ("es", "Escríbenos por privado para tramitar la reclamación.", "fix"),
        ("es", "Tamara, el reembolso está aprobado y lo verás en 3 a 5 días.", "promise"),
    ],
)
def test_look_alikes_of_the_broader_constructions(lang: str, text: str, cue: str) -> None:
    assert cue not in cues(text, lang)


def test_boilerplate_in_an_ironic_reply_is_sarcasm_not_boilerplate() -> None:
    found = cues("Gracias por tu opinión, genio. La tendremos en cuenta 🙄", "es")
    assert "hostility" in found
    assert "boilerplate" not in found
    assert "boilerplate" in cues("Gracias por tu opinión. La tendremos en cuenta.", "es")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "La grúa no llegó porque el conductor tuvo un accidente."),
        ("en", "We didn't deliver on Monday because the bridge was closed."),
    ],
)
def test_a_negator_does_not_reach_past_a_conjunction_inside_a_cue_phrase(
    lang: str, text: str
) -> None:
    assert "cause" in cues(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "No fue porque el conductor tuviera prisa."),
        ("en", "It wasn't because of the weather."),
    ],
)
def test_a_negated_conjunction_still_negates_the_cause(lang: str, text: str) -> None:
    assert "cause" not in cues(text, lang)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [("es", "Te llamamos en 10 minutos. "), ("en", "We will call you within 10 minutes. ")],
)
def test_a_promise_pasted_forty_times_is_one_promise(lang: str, sentence: str) -> None:
    analysis = analyze(sentence * 40, lang)
    assert len(analysis.promises) == 1
    assert analysis.promises[0].start == 0
    # Two different promises in one reply stay two.
    assert len(analyze(sentence + sentence.replace("10", "5"), lang).promises) == 2
