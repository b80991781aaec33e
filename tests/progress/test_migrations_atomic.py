"""Upgrades happen whole or not at all: killed at any moment, the file still opens with
every committed row; a rebuilt table never cascades deletes; backups are never overwritten."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from alembic import command
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from studyapp.progress import head_revision, open_database
from studyapp.progress.db import _alembic_config, _migration_engine
from tests.conftest import ROOT

CHILD = """
import sys
from studyapp.progress.db import open_database
import alembic.command, alembic.config, alembic.script  # loaded before the clock starts
print("ready", flush=True)
sys.stdin.readline()
open_database(sys.argv[1]).engine.dispose()
print("done", flush=True)
"""


def at_revision_0001(db: Path, reads: int = 25) -> None:
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0001")
        connection.exec_driver_sql(
            "INSERT INTO profiles (id, name, created_at) VALUES (1, 'Ana', '2025-01-01 10:00')"
        )
        for n in range(reads):
            connection.exec_driver_sql(
                "INSERT INTO lesson_reads (profile_id, course_id, lesson_id, opened_at,"
                f" finished_at, seconds_spent) VALUES (1, 'c', 'l', '2025-01-02 10:00',"
                f" '2025-01-02 10:05', {n})"
            )
    engine.dispose()


def rows(db: Path, table: str) -> int:
    connection = sqlite3.connect(db)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def migrate_in_child(db: Path, kill_after: float | None) -> float:
    """Open (create or upgrade) `db` in another process, killed `kill_after` seconds into
    the work; returns how long the work took when it was not killed."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert child.stdin is not None and child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    started = time.monotonic()
    child.stdin.write("go\n")
    child.stdin.flush()
    if kill_after is None:
        assert child.stdout.readline().strip() == "done"
        child.wait(timeout=60)
        return time.monotonic() - started
    time.sleep(kill_after)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=60)
    return time.monotonic() - started


def test_killed_at_random_points_creation_and_upgrade_leave_a_usable_file(
    tmp_path: Path,
) -> None:
    template = tmp_path / "template.sqlite3"
    at_revision_0001(template)
    full_upgrade = migrate_in_child(shutil.copy(template, tmp_path / "timing.sqlite3"), None)
    full_creation = migrate_in_child(tmp_path / "timing-new.sqlite3", None)
    rng = random.Random(10)
    for run in range(16):  # 32 kills in all
        upgraded = Path(shutil.copy(template, tmp_path / f"upgrade-{run}.sqlite3"))
        migrate_in_child(upgraded, rng.uniform(0, full_upgrade * 1.1))
        created = tmp_path / f"new-{run}.sqlite3"
        migrate_in_child(created, rng.uniform(0, full_creation * 1.1))
        for db, reads in ((upgraded, 25), (created, 0)):
            open_database(str(db)).engine.dispose()  # no exception: it opens
            connection = sqlite3.connect(db)
            [(revision,)] = connection.execute("SELECT version_num FROM alembic_version")
            connection.close()
            assert revision == head_revision()
            assert rows(db, "lesson_reads") == reads


def test_a_rebuilt_table_does_not_cascade_into_the_tables_that_refer_to_it(
    db_path: Path,
) -> None:
    at_revision_0001(db_path, reads=5)
    engine = _migration_engine(make_url(f"sqlite:///{db_path}"))
    with engine.begin() as connection:
        operations = Operations(MigrationContext.configure(connection))
        with operations.batch_alter_table("profiles", recreate="always") as batch:
            batch.alter_column("name", existing_type=None, nullable=False)
    engine.dispose()
    assert rows(db_path, "lesson_reads") == 5


def test_upgrade_backups_are_timestamped_and_never_overwritten(db_path: Path) -> None:
    at_revision_0001(db_path)
    open_database(str(db_path)).engine.dispose()
    [first] = db_path.parent.glob(f"{db_path.name}.bak-0001-*")
    kept = first.read_bytes()
    # The same file taken back to 0001 and upgraded again in the same second.
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as connection:
        command.downgrade(_alembic_config(connection), "0001")
    engine.dispose()
    open_database(str(db_path)).engine.dispose()
    backups = sorted(db_path.parent.glob(f"{db_path.name}.bak-0001-*"))
    assert len(backups) == 2
    assert first.read_bytes() == kept
    assert all(rows(backup, "lesson_reads") == 25 for backup in backups)


def test_a_half_made_schema_left_by_an_older_version_is_rebuilt(db_path: Path) -> None:
    # What an interrupted first start of an older StudyApp left: some empty tables and an
    # empty version table.
    connection = sqlite3.connect(db_path)
    connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    connection.execute("CREATE TABLE profiles (id INTEGER PRIMARY KEY, name VARCHAR(80))")
    connection.commit()
    connection.close()
    open_database(str(db_path)).engine.dispose()
    assert rows(db_path, "answers") == 0
