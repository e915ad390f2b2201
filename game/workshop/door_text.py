"""The words of the door's pages, in the round's language (Spanish or English)."""

from __future__ import annotations

from typing import Literal

Notice = Literal["wrong_code", "too_many", "bad_name", "taken", "full", "over"]

_TEXT: dict[str, dict[str, str]] = {
    "es": {
        "title": "crisisdrill · taller",
        "join_heading": "Entrar al taller",
        "join_intro": "Escribe el código que se ve en la pantalla del taller y tu nombre.",
        "code": "Código",
        "name": "Tu nombre",
        "join": "Entrar",
        "back": "Volver",
        "connecting": "Conectando con tu partida…",
        "ended": "Se ha cortado la conexión con tu partida.",
        "reconnect": "Volver a conectar",
        "wrong_code_heading": "Código incorrecto",
        "wrong_code": "Ese código no es el de este taller. Revisa el que se ve en la pantalla.",
        "too_many_heading": "Demasiados intentos",
        "too_many": "Espera unos segundos antes de probar otro código.",
        "bad_name_heading": "Nombre no válido",
        "bad_name": "Escribe un nombre de 1 a {limit} caracteres, sin saltos de línea.",
        "taken_heading": "Nombre en uso",
        "taken": "Ya hay alguien jugando como «{name}». Elige otro nombre.",
        "full_heading": "Taller completo",
        "full": "Ya juegan {limit} personas, el máximo de este taller.",
        "over_heading": "El taller ha terminado",
        "over": "Esta ronda ha terminado. Gracias por jugar.",
    },
    "en": {
        "title": "crisisdrill · workshop",
        "join_heading": "Join the workshop",
        "join_intro": "Type the code on the facilitator's screen and your name.",
        "code": "Code",
        "name": "Your name",
        "join": "Join",
        "back": "Back",
        "connecting": "Connecting to your game…",
        "ended": "The connection to your game was lost.",
        "reconnect": "Reconnect",
        "wrong_code_heading": "Wrong code",
        "wrong_code": "That is not this workshop's code. Check the one on the screen.",
        "too_many_heading": "Too many tries",
        "too_many": "Wait a few seconds before trying another code.",
        "bad_name_heading": "Not a valid name",
        "bad_name": "Type a name of 1 to {limit} characters, on one line.",
        "taken_heading": "Name taken",
        "taken": "Someone is already playing as “{name}”. Choose another name.",
        "full_heading": "The workshop is full",
        "full": "{limit} people are already playing, this workshop's most.",
        "over_heading": "The workshop is over",
        "over": "This round is over. Thank you for playing.",
    },
}


def words(language: str) -> dict[str, str]:
    """The page words in a language; English for any language without its own."""
    return _TEXT.get(language, _TEXT["en"])
