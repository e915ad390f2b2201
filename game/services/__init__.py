"""The application layer: one module per command, shared by the command line and the game.

A service does the work of a command (load, simulate, score, check, write) and returns
typed results; it never parses arguments, never prints and never imports textual or
rich. The front ends (``game.cli``, ``game.tui``) present what it returns.

Errors: a service raises ``ScenarioError`` (a scenario or playbook with located
problems), ``LogError`` (a session log it cannot use) or ``InputError`` (anything else
the user named that cannot be used); each message says what is wrong.
"""
