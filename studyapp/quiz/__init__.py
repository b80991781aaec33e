"""Questions from a course, quizzes from questions, and fair grading. No Qt, no database.

Names load on first use (see `studyapp.lazy`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from studyapp.lazy import lazy_names

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
    from studyapp.quiz.kinds import QUESTION_TYPES, AnswerFormat, QuestionType
    from studyapp.quiz.question import (
        FALSE,
        TRUE,
        Question,
    )
    from studyapp.quiz.text import as_option

_WHERE = {
    "AnswerFormat": "kinds",
    "QuizRequestError": "engine",
    "build_quiz": "engine",
    "check_request": "engine",
    "Grade": "grading",
    "Response": "grading",
    "grade": "grading",
    "FALSE": "question",
    "QUESTION_TYPES": "kinds",
    "TRUE": "question",
    "Question": "question",
    "QuestionType": "kinds",
    "as_option": "text",
}


__getattr__ = lazy_names(__name__, _WHERE)

__all__ = [
    "FALSE",
    "QUESTION_TYPES",
    "TRUE",
    "AnswerFormat",
    "Grade",
    "Question",
    "QuestionType",
    "QuizRequestError",
    "Response",
    "as_option",
    "build_quiz",
    "check_request",
    "grade",
]
