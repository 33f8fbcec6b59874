"""The one total deadline of an outbound call (claims/outbound.py): from the lookup of the host to
the last byte of the answer, redirects included.

Timeouts per operation do not bound a call: a server that sends one byte every 2 s never trips a
15 s read timeout, and a page took 40 s so. A `Deadline` does, three ways:

- the host's lookup runs in a thread of its own, waited for until the deadline and no longer
  (getaddrinfo cannot be interrupted; a lookup that ends later is dropped);
- every connect, TLS handshake, read and write is given what is left as its timeout, capped by
  the operation's own (OUTBOUND_CONNECT_TIMEOUT_SECONDS for connecting);
- a watchdog shuts the call's connections down when the deadline passes, so a read or a write
  blocked then — a drip, a server that stopped mid-answer, a receiver that does not read — ends
  then, not one timeout later. It holds a duplicate of each socket, which the TLS wrapping of
  the original does not take away, and shuts that down: shutdown acts on the connection itself.

The connections are made by `GuardedBackend`, which also refuses, at the moment of connecting,
an address the guard does not allow (the address was checked when the host was looked up; this
is the last line: no packet leaves for such an address, whatever led to it).
"""

import contextlib
import socket
import ssl
import threading
import time
import typing
from collections.abc import Callable
from functools import cache
from types import TracebackType

import httpcore
import httpx

T = typing.TypeVar("T")


class Deadline:
    """A point in time a call must end by, and the watchdog that ends it then."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._watched: set[socket.socket] = set()
        self._fired = False
        self._timer: threading.Timer | None = None

    def __enter__(self) -> "Deadline":
        self._timer = threading.Timer(self.left(), self._fire)
        self._timer.daemon = True
        self._timer.start()
        return self

    def __exit__(self, kind: type | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            for watcher in self._watched:
                watcher.close()
            self._watched.clear()

    @property
    def passed(self) -> bool:
        return self._fired or time.monotonic() >= self.ends

    def left(self) -> float:
        return max(0.0, self.ends - time.monotonic())

    def timeout(self, cap: float | None, on_passed: type[Exception]) -> float:
        """What is left, as one operation's timeout (at most `cap`); `on_passed` once none is."""
        left = self.left()
        if left <= 0:
            raise on_passed("the deadline has passed")
        return left if cap is None else min(cap, left)

    def lookup(self, look_up: Callable[..., T], *args: object, **kwargs: object) -> T:
        """`look_up(*args, **kwargs)` in a thread of its own, waited for until the deadline;
        TimeoutError if it has not ended by then."""
        outcome: dict[str, object] = {}

        def run() -> None:
            try:
                outcome["value"] = look_up(*args, **kwargs)
            except BaseException as exc:  # handed to the caller's thread
                outcome["error"] = exc

        thread = threading.Thread(target=run, daemon=True, name="outbound-lookup")
        thread.start()
        thread.join(self.left())
        if thread.is_alive():
            raise TimeoutError("the deadline passed during the lookup")
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        return typing.cast(T, outcome["value"])

    def watch(self, sock: socket.socket) -> socket.socket:
        """Hold a duplicate of the connection's socket, to shut it down when the deadline passes."""
        watcher = sock.dup()
        with self._lock:
            self._watched.add(watcher)
            fired = self._fired
        if fired:
            self._shut(watcher)
        return watcher

    def forget(self, watcher: socket.socket) -> None:
        with self._lock:
            if watcher in self._watched:
                self._watched.discard(watcher)
                watcher.close()

    def _fire(self) -> None:
        with self._lock:
            self._fired = True
            for watcher in self._watched:
                self._shut(watcher)

    @staticmethod
    def _shut(watcher: socket.socket) -> None:
        with contextlib.suppress(OSError):  # closed by the peer already, or never connected
            watcher.shutdown(socket.SHUT_RDWR)


class WatchedStream(httpcore.NetworkStream):
    """A connection whose every operation ends by the deadline."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: Deadline, watcher: socket.socket) -> None:
        self._stream, self._deadline, self._watcher = stream, deadline, watcher

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._deadline.timeout(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._deadline.timeout(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._deadline.forget(self._watcher)
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        seconds = self._deadline.timeout(timeout, httpcore.ConnectTimeout)
        return WatchedStream(
            self._stream.start_tls(ssl_context, server_hostname, seconds), self._deadline, self._watcher
        )

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class GuardedBackend(httpcore.NetworkBackend):
    """Connections that end by the deadline, to addresses `check` lets through (it raises otherwise)."""

    def __init__(self, deadline: Deadline, check: Callable[[str], None]) -> None:
        self._deadline, self._check = deadline, check
        self._backend = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        self._check(host)
        seconds = self._deadline.timeout(timeout, httpcore.ConnectTimeout)
        stream = self._backend.connect_tcp(host, port, seconds, local_address, socket_options)
        return WatchedStream(stream, self._deadline, self._deadline.watch(stream.get_extra_info("socket")))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: object = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("outbound calls go to network addresses only")

    def sleep(self, seconds: float) -> None:
        time.sleep(min(seconds, self._deadline.left()))


@cache
def _tls() -> ssl.SSLContext:
    """One TLS context for every call (loading the certificate authorities takes milliseconds)."""
    return httpx.create_ssl_context(trust_env=False)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's own transport, its connections made by a GuardedBackend."""

    def __init__(self, deadline: Deadline, check: Callable[[str], None]) -> None:
        # Not super().__init__(): it would build a TLS context (some 100 ms) and a pool, both unused.
        self._pool = httpcore.ConnectionPool(ssl_context=_tls(), network_backend=GuardedBackend(deadline, check))
