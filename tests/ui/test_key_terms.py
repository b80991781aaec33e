"""Key-term definitions open from the keyboard as well as on hover."""

from __future__ import annotations

from html import escape

from pytestqt.qtbot import QtBot

from studyapp.ui.main_window import MainWindow
from studyapp.ui.qt import QApplication, Qt, QToolTip


def test_tab_reaches_each_key_term_and_enter_shows_its_meaning(
    window: MainWindow, qtbot: QtBot
) -> None:
    course = window.course
    assert course is not None
    lesson = course.lessons[1]
    window.open_lesson_from_elsewhere(lesson.id)
    text = window.reader.text
    text.setFocus()
    meanings = [escape(c.definition) for c in course.concepts]  # the tip is rich text
    seen = []
    for _ in range(3):
        qtbot.keyClick(text, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is text  # Tab stays on the terms while there are some
        term = text.textCursor().selectedText()
        assert term, "Tab selects the next key term"
        qtbot.keyClick(text, Qt.Key.Key_Return)
        shown = QToolTip.text()
        assert any(meaning in shown for meaning in meanings), shown
        seen.append(term)
    assert len(set(seen)) == 3
