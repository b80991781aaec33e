"""StudyService: the one façade over content, quiz and progress that the ui and cli call.

Each learner action is one method and one transaction, and returns what changed.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError

from studyapp.clock import utcnow
from studyapp.content import Catalogue, Course, Problem, load_catalogue
from studyapp.progress import (
    AnswerRecord,
    DayCount,
    ItemRating,
    ProgressStore,
    Stats,
    StoreError,
    compute,
    default_location,
    open_database,
    rating_for,
)
from studyapp.progress.backups import Backup
from studyapp.progress.classroom import ClassReport, login_name
from studyapp.progress.errors import cause
from studyapp.progress.repository import profile_name
from studyapp.progress.stats import (
    Today,
    current_cards,
    item_mastery,
    lesson_mastery,
    today_so_far,
)
from studyapp.quiz import Grade, Question, Response, build_quiz, grade
from studyapp.safe_files import ExportError, check_target
from studyapp.service_backups import BackupsMixin
from studyapp.service_class import ClassMixin
from studyapp.session import (
    AnswerOutcome,
    LessonState,
    QuizSession,
    Results,
    Shortfall,
    percent,
    points,
    shortfall,
)

if TYPE_CHECKING:
    from studyapp.content.curation import CourseDraft

__all__ = [
    "AnswerOutcome",
    "Backup",
    "ClassReport",
    "DayCount",
    "ExportError",
    "Grade",
    "LessonState",
    "Question",
    "QuizSession",
    "Response",
    "Results",
    "Shortfall",
    "Stats",
    "StoreError",
    "StudyService",
    "Today",
    "percent",
    "points",
    "profile_name",
]

REVIEW_TRIES = 8  # quizzes a review may build to cover every due item
WEAK_MASTERY = 0.85  # items less sure than this to be recalled in a week are asked first


class StudyService(BackupsMixin, ClassMixin):
    """Course catalogue and progress for one learner and one database."""

    def __init__(
        self,
        catalogue: Catalogue,
        store: ProgressStore | None,
        *,
        tz: dt.tzinfo | None = None,
        notice: str | None = None,
        content: Path | None = None,
        database: Path | None = None,
    ) -> None:
        self.catalogue = catalogue
        self.content = content  # the folder the catalogue came from; imports go there
        self.database = database  # the SQLite file, None for a server or no database
        self._store = store
        self.tz = tz  # the learner's time zone; None is this machine's
        self.notice = notice  # e.g. "your damaged database was moved to ..."

    @classmethod
    def open(
        cls,
        content: Path,
        db: str | None = None,
        profile: str = "default",
        *,
        tz: dt.tzinfo | None = None,
        fuzz: bool = True,
        catalogue: Catalogue | None = None,
    ) -> StudyService:
        """Load every course under `content` (unless given, already loaded) and open (or
        create) the progress database."""
        profile = profile_name(profile)
        catalogue = catalogue or load_catalogue(content)
        opened = open_database(db or default_location())
        if profile == "default" and (login := login_name(opened.engine)):
            profile = login  # on a server a learner is their login: it sees only those rows
        try:
            store = ProgressStore(opened.engine, profile, fuzz=fuzz)
        except StoreError as error:
            opened.engine.dispose()
            if opened.notice:  # a file set aside is always told, even when the next step fails
                raise StoreError(f"{opened.notice}\n{error}") from error
            raise
        return cls(
            catalogue,
            store,
            tz=tz,
            notice=opened.notice,
            content=content,
            database=opened.path,
        )

    @classmethod
    def without_progress(cls, content: Path, db: str | None = None) -> StudyService:
        """Courses and quizzes only: nothing is read from or written to a database. `db`
        names the learner's database ("" for the default one) only so that no export
        replaces it."""
        from studyapp.progress import database_file

        database = database_file(db or default_location()) if db is not None else None
        return cls(load_catalogue(content), None, content=content, database=database)

    @property
    def store(self) -> ProgressStore:
        if self._store is None:
            raise RuntimeError("this service was opened without a progress database")
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.engine.dispose()

    # --- courses -----------------------------------------------------------------------

    @property
    def courses(self) -> tuple[Course, ...]:
        return self.catalogue.courses

    @property
    def broken_courses(self) -> dict[str, tuple[Problem, ...]]:
        """Course folders that failed to load, with what is wrong in each."""
        return self.catalogue.broken

    def course(self, course_id: str) -> Course:
        return self.catalogue.course(course_id)

    # --- reading -----------------------------------------------------------------------

    def lesson_states(self, course_id: str, now: dt.datetime | None = None) -> list[LessonState]:
        course = self.course(course_id)
        read = self.store.read_lessons(course_id)
        cards = current_cards(self.store, course)
        mastery = lesson_mastery(course, cards, item_mastery(self.store, cards, now or utcnow()))
        return [
            LessonState(lesson.id, lesson.id in read, mastery[lesson.id][1])
            for lesson in course.lessons
        ]

    def record_reading(
        self, course_id: str, lesson_id: str, *, seconds: int, finished: bool
    ) -> LessonState:
        """Keep a sitting with a lesson; returns the lesson's new state for the list."""
        self.course(course_id).lesson(lesson_id)  # an unknown lesson is an error, not a row
        self.store.record_reading(course_id, lesson_id, seconds=seconds, finished=finished)
        states = self.lesson_states(course_id)
        return next(state for state in states if state.lesson_id == lesson_id)

    # --- quizzes -----------------------------------------------------------------------

    def quiz(
        self,
        course_id: str,
        *,
        lessons: list[str] | None = None,
        count: int = 10,
        types: list[str] | None = None,
        seed: int | None = None,
        focus: list[str] | None = None,
    ) -> list[Question]:
        """Questions on a course, recorded nowhere; the same seed gives the same questions."""
        course = self.course(course_id)
        rng = random.Random(seed)
        return build_quiz(course, lessons=lessons, count=count, types=types, rng=rng, focus=focus)

    def weak_items(self, course_id: str, now: dt.datetime | None = None) -> list[str]:
        """Items this learner has seen but is unsure of, weakest first."""
        cards = current_cards(self.store, self.course(course_id))
        mastery = item_mastery(self.store, cards, now or utcnow())
        return sorted((i for i, m in mastery.items() if m < WEAK_MASTERY), key=mastery.__getitem__)

    def due_items(self, course_id: str, now: dt.datetime | None = None) -> list[str]:
        """Items due for review now, most overdue first (of those the course still holds)."""
        known = {item.id for item in self.course(course_id).items}
        return [i for i in self.store.due_item_ids(course_id, now or utcnow()) if i in known]

    def next_due(self, course_id: str, now: dt.datetime | None = None) -> dt.datetime | None:
        return self.store.next_due(course_id, now or utcnow())

    def start_quiz(
        self,
        course_id: str,
        *,
        lessons: list[str] | None = None,
        count: int = 10,
        types: list[str] | None = None,
        seed: int | None = None,
        now: dt.datetime | None = None,
    ) -> QuizSession:
        """A new quiz, saved so it can be resumed; weak items are asked first."""
        weak = self.weak_items(course_id, now)[: max(1, count // 2)]
        session = self._start("quiz", course_id, lessons, count, types, seed, weak)
        if 0 < len(session.questions) < count:
            made = len(session.questions)
            session.shortfall = shortfall(self.course(course_id), lessons or [], made, count)
        return session

    def start_review(
        self,
        course_id: str,
        *,
        count: int = 10,
        seed: int | None = None,
        now: dt.datetime | None = None,
    ) -> QuizSession | None:
        """A quiz of the items due now (None when nothing is due)."""
        due = self.due_items(course_id, now)
        if not due:
            return None
        seed = seed if seed is not None else random.SystemRandom().randrange(2**31)
        wanted = min(count, len(due))
        # More questions than needed, then those that test a due item not yet covered: a
        # review asks about what is due, not about whatever else the mix brings. An item
        # that a family asks only now and then (a view stated true or false, as the
        # balance of verdicts allows) gets a few more tries: else it would stay due.
        waiting, questions = set(due), list[Question]()
        for attempt in range(REVIEW_TRIES):
            focus = due if attempt == 0 else sorted(waiting)
            offered = self.quiz(course_id, count=wanted + 10, seed=seed + attempt, focus=focus)
            for question in offered:
                if len(questions) < wanted and waiting & set(question.item_ids):
                    questions.append(question)
                    waiting -= set(question.item_ids)
            if not waiting or len(questions) == wanted:
                break
        return self._save("review", course_id, [], wanted, seed, questions)

    def start_retry(self, course_id: str, questions: list[Question]) -> QuizSession:
        """The missed questions of a quiz, asked again."""
        return self._save("retry", course_id, [], len(questions), 0, questions)

    def start_questions(self, course_id: str, questions: list[Question]) -> QuizSession:
        """A quiz of questions chosen beforehand (a set a teacher picked, a saved quiz)."""
        return self._save("quiz", course_id, [], len(questions), 0, questions)

    def _start(
        self,
        mode: str,
        course_id: str,
        lessons: list[str] | None,
        count: int,
        types: list[str] | None,
        seed: int | None,
        focus: list[str],
    ) -> QuizSession:
        seed = seed if seed is not None else random.SystemRandom().randrange(2**31)
        questions = self.quiz(
            course_id, lessons=lessons, count=count, types=types, seed=seed, focus=focus
        )
        return self._save(mode, course_id, lessons or [], count, seed, questions)

    def _save(
        self,
        mode: str,
        course_id: str,
        lessons: list[str],
        count: int,
        seed: int,
        questions: list[Question],
    ) -> QuizSession:
        saved = json.dumps([q.to_json() for q in questions], ensure_ascii=False)
        session_id = self.store.start_session(
            course_id, mode=mode, lessons=lessons, question_count=count, seed=seed, questions=saved
        )
        return QuizSession(self, session_id, course_id, mode, questions)

    def unfinished_quiz(self, course_id: str) -> QuizSession | None:
        """The last quiz left unfinished on this course, ready to resume."""
        row = self.store.unfinished_session(course_id)
        if row is None:
            return None
        questions = [Question.from_json(data) for data in json.loads(row.questions)]
        session = QuizSession(self, row.id, row.course_id, row.mode, questions, list(row.answered))
        if session.finished:  # every question answered, the window closed before the results
            self.finish_quiz(session)
            return None
        return session

    def answer(
        self,
        session: QuizSession,
        question: Question,
        response: Response,
        *,
        seconds: float,
        now: dt.datetime | None = None,
    ) -> AnswerOutcome:
        """Grade an answer, keep it and reschedule its items: one transaction, at once."""
        result = grade(question, response)
        course = self.course(session.course_id)
        ratings = []
        for item_id, item_right in result.item_results.items():
            rating = rating_for(
                item_right=item_right,
                score=result.score,
                seconds=seconds,
                question_type=question.type,
                first_try=session.mode != "retry",
            )
            lesson_id = course.item(item_id).lesson_id
            ratings.append(ItemRating(item_id, lesson_id, rating))
        record = AnswerRecord(
            course_id=session.course_id,
            lesson_id=question.lesson_id,
            question_id=question.id,
            question_type=question.type,
            topic=question.topic,
            item_ids=question.item_ids,
            response=json.dumps(response, ensure_ascii=False),
            correct=result.correct,
            score=result.score,
            seconds=round(seconds, 2),
            session_id=session.session_id,
        )
        due = self.store.record_answer(record, ratings, now=now, tz=self.tz)
        session.answered.append(question.id)
        session.graded.append((question, result))
        if session.finished:  # over, even if the results are never shown
            self.finish_quiz(session)
        moved = {course.item(item_id).lesson_id for item_id in question.item_ids}
        lessons = tuple(
            s for s in self.lesson_states(session.course_id, now) if s.lesson_id in moved
        )
        return AnswerOutcome(
            result,
            due,
            lessons,
            due_now=len(self.due_items(session.course_id, now)),
            next_due=self.next_due(session.course_id, now),
        )

    def finish_quiz(self, session: QuizSession) -> None:
        """End a quiz, answered in full or abandoned; what was answered stays."""
        self.store.finish_session(session.session_id)

    # --- imports and exports -----------------------------------------------------------

    def import_article(
        self, article: Path, *, course_id: str | None = None, title: str | None = None
    ) -> Course:
        """Make a course of an article in the content folder and add it to the catalogue."""
        if self.content is None:
            raise RuntimeError("this service has no content folder to import into")
        from studyapp.content.importer import import_article  # Markdown parser: on demand

        course = import_article(article, self.content, course_id=course_id, title=title)
        self.catalogue = load_catalogue(self.content)
        return course

    def edit_course(self, course_id: str) -> CourseDraft:
        """The course's items as its files hold them, to accept, edit and delete."""
        from studyapp.content.curation import CourseDraft  # ruamel.yaml: for the editor only

        folder = self.course(course_id).folder
        if folder is None:
            raise RuntimeError(f"course '{course_id}' was not loaded from a folder")
        return CourseDraft(folder)

    def save_course(self, draft: CourseDraft) -> Course:
        """Write an edited course (CourseError: nothing written) and study it as it now is."""
        course = draft.save()
        if self.content is not None:
            self.catalogue = load_catalogue(self.content)
        return course

    def export_anki(self, course_id: str, target: Path) -> int:
        """The course as an Anki deck; returns the number of notes written."""
        from studyapp.exports import export_anki  # genanki loads only for an export

        check_target(target, self.database)
        return export_anki(self.course(course_id), target)

    def export_answers(self, target: Path) -> int:
        """Every recorded answer as CSV; returns the number of rows."""
        from studyapp.exports import export_answers

        check_target(target, self.database)
        try:
            return export_answers(self.store, target)
        except DBAPIError as error:
            where = self.store.location
            raise StoreError(f"{where}: cannot read the answers: {cause(error)}") from error

    def check_database(self, now: dt.datetime | None = None) -> str | None:
        """The week's full check of a large progress database, if due; slow (a second per
        250 MB), so the app runs it off the screen's thread after the first screen. What
        the learner must be told when it finds damage, else None."""
        if self.database is None:
            return None
        from studyapp.progress.db import check_database

        return check_database(self.database, now or dt.datetime.now(dt.UTC))

    # --- backups (the rest in service_backups.py) -------------------------------------

    def _let_go(self) -> tuple[str, bool]:
        """Close the database (for a restore); returns what reopening it needs."""
        kept = self.profile, self.store.scheduling.scheduler.enable_fuzzing
        self.store.engine.dispose()
        return kept

    def _reopen(self, database: Path, kept: tuple[str, bool]) -> None:
        opened = open_database(str(database))  # an older backup is upgraded here
        self._store = ProgressStore(opened.engine, kept[0], fuzz=kept[1])

    # --- profiles ----------------------------------------------------------------------

    @property
    def profile(self) -> str:
        return self.store.profile_name

    def profiles(self) -> list[str]:
        return self.store.profile_names()

    def switch_profile(self, name: str) -> None:
        """Study as another learner (created on first use) in the same database."""
        name = profile_name(name)
        fuzz = self.store.scheduling.scheduler.enable_fuzzing
        self._store = ProgressStore(self.store.engine, name, fuzz=fuzz)

    def rename_profile(self, new_name: str) -> None:
        self.store.rename_profile(profile_name(new_name))

    # --- statistics --------------------------------------------------------------------

    def stats(self, course_id: str, now: dt.datetime | None = None) -> Stats:
        course = self.course(course_id)
        try:
            return compute(self.store, course, now=now or utcnow(), tz=self.tz)
        except DBAPIError as error:
            where = self.store.location
            raise StoreError(f"{where}: cannot read your progress: {cause(error)}") from error

    def today(self, now: dt.datetime | None = None) -> Today:
        """Answers given today and the streak of study days, for the daily goal."""
        try:
            return today_so_far(self.store, now=now or utcnow(), tz=self.tz)
        except DBAPIError as error:
            where = self.store.location
            raise StoreError(f"{where}: cannot read your progress: {cause(error)}") from error

    @property
    def desired_retention(self) -> float:
        return self.store.desired_retention

    def set_desired_retention(self, retention: float) -> None:
        if not 0.7 <= retention <= 0.99:
            raise ValueError("desired retention must be between 0.70 and 0.99")
        self.store.set_desired_retention(retention)
