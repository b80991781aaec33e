"""Open the progress database: where it lives, SQLite settings, and upgrades on start."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DatabaseError, OperationalError

DB_ENV = "STUDYAPP_DB"
MIGRATIONS = Path(__file__).with_name("migrations")


class StoreError(Exception):
    """The progress database cannot be used; the message says what and where."""


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


def _alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def open_engine(location: str) -> Engine:
    """An engine on an up-to-date schema; an older file is backed up before it is upgraded."""
    url = make_url(database_url(location))
    path = Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None
    if path is not None:
        _check_path(path)
    engine = create_engine(url)
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_settings)
    try:
        with engine.begin() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
        head = head_revision()
        if current != head:
            if current is not None and path is not None:
                _backup(path, path.with_name(f"{path.name}.bak-{current}"))
            with engine.begin() as connection:
                command.upgrade(_alembic_config(connection), "head")
    except (DatabaseError, OperationalError) as error:
        engine.dispose()
        raise StoreError(f"{location}: cannot use this progress database ({error.orig})") from error
    return engine


def _check_path(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a progress database file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"{path.parent}: cannot create the data folder ({error})") from error


def _backup(source: Path, target: Path) -> None:
    """Copy a live SQLite file with SQLite's own backup API (safe even mid-write)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
