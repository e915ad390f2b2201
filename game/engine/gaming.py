"""Gaming bots: ways a trainee could earn points without deserving them.

For every credit the scorer gives, ask how it could be had cheaply: keywords pasted
everywhere, speed with nothing said, promises nobody keeps, leaving before the crisis
bites. Each strategy is a bot here, registered in ``POLICIES``; ``crisisdrill check``
plays them on every scenario and fails a scenario on which one of them scores well.

Every bot writes in the session's language (``session.language``), except
``wrong_language``, whose whole point is the other one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import ClassVar

from game.engine import botlines
from game.engine.policies import Bot, IdealBot
from game.engine.session import Leave, Session
from game.engine.world import Person, Post
from game.journal.actions import Action, FollowUp, Reply
from game.scenario.placeholders import fill

Texts = Mapping[str, str]

REPLY_DELAY_SECONDS = 30
"""How old a post is when a gaming bot answers it: with bots deciding every 30
simulated seconds, every answer comes within a minute (full SPEED credit)."""
LEAVE_AT_SECONDS = 60
"""When the early quitter leaves."""

TEMPLATE: Texts = {
    "es": "¡Hola {first_name}! Gracias, lo sentimos mucho, es culpa nuestra, tienes razón, "
    "ya está solucionado, no volverá a pasar, escríbenos por mensaje privado, te llamamos "
    "en 10 minutos, te devolvemos el importe íntegro, recuerda nuestras normas de la "
    "comunidad.",
    "en": "Hi {first_name}! Thanks, so sorry, our fault, you're right, fixed, never again, "
    "DM us, we'll call you in 10 minutes, full refund, remember our community rules.",
}
STUFFED: Texts = {
    "es": "Hola {first_name}. Lo sentimos mucho, es culpa nuestra.",
    "en": "Hi {first_name}. So sorry, it is our fault.",
}
GENERIC_APOLOGY: Texts = {
    "es": "Sentimos mucho lo ocurrido y entendemos tu malestar. Ya estamos trabajando "
    "para solucionarlo.",
    "en": "We are very sorry about what happened and we understand your frustration. "
    "We are already working to fix it.",
}
ONE_LINER: Texts = {
    "es": "¡Gracias, {first_name}, nos ponemos con ello!",
    "en": "Thanks {first_name}, we're on it!",
}
PROMISE: Texts = {
    "es": "Hola {first_name}, lo sentimos. Te responderemos en 30 minutos con una solución.",
    "en": "Hi {first_name}, sorry about this. We'll get back to you within 30 minutes "
    "with a solution.",
}
BRIEF: Texts = {
    "es": "Hola {first_name}, lo sentimos, lo estamos mirando.",
    "en": "Hi {first_name}, sorry, we're looking into it.",
}
OTHER_LANGUAGE = {"es": "en", "en": "es"}


def session_text(session: Session, post: Post, texts: Texts) -> str:
    """``texts`` in the session's language, whoever wrote ``post``, filled for its exchange."""
    author = session.crowd.people.get(post.author)
    values = session.threads[post.thread].values
    return fill(texts[session.language], session.crowd.placeholder_values(author, values))


@dataclass
class PasteBot(Bot):
    """Pastes one text (``TEXTS``) within a minute on the posts it answers.

    Subclasses say what they paste and to whom: by default to every post that needs
    a reply (``EVERY_POST``: to every post at all; ``TROLLS_TOO``: trolls' and abusive
    posts as well).
    """

    TEXTS: ClassVar[Texts] = GENERIC_APOLOGY
    EVERY_POST: ClassVar[bool] = False
    TROLLS_TOO: ClassVar[bool] = False

    def decide(self, session: Session) -> list[Action]:
        """Paste the text on every post due."""
        actions: list[Action] = []
        for post, author in self._due(session, REPLY_DELAY_SECONDS):
            self.handled.add(post.id)
            if self._answers(post, author):
                actions.append(Reply(post.id, session_text(session, post, self.TEXTS)))
        return actions

    def _answers(self, post: Post, author: Person) -> bool:
        if self.EVERY_POST or post.waiting:
            return True
        return self.TROLLS_TOO and (author.is_troll or post.tone == "abusive")


@dataclass
class TemplateBot(PasteBot):
    """One keyword template for everyone, trolls included, and every promise "kept" at once.

    Games EMPATHY (apology, acknowledgement, name, fix, compensation: every cue that
    earns credit, in one paste), HONESTY (admission on every post; H4 by pressing
    follow up on each promise the moment it is made, delivering nothing), CHANNEL
    (a DM invite and the house rules in every reply) and SPEED (within a minute).
    """

    name: str = "template"
    TEXTS: ClassVar[Texts] = TEMPLATE
    TROLLS_TOO: ClassVar[bool] = True

    def decide(self, session: Session) -> list[Action]:
        """Paste the template on posts due; follow up every open promise at once."""
        actions = super().decide(session)
        for promise in session.promises.values():
            key = f"promise:{promise.id}"
            if promise.status == "open" and key not in self.handled:
                self.handled.add(key)
                first = session.posts[session.threads[promise.thread].posts[0]]
                actions.append(FollowUp(promise.id, session_text(session, first, TEMPLATE)))
        return actions


@dataclass
class StufferBot(PasteBot):
    """Name, apology and admission stuffed into one line, pasted on every post.

    Games EMPATHY (E1 acknowledgement, the name) and HONESTY (H1 owning the mistake)
    with the same two sentences for complaints, praise, jokes and rumours alike.
    """

    name: str = "stuffer"
    TEXTS: ClassVar[Texts] = STUFFED
    EVERY_POST: ClassVar[bool] = True


@dataclass
class CopyPasteBot(PasteBot):
    """One identical generic apology, no name, on every post that needs a reply.

    Games SPEED (every post answered within a minute) and EMPATHY's apology credit
    with words that name nobody's problem (E4: canned).
    """

    name: str = "copy_paste"
    TEXTS: ClassVar[Texts] = GENERIC_APOLOGY


@dataclass
class OneLinerBot(PasteBot):
    """A short warm one-liner with the name, on every post.

    Games SPEED and EMPATHY's personal address (E1 name, gratitude) while saying
    nothing about the problem, the fix or the facts.
    """

    name: str = "one_liner"
    TEXTS: ClassVar[Texts] = ONE_LINER
    EVERY_POST: ClassVar[bool] = True


@dataclass
class PromiserBot(PasteBot):
    """Every reply promises a solution within 30 minutes; none is ever followed up.

    Games SPEED (an answer within a minute) and EMPATHY (an apology with the name and
    a promised fix) on credit: H4 says a promise is a debt, and this bot never pays.
    """

    name: str = "promiser"
    TEXTS: ClassVar[Texts] = PROMISE


@dataclass
class WrongLanguageBot(IdealBot):
    """The ideal player's every action, at the same times, in the other language.

    Games every dimension with the scenario's own good exemplars, written in English
    to a Spanish crowd and in Spanish to an English one (E6: same language).
    """

    name: str = "wrong_language"

    def _text(self, session: Session, post: Post, texts: Mapping[str, str]) -> str:
        language = OTHER_LANGUAGE[session.language]
        text = texts.get(language) or botlines.GOOD_REPLY[language]  # a one-language scenario
        author = session.crowd.people.get(post.author)
        values = _translated(session, session.threads[post.thread].values, language)
        return fill(text, session.crowd.placeholder_values(author, values))

    def _statement_text(self, session: Session, texts: Mapping[str, str]) -> str:
        language = OTHER_LANGUAGE[session.language]
        text = texts.get(language) or botlines.STATEMENT[language]
        values = {
            name: options[0].get(language) or next(iter(options[0].values()))
            for name, options in session.scenario.placeholders.items()
        }
        return fill(text, session.crowd.placeholder_values(None, values))


def _translated(session: Session, values: Mapping[str, str], language: str) -> dict[str, str]:
    """A thread's placeholder values (drawn in the session's language) in ``language``."""
    translated = {}
    for name, value in values.items():
        options = session.scenario.placeholders.get(name, [])
        same = next((o for o in options if o.get(session.language) == value), None)
        translated[name] = (same.get(language) if same is not None else None) or value
    return translated


@dataclass
class EarlyQuitterBot(Bot):
    """One short reply to the first post that needs one, then leaves at minute 1.

    Games the whole scorecard by leaving before the crisis grows: if leaving stopped
    the session, one quick apology would be all there was to judge. It does not stop
    the crisis (``Session.leave``): the rest runs on unanswered.
    """

    name: str = "early_quitter"
    replied: bool = False

    def decide(self, session: Session) -> list[Action]:
        """Answer the first post once; leave at ``LEAVE_AT_SECONDS``."""
        actions: list[Action] = []
        for post, _author in self._due(session, 0):
            self.handled.add(post.id)
            if post.waiting and not self.replied:
                self.replied = True
                actions.append(Reply(post.id, session_text(session, post, BRIEF)))
        if session.now >= LEAVE_AT_SECONDS:
            actions.append(Leave())
        return actions


GAMING_BOTS: dict[str, Callable[[], Bot]] = {
    "template": TemplateBot,
    "stuffer": StufferBot,
    "copy_paste": CopyPasteBot,
    "one_liner": OneLinerBot,
    "promiser": PromiserBot,
    "wrong_language": WrongLanguageBot,
    "early_quitter": EarlyQuitterBot,
}
"""The gaming bots by policy name (in ``POLICIES`` too)."""
