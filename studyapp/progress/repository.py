"""Reads and writes of one learner's progress. Each write is one committed transaction."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

from fsrs import Rating
from sqlalchemy import Engine, bindparam, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from studyapp.clock import utcnow
from studyapp.progress.errors import StoreError, cause
from studyapp.progress.models import Answer, ItemState, LessonRead, Profile, QuizRecord
from studyapp.progress.scheduling import DEFAULT_RETENTION, Scheduling

# Built once: an answer is recorded with these three statements, executed many times.
_INSERT_ANSWER = insert(Answer)
_INSERT_STATE = insert(ItemState)
_SELECT_STATES = select(ItemState.id, ItemState.item_id, ItemState.card).where(
    ItemState.profile_id == bindparam("profile"),
    ItemState.course_id == bindparam("course"),
    ItemState.item_id.in_(bindparam("items", expanding=True)),
)
_UPDATE_STATE = (
    update(ItemState)
    .where(ItemState.id == bindparam("state_id"))
    .values(
        card=bindparam("new_card"),
        due_at=bindparam("new_due"),
        last_review_at=bindparam("reviewed"),
        reviews=ItemState.reviews + 1,
        lapses=ItemState.lapses + bindparam("lapse"),
    )
)


P = ParamSpec("P")
T = TypeVar("T")


def _kept_safe(action: str) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Turn a database failure (a full disk, an I/O error, a lock) into a StoreError that
    says what could not be done and why; what was committed before stays committed."""

    def decorate(method: Callable[P, T]) -> Callable[P, T]:
        @functools.wraps(method)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
            try:
                return method(*args, **kwargs)
            except DBAPIError as error:
                store = args[0]
                assert isinstance(store, ProgressStore)
                raise StoreError(
                    f"{store.location}: could not {action}: {cause(error)}. "
                    "Everything saved before is kept."
                ) from error

        return wrapper

    return decorate


def local_day(moment_utc: dt.datetime, tz: dt.tzinfo | None) -> str:
    """The learner's calendar date at a UTC moment (tz None: this machine's zone)."""
    return moment_utc.replace(tzinfo=dt.UTC).astimezone(tz).date().isoformat()


@dataclass(frozen=True)
class AnswerRecord:
    """One answer as the store keeps it."""

    course_id: str
    lesson_id: str
    question_id: str
    question_type: str
    topic: str
    item_ids: tuple[str, ...]
    response: str  # JSON
    correct: bool
    score: float
    seconds: float
    session_id: int | None = None


@dataclass(frozen=True)
class ItemRating:
    item_id: str
    lesson_id: str
    rating: Rating


@dataclass(frozen=True)
class CardRow:
    """An item's scheduling state as statistics and quizzes read it."""

    item_id: str
    lesson_id: str
    card: str
    due_at: dt.datetime
    reviews: int
    lapses: int


@dataclass(frozen=True)
class SessionRow:
    id: int
    course_id: str
    mode: str
    lessons: tuple[str, ...]
    question_count: int
    seed: int
    started_at: dt.datetime
    questions: str  # JSON of the quiz's questions
    answered: tuple[str, ...]  # question ids answered so far, in order


class ProgressStore:
    """The progress of one profile in one database."""

    def __init__(self, engine: Engine, profile: str = "default", *, fuzz: bool = True) -> None:
        self.engine = engine
        url = engine.url
        self.location = (
            url.database if url.get_backend_name() == "sqlite" and url.database else
            url.render_as_string(hide_password=True)
        )  # fmt: skip
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.profile_id, retention = self._profile(profile)
        self.profile_name = profile
        self.scheduling = Scheduling(retention, fuzz=fuzz)

    @_kept_safe("open the learner's profile")
    def _profile(self, name: str) -> tuple[int, float]:
        try:
            return self._find_or_add_profile(name)
        except IntegrityError:
            # Another StudyApp created the same profile a moment ago: use that one.
            return self._find_or_add_profile(name)

    def _find_or_add_profile(self, name: str) -> tuple[int, float]:
        with self._sessions.begin() as session:
            found = session.scalars(select(Profile).where(Profile.name == name)).first()
            if found is None:
                found = Profile(name=name, created_at=utcnow(), desired_retention=DEFAULT_RETENTION)
                session.add(found)
                session.flush()
            return found.id, found.desired_retention

    def session(self) -> Session:
        return self._sessions()

    # --- profiles ----------------------------------------------------------------------

    @_kept_safe("read the profiles")
    def profile_names(self) -> list[str]:
        with self.session() as session:
            return list(session.scalars(select(Profile.name).order_by(Profile.name)))

    @_kept_safe("rename the profile")
    def rename_profile(self, new_name: str) -> None:
        with self._sessions.begin() as session:
            taken = session.scalar(select(Profile.id).where(Profile.name == new_name))
            if taken is not None and taken != self.profile_id:
                raise ValueError(f"there is already a profile called '{new_name}'")
            session.execute(
                update(Profile).where(Profile.id == self.profile_id).values(name=new_name)
            )
        self.profile_name = new_name

    @property
    def desired_retention(self) -> float:
        return float(self.scheduling.scheduler.desired_retention)

    @_kept_safe("save the desired retention")
    def set_desired_retention(self, retention: float) -> None:
        with self._sessions.begin() as session:
            session.execute(
                update(Profile)
                .where(Profile.id == self.profile_id)
                .values(desired_retention=retention)
            )
        self.scheduling = Scheduling(retention, fuzz=self.scheduling.scheduler.enable_fuzzing)

    # --- reading -----------------------------------------------------------------------

    @_kept_safe("save this reading")
    def record_reading(
        self, course_id: str, lesson_id: str, *, seconds: int, finished: bool
    ) -> None:
        """Keep one sitting with a lesson; `finished` when the learner reached its end."""
        now = utcnow()
        with self._sessions.begin() as session:
            session.add(
                LessonRead(
                    profile_id=self.profile_id,
                    course_id=course_id,
                    lesson_id=lesson_id,
                    opened_at=now - dt.timedelta(seconds=seconds),
                    finished_at=now if finished else None,
                    seconds_spent=seconds,
                )
            )

    @_kept_safe("read which lessons were read")
    def read_lessons(self, course_id: str) -> set[str]:
        """Ids of the lessons of a course that this learner has read to the end."""
        query = (
            select(LessonRead.lesson_id)
            .where(
                LessonRead.profile_id == self.profile_id,
                LessonRead.course_id == course_id,
                LessonRead.finished_at.is_not(None),
            )
            .distinct()
        )
        with self.session() as session:
            return set(session.scalars(query))

    # --- quizzes and answers -----------------------------------------------------------

    @_kept_safe("save the new quiz")
    def start_session(
        self,
        course_id: str,
        *,
        mode: str,
        lessons: Iterable[str],
        question_count: int,
        seed: int,
        questions: str,
    ) -> int:
        with self._sessions.begin() as session:
            row = QuizRecord(
                profile_id=self.profile_id,
                course_id=course_id,
                mode=mode,
                lessons=" ".join(lessons),
                question_count=question_count,
                seed=seed,
                questions=questions,
                started_at=utcnow(),
            )
            session.add(row)
            session.flush()
            return row.id

    @_kept_safe("save the end of the quiz")
    def finish_session(self, session_id: int) -> None:
        with self._sessions.begin() as session:
            session.execute(
                update(QuizRecord)
                .where(QuizRecord.id == session_id, QuizRecord.profile_id == self.profile_id)
                .values(finished_at=utcnow())
            )

    @_kept_safe("look for an unfinished quiz")
    def unfinished_session(self, course_id: str) -> SessionRow | None:
        """The latest quiz left unfinished on a course, with the questions already answered."""
        with self.session() as session:
            row = session.scalars(
                select(QuizRecord)
                .where(
                    QuizRecord.profile_id == self.profile_id,
                    QuizRecord.course_id == course_id,
                    QuizRecord.finished_at.is_(None),
                )
                .order_by(QuizRecord.started_at.desc(), QuizRecord.id.desc())
            ).first()
            if row is None:
                return None
            answered = session.scalars(
                select(Answer.question_id).where(Answer.session_id == row.id).order_by(Answer.id)
            ).all()
            return SessionRow(
                row.id,
                row.course_id,
                row.mode,
                tuple(row.lessons.split()),
                row.question_count,
                row.seed,
                row.started_at,
                row.questions,
                tuple(answered),
            )

    @_kept_safe("save the answer")
    def record_answer(
        self,
        record: AnswerRecord,
        ratings: Iterable[ItemRating],
        *,
        now: dt.datetime | None = None,
        tz: dt.tzinfo | None = None,
    ) -> dict[str, dt.datetime]:
        """Keep an answer and reschedule its items, in one transaction; returns new due dates.

        Core statements rather than the ORM's unit of work: this runs after every answer,
        and must stay quick in a database of years of answers.
        """
        when = now or utcnow()
        ratings = list(ratings)
        due: dict[str, dt.datetime] = {}
        with self.engine.begin() as connection:
            connection.execute(
                _INSERT_ANSWER,
                {
                    "profile_id": self.profile_id,
                    "session_id": record.session_id,
                    "course_id": record.course_id,
                    "lesson_id": record.lesson_id,
                    "question_id": record.question_id,
                    "question_type": record.question_type,
                    "topic": record.topic,
                    "item_ids": " ".join(record.item_ids),
                    "response": record.response,
                    "correct": record.correct,
                    "score": record.score,
                    "seconds": record.seconds,
                    "answered_at": when,
                    "day": local_day(when, tz),
                },
            )
            states = {
                row.item_id: row
                for row in connection.execute(
                    _SELECT_STATES,
                    {
                        "profile": self.profile_id,
                        "course": record.course_id,
                        "items": [r.item_id for r in ratings],
                    },
                )
            }
            updates, inserts = [], []
            for rating in ratings:
                state = states.get(rating.item_id)
                review = self.scheduling.review(state.card if state else None, rating.rating, when)
                due[rating.item_id] = review.due
                if state is None:
                    inserts.append({
                        "profile_id": self.profile_id, "course_id": record.course_id,
                        "item_id": rating.item_id, "lesson_id": rating.lesson_id,
                        "card": review.card_json, "due_at": review.due,
                        "last_review_at": review.last_review, "reviews": 1,
                        "lapses": int(review.lapsed),
                    })  # fmt: skip
                else:
                    updates.append({
                        "state_id": state.id, "new_card": review.card_json,
                        "new_due": review.due, "reviewed": review.last_review,
                        "lapse": int(review.lapsed),
                    })  # fmt: skip
            if inserts:
                connection.execute(_INSERT_STATE, inserts)
            if updates:
                connection.execute(_UPDATE_STATE, updates)
        return due

    def all_answers(self) -> Iterator[tuple[Any, ...]]:
        """Every answer of every profile, oldest first, streamed (for a spreadsheet)."""
        query = (
            select(
                Answer.answered_at,
                Answer.day,
                Profile.name,
                Answer.course_id,
                Answer.lesson_id,
                Answer.question_id,
                Answer.question_type,
                Answer.topic,
                Answer.item_ids,
                Answer.response,
                Answer.correct,
                Answer.score,
                Answer.seconds,
                Answer.session_id,
                QuizRecord.mode,
            )
            .join(Profile, Profile.id == Answer.profile_id)
            .outerjoin(QuizRecord, QuizRecord.id == Answer.session_id)
            .order_by(Answer.id)
            .execution_options(yield_per=5000)
        )
        with self.session() as session:
            for row in session.execute(query):
                yield tuple(row)

    # --- scheduling state --------------------------------------------------------------

    @_kept_safe("read the review schedule")
    def cards(self, course_id: str) -> list[CardRow]:
        """Every item of a course this learner has answered, with its card."""
        query = select(
            ItemState.item_id,
            ItemState.lesson_id,
            ItemState.card,
            ItemState.due_at,
            ItemState.reviews,
            ItemState.lapses,
        ).where(ItemState.profile_id == self.profile_id, ItemState.course_id == course_id)
        with self.session() as session:
            return [CardRow(*row) for row in session.execute(query)]

    @_kept_safe("read what is due")
    def due_item_ids(self, course_id: str, now: dt.datetime) -> list[str]:
        """Items due for review at `now`, most overdue first."""
        query = (
            select(ItemState.item_id)
            .where(
                ItemState.profile_id == self.profile_id,
                ItemState.course_id == course_id,
                ItemState.due_at <= now,
            )
            .order_by(ItemState.due_at)
        )
        with self.session() as session:
            return list(session.scalars(query))

    @_kept_safe("read what is due next")
    def next_due(self, course_id: str, after: dt.datetime) -> dt.datetime | None:
        query = (
            select(ItemState.due_at)
            .where(
                ItemState.profile_id == self.profile_id,
                ItemState.course_id == course_id,
                ItemState.due_at > after,
            )
            .order_by(ItemState.due_at)
            .limit(1)
        )
        with self.session() as session:
            return session.scalar(query)


PROFILE_NAME_LENGTH = 64


def profile_name(name: str) -> str:
    """A learner's name as it is kept: spaces at the ends dropped, runs of spaces made one.
    ValueError when it is blank, too long or holds a control character (a newline)."""
    if any(ord(character) < 32 or ord(character) == 127 for character in name.strip()):
        raise ValueError("a profile name cannot hold a line break or other control character")
    clean = " ".join(name.split())
    if not clean or len(clean) > PROFILE_NAME_LENGTH:
        raise ValueError(f"a profile name needs 1 to {PROFILE_NAME_LENGTH} characters")
    return clean
