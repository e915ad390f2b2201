"""`crisisdrill check`: lint findings located in the file, balance explained, a table."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from game.cli.check import CHECK_GAMING_SEEDS
from game.engine.policies import GAMING_POLICIES
from game.scenario import load_scenario
from game.scenario.catalog import builtin_scenario_dir
from game.scenario.lint import lint_scenario, thin_crowd
from game.scenario.loader import load_scenario_text
from game.services.check.balance import (
    GAMING_OVERALL_LIMIT,
    GAMING_SEEDS,
    IDEAL_OVERALL_FLOOR,
    SCORE_KEYS,
    BotResult,
    gaming_problems,
)
from tests.conftest import MINIMAL
from tests.helpers import run_cli

NO_GAMING_GATE = "--no-gaming-gate"
"""TEMPORARY, until the new scorer sees through the gaming bots: the tests below that
need a scenario to pass `check` (or count its problems) leave the gaming gate out.
Remove it from them when the scorer is merged (and from the Makefile's check)."""

EXTRA_PERSONAS = """\
  - id: lurker
    archetype: customer
    locales: {es_ES: 1}
    followers: {min: 10, max: 500}
    patience_minutes: 15
    temper: 0.5
  - id: tourist
    archetype: foreign_customer
    writes_in: fr
    locales: {fr_FR: 1}
    followers: {min: 10, max: 500}
    patience_minutes: 15
    temper: 0.3
"""

EXTRA_INJECTS = """\
  - id: never
    when: {metric: sentiment, above: 1}
    channel: chirp
    persona: regular
    tone: negative
    text:
      - {es: "Hola.", en: "Hello."}
    replies:
      good:
        - {es: "Hola.", en: "Hello."}
  - id: after-never
    follows: never
    at_minute: 5
    channel: chirp
    persona: regular
    tone: negative
    text:
      - {es: "¿Y bien?", en: "Well?"}
    replies:
      good:
        - {es: "Aquí estamos.", en: "We are here."}
  - id: bare
    at_minute: 2
    channel: chirp
    persona: tourist
    tone: negative
    text:
      - {fr: "Mon café est froid.", es: "Mi café está frío.", en: "My coffee is cold."}
      - {fr: "Toujours froid."}
"""

EXTRA_FACT = """\
  - id: unused
    statement: {es: Nadie habla de esto., en: Nobody talks about this.}
    truth: true
"""


def _linted(tmp_path: Path) -> Path:
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace("personas:\n", "personas:\n" + EXTRA_PERSONAS, 1)
    text = text.replace("personas:\n", EXTRA_FACT + "personas:\n", 1)
    path = tmp_path / "linted.yaml"
    path.write_text(text + EXTRA_INJECTS, encoding="utf-8")
    return path


def test_lint_finds_what_the_author_did_not_mean(tmp_path: Path) -> None:
    loaded = load_scenario(_linted(tmp_path))
    messages = [issue.message for issue in lint_scenario(loaded.scenario)]
    assert any("inject 'never' can never appear" in m for m in messages)
    assert any("inject 'after-never' can never appear: it follows 'never'" in m for m in messages)
    assert any("persona 'lurker' never writes" in m for m in messages)
    assert any("fact 'unused' is never used" in m for m in messages)
    assert any("inject 'bare' needs a reply but has no replies.good" in m for m in messages)
    assert any("this variant has no en, es text" in m for m in messages)
    assert not any("'regular'" in m or "'tourist'" in m for m in messages)
    assert not any("cold-coffee" in m for m in messages)


def test_the_flagship_has_nothing_to_lint() -> None:
    loaded = load_scenario(builtin_scenario_dir() / "rebajas.yaml")
    assert lint_scenario(loaded.scenario) == []


def test_thin_crowd_counts_placeholders_but_not_the_brand() -> None:
    text = MINIMAL.read_text(encoding="utf-8") + (
        "crowd:\n"
        "  - id: echo\n"
        "    persona: regular\n"
        "    channels: [chirp]\n"
        "    tone: negative\n"
        "    needs_reply: false\n"
        "    weights: {calm: 1}\n"
        "    text:\n"
        '      - {es: "{brand} otra vez.", en: "{brand} again."}\n'
        '      - {es: "Desde {city}: igual.", en: "From {city}: same."}\n'
    )
    loaded = load_scenario_text(text, "crowd.yaml")
    assert thin_crowd(loaded.scenario, {"echo": 150}) == []  # 1 + 5 wordings: 25 each
    (issue,) = thin_crowd(loaded.scenario, {"echo": 151})
    assert issue.path == ("crowd", 0, "text")
    assert "posted 151 times in one session from 2 wording(s)" in issue.message


def test_check_locates_lint_and_explains_balance(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _linted(tmp_path)
    result = run_cli(capsys, "check", str(path), "--seeds", "2", NO_GAMING_GATE)
    assert result.code == 1
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    lint = [line for line in lines if ": lint: " in line]
    assert len(lint) == 6
    for line in lint:
        file, line_number, column, _ = line.split(":", 3)
        assert file == str(path) and int(line_number) > 1 and int(column) >= 1
    assert any("balance: ignoring everything does not end badly" in line for line in lines)
    # No troll here: troll-feeder scores as the ideal bot does and is not held against it.
    assert not any("'troll-feeder'" in line for line in lines)
    assert "bots over seeds 1, 2" in result.out
    for bot in ("ideal", "slow", "corporate", "defensive", "troll-feeder", "banhammer"):
        assert f"\n  {bot} " in result.out
    assert "gaming bots (each must stay at or below 60 overall; not enforced" in result.out
    for bot in GAMING_POLICIES:
        assert f"\n  {bot} " in result.out
    assert not any("gaming bot" in line for line in lines)
    assert result.out.rstrip().endswith("check failed (8 problems)")


def test_check_of_a_broken_file_shows_the_validation_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("format: 1\nmeta: [\n", encoding="utf-8")
    result = run_cli(capsys, "check", str(path))
    assert result.code == 1
    assert result.err.startswith(f"{path}:")
    assert "not valid" in result.out


def test_check_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "check").code == 2
    assert run_cli(capsys, "check", str(MINIMAL), "--seeds", "0").code == 2


def test_the_scaffold_of_new_passes_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_cli(capsys, "new", "Mi crisis").code == 0
    result = run_cli(capsys, "check", "Mi crisis.yaml", "--seeds", "3")
    assert result.code == 0, result.err
    assert result.out.rstrip().endswith("Mi crisis.yaml: check passed")


def test_model_statements_must_hold_what_they_require() -> None:
    from game.services.check.statement_lint import statement_gaps

    text = MINIMAL.read_text(encoding="utf-8") + (
        "scoring:\n"
        "  statement:\n"
        "    requires: [apology, cause]\n"
        "    good:\n"
        '      - {es: "Lo sentimos: el café llegó frío porque falló la cafetera.",'
        ' en: "We are sorry."}\n'
    )
    loaded = load_scenario_text(text, "statement.yaml")
    (issue,) = statement_gaps(loaded.scenario)
    assert issue.path == ("scoring", "statement", "good", 0, "en")
    assert "finds no cause in this model statement (en)" in issue.message


def test_the_authoring_guide_builds_a_scenario_that_passes_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """docs/authoring.md's YAML blocks, joined in order, are a whole scenario."""
    import re

    from tests.conftest import REPO_DIR

    guide = (REPO_DIR / "docs" / "authoring.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", guide, re.S)
    path = tmp_path / "guide.yaml"
    path.write_text("".join(blocks), encoding="utf-8")
    result = run_cli(capsys, "check", str(path), "--seeds", "3")
    assert result.code == 0, result.err


def _bot(name: str, overall: float | None, *, gaming: bool = True) -> BotResult:
    """A bot's result with only its overall score (the gate reads nothing else)."""
    means: dict[str, float | None] = dict.fromkeys(SCORE_KEYS, 90.0)
    means["containment"] = 10.0
    means["overall"] = overall
    card: dict[str, int | None] = dict.fromkeys(SCORE_KEYS, 90)
    card["overall"] = None if overall is None else round(overall)
    return BotResult(
        name=name,
        means=means,
        finals=Counter(meltdown=2),
        good_endings=0,
        bad_endings=2,
        runs=2,
        per_seed=(card, card),
        gaming=gaming,
        strategy="Pastes the same words everywhere.",
    )


def test_the_gaming_gate_names_each_bot_that_scores_well() -> None:
    bots = {
        "ideal": _bot("ideal", 95, gaming=False),
        "template": _bot("template", GAMING_OVERALL_LIMIT + 1),
        "stuffer": _bot("stuffer", GAMING_OVERALL_LIMIT),  # at the limit: passes
        "early_quitter": _bot("early_quitter", None),  # never judged: passes
    }
    (problem,) = gaming_problems(bots)
    assert problem.startswith("the gaming bot 'template' scores 61 overall (per seed: 61, 61)")
    assert "above the limit of 60. Pastes the same words everywhere." in problem
    assert "speed 90 and empathy 90" in problem
    assert "--policy template" in problem


def test_the_gaming_gate_needs_an_ideal_bot_that_scores_well() -> None:
    bots = {
        "ideal": _bot("ideal", IDEAL_OVERALL_FLOOR - 1, gaming=False),
        "template": _bot("template", 20),
    }
    (problem,) = gaming_problems(bots)
    assert problem.startswith("the ideal bot scores 84 overall, below 85")
    bots["ideal"] = _bot("ideal", IDEAL_OVERALL_FLOOR, gaming=False)
    assert gaming_problems(bots) == []


def test_gaming_bots_play_fewer_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    assert CHECK_GAMING_SEEDS == GAMING_SEEDS
    result = run_cli(
        capsys, "check", str(MINIMAL), "--seeds", "2", "--gaming-seeds", "1", NO_GAMING_GATE
    )
    rows = {line.split()[0]: line for line in result.out.splitlines() if line.startswith("  ")}
    assert rows["ideal"].rstrip().endswith("/2")
    for name in GAMING_POLICIES:
        assert rows[name].rstrip().endswith("/1"), rows[name]
