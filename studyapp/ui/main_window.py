"""The main window: side bar, lessons page, menus, shortcuts and remembered settings."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from studyapp import __version__
from studyapp.content import Course
from studyapp.service import StudyService
from studyapp.ui import theme
from studyapp.ui.lesson_view import LessonList, LessonReader
from studyapp.ui.qt import (
    QAction,
    QActionGroup,
    QApplication,
    QCloseEvent,
    QComboBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSettings,
    QSplitter,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
)
from studyapp.ui.settings_dialog import MAX_TEXT_SIZE, MIN_TEXT_SIZE, SettingsDialog

MIN_SITTING_SECONDS = 2.0  # a glance while flicking through lessons is not a sitting
HELP_TEXT = """
<h3>Reading lessons</h3>
<p>Pick a lesson on the left. Underlined words are key terms: rest the mouse on one to see
its definition. A lesson counts as read once you have reached its end.</p>
<h3>Keyboard</h3>
<table cellpadding="3">
<tr><td><b>Alt+Right</b> / <b>Alt+Left</b></td><td>next / previous lesson</td></tr>
<tr><td><b>Ctrl+F</b></td><td>find in the lesson (Enter: next match, Esc: close)</td></tr>
<tr><td><b>Ctrl+=</b> / <b>Ctrl+-</b> / <b>Ctrl+0</b></td>
    <td>larger / smaller / default text</td></tr>
<tr><td><b>Ctrl+,</b></td><td>settings</td></tr>
<tr><td><b>Ctrl+Q</b></td><td>quit</td></tr>
</table>
<h3>From the terminal</h3>
<p><code>python main.py check</code> checks every course; <code>python main.py --help</code>
lists the other commands.</p>
"""


class MainWindow(QMainWindow):
    def __init__(self, service: StudyService, settings: QSettings) -> None:
        super().__init__()
        self.service = service
        self.settings = settings
        self.course: Course | None = None
        self.lesson_id: str | None = None
        self.opened_at = time.monotonic()
        self.saw_end = False
        self.default_text_size = QApplication.font().pointSize()
        self.setWindowTitle("StudyApp")
        self.setMinimumSize(720, 480)

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName("Sections")
        self.sidebar.addItem("Lessons")
        self.sidebar.item(0).setToolTip("Read the course's lessons")
        self.sidebar.setFixedWidth(170)
        self.sidebar.setCurrentRow(0)

        self.course_picker = QComboBox()
        self.course_picker.setToolTip("The course to study")
        self.course_picker.setAccessibleName("Course")
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner_details = QPushButton("Show problems…")
        self.banner_details.setToolTip("What is wrong in the courses that could not be opened")
        self.lesson_list = LessonList()
        self.reader = LessonReader()
        self.pages = QStackedWidget()
        self.pages.addWidget(self._lessons_page())

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_menus()

        self.lesson_list.lesson_chosen.connect(self.open_lesson)
        self.reader.previous_requested.connect(self.previous_lesson)
        self.reader.next_requested.connect(self.next_lesson)
        self.reader.reached_end.connect(self._on_reached_end)
        self.course_picker.currentIndexChanged.connect(self._on_course_picked)
        self.banner_details.clicked.connect(self.show_course_problems)

        self._apply_text_size(_setting_int(settings, "text_size", self.default_text_size))
        self.apply_theme(str(settings.value("theme", "system")))
        QApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme)
        self._fill_courses()
        self._restore()
        self.lesson_list.setFocus()

    # --- building ----------------------------------------------------------------------

    def _lessons_page(self) -> QWidget:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(8, 10, 4, 8)
        heading = QLabel("Lessons")
        heading.setObjectName("heading")
        column.addWidget(heading)
        column.addWidget(self.course_picker)
        column.addWidget(self.banner)
        column.addWidget(self.banner_details)
        column.addWidget(self.lesson_list, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 800])
        self.splitter.setChildrenCollapsible(False)
        return self.splitter

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        keys = QKeySequence.StandardKey
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        settings = self._action("&Settings…", self.open_settings, "Ctrl+,", "Theme and text size")
        settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        file_menu.addAction(settings)
        file_menu.addSeparator()
        quit_action = self._action("&Quit", self.close, keys.Quit, "Quit StudyApp")
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(quit_action)

        view = bar.addMenu("&View")
        theme_menu = view.addMenu("&Theme")
        self.theme_actions = QActionGroup(self)
        for choice in theme.THEME_CHOICES:
            label = {"system": "Follow the &system", "light": "&Light", "dark": "&Dark"}[choice]
            action = self._action(label, partial(self.set_theme, choice))
            action.setCheckable(True)
            action.setData(choice)
            self.theme_actions.addAction(action)
            theme_menu.addAction(action)
        view.addSeparator()
        larger = self._action("&Larger text", lambda: self.change_text_size(+1), keys.ZoomIn)
        larger.setShortcuts([QKeySequence("Ctrl+="), QKeySequence(keys.ZoomIn)])
        view.addAction(larger)
        view.addAction(
            self._action("&Smaller text", lambda: self.change_text_size(-1), QKeySequence("Ctrl+-"))
        )
        view.addAction(self._action("&Default text size", self.reset_text_size, "Ctrl+0"))

        go = bar.addMenu("&Go")
        self.previous_action = self._action(
            "&Previous lesson", self.previous_lesson, "Alt+Left", "Open the previous lesson"
        )
        self.next_action = self._action(
            "&Next lesson", self.next_lesson, "Alt+Right", "Open the next lesson"
        )
        go.addAction(self.previous_action)
        go.addAction(self.next_action)
        go.addSeparator()
        go.addAction(self._action("&Find in lesson…", self.reader.find_bar.open_bar, keys.Find))

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("StudyApp &Help", self.show_help, keys.HelpContents))
        about = self._action("&About StudyApp", self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(about)

    # --- courses and lessons -----------------------------------------------------------

    def _fill_courses(self) -> None:
        self.course_picker.blockSignals(True)
        for course in self.service.courses:
            self.course_picker.addItem(course.title, course.id)
        self.course_picker.blockSignals(False)
        self.course_picker.setVisible(len(self.service.courses) > 1)
        broken = self.service.broken_courses
        self.banner.setVisible(bool(broken))
        self.banner_details.setVisible(bool(broken))
        if broken:
            names = ", ".join(sorted(broken))
            self.banner.setText(
                f"{len(broken)} course folder could not be opened: {names}."
                if len(broken) == 1
                else f"{len(broken)} course folders could not be opened: {names}."
            )
        if not self.service.courses:
            self.reader.text.setPlainText(
                "No course to show yet. Put a course folder in the content folder, "
                "or check the problems listed on the left."
            )

    def show_course_problems(self) -> None:
        lines = [str(p) for problems in self.service.broken_courses.values() for p in problems]
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Courses that could not be opened", "", parent=self
        )
        box.setText("These problems stop the courses below from opening. Fix them and restart.")
        box.setDetailedText("\n".join(lines))
        box.setInformativeText("\n".join(lines[:8]) + ("\n…" if len(lines) > 8 else ""))
        box.exec()

    def _on_course_picked(self, index: int) -> None:
        course_id = self.course_picker.itemData(index)
        if course_id:
            self.show_course(str(course_id))

    def show_course(self, course_id: str, lesson_id: str | None = None) -> None:
        self._finish_sitting()
        self.course = self.service.course(course_id)
        states = self.service.lesson_states(course_id)
        self.lesson_list.show_lessons(self.course, {s.lesson_id for s in states if s.read})
        self.lesson_id = None
        known = {lesson.id for lesson in self.course.lessons}
        self.lesson_list.select(lesson_id if lesson_id in known else self.course.lessons[0].id)

    def open_lesson(self, lesson_id: str) -> None:
        if self.course is None or lesson_id == self.lesson_id:
            return
        self._finish_sitting()
        lesson = self.course.lesson(lesson_id)
        self.lesson_id = lesson_id
        self.opened_at = time.monotonic()
        self.saw_end = False
        self.lesson_list.select(lesson_id)
        self.reader.show_lesson(self.course, lesson, read=self.lesson_list.is_read(lesson_id))
        self.previous_action.setEnabled(lesson.number > 1)
        self.next_action.setEnabled(lesson.number < len(self.course.lessons))
        self.setWindowTitle(f"{lesson.title} — StudyApp")
        self.settings.setValue("last_course", self.course.id)
        self.settings.setValue("last_lesson", lesson_id)

    def _step(self, offset: int) -> None:
        if self.course is None or self.lesson_id is None:
            return
        number = self.course.lesson(self.lesson_id).number + offset
        if 1 <= number <= len(self.course.lessons):
            self.open_lesson(self.course.lessons[number - 1].id)

    def next_lesson(self) -> None:
        self._step(+1)

    def previous_lesson(self) -> None:
        self._step(-1)

    def _on_reached_end(self) -> None:
        self.saw_end = True

    def _finish_sitting(self) -> None:
        """Record the time with the lesson being left; it is read if its end was seen."""
        if self.course is None or self.lesson_id is None:
            return
        seconds = time.monotonic() - self.opened_at
        if seconds < MIN_SITTING_SECONDS:
            return
        state = self.service.record_reading(
            self.course.id, self.lesson_id, seconds=round(seconds), finished=self.saw_end
        )
        self.lesson_list.mark(state.lesson_id, state.read)
        if state.lesson_id == self.lesson_id:
            self.reader.set_read(state.read)
        self.opened_at = time.monotonic()

    # --- look and feel -----------------------------------------------------------------

    def set_theme(self, choice: str) -> None:
        self.settings.setValue("theme", choice)
        self.apply_theme(choice)

    def apply_theme(self, choice: str) -> None:
        self.theme_choice = choice
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.colors = theme.apply(app, choice)
        for action in self.theme_actions.actions():
            action.setChecked(action.data() == choice)
        self.reader.set_colors(self.colors)

    def _on_system_scheme(self) -> None:
        if self.theme_choice == "system":
            self.apply_theme("system")

    def change_text_size(self, step: int) -> None:
        self.set_text_size(QApplication.font().pointSize() + step)

    def reset_text_size(self) -> None:
        self.set_text_size(self.default_text_size)

    def set_text_size(self, size: int) -> None:
        self.settings.setValue("text_size", self._apply_text_size(size))

    def _apply_text_size(self, size: int) -> int:
        size = max(MIN_TEXT_SIZE, min(MAX_TEXT_SIZE, size))
        font = QApplication.font()
        font.setPointSize(size)
        QApplication.setFont(font)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.setStyleSheet(app.styleSheet())  # styled widgets pick up a new font on re-polish
        self.reader.setFont(font)
        self.reader.rebuild()
        return size

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.theme_choice, QApplication.font().pointSize(), self)
        if dialog.exec():
            self.set_theme(dialog.chosen_theme())
            self.set_text_size(dialog.chosen_text_size())

    def show_help(self) -> None:
        box = QMessageBox(QMessageBox.Icon.NoIcon, "StudyApp Help", HELP_TEXT, parent=self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About StudyApp",
            f"<h3>StudyApp {__version__}</h3>"
            "<p>Read an article as lessons, take quizzes on it and watch your mastery grow.</p>"
            "<p>Built with PySide6 (Qt), SQLAlchemy and PyYAML.</p>",
        )

    # --- remembering -------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 720)
        splitter = self.settings.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        if not self.service.courses:
            return
        course_id = str(self.settings.value("last_course", ""))
        known = [c.id for c in self.service.courses]
        if course_id not in known:
            course_id = known[0]
        self.course_picker.blockSignals(True)
        self.course_picker.setCurrentIndex(self.course_picker.findData(course_id))
        self.course_picker.blockSignals(False)
        last = self.settings.value("last_lesson")
        self.show_course(course_id, str(last) if last else None)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._finish_sitting()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)


def _setting_int(settings: QSettings, key: str, default: int) -> int:
    """An integer setting; a value that is not one falls back to the default."""
    try:
        return int(str(settings.value(key, default)))
    except ValueError:
        return default
