"""How long a returning workshop trainee waits for their session: resuming from its log.

Usage: python bench/resume.py [SCENARIO ...] [--policy NAME] [--seed N]

For each scenario (default: every built-in one), a bot plays a whole session into a
log in a temporary folder; the log is then cut where the session ended (its ``end``
and ``close`` records dropped, as if the game had been stopped just before) and
resumed as a seat does (``Game.resume``: lock, read, replay, fill the console's
bookkeeping). Prints the log's size and records and the seconds the resume took,
cold (in a new process, as a seat's: the scenario's phase machine and the reply
analyzer are built by the resume) and warm (again in this process). The seat does
this before its first screen, so the cold figure is the trainee's wait.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from game.engine.policies import POLICIES
from game.engine.simulate import play
from game.scenario.catalog import builtin_scenario_dir, resolve_scenario
from game.tui.controller import Game
from scoring import read_reply


def cut_before_end(path: Path) -> Path:
    """A copy of the log without its ``end`` and ``close`` records (a session in play)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if json.loads(line)["type"] not in ("end", "close")]
    cut = path.with_name(f"cut-{path.name}")
    cut.write_text("".join(kept), encoding="utf-8")
    return cut


_COLD = """
import sys, time
from pathlib import Path
from game.tui.controller import Game
start = time.perf_counter()
Game.resume(Path(sys.argv[1]))  # nothing played: the log is left as it was
print(time.perf_counter() - start)
"""


def cold_seconds(path: Path) -> float:
    """The resume's seconds in a new process (the game's modules imported, nothing built)."""
    done = subprocess.run(
        [sys.executable, "-c", _COLD, str(path)], capture_output=True, text=True, check=True
    )
    return float(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenarios", nargs="*")
    parser.add_argument("--policy", default="ideal", choices=sorted(POLICIES))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    names = args.scenarios or sorted(p.stem for p in builtin_scenario_dir().glob("*.yaml"))
    print(f"{'scenario':<16} {'KiB':>6} {'records':>8} {'cold s':>7} {'warm s':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            loaded = resolve_scenario(name)
            language = loaded.scenario.meta.languages[0]
            player = POLICIES[args.policy]()
            run = play(
                loaded,
                player,
                seed=args.seed,
                language=language,
                reader=read_reply,
                log_dir=Path(folder) / name,
            )
            assert run.log is not None
            cut = cut_before_end(Path(run.log))
            records = len(cut.read_text(encoding="utf-8").splitlines())
            cold = cold_seconds(cut)
            start = time.perf_counter()
            game = Game.resume(cut)
            seconds = time.perf_counter() - start
            game.finish()  # lets the crisis run on to its end into the cut log
            size = cut.stat().st_size / 1024
            print(f"{name:<16} {size:>6.0f} {records:>8} {cold:>7.2f} {seconds:>7.2f}")


if __name__ == "__main__":
    main()
