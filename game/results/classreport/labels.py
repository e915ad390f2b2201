"""The class report's own words (headings, column names), in Spanish and English."""

from __future__ import annotations

from scoring.messages import localized

LABELS: dict[str, dict[str, str]] = {
    "title": {"es": "Informe de la clase", "en": "Class debrief"},
    "round": {"es": "Ronda", "en": "Round"},
    "scenario": {"es": "Escenario", "en": "Scenario"},
    "seed": {"es": "semilla", "en": "seed"},
    "trainees": {"es": "Participantes", "en": "Trainees"},
    "anonymous": {"es": "Participante", "en": "Trainee"},
    "no_sessions": {
        "es": "Todavía no hay sesiones puntuadas en esta ronda.",
        "en": "No scored sessions in this round yet.",
    },
    "leaderboard": {"es": "Clasificación", "en": "Leaderboard"},
    "rank": {"es": "Puesto", "en": "Rank"},
    "trainee": {"es": "Participante", "en": "Trainee"},
    "overall": {"es": "Global", "en": "Overall"},
    "final_phase": {"es": "Fase final", "en": "Final phase"},
    "rules": {
        "es": "Reglas: quién las cumplió y quién no",
        "en": "Rules: who kept them, who broke them",
    },
    "rules_intro": {
        "es": "Las más incumplidas primero; «de N» cuenta a quienes se encontraron con la regla.",
        "en": "Most broken first; \u201cof N\u201d counts the trainees whose session met the rule.",
    },
    "rule": {"es": "Regla", "en": "Rule"},
    "kept": {"es": "Cumplida", "en": "Kept"},
    "broke": {"es": "Incumplida", "en": "Broke"},
    "lost": {"es": "Puntos perdidos", "en": "Points lost"},
    "broke_line": {"es": "{broke} de {met} la incumplieron", "en": "{broke} of {met} broke it"},
    "no_rules": {"es": "Ningún hallazgo.", "en": "No findings."},
    "posts": {
        "es": "La misma publicación, respuestas distintas",
        "en": "Same post, different answers",
    },
    "posts_intro": {
        "es": "Todos jugaron con la misma semilla: vieron las mismas publicaciones. "
        "Cada respuesta con sus hallazgos, la mejor primero.",
        "en": "Everyone played the same seed, so saw the same posts. "
        "Each answer with its findings, best first.",
    },
    "no_posts": {
        "es": "Ninguna publicación tiene respuestas de dos participantes o más.",
        "en": "No post was answered by two trainees or more.",
    },
    "no_answer": {"es": "(sin respuesta)", "en": "(no answer)"},
    "on_channel": {"es": "en", "en": "on"},
    "cost": {"es": "pts", "en": "pts"},
}


def label(key: str, language: str) -> str:
    """A word of the class report in ``language`` (English when it has none)."""
    return localized(LABELS[key], language)


def broke_line(broke: int, met: int, language: str) -> str:
    """The rule's count as the report says it: "2 of 3 broke it", in ``language``."""
    return label("broke_line", language).replace("{broke}", str(broke)).replace("{met}", str(met))


def points(cost: float) -> str:
    """Points lost, to one decimal: "−3.5", or "0"."""
    value = round(cost, 1)
    return f"−{value:g}" if value > 0 else "0"
