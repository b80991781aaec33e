"""One question on screen: progress, prompt, the answer widget, then the feedback."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from studyapp.quiz.question import Question
from studyapp.ui.answer_widgets import AnswerWidget, answer_widget, set_state
from studyapp.ui.flow import FlowLayout
from studyapp.ui.qt import (
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from studyapp.ui.widgets import label

if TYPE_CHECKING:
    from studyapp.quiz import Grade, Response


class QuestionPanel(QWidget):
    """One question: progress, prompt, the answer widget, then the feedback."""

    answered = Signal(object, object)  # question, response
    next_requested = Signal()
    end_requested = Signal()
    show_in_lesson = Signal(str, str)  # lesson id, sentence
    add_lesson_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question: Question | None = None
        self.answer: AnswerWidget | None = None
        self.shortfall = QFrame()
        self.shortfall.setObjectName("banner")
        self.shortfall_text = label("")
        self.add_lesson = QPushButton("Add the next lesson")
        self.add_lesson.setToolTip("Start again on these lessons and the next one")
        self.add_lesson.clicked.connect(self.add_lesson_requested)
        strip = QHBoxLayout(self.shortfall)
        strip.setContentsMargins(12, 6, 12, 6)
        strip.addWidget(self.shortfall_text, 1)
        strip.addWidget(self.add_lesson)
        self.shortfall.hide()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.setAccessibleName("Quiz progress")
        self.position = label("", "muted")
        self.end = QPushButton("End quiz")
        self.end.setToolTip("Stop here and see the results; every answer so far is kept")
        self.end.clicked.connect(self.end_requested)
        self.prompt = label("", "prompt")
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.answer_area = QVBoxLayout()
        self.feedback = QFrame()
        self.feedback.setObjectName("feedback")
        self.verdict = label("", "verdict")
        self.feedback_text = label("")  # "You said … / Correct answer …", or a problem
        self.feedback_text.setTextFormat(Qt.TextFormat.RichText)
        self.why = label("")
        self.lesson_says = label("", "muted")
        for text in (self.feedback_text, self.why, self.lesson_says):
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.celebration = label("", "celebration")
        self.celebration.hide()
        self.show_source = QPushButton("Show in lesson")
        self.show_source.setToolTip("Open the lesson at the sentence this question comes from")
        self.next = QPushButton("Next question")
        self.next.setObjectName("primary")
        self.next.setAutoDefault(True)
        self.next.setToolTip("Go on (Enter or Space)")
        buttons = FlowLayout()
        buttons.addWidget(self.show_source)
        buttons.add_stretch()
        buttons.addWidget(self.next)
        box = QVBoxLayout(self.feedback)
        box.setContentsMargins(16, 12, 16, 12)
        box.addWidget(self.verdict)
        box.addWidget(self.feedback_text)
        box.addWidget(self.why)
        box.addWidget(self.lesson_says)
        box.addWidget(self.celebration)
        box.addLayout(buttons)
        self.feedback.hide()
        self.show_source.clicked.connect(self._show_source)
        self.next.clicked.connect(self.next_requested)

        top = QVBoxLayout()
        heading = QHBoxLayout()
        heading.addWidget(self.position, 1)
        heading.addWidget(self.end)
        top.addLayout(heading)
        top.addWidget(self.progress)
        top.addWidget(self.shortfall)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.prompt)
        column.addSpacing(8)
        column.addLayout(self.answer_area)
        column.addSpacing(8)
        column.addWidget(self.feedback)
        column.addStretch(1)
        body.setMaximumWidth(880)
        holder = QWidget()
        centre = QHBoxLayout(holder)
        centre.addStretch(1)
        centre.addWidget(body, 100)
        centre.addStretch(1)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the answer, not the frame
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # reflow
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addWidget(scroll, 1)

    def ask(self, question: Question, number: int, total: int, lesson_title: str) -> None:
        self.question = question
        self.position.setText(f"Question {number} of {total}  ·  {lesson_title}")
        self.progress.setRange(0, total)
        self.progress.setValue(number - 1)
        self.prompt.setText(question.prompt)
        if self.answer is not None:
            self.answer_area.removeWidget(self.answer)
            self.answer.hide()  # at once: deleteLater waits for the event loop
            self.answer.deleteLater()
        self.answer = answer_widget(question)
        self.answer.answered.connect(lambda response: self.answered.emit(question, response))
        self.answer_area.addWidget(self.answer)
        self.answer.show()  # now, not on the next event loop turn: keys may come at once
        self.feedback.hide()
        self.celebration.hide()
        self.answer.focus_first()

    def celebrate(self, words: str) -> None:
        """A quiet word under the feedback, until the next question."""
        self.celebration.setText(f"★ {words}")
        self.celebration.show()

    def show_shortfall(self, message: str | None, can_add: bool) -> None:
        """Say why the quiz is shorter than asked (hidden when it is not)."""
        self.shortfall.setVisible(message is not None)
        self.shortfall_text.setText(message or "")
        self.add_lesson.setVisible(can_add)

    def show_not_saved(self, problem: str) -> None:
        """The answer stays on screen, unsaved, with a button to try saving it again."""
        set_state(self.feedback, "wrong")
        set_state(self.verdict, "wrong")
        self.verdict.setText("⚠ Your answer was not saved")
        self.feedback_text.setText(escape(problem, quote=False))
        self.feedback_text.show()
        self.why.hide()
        self.lesson_says.hide()
        self.show_source.hide()
        self.next.setText("Try saving again")
        self.next.setToolTip("Save this answer again, once the problem is fixed (Enter)")
        self.feedback.show()
        self.next.setFocus()

    def show_feedback(self, grade: Grade, response: Response, last: bool) -> None:
        from studyapp.quiz.feedback import feedback  # grading's modules, not before the first frame

        assert self.answer is not None and self.question is not None
        self.show_source.show()
        self.next.setToolTip("Go on (Enter or Space)")
        self.answer.show_result(grade, response)
        shown = feedback(self.question, grade)
        set_state(self.feedback, shown.state)
        set_state(self.verdict, shown.state)
        self.verdict.setText(shown.verdict)
        rows = [("You said", shown.said), (shown.correct_label, shown.correct)]
        self.feedback_text.setText(
            "<br>".join(
                f"<b>{name}:</b> {escape(text, quote=False).replace(chr(10), '<br>')}"
                for name, text in rows
                if text
            )
        )
        self.feedback_text.setVisible(bool(shown.said or shown.correct))
        for text, words in ((self.why, shown.why), (self.lesson_says, shown.lesson_says)):
            text.setText(words)
            text.setVisible(bool(words))
        self.next.setText("See results" if last else "Next question")
        self.progress.setValue(self.progress.value() + 1)
        self.feedback.show()
        self.next.setFocus()

    def _show_source(self) -> None:
        if self.question is not None:
            self.show_in_lesson.emit(self.question.lesson_id, self.question.source)
