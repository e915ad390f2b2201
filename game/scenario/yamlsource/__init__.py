"""Read untrusted YAML into plain data, remembering where every value stood.

The file is parsed into events by libyaml (``yaml.CSafeLoader``) and the data is built
here from those events, so that we can refuse what a scenario must never contain
(anchors, aliases, explicit tags such as ``!!python/object``, duplicate keys) with the
exact line and column, and keep a map from each value's path to its position for the
messages of the validation that follows.

- ``reader``: files and text into a ``YamlDocument`` (size cap, UTF-8, one document);
- ``builder``: parser events into data, a source map and the problems found;
- ``scalars``: scalar values as YAML 1.1 reads them, and its surprising numbers;
- ``syntax``: what the parser refused, in an author's words;
- ``sourcemap``: data paths and their positions in the file.
"""

from game.scenario.yamlsource.reader import (
    MAX_FILE_BYTES,
    SCENARIO_DOCUMENT,
    YamlDocument,
    parse_yaml_text,
    read_yaml_file,
)
from game.scenario.yamlsource.sourcemap import DataPath, SourceMap

__all__ = [
    "MAX_FILE_BYTES",
    "SCENARIO_DOCUMENT",
    "DataPath",
    "SourceMap",
    "YamlDocument",
    "parse_yaml_text",
    "read_yaml_file",
]
