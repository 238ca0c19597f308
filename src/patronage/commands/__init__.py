"""Implementations of the CLI commands (``cli.py`` holds only their options)."""
