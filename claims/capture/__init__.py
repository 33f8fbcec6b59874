"""Capture from a URL (SPEC §13): what is read from a fetched page, kept of it, and suggested."""
