"""The window keeps the learner's history safe and never renders outside text as markup:
an answer the disk refuses stays on screen to be saved again, backups can be made and
restored from File → Backups…, names and problems show as typed, a bad name is a message."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from studyapp.service import StudyService
from studyapp.ui import messages
from studyapp.ui.answer_widgets import TypedAnswer
from studyapp.ui.app import Opener
from studyapp.ui.main_window import MainWindow
from studyapp.ui.qt import QInputDialog, QMessageBox, Qt
from tests.conftest import CONTENT
from tests.conftest import answer_count as answers
from tests.ui.conftest import MakeWindow
from tests.ui.test_quiz_screens import start_quiz


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, Qt.TextFormat]]]:
    """Every message box's text and text format, instead of waiting for a click."""
    seen: list[tuple[str, Qt.TextFormat]] = []

    def record(box: QMessageBox) -> int:
        seen.append((box.text(), box.textFormat()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    yield seen


def test_an_answer_the_disk_refuses_stays_on_screen_and_is_saved_again(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    start_quiz(window, qtbot, "cloze", length=2)
    panel = window.quiz_page.question_panel
    typed = panel.answer
    assert isinstance(typed, TypedAnswer)
    engine = window.service.store.engine

    def disk_full(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    engine.dispose()
    event.listen(engine, "connect", disk_full)
    long_answer = "a long answer " * 8000  # needs new pages: SQLite says the disk is full
    typed.field.setText(long_answer)
    given = typed.field.text()  # a line edit keeps up to 32,767 characters
    qtbot.keyClick(typed.field, Qt.Key.Key_Return)
    assert panel.verdict.text() == "⚠ Your answer was not saved"
    assert "the disk is full" in panel.feedback_text.text()
    assert panel.next.text() == "Try saving again"
    assert typed.field.text() == given  # still on screen
    assert not typed.field.isReadOnly()
    assert answers(db_path) == 0

    event.remove(engine, "connect", disk_full)
    engine.dispose()
    qtbot.keyClick(panel.next, Qt.Key.Key_Return)
    assert answers(db_path) == 1
    assert panel.verdict.text().startswith(("✓", "✗", "◐"))
    assert panel.lesson_says.isVisible()


def test_backups_are_made_and_restored_from_the_file_menu(
    window: MainWindow, db_path: Path, shown: list[tuple[str, Qt.TextFormat]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    names = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Backups…" in names
    run = window.service.start_quiz("nato-russia", count=2, types=["true_false"], seed=3)
    window.service.answer(run, run.questions[0], "true", seconds=2)
    dialog = window.show_backups()
    dialog.back_up.click()
    assert dialog.list.count() == 1 and "1 answers" in dialog.list.item(0).text()
    window.service.answer(run, run.questions[1], "true", seconds=2)
    window.refresh_progress()
    assert window.service.stats("nato-russia").answers == 2

    monkeypatch.setattr(messages, "confirm", lambda *args: False)
    dialog.list.setCurrentRow(0)
    dialog.restore.click()
    assert answers(db_path) == 2  # not confirmed: nothing changed

    monkeypatch.setattr(messages, "confirm", lambda *args: True)
    dialog.list.setCurrentRow(0)
    dialog.restore.click()
    assert window.service.stats("nato-russia").answers == 1
    assert shown[-1][0].startswith("Restored the backup of")
    assert dialog.list.count() == 2  # the state before the restore is a backup too
    dialog.close()


def test_the_profile_name_and_course_problems_are_plain_text(
    make_window: MakeWindow, write_course: object, shown: list[tuple[str, Qt.TextFormat]]
) -> None:
    from tests.conftest import TOY_COURSE

    root = write_course().parent  # type: ignore[operator]
    write_course(  # type: ignore[operator]
        "broken", **{"course.yaml": "id: broken\ntitle: <img src=x> <b>[oops\n"}
    )
    window = make_window(root)
    window.profiles.switch("<b>Ana</b>")
    assert window.profile_label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>Ana</b>" in window.profile_label.text()
    window.lessons.show_course_problems()
    text, text_format = shown[-1]
    assert text_format == Qt.TextFormat.PlainText
    assert "broken" in text
    assert TOY_COURSE  # the good course is still there
    assert window.course is not None and window.course.id == "toy"


@pytest.mark.parametrize(("name", "message"), [("x" * 200, "1 to 64"), ("   ", "1 to 64")])
def test_a_bad_new_profile_name_is_a_message(
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    shown: list[tuple[str, Qt.TextFormat]],
    name: str,
    message: str,
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (name, True))
    window.profiles.new()
    assert message in shown[-1][0]
    assert window.service.profile == "default"
    assert window.service.profiles() == ["default"]


def test_a_database_from_a_newer_studyapp_is_told_at_start(qtbot: QtBot, db_path: Path) -> None:
    StudyService.open(CONTENT, str(db_path)).close()
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    opener = Opener()
    with qtbot.waitSignal(opener.failed, timeout=30_000) as failed:
        opener.start(CONTENT, str(db_path))
    assert "newer StudyApp" in failed.args[0]


def test_a_short_lesson_quiz_offers_to_add_the_next_lesson(
    window: MainWindow, qtbot: QtBot
) -> None:
    from studyapp.ui.main_window import QUIZ

    window.go(QUIZ)
    setup = window.quiz_page.setup
    for row in range(setup.lessons.count()):
        item = setup.lessons.item(row)
        wanted = item.data(Qt.ItemDataRole.UserRole) == "introduction"
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
    setup.length.setValue(10)
    qtbot.mouseClick(setup.start, Qt.MouseButton.LeftButton)
    panel = window.quiz_page.question_panel
    assert panel.shortfall.isVisible()
    assert "this lesson holds 1 item" in panel.shortfall_text.text()
    before = window.quiz_page.session
    assert before is not None
    qtbot.mouseClick(panel.add_lesson, Qt.MouseButton.LeftButton)
    run = window.quiz_page.session
    assert run is not None and len(run.questions) > len(before.questions)
    lessons = {q.lesson_id for q in run.questions}
    assert "current-standoff" in lessons
    assert lessons <= {"introduction", "current-standoff"}
    assert panel.shortfall.isVisible() == (run.shortfall is not None)
