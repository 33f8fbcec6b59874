"""Properties of the intake, whatever the entries: one item per normalised link, dated by the
earliest date any entry gave it, however the entries are spread over feeds and polls."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.capture.addresses import normalize_url
from claims.feeds.parsing import Entry
from claims.models import FeedSighting, InboxItem
from claims.services.feeds import feed_create
from claims.services.inbox_intake import entries_ingest
from tests.factories import make_outlet

pytestmark = pytest.mark.django_db

START = datetime(2021, 10, 1, tzinfo=UTC)
# One article written several ways: tracking parameters, a fragment, the host's case, its default port.
SPELLINGS = ["http://example.org/a/{n}", "http://EXAMPLE.org/a/{n}?utm_source=x", "http://example.org:80/a/{n}#c"]

entries = st.lists(
    st.builds(
        lambda n, spelling, hours: Entry(
            SPELLINGS[spelling].format(n=n), f"Story {n}", "", None if hours is None else START + timedelta(hours=hours)
        ),
        st.integers(0, 5),
        st.integers(0, len(SPELLINGS) - 1),
        st.none() | st.integers(0, 500),
    ),
    max_size=25,
)


class Rollback(Exception):
    pass


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(polls=st.lists(st.tuples(st.integers(0, 1), entries), min_size=1, max_size=4))
def test_one_item_per_article_dated_by_its_earliest_entry(editor, web_server, polls):
    try:
        with transaction.atomic():
            feeds = [feed_create(outlet=make_outlet(), url=web_server.url(f"/feed/{n}"), by=editor) for n in range(2)]
            for feed_index, batch in polls:
                entries_ingest(feed=feeds[feed_index], entries=batch)

            given_entries = [entry for _, batch in polls for entry in batch]
            keys = {normalize_url(entry.url) for entry in given_entries}
            assert set(InboxItem.objects.values_list("normalized_url", flat=True)) == keys
            for item in InboxItem.objects.all():
                dates = [e.published_at for e in given_entries if normalize_url(e.url) == item.normalized_url]
                known = [d for d in dates if d is not None]
                assert item.published_at == (min(known) if known else None)
            carried = {(feeds[f].pk, normalize_url(e.url)) for f, batch in polls for e in batch}
            assert FeedSighting.objects.count() == len(carried)
            raise Rollback
    except Rollback:
        pass
