"""Every role × step × state × comment, against SPEC §7 written out as a table.

The expected outcome is computed from the table, not from the service: who may
take the step (else Forbidden), four eyes (else Forbidden), whether the state
allows it (else NotAllowed), whether the required comment is there (else
InvalidInput). docs/workflow.md explains that order.
"""

import itertools

import pytest

from claims.choices import ReviewState
from claims.errors import Forbidden, InvalidInput, NotAllowed
from claims.models import Claim, ReviewTransition
from claims.services.workflow import claim_approve, claim_reject, claim_retract, claim_submit
from tests.workflow.states import claim_in

pytestmark = pytest.mark.django_db

D, R, P, J, X = (
    ReviewState.DRAFT,
    ReviewState.IN_REVIEW,
    ReviewState.PUBLISHED,
    ReviewState.REJECTED,
    ReviewState.RETRACTED,
)
# step: (states it leaves from, state it leads to, role that may take it, what must be said)
SPEC = {
    "submit": ({D, J}, R, "editor", None),
    "approve": ({R}, P, "reviewer", None),
    "reject": ({R}, J, "reviewer", "comment"),
    "retract": ({P}, X, "reviewer", "reason"),
}
# role: (the fixture that plays it, the groups it has, whether it created the claim)
ROLES = {
    "consumer": ("consumer", set(), False),
    "editor": ("editor", {"editor"}, False),
    "reviewer": ("reviewer", {"reviewer"}, False),
    "editor+reviewer": ("editor_reviewer", {"editor", "reviewer"}, False),
    "superuser": ("superuser", {"editor", "reviewer"}, False),
    "creator": ("editor_reviewer", {"editor", "reviewer"}, True),
}
COMMENTS = {"comment": "Checked against the Al-Akhbar original.", "blank": "", "whitespace": "  \n\t "}
TAKE = {
    "submit": lambda claim, user, text: claim_submit(claim=claim, by=user, comment=text),
    "approve": lambda claim, user, text: claim_approve(claim=claim, by=user, comment=text),
    "reject": lambda claim, user, text: claim_reject(claim=claim, comment=text, by=user),
    "retract": lambda claim, user, text: claim_retract(claim=claim, reason=text, by=user),
}


def expected_outcome(role: str, step: str, state: str, comment: str) -> type[Exception] | None:
    sources, _, who, must_say = SPEC[step]
    _, groups, created_it = ROLES[role]
    if who not in groups:
        return Forbidden
    if step == "approve" and created_it:
        return Forbidden
    if state not in sources:
        return NotAllowed
    if must_say and not comment.strip():
        return InvalidInput
    return None


CASES = [
    pytest.param(role, step, state, comment, id=f"{role}-{step}-{state}-{comment}")
    for role, step, state, comment in itertools.product(ROLES, SPEC, ReviewState.values, ["comment", "blank"])
]


@pytest.mark.parametrize(("role", "step", "state", "comment"), CASES)
def test_each_role_may_take_exactly_the_steps_the_spec_gives_it(request, other_editor, role, step, state, comment):
    fixture, _, created_it = ROLES[role]
    user = request.getfixturevalue(fixture)
    claim = claim_in(state, created_by=user if created_it else other_editor)
    transitions_before = ReviewTransition.objects.filter(claim=claim).count()
    text = COMMENTS[comment]
    outcome = expected_outcome(role, step, state, text)

    if outcome is None:
        returned = TAKE[step](claim, user, text)
        assert returned.review_state == SPEC[step][1]
    else:
        with pytest.raises(outcome):
            TAKE[step](claim, user, text)

    stored = Claim.objects.get(pk=claim.pk)
    transitions = ReviewTransition.objects.filter(claim=claim).order_by("id")
    if outcome is None:
        assert stored.review_state == SPEC[step][1]
        assert transitions.count() == transitions_before + 1
        last = transitions.last()
        assert (last.from_state, last.to_state, last.by, last.comment) == (state, SPEC[step][1], user, text.strip())
    else:
        assert stored.review_state == state
        assert transitions.count() == transitions_before


@pytest.mark.parametrize("step", ["reject", "retract"])
@pytest.mark.parametrize("comment", ["blank", "whitespace"])
def test_a_reject_or_retract_without_words_is_refused_and_changes_nothing(reviewer, other_editor, step, comment):
    state = next(iter(SPEC[step][0]))
    claim = claim_in(state, created_by=other_editor)

    with pytest.raises(InvalidInput) as refused:
        TAKE[step](claim, reviewer, COMMENTS[comment])

    assert refused.value.field == SPEC[step][3]
    assert SPEC[step][3] in refused.value.message
    assert Claim.objects.get(pk=claim.pk).review_state == state
    assert not ReviewTransition.objects.filter(claim=claim, by=reviewer).exists()


def test_a_comment_is_stored_without_surrounding_whitespace(reviewer, other_editor):
    claim = claim_in(R, created_by=other_editor)

    claim_reject(claim=claim, comment="  The second source is a republication.\n", by=reviewer)

    assert ReviewTransition.objects.get(claim=claim, by=reviewer).comment == "The second source is a republication."
