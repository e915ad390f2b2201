"""Does a reply hold together? Contradictions within it, and piles of cues.

"Sorry, but you should have read the terms" apologises and blames in one breath;
"it was our mistake, though the rumour is false" admits and denies. A reply that
strings every cue the score might want ("thanks, sorry, our fault, fixed, never
again, refund, DM us") says nothing to anyone: too many cues, or several out of place,
make it stuffed.
"""

from __future__ import annotations

from dataclasses import dataclass

from scoring.analyzer import Analysis, CueHit
from scoring.hits import first_hit
from scoring.text import sentences

MOST_CUES = 7
"""A reply showing this many different cues is stuffed (an expert's fullest reply,
apology, cause, fix, compensation, promise and a private channel, holds six)."""
MOST_OUT_OF_PLACE = 2
"""A reply with this many cues out of place or of no use for the post is stuffed."""


@dataclass(frozen=True)
class Contradiction:
    """Two parts of one reply that cannot both be meant.

    Attributes:
        kind: ``owns_and_blames``, ``admits_and_denies`` or ``apologises_and_denies``.
        first: the first hit, as written.
        second: the hit that contradicts it.
    """

    kind: str
    first: CueHit
    second: CueHit


def contradictions(text: str, analysis: Analysis, rumour: bool) -> tuple[Contradiction, ...]:
    """The contradictions of one reply.

    Args:
        text: the reply as written.
        analysis: the reply's cues (spans in ``text``).
        rumour: whether the post spreads a false rumour (there, sorry for the worry and
            a denial go well together).

    Returns:
        Each contradiction found, at most one of each kind.
    """
    found: list[Contradiction] = []
    owned = first_hit(analysis, "admission", "apology")
    blame = first_hit(analysis, "blame")
    if owned is not None and blame is not None:
        found.append(Contradiction("owns_and_blames", owned, blame))
    # Owning one thing and denying another ("the delay is ours; the rumour is false")
    # is two claims; owning and denying in one sentence is a contradiction.
    for start, end in sentences(text):
        inside = [hit for hit in analysis.cues if start <= hit.start < end]
        admission = next((h for h in inside if h.cue == "admission"), None)
        apology = next((h for h in inside if h.cue == "apology"), None)
        denial = next((h for h in inside if h.cue == "denial"), None)
        if denial is None:
            continue
        if admission is not None:
            found.append(Contradiction("admits_and_denies", admission, denial))
            break
        if apology is not None and not rumour:
            found.append(Contradiction("apologises_and_denies", apology, denial))
            break
    return tuple(found)


def stuffed(analysis: Analysis, out_of_place: int) -> bool:
    """Whether a reply piles up cues rather than answering.

    Args:
        analysis: the reply's cues.
        out_of_place: how many of its distinct cues are misplaced or noise here.
    """
    return len(analysis.cue_ids()) >= MOST_CUES or out_of_place >= MOST_OUT_OF_PLACE
