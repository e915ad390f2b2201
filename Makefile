# Two commands on a fresh machine: `make play` and `make test`.
# Each creates .venv when needed and reinstalls only when pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.installed-app
TEST_STAMP := $(VENV)/.installed-test
BENCH_STAMP := $(VENV)/.installed-bench

.PHONY: play test lint typecheck unit check schema exercises bench clean

play: $(APP_STAMP)
	$(BIN)/crisisdrill play

test: $(TEST_STAMP) lint typecheck unit check

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

unit: $(TEST_STAMP)
	$(BIN)/pytest -n auto --dist loadfile

# Every built-in scenario must validate, lint clean and balance (bots rank as expected).
# The gaming bots (each must score 60 or less) are part of the balance.
check: $(TEST_STAMP)
	$(BIN)/crisisdrill check scenarios/*.yaml

# Regenerate scenarios/schema.json after changing the scenario model.
schema: $(APP_STAMP)
	$(BIN)/python -m game.scenario.schema > scenarios/schema.json

# Regenerate scenarios/exercises.json (the rules each built-in scenario's bots exercise,
# which `progress` recommends from) after changing a built-in scenario (about 15 s).
exercises: $(APP_STAMP)
	$(BIN)/python -m game.services.exercises > scenarios/exercises.json.new
	mv scenarios/exercises.json.new scenarios/exercises.json

bench: $(BENCH_STAMP)
	$(BIN)/python bench/load.py
	$(BIN)/python bench/simulate.py
	$(BIN)/python bench/analyzer_eval.py
	$(BIN)/python bench/check.py
	$(BIN)/python bench/tui.py
	$(BIN)/python bench/hostile.py
	$(BIN)/python bench/results.py
	$(BIN)/python bench/progress.py
	$(BIN)/python bench/workshop.py

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(APP_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(APP_STAMP) $(BENCH_STAMP)

$(BENCH_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@ $(APP_STAMP)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
