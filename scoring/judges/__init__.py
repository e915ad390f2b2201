"""The judges of the five dimensions: each reads a session and adds credits and findings."""
