"""A first run says what to do: the course, how long it takes, one button."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from studyapp.ui.main_window import MainWindow
from studyapp.ui.qt import Qt
from studyapp.ui.welcome import reading_minutes
from tests.ui.conftest import MakeWindow
from tests.ui.test_quiz_screens import start_quiz, take_quiz


def test_a_new_learner_is_welcomed_and_starts_lesson_one(
    make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window()
    welcome = window.lessons.welcome
    course = window.course
    assert course is not None
    assert welcome.isVisible() and not window.reader.isVisible()
    assert welcome.course.text() == course.title
    minutes = reading_minutes(course)
    assert 5 <= minutes <= 30  # eight short lessons of an article
    assert welcome.about.text().startswith(f"8 short lessons, about {minutes} minutes")
    assert welcome.start.text() == "Start Lesson 1" and welcome.start.hasFocus()
    qtbot.keyClick(welcome.start, Qt.Key.Key_Return)
    assert window.reader.isVisible() and not welcome.isVisible()
    assert window.lesson_id == course.lessons[0].id
    assert window.reader.text.hasFocus()


def test_a_learner_who_has_begun_goes_straight_to_the_lessons(
    make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window()
    window.open_lesson_from_elsewhere(course_lessons(window)[2])  # as a click in the list
    assert window.reader.isVisible()
    start_quiz(window, qtbot, "true_false", length=1)
    take_quiz(window, qtbot, by_keyboard=True)
    window.close()
    again = make_window()
    assert again.reader.isVisible() and not again.lessons.welcome.isVisible()


def course_lessons(window: MainWindow) -> list[str]:
    assert window.course is not None
    return [lesson.id for lesson in window.course.lessons]
