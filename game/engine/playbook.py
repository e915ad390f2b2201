"""Playbooks: a facilitator's script of how a player acts, as a YAML file.

A playbook lists rules (which posts, after how long, which action, which words) and
timed statements. ``crisisdrill simulate SCENARIO --playbook FILE`` plays it, so an
expert's or a bad trainee's habits can be replayed on any scenario and seed.

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
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

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

PlaybookText = Literal["exemplar"] | LocalizedText

PLAYBOOK_DOCUMENT = "a playbook (a mapping with name, rules, statements, ...)"


class Match(Model):
    """Which posts a rule applies to; every given condition must hold."""

    archetypes: list[Archetype] = Field(default_factory=list, description="Author archetypes.")
    personas: list[Id] = Field(default_factory=list, description="Author personas.")
    channels: list[Id] = Field(default_factory=list, description="Channels of the post.")
    tones: list[Tone] = Field(default_factory=list, description="Tones of the post.")
    injects: list[Id] = Field(default_factory=list, description="Scripted posts, by inject id.")
    contains: list[str] = Field(
        default_factory=list, description="Words of which the post must contain one."
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


def _matches(match: Match, post: Post, author: Person) -> bool:
    checks = (
        not match.archetypes or author.archetype in match.archetypes,
        not match.personas or author.persona in match.personas,
        not match.channels or post.channel in match.channels,
        not match.tones or post.tone in match.tones,
        not match.injects or post.source in {f"inject:{i}" for i in match.injects},
        not match.contains
        or any(word.casefold() in post.text.casefold() for word in match.contains),
        match.warned is None or author.warned == match.warned,
        match.needs_reply is None or post.waiting == match.needs_reply,
    )
    return all(checks)


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
            rule = next((r for r in self.playbook.rules if _matches(r.match, post, author)), None)
            if rule is None or session.now - post.time < rule.after_minutes * 60:
                continue
            self.handled.add(post.id)
            action = self._action(session, rule, post)
            if action is not None:
                actions.append(action)
        if self.playbook.follow_up_promises:
            actions.extend(follow_ups_due(session, self.handled))
        for index, statement in enumerate(self.playbook.statements):
            if index not in self.stated and session.now >= statement.at_minute * 60:
                self.stated.add(index)
                actions.append(self._statement(session, statement))
        return actions

    def _text(self, session: Session, post: Post, text: PlaybookText | None) -> str:
        if text == "exemplar" or text is None:
            exemplars = exemplars_for(session, post)
            texts = exemplars.good[0] if exemplars is not None else botlines.GOOD_REPLY
            return reply_text(session, post, texts)
        return reply_text(session, post, text)

    def _action(self, session: Session, rule: Rule, post: Post) -> Action | None:
        kind = rule.action
        if kind == "reply":
            return Reply(post.id, self._text(session, post, rule.text))
        if kind == "private_message":
            return PrivateMessage(post.id, self._text(session, post, rule.text))
        if kind == "warn":
            texts = rule.text if rule.text not in (None, "exemplar") else botlines.WARNING
            assert texts is not None and texts != "exemplar"
            return Warn(post.id, reply_text(session, post, texts))
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
            texts = statement.text
        return Statement(statement_text(session, texts), tuple(statement.channels))
