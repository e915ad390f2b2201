"""Subcommands of the command line that have more to them than a few lines of ``cli.py``."""
