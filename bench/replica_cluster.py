"""A PostgreSQL primary and its streaming replica, each its own server in a temporary directory,
on its own port: made with initdb as the postgres user, the replica by `pg_basebackup -R`.
Nothing of the machine's own cluster is touched. Used by the read-replica tests
(tests/replicas/) and the load benchmark with a replica (bench/replica_load.py)."""

import contextlib
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BIN = Path("/usr/lib/postgresql/15/bin")
OWNER = "postgres"


class ClusterFailed(RuntimeError):
    """A server could not be made or started; the message says which step and why."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(*command: str) -> None:
    done = subprocess.run(
        ["runuser", "-u", OWNER, "--", *command], capture_output=True, text=True, timeout=120, check=False
    )
    if done.returncode != 0:
        raise ClusterFailed(f"{' '.join(command)}: {done.stderr.strip() or done.stdout.strip()}")


@dataclass
class Server:
    directory: Path
    port: int

    def start(self) -> None:
        run(str(BIN / "pg_ctl"), "-D", str(self.directory), "-l", str(self.directory / "server.log"), "-w", "start")

    def stop(self) -> None:
        run(str(BIN / "pg_ctl"), "-D", str(self.directory), "-m", "fast", "-w", "stop")

    def running(self) -> bool:
        return (self.directory / "postmaster.pid").exists()


@dataclass
class Pair:
    root: Path
    primary: Server
    replica: Server

    def stop(self) -> None:
        for server in (self.replica, self.primary):
            if server.running():
                with contextlib.suppress(ClusterFailed):
                    server.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def _configure(directory: Path, port: int, shared_buffers: str) -> None:
    settings = (
        f"\nport = {port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{directory}'\n"
        f"fsync = off\nsynchronous_commit = off\nfull_page_writes = off\nshared_buffers = {shared_buffers}\n"
        "max_connections = 60\nwal_level = replica\nmax_wal_senders = 4\nhot_standby = on\n"
    )
    with (directory / "postgresql.conf").open("a") as conf:
        conf.write(settings)
    (directory / "pg_hba.conf").write_text(
        "local all all trust\nhost all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n"
    )


def start_pair(*, shared_buffers: str = "32MB") -> Pair:
    """Both servers up, the replica streaming; the caller stops them (Pair.stop)."""
    if not (BIN / "initdb").exists() or shutil.which("runuser") is None:
        raise ClusterFailed(f"PostgreSQL 15's programs are not in {BIN}, or runuser is missing")
    root = Path(tempfile.mkdtemp(prefix="provenance-replica-"))
    shutil.chown(root, OWNER)
    pair = Pair(root, Server(root / "primary", free_port()), Server(root / "replica", free_port()))
    try:
        run(str(BIN / "initdb"), "-D", str(pair.primary.directory), "-U", "postgres", "-A", "trust", "--no-sync")
        _configure(pair.primary.directory, pair.primary.port, shared_buffers)
        pair.primary.start()
        run(
            str(BIN / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(pair.primary.port), "-U", "postgres",
            "-D", str(pair.replica.directory), "-R", "-X", "stream", "--no-sync",
        )  # fmt: skip
        # The copy carries the primary's settings; only its port is its own.
        with (pair.replica.directory / "postgresql.conf").open("a") as conf:
            conf.write(f"\nport = {pair.replica.port}\nunix_socket_directories = '{pair.replica.directory}'\n")
        pair.replica.start()
    except (ClusterFailed, OSError, subprocess.SubprocessError):
        pair.stop()
        raise
    return pair


def wait_until(condition, *, seconds: float = 30, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting: {what}")
        time.sleep(0.05)
