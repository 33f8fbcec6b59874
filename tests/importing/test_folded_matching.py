"""A record without a ref finds its claim by the text folded: the same Arabic with vowel marks,
other hamza seats or Persian letters is the same claim, not a second one."""

import pytest

from claims.models import Appearance, Claim
from claims.services.claims import claim_create
from tests.importing.helpers import import_file, write_jsonl

OUTLETS = [{"slug": "al-akhbar", "name": "Al-Akhbar", "reliability": "D"}]
APPEARANCES = [{"ref": "akh", "outlet": "al-akhbar", "published_on": "2021-10-21"}]


@pytest.mark.parametrize(
    ("recorded", "imported"),
    [
        ("أعلنت المقاومة الإسلامية مسؤوليتها", "اعلنت المقاومه الاسلاميه مسؤوليتها"),
        ("أعلنت المقاومة الإسلامية مسؤوليتها", "أَعْلَنَت المُقَاوَمَة الإسلاميّة مسؤوليتـها"),
        ("سپاه مسئولیت حمله را پذیرفت", "سپاه مسئوليت حمله را پذيرفت"),
    ],
)
def test_a_record_finds_its_claim_by_the_text_folded(db, tmp_path, recorded, imported) -> None:
    claim = claim_create(text=recorded)
    path = write_jsonl(tmp_path / "c.jsonl", [{"text": imported, "outlets": OUTLETS, "appearances": APPEARANCES}])

    assert import_file(path).ok

    assert list(Claim.objects.values_list("id", flat=True)) == [claim.pk]
    assert Appearance.objects.get().claim_id == claim.pk


def test_a_different_text_is_another_claim(db, tmp_path) -> None:
    claim_create(text="أعلنت المقاومة مسؤوليتها")
    path = write_jsonl(tmp_path / "c.jsonl", [{"text": "نفت المقاومة مسؤوليتها", "outlets": OUTLETS}])

    assert import_file(path).ok

    assert Claim.objects.count() == 2
