"""Questions from a course, quizzes from questions, and fair grading. No Qt, no database."""

from studyapp.quiz.engine import QuizRequestError, build_quiz, check_request
from studyapp.quiz.grading import Grade, Response, grade
from studyapp.quiz.question import FALSE, QUESTION_TYPES, TRUE, Question, QuestionType

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
