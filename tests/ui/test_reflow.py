"""Every screen reflows at the largest text size the settings allow, in an 800 by 600
window: nothing cut, nothing overlapping, nothing wider than the window."""

from __future__ import annotations

import itertools

import pytest
from pytestqt.qtbot import QtBot

from studyapp.ui.main_window import PROGRESS, QUIZ, MainWindow
from studyapp.ui.preferences import MAX_TEXT_SIZE
from studyapp.ui.progress_page import ProgressPage
from studyapp.ui.qt import QApplication, QPushButton, QRect, QWidget
from tests.ui.conftest import MakeWindow
from tests.ui.test_quiz_screens import start_quiz, take_quiz


@pytest.fixture
def small(make_window: MakeWindow) -> MainWindow:
    window = make_window()
    window.appearance.set_text_size(MAX_TEXT_SIZE)
    window.resize(800, 600)
    settle()
    return window


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def rect_in(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def assert_apart(widgets: list[QWidget], window: QWidget) -> None:
    shown = [w for w in widgets if w.isVisible()]
    for a, b in itertools.combinations(shown, 2):
        assert not rect_in(a, window).intersects(rect_in(b, window)), (a.text(), b.text())
    for widget in shown:
        assert rect_in(widget, window).right() < window.width(), widget.text()


def test_the_side_bar_shows_whole_section_names(small: MainWindow) -> None:
    small.refresh_due()
    metrics = small.sidebar.fontMetrics()
    for row in range(small.sidebar.count()):
        text = small.sidebar.item(row).text()
        assert metrics.horizontalAdvance(text) + 28 <= small.sidebar.viewport().width(), text
    assert metrics.horizontalAdvance("Review (999)") + 28 <= small.sidebar.viewport().width()


def test_results_and_reader_buttons_never_overlap(small: MainWindow, qtbot: QtBot) -> None:
    reader = small.reader
    assert_apart([reader.previous_button, reader.quiz_button, reader.next_button], small)
    start_quiz(small, qtbot, "true_false", length=2)
    question = small.quiz_page.question_panel.question
    assert question is not None
    take_quiz(small, qtbot, by_keyboard=True)
    settle()
    results = small.quiz_page.results_panel
    assert_apart(results.findChildren(QPushButton), small)


def test_the_quiz_setup_fits_the_width(small: MainWindow) -> None:
    small.go(QUIZ)
    settle()
    setup = small.quiz_page.setup
    for box in setup.type_boxes.values():
        assert rect_in(box, small).right() < small.width(), box.text()
        assert box.width() >= box.sizeHint().width(), box.text()  # not squeezed
    assert setup.start.isVisible()


def test_the_progress_screen_is_no_wider_than_the_window(small: MainWindow, qtbot: QtBot) -> None:
    start_quiz(small, qtbot, "true_false", length=2)
    take_quiz(small, qtbot, by_keyboard=True)
    small.go(PROGRESS)
    settle()
    page = small.progress_page
    assert isinstance(page, ProgressPage)
    body = page.widget()
    assert body is not None and body.width() <= page.viewport().width()
