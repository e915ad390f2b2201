"""Build what the widgets show as ``Content``: untrusted text always goes in as plain text.

Every string from a scenario, Faker or the trainee enters here through ``Content(text)``
or a ``(text, style)`` pair of ``Content.assemble``, never through markup; styles come
only from this module's constants, so ``[@click=app.quit]`` in a post stays text. It
passes through ``cell_safe`` first (``shown``), so that an emoji sequence is as wide on
the screen as the layout counts it.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from game.engine.world import Post
from game.inert import cell_safe
from game.tui.controller import Game, PostState, clock_text, compact_number
from game.tui.i18n import STRINGS, tr

STATE_STYLE: dict[PostState, str] = {
    "new": "bold",
    "answered": "dim",
    "overdue": "bold reverse",
    "private": "italic",
    "hidden": "dim strike",
    "banned": "dim strike",
    "brand": "bold",
    "fyi": "dim",
}
"""How each state looks; the words and symbols of ``state.*`` say it without colour."""

FEED_TEXT_WIDTH = 200  # the feed's column crops it to the width there is


def shown(text: str) -> str:
    """A text from a scenario, Faker or the trainee as the screen shows it (``cell_safe``)."""
    return cell_safe(text)


def state_label(state: PostState, language: str) -> str:
    """The word and symbol of a post state."""
    return tr(language, f"state.{state}")


def team_name(language: str, team: str) -> str:
    """A team in words; a team the game does not know by name is shown as it is."""
    key = f"team.{team}"
    return tr(language, key) if key in STRINGS["en"] else team


def one_line(text: str, width: int) -> str:
    """A text on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(cell_safe(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def feed_cells(game: Game, post: Post) -> tuple[Text, ...]:
    """The feed row of a post: state, time, author, handle, followers, text.

    Rich ``Text`` objects, because the DataTable parses plain ``str`` cells as markup.
    """
    state = game.state(post)
    person = game.person(post)
    brand = game.scenario.meta.brand
    author = person.name if person else brand.name
    handle = person.handle if person else brand.handle
    followers = compact_number(person.followers) if person else ""
    style = STATE_STYLE[state]
    return (
        Text(state_label(state, game.language), style=style),
        Text(clock_text(post.time, game.language)),
        Text(one_line(author, 16), style="bold" if state in ("new", "overdue") else ""),
        Text(one_line(handle, 14)),
        Text(followers, justify="right"),
        Text(one_line(post.text, FEED_TEXT_WIDTH), no_wrap=True, overflow="ellipsis"),
    )


def post_header(game: Game, post: Post) -> Content:
    """Who wrote a post, where and when: one line."""
    person = game.person(post)
    language = game.language
    state = game.state(post)
    if person is None:
        who = Content.styled(
            tr(language, "thread.brand", handle=game.scenario.meta.brand.handle), "bold"
        )
    else:
        who = Content.assemble(
            (shown(person.name), "bold"),
            " ",
            shown(person.handle),
            " · ",
            tr(
                language,
                "thread.followers",
                followers=compact_number(person.followers),
                count=person.followers,  # chooses the singular; not shown
            ),
        )
    return Content.assemble(
        who,
        " · ",
        shown(game.channel_name(post.channel)),
        " · ",
        clock_text(post.time, language),
        "  ",
        (state_label(state, language), STATE_STYLE[state]),
    )


def thread_entries(game: Game, post: Post) -> list[tuple[str, Content]]:
    """Each message of a post's exchange, by post id: its author line and its text.

    The selected post is marked ``▶``; the others are indented as much.
    """
    entries: list[tuple[str, Content]] = []
    for item in game.thread_posts(post):
        marker = "▶ " if item.id == post.id else "  "
        entries.append(
            (
                item.id,
                Content("\n").join(
                    [
                        Content.assemble(marker, post_header(game, item)),
                        Content.assemble("    ", Content(shown(item.text))),
                    ]
                ),
            )
        )
    return entries


def thread_notes(game: Game, post: Post) -> Content | None:
    """What follows an exchange's messages: the teams it went to and its promises."""
    lines: list[Content] = []
    escalated = game.session.threads[post.thread].escalated
    if escalated:
        teams = ", ".join(team_name(game.language, team) for team in escalated)
        lines.append(Content(tr(game.language, "thread.escalated", teams=teams)))
    for promise in game.thread_promises(post):
        lines.append(
            Content(
                tr(
                    game.language,
                    "thread.promise",
                    id=promise.id,
                    text=promise.text,
                    due=clock_text(promise.due, game.language),
                    status=tr(game.language, f"promise.{promise.status}"),
                )
            )
        )
    return Content("\n").join(lines) if lines else None


def thread_content(game: Game, post: Post) -> Content:
    """The history of a post's exchange: each message with its author, then its promises."""
    parts: list[Content] = []
    for _, entry in thread_entries(game, post):
        parts.append(entry)
        parts.append(Content(""))
    notes = thread_notes(game, post)
    if notes is not None:
        parts.append(notes)
    return Content("\n").join(parts)


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges sorted, with overlapping or touching ones joined."""
    result: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], end))
        else:
            result.append((start, end))
    return result


def highlighted(text: str, spans: list[tuple[int, int]], style: str = "bold reverse") -> Content:
    """A text with some character ranges styled (the trainee's words that counted).

    Overlapping ranges (a fix inside a promise) are joined first: each character is
    styled once. The spans count characters of the original text, so each piece
    between their edges is made ``cell_safe`` on its own and keeps its style.
    """
    pieces: list[Content] = []
    done = 0
    for start, end in merged(spans):
        if 0 <= done <= start < end <= len(text):
            pieces.append(Content(shown(text[done:start])))
            pieces.append(Content.styled(shown(text[start:end]), style))
            done = end
    pieces.append(Content(shown(text[done:])))
    return Content("").join(pieces)


BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float], width: int) -> str:
    """The last ``width`` values from -1 to 1 as block characters, on a fixed scale.

    Fixed, so that a calm mood never looks like a peak: ``▁`` is -1 (hostile) and
    ``█`` is 1 (warm), whatever the values.
    """
    shown = values[-width:] if width > 0 else []
    steps = len(BLOCKS) - 1
    return "".join(BLOCKS[round((max(-1.0, min(1.0, value)) + 1) / 2 * steps)] for value in shown)
