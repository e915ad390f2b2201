"""Playbooks: a facilitator's script of how a player acts, as a YAML file.

A playbook lists rules (which posts, after how long, which action, which words) and
timed statements. ``crisisdrill simulate SCENARIO --playbook FILE`` plays it, so an
expert's or a bad trainee's habits can be replayed on any scenario and seed.

Words are filled like the scenario's own replies: ``{first_name}``, ``{name}``,
``{handle}``, ``{city}``, ``{order}`` of the person answered, ``{brand}``,
``{brand_handle}`` and the scenario's own placeholders as drawn for that exchange.
A ``text`` may be one text or a list of variants; a post gets variant number
``post number % len(variants)``, so the choice is deterministic and spends nothing of
the session's random generator (which would change the crowd).

Example::

    name: expert
    search_every_minutes: 5
    follow_up_promises: true
    rules:                       # the first rule that matches a post handles it, once
      - match: {archetypes: [troll], warned: false}
        action: warn
        text: {es: "Recordamos las normas...", en: "A reminder of our rules..."}
      - match: {archetypes: [troll], warned: true}
        action: ban
        reason: {es: Insultos tras un aviso., en: Insults after a warning.}
      - match: {needs_reply: true}   # complaints, questions, praise; not shares
        after_minutes: 2
        action: reply
        text: exemplar           # the scenario's good reply for that post
    statements:
      - at_minute: 20
        text: exemplar           # the scenario's first good statement

A rule can also pick posts by the facts they touch and by what the brand knows now
(``facts``, ``known``, ``unknown``), by the crowd template or reaction behind them
(``crowd``, ``reactions``) and by the state of the exchange (``in_private``,
``public_replies_at_least``); ``follow_up_text`` words the follow-ups of promises.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationError

from game.engine import botlines
from game.engine.policies import (
    Bot,
    exemplars_for,
    follow_ups_due,
    reply_text,
    statement_text,
)
from game.engine.session import Session
from game.engine.world import Person, Post
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
    Warn,
)
from game.scenario.messages import problems_from_errors
from game.scenario.model import Archetype, Id, LocalizedText, Model, Tone
from game.scenario.problems import Problem, ScenarioError
from game.scenario.yamlsource import read_yaml_file
from game.vocabulary import PromiseAct

Variants = Annotated[list[LocalizedText], Field(min_length=1)]
PlaybookText = Literal["exemplar"] | LocalizedText | Variants

PLAYBOOK_DOCUMENT = "a playbook (a mapping with name, rules, statements, ...)"


class Match(Model):
    """Which posts a rule applies to; every given condition must hold."""

    archetypes: list[Archetype] = Field(default_factory=list, description="Author archetypes.")
    personas: list[Id] = Field(default_factory=list, description="Author personas.")
    channels: list[Id] = Field(default_factory=list, description="Channels of the post.")
    tones: list[Tone] = Field(default_factory=list, description="Tones of the post.")
    injects: list[Id] = Field(default_factory=list, description="Scripted posts, by inject id.")
    crowd: list[Id] = Field(default_factory=list, description="Crowd posts, by template id.")
    reactions: list[Id] = Field(
        default_factory=list, description="Posts a reaction made, by reaction id."
    )
    facts: list[Id] = Field(
        default_factory=list, description="Facts of which the post must touch one."
    )
    known: list[Id] = Field(
        default_factory=list, description="Facts the brand must know by now (all of them)."
    )
    unknown: list[Id] = Field(
        default_factory=list, description="Facts the brand must not know yet (none of them)."
    )
    contains: list[str] = Field(
        default_factory=list, description="Words of which the post must contain one."
    )
    in_private: bool | None = Field(
        default=None,
        description="true: the exchange is on a private channel or was moved to private "
        "messages; false: it is still public.",
    )
    public_replies_at_least: int | None = Field(
        default=None, ge=0, description="The brand already answered in public this many times."
    )
    warned: bool | None = Field(default=None, description="Whether the author was warned.")
    needs_reply: bool | None = Field(
        default=None,
        description="true: only posts still waiting for an answer (complaints, questions, "
        "praise); false: only those that need none (shares, jokes, onlookers, trolls).",
    )


class Rule(Model):
    """What to do with the posts a match selects."""

    match: Match = Field(default_factory=Match)
    after_minutes: float = Field(default=1, ge=0, description="Minutes after the post.")
    action: Literal["reply", "private_message", "like", "hide", "warn", "ban", "escalate", "ignore"]
    text: PlaybookText | None = Field(
        default=None, description="Words of a reply, private message or warning."
    )
    reason: LocalizedText | None = Field(default=None, description="Reason of a ban.")
    team: str | None = Field(default=None, description="Team to escalate to.")


class TimedStatement(Model):
    """An official statement at a given minute."""

    at_minute: float = Field(ge=0)
    channels: list[Id] = Field(default_factory=list, description="Default: every public one.")
    text: PlaybookText


class Playbook(Model):
    """A scripted player."""

    name: str = Field(default="playbook", description="Shown in simulate's output.")
    search_every_minutes: float = Field(
        default=0, ge=0, description="Search for untagged mentions this often (0: never)."
    )
    follow_up_promises: bool = Field(
        default=False, description="Follow up each promise halfway to its deadline."
    )
    follow_up_text: LocalizedText | Variants | None = Field(
        default=None,
        description="Words of the follow-ups of promises to write in private (default: a "
        "stock line). A follow-up keeps only what it delivers: see follow_up_by_act.",
    )
    follow_up_by_act: dict[PromiseAct, LocalizedText | Variants] = Field(
        default_factory=dict,
        description="Words of the follow-ups per promised act (update, callback, refund, "
        "fix...), delivering it; an act not listed gets follow_up_text for a private "
        "message, else a stock line that delivers it.",
    )
    rules: list[Rule] = Field(default_factory=list)
    statements: list[TimedStatement] = Field(default_factory=list)


def load_playbook(path: Path, display: str | None = None) -> Playbook:
    """Read and validate a playbook file.

    Raises:
        ScenarioError: with located problems, as for scenarios.
    """
    name = display if display is not None else str(path)
    document = read_yaml_file(path, name, PLAYBOOK_DOCUMENT)
    if not isinstance(document.data, dict):
        raise ScenarioError(name, [Problem(1, 1, f"expected {PLAYBOOK_DOCUMENT}")])
    try:
        playbook = Playbook.model_validate(document.data)
    except ValidationError as error:
        problems = problems_from_errors(
            error.errors(), document.data, document.source_map, document.suspect, Playbook
        )
        raise ScenarioError(name, [*document.problems, *problems]) from None
    if document.problems:
        raise ScenarioError(name, document.problems)
    return playbook


def _matches(match: Match, session: Session, post: Post, author: Person) -> bool:
    thread = session.threads[post.thread]
    private = thread.private or session.channels[post.channel].visibility == "private"
    checks = (
        not match.archetypes or author.archetype in match.archetypes,
        not match.personas or author.persona in match.personas,
        not match.channels or post.channel in match.channels,
        not match.tones or post.tone in match.tones,
        not match.injects or post.source in {f"inject:{i}" for i in match.injects},
        not match.crowd or post.source in {f"crowd:{i}" for i in match.crowd},
        not match.reactions or post.source in {f"reaction:{i}" for i in match.reactions},
        not match.facts or not set(match.facts).isdisjoint(post.facts),
        all(fact in session.revealed for fact in match.known),
        not any(fact in session.revealed for fact in match.unknown),
        not match.contains
        or any(word.casefold() in post.text.casefold() for word in match.contains),
        match.warned is None or author.warned == match.warned,
        match.needs_reply is None or post.waiting == match.needs_reply,
        match.in_private is None or private == match.in_private,
        match.public_replies_at_least is None
        or thread.public_replies >= match.public_replies_at_least,
    )
    return all(checks)


def pick_variant(texts: LocalizedText | list[LocalizedText], post: Post | None) -> LocalizedText:
    """One text of ``texts``: the variant for this post (by its number), or the only one.

    Args:
        texts: one text, or a list of variants.
        post: the post answered; None picks the first variant.
    """
    if isinstance(texts, dict):
        return texts
    number = int(post.id.lstrip("m") or 0) if post is not None else 0
    return texts[number % len(texts)]


@dataclass
class PlaybookPlayer(Bot):
    """Plays a playbook: implements the simulate ``Player`` protocol."""

    playbook: Playbook = field(default_factory=Playbook)
    stated: set[int] = field(default_factory=set)
    last_search: float = float("-inf")

    def __post_init__(self) -> None:
        self.name = self.playbook.name

    def decide(self, session: Session) -> list[Action]:
        """The actions the playbook's rules call for now."""
        actions: list[Action] = []
        every = self.playbook.search_every_minutes * 60
        if every and session.now - self.last_search >= every:
            self.last_search = session.now
            actions.append(Search())
        for post, author in self._due(session, 0):
            rule = next(
                (r for r in self.playbook.rules if _matches(r.match, session, post, author)),
                None,
            )
            if rule is None or session.now - post.time < rule.after_minutes * 60:
                continue
            self.handled.add(post.id)
            action = self._action(session, rule, post)
            if action is not None:
                actions.append(action)
        if self.playbook.follow_up_promises:
            actions.extend(self._follow_ups(session))
        for index, statement in enumerate(self.playbook.statements):
            if index not in self.stated and session.now >= statement.at_minute * 60:
                self.stated.add(index)
                actions.append(self._statement(session, statement))
        return actions

    def _follow_ups(self, session: Session) -> list[Action]:
        """The follow-ups due, in the playbook's words where it has words for the act."""
        worded: list[Action] = []
        for action in follow_ups_due(session, self.handled):
            if isinstance(action, PrivateMessage):
                # A promise to write in private is kept by a private message.
                words = self.playbook.follow_up_by_act.get("private_message")
                words = words or self.playbook.follow_up_text
                if words is None:
                    worded.append(action)
                    continue
                first = session.posts[action.post_id]
                text = reply_text(session, first, pick_variant(words, first))
                worded.append(PrivateMessage(action.post_id, text))
                continue
            assert isinstance(action, FollowUp)
            promise = session.promises[action.promise_id]
            words = next(
                (
                    text
                    for act, text in self.playbook.follow_up_by_act.items()
                    if act == promise.act
                ),
                None,
            )
            if words is None:
                worded.append(action)  # the stock line that delivers this act
                continue
            first = session.posts[session.threads[promise.thread].posts[0]]
            text = reply_text(session, first, pick_variant(words, first))
            worded.append(FollowUp(action.promise_id, text))
        return worded

    def _text(self, session: Session, post: Post, text: PlaybookText | None) -> str:
        if text == "exemplar" or text is None:
            exemplars = exemplars_for(session, post)
            texts = exemplars.good[0] if exemplars is not None else botlines.GOOD_REPLY
            return reply_text(session, post, texts)
        return reply_text(session, post, pick_variant(text, post))

    def _action(self, session: Session, rule: Rule, post: Post) -> Action | None:
        kind = rule.action
        if kind == "reply":
            return Reply(post.id, self._text(session, post, rule.text))
        if kind == "private_message":
            return PrivateMessage(post.id, self._text(session, post, rule.text))
        if kind == "warn":
            texts = rule.text if rule.text not in (None, "exemplar") else botlines.WARNING
            assert texts is not None and texts != "exemplar"
            return Warn(post.id, reply_text(session, post, pick_variant(texts, post)))
        if kind == "ban":
            return Ban(post.id, reply_text(session, post, rule.reason or botlines.BAN_REASON))
        if kind == "like":
            return Like(post.id)
        if kind == "hide":
            return Hide(post.id)
        if kind == "escalate":
            return Escalate(post.id, rule.team or "support")
        return None  # ignore

    def _statement(self, session: Session, statement: TimedStatement) -> Statement:
        if statement.text == "exemplar":
            good = session.scenario.scoring.statement.good
            texts = good[0] if good else botlines.STATEMENT
        else:
            texts = pick_variant(statement.text, None)
        return Statement(statement_text(session, texts), tuple(statement.channels))
