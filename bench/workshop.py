"""Workshop load: scripted trainees over websockets, through a crisis's viral phase.

Usage: python bench/workshop.py [--seats N] [--scenario ID] [--seed N] [--speed X]
       [--viral-speed X] [--viral-seconds S] [--max-seconds S] [--size WxH]

What it plays: a real workshop round (``Round.create`` on a built-in scenario, saved
in a temporary folder) behind a real front door (``WorkshopServer`` on 127.0.0.1, in
a process of its own, as the facilitator's would be), and N trainees, each an HTTP
client that joins with the code and a name, opens the door's websocket with its seat
cookie (as textual.js does, no browser) and keeps a terminal emulator (pyte) of what
its game draws: what the trainee would see. The bench plays the facilitator: once
every trainee is in the lobby it starts the round at ``--speed`` (a fast-forward, so
that the crisis gets to its viral phase within a minute); a seat that reports the
viral phase is slowed to ``--viral-speed`` (default 1, the workshop's own default
pace: a post a second per seat in rebajas's viral phase) and the round goes on until
``--viral-seconds`` after every seat is viral, or no seat is viral any more (rebajas's
viral phase melts down after a simulated minute or two when nobody publishes a
statement), or ``--max-seconds`` after the start. Meanwhile each trainee, every few
seconds, moves in the feed, opens a public reply (``r``), types a short text key by
key and sends it (Enter). The game's modules are byte-compiled first, as an installed
game's are (with PYTHONDONTWRITEBYTECODE set, into the bench's temporary folder).

It measures:

- memory: PSS and RSS of the seats' game processes (every process under the door's),
  in the lobby, while playing before the viral phase, and in it (the largest sample of
  each, taken every few seconds), per seat on average, and of the door's own process.
  Target: all the seats in at most 2 GB (PSS, the memory they really cost together);
- key to screen: from a key sent on the websocket until the trainee's emulated
  screen shows its effect: the composer's label for ``r``, the typed text in the
  composer's line for a character (that line, and the text so far, so that a clock's
  redraw never counts), the composer closed for Enter. p50/p95/max, before the viral
  phase and in it. Target: p95 <= 250 ms;
- roster delay: from the Enter that sends a reply until the door's ``on_status``
  callback (in the door's process) receives that seat's status with one more reply:
  how late the facilitator's roster is. p50/p95/max;
- joins: from the join form's POST until the trainee's screen shows the lobby;
- errors: screens that never showed an effect, refused replies, dropped sockets.

Not measured: a browser's own drawing (xterm.js) and the network. What the figures
include that a real room would not: the clients' terminal emulation runs on the same
cores as the seats (at a higher priority, ``--nice``; its CPU time is printed), and a
key's time includes how late the clients' own loop was to read the screen (printed as
"the bench's own loop lateness"). ``r`` follows a ``↓`` by 0.3 s: when a seat is behind,
its time includes finishing the ``↓`` (redrawing the feed and the thread), as the
trainee would wait for it too. A reply whose Enter showed no effect within 5 s is
counted as a key without effect; when its status comes later, as an unmatched count.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import multiprocessing
import multiprocessing.connection
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

import aiohttp
import psutil
import pyte

from game.seatlink import Control, Status
from game.workshop.door import SEAT_COOKIE, WorkshopServer
from game.workshop.round import Round

MEMORY_TARGET = 2 * 1024**3
LATENCY_TARGET_MS = 250.0
EFFECT_WAIT = 5.0
"""Seconds a trainee waits for a key's effect before counting it as lost."""
KEY_GAP = (0.08, 0.16)
"""Seconds between two keys while typing (a quick typist)."""
THINK = (2.0, 5.0)
"""Seconds a trainee reads between two replies."""
MEMORY_EVERY = 5.0
LAG_EVERY = 0.05
JOIN_WAIT = 300.0

LOBBY_TEXT = "Briefing"  # the lobby: the briefing, its waiting line further down
CONSOLE_TEXT = "Pick a post and an action"
REPLY_LABEL = "Public reply to"
PLACEHOLDER = "Type and press Enter"
DOWN = "\x1b[B"
ESCAPE = "\x1b"
ENTER = "\r"
VIRAL = "viral"
FINAL = ("meltdown", "resolved")


# ---------------------------------------------------------------- the door's process


def _door_process(
    folder: str, link: multiprocessing.connection.Connection, viral_speed: float
) -> None:
    """Run the door in a process of its own; its events go back through ``link``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the bench stops it, in order
    asyncio.run(_door_main(Path(folder), link, viral_speed))


async def _door_main(
    folder: Path, link: multiprocessing.connection.Connection, viral_speed: float
) -> None:
    loop = asyncio.get_running_loop()
    slowed: set[str] = set()
    sending: set[asyncio.Task[bool]] = set()
    server: WorkshopServer

    def on_status(name: str, status: Status) -> None:
        # The time the facilitator's roster would learn it: taken first.
        now = time.monotonic()
        link.send(("status", name, now, status.phase, status.replies, status.clock))
        if status.phase == VIRAL and name not in slowed and viral_speed > 0:
            slowed.add(name)
            task = loop.create_task(server.send(name, Control("speed", speed=viral_speed)))
            sending.add(task)
            task.add_done_callback(sending.discard)

    def on_seat(name: str, connected: bool) -> None:
        link.send(("seat", name, time.monotonic(), connected))

    server = WorkshopServer(
        Round.load(folder), folder, port=0, on_status=on_status, on_seat=on_seat
    )
    await server.start()
    link.send(("port", server.port))
    orders: asyncio.Queue[Any] = asyncio.Queue()
    loop.add_reader(link.fileno(), lambda: orders.put_nowait(link.recv()))
    try:
        while True:
            order = await orders.get()
            if order[0] == "stop":
                break
            if order[0] == "broadcast":
                await server.broadcast(Control(**order[1]))
    finally:
        loop.remove_reader(link.fileno())
        await server.stop()
        link.send(("stopped", server.malformed))


# ---------------------------------------------------------------- a trainee


@dataclass
class Sample:
    key: str
    phase: str
    ms: float


@dataclass
class Trainee:
    """One scripted trainee: a websocket, an emulated terminal and a script."""

    name: str
    bench: Bench
    screen: pyte.Screen
    stream: pyte.ByteStream
    waiting: tuple[Callable[[], bool], asyncio.Future[float]] | None = None
    joined_ms: float | None = None
    pending: deque[float] = field(default_factory=deque)
    sent: int = 0
    lost: int = 0
    refused: int = 0
    closed: bool = False
    lines: list[str] = field(default_factory=list)

    @classmethod
    def make(cls, name: str, bench: Bench, width: int, height: int) -> Trainee:
        screen = pyte.Screen(width, height)
        return cls(name, bench, screen, pyte.ByteStream(screen))

    def rows(self) -> list[str]:
        """The screen's rows as text; only the rows drawn since the last call are read."""
        screen = self.screen
        if not self.lines:
            self.lines = [""] * screen.lines
            screen.dirty.update(range(screen.lines))
        for index in screen.dirty:
            if 0 <= index < screen.lines:
                line = screen.buffer[index]
                self.lines[index] = "".join(line[x].data for x in range(screen.columns))
        screen.dirty.clear()
        return self.lines

    def shows(self, text: str) -> bool:
        return any(text in line for line in self.rows())

    def row(self, index: int) -> str:
        return self.rows()[index]

    def feed(self, data: bytes) -> None:
        self.stream.feed(data)
        if self.waiting is not None:
            check, future = self.waiting
            if not future.done() and check():
                future.set_result(time.monotonic())

    async def until(self, check: Callable[[], bool], timeout: float) -> float | None:
        """The time the screen first satisfied ``check`` (now if it does), or None."""
        if check():
            return time.monotonic()
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.waiting = (check, future)
        try:
            async with asyncio.timeout(timeout):
                return await future
        except TimeoutError:
            return None
        finally:
            self.waiting = None

    async def press(self, ws: aiohttp.ClientWebSocketResponse, key: str) -> float:
        sent = time.monotonic()
        await ws.send_json(["stdin", key])
        return sent

    async def effect(
        self,
        ws: aiohttp.ClientWebSocketResponse,
        key: str,
        check: Callable[[], bool],
        label: str,
        *,
        may_fail: bool = False,
    ) -> bool:
        """Press ``key`` and time it until ``check`` holds on screen; False if it never did.

        A key whose effect never shows is counted as lost, unless ``may_fail`` (the
        game may rightly refuse it).
        """
        if check():  # the key's effect could not be told from what is there
            self.bench.errors.append(f"{self.name}: {label}'s effect on screen before the key")
            return False
        phase = self.bench.phases.get(self.name, "")
        sent = await self.press(ws, key)
        seen = await self.until(check, EFFECT_WAIT)
        if seen is None:
            self.lost += not may_fail
            return False
        self.bench.samples.append(Sample(label, phase, (seen - sent) * 1000))
        return True


async def _receive(trainee: Trainee, ws: aiohttp.ClientWebSocketResponse) -> None:
    async for message in ws:
        if message.type == aiohttp.WSMsgType.BINARY:
            trainee.feed(message.data)
    trainee.closed = True


async def _reply(trainee: Trainee, ws: aiohttp.ClientWebSocketResponse, number: int) -> None:
    """Move in the feed, open a reply, type it key by key, send it."""
    await trainee.press(ws, DOWN)
    await asyncio.sleep(0.3)
    if trainee.shows(REPLY_LABEL):  # a composer left open: start again
        await trainee.press(ws, ESCAPE)
        return
    if not await trainee.effect(ws, "r", lambda: trainee.shows(REPLY_LABEL), "r", may_fail=True):
        trainee.refused += 1  # a post that takes no reply (a notice says why)
        return
    rows = [i for i, line in enumerate(trainee.rows()) if PLACEHOLDER in line]
    if not rows:
        trainee.lost += 1
        await trainee.press(ws, ESCAPE)
        return
    line = rows[-1]
    # Starts with a letter the placeholder lacks: the first key is told from it.
    text = f"Q{trainee.name[-2:]}-{number} sorry, we are checking it now"
    for index, char in enumerate(text):
        typed = text[: index + 1]
        if char == " ":
            await trainee.press(ws, char)  # a space draws nothing to tell it by
        else:

            def shows(typed: str = typed) -> bool:
                shown = trainee.row(line)
                return PLACEHOLDER not in shown and typed in shown

            if not await trainee.effect(ws, char, shows, "char"):
                await trainee.press(ws, ESCAPE)
                return
        await asyncio.sleep(random.uniform(*KEY_GAP))
    trainee.pending.append(time.monotonic())
    if not await trainee.effect(ws, ENTER, lambda: not trainee.shows(REPLY_LABEL), "enter"):
        trainee.pending.pop()
        await trainee.press(ws, ESCAPE)
        return
    trainee.sent += 1


async def _play(trainee: Trainee, http: aiohttp.ClientSession, base: str, code: str) -> None:
    bench = trainee.bench
    started = time.monotonic()
    async with http.post(
        f"{base}/join", data={"code": code, "name": trainee.name}, allow_redirects=False
    ) as response:
        await response.read()
        token = response.cookies[SEAT_COOKIE].value
    width, height = trainee.screen.columns, trainee.screen.lines
    async with http.ws_connect(
        f"{base}/ws?width={width}&height={height}",
        headers={"Cookie": f"{SEAT_COOKIE}={token}", "Origin": base},
        max_msg_size=0,
    ) as ws:
        receiver = asyncio.create_task(_receive(trainee, ws))
        try:
            await ws.send_json(["resize", {"width": width, "height": height}])
            lobby = await trainee.until(lambda: trainee.shows(LOBBY_TEXT), JOIN_WAIT)
            if lobby is None:
                bench.errors.append(f"{trainee.name}: no lobby on screen")
                return
            trainee.joined_ms = (lobby - started) * 1000
            await bench.started.wait()
            if await trainee.until(lambda: trainee.shows(CONSOLE_TEXT), 60) is None:
                bench.errors.append(f"{trainee.name}: the console never showed")
                return
            number = 0
            while not bench.over.is_set() and not trainee.closed:
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(random.uniform(*THINK)):
                        await bench.over.wait()
                if bench.over.is_set() or bench.phases.get(trainee.name) in FINAL:
                    break
                number += 1
                await _reply(trainee, ws, number)
            await bench.over.wait()
        finally:
            receiver.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await receiver


# ---------------------------------------------------------------- the bench


@dataclass
class Memory:
    stage: str
    seats: int
    pss: int
    rss: int
    door_pss: int
    door_rss: int


@dataclass
class Bench:
    options: argparse.Namespace
    door: BaseProcess
    link: multiprocessing.connection.Connection
    trainees: list[Trainee] = field(default_factory=list)
    phases: dict[str, str] = field(default_factory=dict)
    replies: dict[str, int] = field(default_factory=dict)
    samples: list[Sample] = field(default_factory=list)
    roster: list[float] = field(default_factory=list)
    unmatched: int = 0
    statuses: int = 0
    viral_at: dict[str, float] = field(default_factory=dict)
    reached: dict[str, float] = field(default_factory=dict)
    viral_clock: dict[str, tuple[float, int]] = field(default_factory=dict)
    last_clock: dict[str, tuple[float, int]] = field(default_factory=dict)
    lag: list[float] = field(default_factory=list)
    start: float = 0.0
    memory: list[Memory] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    malformed: int | None = None
    started: asyncio.Event = field(default_factory=asyncio.Event)
    over: asyncio.Event = field(default_factory=asyncio.Event)
    stopped: asyncio.Event = field(default_factory=asyncio.Event)
    port: asyncio.Future[int] | None = None

    def heard(self) -> None:
        """Read what the door's process said (called when its pipe is readable)."""
        while self.link.poll():
            try:
                event = self.link.recv()
            except EOFError:
                self.stopped.set()
                asyncio.get_running_loop().remove_reader(self.link.fileno())
                return
            kind = event[0]
            if kind == "port" and self.port is not None:
                self.port.set_result(event[1])
            elif kind == "status":
                self._status(*event[1:])
            elif kind == "stopped":
                self.malformed = event[1]
                self.stopped.set()

    def _status(self, name: str, at: float, phase: str, replies: int, clock: int) -> None:
        self.statuses += 1
        if phase:
            self.phases[name] = phase
            self.reached.setdefault(phase, at)
        if phase == VIRAL:
            self.viral_at.setdefault(name, at)
            self.viral_clock.setdefault(name, (at, clock))
            self.last_clock[name] = (at, clock)
        before = self.replies.get(name, 0)
        self.replies[name] = max(before, replies)
        trainee = next((t for t in self.trainees if t.name == name), None)
        for _ in range(replies - before):
            if trainee is not None and trainee.pending:
                self.roster.append((at - trainee.pending.popleft()) * 1000)
            else:
                self.unmatched += 1

    def stage(self) -> str:
        if not self.started.is_set():
            return "lobby"
        viral = sum(name in self.viral_at for name in self.phases)
        return "viral" if viral * 2 >= max(1, len(self.trainees)) else "playing"

    def measure_memory(self) -> None:
        door = psutil.Process(self.door.pid or 0)
        seats = door.children(recursive=True)
        pss = rss = 0
        for process in seats:
            with contextlib.suppress(psutil.Error):
                info = process.memory_full_info()
                pss, rss = pss + info.pss, rss + info.rss
        mine = door.memory_full_info()
        self.memory.append(Memory(self.stage(), len(seats), pss, rss, mine.pss, mine.rss))

    def broadcast(self, control: Control) -> None:
        fields = {key: value for key, value in control.to_json().items() if key != "type"}
        self.link.send(("broadcast", fields))


async def _watch_memory(bench: Bench) -> None:
    while not bench.over.is_set():
        with contextlib.suppress(psutil.Error):
            bench.measure_memory()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(MEMORY_EVERY):
                await bench.over.wait()


async def _watch_loop(bench: Bench) -> None:
    """How late this process's own loop wakes up (its clients share it)."""
    while not bench.over.is_set():
        before = time.monotonic()
        await asyncio.sleep(LAG_EVERY)
        bench.lag.append((time.monotonic() - before - LAG_EVERY) * 1000)


async def _run(bench: Bench, code: str) -> float:
    """Join everyone, start, play until the end; returns the seconds all joins took."""
    options = bench.options
    loop = asyncio.get_running_loop()
    bench.port = loop.create_future()
    loop.add_reader(bench.link.fileno(), bench.heard)
    async with asyncio.timeout(30):
        port = await bench.port
    base = f"http://127.0.0.1:{port}"
    width, height = options.size
    bench.trainees = [
        Trainee.make(f"Trainee {number:02d}", bench, width, height)
        for number in range(1, options.seats + 1)
    ]
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(
        cookie_jar=aiohttp.DummyCookieJar(), connector=connector
    ) as http:
        joins_started = time.monotonic()
        plays = [
            asyncio.create_task(_play(trainee, http, base, code)) for trainee in bench.trainees
        ]
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(JOIN_WAIT):
                while not all(
                    trainee.joined_ms is not None or task.done()
                    for trainee, task in zip(bench.trainees, plays, strict=True)
                ):
                    await asyncio.sleep(0.05)
        joined = time.monotonic() - joins_started
        lobby = sum(t.joined_ms is not None for t in bench.trainees)
        print(f"{lobby} trainees in the lobby after {joined:.1f} s", flush=True)
        await asyncio.sleep(3)  # the lobby settles
        watchers = [
            asyncio.create_task(_watch_memory(bench)),
            asyncio.create_task(_watch_loop(bench)),
        ]
        await asyncio.sleep(MEMORY_EVERY * 1.5)
        bench.started.set()
        start = bench.start = time.monotonic()
        bench.broadcast(Control("start"))
        bench.broadcast(Control("speed", speed=options.speed))
        print(f"started at speed {options.speed:g}", flush=True)
        all_viral: float | None = None
        reported = ""
        while True:
            await asyncio.sleep(0.5)
            now = time.monotonic()
            if all_viral is None and len(bench.viral_at) >= len(bench.trainees):
                all_viral = now
                print(f"every seat viral {now - start:.0f} s after the start", flush=True)
            state = bench.stage()
            if state != reported:
                print(f"  {now - start:5.0f} s: {state}", flush=True)
                reported = state
            if all_viral is not None and now - all_viral >= options.viral_seconds:
                break
            if all_viral is not None and VIRAL not in bench.phases.values():
                print(f"every seat past the viral phase {now - start:.0f} s", flush=True)
                break
            if now - start >= options.max_seconds:
                print(f"stopped at --max-seconds ({options.max_seconds:g})", flush=True)
                break
            if all(task.done() for task in plays):
                break
        with contextlib.suppress(psutil.Error):
            bench.measure_memory()
        bench.over.set()
        bench.broadcast(Control("end"))
        await asyncio.gather(*watchers)
        results = await asyncio.gather(*plays, return_exceptions=True)
        for trainee, result in zip(bench.trainees, results, strict=True):
            if isinstance(result, BaseException):
                bench.errors.append(f"{trainee.name}: {type(result).__name__}: {result}")
    return joined


# ---------------------------------------------------------------- the figures


def _percentiles(values: list[float]) -> str:
    if not values:
        return "no samples"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return (
        f"p50 {statistics.median(ordered):6.0f} ms  p95 {p95:6.0f} ms  "
        f"max {ordered[-1]:6.0f} ms  ({len(ordered)})"
    )


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] if ordered else 0.0


def _mb(size: float) -> str:
    return f"{size / 1024**2:7.0f} MB"


def _report(bench: Bench, joined: float, cpu: dict[str, float]) -> None:
    options = bench.options
    seats = len(bench.trainees)
    print()
    print(f"sessions: {seats} at {options.size[0]}x{options.size[1]}, {options.scenario}")
    timeline = sorted(bench.reached.items(), key=lambda item: item[1])
    print(
        "phases reached (first seat, after the start): "
        + (", ".join(f"{phase} {at - bench.start:.0f} s" for phase, at in timeline) or "none")
    )
    spans = [
        (bench.last_clock[name][0] - at, bench.last_clock[name][1] - clock)
        for name, (at, clock) in bench.viral_clock.items()
    ]
    speeds = [simulated / real for real, simulated in spans if real > 5]
    print(
        f"seats that reached viral: {len(bench.viral_at)}/{seats}; simulated speed in it "
        + (f"{statistics.median(speeds):.1f} (median)" if speeds else "not measured")
        + (
            f"; in it {statistics.median(real for real, _ in spans):.0f} s a seat (median)"
            if spans
            else ""
        )
    )
    joins = [t.joined_ms for t in bench.trainees if t.joined_ms is not None]
    print(
        f"joins: all {len(joins)} in the lobby after {joined:.1f} s; one join {_percentiles(joins)}"
    )
    print("memory (largest sample of each stage):")
    peak_pss = 0
    for stage in ("lobby", "playing", "viral"):
        taken = [m for m in bench.memory if m.stage == stage]
        if not taken:
            print(f"  {stage:8} not sampled")
            continue
        top = max(taken, key=lambda m: m.pss)
        peak_pss = max(peak_pss, top.pss)
        each = top.pss / max(1, top.seats)
        print(
            f"  {stage:8} seats PSS {_mb(top.pss)} RSS {_mb(top.rss)}  ({top.seats} processes, "
            f"{each / 1024**2:.0f} MB PSS each); door PSS {_mb(top.door_pss)} "
            f"RSS {_mb(top.door_rss)}"
        )
    before = [s.ms for s in bench.samples if s.phase != VIRAL]
    viral = [s.ms for s in bench.samples if s.phase == VIRAL]
    print("key to screen, as the trainee's terminal shows it:")
    print(f"  before viral (speed {options.speed:g}): {_percentiles(before)}")
    print(f"  viral (speed {options.viral_speed:g}):      {_percentiles(viral)}")
    for key in ("r", "char", "enter"):
        print(f"    {key:5} {_percentiles([s.ms for s in bench.samples if s.key == key])}")
    print(f"roster delay (Enter to the door's on_status): {_percentiles(bench.roster)}")
    print(
        f"replies sent {sum(t.sent for t in bench.trainees)}, refused posts "
        f"{sum(t.refused for t in bench.trainees)}, keys without effect "
        f"{sum(t.lost for t in bench.trainees)}, statuses {bench.statuses}, "
        f"unmatched reply counts {bench.unmatched}, malformed packets {bench.malformed}"
    )
    print(
        "CPU seconds: seats {seats:.0f}, door {door:.0f}, bench clients {bench:.0f}".format(**cpu)
    )
    print(f"bench's own loop lateness: {_percentiles(bench.lag)}")
    print(f"errors: {len(bench.errors)}")
    for error in bench.errors[:10]:
        print(f"  {error}")
    memory_ok = peak_pss <= MEMORY_TARGET
    latency_ok = bool(viral) and _p95(before + viral) <= LATENCY_TARGET_MS
    print(
        f"target memory <= 2 GB PSS for all seats: {'met' if memory_ok else 'MISSED'} "
        f"({peak_pss / 1024**3:.2f} GB"
        + ("" if memory_ok else f", {(peak_pss - MEMORY_TARGET) / 1024**2:.0f} MB over")
        + ")"
    )
    print(
        f"target key to screen p95 <= {LATENCY_TARGET_MS:.0f} ms: "
        f"{'met' if latency_ok else 'MISSED'} (all {_p95(before + viral):.0f} ms, "
        f"viral {_p95(viral):.0f} ms)"
    )


def _cpu(door: BaseProcess) -> dict[str, float]:
    def used(process: psutil.Process) -> float:
        times = process.cpu_times()
        return float(times.user + times.system)

    seats = 0.0
    try:
        parent = psutil.Process(door.pid or 0)
        door_cpu = used(parent)
        for child in parent.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                seats += used(child)
    except psutil.Error:
        door_cpu = 0.0
    return {"seats": seats, "door": door_cpu, "bench": used(psutil.Process())}


def _kill_leftovers(door: BaseProcess) -> None:
    """Every process under the door's, then the door's: only what this bench started."""
    try:
        children = psutil.Process(door.pid or 0).children(recursive=True)
    except psutil.Error:
        children = []
    for child in children:
        with contextlib.suppress(psutil.Error):
            child.kill()
    if door.is_alive():
        door.kill()
    door.join(5)


def _favour_clients(nice: int) -> None:
    """Run the trainees' side at a higher priority than the door and the seats.

    The trainees' browsers have machines of their own; here they share two cores with
    30 games, and a client starved for seconds misses the door's websocket pings and
    is dropped (as happened in the first 30-seat run). Called after the door's
    process is started: it and the seats keep the normal priority.
    """
    if nice >= 0:
        return
    try:
        psutil.Process().nice(nice)
    except (psutil.AccessDenied, PermissionError):
        print(f"the clients run at normal priority (--nice {nice} needs root)", flush=True)


def _bytecode(folder: Path) -> None:
    """Compile the game's modules once, as an installed game has them compiled.

    With PYTHONDONTWRITEBYTECODE set (as in some shells and containers) every seat
    would compile every module of the game as it starts; its bytecode goes to a
    folder of the bench's instead. The seats inherit this process's environment.
    """
    if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
        os.environ["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    subprocess.run([sys.executable, "-c", "import game.workshop.seat"], check=True)


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    return int(width), int(height)


async def _main(options: argparse.Namespace) -> None:
    folder = Path(tempfile.mkdtemp(prefix="crisisdrill-bench-workshop-"))
    round_ = Round.create(
        options.scenario,
        options.scenario,
        language="en",
        seed=options.seed,
        mode="practice",
        speed=options.speed,
        max_trainees=max(40, options.seats),
    )
    round_.save(folder)
    _bytecode(folder)
    context = multiprocessing.get_context("spawn")
    link, door_link = context.Pipe()
    door = context.Process(
        target=_door_process, args=(str(folder), door_link, options.viral_speed), daemon=True
    )
    door.start()
    _favour_clients(options.nice)
    bench = Bench(options, door, link)
    load = os.getloadavg()[0]
    task = asyncio.current_task()
    if task is not None:  # a kill ends it as Ctrl+C does: every process stopped
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
    try:
        joined = await _run(bench, round_.code)
        cpu = _cpu(door)
        link.send(("stop",))
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(30):
                await bench.stopped.wait()
        _report(bench, joined, cpu)
        print(
            f"machine load (1-min average): {load:.1f} before, {os.getloadavg()[0]:.1f} after "
            f"on {os.cpu_count()} cores (other work on the machine shows here)"
        )
        errors = folder / "seats.err"
        if errors.exists() and errors.stat().st_size:
            tail = errors.read_text(encoding="utf-8", errors="replace")[-600:]
            print(f"seats.err (last lines):\n{tail}")
    finally:
        with contextlib.suppress(OSError):
            asyncio.get_running_loop().remove_reader(link.fileno())
        _kill_leftovers(door)
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seats", type=int, default=30)
    parser.add_argument("--scenario", default="rebajas")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--speed", type=float, default=30.0, help="until a seat is viral")
    parser.add_argument("--viral-speed", type=float, default=1.0, help="0: no change")
    parser.add_argument("--viral-seconds", type=float, default=60.0)
    parser.add_argument("--max-seconds", type=float, default=360.0)
    parser.add_argument(
        "--nice", type=int, default=-10, help="the clients' priority (0: the seats' own)"
    )
    parser.add_argument("--size", type=_size, default=(120, 40), help="WIDTHxHEIGHT")
    options = parser.parse_args()
    random.seed(options.seed)
    try:
        asyncio.run(_main(options))
    except (KeyboardInterrupt, asyncio.CancelledError):
        print("interrupted: every process it started is stopped", file=sys.stderr)
        sys.exit(130)


if __name__ == "__main__":
    main()
