"""Balance: does a scenario teach what it should? The built-in bots say.

A scenario is balanced when good play clearly pays: the ideal bot beats every other
bot by a margin, ignoring everything ends badly, and the ideal bot can reach a good
ending. And when points cannot be had without deserving them: no gaming bot
(``game.engine.gaming``: keyword templates, canned apologies, empty promises, the
wrong language, leaving early) scores above ``GAMING_OVERALL_LIMIT``, while the ideal
bot scores at least ``IDEAL_OVERALL_FLOOR`` (the gaming gate). ``check_balance`` plays
every bot over a set of seeds, scores each session from its log as the game does, and
says which of those promises the scenario breaks and why. Pure: no user interface.
"""

from __future__ import annotations

import statistics
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.budgets import CHECK_BUDGETS, GAME_BUDGETS
from game.engine import Session
from game.engine.policies import GAMING_POLICIES, POLICIES
from game.engine.simulate import play
from game.journal.logfile import read_log
from game.scenario.loader import LoadedScenario
from scoring import read_reply
from scoring.scorer import score

SCORE_KEYS = ("speed", "empathy", "channel", "honesty", "containment", "overall")
IGNORER_CONTAINMENT_LIMIT = 30.0
"""Ignoring everything 'ends badly': most sessions in a bad final phase, or this little."""
GAMING_OVERALL_LIMIT = 60.0
"""The gaming gate: no gaming bot may score more than this overall (mean over its seeds)."""
IDEAL_OVERALL_FLOOR = 85.0
"""The gaming gate: the ideal bot must score at least this overall (mean over the seeds);
a scenario whose best play scores less cannot tell good play from gaming."""
_CHECK_ONLY = (
    f" (check plays its bots under {CHECK_BUDGETS.posts:,} posts a session, the game under "
    f"{GAME_BUDGETS.posts:,}: a session with more is not one a trainee can answer)"
)
GAMING_SEEDS = 2
"""Seeds each gaming bot plays (the first of the check's seeds). Some answer every post
of a storm, so on all five seeds they would cost twice what the other bots do; and a
strategy that games the score does so on any seed (theirs vary by a few points)."""


@dataclass
class BotResult:
    """How one bot did over the seeds.

    Attributes:
        name: the bot's name.
        means: per score key, the mean over the seeds where it was judged (None: never).
        finals: how many sessions ended in each final phase id.
        good_endings: sessions that ended in a phase marked final: good.
        bad_endings: sessions that ended in a phase marked final: bad.
        runs: sessions played.
        per_seed: the scores of each session, in the order of the seeds.
        gaming: a gaming bot (``GAMING_POLICIES``), judged by the gaming gate.
        strategy: what the bot does (the first line of its docstring).
    """

    name: str
    means: dict[str, float | None]
    finals: Counter[str]
    good_endings: int
    bad_endings: int
    runs: int
    per_seed: tuple[dict[str, int | None], ...] = ()
    gaming: bool = False
    strategy: str = ""


@dataclass
class BalanceReport:
    """The bots' results and what they show about the scenario.

    Attributes:
        bots: per bot name, in the order of ``POLICIES``.
        problems: what the scenario fails to teach, one explanation each.
        most_posts: per crowd template id, the most posts it made in one session
            (for the lint of crowd variety).
        seeds: the seeds played.
        gaming_gate: whether the gaming bots' scores were held against the scenario.
    """

    bots: dict[str, BotResult]
    problems: list[str]
    most_posts: dict[str, int] = field(default_factory=dict)
    seeds: tuple[int, ...] = ()
    gaming_gate: bool = True


def check_balance(
    loaded: LoadedScenario,
    seeds: Sequence[int],
    margin: float,
    language: str | None = None,
    *,
    gaming_seeds: int = GAMING_SEEDS,
    gaming_gate: bool = True,
) -> BalanceReport:
    """Play every built-in bot over ``seeds`` and judge the scenario's balance.

    Args:
        loaded: the scenario.
        seeds: the seeds to play (each bot plays each seed once).
        language: the sessions' language (default: the scenario's first).
        margin: overall points by which the ideal bot must beat every other bot (the
            gaming bots have a gate of their own).
        gaming_seeds: how many of ``seeds`` (the first ones) the gaming bots play.
        gaming_gate: hold the gaming bots' scores against the scenario (False: they
            are played and shown, but find no problem).

    Returns:
        The bots' mean scores and endings, and the problems found (none: balanced).
        A session stopped by a budget (``game.budgets``) is the only problem reported:
        the bots after it are not played.
    """
    scenario = loaded.scenario
    language = language or scenario.meta.languages[0]
    final_kind = {phase.id: phase.final for phase in scenario.phases}
    most_posts: Counter[str] = Counter()

    def count_crowd(session: Session) -> None:
        made = Counter(
            post.source.removeprefix("crowd:")
            for post in session.posts.values()
            if post.source.startswith("crowd:")
        )
        for template, count in made.items():
            most_posts[template] = max(most_posts[template], count)

    bots: dict[str, BotResult] = {}
    with tempfile.TemporaryDirectory(prefix="crisisdrill-check-") as folder:
        for name, make_bot in POLICIES.items():
            cards = []
            finals: Counter[str] = Counter()
            gaming = name in GAMING_POLICIES
            played = seeds[:gaming_seeds] if gaming else seeds
            strategy = ""
            for seed in played:
                bot = make_bot()
                strategy = (type(bot).__doc__ or "").strip().splitlines()[0]
                run = play(
                    loaded,
                    bot,
                    seed=seed,
                    language=language,
                    reader=read_reply,
                    log_dir=Path(folder),
                    on_end=count_crowd,
                    budgets=CHECK_BUDGETS,
                )
                assert run.log is not None  # play writes a log unless told not to
                if run.stopped is not None:
                    why = _CHECK_ONLY if run.exceeded == "posts" else ""
                    # Over a budget, the scenario fails whatever the scores; the other
                    # bots would only go over it again, slowly.
                    return BalanceReport(
                        bots=bots,
                        problems=[f"the {name} bot, seed {seed}: {run.stopped}{why}"],
                        most_posts=dict(most_posts),
                        seeds=tuple(seeds),
                        gaming_gate=gaming_gate,
                    )
                cards.append(score(scenario, read_log(Path(run.log)).records).scores())
                finals[run.final_phase] += 1
                Path(run.log).unlink()
            bots[name] = BotResult(
                name=name,
                means={key: _mean([card[key] for card in cards]) for key in SCORE_KEYS},
                finals=finals,
                good_endings=sum(n for p, n in finals.items() if final_kind.get(p) == "good"),
                bad_endings=sum(n for p, n in finals.items() if final_kind.get(p) == "bad"),
                runs=len(played),
                per_seed=tuple(cards),
                gaming=gaming,
                strategy=strategy,
            )
    problems = _problems(loaded, bots, margin)
    if gaming_gate:
        problems += gaming_problems(bots)
    return BalanceReport(
        bots=bots,
        problems=problems,
        most_posts=dict(most_posts),
        seeds=tuple(seeds),
        gaming_gate=gaming_gate,
    )


def _mean(values: Sequence[int | None]) -> float | None:
    judged = [value for value in values if value is not None]
    return statistics.mean(judged) if judged else None


def _problems(loaded: LoadedScenario, bots: dict[str, BotResult], margin: float) -> list[str]:
    problems = []
    ideal = bots["ideal"]
    ideal_overall = ideal.means["overall"] or 0.0
    for name, bot in bots.items():
        if name == "ideal" or bot.gaming or bot.per_seed == ideal.per_seed:
            # Scored exactly as the ideal bot on every seed: the scenario gave it no
            # occasion for its bad habit (troll-feeder with no troll), nothing to compare.
            continue
        theirs = bot.means["overall"] or 0.0
        if ideal_overall - theirs < margin:
            problems.append(
                f"the ideal bot ({ideal_overall:.0f} overall) does not beat '{name}' "
                f"({theirs:.0f}) by {margin:.0f} points: what '{name}' does wrong costs too "
                "little here; make the crowd react to it (reactions) or weigh the dimension "
                "it breaks (scoring.weights)"
            )
    ignorer = bots["ignorer"]
    containment = ignorer.means["containment"]
    ends_badly = ignorer.bad_endings * 2 > ignorer.runs or (
        containment is not None and containment <= IGNORER_CONTAINMENT_LIMIT
    )
    if not ends_badly:
        endings = ", ".join(f"{phase} {n}/{ignorer.runs}" for phase, n in ignorer.finals.items())
        problems.append(
            f"ignoring everything does not end badly (endings: {endings}; containment "
            f"{containment if containment is not None else 0:.0f}): let ignored complaints "
            "spread (reactions on 'ignored') and lead to a bad final phase (transitions on "
            "unanswered, oldest_unanswered_minutes or negative_reach)"
        )
    good_phases = [p.id for p in loaded.scenario.phases if p.final == "good"]
    if not good_phases:
        problems.append(
            "no phase is marked final: good, so no session can end well; add a resolved phase"
        )
    elif ideal.good_endings == 0:
        endings = ", ".join(f"{phase} {n}/{ideal.runs}" for phase, n in ideal.finals.items())
        problems.append(
            f"the ideal bot never reaches a good ending ({', '.join(good_phases)}); it ended "
            f"in: {endings}. Check the conditions of the transitions into "
            f"{', '.join(good_phases)} against what good play achieves (crisisdrill "
            "simulate SCENARIO --policy ideal --json shows its metrics)"
        )
    return problems


def gaming_problems(bots: dict[str, BotResult]) -> list[str]:
    """The gaming gate: the ideal bot scores well and no gaming bot does."""
    problems = []
    ideal = bots["ideal"].means["overall"] or 0.0
    if ideal < IDEAL_OVERALL_FLOOR:
        problems.append(
            f"the ideal bot scores {ideal:.0f} overall, below {IDEAL_OVERALL_FLOOR:.0f}: "
            "when the best play scores this little, gaming cannot be told apart from it; "
            "check the scenario's good exemplars and statement (crisisdrill simulate "
            "SCENARIO --policy ideal shows its scores)"
        )
    for name, bot in bots.items():
        overall = bot.means["overall"] or 0.0
        if bot.gaming and overall > GAMING_OVERALL_LIMIT:
            per_seed = ", ".join(_cell(card["overall"]) for card in bot.per_seed)
            problems.append(
                f"the gaming bot '{name}' scores {overall:.0f} overall (per seed: {per_seed}), "
                f"above the limit of {GAMING_OVERALL_LIMIT:.0f}. {bot.strategy} It earns "
                f"{_best(bot)} without deserving it: the scoring must see through this, or "
                f"the crowd react to it (crisisdrill simulate SCENARIO --policy {name})"
            )
    return problems


def _cell(value: int | None) -> str:
    return "-" if value is None else str(value)


def _best(bot: BotResult) -> str:
    """The bot's two best judged dimensions, e.g. ``speed 100 and honesty 99``."""
    judged = [(value, key) for key in SCORE_KEYS[:-1] if (value := bot.means[key]) is not None]
    best = sorted(judged, key=lambda item: -item[0])[:2]
    return " and ".join(f"{key} {value:.0f}" for value, key in best)
