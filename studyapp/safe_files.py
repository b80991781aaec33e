"""Files the app writes for the learner (exports): never over something precious, never half.

A target that is the progress database, any SQLite file, a folder or a read-only file is
refused; a file is written beside its target under a temporary name and then renamed over
it, so a failed write leaves nothing behind and never a half-written file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


class ExportError(Exception):
    """An export target that must not be written; the message says why."""


SQLITE_HEADER = b"SQLite format 3\x00"


def check_target(target: Path, database: Path | None) -> None:
    """Refuse a target that is the progress database (or its WAL files), any SQLite file,
    a folder, or a read-only file: an export never replaces something precious."""
    resolved = target.expanduser().resolve()
    if database is not None:
        protected = {Path(f"{database.resolve()}{suffix}") for suffix in ("", "-wal", "-shm")}
        if resolved in protected:
            raise ExportError(f"{target}: is your progress database; choose another file name")
    if resolved.is_dir():
        raise ExportError(f"{target}: is a folder; give a file name")
    if not resolved.exists():
        return
    if not resolved.is_file():
        raise ExportError(f"{target}: is not a regular file; give a file name")
    # The mode bits as well as access(): root may write anything, but a file marked
    # read-only was marked so on purpose.
    if not resolved.stat().st_mode & stat.S_IWUSR or not os.access(resolved, os.W_OK):
        raise ExportError(f"{target}: is read-only; it was left untouched")
    try:
        with resolved.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise ExportError(f"{target}: cannot be read ({error.strerror or error})") from error
    if header == SQLITE_HEADER:
        raise ExportError(
            f"{target}: is a database file; an export never replaces one. Choose another name"
        )


@contextmanager
def replacing(target: Path, newline: str | None = None) -> Iterator[IO[str]]:
    """A text file that takes the target's place only once it is completely written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as file:
            yield file
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
