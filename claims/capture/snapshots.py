"""A fetched page kept as evidence: one WARC record of the response as it came (ISO 28500).

The record carries the status line, the headers and the body as received, the URL asked for
and the time of the fetch; its SHA-256 is the body's, so two captures of one URL can say
whether the content changed. Files go through Django's storage API (local files by default,
an S3-compatible bucket in production: docs/capture.md) and are offered for download only.
"""

import hashlib
import io
from datetime import datetime

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claims.outbound import Fetched


def body_sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def warc_record(fetched: Fetched, *, fetched_at: datetime) -> bytes:
    """The response as one gzipped WARC `response` record."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    reason = {200: "OK"}.get(fetched.status, "")
    http_headers = StatusAndHeaders(
        f"{fetched.status} {reason}".strip(), list(fetched.headers.multi_items()), protocol="HTTP/1.1"
    )
    record = writer.create_warc_record(
        fetched.url,
        "response",
        payload=io.BytesIO(fetched.body),
        http_headers=http_headers,
        warc_headers_dict={
            "WARC-Date": fetched_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "WARC-IP-Address": fetched.address,
        },
    )
    writer.write_record(record)
    return out.getvalue()
