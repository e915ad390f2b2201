"""``python -m game`` runs the crisisdrill command line."""

from game.cli import run

run()
