"""Learners sharing one database: create, switch, rename, and a quiz left to its learner."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from studyapp.ui.main_window import QUIZ, MainWindow
from tests.ui.conftest import MakeWindow
from tests.ui.test_quiz_screens import answer_by_keyboard, start_quiz, take_quiz


def test_profiles_can_be_created_switched_and_renamed(
    make_window: MakeWindow, qtbot: QtBot, db_path: Path
) -> None:
    window = make_window()
    start_quiz(window, qtbot, "true_false", length=1)
    take_quiz(window, qtbot, by_keyboard=True)
    window.profiles.switch("Ben")
    assert window.profile_label.text().strip() == "Learner: Ben"
    assert window.service.stats("nato-russia").answers == 0
    window.service.rename_profile("Benjamin")
    window.profiles.switch("default")
    assert window.service.stats("nato-russia").answers == 1
    assert window.service.profiles() == ["Benjamin", "default"]
    window.profiles.switch("Benjamin")
    window.close()
    again = make_window()
    assert again.service.profile == "Benjamin"


def test_switching_learner_mid_quiz_leaves_it_to_be_resumed_by_its_learner(
    window: MainWindow, qtbot: QtBot
) -> None:
    start_quiz(window, qtbot, "true_false", length=3)
    question = window.quiz_page.question_panel.question
    assert question is not None
    answer_by_keyboard(window, qtbot, question)
    window.profiles.switch("Ben")
    window.go(QUIZ)
    assert window.quiz_page.currentWidget() is window.quiz_page.setup
    assert not window.quiz_page.setup.resume_box.isVisible()  # Ben has nothing to resume
    window.profiles.switch("default")
    window.go(QUIZ)
    assert window.quiz_page.setup.resume_box.isVisible()
    assert "1 of 3 answered" in window.quiz_page.setup.resume_text.text()
