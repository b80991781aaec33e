"""One quiz being taken, without Qt: what the window and the terminal both drive.

The service makes a `QuizSession` for a new, review, lesson, retry or resumed quiz. A view
asks `current()`, hands the learner's response to `answer()` and shows the outcome; the
session keeps the answers of this sitting and knows when the quiz is over.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from studyapp.content import Course
from studyapp.quiz import Grade, Question, Response

if TYPE_CHECKING:
    from studyapp.service import StudyService


@dataclass(frozen=True)
class LessonState:
    """What a lesson list shows for one lesson."""

    lesson_id: str
    read: bool
    mastery: float = 0.0  # mean chance of recalling its items in a week; unseen count 0


@dataclass(frozen=True)
class Shortfall:
    """Why a quiz has fewer questions than asked, and the lesson that would add more."""

    message: str
    next_lesson: str | None = None  # its id: a quiz on the same lessons plus this one


def shortfall(course: Course, lessons: list[str], made: int, asked: int) -> Shortfall:
    """Say why a quiz came out short, and offer the next lesson when there is one."""
    chosen = lessons or [lesson.id for lesson in course.lessons]
    items = sum(len(course.items_in(lesson_id)) for lesson_id in chosen)
    where = "this lesson holds" if len(chosen) == 1 else "these lessons hold"
    questions = "1 question" if made == 1 else f"{made} questions"
    if items > made:  # items enough, but the rest would echo earlier questions
        why = "any more would ask again what earlier questions in this quiz have shown."
    else:
        why = f"{where} {items} item{'s' if items != 1 else ''}, and asking again what "
        why += "you have just seen would test nothing."
    message = f"Only {questions}, not {asked}: {why}"
    numbers = [course.lesson(lesson_id).number for lesson_id in chosen]
    following = [lesson for lesson in course.lessons if lesson.number > max(numbers)]
    earlier = [lesson for lesson in course.lessons if lesson.id not in chosen]
    if not (following or earlier):
        return Shortfall(message)
    extra = (following or earlier)[0]
    return Shortfall(f"{message} Add “{extra.title}” for more.", extra.id)


@dataclass(frozen=True)
class AnswerOutcome:
    """What an answer changed, so that each screen updates what it shows without asking
    again: the grade, when each tested item is due (UTC), the lessons whose mastery moved,
    and the review count."""

    grade: Grade
    due: dict[str, dt.datetime]
    lessons: tuple[LessonState, ...] = ()
    due_now: int = 0
    next_due: dt.datetime | None = None


def percent(share: float | None) -> str:
    """A share as a learner reads it: "67%", or "—" before there is any."""
    return "—" if share is None else f"{round(100 * share)}%"


def points(score: float) -> str:
    """A score as a learner reads it: "5.3", not "5.33333" (orderings earn thirds)."""
    return f"{round(score, 1):g}"


@dataclass(frozen=True)
class Results:
    """A sitting's answers, as the results screen and the terminal summary show them."""

    answers: tuple[tuple[Question, Grade], ...]
    earlier: int = 0  # answers given in an earlier sitting of a resumed quiz

    @property
    def score(self) -> float:
        return sum(grade.score for _, grade in self.answers)

    @property
    def missed(self) -> list[Question]:
        return [question for question, grade in self.answers if not grade.correct]


@dataclass
class QuizSession:
    """A quiz being taken: its questions, which have been answered, and this sitting's
    grades. Every answer is saved the moment it is given."""

    service: StudyService = field(repr=False)
    session_id: int
    course_id: str
    mode: str  # quiz, review or retry
    questions: list[Question]
    answered: list[str] = field(default_factory=list)  # question ids, in order
    shortfall: Shortfall | None = None  # why the quiz is shorter than asked, if it is
    graded: list[tuple[Question, Grade]] = field(default_factory=list)  # this sitting
    earlier: int = 0  # answered before this sitting
    _skipped: list[str] = field(default_factory=list)  # asked last, in the order skipped

    def __post_init__(self) -> None:
        self.earlier = len(self.answered)

    @property
    def remaining(self) -> list[Question]:
        done = set(self.answered)
        waiting = [q for q in self.questions if q.id not in done]
        later = [q for q in waiting if q.id in self._skipped]
        later.sort(key=lambda q: self._skipped.index(q.id))
        return [q for q in waiting if q.id not in self._skipped] + later

    @property
    def finished(self) -> bool:
        """Every question answered: the quiz is over even if the results were never seen."""
        return not self.remaining

    @property
    def total(self) -> int:
        return len(self.questions)

    def current(self) -> Question | None:
        remaining = self.remaining
        return remaining[0] if remaining else None

    def number(self, question: Question) -> int:
        """Its place in the quiz, from 1, as "Question 3 of 10" shows it."""
        return self.questions.index(question) + 1

    def answer(
        self, response: Response, *, seconds: float, now: dt.datetime | None = None
    ) -> AnswerOutcome:
        """Grade the current question's answer, keep it and reschedule its items."""
        question = self.current()
        if question is None:
            raise ValueError("this quiz has no question left to answer")
        return self.service.answer(self, question, response, seconds=seconds, now=now)

    def skip(self) -> None:
        """Ask the current question last."""
        question = self.current()
        if question is not None and len(self.remaining) > 1:
            if question.id in self._skipped:
                self._skipped.remove(question.id)
            self._skipped.append(question.id)

    def finish(self) -> Results:
        """End the quiz (answered in full or left early); what was answered stays."""
        self.service.finish_quiz(self)
        return Results(tuple(self.graded), self.earlier)

    def abandon(self) -> None:
        """Leave the quiz for good without results; answers given so far stay."""
        self.service.finish_quiz(self)

    def retry_missed(self) -> QuizSession:
        """The questions of this sitting answered wrongly, as a new quiz."""
        missed = Results(tuple(self.graded)).missed
        return self.service.start_retry(self.course_id, missed)
