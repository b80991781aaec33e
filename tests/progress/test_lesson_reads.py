"""Lesson reads in a real SQLite file and on a real PostgreSQL server, through the service
that the ui and cli share."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from studyapp.progress import StoreError
from studyapp.progress.db import head_revision
from studyapp.service import StudyService
from tests.conftest import CONTENT, rows


def test_reads_are_kept_across_reopening(store_location: str) -> None:
    service = StudyService.open(CONTENT, store_location)
    assert not any(s.read for s in service.lesson_states("nato-russia"))
    state = service.record_reading("nato-russia", "key-events", seconds=40, finished=True)
    assert state.read
    service.record_reading("nato-russia", "introduction", seconds=5, finished=False)
    service.close()

    again = StudyService.open(CONTENT, store_location)
    read = {s.lesson_id for s in again.lesson_states("nato-russia") if s.read}
    assert read == {"key-events"}
    again.close()


def test_a_new_store_is_at_the_newest_schema(store_location: str) -> None:
    StudyService.open(CONTENT, store_location).close()
    assert rows(store_location, "SELECT version_num FROM alembic_version") == [(head_revision(),)]


def test_a_new_database_file_is_at_the_newest_schema_with_wal(db_path: Path) -> None:
    StudyService.open(CONTENT, str(db_path)).close()
    with sqlite3.connect(db_path) as connection:
        [(revision,)] = connection.execute("SELECT version_num FROM alembic_version")
        [(mode,)] = connection.execute("PRAGMA journal_mode")
    assert revision == head_revision()
    assert mode == "wal"


def test_profiles_keep_separate_reads(store_location: str) -> None:
    ana = StudyService.open(CONTENT, store_location, profile="Ana")
    ana.record_reading("nato-russia", "conclusion", seconds=10, finished=True)
    ben = StudyService.open(CONTENT, store_location, profile="Ben")
    assert not any(s.read for s in ben.lesson_states("nato-russia"))
    ana.close()
    ben.close()


def test_an_unknown_lesson_is_refused(store_location: str) -> None:
    service = StudyService.open(CONTENT, store_location)
    with pytest.raises(KeyError, match="unknown lesson 'nope'"):
        service.record_reading("nato-russia", "nope", seconds=3, finished=True)
    service.close()


def test_a_folder_in_the_way_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder, not a progress database file"):
        StudyService.open(CONTENT, str(tmp_path))


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError, match="is not a StudyApp progress database"):
        StudyService.open(CONTENT, str(path))
    assert path.read_text().startswith("these are my notes")
