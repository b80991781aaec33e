"""The habit loop: a daily goal where studying starts, the streak, a quiet celebration."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from studyapp.ui.main_window import PROGRESS, MainWindow
from studyapp.ui.progress_page import ProgressPage
from studyapp.ui.qt import Qt
from tests.ui.conftest import MakeWindow
from tests.ui.test_quiz_screens import answer_by_keyboard, start_quiz, take_quiz


def test_the_goal_fills_as_answers_come_and_celebrates_once(
    make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window()
    window.saved.daily_goal = 3
    window.show_goal()
    goal = window.lessons.goal
    assert goal.isVisible()
    assert goal.today.text() == "Today: 0 of 3 answers"
    assert goal.streak.text() == "No streak yet"
    start_quiz(window, qtbot, "true_false", length=5)
    panel = window.quiz_page.question_panel
    celebrated = []
    answered = 0
    while window.quiz_page.currentWidget() is panel:
        take_one(window, qtbot)
        answered += 1
        celebrated.append(panel.celebration.isVisible())
        qtbot.keyClick(panel.next, Qt.Key.Key_Return)
    assert answered >= 4
    assert celebrated[2] and celebrated.count(True) == 1  # the third answer reached it
    assert goal.today.text() == f"Goal reached ✓ {answered} today"
    assert goal.bar.value() == goal.bar.maximum() == 3
    assert goal.streak.text() == "1-day streak"
    assert goal.property("state") == "right"
    results = window.quiz_page.results_panel
    assert results.perfect.isVisible()  # every answer right
    window.go(PROGRESS)
    page = window.progress_page
    assert isinstance(page, ProgressPage)
    assert page.goal.today.text() == goal.today.text()


def take_one(window: MainWindow, qtbot: QtBot) -> None:
    question = window.quiz_page.question_panel.question
    assert question is not None
    answer_by_keyboard(window, qtbot, question)


def test_the_goal_and_celebrations_can_be_turned_off(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window()
    window.saved.daily_goal = 0
    window.saved.celebrate = False
    start_quiz(window, qtbot, "true_false", length=3)
    take_quiz(window, qtbot, by_keyboard=True)
    goal = window.lessons.goal
    assert not goal.bar.isVisibleTo(window) and goal.today.text().startswith("Today: ")
    assert not window.quiz_page.results_panel.perfect.isVisible()
