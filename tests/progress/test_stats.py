"""Statistics against a hand-computed fixture: answers on known days, in a known time zone."""

from __future__ import annotations

import datetime as dt

import pytest

from studyapp.service import StudyService
from tests.progress.test_answers_and_scheduling import one_question, right, wrong

# (UTC time, question type, item, right?) — the learner lives at UTC+2
ANSWERS = [
    (dt.datetime(2026, 3, 1, 8, 0), "concept_definition", "concept:deterrence", True),
    (dt.datetime(2026, 3, 1, 8, 1), "cloze", "concept:miscalculation", True),
    (dt.datetime(2026, 3, 1, 8, 2), "event_date", "event:crimea-annexation", False),
    (
        dt.datetime(2026, 3, 1, 22, 30),
        "true_false",
        "claim:russia-western-interference",
        True,
    ),
    (dt.datetime(2026, 3, 2, 9, 0), "term_from_definition", "concept:deterrence", False),
    (dt.datetime(2026, 3, 3, 7, 0), "true_false", "claim:nato-sovereignty", True),
]
NOW = dt.datetime(2026, 3, 3, 12, 0)


@pytest.fixture
def answered(service: StudyService) -> StudyService:
    for when, kind, item, is_right in ANSWERS:
        run, q = one_question(service, kind, item)
        service.answer(run, q, right(q) if is_right else wrong(q), seconds=5, now=when)
    service.record_reading("nato-russia", "key-events", seconds=60, finished=True)
    return service


def test_totals_days_and_streak(answered: StudyService) -> None:
    stats = answered.stats("nato-russia", now=NOW)
    assert (stats.answers, stats.correct) == (6, 4)
    assert stats.accuracy == round(4 / 6, 4)
    # 22:30 UTC on 1 March is 00:30 on 2 March at UTC+2
    assert [(d.day, d.answers, d.correct) for d in stats.per_day] == [
        ("2026-03-01", 3, 2),
        ("2026-03-02", 2, 1),
        ("2026-03-03", 1, 1),
    ]
    assert stats.streak_days == 3
    later = answered.stats("nato-russia", now=NOW + dt.timedelta(days=1))
    assert later.streak_days == 3  # today has no answers yet: the streak still stands
    gone = answered.stats("nato-russia", now=NOW + dt.timedelta(days=2))
    assert gone.streak_days == 0


def test_topics_and_lessons(answered: StudyService) -> None:
    stats = answered.stats("nato-russia", now=NOW)
    topics = {t.topic: (t.answered, t.correct) for t in stats.topics}
    assert topics == {"concept": (3, 2), "event": (1, 0), "perspective": (2, 2)}
    lessons = {lesson.id: lesson for lesson in stats.lessons}
    assert (
        lessons["risk-of-direct-conflict"].answered,
        lessons["risk-of-direct-conflict"].correct,
    ) == (3, 2)
    assert lessons["key-events"].read and not lessons["introduction"].read
    assert lessons["key-events"].accuracy == 0.0
    assert lessons["introduction"].answered == 0 and lessons["introduction"].mastery == 0.0
    assert lessons["risk-of-direct-conflict"].items_seen == 2
    assert lessons["russia-perspective"].items_seen == 1


def test_mastery_is_the_mean_over_all_items_of_the_lesson(answered: StudyService) -> None:
    stats = answered.stats("nato-russia", now=NOW)
    scheduling = answered.store.scheduling
    cards = {c.item_id: c for c in answered.store.cards("nato-russia")}
    risk = answered.course("nato-russia").items_in("risk-of-direct-conflict")
    expected = sum(scheduling.mastery(cards[i.id].card, NOW) for i in risk if i.id in cards)
    lesson = next(s for s in stats.lessons if s.id == "risk-of-direct-conflict")
    assert lesson.mastery == pytest.approx(expected / len(risk), abs=1e-4)
    assert 0 < lesson.mastery < 1


def test_weakest_items_and_forecast(answered: StudyService) -> None:
    stats = answered.stats("nato-russia", now=NOW)
    masteries = [w.mastery for w in stats.weakest]
    assert masteries == sorted(masteries)
    assert len(stats.weakest) == 5  # five distinct items answered
    assert stats.weakest[0].item_id in {"event:crimea-annexation", "concept:deterrence"}
    assert stats.weakest[0].label in {"Russia annexes Crimea", "deterrence"}
    assert len(stats.forecast) == 14 and stats.forecast[0].day == "2026-03-03"
    assert sum(d.answers for d in stats.forecast) == 5  # all fall due within the fortnight
    assert stats.due == sum(1 for c in answered.store.cards("nato-russia") if c.due_at <= NOW)


def test_a_new_learner_has_empty_statistics(service: StudyService) -> None:
    stats = service.stats("nato-russia", now=NOW)
    assert (stats.answers, stats.accuracy, stats.streak_days, stats.due) == (0, None, 0, 0)
    assert stats.weakest == [] and stats.per_day == []
    assert all(lesson.mastery == 0 for lesson in stats.lessons)


def test_every_statistics_query_uses_an_index(answered: StudyService) -> None:
    """Capture the SQL that statistics run and ask the database how it would run each."""
    from sqlalchemy import event

    engine = answered.store.engine
    captured: list[tuple[str, object]] = []

    def capture(_conn: object, _cursor: object, statement: str, params: object, *_: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            captured.append((statement, params))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        answered.stats("nato-russia", now=NOW)
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    assert len(captured) >= 4  # answers by lesson and topic, by day, cards, lessons read
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            # Seq scans made dear: a plan that still scans a table has no index to use.
            connection.exec_driver_sql("SET enable_seqscan = off")
            for statement, params in captured:
                plan = connection.exec_driver_sql(f"EXPLAIN {statement}", params).all()
                steps = "\n".join(str(row[0]) for row in plan)
                assert "Seq Scan" not in steps, (statement, steps)
            return
        for statement, params in captured:
            plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params).all()
            details = [str(row[-1]) for row in plan]
            assert not any(step.startswith("SCAN ") for step in details), (statement, details)
            assert any("USING" in step and "INDEX" in step for step in details), details


def test_a_streak_longer_than_the_heatmaps_year(service: StudyService) -> None:
    run, q = one_question(service, "true_false", "claim:russia-promises")
    first = dt.datetime(2025, 1, 1, 9, 0)
    for day in range(400):
        service.answer(run, q, right(q), seconds=3, now=first + dt.timedelta(days=day))
    stats = service.stats("nato-russia", now=first + dt.timedelta(days=399, hours=3))
    assert stats.streak_days == 400
    assert len(stats.per_day) == 365
