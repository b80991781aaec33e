"""Checked courses kept ready in the user's cache folder, so that a library of a hundred
courses opens without parsing and checking a hundred folders of YAML.

A course is kept under a key made of its files' names, sizes and times (and the app's
version): a file that changed, was added or went away makes a new key, and the course is
read and checked in full again. Only courses that pass every check are kept, so
a broken course is always read afresh and reported.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from platformdirs import user_cache_dir

from studyapp import __version__
from studyapp.content.model import Course

CACHE_ENV = "STUDYAPP_CACHE"
FORMAT = 1  # raised when the course model changes shape


def cache_folder() -> Path:
    """`$STUDYAPP_CACHE`, else the per-user cache folder."""
    configured = os.environ.get(CACHE_ENV)
    return Path(configured) if configured else Path(user_cache_dir("StudyApp")) / "courses"


def key(folder: Path) -> str:
    """A name for the course as its files are now: a hash of their names, sizes and
    times to the nanosecond (reading every file of a hundred courses at each start would
    cost more than the cache saves; an editor that saves a file changes its time)."""
    digest = hashlib.blake2b(f"{FORMAT} {__version__} {folder.resolve()}".encode())
    for path in sorted(folder.iterdir()):
        if path.suffix in (".yaml", ".yml") and path.is_file():
            info = path.stat()
            digest.update(f"{path.name} {info.st_size} {info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def cached(folder: Path) -> Course | None:
    """The course as it was last checked, if its files have not changed since."""
    try:
        data = (cache_folder() / f"{key(folder)}.pickle").read_bytes()
        course = pickle.loads(data)  # our own file in the user's own cache folder
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return course if isinstance(course, Course) and course.folder == folder else None


def keep(folder: Path, course: Course) -> None:
    """Keep a checked course for the next start; a cache that cannot be written only
    means the course is read again."""
    target = cache_folder()
    with contextlib.suppress(OSError):
        target.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target, suffix=".part")
        with os.fdopen(handle, "wb") as file:
            pickle.dump(course, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, target / f"{key(folder)}.pickle")
