"""The built-in bots on the flagship: the ideal player resolves it, the ignorer melts down."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli.simulate import POLICY_NAMES
from game.engine.playbook import PlaybookPlayer, load_playbook
from game.engine.policies import POLICIES
from game.engine.simulate import play
from game.scenario import LoadedScenario
from scoring import read_reply

SEEDS = range(1, 21)


def test_cli_lists_every_policy() -> None:
    assert set(POLICY_NAMES) == set(POLICIES)


@pytest.mark.parametrize("seed", SEEDS)
def test_ideal_resolves_and_ignorer_melts_down(flagship: LoadedScenario, seed: int) -> None:
    ideal = play(flagship, POLICIES["ideal"](), seed=seed, language="es", reader=read_reply)
    assert ideal.final_phase == "resolved", ideal.phases
    ignorer = play(flagship, POLICIES["ignorer"](), seed=seed, language="en", reader=read_reply)
    assert ignorer.final_phase == "meltdown", ignorer.phases


@pytest.mark.parametrize("name", sorted(POLICIES))
def test_every_policy_plays_a_whole_session(flagship: LoadedScenario, name: str) -> None:
    result = play(flagship, POLICIES[name](), seed=7, language="es", reader=read_reply)
    assert result.final_phase in {p.id for p in flagship.scenario.phases}
    assert result.phases[0] == "calm"
    assert result.rejected == 0
    if name != "ignorer":
        assert result.actions > 0


EXAMPLES = Path(__file__).parent.parent.parent / "examples" / "playbooks"


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_example_playbooks_load_and_play(flagship: LoadedScenario, path: Path) -> None:
    playbook = load_playbook(path)
    result = play(
        flagship, PlaybookPlayer(playbook=playbook), seed=2, language="es", reader=read_reply
    )
    assert result.policy == playbook.name
    assert result.actions > 0
    expected = "resolved" if playbook.name == "expert" else "meltdown"
    assert result.final_phase == expected, result.phases
