"""The results of a sitting: score, time, each topic, and the questions missed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studyapp.quiz.question import Question
from studyapp.ui.flow import FlowLayout
from studyapp.ui.qt import (
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from studyapp.ui.widgets import label

if TYPE_CHECKING:
    from studyapp.quiz import Grade
    from studyapp.service import Results

PERFECT_AT_LEAST = 3  # one right answer is not yet a perfect quiz
TOPIC_LABELS = {"event": "Events", "perspective": "Perspectives", "concept": "Concepts"}


class ResultsPanel(QWidget):
    """Score, time, how each topic went, and the questions missed."""

    retry_requested = Signal()
    keep_going_requested = Signal()  # another round of review
    new_quiz_requested = Signal()
    back_requested = Signal()
    show_in_lesson = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.missed: list[Question] = []
        self.score = label("", "bigNumber", wrap=False)
        self.summary = label("")
        self.topics = label("")
        self.perfect = label("★ A perfect score: every answer right!", "celebration")
        self.perfect.hide()
        self.missed_title = label("Questions to look at again", "heading")
        self.missed_list = QListWidget()
        self.missed_list.setObjectName("missedList")
        self.missed_list.setWordWrap(True)  # long answers wrap: no sideways scrolling
        self.missed_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.missed_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.missed_list.setAccessibleName("Questions missed")
        self.missed_list.setToolTip("Double-click (or Enter) to read the sentence in its lesson")
        self.caught_up = label("", "muted")
        self.keep_going = QPushButton("Keep going")
        self.keep_going.setObjectName("primary")
        self.keep_going.setAutoDefault(True)  # Enter goes on, as on every primary button
        self.keep_going.setToolTip("Review the next round of due items")
        self.keep_going.hide()
        self.retry = QPushButton("Retry missed")
        self.retry.setToolTip("Ask the missed questions again")
        self.source = QPushButton("Show in lesson")
        self.source.setToolTip("Read the selected question's sentence in its lesson")
        self.new_quiz = QPushButton("New quiz")
        self.back = QPushButton("Back to lessons")
        buttons = FlowLayout()  # wraps at large text sizes rather than overlapping
        for button in (self.keep_going, self.retry, self.source):
            buttons.addWidget(button)
        buttons.add_stretch()
        buttons.addWidget(self.new_quiz)
        buttons.addWidget(self.back)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(label("Results", "title"))
        layout.addWidget(self.score)
        layout.addWidget(self.perfect)
        layout.addWidget(self.summary)
        layout.addWidget(self.topics)
        layout.addWidget(self.caught_up)
        layout.addSpacing(8)
        layout.addWidget(self.missed_title)
        layout.addWidget(self.missed_list, 1)
        layout.addLayout(buttons)
        self.retry.clicked.connect(self.retry_requested)
        self.keep_going.clicked.connect(self.keep_going_requested)
        self.new_quiz.clicked.connect(self.new_quiz_requested)
        self.back.clicked.connect(self.back_requested)
        self.source.clicked.connect(self._show_selected)
        self.missed_list.itemActivated.connect(lambda _item: self._show_selected())

    def show_results(self, results: Results, milliseconds: int, celebrate: bool = True) -> None:
        from studyapp.service import points

        total, score, earlier = len(results.answers), results.score, results.earlier
        self.score.setText(f"{points(score)} / {total}")
        percent = round(100 * score / total) if total else 0
        seconds = milliseconds // 1000
        took = f"{seconds // 60} min {seconds % 60} s" if seconds >= 60 else f"{seconds} s"
        extra = f" · plus {earlier} answered before you resumed" if earlier else ""
        self.summary.setText(f"{percent}% right · {took}{extra}")
        perfect = celebrate and total >= PERFECT_AT_LEAST and score == total
        self.perfect.setVisible(perfect)
        parts = []
        for topic, name in TOPIC_LABELS.items():
            mine = [grade for question, grade in results.answers if question.topic == topic]
            if mine:
                right = sum(grade.score for grade in mine)
                parts.append(f"{name}: {points(right)} of {len(mine)}")
        self.topics.setText("   ·   ".join(parts))
        self.missed = results.missed
        self.missed_list.clear()
        for question, grade in results.answers:
            if not grade.correct:
                text = missed_text(question, grade)
                item = QListWidgetItem(text)
                item.setToolTip(text)
                self.missed_list.addItem(item)
        if self.missed:
            self.missed_list.setCurrentRow(0)
        else:
            self.missed_list.addItem("Nothing missed. Well done!")
        has_missed = bool(self.missed)
        self.retry.setText(f"Retry missed ({len(self.missed)})" if has_missed else "Retry missed")
        for widget in (self.retry, self.source):
            widget.setEnabled(has_missed)
        self.missed_list.setEnabled(has_missed)
        (self.retry if has_missed else self.new_quiz).setFocus()

    def offer_more(self, due: int | None) -> None:
        """After a review round: another round while items are due (None: not a review)."""
        self.keep_going.setVisible(bool(due))
        self.caught_up.setVisible(due == 0)
        if due:
            self.keep_going.setText(f"Keep going ({due} due)")
            self.keep_going.setFocus()
        elif due == 0:
            self.caught_up.setText("All caught up: nothing else is due for review today.")

    def _show_selected(self) -> None:
        row = self.missed_list.currentRow()
        if 0 <= row < len(self.missed):
            question = self.missed[row]
            self.show_in_lesson.emit(question.lesson_id, question.source)


def missed_text(question: Question, grade: Grade) -> str:
    """A missed question as the list shows it: the prompt, what was said, what is right."""
    if question.format == "match":
        meanings = dict(question.pairs)
        pairs = "".join(f"\n    {term}: {meanings[term]}" for term in grade.wrong)
        return f"{question.prompt}\nMismatched: {', '.join(grade.wrong)}\nRight pairs:{pairs}"
    return f"{question.prompt}\nYou said: {grade.said}\nCorrect answer: {question.answer_text}"
