"""The reading of a reply in its situation: fit, specificity, canned, coherence, language."""

from __future__ import annotations

import dataclasses

from game.journal.records import AnswerRecord, PostRecord
from game.scenario.loader import LoadedScenario
from game.scenario.model import Fact
from scoring import analyze
from scoring.judgement import Judgement, judge_reply, situation_of
from scoring.reply import read_reply


def _post(
    text: str, *, tone: str = "negative", source: str = "inject:first", **more: object
) -> PostRecord:
    fields: dict[str, object] = {
        "id": "m1",
        "time": 60,
        "channel": "chirp",
        "author": "u1",
        "text": text,
        "language": "es",
        "tone": tone,
        "needs_reply": True,
        "tags_brand": True,
        "thread": "t1",
        "source": source,
    }
    fields.update(more)
    return PostRecord(**fields)  # type: ignore[arg-type]


def _judge(
    loaded: LoadedScenario,
    reply: str,
    post: PostRecord,
    *,
    archetype: str = "upset_customer",
    name: str = "Ana Ruiz",
    earlier: tuple[AnswerRecord, ...] = (),
    language: str = "es",
) -> Judgement:
    situation = situation_of(loaded.scenario, post, archetype, name, language)
    return judge_reply(reply, analyze(reply, language), situation, earlier)


def test_an_apology_to_a_troll_is_out_of_place(engine_scenario: LoadedScenario) -> None:
    post = _post("Sois unos inútiles y unos ladrones", tone="abusive", source="inject:insult")
    judgement = _judge(
        engine_scenario, "Lo sentimos mucho, tienes toda la razón.", post, archetype="troll"
    )
    assert judgement.situation.kind == "abuse" and judgement.situation.recipient == "troll"
    assert [(hit.cue, why.rule) for hit, why in judgement.misplaced] == [
        ("apology", "C4"),
        ("acknowledgement", "C4"),
    ]
    assert "misplaced" in judgement.verdicts


def test_citing_the_rules_to_a_complaint_treats_it_as_abuse(
    engine_scenario: LoadedScenario,
) -> None:
    post = _post("Mi café llegó frío otra vez")
    judgement = _judge(engine_scenario, "Recuerda nuestras normas de la comunidad, Ana.", post)
    assert [why.reason for _, why in judgement.misplaced] == ["rules_to_complaint"]


def test_a_refund_to_a_fan_is_noise(engine_scenario: LoadedScenario) -> None:
    post = _post("¡Me encanta vuestro café!", tone="positive", source="inject:praise")
    judgement = _judge(
        engine_scenario,
        "¡Gracias, Ana! Te regalamos un cupón para el próximo café.",
        post,
        archetype="fan",
    )
    assert judgement.situation.kind == "praise"
    assert [hit.cue for hit in judgement.noise] == ["compensation"]


def test_owning_a_false_rumour_concedes_it(engine_scenario: LoadedScenario) -> None:
    rumour = Fact.model_validate(
        {"id": "rats", "statement": {"es": "Hay ratas en la cocina."}, "truth": False}
    )
    scenario = engine_scenario.scenario.model_copy(
        update={"facts": [*engine_scenario.scenario.facts, rumour]}
    )
    loaded = dataclasses.replace(engine_scenario, scenario=scenario)
    post = _post("Dicen que hay ratas en la cocina de Brava", facts=("rats",))
    judgement = _judge(loaded, "Es culpa nuestra, lo sentimos.", post)
    assert judgement.situation.kind == "rumour"
    assert [(hit.cue, why.rule) for hit, why in judgement.misplaced] == [("admission", "H3")]


def test_an_apology_counts_in_full_only_when_it_names_the_problem(
    engine_scenario: LoadedScenario,
) -> None:
    post = _post("Mi café llegó frío", facts=("cold",))
    generic = _judge(engine_scenario, "Lamentamos mucho lo ocurrido, Ana.", post)
    specific = _judge(engine_scenario, "Ana, sentimos que el café te llegara frío.", post)
    assert generic.feeling is not None and generic.specific is None
    assert "generic" in generic.verdicts
    assert specific.specific is not None and "generic" not in specific.verdicts


def test_the_same_words_to_other_people_are_canned_more_each_time(
    engine_scenario: LoadedScenario,
) -> None:
    template = "Hola {}! Gracias, lo sentimos mucho, es culpa nuestra y ya está arreglado."
    earlier = (
        AnswerRecord(template.format("Luis"), "u7", "Luis Gil", "inject:insult"),
        AnswerRecord(template.format("Marta"), "u8", "Marta Sanz", "crowd:praise"),
    )
    post = _post("Mi café llegó frío")
    once = _judge(engine_scenario, template.format("Ana"), post, earlier=earlier[:1])
    twice = _judge(engine_scenario, template.format("Ana"), post, earlier=earlier)
    assert (once.reuse.count, twice.reuse.count) == (1, 2)
    assert "canned" in twice.verdicts


def test_tailored_replies_to_two_people_with_one_first_name_are_not_canned(
    engine_scenario: LoadedScenario,
) -> None:
    first = "Ana, sentimos que el café te llegara frío: hoy te lo cambiamos en la barra."
    earlier = (AnswerRecord(first, "u7", "Ana Gil", "inject:again"),)
    post = _post("Pedí un té y me pusieron un café con leche")
    second = "Ana, perdona el lío con tu pedido: te preparamos el té que pediste sin coste."
    judgement = _judge(engine_scenario, second, post, name="Ana Ruiz", earlier=earlier)
    assert judgement.reuse.count == 0


def test_the_same_answer_to_the_same_question_is_consistency(
    engine_scenario: LoadedScenario,
) -> None:
    answer = "Hola {}: el café llegó frío por una avería y hoy te invitamos al siguiente."
    earlier = (AnswerRecord(answer.format("Luis"), "u7", "Luis Gil", "source:crowd:cold"),)
    post = _post("Otro café frío", source="crowd:cold")
    assert _judge(engine_scenario, answer.format("Ana"), post, earlier=earlier).reuse.count == 0


def test_a_reply_that_owns_and_blames_contradicts_itself(
    engine_scenario: LoadedScenario,
) -> None:
    post = _post("Mi café llegó frío")
    judgement = _judge(
        engine_scenario,
        "Fue un error nuestro, aunque la culpa es tuya por no leer las condiciones.",
        post,
    )
    assert [c.kind for c in judgement.contradictions] == ["owns_and_blames"]


def test_a_reply_in_another_language_is_not_understood(engine_scenario: LoadedScenario) -> None:
    post = _post("Mi café llegó frío")
    reply = "We're so sorry your coffee arrived cold, Ana."
    judgement = _judge(engine_scenario, reply, post)
    assert not judgement.language_ok and "wrong_language" in judgement.verdicts
    assert judgement.cue_ids() == frozenset()


def test_a_pile_of_cues_is_stuffed(engine_scenario: LoadedScenario) -> None:
    post = _post("Mi café llegó frío")
    reply = (
        "Hola Ana! Gracias, lo sentimos mucho, es culpa nuestra, ya está arreglado, no "
        "volverá a pasar, escríbenos por privado, te llamamos en 10 minutos, te "
        "devolvemos el dinero y recuerda nuestras normas."
    )
    assert _judge(engine_scenario, reply, post).stuffed


def test_the_engine_reader_and_the_judgement_agree(engine_scenario: LoadedScenario) -> None:
    post = _post("Mi café llegó frío")
    reading = read_reply(
        "Lo sentimos mucho, Ana.",
        "es",
        customer="Ana Ruiz",
        scenario=engine_scenario.scenario,
        post=post,
        archetype="upset_customer",
    )
    assert reading.judgement is not None
    assert reading.verdicts == frozenset({"generic"})
    assert reading.understood() == reading.cue_ids() == frozenset({"apology"})
