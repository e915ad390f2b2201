"""Own-words playbooks against today's scorer: one row per scenario, language and player.

Usage: python bench/playbooks.py [--seeds 1-3] [--players expert,careless]

Plays ``examples/playbooks/own/<scenario>-<player>.yaml`` on every built-in scenario in
Spanish and English over the seeds, scores each session from its log as the game does
(``scoring.score``, as ``game/services/check/balance.py`` does), and prints the mean of
each dimension and the final phases reached. The playbooks were written without the
scenarios' model replies, so the table shows how the scorer judges replies it was not
tuned on. Ends with the seconds the whole table took.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from game.engine.playbook import PlaybookPlayer, load_playbook
from game.engine.simulate import play
from game.journal.logfile import read_log
from game.scenario import load_scenario
from scoring import read_reply
from scoring.scorer import score

REPO = Path(__file__).resolve().parent.parent
OWN = REPO / "examples" / "playbooks" / "own"
KEYS = ("overall", "speed", "empathy", "channel", "honesty", "containment")


def _seeds(text: str) -> list[int]:
    """``1-3`` or ``1,4,7`` as a list of seeds."""
    if "-" in text:
        first, last = text.split("-", 1)
        return list(range(int(first), int(last) + 1))
    return [int(part) for part in text.split(",")]


def _mean(values: list[int | None]) -> str:
    judged = [value for value in values if value is not None]
    return f"{statistics.mean(judged):.0f}" if judged else "-"


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="1-3", help="e.g. 1-3 or 1,5,9 (default 1-3)")
    parser.add_argument("--players", default="expert,careless")
    options = parser.parse_args()
    seeds = _seeds(options.seeds)
    players = options.players.split(",")
    start = time.perf_counter()
    header = f"{'scenario':16}{'lang':5}{'player':9}" + "".join(f"{k[:7]:>8}" for k in KEYS)
    print(f"own-words playbooks, seeds {options.seeds} (mean; final phases)")
    print(header + "  final phase")
    with tempfile.TemporaryDirectory(prefix="crisisdrill-playbooks-") as folder:
        for path in sorted((REPO / "scenarios").glob("*.yaml")):
            loaded = load_scenario(path)
            kind = {phase.id: phase.final for phase in loaded.scenario.phases}
            for language in ("es", "en"):
                for player in players:
                    playbook = load_playbook(OWN / f"{path.stem}-{player}.yaml")
                    cards = []
                    finals: Counter[str] = Counter()
                    for seed in seeds:
                        run = play(
                            loaded,
                            PlaybookPlayer(playbook=playbook),
                            seed=seed,
                            language=language,
                            reader=read_reply,
                            log_dir=Path(folder),
                        )
                        assert run.log is not None
                        cards.append(score(loaded.scenario, read_log(Path(run.log)).records))
                        finals[run.final_phase] += 1
                    scores = [card.scores() for card in cards]
                    cells = "".join(f"{_mean([s[k] for s in scores]):>8}" for k in KEYS)
                    phases = ", ".join(
                        f"{phase}{'+' if kind.get(phase) == 'good' else ''} {n}/{len(seeds)}"
                        for phase, n in finals.most_common()
                    )
                    print(f"{path.stem:16}{language:5}{player:9}{cells}  {phases}")
    print(f"({time.perf_counter() - start:.1f} s; '+' marks a good final phase)")


if __name__ == "__main__":
    main()
