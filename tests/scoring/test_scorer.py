"""The scorer on scripted sessions of the engine test scenario: each rule, one situation."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from game.engine import Ban, Hide, PrivateMessage, Reply, Search, Session, Statement, Warn
from game.engine.world import Post
from game.journal.actions import Action, FollowUp
from game.journal.logfile import SessionLog, read_log
from game.scenario import LoadedScenario
from game.vocabulary import RULES
from scoring import read_reply
from scoring.messages import TEMPLATES, placeholders
from scoring.scorecard import Finding, Scorecard
from scoring.scorer import score
from tests.shared_files import shared_path

Step = tuple[int, Callable[[Session], Action]]


def _post(session: Session, source: str) -> Post:
    return next(p for p in session.post_order if p.source == source)


def _play(
    loaded: LoadedScenario, folder: Path, steps: list[Step], language: str = "es"
) -> Scorecard:
    """Play the scenario with actions at given seconds, then score its log."""
    path = folder / f"session-{len(list(folder.glob('*.jsonl')))}.jsonl"  # logs append
    session = Session(
        loaded,
        reader=read_reply,
        seed=5,
        language=language,
        subscribers=[SessionLog(path).record],
        trainee="test",
    )
    for time, make in sorted(steps, key=lambda step: step[0]):
        session.advance_to(time)
        session.act(make(session))
    session.advance_to(session.end_time)
    session.close()
    return score(loaded.scenario, read_log(path).records)


def _findings(card: Scorecard, rule: str, severity: str | None = None) -> list[Finding]:
    return [f for f in card.findings if f.rule == rule and severity in (None, f.severity)]


def test_quick_empathetic_owning_reply(engine_scenario: LoadedScenario, tmp_path: Path) -> None:
    card = _play(
        engine_scenario,
        tmp_path,
        [
            (
                90,
                lambda s: Reply(
                    _post(s, "inject:first").id,
                    "Lo sentimos mucho: llegó frío y fue culpa nuestra.",
                ),
            )
        ],
    )
    on_time = _findings(card, "P2", "+")
    assert on_time and on_time[0].post_text is not None and "frío" in on_time[0].post_text
    owned = _findings(card, "H1", "+")
    assert owned and owned[0].evidence is not None
    assert "sentimos" in owned[0].evidence.words or "culpa" in owned[0].evidence.words
    assert _findings(card, "E1", "+")


def test_a_wall_of_text_is_read_only_so_far(
    engine_scenario: LoadedScenario, tmp_path: Path
) -> None:
    wall = "Lo sentimos mucho: llegó frío y fue culpa nuestra. " + "Además " * 1_200
    card = _play(
        engine_scenario, tmp_path, [(90, lambda s: Reply(_post(s, "inject:first").id, wall))]
    )
    too_long = [
        f
        for f in _findings(card, "E4", "-")
        if "only the first" in f.message or "solo se leyeron" in f.message
    ]
    assert too_long and str(len(wall)) in too_long[0].message


def test_an_apology_that_names_nothing_is_generic(
    engine_scenario: LoadedScenario, tmp_path: Path
) -> None:
    card = _play(
        engine_scenario,
        tmp_path,
        [
            (
                90,
                lambda s: Reply(
                    _post(s, "inject:first").id, "Lo sentimos mucho, fue culpa nuestra."
                ),
            )
        ],
    )
    generic = _findings(card, "E4", "-")
    assert generic and generic[0].evidence is not None
    assert generic[0].evidence.words == "Lo sentimos mucho"
    assert not _findings(card, "E1", "+")


def test_late_and_missing_answers_cost_speed(
    engine_scenario: LoadedScenario, tmp_path: Path
) -> None:
    late = _play(
        engine_scenario,
        tmp_path,
        [
            (
                60 + 25 * 60,
                lambda s: Reply(_post(s, "inject:first").id, "Lo sentimos, fue culpa nuestra."),
            )
        ],
    )
    late_finding = next(f for f in _findings(late, "P2", "-") if f.post_id is not None)
    assert "25 min" in late_finding.message or "24 min" in late_finding.message
    silent = _play(engine_scenario, tmp_path, [])
    assert silent.score_of("speed") == 0
    assert silent.score_of("empathy") is None  # nothing answered: nothing to judge
    assert _findings(silent, "P1", "-")
    assert _findings(silent, "P3", "-"), "the untagged mention was never searched for"
    assert silent.overall <= 20


def test_search_finds_the_untagged_mention(engine_scenario: LoadedScenario, tmp_path: Path) -> None:
    card = _play(engine_scenario, tmp_path, [(180, lambda s: Search())])
    assert _findings(card, "P3", "+")
    assert not [f for f in _findings(card, "P3", "-") if f.post_text and "fatal" in f.post_text]


def test_hiding_and_banning_a_complainer(engine_scenario: LoadedScenario, tmp_path: Path) -> None:
    card = _play(
        engine_scenario,
        tmp_path,
        [
            (70, lambda s: Hide(_post(s, "inject:first").id)),
            (250, lambda s: Ban(_post(s, "inject:again").id, "Pesado")),
        ],
    )
    assert {f.message for f in _findings(card, "C4", "-")} >= {
        "Ocultaste una queja legítima. Ocultar críticas se descubre y se vuelve contra la "
        "marca; respóndela.",
        "Bloqueaste a alguien que solo se quejaba. Las normas sirven contra el abuso, no "
        "contra la crítica.",
    }
    assert len(_findings(card, "P4", "-")) == 2
    assert card.score_of("channel") == 0


def test_troll_warned_then_banned_versus_fed(
    engine_scenario: LoadedScenario, tmp_path: Path
) -> None:
    good = _play(
        engine_scenario,
        tmp_path,
        [
            (
                130,
                lambda s: Warn(
                    _post(s, "inject:insult").id, "Recuerda nuestras normas: sin insultos."
                ),
            ),
            (140, lambda s: Ban(_post(s, "inject:insult").id, "Insultos tras aviso")),
        ],
    )
    assert [f.message[:20] for f in _findings(good, "C4")] == [
        "Avisaste a quien ins",
        "Bloqueaste a quien s",
    ]
    fed = _play(
        engine_scenario,
        tmp_path,
        [(130, lambda s: Reply(_post(s, "inject:insult").id, "¡¡¡ERES UN PAYASO!!!"))],
    )
    assert _findings(fed, "C4", "-")[0].message.startswith("Entraste al trapo")
    hostile = _findings(fed, "E2", "-")
    assert hostile and hostile[0].evidence is not None
    banned_cold = _play(
        engine_scenario, tmp_path, [(130, lambda s: Ban(_post(s, "inject:insult").id, "Insultos"))]
    )
    assert _findings(banned_cold, "C4", "-")[0].message.startswith("Bloqueaste sin avisar")


def test_channel_rules(engine_scenario: LoadedScenario, tmp_path: Path) -> None:
    def first(session: Session) -> str:
        return _post(session, "inject:first").id

    card = _play(
        engine_scenario,
        tmp_path,
        [
            (70, lambda s: Reply(first(s), "Lo sentimos, fue culpa nuestra.", channel="wall")),
            (80, lambda s: Reply(first(s), "Lo sentimos de verdad.")),
            (90, lambda s: Reply(first(s), "Pásanos tu teléfono y tu dirección, por favor.")),
            (100, lambda s: PrivateMessage(first(s), "Seguimos por privado, lo sentimos.")),
        ],
    )
    assert _findings(card, "C1", "-")[0].message == (
        "La queja llegó por Chirp y respondiste en Muro. Responde en el canal donde se hizo."
    )
    assert _findings(card, "C2", "-")[0].message.startswith("Mensaje público número 3")
    data = _findings(card, "C3", "-")
    assert data and data[0].evidence is not None and "teléfono" in data[0].evidence.text
    assert _findings(card, "C2", "+")


def test_personal_data_shown_in_public(engine_scenario: LoadedScenario, tmp_path: Path) -> None:
    text = "Lo sentimos, te llamamos al 612 34 56 78 en 10 minutos."
    card = _play(
        engine_scenario, tmp_path, [(90, lambda s: Reply(_post(s, "inject:first").id, text))]
    )
    shown = _findings(card, "C3", "-")
    assert shown and shown[0].evidence is not None
    assert shown[0].evidence.words == "612 34 56 78"


def test_reply_in_the_customers_language(engine_scenario: LoadedScenario, tmp_path: Path) -> None:
    french = _play(
        engine_scenario,
        tmp_path,
        [
            (
                200,
                lambda s: Reply(
                    _post(s, "inject:french").id, "Désolés pour le café froid, c'est notre faute."
                ),
            )
        ],
    )
    assert _findings(french, "E6", "+")
    spanish = _play(
        engine_scenario,
        tmp_path,
        [(200, lambda s: Reply(_post(s, "inject:french").id, "Lo sentimos, fue culpa nuestra."))],
    )
    wrong = _findings(spanish, "E6", "-")
    assert wrong and "francés" in wrong[0].message and "español" in wrong[0].message


def test_statement_elements_and_speculation(
    engine_scenario: LoadedScenario, tmp_path: Path
) -> None:
    early = _play(
        engine_scenario,
        tmp_path,
        [(60, lambda s: Statement("Pedimos perdón: el problema fue porque la cafetera falló."))],
    )
    speculation = _findings(early, "H3", "-")
    assert speculation and "10:05" in speculation[0].message  # the cause was known at 10:05
    partial = _play(
        engine_scenario, tmp_path, [(400, lambda s: Statement("Pedimos perdón a todos."))]
    )
    incomplete = _findings(partial, "H2", "-")
    assert incomplete and "causa" in incomplete[0].message
    none = _play(engine_scenario, tmp_path, [])
    assert _findings(none, "H2", "-")[0].message.startswith("No publicaste ningún comunicado")
    # Before the cause is known, a holding statement owes no cause and no prevention.
    holding = _play(
        engine_scenario,
        tmp_path,
        [(60, lambda s: Statement("Pedimos perdón: ya estamos cambiando todos los cafés."))],
    )
    assert not _findings(holding, "H3", "-")
    (held,) = _findings(holding, "H2")
    assert held.severity == "+" and held.message.startswith("Buen comunicado provisional")


def test_denying_a_true_fact(engine_scenario: LoadedScenario, tmp_path: Path) -> None:
    card = _play(
        engine_scenario,
        tmp_path,
        [
            (
                70,
                lambda s: Reply(
                    _post(s, "inject:first").id,
                    "Eso no es cierto, nuestro café siempre sale caliente.",
                ),
            )
        ],
    )
    denied = _findings(card, "H1", "-")
    assert denied and "El café llegó frío." in denied[0].message


def test_promises_kept_and_broken(engine_scenario: LoadedScenario, tmp_path: Path) -> None:
    def promise(session: Session) -> Action:
        return Reply(_post(session, "inject:first").id, "Lo sentimos. Te llamamos en 10 minutos.")

    def keep(session: Session) -> Action:
        return FollowUp(next(iter(session.promises)), "Te acabamos de llamar, como dijimos.")

    kept = _play(engine_scenario, tmp_path, [(70, promise), (300, keep)])
    assert _findings(kept, "H4", "+")
    broken = _play(engine_scenario, tmp_path, [(70, promise)])
    finding = _findings(broken, "H4", "-")[0]
    assert finding.evidence is not None and "10 minutos" in finding.evidence.words
    assert finding.time == 70 + 10 * 60
    late = _play(engine_scenario, tmp_path, [(70, promise), (70 + 15 * 60, keep)])
    late_finding = _findings(late, "H4", "-")[0]
    assert late_finding.time == 70 + 15 * 60
    assert "5 min" in late_finding.message
    late_honesty, broken_honesty = late.score_of("honesty"), broken.score_of("honesty")
    assert late_honesty is not None and broken_honesty is not None
    assert late_honesty > broken_honesty


def test_a_follow_up_keeps_only_what_it_delivers(
    engine_scenario: LoadedScenario, tmp_path: Path
) -> None:
    def promise(session: Session) -> Action:
        return Reply(_post(session, "inject:first").id, "Lo sentimos. Te llamamos en 10 minutos.")

    def vague(session: Session) -> Action:
        return FollowUp(next(iter(session.promises)), "Como te prometimos, gracias por esperar.")

    def dm(session: Session) -> Action:
        return Reply(_post(session, "inject:first").id, "Te escribimos por privado en 5 minutos.")

    def private(session: Session) -> Action:
        return PrivateMessage(_post(session, "inject:first").id, "Hola, ya estamos aquí contigo.")

    stock = _play(engine_scenario, tmp_path, [(70, promise), (300, vague)])
    assert not _findings(stock, "H4", "+") and _findings(stock, "H4", "-")
    written = _play(engine_scenario, tmp_path, [(70, dm), (200, private)])
    assert _findings(written, "H4", "+")


def test_a_fact_rules_out_an_act(engine_scenario: LoadedScenario, tmp_path: Path) -> None:
    """Facts declare what the brand cannot do: promising it is caught by its act."""
    scenario = engine_scenario.scenario
    facts = [
        fact.model_copy(update={"rules_out": ["refund"]}) if fact.id == "no_cash" else fact
        for fact in scenario.facts
    ]
    loaded = dataclasses.replace(
        engine_scenario, scenario=scenario.model_copy(update={"facts": facts})
    )

    def say(text: str) -> Callable[[Session], Action]:
        return lambda s: Reply(_post(s, "inject:first").id, text)

    refund = _play(loaded, tmp_path, [(70, say("Lo sentimos: te devolvemos el dinero mañana."))])
    ruled_out = _findings(refund, "H4", "-")
    assert ruled_out and ruled_out[0].evidence is not None
    assert "devolvemos" in ruled_out[0].evidence.words
    call = _play(loaded, tmp_path, [(70, say("Lo sentimos: te llamamos mañana."))])
    assert not [f for f in _findings(call, "H4", "-") if "no devuelve" in f.message]


def test_promises_the_facts_rule_out(engine_scenario: LoadedScenario, tmp_path: Path) -> None:
    def say(text: str) -> Callable[[Session], Action]:
        return lambda s: Reply(_post(s, "inject:first").id, text)

    cash = _play(
        engine_scenario, tmp_path, [(70, say("Te devolvemos el dinero en efectivo mañana."))]
    )
    ruled_out = _findings(cash, "H4", "-")
    assert ruled_out and ruled_out[0].evidence is not None
    assert ruled_out[0].evidence.words == "en efectivo"
    assert "La caja no devuelve dinero en efectivo." in ruled_out[0].message
    insured = _play(
        engine_scenario,
        tmp_path,
        [(70, say("El seguro lo paga y mañana te enviamos una cafetera nueva."))],
    )
    unknowable = _findings(insured, "H3", "-")
    assert unknowable and unknowable[0].evidence is not None
    assert unknowable[0].evidence.words == "El seguro"
    honest = _play(
        engine_scenario,
        tmp_path,
        [(70, say("No podemos devolverlo en efectivo: te lo abonamos en la tarjeta mañana."))],
    )
    assert not [f for f in honest.findings if f.message.startswith("Prometiste algo que")]


def test_english_session_writes_english_findings(
    engine_scenario: LoadedScenario, tmp_path: Path
) -> None:
    card = _play(engine_scenario, tmp_path, [], language="en")
    assert card.language == "en"
    assert any(f.message.startswith("This post was never answered") for f in card.findings)


def test_same_log_same_scorecard(engine_scenario: LoadedScenario, tmp_path: Path) -> None:
    steps: list[Step] = [(90, lambda s: Reply(_post(s, "inject:first").id, "Lo sentimos mucho."))]
    _play(engine_scenario, tmp_path, steps)
    path = tmp_path / "session-0.jsonl"
    records = read_log(path).records
    assert score(engine_scenario.scenario, records) == score(engine_scenario.scenario, records)


def test_a_log_cut_short_still_scores(engine_scenario: LoadedScenario, tmp_path: Path) -> None:
    _play(
        engine_scenario,
        tmp_path,
        [(90, lambda s: Reply(_post(s, "inject:first").id, "Lo sentimos."))],
    )
    path = tmp_path / "session-0.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(
        "".join(lines[: len(lines) // 2]) + lines[len(lines) // 2][:7], encoding="utf-8"
    )
    contents = read_log(path)
    assert contents.warnings
    card = score(engine_scenario.scenario, contents.records)
    assert card.duration < 30 * 60
    assert card.score_of("containment") is not None


def test_every_finding_cites_a_known_rule(engine_scenario: LoadedScenario, tmp_path: Path) -> None:
    card = _play(
        engine_scenario,
        tmp_path,
        [(130, lambda s: Reply(_post(s, "inject:insult").id, "¡¡¡ERES UN PAYASO!!!"))],
    )
    assert card.findings
    assert {f.rule for f in card.findings} <= set(RULES)


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_messages_exist_in_both_languages_with_the_same_placeholders(key: str) -> None:
    assert set(TEMPLATES[key]) == {"es", "en"}
    assert placeholders(TEMPLATES[key]["es"]) == placeholders(TEMPLATES[key]["en"])


def test_rule_table_matches_principles() -> None:
    text = shared_path("PRINCIPLES.md").read_text(encoding="utf-8")
    for rule in RULES.values():
        assert f"| {rule.id} {rule.slug} |" in text


def test_docs_list_every_rule() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "scoring.md").read_text("utf-8")
    for rule in RULES.values():
        assert f"| {rule.id} {rule.slug} | {rule.title['en']} |" in docs
