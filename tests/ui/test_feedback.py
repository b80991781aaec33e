"""Feedback a learner can scan: what they said, the right answer once, one line of why;
terms named with their definitions, never letter codes; rows tinted like the cards."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from studyapp.ui.answer_widgets import TINTS, MatchAnswer, OrderAnswer, TypedAnswer
from studyapp.ui.main_window import MainWindow
from studyapp.ui.qt import Qt
from tests.ui.test_quiz_screens import press, start_quiz


def test_a_wrong_match_names_each_term_with_its_definition(
    window: MainWindow, qtbot: QtBot
) -> None:
    start_quiz(window, qtbot, "matching", length=1)
    panel = window.quiz_page.question_panel
    question, widget = panel.question, panel.answer
    assert question is not None and question.options is not None
    assert isinstance(widget, MatchAnswer)
    # pair every term with the next term's definition: all wrong
    shifted = [question.answer[(i + 1) % len(question.terms)] for i in range(len(question.terms))]
    for number, definition in enumerate(shifted, 1):
        press(qtbot, str(number))
        press(qtbot, "abcdef"[question.options.index(str(definition))])
    press(qtbot, Qt.Key.Key_Return)
    meaning = dict(question.pairs)
    for card in widget.cards:
        term = next(t for t, d in question.pairs if d == card.text)
        assert card.status.text().startswith(f"✗ {term} (not ")
        assert card.property("state") == "wrong"
    for button in widget.term_buttons:
        assert button.text().startswith("✗  ") and "→" not in button.text()
    shown = panel.feedback_text.text()
    assert panel.verdict.text() == f"✗ 0 of {len(question.terms)} pairs right"
    assert "<b>To learn:</b>" in shown
    assert not widget.check.isVisible() and not widget.hint.isVisible()
    for term in question.terms:
        assert f"{term}: {meaning[term]}" in shown
    press(qtbot, Qt.Key.Key_Return)
    results = window.quiz_page.results_panel
    listed = results.missed_list.item(0).text()
    assert listed.startswith(question.prompt)
    assert f"Mismatched: {', '.join(question.terms)}" in listed
    assert f"    {question.terms[0]}: {meaning[question.terms[0]]}" in listed


def test_a_wrong_ordering_tints_each_row(window: MainWindow, qtbot: QtBot) -> None:
    start_quiz(window, qtbot, "event_order", length=1)
    panel = window.quiz_page.question_panel
    widget = panel.answer
    assert isinstance(widget, OrderAnswer) and panel.question is not None
    truth = list(panel.question.answer)
    press(qtbot, Qt.Key.Key_Return)  # the shuffled order, never the right one
    for row in range(widget.list.count()):
        item = widget.list.item(row)
        right = item.text().startswith("✓")
        assert right == (truth.index(item.text()[2:].split("  (comes")[0]) == row)
        assert item.background().color() == TINTS[right]
    assert panel.verdict.text().startswith(("◐", "✗"))
    assert "The order is: 1." in panel.why.text()


def test_a_wrong_typed_answer_is_said_back_with_the_right_one(
    window: MainWindow, qtbot: QtBot
) -> None:
    start_quiz(window, qtbot, "cloze", length=1)
    panel = window.quiz_page.question_panel
    widget = panel.answer
    assert isinstance(widget, TypedAnswer) and panel.question is not None
    qtbot.keyClicks(widget.field, "banana split")
    press(qtbot, Qt.Key.Key_Return)
    shown = panel.feedback_text.text()
    assert "<b>You said:</b> banana split" in shown
    assert f"<b>Correct answer:</b> {panel.question.answer}" in shown
    assert widget.field.property("state") == "wrong"
    assert panel.why.text() == panel.question.note and panel.why.isVisible()
    press(qtbot, Qt.Key.Key_Return)
    listed = window.quiz_page.results_panel.missed_list.item(0).text()
    assert "You said: banana split" in listed
    assert f"Correct answer: {panel.question.answer}" in listed
