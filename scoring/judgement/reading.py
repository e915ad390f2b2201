"""The judgement of one reply: its cues read against the post, the person and the session.

``judge_reply`` is pure: the same reply, situation and earlier answers always give the
same judgement. The engine calls it as each reply is sent (the crowd reacts to it) and
the scorer calls it again from the log, in the same order with the same earlier
answers, so both see exactly the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.journal.records import AnswerRecord, PostRecord
from game.scenario.model import Fact, PostKind, Scenario
from game.vocabulary import Cue, Verdict
from scoring.analyzer import Analysis, CueHit
from scoring.catalog import SUPPORTED
from scoring.judgement.canned import Reuse, reuse_of
from scoring.judgement.coherence import Contradiction, contradictions, stuffed
from scoring.judgement.fit import (
    RECIPIENT_OF_ARCHETYPE,
    Fit,
    Misplaced,
    Recipient,
    fit_for,
)
from scoring.judgement.specificity import names_to_ignore, shared_topic, topic_stems


@dataclass(frozen=True)
class Situation:
    """What a reply answers: who, what, in which language, about which facts.

    Attributes:
        recipient: who wrote the post.
        kind: what the post is.
        language: the language the post is written in.
        topic: content stems of the post and its facts (see ``specificity``).
        ignore: folded name words that are not content (brand, author).
        facts: the facts the post touches.
        recipient_id: the author's person id.
        name: the author's name.
        question: what the post asks about (see ``question_of``, ``AnswerRecord.topic``).
    """

    recipient: Recipient
    kind: PostKind
    language: str
    topic: frozenset[str]
    ignore: frozenset[str]
    facts: tuple[Fact, ...]
    recipient_id: str
    name: str | None
    question: str = ""


def _template_kind(scenario: Scenario, source: str) -> PostKind | None:
    """The ``kind:`` a scenario gave the template a post came from, if any."""
    origin, _, template_id = source.partition(":")
    if origin == "inject":
        templates: Sequence[object] = scenario.injects
    elif origin == "facilitator":  # pushed in a workshop: the scenario's, or written there
        templates = scenario.facilitator_injects
    elif origin == "crowd":
        templates = scenario.crowd
    elif origin == "reaction":
        reaction = next((r for r in scenario.reactions if r.id == template_id), None)
        post = reaction.then.post if reaction is not None else None
        return post.kind if post is not None else None
    else:
        return None
    template = next((t for t in templates if getattr(t, "id", None) == template_id), None)
    return getattr(template, "kind", None)


def post_kind(scenario: Scenario, post: PostRecord) -> PostKind:
    """What a post is: the scenario's ``kind:`` for its template, else read from it.

    Abuse is an abusive tone; a rumour touches a fact that is false; a positive post
    is praise, or thanks when it answers the brand; a neutral one is a question; the
    rest are complaints.
    """
    kind = _template_kind(scenario, post.source)
    if kind is not None:
        return kind
    facts = {fact.id: fact for fact in scenario.facts}
    if post.tone == "abusive":
        return "abuse"
    if any(facts[f].truth is False for f in post.facts if f in facts):
        return "rumour"
    if post.tone == "positive":
        return "thanks" if post.source.startswith("reaction:") else "praise"
    if post.tone == "neutral":
        return "question"
    return "complaint"


def question_of(scenario: Scenario, post: PostRecord) -> str:
    """What a post asks about, for telling consistency from canned replies.

    Posts about the same facts ask the same question; so do all thanks and praise;
    otherwise each scenario template (or reaction) is its own question.
    """
    kind = post_kind(scenario, post)
    if post.facts:
        return "facts:" + ",".join(sorted(post.facts))
    if kind in ("praise", "thanks"):
        return "kind:" + kind
    return "source:" + post.source


def situation_of(
    scenario: Scenario, post: PostRecord, archetype: str, name: str | None, language: str
) -> Situation:
    """The situation of a reply to ``post``.

    Args:
        scenario: the scenario played.
        post: the post answered.
        archetype: its author's persona archetype.
        name: its author's name.
        language: the session's language (for the facts' words).
    """
    facts = tuple(f for f in scenario.facts if f.id in post.facts)
    texts = [post.text]
    for fact in facts:
        for lang in dict.fromkeys((language, post.language)):
            texts.append(fact.statement.get(lang, ""))
            texts.extend(fact.mentions.get(lang, ()))
    ignore = names_to_ignore([scenario.meta.brand.name, scenario.meta.brand.handle, name or ""])
    return Situation(
        recipient=RECIPIENT_OF_ARCHETYPE.get(archetype, "customer"),
        kind=post_kind(scenario, post),
        language=post.language,
        topic=topic_stems(tuple(texts), ignore),
        ignore=ignore,
        facts=facts,
        recipient_id=post.author,
        name=name,
        question=question_of(scenario, post),
    )


@dataclass(frozen=True)
class Judgement:
    """A reply read in its situation.

    Attributes:
        analysis: the analyzer's cues, promises and language.
        situation: what it answered.
        fit: what fits a reply there.
        feeling: the first cue that shows the feeling owed (None: none shown).
        specific: the content stem that ties the reply to the post (None: generic).
        misplaced: cues out of place, each with why.
        noise: cues of no use here.
        reuse: near-duplicates already sent to other people.
        language_ok: whether it is in the customer's language.
        contradictions: parts that contradict each other.
        stuffed: whether it piles up cues.
    """

    analysis: Analysis
    situation: Situation
    fit: Fit
    feeling: CueHit | None
    specific: str | None
    misplaced: tuple[tuple[CueHit, Misplaced], ...]
    noise: tuple[CueHit, ...]
    reuse: Reuse
    language_ok: bool
    contradictions: tuple[Contradiction, ...]
    stuffed: bool

    @property
    def verdicts(self) -> frozenset[Verdict]:
        """What is wrong with the reply beyond its cues (the crowd can react to it)."""
        found: set[Verdict] = set()
        if self.reuse.count:
            found.add("canned")
        if self.feeling is not None and self.specific is None:
            found.add("generic")
        if not self.language_ok:
            found.add("wrong_language")
        if self.misplaced:
            found.add("misplaced")
        if self.contradictions:
            found.add("contradictory")
        if self.stuffed:
            found.add("stuffed")
        return frozenset(found)

    @property
    def conceded(self) -> CueHit | None:
        """The words that concede a false rumour (None: not a rumour, or not conceded).

        Owning, repairing or preventing it concedes it even beside a denial; an apology
        concedes it only when nothing in the reply corrects it (H3).
        """
        if self.situation.kind != "rumour":
            return None
        owned = next((hit for hit, why in self.misplaced if why.rule == "H3"), None)
        if owned is not None or self.analysis.has("denial"):
            return owned
        return next((hit for hit in self.analysis.cues if hit.cue == "apology"), None)

    def cue_ids(self) -> frozenset[Cue]:
        """The cues the person understood: none, in a language they do not read."""
        return self.analysis.cue_ids() if self.language_ok else frozenset()


def wrong_language(reply_language: str, post_language: str) -> bool:
    """Whether a reply missed the customer's language (E6).

    The analyzer tells Spanish, English and "other"; a post in a third language
    (German, say) is answered well by a reply the analyzer calls "other".
    """
    if post_language in SUPPORTED:
        return reply_language != post_language
    return reply_language in SUPPORTED


def _first_of_each(hits: Sequence[CueHit]) -> list[CueHit]:
    seen: set[str] = set()
    firsts = []
    for hit in hits:
        if hit.cue not in seen:
            seen.add(hit.cue)
            firsts.append(hit)
    return firsts


def judge_reply(
    text: str, analysis: Analysis, situation: Situation, earlier: Sequence[AnswerRecord]
) -> Judgement:
    """Judge one reply in its situation.

    Args:
        text: the reply as written.
        analysis: the analyzer's reading of ``text``.
        situation: what it answers.
        earlier: the session's earlier answers, in order (for canned replies).

    Returns:
        The judgement.
    """
    fit = fit_for(situation.kind, situation.recipient)
    if analysis.unread_from is not None:
        text = text[: analysis.unread_from]  # judged as far as it was read
    firsts = _first_of_each(analysis.cues)
    feeling = next((hit for hit in firsts if hit.cue in fit.feeling), None)
    misplaced = tuple((hit, fit.misplaced[hit.cue]) for hit in firsts if hit.cue in fit.misplaced)
    noise = tuple(hit for hit in firsts if hit.cue in fit.noise)
    return Judgement(
        analysis=analysis,
        situation=situation,
        fit=fit,
        feeling=feeling,
        specific=shared_topic(text, situation.topic, situation.ignore),
        misplaced=misplaced,
        noise=noise,
        reuse=reuse_of(text, situation.recipient_id, situation.name, situation.question, earlier),
        language_ok=not wrong_language(analysis.language, situation.language),
        contradictions=contradictions(text, analysis, rumour=situation.kind == "rumour"),
        stuffed=stuffed(analysis, len(misplaced) + len(noise)),
    )
