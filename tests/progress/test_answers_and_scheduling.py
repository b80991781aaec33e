"""Answers, FSRS scheduling, review and resume, through StudyService on a real SQLite file
and on a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from fsrs import Rating

from studyapp.demo import right_response, wrong_response
from studyapp.progress import rating_for
from studyapp.quiz import Question, Response
from studyapp.service import QuizSession, StudyService
from tests.conftest import CONTENT, rows

T0 = dt.datetime(2026, 3, 2, 9, 0)  # UTC


def right(q: Question) -> Response:
    return right_response(q)


def wrong(q: Question) -> Response:
    return wrong_response(q, random.Random(0))


def answers_in(location: str) -> int:
    return int(rows(location, "SELECT count(*) FROM answers")[0][0])


@pytest.mark.parametrize(
    ("item_right", "score", "seconds", "kind", "first", "expected"),
    [
        (True, 1.0, 5, "concept_definition", True, Rating.Good),
        (True, 1.0, 60, "concept_definition", True, Rating.Hard),  # slow
        (True, 1.0, 50, "matching", True, Rating.Good),  # matching takes longer
        (True, 0.75, 20, "matching", True, Rating.Hard),  # partly right
        (True, 1.0, 5, "cloze", False, Rating.Hard),  # a retry
        (False, 0.0, 5, "cloze", True, Rating.Again),
        (False, 0.5, 20, "event_order", True, Rating.Again),  # this item was misplaced
    ],
)
def test_the_rating_mapping(
    item_right: bool, score: float, seconds: float, kind: str, first: bool, expected: Rating
) -> None:
    assert (
        rating_for(
            item_right=item_right,
            score=score,
            seconds=seconds,
            question_type=kind,
            first_try=first,
        )
        == expected
    )


def one_question(service: StudyService, kind: str, item_id: str) -> tuple[QuizSession, Question]:
    for seed in range(100):
        questions = service.quiz("nato-russia", count=300, types=[kind], seed=seed)
        for q in questions:
            if q.item_ids == (item_id,):
                return service.start_questions("nato-russia", [q]), q
    raise AssertionError("no such question")


def test_due_dates_move_as_the_mapping_says(service: StudyService) -> None:
    run, q = one_question(service, "concept_definition", "concept:deterrence")
    good = service.answer(run, q, right(q), seconds=4, now=T0).due["concept:deterrence"]
    run2, q2 = one_question(service, "concept_definition", "concept:red-line")
    again = service.answer(run2, q2, wrong(q2), seconds=4, now=T0).due["concept:red-line"]
    run3, q3 = one_question(service, "concept_definition", "concept:sovereignty")
    hard = service.answer(run3, q3, right(q3), seconds=90, now=T0).due["concept:sovereignty"]
    assert T0 < again < hard < good
    # a second right answer once it is due moves it days ahead, not minutes
    later = service.answer(run, q, right(q), seconds=4, now=good).due["concept:deterrence"]
    assert later - good > dt.timedelta(days=1)


def test_partial_order_reschedules_each_event_by_its_own_place(service: StudyService) -> None:
    questions = service.quiz("nato-russia", count=50, types=["event_order"], seed=4)
    q = questions[0]
    run = service.start_questions("nato-russia", [q])
    order = list(q.answer)
    swapped = [order[1], order[0], *order[2:]]
    due = service.answer(run, q, swapped, seconds=10, now=T0).due
    first, second, *rest = q.item_ids
    assert due[first] - T0 < dt.timedelta(hours=1) and due[second] - T0 < dt.timedelta(hours=1)
    assert all(due[item] > due[first] for item in rest)


def test_every_answer_is_kept_with_what_was_given(
    service: StudyService, store_location: str
) -> None:
    run = service.start_quiz("nato-russia", count=8, seed=2**63 - 1, now=T0)  # the top seed
    for q in run.questions:
        service.answer(run, q, right(q), seconds=3.5, now=T0)
    service.finish_quiz(run)
    kept = rows(
        store_location,
        "SELECT question_id, question_type, topic, item_ids, lesson_id, correct, score,"
        " seconds, day, session_id FROM answers ORDER BY id",
    )
    [(finished, seed)] = rows(store_location, "SELECT finished_at, seed FROM quiz_sessions")
    assert [r[0] for r in kept] == [q.id for q in run.questions]
    assert all(r[5] == 1 and r[6] == 1.0 and r[7] == 3.5 for r in kept)
    assert {r[8] for r in kept} == {"2026-03-02"}
    assert {r[9] for r in kept} == {run.session_id}
    assert finished is not None and seed == 2**63 - 1
    assert kept[0][3].split() == list(run.questions[0].item_ids)


def test_local_days_follow_the_learners_time_zone(
    service: StudyService, store_location: str
) -> None:
    run, q = one_question(service, "cloze", "concept:deterrence")
    late_evening_utc = dt.datetime(2026, 3, 2, 23, 30)  # already 3 March at UTC+2
    service.answer(run, q, "deterrence", seconds=2, now=late_evening_utc)
    assert rows(store_location, "SELECT day FROM answers") == [("2026-03-03",)]


def test_review_asks_the_due_items_first(service: StudyService) -> None:
    assert service.start_review("nato-russia", now=T0) is None
    run = service.start_quiz("nato-russia", count=6, seed=8, now=T0)
    for q in run.questions[:3]:
        service.answer(run, q, wrong(q), seconds=3, now=T0)
    an_hour_later = T0 + dt.timedelta(hours=1)
    due = service.due_items("nato-russia", an_hour_later)
    assert due and set(due) <= {i for q in run.questions[:3] for i in q.item_ids}
    review = service.start_review("nato-russia", count=10, now=an_hour_later, seed=1)
    assert review is not None and review.mode == "review"
    tested = {i for q in review.questions for i in q.item_ids}
    assert set(due) <= tested


def test_a_normal_quiz_asks_weak_items_first(service: StudyService) -> None:
    run, q = one_question(service, "concept_definition", "concept:near-abroad")
    service.answer(run, q, wrong(q), seconds=3, now=T0)
    assert service.weak_items("nato-russia", T0 + dt.timedelta(days=1)) == ["concept:near-abroad"]
    quiz = service.start_quiz("nato-russia", count=4, seed=5, now=T0 + dt.timedelta(days=1))
    assert "concept:near-abroad" in {i for q in quiz.questions for i in q.item_ids}


def test_an_unfinished_quiz_can_be_resumed(store_location: str) -> None:
    first = StudyService.open(CONTENT, store_location)
    run = first.start_quiz("nato-russia", count=5, seed=9)
    for q in run.questions[:2]:
        first.answer(run, q, right(q), seconds=2)
    first.close()  # the window closed mid-quiz

    second = StudyService.open(CONTENT, store_location)
    resumed = second.unfinished_quiz("nato-russia")
    assert resumed is not None
    assert [q.to_json() for q in resumed.questions] == [q.to_json() for q in run.questions]
    assert resumed.remaining == run.questions[2:]
    second.finish_quiz(resumed)  # abandoned: what was answered stays
    assert second.unfinished_quiz("nato-russia") is None
    assert answers_in(store_location) == 2
    second.close()


def test_two_windows_on_one_database_both_keep_working(store_location: str) -> None:
    one = StudyService.open(CONTENT, store_location)
    two = StudyService.open(CONTENT, store_location)
    run_one = one.start_quiz("nato-russia", count=6, seed=1)
    run_two = two.start_quiz("nato-russia", count=6, seed=2)
    for a, b in zip(run_one.questions, run_two.questions, strict=True):
        one.answer(run_one, a, right(a), seconds=1)
        two.answer(run_two, b, wrong(b), seconds=1)
    assert one.stats("nato-russia").answers == 12 == two.stats("nato-russia").answers
    one.close()
    two.close()


def test_desired_retention_is_kept_per_profile(store_location: str) -> None:
    ana = StudyService.open(CONTENT, store_location, profile="Ana")
    ana.set_desired_retention(0.95)
    with pytest.raises(ValueError, match=r"between 0\.70 and 0\.99"):
        ana.set_desired_retention(1.5)
    ana.close()
    again = StudyService.open(CONTENT, store_location, profile="Ana")
    assert again.store.scheduling.scheduler.desired_retention == 0.95
    ben = StudyService.open(CONTENT, store_location, profile="Ben")
    assert ben.store.scheduling.scheduler.desired_retention == 0.9
    again.close()
    ben.close()


def test_a_short_lesson_quiz_says_why_and_offers_the_next_lesson(service: StudyService) -> None:
    run = service.start_quiz("nato-russia", lessons=["introduction"], count=10, seed=3)
    assert 0 < len(run.questions) < 10
    assert run.shortfall is not None
    made = "1 question" if len(run.questions) == 1 else f"{len(run.questions)} questions"
    assert run.shortfall.message.startswith(f"Only {made}, not 10: ")
    assert "this lesson holds 1 item" in run.shortfall.message
    assert run.shortfall.message.endswith(
        "Add “The Current Standoff: What's Fueling the Fire?” for more."
    )
    assert run.shortfall.next_lesson == "current-standoff"
    full = service.start_quiz("nato-russia", count=10, seed=3)
    assert len(full.questions) == 10 and full.shortfall is None


def test_an_item_taken_out_of_the_course_is_neither_due_nor_counted(
    service: StudyService, store_location: str
) -> None:
    run, q = one_question(service, "concept_definition", "concept:deterrence")
    service.answer(run, q, wrong(q), seconds=3, now=T0)
    rows(  # a card of an item a re-read removed
        store_location,
        "INSERT INTO item_states (profile_id, course_id, item_id, lesson_id, card, due_at,"
        " last_review_at, reviews, lapses) SELECT profile_id, course_id, 'claim:gone',"
        " lesson_id, card, due_at, last_review_at, reviews, lapses FROM item_states",
    )
    later = T0 + dt.timedelta(hours=1)
    assert service.due_items("nato-russia", later) == ["concept:deterrence"]
    assert service.stats("nato-russia", now=later).due == 1
    review = service.start_review("nato-russia", now=later, seed=2)
    assert review is not None
    assert {i for q in review.questions for i in q.item_ids} >= {"concept:deterrence"}
