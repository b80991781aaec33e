"""A believable study history, for screenshots, demos and benchmarks: a learner who studies
most days and gets better over two months."""

from __future__ import annotations

import datetime as dt
import random

from studyapp.quiz import FALSE, TRUE, Question, Response
from studyapp.service import StudyService


def right_response(question: Question) -> Response:
    if question.format == "order":
        return list(question.answer)
    if question.format == "match":
        return list(question.pairs)
    return str(question.answer)


def wrong_response(question: Question, rng: random.Random) -> Response:
    if question.format == "typed":
        return "no idea"
    if question.format == "true_false":
        return FALSE if question.answer == TRUE else TRUE
    if question.format == "order":
        order = list(question.answer)
        return order[1:] + order[:1]
    if question.format == "match":
        terms = [t for t, _ in question.pairs]
        definitions = [d for _, d in question.pairs]
        return list(zip(terms, definitions[1:] + definitions[:1], strict=True))
    assert question.options is not None
    return rng.choice([o for o in question.options if o != question.answer])


def seed_history(
    service: StudyService, course_id: str, *, days: int = 60, now: dt.datetime, seed: int = 1
) -> int:
    """Quizzes on most of the last `days` days, accuracy rising from ~55% to ~90%."""
    rng = random.Random(seed)
    course = service.course(course_id)
    given = 0
    for back in range(days, 0, -1):
        if back > 6 and rng.random() < 0.25:
            continue  # a day off, but never in the last week: the demo shows a streak
        day = now - dt.timedelta(days=back)
        skill = 0.55 + 0.35 * (days - back) / days
        start = day.replace(hour=rng.choice((7, 12, 18)), minute=rng.randrange(60))
        run = service.start_quiz(course_id, count=rng.randint(6, 14), seed=rng.randrange(10**6))
        for n, question in enumerate(run.questions):
            knows = rng.random() < skill
            response = right_response(question) if knows else wrong_response(question, rng)
            when = start + dt.timedelta(seconds=40 * n)
            service.answer(run, question, response, seconds=rng.uniform(4, 30), now=when)
            given += 1
        service.finish_quiz(run)
    for lesson in course.lessons[: max(1, len(course.lessons) - 2)]:
        service.record_reading(course_id, lesson.id, seconds=rng.randint(90, 400), finished=True)
    return given
