"""The words every layer shares: cue ids, rule ids and the table of PRINCIPLES.md rules.

The reply analyzer names cues, the judges cite rules, the engine's crowd reacts to cues
and the reports print rules: they all speak this vocabulary, so it lives below them all
and imports nothing of ours. Findings carry only the rule id ("P2"); reports and the
debrief show the slug and the title in the session's language from here. A test keeps
the table in step with PRINCIPLES.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Cue = Literal[
    "apology",
    "acknowledgement",
    "gratitude",
    "admission",
    "denial",
    "blame",
    "hostility",
    "cause",
    "fix",
    "prevention",
    "promise",
    "dm_invite",
    "data_request",
    "link_only",
    "boilerplate",
    "compensation",
    "rules_citation",
]
"""Cue ids found by the reply analyzer (stable; see DESIGN.md)."""

CUES: tuple[Cue, ...] = get_args(Cue)
"""Every cue id, in the order above."""

Verdict = Literal[
    "canned",
    "generic",
    "wrong_language",
    "misplaced",
    "contradictory",
    "stuffed",
]
"""What the reading of a reply in its situation can find wrong with it, beyond its cues
(scoring.judgement): the same words sent to others, an apology that names nothing, the
customer's language missed, cues out of place for the post, a reply that contradicts
itself, or a pile of cues. Scenario reactions can key on them."""

VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
"""Every verdict id, in the order above."""

PromiseAct = Literal[
    "private_message", "callback", "refund", "replacement", "visit", "update", "fix", "dates"
]
"""What a promise commits the brand to do (the analyzer reads it; ``dates`` only in a
fact's ``rules_out``: a fix, replacement or visit promised by a time). A promise of
nothing more specific is "other"."""


def keeps(act: str, delivered: frozenset[str] | set[str]) -> bool:
    """Whether words that deliver ``delivered`` keep a promise of ``act`` (H4).

    A promise to report back (``update``) or of nothing more specific (``other``) is
    kept by any concrete delivery or news; every other act only by itself.

    Args:
        act: what the promise committed to.
        delivered: the acts a message reports as done.
    """
    if act in ("update", "other"):
        return bool(delivered)
    return act in delivered


RuleId = Literal[
    "P1", "P2", "P3", "P4",
    "E1", "E2", "E3", "E4", "E5", "E6",
    "C1", "C2", "C3", "C4", "C5",
    "H1", "H2", "H3", "H4", "H5",
    "O1", "O2",
]  # fmt: skip
"""Rule ids of PRINCIPLES.md."""


@dataclass(frozen=True)
class Rule:
    """One rule of PRINCIPLES.md.

    Attributes:
        id: Stable id, e.g. "P2".
        slug: Its short English name, e.g. "answer-fast".
        dimensions: Dimensions it feeds, upper case as in PRINCIPLES.md.
        title: One-line statement per language.
    """

    id: RuleId
    slug: str
    dimensions: tuple[str, ...]
    title: dict[str, str]

    def name(self, language: str) -> str:
        """Its short name in ``language``: the slug in English, e.g. "responde-rápido"."""
        return SPANISH_NAMES[self.id] if language == "es" else self.slug

    def label(self, language: str) -> str:
        """The rule as "P2 answer-fast: title", in ``language`` (English if unknown)."""
        return f"{self.id} {self.name(language)}: {self.title.get(language, self.title['en'])}"


SPANISH_NAMES: dict[str, str] = {
    "P1": "responde-siempre",
    "P2": "responde-rápido",
    "P3": "escucha-activa",
    "P4": "nunca-ocultes",
    "E1": "empatiza",
    "E2": "mantén-la-calma",
    "E3": "humildad",
    "E4": "sin-jerga-corporativa",
    "E5": "supera-expectativas",
    "E6": "mismo-idioma",
    "C1": "mismo-canal",
    "C2": "dos-y-a-privado",
    "C3": "datos-en-privado",
    "C4": "normas-de-la-casa",
    "C5": "una-sola-voz",
    "H1": "asume-el-error",
    "H2": "disculpa-completa",
    "H3": "verifica-primero",
    "H4": "lo-prometido-es-deuda",
    "H5": "promesa-implícita",
    "O1": "la-crisis-es-pública",
    "O2": "aprende",
}
"""Each rule's short name in Spanish output (the English slug is its stable id)."""


def _rule(rule_id: RuleId, slug: str, dimensions: str, es: str, en: str) -> Rule:
    return Rule(rule_id, slug, tuple(dimensions.split()), {"es": es, "en": en})


RULES: dict[RuleId, Rule] = {
    rule.id: rule
    for rule in (
        _rule(
            "P1",
            "always-answer",
            "SPEED CONTAINMENT",
            "Responde a todo mensaje que lo merezca, también a los elogios.",
            "Answer every message that deserves it, praise included.",
        ),
        _rule(
            "P2",
            "answer-fast",
            "SPEED",
            "Responde pronto: cada minuto de espera suma enfado.",
            "Answer quickly: every minute of waiting adds anger.",
        ),
        _rule(
            "P3",
            "listen-actively",
            "SPEED CONTAINMENT",
            "Busca lo que se dice de la marca aunque no la etiqueten.",
            "Look for what is said about the brand even when it is not tagged.",
        ),
        _rule(
            "P4",
            "never-hide",
            "HONESTY EMPATHY",
            "No calles, ocultes ni despaches una queja legítima con un enlace.",
            "Do not silence, hide or brush off a legitimate complaint with a link.",
        ),
        _rule(
            "E1",
            "empathize",
            "EMPATHY",
            "Ponte en su lugar: reconoce el problema y usa su nombre.",
            "Put yourself in their place: acknowledge the problem and use their name.",
        ),
        _rule(
            "E2",
            "stay-calm",
            "EMPATHY",
            "Mantén la calma y el respeto: sin sarcasmo, gritos ni contraataques.",
            "Stay calm and respectful: no sarcasm, shouting or counter-attacks.",
        ),
        _rule(
            "E3",
            "humble",
            "EMPATHY",
            "Trata con el mismo cuidado a un cliente pequeño que a una influencer.",
            "Give a small customer the same care as an influencer.",
        ),
        _rule(
            "E4",
            "no-corporate-speak",
            "EMPATHY",
            "Habla como una persona, no con plantillas ni frases corporativas.",
            "Speak like a person, not with templates or corporate phrases.",
        ),
        _rule(
            "E5",
            "exceed-expectations",
            "EMPATHY CONTAINMENT",
            "Ve más allá de lo esperado: solución y un gesto concreto.",
            "Go beyond what was expected: a fix and a concrete gesture.",
        ),
        _rule(
            "E6",
            "same-language",
            "EMPATHY",
            "Responde en el idioma en que te escriben.",
            "Answer in the language people write to you in.",
        ),
        _rule(
            "C1",
            "same-channel",
            "CHANNEL",
            "Responde en el canal donde se hizo la queja.",
            "Answer on the channel where the complaint was made.",
        ),
        _rule(
            "C2",
            "two-then-private",
            "CHANNEL",
            "Como mucho dos mensajes públicos por conversación; después, en privado.",
            "At most two public messages per exchange; then move to private.",
        ),
        _rule(
            "C3",
            "private-data",
            "CHANNEL HONESTY",
            "Los datos personales se piden y se tratan solo en privado.",
            "Ask for and handle personal data only in private.",
        ),
        _rule(
            "C4",
            "house-rules",
            "CHANNEL EMPATHY",
            "Una queja no es un insulto: avisa y solo después retira a quien insulta.",
            "A complaint is not abuse: warn, and only then remove those who insult.",
        ),
        _rule(
            "C5",
            "coordinated-voice",
            "CHANNEL HONESTY",
            "Una sola voz coherente; que el equipo no defienda la marca por su cuenta.",
            "One coherent voice; staff should not defend the brand on their own.",
        ),
        _rule(
            "H1",
            "own-the-mistake",
            "HONESTY",
            "Si la marca se ha equivocado, dilo claramente; no niegues lo que es cierto.",
            "If the brand got it wrong, say so plainly; never deny what is true.",
        ),
        _rule(
            "H2",
            "full-apology",
            "HONESTY EMPATHY",
            "Una disculpa completa: qué pasó, por qué, cómo se arregla y cómo se evitará.",
            "A full apology: what happened, why, the fix and how it will not recur.",
        ),
        _rule(
            "H3",
            "verify-first",
            "HONESTY",
            "Comprueba antes de afirmar; no especules sobre lo que aún no se sabe.",
            "Check before you claim; do not speculate about what is not known yet.",
        ),
        _rule(
            "H4",
            "promise-is-debt",
            "HONESTY",
            "Promete solo lo que puedas cumplir, con plazo, y cúmplelo a tiempo.",
            "Promise only what you can deliver, with a time, and deliver on time.",
        ),
        _rule(
            "H5",
            "implicit-promise",
            "HONESTY SPEED",
            "Estar en una red ya es prometer que escuchas y respondes.",
            "Being on a network is itself a promise to listen and answer.",
        ),
        _rule(
            "O1",
            "crisis-is-public",
            "CONTAINMENT",
            "Cada respuesta la leen muchos: una queja bien llevada gana público.",
            "Many read every answer: a complaint handled well wins an audience.",
        ),
        _rule(
            "O2",
            "learn",
            "DEBRIEF",
            "Cada queja enseña algo: el informe convierte la sesión en lecciones.",
            "Every complaint teaches something: the debrief turns the session into lessons.",
        ),
    )
}
"""Every rule, by id, in the order of PRINCIPLES.md."""


def rule_name(rule_id: str, language: str) -> str:
    """A rule as reports name it: "P2 answer-fast", "P2 responde-rápido" (the id if unknown).

    Args:
        rule_id: A rule id, perhaps one a damaged log made up.
        language: "es" or "en".

    Returns:
        The id and the rule's short name in ``language``.
    """
    rule = RULES.get(rule_id)  # type: ignore[call-overload]
    return f"{rule_id} {rule.name(language)}" if rule else rule_id
