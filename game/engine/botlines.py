"""Fallback texts of the built-in bots, for posts whose scenario gives no exemplar.

Each is written for a player type (good and bad habits), in Spanish and English.
Placeholders are those of a reply: the author's {first_name} and the brand.
"""

from __future__ import annotations

Texts = dict[str, str]

GOOD_REPLY: Texts = {
    "es": "Hola, {first_name}. Lo sentimos mucho: tienes razón y es culpa nuestra. "
    "Te escribimos por mensaje privado para solucionarlo hoy mismo.",
    "en": "Hi {first_name}. We're really sorry: you're right and it's our fault. "
    "We'll message you privately to sort it out today.",
}
THANKS: Texts = {
    "es": "¡Muchas gracias, {first_name}! Nos alegra mucho leerte.",
    "en": "Thank you so much, {first_name}! It's great to hear from you.",
}
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
    "es": "Como te prometimos, {first_name}: ya está en marcha. Gracias por tu paciencia.",
    "en": "As promised, {first_name}: it's under way. Thanks for your patience.",
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
        "es": "{first_name}, ya hemos hecho el reembolso: lo verás en tu cuenta en unos días.",
        "en": "{first_name}, we've issued your refund: you'll see it in your account in a "
        "few days.",
    },
    "replacement": {
        "es": "{first_name}, ya hemos enviado el cambio: te llega en dos días.",
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
