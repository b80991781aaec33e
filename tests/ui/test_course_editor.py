"""File → Edit course: accept, edit with a validation error, delete, save and reload, by
keyboard, on a real window and the course's real YAML file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studyapp.content import load_course
from studyapp.ui.course_editor import CourseEditor
from studyapp.ui.item_form import field_text
from studyapp.ui.main_window import MainWindow
from studyapp.ui.qt import QMessageBox, Qt
from tests.curation_course import IMPORTED
from tests.ui.conftest import MakeWindow


@pytest.fixture
def canal(tmp_path: Path) -> Path:
    content = tmp_path / "courses"
    (content / "canal").mkdir(parents=True)
    (content / "canal" / "course.yaml").write_text(IMPORTED, encoding="utf-8")
    return content


@pytest.fixture
def canal_window(make_window: MakeWindow, canal: Path) -> MainWindow:
    return make_window(canal)


def open_editor(window: MainWindow, qtbot: QtBot) -> CourseEditor:
    action = next(
        a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "&Edit course…"
    )
    assert action.shortcut().toString() == "Ctrl+E"
    action.trigger()
    editor = window.findChild(CourseEditor)
    assert editor is not None
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)  # shortcuts need it
    editor.list.setFocus()
    return editor


def rows(editor: CourseEditor) -> list[str]:
    return [editor.list.item(i).text().split("\n")[0] for i in range(editor.list.count())]


def press(qtbot: QtBot, editor: CourseEditor, key: Qt.Key) -> None:
    qtbot.keyClick(editor.list, key)


def test_keys_accept_and_delete_and_the_list_follows(
    canal_window: MainWindow, qtbot: QtBot, canal: Path
) -> None:
    editor = open_editor(canal_window, qtbot)
    assert editor.counts.text() == "7 of 7 items to check"
    assert rows(editor)[0] == "● lock"
    assert editor.kind.text() == "Key term · found automatically, to check"
    press(qtbot, editor, Qt.Key.Key_A)  # "lock" is right: it leaves the list to check
    assert rows(editor)[0] == "● Cape Horn"
    assert editor.counts.text() == "6 of 7 items to check"
    press(qtbot, editor, Qt.Key.Key_J)
    assert editor.current == "event:work-began"
    press(qtbot, editor, Qt.Key.Key_K)
    press(qtbot, editor, Qt.Key.Key_D)  # Cape Horn is not worth a question
    assert "● Cape Horn" not in rows(editor) and editor.current == "event:work-began"
    assert editor.counts.text() == "5 of 6 items to check"
    assert editor.save_button.isEnabled()
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    course = load_course(canal / "canal")
    assert not course.item("concept:lock").generated
    assert "concept:cape-horn" not in {item.id for item in course.items}
    assert canal_window.service.course("canal").item("concept:lock").generated is False
    assert not editor.save_button.isEnabled()


def test_an_edit_is_checked_as_it_is_typed_and_escape_takes_it_back(
    canal_window: MainWindow, qtbot: QtBot, canal: Path
) -> None:
    editor = open_editor(canal_window, qtbot)
    press(qtbot, editor, Qt.Key.Key_J)
    press(qtbot, editor, Qt.Key.Key_J)  # the first event
    press(qtbot, editor, Qt.Key.Key_E)
    title = editor.form.fields["title"]
    assert title.hasFocus() and title.selectedText() == "Work began"
    qtbot.keyClicks(title, "Work on the canal begins")
    quote = editor.form.fields["quote"]
    quote.setFocus()
    quote.selectAll()
    qtbot.keyClicks(quote, "Work began in May.")
    qtbot.waitUntil(lambda: editor.problem.text() != "")
    assert editor.problem.text() == (
        '✗ The sentence is not word for word in the lesson: "Work began in May."'
    )
    assert editor.draft.item("event:work-began").label == "Work on the canal begins"
    qtbot.keyClick(quote, Qt.Key.Key_Escape)  # the sentence as it was; the title kept
    assert editor.list.hasFocus()
    assert field_text(editor.form.fields["quote"]) == "Work began on May 4, 1904."
    assert editor.list.currentItem().text().startswith("● Work on the canal begins")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = load_course(canal / "canal").item("event:work-began")
    assert (saved.label, saved.quote) == ("Work on the canal begins", "Work began on May 4, 1904.")


def test_a_term_needs_its_meaning_before_it_is_accepted(
    canal_window: MainWindow, qtbot: QtBot
) -> None:
    editor = open_editor(canal_window, qtbot)
    press(qtbot, editor, Qt.Key.Key_J)
    assert editor.current == "concept:cape-horn"
    press(qtbot, editor, Qt.Key.Key_A)
    meaning = editor.form.fields["definition"]
    assert meaning.hasFocus()
    assert editor.problem.text() == "✗ To accept it, write what the term means"
    qtbot.keyClicks(meaning, "The southern tip of South America.")
    qtbot.keyClick(meaning, Qt.Key.Key_Return)
    assert editor.list.hasFocus() and editor.problem.text() == ""
    press(qtbot, editor, Qt.Key.Key_A)
    assert editor.draft.item("concept:cape-horn").generated is False


def test_closing_with_changes_asks_and_save_keeps_them(
    canal_window: MainWindow, qtbot: QtBot, canal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(canal_window, qtbot)
    editor.only_accepted.setChecked(True)
    press(qtbot, editor, Qt.Key.Key_A)
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(QMessageBox.StandardButton.Save.value)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    press(qtbot, editor, Qt.Key.Key_Escape)
    assert asked == ["Save your changes to the course?"]
    assert not editor.isVisible()
    course = canal_window.service.course("canal")
    assert course.quiz_only_accepted
    assert [item.id for item in course.items] == ["concept:lock"]  # only what was accepted
    assert canal_window.course is not None and canal_window.course.quiz_only_accepted


def test_closing_without_saving_leaves_the_file_alone(
    canal_window: MainWindow, qtbot: QtBot, canal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (canal / "canal" / "course.yaml").read_text(encoding="utf-8")
    editor = open_editor(canal_window, qtbot)
    press(qtbot, editor, Qt.Key.Key_D)
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: int(QMessageBox.StandardButton.Cancel.value)
    )
    editor.close()
    assert editor.isVisible()  # Cancel: still editing
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: int(QMessageBox.StandardButton.Discard.value)
    )
    editor.close()
    assert not editor.isVisible()
    assert (canal / "canal" / "course.yaml").read_text(encoding="utf-8") == before


def test_a_course_with_nothing_to_check_lists_every_item(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_editor(window, qtbot)
    assert editor.filter.currentText() == "All items"
    assert editor.counts.text().startswith("All ") and editor.counts.text().endswith("accepted")
    assert rows(editor)[0].startswith("✓ ")
    editor.filter.setCurrentIndex(0)
    assert editor.list.count() == 0
    assert editor.kind.text() == "Nothing to check: every item is accepted."


def test_at_the_largest_text_in_a_small_window_the_fields_never_overlap(
    canal_window: MainWindow, qtbot: QtBot
) -> None:
    from studyapp.ui.preferences import MAX_TEXT_SIZE

    canal_window.appearance.set_text_size(MAX_TEXT_SIZE)
    editor = open_editor(canal_window, qtbot)
    editor.resize(800, 600)
    editor.list.setCurrentRow(1)  # a term: term, meaning and sentence
    qtbot.wait(50)
    assert editor.width() <= 800
    fields = list(editor.form.fields.values())
    tops = [f.mapTo(editor.form, f.rect().topLeft()).y() for f in fields]
    bottoms = [top + f.height() for top, f in zip(tops, fields, strict=True)]
    assert all(bottoms[i] <= tops[i + 1] for i in range(len(fields) - 1)), (tops, bottoms)
    assert fields[-1].height() >= 3 * fields[-1].fontMetrics().lineSpacing()  # three lines
