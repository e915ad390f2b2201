"""crisisdrill: a terminal game for practising social-media crisis handling."""

__version__ = "0.2.0"
