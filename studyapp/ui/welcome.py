"""The first run: what the course is, how long it takes, and the one thing to do next."""

from __future__ import annotations

from studyapp.content import Course
from studyapp.ui.qt import QHBoxLayout, QPushButton, QVBoxLayout, QWidget, Signal
from studyapp.ui.widgets import label

WORDS_A_MINUTE = 200  # an unhurried reading pace


def reading_minutes(course: Course) -> int:
    words = sum(len(lesson.text.split()) for lesson in course.lessons)
    return max(1, round(words / WORDS_A_MINUTE))


class Welcome(QWidget):
    """Shown in the reader's place to a learner who has not read or answered anything."""

    start_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("Welcome to StudyApp", "title")
        self.course = label("", "heading")
        self.about = label("")
        self.about.setMaximumWidth(640)
        self.steps = label(
            "1. Read a lesson: key terms are underlined; hover or Tab to one for its meaning.\n"
            "2. Take a quiz on it: every answer is explained, with the sentence it comes from.\n"
            "3. Come back when items are due: Review asks them just before you would forget.",
        )
        self.steps.setMaximumWidth(640)
        self.start = QPushButton("Start Lesson 1")
        self.start.setObjectName("primary")
        self.start.setAutoDefault(True)
        self.start.setToolTip("Open the first lesson and start reading")
        self.start.clicked.connect(self.start_requested)
        row = QHBoxLayout()
        row.addWidget(self.start)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(12)
        for widget in (self.title, self.course, self.about, self.steps):
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addStretch(1)

    def show_course(self, course: Course) -> None:
        lessons = len(course.lessons)
        minutes = reading_minutes(course)
        self.course.setText(course.title)
        self.about.setText(
            f"{lessons} short lesson{'s' if lessons != 1 else ''}, about {minutes} minute"
            f"{'s' if minutes != 1 else ''} of reading in all, then quizzes that bring back "
            "what you learnt until you know it for good."
        )
