"""The per-language cue catalogs: YAML files in ``scoring/lexicon``, validated and compiled.

A catalog lists, for each cue, regular expressions written the way people type
(accents optional: patterns and replies are both folded before matching), plus the
vocabulary the general rules need: negators, filler words around links, acronyms that
are not shouting, and the words of time expressions. Patterns are case-insensitive
and word-bounded; a space in a pattern matches any run of white space, and " ?" an
optional one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.vocabulary import CUES, Cue
from scoring.matcher import Matcher, MatcherGroup
from scoring.text import fold, fold_plain

SUPPORTED: tuple[str, ...] = ("es", "en")
"""Languages that have a cue catalog."""


FLAGS = re.IGNORECASE | re.UNICODE

WordedAct = Literal[
    "private_message", "callback", "refund", "replacement", "visit", "update", "fix"
]
"""Acts a promise can commit to that the catalogs list words for."""

Act = Literal[WordedAct, "other"]
"""What a promise commits to: a worded act, or "other" when no act's words are found."""

WORDED_ACTS: tuple[WordedAct, ...] = get_args(WordedAct)
"""Every worded act, in the order above (also the order acts are reported in)."""

ACTS: tuple[str, ...] = (*WORDED_ACTS, "other")
"""Every value ``PromiseHit.act`` may take."""


class CatalogError(ValueError):
    """A lexicon file is missing, malformed, or holds a pattern that does not compile."""


class _Spec(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Examples(_Spec):
    """Short replies that document a cue and run as tests."""

    positive: list[str] = Field(min_length=3)
    negative: list[str] = Field(min_length=2)


class CueSpec(_Spec):
    """How one cue is recognised in one language."""

    patterns: list[str]
    exclude: list[str] = Field(default_factory=list)
    timed: list[str] = Field(default_factory=list)
    hedges: list[str] = Field(default_factory=list)
    context: list[str] = Field(default_factory=list)
    negatable: bool = True
    sincere: bool = False
    asserted: bool = False
    examples: Examples


class NegationSpec(_Spec):
    """Words that cancel a cue phrase shortly after them."""

    window: int = Field(default=3, ge=1, le=6)
    negators: list[str] = Field(min_length=1)
    exceptions: list[str] = Field(default_factory=list)
    breaks: list[str] = Field(default_factory=list)


class TimeExpression(_Spec):
    """A fixed time phrase ("hoy mismo", "within the hour") and what deadline it sets."""

    pattern: str
    day: int | None = Field(default=None, ge=0, le=7)
    minutes: int | None = Field(default=None, ge=0)
    clock: str | None = Field(default=None, pattern=r"^\d{1,2}:\d{2}$")
    strong: bool = False


class TimeSpec(_Spec):
    """The words from which time expressions are built."""

    numbers: dict[str, float]
    units: dict[str, int]
    duration_prefixes: list[str]
    duration_fractions: dict[str, float] = Field(default_factory=dict)
    clock_prefixes: list[str] = Field(default_factory=list)
    clock_prefixes_marked: list[str] = Field(default_factory=list)
    clock_fractions: dict[str, int] = Field(default_factory=dict)
    am: list[str] = Field(default_factory=list)
    pm: list[str] = Field(default_factory=list)
    expressions: list[TimeExpression] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)


class ActExamples(_Spec):
    """Short replies that document an act and run as tests."""

    promised: list[str] = Field(min_length=2)
    delivered: list[str] = Field(default_factory=list)
    not_delivered: list[str] = Field(default_factory=list)


class ActSpec(_Spec):
    """How one act is named in a promise, and reported as done, in one language."""

    promised: list[str] = Field(min_length=1)
    delivered: list[str] = Field(default_factory=list)
    examples: ActExamples


class ActsSpec(_Spec):
    """The words of promised and delivered acts."""

    pending: list[str] = Field(min_length=1)
    kinds: dict[WordedAct, ActSpec]


class CatalogFile(_Spec):
    """The whole content of ``lexicon/<lang>.yaml``."""

    language: Literal["es", "en"]
    negation: NegationSpec
    shouting_ignore: list[str]
    link_filler: list[str]
    irony: list[str] = Field(default_factory=list)
    time: TimeSpec
    acts: ActsSpec
    cues: dict[Cue, CueSpec]


@dataclass(frozen=True)
class CompiledCue:
    """A cue's patterns joined into single regular expressions."""

    cue: Cue
    pattern: Matcher | None
    exclude: Matcher | None
    timed: Matcher | None
    hedges: Matcher | None
    context: Matcher | None
    negatable: bool
    sincere: bool
    asserted: bool


@dataclass(frozen=True)
class CompiledAct:
    """An act's words joined into single regular expressions."""

    act: WordedAct
    promised: Matcher | None
    delivered: Matcher | None


@dataclass(frozen=True)
class Catalog:
    """A validated, compiled catalog, ready for ``analyze``."""

    language: str
    spec: CatalogFile
    group: MatcherGroup
    cues: Mapping[Cue, CompiledCue]
    negators: frozenset[str]
    negation_window: int
    negation_exceptions: Matcher | None
    negation_breaks: frozenset[str]
    shouting_ignore: frozenset[str]
    link_filler: frozenset[str]
    irony: Matcher | None
    acts: Mapping[WordedAct, CompiledAct]
    act_pending: Matcher | None


_SPACE_RE = re.compile(r" (?:\?|\*)| ")


def _spaces(match: re.Match[str]) -> str:
    return r"\s*" if len(match.group()) > 1 else r"\s+"


def pattern_source(pattern: str) -> str:
    """Turn a catalog pattern into the regular expression that is matched.

    Folds accents (replies are folded too), makes spaces flexible and adds word
    bounds that only apply where the pattern starts or ends with a letter, so that
    "!!!" or an emoji can still be a pattern.

    Args:
        pattern: A pattern as written in a catalog.

    Returns:
        Regular-expression source.
    """
    body = _SPACE_RE.sub(_spaces, fold(pattern).text)
    return rf"(?:(?<!\w)|(?!\w))(?:{body})(?:(?!\w)|(?<!\w))"


def compile_patterns(patterns: list[str], where: str, group: MatcherGroup) -> Matcher | None:
    """Compile a list of catalog patterns into one alternation.

    Args:
        patterns: Patterns as written in a catalog.
        where: Where they come from, for error messages (e.g. "es.yaml: apology").
        group: The catalog's matcher group (all its patterns scan a reply together).

    Returns:
        One matcher for them all, or None for an empty list.

    Raises:
        CatalogError: A pattern does not compile.
    """
    sources = []
    for pattern in patterns:
        source = pattern_source(pattern)
        try:
            re.compile(source, FLAGS)
        except re.error as error:
            raise CatalogError(f"{where}: bad pattern {pattern!r}: {error}") from error
        sources.append(source)
    return Matcher(sources, FLAGS, group) if sources else None


def read_lexicon(name: str) -> Any:
    """Read one YAML file of ``scoring/lexicon`` with the safe C loader.

    Args:
        name: File name, e.g. "es.yaml".

    Returns:
        The parsed YAML document.

    Raises:
        CatalogError: The file is missing or is not valid YAML.
    """
    resource = files("scoring") / "lexicon" / name
    try:
        return yaml.load(resource.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except (OSError, yaml.YAMLError) as error:
        raise CatalogError(f"lexicon/{name}: {error}") from error


def _compile_cue(cue: Cue, spec: CueSpec, where: str, group: MatcherGroup) -> CompiledCue:
    return CompiledCue(
        cue=cue,
        pattern=compile_patterns(spec.patterns, f"{where}: {cue}", group),
        exclude=compile_patterns(spec.exclude, f"{where}: {cue} (exclude)", group),
        timed=compile_patterns(spec.timed, f"{where}: {cue} (timed)", group),
        hedges=compile_patterns(spec.hedges, f"{where}: {cue} (hedges)", group),
        context=compile_patterns(spec.context, f"{where}: {cue} (context)", group),
        negatable=spec.negatable,
        sincere=spec.sincere,
        asserted=spec.asserted,
    )


def _compile_acts(spec: ActsSpec, where: str, group: MatcherGroup) -> dict[WordedAct, CompiledAct]:
    return {
        act: CompiledAct(
            act=act,
            promised=compile_patterns(spec.kinds[act].promised, f"{where}: acts.{act}", group),
            delivered=compile_patterns(
                spec.kinds[act].delivered, f"{where}: acts.{act} (delivered)", group
            ),
        )
        for act in WORDED_ACTS
    }


def check_complete(spec: CatalogFile, language: str) -> None:
    """Check that a catalog is in its language and lists every cue and every act.

    Args:
        spec: The validated content of a lexicon file.
        language: The language it should be for.

    Raises:
        CatalogError: Wrong language, or a cue or an act is missing.
    """
    missing: list[str] = [cue for cue in CUES if cue not in spec.cues]
    missing += [f"acts.{act}" for act in WORDED_ACTS if act not in spec.acts.kinds]
    if missing or spec.language != language:
        raise CatalogError(f"lexicon/{language}.yaml: wrong language or cues missing: {missing}")


@cache
def load_catalog(language: str) -> Catalog:
    """Load, validate and compile the catalog of a language (once per process).

    Args:
        language: "es" or "en".

    Returns:
        The compiled catalog.

    Raises:
        CatalogError: No catalog for that language, or the file is invalid.
    """
    if language not in SUPPORTED:
        raise CatalogError(f"no cue catalog for language {language!r}")
    where = f"lexicon/{language}.yaml"
    try:
        spec = CatalogFile.model_validate(read_lexicon(f"{language}.yaml"))
    except ValidationError as error:
        raise CatalogError(f"{where}: {error}") from error
    check_complete(spec, language)
    group = MatcherGroup()
    return Catalog(
        language=language,
        spec=spec,
        group=group,
        cues={cue: _compile_cue(cue, spec.cues[cue], where, group) for cue in CUES},
        negators=frozenset(fold_plain(word) for word in spec.negation.negators),
        negation_window=spec.negation.window,
        negation_exceptions=compile_patterns(spec.negation.exceptions, f"{where}: negation", group),
        negation_breaks=frozenset(fold_plain(word) for word in spec.negation.breaks),
        shouting_ignore=frozenset(word.upper() for word in spec.shouting_ignore),
        link_filler=frozenset(fold_plain(word) for word in spec.link_filler),
        irony=compile_patterns(spec.irony, f"{where}: irony", group),
        acts=_compile_acts(spec.acts, where, group),
        act_pending=compile_patterns(spec.acts.pending, f"{where}: acts.pending", group),
    )
