"""The briefing: the brand, its rules, what is known, channels, goals and keys."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.scenario.loader import LoadedScenario
from game.scenario.model import LocalizedText
from game.tui.config import Mode
from game.tui.i18n import tr
from game.tui.keys import CONSOLE_KEYS, KeySpec, LocalizedKeys
from game.tui.messages import BriefingAccepted
from game.tui.render import shown

BRIEFING_KEYS = (
    KeySpec("enter", "start", "key.start", display="⏎"),
    KeySpec("escape", "back", "key.back", display="esc"),
    KeySpec("q", "app.quit", "key.quit"),
)


class BriefingScreen(LocalizedKeys, Screen[None]):
    """What the trainee must know before the crisis starts.

    In a workshop it is the lobby (``lobby``): the same briefing, read while waiting
    for the facilitator, who starts everyone at once; Enter does nothing there.
    """

    KEYS: ClassVar[tuple[KeySpec, ...]] = BRIEFING_KEYS

    def __init__(
        self,
        loaded: LoadedScenario,
        *,
        language: str,
        mode: Mode,
        speed: float,
        seed: int,
        can_go_back: bool,
        lobby: bool = False,
    ) -> None:
        super().__init__(id="briefing")
        self.loaded = loaded
        self.language = language
        self.mode: Mode = mode
        self.speed = speed
        self.seed = seed
        self.can_go_back = can_go_back
        self.lobby = lobby

    def compose(self) -> ComposeResult:
        """The briefing as one scrollable column of plain text; bullets hang."""
        with VerticalScroll(id="briefing-scroll"):
            for kind, content in self._blocks():
                if kind == "li":
                    with Horizontal(classes="bullet"):
                        yield Static("•", classes="bullet-mark", markup=False)
                        yield Static(content, classes="bullet-text", markup=False)
                else:
                    yield Static(content, markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Scroll with the keyboard at once."""
        self.query_one("#briefing-scroll").focus()

    def _blocks(self) -> list[tuple[str, Content]]:
        scenario = self.loaded.scenario
        meta = scenario.meta
        language = self.language

        def text(localized: LocalizedText) -> str:
            return shown(scenario.text(localized, language))

        def heading(key: str) -> list[tuple[str, Content]]:
            return [("p", Content("")), ("p", Content.styled(tr(language, key), "bold underline"))]

        def bullets(items: list[str]) -> list[tuple[str, Content]]:
            return [("li", Content(shown(item))) for item in items]

        intro = [
            Content.assemble(
                (tr(language, "briefing.heading"), "bold reverse"),
                "  ",
                (shown(scenario.title_in(language)), "bold"),
            ),
            Content(text(meta.summary)),
            Content.styled(
                tr(
                    language,
                    "briefing.session",
                    minutes=meta.duration_minutes,
                    speed=f"{self.speed:g}",
                    mode=tr(language, f"mode.{self.mode}"),
                    seed=self.seed,
                ),
                "italic",
            ),
            Content.styled(tr(language, f"mode.{self.mode}.help"), "italic"),
        ]
        parts: list[tuple[str, Content]] = [("p", item) for item in intro]
        parts += heading("briefing.brand")
        parts += bullets([f"{meta.brand.name} {meta.brand.handle}: {text(meta.brand.sector)}"])
        parts += heading("briefing.rules")
        parts += bullets([text(rule) for rule in meta.house_rules])
        # Only what the brand knows at the start; facts revealed later stay hidden.
        at_start = [fact for fact in scenario.facts if fact.revealed_at_minute is None]
        for truth, key in (
            (True, "briefing.true"),
            (False, "briefing.false"),
            ("unknown", "briefing.unknown"),
        ):
            facts = [text(fact.statement) for fact in at_start if fact.truth == truth]
            if facts:
                parts += heading(key)
                parts += bullets(facts)
        parts += heading("briefing.channels")
        parts += bullets(
            [
                tr(
                    language,
                    "briefing.channel",
                    name=text(channel.name),
                    visibility=tr(language, f"briefing.{channel.visibility}"),
                    minutes=channel.expected_response_minutes,
                )
                for channel in scenario.channels
            ]
        )
        if meta.goals:
            parts += heading("briefing.goals")
            parts += bullets([text(goal) for goal in meta.goals])
        parts += heading("briefing.keys")
        keys = [
            spec
            for spec in CONSOLE_KEYS
            if not spec.action.startswith("channel(")
            and not (spec.action in ("pause", "coach") and self.mode == "exam")
        ]
        parts += [
            (
                "p",
                Content.assemble(
                    "  ",
                    ((spec.display or spec.key).ljust(7), "bold reverse"),
                    " ",
                    (tr(language, spec.label), "bold"),
                    ("  " + tr(language, spec.help) if spec.help else "", "dim"),
                ),
            )
            for spec in keys
        ]
        parts += [
            ("p", Content("")),
            (
                "p",
                Content.styled(
                    tr(language, "briefing.lobby" if self.lobby else "briefing.start_hint"),
                    "bold",
                ),
            ),
        ]
        return parts

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In a workshop's lobby the facilitator starts the session, not the Enter key."""
        return not (self.lobby and action == "start")

    def action_start(self) -> None:
        """Start the session."""
        self.post_message(BriefingAccepted())

    def action_back(self) -> None:
        """Back to the picker (when the session was not chosen on the command line)."""
        if self.can_go_back:
            self.dismiss()
