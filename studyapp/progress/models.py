"""The progress schema (SQLAlchemy 2 ORM). Every change to it needs an Alembic migration.

Times are stored in UTC without a zone; `day` columns hold the learner's local date
(YYYY-MM-DD) at the moment of the event, so study days count in the learner's time zone.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Profile(Base):
    """One learner on this machine; every record below belongs to a profile."""

    __tablename__ = "profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    desired_retention: Mapped[float] = mapped_column(Float, default=0.9)


class LessonRead(Base):
    """One sitting with a lesson: when it was opened, when its end was reached, time spent."""

    __tablename__ = "lesson_reads"
    __table_args__ = (Index("ix_lesson_reads_profile_course", "profile_id", "course_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    course_id: Mapped[str] = mapped_column(String(100))
    lesson_id: Mapped[str] = mapped_column(String(100))
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # None if unfinished
    seconds_spent: Mapped[int] = mapped_column(Integer, default=0)


class QuizRecord(Base):
    """One quiz or review, from its start to its end (None while it is unfinished)."""

    __tablename__ = "quiz_sessions"
    __table_args__ = (Index("ix_quiz_sessions_profile_started", "profile_id", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    course_id: Mapped[str] = mapped_column(String(100))
    mode: Mapped[str] = mapped_column(String(20))  # quiz, review or retry
    lessons: Mapped[str] = mapped_column(Text, default="")  # space-separated ids; "" = all
    question_count: Mapped[int] = mapped_column(Integer)
    # Up to 2**63: SQLite's INTEGER holds it, PostgreSQL needs BIGINT (migration 0004).
    seed: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"))
    questions: Mapped[str] = mapped_column(Text, default="[]")  # JSON, so a quiz can resume
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Answer(Base):
    """One answer, committed the moment it is given."""

    __tablename__ = "answers"
    __table_args__ = (
        Index("ix_answers_profile_day", "profile_id", "day", "correct"),
        # covers the per-lesson and per-topic statistics in one scan
        Index(
            "ix_answers_profile_course_lesson_topic",
            "profile_id",
            "course_id",
            "lesson_id",
            "topic",
            "correct",
        ),
        Index("ix_answers_session", "session_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("quiz_sessions.id", ondelete="SET NULL")
    )
    course_id: Mapped[str] = mapped_column(String(100))
    lesson_id: Mapped[str] = mapped_column(String(100))
    question_id: Mapped[str] = mapped_column(String(200))
    question_type: Mapped[str] = mapped_column(String(40))
    topic: Mapped[str] = mapped_column(String(20))
    item_ids: Mapped[str] = mapped_column(Text)  # space-separated
    response: Mapped[str] = mapped_column(Text)  # JSON of what the learner gave
    correct: Mapped[bool] = mapped_column(Boolean)
    score: Mapped[float] = mapped_column(Float)
    seconds: Mapped[float] = mapped_column(Float)
    answered_at: Mapped[dt.datetime] = mapped_column(DateTime)
    day: Mapped[str] = mapped_column(String(10))  # the learner's local date


class ItemState(Base):
    """The spaced-repetition card of one item for one learner (fsrs JSON, plus what we query)."""

    __tablename__ = "item_states"
    __table_args__ = (
        UniqueConstraint("profile_id", "course_id", "item_id", name="uq_item_states_item"),
        Index("ix_item_states_profile_due", "profile_id", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    course_id: Mapped[str] = mapped_column(String(100))
    item_id: Mapped[str] = mapped_column(String(200))
    lesson_id: Mapped[str] = mapped_column(String(100))
    card: Mapped[str] = mapped_column(Text)  # fsrs Card.to_json()
    due_at: Mapped[dt.datetime] = mapped_column(DateTime)
    last_review_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    reviews: Mapped[int] = mapped_column(Integer, default=0)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
