"""The class side of StudyService: on a PostgreSQL server, learners' logins and the
teacher's view of the whole class (see `studyapp.progress.classroom`)."""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from sqlalchemy.exc import DBAPIError

from studyapp.clock import utcnow
from studyapp.content import Course
from studyapp.progress import ProgressStore, StoreError, classroom
from studyapp.progress.classroom import ClassReport, Login
from studyapp.progress.errors import cause


class ClassMixin:
    tz: dt.tzinfo | None

    @property
    def store(self) -> ProgressStore:
        raise NotImplementedError

    def course(self, course_id: str) -> Course:
        raise NotImplementedError

    @property
    def is_server(self) -> bool:
        """Whether the progress lives on a database server (a class) rather than a file."""
        return classroom.is_server(self.store.engine)

    @cached_property
    def is_teacher(self) -> bool:
        """Whether this login owns the class's tables, and so sees every learner."""
        try:
            return classroom.is_teacher(self.store.engine)
        except DBAPIError as error:
            raise StoreError(f"{self.store.location}: {cause(error)}") from error

    def class_report(self, course_id: str, now: dt.datetime | None = None) -> ClassReport:
        course = self.course(course_id)
        try:
            return classroom.report(self.store.engine, course, now=now or utcnow(), tz=self.tz)
        except DBAPIError as error:
            where = self.store.location
            raise StoreError(
                f"{where}: cannot read the class's progress: {cause(error)}"
            ) from error

    def grant_learner(self, name: str) -> Login:
        return classroom.grant(self.store.engine, name)

    def revoke_learner(self, name: str) -> None:
        classroom.revoke(self.store.engine, name)
