"""The corpus-wide quantities the model reads, estimated from the corpus itself (docs/scoring.md).

- The prior that two outlets are dependent: the share of all pairs of outlets that carry claims
  whose dependence is recorded (a citation on at least half of their shared claims, a shared
  patron, a reviewer's confirmation), with a Beta(1, 9) prior (a tenth) so that a small or new
  corpus is not read as all-independent or all-dependent, and kept within [0.0001, 0.5]. Over all
  pairs, not only those sharing claims: among the tens of thousands of pairs of a few hundred
  outlets, a handful share three rare claims by chance, and the prior is what keeps them from
  being read as copies (the many tests a corpus makes at once).
- The false-value ratio: how many independent voices beyond the first a claim later denied has,
  against one that is not denied (each claim's independent-origin count, SPEC §5). Independent
  outlets rarely coincide on a false report, so it is usually below 1; with fewer than
  MIN_DENIED denied claims it is the prior FALSE_RATIO_PRIOR.
"""

from dataclasses import dataclass

PRIOR_SUCCESSES, PRIOR_TRIALS = 1, 10
LOWEST_PRIOR, HIGHEST_PRIOR = 0.0001, 0.5
MIN_DENIED = 20
FALSE_RATIO_PRIOR = 0.5
LOWEST_FALSE_RATIO = 0.05


@dataclass(frozen=True, slots=True)
class VoiceCounts:
    """Claims with at least one origin, and the independent voices beyond their first, split by
    whether the claim was later denied."""

    denied_claims: int
    denied_extra_voices: int
    other_claims: int
    other_extra_voices: int


def dependence_prior(*, recorded_pairs: int, outlets: int) -> float:
    """`outlets`: how many outlets carry claims; every pair of them could be dependent."""
    share = (recorded_pairs + PRIOR_SUCCESSES) / (outlets * (outlets - 1) // 2 + PRIOR_TRIALS)
    return min(HIGHEST_PRIOR, max(LOWEST_PRIOR, share))


def false_value_ratio(voices: VoiceCounts) -> float:
    if voices.denied_claims < MIN_DENIED or voices.other_claims < MIN_DENIED:
        return FALSE_RATIO_PRIOR
    # Half a voice added to each side keeps a corpus without any second voice from dividing by zero.
    denied = (voices.denied_extra_voices + 0.5) / voices.denied_claims
    other = (voices.other_extra_voices + 0.5) / voices.other_claims
    return min(1.0, max(LOWEST_FALSE_RATIO, denied / other))
