"""A game resumed from its log: what the console shows of the session so far.

``Game.resume`` rebuilds the session (``game.engine.replay.resume_session``) and takes
in every event of the replay as if it had just happened; this module adds what a
replay cannot say by itself: the sentiment line so far, and what the trainee has
already seen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.journal.events import MetricsSampled
from game.journal.logfile import LogContents

if TYPE_CHECKING:
    from game.tui.controller import Game


def catch_up(game: Game, contents: LogContents) -> None:
    """Bring a game rebuilt from its log up to where its trainee left it.

    Args:
        game: the game, its session replayed and its feed filled.
        contents: the log it was rebuilt from.
    """
    from game.tui.controller import SPARK_POINTS

    # The status bar's line: the log's samples (one a simulated minute at most) stand
    # in for the ones the game took while it ran.
    samples = [e.metrics.sentiment for e in contents.records if isinstance(e, MetricsSampled)]
    game.sentiment[:] = [0.0, *samples, game.session.metrics.sentiment][-SPARK_POINTS:]
    # These posts were on the trainee's screen before the drop: not news to them.
    for unread in game.unread.values():
        unread.clear()
    if game.session.left is not None:
        # The trainee had left and the crisis was running on without them when the
        # game stopped: it runs on to its end now, into the log, and closes.
        game.finish()
