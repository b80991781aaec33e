"""The quiz, results, review and progress screens, driven by keyboard alone and by mouse."""

from __future__ import annotations

import sqlite3
import string
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studyapp.quiz import QUESTION_TYPES, Question, as_option
from studyapp.ui.answer_widgets import ChoiceAnswer, MatchAnswer, OrderAnswer, TypedAnswer
from studyapp.ui.main_window import PROGRESS, QUIZ, MainWindow
from studyapp.ui.qt import QApplication, Qt, QWidget
from tests.ui.conftest import MakeWindow

KEYS = {str(n): getattr(Qt.Key, f"Key_{n}") for n in range(1, 10)}
KEYS.update({c: getattr(Qt.Key, f"Key_{c.upper()}") for c in string.ascii_lowercase})


def answers_in(db: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT question_type, correct FROM answers").fetchall()


def start_quiz(window: MainWindow, qtbot: QtBot, kind: str, length: int = 3) -> None:
    window.go(QUIZ)
    setup = window.quiz_page.setup
    setup.tick_all()
    setup.length.setValue(length)
    for name, box in setup.type_boxes.items():
        box.setChecked(name == kind)
    setup.start.setFocus()
    qtbot.keyClick(setup.start, Qt.Key.Key_Return)
    assert window.quiz_page.currentWidget() is window.quiz_page.question_panel


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: str | Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    code = KEYS[key] if isinstance(key, str) else key
    if modifier is None:
        qtbot.keyClick(focused(), code)
    else:
        qtbot.keyClick(focused(), code, modifier)


def answer_by_keyboard(window: MainWindow, qtbot: QtBot, question: Question) -> None:
    widget = window.quiz_page.question_panel.answer
    if isinstance(widget, ChoiceAnswer):
        assert question.options is not None
        if question.type == "true_false":
            press(qtbot, str(question.answer)[0].lower())
        else:
            press(qtbot, str(question.options.index(str(question.answer)) + 1))
    elif isinstance(widget, TypedAnswer):
        qtbot.keyClicks(focused(), str(question.answer))
        press(qtbot, Qt.Key.Key_Return)
    elif isinstance(widget, OrderAnswer):
        order = widget.list
        for place, title in enumerate(question.answer):
            row = order.order().index(str(title))
            while order.currentRow() != row:  # walk the selection with the arrow keys
                step = Qt.Key.Key_Down if order.currentRow() < row else Qt.Key.Key_Up
                press(qtbot, step)
            for _ in range(row - place):
                press(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
        press(qtbot, Qt.Key.Key_Return)
    elif isinstance(widget, MatchAnswer):
        assert question.options is not None
        for number, (_term, definition) in enumerate(question.pairs, 1):
            press(qtbot, str(number))
            press(qtbot, string.ascii_lowercase[question.options.index(definition)])
        press(qtbot, Qt.Key.Key_Return)


def answer_by_mouse(window: MainWindow, qtbot: QtBot, question: Question) -> None:
    left = Qt.MouseButton.LeftButton
    widget = window.quiz_page.question_panel.answer
    if isinstance(widget, ChoiceAnswer):
        card = next(c for c in widget.cards if c.text == as_option(str(question.answer)))
        qtbot.mouseClick(card, left)
    elif isinstance(widget, TypedAnswer):
        qtbot.mouseClick(widget.field, left)
        qtbot.keyClicks(widget.field, str(question.answer))
        qtbot.mouseClick(widget.check, left)
    elif isinstance(widget, OrderAnswer):
        order = widget.list
        for place, title in enumerate(question.answer):
            row = order.order().index(str(title))
            rect = order.visualItemRect(order.item(row))
            qtbot.mouseClick(order.viewport(), left, pos=rect.center())
            for _ in range(row - place):
                qtbot.mouseClick(widget.up, left)
        qtbot.mouseClick(widget.check, left)
    elif isinstance(widget, MatchAnswer):
        assert question.options is not None
        for number, (_term, definition) in enumerate(question.pairs):
            qtbot.mouseClick(widget.term_buttons[number], left)
            qtbot.mouseClick(widget.cards[question.options.index(definition)], left)
        qtbot.mouseClick(widget.check, left)


def take_quiz(window: MainWindow, qtbot: QtBot, by_keyboard: bool) -> list[Question]:
    asked = []
    panel = window.quiz_page.question_panel
    while window.quiz_page.currentWidget() is panel:
        question = panel.question
        assert question is not None
        asked.append(question)
        (answer_by_keyboard if by_keyboard else answer_by_mouse)(window, qtbot, question)
        assert panel.feedback.isVisible()
        assert panel.verdict.text() == "✓ Correct"
        if by_keyboard:
            assert focused() is panel.next
            press(qtbot, Qt.Key.Key_Space if len(asked) % 2 else Qt.Key.Key_Return)
        else:
            qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    return asked


@pytest.mark.parametrize("kind", QUESTION_TYPES)
def test_a_whole_quiz_by_keyboard_alone(
    make_window: MakeWindow, qtbot: QtBot, db_path: Path, kind: str
) -> None:
    window = make_window()
    start_quiz(window, qtbot, kind)
    asked = take_quiz(window, qtbot, by_keyboard=True)
    assert asked and {q.type for q in asked} == {kind}
    assert answers_in(db_path) == [(kind, 1)] * len(asked)
    results = window.quiz_page.results_panel
    assert window.quiz_page.currentWidget() is results
    assert results.score.text() == f"{len(asked)} / {len(asked)}"


@pytest.mark.parametrize("kind", QUESTION_TYPES)
def test_a_whole_quiz_by_mouse(
    make_window: MakeWindow, qtbot: QtBot, db_path: Path, kind: str
) -> None:
    window = make_window()
    start_quiz(window, qtbot, kind)
    asked = take_quiz(window, qtbot, by_keyboard=False)
    assert answers_in(db_path) == [(kind, 1)] * len(asked)


def test_wrong_answers_are_shown_and_can_be_retried(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    start_quiz(window, qtbot, "concept_definition", length=2)
    panel = window.quiz_page.question_panel
    for _ in range(2):
        question = panel.question
        assert question is not None and question.options is not None
        wrong = next(o for o in question.options if o != question.answer)
        press(qtbot, str(question.options.index(wrong) + 1))
        assert panel.verdict.text() == "✗ Not quite"
        assert panel.verdict.property("state") == "wrong"
        said, shown = (
            panel.feedback_text.text(),
            " ".join(text.text() for text in (panel.feedback_text, panel.why, panel.lesson_says)),
        )
        assert f"<b>You said:</b> {wrong}" in said
        assert f"<b>Correct answer:</b> {question.answer}" in said
        assert shown.count(str(question.answer)) == 1  # once, not three times
        assert panel.lesson_says.text() == f"The lesson says: “{question.source}”"
        press(qtbot, Qt.Key.Key_Return)
    results = window.quiz_page.results_panel
    assert results.score.text() == "0 / 2"
    assert results.missed_list.count() == 2
    qtbot.mouseClick(results.retry, Qt.MouseButton.LeftButton)
    assert window.quiz_page.currentWidget() is panel
    take_quiz(window, qtbot, by_keyboard=True)
    with sqlite3.connect(db_path) as connection:
        modes = [m for (m,) in connection.execute("SELECT mode FROM quiz_sessions ORDER BY id")]
    assert modes == ["quiz", "retry"]
    assert [c for _, c in answers_in(db_path)] == [0, 0, 1, 1]


def test_show_in_lesson_opens_the_lesson_at_the_sentence(window: MainWindow, qtbot: QtBot) -> None:
    start_quiz(window, qtbot, "cloze", length=1)
    panel = window.quiz_page.question_panel
    question = panel.question
    assert question is not None
    answer_by_keyboard(window, qtbot, question)
    qtbot.mouseClick(panel.show_source, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == 0
    assert window.lesson_id == question.lesson_id
    assert window.reader.highlighted() == question.source
    text = window.reader.text
    cursor = text.textCursor()
    cursor.setPosition(text.document().toPlainText().index(question.source))
    rect = text.cursorRect(cursor)
    assert text.viewport().rect().contains(rect.center()), "the sentence is scrolled into view"
    # The highlight belongs to that lesson: the next or previous one opens without it (it
    # used to stay at the old character positions, starting mid-word).
    number = window.course.lesson(question.lesson_id).number if window.course else 0
    (window.next_lesson if number < 8 else window.previous_lesson)()
    assert window.lesson_id != question.lesson_id
    assert text.extraSelections() == [] and window.reader.highlighted() == ""


def test_closing_mid_quiz_keeps_the_answers_and_offers_to_resume(
    make_window: MakeWindow, qtbot: QtBot, db_path: Path
) -> None:
    window = make_window()
    start_quiz(window, qtbot, "true_false", length=4)
    question = window.quiz_page.question_panel.question
    assert question is not None
    answer_by_keyboard(window, qtbot, question)
    window.close()
    assert len(answers_in(db_path)) == 1

    again = make_window()
    again.go(QUIZ)
    setup = again.quiz_page.setup
    assert setup.resume_box.isVisible()
    assert "1 of 4 answered" in setup.resume_text.text()
    setup.resume_requested.emit()
    panel = again.quiz_page.question_panel
    assert panel.position.text().startswith("Question 2 of 4")
    take_quiz(again, qtbot, by_keyboard=True)
    assert len(answers_in(db_path)) == 4
    assert "plus 1 answered before you resumed" in again.quiz_page.results_panel.summary.text()
    again.go(QUIZ)
    assert not again.quiz_page.setup.resume_box.isVisible()


def test_abandoning_keeps_what_was_answered(
    make_window: MakeWindow, qtbot: QtBot, db_path: Path
) -> None:
    window = make_window()
    start_quiz(window, qtbot, "true_false", length=3)
    question = window.quiz_page.question_panel.question
    assert question is not None
    answer_by_keyboard(window, qtbot, question)
    window.close()
    again = make_window()
    again.go(QUIZ)
    again.quiz_page.setup.abandon_requested.emit()
    assert not again.quiz_page.setup.resume_box.isVisible()
    assert len(answers_in(db_path)) == 1


def test_quiz_me_on_this_lesson_ticks_that_lesson(window: MainWindow, qtbot: QtBot) -> None:
    window.open_lesson("russia-perspective")
    qtbot.mouseClick(window.reader.quiz_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == QUIZ
    assert window.quiz_page.setup.chosen_lessons() == ["russia-perspective"]
    assert window.quiz_page.setup.length.value() == 10
    assert window.quiz_page.setup.chosen_types() == list(QUESTION_TYPES)


def test_progress_screen_for_a_new_learner_says_what_to_do(window: MainWindow) -> None:
    window.go(PROGRESS)
    page = window.progress_page
    assert page is not None and page.isVisible()
    texts = " ".join(label.text() for label in page.findChildren(type(window.lessons.banner)))
    assert "No progress yet" in texts


def test_progress_screen_with_a_history(
    make_window: MakeWindow, qtbot: QtBot, db_path: Path
) -> None:
    import datetime as dt

    from studyapp.demo import seed_history
    from studyapp.service import StudyService
    from tests.conftest import CONTENT

    seeding = StudyService.open(CONTENT, str(db_path))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    given = seed_history(seeding, "nato-russia", days=30, now=now)
    seeding.close()
    window = make_window()
    window.go(PROGRESS)
    page = window.progress_page
    assert page is not None
    from studyapp.ui.heatmap import CalendarHeatmap
    from studyapp.ui.progress_page import PercentRows
    from studyapp.ui.qt_charts import QChartView

    assert len(page.findChildren(QChartView)) == 2  # accuracy over time, the forecast
    mastery, _topics = page.findChildren(PercentRows)
    names = [label.text() for label in mastery.findChildren(type(window.lessons.banner))]
    assert window.course is not None
    for lesson in window.course.lessons:  # whole names, never cut to "…"
        assert f"{lesson.number}. {lesson.title}" in names
    # Tab never stops on a chart: it does nothing with the keyboard, and showed no focus.
    assert all(v.focusPolicy() == Qt.FocusPolicy.NoFocus for v in page.findChildren(QChartView))
    [heatmap] = page.findChildren(CalendarHeatmap)
    assert sum(heatmap.counts.values()) == given
    texts = [label.text() for label in page.findChildren(type(window.lessons.banner))]
    assert str(given) in texts
    assert page.grab().width() > 0
    window.appearance.set_theme("dark")  # redraws in the other theme
    assert len(window.progress_page.findChildren(QChartView)) == 2
    buttons = [
        b for b in page.findChildren(type(window.lessons.banner_details)) if b.text() == "Read"
    ]
    assert len(buttons) == 10
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == 0


def test_lessons_show_mastery_after_a_quiz(window: MainWindow, qtbot: QtBot) -> None:
    from studyapp.ui.lesson_list import STATE_ROLE

    start_quiz(window, qtbot, "concept_definition", length=3)
    asked = take_quiz(window, qtbot, by_keyboard=True)
    lessons = {q.lesson_id for q in asked}
    for row in range(window.lesson_list.count()):
        item = window.lesson_list.item(row)
        lesson_id = item.data(Qt.ItemDataRole.UserRole)
        if lesson_id in lessons:
            assert "mastery" in item.data(STATE_ROLE)


def test_settings_are_applied_and_remembered(make_window: MakeWindow, qtbot: QtBot) -> None:
    from studyapp.ui import settings_dialog

    window = make_window()
    dialog = settings_dialog.open_settings(window)  # as Ctrl+, opens it
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.text_size.setValue(13)
    dialog.length.setValue(7)
    for name, box in dialog.types.items():
        box.setChecked(name == "cloze")
    dialog.retention.setValue(93)
    dialog.goal.setValue(30)
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert window.appearance.choice == "dark"
    window.close()
    again = make_window()
    assert again.appearance.choice == "dark"
    assert QApplication.font().pointSize() == 13
    prefs = settings_dialog.current(again)
    assert (prefs.quiz_length, prefs.quiz_types, prefs.retention) == (7, ["cloze"], 0.93)
    assert prefs.daily_goal == 30
    assert again.lessons.goal.today.text() == "Today: 0 of 30 answers"
    again.go(QUIZ)
    assert again.quiz_page.setup.length.value() == 7
    assert again.quiz_page.setup.chosen_types() == ["cloze"]


def test_the_screenshots_command_writes_every_screen_and_state(tmp_path: Path) -> None:
    from studyapp.cli import main

    out = tmp_path / "shots"
    assert main(["screenshots", str(out)]) == 0
    names = sorted(p.name for p in out.glob("*.png"))
    assert len(names) >= 30
    for theme in ("light", "dark"):  # the main set in both themes
        themed = [n for n in names if n.endswith(f"-{theme}.png")]
        for screen in ("01-lessons", "02-reader", "03-quiz-setup", "06-results", "07-progress"):
            assert f"{screen}-{theme}.png" in themed
        assert sum(n.startswith("04-question-") for n in themed) == len(QUESTION_TYPES)
        assert f"08-review-empty-{theme}.png" in themed
        assert f"10-settings-{theme}.png" in themed
    for state in ("first-run", "largest-text", "small-window", "review-continues", "results",
                  "daily-goal", "feedback-wrong", "matching", "order"):  # fmt: skip
        assert any(state in name for name in names), state
    assert all((out / n).stat().st_size > 10_000 for n in names)


def test_tab_on_a_question_never_stops_on_an_invisible_frame(
    window: MainWindow, qtbot: QtBot
) -> None:
    from studyapp.ui.qt import QScrollArea

    start_quiz(window, qtbot, "concept_definition", length=1)
    stops = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    assert stops and not any(isinstance(widget, QScrollArea) for widget in stops)


def test_a_checked_ordering_keeps_no_row_selected(window: MainWindow, qtbot: QtBot) -> None:
    # The last row moved stayed highlighted over the ✓ and ✗ marks.
    start_quiz(window, qtbot, "event_order", length=1)
    question = window.quiz_page.question_panel.question
    widget = window.quiz_page.question_panel.answer
    assert question is not None and isinstance(widget, OrderAnswer)
    answer_by_keyboard(window, qtbot, question)
    assert widget.list.selectedItems() == [] and widget.list.currentRow() == -1
    assert all(widget.list.item(row).text().startswith("✓") for row in range(widget.list.count()))


def test_the_primary_action_of_each_screen_looks_primary(window: MainWindow, qtbot: QtBot) -> None:
    from studyapp.ui.qt import QPushButton

    setup = window.quiz_page.setup
    assert setup.start.objectName() == "primary"
    assert window.review_page.start.objectName() == "primary"
    abandon = next(b for b in setup.findChildren(QPushButton) if b.text() == "Abandon")
    assert abandon.objectName() != "primary"  # it must not look like Start
    start_quiz(window, qtbot, "cloze", length=1)
    panel = window.quiz_page.question_panel
    answer = panel.answer
    assert isinstance(answer, TypedAnswer) and answer.check.objectName() == "primary"
    assert panel.next.objectName() == "primary"
