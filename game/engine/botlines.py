"""Fallback texts of the built-in bots, for posts whose scenario gives no exemplar.

Each is written for a player type (good and bad habits), in Spanish and English.
Placeholders are those of a reply: the author's {first_name} and the brand.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

Texts = dict[str, str]


def for_source(variants: Sequence[Texts], source: str) -> Texts:
    """The variant a bot uses for posts of one ``source`` (template or reaction).

    The same answer to the same question is consistency; different questions get
    different words, as a person would write them (a canned reply costs, E4). Chosen
    by a checksum, not the session's random generator, which drives the crowd.
    """
    return variants[zlib.crc32(source.encode("utf-8")) % len(variants)]


GOOD_REPLY: Texts = {
    "es": "Hola, {first_name}. Lo sentimos mucho: tienes razón y es culpa nuestra. "
    "Te escribimos por mensaje privado para solucionarlo hoy mismo.",
    "en": "Hi {first_name}. We're really sorry: you're right and it's our fault. "
    "We'll message you privately to sort it out today.",
}
GOOD_REPLIES: tuple[Texts, ...] = (
    GOOD_REPLY,
    {
        "es": "{first_name}, tienes toda la razón y te pedimos perdón: esto no tenía que "
        "pasar. Ahora mismo lo revisamos contigo por privado.",
        "en": "{first_name}, you're absolutely right and we apologise: this shouldn't have "
        "happened. We're going through it with you by DM right now.",
    },
    {
        "es": "Gracias por contárnoslo, {first_name}, y disculpa las molestias que te hemos "
        "causado. Mira tus mensajes privados: seguimos allí contigo.",
        "en": "Thanks for telling us, {first_name}, and sorry for the trouble we caused "
        "you. Check your private messages: we'll pick it up with you there.",
    },
    {
        "es": "Entendemos tu enfado, {first_name}, y es justo: fallamos nosotros. ¿Nos "
        "escribes por privado y lo dejamos resuelto?",
        "en": "We get why you're annoyed, {first_name}, and fairly so: we let you down. "
        "Could you DM us so we can get it settled?",
    },
)
"""Fallback replies to complaints without a model reply, one per kind of post."""
THANKS: Texts = {
    "es": "¡Muchas gracias, {first_name}! Nos alegra mucho leerte.",
    "en": "Thank you so much, {first_name}! It's great to hear from you.",
}
THANKS_VARIANTS: tuple[Texts, ...] = (
    THANKS,
    {
        "es": "Qué bien leer esto, {first_name}. Gracias de corazón por acompañarnos.",
        "en": "Lovely to read this, {first_name}. Heartfelt thanks for sticking with us.",
    },
    {
        "es": "{first_name}, mensajes así nos dan ánimos. ¡Gracias!",
        "en": "{first_name}, messages like yours keep us going. Thank you!",
    },
)
"""Fallback thanks for praise without a model reply, one per kind of post."""
PRIVATE: Texts = {
    "es": "Hola de nuevo, {first_name}. Entendemos tu enfado y lo sentimos. Seguimos "
    "por aquí en privado: cuéntanos qué necesitas y lo resolvemos contigo.",
    "en": "Hi again, {first_name}. We understand you're upset, and we're sorry. Let's "
    "carry on here in private: tell us what you need and we'll sort it out with you.",
}
WARNING: Texts = {
    "es": "Recordamos nuestras normas de la comunidad: aquí caben las críticas, pero no "
    "los insultos. Si se repiten, tendremos que retirar los mensajes.",
    "en": "A reminder of our community rules: criticism is welcome here, insults are "
    "not. If they continue, we will have to remove the messages.",
}
BAN_REASON: Texts = {
    "es": "Insultos reiterados tras un aviso, contra las normas de la comunidad.",
    "en": "Repeated insults after a warning, against the community rules.",
}
FOLLOW_UP: Texts = {
    "es": "Como te prometimos, {first_name}, te cuento cómo va: tu caso ya está en manos "
    "del equipo y avanza. Gracias por tu paciencia.",
    "en": "As promised, {first_name}, an update: your case is with the team and moving. "
    "Thanks for your patience.",
}
FOLLOW_UP_BY_ACT: dict[str, Texts] = {
    "private_message": {
        "es": "Hola, {first_name}: te escribimos por privado como te dijimos. Cuéntanos "
        "aquí lo que necesites.",
        "en": "Hi {first_name}: we're writing to you privately as we said. Tell us here "
        "whatever you need.",
    },
    "callback": {
        "es": "{first_name}, te acabamos de llamar como te prometimos; si no pudiste "
        "cogerlo, dinos a qué hora te va bien.",
        "en": "{first_name}, we've just called you as promised; if you missed it, tell us "
        "what time suits you.",
    },
    "refund": {
        "es": "{first_name}, ya te hemos devuelto el dinero: lo verás en tu cuenta en unos días.",
        "en": "{first_name}, we've refunded you in full: it shows in your account within a "
        "few days.",
    },
    "replacement": {
        "es": "{first_name}, tu cambio ya ha salido hoy: te llega en dos días.",
        "en": "{first_name}, your replacement has been sent: it arrives in two days.",
    },
    "visit": {
        "es": "{first_name}, el técnico ya está de camino a tu casa.",
        "en": "{first_name}, the technician is on the way to your place now.",
    },
    "fix": {
        "es": "{first_name}, ya está solucionado: gracias por avisarnos y por tu paciencia.",
        "en": "{first_name}, it's fixed now: thanks for telling us and for your patience.",
    },
}
"""Follow-ups that deliver what each kind of promise committed to (any other promise,
an update, is kept by ``FOLLOW_UP``'s news)."""
STATEMENT: Texts = {
    "es": "Pedimos perdón a todas las personas afectadas: nos equivocamos. Estamos "
    "revisando qué ha pasado y por qué, lo solucionaremos con cada cliente y "
    "cambiaremos nuestros controles para que no se repita.",
    "en": "We apologise to everyone affected: we got this wrong. We are checking what "
    "happened and why, we will fix it with each customer and change our checks so "
    "that it does not happen again.",
}
BOILERPLATE: Texts = {
    "es": "Lamentamos cualquier inconveniente que pueda haber causado. Consulta nuestra "
    "política en https://www.example.com/ayuda",
    "en": "We apologise for any inconvenience this may have caused. Please see our "
    "policy at https://www.example.com/help",
}
DENIAL: Texts = {
    "es": "No hay ningún problema con nuestros productos. Quizá no leíste bien la descripción.",
    "en": "There is no problem with our products. Perhaps you didn't read the "
    "description properly.",
}
HOSTILE: Texts = {
    "es": "¿En serio? Si no tienes nada útil que decir, mejor no digas NADA DE NADA.",
    "en": "Seriously? If you have nothing useful to say, better SAY NOTHING AT ALL.",
}
HIDE_REASON: Texts = {
    "es": "Mensaje negativo.",
    "en": "Negative message.",
}
