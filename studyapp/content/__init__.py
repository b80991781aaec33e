"""The course model and its loading: what every other layer may use from here.

Names load on first use (see `studyapp.lazy`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from studyapp.lazy import lazy_names

if TYPE_CHECKING:
    from studyapp.content.catalogue import Catalogue, cached_course, load_catalogue
    from studyapp.content.loader import load_course
    from studyapp.content.locations import default_content_dir
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
    from studyapp.content.problems import CourseError, Problem
    from studyapp.content.prose import (
        sentence_texts,
        sentences,
        split_long,
    )
    from studyapp.content.terms import (
        TermIndex,
        TermMatch,
        find_terms,
    )

_WHERE = {
    "Catalogue": "catalogue",
    "cached_course": "catalogue",
    "CourseError": "problems",
    "Problem": "problems",
    "default_content_dir": "locations",
    "load_catalogue": "catalogue",
    "load_course": "loader",
    "TOPICS": "model",
    "Actor": "model",
    "Claim": "model",
    "Concept": "model",
    "Course": "model",
    "Event": "model",
    "Item": "model",
    "Lesson": "model",
    "PartialDate": "model",
    "Topic": "model",
    "sentence_texts": "prose",
    "sentences": "prose",
    "split_long": "prose",
    "TermIndex": "terms",
    "TermMatch": "terms",
    "find_terms": "terms",
}


__getattr__ = lazy_names(__name__, _WHERE)

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
    "TermIndex",
    "TermMatch",
    "Topic",
    "cached_course",
    "default_content_dir",
    "find_terms",
    "load_catalogue",
    "load_course",
    "sentence_texts",
    "sentences",
    "split_long",
]
