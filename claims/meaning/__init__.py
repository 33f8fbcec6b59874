"""Matching claims by meaning across languages (SPEC §15): the sentence model, the vector index,
and the stance cues that tell "claimed" from "denied" where the vectors barely do."""
