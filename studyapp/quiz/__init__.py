"""Questions from a course, quizzes from questions, and fair grading. No Qt, no database.

Names load on first use (PEP 562): the window can open before YAML, fuzzy matching
and the question generators are imported."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from studyapp.quiz.engine import (
        QuizRequestError,
        build_quiz,
        check_request,
    )
    from studyapp.quiz.grading import (
        Grade,
        Response,
        grade,
    )
    from studyapp.quiz.question import (
        FALSE,
        QUESTION_TYPES,
        TRUE,
        Question,
        QuestionType,
    )

_WHERE = {
    "QuizRequestError": "engine",
    "build_quiz": "engine",
    "check_request": "engine",
    "Grade": "grading",
    "Response": "grading",
    "grade": "grading",
    "FALSE": "question",
    "QUESTION_TYPES": "question",
    "TRUE": "question",
    "Question": "question",
    "QuestionType": "question",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value  # later lookups skip this function
    return value


__all__ = [
    "FALSE",
    "QUESTION_TYPES",
    "TRUE",
    "Grade",
    "Question",
    "QuestionType",
    "QuizRequestError",
    "Response",
    "build_quiz",
    "check_request",
    "grade",
]
