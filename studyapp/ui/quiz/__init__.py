"""The quiz screen, in parts: setup, question, results, and the page that holds them."""

from studyapp.ui.quiz.page import QuizPage
from studyapp.ui.quiz.setup import TYPE_LABELS, type_checkboxes

__all__ = ["TYPE_LABELS", "QuizPage", "type_checkboxes"]
