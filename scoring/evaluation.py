"""Measure the reply analyzer against labelled replies: per-cue precision, recall and F1.

A labelled set is a JSON Lines file, one reply per line::

    {"text": "...", "lang": "es", "customer": "Ana" | null, "cues": ["apology"], "note": "..."}

``cues`` lists every cue the reply shows (sorted; an empty list for none). The
development set is ``tests/data/replies.jsonl``; ``bench/analyzer_eval.py`` prints the
figures, and a test keeps every cue's F1 above a floor.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.vocabulary import CUES
from scoring.analyzer import AnalysisContext, analyze


class LabelError(ValueError):
    """A line of a labelled set is not a valid labelled reply."""


@dataclass(frozen=True)
class LabelledReply:
    """One reply with the cues an expert says it shows.

    Attributes:
        text: The reply.
        lang: The language it should be analyzed in ("es" or "en").
        customer: The customer's name, or None.
        cues: The cues it shows.
        note: Why it was labelled so (optional).
        line: Its line number in the file (1-based; 0 when not from a file).
    """

    text: str
    lang: str
    customer: str | None
    cues: frozenset[str]
    note: str = ""
    line: int = 0


@dataclass
class CueCounts:
    """True positives, false positives and false negatives of one cue."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of the replies flagged with the cue that show it (1.0 when none flagged)."""
        flagged = self.tp + self.fp
        return self.tp / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        """Share of the replies showing the cue that were flagged (1.0 when none show it)."""
        present = self.tp + self.fn
        return self.tp / present if present else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else 1.0


@dataclass(frozen=True)
class Miss:
    """A reply whose cues the analyzer got wrong."""

    reply: LabelledReply
    got: frozenset[str]

    @property
    def missing(self) -> frozenset[str]:
        """Cues the reply shows that the analyzer did not find."""
        return self.reply.cues - self.got

    @property
    def extra(self) -> frozenset[str]:
        """Cues the analyzer found that the reply does not show."""
        return self.got - self.reply.cues


@dataclass
class Evaluation:
    """The result of analyzing a labelled set.

    Attributes:
        counts: Per cue id, in catalog order.
        misses: Replies with at least one wrong cue, in file order.
    """

    counts: dict[str, CueCounts] = field(default_factory=lambda: {c: CueCounts() for c in CUES})
    misses: list[Miss] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        """The mean of the per-cue F1 scores."""
        return sum(c.f1 for c in self.counts.values()) / len(self.counts)


def parse_reply(raw: str, line: int = 0) -> LabelledReply:
    """Read one line of a labelled set.

    Args:
        raw: The JSON text of the line.
        line: Its line number, for error messages.

    Returns:
        The labelled reply.

    Raises:
        LabelError: The line is not JSON, misses a field or names an unknown cue.
    """
    try:
        item = json.loads(raw)
    except json.JSONDecodeError as error:
        raise LabelError(f"line {line}: {error}") from error
    if not isinstance(item, dict):
        raise LabelError(f"line {line}: expected a JSON object")
    text, lang, customer = item.get("text"), item.get("lang"), item.get("customer")
    cues, note = item.get("cues"), item.get("note", "")
    if not isinstance(text, str) or lang not in ("es", "en"):
        raise LabelError(f"line {line}: needs a text and a lang of es or en")
    if customer is not None and not isinstance(customer, str):
        raise LabelError(f"line {line}: customer must be a string or null")
    if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
        raise LabelError(f"line {line}: cues must be a list of cue ids")
    unknown = sorted(set(cues) - set(CUES))
    if unknown:
        raise LabelError(f"line {line}: unknown cues {unknown}")
    return LabelledReply(text, lang, customer, frozenset(cues), str(note), line)


def load_labelled(path: Path) -> list[LabelledReply]:
    """Read a labelled set (JSON Lines; blank lines are skipped).

    Args:
        path: The file.

    Returns:
        The labelled replies, in file order.

    Raises:
        LabelError: A line is not a valid labelled reply.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    return [parse_reply(raw, number) for number, raw in enumerate(lines, 1) if raw.strip()]


def predict(reply: LabelledReply) -> frozenset[str]:
    """Run the analyzer on a labelled reply.

    Args:
        reply: The reply.

    Returns:
        The cue ids the analyzer finds.
    """
    return analyze(reply.text, reply.lang, AnalysisContext(customer_name=reply.customer)).cue_ids()


def evaluate(
    replies: Iterable[LabelledReply], predictions: Sequence[frozenset[str]] | None = None
) -> Evaluation:
    """Count, per cue, where the analyzer agrees with the labels.

    Args:
        replies: The labelled replies.
        predictions: The cues found for each reply, in the same order; None to run
            the analyzer here.

    Returns:
        Per-cue counts and the replies the analyzer got wrong.
    """
    result = Evaluation()
    replies = list(replies)
    got_all = predictions if predictions is not None else [predict(r) for r in replies]
    for reply, got in zip(replies, got_all, strict=True):
        for cue, counts in result.counts.items():
            expected, found = cue in reply.cues, cue in got
            counts.tp += expected and found
            counts.fp += found and not expected
            counts.fn += expected and not found
        if got != reply.cues:
            result.misses.append(Miss(reply, got))
    return result
