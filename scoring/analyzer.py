"""Reply analysis: which cues a trainee's reply shows, and exactly which words show them.

Transparent rules only: every cue comes with the span of text that earned it, so a
debrief can quote the words. The catalogs (``scoring/lexicon/*.yaml``) hold the words;
``scoring.rules`` and ``scoring.promises`` hold the general rules (negation,
exclusions, shouting, link-only replies, promises and their deadlines).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.vocabulary import Cue
from scoring.acts import delivered_acts, promise_acts
from scoring.catalog import SUPPORTED, Catalog, load_catalog
from scoring.form import link_only_hit, shouting_hits
from scoring.language import OTHER, detect_language
from scoring.personal_data import PersonalData, find_personal_data
from scoring.promises import Promise, find_promises
from scoring.rules import Found, Negation, irony_spans, merge, pattern_hits
from scoring.text import Folded, fold, fold_plain
from scoring.timing import DAY

MAX_READ_CHARS = 5_000
"""The longest reply read whole (about two pages): no answer on a social network needs
more, and reading stays fast whatever is pasted (the rules' time grows faster than the
text)."""

_DEFAULT_SHOUTING_IGNORE = frozenset({"DM", "PM", "MD", "URL", "OK", "FAQ", "ID", "XS", "XL"})


@dataclass(frozen=True)
class AnalysisContext:
    """What the analyzer may know about the post a reply answers.

    Attributes:
        customer_name: The author's name as shown in the game ("Ana López"); used to
            tell whether the reply addresses them by name.
        minute_of_day: Simulated clock time of the reply, in minutes since midnight
            (larger values wrap round to the next day); resolves "antes de las
            18:00", "by 5 pm" and "today". None: those deadlines stay unknown.
    """

    customer_name: str | None = None
    minute_of_day: int | None = None


@dataclass(frozen=True)
class CueHit:
    """One cue found in a reply.

    Attributes:
        cue: The cue id.
        start: Start offset in the reply.
        end: End offset (exclusive).
        text: The words that earned the cue, ``reply[start:end]``.
    """

    cue: Cue
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PromiseHit:
    """One promise found in a reply.

    Attributes:
        text: The words of the promise, ``reply[start:end]``.
        start: Start offset in the reply.
        end: End offset (exclusive).
        deadline_minutes: Minutes from the reply to the stated deadline; None when
            the promise states no time or the time cannot be resolved.
        act: What the promise commits to, so that only that act keeps it:
            "private_message" (we'll write to you privately), "callback" (we'll call
            you), "refund" (money back), "replacement" (a new one, an exchange),
            "visit" (a technician comes), "update" (we'll let you know, get back to
            you), "fix" (we'll fix it) or "other" (see ``scoring.acts``).
    """

    text: str
    start: int
    end: int
    deadline_minutes: int | None
    act: str = "other"


@dataclass(frozen=True)
class Analysis:
    """Everything the analyzer found in one reply.

    Attributes:
        language: "es", "en" or "other": the language the reply is written in.
        cues: Cues found, sorted by position.
        promises: Promises found, sorted by position (each is also a promise cue).
        addresses_customer: Whether the reply uses the customer's name.
        personal_data: Personal data written in the reply itself (e-mail, phone,
            card, IBAN or ID numbers), sorted by position.
        delivered: The acts the reply reports as done or delivers now ("we've
            refunded you": "refund" and "update"), values of ``PromiseHit.act``
            except "private_message" and "other", which words never deliver.
        unread_from: Where reading stopped in a reply longer than ``MAX_READ_CHARS``
            (None: read whole).
    """

    language: str
    cues: tuple[CueHit, ...]
    promises: tuple[PromiseHit, ...]
    addresses_customer: bool
    personal_data: tuple[PersonalData, ...] = ()
    delivered: frozenset[str] = frozenset()
    unread_from: int | None = None

    def has(self, cue: str) -> bool:
        """Tell whether the reply shows a cue.

        Args:
            cue: A cue id, e.g. "apology".

        Returns:
            True when at least one hit of that cue was found.
        """
        return any(hit.cue == cue for hit in self.cues)

    def cue_ids(self) -> frozenset[Cue]:
        """List the distinct cues the reply shows.

        Returns:
            The set of cue ids found.
        """
        return frozenset(hit.cue for hit in self.cues)


def _catalog_for(detected: str, expected: str) -> Catalog | None:
    """Pick the catalog: the detected language's if supported, else the expected one's."""
    if detected in SUPPORTED:
        return load_catalog(detected)
    return load_catalog(expected) if expected in SUPPORTED else None


def addresses(folded_reply: str, customer_name: str | None) -> bool:
    """Tell whether a reply uses the customer's first name or whole name.

    Case and accents do not matter ("maria" addresses "María"); the name must be a
    whole word ("Ana" is not found in "mañana" or "Anabel").

    Args:
        folded_reply: The folded reply.
        customer_name: The customer's name, or None.

    Returns:
        True when the name appears in the reply.
    """
    name = " ".join(fold_plain(customer_name or "").lstrip("@").split())
    if not name:
        return False
    # Plain string search, not a regex per name: names are new in every session and
    # would keep evicting re's compiled-pattern cache.
    reply = " ".join(folded_reply.lower().split())
    return any(_has_word_run(reply, candidate) for candidate in {name, name.split()[0]})


def _has_word_run(text: str, words: str) -> bool:
    """Tell whether ``words`` occur in ``text`` with no word character on either side."""
    start = text.find(words)
    while start != -1:
        end = start + len(words)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
            return True
        start = text.find(words, start + 1)
    return False


def _cue_hits(folded: Folded, found: list[Found]) -> tuple[CueHit, ...]:
    hits = []
    for item in found:
        start, end = folded.span(item.start, item.end)
        hits.append(CueHit(item.cue, start, end, folded.original[start:end]))
    return tuple(hits)


def _promise_hits(
    folded: Folded, promises: list[Promise], acts: list[str]
) -> tuple[PromiseHit, ...]:
    hits = []
    seen: set[tuple[str, int | None, str]] = set()
    for item, act in zip(promises, acts, strict=True):
        start, end = folded.span(item.start, item.end)
        text = folded.original[start:end]
        # The same words pasted forty times are one promise, not forty to keep.
        words = " ".join(folded.text[item.start : item.end].casefold().split())
        same = (words, item.deadline_minutes, act)
        if same in seen:
            continue
        seen.add(same)
        hits.append(PromiseHit(text, start, end, item.deadline_minutes, act))
    return tuple(hits)


@dataclass(frozen=True)
class _CatalogReading:
    """What the language's words show: cues, promises with their acts, deliveries."""

    found: list[Found]
    promises: list[Promise]
    acts: list[str]
    delivered: frozenset[str]


def _catalog_hits(catalog: Catalog, text: str, minute_of_day: int | None) -> _CatalogReading:
    """The cues that need the language's words: catalog patterns, promises, acts.

    An ironic reply makes no promise ("We'll be sure to run the airline your way 🙃")
    when the catalog marks promises as sincere, and delivers nothing.
    """
    negation = Negation(catalog, text)
    minute = None if minute_of_day is None else minute_of_day % DAY
    ironic = irony_spans(catalog, text)
    promises: list[Promise] = []
    if not (ironic and catalog.cues["promise"].sincere):
        promises = find_promises(catalog, text, negation, minute)
    found = pattern_hits(catalog, text, negation, ironic)
    spans = [(p.start, p.end) for p in promises]
    delivered = frozenset() if ironic else delivered_acts(catalog, text, negation, spans)
    return _CatalogReading(
        found + [Found("promise", p.start, p.end) for p in promises],
        promises,
        promise_acts(catalog, text, spans),
        delivered,
    )


def analyze(text: str, lang: str, context: AnalysisContext | None = None) -> Analysis:
    """Find the cues, promises, language and personal address of one reply.

    Pure and deterministic; the catalogs are loaded and compiled once per process.

    Args:
        text: The trainee's reply, as written.
        lang: The language the reply should be in ("es" or "en"); its catalog is
            used, unless the reply is clearly written in the other supported
            language, whose catalog is then used instead.
        context: The customer's name and the simulated time of day, when known.

    Returns:
        The analysis, with character spans into ``text``.
    """
    context = context or AnalysisContext()
    unread_from = None
    if len(text) > MAX_READ_CHARS:
        # Read the first part only: time stays bounded whatever is pasted, and spans
        # found in the part read are spans of the whole text.
        cut = text.rfind(" ", 0, MAX_READ_CHARS)
        unread_from = cut if cut > MAX_READ_CHARS // 2 else MAX_READ_CHARS
        text = text[:unread_from]
    folded = fold(text)
    expected = lang.lower()
    language = detect_language(folded.text, text, expected)
    catalog = _catalog_for(language, expected)
    reading = _CatalogReading([], [], [], frozenset())
    if catalog is not None:
        reading = _catalog_hits(catalog, folded.text, context.minute_of_day)
    found = reading.found
    ignore = catalog.shouting_ignore if catalog is not None else _DEFAULT_SHOUTING_IGNORE
    found += shouting_hits(folded.text, ignore)
    link = link_only_hit(folded.text, catalog, context.customer_name)
    if link is not None:
        found.append(link)
    return Analysis(
        language=language if language in SUPPORTED else OTHER,
        cues=_cue_hits(folded, merge(found)),
        promises=_promise_hits(folded, reading.promises, reading.acts),
        addresses_customer=addresses(folded.text, context.customer_name),
        personal_data=find_personal_data(text),
        delivered=reading.delivered,
        unread_from=unread_from,
    )
