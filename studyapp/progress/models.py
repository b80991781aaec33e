"""The progress schema (SQLAlchemy 2 ORM). Every change to it needs an Alembic migration."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Profile(Base):
    """One learner on this machine; every record below belongs to a profile."""

    __tablename__ = "profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC


class LessonRead(Base):
    """One sitting with a lesson: when it was opened, when its end was reached, time spent."""

    __tablename__ = "lesson_reads"
    __table_args__ = (Index("ix_lesson_reads_profile_course", "profile_id", "course_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    course_id: Mapped[str] = mapped_column(String(100))
    lesson_id: Mapped[str] = mapped_column(String(100))
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # UTC, None if unfinished
    seconds_spent: Mapped[int] = mapped_column(Integer, default=0)
