"""Scalar values as YAML 1.1 reads them, and the numbers it reads by surprise."""

from __future__ import annotations

from typing import Any

import yaml

_STR_TAG = "tag:yaml.org,2002:str"

# One resolver and one constructor serve every scalar: they hold no per-document state.
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def scalar_value(event: yaml.ScalarEvent) -> tuple[Any, str | None]:
    """Resolve a scalar as YAML 1.1 (what CSafeLoader does) and build its value.

    Args:
        event: the parser's event for the scalar.

    Returns:
        The value, and the source text when a plain scalar became something other
        than a string (kept to explain surprises such as ``no`` becoming false).
    """
    plain, _quoted = event.implicit
    if not plain:
        return event.value, None
    tag: str = _RESOLVER.resolve(  # type: ignore[no-untyped-call]
        yaml.ScalarNode, event.value, event.implicit
    )
    if tag == _STR_TAG:
        return event.value, None
    node = yaml.ScalarNode(tag, event.value)
    construct = _CONSTRUCTOR.yaml_constructors.get(tag)
    if construct is None:  # pragma: no cover - every implicit tag has a constructor
        return event.value, None
    try:
        value = construct(_CONSTRUCTOR, node)
    except (ValueError, yaml.YAMLError):  # e.g. an impossible date such as 2024-02-31
        return event.value, None
    return value, event.value


def is_ambiguous_number(text: str, value: Any) -> bool:
    """True for YAML 1.1 octal (``012``) and base-60 (``12:30``) numbers.

    Args:
        text: the scalar as written.
        value: what YAML 1.1 read it as.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    digits = text.lstrip("+-").lower()
    if ":" in digits or "_" in digits or digits.startswith(("0x", "0o", "0b")):
        return True
    return len(digits) > 1 and digits[0] == "0" and digits[1].isdigit()
