"""The quiz screen: choose a quiz, answer one question at a time, then see the results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studyapp.content import Course
from studyapp.quiz.question import QUESTION_TYPES, Question
from studyapp.ui.answer_widgets import AnswerWidget, answer_widget, set_state
from studyapp.ui.preferences import MAX_LENGTH, SavedSettings

if TYPE_CHECKING:
    from studyapp.quiz import Grade, Response
    from studyapp.service import AnswerOutcome, QuizSession, Results, StudyService
from studyapp.ui.qt import (
    QCheckBox,
    QElapsedTimer,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

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
TOPIC_LABELS = {"event": "Events", "perspective": "Perspectives", "concept": "Concepts"}


def label(text: str, name: str = "", wrap: bool = True) -> QLabel:
    """A plain-text label; its name may give it a size (see `theme.TEXT_SIZES`)."""
    widget = QLabel(text)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(wrap)
    if name:
        widget.setObjectName(name)
    return widget


def type_checkboxes(chosen: list[str]) -> tuple[QGridLayout, dict[str, QCheckBox]]:
    """A box per question type, two to a row, ticked for the chosen ones."""
    grid = QGridLayout()
    boxes: dict[str, QCheckBox] = {}
    for index, name in enumerate(QUESTION_TYPES):
        box = QCheckBox(TYPE_LABELS[name])
        box.setToolTip(f"Include {TYPE_LABELS[name].lower()} questions")
        box.setChecked(name in chosen)
        grid.addWidget(box, index // 2, index % 2)
        boxes[name] = box
    return grid, boxes


class QuizSetup(QWidget):
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
        self.start.setAutoDefault(True)
        self.start.setToolTip("Start the quiz (Enter)")
        self.hint = label("", "muted")
        self.all_lessons.clicked.connect(self._tick_all)
        self.lessons.itemChanged.connect(self._update)
        self.start.clicked.connect(self._start)

        self.lessons.setObjectName("checkList")
        left = QVBoxLayout()
        left.addWidget(label("Lessons", "heading"))
        left.addWidget(self.lessons)
        left.addWidget(self.all_lessons, 0, Qt.AlignmentFlag.AlignLeft)
        left.addStretch(1)
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
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addSpacing(24)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.resume_box)
        layout.addSpacing(8)
        layout.addLayout(columns, 1)

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
        rows = self.lessons.sizeHintForRow(0) * self.lessons.count()
        self.lessons.setFixedHeight(rows + 2 * self.lessons.frameWidth() + 8)
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

    def chosen_lessons(self) -> list[str]:
        return [
            str(self.lessons.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.lessons.count())
            if self.lessons.item(row).checkState() == Qt.CheckState.Checked
        ]

    def chosen_types(self) -> list[str]:
        return [name for name, box in self.type_boxes.items() if box.isChecked()]

    def _tick_all(self) -> None:
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
        self.feedback_text = label("")
        self.explanation = label("")
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_source = QPushButton("Show in lesson")
        self.show_source.setToolTip("Open the lesson at the sentence this question comes from")
        self.next = QPushButton("Next question")
        self.next.setAutoDefault(True)
        self.next.setToolTip("Go on (Enter or Space)")
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_source)
        buttons.addStretch(1)
        buttons.addWidget(self.next)
        box = QVBoxLayout(self.feedback)
        box.setContentsMargins(16, 12, 16, 12)
        box.addWidget(self.verdict)
        box.addWidget(self.feedback_text)
        box.addWidget(self.explanation)
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
        scroll.setWidgetResizable(True)
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
        self.answer.focus_first()

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
        self.feedback_text.setText(problem)
        self.feedback_text.show()
        self.explanation.hide()
        self.show_source.hide()
        self.next.setText("Try saving again")
        self.next.setToolTip("Save this answer again, once the problem is fixed (Enter)")
        self.feedback.show()
        self.next.setFocus()

    def show_feedback(self, grade: Grade, response: Response, last: bool) -> None:
        assert self.answer is not None and self.question is not None
        self.explanation.show()
        self.show_source.show()
        self.next.setToolTip("Go on (Enter or Space)")
        self.answer.show_result(grade, response)
        if grade.correct:
            state, word = "right", "✓ Correct"
        elif grade.score > 0:
            state, word = "partial", f"◐ Partly right ({round(grade.score * 100)}%)"
        else:
            state, word = "wrong", "✗ Not quite"
        set_state(self.feedback, state)
        set_state(self.verdict, state)
        self.verdict.setText(word)
        detail = grade.feedback.removeprefix("Correct!").removeprefix("Not quite.").strip()
        self.feedback_text.setText(detail)
        self.feedback_text.setVisible(bool(detail))
        self.explanation.setText(self.question.explanation)
        self.next.setText("See results" if last else "Next question")
        self.progress.setValue(self.progress.value() + 1)
        self.feedback.show()
        self.next.setFocus()

    def _show_source(self) -> None:
        if self.question is not None:
            self.show_in_lesson.emit(self.question.lesson_id, self.question.source)


class ResultsPanel(QWidget):
    """Score, time, how each topic went, and the questions missed."""

    retry_requested = Signal()
    new_quiz_requested = Signal()
    back_requested = Signal()
    show_in_lesson = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.missed: list[Question] = []
        self.score = label("", "bigNumber", wrap=False)
        self.summary = label("")
        self.topics = label("")
        self.missed_title = label("Questions to look at again", "heading")
        self.missed_list = QListWidget()
        self.missed_list.setObjectName("missedList")
        self.missed_list.setWordWrap(True)
        self.missed_list.setAccessibleName("Questions missed")
        self.missed_list.setToolTip("Double-click (or Enter) to read the sentence in its lesson")
        self.retry = QPushButton("Retry missed")
        self.retry.setToolTip("Ask the missed questions again")
        self.source = QPushButton("Show in lesson")
        self.source.setToolTip("Read the selected question's sentence in its lesson")
        self.new_quiz = QPushButton("New quiz")
        self.back = QPushButton("Back to lessons")
        buttons = QHBoxLayout()
        for button in (self.retry, self.source):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.new_quiz)
        buttons.addWidget(self.back)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(label("Results", "title"))
        layout.addWidget(self.score)
        layout.addWidget(self.summary)
        layout.addWidget(self.topics)
        layout.addSpacing(8)
        layout.addWidget(self.missed_title)
        layout.addWidget(self.missed_list, 1)
        layout.addLayout(buttons)
        self.retry.clicked.connect(self.retry_requested)
        self.new_quiz.clicked.connect(self.new_quiz_requested)
        self.back.clicked.connect(self.back_requested)
        self.source.clicked.connect(self._show_selected)
        self.missed_list.itemActivated.connect(lambda _item: self._show_selected())

    def show_results(self, results: Results, milliseconds: int) -> None:
        from studyapp.service import points

        total, score, earlier = len(results.answers), results.score, results.earlier
        self.score.setText(f"{points(score)} / {total}")
        percent = round(100 * score / total) if total else 0
        seconds = milliseconds // 1000
        took = f"{seconds // 60} min {seconds % 60} s" if seconds >= 60 else f"{seconds} s"
        extra = f" · plus {earlier} answered before you resumed" if earlier else ""
        self.summary.setText(f"{percent}% right · {took}{extra}")
        parts = []
        for topic, name in TOPIC_LABELS.items():
            mine = [grade for question, grade in results.answers if question.topic == topic]
            if mine:
                right = sum(grade.score for grade in mine)
                parts.append(f"{name}: {points(right)} of {len(mine)}")
        self.topics.setText("   ·   ".join(parts))
        self.missed = results.missed
        self.missed_list.clear()
        for question in self.missed:
            item = QListWidgetItem(f"{question.prompt}\n→ {question.answer_text}")
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

    def _show_selected(self) -> None:
        row = self.missed_list.currentRow()
        if 0 <= row < len(self.missed):
            question = self.missed[row]
            self.show_in_lesson.emit(question.lesson_id, question.source)


class QuizPage(QStackedWidget):
    """A view of the quiz session: it shows the current question, hands the response to
    the session (which saves it at once) and shows what came back."""

    show_in_lesson = Signal(str, str)  # lesson id, sentence
    answer_saved = Signal(object)  # the AnswerOutcome: what moved (mastery, review count)
    back_to_lessons = Signal()

    def __init__(self, settings: SavedSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service: StudyService | None = None
        self.course: Course | None = None
        self.lesson_id: str | None = None
        self.session: QuizSession | None = None
        self.last: QuizSession | None = None  # the quiz the results are of, for a retry
        self.unsaved: Response | None = None  # an answer the disk refused
        self.request: tuple[list[str], int, list[str]] | None = None  # the last quiz asked
        self.timer = QElapsedTimer()
        self.quiz_timer = QElapsedTimer()
        self.setup = QuizSetup(settings)
        self.question_panel = QuestionPanel()
        self.results_panel = ResultsPanel()
        for page in (self.setup, self.question_panel, self.results_panel):
            self.addWidget(page)
        self.setup.start_requested.connect(self._start_new)
        self.setup.resume_requested.connect(self._resume)
        self.setup.abandon_requested.connect(self._abandon)
        self.question_panel.answered.connect(self._answered)
        self.question_panel.next_requested.connect(self._next)
        self.question_panel.end_requested.connect(self._finish)
        self.question_panel.show_in_lesson.connect(self.show_in_lesson)
        self.question_panel.add_lesson_requested.connect(self._add_next_lesson)
        self.results_panel.show_in_lesson.connect(self.show_in_lesson)
        self.results_panel.retry_requested.connect(self._retry)
        self.results_panel.new_quiz_requested.connect(self.show_setup)
        self.results_panel.back_requested.connect(self.back_to_lessons)

    @property
    def service(self) -> StudyService:
        assert self._service is not None, "the quiz page has no service attached yet"
        return self._service

    def attach(self, service: StudyService) -> None:
        self._service = service

    def leave(self) -> None:
        """Put a quiz under way aside (as closing the window would: it can be resumed) and
        go back to the setup, e.g. before another learner takes over."""
        self.session = None
        self.last = None
        self.unsaved = None
        self.setCurrentWidget(self.setup)

    def set_context(self, course: Course, lesson_id: str | None) -> None:
        self.course, self.lesson_id = course, lesson_id

    @property
    def in_progress(self) -> bool:
        return self.session is not None and self.currentWidget() is self.question_panel

    def show_setup(self, lesson_id: str | None = None) -> None:
        """The setup form, unless a quiz is under way (then it stays on its question)."""
        if self.course is None or self.in_progress:
            return
        unfinished = self.service.unfinished_quiz(self.course.id)
        self.setup.prepare(self.course, lesson_id or self.lesson_id, unfinished)
        self.setCurrentWidget(self.setup)
        self.setup.start.setFocus()

    def start(self, session: QuizSession) -> None:
        """Ask a quiz's remaining questions."""
        self.session = session
        self.unsaved = None
        shortfall = session.shortfall
        self.question_panel.show_shortfall(
            shortfall.message if shortfall else None,
            bool(shortfall and shortfall.next_lesson),
        )
        self.quiz_timer.start()
        if session.finished:
            self._finish()
            return
        self._ask()

    def _start_new(self, lessons: list[str], length: int, types: list[str]) -> None:
        assert self.course is not None
        self.request = (lessons, length, types)
        session = self.service.start_quiz(
            self.course.id, lessons=lessons, count=length, types=types
        )
        if not session.questions:
            session.abandon()
            self.setup.hint.setText("These lessons and types give no questions: tick more.")
            return
        self.start(session)

    def _add_next_lesson(self) -> None:
        """A short quiz, begun again with the next lesson too; answers so far are kept."""
        session = self.session
        if session is None or session.shortfall is None or self.request is None:
            return
        extra = session.shortfall.next_lesson
        lessons, length, types = self.request
        if extra is None:
            return
        session.abandon()
        self._start_new([*lessons, extra], length, types)

    def _resume(self) -> None:
        if self.course is not None:
            session = self.service.unfinished_quiz(self.course.id)
            if session is not None:
                self.start(session)

    def _abandon(self) -> None:
        if self.course is not None:
            session = self.service.unfinished_quiz(self.course.id)
            if session is not None:
                session.abandon()
            self.show_setup()

    def _ask(self) -> None:
        assert self.session is not None and self.course is not None
        question = self.session.current()
        assert question is not None
        title = self.course.lesson(question.lesson_id).title
        self.setCurrentWidget(self.question_panel)
        self.question_panel.ask(question, self.session.number(question), self.session.total, title)
        self.timer.start()

    def _answered(self, question: Question, response: Response) -> None:
        from studyapp.service import StoreError

        assert self.session is not None and self.session.current() == question
        seconds = self.timer.elapsed() / 1000
        try:
            outcome: AnswerOutcome = self.session.answer(response, seconds=seconds)
        except StoreError as error:
            self.unsaved = response
            self.question_panel.show_not_saved(str(error))
            return
        self.unsaved = None
        self.question_panel.show_feedback(outcome.grade, response, last=self.session.finished)
        self.answer_saved.emit(outcome)

    def _next(self) -> None:
        if self.unsaved is not None and self.session is not None:
            question = self.session.current()
            assert question is not None
            self._answered(question, self.unsaved)
            return
        if self.session is not None and not self.session.finished:
            self._ask()
        else:
            self._finish()

    def _finish(self) -> None:
        if self.session is None:
            return
        results = self.session.finish()
        self.results_panel.show_results(results, self.quiz_timer.elapsed())
        self.setCurrentWidget(self.results_panel)
        self.last, self.session = self.session, None

    def _retry(self) -> None:
        if self.last is not None and self.results_panel.missed:
            self.start(self.last.retry_missed())
