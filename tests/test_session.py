"""The quiz flow both views drive, without Qt: start, answer, skip, finish, retry, resume."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

from studyapp.demo import right_response, wrong_response
from studyapp.quiz import Question, grade
from studyapp.service import StudyService

NOW = dt.datetime(2026, 3, 2, 9, 0)


def test_a_quiz_answered_in_full_is_over_even_without_its_results(
    service: StudyService, db_path: Path
) -> None:
    # The window closed on the last feedback: the quiz came back as "unfinished" and
    # resumed into "0 / 0".
    session = service.start_quiz("nato-russia", count=3, seed=4)
    while (question := session.current()) is not None:
        session.answer(right_response(question), seconds=3, now=NOW)
    assert session.finished
    assert service.unfinished_quiz("nato-russia") is None
    with sqlite3.connect(db_path) as connection:
        open_rows = connection.execute(
            "SELECT count(*) FROM quiz_sessions WHERE finished_at IS NULL"
        ).fetchone()[0]
    assert open_rows == 0


def test_an_old_fully_answered_quiz_left_open_is_closed_not_resumed(
    service: StudyService, db_path: Path
) -> None:
    session = service.start_quiz("nato-russia", count=2, seed=4)
    for question in list(session.questions):
        session.answer(right_response(question), seconds=3, now=NOW)
    with sqlite3.connect(db_path) as connection:  # as an earlier version left it
        connection.execute("UPDATE quiz_sessions SET finished_at = NULL")
    assert service.unfinished_quiz("nato-russia") is None
    assert service.unfinished_quiz("nato-russia") is None  # and it stays closed


def test_a_half_answered_quiz_resumes_where_it_stopped(service: StudyService) -> None:
    session = service.start_quiz("nato-russia", count=4, seed=9)
    first = session.current()
    assert first is not None
    session.answer(right_response(first), seconds=3, now=NOW)
    resumed = service.unfinished_quiz("nato-russia")
    assert resumed is not None and resumed.session_id == session.session_id
    assert resumed.earlier == 1 and resumed.current() == session.current()
    assert resumed.number(session.questions[1]) == 2 and resumed.total == 4


def test_an_answer_says_what_it_changed(service: StudyService) -> None:
    session = service.start_quiz("nato-russia", count=2, types=["cloze"], seed=5)
    question = session.current()
    assert question is not None
    outcome = session.answer(right_response(question), seconds=3, now=NOW)
    assert outcome.grade.correct and set(outcome.due) == set(question.item_ids)
    assert [state.lesson_id for state in outcome.lessons] == [question.lesson_id]
    assert outcome.lessons[0].mastery > 0
    later = NOW + dt.timedelta(days=30)
    assert outcome.due_now == len(service.due_items("nato-russia", NOW)) == 0
    assert outcome.next_due is not None and NOW < outcome.next_due < later


def test_skip_asks_the_question_last(service: StudyService) -> None:
    session = service.start_quiz("nato-russia", count=3, seed=2)
    first, second = session.questions[0], session.questions[1]
    session.skip()
    assert session.current() == second
    assert session.remaining[-1] == first
    session.answer(right_response(second), seconds=2, now=NOW)
    assert first in session.remaining and not session.finished


def test_finish_gives_the_sittings_results_and_retry_asks_the_missed(
    service: StudyService,
) -> None:
    whole = ["concept_definition", "term_from_definition", "true_false"]  # no part marks
    session = service.start_quiz("nato-russia", count=4, types=whole, seed=3)
    rng = random.Random(0)
    missed: list[Question] = []
    for number, question in enumerate(list(session.questions)):
        if number % 2:
            session.answer(wrong_response(question, rng), seconds=2, now=NOW)
            missed.append(question)
        else:
            session.answer(right_response(question), seconds=2, now=NOW)
    results = session.finish()
    assert len(results.answers) == 4 and results.missed == missed
    assert results.score == 2
    retry = session.retry_missed()
    assert retry.mode == "retry" and retry.questions == missed


def test_each_item_of_an_ordering_is_graded_on_its_own() -> None:
    from studyapp.content import load_course
    from studyapp.quiz import build_quiz
    from tests.conftest import CONTENT

    course = load_course(CONTENT / "nato-russia")
    order = next(
        q
        for q in build_quiz(course, count=40, types=["event_order"], rng=random.Random(1))
        if len(q.item_ids) >= 3
    )
    swapped = [order.answer[1], order.answer[0], *order.answer[2:]]
    result = grade(order, swapped)
    assert result.item_results == {
        item_id: index >= 2 for index, item_id in enumerate(order.item_ids)
    }


def test_a_score_of_thirds_reads_as_one_decimal() -> None:
    # The results screen said "5.33333 / 8" after a partly right ordering.
    from studyapp.service import points

    assert (points(16 / 3), points(4.0), points(0.5)) == ("5.3", "4", "0.5")


def test_today_counts_the_learners_local_day_and_the_streak(service: StudyService) -> None:
    course = service.courses[0].id
    late = dt.datetime(2026, 3, 10, 21, 30)  # 23:30 for the learner at UTC+2
    for days_ago, count in ((3, 1), (1, 2), (0, 3)):  # a gap two days ago
        now = late - dt.timedelta(days=days_ago)
        session = service.start_quiz(course, count=count, types=["true_false"], seed=days_ago)
        while (question := session.current()) is not None:
            session.answer(right_response(question), seconds=3, now=now)
    today = service.today(late)
    assert (today.answers, today.streak_days) == (3, 2)
    after_midnight = service.today(late + dt.timedelta(hours=1))  # 00:30 the next day
    assert (after_midnight.answers, after_midnight.streak_days) == (0, 2)  # still alive
    two_days_on = service.today(late + dt.timedelta(days=2))
    assert (two_days_on.answers, two_days_on.streak_days) == (0, 0)
