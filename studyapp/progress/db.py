"""Open the progress database: where it lives, SQLite settings, checks and upgrades on start.

Nothing here ever deletes or hides a learner's file: only a file that SQLite itself calls
damaged is moved aside; a lock, a full disk, an I/O error, a file made by a newer StudyApp or
by another program each stop with one message and leave the file exactly as it was. An
upgrade runs in one transaction, after a timestamped backup, so it happens whole or not at all.
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
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import NullPool

from studyapp.progress import health
from studyapp.progress.errors import StoreError, cause, is_damage

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection

DB_ENV = "STUDYAPP_DB"
# The newest migration. Alembic is only imported when a file is older than this (it takes a
# third of a second to load); a test checks that this matches Alembic's own head.
HEAD_REVISION = "0004"
MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000  # a lock held for a few seconds is waited for, not reported
MIGRATION_BUSY_TIMEOUT_MS = 60_000  # another StudyApp may be upgrading the same file
MIGRATION_LOCK = 0x5374756479  # PostgreSQL's advisory lock for upgrades ("Study")
STUDYAPP_TABLES = (
    "alembic_version",
    "profiles",
    "lesson_reads",
    "quiz_sessions",
    "answers",
    "item_states",
)


@dataclass(frozen=True)
class OpenedDatabase:
    engine: Engine
    notice: str | None = None  # something the learner must be told, e.g. a file moved aside
    path: Path | None = None  # the SQLite file, None for a server


def default_location() -> str:
    """`$STUDYAPP_DB`, else `progress.sqlite3` in the per-user data folder."""
    return os.environ.get(DB_ENV) or str(Path(user_data_dir("StudyApp")) / "progress.sqlite3")


def database_url(location: str) -> str:
    """A SQLAlchemy URL as it is, or a file path turned into a SQLite URL."""
    if "://" in location:
        return location
    return f"sqlite:///{Path(location).expanduser().resolve()}"


def check_database(path: Path, now: dt.datetime) -> str | None:
    """The week's full check of a large database, if due (run it off the screen's thread):
    what the learner must be told when it finds damage, else None."""
    if not health.check_due(path, now):
        return None
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            sound = health.quick_check(connection)
        finally:
            connection.close()
    except sqlite3.Error as error:
        if not is_damage(error):
            return None  # a lock or a busy disk: the check runs again next time
        sound = False
    health.record(path, sound, now)
    if sound:
        return None
    return (
        f"A check found damage in your progress database ({path}). Quit and start StudyApp "
        "again: it will move the damaged file aside (nothing is deleted) and start a new "
        "one, and File → Backups can then restore your latest backup."
    )


def database_file(location: str) -> Path | None:
    """The SQLite file a location names (None for a server or an in-memory database)."""
    url = make_url(database_url(location))
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(str(url.database)).expanduser().resolve()


def known_revisions() -> set[str]:
    """Every revision this version can read: the ids that start the migration files' names."""
    return {p.name.split("_")[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py")}


def _sqlite_settings(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # WAL lets two windows share one file; foreign keys keep profiles' rows together.
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
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
    try:
        url = make_url(database_url(location))
    except (ArgumentError, ValueError):  # not echoed: a URL may hold a password
        raise StoreError("the database given is neither a file path nor a URL") from None
    path = database_file(location)
    notice = None
    if path is not None:
        _check_path(path)
        notice = _set_aside_if_damaged(path)
    try:
        if url.get_backend_name() == "sqlite":
            engine = create_engine(url)
            event.listen(engine, "connect", _sqlite_settings)
        else:  # a server restarted under a running app: its pooled connections are tested
            engine = _server_engine(url)
        upgrade(engine, url, path)
    except StoreError as error:
        raise StoreError(_with_notice(str(error), notice)) from error
    except DBAPIError as error:
        where = path or url.render_as_string(hide_password=True)
        message = f"{where}: cannot open the progress database: {cause(error)}"
        raise StoreError(_with_notice(message, notice)) from error
    return OpenedDatabase(engine, notice, path)


def _server_engine(url: URL) -> Engine:
    where = url.render_as_string(hide_password=True)
    if url.get_backend_name() != "postgresql":
        raise StoreError(
            f"{where}: StudyApp keeps progress in a SQLite file or on a PostgreSQL server "
            "(postgresql+psycopg://user:password@host:port/database)"
        )
    try:
        return create_engine(url, pool_pre_ping=True)
    except ArgumentError as error:  # e.g. a driver SQLAlchemy does not know
        raise StoreError(f"{where}: {error}; write postgresql+psycopg://…") from None
    except ImportError as error:  # the driver is an optional extra
        raise StoreError(
            f"{url.render_as_string(hide_password=True)}: a PostgreSQL server needs the "
            f"`server` extra ({error.name or 'its driver'} is not installed): "
            "pip install 'studyapp[server]'"
        ) from error


def _with_notice(message: str, notice: str | None) -> str:
    return f"{notice}\n{message}" if notice else message


def _current_revision(connection: Connection) -> str | None:
    if not connection.dialect.has_table(connection, "alembic_version"):
        return None
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def upgrade(engine: Engine, url: URL, path: Path | None) -> None:
    """Bring the schema to the newest revision, whole or not at all, backing it up first."""
    with engine.connect() as connection:
        if _current_revision(connection) == HEAD_REVISION:
            return
    migrator = _migration_engine(url) if path is not None else engine
    try:
        with migrator.begin() as connection:
            if connection.dialect.name == "postgresql":  # a class starting at once: one at a time
                connection.exec_driver_sql(f"SET LOCAL lock_timeout = {MIGRATION_BUSY_TIMEOUT_MS}")
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            # Read again under the write lock: another StudyApp may have just upgraded it.
            current = _current_revision(connection)
            if current == HEAD_REVISION:
                return
            _refuse_unknown(connection, current, path)
            from alembic import command

            if current is not None and path is not None:
                _backup_before_upgrade(path, current)
            command.upgrade(_alembic_config(connection), "head")
            if path is not None:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StoreError(f"{path}: the upgrade would break {len(broken)} links")
    finally:
        if migrator is not engine:
            migrator.dispose()


def _migration_engine(url: URL) -> Engine:
    """A SQLite engine whose transactions cover DDL too, with foreign keys off.

    pysqlite commits before every CREATE or ALTER unless it is told to leave transactions
    alone; BEGIN IMMEDIATE then takes the write lock at once, so two StudyApps starting on
    the same new file take turns. Foreign keys are off so that a table rebuilt by a
    migration does not cascade deletes into the tables that refer to it.
    """
    engine = create_engine(url, poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _settings(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={MIGRATION_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=OFF")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _refuse_unknown(connection: Connection, current: str | None, path: Path | None) -> None:
    """Stop before touching a file this version does not understand."""
    where = path or connection.engine.url.render_as_string(hide_password=True)
    if current is not None and current not in known_revisions():
        raise StoreError(_newer_message(where, current))
    if current is not None:
        return
    tables = set(inspect(connection).get_table_names())
    foreign = sorted(tables - set(STUDYAPP_TABLES))
    if foreign:
        raise StoreError(_foreign_message(where, foreign))
    if tables:
        _clear_half_made_schema(connection, tables, where)


def _refuse_unknown_file(connection: sqlite3.Connection, path: Path) -> None:
    """The checks of `_refuse_unknown`, made before StudyApp's settings touch the file
    (switching to WAL alone rewrites its header)."""
    query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    tables = {row[0] for row in connection.execute(query)}
    revision = None
    if "alembic_version" in tables:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    if revision is not None and revision not in known_revisions():
        raise StoreError(_newer_message(path, revision))
    foreign = sorted(
        t for t in tables - set(STUDYAPP_TABLES) if not t.startswith(("ix_", "sqlite_"))
    )
    if revision is None and foreign:
        raise StoreError(_foreign_message(path, foreign))


def _newer_message(where: object, revision: str) -> str:
    return (
        f"{where}: this progress database was made by a newer StudyApp (schema {revision}; "
        f"this version knows up to {HEAD_REVISION}). Update StudyApp, or choose another file "
        "with --db. The file was left untouched."
    )


def _foreign_message(where: object, tables: list[str]) -> str:
    return (
        f"{where}: is not a StudyApp progress database (it holds other tables: "
        f"{', '.join(tables[:5])}). It was left untouched; choose another file with --db."
    )


def _clear_half_made_schema(connection: Connection, tables: set[str], where: object) -> None:
    """Drop the empty tables that an interrupted first start of an older StudyApp left."""
    for table in tables:
        rows = connection.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar()
        if table != "alembic_version" and rows:
            raise StoreError(
                f"{where}: the progress database has no schema version but holds answers; "
                "it was left untouched. Restore a backup (main.py backup --list)."
            )
    for table in tables:
        connection.exec_driver_sql(f'DROP TABLE "{table}"')


def _backup_before_upgrade(path: Path, revision: str) -> Path:
    """A copy of the file as it was, never overwriting an earlier one."""
    from studyapp.progress.backups import copy_database, unused_name

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = unused_name(path.with_name(f"{path.name}.bak-{revision}-{stamp}"))
    try:
        copy_database(path, target)
    except (sqlite3.Error, OSError) as error:
        raise StoreError(
            f"{path}: could not back the database up before upgrading it ({cause(error)}); "
            "nothing was changed"
        ) from error
    return target


def _check_path(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a progress database file")
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        raise StoreError(f"{path}: is not a regular file (a pipe or a device?); choose a file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"{path.parent}: cannot create the data folder ({error})") from error
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise StoreError(
            f"{path.parent}: the folder of the progress database is read-only; StudyApp "
            "needs to write beside the file. Make the folder writable, or choose another "
            "file with --db"
        )
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


def _set_aside_if_damaged(path: Path) -> str | None:
    """Move a damaged database (and its WAL files) aside, never deleting it.

    Only SQLite's own verdict counts as damage: quick_check not ok, or SQLITE_CORRUPT or
    SQLITE_NOTADB. Any other error (a lock, a full disk) is reported and the file kept.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            # A large file is read whole after the first screen, not before (health.py);
            # reading its schema here still finds a file that is not a database at all.
            whole = health.check_at_open(path)
            if not whole or health.quick_check(connection):
                _refuse_unknown_file(connection, path)
                if whole and path.stat().st_size >= health.FULL_CHECK_BYTES:
                    health.record(path, True, dt.datetime.now(dt.UTC))  # a false alarm
                return None
        finally:
            connection.close()
    except sqlite3.Error as error:
        if not is_damage(error):
            raise StoreError(
                f"{path}: cannot open the progress database: {cause(error)}"
            ) from error
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    from studyapp.progress.backups import unused_name

    target = unused_name(path.with_name(f"{path.name}.corrupt-{stamp}"))
    try:
        for suffix in ("", "-wal", "-shm"):
            part = Path(f"{path}{suffix}")
            if part.exists():
                part.rename(f"{target}{suffix}")
        health.forget(path)
    except OSError as error:
        raise StoreError(
            f"{path}: the progress database is damaged, and it could not be moved aside "
            f"({error.strerror or error}); it was left untouched"
        ) from error
    return (
        f"Your progress database was damaged. It was moved to {target} (nothing was deleted) "
        "and a new, empty one was started."
    )
