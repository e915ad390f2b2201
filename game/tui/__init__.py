"""The terminal game: a Textual app with a picker, a briefing, the console and a debrief.

Only this package imports Textual; the engine, the scenarios and the scoring stay pure.
"""

from game.tui.app import CrisisApp, make_app
from game.tui.config import AppConfig, testing_config

__all__ = ["AppConfig", "CrisisApp", "make_app", "testing_config"]
