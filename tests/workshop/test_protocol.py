"""The workshop's packets: what goes out decodes to the same, anything else is refused."""

from __future__ import annotations

import pytest

from game.seatlink import (
    Control,
    ProtocolError,
    Status,
    decode_control,
    decode_status,
)


@pytest.mark.parametrize(
    "control",
    [
        Control("start"),
        Control("pause"),
        Control("resume"),
        Control("speed", speed=4.0),
        Control("inject", inject="ceo_tweet"),
        Control("post", persona="troll", channel="chirp", text="[b]¡Fraude![/b] 🌬️"),
        Control("end"),
    ],
)
def test_a_control_goes_and_comes_back_the_same(control: Control) -> None:
    packet = control.to_json()
    assert packet["type"] == "crisisdrill.control"
    assert decode_control(packet) == control


def test_a_status_goes_and_comes_back_the_same() -> None:
    status = Status(
        "Ana <b>", "playing", clock=600, phase="viral", mood=-0.4, waiting=3, replies=5, score=61
    )
    assert decode_status(status.to_json()) == status
    assert decode_status(Status("Luis", "lobby").to_json()).score is None


@pytest.mark.parametrize(
    "packet",
    [
        None,
        [],
        {"type": "crisisdrill.status", "command": "start"},
        {"type": "crisisdrill.control"},
        {"type": "crisisdrill.control", "command": "explode"},
        {"type": "crisisdrill.control", "command": "speed"},
        {"type": "crisisdrill.control", "command": "speed", "speed": float("nan")},
        {"type": "crisisdrill.control", "command": "speed", "speed": 1000},
        {"type": "crisisdrill.control", "command": "speed", "speed": True},
        {"type": "crisisdrill.control", "command": "pause", "speed": 2},
        {"type": "crisisdrill.control", "command": "post", "persona": "troll", "channel": "x"},
        {
            "type": "crisisdrill.control",
            "command": "post",
            "persona": "t",
            "channel": "c",
            "text": "x" * 2001,
        },
        {"type": "crisisdrill.control", "command": "inject", "inject": ""},
        {"type": "crisisdrill.control", "command": "end", "extra": 1},
    ],
)
def test_anything_but_a_control_is_refused(packet: object) -> None:
    with pytest.raises(ProtocolError):
        decode_control(packet)


@pytest.mark.parametrize(
    "packet",
    [
        {"type": "crisisdrill.status", "trainee": "Ana"},
        {"type": "crisisdrill.status", "trainee": "", "state": "lobby"},
        {"type": "crisisdrill.status", "trainee": "Ana", "state": "asleep"},
        {"type": "crisisdrill.status", "trainee": "Ana", "state": "lobby", "mood": 2},
        {"type": "crisisdrill.status", "trainee": "Ana", "state": "lobby", "waiting": -1},
        {"type": "crisisdrill.status", "trainee": "Ana", "state": "lobby", "score": 101},
        {"type": "crisisdrill.status", "trainee": "Ana", "state": "lobby", "clock": "10"},
        {"type": "crisisdrill.control", "trainee": "Ana", "state": "lobby"},
    ],
)
def test_anything_but_a_status_is_refused(packet: object) -> None:
    with pytest.raises(ProtocolError):
        decode_status(packet)
