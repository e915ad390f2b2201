"""``crisisdrill simulate``: policies, playbooks, JSON output, and a run killed mid-way."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.engine.replay import rebuild_session
from game.journal.events import PostArrived
from game.paths import DATA_DIR_ENV
from scoring import read_reply
from tests.conftest import ENGINE_SCENARIO
from tests.helpers import run_cli

PLAYBOOK = """\
name: tidy
search_every_minutes: 5
follow_up_promises: true
rules:
  - match: {archetypes: [troll], warned: false}
    action: warn
    text: {es: "Sin insultos, por favor.", en: "No insults, please."}
  - match: {archetypes: [troll], warned: true}
    action: ban
  - match: {tones: [positive]}
    action: reply
    text: {es: "¡Gracias, {first_name}!", en: "Thanks, {first_name}!"}
  - match: {}
    after_minutes: 1
    action: reply
    text: exemplar
statements:
  - at_minute: 6
    text: exemplar
"""


def test_simulate_json_contract(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    result = run_cli(
        capsys,
        "simulate",
        str(ENGINE_SCENARIO),
        "--policy",
        "ideal",
        "--seed",
        "3",
        "--runs",
        "2",
        "--json",
    )
    assert result.code == 0, result.err
    runs = json.loads(result.out)
    assert [run["seed"] for run in runs] == [3, 4]
    for run in runs:
        assert {"scenario", "seed", "policy", "final_phase", "phases", "metrics", "log"} <= set(run)
        assert run["scenario"] == "engine-test"
        assert run["policy"] == "ideal"
        assert run["phases"][0] == "calm" and run["phases"][-1] == run["final_phase"]
        assert Path(run["log"]).is_file()
        assert Path(run["log"]).parent == isolated_data_dir / "sessions"
        scores = run["scores"]
        assert set(scores) == {"speed", "empathy", "channel", "honesty", "containment", "overall"}
        assert all(value is None or 0 <= value <= 100 for value in scores.values())


def test_simulate_is_deterministic(capsys: pytest.CaptureFixture[str]) -> None:
    first = json.loads(
        run_cli(capsys, "simulate", str(ENGINE_SCENARIO), "--policy", "corporate", "--json").out
    )
    second = json.loads(
        run_cli(capsys, "simulate", str(ENGINE_SCENARIO), "--policy", "corporate", "--json").out
    )
    assert first[0]["log"] != second[0]["log"]
    assert Path(first[0]["log"]).read_bytes() == Path(second[0]["log"]).read_bytes()
    del first[0]["log"], second[0]["log"]
    assert first == second


def test_simulate_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "simulate", str(ENGINE_SCENARIO), "--policy", "ignorer")
    assert result.code == 0
    assert result.out.startswith("seed 1: ")
    assert "\n  scores: speed 0, empathy -, " in result.out
    assert "\n  log: " in result.out


def test_playbook(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    playbook = tmp_path / "tidy.yaml"
    playbook.write_text(PLAYBOOK, encoding="utf-8")
    result = run_cli(
        capsys, "simulate", str(ENGINE_SCENARIO), "--playbook", str(playbook), "--json"
    )
    assert result.code == 0, result.err
    run = json.loads(result.out)[0]
    assert run["policy"] == "tidy"
    assert run["actions"] > 5
    assert run["metrics"]["statements"] == 1


def test_broken_playbook_is_located(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    playbook = tmp_path / "bad.yaml"
    playbook.write_text("name: x\nrules:\n  - action: shout\n    mach: {}\n", encoding="utf-8")
    result = run_cli(capsys, "simulate", str(ENGINE_SCENARIO), "--playbook", str(playbook))
    assert result.code == 1
    lines = result.err.splitlines()
    assert lines[0].startswith(f"{playbook}:3:13: expected one of 'reply', 'private_message'")
    assert lines[1].startswith(f"{playbook}:4:5: unknown key 'mach'; did you mean 'match'?")


@pytest.mark.parametrize(
    "args",
    [
        ["simulate", str(ENGINE_SCENARIO)],
        ["simulate", str(ENGINE_SCENARIO), "--policy", "genius"],
        ["simulate", str(ENGINE_SCENARIO), "--policy", "ideal", "--runs", "0"],
        ["simulate", str(ENGINE_SCENARIO), "--policy", "ideal", "--playbook", "x.yaml"],
    ],
)
def test_simulate_usage_errors(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    assert run_cli(capsys, *args).code == 2


def test_killed_run_leaves_a_log_that_rebuilds(tmp_path: Path) -> None:
    env = {**os.environ, DATA_DIR_ENV: str(tmp_path)}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "game",
            "simulate",
            str(ENGINE_SCENARIO),
            "--policy",
            "ideal",
            "--runs",
            "1000",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    sessions = tmp_path / "sessions"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(sessions.glob("*.jsonl"))) < 3:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    logs = sorted(sessions.glob("*.jsonl"))
    assert len(logs) >= 3, "the simulation did not get going"
    # Whenever the kill came, every log under its name starts with a whole header and
    # rebuilds: the finished ones and the one being written.
    for path in logs:
        rebuild_session(path, read_reply)[0].close()
    # The newest log was being written when the process died.
    last = max(logs, key=lambda p: p.stat().st_mtime_ns)
    rebuilt, contents = rebuild_session(last, read_reply)
    posts = [r.post for r in contents.records if isinstance(r, PostArrived)]
    assert [p.id for p in posts] == [p.id for p in rebuilt.posts.values() if not p.from_brand][
        : len(posts)
    ]
    for record in posts:
        assert rebuilt.posts[record.id].text == record.text
    rebuilt.close()
