"""JSON that strict parsers accept: no NaN or Infinity, ever.

Python's ``json`` writes ``NaN`` and ``Infinity`` for such floats, which JSON does not
allow and strict parsers reject. Every JSON document the command line or a report
writes goes through ``dumps``: a non-finite number becomes ``null``. Imports nothing of
ours, so every layer can use it.
"""

from __future__ import annotations

import json
import math
from typing import Any


def finite(data: Any) -> Any:
    """``data`` with every non-finite float (NaN, infinities) replaced by None.

    Args:
        data: dicts, lists, tuples and scalars, as ``json`` takes them.

    Returns:
        The same structure (dicts and lists rebuilt only where needed).
    """
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [finite(value) for value in data]
    return data


def dumps(data: Any, **options: Any) -> str:
    """``json.dumps`` of ``finite(data)``, refusing any non-finite number left.

    Args:
        data: what to write.
        **options: ``json.dumps`` options (indent, ensure_ascii...).

    Returns:
        The JSON text.
    """
    return json.dumps(finite(data), allow_nan=False, **options)
