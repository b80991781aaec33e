"""The Lessons screen: the course picker, the lesson list and the reader, and the time a
learner spends with each lesson (a sitting is kept when the lesson is left)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from studyapp.content import Course, Lesson
from studyapp.ui import messages
from studyapp.ui.goal import GoalBar
from studyapp.ui.lesson_list import LessonList
from studyapp.ui.qt import (
    QComboBox,
    QFontMetrics,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from studyapp.ui.reader import LessonReader
from studyapp.ui.welcome import Welcome

if TYPE_CHECKING:
    from studyapp.service import LessonState, StudyService

MIN_SITTING_SECONDS = 2.0  # a glance while flicking through lessons is not a sitting


class LessonsPage(QSplitter):
    lesson_opened = Signal(object, object)  # the course, the lesson

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service: StudyService | None = None
        self.course: Course | None = None
        self.lesson_id: str | None = None
        self.opened_at = time.monotonic()
        self.saw_end = False
        self.course_picker = QComboBox()
        self.course_picker.setToolTip("The course to study")
        self.course_picker.setAccessibleName("Course")
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner_details = QPushButton("Show problems…")
        self.banner_details.setToolTip("What is wrong in the courses that could not be opened")
        for shown_only_on_problems in (self.banner, self.banner_details):
            shown_only_on_problems.hide()  # not even for a frame while the courses open
        self.lesson_list = LessonList()
        self.reader = LessonReader()
        self.left = left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(8, 10, 4, 8)
        heading = QLabel("Lessons")
        heading.setObjectName("heading")
        column.addWidget(heading)
        column.addWidget(self.course_picker)
        column.addWidget(self.banner)
        column.addWidget(self.banner_details)
        column.addWidget(self.lesson_list, 1)
        self.goal = GoalBar()
        column.addWidget(self.goal)
        self.welcome = Welcome()
        self.right = QStackedWidget()  # the reader, or the welcome on a first run
        self.right.addWidget(self.reader)
        self.right.addWidget(self.welcome)
        self.addWidget(left)
        self.addWidget(self.right)
        self.setStretchFactor(1, 1)
        self.setSizes([300, 800])
        self.setChildrenCollapsible(False)
        self.lesson_list.lesson_chosen.connect(self.open_lesson)
        self.reader.previous_requested.connect(lambda: self.step(-1))
        self.reader.next_requested.connect(lambda: self.step(+1))
        self.reader.reached_end.connect(self._on_reached_end)
        self.course_picker.currentIndexChanged.connect(self._on_course_picked)
        self.banner_details.clicked.connect(self.show_course_problems)
        self.welcome.start_requested.connect(self._start_first_lesson)

    @property
    def service(self) -> StudyService:
        assert self._service is not None, "the lessons page has no service attached yet"
        return self._service

    def attach(self, service: StudyService) -> None:
        self._service = service
        self.goal.show()
        self.course_picker.setEnabled(True)
        self.lesson_list.setEnabled(True)
        self.fill_courses()

    def preview(self, courses: tuple[Course, ...], course: Course, lesson_id: str | None) -> None:
        """A lesson to read while the learner's progress still opens: the list shows no
        states yet, and nothing is recorded until `attach`."""
        self.course_picker.blockSignals(True)
        self.course_picker.clear()
        for each in courses:
            self.course_picker.addItem(each.title, each.id)
        self.course_picker.setCurrentIndex(self.course_picker.findData(course.id))
        self.course_picker.blockSignals(False)
        self.course_picker.setVisible(len(courses) > 1)
        self.course_picker.setEnabled(False)
        self.course = course
        self.lesson_list.show_lessons(course, None)
        self.lesson_list.setEnabled(False)
        known = {lesson.id for lesson in course.lessons}
        lesson = course.lesson(lesson_id) if lesson_id in known else course.lessons[0]
        self.lesson_list.blockSignals(True)
        self.lesson_list.select(lesson.id)
        self.lesson_list.blockSignals(False)
        self.reader.show_lesson(course, lesson, read=None)
        self.goal.hide()  # today's answers come with the progress
        self.lesson_id = None  # not a sitting yet: it starts once progress is open

    def fill_courses(self, chosen: str | None = None) -> None:
        self.course_picker.blockSignals(True)
        self.course_picker.clear()
        for course in self.service.courses:
            self.course_picker.addItem(course.title, course.id)
        if chosen is not None:
            self.course_picker.setCurrentIndex(self.course_picker.findData(chosen))
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
        self.finish_sitting()
        self.course = self.service.course(course_id)
        self.lesson_list.show_lessons(self.course, self.service.lesson_states(course_id))
        self.lesson_id = None
        known = {lesson.id for lesson in self.course.lessons}
        self.lesson_list.select(lesson_id if lesson_id in known else self.course.lessons[0].id)

    def fit_to_text(self, metrics: QFontMetrics) -> None:
        """The lesson column keeps room for a title's longest words at any text size."""
        self.left.setMinimumWidth(max(200, metrics.horizontalAdvance("1. Introduction") + 70))

    def show_welcome(self) -> None:
        """A first run: the course in a few words and one button, in the reader's place."""
        if self.course is None:
            return
        self.welcome.show_course(self.course)
        self.right.setCurrentWidget(self.welcome)
        self.welcome.start.setFocus()

    def _start_first_lesson(self) -> None:
        if self.course is not None:
            self.open_lesson(self.course.lessons[0].id)
            self.reader.text.setFocus()

    def open_lesson(self, lesson_id: str) -> None:
        if self.right.currentWidget() is self.welcome:
            self.right.setCurrentWidget(self.reader)
            self.lesson_id = None  # the lesson behind the welcome was not being read
        if self.course is None or lesson_id == self.lesson_id:
            return
        self.finish_sitting()
        lesson: Lesson = self.course.lesson(lesson_id)
        self.lesson_id = lesson_id
        self.opened_at = time.monotonic()
        self.saw_end = False
        self.lesson_list.select(lesson_id)
        self.reader.show_lesson(self.course, lesson, read=self.lesson_list.is_read(lesson_id))
        self.lesson_opened.emit(self.course, lesson)

    def step(self, offset: int) -> None:
        """Open the lesson `offset` places on, if there is one."""
        if self.course is None or self.lesson_id is None:
            return
        number = self.course.lesson(self.lesson_id).number + offset
        if 1 <= number <= len(self.course.lessons):
            self.open_lesson(self.course.lessons[number - 1].id)

    def mark(self, state: LessonState) -> None:
        self.lesson_list.mark(state)

    def _on_reached_end(self) -> None:
        """Mark the lesson read as soon as its end is reached, not only on leaving it; a
        glance at a short lesson that fits the screen must first last a sitting."""
        if self.saw_end:
            return
        self.saw_end = True
        lesson_id = self.lesson_id
        left = MIN_SITTING_SECONDS - (time.monotonic() - self.opened_at)
        QTimer.singleShot(  # with `self` as context: dropped if the page goes first
            max(0, int(left * 1000) + 50),
            self,
            lambda: self.finish_sitting() if self.lesson_id == lesson_id else None,
        )

    def finish_sitting(self) -> None:
        """Record the time with the lesson being left; it is read if its end was seen."""
        if self.course is None or self.lesson_id is None:
            return
        if self.right.currentWidget() is self.welcome:
            return  # the lesson behind the welcome is not being read
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
