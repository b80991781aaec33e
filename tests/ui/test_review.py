"""The Review screen: what is due, when the next item falls due, and a review quiz."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studyapp.ui import review_page
from studyapp.ui.main_window import QUIZ, REVIEW, MainWindow
from studyapp.ui.qt import Qt
from tests.ui.conftest import MakeWindow
from tests.ui.test_quiz_screens import start_quiz, take_quiz


def due_in(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        [(due,)] = connection.execute(
            "SELECT count(*) FROM item_states WHERE due_at <= datetime('now')"
        ).fetchall()
    connection.close()
    return int(due)


def test_review_counts_due_items_and_says_when_the_next_falls_due(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.go(REVIEW)
    assert "Nothing to review yet" in window.review_page.message.text()
    start_quiz(window, qtbot, "true_false", length=2)
    take_quiz(window, qtbot, by_keyboard=True)
    assert window.sidebar.item(REVIEW).text() == "Review"
    window.go(REVIEW)
    message = window.review_page.message.text()
    assert message.startswith("Nothing is due right now. The next item falls due in ")
    assert not window.review_page.start.isVisible()


def test_review_starts_a_quiz_of_the_due_items(
    make_window: MakeWindow, qtbot: QtBot, db_path: Path
) -> None:
    window = make_window()
    start_quiz(window, qtbot, "true_false", length=2)
    take_quiz(window, qtbot, by_keyboard=True)
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE item_states SET due_at = '2020-01-01 00:00:00'")
        [(due,)] = connection.execute("SELECT count(*) FROM item_states").fetchall()
    connection.close()
    assert due >= 2  # two statements, one of them perhaps about two events
    window.refresh_progress()
    assert window.sidebar.item(REVIEW).text() == f"Review ({due})"
    window.go(REVIEW)
    assert window.review_page.start.text() == f"Start review ({due})"
    qtbot.mouseClick(window.review_page.start, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == QUIZ
    take_quiz(window, qtbot, by_keyboard=True)
    assert window.sidebar.item(REVIEW).text() == "Review"


def test_due_counts_agree_and_update_by_themselves(
    make_window: MakeWindow, qtbot: QtBot, db_path: Path
) -> None:
    # The Review page said "1 item is due" while the side bar showed none, and "falls due
    # in 1 minute" 75 s later.
    window = make_window()
    start_quiz(window, qtbot, "true_false", length=1)
    take_quiz(window, qtbot, by_keyboard=True)
    assert window.due_timer.isActive()  # set for the moment the next item falls due
    window.go(REVIEW)
    assert window.due_timer.remainingTime() <= 30_500  # the "in … minutes" text is redrawn
    soon = "datetime('now', '+2 seconds')"
    with sqlite3.connect(db_path) as connection:
        connection.execute(f"UPDATE item_states SET due_at = {soon}")
    connection.close()
    window.refresh_due()
    assert window.sidebar.item(REVIEW).text() == "Review"
    assert window.due_timer.remainingTime() <= 3_000
    qtbot.waitUntil(lambda: window.sidebar.item(REVIEW).text().startswith("Review ("), timeout=6000)
    count = window.sidebar.item(REVIEW).text().removeprefix("Review (").removesuffix(")")
    assert window.review_page.start.text() == f"Start review ({count})"


def test_review_runs_in_rounds_until_nothing_is_due(
    make_window: MakeWindow, qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(review_page, "REVIEW_ROUND", 2)  # rounds of two questions
    window = make_window()
    start_quiz(window, qtbot, "concept_definition", length=14)
    take_quiz(window, qtbot, by_keyboard=True)
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE item_states SET due_at = '2020-01-01 00:00:00'")
    connection.close()
    due = due_in(db_path)
    assert due > 8  # more than two questions can cover
    window.refresh_progress()
    window.go(REVIEW)
    assert window.review_page.start.text() == f"Start review ({due})"
    qtbot.mouseClick(window.review_page.start, Qt.MouseButton.LeftButton)
    results, rounds = window.quiz_page.results_panel, 0
    while True:
        # the review is a quiz on screen, and the side bar says where the learner is
        assert window.pages.currentIndex() == QUIZ and window.sidebar.currentRow() == REVIEW
        assert len(take_quiz(window, qtbot, by_keyboard=True)) <= 2
        rounds += 1
        left = due_in(db_path)  # a question may cover several items (a matching four)
        if not left:
            break
        assert results.keep_going.isVisible() and results.keep_going.hasFocus()
        assert results.keep_going.text() == f"Keep going ({left} due)"
        qtbot.keyClick(results.keep_going, Qt.Key.Key_Return)
        assert window.quiz_page.currentWidget() is window.quiz_page.question_panel
    assert rounds >= 2
    assert not results.keep_going.isVisible()
    assert results.caught_up.text().startswith("All caught up")
    assert window.sidebar.item(REVIEW).text() == "Review"


def test_an_ordinary_quiz_offers_no_review_round(window: MainWindow, qtbot: QtBot) -> None:
    start_quiz(window, qtbot, "true_false", length=1)
    take_quiz(window, qtbot, by_keyboard=True)
    results = window.quiz_page.results_panel
    assert not results.keep_going.isVisible() and not results.caught_up.isVisible()
