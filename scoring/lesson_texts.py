"""The words of grouped findings and top lessons, in Spanish and English.

A finding repeated across a session ("this post waited too long", 21 times) is shown
as one line that says how many and which cost most. ``GROUPS`` has that line for the
findings that repeat; any other repeated finding gets ``FRAME["group"]``. The values
are plain text, inserted once, never formatted again.
"""

from __future__ import annotations

GROUPS: dict[str, dict[str, str]] = {
    "speed.unanswered": {
        "es": "{count} mensajes se quedaron sin respuesta",
        "en": "{count} posts were never answered",
    },
    "speed.late": {
        "es": "{count} respuestas llegaron tarde",
        "en": "{count} answers came too late",
    },
    "speed.praise_unanswered": {
        "es": "{count} elogios sin respuesta",
        "en": "{count} words of praise left unanswered",
    },
    "speed.never_found": {
        "es": "{count} menciones sin etiqueta que nadie buscó",
        "en": "{count} untagged mentions nobody searched for",
    },
    "empathy.copy": {
        "es": "{count} respuestas repetían palabras ya enviadas a otros",
        "en": "{count} replies repeated words already sent to others",
    },
    "empathy.generic": {
        "es": "{count} disculpas que no nombraban el problema de cada cual",
        "en": "{count} apologies that did not name the person's problem",
    },
    "empathy.no_feeling": {
        "es": "{count} respuestas sin reconocer lo que sentía el cliente",
        "en": "{count} replies that did not acknowledge how the customer felt",
    },
    "empathy.praise_unthanked": {
        "es": "{count} elogios respondidos sin dar las gracias",
        "en": "{count} words of praise answered without a thank-you",
    },
    "empathy.language": {
        "es": "{count} respuestas en un idioma que el cliente no usaba",
        "en": "{count} replies in a language the customer did not write in",
    },
    "empathy.hostile": {
        "es": "{count} respuestas perdieron la calma",
        "en": "{count} replies lost their calm",
    },
    "empathy.stuffed": {
        "es": "{count} respuestas amontonaban fórmulas",
        "en": "{count} replies piled up stock phrases",
    },
    "empathy.boilerplate": {
        "es": "{count} respuestas con frases corporativas",
        "en": "{count} replies in corporate speak",
    },
    "empathy.link_only": {
        "es": "{count} quejas despachadas con un enlace",
        "en": "{count} complaints brushed off with a link",
    },
    "channel.third_public": {
        "es": "{count} conversaciones siguieron en público más de dos mensajes",
        "en": "{count} exchanges went past two public messages",
    },
    "channel.appeased_abuse": {
        "es": "{count} veces diste la razón a un insulto",
        "en": "{count} times you gave in to abuse",
    },
    "channel.fed_troll": {
        "es": "{count} respuestas alimentaron a un trol",
        "en": "{count} replies fed a troll",
    },
    "channel.rules_to_complaint": {
        "es": "{count} quejas recibieron las normas como respuesta",
        "en": "{count} complaints were answered with the house rules",
    },
    "channel.hid_complaint": {
        "es": "{count} quejas legítimas ocultadas",
        "en": "{count} legitimate complaints hidden",
    },
    "channel.banned_complainer": {
        "es": "{count} clientes bloqueados por quejarse",
        "en": "{count} customers banned for complaining",
    },
    "channel.staff_left_alone": {
        "es": "{count} empleados defendieron a la marca sin coordinación",
        "en": "{count} staff members defended the brand without a plan",
    },
    "honesty.conceded_false": {
        "es": "{count} veces diste por cierto lo que no lo era",
        "en": "{count} times you accepted something untrue",
    },
    "honesty.promise_open_at_end": {
        "es": "{count} promesas seguían sin cumplir al final",
        "en": "{count} promises were still unkept at the end",
    },
    "honesty.promise_broken": {
        "es": "{count} promesas incumplidas",
        "en": "{count} promises broken",
    },
    "honesty.not_owned": {
        "es": "{count} respuestas no asumieron el error de la marca",
        "en": "{count} replies did not own the brand's mistake",
    },
    "honesty.denied_true": {
        "es": "{count} veces negaste algo que era verdad",
        "en": "{count} times you denied something true",
    },
    "honesty.hide_complaint": {
        "es": "{count} quejas silenciadas",
        "en": "{count} complaints silenced",
    },
    "honesty.ban_complaint": {
        "es": "{count} quejas acalladas con un bloqueo",
        "en": "{count} complaints silenced with a ban",
    },
    "honesty.speculated": {
        "es": "{count} afirmaciones sobre hechos aún sin confirmar",
        "en": "{count} claims about facts not yet confirmed",
    },
    "honesty.promise_unknowable": {
        "es": "{count} promesas que nadie podía asegurar todavía",
        "en": "{count} promises nobody could stand behind yet",
    },
}
"""One line for a repeated finding, by its message key; ``{count}`` is how many."""

FRAME: dict[str, dict[str, str]] = {
    "group": {
        "es": "{count} veces: {rule}",
        "en": "{count} times: {rule}",
    },
    "costliest": {
        "es": "el que más costó: {where}",
        "en": "costliest: {where}",
    },
    "first_time": {
        "es": "la primera: {where}",
        "en": "first: {where}",
    },
    "cost": {
        "es": "−{points} pts",
        "en": "−{points} pts",
    },
    "cost_one": {
        "es": "−1 pt",
        "en": "−1 pt",
    },
    "cost_small": {
        "es": "menos de 1 pt",
        "en": "under 1 pt",
    },
    "instead": {
        "es": "Mejor: {advice}",
        "en": "Instead: {advice}",
    },
    "example": {
        "es": "Por ejemplo",
        "en": "For example",
    },
    "top": {
        "es": "Lo que más importó",
        "en": "What mattered most",
    },
    "none": {
        "es": "Nada que corregir: ninguna regla se rompió en esta sesión.",
        "en": "Nothing to fix: no rule was broken in this session.",
    },
}
"""The frame around lessons and groups."""
