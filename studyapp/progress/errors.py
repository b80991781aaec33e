"""What went wrong with the progress database, in words a learner can act on.

SQLite says why a statement failed with a result code; only two of them (CORRUPT and
NOTADB) mean the file itself is damaged. Every other failure (a lock, a full disk, an I/O
error, a permission) leaves a healthy file that must not be touched.
"""

from __future__ import annotations

# SQLite's primary result codes (sqlite3.h); extended codes carry them in the low byte.
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_NOMEM, SQLITE_READONLY = 3, 5, 6, 7, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN = 10, 11, 13, 14
SQLITE_NOTADB = 26

_CAUSES = {
    SQLITE_PERM: "permission denied",
    SQLITE_BUSY: "it is locked by another program (another StudyApp, a backup or sync tool, "
    "or a database browser); close that program and try again",
    SQLITE_LOCKED: "it is locked by another program; close that program and try again",
    SQLITE_NOMEM: "the computer ran out of memory",
    SQLITE_READONLY: "it cannot be written (a read-only file, folder or disk)",
    SQLITE_IOERR: "a disk input/output error (is the disk full, removed, or over a file "
    "size limit?)",
    SQLITE_FULL: "the disk is full; free some space and try again",
    SQLITE_CANTOPEN: "the file or its folder cannot be opened (check that the folder exists "
    "and is writable)",
    SQLITE_CORRUPT: "the file is damaged",
    SQLITE_NOTADB: "the file is not a database",
}


class StoreError(Exception):
    """The progress database cannot be used; the message says what and where."""


def result_code(error: BaseException) -> int | None:
    """SQLite's primary result code behind an error (a SQLAlchemy error wraps it in .orig)."""
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_damage(error: BaseException) -> bool:
    """True only when SQLite says the file itself is damaged."""
    return result_code(error) in (SQLITE_CORRUPT, SQLITE_NOTADB)


# PostgreSQL's SQLSTATE codes that a learner or a teacher can act on.
_SERVER_CAUSES = {
    "42501": "this login is not allowed to do that (on a class server a learner's login "
    "reaches only its own profile, named like the login; an upgrade of the tables needs the "
    "teacher's login)",
    "28P01": "the server refused the login: wrong name or password",
    "57P01": "the server went away (it was stopped or restarted); try again once it is back",
    "55P03": "another StudyApp is upgrading the class's tables; try again in a minute",
}
# What the server says when a connection fails before any statement (no SQLSTATE then).
_CONNECTING = (
    ("password authentication failed", _SERVER_CAUSES["28P01"]),
    ("does not exist", "the server has no such database or login (check the URL)"),
    ("no pg_hba.conf entry", "the server does not accept this login from this computer "
     "(its administrator can allow it in pg_hba.conf)"),
    ("too many", "the server has too many connections open; try again shortly"),
)  # fmt: skip


def cause(error: BaseException) -> str:
    """Why a database operation failed, for a person."""
    code = result_code(error)
    if code in _CAUSES:
        return _CAUSES[code]
    original = getattr(error, "orig", None) or error
    state = getattr(original, "sqlstate", None)
    if isinstance(state, str) and state in _SERVER_CAUSES:
        return _SERVER_CAUSES[state]
    if type(original).__name__ == "OperationalError":
        said = str(original)
        for words, meaning in _CONNECTING:
            if words in said:
                return meaning
        if "connection" in said or "timeout" in said:
            first = said.splitlines()[0]
            return f"the server cannot be reached ({first}); try again once it is back"
    if isinstance(original, OSError):
        return original.strerror or str(original)
    return str(original).splitlines()[0] if str(original) else type(original).__name__


def store_error(where: str, doing: str, error: BaseException) -> StoreError:
    """A StoreError that says where, what was being done, and why it failed."""
    return StoreError(f"{where}: cannot {doing}: {cause(error)}")
