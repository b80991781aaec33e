"""The service's backups: made by hand or every few hours, listed, and put back."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from studyapp.progress import StoreError

if TYPE_CHECKING:
    from studyapp.progress.backups import Backup


class BackupsMixin:
    """What `StudyService` does with backups of its SQLite file."""

    database: Path | None  # the SQLite file, None for a server or no database

    def _let_go(self) -> tuple[str, bool]:
        raise NotImplementedError

    def _reopen(self, database: Path, kept: tuple[str, bool]) -> None:
        raise NotImplementedError

    def _database_file(self) -> Path:
        if self.database is None:
            raise StoreError(
                "backups are made of a progress database file; a database server keeps its "
                "own backups (ask its administrator)"
            )
        return self.database

    def backup_now(self) -> Path:
        """Make a backup of the progress database now; returns its path."""
        from studyapp.progress import backups

        database = self._database_file()
        made = backups.make_backup(database)
        backups.prune(database)
        return made

    def automatic_backup(self) -> Path | None:
        """A backup when the last one is a few hours old and something changed since."""
        if self.database is None:
            return None
        from studyapp.progress import backups

        return backups.automatic_backup(self.database)

    def backups(self) -> list[Backup]:
        """Every backup of the progress database, newest first."""
        from studyapp.progress import backups

        return backups.list_backups(self._database_file())

    def restore_backup(self, backup: Path) -> Path | None:
        """Put a backup in the database's place (the current state is backed up first);
        returns that safety backup. This service lets go of the file meanwhile."""
        from studyapp.progress import backups

        database = self._database_file()
        kept = self._let_go()
        try:
            return backups.restore(database, backup)
        finally:
            self._reopen(database, kept)
