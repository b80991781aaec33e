"""Open the progress database: where it lives, SQLite settings, checks and upgrades on start.

Nothing here ever deletes a learner's file: a damaged one is moved aside, an older one is
backed up before it is upgraded, and anything else that is wrong stops with a message.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection

DB_ENV = "STUDYAPP_DB"
# The newest migration. Alembic is only imported when a file is older than this (it takes a
# third of a second to load); a test checks that this matches Alembic's own head.
HEAD_REVISION = "0003"
MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """The progress database cannot be used; the message says what and where."""


@dataclass(frozen=True)
class OpenedDatabase:
    engine: Engine
    notice: str | None = None  # something the learner must be told, e.g. a file moved aside


def default_location() -> str:
    """`$STUDYAPP_DB`, else `progress.sqlite3` in the per-user data folder."""
    return os.environ.get(DB_ENV) or str(Path(user_data_dir("StudyApp")) / "progress.sqlite3")


def database_url(location: str) -> str:
    """A SQLAlchemy URL as it is, or a file path turned into a SQLite URL."""
    if "://" in location:
        return location
    return f"sqlite:///{Path(location).expanduser().resolve()}"


def _sqlite_settings(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # WAL lets two windows share one file; foreign keys keep profiles' rows together.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision as Alembic reads it from the migration scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def open_database(location: str) -> OpenedDatabase:
    """An engine on an up-to-date schema, after the checks that keep the learner's data safe."""
    url = make_url(database_url(location))
    path = Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None
    notice = None
    if path is not None:
        _check_path(path)
        notice = _set_aside_if_damaged(path)
    engine = create_engine(url)
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_settings)
    try:
        upgrade(engine, path)
    except (DatabaseError, OperationalError) as error:
        engine.dispose()
        raise StoreError(f"{location}: cannot use this progress database ({error.orig})") from error
    return OpenedDatabase(engine, notice)


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not engine.dialect.has_table(connection, "alembic_version"):
            return None
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def upgrade(engine: Engine, path: Path | None) -> None:
    """Bring the schema to the newest revision, backing an older file up first."""
    current = _current_revision(engine)
    if current == HEAD_REVISION:
        return
    from alembic import command

    if current is not None and path is not None:
        backup(path, path.with_name(f"{path.name}.bak-{current}"))
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")


def _check_path(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a progress database file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"{path.parent}: cannot create the data folder ({error})") from error
    if path.exists():
        if not path.stat().st_mode & stat.S_IWUSR or not os.access(path, os.W_OK):
            raise StoreError(
                f"{path}: the progress database is read-only; make it writable, "
                "or choose another file with --db"
            )
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
        if header and header != SQLITE_HEADER:
            raise StoreError(
                f"{path}: is not a StudyApp progress database (not an SQLite file); "
                "it was left untouched; choose another file with --db"
            )
    elif not os.access(path.parent, os.W_OK):
        raise StoreError(f"{path.parent}: cannot write the progress database in this folder")


def _set_aside_if_damaged(path: Path) -> str | None:
    """Move a damaged database (and its WAL files) aside, never deleting it."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        with sqlite3.connect(path) as connection:
            verdict = [row[0] for row in connection.execute("PRAGMA quick_check")]
        connection.close()
        if verdict == ["ok"]:
            return None
    except sqlite3.DatabaseError:
        pass  # "database disk image is malformed" and the like
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            part.rename(f"{target}{suffix}")
    return (
        f"Your progress database was damaged. It was moved to {target} (nothing was deleted) "
        "and a new, empty one was started."
    )


def backup(source: Path, target: Path) -> None:
    """Copy a live SQLite file with SQLite's own backup API (safe even mid-write)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
