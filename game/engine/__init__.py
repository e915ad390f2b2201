"""The pure simulation: sessions, the crowd, the phases, actions and the session log.

Never imports the user interface (a test enforces it).
"""

from game.engine.actions import (
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
from game.engine.session import ActionError, Session

__all__ = [
    "Action",
    "ActionError",
    "Ban",
    "Escalate",
    "FollowUp",
    "Hide",
    "Like",
    "PrivateMessage",
    "Reply",
    "Search",
    "Session",
    "Statement",
    "Wait",
    "Warn",
]
