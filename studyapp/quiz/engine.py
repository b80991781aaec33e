"""Assemble a quiz: a balanced, deterministic mix of question types, topics and lessons."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence

from studyapp.content import Course, Item
from studyapp.quiz.generators import FAMILIES, Family
from studyapp.quiz.pools import Pools
from studyapp.quiz.question import QUESTION_TYPES, Question


class QuizRequestError(ValueError):
    """A quiz asked for a lesson or type that does not exist; the message lists valid ones."""


def check_request(
    course: Course, lessons: Iterable[str] | None, types: Iterable[str] | None
) -> tuple[list[str], list[str]]:
    """The lesson ids and question types asked for, in course order; raise if unknown."""
    known = [lesson.id for lesson in course.lessons]
    wanted = list(lessons) if lessons else known
    unknown = [lid for lid in wanted if lid not in known]
    if unknown:
        raise QuizRequestError(
            f"unknown lesson {', '.join(repr(u) for u in unknown)} in course '{course.id}' "
            f"(lessons: {', '.join(known)})"
        )
    chosen_types = list(types) if types else list(QUESTION_TYPES)
    bad = [t for t in chosen_types if t not in QUESTION_TYPES]
    if bad:
        raise QuizRequestError(
            f"unknown question type {', '.join(repr(b) for b in bad)} "
            f"(types: {', '.join(QUESTION_TYPES)})"
        )
    return [lid for lid in known if lid in wanted], [t for t in QUESTION_TYPES if t in chosen_types]


def build_quiz(
    course: Course,
    *,
    lessons: Iterable[str] | None = None,
    count: int,
    types: Iterable[str] | None = None,
    rng: random.Random,
    focus: Sequence[str] | None = None,
) -> list[Question]:
    """Up to `count` questions, never two testing the same item the same way.

    Types take turns so none floods the quiz; each turn goes to the least-asked lesson
    (lessons holding `focus` items first) and, within it, to a focus item if one is left,
    else to an item of the least-asked topic. The same `rng` seed gives the same quiz.
    """
    lesson_ids, type_names = check_request(course, lessons, types)
    pools = Pools.of(course, rng, frozenset(lesson_ids))
    focus_set = frozenset(focus or ())
    items = [item for item in course.items if pools.in_scope(item)]
    candidates: dict[str, dict[str, list[Item]]] = {}
    for name in type_names:
        family = FAMILIES[name]
        by_lesson: dict[str, list[Item]] = {}
        for item in items:
            if item.topic in family.TOPICS and family.eligible(item, pools):
                by_lesson.setdefault(item.lesson_id, []).append(item)
        if by_lesson:
            candidates[name] = by_lesson

    used: set[str] = set()
    lesson_turns: Counter[str] = Counter()
    topic_turns: Counter[str] = Counter()
    pending = set(focus_set)  # focus items no question has tested yet
    questions: list[Question] = []
    order = list(candidates)
    rng.shuffle(order)
    turn = 0
    while len(questions) < count and candidates:
        names = [name for name in order if name in candidates]
        start = turn % len(names)
        rotation = names[start:] + names[:start]
        # While focus items wait, the turn goes to the first type that can ask about one.
        name = next((n for n in rotation if _holds(candidates[n], pending)), rotation[0])
        turn += 1
        family = FAMILIES[name]
        question = _ask(family, candidates, pools, used, lesson_turns, topic_turns, pending)
        if question is None:
            continue
        questions.append(question)
        used.update(_usage_keys(question))
        pending.difference_update(question.item_ids)
        lesson_turns[question.lesson_id] += 1
        topic_turns[question.topic] += 1
    return questions


def _holds(by_lesson: dict[str, list[Item]], wanted: set[str]) -> bool:
    return bool(wanted) and any(item.id in wanted for pool in by_lesson.values() for item in pool)


def _usage_keys(question: Question) -> list[str]:
    if question.type == "event_date":  # asking when, and asking which, are two ways
        return [question.id]
    return [f"{question.type}:{item_id}" for item_id in question.item_ids]


def _ask(
    family: Family,
    candidates: dict[str, dict[str, list[Item]]],
    pools: Pools,
    used: set[str],
    lesson_turns: Counter[str],
    topic_turns: Counter[str],
    focus: set[str],
) -> Question | None:
    """One question of a family, or None once the family has nothing left to ask."""
    by_lesson = candidates[family.TYPE]
    while by_lesson:
        lesson_id = min(
            by_lesson,
            key=lambda lid: (
                not (focus and any(i.id in focus for i in by_lesson[lid])),
                lesson_turns[lid],
                pools.rng.random(),
            ),
        )
        pool = by_lesson[lesson_id]
        preferred = (focus and [i for i in pool if i.id in focus]) or _least_asked_topic(
            pool, topic_turns
        )
        item = pools.rng.choice(preferred)
        if family.MULTI and f"{family.TYPE}:{item.id}" in used:
            question = None  # already paired or ordered in an earlier question
        else:
            question = family.make(item, pools, used.__contains__)
        if question is None or family.TYPE != "event_date":
            pool.remove(item)  # asked, or it cannot be asked any more
        if not pool:
            del by_lesson[lesson_id]
        if question is not None and not any(key in used for key in _usage_keys(question)):
            if not by_lesson:
                del candidates[family.TYPE]
            return question
    del candidates[family.TYPE]
    return None


def _least_asked_topic(pool: list[Item], topic_turns: Counter[str]) -> list[Item]:
    fewest = min(topic_turns[item.topic] for item in pool)
    return [item for item in pool if topic_turns[item.topic] == fewest]
