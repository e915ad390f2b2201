"""A scenario's facilitator_injects: validated like injects, with file:line:col errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Session
from game.journal.events import PostArrived
from game.scenario import load_scenario
from game.scenario.catalog import builtin_scenario_dir
from game.scenario.lint import lint_scenario
from game.scenario.loader import load_scenario_text
from scoring import read_reply
from tests.helpers import problems_of

GOOD = """facilitator_injects:
  - id: late-call
    channel: chirp
    persona: regular
    tone: negative
    facts: [cold-coffee]
    text:
      - {es: "{brand}, sigo esperando.", en: "{brand}, still waiting."}
    replies:
      good:
        - {es: "Perdona, {first_name}.", en: "Sorry, {first_name}."}
"""


def _with(minimal_text: str, section: str) -> str:
    return minimal_text + section


def test_a_facilitator_inject_validates(minimal_text: str) -> None:
    loaded = load_scenario_text(_with(minimal_text, GOOD), "s.yaml")
    (pushed,) = loaded.scenario.facilitator_injects
    assert (pushed.id, pushed.persona, pushed.channel) == ("late-call", "regular", "chirp")
    assert lint_scenario(loaded.scenario) == []


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    lines = text.splitlines()
    found = [number for number, line in enumerate(lines, start=1) if needle in line]
    return found[occurrence - 1]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("persona: regular", "persona: nobody", "unknown persona 'nobody'"),
        ("channel: chirp", "channel: fax", "unknown channel 'fax'"),
        ("facts: [cold-coffee]", "facts: [warm]", "unknown fact 'warm'"),
        ('"{brand}, sigo', '"{brand} {nope}, sigo', "placeholder '{nope}' is filled by nothing"),
    ],
)
def test_a_bad_reference_is_named_at_its_line_and_column(
    minimal_text: str, tmp_path: Path, old: str, new: str, message: str
) -> None:
    text = _with(minimal_text, GOOD.replace(old, new))
    problems = problems_of(tmp_path, text)
    line = _line_of(text, new)
    assert any(p.startswith(f"s.yaml:{line}:") and message in p for p in problems), problems


def test_a_duplicate_id_is_named_at_the_second(minimal_text: str, tmp_path: Path) -> None:
    second = GOOD.removeprefix("facilitator_injects:\n")
    text = _with(minimal_text, GOOD + second)
    problems = problems_of(tmp_path, text)
    line = _line_of(text, "- id: late-call", occurrence=2)
    assert any(
        p.startswith(f"s.yaml:{line}:") and "duplicate id 'late-call' in facilitator_injects" in p
        for p in problems
    ), problems


def test_a_trigger_is_not_a_facilitator_injects_key(minimal_text: str, tmp_path: Path) -> None:
    text = _with(
        minimal_text, GOOD.replace("    tone: negative\n", "    tone: negative\n    at_minute: 3\n")
    )
    problems = problems_of(tmp_path, text)
    line = _line_of(text, "at_minute: 3")
    assert any(p.startswith(f"s.yaml:{line}:") for p in problems), problems


def test_lint_asks_for_a_model_reply(minimal_text: str) -> None:
    bare = GOOD.split("    replies:")[0]
    loaded = load_scenario_text(_with(minimal_text, bare), "s.yaml")
    (issue,) = lint_scenario(loaded.scenario)
    assert issue.path == ("facilitator_injects", 0, "id")
    assert "needs a reply but has no replies.good" in issue.message


@pytest.mark.parametrize("name", ["rebajas", "caida_servicio"])
@pytest.mark.parametrize("language", ["es", "en"])
def test_the_built_in_facilitator_injects_push(name: str, language: str) -> None:
    loaded = load_scenario(builtin_scenario_dir() / f"{name}.yaml")
    assert loaded.scenario.facilitator_injects
    session = Session(loaded, seed=1, reader=read_reply, language=language)
    session.advance(60)
    for pushed in loaded.scenario.facilitator_injects:
        events = session.push_inject(pushed.id)
        (post,) = [e.post for e in events if isinstance(e, PostArrived)]
        assert (post.source, post.language) == (f"facilitator:{pushed.id}", language)
        assert "{" not in post.text
