"""The Class screen on a real PostgreSQL server (started by the tests): the teacher sees
every learner; a learner's window and a window on a file show no such thing."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studyapp.demo import right_response, wrong_response
from studyapp.service import StudyService
from studyapp.ui.class_screen import ClassDialog
from studyapp.ui.main_window import MainWindow
from studyapp.ui.qt import QSettings, Qt
from tests.conftest import CONTENT
from tests.pg_server import Cluster, server_binaries
from tests.pg_server import start as start_cluster
from tests.ui.test_quiz_screens import answer_by_mouse, start_quiz


def answered(url: str, right: int, wrong: int) -> None:
    service = StudyService.open(CONTENT, url)
    run = service.start_quiz("nato-russia", count=right + wrong, seed=7)
    for n, question in enumerate(run.questions):
        given = (
            right_response(question) if n < right else wrong_response(question, random.Random(n))
        )
        service.answer(run, question, given, seconds=4)
    service.close()


@pytest.fixture
def open_window(qtbot: QtBot, tmp_path: Path) -> Iterator[object]:
    services: list[StudyService] = []

    def open_on(location: str) -> MainWindow:
        service = StudyService.open(CONTENT, location)
        services.append(service)
        settings = QSettings(
            str(tmp_path / f"settings-{len(services)}.ini"), QSettings.Format.IniFormat
        )
        window = MainWindow(service, settings)
        qtbot.addWidget(window)
        window.show()
        return window

    yield open_on
    for service in services:
        service.close()


def test_the_teacher_opens_the_class_screen_with_every_learner(
    pg_url: str, open_window, qtbot: QtBot, tmp_path: Path
) -> None:
    teacher = StudyService.open(CONTENT, pg_url)
    ada, ben = teacher.grant_learner("ada"), teacher.grant_learner("ben")
    teacher.close()
    answered(ada.url, 5, 1)
    answered(ben.url, 1, 3)
    window = open_window(pg_url)
    assert window.menus.class_view.isVisible()
    assert not window.menus.backups.isEnabled()  # the server keeps its own
    dialog = window.show_class()
    assert isinstance(dialog, ClassDialog)
    qtbot.addWidget(dialog)
    assert "Reading the class" in dialog.area.widget().text()  # read off the screen's thread
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    table = dialog.table
    learners = {
        table.item(row, 0).text(): table.item(row, 1).text() for row in range(table.rowCount())
    }
    assert learners == {"ada": "6", "ben": "4"}
    answered(ben.url, 2, 0)
    with qtbot.waitSignal(dialog.shown, timeout=30_000):
        dialog.refresh()
    assert {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(2)} == {
        "ada": "6",
        "ben": "6",
    }
    dialog.resize(900, 900)
    dialog.grab().save(str(tmp_path / "class.png"))


def test_a_learners_window_shows_no_class_and_only_their_own_profile(
    pg_url: str, open_window
) -> None:
    teacher = StudyService.open(CONTENT, pg_url)
    ada = teacher.grant_learner("ada")
    teacher.close()
    window = open_window(ada.url)
    assert window.service.profile == "ada"
    assert not window.menus.class_view.isVisible()
    assert window.show_class() is None


def test_a_window_on_a_file_shows_no_class(open_window, db_path: Path) -> None:
    window = open_window(str(db_path))
    assert not window.menus.class_view.isVisible() and window.menus.backups.isEnabled()


def test_a_server_gone_mid_quiz_keeps_the_answer_on_screen_to_save_again(
    pg_cluster: Cluster, open_window, qtbot: QtBot
) -> None:
    binaries = server_binaries()
    assert binaries is not None
    own = start_cluster(binaries)  # one this test may stop and start
    window = None
    try:
        window = open_window(own.new_database("class"))
        window.activateWindow()
        start_quiz(window, qtbot, "concept_definition", length=2)
        panel = window.quiz_page.question_panel
        own.pause()
        answer_by_mouse(window, qtbot, panel.question)
        assert panel.verdict.text() == "⚠ Your answer was not saved"
        assert "try again once it is back" in panel.feedback_text.text()
        assert panel.next.text() == "Try saving again"
        own.resume()
        qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
        assert panel.verdict.text() == "✓ Correct"
        assert window.service.stats("nato-russia").answers == 1
    finally:
        if window is not None:
            window.service.close()
        own.stop()


def test_a_class_that_cannot_be_read_is_one_message_and_the_screen_goes(
    pg_cluster: Cluster, open_window, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studyapp.ui import messages

    binaries = server_binaries()
    assert binaries is not None
    own = start_cluster(binaries)
    told: list[str] = []
    monkeypatch.setattr(
        messages, "tell", lambda _parent, _title, text, *_a, **_k: told.append(text)
    )
    try:
        window = open_window(own.new_database("class"))
        own.pause()  # the server goes away before the teacher opens the class
        dialog = window.show_class()
        assert isinstance(dialog, ClassDialog)
        qtbot.waitUntil(lambda: bool(told), timeout=30_000)
        assert "try again once it is back" in told[0] and "teacher-secret" not in told[0]
        assert not dialog.isVisible()
    finally:
        own.stop()
