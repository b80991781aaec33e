"""Rolling backups of the progress database, made with SQLite's online backup API.

Backups live in `backups/` beside the database, one file each, named after the database and
the moment they were made. They are kept on a schedule (the newest of each of the last
7 days and of the last 4 weeks, and always the newest three), so the folder stays small
while a bad day can still be undone.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from studyapp.progress.errors import StoreError, cause

AUTOMATIC_INTERVAL = dt.timedelta(hours=3)  # at most one automatic backup per few hours
KEEP_DAYS, KEEP_WEEKS, KEEP_NEWEST = 7, 4, 3
STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class Backup:
    path: Path
    made: dt.datetime  # local time, from the file's name
    answers: int | None  # None when the file cannot be read


def folder(database: Path) -> Path:
    return database.parent / "backups"


def unused_name(path: Path) -> Path:
    """`path`, or `path` with -2, -3 … added when a file of that name exists."""
    candidate, number = path, 1
    while candidate.exists() or Path(f"{candidate}-wal").exists():
        number += 1
        if path.suffix == ".sqlite3":
            candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        else:
            candidate = path.with_name(f"{path.name}-{number}")
    return candidate


def copy_database(source: Path, target: Path) -> None:
    """Copy a live SQLite file with SQLite's own backup API (safe even mid-write)."""
    src = sqlite3.connect(source, timeout=5)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            dst.close()
    finally:
        src.close()


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (a backup stays as it was made)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def make_backup(database: Path, now: dt.datetime | None = None) -> Path:
    """A backup made now; returns its path."""
    moment = now or dt.datetime.now()
    target = unused_name(folder(database) / f"{database.stem}-{moment:{STAMP}}.sqlite3")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        copy_database(database, target)
    except (sqlite3.Error, OSError) as error:
        for part in (target, Path(f"{target}-journal")):
            part.unlink(missing_ok=True)
        raise StoreError(f"{target}: cannot make a backup: {cause(error)}") from error
    return target


def _made(path: Path, database: Path) -> tuple[dt.datetime, int] | None:
    """When a backup was made, from its name, and its number within that second."""
    rest = path.name.removeprefix(f"{database.stem}-").removesuffix(".sqlite3")
    stamp, number = rest[: len("20260101-000000")], rest[len("20260101-000000") :]
    try:
        return dt.datetime.strptime(stamp, STAMP), int(number.lstrip("-") or 1)
    except ValueError:
        return None


def backup_files(database: Path) -> list[tuple[dt.datetime, Path]]:
    """The backups of a database, oldest first."""
    found = []
    for path in folder(database).glob(f"{database.stem}-*.sqlite3"):
        made = _made(path, database)
        if made is not None:
            found.append((made, path))
    return [(made[0], path) for made, path in sorted(found)]


def answers_in(path: Path) -> int | None:
    try:
        connection = read_only(path)
        try:
            return int(connection.execute("SELECT count(*) FROM answers").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return None


def list_backups(database: Path) -> list[Backup]:
    """Every backup of a database, newest first, with its number of answers."""
    return [Backup(path, made, answers_in(path)) for made, path in reversed(backup_files(database))]


def prune(database: Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete the backups that the schedule no longer keeps; returns what was deleted."""
    moment = now or dt.datetime.now()
    keep: set[Path] = set()
    newest_per_day: dict[dt.date, Path] = {}
    newest_per_week: dict[tuple[int, int], Path] = {}
    files = backup_files(database)
    for made, path in files:  # oldest first: later ones replace earlier ones
        if moment - made <= dt.timedelta(days=KEEP_DAYS):
            newest_per_day[made.date()] = path
        if moment - made <= dt.timedelta(weeks=KEEP_WEEKS):
            newest_per_week[made.isocalendar()[:2]] = path
    keep |= set(newest_per_day.values()) | set(newest_per_week.values())
    keep |= {path for _made, path in files[-KEEP_NEWEST:]}
    deleted = []
    for _made, path in files:
        if path not in keep:
            path.unlink(missing_ok=True)
            deleted.append(path)
    return deleted


def automatic_backup(database: Path, now: dt.datetime | None = None) -> Path | None:
    """Back up when the database changed since the newest backup and that one is a few
    hours old (or there is none); prune the old ones. Returns the new backup, if any."""
    if not database.exists() or not _has_history(database):
        return None
    moment = now or dt.datetime.now()
    files = backup_files(database)
    if files:
        made, newest = files[-1]
        if moment - made < AUTOMATIC_INTERVAL or not _changed_since(database, newest):
            return None
    made_now = make_backup(database, moment)
    prune(database, moment)
    return made_now


def _has_history(database: Path) -> bool:
    """Whether there is anything to lose: an answer or a lesson read."""
    try:
        connection = read_only(database)
        try:
            query = "SELECT EXISTS (SELECT 1 FROM answers) OR EXISTS (SELECT 1 FROM lesson_reads)"
            return bool(connection.execute(query).fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return True  # unreadable here: let the backup itself say what is wrong


def _changed_since(database: Path, backup: Path) -> bool:
    written = max(
        part.stat().st_mtime for part in (database, Path(f"{database}-wal")) if part.exists()
    )
    return written > backup.stat().st_mtime


def holder_free(database: Path) -> sqlite3.Connection:
    """A connection that holds the database alone; StoreError while another has it open.

    In WAL mode every open connection keeps a share of the file, so an exclusive lock is
    only granted when no other StudyApp (or other program) has the database open.
    """
    connection = sqlite3.connect(database, timeout=0.5, isolation_level=None)
    try:
        connection.execute("PRAGMA locking_mode=EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")
        connection.execute("COMMIT")
    except sqlite3.Error as error:
        connection.close()
        raise StoreError(
            f"{database}: another StudyApp (or another program) has this database open; "
            "close it and try again"
        ) from error
    return connection


def restore(database: Path, backup: Path) -> Path | None:
    """Replace the database by a backup, after backing the current one up; returns that
    backup (None when there was no database). Refused while another program holds it."""
    _check_is_progress_backup(backup)
    safety = None
    if database.exists() and database.stat().st_size > 0:
        holder = holder_free(database)
        holder.close()
        safety = make_backup(database)
    holder = holder_free(database)
    try:
        source = read_only(backup)
        try:
            source.backup(holder)
        finally:
            source.close()
    except sqlite3.Error as error:
        raise StoreError(f"{backup}: cannot restore it: {cause(error)}") from error
    finally:
        holder.close()
    return safety


def _check_is_progress_backup(backup: Path) -> None:
    from studyapp.progress.db import known_revisions

    if not backup.is_file():
        raise StoreError(f"{backup}: no such backup file")
    try:
        connection = read_only(backup)
        try:
            verdict = [row[0] for row in connection.execute("PRAGMA quick_check")]
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise StoreError(
            f"{backup}: is not a StudyApp progress backup ({cause(error)}); nothing was changed"
        ) from error
    if verdict != ["ok"]:
        raise StoreError(f"{backup}: the backup is damaged; nothing was changed")
    if revision is None or revision[0] not in known_revisions():
        raise StoreError(f"{backup}: was made by a newer StudyApp; nothing was changed")
