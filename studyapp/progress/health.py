"""When to run SQLite's own check of the progress database, and what it found.

`PRAGMA quick_check` reads every page: about a second per 250 MB. A small database is
checked on every start; a large one once a week, after the first screen is shown (the app
runs it in the background), and on the start after a check found damage. SQLite reports
damage on its own whenever it reads a damaged page, so skipping the full read at start
hides nothing: the open still reads the schema, and any later read of a bad page fails
with SQLite's damage error, which the app reports.

The last verdict lives beside the database, in `.<name>.checked`: "ok <time>" or
"damaged <time>".
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

FULL_CHECK_BYTES = 32 * 1024 * 1024  # below this a check takes a tenth of a second
CHECK_EVERY = dt.timedelta(days=7)


def verdict_file(path: Path) -> Path:
    return path.with_name(f".{path.name}.checked")


def _last(path: Path) -> tuple[str, dt.datetime] | None:
    try:
        word, when = verdict_file(path).read_text(encoding="utf-8").split()
        return word, dt.datetime.fromisoformat(when)
    except (OSError, ValueError):
        return None


def check_at_open(path: Path) -> bool:
    """Whether opening the file should read it whole first: a small file, or one that the
    last check found damaged."""
    last = _last(path)
    damaged = last is not None and last[0] == "damaged"
    return damaged or path.stat().st_size < FULL_CHECK_BYTES


def check_due(path: Path, now: dt.datetime) -> bool:
    """Whether the week's check of a large file is due (a small one is checked at open)."""
    if not path.exists() or path.stat().st_size < FULL_CHECK_BYTES:
        return False
    last = _last(path)
    return last is None or last[0] != "ok" or now - last[1] >= CHECK_EVERY


def quick_check(connection: sqlite3.Connection) -> bool:
    """SQLite's verdict on every page: True when the file is sound. Errors other than
    damage (a lock, a vanished file) are raised for the caller to report."""
    return [row[0] for row in connection.execute("PRAGMA quick_check")] == ["ok"]


def record(path: Path, sound: bool, now: dt.datetime) -> None:
    """Keep the verdict for the next start; a folder that cannot take it only means the
    check runs again."""
    with contextlib.suppress(OSError):
        verdict_file(path).write_text(
            f"{'ok' if sound else 'damaged'} {now.isoformat()}", encoding="utf-8"
        )


def forget(path: Path) -> None:
    """The file was set aside: its verdict goes with it."""
    verdict_file(path).unlink(missing_ok=True)
