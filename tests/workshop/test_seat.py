"""The seat process: its environment contract, and the packets on textual-serve's pipe."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

from game.seatlink import Control, decode_status
from game.services.verify import Status, verify_log
from game.workshop.round import Round, sessions_folder

SEAT = [sys.executable, "-m", "game.workshop.seat"]
WAIT = 60.0  # seconds: generous, for a loaded machine; a pass takes a few


def _environ(**values: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("CRISISDRILL_", "TEXTUAL"))
    }
    env.update(values)
    return env


def _round(folder: Path) -> Path:
    Round.create("rebajas", "rebajas", language="en", seed=7, mode="exam", speed=2.0).save(folder)
    return folder


@pytest.mark.parametrize(
    ("variables", "said"),
    [
        ({}, "CRISISDRILL_WORKSHOP is not set"),
        ({"CRISISDRILL_WORKSHOP": "{nowhere}", "CRISISDRILL_TRAINEE": "Ana"}, "no round.json"),
        ({"CRISISDRILL_WORKSHOP": "{round}"}, "CRISISDRILL_TRAINEE"),
        ({"CRISISDRILL_WORKSHOP": "{damaged}", "CRISISDRILL_TRAINEE": "Ana"}, "round's file"),
    ],
)
def test_a_seat_that_cannot_start_says_why_on_stderr_only(
    tmp_path: Path, variables: dict[str, str], said: str
) -> None:
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "round.json").write_text("{", encoding="utf-8")
    places = {"nowhere": str(tmp_path / "nowhere"), "round": str(_round(tmp_path / "round"))}
    places["damaged"] = str(damaged)
    env = _environ(**{key: value.format(**places) for key, value in variables.items()})
    done = subprocess.run(SEAT, env=env, capture_output=True, timeout=WAIT, check=False)
    assert done.returncode == 1
    assert done.stdout == b""
    error = done.stderr.decode()
    assert said in error
    assert "Traceback" not in error


def test_a_round_with_an_unknown_scenario_is_refused(tmp_path: Path) -> None:
    Round.create("no-such", "no-such", language="en", seed=1, mode="practice", speed=1.0).save(
        tmp_path
    )
    env = _environ(CRISISDRILL_WORKSHOP=str(tmp_path), CRISISDRILL_TRAINEE="Ana")
    done = subprocess.run(SEAT, env=env, capture_output=True, timeout=WAIT, check=False)
    assert (done.returncode, done.stdout) == (1, b"")
    assert "scenario" in done.stderr.decode() and "Traceback" not in done.stderr.decode()


class Pipe:
    """textual-serve's side of a seat's pipe: framed packets both ways."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdin is not None and process.stdout is not None
        self.process = process
        self.metas: queue.Queue[dict[str, Any]] = queue.Queue()
        self._stdin = process.stdin
        threading.Thread(target=self._read, args=(process.stdout,), daemon=True).start()

    def _read(self, stdout: IO[bytes]) -> None:
        assert stdout.readline() == b"__GANGLION__\n"  # the prelude textual-serve waits for
        while header := stdout.read(5):
            payload = stdout.read(int.from_bytes(header[1:5], "big"))
            if header[:1] == b"M":
                self.metas.put(json.loads(payload))

    def send_meta(self, packet: dict[str, object]) -> None:
        data = json.dumps(packet).encode()
        self._stdin.write(b"M" + len(data).to_bytes(4, "big") + data)
        self._stdin.flush()

    def statuses(self) -> Iterator[dict[str, Any]]:
        while True:
            packet = self.metas.get(timeout=WAIT)
            if packet.get("type") == "crisisdrill.status":
                yield packet

    def wait_for(self, state: str) -> dict[str, Any]:
        return next(packet for packet in self.statuses() if packet["state"] == state)


def test_controls_and_statuses_travel_through_the_pipe(tmp_path: Path) -> None:
    folder = _round(tmp_path)
    env = _environ(
        CRISISDRILL_WORKSHOP=str(folder),
        CRISISDRILL_TRAINEE="Ana Pérez",
        COLUMNS="100",
        ROWS="30",
        # What textual-serve sets for every app: the seat uses its own driver anyway.
        TEXTUAL_DRIVER="textual.drivers.web_driver:WebDriver",
        TEXTUAL_FPS="60",
    )
    with subprocess.Popen(
        SEAT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        try:
            pipe = Pipe(process)
            lobby = decode_status(pipe.wait_for("lobby"))
            assert lobby.trainee == "Ana Pérez" and lobby.clock == 0
            pipe.send_meta({"type": "crisisdrill.control", "command": "jump"})  # refused
            pipe.send_meta(Control("start").to_json())
            playing = decode_status(pipe.wait_for("playing"))
            assert playing.phase
            pipe.send_meta(Control("pause").to_json())
            pipe.wait_for("paused")
            pipe.send_meta(Control("end").to_json())
            pipe.wait_for("debrief")
        finally:
            assert process.stdin is not None
            process.stdin.close()  # the server went away: the seat must end by itself
        assert process.wait(timeout=WAIT) == 0
        assert process.stderr is not None
        error = process.stderr.read().decode()
    assert "control refused: unknown command 'jump'" in error
    assert "Traceback" not in error
    logs = list(sessions_folder(folder).glob("*.jsonl"))
    assert len(logs) == 1


def _seat_process(folder: Path, name: str) -> subprocess.Popen[bytes]:
    env = _environ(
        CRISISDRILL_WORKSHOP=str(folder), CRISISDRILL_TRAINEE=name, COLUMNS="100", ROWS="30"
    )
    return subprocess.Popen(
        SEAT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def test_a_seat_started_again_with_the_same_name_resumes_the_session(tmp_path: Path) -> None:
    folder = _round(tmp_path)
    with _seat_process(folder, "Ana") as first:
        pipe = Pipe(first)
        pipe.wait_for("lobby")
        pipe.send_meta(Control("start").to_json())
        pipe.send_meta(Control("speed", speed=60.0).to_json())
        playing = decode_status(
            next(s for s in pipe.statuses() if s["state"] == "playing" and s["clock"] >= 120)
        )
        assert playing.clock >= 120
        first.kill()  # the browser dropped: the door stops the game, nothing is closed
        first.wait(timeout=WAIT)
    [log] = sessions_folder(folder).glob("*.jsonl")
    before = log.read_bytes()
    with _seat_process(folder, "Ana") as second:
        try:
            pipe = Pipe(second)
            back = decode_status(next(pipe.statuses()))
            assert back.state == "playing"  # no lobby: the session goes on
            assert back.clock >= 120 and back.phase
            pipe.send_meta(Control("start").to_json())  # what the console re-sends
            pipe.send_meta(Control("end").to_json())
            pipe.wait_for("debrief")
        finally:
            assert second.stdin is not None
            second.stdin.close()
        assert second.wait(timeout=WAIT) == 0
    assert list(sessions_folder(folder).glob("*.jsonl")) == [log]
    after = log.read_bytes()
    assert after.startswith(before[: before.rfind(b"\n") + 1]) and len(after) > len(before)
    done = subprocess.run(
        [sys.executable, "-m", "game", "report", str(log), "--format", "json"],
        capture_output=True,
        timeout=WAIT,
        check=False,
        env=_environ(),
    )
    assert done.returncode == 0, done.stderr.decode()
    assert verify_log(log).status is Status.VERIFIED
