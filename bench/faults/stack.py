"""The processes of one fault run, each on a free port of 127.0.0.1, in one temporary
folder: a throwaway PostgreSQL cluster (initdb; as root it runs as the `postgres`
user, which PostgreSQL requires), a Redis without persistence, two gunicorn app
servers and two `db_worker` task workers. `close()` stops them all and removes the
folder, whatever happened before."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
BIN = Path(PY).parent
PG_USER = "postgres"  # who runs the cluster when this runs as root


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_version)
    path = found[-1] if found else shutil.which(name)
    if not path:
        sys.exit(f"faults: {name} not found (install PostgreSQL's server package)")
    return path


def _version(path: str) -> int:
    part = path.split("/")[4]
    return int(part) if part.isdigit() else 0


def wait_until(check: Any, seconds: float, step: float = 0.2) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(step)
    return False


class Stack:
    def __init__(self, env: dict[str, str] | None = None) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="allyport-faults-"))
        self.tmp.chmod(0o755)  # the postgres user walks through it
        self.logs = self.tmp / "logs"
        self.logs.mkdir()
        self.pg_port, self.redis_port, self.smtp_port = free_port(), free_port(), free_port()
        self.server_ports = [free_port(), free_port()]
        self.pg_dir = self.tmp / "pg"
        self.servers: list[subprocess.Popen[bytes]] = []
        self.workers: dict[str, subprocess.Popen[bytes]] = {}
        self.redis: subprocess.Popen[bytes] | None = None
        self.pg_started = False
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_URL", "REDIS_URL", "ALLYPORT_TASK_BACKEND", "EMAIL_HOST"}
        }
        self.env.update(
            ALLYPORT_ENV="development",
            DEBUG="false",
            ALLYPORT_CAPTCHA="off",
            LOG_LEVEL="WARNING",
            ALLYPORT_VAR_DIR=str(self.tmp / "var"),
            DATABASE_URL=f"postgres://allyport@127.0.0.1:{self.pg_port}/allyport",
            REDIS_URL=f"redis://127.0.0.1:{self.redis_port}/0",
            CACHE_KEY_PREFIX="allyport-faults",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(self.smtp_port),  # nothing listens until the SMTP scenario
            EMAIL_USE_TLS="false",
            ALLYPORT_MAIL_RETRY_SECONDS="1",
            ALLYPORT_JOB_STALLED_SECONDS="5",
            ALLYPORT_API_THROTTLING="off",
            PYTHONUNBUFFERED="1",
        )
        self.env.update(env or {})

    # PostgreSQL ------------------------------------------------------------------
    def _as_pg_user(self, *command: str) -> list[str]:
        return ["runuser", "-u", PG_USER, "--", *command] if os.geteuid() == 0 else list(command)

    def _pg_ctl(self, *args: str) -> None:
        command = self._as_pg_user(_pg_bin("pg_ctl"), "-D", str(self.pg_dir / "data"), *args)
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, timeout=60)

    def start_postgres(self) -> None:
        self.pg_dir.mkdir()
        if os.geteuid() == 0:
            user = pwd.getpwnam(PG_USER)
            os.chown(self.pg_dir, user.pw_uid, user.pw_gid)
        initdb = self._as_pg_user(
            _pg_bin("initdb"),
            "-D",
            str(self.pg_dir / "data"),
            "-U",
            "allyport",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
        )
        subprocess.run(initdb, check=True, stdout=subprocess.DEVNULL, timeout=120)
        self.postgres_up()
        import psycopg

        dsn = f"host=127.0.0.1 port={self.pg_port} user=allyport dbname=postgres"
        with psycopg.connect(dsn, autocommit=True) as connection:
            connection.execute("CREATE DATABASE allyport")

    def postgres_up(self) -> None:
        options = (
            f"-p {self.pg_port} -k {self.pg_dir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
        )
        log = str(self.pg_dir / "postgres.log")
        self._pg_ctl("-l", log, "-o", options, "-w", "-t", "30", "start")
        self.pg_started = True

    def postgres_down(self, mode: str = "fast") -> None:
        self._pg_ctl("-m", mode, "-w", "-t", "30", "stop")
        self.pg_started = False

    # Redis -----------------------------------------------------------------------
    def redis_up(self) -> None:
        self.redis = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.tmp),
            ],
            stdout=(self.logs / "redis.log").open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        import redis

        client = redis.Redis(port=self.redis_port, socket_connect_timeout=1)
        if not wait_until(lambda: _pings(client), 10):
            raise RuntimeError("redis-server did not start")

    def redis_down(self) -> None:
        if self.redis is not None:
            _stop(self.redis)
            self.redis = None

    # Allyport --------------------------------------------------------------------
    def start_servers(self) -> None:
        for n, port in enumerate(self.server_ports):
            command = [
                str(BIN / "gunicorn"),
                "allyport.wsgi",
                "-w",
                "1",
                "--threads",
                "4",
                "-b",
                f"127.0.0.1:{port}",
                "--timeout",
                "60",
                "--graceful-timeout",
                "5",
                "--error-logfile",
                str(self.logs / f"gunicorn-{n}.log"),
            ]
            self.servers.append(self._spawn(command, f"gunicorn-{n}.out"))
        for port in self.server_ports:
            if not wait_until(lambda port=port: _answers(f"http://127.0.0.1:{port}/ping"), 60):
                raise RuntimeError(f"the app server on port {port} did not start (see logs)")

    def start_worker(self, name: str) -> None:
        command = [
            PY,
            "manage.py",
            "worker",
            "--worker-id",
            name,
            "--interval",
            "0.5",
            "--no-startup-delay",
            "--no-reload",
        ]
        self.workers[name] = self._spawn(command, f"{name}.log")

    def kill_worker(self, name: str) -> None:
        process = self.workers.pop(name)
        process.kill()  # SIGKILL: no chance to tidy up, as when a machine dies
        process.wait(timeout=10)

    def manage(self, *args: str) -> str:
        done = subprocess.run(
            [PY, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        return done.stdout

    def _spawn(self, command: list[str], log: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.env,
            stdout=(self.logs / log).open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def url(self, n: int) -> str:
        return f"http://127.0.0.1:{self.server_ports[n]}"

    def close(self, keep: bool = False) -> None:
        for process in [*self.servers, *self.workers.values()]:
            _stop(process)
        self.servers, self.workers = [], {}
        self.redis_down()
        if self.pg_started:
            try:
                self.postgres_down("immediate")
            except (subprocess.SubprocessError, OSError) as error:
                print(f"faults: could not stop PostgreSQL: {error}", file=sys.stderr)
        if keep:
            print(f"faults: logs and data kept in {self.tmp}")
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


def _pings(client: Any) -> bool:
    try:
        return bool(client.ping())
    except Exception:
        return False


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:  # noqa: S310 - 127.0.0.1
            return bool(answer.status == 200)
    except OSError:
        return False
