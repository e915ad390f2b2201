"""Sessions started at the same moment in one data folder never share a log."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from game.journal.logfile import read_log

RUNS = 6


def test_simultaneous_simulations_each_write_a_log_of_their_own(tmp_path: Path) -> None:
    env = {**os.environ, "CRISISDRILL_DATA_DIR": str(tmp_path)}
    command = [sys.executable, "-m", "game", "simulate", "caida_servicio"]
    command += ["--policy", "ideal", "--seed", "7", "--json"]
    processes = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(RUNS)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0] * RUNS, outputs[0][1]
    runs = [json.loads(out)[0] for out, _err in outputs]
    logs = sorted(tmp_path.glob("sessions/*.jsonl"))
    assert len(logs) == RUNS
    assert sorted(Path(run["log"]) for run in runs) == logs
    # Same scenario, seed and bot: every log holds one whole session, the same one.
    assert len({len(read_log(path).records) for path in logs}) == 1
    assert len({json.dumps(run["scores"], sort_keys=True) for run in runs}) == 1
    assert not list(tmp_path.glob("sessions/.*.partial"))
