"""Reply analyzer quality and speed on a labelled set (default: tests/data/replies.jsonl).

Usage: python bench/analyzer_eval.py [--file PATH] [--errors] [--min-seconds S]

Prints, per cue, TP/FP/FN, precision, recall and F1, then the macro average (target:
every cue F1 >= 0.9), and replies analyzed per second in batch: after a warm-up, the
whole set is analyzed again and again for at least S seconds (target: >= 5,000/s).
With --errors, lists each reply whose cues differ from its labels.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from scoring.analyzer import AnalysisContext, analyze
from scoring.evaluation import Evaluation, LabelledReply, evaluate, load_labelled

DEFAULT_FILE = Path(__file__).resolve().parent.parent / "tests" / "data" / "replies.jsonl"
TARGET_F1 = 0.9
TARGET_RATE = 5000


def print_table(result: Evaluation) -> None:
    print(f"{'cue':<16} {'TP':>4} {'FP':>4} {'FN':>4} {'prec':>6} {'recall':>6} {'F1':>6}")
    for cue, c in result.counts.items():
        flag = "" if c.f1 >= TARGET_F1 else "  < target"
        print(
            f"{cue:<16} {c.tp:>4} {c.fp:>4} {c.fn:>4} "
            f"{c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f}{flag}"
        )
    below = sum(c.f1 < TARGET_F1 for c in result.counts.values())
    print(f"{'macro average':<31} {result.macro_f1:>20.3f}")
    print(f"cues below F1 {TARGET_F1}: {below}")


def print_errors(result: Evaluation) -> None:
    print(f"\n{len(result.misses)} replies with wrong cues:")
    for miss in result.misses:
        reply = miss.reply
        print(f"\n  line {reply.line} [{reply.lang}] {reply.text}")
        print(f"    expected: {', '.join(sorted(reply.cues)) or '-'}")
        print(f"    got:      {', '.join(sorted(miss.got)) or '-'}")
        if miss.missing:
            print(f"    missing:  {', '.join(sorted(miss.missing))}")
        if miss.extra:
            print(f"    extra:    {', '.join(sorted(miss.extra))}")


def throughput(replies: list[LabelledReply], min_seconds: float) -> tuple[int, float]:
    """Analyze the set repeatedly for at least ``min_seconds``; (replies, seconds)."""
    work = [(r.text, r.lang, AnalysisContext(customer_name=r.customer)) for r in replies]
    for text, lang, context in work:  # warm-up: catalogs, compiled patterns, plans
        analyze(text, lang, context)
    done, start = 0, time.perf_counter()
    elapsed = 0.0
    while elapsed < min_seconds:
        for text, lang, context in work:
            analyze(text, lang, context)
        done += len(work)
        elapsed = time.perf_counter() - start
    return done, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE, help="labelled JSONL set")
    parser.add_argument("--errors", action="store_true", help="list misclassified replies")
    parser.add_argument("--min-seconds", type=float, default=1.0, help="timing duration")
    options = parser.parse_args()
    replies = load_labelled(options.file)
    languages = sorted({r.lang for r in replies})
    counts = ", ".join(f"{sum(r.lang == lang for r in replies)} {lang}" for lang in languages)
    print(f"set: {options.file} ({len(replies)} replies: {counts})\n")
    result = evaluate(replies)
    print_table(result)
    if options.errors:
        print_errors(result)
    done, seconds = throughput(replies, options.min_seconds)
    rate = done / seconds
    print(f"\nthroughput: {done:,} replies in {seconds:.2f} s = {rate:,.0f} replies/s", end="")
    print(f" (target >= {TARGET_RATE:,})")


if __name__ == "__main__":
    main()
