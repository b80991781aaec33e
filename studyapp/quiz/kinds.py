"""The question families by name (kept apart so the command line can list them cheaply)."""

from typing import Literal, get_args

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
QUESTION_TYPES: tuple[QuestionType, ...] = get_args(QuestionType)
