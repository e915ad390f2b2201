"""Own-words playbooks: an expert and a careless player for every built-in scenario.

The expert must reach a good ending in both languages, and the careless player must not
score above it. Scores are printed (``pytest -s``), not asserted against thresholds: the
scorer is being rewritten, and ``bench/playbooks.py`` tabulates them over more seeds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.playbook import Playbook, PlaybookPlayer, load_playbook, pick_variant
from game.engine.simulate import play
from game.engine.world import Post
from game.journal.logfile import read_log
from game.scenario import LoadedScenario, load_scenario
from scoring import read_reply
from scoring.scorer import score

REPO = Path(__file__).parent.parent.parent
OWN = REPO / "examples" / "playbooks" / "own"
SCENARIOS = sorted((REPO / "scenarios").glob("*.yaml"))
SEED = 1


def _post(number: int) -> Post:
    return Post(
        id=f"m{number}",
        time=0,
        channel="chirp",
        author="p1",
        text="",
        language="es",
        tone="negative",
        needs_reply=True,
        tags_brand=True,
        thread="t1",
        source="inject:x",
    )


EXPERT_AT_LEAST = 85
CARELESS_AT_MOST = 60


def _run(
    loaded: LoadedScenario, playbook: Playbook, language: str, log_dir: Path
) -> tuple[str, dict[str, int | None]]:
    """Play one session and score it from its log, as the game does."""
    run = play(
        loaded,
        PlaybookPlayer(playbook=playbook),
        seed=SEED,
        language=language,
        reader=read_reply,
        log_dir=log_dir,
    )
    assert run.log is not None
    assert run.rejected == 0, f"{playbook.name}: {run.rejected} actions refused"
    card = score(loaded.scenario, read_log(Path(run.log)).records)
    return run.final_phase, card.scores()


def test_a_text_list_gives_each_post_its_variant() -> None:
    variants = [{"es": "uno"}, {"es": "dos"}, {"es": "tres"}]
    assert [pick_variant(variants, _post(n))["es"] for n in (3, 4, 5, 6)] == [
        "uno",
        "dos",
        "tres",
        "uno",
    ]
    assert pick_variant({"es": "solo"}, _post(7)) == {"es": "solo"}
    assert pick_variant(variants, None) == {"es": "uno"}


def test_every_scenario_has_both_players() -> None:
    for path in SCENARIOS:
        for player in ("expert", "careless"):
            playbook = load_playbook(OWN / f"{path.stem}-{player}.yaml")
            assert playbook.name == f"{player}-{path.stem}"


def test_own_words_never_use_the_exemplars() -> None:
    for path in OWN.glob("*.yaml"):
        assert "exemplar" not in load_playbook(path).model_dump_json(), path.name


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_own_words_expert_passes_and_careless_fails(
    path: Path, language: str, tmp_path: Path
) -> None:
    loaded = load_scenario(path)
    final = {phase.id: phase.final for phase in loaded.scenario.phases}
    expert_phase, expert = _run(
        loaded, load_playbook(OWN / f"{path.stem}-expert.yaml"), language, tmp_path
    )
    careless_phase, careless = _run(
        loaded, load_playbook(OWN / f"{path.stem}-careless.yaml"), language, tmp_path
    )
    print(f"\n{path.stem} {language} expert   {expert_phase:10} {expert}")
    print(f"{path.stem} {language} careless {careless_phase:10} {careless}")
    assert final[expert_phase] == "good", expert_phase
    # What a trainer expects of a seasoned manager and of a tired junior, in our words.
    assert (expert["overall"] or 0) >= EXPERT_AT_LEAST, expert
    assert (careless["overall"] or 0) <= CARELESS_AT_MOST, careless


def test_the_authoring_guide_sketch_is_a_valid_playbook(tmp_path: Path) -> None:
    import re

    guide = (REPO / "docs" / "authoring.md").read_text(encoding="utf-8")
    (sketch,) = re.findall(r"```yml\n(.*?)```", guide, re.S)
    path = tmp_path / "sketch.yaml"
    path.write_text(sketch, encoding="utf-8")
    playbook = load_playbook(path)
    assert playbook.follow_up_text is not None
    assert {"facts", "unknown", "public_replies_at_least"} <= {
        key for rule in playbook.rules for key in rule.match.model_fields_set
    }
