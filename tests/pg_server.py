"""A throwaway PostgreSQL cluster, for the tests and for trying class mode by hand.

`initdb` into a temporary folder (as the `postgres` user when run as root: PostgreSQL will
not run as root), `pg_ctl start` on a free loopback port, stopped and removed at the end.
The teacher's role owns the databases, runs the migrations and may create learners' roles.

    python -m tests.pg_server        # one cluster until Ctrl+C; prints the teacher's URL
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

TEACHER, TEACHER_PASSWORD = "teacher", "teacher-secret"
SUPERUSER_PASSWORD = "postgres-secret"


def server_binaries() -> Path | None:
    """The folder of `initdb` and `pg_ctl`: `pg_config --bindir`, else Debian's own place
    for the server (whose pg_config may come with another package); None if there is none."""
    folders = []
    pg_config = shutil.which("pg_config")
    if pg_config is not None:
        found = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        folders.append(Path(found.stdout.strip()))
    folders += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)  # newest first
    for folder in folders:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    folder: Path
    port: int
    binaries: Path
    databases: list[str] = field(default_factory=list)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str, user: str = TEACHER, password: str = TEACHER_PASSWORD) -> str:
        return f"postgresql+psycopg://{user}:{password}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str, database: str = "postgres") -> None:
        """Run SQL as the cluster's superuser."""
        import psycopg

        dsn = f"host=127.0.0.1 port={self.port} user=postgres password={SUPERUSER_PASSWORD}"
        with psycopg.connect(f"{dsn} dbname={database}", autocommit=True) as connection:
            connection.execute(sql)  # type: ignore[arg-type]

    def new_database(self, name: str) -> str:
        """A fresh database owned by the teacher; its URL."""
        self.admin(f'CREATE DATABASE "{name}" OWNER {TEACHER}')
        self.databases.append(name)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop a database, and the learners' logins made for it (roles are the cluster's)."""
        import psycopg

        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        dsn = f"host=127.0.0.1 port={self.port} user=postgres password={SUPERUSER_PASSWORD}"
        with psycopg.connect(f"{dsn} dbname=postgres", autocommit=True) as connection:
            query = "SELECT rolname FROM pg_roles WHERE rolname <> ALL(%s)"
            kept = ["postgres", TEACHER]
            found = connection.execute(query, (kept,))  # type: ignore[arg-type]
            logins = [row[0] for row in found if not row[0].startswith("pg_")]
            for login in logins:
                connection.execute(f'DROP ROLE "{login}"')  # type: ignore[arg-type]

    def pause(self) -> None:
        """Stop the server as an administrator would, keeping its data (`resume` restarts)."""
        pg_ctl = str(self.binaries / "pg_ctl")
        command = [pg_ctl, "-D", str(self.data), "-m", "fast", "-w", "stop"]
        subprocess.run(_as_server_user(command), check=True, capture_output=True)

    def resume(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        run = [str(self.binaries / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log")]
        run += ["-w", "-o", options, "start"]
        subprocess.run(_as_server_user(run), check=True, capture_output=True)

    def stop(self) -> None:
        pg_ctl = str(self.binaries / "pg_ctl")
        subprocess.run(
            _as_server_user([pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def start(binaries: Path) -> Cluster:
    """A new cluster with a teacher's role, running on a free loopback port."""
    folder = Path(tempfile.mkdtemp(prefix="studyapp-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    password_file = folder / "password"
    password_file.write_text(SUPERUSER_PASSWORD + "\n", encoding="utf-8")
    if os.geteuid() == 0:
        shutil.chown(password_file, "postgres", "postgres")
    cluster = Cluster(folder, _free_port(), binaries)
    init = [str(binaries / "initdb"), "-D", str(cluster.data), "-U", "postgres"]
    init += ["--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={password_file}"]
    subprocess.run(_as_server_user(init), check=True, capture_output=True)
    cluster.resume()
    cluster.admin(f"CREATE ROLE {TEACHER} LOGIN CREATEROLE PASSWORD '{TEACHER_PASSWORD}'")
    return cluster


def main() -> int:
    binaries = server_binaries()
    if binaries is None:
        print("no PostgreSQL server here: `pg_config --bindir` names no initdb", file=sys.stderr)
        return 2
    cluster = start(binaries)
    url = cluster.new_database("studyapp")
    print(f"A PostgreSQL cluster in {cluster.folder}, until Ctrl+C. The teacher's URL:")
    print(url)
    for stop in (signal.SIGINT, signal.SIGTERM):  # also when started in the background
        signal.signal(stop, signal.default_int_handler)
    try:
        signal.pause()
    except KeyboardInterrupt:
        print("Stopped; the cluster and its folder are gone.")
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
