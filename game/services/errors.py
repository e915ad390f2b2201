"""The one error a service raises of its own."""

from __future__ import annotations


class InputError(Exception):
    """What the user named cannot be used; the message says what and why.

    The command line prints it after ``crisisdrill:`` and exits 1.
    """
