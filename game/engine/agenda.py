"""What is due later in a session: callbacks at simulated seconds, in a stable order."""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable
from dataclasses import dataclass, field

Callback = Callable[[], None]


@dataclass(order=True)
class _Item:
    time: int
    order: int
    run: Callback = field(compare=False)


class Agenda:
    """A queue of callbacks by time; at equal times, first scheduled runs first."""

    def __init__(self) -> None:
        self._items: list[_Item] = []
        self._order = 0

    def schedule(self, time: int, run: Callback) -> None:
        """Run ``run`` at second ``time``."""
        self._order += 1
        heapq.heappush(self._items, _Item(time, self._order, run))

    def next_time(self) -> float:
        """When the next callback is due (infinity when nothing is)."""
        return self._items[0].time if self._items else math.inf

    def pop(self) -> tuple[int, Callback]:
        """The next callback and its time, taken off the queue."""
        item = heapq.heappop(self._items)
        return item.time, item.run
