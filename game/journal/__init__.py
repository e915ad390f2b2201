"""The session log's contract: typed events, their JSON codec, and the log file.

The engine writes it, replay and scoring read it; it imports nothing of ours but the
vocabulary, so that both sides share one definition of every record.
"""
