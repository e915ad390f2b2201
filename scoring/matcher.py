"""Fast matching of many word-bounded alternatives: try each only where it can start.

Python's ``re`` tries every alternative of a pattern at every position of the text,
which for a catalog of a few hundred phrases costs milliseconds per reply. A
``Matcher`` works out, for each alternative, how its matches can begin (their first
``KEY`` characters, e.g. "lo si" for "lo siento"), and at each word start of the
text tries only the alternatives whose beginnings fit the text there. All the
matchers of a catalog form a ``MatcherGroup`` that walks a reply once for all.

The results are those of ``re.finditer`` on the whole alternation (leftmost match
first, alternatives in their written order, no overlaps), up to white space at the
edges of a match, which the analyzer trims anyway. Working out the beginnings needs
a look inside each regular expression; the small reader below knows the constructs
the catalogs use, and anything else reads as "may begin with anything", which is
always safe: that alternative is simply tried everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
_MAX_SET = 400
"""Beyond this many prefixes, an alternative's prefixes are cut shorter."""

KEY = 5
"""How many characters of the text select the alternatives to try at a position."""

_START_RE = re.compile(r"(?<!\w)\w|[^\w\s]")
"""Where a word-bounded phrase can begin: word starts and other visible characters."""

_SPACE_RE = re.compile(r"\s")
_SPACE_RUN_RE = re.compile(r"\s\s")
_SPACES_RE = re.compile(r" +")

OPEN = "\x00"
"""Marks a prefix after which anything may follow."""

Prefixes = frozenset[str]
"""The possible beginnings of a match, lower case, white space as one space, each cut
to at most ``KEY`` characters (a text position fits a prefix when it begins with it)."""


class _Unknown(Exception):
    """The reader cannot tell how matches of this construct begin."""


def _concat(left: Prefixes, right: Prefixes | None) -> Prefixes:
    """Prefixes of a match of ``left`` followed by ``right`` (None: may be anything).

    A prefix that cannot be followed further (``right`` unknown, or too many
    combinations) is cut and marked with ``OPEN``: the match begins with it, and
    anything may come next.
    """
    growing = {a for a in left if len(a) < KEY and not a.endswith(OPEN)}
    if not growing:
        return left
    if right is None or len(growing) * len(right) > _MAX_SET:
        if "" in left:
            raise _Unknown
        return frozenset(a + OPEN if a in growing else a for a in left)
    result = frozenset(
        a if len(a) >= KEY or a.endswith(OPEN) else (a + b)[:KEY] for a in left for b in right
    )
    for size in range(KEY - 1, 0, -1):
        if len(result) <= _MAX_SET:
            break
        result = frozenset(a if len(a) <= size else a[:size] + OPEN for a in result)
    if len(result) > _MAX_SET:
        raise _Unknown
    return result


class _Reader:
    r"""Reads a regular expression and works out the prefixes its matches can have.

    Knows literals, groups, alternation, character classes, quantifiers and
    look-arounds (which match nothing); "\s" stands for one space. Anything else
    makes the construct unknown, which is safe: its alternative is then tried at
    every position.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.at = 0

    def read(self) -> Prefixes:
        prefixes = self._alternation()
        if prefixes is None or self.at != len(self.source):
            raise _Unknown
        return prefixes

    def _peek(self) -> str:
        return self.source[self.at] if self.at < len(self.source) else ""

    def _take(self) -> str:
        char = self._peek()
        if not char:
            raise _Unknown
        self.at += 1
        return char

    def _alternation(self) -> Prefixes | None:
        result: Prefixes | None = self._sequence()
        while self._peek() == "|":
            self.at += 1
            more = self._sequence()
            result = None if result is None or more is None else result | more
        return result

    def _sequence(self) -> Prefixes | None:
        result: Prefixes | None = frozenset({""})
        while self._peek() not in ("", "|", ")"):
            item = self._item()
            if result is not None:
                try:
                    result = _concat(result, item)
                except _Unknown:
                    result = None
        return result

    def _item(self) -> Prefixes | None:
        atom = self._atom()
        quantifier = self._peek()
        if quantifier not in ("?", "*", "+", "{"):
            return atom
        low, high = ("0", "1") if quantifier == "?" else ("0" if quantifier == "*" else "1", "")
        if quantifier == "{":
            end = self.source.index("}", self.at)
            bounds = self.source[self.at + 1 : end].split(",")
            low, high = bounds[0].strip(), bounds[-1].strip()
            self.at = end
        self.at += 1
        if self._peek() in ("?", "+"):
            self.at += 1  # lazy or possessive
        if atom is None:
            return None
        repeated = atom if high == "1" else atom | _concat(atom, atom)
        return repeated | {""} if low in ("", "0") else repeated

    def _atom(self) -> Prefixes | None:
        char = self._take()
        if char == "(":
            return self._group()
        if char == "[":
            return self._class()
        if char == "\\":
            return self._escape(self._take())
        if char in ("^", "$"):
            return frozenset({""})
        if char == ".":
            return None
        return frozenset({char.lower()})

    def _group(self) -> Prefixes | None:
        zero_width = False
        if self._peek() == "?":
            self.at += 1
            kind = self._take()
            if kind == "<" and self._peek() in ("=", "!"):
                self.at += 1
                zero_width = True
            elif kind in ("=", "!"):
                zero_width = True
            elif kind == "P" and self._peek() == "<":
                self.at = self.source.index(">", self.at) + 1
            elif kind != ":":
                raise _Unknown
        inner = self._alternation()
        if self._take() != ")":
            raise _Unknown
        return frozenset({""}) if zero_width else inner

    @staticmethod
    def _escape(char: str) -> Prefixes | None:
        if char in _ZERO_WIDTH_ESCAPES:
            return frozenset({""})
        if char == "s":
            return frozenset({" "})
        if char.isalnum():  # \d, \w and the like: too many characters to list
            return None
        return frozenset({char})

    def _class(self) -> Prefixes | None:
        known = self._peek() != "^"
        chars: set[str] = set()
        first = True
        while True:
            char = self._take()
            if char == "]" and not first:
                return frozenset(chars) if known else None
            first = False
            if char == "\\":
                escaped = self._escape(self._take())
                if escaped is None or "" in escaped:
                    known = False
                else:
                    chars |= escaped
                continue
            if self._peek() == "-" and self.source[self.at + 1 : self.at + 2] not in ("]", ""):
                self.at += 1
                last = self._take()
                known = known and ord(last) - ord(char) <= _MAX_SET
                if known:
                    chars |= {chr(code).lower() for code in range(ord(char), ord(last) + 1)}
            else:
                chars.add(char.lower())


def prefixes(source: str) -> Prefixes | None:
    """The beginnings (``KEY`` characters) that matches of an expression may have.

    Args:
        source: Regular-expression source.

    Returns:
        The possible prefixes, lower case with white space as one space; None when
        a match may begin with anything (or the reader does not know a construct).
    """
    try:
        found = _Reader(source).read()
    except (_Unknown, ValueError):
        return None
    # A key fits a prefix when it starts with it; whether more may follow no longer
    # matters. Keys show a run of white space as one space; so must prefixes.
    return frozenset(_SPACES_RE.sub(" ", prefix.rstrip(OPEN)) for prefix in found)


def _keyed(text: str) -> tuple[str, list[int] | None]:
    """The text as keys see it, and where each of its offsets went (None: unchanged)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(char.lower()[:1] for char in text)  # keep offsets aligned
    if not _SPACE_RUN_RE.search(lowered):
        return _SPACE_RE.sub(" ", lowered), None
    collapsed: list[str] = []
    where: list[int] = []
    for char in lowered:
        repeated = char.isspace() and collapsed[-1:] == [" "]
        where.append(len(collapsed) - repeated)
        if not repeated:
            collapsed.append(" " if char.isspace() else char)
    return "".join(collapsed), where


def start_keys(text: str) -> dict[int, str]:
    """Where word-bounded phrases can begin in a text, with the dispatch key there.

    Args:
        text: Folded reply.

    Returns:
        Offset (in increasing order) to key: the next ``KEY`` characters, lower
        case, each run of white space as one space.
    """
    keyed, where = _keyed(text)
    if where is None:
        return {m.start(): keyed[m.start() : m.start() + KEY] for m in _START_RE.finditer(text)}
    return {m.start(): keyed[where[m.start()] :][:KEY] for m in _START_RE.finditer(text)}


class MatcherGroup:
    """Matchers that walk a text together: one pass, each tried only where it fits.

    Every matcher of a catalog belongs to the catalog's group; the first matcher
    asked about a text scans it for all of them, and the others read the results.
    """

    _MAX_PLANS = 50_000
    """Cached plans are dropped beyond this many keys (a bound on memory)."""

    def __init__(self) -> None:
        """Create an empty group."""
        self._members: list[Matcher] = []
        self._plans: dict[str, tuple[tuple[int, re.Pattern[str]], ...]] = {}
        self._last: tuple[str, list[list[re.Match[str]]]] | None = None
        self._by_prefix: dict[str, list[tuple[int, int]]] | None = None

    @property
    def members(self) -> tuple[Matcher, ...]:
        """The matchers of the group, in the order they joined."""
        return tuple(self._members)

    def add(self, matcher: Matcher) -> int:
        """Add a matcher to the group.

        Args:
            matcher: The matcher.

        Returns:
            Its slot in the group's results.
        """
        self._members.append(matcher)
        self._plans.clear()
        self._last = None
        self._by_prefix = None
        return len(self._members) - 1

    def _prefix_index(self) -> dict[str, list[tuple[int, int]]]:
        """Prefix to the (slot, alternative) pairs that may start with it ("" for any)."""
        if self._by_prefix is None:
            self._by_prefix = {}
            for slot, member in enumerate(self._members):
                for alternative, found in enumerate(member.prefixes):
                    for prefix in found if found is not None else ("",):
                        self._by_prefix.setdefault(prefix, []).append((slot, alternative))
        return self._by_prefix

    def _plan(self, key: str) -> tuple[tuple[int, re.Pattern[str]], ...]:
        """The (slot, restricted pattern) pairs to try where the text begins with key."""
        if len(self._plans) > self._MAX_PLANS:
            self._plans.clear()
        index = self._prefix_index()
        chosen: dict[int, set[int]] = {}
        for size in range(len(key) + 1):
            for slot, alternative in index.get(key[:size], ()):
                chosen.setdefault(slot, set()).add(alternative)
        plan = tuple(
            (slot, self._members[slot].restricted(tuple(sorted(chosen[slot]))))
            for slot in sorted(chosen)
        )
        self._plans[key] = plan
        return plan

    def results(self, text: str) -> list[list[re.Match[str]]]:
        """The matches of every member in a text (the last text's are kept).

        Args:
            text: Folded reply.

        Returns:
            Per slot, the matches that ``re.finditer`` of the member would give.
        """
        last = self._last
        if last is not None and last[0] == text:
            return last[1]
        found: list[list[re.Match[str]]] = [[] for _ in self._members]
        resume = [0] * len(self._members)
        for position, key in start_keys(text).items():
            plan = self._plans[key] if key in self._plans else self._plan(key)
            for slot, pattern in plan:
                if position < resume[slot]:
                    continue  # inside this member's previous match: no overlaps
                match = pattern.match(text, position)
                if match is not None:
                    found[slot].append(match)
                    resume[slot] = max(match.end(), position + 1)
        self._last = (text, found)
        return found


class Matcher:
    """An alternation of word-bounded regular expressions, tried only where each can start.

    Every alternative must begin with a word bound (as ``pattern_source`` writes
    them): a match then starts at a word start or at a visible non-word character.
    """

    def __init__(self, sources: list[str], flags: int, group: MatcherGroup | None = None) -> None:
        """Compile the alternation.

        Args:
            sources: The alternatives, in order of preference.
            flags: Flags for ``re.compile``.
            group: The group to scan texts with; a group of its own when None.
        """
        self.sources = tuple(sources)
        """The alternatives, in order of preference."""
        self.flags = flags
        """The flags they are compiled with."""
        self.prefixes = [prefixes(source) for source in sources]
        """Per alternative, the prefixes its matches may have (None: anything)."""
        self._by_choice: dict[tuple[int, ...], re.Pattern[str]] = {}
        self._group = group if group is not None else MatcherGroup()
        self._slot = self._group.add(self)

    def restricted(self, chosen: tuple[int, ...]) -> re.Pattern[str]:
        """The alternation restricted to some of its alternatives, in their order.

        Args:
            chosen: Indexes of the alternatives, increasing.

        Returns:
            The compiled pattern (compiled once per choice).
        """
        if chosen not in self._by_choice:
            joined = "|".join(f"(?:{self.sources[i]})" for i in chosen)
            self._by_choice[chosen] = re.compile(joined, self.flags)
        return self._by_choice[chosen]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Find the matches, as ``re.finditer`` of the whole alternation would.

        Args:
            text: Folded reply.

        Returns:
            Non-overlapping matches, leftmost first.
        """
        return iter(self._group.results(text)[self._slot])
