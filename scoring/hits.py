"""Finding cue hits in an analysis: shared by the judges and the reading of a reply."""

from __future__ import annotations

from scoring.analyzer import Analysis, CueHit


def first_hit(analysis: Analysis, *cues: str) -> CueHit | None:
    """The first hit, by position, of any of ``cues`` (None when there is none)."""
    return next((hit for hit in analysis.cues if hit.cue in cues), None)
