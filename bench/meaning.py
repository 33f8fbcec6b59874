"""Matching claims by meaning (SPEC §15): how right it is, how fast it embeds, how fast it finds.

    python -m bench.meaning                      # quality, throughput, latency at 10k and 100k
    python -m bench.meaning --sizes 10000,100000,1000000

1. **Quality** on bench/bilingual_set.py (60 Arabic-English and 20 Persian-English pairs, each with
   a hard negative: the same actors, place, weapon and date, the opposite assertion). Each claim
   is asked in one language against every claim and negative of the set in the other, scored as
   claims/selectors/similar.py scores meaning (`meaning_closeness`: the cosine less the stance
   penalty, plus shared names): recall@1 and recall@5 of its twin, and the share of pairs where
   the twin beats its hard negative. Also by the cosine alone, to show what the vectors do.
2. **Embedding throughput** per core: claims embedded per second, one thread, in the batches the
   vector task uses.
3. **Query latency** at each size: vectors are generated (clustered as real claims are: topics
   with claims around them), put in the index the application uses (claims/meaning/index.py),
   and a query takes the shortlist from it and rescores it exactly, as the selector does. The
   query's own embedding is timed apart. The recall of the index against exact search is given.
"""

import argparse
import os
import time

import numpy as np

os.environ.setdefault("MEANING_THREADS", "1")

from bench.setup import django_setup
from bench.timing import measure

SHORTLIST = 100


def _rank_of_twin(scores: np.ndarray, twin: int) -> int:
    return int((scores > scores[twin]).sum())


def quality(*, penalty: bool) -> dict[str, dict[str, float]]:
    from bench.bilingual_set import bilingual_set
    from claims.meaning.model import embed
    from claims.selectors.similar import meaning_closeness

    pairs = bilingual_set()
    results = {}
    for language in ("ar", "fa"):
        chosen = [p for p in pairs if p.language == language]
        for direction in (f"en->{language}", f"{language}->en"):
            to_other = direction.startswith("en")
            queries = [p.english if to_other else p.other for p in chosen]
            corpus = [p.other if to_other else p.english for p in chosen]
            corpus += [p.negative_other if to_other else p.negative_english for p in chosen]
            scores = embed(queries) @ embed(corpus).T
            if penalty:
                scores = np.array(
                    [
                        [meaning_closeness(q, c, scores[i, j]) for j, c in enumerate(corpus)]
                        for i, q in enumerate(queries)
                    ]
                )
            ranks = [_rank_of_twin(scores[i], i) for i in range(len(chosen))]
            beaten = [scores[i, i] > scores[i, i + len(chosen)] for i in range(len(chosen))]
            results[direction] = {
                "pairs": len(chosen),
                "recall@1": float(np.mean([r < 1 for r in ranks])),
                "recall@5": float(np.mean([r < 5 for r in ranks])),
                "hard negatives beaten": float(np.mean(beaten)),
            }
    return results


def throughput(count: int = 256) -> float:
    from bench.bilingual_set import bilingual_set
    from claims.meaning.model import embed
    from claims.services.meaning import BATCH

    texts = [t for p in bilingual_set() for t in (p.english, p.other, p.negative_english, p.negative_other)]
    texts = (texts * (count // len(texts) + 1))[:count]
    embed(texts[:BATCH])  # the model is loaded before the clock starts
    started = time.perf_counter()
    for start in range(0, count, BATCH):
        embed(texts[start : start + BATCH])
    return count / (time.perf_counter() - started)


def synthetic_vectors(size: int, *, seed: int = 7) -> np.ndarray:
    """Unit vectors around size/50 topics, as claims gather around events."""
    from claims.meaning.model import DIMENSIONS

    rng = np.random.default_rng(seed)
    topics = rng.standard_normal((max(1, size // 50), DIMENSIONS)).astype(np.float32)
    vectors = topics[rng.integers(0, len(topics), size)] + 0.6 * rng.standard_normal((size, DIMENSIONS)).astype(
        np.float32
    )
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors


def latency(size: int, *, runs: int) -> None:
    from claims.meaning.index import new_index

    vectors = synthetic_vectors(size)
    index = new_index()
    started = time.perf_counter()
    for start in range(0, size, 50_000):
        chunk = vectors[start : start + 50_000]
        index.add(np.arange(start, start + len(chunk), dtype=np.uint64), chunk, threads=2)
    built = time.perf_counter() - started
    rng = np.random.default_rng(11)
    asked = vectors[rng.integers(0, size, runs + 2)] + 0.1 * rng.standard_normal((runs + 2, vectors.shape[1]))
    asked = (asked / np.linalg.norm(asked, axis=1, keepdims=True)).astype(np.float32)
    queue = iter(asked)

    def query() -> list[int]:
        vector = next(queue)
        keys = index.search(vector, SHORTLIST).keys
        exact = vectors[keys] @ vector  # the selector's exact rescoring of the shortlist
        return [int(k) for k in keys[np.argsort(-exact)[:10]]]

    timing = measure(query, runs=runs, warmup=2)
    found = 0
    for vector in asked[:50]:
        best = set(np.argsort(-(vectors @ vector))[:10].tolist())
        found += len(best & {int(k) for k in index.search(vector, SHORTLIST).keys})
    print(f"index of {size:,} vectors (int8 HNSW): built in {built:.0f} s, {index.memory_usage / 2**20:.0f} MiB")
    print("  " + timing.line(f"search + exact rescoring of {SHORTLIST}"))
    print(f"  recall of the exact top 10 in the shortlist: {found / 500:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="Corpus sizes for the latency, comma-separated.")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()
    django_setup()
    print(f"== machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    if not args.skip_quality:
        for penalty in (True, False):
            print(f"== quality, {'as the service ranks (stance, names)' if penalty else 'by the cosine alone'}")
            for direction, figures in quality(penalty=penalty).items():
                print(f"  {direction} ({figures.pop('pairs')} pairs): " + ", ".join(
                    f"{name} {value:.3f}" for name, value in figures.items()))  # fmt: skip
        rate = throughput()
        print(f"== embedding: {rate:.1f} claims/s on one core ({1000 / rate:.1f} ms a claim)")
        from claims.meaning.model import embed

        asked = iter(["Hezbollah claimed the drone attack on al-Tanf base"] * 60)
        print("  " + measure(lambda: embed([next(asked)]), runs=50).line("one query's embedding"))
    for size in (int(s) for s in args.sizes.split(",") if s):
        latency(size, runs=args.runs)


if __name__ == "__main__":
    main()
