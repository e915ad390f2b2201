"""Paths into the data of a YAML document, and where each one stood in the file."""

from __future__ import annotations

from dataclasses import dataclass, field

DataPath = tuple[str | int, ...]
"""Keys and list indexes from the document's root to one value."""


@dataclass
class SourceMap:
    """Positions of the values and keys of one YAML document.

    Attributes:
        values: 1-based (line, column) of each value, by its path in the data.
        keys: 1-based (line, column) of the key that introduces each mapping value.
        plain: the source text of plain scalars that YAML read as something other than
            text (``no`` as false, ``12:30`` as 750), to explain type errors.
    """

    values: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    plain: dict[DataPath, str] = field(default_factory=dict)

    def locate(self, path: DataPath, *, key: bool = False) -> tuple[int, int]:
        """Position of ``path``, or of its nearest enclosing value that has one.

        Args:
            path: the path of a value in the data.
            key: prefer the position of the key over that of the value.
        """
        probe = path
        while True:
            if key and probe in self.keys:
                return self.keys[probe]
            if probe in self.values:
                return self.values[probe]
            if not probe:
                return (1, 1)
            probe = probe[:-1]
