"""Key bindings with localized descriptions, shared by the footer, the palette and briefing.

Textual reads a class's BINDINGS once; descriptions in the trainee's language are made
per screen instance from these specs instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

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


def localize(
    node: DOMNode, language: str, specs: tuple[KeySpec, ...], *, keep: bool = False
) -> None:
    """Give ``node`` bindings made from ``specs``, described in ``language``.

    Args:
        node: a screen or a widget; its class bindings are replaced for this instance.
        language: ``es`` or ``en``.
        specs: the keys.
        keep: keep the node's own bindings too (a widget such as Input needs them).
    """
    kept = (
        [binding for group in node._bindings.key_to_bindings.values() for binding in group]
        if keep
        else []
    )
    bindings = [
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
    node._bindings = BindingsMap([*kept, *bindings])


CONSOLE_KEYS = (
    KeySpec("r", "reply", "action.reply", "action.reply.help"),
    KeySpec("p", "private", "action.private", "action.private.help"),
    KeySpec("s", "statement", "action.statement", "action.statement.help"),
    KeySpec("l", "like", "action.like", "action.like.help"),
    KeySpec("h", "hide", "action.hide", "action.hide.help"),
    KeySpec("w", "warn", "action.warn", "action.warn.help"),
    KeySpec("b", "ban", "action.ban", "action.ban.help"),
    KeySpec("e", "escalate", "action.escalate", "action.escalate.help"),
    KeySpec("f", "follow_up", "action.follow_up", "action.follow_up.help"),
    KeySpec("slash", "search", "action.search", "action.search.help", display="/"),
    KeySpec("space", "pause", "action.pause", "action.pause.help", display="␣"),
    KeySpec("x", "finish", "action.finish", "action.finish.help"),
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
    KeySpec("d", "debrief", "action.debrief", show=False),
)
"""Every console key; the briefing lists the shown ones and the palette offers all."""
