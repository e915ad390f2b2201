"""The game's screens: picker, briefing, console, debrief, and small dialogs."""
