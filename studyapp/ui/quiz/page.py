"""The quiz screen: a view of the quiz session, from the setup to the results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studyapp.content import Course
from studyapp.quiz.question import Question
from studyapp.ui.preferences import SavedSettings
from studyapp.ui.qt import (
    QElapsedTimer,
    QStackedWidget,
    QWidget,
    Signal,
)
from studyapp.ui.quiz.question import QuestionPanel
from studyapp.ui.quiz.results import ResultsPanel
from studyapp.ui.quiz.setup import QuizSetup

if TYPE_CHECKING:
    from studyapp.quiz import Response
    from studyapp.service import AnswerOutcome, QuizSession, StudyService


class QuizPage(QStackedWidget):
    """A view of the quiz session: it shows the current question, hands the response to
    the session (which saves it at once) and shows what came back."""

    show_in_lesson = Signal(str, str)  # lesson id, sentence
    answer_saved = Signal(object)  # the AnswerOutcome: what moved (mastery, review count)
    back_to_lessons = Signal()
    review_requested = Signal()  # another round of review

    def __init__(self, settings: SavedSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service: StudyService | None = None
        self.settings = settings
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
        self.results_panel.keep_going_requested.connect(self.review_requested)
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
        self.results_panel.show_results(
            results, self.quiz_timer.elapsed(), celebrate=self.settings.celebrate
        )
        reviewing = self.session.mode == "review" and self.course is not None
        due = len(self.service.due_items(self.course.id)) if reviewing and self.course else None
        self.results_panel.offer_more(due)
        self.setCurrentWidget(self.results_panel)
        self.last, self.session = self.session, None

    def _retry(self) -> None:
        if self.last is not None and self.results_panel.missed:
            self.start(self.last.retry_missed())
