"""A local HTTP server for the tests of what the project fetches and sends (capture, webhooks).

Started on 127.0.0.1 at a free port by the `web_server` fixture, with the pages a test gives it;
it records every request it receives. The project refuses loopback addresses unless
OUTBOUND_ALLOWED_NETWORKS names them: the fixture names 127.0.0.0/8 for the test.

A page can be slow in the ways a server is: wait before answering (`head_delay`), drip its
status line and headers (`head_drip`) or its body (`chunks` pieces, `delay` apart), or hold its
answer until the test lets it go (`release`). Tests wait for requests to arrive, and for answers
to end, on the server's events (`wait_for`), never by sleeping; every wait of a page ends when
the server stops.
"""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Page:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the body is sent
    chunks: int = 1  # the body sent in this many pieces, `delay` apart
    declare_length: bool = True  # False: sent chunked, with no Content-Length
    head_delay: float = 0.0  # seconds before the status line is sent
    head_drip: float = 0.0  # the status line and headers sent a byte at a time, this far apart
    release: threading.Event | None = None  # the answer is held until the test sets it


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class LocalServer:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.pages: dict[str, Page | Callable[[Received], Page]] = {}
        self.received: list[Received] = []
        self.answered: list[Received] = []  # requests whose answer has ended, sent whole or cut off
        self.stopped = threading.Event()
        self._changed = threading.Condition()
        handler = self._handler()
        self.httpd = ThreadingHTTPServer((host, 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, page: Page | Callable[[Received], Page]) -> str:
        self.pages[path] = page
        return self.url(path)

    def wait_for(self, *, received: int = 0, answered: int = 0, timeout: float = 30) -> None:
        """Until this many requests have arrived, and this many answers have ended."""
        with self._changed:
            done = self._changed.wait_for(
                lambda: len(self.received) >= received and len(self.answered) >= answered, timeout
            )
        assert done, f"{len(self.received)} request(s) arrived, {len(self.answered)} answered, after {timeout} s"

    def _note(self, into: list[Received], received: Received) -> None:
        with self._changed:
            into.append(received)
            self._changed.notify_all()

    def _pause(self, seconds: float) -> None:
        if seconds:
            self.stopped.wait(seconds)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                return

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                received = Received(self.command, self.path, dict(self.headers), self.rfile.read(length))
                server._note(server.received, received)
                try:
                    self._send(received)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True
                finally:
                    server._note(server.answered, received)

            def _send(self, received: Received) -> None:
                page = server.pages.get(self.path.split("?", 1)[0]) or Page(404, b"<h1>Not found</h1>")
                if callable(page):
                    page = page(received)
                if page.release is not None:
                    while not (page.release.wait(0.05) or server.stopped.is_set()):
                        pass
                server._pause(page.head_delay)
                self.send_response(page.status)
                headers = {"Content-Type": "text/html; charset=utf-8", **page.headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                if page.declare_length:
                    self.send_header("Content-Length", str(len(page.body)))
                else:
                    self.send_header("Transfer-Encoding", "chunked")
                if page.head_drip:
                    head, self._headers_buffer = b"".join(self._headers_buffer) + b"\r\n", []
                    for byte in range(len(head)):
                        server._pause(page.head_drip)
                        self.wfile.write(head[byte : byte + 1])
                        self.wfile.flush()
                else:
                    self.end_headers()
                size = max(1, len(page.body) // page.chunks + 1)
                pieces = [page.body[start : start + size] for start in range(0, len(page.body), size)]
                for piece in pieces:
                    server._pause(page.delay)
                    frame = piece if page.declare_length else b"%x\r\n%s\r\n" % (len(piece), piece)
                    self.wfile.write(frame)
                    self.wfile.flush()
                if not page.declare_length:
                    self.wfile.write(b"0\r\n\r\n")

            do_GET = do_POST = do_HEAD = _answer

        return Handler


@contextmanager
def serving(host: str = "127.0.0.1") -> Iterator[LocalServer]:
    server = LocalServer(host)
    server.thread.start()
    try:
        yield server
    finally:
        server.stopped.set()
        server.httpd.shutdown()
        server.httpd.server_close()


@pytest.fixture
def web_server(settings) -> Iterator[LocalServer]:
    settings.OUTBOUND_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    with serving() as server:
        yield server
