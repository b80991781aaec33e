"""How fresh and fair the questions of a quiz are, over many quizzes of one course.

    python benchmarks/question_quality.py [--course DIR] [--quizzes 50] [--count 40] [--json]

Prints, per quiz of `count` questions: items tested twice, pairs of questions grounded on
one sentence, questions whose answer an earlier question stated (the answer together with
what it asks about), where the right option sits per family, each lesson's share of the
questions against its share of the items, and how many true/false statements are true.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from studyapp.content import Claim, Concept, Course, Event, Item, load_course  # noqa: E402
from studyapp.quiz import TRUE, Question, build_quiz  # noqa: E402
from studyapp.quiz.text import mentions, normalize  # noqa: E402


def cues(item: Item, answer: str) -> tuple[str, ...]:
    if isinstance(item, Concept):
        return item.names if answer == item.definition else (item.definition,)
    if isinstance(item, Event) and item.date is not None:
        return (item.title,) if answer == str(item.date) else (str(item.date),)
    if isinstance(item, Claim) and answer == item.actor:
        return (item.statement, item.quote)
    return ()


def leaked(course: Course, question: Question, earlier: list[Question]) -> bool:
    if not isinstance(question.answer, str) or len(question.item_ids) != 1:
        return False
    answer = question.answer.rstrip(".")  # stems quote definitions without the full stop
    signs = [cue.rstrip(".") for cue in cues(course.item(question.item_id), question.answer)]
    for before in earlier:
        text = f"{before.prompt}\n{before.explanation}"
        if mentions(text, answer) and any(mentions(text, cue) for cue in signs):
            return True
    return False


def measure(course: Course, quizzes: int, count: int) -> dict[str, object]:
    repeats, single, same_sentence, with_cloze, leaks, asked = 0, 0, 0, 0, 0, 0
    slots: dict[str, Counter[int]] = defaultdict(Counter)
    lessons: Counter[str] = Counter()
    truths = Counter[bool]()
    for seed in range(quizzes):
        questions = build_quiz(course, count=count, rng=random.Random(1000 + seed))
        asked += len(questions)
        seen: Counter[str] = Counter()
        sources: dict[str, list[str]] = defaultdict(list)
        for number, question in enumerate(questions):
            if len(question.item_ids) == 1:
                single += 1
                repeats += seen[question.item_id] > 0
            seen.update(question.item_ids)
            earlier = sources[normalize(question.source)]
            same_sentence += len(earlier)
            with_cloze += sum("cloze" in (kind, question.type) for kind in earlier)
            earlier.append(question.type)
            leaks += leaked(course, question, questions[:number])
            lessons[question.lesson_id] += 1
            if question.type == "true_false":
                truths[question.answer == TRUE] += 1
            elif question.options and isinstance(question.answer, str):
                kind = f"{question.type} ({len(question.options)} options)"
                slots[kind][question.options.index(question.answer)] += 1
    sizes = Counter(item.lesson_id for item in course.items)
    return {
        "course": course.id,
        "quizzes": quizzes,
        "questions_per_quiz": round(asked / quizzes, 1),
        "single_item_questions_on_a_tested_item": round(repeats / max(single, 1), 3),
        "same_sentence_pairs_per_quiz": round(same_sentence / quizzes, 2),
        "same_sentence_pairs_with_a_cloze_per_quiz": round(with_cloze / quizzes, 2),
        "answers_given_away_per_quiz": round(leaks / quizzes, 2),
        "true_share": round(truths[True] / max(sum(truths.values()), 1), 3),
        "right_option_position": {
            kind: [round(counts[at] / max(sum(counts.values()), 1), 2) for at in sorted(counts)]
            for kind, counts in sorted(slots.items())
        },
        "lesson_share_vs_items": {
            lesson.id: [
                round(lessons[lesson.id] / max(asked, 1), 3),
                round(sizes[lesson.id] / max(len(course.items), 1), 3),
            ]
            for lesson in course.lessons
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--course", type=Path, default=ROOT / "content" / "nato-russia")
    parser.add_argument("--quizzes", type=int, default=50)
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = measure(load_course(args.course), args.quizzes, args.count)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"Course {figures['course']}: {figures['quizzes']} quizzes of {args.count} asked")
    for key in (
        "questions_per_quiz",
        "single_item_questions_on_a_tested_item",
        "same_sentence_pairs_per_quiz",
        "same_sentence_pairs_with_a_cloze_per_quiz",
        "answers_given_away_per_quiz",
        "true_share",
    ):
        print(f"  {key.replace('_', ' '):44} {figures[key]}")
    print("  where the right option sits (share at 1st, 2nd … place):")
    for kind, places in figures["right_option_position"].items():  # type: ignore[attr-defined]
        print(f"    {kind:38} {' '.join(f'{q:.2f}' for q in places)}")
    print("  lesson: share of questions / share of items")
    for lesson, (share, items) in figures["lesson_share_vs_items"].items():  # type: ignore[attr-defined]
        print(f"    {lesson:26} {share:.3f} / {items:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
