"""The main window through pytest-qt: lessons, reader, navigation, themes, settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studyapp.ui import theme
from studyapp.ui.app import qt_problem, xcb_problem
from studyapp.ui.lesson_list import LESSON_ID_ROLE, STATE_ROLE
from studyapp.ui.main_window import MainWindow
from studyapp.ui.qt import QApplication, QGuiApplication, QPalette, QSettings, Qt
from tests.conftest import CONTENT, TOY_COURSE, WriteCourse
from tests.ui.conftest import MakeWindow


def lesson_ids(window: MainWindow) -> list[str]:
    items = window.lesson_list
    return [items.item(row).data(LESSON_ID_ROLE) for row in range(items.count())]


def shortcut(window: MainWindow, text: str) -> None:
    """Trigger the menu action bound to a key sequence, as the key press would."""
    for action in window.findChildren(type(window.menus.next_lesson)):
        if any(s.toString() == text for s in action.shortcuts()) and action.isEnabled():
            action.trigger()
            return
    raise AssertionError(f"no enabled action for {text}")


def test_window_lists_all_eight_lessons_and_opens_the_first(window: MainWindow) -> None:
    assert len(lesson_ids(window)) == 8
    assert lesson_ids(window)[0] == "introduction"
    assert window.lesson_id == "introduction"
    text = window.reader.text.toPlainText()
    assert text.startswith("Introduction\n")
    assert "Hey guys, let's dive into the nitty-gritty" in text
    assert window.windowTitle() == "Introduction — StudyApp"
    assert window.menuBar().actions()[0].text() == "&File"
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&View", "&Go", "&Help"]


def test_selecting_a_lesson_shows_its_text(window: MainWindow, qtbot: QtBot) -> None:
    rect = window.lesson_list.visualItemRect(window.lesson_list.item(2))
    qtbot.mouseClick(window.lesson_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.lesson_id == "key-events"
    text = window.reader.text.toPlainText()
    assert "The full-scale invasion of Ukraine in February 2022" in text
    assert window.reader.position.text() == "Lesson 3 of 8"


def test_next_and_previous_by_button_and_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    assert not window.reader.previous_button.isEnabled()
    qtbot.mouseClick(window.reader.next_button, Qt.MouseButton.LeftButton)
    assert window.lesson_id == "current-standoff"
    shortcut(window, "Alt+Right")
    assert window.lesson_id == "key-events"
    shortcut(window, "Alt+Left")
    assert window.lesson_id == "current-standoff"
    assert window.lesson_list.currentItem().data(LESSON_ID_ROLE) == "current-standoff"
    window.lesson_list.setFocus()
    qtbot.keyClick(window.lesson_list, Qt.Key.Key_End)
    assert window.lesson_id == "conclusion"
    assert not window.reader.next_button.isEnabled()
    assert not window.menus.next_lesson.isEnabled()


def test_key_terms_are_highlighted_with_their_definition(window: MainWindow) -> None:
    window.open_lesson("nato-response")
    shown = dict(window.reader.key_terms_shown())
    assert shown["Article 5"] == "concept:article-5"
    assert shown["collective defense"] == "concept:collective-defence"
    document = window.reader.text.document()
    at = document.toPlainText().index("Article 5") + 1
    cursor = window.reader.text.textCursor()
    cursor.setPosition(at)
    tip = cursor.charFormat().toolTip()
    assert "<b>Article 5</b>" in tip and "attack on all" in tip


def test_reaching_the_end_marks_a_lesson_read(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window()
    window.open_lesson("key-events")
    bar = window.reader.text.verticalScrollBar()
    bar.setValue(bar.maximum())
    window.open_lesson("nato-response")  # leaving the lesson records the sitting
    item = window.lesson_list.item(2)
    assert item.data(STATE_ROLE) == "✓ Read"
    assert window.lesson_list.item(3).data(STATE_ROLE) == "Not read yet"
    window.close()

    again = make_window()
    assert again.lesson_list.is_read("key-events")
    assert not again.lesson_list.is_read("introduction")


def test_reaching_the_end_shows_the_lesson_read_at_once(window: MainWindow, qtbot: QtBot) -> None:
    # It used to show "read" only once the learner left the lesson.
    window.open_lesson("key-events")
    bar = window.reader.text.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: window.lesson_list.item(2).data(STATE_ROLE) == "✓ Read", timeout=2000)
    assert window.lesson_id == "key-events"
    assert window.reader.read


def test_window_size_and_last_lesson_are_remembered(make_window: MakeWindow) -> None:
    window = make_window()
    window.resize(760, 520)
    window.open_lesson("russia-perspective")
    window.close()
    again = make_window()
    assert again.lesson_id == "russia-perspective"
    assert again.size().width() == 760 and again.size().height() == 520


def test_theme_switches_and_is_remembered(make_window: MakeWindow) -> None:
    window = make_window()
    window.appearance.set_theme("dark")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.palette().color(QPalette.ColorRole.Window).name() == theme.DARK.window
    window.appearance.set_theme("light")
    assert app.palette().color(QPalette.ColorRole.Window).name() == theme.LIGHT.window
    window.appearance.set_theme("dark")
    window.close()
    again = make_window()
    assert again.appearance.choice == "dark"
    checked = [a.data() for a in again.menus.themes.actions() if a.isChecked()]
    assert checked == ["dark"]
    assert app.palette().color(QPalette.ColorRole.Window).name() == theme.DARK.window


def test_text_size_keys_scale_the_reader(window: MainWindow) -> None:
    before = window.reader.text.document().defaultFont().pointSizeF()
    shortcut(window, "Ctrl+=")
    shortcut(window, "Ctrl+=")
    bigger = window.reader.text.document().defaultFont().pointSizeF()
    assert bigger > before
    shortcut(window, "Ctrl+-")
    assert before < window.reader.text.document().defaultFont().pointSizeF() < bigger
    shortcut(window, "Ctrl+0")
    assert window.reader.text.document().defaultFont().pointSizeF() == before
    assert int(str(window.settings.value("text_size"))) == window.appearance.default_text_size


def test_find_in_lesson_highlights_every_match(window: MainWindow, qtbot: QtBot) -> None:
    window.open_lesson("key-events")
    shortcut(window, "Ctrl+F")
    bar = window.reader.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.field, "NATO")
    expected = window.reader.text.toPlainText().lower().count("nato")
    assert len(bar.matches) == expected > 1
    assert bar.count.text() == f"1 of {expected}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == f"2 of {expected}"
    assert len(window.reader.text.extraSelections()) == expected
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.reader.text.extraSelections() == []


def test_find_says_when_nothing_matches(window: MainWindow, qtbot: QtBot) -> None:
    window.reader.find_bar.open_bar()
    qtbot.keyClicks(window.reader.find_bar.field, "zebra")
    assert window.reader.find_bar.count.text() == "No matches"


def test_a_broken_course_is_shown_without_hiding_the_good_one(
    make_window: MakeWindow, write_course: WriteCourse, tmp_path: Path
) -> None:
    root = write_course().parent
    write_course("broken", **{"course.yaml": "id: broken\ntitle: [oops\n"})
    window = make_window(root)
    assert window.lessons.banner.isVisible()
    assert "broken" in window.lessons.banner.text()
    assert window.course is not None and window.course.id == "toy"
    assert lesson_ids(window) == ["first", "second"]


def test_lesson_text_is_never_markup(make_window: MakeWindow, write_course: WriteCourse) -> None:
    text = TOY_COURSE.replace('"Cats prefer naps.', '"<b>Bold</b> <img src=x> Cats prefer naps.')
    root = write_course(**{"course.yaml": text}).parent
    window = make_window(root)
    assert "<b>Bold</b> <img src=x> Cats prefer naps." in window.reader.text.toPlainText()


def test_a_display_library_that_cannot_load_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM")
    broken = tmp_path / "libqxcb.so"
    broken.write_bytes(b"\x7fELF not really a library")
    problem = xcb_problem(broken)
    assert problem is not None
    assert problem.startswith(f"Qt cannot open a window on this X11 display: {broken}")
    assert "sudo apt install" in problem


def test_no_display_check_when_another_platform_is_chosen() -> None:
    assert xcb_problem(Path("/nowhere/libqxcb.so")) is None  # QT_QPA_PLATFORM=offscreen


def test_file_menu_imports_an_article_and_exports(
    make_window: MakeWindow, content_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studyapp.ui.course_editor import CourseEditor
    from studyapp.ui.qt import QMessageBox
    from tests.conftest import ROOT

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    window = make_window(content_dir)
    names = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert {"&Import article…", "Export course to &Anki…", "Export answers as &CSV…"} <= set(names)
    window.files.import_article(str(ROOT / "tests" / "data" / "printing-press.md"))
    assert window.course is not None and window.course.id == "printing-press"
    assert window.lessons.course_picker.isVisible() and window.lessons.course_picker.count() == 2
    assert lesson_ids(window)[1] == "gutenberg-s-workshop"
    editor = window.findChild(CourseEditor)  # the items found, to check at once
    assert editor is not None and editor.isVisible()
    assert editor.intro.text().startswith("Imported “The Printing Press and Its Age”: 4 lessons")
    editor.close()
    window.files.import_article(str(ROOT / "tests" / "data" / "printing-press.md"))
    assert "already exists" in shown[-1]

    deck = tmp_path / "press.apkg"
    window.files.export_anki(str(deck))
    assert deck.stat().st_size > 1000
    answers = tmp_path / "answers.csv"
    window.files.export_answers(str(answers))
    assert answers.read_text(encoding="utf-8").startswith("answered_at_utc,")


def test_headings_and_prompts_follow_the_text_size(window: MainWindow) -> None:
    window.go(1)  # the quiz screen: its heading is larger than the text around it
    heading = window.quiz_page.setup.title
    prompt = window.quiz_page.question_panel.prompt
    base = QApplication.font().pointSizeF()
    heading.ensurePolished()
    assert heading.font().pointSizeF() == pytest.approx(base * 1.4, abs=0.1)
    assert heading.font().bold()
    window.appearance.change_text_size(+4)
    window.appearance.set_theme("dark")  # a theme change must not undo the sizes
    for widget in (heading, prompt):
        widget.ensurePolished()
    assert heading.font().pointSizeF() == pytest.approx((base + 4) * 1.4, abs=0.1)
    assert prompt.font().pointSizeF() == pytest.approx((base + 4) * 1.2, abs=0.1)


def test_a_qt_the_app_cannot_run_on_is_one_message_not_a_crash() -> None:
    # PySide6 6.12.0 crashed on exit (a QPainter freed while in use).
    assert "cannot run StudyApp" in str(qt_problem("6.12.0"))
    assert "too old" in str(qt_problem("6.5.3"))
    assert qt_problem("6.11.3") is None and qt_problem("6.13.1") is None


def test_no_warning_banner_flashes_while_the_app_opens(qtbot: QtBot, tmp_path: Path) -> None:
    # The window paints before the courses are loaded: an empty yellow banner and
    # "Show problems…" showed in that first frame.
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.opening.text() == "Opening your lessons…"  # the first frame
    assert window.opening.alignment() == Qt.AlignmentFlag.AlignCenter  # by the style sheet
    window.build()  # the screens, while the service still opens
    assert not window.lessons.banner.isVisible()
    assert not window.lessons.banner_details.isVisible()
    assert not window.central.isEnabled()


def test_mastery_is_explained_in_plain_words_where_it_shows(window: MainWindow) -> None:
    tip = window.lesson_list.item(0).toolTip()
    assert "Mastery: the chance you would recall its items a week from now." in tip


def test_a_returning_learner_reads_the_last_lesson_while_progress_opens(
    qtbot: QtBot, tmp_path: Path, db_path: Path
) -> None:
    from studyapp.content import load_catalogue
    from studyapp.service import StudyService

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("last_course", "nato-russia")
    settings.setValue("last_lesson", "key-events")
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.preview(load_catalogue(CONTENT).courses)
    assert window.reader.lesson is not None and window.reader.lesson.id == "key-events"
    assert "Read" not in window.reader.text.toPlainText().splitlines()[1]  # not known yet
    assert not window.sidebar.isEnabled() and not window.lesson_list.isEnabled()
    assert not window.reader.next_button.isEnabled()  # moving on waits for the progress
    service = StudyService.open(CONTENT, str(db_path))
    window.attach(service)
    assert window.sidebar.isEnabled() and window.lesson_list.isEnabled()
    assert window.lesson_id == "key-events"
    assert "Not read yet" in window.reader.text.toPlainText()
    window.close()
    service.close()


def test_a_first_run_waits_for_the_progress_to_welcome(qtbot: QtBot, tmp_path: Path) -> None:
    from studyapp.content import load_catalogue

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    assert not window.preview(load_catalogue(CONTENT).courses)
    assert window.opening.text() == "Opening your lessons…"


def test_a_system_theme_follows_the_desktop_into_the_dark_and_back(
    make_window: MakeWindow,
) -> None:
    window = make_window()
    window.appearance.set_theme("system")
    hints = QGuiApplication.styleHints()
    try:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert window.appearance.colors is theme.DARK
        assert window.palette().color(QPalette.ColorRole.Window).name() == theme.DARK.window
        window.appearance.set_theme("light")
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert window.appearance.colors is theme.LIGHT  # a chosen theme stays chosen
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert window.appearance.colors is theme.LIGHT
    finally:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)  # as the offscreen desktop is
    window.appearance.set_theme("system")
    assert window.appearance.colors is theme.LIGHT


def test_the_chosen_lesson_is_drawn_selected_in_the_list(window: MainWindow) -> None:
    window.lesson_list.setCurrentRow(2)
    image = window.lesson_list.viewport().grab().toImage()
    highlight = window.lesson_list.palette().color(QPalette.ColorRole.Highlight).name()

    def background(row: int) -> str:
        rect = window.lesson_list.visualRect(window.lesson_list.model().index(row, 0))
        return image.pixelColor(rect.right() - 6, rect.center().y()).name()

    assert background(2) == highlight
    assert background(1) != highlight and background(3) != highlight
