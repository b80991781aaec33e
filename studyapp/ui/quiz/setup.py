"""The quiz setup: which lessons, how many questions, which question types; or resume."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studyapp.content import Course
from studyapp.quiz.question import QUESTION_TYPES
from studyapp.ui.flow import FlowLayout
from studyapp.ui.preferences import MAX_LENGTH, SavedSettings
from studyapp.ui.qt import (
    QBoxLayout,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QResizeEvent,
    QScrollArea,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from studyapp.ui.widgets import label

if TYPE_CHECKING:
    from studyapp.service import QuizSession

TYPE_LABELS = {
    "concept_definition": "Definitions",
    "term_from_definition": "Terms",
    "event_date": "Dates",
    "event_order": "Ordering",
    "perspective_attribution": "Who holds a view",
    "true_false": "True or false",
    "cloze": "Fill in the blank",
    "matching": "Matching",
}


def type_checkboxes(chosen: list[str]) -> tuple[FlowLayout, dict[str, QCheckBox]]:
    """A box per question type, as many to a line as fit, ticked for the chosen ones."""
    flow = FlowLayout()
    boxes: dict[str, QCheckBox] = {}
    for name in QUESTION_TYPES:
        box = QCheckBox(TYPE_LABELS[name])
        box.setToolTip(f"Include {TYPE_LABELS[name].lower()} questions")
        box.setChecked(name in chosen)
        flow.addWidget(box)
        boxes[name] = box
    return flow, boxes


class QuizSetup(QScrollArea):
    """Choose lessons, length and question types; or resume an unfinished quiz."""

    start_requested = Signal(list, int, list)  # lesson ids, length, types
    resume_requested = Signal()
    abandon_requested = Signal()

    def __init__(self, settings: SavedSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.title = label("New quiz", "title")
        self.subtitle = label("", "muted")
        self.resume_box = QFrame()
        self.resume_box.setObjectName("banner")
        self.resume_text = label("")
        resume = QPushButton("Resume")
        resume.setToolTip("Carry on where you left off")
        abandon = QPushButton("Abandon")
        abandon.setToolTip("End that quiz; the answers you gave are kept")
        row = QHBoxLayout(self.resume_box)
        row.addWidget(self.resume_text, 1)
        row.addWidget(resume)
        row.addWidget(abandon)
        resume.clicked.connect(self.resume_requested)
        abandon.clicked.connect(self.abandon_requested)

        self.lessons = QListWidget()
        self.lessons.setAccessibleName("Lessons to ask about")
        self.lessons.setToolTip("Tick the lessons to be asked about (Space ticks the selected one)")
        self.all_lessons = QPushButton("All lessons")
        self.all_lessons.setToolTip("Tick every lesson")
        self.length = QSpinBox()
        self.length.setRange(1, MAX_LENGTH)
        self.length.setSuffix(" questions")
        self.length.setToolTip("How many questions (fewer if the lessons cannot fill them)")
        types, self.type_boxes = type_checkboxes(list(QUESTION_TYPES))
        for box in self.type_boxes.values():
            box.toggled.connect(self._update)
        self.start = QPushButton("Start quiz")
        self.start.setObjectName("primary")
        self.start.setAutoDefault(True)
        self.start.setToolTip("Start the quiz (Enter)")
        self.hint = label("", "muted")
        self.all_lessons.clicked.connect(self.tick_all)
        self.lessons.itemChanged.connect(self._update)
        self.start.clicked.connect(self._start)

        self.lessons.setObjectName("checkList")
        self.lessons.setWordWrap(True)  # long titles wrap in a narrow window
        self.lessons.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lessons.setResizeMode(QListWidget.ResizeMode.Adjust)
        left = QVBoxLayout()
        left.addWidget(label("Lessons", "heading"))
        left.addWidget(self.lessons, 1)
        left.addWidget(self.all_lessons, 0, Qt.AlignmentFlag.AlignLeft)
        right = QVBoxLayout()
        right.addWidget(label("Length", "heading"))
        right.addWidget(self.length)
        right.addSpacing(12)
        right.addWidget(label("Question types", "heading"))
        right.addLayout(types)
        right.addSpacing(16)
        right.addWidget(self.hint)
        right.addWidget(self.start, 0, Qt.AlignmentFlag.AlignLeft)
        right.addStretch(1)
        self.columns = columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.setSpacing(24)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        body = QWidget()  # scrolls rather than squeezes at large text in a small window
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.resume_box)
        layout.addSpacing(8)
        layout.addLayout(columns, 1)
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls, not the frame

    def prepare(
        self, course: Course, lesson_id: str | None, unfinished: QuizSession | None
    ) -> None:
        self.subtitle.setText(course.title)
        self.lessons.blockSignals(True)
        self.lessons.clear()
        for lesson in course.lessons:
            item = QListWidgetItem(f"{lesson.number}. {lesson.title}")
            item.setData(Qt.ItemDataRole.UserRole, lesson.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            wanted = lesson_id is None or lesson.id == lesson_id
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
            self.lessons.addItem(item)
        self.lessons.blockSignals(False)
        self.length.setValue(self.settings.quiz_length)
        chosen = self.settings.quiz_types
        for name, box in self.type_boxes.items():
            box.setChecked(name in chosen)
        if unfinished is not None:
            done, total = len(unfinished.answered), len(unfinished.questions)
            kind = "review" if unfinished.mode == "review" else "quiz"
            self.resume_text.setText(f"You left a {kind} unfinished: {done} of {total} answered.")
        self.resume_box.setVisible(unfinished is not None)
        self._update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side when there is room, else one above the other (large text, small
        window); the lesson list scrolls when it must."""
        super().resizeEvent(event)
        narrow = self.viewport().width() < self.fontMetrics().averageCharWidth() * 75
        direction = QBoxLayout.Direction
        self.columns.setDirection(direction.TopToBottom if narrow else direction.LeftToRight)
        self.lessons.setMinimumHeight(self.fontMetrics().height() * 9)  # about five lessons

    def chosen_lessons(self) -> list[str]:
        return [
            str(self.lessons.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.lessons.count())
            if self.lessons.item(row).checkState() == Qt.CheckState.Checked
        ]

    def chosen_types(self) -> list[str]:
        return [name for name, box in self.type_boxes.items() if box.isChecked()]

    def tick_all(self) -> None:
        for row in range(self.lessons.count()):
            self.lessons.item(row).setCheckState(Qt.CheckState.Checked)

    def _update(self) -> None:
        if not self.chosen_lessons():
            self.hint.setText("Tick at least one lesson.")
        elif not self.chosen_types():
            self.hint.setText("Tick at least one question type.")
        else:
            self.hint.setText("")
        self.start.setEnabled(not self.hint.text())

    def _start(self) -> None:
        if self.start.isEnabled():
            self.start_requested.emit(
                self.chosen_lessons(), self.length.value(), self.chosen_types()
            )
