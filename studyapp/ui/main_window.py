"""The main window: side bar, the four screens, menus, shortcuts and remembered settings."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from studyapp import __version__
from studyapp.content import Course
from studyapp.ui import messages, theme
from studyapp.ui.lesson_view import LessonList, LessonReader
from studyapp.ui.qt import (
    QAction,
    QActionGroup,
    QApplication,
    QCloseEvent,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QKeySequence,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSettings,
    QSplitter,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from studyapp.ui.quiz_view import QuizPage, saved_length, saved_types
from studyapp.ui.review_view import ReviewPage
from studyapp.ui.settings_dialog import MAX_TEXT_SIZE, MIN_TEXT_SIZE, Preferences, SettingsDialog

if TYPE_CHECKING:
    from studyapp.service import AnswerOutcome, StudyService
    from studyapp.ui.backups_dialog import BackupsDialog

MIN_SITTING_SECONDS = 2.0  # a glance while flicking through lessons is not a sitting
BACKUP_CHECK_MS = 60 * 60 * 1000  # the backup itself comes only every few hours of use
LESSONS, QUIZ, REVIEW, PROGRESS = range(4)
SECTIONS = ("Lessons", "Quiz", "Review", "Progress")
SECTION_TIPS = (
    "Read the course's lessons (Ctrl+1)",
    "Take a quiz on the lessons you choose (Ctrl+2)",
    "Review the items that are due (Ctrl+3)",
    "Your mastery, accuracy and study days (Ctrl+4)",
)
HELP_TEXT = """
<h3>Reading</h3>
<p>Pick a lesson on the left. Underlined words are key terms: rest the mouse on one to see
its definition. A lesson counts as read once you have reached its end.</p>
<h3>Quizzes and reviews</h3>
<p>Answer with the mouse or the keyboard: number keys pick an option, T and F answer true or
false, Enter checks a typed answer, Alt+Up/Down moves an event when ordering, and numbers then
letters pair terms with definitions. Enter or Space goes on. Every answer is saved at once;
items come back in Review when they are about to fade.</p>
<h3>Keyboard</h3>
<table cellpadding="3">
<tr><td><b>Ctrl+1 … Ctrl+4</b></td><td>Lessons, Quiz, Review, Progress</td></tr>
<tr><td><b>Alt+Right</b> / <b>Alt+Left</b></td><td>next / previous lesson</td></tr>
<tr><td><b>Ctrl+F</b></td><td>find in the lesson (Enter: next match, Esc: close)</td></tr>
<tr><td><b>Ctrl+=</b> / <b>Ctrl+-</b> / <b>Ctrl+0</b></td>
    <td>larger / smaller / default text</td></tr>
<tr><td><b>Ctrl+,</b></td><td>settings</td></tr>
<tr><td><b>F1</b></td><td>this help</td></tr>
<tr><td><b>Ctrl+Q</b></td><td>quit</td></tr>
</table>
<h3>From the terminal</h3>
<p><code>python main.py --help</code> lists the terminal commands: check, quiz, stats, read.</p>
"""


def _setting_int(settings: QSettings, key: str, default: int) -> int:
    """An integer setting; a value that is not one falls back to the default."""
    try:
        return int(str(settings.value(key, default)))
    except ValueError:
        return default


class MainWindow(QMainWindow):
    """The window. Without a service it opens at once, disabled, saying it is loading;
    `attach` brings it to life (the app paints first, then opens courses and progress)."""

    def __init__(self, service: StudyService | None, settings: QSettings) -> None:
        super().__init__()
        self._service: StudyService | None = None
        self.settings = settings
        self.theme_choice = ""  # set by apply_theme below
        self.course: Course | None = None
        self.lesson_id: str | None = None
        self.opened_at = time.monotonic()
        self.saw_end = False
        self.default_text_size = QApplication.font().pointSize()
        self.progress_page: QWidget | None = None  # built on the first visit: charts load slowly
        self.setWindowTitle("StudyApp")
        self.setMinimumSize(760, 520)

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName("Sections")
        for name, tip in zip(SECTIONS, SECTION_TIPS, strict=True):
            self.sidebar.addItem(name)
            self.sidebar.item(self.sidebar.count() - 1).setToolTip(tip)
        self.profile_label = QLabel()
        self.profile_label.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
        self.profile_label.setObjectName("muted")
        self.profile_label.setWordWrap(True)
        side = QWidget()
        side.setObjectName("sidePanel")
        side.setFixedWidth(180)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 8)
        column.addWidget(self.sidebar, 1)
        column.addWidget(self.profile_label)

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
        self.quiz_page = QuizPage(settings)
        self.review_page = ReviewPage()
        self.pages = QStackedWidget()
        self.pages.addWidget(self._lessons_page())
        self.pages.addWidget(self.quiz_page)
        self.pages.addWidget(self.review_page)
        self.progress_placeholder = QWidget()  # the progress screen replaces it when first shown
        self.pages.addWidget(self.progress_placeholder)

        self.central = QWidget()
        row = QHBoxLayout(self.central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(side)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(self.central)
        self._build_menus()

        self.sidebar.currentRowChanged.connect(self._on_section)
        self.lesson_list.lesson_chosen.connect(self.open_lesson)
        self.reader.previous_requested.connect(self.previous_lesson)
        self.reader.next_requested.connect(self.next_lesson)
        self.reader.reached_end.connect(self._on_reached_end)
        self.reader.quiz_requested.connect(self.quiz_on_lesson)
        self.course_picker.currentIndexChanged.connect(self._on_course_picked)
        self.banner_details.clicked.connect(self.show_course_problems)
        self.quiz_page.show_in_lesson.connect(self.show_in_lesson)
        self.quiz_page.answer_saved.connect(self.show_outcome)
        self.quiz_page.back_to_lessons.connect(lambda: self.go(LESSONS))
        self.review_page.start_requested.connect(self.start_review)
        self.review_page.quiz_requested.connect(lambda: self.go(QUIZ))

        self._apply_text_size(_setting_int(settings, "text_size", self.default_text_size))
        self.apply_theme(str(settings.value("theme", "system")))
        QApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme)
        self._restore_geometry()
        self.backup_timer = QTimer(self)  # a long sitting is backed up every hour or so
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self._automatic_backup)
        self.busy: QProgressBar | None = None  # shown while the service opens
        if service is None:
            self.central.setEnabled(False)
            self.menuBar().setEnabled(False)
            self.reader.text.setPlainText("Opening your lessons…")
            self.busy = QProgressBar()
            self.busy.setRange(0, 0)  # moving: the time it takes is not known
            self.busy.setMaximumWidth(160)
            self.busy.setAccessibleName("Opening your progress")
            self.statusBar().addPermanentWidget(self.busy)
            self.statusBar().showMessage("Opening your courses and progress…")
        else:
            self.attach(service)

    @property
    def service(self) -> StudyService:
        assert self._service is not None, "the window has no service attached yet"
        return self._service

    def attach(self, service: StudyService) -> None:
        """Show the courses and progress of a service; the window is usable from now on."""
        self._service = service
        if self.busy is not None:
            self.statusBar().removeWidget(self.busy)
            self.statusBar().clearMessage()
            self.busy = None
        self.quiz_page.attach(service)
        self.central.setEnabled(True)
        self.menuBar().setEnabled(True)
        self._fill_courses()
        self._restore_place()
        self.sidebar.setCurrentRow(LESSONS)
        self.lesson_list.setFocus()
        self._automatic_backup()
        self.backup_timer.start()

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
        file_menu.addAction(
            self._action("&New quiz…", partial(self.go, QUIZ), "Ctrl+N", "Choose a new quiz")
        )
        file_menu.addAction(
            self._action("Start &review", self.start_review, "Ctrl+R", "Review the due items")
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                "&Import article…", self.import_article, "Ctrl+I",
                "Make a course of a plain-text or Markdown article",
            )
        )  # fmt: skip
        file_menu.addAction(
            self._action(
                "Export course to &Anki…", self.export_anki, None,
                "Write the course as an Anki deck (.apkg)",
            )
        )  # fmt: skip
        file_menu.addAction(
            self._action(
                "Export answers as &CSV…", self.export_answers, None,
                "Write every recorded answer to a spreadsheet file",
            )
        )  # fmt: skip
        file_menu.addAction(
            self._action(
                "&Backups…", self.show_backups, None,
                "See the backups of your progress, make one now or restore one",
            )
        )  # fmt: skip
        file_menu.addSeparator()
        self.profile_menu = file_menu.addMenu("&Profile")
        self.profile_menu.aboutToShow.connect(self._fill_profile_menu)
        settings = self._action("&Settings…", self.open_settings, "Ctrl+,", "Preferences")
        settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        file_menu.addAction(settings)
        file_menu.addSeparator()
        quit_action = self._action("&Quit", self.close, "Ctrl+Q", "Quit StudyApp")
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(quit_action)

        view = bar.addMenu("&View")
        for index, name in enumerate(SECTIONS):
            view.addAction(self._action(f"&{name}", partial(self.go, index), f"Ctrl+{index + 1}"))
        view.addSeparator()
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
        go.addAction(self._action("&Find in lesson…", self.find_in_lesson, keys.Find))

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("StudyApp &Help", self.show_help, keys.HelpContents))
        about = self._action("&About StudyApp", self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(about)

    # --- sections ----------------------------------------------------------------------

    def go(self, section: int) -> None:
        self.sidebar.setCurrentRow(section)

    def _on_section(self, section: int) -> None:
        if section < 0:
            return
        if section == PROGRESS:
            self._show_progress()
        elif section == REVIEW:
            self._show_review()
        elif section == QUIZ:
            self.quiz_page.show_setup()
        self.pages.setCurrentIndex(section)

    def quiz_on_lesson(self) -> None:
        self.go(QUIZ)
        self.quiz_page.show_setup(self.lesson_id)

    def start_review(self) -> None:
        if self.course is None:
            return
        run = self.service.start_review(self.course.id)
        if run is None:
            self.go(REVIEW)
            return
        self.go(QUIZ)
        self.quiz_page.start(run)

    def _show_review(self) -> None:
        if self.course is None:
            return
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        due = len(self.service.due_items(self.course.id, now))
        next_due = self.service.next_due(self.course.id, now)
        self.review_page.show_state(due, next_due, now, self.service.tz)

    def _show_progress(self) -> None:
        if self.course is None:
            return
        from studyapp.ui.progress_view import ProgressPage  # Qt Charts loads on first visit

        if self.progress_page is None:
            page = ProgressPage()
            page.open_lesson.connect(self.open_lesson_from_elsewhere)
            page.read_requested.connect(self._read_first_lesson)
            page.quiz_requested.connect(lambda: self.go(QUIZ))
            self.pages.insertWidget(PROGRESS, page)
            self.pages.removeWidget(self.progress_placeholder)
            self.progress_placeholder.deleteLater()
            self.progress_page = page
        assert isinstance(self.progress_page, ProgressPage)
        stats = self.service.stats(self.course.id)
        today = dt.date.today()
        self.progress_page.show_stats(self.course, stats, today, self.colors)

    def _read_first_lesson(self) -> None:
        if self.course is not None:
            self.open_lesson_from_elsewhere(self.course.lessons[0].id)

    def refresh_progress(self) -> None:
        """The review count and every lesson's mastery, read afresh (a course opened)."""
        if self.course is None:
            return
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self._show_due(len(self.service.due_items(self.course.id, now)))
        for state in self.service.lesson_states(self.course.id):
            self.lesson_list.mark(state)

    def show_outcome(self, outcome: AnswerOutcome) -> None:
        """After an answer: what it moved, as the service told it (no query)."""
        self._show_due(outcome.due_now)
        for state in outcome.lessons:
            self.lesson_list.mark(state)

    def _show_due(self, due: int) -> None:
        self.sidebar.item(REVIEW).setText(f"Review ({due})" if due else "Review")

    def show_in_lesson(self, lesson_id: str, sentence: str) -> None:
        self.open_lesson_from_elsewhere(lesson_id)
        self.reader.highlight(sentence)

    def open_lesson_from_elsewhere(self, lesson_id: str) -> None:
        self.go(LESSONS)
        self.open_lesson(lesson_id)

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
            folders = "folder" if len(broken) == 1 else "folders"
            self.banner.setText(f"{len(broken)} course {folders} could not be opened: {names}.")
        if not self.service.courses:
            self.reader.text.setPlainText(
                "No course to show yet. Put a course folder in the content folder, "
                "or check the problems listed on the left."
            )

    def show_course_problems(self) -> None:
        lines = [str(p) for problems in self.service.broken_courses.values() for p in problems]
        text = "These problems stop the courses below from opening. Fix them and restart.\n\n"
        text += "\n".join(lines[:8]) + ("\n…" if len(lines) > 8 else "")
        title = "Courses that could not be opened"
        messages.tell(self, title, text, messages.Icon.Warning, details="\n".join(lines))

    def _on_course_picked(self, index: int) -> None:
        course_id = self.course_picker.itemData(index)
        if course_id:
            self.show_course(str(course_id))

    def show_course(self, course_id: str, lesson_id: str | None = None) -> None:
        self._finish_sitting()
        self.course = self.service.course(course_id)
        self.lesson_list.show_lessons(self.course, self.service.lesson_states(course_id))
        self.lesson_id = None
        known = {lesson.id for lesson in self.course.lessons}
        self.lesson_list.select(lesson_id if lesson_id in known else self.course.lessons[0].id)
        self.refresh_progress()

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
        self.quiz_page.set_context(self.course, lesson_id)
        self.previous_action.setEnabled(lesson.number > 1)
        self.next_action.setEnabled(lesson.number < len(self.course.lessons))
        self.setWindowTitle(f"{lesson.title} — StudyApp")
        self.settings.setValue("last_course", self.course.id)
        self.settings.setValue("last_lesson", lesson_id)

    def _step(self, offset: int) -> None:
        if self.course is None or self.lesson_id is None:
            return
        self.go(LESSONS)
        number = self.course.lesson(self.lesson_id).number + offset
        if 1 <= number <= len(self.course.lessons):
            self.open_lesson(self.course.lessons[number - 1].id)

    def next_lesson(self) -> None:
        self._step(+1)

    def previous_lesson(self) -> None:
        self._step(-1)

    def find_in_lesson(self) -> None:
        self.go(LESSONS)
        self.reader.find_bar.open_bar()

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
        self.lesson_list.mark(state)
        if state.lesson_id == self.lesson_id:
            self.reader.set_read(state.read)
        self.opened_at = time.monotonic()

    # --- import and export -------------------------------------------------------------

    def import_article(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self,
                "Import article",
                "",
                "Articles (*.txt *.md *.markdown);;All files (*)",
            )
        if not path:
            return
        from studyapp.content.importer import ArticleError

        try:
            course = self.service.import_article(Path(path))
        except ArticleError as error:
            messages.tell(self, "Import article", str(error), messages.Icon.Warning)
            return
        self.course_picker.blockSignals(True)
        self.course_picker.clear()
        self.course_picker.blockSignals(False)
        self._fill_courses()
        self.course_picker.setCurrentIndex(self.course_picker.findData(course.id))
        self.go(LESSONS)
        messages.tell(
            self,
            "Import article",
            f"Imported “{course.title}”: {len(course.lessons)} lessons, "
            f"{len(course.concepts)} concepts, {len(course.events)} events and "
            f"{len(course.claims)} views, found automatically. They are in {course.folder}, "
            "ready to read over and curate.",
        )

    def export_anki(self, path: str | None = None) -> None:
        if self.course is None:
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, "Export to Anki", f"{self.course.id}.apkg", "Anki decks (*.apkg)"
            )
        if not path:
            return
        from studyapp.service import ExportError

        try:
            notes = self.service.export_anki(self.course.id, Path(path))
        except ExportError as error:
            messages.tell(self, "Export to Anki", str(error), messages.Icon.Warning)
            return
        except OSError as error:
            text = f"{path}: {error.strerror or error}"
            messages.tell(self, "Export to Anki", text, messages.Icon.Warning)
            return
        self.statusBar().showMessage(f"Wrote {notes} notes to {path}", 8000)

    def export_answers(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, "Export answers", "answers.csv", "CSV files (*.csv)"
            )
        if not path:
            return
        from studyapp.service import ExportError, StoreError

        try:
            rows = self.service.export_answers(Path(path))
        except (ExportError, StoreError) as error:
            messages.tell(self, "Export answers", str(error), messages.Icon.Warning)
            return
        except OSError as error:
            text = f"{path}: {error.strerror or error}"
            messages.tell(self, "Export answers", text, messages.Icon.Warning)
            return
        self.statusBar().showMessage(f"Wrote {rows} answers to {path}", 8000)

    # --- backups -----------------------------------------------------------------------

    def show_backups(self) -> BackupsDialog:
        from studyapp.ui.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.service, self)
        dialog.restored.connect(self._after_restore)
        dialog.open()
        return dialog

    def _after_restore(self) -> None:
        """Everything on screen came from the history that was just replaced."""
        self.quiz_page.leave()
        if self.course is not None:
            self.show_course(self.course.id, self.lesson_id)
        self.refresh_progress()
        if self.progress_page is not None:
            self.go(LESSONS)

    def _automatic_backup(self) -> None:
        """A backup in the background when one is due; never in the learner's way."""
        service = self.service

        def work() -> None:
            from studyapp.service import StoreError

            try:
                service.automatic_backup()
            except StoreError as error:
                print(f"studyapp: {error}", file=sys.stderr)

        threading.Thread(target=work, name="automatic backup", daemon=True).start()

    # --- profiles ----------------------------------------------------------------------

    def _fill_profile_menu(self) -> None:
        menu: QMenu = self.profile_menu
        menu.clear()
        group = QActionGroup(menu)
        for name in self.service.profiles():
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(name == self.service.profile)
            action.triggered.connect(partial(self.switch_profile, name))
            group.addAction(action)
        menu.addSeparator()
        menu.addAction(self._action("&New profile…", self.new_profile))
        menu.addAction(self._action("&Rename profile…", self.rename_profile))

    def switch_profile(self, name: str) -> None:
        from studyapp.service import profile_name

        try:
            name = profile_name(name)
        except ValueError as error:
            messages.tell(self, "Profile", str(error), messages.Icon.Warning)
            return
        self._finish_sitting()
        self.quiz_page.leave()  # its answers belong to the learner who gave them
        self.service.switch_profile(name)
        self.settings.setValue("profile", name)
        self._show_profile()
        if self.course is not None:
            self.show_course(self.course.id, self.lesson_id)
        self.go(LESSONS)

    def new_profile(self) -> None:
        from studyapp.service import profile_name

        name, ok = QInputDialog.getText(self, "New profile", "Name of the new learner:")
        if not ok:
            return
        try:
            name = profile_name(name)
        except ValueError as error:
            messages.tell(self, "New profile", str(error), messages.Icon.Warning)
            return
        if name in self.service.profiles():
            messages.tell(self, "New profile", f"There is already a learner called {name}.")
            return
        self.switch_profile(name)

    def rename_profile(self) -> None:
        name, ok = QInputDialog.getText(
            self, "Rename profile", "New name:", text=self.service.profile
        )
        if ok:
            try:
                self.service.rename_profile(name)
            except ValueError as error:
                messages.tell(self, "Rename profile", str(error), messages.Icon.Warning)
                return
            self.settings.setValue("profile", self.service.profile)
            self._show_profile()

    def _show_profile(self) -> None:
        self.profile_label.setText(f"   Learner: {self.service.profile}")
        self.profile_label.setToolTip("Switch or rename learners in File → Profile")

    # --- look and feel -----------------------------------------------------------------

    def set_theme(self, choice: str) -> None:
        self.settings.setValue("theme", choice)
        self.apply_theme(choice)

    def apply_theme(self, choice: str) -> None:
        self.theme_choice = choice
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.colors = theme.apply(app, choice, QApplication.font().pointSizeF())
        for action in self.theme_actions.actions():
            action.setChecked(action.data() == choice)
        self.reader.set_colors(self.colors)
        if self.pages.currentIndex() == PROGRESS:
            self._show_progress()

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
        if self.theme_choice:
            self.apply_theme(self.theme_choice)  # the sheet sizes headings from the text size
        self.reader.setFont(font)
        self.reader.rebuild()
        return size

    def preferences(self) -> Preferences:
        return Preferences(
            theme=self.theme_choice,
            text_size=QApplication.font().pointSize(),
            quiz_length=saved_length(self.settings),
            quiz_types=saved_types(self.settings),
            retention=self.service.desired_retention,
        )

    def apply_preferences(self, chosen: Preferences) -> None:
        self.set_theme(chosen.theme)
        self.set_text_size(chosen.text_size)
        self.settings.setValue("quiz/length", chosen.quiz_length)
        self.settings.setValue("quiz/types", ",".join(chosen.quiz_types))
        if chosen.retention != self.service.desired_retention:
            self.service.set_desired_retention(chosen.retention)

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.preferences(), self)
        if dialog.exec():
            self.apply_preferences(dialog.chosen())

    def show_help(self) -> None:
        box = QMessageBox(QMessageBox.Icon.NoIcon, "StudyApp Help", HELP_TEXT)
        box.setParent(self, box.windowFlags())
        box.setTextFormat(Qt.TextFormat.RichText)
        box.exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About StudyApp",
            f"<h3>StudyApp {__version__}</h3>"
            "<p>Read an article as lessons, take quizzes on it and watch your mastery grow.</p>"
            "<p>Spaced repetition by FSRS. Built with PySide6 (Qt), SQLAlchemy and PyYAML.</p>",
        )

    # --- remembering -------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 720)
        splitter = self.settings.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def _restore_place(self) -> None:
        """The last learner, course and lesson."""
        profile = str(self.settings.value("profile", "") or "")
        if profile and profile != self.service.profile:
            with contextlib.suppress(ValueError):  # a name saved by hand in the settings
                self.service.switch_profile(profile)
        self._show_profile()
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
        if self._service is not None:
            from studyapp.service import StoreError

            try:
                self.service.automatic_backup()
            except StoreError as error:
                print(f"studyapp: {error}", file=sys.stderr)
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)
