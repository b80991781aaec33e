"""Rolling backups: made with SQLite's backup API, listed, kept on a schedule, restored
only when no other program holds the database, and never without a copy of what was."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from studyapp.progress import StoreError, backups
from studyapp.service import StudyService
from tests.conftest import CONTENT, main_py
from tests.conftest import answer_count as answers


def answer_some(db: Path, count: int) -> None:
    service = StudyService.open(CONTENT, str(db), fuzz=False)
    run = service.start_quiz("nato-russia", count=count, types=["true_false"], seed=count)
    for question in run.questions:
        service.answer(run, question, "true", seconds=2)
    service.close()


def test_backup_list_and_restore_from_the_command_line(db_path: Path) -> None:
    answer_some(db_path, 2)
    made = main_py("backup", "--db", str(db_path))
    assert made.returncode == 0, made.stderr
    backup = Path(made.stdout.strip())
    assert backup.parent == db_path.parent / "backups" and answers(backup) == 2

    answer_some(db_path, 3)
    listed = main_py("backup", "--list", "--db", str(db_path))
    [line] = listed.stdout.splitlines()
    path, when, count = line.split("\t")
    assert (Path(path), count) == (backup, "2 answers")
    dt.datetime.strptime(when, "%Y-%m-%d %H:%M:%S")

    restored = main_py("restore", str(backup), "--db", str(db_path))
    assert restored.returncode == 0, restored.stderr
    assert answers(db_path) == 2
    safety = [b for b in backups.list_backups(db_path) if b.path != backup]
    assert [b.answers for b in safety] == [5]  # what was there before the restore is kept
    stats = main_py("stats", "--json", "--db", str(db_path))
    assert '"answers": 2' in stats.stdout


def test_restore_is_refused_while_another_program_has_the_database_open(db_path: Path) -> None:
    answer_some(db_path, 2)
    backup = backups.make_backup(db_path)
    answer_some(db_path, 1)
    other = sqlite3.connect(db_path)
    other.execute("SELECT count(*) FROM answers").fetchall()
    try:
        result = main_py("restore", str(backup), "--db", str(db_path))
    finally:
        other.close()
    assert result.returncode == 2
    assert "has this database open" in result.stderr and "Traceback" not in result.stderr
    assert answers(db_path) == 3


def test_a_file_that_is_not_a_backup_is_not_restored(tmp_path: Path, db_path: Path) -> None:
    answer_some(db_path, 1)
    stranger = tmp_path / "stranger.sqlite3"
    connection = sqlite3.connect(stranger)
    connection.execute("CREATE TABLE t (x)")
    connection.close()
    with pytest.raises(StoreError, match="not a StudyApp progress backup"):
        backups.restore(db_path, stranger)
    assert answers(db_path) == 1


def test_the_service_restores_and_goes_on_with_the_restored_history(db_path: Path) -> None:
    answer_some(db_path, 2)
    service = StudyService.open(CONTENT, str(db_path), fuzz=False)
    made = service.backup_now()
    run = service.start_quiz("nato-russia", count=2, types=["true_false"], seed=8)
    service.answer(run, run.questions[0], "false", seconds=2)
    assert service.stats("nato-russia").answers == 3
    safety = service.restore_backup(made)
    assert service.stats("nato-russia").answers == 2
    assert safety is not None and answers(safety) == 3
    assert [b.answers for b in service.backups()] == [3, 2]
    service.close()


def test_automatic_backups_come_every_few_hours_and_only_after_a_change(db_path: Path) -> None:
    answer_some(db_path, 1)
    start = dt.datetime(2026, 11, 1, 9, 0)
    first = backups.automatic_backup(db_path, start)
    assert first is not None
    assert backups.automatic_backup(db_path, start + dt.timedelta(hours=1)) is None
    later = start + backups.AUTOMATIC_INTERVAL + dt.timedelta(minutes=1)
    # Nothing changed since: no new backup, however late.
    first_time = first.stat().st_mtime
    import os

    os.utime(db_path, (first_time - 10, first_time - 10))
    if Path(f"{db_path}-wal").exists():
        os.utime(f"{db_path}-wal", (first_time - 10, first_time - 10))
    assert backups.automatic_backup(db_path, later) is None
    answer_some(db_path, 1)
    assert backups.automatic_backup(db_path, later) is not None


def test_old_backups_are_pruned_to_days_and_weeks(db_path: Path) -> None:
    answer_some(db_path, 1)
    now = dt.datetime(2026, 11, 29, 20, 0)
    made = [now - dt.timedelta(hours=6 * n) for n in range(0, 4 * 60)]  # every 6 h, 60 days
    folder = backups.folder(db_path)
    folder.mkdir()
    for moment in made:
        (folder / f"{db_path.stem}-{moment:%Y%m%d-%H%M%S}.sqlite3").write_bytes(b"")
    backups.prune(db_path, now)
    kept = [made for made, _path in backups.backup_files(db_path)]
    days = {moment.date() for moment in kept}
    assert len(kept) <= 7 + 1 + 4 + 3
    assert {(now - dt.timedelta(days=d)).date() for d in range(7)} <= days
    assert max(kept) == now  # the newest is always kept
    assert min(kept) >= now - dt.timedelta(weeks=4, days=7)
