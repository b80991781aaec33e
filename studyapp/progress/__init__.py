"""The learner's progress: the SQLite store, its migrations, and what is read from it."""

from studyapp.progress.db import StoreError, default_location, open_engine
from studyapp.progress.repository import ProgressStore

__all__ = ["ProgressStore", "StoreError", "default_location", "open_engine"]
