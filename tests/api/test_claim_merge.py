"""POST /api/v1/claims/{id}/merge/ and /unmerge/: the rows move and come back exactly (SPEC §15)."""

from datetime import date

import pytest

from claims.models import Appearance, Citation, Claim, ClaimMerge, StatusEvidence, WebhookEvent
from claims.services.merges import claim_merge
from claims.services.webhooks import subscription_create
from claims.services.workflow import claim_retract
from tests.api.conftest import publish
from tests.factories import make_appearance, make_citation, make_claim, make_evidence, make_outlet

pytestmark = pytest.mark.django_db


def url(claim: Claim, action: str = "") -> str:
    return f"/api/v1/claims/{claim.pk}/" + (f"{action}/" if action else "")


@pytest.fixture
def pair() -> tuple[Claim, Claim]:
    """A survivor with one appearance, and its Arabic duplicate with a chain of two and evidence."""
    survivor = make_claim("Hezbollah claimed the drone attack on al-Tanf base")
    make_appearance(survivor, published_on=date(2021, 10, 21))
    duplicate = make_claim("أعلن حزب الله مسؤوليته عن الهجوم بطائرة مسيرة على قاعدة التنف")
    origin = make_appearance(duplicate, outlet=make_outlet("Al-Akhbar"), published_on=date(2021, 10, 20))
    copy = make_appearance(duplicate, outlet=make_outlet("Al-Mayadeen"), published_on=date(2021, 10, 22))
    make_citation(copy, origin, kind="republished")
    make_evidence(duplicate, stance="confirms", date=date(2021, 10, 23))
    return survivor, duplicate


def rows_of(claim: Claim) -> dict[str, list[int]]:
    return {
        "appearances": list(Appearance.objects.filter(claim=claim).order_by("pk").values_list("pk", flat=True)),
        "citations": list(Citation.objects.filter(claim=claim).order_by("pk").values_list("pk", flat=True)),
        "evidence": list(StatusEvidence.objects.filter(claim=claim).order_by("pk").values_list("pk", flat=True)),
    }


def test_reviewer_merges_a_duplicate_into_the_survivor(as_reviewer, pair) -> None:
    survivor, duplicate = pair
    before = rows_of(duplicate)
    response = as_reviewer.post(url(duplicate, "merge"), {"into": survivor.pk, "reason": "Same claim, in Arabic"})
    assert response.status_code == 200, response.json()
    assert response.json()["moved"]["appearances"] == before["appearances"]
    assert rows_of(duplicate) == {"appearances": [], "citations": [], "evidence": []}
    assert set(before["appearances"]) <= set(rows_of(survivor)["appearances"])
    survivor.refresh_from_db()
    duplicate.refresh_from_db()
    assert duplicate.merged_into_id == survivor.pk
    assert survivor.appearance_count == 3  # rescored with the rows it took
    assert survivor.status == "confirmed"


def test_a_merged_claim_redirects_and_leaves_every_list(as_reviewer, pair, client, reviewer) -> None:
    survivor, duplicate = pair
    claim_merge(claim=duplicate, into=survivor, reason="duplicate", by=None)
    response = as_reviewer.get(url(duplicate) + "?as_of=2021-10-22")
    assert response.status_code == 301
    assert response["Location"] == f"/api/v1/claims/{survivor.pk}/?as_of=2021-10-22"
    listed = [c["id"] for c in as_reviewer.get("/api/v1/claims/").json()["results"]]
    assert duplicate.pk not in listed and survivor.pk in listed
    client.force_login(reviewer)
    page = client.get(f"/claims/{duplicate.pk}/")
    assert page.status_code == 301 and page["Location"] == f"/claims/{survivor.pk}/"


def test_consumers_are_redirected_only_to_what_they_may_read(anonymous, pair) -> None:
    survivor, duplicate = pair
    publish(duplicate)
    claim_merge(claim=duplicate, into=survivor, reason="duplicate", by=None)
    # The survivor is a draft: to a consumer the merged claim's address names nothing.
    assert anonymous.get(url(duplicate)).status_code == 404
    publish(survivor)
    assert anonymous.get(url(duplicate)).status_code == 301


def test_unmerge_puts_every_row_back_exactly(as_reviewer, pair) -> None:
    survivor, duplicate = pair
    before_duplicate, before_survivor = rows_of(duplicate), rows_of(survivor)
    duplicate.refresh_from_db()
    duplicate_status = duplicate.status
    as_reviewer.post(url(duplicate, "merge"), {"into": survivor.pk, "reason": "duplicate"})
    response = as_reviewer.post(url(duplicate, "unmerge"), {"reason": "Not the same attack after all"})
    assert response.status_code == 200, response.json()
    assert response.json()["unmerge_reason"] == "Not the same attack after all"
    assert rows_of(duplicate) == before_duplicate
    assert rows_of(survivor) == before_survivor
    duplicate.refresh_from_db()
    assert duplicate.merged_into_id is None and duplicate.status == duplicate_status
    assert as_reviewer.get(url(duplicate)).status_code == 200


def test_merge_and_unmerge_are_in_the_history_of_the_claim(as_reviewer, pair) -> None:
    survivor, duplicate = pair
    as_reviewer.post(url(duplicate, "merge"), {"into": survivor.pk, "reason": "duplicate"})
    as_reviewer.post(url(duplicate, "unmerge"), {"reason": "undo"})
    reasons = list(duplicate.history.values_list("history_change_reason", flat=True))
    assert f"merged into claim {survivor.pk}: duplicate" in reasons
    assert f"unmerged from claim {survivor.pk}: undo" in reasons
    moved = Appearance.history.filter(claim_id=survivor.pk, history_change_reason__startswith="merged from")
    assert moved.count() == 2
    assert as_reviewer.get(url(duplicate, "history")).status_code == 200


def test_subscribers_hear_of_the_merge_on_the_survivor(as_reviewer, pair, consumer, settings) -> None:
    settings.OUTBOUND_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    survivor, duplicate = pair
    subscription_create(url="http://127.0.0.1:9/in", events=["claim.merged", "claim.unmerged"], by=consumer)
    as_reviewer.post(url(duplicate, "merge"), {"into": survivor.pk, "reason": "duplicate"})
    as_reviewer.post(url(duplicate, "unmerge"), {"reason": "undo"})
    events = list(WebhookEvent.objects.order_by("pk").values_list("claim_id", "kind", "changes"))
    assert events == [
        (survivor.pk, "claim.merged", {"merged": {"old": None, "new": duplicate.pk}}),
        (survivor.pk, "claim.unmerged", {"merged": {"old": duplicate.pk, "new": None}}),
    ]


@pytest.mark.parametrize("who", ["as_editor", "as_consumer", "anonymous"])
def test_only_reviewers_merge(request, who: str, pair, nothing_changes) -> None:
    survivor, duplicate = pair
    publish(survivor)
    publish(duplicate)
    client = request.getfixturevalue(who)
    with nothing_changes():
        response = client.post(url(duplicate, "merge"), {"into": survivor.pk, "reason": "duplicate"})
    assert response.status_code in (401, 403)


def test_four_eyes_a_reviewer_cannot_merge_published_claims_they_wrote(client_for, editor_reviewer, nothing_changes):
    own = make_claim("Kataib Hezbollah claimed the rocket attack on Erbil airport", by=editor_reviewer)
    other = make_claim("أعلنت كتائب حزب الله مسؤوليتها عن الهجوم الصاروخي على مطار أربيل")
    publish(own)
    publish(other)
    with nothing_changes():
        response = client_for(editor_reviewer).post(url(other, "merge"), {"into": own.pk, "reason": "duplicate"})
    assert response.status_code == 403
    assert "Four eyes" in response.json()["detail"]


def test_a_reviewer_may_merge_drafts_they_wrote(client_for, editor_reviewer) -> None:
    own = make_claim("Kataib Hezbollah claimed the rocket attack on Erbil airport", by=editor_reviewer)
    other = make_claim("Kataib Hezbollah claimed the rocket attack on Erbil airport.", by=editor_reviewer)
    response = client_for(editor_reviewer).post(url(other, "merge"), {"into": own.pk, "reason": "typed twice"})
    assert response.status_code == 200


def test_merge_into_itself_is_refused(as_reviewer, pair, nothing_changes) -> None:
    _, duplicate = pair
    with nothing_changes():
        response = as_reviewer.post(url(duplicate, "merge"), {"into": duplicate.pk, "reason": "x"})
    assert response.status_code == 400
    assert "itself" in response.json()["detail"]


@pytest.mark.parametrize("body", [{"reason": "no target"}, {"into": 99999999, "reason": "gone"}, {"into": "x"}])
def test_merge_into_nothing_is_refused(as_reviewer, pair, nothing_changes, body: dict) -> None:
    _, duplicate = pair
    with nothing_changes():
        response = as_reviewer.post(url(duplicate, "merge"), body)
    assert response.status_code == 400
    assert "into" in response.json()["errors"]


def test_merge_needs_a_reason(as_reviewer, pair, nothing_changes) -> None:
    survivor, duplicate = pair
    with nothing_changes():
        response = as_reviewer.post(url(duplicate, "merge"), {"into": survivor.pk, "reason": "  "})
    assert response.status_code == 400
    assert "reason" in response.json()["errors"]


def test_merge_into_a_merged_claim_is_refused(as_reviewer, pair, nothing_changes) -> None:
    survivor, duplicate = pair
    third = make_claim("Hezbollah was behind the al-Tanf drone attack")
    claim_merge(claim=duplicate, into=survivor, reason="duplicate", by=None)
    with nothing_changes():
        response = as_reviewer.post(url(third, "merge"), {"into": duplicate.pk, "reason": "duplicate"})
    assert response.status_code == 409
    assert f"merged into claim {survivor.pk}" in response.json()["detail"]


def test_a_cycle_of_merges_is_refused(as_reviewer, pair, nothing_changes) -> None:
    survivor, duplicate = pair
    claim_merge(claim=duplicate, into=survivor, reason="duplicate", by=None)
    with nothing_changes():
        back = as_reviewer.post(url(survivor, "merge"), {"into": duplicate.pk, "reason": "the other way"})
        again = as_reviewer.post(url(duplicate, "merge"), {"into": survivor.pk, "reason": "twice"})
    assert back.status_code == 409 and "cycle" in back.json()["detail"]
    assert again.status_code == 409 and "already merged" in again.json()["detail"]


def test_a_claim_others_are_merged_into_is_not_merged_itself(as_reviewer, pair, nothing_changes) -> None:
    survivor, duplicate = pair
    third = make_claim("Hezbollah was behind the al-Tanf drone attack")
    claim_merge(claim=duplicate, into=survivor, reason="duplicate", by=None)
    with nothing_changes():
        response = as_reviewer.post(url(survivor, "merge"), {"into": third.pk, "reason": "chain"})
    assert response.status_code == 409


@pytest.mark.parametrize("retracted", ["survivor", "merged"])
def test_a_retracted_claim_takes_no_merge(as_reviewer, pair, nothing_changes, retracted: str) -> None:
    survivor, duplicate = pair
    target = survivor if retracted == "survivor" else duplicate
    publish(target)
    claim_retract(claim=target, reason="wrong", by=None)
    with nothing_changes():
        response = as_reviewer.post(url(duplicate, "merge"), {"into": survivor.pk, "reason": "duplicate"})
    assert response.status_code == 409
    assert "retracted" in response.json()["detail"]


def test_unmerge_of_a_claim_not_merged_is_refused(as_reviewer, pair, nothing_changes) -> None:
    _, duplicate = pair
    with nothing_changes():
        response = as_reviewer.post(url(duplicate, "unmerge"), {"reason": "undo"})
    assert response.status_code == 409


def test_unmerge_is_refused_while_a_later_citation_joins_the_two(as_reviewer, pair, nothing_changes) -> None:
    survivor, duplicate = pair
    english = Appearance.objects.get(claim=survivor)
    claim_merge(claim=duplicate, into=survivor, reason="duplicate", by=None)
    arabic = Appearance.objects.filter(claim=survivor).order_by("published_on").first()
    make_citation(english, arabic, kind="translated")  # the English report took it from the Arabic
    with nothing_changes():
        response = as_reviewer.post(url(duplicate, "unmerge"), {"reason": "undo"})
    assert response.status_code == 409
    assert "Withdraw it first" in response.json()["detail"]
    assert ClaimMerge.objects.get().unmerged_at is None


def test_rows_cannot_be_added_to_a_merged_claim(as_editor, pair) -> None:
    survivor, duplicate = pair
    claim_merge(claim=duplicate, into=survivor, reason="duplicate", by=None)
    outlet = make_outlet()
    body = {"claim": duplicate.pk, "outlet": outlet.pk, "published_on": "2021-10-25"}
    response = as_editor.post("/api/v1/appearances/", body, format="json")
    assert response.status_code == 400
