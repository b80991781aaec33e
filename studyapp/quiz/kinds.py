"""The question families by name (kept apart so the command line can list them cheaply)."""

from typing import Literal

QuestionType = Literal[
    "concept_definition",
    "term_from_definition",
    "event_date",
    "event_order",
    "perspective_attribution",
    "true_false",
    "cloze",
    "matching",
]
QUESTION_TYPES: tuple[QuestionType, ...] = (
    "concept_definition",
    "term_from_definition",
    "event_date",
    "event_order",
    "perspective_attribution",
    "true_false",
    "cloze",
    "matching",
)
