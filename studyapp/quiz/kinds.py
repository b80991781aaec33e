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

# How a learner answers each family: the one table views choose a widget or a prompt by.
AnswerFormat = Literal["choice", "true_false", "typed", "order", "match"]
FORMATS: dict[QuestionType, AnswerFormat] = {
    "concept_definition": "choice",
    "term_from_definition": "choice",
    "event_date": "choice",
    "event_order": "order",
    "perspective_attribution": "choice",
    "true_false": "true_false",
    "cloze": "typed",
    "matching": "match",
}
