"""A review asks about every item that is due: an item a family asks only now and then (a
view said true or false as the coin falls) is not left due round after round."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from studyapp.demo import right_response
from studyapp.service import StudyService
from tests.conftest import CONTENT


@pytest.mark.parametrize("seed", [18, 30, 36, 54, 55])  # the quizzes that left a view due
def test_every_due_item_is_asked_in_the_review(db_path: Path, seed: int) -> None:
    service = StudyService.open(CONTENT, str(db_path), fuzz=False)
    run = service.start_quiz("nato-russia", count=2, types=["true_false"], seed=seed)
    for question in run.questions:
        service.answer(run, question, right_response(question), seconds=3.0)
    service.finish_quiz(run)
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE item_states SET due_at = '2020-01-01 00:00:00'")
    connection.close()
    due = set(service.due_items("nato-russia"))
    for review_seed in range(10):
        review = service.start_review("nato-russia", count=10, seed=review_seed)
        assert review is not None
        asked = {item for question in review.questions for item in question.item_ids}
        assert due <= asked, due - asked
    service.close()
