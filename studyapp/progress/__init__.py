"""The learner's progress: the SQLite store, its migrations, scheduling and statistics."""

from studyapp.progress.db import (
    OpenedDatabase,
    database_file,
    default_location,
    head_revision,
    open_database,
)
from studyapp.progress.errors import StoreError
from studyapp.progress.repository import AnswerRecord, ItemRating, ProgressStore, SessionRow
from studyapp.progress.scheduling import DEFAULT_RETENTION, rating_for
from studyapp.progress.stats import DayCount, LessonStats, Stats, TopicStats, WeakItem, compute

__all__ = [
    "DEFAULT_RETENTION",
    "AnswerRecord",
    "DayCount",
    "ItemRating",
    "LessonStats",
    "OpenedDatabase",
    "ProgressStore",
    "SessionRow",
    "Stats",
    "StoreError",
    "TopicStats",
    "WeakItem",
    "compute",
    "database_file",
    "default_location",
    "head_revision",
    "open_database",
    "rating_for",
]
