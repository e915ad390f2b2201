"""The picker's list: the cached catalog, and the styles shipped with the package."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.paths import user_scenario_dir
from game.scenario.catalog import builtin_scenario_dir
from game.tui import app as app_module
from game.tui.app import CrisisApp
from game.tui.library import cache_path, library


def test_the_picker_list_is_cached_and_follows_changes_to_the_files() -> None:
    first = library()
    builtin = [entry.id for entry in first]
    assert "rebajas" in builtin
    assert {entry.source for entry in first} == {"builtin"}
    assert cache_path().exists()
    assert library() == first  # read back from the cache
    rebajas = first[builtin.index("rebajas")]
    assert rebajas.source == "builtin"
    assert "Zurcida" in rebajas.text(rebajas.summary, "en")
    assert "{brand}" not in rebajas.text(rebajas.summary, "es")
    # A user scenario appears at once (the cache is keyed by the files).
    folder = user_scenario_dir()
    folder.mkdir(parents=True, exist_ok=True)
    copy = (builtin_scenario_dir() / "rebajas.yaml").read_text(encoding="utf-8")
    (folder / "mine.yaml").write_text(copy.replace("id: rebajas", "id: mine", 1), "utf-8")
    shutil.copy(builtin_scenario_dir() / "schema.json", folder / "schema.json")
    assert [entry.id for entry in library()] == [*builtin, "mine"]
    assert library()[-1].source == "user"
    # A damaged cache is rebuilt, never trusted.
    cache_path().write_text("{not json", encoding="utf-8")
    assert [entry.id for entry in library()] == [*builtin, "mine"]


def test_every_style_sheet_ships_beside_the_app() -> None:
    folder = Path(app_module.__file__).parent
    for name in CrisisApp.CSS_PATH:
        assert (folder / name).is_file(), name
