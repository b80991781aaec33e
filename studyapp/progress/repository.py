"""Reads and writes of one learner's progress. Each write is one committed transaction."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from studyapp.progress.models import LessonRead, Profile


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class ProgressStore:
    """The progress of one profile in one database."""

    def __init__(self, engine: Engine, profile: str = "default") -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.profile_id = self._profile_id(profile)

    def _profile_id(self, name: str) -> int:
        with self._sessions.begin() as session:
            found = session.scalar(select(Profile.id).where(Profile.name == name))
            if found is not None:
                return found
            profile = Profile(name=name, created_at=utcnow())
            session.add(profile)
            session.flush()
            return profile.id

    def session(self) -> Session:
        return self._sessions()

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
