"""The nearest-neighbour index of claim vectors: usearch's HNSW graph, in each process, beside the
database that holds the vectors (ClaimVector).

The database is the record; the index is a cache that only shortlists. Each process builds it when
first asked (from a saved file, `MEANING_INDEX_FILE`, when there is one, then from the rows), and
before each search reads the vectors written since it last looked: one indexed query on
`ClaimVector.updated_at`, looking back OVERLAP seconds so that a row committed a little after its
timestamp is not missed. What it returns is only candidates: the selector reads their vectors and
visibility from the database and scores them exactly (claims/selectors/similar.py), so a stale
entry can cost a place in the shortlist, never a wrong answer.

Vectors are kept as int8 (384 bytes a claim: 1M claims in about 0.5 GB with the graph), which
moves cosines by about 0.005, well inside what the exact rescoring corrects.
"""

import json
import threading
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
from django.conf import settings
from usearch.index import Index

from claims.meaning.model import DIMENSIONS, from_bytes
from claims.models import ClaimVector

OVERLAP = timedelta(seconds=30)
READ_BATCH = 5000


def new_index() -> Index:
    return Index(ndim=DIMENSIONS, metric="cos", dtype="i8", connectivity=12, expansion_add=48, expansion_search=96)


class MeaningIndex:
    """Claim ids by the meaning of their text, nearest first."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        """Forget everything: the next search builds the index again."""
        self.index: Index | None = None
        self.seen: datetime | None = None

    def search(self, vector: np.ndarray, count: int) -> list[int]:
        with self._lock:
            self._refresh()
            if not len(self.index):
                return []
            found = self.index.search(np.asarray(vector, dtype=np.float32), min(count, len(self.index)))
            return [int(key) for key in found.keys]

    def _refresh(self) -> None:
        if self.index is None:
            self.index, self.seen = _restored()
        rows = ClaimVector.objects.order_by("updated_at")
        if self.seen is not None:
            rows = rows.filter(updated_at__gte=self.seen - OVERLAP)
        self._take(rows.values_list("claim_id", "vector", "updated_at").iterator(chunk_size=READ_BATCH))

    def _take(self, rows: object) -> None:
        keys, vectors = [], []
        for claim_id, raw, updated_at in rows:
            if self.index.contains(claim_id):
                self.index.remove(claim_id)
            if raw is not None:
                keys.append(claim_id)
                vectors.append(from_bytes(raw))
            self.seen = max(self.seen or updated_at, updated_at)
            if len(keys) >= READ_BATCH:
                self._add(keys, vectors)
                keys, vectors = [], []
        self._add(keys, vectors)

    def _add(self, keys: list[int], vectors: list[np.ndarray]) -> None:
        if keys:
            self.index.add(np.array(keys, dtype=np.uint64), np.vstack(vectors), threads=settings.MEANING_THREADS)

    def save(self, path: str) -> int:
        """Write the index and how far it has read, for processes to start from; returns its size."""
        with self._lock:
            self._refresh()
            self.index.save(path)
            Path(f"{path}.json").write_text(json.dumps({"seen": self.seen.isoformat() if self.seen else None}))
            return len(self.index)


def _restored() -> tuple[Index, datetime | None]:
    path = settings.MEANING_INDEX_FILE
    if not path or not Path(path).exists() or not Path(f"{path}.json").exists():
        return new_index(), None
    index = new_index()
    index.load(path)
    seen = json.loads(Path(f"{path}.json").read_text()).get("seen")
    return index, datetime.fromisoformat(seen) if seen else None


meaning_index = MeaningIndex()
