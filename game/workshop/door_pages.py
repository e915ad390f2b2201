"""The door's HTML pages: the join form, the game page and the notices, in plain text.

Every value reaches the page through Jinja's autoescape, so a name such as ``<b>`` is
shown as typed, never read as HTML. The pages load nothing from outside the door.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from aiohttp import web

from game.workshop.door_text import Notice, words
from game.workshop.names import MAX_TRAINEE_NAME

_PAGES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,  # a misspelt word fails the tests, not the page
)

# Who may refuse what: a code or a name the trainee can fix goes back to the form.
_STATUS: dict[Notice, int] = {
    "wrong_code": 403,
    "too_many": 429,
    "bad_name": 400,
    "taken": 409,
    "full": 403,
    "over": 410,
}


def _page(template: str, language: str, status: int = 200, **values: object) -> web.Response:
    html = _PAGES.get_template(template).render(lang=language, t=words(language), **values)
    return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")


def join_page(language: str) -> web.Response:
    """The form where a trainee types the code and their name."""
    return _page("join.html", language, name_limit=MAX_TRAINEE_NAME)


def play_page(language: str, websocket_url: str) -> web.Response:
    """The page that runs the trainee's game in textual-serve's terminal.

    Args:
        language: the round's language.
        websocket_url: where the page's terminal connects (``ws://HOST/ws``).
    """
    return _page("play.html", language, websocket_url=websocket_url)


def notice_page(language: str, notice: Notice, *, name: str = "", limit: int = 0) -> web.Response:
    """A page that says why the door did not seat someone, and no more.

    Args:
        language: the round's language.
        notice: which refusal.
        name: the name that was refused (shown as plain text).
        limit: the number the message names (a name's length, the room's size).
    """
    t = words(language)
    message = t[notice].format(name=name, limit=limit)
    return _page(
        "notice.html",
        language,
        status=_STATUS[notice],
        heading=t[f"{notice}_heading"],
        message=message,
        back=notice != "over",
    )
