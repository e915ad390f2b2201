"""The texts of findings, in Spanish and English.

Each finding says what happened and, when a rule was broken, what would have been
better. Templates are ours; the values put into them (minutes, a fact, a promise) are
inserted as plain text and never formatted again. A test checks that both languages
have every key with the same placeholders.
"""

from __future__ import annotations

import string

from game.wording import fill_contracted, plural_key

TEMPLATES: dict[str, dict[str, str]] = {
    # SPEED
    "speed.on_time": {
        "es": "Respondiste en {minutes} min; este canal espera respuesta en {expected} min.",
        "en": "You answered in {minutes} min; this channel expects an answer within {expected}.",
    },
    "speed.late": {
        "es": "Respondiste {minutes} min después (publicado a las {posted}); este canal "
        "espera respuesta en {expected} min. Cada minuto de espera suma enfado y testigos.",
        "en": "You answered {minutes} min later (posted at {posted}); this channel expects "
        "an answer within {expected} min. Every minute of waiting adds anger and onlookers.",
    },
    "speed.unanswered": {
        "es": "Este mensaje se quedó sin respuesta ({minutes} min esperando). Hasta un "
        "«lo estamos mirando» habría evitado que se repitiera o se compartiera.",
        "en": "This post was never answered ({minutes} min waiting). Even a quick "
        '"we\'re looking into it" would have kept it from being repeated or shared.',
    },
    "speed.praise_unanswered": {
        "es": "Un elogio sin respuesta. Dar las gracias a quien te defiende lo convierte "
        "en aliado cuando más falta hace.",
        "en": "Praise left unanswered. Thanking someone who speaks up for you turns them "
        "into an ally when you need one most.",
    },
    "speed.never_found": {
        "es": "Este mensaje no etiquetaba a la marca y nadie lo buscó: una búsqueda de "
        "menciones lo habría encontrado.",
        "en": "This post did not tag the brand and nobody looked for it: a search for "
        "mentions would have found it.",
    },
    "speed.search_found": {
        "es": "Tu búsqueda encontró mensajes que no etiquetaban a la marca: {count}.",
        "en": "Your search found posts that did not tag the brand: {count}.",
    },
    # EMPATHY
    "empathy.hostile": {
        "es": "Tono hostil: estas palabras suenan a ataque o a burla. Responde con calma "
        "aunque el mensaje sea duro; no es algo personal.",
        "en": "Hostile tone: these words read as an attack or a sneer. Answer calmly even "
        "when the post is harsh; it is not personal.",
    },
    "empathy.hostile_statement": {
        "es": "El comunicado tiene un tono hostil. Un comunicado oficial debe sonar sereno "
        "y respetuoso.",
        "en": "The statement sounds hostile. An official statement must sound calm and respectful.",
    },
    "empathy.acknowledged": {
        "es": "Reconociste el problema y cómo se siente la persona.",
        "en": "You acknowledged the problem and how the person feels.",
    },
    "empathy.no_feeling": {
        "es": "La respuesta no reconoce el problema ni el malestar. Empieza por ponerte "
        "en su lugar: «entiendo lo que dices», «sentimos las molestias».",
        "en": "The reply does not acknowledge the problem or the upset. Start by putting "
        'yourself in their place: "I understand", "we\'re sorry for the trouble".',
    },
    "empathy.praise_unthanked": {
        "es": "Respondiste a un elogio sin dar las gracias.",
        "en": "You answered praise without saying thank you.",
    },
    "empathy.gesture": {
        "es": "Además de la solución ofreciste un gesto concreto: así un cliente enfadado "
        "puede acabar defendiendo la marca.",
        "en": "Besides the fix you offered a concrete gesture: that is how an angry "
        "customer can end up defending the brand.",
    },
    "empathy.link_only": {
        "es": "La respuesta es poco más que un enlace. Contesta a lo que te dicen con tus "
        "palabras; el enlace, si acaso, como complemento.",
        "en": "The reply is little more than a link. Answer what they said in your own "
        "words; a link, if any, only as an extra.",
    },
    "empathy.boilerplate": {
        "es": "Frase de plantilla corporativa: suena fría y distante. Habla como una "
        "persona y sobre su caso concreto.",
        "en": "Corporate template phrase: it sounds cold and distant. Speak like a person, "
        "about their own case.",
    },
    "empathy.boilerplate_statement": {
        "es": "El comunicado recurre a fórmulas corporativas; cuenta lo ocurrido con "
        "palabras llanas.",
        "en": "The statement falls back on corporate formulas; tell what happened in plain words.",
    },
    "empathy.copy": {
        "es": "Casi las mismas palabras que ya recibieron {count} personas más (la primera "
        "a las {first}), solo con otro nombre. Las respuestas enlatadas se notan; adapta "
        "cada una a su caso.",
        "en": "Nearly the same words {count} other people already got (first at {first}), "
        "only the name changed. Canned replies show; tailor each one to its case.",
    },
    "empathy.copy.one": {
        "es": "Casi las mismas palabras que ya recibió {count} persona más (a las {first}), "
        "solo con otro nombre. Las respuestas enlatadas se notan; adapta cada una a su caso.",
        "en": "Nearly the same words {count} other person already got (at {first}), "
        "only the name changed. Canned replies show; tailor each one to its case.",
    },
    "channel.appeased_abuse": {
        "es": "«{words}» ante un insulto le da la razón a quien insulta: aprende que así "
        "consigue algo. Cita las normas con calma y no cedas.",
        "en": '"{words}" in answer to abuse rewards it: they learn that insults pay. '
        "Cite the house rules calmly and do not give way.",
    },
    "channel.rules_to_complaint": {
        "es": "Citas las normas a alguien que solo se ha quejado: lo tratas como a un "
        "troll. Las normas son para insultos, no para críticas.",
        "en": "You cite the house rules to someone who only complained: that treats them "
        "as a troll. The rules are for abuse, not for criticism.",
    },
    "honesty.owns_and_blames": {
        "es": "«{first}» y luego «{second}»: una disculpa que echa la culpa a otro deja "
        "de ser una disculpa. Asume sin peros.",
        "en": '"{first}" and then "{second}": an apology that blames someone else '
        "stops being one. Own it without a but.",
    },
    "honesty.admits_and_denies": {
        "es": "«{first}» y «{second}» en la misma respuesta se contradicen: decide qué "
        "es verdad y dilo una vez.",
        "en": '"{first}" and "{second}" in one reply contradict each other: decide '
        "what is true and say it once.",
    },
    "honesty.apologises_and_denies": {
        "es": "Pides perdón («{first}») por algo que a la vez niegas («{second}»): o fue "
        "culpa vuestra o no lo fue.",
        "en": 'You apologise ("{first}") for something you also deny ("{second}"): '
        "either it was your fault or it was not.",
    },
    "overall.capped": {
        "es": "La crisis terminó así: la nota global no puede pasar de {cap} (sin este "
        "final habría sido {score}). Lo que cuenta es cómo acaba.",
        "en": "This is how the crisis ended: the overall cannot go above {cap} (without "
        "this ending it would have been {score}). What counts is how it ends.",
    },
    "containment.left_early": {
        "es": "Dejaste la crisis a las {left} y siguió sin nadie que respondiera "
        "hasta terminar en «{phase}»: una crisis no se detiene porque te vayas.",
        "en": "You left the crisis at {left} and it ran on with nobody answering "
        'until it ended in "{phase}": a crisis does not stop because you leave.',
    },
    "honesty.promise_open_at_end": {
        "es": "Prometiste «{promise}» y la crisis acabó descontrolada sin que lo cumplieras: "
        "nadie lo cumplirá ya.",
        "en": 'You promised "{promise}" and the crisis ended out of control before you '
        "kept it: nobody will keep it now.",
    },
    "empathy.too_long": {
        "es": "Una respuesta de {length} caracteres: solo se leyeron los primeros {read}. "
        "Nadie lee un muro de texto en una red social; di lo esencial en pocas líneas.",
        "en": "A reply of {length} characters: only the first {read} were read. Nobody reads "
        "a wall of text on a social network; say what matters in a few lines.",
    },
    "empathy.generic": {
        "es": "«{words}» podría ir a cualquiera: no nombra su problema. Di qué sientes y "
        "por qué, con lo que te ha contado.",
        "en": '"{words}" could go to anyone: it does not name their problem. Say what '
        "you are sorry for, in terms of what they told you.",
    },
    "empathy.noise": {
        "es": "«{words}» no viene a cuento en esta respuesta: no hay nada que reparar aquí. "
        "Responde a lo que te han dicho.",
        "en": '"{words}" does not belong in this reply: there is nothing to repair here. '
        "Answer what they said.",
    },
    "empathy.stuffed": {
        "es": "Una respuesta con {count} tipos de frase distintos amontonados (disculpa, "
        "culpa, solución, compensación...) no contesta a nadie: elige lo que este caso "
        "necesita.",
        "en": "A reply piling up {count} different kinds of phrase (apology, fault, fix, "
        "compensation...) answers nobody: choose what this case needs.",
    },
    "empathy.language": {
        "es": "Te escribieron en {theirs} y respondiste en {ours}. Responde en su idioma.",
        "en": "They wrote in {theirs} and you answered in {ours}. Answer in their language.",
    },
    "empathy.their_language": {
        "es": "Respondiste en {theirs}, el idioma de quien escribía.",
        "en": "You answered in {theirs}, the language they wrote in.",
    },
    "empathy.not_humble": {
        "es": "Tus respuestas a cuentas pequeñas puntúan {small} en empatía y a las "
        "grandes {big}: cada cliente merece el mismo cuidado.",
        "en": "Your replies to small accounts score {small} for empathy and to big ones "
        "{big}: every customer deserves the same care.",
    },
    # CHANNEL
    "channel.fed_troll": {
        "es": "Entraste al trapo con un mensaje abusivo. Al troll le alimenta la "
        "atención: avisa citando las normas, y si sigue, retíralo.",
        "en": "You took the bait of an abusive post. Attention feeds a troll: warn "
        "citing the house rules, and remove them if they go on.",
    },
    "channel.rules_cited": {
        "es": "Ante un mensaje abusivo citaste las normas de la comunidad.",
        "en": "Faced with an abusive post, you cited the community rules.",
    },
    "channel.other_channel": {
        "es": "La queja llegó por {theirs} y respondiste en {ours}. Responde en el canal "
        "donde se hizo.",
        "en": "The complaint came on {theirs} and you answered on {ours}. Answer on the "
        "channel where it was made.",
    },
    "channel.third_public": {
        "es": "Mensaje público número {count} en esta conversación. Tras dos, pasa a privado.",
        "en": "Public message number {count} in this exchange. After two, move to private.",
    },
    "channel.public_data": {
        "es": "Datos personales en público. Pide pedidos, teléfonos o direcciones solo "
        "por mensaje privado.",
        "en": "Personal data in public. Ask for orders, phone numbers or addresses only "
        "in a private message.",
    },
    "channel.moved_private": {
        "es": "Pasaste la conversación a privado a tiempo.",
        "en": "You moved the exchange to private in time.",
    },
    "channel.private_data": {
        "es": "Pediste los datos personales en privado, donde corresponde.",
        "en": "You asked for personal data in private, where it belongs.",
    },
    "channel.warned_troll": {
        "es": "Avisaste a quien insultaba antes de tomar medidas.",
        "en": "You warned the abusive user before taking action.",
    },
    "channel.warned_complainer": {
        "es": "Avisaste a alguien que solo se quejaba. Una queja no es un abuso: respóndela.",
        "en": "You warned someone who was only complaining. A complaint is not abuse: answer it.",
    },
    "channel.hid_complaint": {
        "es": "Ocultaste una queja legítima. Ocultar críticas se descubre y se vuelve "
        "contra la marca; respóndela.",
        "en": "You hid a legitimate complaint. Hidden criticism gets noticed and turns "
        "against the brand; answer it.",
    },
    "channel.banned_complainer": {
        "es": "Bloqueaste a alguien que solo se quejaba. Las normas sirven contra el "
        "abuso, no contra la crítica.",
        "en": "You banned someone who was only complaining. House rules are for abuse, "
        "not for criticism.",
    },
    "channel.hide_after_warning": {
        "es": "Ocultaste un mensaje abusivo tras avisar: así lo piden las normas.",
        "en": "You hid an abusive post after a warning, as the house rules say.",
    },
    "channel.ban_after_warning": {
        "es": "Bloqueaste a quien seguía insultando tras el aviso: así lo piden las normas.",
        "en": "You banned someone who kept insulting after a warning, as the house rules say.",
    },
    "channel.hide_without_warning": {
        "es": "Ocultaste un mensaje abusivo sin avisar antes. Primero avisa citando las normas.",
        "en": "You hid an abusive post without a warning first. Warn citing the rules first.",
    },
    "channel.ban_without_warning": {
        "es": "Bloqueaste sin avisar antes. Primero un aviso citando las normas; después, "
        "si sigue, el bloqueo.",
        "en": "You banned without a warning first. First a warning citing the rules; "
        "then, if it goes on, the ban.",
    },
    "channel.contradiction": {
        "es": "Este comunicado niega lo que otro anterior reconocía. Una sola voz "
        "coherente en todos los canales.",
        "en": "This statement denies what an earlier one admitted. One coherent voice on "
        "every channel.",
    },
    "channel.staff_spoken_to": {
        "es": "Hablaste con el empleado que defendía la marca por su cuenta.",
        "en": "You spoke to the employee who was defending the brand on their own.",
    },
    "channel.staff_left_alone": {
        "es": "Un empleado discutía en nombre de la marca y nadie le dijo nada. Una "
        "palabra en privado evita que la defensa improvisada empeore las cosas.",
        "en": "An employee was arguing on the brand's behalf and nobody said a word. A "
        "private word keeps improvised defence from making things worse.",
    },
    # HONESTY
    "honesty.no_statement": {
        "es": "No publicaste ningún comunicado aunque la marca tenía culpa. Hacía falta "
        "uno: qué pasó, por qué, cómo se arregla y cómo se evitará.",
        "en": "You published no statement although the brand was at fault. One was "
        "needed: what happened, why, the fix and how it will not happen again.",
    },
    "honesty.hide_complaint": {
        "es": "Ocultar una queja legítima es esconder el problema, no resolverlo.",
        "en": "Hiding a legitimate complaint hides the problem; it does not solve it.",
    },
    "honesty.ban_complaint": {
        "es": "Bloquear a quien se queja es silenciar la crítica, no responderla.",
        "en": "Banning a complainer silences criticism instead of answering it.",
    },
    "honesty.owned": {
        "es": "Reconociste el error de la marca sin rodeos.",
        "en": "You owned the brand's mistake plainly.",
    },
    "honesty.not_owned": {
        "es": "La marca tiene culpa aquí («{fact}») y la respuesta no lo reconoce. "
        "Admitirlo refuerza la confianza.",
        "en": 'The brand is at fault here ("{fact}") and the reply does not say so. '
        "Owning it builds trust.",
    },
    "honesty.blamed": {
        "es": "Culpaste al cliente cuando el error es de la marca («{fact}»).",
        "en": 'You blamed the customer when the mistake is the brand\'s ("{fact}").',
    },
    "honesty.denied_true": {
        "es": "Negaste algo que es cierto: «{fact}». Negar lo evidente destruye la confianza.",
        "en": 'You denied something true: "{fact}". Denying the obvious destroys trust.',
    },
    "honesty.speculated": {
        "es": "Afirmaste algo que aún no se sabe («{fact}»). Di que lo estáis "
        "comprobando y cuándo darás noticias.",
        "en": 'You claimed something not known yet ("{fact}"). Say you are checking and '
        "when you will update.",
    },
    "honesty.did_not_speculate": {
        "es": "No especulaste sobre algo que aún no se sabía.",
        "en": "You did not speculate about something not known yet.",
    },
    "honesty.conceded_false": {
        "es": "Diste por buena una afirmación falsa («{fact}»). Comprueba primero y "
        "corrige con amabilidad.",
        "en": 'You went along with a false claim ("{fact}"). Check first, then correct it kindly.',
    },
    "honesty.corrected": {
        "es": "Corregiste una información falsa.",
        "en": "You corrected false information.",
    },
    "honesty.statement_denies": {
        "es": "El comunicado niega la responsabilidad de la marca, que sí la tiene.",
        "en": "The statement denies the brand's responsibility, which it does have.",
    },
    "honesty.statement_speculates": {
        "es": "El comunicado da una causa antes de conocerla («{fact}» se supo a las "
        "{known}). Espera a tener los hechos o di que los estáis comprobando.",
        "en": 'The statement gives a cause before it was known ("{fact}" was known at '
        "{known}). Wait for the facts or say you are checking them.",
    },
    "honesty.statement_incomplete": {
        "es": "Al comunicado le falta: {missing}. Un perdón a secas no basta en un error grande.",
        "en": "The statement lacks: {missing}. A bare sorry is not enough for a big mistake.",
    },
    "honesty.statement_complete": {
        "es": "Comunicado completo: {held}.",
        "en": "A complete statement: {held}.",
    },
    "honesty.statement_holding": {
        "es": "Buen comunicado provisional: {held}. La causa y cómo evitar que se repita, "
        "cuando se conozcan los hechos.",
        "en": "A good holding statement: {held}. The cause and how it will not happen "
        "again come once the facts are known.",
    },
    "honesty.promise_kept": {
        "es": "Cumpliste a tiempo lo prometido: «{promise}».",
        "en": 'You kept your promise on time: "{promise}".',
    },
    "honesty.promise_late": {
        "es": "Cumpliste «{promise}», pero {minutes} min después del plazo que diste. Da "
        "un plazo que puedas cumplir, o avisa antes de que venza.",
        "en": 'You delivered "{promise}", but {minutes} min after the deadline you gave. '
        "Give a deadline you can meet, or say so before it runs out.",
    },
    "honesty.promise_ruled_out": {
        "es": "Prometiste algo que los hechos descartan: {fact} Promete solo lo que puedas "
        "cumplir; explica lo que sí es posible.",
        "en": "You promised something the facts rule out: {fact} Promise only what you "
        "can deliver; say what is possible instead.",
    },
    "honesty.promise_unknowable": {
        "es": "Prometiste algo que aún nadie puede saber ({fact}). Comprueba antes de "
        "prometer; di qué estáis averiguando y cuándo darás noticias.",
        "en": "You promised something nobody can know yet ({fact}). Check before you "
        "promise; say what you are finding out and when you will give news.",
    },
    "honesty.promise_broken": {
        "es": "Prometiste «{promise}» (a las {made}) y no lo cumpliste a tiempo. Una "
        "promesa incumplida es peor que ninguna; si no hay plazo seguro, no lo prometas.",
        "en": 'You promised "{promise}" (at {made}) and did not deliver in time. A '
        "broken promise is worse than none; if no deadline is sure, do not promise it.",
    },
    # CONTAINMENT
    "containment.outcome": {
        "es": "La crisis terminó en la fase «{phase}», con sentimiento {sentiment} "
        "(defensores: {advocates}; detractores: {detractors}; alcance negativo: {reach}).",
        "en": 'The crisis ended in the "{phase}" phase, with sentiment {sentiment} '
        "(advocates: {advocates}; detractors: {detractors}; negative reach: {reach}).",
    },
}

CUE_NAMES: dict[str, dict[str, str]] = {
    "apology": {"es": "disculpa", "en": "apology"},
    "acknowledgement": {"es": "reconocimiento", "en": "acknowledgement"},
    "gratitude": {"es": "agradecimiento", "en": "thanks"},
    "admission": {"es": "admisión del error", "en": "admission"},
    "denial": {"es": "negación", "en": "denial"},
    "blame": {"es": "culpar al cliente", "en": "blame"},
    "hostility": {"es": "hostilidad", "en": "hostility"},
    "cause": {"es": "causa", "en": "cause"},
    "fix": {"es": "solución", "en": "fix"},
    "prevention": {"es": "prevención", "en": "prevention"},
    "promise": {"es": "promesa", "en": "promise"},
    "dm_invite": {"es": "invitación a privado", "en": "DM invitation"},
    "data_request": {"es": "petición de datos", "en": "data request"},
    "link_only": {"es": "solo un enlace", "en": "link only"},
    "boilerplate": {"es": "plantilla", "en": "boilerplate"},
    "compensation": {"es": "compensación", "en": "compensation"},
    "rules_citation": {"es": "cita de las normas", "en": "rules citation"},
}

LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "es": {"es": "español", "en": "Spanish"},
    "en": {"es": "inglés", "en": "English"},
    "fr": {"es": "francés", "en": "French"},
    "pt": {"es": "portugués", "en": "Portuguese"},
    "de": {"es": "alemán", "en": "German"},
    "it": {"es": "italiano", "en": "Italian"},
    "ca": {"es": "catalán", "en": "Catalan"},
    "other": {"es": "otro idioma", "en": "another language"},
}


def localized(table: dict[str, str], language: str) -> str:
    """The entry of a per-language table for ``language``, English when it has none.

    Args:
        table: language code -> text.
        language: "es" or "en".

    Returns:
        The text.
    """
    return table.get(language) or table["en"]


def say(key: str, language: str, **values: object) -> str:
    """The finding text ``key`` in ``language`` (English if unknown), filled in.

    Args:
        key: a key of ``TEMPLATES``.
        language: "es" or "en".
        **values: the template's placeholders.

    Returns:
        The text. Values are inserted as they are (``str()``), never re-formatted.
    """
    template = localized(TEMPLATES[plural_key(TEMPLATES, key, values.get("count"))], language)
    return fill_contracted(template, {name: str(value) for name, value in values.items()})


ACT_NAMES: dict[str, dict[str, str]] = {
    "private_message": {"es": "mensaje privado", "en": "private message"},
    "callback": {"es": "llamada", "en": "call back"},
    "refund": {"es": "reembolso", "en": "refund"},
    "replacement": {"es": "cambio o reposición", "en": "replacement"},
    "visit": {"es": "visita", "en": "visit"},
    "update": {"es": "novedades", "en": "update"},
    "fix": {"es": "solución", "en": "fix"},
    "dates": {"es": "plazo de solución", "en": "date for an outcome"},
    "other": {"es": "otro compromiso", "en": "other commitment"},
}
"""What a promise commits to (``PromiseHit.act``), in words."""


def act_name(act: str, language: str) -> str:
    """A promised act in words, e.g. "llamada" for "callback" in Spanish."""
    return localized(ACT_NAMES[act], language) if act in ACT_NAMES else act


def cue_name(cue: str, language: str) -> str:
    """A cue id in words, e.g. "prevención" for "prevention" in Spanish."""
    return localized(CUE_NAMES[cue], language) if cue in CUE_NAMES else cue


def language_name(code: str, language: str) -> str:
    """A language code in words, e.g. "francés" for "fr" in Spanish."""
    return localized(LANGUAGE_NAMES[code], language) if code in LANGUAGE_NAMES else code


def placeholders(template: str) -> set[str]:
    """The ``{names}`` a template uses (for the test that keeps languages in step)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
