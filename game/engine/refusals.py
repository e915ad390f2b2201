"""Why the engine refuses an action or a push: a code with parameters, never a sentence.

The engine speaks no language of the trainee's: the console translates the code, the
command line prints the English ``message``. A refused action changes and logs nothing.
"""

from __future__ import annotations

from enum import StrEnum


class Refusal(StrEnum):
    """Every reason an action can be refused."""

    SESSION_ENDED = "session_ended"
    NEGATIVE_WAIT = "negative_wait"
    UNKNOWN_ACTION = "unknown_action"
    NO_SUCH_POST = "no_such_post"
    OWN_POST = "own_post"
    NO_SUCH_CHANNEL = "no_such_channel"
    PRIVATE_NEEDS_MESSAGE = "private_needs_message"
    NO_PRIVATE_CHANNEL = "no_private_channel"
    NOT_PUBLIC_CHANNEL = "not_public_channel"
    AUTHOR_BANNED = "author_banned"
    ALREADY_BANNED = "already_banned"
    ALREADY_HIDDEN = "already_hidden"
    EMPTY_STATEMENT = "empty_statement"
    BAN_NEEDS_REASON = "ban_needs_reason"
    TEAM_MISSING = "team_missing"
    ALREADY_ESCALATED = "already_escalated"
    NO_SUCH_PROMISE = "no_such_promise"
    PROMISE_ALREADY_KEPT = "promise_already_kept"
    TEXT_TOO_LONG = "text_too_long"
    NO_SUCH_INJECT = "no_such_inject"
    NO_SUCH_PERSONA = "no_such_persona"
    EMPTY_POST = "empty_post"
    HIDDEN_CHARACTER = "hidden_character"


ENGLISH: dict[Refusal, str] = {
    Refusal.SESSION_ENDED: "the session has ended",
    Refusal.NEGATIVE_WAIT: "cannot wait a negative time",
    Refusal.UNKNOWN_ACTION: "unknown action {action}",
    Refusal.NO_SUCH_POST: "no post '{post}' in view",
    Refusal.OWN_POST: "that is one of the brand's own posts",
    Refusal.NO_SUCH_CHANNEL: "no channel '{channel}'",
    Refusal.PRIVATE_NEEDS_MESSAGE: "to answer in private, send a private message",
    Refusal.NO_PRIVATE_CHANNEL: "this scenario has no private channel",
    Refusal.NOT_PUBLIC_CHANNEL: "'{channel}' is not a public channel of this scenario",
    Refusal.AUTHOR_BANNED: "{handle} is banned",
    Refusal.ALREADY_BANNED: "{handle} is already banned",
    Refusal.ALREADY_HIDDEN: "that post is already hidden",
    Refusal.EMPTY_STATEMENT: "a statement needs text",
    Refusal.BAN_NEEDS_REASON: "a ban needs a reason",
    Refusal.TEAM_MISSING: "name the team to escalate to",
    Refusal.ALREADY_ESCALATED: "this exchange is already with {team}",
    Refusal.NO_SUCH_PROMISE: "no promise '{promise}'",
    Refusal.PROMISE_ALREADY_KEPT: "that promise was already kept",
    Refusal.TEXT_TOO_LONG: "that text has {length} characters; the most is {limit}",
    Refusal.NO_SUCH_INJECT: "no facilitator inject '{inject}' in this scenario",
    Refusal.NO_SUCH_PERSONA: "no persona '{persona}' in this scenario",
    Refusal.EMPTY_POST: "a post needs text",
    Refusal.HIDDEN_CHARACTER: "the text holds an invisible control character ({code})",
}
"""The English sentence of each refusal, for logs, bots and the command line."""


class ActionError(Exception):
    """An action that cannot be taken now.

    Attributes:
        refusal: why, as a code.
        params: what the sentence names (a handle, a channel, a team...).
    """

    def __init__(self, refusal: Refusal, **params: str) -> None:
        self.refusal = refusal
        self.params = params
        super().__init__(ENGLISH[refusal].format(**params))
