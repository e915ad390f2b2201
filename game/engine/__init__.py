"""The pure simulation: sessions, the crowd, the phases, actions and the session log.

Never imports the user interface (a test enforces it).
"""

from game.engine.refusals import ActionError, Refusal
from game.engine.session import Session
from game.journal.actions import (
    Action,
    Ban,
    Escalate,
    FollowUp,
    Hide,
    Like,
    PrivateMessage,
    Reply,
    Search,
    Statement,
    Wait,
    Warn,
)

__all__ = [
    "Action",
    "ActionError",
    "Ban",
    "Escalate",
    "FollowUp",
    "Hide",
    "Like",
    "PrivateMessage",
    "Refusal",
    "Reply",
    "Search",
    "Session",
    "Statement",
    "Wait",
    "Warn",
]
