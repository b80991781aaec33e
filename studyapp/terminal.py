"""The quiz and the statistics in a terminal: plain text in, plain text out.

Works with a person at the keyboard and with answers piped in, one line per question.
"""

from __future__ import annotations

import string
import time
from collections.abc import Callable
from typing import TextIO

from studyapp.content import Course
from studyapp.quiz import FALSE, TRUE, Question, Response, as_option
from studyapp.service import ClassReport, QuizSession, Stats, StoreError, percent, points

LETTERS = string.ascii_lowercase


class Stop(Exception):
    """The learner ended the quiz (end of input or Ctrl+C)."""


def run_quiz(course: Course, session: QuizSession, read: TextIO, write: TextIO) -> int:
    """Ask every remaining question; each answer is saved as it is given. Returns answers."""

    def out(text: str = "") -> None:
        print(text, file=write, flush=True)

    if session.shortfall is not None:
        out(session.shortfall.message)
        if session.shortfall.next_lesson:
            out(f"(Add it with --lesson {session.shortfall.next_lesson}.)")
    try:
        while (question := session.current()) is not None:
            lesson = course.lesson(question.lesson_id)
            out(f"\nQuestion {session.number(question)} of {session.total} · {lesson.title}")
            out(question.prompt)
            show_choices(question, out)
            started = time.monotonic()
            response = ask(question, read, out)
            outcome = session.answer(response, seconds=time.monotonic() - started)
            mark = "✓" if outcome.grade.correct else "✗"
            out(f"{mark} {outcome.grade.feedback}")
            out(question.explanation)
        results = session.finish()
        given = len(results.answers)
        share = round(100 * results.score / max(given, 1))
        out(f"\nDone: {points(results.score)} of {given} right ({share}%).")
    except (Stop, KeyboardInterrupt):
        out(f"\nQuiz stopped. {_answers(len(session.graded))} saved.")
    except StoreError:
        saved = _answers(len(session.graded))
        out(f"\nQuiz stopped: the last answer could not be saved; {saved} saved.")
        raise
    return len(session.graded)


def _answers(count: int) -> str:
    return f"{count} answer{'s' if count != 1 else ''}"


def show_choices(question: Question, out: Callable[[str], None]) -> None:
    if question.format == "match":
        for n, term in enumerate(question.terms, 1):
            out(f"  {n}) {term}")
        assert question.options is not None
        for letter, definition in zip(LETTERS, question.options, strict=False):
            out(f"  {letter}) {definition}")
        out("Pair each number with a letter, like: 1b 2a 3d 4c")
    elif question.format == "order":
        assert question.options is not None
        for n, option in enumerate(question.options, 1):
            out(f"  {n}) {option}")
        out("Type the numbers in order, earliest first, like: 3 1 2")
    elif question.format == "typed":
        out("Type the missing words:")
    elif question.options is not None:
        for n, option in enumerate(question.options, 1):
            out(f"  {n}) {as_option(option)}")
        if question.format == "true_false":
            out("Type t or f (or 1 or 2):")


def ask(question: Question, read: TextIO, out: Callable[[str], None]) -> Response:
    """Read lines until one is a usable answer to the question."""
    while True:
        line = read.readline()
        if not line:
            raise Stop
        response, problem = parse(question, line.strip())
        if response is not None:
            return response
        out(problem)


def parse(question: Question, text: str) -> tuple[Response | None, str]:
    """The answer a line of text gives, or None and what is wrong with it."""
    options = list(question.options or ())
    if question.format == "typed":
        return (text, "") if text else (None, "Type the missing words (or end the input to stop).")
    if question.format == "order":
        numbers = text.replace(",", " ").split()
        wanted = [str(n) for n in range(1, len(options) + 1)]
        if sorted(numbers) != sorted(wanted):
            return None, f"Type each number from 1 to {len(options)} once, earliest first."
        return [options[int(n) - 1] for n in numbers], ""
    if question.format == "match":
        pairs = text.replace(",", " ").split()
        terms = question.terms
        letters = LETTERS[: len(options)]
        valid = all(len(p) == 2 and p[0].isdigit() and p[1] in letters for p in pairs)
        numbers = sorted(p[0] for p in pairs)
        if not valid or numbers != [str(n) for n in range(1, len(terms) + 1)]:
            return (
                None,
                f"Pair each number 1-{len(terms)} with a letter a-{letters[-1]}, like 1b 2a.",
            )
        return [(terms[int(p[0]) - 1], options[letters.index(p[1])]) for p in pairs], ""
    if question.format == "true_false":
        key = text.casefold()
        if key in ("t", "true", "1"):
            return TRUE, ""
        if key in ("f", "false", "2"):
            return FALSE, ""
        return None, "Type t for true or f for false."
    if text.isdigit() and 1 <= int(text) <= len(options):
        return options[int(text) - 1], ""
    matches = [o for o in options if o.casefold() == text.casefold()]
    if matches:
        return matches[0], ""
    return None, f"Type a number from 1 to {len(options)}."


def format_stats(stats: Stats, title: str) -> str:
    lines = [
        f"{stats.course_id}: {title}",
        f"Answers: {stats.answers} · accuracy {percent(stats.accuracy)} · "
        f"due now: {stats.due} · streak: {stats.streak_days} day"
        f"{'s' if stats.streak_days != 1 else ''} · mastery {percent(stats.mastery)}",
        "",
        "Lessons (read, mastery, answers):",
    ]
    width = max(len(lesson.title) for lesson in stats.lessons)
    for n, lesson in enumerate(stats.lessons, 1):
        bar = "█" * round(lesson.mastery * 10) + "░" * (10 - round(lesson.mastery * 10))
        read = "read" if lesson.read else "    "
        lines.append(
            f"  {n}. {lesson.title:<{width}}  {read}  {bar} {percent(lesson.mastery):>4}  "
            f"{lesson.answered} answered, {percent(lesson.accuracy)} right"
        )
    topics = " · ".join(f"{t.topic}s {percent(t.accuracy)} ({t.answered})" for t in stats.topics)
    lines += ["", f"By topic: {topics}"]
    if stats.weakest:
        lines += ["", "Weakest items:"]
        lines += [f"  {percent(w.mastery):>4}  {w.label} ({w.lesson_id})" for w in stats.weakest]
    coming = ", ".join(f"{d.day[5:]}: {d.answers}" for d in stats.forecast if d.answers)
    lines += ["", f"Due in the next 14 days: {coming or 'nothing'}"]
    return "\n".join(lines)


def format_report(report: ClassReport, title: str) -> str:
    lines = [f"{report.course_id}: {title}", "", "Learners (answers, accuracy, mastery, due):"]
    if not report.learners:
        lines.append("  none yet: add one with `main.py class grant NAME`")
    width = max((len(each.profile) for each in report.learners), default=0)
    for each in report.learners:
        active = f"{each.last_active:%Y-%m-%d %H:%M} UTC" if each.last_active else "never"
        lines.append(
            f"  {each.profile:<{width}}  {each.answers:>5} answers  {percent(each.accuracy):>4} "
            f"right  mastery {percent(each.mastery):>4}  {each.due} due  last active {active}"
        )
    lines += ["", "Lessons across the class (mastery, answers, accuracy):"]
    width = max(len(lesson.title) for lesson in report.lessons)
    for n, lesson in enumerate(report.lessons, 1):
        lines.append(
            f"  {n}. {lesson.title:<{width}}  {percent(lesson.mastery):>4}  "
            f"{lesson.answered:>5} answered, {percent(lesson.accuracy)} right"
        )
    lines += ["", "Hardest questions (right at the first try):"]
    if not report.hardest:
        lines.append("  no answers yet")
    for question in report.hardest:
        lines.append(
            f"  {percent(question.accuracy):>4} of {question.learners}  {question.question_type}"
            f": {'; '.join(question.item_labels)} ({question.lesson_title})"
        )
    return "\n".join(lines)
