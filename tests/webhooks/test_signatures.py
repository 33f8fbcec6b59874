"""Whatever the body, a delivery's headers verify with the Standard Webhooks package's verifier."""

import json
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from standardwebhooks import Webhook

from claims.services.webhook_delivery import signed_headers
from claims.services.webhooks import new_secret

scalars = st.none() | st.booleans() | st.integers() | st.text()
bodies = st.recursive(scalars, lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner))


# On a busy machine one draw can stall for a second: that is the machine, not the strategy.
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(body=bodies, message=st.integers(min_value=1, max_value=2**63 - 1))
def test_every_body_signed_verifies_and_any_change_to_it_does_not(body, message):
    secret = new_secret()
    text = json.dumps({"data": body}, ensure_ascii=False)
    headers = signed_headers(secret, f"msg_{message}", text, datetime.now(UTC))

    assert Webhook(secret).verify(text, headers) == {"data": body}
    tampered = text[:-1] + " }"
    try:
        Webhook(secret).verify(tampered, headers)
    except Exception as exc:
        assert "signature" in str(exc).lower()
    else:
        raise AssertionError("a changed body verified")
