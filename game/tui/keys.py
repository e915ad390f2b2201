"""Key bindings with localized descriptions, shared by the footer, the palette and briefing.

Textual reads a class's ``BINDINGS`` when the class is created. A screen or widget
lists its keys as ``KEYS`` (language-neutral specs); ``in_language`` makes, once per
language, a subclass whose ``BINDINGS`` describe them in that language.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar, Self, cast

from textual.app import SystemCommand
from textual.binding import Binding
from textual.widget import Widget

from game.tui.i18n import tr


@dataclass(frozen=True)
class KeySpec:
    """One key: what it does and the i18n keys of its description and help.

    Attributes:
        key: Textual key name(s), comma-separated.
        action: the action it runs.
        label: i18n key of the short description (footer).
        help: i18n key of the longer help (command palette), if any.
        show: shown in the footer.
        display: how the key is written in the footer (default: Textual's).
        priority: checked before the focused widget (for keys an Input would eat).
    """

    key: str
    action: str
    label: str
    help: str | None = None
    show: bool = True
    display: str | None = None
    priority: bool = False


def bindings(specs: tuple[KeySpec, ...], language: str) -> list[Binding]:
    """Textual bindings made from ``specs``, described in ``language``.

    Args:
        specs: the keys.
        language: ``es`` or ``en``.

    Returns:
        One binding per spec.
    """
    return [
        Binding(
            spec.key,
            spec.action,
            tr(language, spec.label),
            show=spec.show,
            key_display=spec.display,
            priority=spec.priority,
            tooltip=tr(language, spec.help) if spec.help else "",
        )
        for spec in specs
    ]


_LOCALIZED: dict[tuple[type[Any], str], type[Any]] = {}


class LocalizedKeys:
    """Mixin for a Textual screen or widget whose keys are described in one language.

    Build instances with ``Class.in_language(language)(...)``: the subclass it returns
    has the same name (so the same CSS) and ``BINDINGS`` made from ``KEYS`` only: a
    screen's inherited keys (Textual's tab and copy) are dropped unless
    ``KEEP_INHERITED_KEYS`` (a widget such as Input needs its own); where both bind a
    key, ``KEYS`` win.
    """

    KEYS: ClassVar[tuple[KeySpec, ...]] = ()
    KEEP_INHERITED_KEYS: ClassVar[bool] = False

    @classmethod
    def in_language(cls, language: str) -> type[Self]:
        """This class with its ``KEYS`` bound and described in ``language``.

        Args:
            language: ``es`` or ``en``.

        Returns:
            A subclass, made once per class and language.
        """
        base: type[Any] = cls.__dict__.get("_localized_from", cls)
        made = _LOCALIZED.get((base, language))
        if made is None:
            namespace = {
                "BINDINGS": bindings(base.KEYS, language),
                "_localized_from": base,
                "__module__": base.__module__,
                "__qualname__": base.__qualname__,
                "__doc__": base.__doc__,
            }
            made = type(
                base.__name__,
                (base,),
                namespace,
                inherit_bindings=base.KEEP_INHERITED_KEYS,
            )
            _LOCALIZED[(base, language)] = made
        return cast(type[Self], made)


def palette_commands(
    node: Widget, specs: tuple[KeySpec, ...], language: str
) -> Iterator[SystemCommand]:
    """A node's enabled actions as command palette entries, in ``language``.

    Args:
        node: the screen or widget whose actions run (``app.`` ones are left out).
        specs: its keys.
        language: ``es`` or ``en``.

    Yields:
        One command per enabled action.
    """
    for spec in specs:
        if spec.action.startswith("app.") or not node.check_action(spec.action, ()):
            continue
        # The palette reads titles as markup: no brackets in them.
        title = f"{tr(language, spec.label)} · {spec.display or spec.key}"
        help_text = tr(language, spec.help) if spec.help else title
        yield SystemCommand(title, help_text, partial(node.run_action, spec.action))


CONSOLE_KEYS = (
    # The key bar is cut at its right end on a narrow terminal: answering, ending,
    # pausing and the coach come first; moderation, which the palette (^p) and the
    # briefing also list, last.
    KeySpec("r", "reply", "action.reply", "action.reply.help"),
    KeySpec("p", "private", "action.private", "action.private.help"),
    KeySpec("s", "statement", "action.statement", "action.statement.help"),
    KeySpec("x", "finish", "action.finish", "action.finish.help"),
    KeySpec("space", "pause", "action.pause", "action.pause.help", display="␣"),
    KeySpec("n", "coach", "action.coach", "action.coach.help"),
    KeySpec("f", "follow_up", "action.follow_up", "action.follow_up.help"),
    KeySpec("slash", "search", "action.search", "action.search.help", display="/"),
    KeySpec("l", "like", "action.like", "action.like.help"),
    KeySpec("h", "hide", "action.hide", "action.hide.help"),
    KeySpec("w", "warn", "action.warn", "action.warn.help"),
    KeySpec("b", "ban", "action.ban", "action.ban.help"),
    KeySpec("e", "escalate", "action.escalate", "action.escalate.help"),
    KeySpec("q", "app.quit", "key.quit", show=False),
    KeySpec("ctrl+p", "app.command_palette", "key.palette", show=False, display="^p"),
    KeySpec("ctrl+t", "app.cycle_theme", "key.theme", show=False, display="^t"),
    KeySpec("o", "next_overdue", "action.next_overdue", show=False),
    KeySpec("c", "next_channel", "action.next_channel", show=False),
    *(
        KeySpec(str(number), f"channel({number})", "action.next_channel", show=False)
        for number in range(1, 10)
    ),
    KeySpec("plus,equals_sign", "faster", "action.faster", show=False, display="+"),
    KeySpec("minus", "slower", "action.slower", show=False, display="-"),
    KeySpec("d", "debrief", "action.debrief"),
)
"""Every console key; the briefing lists the shown ones and the palette offers all."""
