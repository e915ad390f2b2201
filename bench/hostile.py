"""What the hostile corpus costs: time and peak memory of each command on each bomb.

For every bomb (tests/data/broken/bomb-*.yaml, refused by validate; tests/data/hostile/
*.yaml, which validate and are stopped by the engine's budgets) it runs `validate`,
`simulate --policy ignorer` and `check --seeds 1` as a user would, each in its own
process, and prints wall time and peak resident memory (targets: under 10 s and
300 MB each). Then `analyze` on replies of 10 KB, 100 KB and 1 MB (linear: the
analyzer reads at most MAX_READ_CHARS of a reply), and `report` on the biggest log a
session can write under the budgets, and how long finishing a flooded session takes.

Run: .venv/bin/python bench/hostile.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CLI = Path(sys.executable).parent / "crisisdrill"
BOMBS = [
    *sorted((REPO / "tests" / "data" / "broken").glob("bomb-*.yaml")),
    *sorted((REPO / "tests" / "data" / "hostile").glob("*.yaml")),
]
TARGET_SECONDS = 10.0
TARGET_MB = 300.0
REPLY_SIZES = (10_000, 100_000, 1_000_000)


@dataclass(frozen=True)
class Cost:
    """One command's run: exit code, wall seconds, peak resident memory in MB."""

    code: int
    seconds: float
    peak_mb: float

    def cell(self) -> str:
        """``1.23 s  61 MB``, flagged when over a target."""
        over = self.seconds >= TARGET_SECONDS or self.peak_mb >= TARGET_MB
        return f"{self.seconds:6.2f} s {self.peak_mb:5.0f} MB{' !' if over else '  '}"


def measure(args: list[str], data_dir: Path, stdin: bytes | None = None) -> Cost:
    """Run ``crisisdrill ARGS`` in its own process; its own peak memory (``wait4``)."""
    env = {**os.environ, "CRISISDRILL_DATA_DIR": str(data_dir)}
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(CLI), *args],
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    if stdin is not None and process.stdin is not None:
        process.stdin.write(stdin)
        process.stdin.close()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return Cost(process.returncode, seconds, usage.ru_maxrss / 1024)  # ru_maxrss is KB


def bombs(data_dir: Path) -> None:
    """One row per bomb: validate, simulate and check."""
    print(f"{'bomb':<22} {'size':>7}  {'validate':<20} {'simulate':<20} {'check':<20}")
    for bomb in BOMBS:
        costs = [
            measure(["validate", str(bomb)], data_dir),
            measure(["simulate", str(bomb), "--policy", "ignorer"], data_dir),
            measure(["check", str(bomb), "--seeds", "1"], data_dir),
        ]
        size = f"{bomb.stat().st_size / 1024:.1f} KB"
        cells = "".join(f"{cost.cell():<20} " for cost in costs)
        codes = "/".join(str(cost.code) for cost in costs)
        print(f"{bomb.stem:<22} {size:>7}  {cells} exit {codes}")


def replies(data_dir: Path) -> None:
    """``analyze`` on ever longer replies: the time must not grow with the text."""
    sentence = "Lo sentimos mucho, Ana: te escribimos por privado para el reembolso hoy. "
    from game.services.analyze import analyze_reply

    analyze_reply(sentence, "es", "Ana")  # the catalogue loads once, before timing
    for size in REPLY_SIZES:
        text = (sentence * (size // len(sentence) + 1))[:size]
        cost = measure(["analyze", "--lang", "es", "--json"], data_dir, text.encode())
        started = time.perf_counter()
        analyze_reply(text, "es", "Ana")
        inside = (time.perf_counter() - started) * 1000
        print(f"analyze {size // 1000:>5} KB reply: {cost.cell()} (in-process: {inside:.0f} ms)")


def biggest_log(data_dir: Path) -> None:
    """``report`` on the log of a session the post budget stopped."""
    heavy = REPO / "tests" / "data" / "hostile" / "heavy.yaml"
    measure(["simulate", str(heavy), "--policy", "ignorer"], data_dir)
    log = max((data_dir / "sessions").glob("heavy-*.jsonl"), key=lambda p: p.stat().st_size)
    cost = measure(["report", str(log)], data_dir)
    print(f"report of a budget-stopped log ({log.stat().st_size / 2**20:.1f} MiB): {cost.cell()}")


def leaving() -> None:
    """Finishing a flooded session at minute 1: the crowd runs on to the budget, then scoring.

    In-process, as the console does it (target: under a second in all).
    """
    from game.engine import Session
    from game.journal.logfile import SessionLog
    from game.scenario import load_scenario
    from game.services.report import score_log
    from scoring import read_reply

    for bomb in sorted((REPO / "tests" / "data" / "hostile").glob("*.yaml")):
        with tempfile.TemporaryDirectory() as folder:
            log = SessionLog.numbered(Path(folder), bomb.stem)
            session = Session(
                load_scenario(bomb), seed=7, reader=read_reply, subscribers=[log.record]
            )
            session.advance(60)
            started = time.perf_counter()
            session.leave()
            log.close()
            left = time.perf_counter() - started
            score_log(log.path)
            scored = time.perf_counter() - started - left
        print(
            f"finish {bomb.stem:<8} at minute 1: crowd runs on {left:.2f} s, "
            f"scoring {scored:.2f} s ({len(session.posts):,} posts; "
            f"{session.budget_message() or 'ran to its end'})"
        )


def main() -> None:
    print(f"targets: each command under {TARGET_SECONDS:.0f} s and {TARGET_MB:.0f} MB ('!': over)")
    with tempfile.TemporaryDirectory(prefix="crisisdrill-hostile-") as folder:
        data_dir = Path(folder)
        bombs(data_dir)
        print()
        replies(data_dir)
        biggest_log(data_dir)
    print()
    leaving()


if __name__ == "__main__":
    main()
