"""One module per question family; FAMILIES maps each question type to its module."""

from studyapp.quiz.generators import (
    cloze,
    concept_definition,
    event_date,
    event_order,
    matching,
    perspective_attribution,
    term_from_definition,
    true_false,
)
from studyapp.quiz.generators.base import Family

FAMILIES: dict[str, Family] = {
    module.TYPE: module
    for module in (
        concept_definition,
        term_from_definition,
        event_date,
        event_order,
        perspective_attribution,
        true_false,
        cloze,
        matching,
    )
}

__all__ = ["FAMILIES", "Family"]
