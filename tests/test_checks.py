"""Whole-scenario checks beyond the broken-file corpus, on small edits of the minimal file."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario import load_scenario
from tests.conftest import MINIMAL
from tests.helpers import problems_of

EXTRA_PHASES = """\
  - id: escalating
    name: {es: Escalada, en: Escalating}
  - id: meltdown
    name: {es: Descontrol, en: Meltdown}
    final: bad
"""

FOREIGN_PERSONA = """\
  - id: tourist
    archetype: foreign_customer
    locales: {fr_FR: 1}
    followers: {min: 10, max: 100}
    patience_minutes: 10
    temper: 0.3
    writes_in: fr
"""


def edit(text: str, *replacements: tuple[str, str]) -> str:
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def messages(tmp_path: Path, text: str) -> list[str]:
    return [line.split(": ", 1)[1] for line in problems_of(tmp_path, text)]


def test_minimal_is_valid_and_hashed() -> None:
    first = load_scenario(MINIMAL)
    assert first.scenario.meta.id == "minimal"
    assert first.content_hash == load_scenario(MINIMAL).content_hash
    assert len(first.content_hash) == 64


def test_star_transition_reaches_from_every_non_final_phase(
    tmp_path: Path, minimal_text: str
) -> None:
    text = edit(
        minimal_text,
        ("  - id: resolved\n", EXTRA_PHASES + "  - id: resolved\n"),
        (
            "transitions:\n",
            "transitions:\n  - from: calm\n    to: escalating\n"
            "    when: {metric: unanswered, above: 2}\n"
            '  - from: "*"\n    to: meltdown\n    when: {metric: sentiment, below: -0.5}\n'
            "  - from: escalating\n    to: resolved\n    when: {metric: statements, at_least: 1}\n",
        ),
    )
    assert messages(tmp_path, text) == []


def test_final_phase_cannot_be_left(tmp_path: Path, minimal_text: str) -> None:
    text = edit(
        minimal_text,
        (
            "transitions:\n",
            "transitions:\n  - from: resolved\n    to: calm\n    when: {after_minute: 5}\n",
        ),
    )
    assert messages(tmp_path, text) == [
        "phase 'resolved' is final (the session ends there), so this transition can never be taken"
    ]


def test_first_phase_cannot_be_final_and_one_phase_must_be(
    tmp_path: Path, minimal_text: str
) -> None:
    text = edit(
        minimal_text,
        ("    name: {es: Calma, en: Calm}\n", "    name: {es: Calma, en: Calm}\n    final: bad\n"),
    )
    assert "the first phase ('calm') is where sessions start; it cannot be final" in messages(
        tmp_path, text
    )
    text = edit(minimal_text, ("    final: good\n", ""))
    found = messages(tmp_path, text)
    assert "no phase is final; mark the phases that end a session with final: good or bad" in found
    assert any("phase 'resolved' has no way out" in m for m in found)


def test_transition_to_itself(tmp_path: Path, minimal_text: str) -> None:
    text = edit(
        minimal_text,
        (
            "    when: {after_minute: 10}\n",
            "    when: {after_minute: 10}\n  - from: calm\n    to: calm\n"
            "    when: {after_minute: 3}\n",
        ),
    )
    assert messages(tmp_path, text) == ["transition from 'calm' to itself"]


@pytest.mark.parametrize(
    ("follow", "expected"),
    [
        ("follows: complaint", "an inject cannot follow itself"),
        ("follows: ghost", "unknown inject 'ghost'; defined injects: complaint"),
    ],
)
def test_follows_references(tmp_path: Path, minimal_text: str, follow: str, expected: str) -> None:
    text = edit(minimal_text, ("    persona: regular\n", f"    persona: regular\n    {follow}\n"))
    assert messages(tmp_path, text) == [expected]


def test_follow_up_needs_same_author_and_later_minute(tmp_path: Path, minimal_text: str) -> None:
    follow_up = """\
  - id: again
    at_minute: 1
    channel: chirp
    persona: tourist
    follows: complaint
    tone: negative
    text:
      - {fr: "Toujours rien."}
"""
    text = edit(
        minimal_text,
        ("phases:\n", FOREIGN_PERSONA + "phases:\n"),
        ("injects:\n", "injects:\n" + follow_up),
    )
    assert messages(tmp_path, text) == [
        "minute 1 is not after minute 1 of 'complaint', which this inject follows",
        "follows 'complaint', written by persona 'regular', but this inject's persona is "
        "'tourist'; a follow-up has the same author",
    ]


def test_foreign_persona_writes_only_in_its_language(tmp_path: Path, minimal_text: str) -> None:
    text = edit(
        minimal_text,
        ("phases:\n", FOREIGN_PERSONA + "phases:\n"),
        ("    persona: regular\n", "    persona: tourist\n"),
        (
            '      - {es: "{brand}, mi café llegó frío.", en: "{brand}, my coffee arrived cold."}',
            '      - {fr: "{brand}, mon café était froid."}',
        ),
    )
    missing_french = (
        "missing the 'fr' text: this persona writes in 'fr' (writes_in), "
        "and so do good replies to it"
    )
    # The good reply is still in Spanish and English: it must answer in French (E6).
    assert messages(tmp_path, text) == [missing_french]
    text = edit(
        text,
        (
            '- {es: "Lo sentimos, {first_name}.", en: "We are sorry, {first_name}."}',
            '- {fr: "Pardon, {first_name}."}',
        ),
    )
    bad_reply = '      bad:\n        - text: {es: "Mira la web."}\n          breaks: E6\n'
    text = edit(
        text,
        (
            '        - {fr: "Pardon, {first_name}."}\n',
            '        - {fr: "Pardon, {first_name}."}\n' + bad_reply,
        ),
    )
    assert messages(tmp_path, text) == []
    text_without_french = edit(text, ('{fr: "{brand}, mon café était froid."}', '{es: "Frío."}'))
    assert messages(tmp_path, text_without_french) == [missing_french]


def test_undeclared_language_in_a_briefing_text(tmp_path: Path, minimal_text: str) -> None:
    text = edit(
        minimal_text,
        ("  title: {es: Mínimo, en: Minimal}", "  title: {es: Mínimo, en: Minimal, fr: Minimal}"),
    )
    assert messages(tmp_path, text) == [
        "language 'fr' is not one this text may use (en, es); add it to meta.languages or remove it"
    ]


def test_author_placeholders_only_where_an_author_exists(tmp_path: Path, minimal_text: str) -> None:
    text = edit(
        minimal_text,
        ("{es: Sin insultos., en: No insults.}", '{es: "Sin insultos {name}.", en: No insults.}'),
    )
    assert messages(tmp_path, text) == [
        "placeholder '{name}' is filled by nothing here; this text can use: {brand}, {brand_handle}"
    ]


def test_custom_placeholders_fill_posts(tmp_path: Path, minimal_text: str) -> None:
    text = edit(
        minimal_text,
        ("phases:\n", "placeholders:\n  drink:\n    - {es: café, en: coffee}\nphases:\n"),
        ("my coffee arrived cold", "my {drink} arrived cold, {{sic}}"),
    )
    assert messages(tmp_path, text) == []


def test_crowd_volume_needs_templates(tmp_path: Path, minimal_text: str) -> None:
    text = edit(
        minimal_text,
        (
            "    name: {es: Calma, en: Calm}\n",
            "    name: {es: Calma, en: Calm}\n    crowd_per_minute: 2\n",
        ),
    )
    assert messages(tmp_path, text) == [
        "phase 'calm' wants 2 crowd posts a minute but no crowd template has a weight for it"
    ]


def test_unknown_faker_locale(tmp_path: Path, minimal_text: str) -> None:
    text = edit(minimal_text, ("{es_ES: 1}", "{es_ES: 1, es_XX: 1}"))
    found = messages(tmp_path, text)
    assert len(found) == 1
    assert found[0].startswith(
        "'es_XX' is not a Faker locale (such as es_ES, es_MX, en_US); did you mean"
    )


def test_sentiment_outside_its_range(tmp_path: Path, minimal_text: str) -> None:
    text = edit(minimal_text, ("when: {after_minute: 10}", "when: {metric: sentiment, above: 2}"))
    assert messages(tmp_path, text) == ["sentiment goes from -1 to 1; above 2 can never be decided"]


def test_fact_timing(tmp_path: Path, minimal_text: str) -> None:
    text = edit(
        minimal_text,
        ("    brand_at_fault: true\n", "    brand_at_fault: true\n    revealed_at_minute: 30\n"),
    )
    assert messages(tmp_path, text) == [
        "fact 'cold-coffee' revealed at minute 30 would never be known: the scenario ends at "
        "minute 20 (meta.duration_minutes)"
    ]
    text = edit(
        minimal_text, ("    truth: true\n", "    truth: unknown\n    revealed_at_minute: 5\n")
    )
    assert messages(tmp_path, text) == [
        "a fact whose truth is 'unknown' cannot be revealed; give it truth true or false, or drop "
        "revealed_at_minute"
    ]


def test_after_minute_beyond_the_end(tmp_path: Path, minimal_text: str) -> None:
    text = edit(
        minimal_text,
        (
            "when: {after_minute: 10}",
            "when: {any: [{after_minute: 25}, {fact_revealed: cold-coffee}]}",
        ),
    )
    assert messages(tmp_path, text) == [
        "after_minute 25 can never hold: the scenario ends at minute 20 (meta.duration_minutes)"
    ]


def test_metric_condition_needs_one_comparison(tmp_path: Path, minimal_text: str) -> None:
    text = edit(minimal_text, ("when: {after_minute: 10}", "when: {not: {metric: reach}}"))
    assert messages(tmp_path, text) == ["give exactly one of above, below, at_least, at_most"]


def test_inject_needs_exactly_one_trigger(tmp_path: Path, minimal_text: str) -> None:
    text = edit(
        minimal_text, ("    at_minute: 1\n", "    at_minute: 1\n    when: {after_minute: 2}\n")
    )
    assert messages(tmp_path, text) == ["give exactly one of at_minute or when"]


def test_duplicate_ids(tmp_path: Path, minimal_text: str) -> None:
    text = edit(minimal_text, ("  - id: resolved\n", "  - id: calm\n"))
    found = messages(tmp_path, text)
    assert "duplicate id 'calm' in phases (also item 1)" in found


def test_bad_id_and_handle_patterns(tmp_path: Path, minimal_text: str) -> None:
    text = edit(
        minimal_text,
        ('handle: "@brava"', 'handle: "brava"'),
        ("  id: minimal\n", "  id: Minimal Scenario\n"),
    )
    assert messages(tmp_path, text) == [
        "expected an id (lower-case letters, digits, '-' or '_', starting with a letter), "
        "got the text 'Minimal Scenario'",
        "expected a handle such as '@brand' (letters, digits or '_' after the @), "
        "got the text 'brava'",
    ]


def test_follow_up_cycles(tmp_path: Path, minimal_text: str) -> None:
    cycle = """\
  - id: b
    when: {after_minute: 2}
    channel: chirp
    persona: regular
    follows: complaint
    tone: negative
    text: [{es: "B", en: "B"}]
"""
    text = edit(
        minimal_text,
        ("    at_minute: 1\n", "    when: {after_minute: 1}\n    follows: b\n"),
        ("injects:\n", "injects:\n" + cycle),
    )
    assert messages(tmp_path, text) == [
        "follow-ups go round in a circle (b > complaint > b); one of them must come first"
    ]


def test_reaction_reaching_a_foreign_persona_needs_its_language(
    tmp_path: Path, minimal_text: str
) -> None:
    reaction = (
        "reactions:\n  - id: angry\n    archetypes: [foreign_customer]\n    trigger: ignored\n"
        "    then: {post: {tone: negative, text: [{es: Nada., en: Nothing.}]}}\n"
    )
    text = edit(minimal_text, ("phases:\n", FOREIGN_PERSONA + "phases:\n")) + reaction
    found = messages(tmp_path, text)
    assert found == ["missing the 'fr' text; every text needs each language in meta.languages"]


def test_custom_placeholder_needs_values_in_the_text_language(
    tmp_path: Path, minimal_text: str
) -> None:
    text = edit(
        minimal_text,
        (
            "phases:\n",
            FOREIGN_PERSONA + "placeholders:\n  drink: [{es: café, en: coffee}]\nphases:\n",
        ),
        ("    persona: regular\n", "    persona: tourist\n"),
        (
            '      - {es: "{brand}, mi café llegó frío.", en: "{brand}, my coffee arrived cold."}',
            '      - {fr: "Mon {drink} était froid."}',
        ),
        (
            '- {es: "Lo sentimos, {first_name}.", en: "We are sorry, {first_name}."}',
            '- {fr: "Pardon."}',
        ),
    )
    assert messages(tmp_path, text) == [
        "placeholder '{drink}' has no 'fr' values; give every value of placeholders.drink a "
        "'fr' text, or do not use it here"
    ]


def test_waits_beyond_the_end(tmp_path: Path, minimal_text: str) -> None:
    text = edit(minimal_text, ("when: {after_minute: 10}", "when: {minutes_in_phase: 20}"))
    assert messages(tmp_path, text) == [
        "minutes_in_phase 20 can never hold: the scenario ends at minute 20 (meta.duration_minutes)"
    ]


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
def test_no_infinite_or_nan_numbers(tmp_path: Path, minimal_text: str, value: str) -> None:
    text = edit(minimal_text, ("    temper: 0.5\n", f"    temper: {value}\n"))
    assert len(messages(tmp_path, text)) == 1


def test_hidden_control_characters_in_texts(tmp_path: Path, minimal_text: str) -> None:
    text = edit(
        minimal_text,
        ("{es: Sin insultos., en: No insults.}", '{es: "Sin \\u202einsultos.", en: No insults.}'),
    )
    assert messages(tmp_path, text) == [
        "invisible control character U+202E at character 5; remove it"
    ]


def test_errors_on_map_keys_point_at_the_key(tmp_path: Path, minimal_text: str) -> None:
    text = edit(
        minimal_text, ("  title: {es: Mínimo, en: Minimal}", "  title: {ES: Mínimo, en: Minimal}")
    )
    lines = problems_of(tmp_path, text)
    assert lines[0].startswith("s.yaml:6:11: expected a two-letter language code")


def test_duplicate_key_keeps_messages_on_the_first_value(tmp_path: Path, minimal_text: str) -> None:
    text = edit(
        minimal_text,
        ("    visibility: public\n", "    visibility: pubic\n    visibility: public\n"),
    )
    assert problems_of(tmp_path, text) == [
        "s.yaml:20:17: expected one of 'public' or 'private', got the text 'pubic'",
        "s.yaml:21:5: duplicate key 'visibility' (first given at line 20)",
    ]


def test_two_kinds_in_one_condition(tmp_path: Path, minimal_text: str) -> None:
    text = edit(
        minimal_text, ("when: {after_minute: 10}", "when: {after_minute: 10, minutes_in_phase: 3}")
    )
    assert messages(tmp_path, text) == [
        "unknown key 'minutes_in_phase': a condition mapping holds one kind of condition; "
        "combine several with all: [...] or any: [...]"
    ]


def test_unknown_phase_in_both_ends(tmp_path: Path, minimal_text: str) -> None:
    text = edit(
        minimal_text, ("  - from: calm\n    to: resolved\n", "  - from: clam\n    to: resolvd\n")
    )
    found = messages(tmp_path, text)
    assert "unknown phase 'clam' (did you mean 'calm'?); defined phases: calm, resolved" in found
    assert (
        "unknown phase 'resolvd' (did you mean 'resolved'?); defined phases: calm, resolved"
        in found
    )
