"""What the learner reads after an answer: short and scannable, each fact once.

The verdict; when wrong, what they said and the right answer; one line of why; and the
sentence of the lesson it comes from. The window and the terminal both show this.
"""

from __future__ import annotations

from dataclasses import dataclass

from studyapp.quiz.grading import Grade
from studyapp.quiz.question import Question
from studyapp.quiz.text import quoted


@dataclass(frozen=True)
class Feedback:
    state: str  # right, partial or wrong: the colour it is shown in
    verdict: str
    said: str = ""  # "" when right, or when the marks on the answer say it (order, match)
    correct: str = ""
    correct_label: str = "Correct answer"
    why: str = ""
    lesson_says: str = ""


def feedback(question: Question, grade: Grade) -> Feedback:
    lesson_says = f"The lesson says: {quoted(question.source)}"
    if grade.correct:
        why = grade.detail if grade.detail.startswith("Accepted") else question.note
        return Feedback("right", "✓ Correct", why=why, lesson_says=lesson_says)
    partly = grade.score > 0
    state = "partial" if partly else "wrong"
    verdict = f"◐ Partly right ({round(grade.score * 100)}%)" if partly else "✗ Not quite"
    if question.format == "match":
        meanings = dict(question.pairs)
        correct = "".join(f"\n• {term}: {meanings[term]}" for term in grade.wrong)
        right = len(question.terms) - len(grade.wrong)
        verdict = f"{'◐' if partly else '✗'} {right} of {len(question.terms)} pairs right"
        return Feedback(state, verdict, correct=correct, correct_label="To learn")
    if question.format == "order":
        why = f"{grade.detail} {question.note}"
        return Feedback(state, verdict, why=why, lesson_says=lesson_says)
    return Feedback(
        state,
        verdict,
        said=grade.said,
        correct=question.answer_text,
        why=question.note,
        lesson_says=lesson_says,
    )
