"""A throw-away PostgreSQL server for the store tests, started from Debian's `postgresql` binaries.

`initdb` into a temporary folder (as the `postgres` user when the tests run as root, since PostgreSQL
refuses to run as root), a free port, the unix socket in that folder and no TCP listener; fsync off.
The cluster collates with ICU's English rules when the binaries support it, as most real servers do
(so the store cannot rely on byte order), else with C.
"""
from __future__ import annotations

import glob
import itertools
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


class Unavailable(Exception):
    """No PostgreSQL server can be started here; the message says why and how to get one."""


def binaries() -> Path | None:
    """The newest /usr/lib/postgresql/*/bin folder with initdb, else the folder of initdb on PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(re.search(r"/(\d+)/bin", p)[1]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).resolve().parent if on_path else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """A running server; `new_store_url()` gives the SQLAlchemy URL of a fresh empty store."""

    def __init__(self) -> None:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise Unavailable("the psycopg driver is not installed: pip install -e '.[postgres]' (make test does)") from None
        self.bin = binaries()
        if self.bin is None:
            raise Unavailable("PostgreSQL's binaries are missing: apt-get install -y postgresql (make test does)")
        self.runas: list[str] = []
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                raise Unavailable("running as root and there is no postgres user to run the server as; install Debian's postgresql package") from None
            self.runas = ["runuser", "-u", "postgres", "--"]
        self.root = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
        if self.runas:
            shutil.chown(self.root, "postgres", "postgres")
        self.data, self.port = self.root / "data", _free_port()
        self._names = itertools.count(1)
        self._start()

    def _run(self, *args: str) -> None:
        subprocess.run([*self.runas, *args], check=True, capture_output=True, text=True)

    def _start(self) -> None:
        initdb = [str(self.bin / "initdb"), "-D", str(self.data), "-U", "dateline", "--auth=trust", "-E", "UTF8", "--no-sync"]
        try:
            try:
                self._run(*initdb, "--locale-provider=icu", "--icu-locale=en-US", "--locale=C.UTF-8")
            except subprocess.CalledProcessError:
                shutil.rmtree(self.data, ignore_errors=True)
                self._run(*initdb, "--no-locale")
            options = f"-p {self.port} -k {self.root} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.root / "server.log"), "-w", "-t", "60", "start")
            self._admin("CREATE DATABASE dateline", database="postgres")
        except Exception as err:  # whatever stops the server from starting makes the PostgreSQL tests unavailable
            log = self.root / "server.log"
            detail = (getattr(err, "stderr", None) or str(err)).strip().splitlines()[-1:] or (log.read_text().splitlines()[-1:] if log.exists() else ["?"])
            self.stop()
            raise Unavailable(f"PostgreSQL did not start ({detail[0]})") from None

    def _admin(self, sql: str, database: str = "dateline") -> None:
        import psycopg

        with psycopg.connect(host=str(self.root), port=self.port, user="dateline", dbname=database, autocommit=True) as conn:
            conn.execute(sql)

    def new_store_url(self) -> str:
        """The URL of a new, empty store: a schema of its own in one database (a database per store would
        copy ~300 files each, which the clean-up then has to delete)."""
        name = f"s{next(self._names)}"
        self._admin(f"CREATE SCHEMA {name}")
        return f"postgresql+psycopg://dateline@/dateline?host={self.root}&port={self.port}&application_name={name}&options=-csearch_path%3D{name}"

    def drop_store(self, url: str) -> None:
        """Drop a store made by new_store_url, closing the connections still open to it."""
        name = url.split("application_name=")[1].split("&")[0]
        self._admin(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{name}'")
        self._admin(f"DROP SCHEMA {name} CASCADE")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run([*self.runas, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)
