"""StudyService: the one façade over content, quiz and progress that the ui and cli call."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from studyapp.content import Catalogue, Course, Problem, load_catalogue
from studyapp.progress import ProgressStore, default_location, open_engine
from studyapp.quiz import Grade, Question, Response, build_quiz, grade


@dataclass(frozen=True)
class LessonState:
    """What a lesson list shows for one lesson."""

    lesson_id: str
    read: bool


class StudyService:
    """Course catalogue and progress for one learner and one database."""

    def __init__(self, catalogue: Catalogue, store: ProgressStore | None) -> None:
        self.catalogue = catalogue
        self._store = store

    @property
    def store(self) -> ProgressStore:
        if self._store is None:
            raise RuntimeError("this service was opened without a progress database")
        return self._store

    @classmethod
    def without_progress(cls, content: Path) -> StudyService:
        """Courses and quizzes only: nothing is read from or written to a database."""
        return cls(load_catalogue(content), None)

    @classmethod
    def open(cls, content: Path, db: str | None = None, profile: str = "default") -> StudyService:
        """Load every course under `content` and open (or create) the progress database."""
        catalogue = load_catalogue(content)
        engine = open_engine(db or default_location())
        return cls(catalogue, ProgressStore(engine, profile))

    def close(self) -> None:
        if self._store is not None:
            self._store.engine.dispose()

    @property
    def courses(self) -> tuple[Course, ...]:
        return self.catalogue.courses

    @property
    def broken_courses(self) -> dict[str, tuple[Problem, ...]]:
        """Course folders that failed to load, with what is wrong in each."""
        return self.catalogue.broken

    def course(self, course_id: str) -> Course:
        return self.catalogue.course(course_id)

    def lesson_states(self, course_id: str) -> list[LessonState]:
        read = self.store.read_lessons(course_id)
        return [
            LessonState(lesson.id, lesson.id in read) for lesson in self.course(course_id).lessons
        ]

    def record_reading(
        self, course_id: str, lesson_id: str, *, seconds: int, finished: bool
    ) -> LessonState:
        """Keep a sitting with a lesson; returns the lesson's new state for the list."""
        self.course(course_id).lesson(lesson_id)  # an unknown lesson is an error, not a row
        self.store.record_reading(course_id, lesson_id, seconds=seconds, finished=finished)
        return LessonState(lesson_id, lesson_id in self.store.read_lessons(course_id))

    def quiz(
        self,
        course_id: str,
        *,
        lessons: list[str] | None = None,
        count: int = 10,
        types: list[str] | None = None,
        seed: int | None = None,
    ) -> list[Question]:
        """A new quiz on a course; the same seed gives the same questions."""
        rng = random.Random(seed)
        return build_quiz(
            self.course(course_id), lessons=lessons, count=count, types=types, rng=rng
        )

    def grade(self, question: Question, response: Response) -> Grade:
        return grade(question, response)
