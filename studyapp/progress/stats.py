"""Statistics for the progress screen and `stats`: SQL aggregates over answers, and the
scheduling state of each item (one row per item, not per answer)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Integer, func, select
from sqlalchemy.sql.functions import coalesce

from studyapp.content import Claim, Course, Item
from studyapp.progress.models import Answer
from studyapp.progress.repository import CardRow, ProgressStore, local_day

HEATMAP_DAYS = 365
FORECAST_DAYS = 14
WEAKEST = 10


@dataclass(frozen=True)
class LessonStats:
    id: str
    title: str
    read: bool
    items: int
    items_seen: int
    mastery: float  # mean mastery (recall a week ahead) of the lesson's items, unseen as 0
    answered: int
    correct: int
    accuracy: float | None  # None before the first answer


@dataclass(frozen=True)
class TopicStats:
    topic: str
    answered: int
    correct: int
    accuracy: float | None


@dataclass(frozen=True)
class DayCount:
    day: str  # the learner's local date, YYYY-MM-DD
    answers: int
    correct: int


@dataclass(frozen=True)
class WeakItem:
    item_id: str
    lesson_id: str
    label: str
    mastery: float
    reviews: int
    lapses: int


@dataclass(frozen=True)
class Stats:
    course_id: str
    answers: int
    correct: int
    accuracy: float | None
    due: int
    next_due: dt.datetime | None  # UTC; the first item falling due after now
    streak_days: int
    per_day: list[DayCount]  # the last year, days with answers only
    topics: list[TopicStats]
    lessons: list[LessonStats]
    weakest: list[WeakItem]
    forecast: list[DayCount]  # items falling due on each of the next 14 days (answers = count)
    mastery: float
    answers_today: int = 0  # over every course, as the daily goal counts them

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["next_due"] = self.next_due.isoformat() + "Z" if self.next_due else None
        data["topics"] = {t.topic: asdict(t) for t in self.topics}
        data["forecast"] = [{"day": d.day, "due": d.answers} for d in self.forecast]
        return data


def _accuracy(correct: int, answered: int) -> float | None:
    return round(correct / answered, 4) if answered else None


def compute(
    store: ProgressStore, course: Course, *, now: dt.datetime, tz: dt.tzinfo | None
) -> Stats:
    profile = store.profile_id
    right = coalesce(func.sum(Answer.correct.cast(Integer)), 0)
    today = dt.date.fromisoformat(local_day(now, tz))
    by_lesson: dict[str, tuple[int, int]] = {}
    by_topic: dict[str, tuple[int, int]] = {}
    with store.session() as session:
        # one scan of a covering index gives both the lesson and the topic figures
        for lesson_id, topic, count, correct in session.execute(
            select(Answer.lesson_id, Answer.topic, func.count(), right)
            .where(Answer.profile_id == profile, Answer.course_id == course.id)
            .group_by(Answer.lesson_id, Answer.topic)
        ):
            for table, key in ((by_lesson, lesson_id), (by_topic, topic)):
                seen, good = table.get(key, (0, 0))
                table[key] = (seen + count, good + correct)
        since = (today - dt.timedelta(days=HEATMAP_DAYS - 1)).isoformat()
        per_day = [
            DayCount(day, count, correct)
            for day, count, correct in session.execute(
                select(Answer.day, func.count(), right)
                .where(Answer.profile_id == profile, Answer.day >= since)
                .group_by(Answer.day)
                .order_by(Answer.day)
            )
        ]
        recent = [d.day for d in reversed(per_day) if d.day <= today.isoformat()]
        streak = _streak(recent, today)
        if streak >= len(recent) and recent and recent[-1] == since:
            # the streak runs past the heatmap's year: count it over every day
            streak = _streak(
                session.scalars(
                    select(Answer.day)
                    .where(Answer.profile_id == profile, Answer.day <= today.isoformat())
                    .distinct()
                    .order_by(Answer.day.desc())
                ),
                today,
            )

    cards = current_cards(store, course)
    recall = item_mastery(store, cards, now)
    by_lesson_mastery = lesson_mastery(course, cards, recall)
    read = store.read_lessons(course.id)
    lessons = []
    for lesson in course.lessons:
        seen, mastery = by_lesson_mastery[lesson.id]
        answered, correct = by_lesson.get(lesson.id, (0, 0))
        lessons.append(
            LessonStats(
                id=lesson.id,
                title=lesson.title,
                read=lesson.id in read,
                items=len(course.items_in(lesson.id)),
                items_seen=seen,
                mastery=mastery,
                answered=answered,
                correct=correct,
                accuracy=_accuracy(correct, answered),
            )
        )
    topics = []
    for topic in ("event", "perspective", "concept"):
        answered, correct = by_topic.get(topic, (0, 0))
        topics.append(TopicStats(topic, answered, correct, _accuracy(correct, answered)))
    labels = {item.id: item_label(item) for item in course.items}
    ranked = sorted(cards, key=lambda c: (recall[c.item_id], -c.lapses, c.item_id))
    weakest = [
        WeakItem(
            c.item_id,
            c.lesson_id,
            labels[c.item_id],
            round(recall[c.item_id], 4),
            c.reviews,
            c.lapses,
        )
        for c in ranked
        if c.item_id in labels  # an item since removed from the course is not shown
    ][:WEAKEST]
    forecast_counts = dict.fromkeys(
        ((today + dt.timedelta(days=n)).isoformat() for n in range(FORECAST_DAYS)), 0
    )
    for card in cards:
        day = max(local_day(card.due_at, tz), today.isoformat())
        if day in forecast_counts:
            forecast_counts[day] += 1
    total = sum(count for count, _ in by_lesson.values())
    total_right = sum(correct for _, correct in by_lesson.values())
    all_items = len(course.items)
    return Stats(
        course_id=course.id,
        answers=total,
        correct=total_right,
        accuracy=_accuracy(total_right, total),
        due=sum(1 for c in cards if c.due_at <= now),
        next_due=min((c.due_at for c in cards if c.due_at > now), default=None),
        streak_days=streak,
        per_day=per_day,
        topics=topics,
        lessons=lessons,
        weakest=weakest,
        forecast=[DayCount(day, count, 0) for day, count in forecast_counts.items()],
        mastery=round(sum(recall.values()) / all_items, 4) if all_items else 0.0,
        answers_today=next((d.answers for d in per_day if d.day == today.isoformat()), 0),
    )


@dataclass(frozen=True)
class Today:
    """The learner's day so far, over every course: what a daily goal counts."""

    answers: int
    streak_days: int


def today_so_far(store: ProgressStore, *, now: dt.datetime, tz: dt.tzinfo | None) -> Today:
    today = local_day(now, tz)
    with store.session() as session:
        answers = session.scalar(
            select(func.count()).where(Answer.profile_id == store.profile_id, Answer.day == today)
        )
        days = session.scalars(
            select(Answer.day)
            .where(Answer.profile_id == store.profile_id, Answer.day <= today)
            .distinct()
            .order_by(Answer.day.desc())
        )
        streak = _streak(days, dt.date.fromisoformat(today))
    return Today(int(answers or 0), streak)


def item_label(item: Item) -> str:
    """An item as a list shows it: a claim says whose view it is."""
    return f"{item.actor}: {item.statement}" if isinstance(item, Claim) else item.label


def current_cards(store: ProgressStore, course: Course) -> list[CardRow]:
    """The learner's cards of the items the course still holds: an item taken out of a
    course (its text re-read and reworded) is neither due nor counted."""
    known = {item.id for item in course.items}
    return [card for card in store.cards(course.id) if card.item_id in known]


def item_mastery(store: ProgressStore, cards: list[CardRow], now: dt.datetime) -> dict[str, float]:
    """Each answered item's mastery: its chance of being recalled a week from now."""
    return {card.item_id: store.scheduling.mastery(card.card, now) for card in cards}


def lesson_mastery(
    course: Course, cards: list[CardRow], mastery: dict[str, float]
) -> dict[str, tuple[int, float]]:
    """Per lesson: items seen, and the mean mastery over all its items (unseen count 0)."""
    seen: dict[str, list[float]] = {lesson.id: [] for lesson in course.lessons}
    for card in cards:
        if card.lesson_id in seen:
            seen[card.lesson_id].append(mastery[card.item_id])
    result = {}
    for lesson in course.lessons:
        items = len(course.items_in(lesson.id))
        values = seen[lesson.id]
        result[lesson.id] = (len(values), round(sum(values) / items, 4) if items else 0.0)
    return result


def _streak(days_descending: Any, today: dt.date) -> int:
    """Consecutive study days ending today, or yesterday if today has no answers yet."""
    streak = 0
    expected: dt.date | None = None
    for text in days_descending:
        day = dt.date.fromisoformat(text)
        if expected is None:
            if day < today - dt.timedelta(days=1):
                return 0
            expected = day
        if day != expected:
            break
        streak += 1
        expected = day - dt.timedelta(days=1)
    return streak
