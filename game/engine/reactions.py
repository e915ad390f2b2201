"""How the crowd responds to what the brand does: the scenario's reactions, applied.

A reaction is chosen by the trigger (replied, ignored, banned...), who the person is
and the cues of the brand's words; its effect moves the person's and the audience's
mood, and may make the person post again, stop, or start defending the brand.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from game.engine.audience import tempered
from game.engine.world import Person, Post
from game.scenario.model import Reaction, ReactionPost
from game.vocabulary import Cue, Verdict

if TYPE_CHECKING:
    from game.engine.session import Session


class Reactions:
    """The scenario's reactions for one session.

    Args:
        session: the session whose crowd reacts.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self._fired_once: set[tuple[str, str]] = set()  # (reaction id, person id)
        self._posts_written: Counter[tuple[str, str]] = Counter()  # (reaction id, person id)

    def react(
        self,
        person: Person,
        trigger: str,
        post: Post | None,
        cues: frozenset[Cue],
        verdicts: frozenset[Verdict] = frozenset(),
    ) -> None:
        """Apply the matching reaction now, or schedule it after its delay.

        Args:
            person: who reacts.
            trigger: what the brand did (replied, ignored...).
            post: their post it is about.
            cues: the cues of the brand's words the person took in.
            verdicts: what the reading of those words found wrong (canned...).
        """
        reaction = self._matching(person, trigger, cues, verdicts)
        if reaction is None:
            return
        delay = reaction.after_minutes * 60
        if delay == 0:
            self._apply(reaction, person, post)
            return
        session = self._session
        session.schedule(session.now + delay, lambda: self._apply(reaction, person, post))

    def _matching(
        self, person: Person, trigger: str, cues: frozenset[Cue], verdicts: frozenset[Verdict]
    ) -> Reaction | None:
        """The first reaction, in file order, for this person, trigger and reading."""
        for reaction in self._session.scenario.reactions:
            if reaction.trigger != trigger:
                continue
            if (
                person.archetype not in reaction.archetypes
                and person.persona not in reaction.personas
            ):
                continue
            if reaction.cues_any and not cues.intersection(reaction.cues_any):
                continue
            if cues.intersection(reaction.cues_none):
                continue
            if reaction.verdicts_any and not verdicts.intersection(reaction.verdicts_any):
                continue
            if verdicts & reaction.blocking_verdicts:
                continue
            if reaction.once:
                if (reaction.id, person.id) in self._fired_once:
                    continue
                self._fired_once.add((reaction.id, person.id))
            return reaction
        return None

    def _apply(self, reaction: Reaction, person: Person, post: Post | None) -> None:
        session = self._session
        effect = reaction.then
        session.audience.set_mood(person, person.mood + tempered(effect.mood, person.temper))
        session.audience.move(effect.audience)
        if (
            effect.post is not None
            and post is not None
            and not (person.banned or person.stopped)
            and self._may_post_again(reaction, person)
        ):
            self._posts_written[(reaction.id, person.id)] += 1
            channel_id = self._channel(effect.post.channel, post.channel)
            if channel_id == post.channel:
                thread = session.threads[post.thread]
            else:
                thread = session.posting.new_thread(person, channel_id)
                thread.values = dict(session.threads[post.thread].values)
            session.posting.publish(
                person,
                channel_id,
                effect.post.text,
                thread,
                tone=effect.post.tone,
                needs_reply=_needs_reply(effect.post),
                tags_brand=True,
                source=f"reaction:{reaction.id}",
            )
        if effect.stops:
            person.stopped = True
            session.drop_waiting(person)
            session.audience.left(person, banned=False)
        if effect.becomes_advocate:
            person.advocate = True
            session.audience.advocate(person)

    def _may_post_again(self, reaction: Reaction, person: Person) -> bool:
        """Whether the person has written this reaction's post fewer than its ``per_person``."""
        assert reaction.then.post is not None
        limit = reaction.then.post.per_person
        return limit is None or self._posts_written[(reaction.id, person.id)] < limit

    def _channel(self, wanted: str, current: str) -> str:
        if wanted == "same":
            return current
        if wanted == "other":
            others = [
                c.id
                for c in self._session.scenario.channels
                if c.visibility == "public" and c.id != current
            ]
            return others[self._session.rng.randrange(len(others))] if others else current
        return wanted


def _needs_reply(post: ReactionPost) -> bool:
    """Whether a reaction's post waits for an answer: complaints and questions do.

    A thank-you closes an exchange and abuse is a matter of house rules, so neither
    counts as waiting unless the scenario says so.
    """
    if post.needs_reply is not None:
        return post.needs_reply
    return post.tone in ("negative", "neutral")
