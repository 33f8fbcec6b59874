"""Where the seed corpus is, and lookups of its rows by their seed refs."""

from pathlib import Path

from django.conf import settings

from claims.models import Appearance, Claim
from claims.seeding.files import external_ref

SEEDS_DIR = Path(settings.BASE_DIR) / "seeds"
DOCUMENTS_DIR = Path(settings.BASE_DIR).parent / "shared" / "seed-documents"
SEED_DOCUMENTS = {
    "000_fe2aeb450d1bbd91.txt",
    "001_9346788431656a35.txt",
    "002_dfa7bd9c9bcc1723.txt",
    "003_e5029d1c168a8525.txt",
    "004_5f785e8561f7f0e8.txt",
}


def seeded_claim(ref: str) -> Claim:
    return Claim.objects.get(external_ref=external_ref(ref))


def seeded_appearance(ref: str) -> Appearance:
    return Appearance.objects.get(external_ref=external_ref(ref))
