"""The coach's hints: the rules it names are the ones the scorer cites for the same words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.engine import Action, PrivateMessage, Reply, Session, Statement
from game.journal.logfile import SessionLog, read_log
from game.scenario import LoadedScenario
from game.tui.coach import coach_notes
from game.tui.render import highlighted, merged, sparkline
from game.vocabulary import RULES
from scoring import AnalysisContext, ReplyReading, analyze, read_reply
from scoring.coaching import TOUCHES, MessageKind, in_situation, read_message, touches_for
from scoring.judgement import Judgement
from scoring.scorecard import Finding
from scoring.scorer import score


def test_an_apology_gets_the_rules_the_scorer_credits_it_under() -> None:
    notes = coach_notes("We are so sorry, that was our mistake.", "en", None, 0, kind="reply")
    apology = next(note for note in notes if note.cue == "apology")
    assert apology.helps is True
    assert apology.rules == ("E1", "H1")  # empathy.acknowledged, honesty.owned
    assert apology.words.lower().startswith("we are so sorry")
    assert apology.rule_label == "E1 empathize · H1 own-the-mistake"


def test_cues_the_scorer_charges_are_marked_as_not_helping() -> None:
    notes = coach_notes(
        "That is your fault: you should have read the size guide, idiot.",
        "en",
        None,
        0,
        kind="reply",
    )
    by_cue = {note.cue: note for note in notes}
    assert by_cue["blame"].helps is False and by_cue["blame"].rules == ("H1",)
    assert by_cue["hostility"].helps is False and by_cue["hostility"].rules == ("E2",)
    assert by_cue["blame"].rule_label.startswith("H1 own-the-mistake: ")


def test_asking_for_an_order_number_is_right_in_private_and_wrong_in_public() -> None:
    text = "Sorry! Tell us your order number and we will sort it out."
    public = coach_notes(text, "en", None, 0, kind="reply")
    private = coach_notes(text, "en", None, 0, kind="private_message")
    by_dm = coach_notes(text + " Send us a DM.", "en", None, 0, kind="reply")
    data = [next(n for n in notes if n.cue == "data_request") for notes in (public, private, by_dm)]
    assert (data[0].helps, data[0].rules) == (False, ("C3",))
    assert (data[1].helps, data[1].rules) == (True, ("C3",))
    # "...by DM" asks in private: the channel judge lets it pass, and so does the coach.
    assert (data[2].helps, data[2].rules) == (None, ())


def test_a_statement_is_read_against_what_the_scenario_requires() -> None:
    text = "We are sorry: the photos were wrong and we are fixing every listing today."
    required = coach_notes(text, "en", None, 0, kind="statement", requires=("apology", "fix"))
    plain = coach_notes(text, "en", None, 0, kind="statement")
    assert next(n for n in required if n.cue == "apology").rules == ("H2",)
    assert next(n for n in plain if n.cue == "apology").helps is None  # not judged there


def test_the_words_of_a_warning_are_not_scored() -> None:
    notes = coach_notes(
        "Sorry, but insults break our community rules.", "en", None, 0, kind="warning"
    )
    assert notes and all(note.helps is None and not note.rules for note in notes)


def test_every_reading_is_consistent_and_names_a_rule_of_the_principles() -> None:
    kinds: tuple[MessageKind, ...] = ("reply", "private_message", "follow_up", "statement")
    empty = analyze("", "en", AnalysisContext())
    for cue, touches in TOUCHES.items():
        assert all(touch.rule in RULES for touch in touches), cue
        for kind in kinds:
            usual = {t.helps for t in touches_for(cue, kind, empty) if t.usual}
            assert len(usual) <= 1, (cue, kind)  # "usually helps" is never both


# ---------------------------------------------------------------- coach vs judges


@dataclass(frozen=True)
class Said:
    """One message of a scripted session: to which inject's post, how, and the words."""

    source: str
    kind: MessageKind
    text: str
    late: int = 60  # seconds after the post


SCRIPTS: list[list[Said]] = [
    [
        Said(
            "inject:complaint_first",
            "reply",
            "We are so sorry the dress looks nothing like the photo: it was our mistake.",
        ),
        Said("inject:complaint_second", "reply", "That is your fault, you should have read it."),
        Said("inject:complaint_latam", "reply", "Thank you for your patience. Check our FAQ."),
    ],
    [
        Said("inject:complaint_first", "reply", "That is false, the photos are accurate, idiot."),
        Said("inject:complaint_second", "reply", "All here: https://zurcida.example/returns"),
        Said("inject:troll_abuse", "reply", "Insults break our community rules, please stop."),
    ],
    [
        Said("inject:complaint_first", "reply", "Sorry! Tell us your order number here."),
        Said("inject:complaint_second", "private_message", "Sorry! What is your order number?"),
        Said(
            "inject:complaint_latam",
            "reply",
            "So sorry: we will fix it and refund you in full, plus a voucher for 20 euros.",
        ),
        Said("inject:rumour_second_hand", "reply", "We are sorry about that, we admit it."),
    ],
    [
        Said("inject:troll_abuse", "reply", "We're so sorry, we'll do better."),
        Said("inject:complaint_first", "reply", "We're really sorry about this."),
        Said("inject:complaint_second", "reply", "Please remember our community rules."),
    ],
]


def _play(
    loaded: LoadedScenario, folder: Path, script: list[Said]
) -> tuple[tuple[Finding, ...], dict[str, MessageKind], dict[str, Judgement]]:
    """Play a script on the flagship and score it.

    Returns:
        The findings, which kind each text was sent as, and the engine's judgement of
        each answer (the one the crowd reacted to and the coach shows).
    """
    path = folder / f"coach-{len(list(folder.glob('*.jsonl')))}.jsonl"
    log = SessionLog(path)
    judged: dict[str, Judgement] = {}

    def reader(text: str, language: str, **context: Any) -> ReplyReading:
        reading = read_reply(text, language, **context)
        if reading.judgement is not None:
            judged[text] = reading.judgement
        return reading

    session = Session(
        loaded,
        seed=1,
        reader=reader,
        language="en",
        subscribers=[log.record],
        trainee="coach",
    )
    injects = {
        inject.id: inject.at_minute for inject in loaded.scenario.injects if inject.at_minute
    }
    steps = sorted(script, key=lambda said: injects[said.source.split(":")[1]])
    kinds: dict[str, MessageKind] = {}
    for said in steps:
        session.advance_to(injects[said.source.split(":")[1]] * 60 + said.late)
        post = next(p for p in session.post_order if p.source == said.source)
        action: Action = (
            Reply(post.id, said.text)
            if said.kind == "reply"
            else PrivateMessage(post.id, said.text)
            if said.kind == "private_message"
            else Statement(said.text, ("chirp",))
        )
        session.act(action)
        kinds[said.text] = said.kind
    session.advance_to(session.end_time)
    session.close()
    return score(loaded.scenario, read_log(path).records).findings, kinds, judged


def test_the_coach_names_every_rule_the_judges_tie_to_a_cue(
    flagship: LoadedScenario, tmp_path: Path
) -> None:
    """Every finding whose evidence is exactly a cue's words is one the coach foresaw.

    Findings that quote a whole message (an answer on time, say) are about the message,
    not about words in it, and are left out.

        The old table of the TUI fails this: it said an apology touches H2 and blame E2,
        while the judges credit an apology under E1 and H1 and charge blame under H1.
    """
    requires = flagship.scenario.scoring.statement.requires
    seen: set[tuple[str, str, str]] = set()
    for script in SCRIPTS:
        findings, kinds, judged = _play(flagship, tmp_path, script)
        for finding in findings:
            evidence = finding.evidence
            if evidence is None or evidence.text not in kinds:
                continue
            if (evidence.start, evidence.end) == (0, len(evidence.text)):
                continue  # the judges quote a whole message when no words earned the point
            kind = kinds[evidence.text]
            analysis = analyze(evidence.text, "en", AnalysisContext())
            readings = read_message(analysis, kind, requires, judged.get(evidence.text))
            for reading in readings:
                if (reading.hit.start, reading.hit.end) != (evidence.start, evidence.end):
                    continue
                said = {(touch.rule, touch.helps) for touch in reading.touches}
                judgement = judged.get(evidence.text)
                if judgement is not None and in_situation(reading.hit, kind, judgement):
                    # Read in its situation, the coach shows exactly the judges' reading.
                    said = {(t.rule, t.helps) for t in reading.touches if t.usual}
                assert (finding.rule, finding.severity == "+") in said, (
                    reading.hit.cue,
                    kind,
                    finding.rule,
                    finding.severity,
                    finding.message,
                )
                seen.add((reading.hit.cue, finding.rule, finding.severity))
    # The scripts reach the readings that matter, not only a few easy ones.
    for expected in (
        ("apology", "E1", "+"),
        ("apology", "H1", "+"),
        ("blame", "H1", "-"),
        ("hostility", "E2", "-"),
        ("denial", "H1", "-"),
        ("link_only", "P4", "-"),
        ("data_request", "C3", "-"),
        ("data_request", "C3", "+"),
        ("rules_citation", "C4", "+"),
        ("compensation", "E5", "+"),
        ("apology", "C4", "-"),
        ("apology", "E4", "-"),
        ("rules_citation", "C4", "-"),
    ):
        assert expected in seen, (expected, sorted(seen))


# ---------------------------------------------------------------- drawing helpers


def test_overlapping_spans_are_styled_once() -> None:
    assert merged([(5, 9), (0, 3), (2, 4), (9, 12)]) == [(0, 4), (5, 12)]
    content = highlighted("we will refund you today.", [(0, 18), (0, 24)])
    assert content.plain == "we will refund you today."
    assert [(span.start, span.end) for span in content.spans] == [(0, 24)]


def test_the_mood_sparkline_has_a_fixed_scale() -> None:
    assert sparkline([-1.0, 0.0, 1.0], 10) == "▁▅█"
    assert sparkline([0.2] * 30, 4) == "▅▅▅▅"
