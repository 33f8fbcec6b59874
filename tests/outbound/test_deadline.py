"""One total deadline for every outbound call, from the lookup to the last byte, redirects included
(claims/outbound_deadline.py): a server that drips, stalls or holds its answer is cut off then."""

import socket
import threading
import time

import pytest

from claims.outbound import OutboundRefused, fetch, resolve
from claims.outbound_deadline import Deadline
from tests.outbound.server import Page

DRIP = Page(body=b"x" * 200, chunks=200, delay=0.1)  # 20 s to send whole: a byte every 0.1 s


def timed_refusal(url: str, **options: object) -> tuple[str, float]:
    started = time.monotonic()
    with pytest.raises(OutboundRefused) as refused:
        fetch(url, **options)
    return refused.value.message, time.monotonic() - started


def test_a_body_sent_a_byte_at_a_time_is_cut_off_at_the_deadline(web_server, settings):
    settings.OUTBOUND_DEADLINE_SECONDS = 0.5
    url = web_server.add("/drip", DRIP)

    message, took = timed_refusal(url)

    assert message == "127.0.0.1 did not send the whole response within the deadline of 0.5 s."
    assert took < 3  # the drip alone would take 20 s; a read timeout would never trip


def test_headers_sent_a_byte_at_a_time_are_cut_off_at_the_deadline(web_server, settings):
    settings.OUTBOUND_DEADLINE_SECONDS = 0.5
    url = web_server.add("/slow-head", Page(body=b"late", head_drip=0.05))

    message, took = timed_refusal(url)

    assert message == "127.0.0.1 did not answer within the deadline of 0.5 s."
    assert took < 3


def test_a_server_that_holds_its_answer_is_cut_off_at_the_deadline(web_server, settings):
    settings.OUTBOUND_DEADLINE_SECONDS = 0.4
    url = web_server.add("/held", Page(body=b"never", release=threading.Event()))

    message, took = timed_refusal(url)

    assert "did not answer within the deadline of 0.4 s" in message
    assert took < 3


def test_the_deadline_covers_every_redirect_together(web_server, settings):
    settings.OUTBOUND_DEADLINE_SECONDS = 0.6
    web_server.add("/hop3", Page(body=b"here", head_delay=0.25))
    web_server.add("/hop2", Page(302, headers={"Location": "/hop3"}, head_delay=0.25))
    first = web_server.add("/hop1", Page(302, headers={"Location": "/hop2"}, head_delay=0.25))

    message, _ = timed_refusal(first)

    assert "within the deadline of 0.6 s" in message
    assert len(web_server.received) == 3  # each hop alone was well within it


def test_a_shorter_deadline_given_by_the_caller_holds(web_server, settings):
    settings.OUTBOUND_DEADLINE_SECONDS = 30
    url = web_server.add("/drip", DRIP)

    message, took = timed_refusal(url, deadline=Deadline(0.3))

    assert "within the deadline of 0.3 s" in message and took < 3


def test_a_page_within_the_deadline_is_fetched_whole(web_server, settings):
    settings.OUTBOUND_DEADLINE_SECONDS = 5
    url = web_server.add("/quick-drip", Page(body=b"abcdefghij", chunks=10, delay=0.01))

    assert fetch(url).body == b"abcdefghij"


def test_a_lookup_that_does_not_end_is_given_up_at_the_deadline(monkeypatch):
    never = threading.Event()

    def stuck(*args: object, **kwargs: object) -> list:
        never.wait(10)
        return []

    monkeypatch.setattr(socket, "getaddrinfo", stuck)
    started = time.monotonic()

    with pytest.raises(OutboundRefused, match=r"The lookup of news\.example did not end within the deadline of 0\.3 s"):
        resolve("news.example", 443, Deadline(0.3))
    never.set()
    assert time.monotonic() - started < 3


SHAPES = {
    "a held answer": Page(body=b"never", release=threading.Event()),
    "a dripped body": DRIP,
    "dripped headers": Page(body=b"late", head_drip=0.05),
    "a stalled body": Page(body=b"x" * 100, chunks=2, delay=30),
}


@pytest.mark.slow
@pytest.mark.parametrize("shape", list(SHAPES))
def test_the_call_ends_at_the_deadline_not_a_timeout_later(web_server, settings, shape):
    """The overshoot: from the deadline to the refusal in the caller's hands (docs/operations.md)."""
    settings.OUTBOUND_DEADLINE_SECONDS = 1.0
    url = web_server.add("/slow", SHAPES[shape])

    overshoots = []
    for _ in range(5):
        _, took = timed_refusal(url)
        overshoots.append(took - 1.0)

    print(f"{shape}: overshoot {min(overshoots) * 1000:.1f}–{max(overshoots) * 1000:.1f} ms")
    assert min(overshoots) >= 0
    assert max(overshoots) < 0.25
