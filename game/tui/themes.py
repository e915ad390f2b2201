"""The themes the game offers: Textual's dark and light ones and a high-contrast one."""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="crisisdrill-contrast",
    # Pure black and white with saturated accents: readable on projectors and for
    # trainees with low vision; states never rely on these colours alone.
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FF00FF",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    success="#00FF00",
    warning="#FFFF00",
    error="#FF3030",
    boost="#FFFFFF",
    dark=True,
    variables={
        "border": "#FFFFFF",
        "footer-key-foreground": "#FFFF00",
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
        "input-selection-background": "#FFFF00 40%",
    },
)

OFFERED_THEMES: tuple[tuple[str, str], ...] = (
    ("textual-dark", "theme.dark"),
    ("textual-light", "theme.light"),
    (HIGH_CONTRAST.name, "theme.contrast"),
)
"""Theme names and the i18n key of their label, in the order ``ctrl+t`` cycles them."""


def next_theme(current: str) -> str:
    """The theme after ``current`` in the cycle (the first if it is not offered)."""
    names = [name for name, _ in OFFERED_THEMES]
    if current not in names:
        return names[0]
    return names[(names.index(current) + 1) % len(names)]
