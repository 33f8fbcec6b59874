"""Synthetic corpora at benchmark scale: `manage.py generate_synthetic` (SPEC §11, docs/synthetic.md)."""

from claims.fastpath.synthetic.build import CorpusReport, chain_ref, synthetic_corpus_create

__all__ = ["CorpusReport", "chain_ref", "synthetic_corpus_create"]
