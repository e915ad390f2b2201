"""The words of the reports themselves (headings, column names), in Spanish and English.

Finding messages come from ``scoring.messages``; rule titles from
``game.vocabulary``. Only the frame of the report lives here.
"""

from __future__ import annotations

from scoring.messages import localized

LABELS: dict[str, dict[str, str]] = {
    "title": {"es": "Informe de la sesión", "en": "Session debrief"},
    "trainee": {"es": "Participante", "en": "Trainee"},
    "scenario": {"es": "Escenario", "en": "Scenario"},
    "seed": {"es": "Semilla", "en": "Seed"},
    "duration": {"es": "Duración simulada", "en": "Simulated duration"},
    "final_phase": {"es": "Fase final", "en": "Final phase"},
    "path": {"es": "Recorrido de fases", "en": "Phases taken"},
    "stopped": {"es": "Detenida", "en": "Stopped"},
    "unsent": {
        "es": "Sin enviar cuando se acabó el tiempo",
        "en": "Not sent when time ran out",
    },
    "scores": {"es": "Puntuaciones", "en": "Scores"},
    "dimension": {"es": "Dimensión", "en": "Dimension"},
    "score": {"es": "Puntos", "en": "Score"},
    "weight": {"es": "Peso", "en": "Weight"},
    "basis": {"es": "Situaciones", "en": "Situations"},
    "overall": {"es": "Global", "en": "Overall"},
    "not_judged": {"es": "sin evaluar", "en": "not judged"},
    "findings": {"es": "Hallazgos", "en": "Findings"},
    "no_findings": {"es": "No hay hallazgos.", "en": "No findings."},
    "by_rule": {"es": "Por regla", "en": "By rule"},
    "rule": {"es": "Regla", "en": "Rule"},
    "good": {"es": "bien", "en": "well done"},
    "bad": {"es": "a mejorar", "en": "to improve"},
    "post": {"es": "Publicación", "en": "Post"},
    "your_words": {"es": "Tus palabras", "en": "Your words"},
    "timeline": {"es": "Evolución de la crisis", "en": "How the crisis evolved"},
    "sentiment": {"es": "Sentimiento (-1 a 1)", "en": "Sentiment (-1 to 1)"},
    "reach": {"es": "Alcance", "en": "Reach"},
    "actions": {"es": "Tus acciones", "en": "Your actions"},
    "phase_change": {"es": "Cambio de fase", "en": "Phase change"},
    "final_metrics": {"es": "Métricas finales", "en": "Final metrics"},
    "minute": {"es": "min", "en": "min"},
    "on_channel": {"es": "en", "en": "on"},
    "no_timeline": {
        "es": "El registro no tiene instantáneas de métricas.",
        "en": "The log has no metric snapshots.",
    },
}

DIMENSION_NAMES: dict[str, dict[str, str]] = {
    "speed": {"es": "RAPIDEZ", "en": "SPEED"},
    "empathy": {"es": "EMPATÍA", "en": "EMPATHY"},
    "channel": {"es": "CANAL", "en": "CHANNEL"},
    "honesty": {"es": "HONESTIDAD", "en": "HONESTY"},
    "containment": {"es": "CONTENCIÓN", "en": "CONTAINMENT"},
}


def label(key: str, language: str) -> str:
    """A report word in ``language`` (English when the language has none).

    Args:
        key: a key of ``LABELS``.
        language: "es" or "en".

    Returns:
        The word or phrase.
    """
    return localized(LABELS[key], language)


def dimension_name(name: str, language: str) -> str:
    """A dimension id in capitals in ``language``, e.g. "EMPATÍA" for "empathy"."""
    table = DIMENSION_NAMES.get(name)
    return localized(table, language) if table is not None else name.upper()
