"""The main window: the side bar, the four screens and the navigation between them. Menus,
appearance, profiles, files and the Lessons screen live in their own modules."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import TYPE_CHECKING

from studyapp.clock import utcnow
from studyapp.ui.appearance import Appearance
from studyapp.ui.preferences import SavedSettings
from studyapp.ui.qt import (
    QApplication,
    QCloseEvent,
    QFontMetrics,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QProgressBar,
    QSettings,
    QSignalBlocker,
    QStackedWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from studyapp.content import Course, Lesson
    from studyapp.service import AnswerOutcome, StudyService
    from studyapp.ui.backups import Backups
    from studyapp.ui.backups_dialog import BackupsDialog
    from studyapp.ui.class_screen import ClassDialog
    from studyapp.ui.files import Files
    from studyapp.ui.lessons_page import LessonsPage
    from studyapp.ui.menus import Menus
    from studyapp.ui.profiles import Profiles
    from studyapp.ui.qt import QFont
    from studyapp.ui.quiz import QuizPage
    from studyapp.ui.review_page import ReviewPage
    from studyapp.ui.theme import Colors

LESSONS, QUIZ, REVIEW, PROGRESS = range(4)
SECTIONS = ("Lessons", "Quiz", "Review", "Progress")
MENUS = ("&File", "&View", "&Go", "&Help")
DUE_TEXT_MS = 30 * 1000  # how often "falls due in …" is redrawn while it is shown
DUE_CHECK_MS = 60 * 60 * 1000  # the longest wait between two looks at the review count
SECTION_TIPS = (
    "Read the course's lessons (Ctrl+1)",
    "Take a quiz on the lessons you choose (Ctrl+2)",
    "Review the items that are due (Ctrl+3)",
    "Your mastery, accuracy and study days (Ctrl+4)",
)


class MainWindow(QMainWindow):
    """The window. Without a service it opens at once, disabled, saying it is loading;
    `attach` brings it to life (the app paints first, then opens courses and progress)."""

    def __init__(self, service: StudyService | None, settings: QSettings) -> None:
        super().__init__()
        self._service: StudyService | None = None
        self.settings = settings
        self.saved = SavedSettings(settings)
        self.progress_page: QWidget | None = None  # built on the first visit: charts load slowly
        self.lessons_built = False  # the Lessons screen (`build_lessons`)
        self.built = False  # and everything else (`build`)
        self.busy: QProgressBar | None = None  # shown while the service opens
        self.setWindowTitle("StudyApp")
        self.setMinimumSize(760, 520)

        # What the first frame shows: the side bar, the menus' names and a word of waiting.
        # The screens are built after it (`build`): their code takes longer to load than the
        # whole first frame.
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName("Sections")
        for name, tip in zip(SECTIONS, SECTION_TIPS, strict=True):
            self.sidebar.addItem(name)
            self.sidebar.item(self.sidebar.count() - 1).setToolTip(tip)
        self.side = side = QWidget()
        side.setObjectName("sidePanel")
        self.side_column = QVBoxLayout(side)
        self.side_column.setContentsMargins(0, 0, 0, 8)
        self.side_column.addWidget(self.sidebar, 1)
        self.pages = QStackedWidget()
        self.opening = QLabel("Opening your lessons…")
        self.opening.setObjectName("opening")  # centred by the style sheet: see theme.py
        self.pages.addWidget(self.opening)
        self.central = QWidget()
        row = QHBoxLayout(self.central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(side)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(self.central)
        for title in MENUS:
            self.menuBar().addMenu(title)
        self.appearance = Appearance(self.saved, self)
        self.appearance.start()
        self.fit_to_text(QApplication.font())
        if (geometry := self.saved.geometry) is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 720)
        if service is None:
            self.central.setEnabled(False)
            self.menuBar().setEnabled(False)
        else:
            self.attach(service)

    def build(self) -> None:
        """The screens, menus and everything that acts: after the first frame."""
        self.build_lessons()
        if self.built:
            return
        self.built = True
        from studyapp.ui import menus as menu_bar
        from studyapp.ui.backups import Backups
        from studyapp.ui.files import Files
        from studyapp.ui.profiles import Profiles

        self.profiles: Profiles = Profiles(self)
        self.profile_label = self.profiles.label
        self.side_column.addWidget(self.profile_label)
        self.files: Files = Files(self)
        self.menuBar().clear()
        self.menus: Menus = menu_bar.build_menus(self)

        self.sidebar.currentRowChanged.connect(self._on_section)
        self.lessons.lesson_opened.connect(self._on_lesson_opened)
        self.reader.quiz_requested.connect(self.quiz_on_lesson)
        self.profiles.switched.connect(self._on_profile_switched)
        self.appearance.colors_changed.connect(self._on_colors)
        self.appearance.font_changed.connect(self._on_font)
        self._on_colors(self.appearance.colors)
        self.due_timer = QTimer(self)  # the review count changes by itself as items fall due
        self.due_timer.setSingleShot(True)
        self.due_timer.timeout.connect(self.refresh_due)
        self.backups: Backups = Backups(self)
        self.backups.restored.connect(self._after_restore)

    def build_lessons(self) -> None:
        """The Lessons screen alone: all that the lesson read last needs to be shown. The
        menus and the rest follow it (`build`); the menus wait for the progress anyway."""
        if self.lessons_built:
            return
        self.lessons_built = True
        from studyapp.ui.lessons_page import LessonsPage
        from studyapp.ui.qt import Qt  # not before the first frame: see theme.system_is_dark

        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lessons: LessonsPage = LessonsPage()
        self.reader, self.lesson_list = self.lessons.reader, self.lessons.lesson_list
        self.pages.removeWidget(self.opening)
        self.opening.deleteLater()
        self.pages.addWidget(self.lessons)
        # The other screens replace these when first needed: the lesson shows sooner.
        self.placeholders = {section: QWidget() for section in (QUIZ, REVIEW, PROGRESS)}
        for placeholder in self.placeholders.values():
            self.pages.addWidget(placeholder)
        self._quiz_page: QuizPage | None = None
        self._review_page: ReviewPage | None = None
        self.reader.set_colors(self.appearance.colors)
        self.fit_to_text(QApplication.font())
        if (splitter := self.saved.splitter) is not None:
            self.lessons.restoreState(splitter)
        if self._service is None:
            self.reader.text.setPlainText("Opening your lessons…")
            self.busy = QProgressBar()
            self.busy.setRange(0, 0)  # moving: the time it takes is not known
            self.busy.setMaximumWidth(160)
            self.busy.setAccessibleName("Opening your progress")
            self.statusBar().addPermanentWidget(self.busy)
            self.statusBar().showMessage("Opening your courses and progress…")

    def _place(self, section: int, page: QWidget) -> None:
        """Put a screen built on first use in its placeholder's place."""
        placeholder = self.placeholders.pop(section)
        current = self.pages.currentIndex()
        self.pages.insertWidget(section, page)
        self.pages.removeWidget(placeholder)
        placeholder.deleteLater()
        self.pages.setCurrentIndex(current)

    @property
    def quiz_page(self) -> QuizPage:
        if self._quiz_page is None:
            from studyapp.ui.quiz import QuizPage

            page = self._quiz_page = QuizPage(self.saved)
            page.show_in_lesson.connect(self.show_in_lesson)
            page.answer_saved.connect(self.show_outcome)
            page.back_to_lessons.connect(lambda: self.go(LESSONS))
            page.review_requested.connect(self.start_review)
            if self._service is not None:
                page.attach(self._service)
            if self.course is not None and self.lesson_id is not None:
                page.set_context(self.course, self.lesson_id)
            self._place(QUIZ, page)
        return self._quiz_page

    @property
    def review_page(self) -> ReviewPage:
        if self._review_page is None:
            from studyapp.ui.review_page import ReviewPage

            page = self._review_page = ReviewPage()
            page.start_requested.connect(self.start_review)
            page.quiz_requested.connect(lambda: self.go(QUIZ))
            self._place(REVIEW, page)
        return self._review_page

    @property
    def service(self) -> StudyService:
        assert self._service is not None, "the window has no service attached yet"
        return self._service

    @property
    def course(self) -> Course | None:
        return self.lessons.course

    @property
    def lesson_id(self) -> str | None:
        return self.lessons.lesson_id

    def preview(self, courses: tuple[Course, ...]) -> bool:
        """The lesson the learner last had open, from the courses alone, while their
        progress still opens (its database may take longer). A first run waits: its
        welcome depends on the learner's progress. True when a lesson is shown."""
        course = next((c for c in courses if c.id == self.saved.last_course), None)
        if self._service is not None or course is None:
            return False
        self.build_lessons()
        self.central.setEnabled(True)
        self.sidebar.setEnabled(False)  # the other screens need the learner's progress
        self.lessons.preview(courses, course, self.saved.last_lesson)
        return True

    def attach(self, service: StudyService) -> None:
        """Show the courses and progress of a service; the window is usable from now on."""
        self._service = service
        self.build()
        self.sidebar.setEnabled(True)
        if self.busy is not None:
            self.statusBar().removeWidget(self.busy)
            self.statusBar().clearMessage()
            self.busy = None
        if self._quiz_page is not None:
            self._quiz_page.attach(service)
        self.lessons.attach(service)
        self.central.setEnabled(True)
        self.menuBar().setEnabled(True)
        self._restore_place()
        self.sidebar.setCurrentRow(LESSONS)
        welcome = self.lessons.welcome
        (
            welcome.start if self.lessons.right.currentWidget() is welcome else self.lesson_list
        ).setFocus()
        self.backups.start(service)
        server = service.is_server
        self.menus.class_view.setVisible(server and self._teaches(service))
        self.menus.backups.setEnabled(not server)
        if server:
            self.menus.backups.setToolTip("A database server keeps its own backups")

    # --- sections ----------------------------------------------------------------------

    def go(self, section: int) -> None:
        self.sidebar.setCurrentRow(section)

    def _on_section(self, section: int) -> None:
        if section < 0:
            return
        if section == PROGRESS:
            self._show_progress()
        elif section == QUIZ:
            self.quiz_page.show_setup()
        self.pages.setCurrentIndex(section)
        if section == REVIEW:
            self.refresh_due()

    def quiz_on_lesson(self) -> None:
        self.go(QUIZ)
        self.quiz_page.show_setup(self.lesson_id)

    def start_review(self) -> None:
        if self.course is None:
            return
        from studyapp.ui.review_page import REVIEW_ROUND

        session = self.service.start_review(self.course.id, count=REVIEW_ROUND)
        if session is None:
            self.go(REVIEW)
            return
        self.pages.setCurrentIndex(QUIZ)  # a review is a quiz, but the side bar says Review
        with QSignalBlocker(self.sidebar):
            self.sidebar.setCurrentRow(REVIEW)
        self.quiz_page.start(session)

    def refresh_due(self) -> None:
        """The review count, in the side bar and on the Review screen alike, and a timer
        for the moment it next changes by itself (an item falling due)."""
        self.due_timer.stop()
        if self.course is None:
            return
        now = utcnow()
        due = len(self.service.due_items(self.course.id, now))
        next_due = self.service.next_due(self.course.id, now)
        self._show_due(due)
        on_review = self.pages.currentIndex() == REVIEW
        if on_review:
            self.review_page.show_state(due, next_due, now, self.service.tz)
        self._wake_at(next_due, now, DUE_TEXT_MS if on_review else DUE_CHECK_MS)

    def _wake_at(self, moment: dt.datetime | None, now: dt.datetime, cap: int) -> None:
        # "falls due in 3 minutes" is kept true to the minute while it is on screen
        if moment is not None:
            wait = (moment - now).total_seconds() * 1000 + 500
            self.due_timer.start(int(max(1000, min(wait, cap))))

    def _show_progress(self) -> None:
        if self.course is None:
            return
        from studyapp.ui.progress_page import ProgressPage  # Qt Charts loads on first visit

        if self.progress_page is None:
            page = ProgressPage()
            page.open_lesson.connect(self.open_lesson_from_elsewhere)
            page.read_requested.connect(self._read_first_lesson)
            page.quiz_requested.connect(lambda: self.go(QUIZ))
            self._place(PROGRESS, page)
            self.progress_page = page
        assert isinstance(self.progress_page, ProgressPage)
        stats = self.service.stats(self.course.id)
        goal = (stats.answers_today, self.saved.daily_goal)  # no second query
        today = dt.date.today()
        self.progress_page.show_stats(self.course, stats, today, self.appearance.colors, goal)

    def _read_first_lesson(self) -> None:
        if self.course is not None:
            self.open_lesson_from_elsewhere(self.course.lessons[0].id)

    def refresh_progress(self) -> None:
        """The review count and every lesson's mastery, read afresh (a course opened)."""
        if self.course is None:
            return
        self.refresh_due()
        answered_today = self.show_goal()
        states = self.service.lesson_states(self.course.id)
        for state in states:
            self.lessons.mark(state)
        if not (answered_today or any(s.read or s.mastery for s in states)):
            self.lessons.show_welcome()  # a learner who has not begun

    def show_outcome(self, outcome: AnswerOutcome) -> None:
        """After an answer: what it moved, as the service told it, and the daily goal."""
        self._show_due(outcome.due_now)
        self._wake_at(outcome.next_due, utcnow(), DUE_CHECK_MS)
        for state in outcome.lessons:
            self.lessons.mark(state)
        answers, goal = self.show_goal(), self.saved.daily_goal
        if answers == goal > 0 and self.saved.celebrate:  # the answer that reached it
            self.quiz_page.question_panel.celebrate(f"Daily goal reached: {goal} answers today!")

    def show_goal(self) -> int:
        """Today's answers against the daily goal, where studying starts; returns them."""
        today = self.service.today()
        self.lessons.goal.show_day(today.answers, self.saved.daily_goal, today.streak_days)
        return today.answers

    def _show_due(self, due: int) -> None:
        self.sidebar.item(REVIEW).setText(f"Review ({due})" if due else "Review")

    # --- lessons -----------------------------------------------------------------------

    def show_course(self, course_id: str, lesson_id: str | None = None) -> None:
        self.lessons.show_course(course_id, lesson_id)
        self.refresh_progress()

    def open_lesson(self, lesson_id: str) -> None:
        self.lessons.open_lesson(lesson_id)

    def _on_lesson_opened(self, course: Course, lesson: Lesson) -> None:
        if self._quiz_page is not None:  # else it takes the context when first built
            self._quiz_page.set_context(course, lesson.id)
        self.menus.previous_lesson.setEnabled(lesson.number > 1)
        self.menus.next_lesson.setEnabled(lesson.number < len(course.lessons))
        self.setWindowTitle(f"{lesson.title} — StudyApp")
        self.saved.set_place(course.id, lesson.id)

    def next_lesson(self) -> None:
        self.go(LESSONS)
        self.lessons.step(+1)

    def previous_lesson(self) -> None:
        self.go(LESSONS)
        self.lessons.step(-1)

    def find_in_lesson(self) -> None:
        self.go(LESSONS)
        self.reader.find_bar.open_bar()

    def show_in_lesson(self, lesson_id: str, sentence: str) -> None:
        self.open_lesson_from_elsewhere(lesson_id)
        self.reader.highlight(sentence)

    def open_lesson_from_elsewhere(self, lesson_id: str) -> None:
        self.go(LESSONS)
        self.open_lesson(lesson_id)

    def _on_profile_switched(self) -> None:
        if self.course is not None:
            self.show_course(self.course.id, self.lesson_id)
        self.go(LESSONS)

    # --- the class and backups ---------------------------------------------------------

    @staticmethod
    def _teaches(service: StudyService) -> bool:
        from studyapp.service import StoreError

        try:
            return service.is_teacher
        except StoreError:  # the server went away just now: the entry waits for a restart
            return False

    def show_class(self) -> ClassDialog | None:
        """The class's progress on the course on screen (a class server's teacher only)."""
        from studyapp.ui.class_screen import ClassDialog

        if self.course is None or not self.menus.class_view.isVisible():
            return None
        dialog = ClassDialog(self.service, self.course, self.appearance.colors, self)
        dialog.open()
        return dialog

    def show_backups(self) -> BackupsDialog:
        return self.backups.show_dialog()

    def _after_restore(self) -> None:
        """Everything on screen came from the history that was just replaced."""
        self.quiz_page.leave()
        if self.course is not None:
            self.show_course(self.course.id, self.lesson_id)
        if self.progress_page is not None:
            self.go(LESSONS)

    # --- look and settings -------------------------------------------------------------

    def _on_colors(self, colors: Colors) -> None:
        for made in self.menus.themes.actions():
            made.setChecked(made.data() == self.appearance.choice)
        self.reader.set_colors(colors)
        if self.pages.currentIndex() == PROGRESS:
            self._show_progress()

    def _on_font(self, font: QFont) -> None:
        self.reader.setFont(font)
        self.reader.rebuild()
        self.fit_to_text(font)

    def fit_to_text(self, font: QFont) -> None:
        """Side bar and lesson column as wide as their words need at this text size."""
        metrics = QFontMetrics(font)
        widest = max(metrics.horizontalAdvance(t) for t in (*SECTIONS, "Review (999)"))
        self.side.setFixedWidth(max(170, widest + 60))  # item padding and margins
        if self.lessons_built:
            self.lessons.fit_to_text(metrics)

    # --- remembering -------------------------------------------------------------------

    def _restore_place(self) -> None:
        """The last learner, course and lesson."""
        profile = self.saved.profile
        # On a class server a login is one learner: the profile saved on this machine may
        # be another's.
        if profile and profile != self.service.profile and not self.service.is_server:
            with contextlib.suppress(ValueError):  # a name saved by hand in the settings
                self.service.switch_profile(profile)
        self.profiles.show_learner()
        if not self.service.courses:
            return
        known = [c.id for c in self.service.courses]
        course_id = self.saved.last_course if self.saved.last_course in known else known[0]
        self.lessons.fill_courses(chosen=course_id)
        self.show_course(course_id, self.saved.last_lesson)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.built:  # closed while it was still opening: nothing to keep but its place
            self.lessons.finish_sitting()
            self.backups.on_quit()
            self.saved.set_layout(self.saveGeometry(), self.lessons.saveState())
        super().closeEvent(event)
