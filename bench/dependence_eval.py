"""How well learned source dependence finds planted copiers (SPEC §17, docs/scoring.md).

    python -m bench.dependence_eval                      # every scenario below
    python -m bench.dependence_eval --sizes 2000 --quick # one size, fewer scenarios

Each scenario generates a synthetic corpus (claims/fastpath/synthetic, 300 outlets) with planted
copiers — outlets repeating a share of another's claims, uncited, some days later — runs the
dependence job on it exactly as the workers do (plan, blocks, weighing), reads which pairs it
suggests (at or above DEPENDENCE_SUGGEST_FROM, recorded dependence aside), and rolls everything
back. It prints precision, recall and F1 of the planted pairs (a planted pair whose dependence a
shared patron records already is not counted: there is nothing to learn), direction accuracy (of
the planted pairs found, how many with the copier the right way round), and the highest score of
any pair not planted and not recorded — with nothing planted, no pair may reach the threshold.
"""

import argparse
import time
from dataclasses import dataclass

from bench.setup import django_setup

OUTLETS = 300


@dataclass(frozen=True)
class Scenario:
    claims: int
    copiers: int = 10
    copy_rate: float = 0.6
    lag_days: int = 1
    false_rate: float = 0.0
    seed: int = 1

    @property
    def label(self) -> str:
        if not self.copiers:
            return f"{self.claims:>9,} claims, nothing planted"
        return (
            f"{self.claims:>9,} claims, {self.copiers} copiers at {self.copy_rate:.0%}, "
            f"{self.lag_days} d later, {self.false_rate:.0%} of sources' claims denied"
        )


@dataclass(frozen=True)
class Result:
    scenario: Scenario
    learnable: int
    suggested: int
    found: int
    right_way: int
    highest_unplanted: float
    seconds: float

    @property
    def precision(self) -> float:
        return self.found / self.suggested if self.suggested else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.learnable if self.learnable else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def direction(self) -> float:
        return self.right_way / self.found if self.found else 1.0


class Rollback(Exception):
    pass


def run_job() -> None:
    """The dependence job's steps, in this transaction (their tasks would each commit their own)."""
    from claims.models import DependenceBlock
    from claims.services.dependence_runs import dependence_count_block, dependence_plan, dependence_recompute

    job = dependence_recompute(full=True)
    dependence_plan(job_id=job.pk)
    for block_id in DependenceBlock.objects.filter(run__job=job).values_list("id", flat=True):
        dependence_count_block(block_id=block_id, job_id=job.pk)


def evaluate(scenario: Scenario) -> Result:
    from django.conf import settings
    from django.db import transaction

    from claims.fastpath.synthetic import synthetic_corpus_create
    from claims.models import OutletDependence

    outcome: list[Result] = []
    try:
        with transaction.atomic():
            report = synthetic_corpus_create(
                claims=scenario.claims, outlets=OUTLETS, actors=100, chain_sizes=(), viral=None, seed=scenario.seed,
                copiers=scenario.copiers, copy_rate=scenario.copy_rate, copy_lag_days=scenario.lag_days,
                copy_false_rate=scenario.false_rate,
            )  # fmt: skip
            started = time.monotonic()
            run_job()
            seconds = time.monotonic() - started
            planted = {frozenset(pair): pair[0] for pair in report.planted}
            # A planted pair whose dependence is recorded already (a shared patron) is not to be learned.
            unrecorded = OutletDependence.objects.filter(recorded=False)
            known = {
                frozenset(p) for p in OutletDependence.objects.filter(recorded=True).values_list("first", "second")
            }
            learnable = {pair: copier for pair, copier in planted.items() if pair not in known}
            suggested = list(unrecorded.filter(score__gte=settings.DEPENDENCE_SUGGEST_FROM))
            found = [p for p in suggested if frozenset((p.first_id, p.second_id)) in learnable]
            rows = unrecorded.values_list("first", "second", "score")
            others = [score for first, second, score in rows if frozenset((first, second)) not in planted]
            outcome.append(
                Result(
                    scenario=scenario,
                    learnable=len(learnable),
                    suggested=len(suggested),
                    found=len(found),
                    right_way=sum(1 for p in found if p.outlet_id == planted[frozenset((p.first_id, p.second_id))]),
                    highest_unplanted=max(others, default=0.0),
                    seconds=seconds,
                )
            )
            raise Rollback
    except Rollback:
        pass
    return outcome[0]


def scenarios(sizes: list[int], quick: bool) -> list[Scenario]:
    found = []
    for size in sizes:
        found += [Scenario(size, copiers=0), Scenario(size)]
        if not quick:
            found += [
                Scenario(size, copy_rate=0.8, lag_days=3, false_rate=0.3),
                Scenario(size, copy_rate=0.4),
            ]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="2000,10000,50000", help="Claims per corpus, comma-separated.")
    parser.add_argument("--quick", action="store_true", help="Only the planted-free and the 60% scenarios.")
    args = parser.parse_args()
    django_setup()
    from django.db import connection

    print(f"database: {connection.vendor}; {OUTLETS} outlets; threshold as configured")
    print(f"{'scenario':<82} {'suggested':>9} {'P':>5} {'R':>5} {'F1':>5} {'dir':>5} {'max other':>9} {'job s':>6}")
    for scenario in scenarios([int(s) for s in args.sizes.split(",")], args.quick):
        r = evaluate(scenario)
        print(
            f"{scenario.label:<82} {r.suggested:>9} {r.precision:>5.2f} {r.recall:>5.2f} {r.f1:>5.2f} "
            f"{r.direction:>5.2f} {r.highest_unplanted:>9.3f} {r.seconds:>6.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
