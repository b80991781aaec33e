"""The course model and its loading: what every other layer may use from here."""

from studyapp.content.loader import (
    Catalogue,
    CourseError,
    Problem,
    default_content_dir,
    load_catalogue,
    load_course,
)
from studyapp.content.model import (
    TOPICS,
    Actor,
    Claim,
    Concept,
    Course,
    Event,
    Item,
    Lesson,
    PartialDate,
    Topic,
)
from studyapp.content.sentences import sentence_texts, sentences, split_long
from studyapp.content.terms import TermMatch, find_terms

__all__ = [
    "TOPICS",
    "Actor",
    "Catalogue",
    "Claim",
    "Concept",
    "Course",
    "CourseError",
    "Event",
    "Item",
    "Lesson",
    "PartialDate",
    "Problem",
    "TermMatch",
    "Topic",
    "default_content_dir",
    "find_terms",
    "load_catalogue",
    "load_course",
    "sentence_texts",
    "sentences",
    "split_long",
]
