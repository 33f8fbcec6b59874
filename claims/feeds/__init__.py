"""Reading monitored feeds (SPEC §16): the bytes a poll fetched, as entries (parsing.py)."""
