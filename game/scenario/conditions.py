"""The one walk over a tree of structured conditions.

Conditions nest: ``all``, ``any`` and ``not`` hold other conditions, down to leaves on
metrics, time and facts. The engine compiles them, validation and lint inspect them and
diagrams describe them; each of those says what a leaf means and how parts combine, and
:func:`fold` does the recursion for all of them. A new combining kind is taught here
once; a new leaf kind is a new case in each caller's leaf function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from game.scenario.model import (
    AfterMinuteCondition,
    AllCondition,
    AnyCondition,
    Condition,
    FactRevealedCondition,
    MetricCondition,
    MinutesInPhaseCondition,
    NotCondition,
)
from game.scenario.yamlsource import DataPath

T = TypeVar("T")

LeafCondition = (
    MetricCondition | AfterMinuteCondition | MinutesInPhaseCondition | FactRevealedCondition
)
"""A condition that holds no other condition."""


def fold(
    condition: Condition,
    *,
    leaf: Callable[[LeafCondition], T],
    all_: Callable[[tuple[T, ...]], T],
    any_: Callable[[tuple[T, ...]], T],
    not_: Callable[[T], T],
) -> T:
    """Reduce a condition tree bottom-up: leaves first, then what combines them.

    Args:
        condition: the root of the tree.
        leaf: the value of a leaf condition.
        all_: the value of an ``all``, from its parts' values in order.
        any_: the value of an ``any``, from its parts' values in order.
        not_: the value of a ``not``, from the value of the condition it negates.

    Returns:
        The value of the root.
    """

    def visit(node: Condition) -> T:
        if isinstance(node, AllCondition):
            return all_(tuple(visit(part) for part in node.all))
        if isinstance(node, AnyCondition):
            return any_(tuple(visit(part) for part in node.any))
        if isinstance(node, NotCondition):
            return not_(visit(node.not_))
        return leaf(node)

    return visit(condition)


_Located = tuple[tuple[DataPath, LeafCondition], ...]


def leaves(condition: Condition, path: DataPath = ()) -> Iterator[tuple[DataPath, LeafCondition]]:
    """Every leaf of a condition tree, left to right, with its path in the data.

    Args:
        condition: the root of the tree.
        path: the path of the root (e.g. ``("transitions", 0, "when")``).

    Yields:
        The path of each leaf (under the YAML keys ``all``, ``any``, ``not``) and the leaf.
    """

    def numbered(key: str, parts: tuple[_Located, ...]) -> _Located:
        return tuple(
            ((key, index, *sub_path), found)
            for index, part in enumerate(parts)
            for sub_path, found in part
        )

    located = fold(
        condition,
        leaf=lambda found: (((), found),),
        all_=lambda parts: numbered("all", parts),
        any_=lambda parts: numbered("any", parts),
        not_=lambda inner: tuple((("not", *sub_path), found) for sub_path, found in inner),
    )
    for sub_path, found in located:
        yield (*path, *sub_path), found
