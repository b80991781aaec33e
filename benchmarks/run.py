"""StudyApp's performance figures, each the median of several runs, printed as one table.

    python benchmarks/run.py            # the full sizes (a few minutes)
    python benchmarks/run.py --quick    # small sizes, for CI: the script must not rot
    python benchmarks/run.py --json     # the same figures as JSON

Everything it measures it generates itself, deterministically, in a temporary folder: the
large course, the ten learners and their million answers (bulk inserted), the demo history.
Times are not asserted anywhere; RESULTS.md keeps the last full table and the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fsrs import Rating  # noqa: E402

from studyapp.content import (  # noqa: E402
    Actor,
    Claim,
    Concept,
    Course,
    Event,
    Lesson,
    PartialDate,
    load_course,
)
from studyapp.demo import right_response, seed_history, wrong_response  # noqa: E402
from studyapp.progress.scheduling import Scheduling  # noqa: E402
from studyapp.quiz import build_quiz  # noqa: E402
from studyapp.service import StudyService  # noqa: E402

CONTENT = ROOT / "content"
BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("first-paint", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""
MEMORY_DRIVER = """
import resource, sys
from pathlib import Path
from studyapp.ui.app import make_app
from studyapp.ui.main_window import LESSONS, PROGRESS, QUIZ, REVIEW, MainWindow
from studyapp.ui.qt import QApplication, QSettings
from studyapp.service import StudyService
app = make_app()
service = StudyService.open(Path(sys.argv[1]), sys.argv[2])
window = MainWindow(service, QSettings(sys.argv[3], QSettings.Format.IniFormat))
window.show()
for section in (LESSONS, QUIZ, REVIEW, PROGRESS):
    window.go(section)
    for _ in range(3):
        QApplication.processEvents()
run = service.start_quiz(service.courses[0].id, count=8, seed=1)
window.quiz_page.start(run)
for question in run.questions:
    QApplication.processEvents()
    window.quiz_page._next()
window.go(PROGRESS)
QApplication.processEvents()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


@dataclass(frozen=True)
class Sizes:
    startup_runs: int
    quiz_runs: int
    large_courses: tuple[tuple[int, int], ...]  # (lessons, items)
    learners: int
    answers: int
    answer_samples: int
    stats_runs: int
    article_words: tuple[int, int]  # a short and a ten times longer article to import
    checked_events: tuple[int, int]  # a course of events and one ten times larger, checked
    concepts_read: int  # key terms of the course whose lesson is opened
    library: int  # courses in the library whose start is timed


FULL = Sizes(
    9, 15, ((50, 1000), (100, 2000), (200, 4000)), 10, 1_000_000, 300, 9, (2_500, 25_000),
    (4_000, 40_000), 20_000, 100,
)  # fmt: skip
QUICK = Sizes(
    3, 5, ((10, 200), (20, 400)), 10, 20_000, 40, 3, (300, 3_000), (400, 4_000), 2_000, 10
)  # fmt: skip


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: str
    met: bool | None
    note: str = ""


def median_ms(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


# --- start-up ------------------------------------------------------------------------------


def _time_to_line(command: list[str], env: dict[str, str], line: str) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    for text in process.stdout:
        if text.strip() == line:
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError(f"{command} never printed {line!r}")
    process.wait(timeout=60)
    return elapsed * 1000


def _start_env(tmp: Path) -> dict[str, str]:
    """A learner's start: offscreen, own settings and cache, and Python's compiled modules
    kept (a machine that sets PYTHONDONTWRITEBYTECODE would otherwise time the compiler)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp / "config")}
    env["STUDYAPP_CACHE"] = str(tmp / "cache")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def startup(sizes: Sizes, tmp: Path) -> list[Figure]:
    """The first frame, a lesson on screen and the learner's progress on screen, for a
    learner who has been here before (an existing database, a course read last time),
    side by side with a bare window."""
    env = _start_env(tmp)
    env["STUDYAPP_DB"] = str(tmp / "startup.sqlite3")
    bare_script = tmp / "bare_window.py"
    bare_script.write_text(BARE_WINDOW, encoding="utf-8")
    app = [sys.executable, str(ROOT / "main.py")]
    _time_to_line(app, {**env, "STUDYAPP_QUIT_AFTER": "ready"}, "ready")  # been here before
    times: dict[str, list[float]] = {"bare": [], "paint": [], "lessons": [], "ready": []}
    for _ in range(sizes.startup_runs):  # alternate, so that all see the same machine
        times["bare"].append(_time_to_line([sys.executable, str(bare_script)], env, "first-paint"))
        for until, line in (("paint", "first-paint"), ("lessons", "lessons"), ("ready", "ready")):
            times[until].append(_time_to_line(app, {**env, "STUDYAPP_QUIT_AFTER": until}, line))
    bare_ms, paint_ms, lessons_ms, ready_ms = (statistics.median(x) for x in times.values())
    return [
        Figure("start-up to first frame", paint_ms, "ms", "≤ 1.3 x bare window",
               paint_ms / bare_ms <= 1.3,
               f"{paint_ms / bare_ms:.2f} x the bare QMainWindow ({bare_ms:.0f} ms)"),
        Figure("start-up until a lesson is shown", lessons_ms, "ms", "≤ 2.0 x bare window",
               lessons_ms / bare_ms <= 2.0,
               f"{lessons_ms / bare_ms:.2f} x bare; the last lesson, from the cached course"),
        Figure("start-up until progress is shown", ready_ms, "ms", "—", None,
               f"{ready_ms / bare_ms:.2f} x bare; read marks, mastery, due and today's goal"),
    ]  # fmt: skip


# --- quizzes -------------------------------------------------------------------------------


def large_course(lessons: int, items: int, seed: int = 7) -> Course:
    """A generated course: lessons of a few paragraphs, items of every kind grounded in them."""
    rng = random.Random(seed)
    actors = ("North", "South", "East", "West")
    lesson_list, concepts, events, claims = [], [], [], []
    per_lesson = items // lessons
    for n in range(lessons):
        lesson_id = f"lesson-{n}"
        sentences = []
        for k in range(per_lesson):
            number = n * per_lesson + k
            kind = number % 10
            if kind < 4:
                term = f"term{number}x"
                quote = f"The idea of {term} shapes part {number} of the story."
                definition = f"Meaning {number}: a notion of kind {rng.randrange(1000)}."
                concepts.append(Concept(f"concept:{term}", lesson_id, term, definition, quote))
            elif kind < 7:
                year = 1800 + number % 220
                dated = kind < 6
                quote = (
                    f"In {year} the accord number {number} was signed."
                    if dated
                    else f"Later the accord number {number} was signed."
                )
                events.append(
                    Event(
                        f"event:e{number}",
                        lesson_id,
                        f"Accord {number} is signed",
                        quote,
                        year - 1799 if dated else None,
                        PartialDate(year) if dated else None,
                        None if dated else "later",
                    )
                )
            else:
                actor = actors[number % 4]
                quote = f"{actor} argues that rule {number} should hold for everyone."
                claims.append(
                    Claim(
                        f"claim:c{number}", lesson_id, actor, f"Rule {number} should hold.", quote
                    )
                )
            sentences.append(quote)
        paragraphs = tuple(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5))
        lesson_list.append(Lesson(lesson_id, f"Lesson {n}", paragraphs, n + 1))
    return Course(
        id="large",
        title="Large",
        lessons=tuple(lesson_list),
        concepts=tuple(concepts),
        events=tuple(events),
        claims=tuple(claims),
        actors=tuple(Actor(a) for a in actors),
    )


def quiz_builds(sizes: Sizes) -> list[Figure]:
    course = load_course(CONTENT / "nato-russia")
    made = len(build_quiz(course, count=1000, rng=random.Random(0)))
    bundled = median_ms(
        sizes.quiz_runs, lambda: build_quiz(course, count=1000, rng=random.Random(1))
    )
    figures = [
        Figure(
            "quiz build, bundled course (1,000 asked)",
            bundled,
            "ms",
            "≤ 50 ms",
            bundled <= 50,
            f"{made} questions: all the course can honestly make",
        )
    ]
    timings = []
    for lessons, items in sizes.large_courses:
        big = large_course(lessons, items)
        ms = median_ms(
            sizes.quiz_runs, lambda big=big: build_quiz(big, count=50, rng=random.Random(2))
        )
        timings.append((items, ms))
    (small_items, small_ms), (items, ms) = timings[0], timings[-1]
    growth = (ms / small_ms) / (items / small_items)
    lessons = sizes.large_courses[-1][0]
    steps = ", ".join(f"{n} items {t:.0f} ms" for n, t in timings)
    figures.append(
        Figure(
            f"quiz build, {lessons} lessons / {items:,} items (50 asked)",
            ms,
            "ms",
            "≤ 100 ms, ~linear",
            ms <= 100 and growth <= 1.3,
            f"{steps}; growth {growth:.2f} x linear",
        )
    )
    return figures


# --- the store ------------------------------------------------------------------------------


def fill_database(path: Path, sizes: Sizes) -> tuple[Course, int]:
    """Ten learners with the given number of answers between them, over two years, inserted
    in bulk; every learner has a card for every item. Returns the course and learner 1's id."""
    course = load_course(CONTENT / "nato-russia")
    StudyService.open(CONTENT, str(path), profile="learner-1").close()  # the schema
    rng = random.Random(11)
    scheduling = Scheduling(fuzz=False)
    start = dt.datetime(2024, 12, 1, 8, 0)
    items = course.items
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "INSERT INTO profiles (name, created_at, desired_retention) VALUES (?, ?, 0.9)",
            [(f"learner-{n}", start) for n in range(2, sizes.learners + 1)],
        )
        profiles = [row[0] for row in connection.execute("SELECT id FROM profiles ORDER BY id")]
        per_learner = sizes.answers // len(profiles)
        for profile in profiles:
            rows = []
            for n in range(per_learner):
                item = items[n % len(items)]
                moment = start + dt.timedelta(minutes=n * (730 * 24 * 60 // per_learner))
                right = rng.random() < 0.75
                rows.append((
                    profile, None, course.id, item.lesson_id, f"cloze:{item.id}", "cloze",
                    item.topic, item.id, '"answer"', right, 1.0 if right else 0.0,
                    rng.uniform(3, 30), moment, moment.date().isoformat(),
                ))  # fmt: skip
            connection.executemany(
                "INSERT INTO answers (profile_id, session_id, course_id, lesson_id, question_id,"
                " question_type, topic, item_ids, response, correct, score, seconds,"
                " answered_at, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            states = []
            for item in items:
                when = start + dt.timedelta(days=rng.randrange(700))
                review = scheduling.review(None, Rating.Good, when)
                states.append((
                    profile, course.id, item.id, item.lesson_id, review.card_json, review.due,
                    review.last_review, 1, 0,
                ))  # fmt: skip
            connection.executemany(
                "INSERT INTO item_states (profile_id, course_id, item_id, lesson_id, card,"
                " due_at, last_review_at, reviews, lapses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                states,
            )
    with sqlite3.connect(path) as connection:
        # a learner's file at rest has no bulk load pending in its write-ahead log
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return course, profiles[0]


def store(sizes: Sizes, tmp: Path) -> list[Figure]:
    path = tmp / "million.sqlite3"
    started = time.perf_counter()
    course, _ = fill_database(path, sizes)
    filled_s = time.perf_counter() - started
    service = StudyService.open(CONTENT, str(path), profile="learner-1")
    gc.collect()  # start from a tidy heap, not from the previous figures' garbage
    rng = random.Random(5)
    run = service.start_quiz(course.id, count=40, seed=3)
    answer_ms = []
    for n in range(sizes.answer_samples):
        question = run.questions[n % len(run.questions)]
        response = right_response(question) if n % 4 else wrong_response(question, rng)
        begin = time.perf_counter()
        service.answer(run, question, response, seconds=9.0)
        answer_ms.append((time.perf_counter() - begin) * 1000)
    p95 = statistics.quantiles(answer_ms, n=20)[-1]
    stats_ms = median_ms(sizes.stats_runs, lambda: service.stats(course.id))
    answers = service.stats(course.id).answers
    service.close()
    return [
        Figure(
            f"answer, recorded and committed ({sizes.answers:,} answers)",
            p95,
            "ms p95",
            "p95 ≤ 5 ms",
            p95 <= 5,
            f"median {statistics.median(answer_ms):.1f} ms over {sizes.answer_samples} answers;"
            f" database filled in {filled_s:.0f} s",
        ),
        Figure(
            f"statistics, 1 of {sizes.learners} learners",
            stats_ms,
            "ms",
            "≤ 150 ms",
            stats_ms <= 150,
            f"every figure of the progress screen over this learner's {answers:,} answers",
        ),
    ]


def library(tmp: Path, courses: int) -> Path:
    """A content folder of `courses` copies of the bundled course, each its own id."""
    root = tmp / "library"
    for number in range(1, courses + 1):
        folder = root / f"course-{number:03d}"
        shutil.copytree(CONTENT / "nato-russia", folder)
        head = folder / "course.yaml"
        head.write_text(head.read_text().replace("id: nato-russia", f"id: {folder.name}"))
    return root


def large_starts(sizes: Sizes, tmp: Path, history: Path) -> list[Figure]:
    """Lessons shown with a library of many courses, and with a database of many answers,
    side by side with the bare window. The library's first start (which checks and caches
    every course) is not counted: it is the start after an import, not every start."""
    env = _start_env(tmp)
    books = {**env, "STUDYAPP_CONTENT": str(library(tmp, sizes.library)),
             "STUDYAPP_DB": str(tmp / "library.sqlite3"),
             "XDG_CONFIG_HOME": str(tmp / "library-config")}  # fmt: skip
    answers = {**env, "STUDYAPP_DB": str(history), "XDG_CONFIG_HOME": str(tmp / "history-config")}
    with sqlite3.connect(history) as connection:  # the app opens on the default learner
        connection.execute("UPDATE profiles SET name = 'default' WHERE name = 'learner-1'")
    connection.close()
    bare_script = tmp / "bare_window.py"
    bare_script.write_text(BARE_WINDOW, encoding="utf-8")
    app = [sys.executable, str(ROOT / "main.py")]
    ready, lessons = {"STUDYAPP_QUIT_AFTER": "ready"}, {"STUDYAPP_QUIT_AFTER": "lessons"}
    _time_to_line(app, {**books, **ready}, "ready")  # the library checked and cached once
    _time_to_line(app, {**answers, **ready}, "ready")  # a lesson read before
    times: dict[str, list[float]] = {"bare": [], "shelf": [], "heavy": [], "heavy ready": []}
    for _ in range(sizes.startup_runs):
        times["bare"].append(_time_to_line([sys.executable, str(bare_script)], env, "first-paint"))
        times["shelf"].append(_time_to_line(app, {**books, **lessons}, "lessons"))
        times["heavy"].append(_time_to_line(app, {**answers, **lessons}, "lessons"))
        times["heavy ready"].append(_time_to_line(app, {**answers, **ready}, "ready"))
    bare_ms, shelf_ms, heavy_ms, heavy_ready = (statistics.median(x) for x in times.values())
    return [
        Figure(f"a lesson shown, library of {sizes.library} courses", shelf_ms, "ms",
               "≤ 2.5 x bare window", shelf_ms / bare_ms <= 2.5,
               f"{shelf_ms / bare_ms:.2f} x the bare window ({bare_ms:.0f} ms)"),
        Figure(f"a lesson shown, database of {sizes.answers:,} answers", heavy_ms, "ms",
               "≤ 2.5 x bare window", heavy_ms / bare_ms <= 2.5,
               f"{heavy_ms / bare_ms:.2f} x bare; progress shown at {heavy_ready / bare_ms:.2f} x;"
               f" {history.stat().st_size / 2**20:.0f} MB file"),
    ]  # fmt: skip


def memory(tmp: Path, courses: int) -> list[Figure]:
    """Peak memory of the GUI after every screen: with the bundled course, and with the
    library of many courses that `large_starts` made."""
    db = tmp / "memory.sqlite3"
    service = StudyService.open(CONTENT, str(db))
    seed_history(service, "nato-russia", days=60, now=dt.datetime.now(dt.UTC).replace(tzinfo=None))
    service.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STUDYAPP_CACHE": str(tmp / "cache")}
    figures = []
    for name, content in (("", CONTENT), (f", library of {courses} courses", tmp / "library")):
        result = subprocess.run(
            [sys.executable, "-c", MEMORY_DRIVER, str(content), str(db), str(tmp / "m.ini")],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
            cwd=ROOT,
        )
        megabytes = int(result.stdout.strip().splitlines()[-1]) / 1024
        figures.append(
            Figure(
                f"memory, GUI after every screen{name}",
                megabytes,
                "MB peak RSS",
                "≤ 150 MB",
                megabytes <= 150,
                "lessons, a quiz, review and progress (charts) opened",
            )
        )
    return figures


# --- large courses --------------------------------------------------------------------------


def events_course(folder: Path, events: int) -> Path:
    """A course folder of `events` dated events, forty to a lesson, written as YAML."""
    import yaml

    lessons, items = [], []
    for number in range(0, events, 40):
        sentences = []
        for index in range(number, min(number + 40, events)):
            year = 1000 + index // 20
            quote = f"In {year} the council number {index} met in hall {index % 97}."
            sentences.append(quote)
            title = f"Council {index} meets"
            items.append({"id": f"event:e{index}", "lesson": f"l{number}", "title": title,
                          "date": str(year), "quote": quote})  # fmt: skip
        paragraphs = [" ".join(sentences[i : i + 8]) for i in range(0, len(sentences), 8)]
        lessons.append({"id": f"l{number}", "title": f"Part {number}", "paragraphs": paragraphs})
    course = folder / f"events-{events}"
    course.mkdir(parents=True)
    data = {"id": course.name, "title": "Councils", "lessons": lessons, "events": items}
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    (course / "course.yaml").write_text(yaml.dump(data, Dumper=dumper, sort_keys=False))
    return course


def large_courses(sizes: Sizes, tmp: Path) -> list[Figure]:
    """Checking a course of many events, and opening a lesson of a course of many terms."""
    seconds = []
    for events in sizes.checked_events:
        folder = events_course(tmp / "events", events)
        start = time.perf_counter()
        load_course(folder)
        seconds.append(time.perf_counter() - start)
    small, large = sizes.checked_events
    growth = seconds[1] / seconds[0]
    from studyapp.ui.app import make_app
    from studyapp.ui.reader import LessonReader

    make_app()
    course = large_course(50, sizes.concepts_read * 5 // 2)  # two in five items are terms
    reader = LessonReader()
    reader.resize(900, 700)
    opened = []
    for lesson in course.lessons[:5]:  # the first builds the course's index of terms
        start = time.perf_counter()
        reader.show_lesson(course, lesson, read=False)
        opened.append((time.perf_counter() - start) * 1000)
    return [
        Figure(f"check, {large:,}-event course", seconds[1], "s", "≤ 10 s", seconds[1] <= 10,
               f"{small:,} events {seconds[0]:.2f} s; {growth:.1f} times for 10 times"),
        Figure(f"open a lesson, {len(course.concepts):,}-term course", opened[0], "ms",
               "≤ 200 ms", opened[0] <= 200,
               f"the next lessons {statistics.median(opened[1:]):.0f} ms (terms indexed once)"),
    ]  # fmt: skip


# --- import ---------------------------------------------------------------------------------

ARTICLES = ROOT / "tests" / "data" / "articles"


def article_of(words: int) -> str:
    """A plain-text article of about `words` words: the test articles' paragraphs in turn,
    under numbered headings, each made new by its opening sentence (a paragraph told
    twice is read once)."""
    paragraphs = [
        p
        for path in sorted(ARTICLES.rglob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if len(p.split()) > 20
    ]
    parts, count, number = ["A Long Article"], 0, 0
    while count < words:
        paragraph = paragraphs[number % len(paragraphs)]
        number += 1
        parts += [f"Part {number}", f"This is part {number} of the story. {paragraph}"]
        count += len(paragraph.split())
    return "\n\n".join(parts)


def imports(sizes: Sizes, tmp: Path) -> list[Figure]:
    """Seconds to import an article, short and ten times longer: the time grows with the
    length, not faster (spaCy's model loads once, before both)."""
    from studyapp.content import nlp
    from studyapp.content.importer import import_article

    nlp.pipeline()  # loaded once per import command; not what the length costs
    seconds = []
    for index, words in enumerate(sizes.article_words):
        article = tmp / f"article-{index}.txt"
        article.write_text(article_of(words), encoding="utf-8")
        start = time.perf_counter()
        import_article(article, tmp / "imported", course_id=f"long-{index}")
        seconds.append(time.perf_counter() - start)
    short, long = sizes.article_words
    growth = seconds[1] / seconds[0]
    return [
        Figure(f"import, {short:,}-word article", seconds[0], "s", "—", None),
        Figure(
            f"import, {long:,}-word article",
            seconds[1],
            "s",
            "≤ 10 s",
            seconds[1] <= 10,
            "plain text, model already loaded",
        ),
        Figure(
            "import time, 10 times the words",
            growth,
            "times",
            "≤ 12 (linear)",
            growth <= 12,
        ),
    ]


def class_load(url: str, learners: int = 30, answers: int = 50) -> list[Figure]:
    """Thirty learners answering at once on a PostgreSQL server, each through a login of
    their own (made for the run, removed after it; their answers stay), each answer
    committed when given (tests/load_worker.py); every answer is counted back afterwards."""
    from sqlalchemy import create_engine, text

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    names = [f"bench_{os.getpid()}_{n}" for n in range(learners)]
    teacher = StudyService.open(CONTENT, url)
    logins = [teacher.grant_learner(name) for name in names]
    started = time.perf_counter()
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.load_worker",
                login.url,
                login.name,
                str(answers),
                str(n),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for n, login in enumerate(logins)
    ]
    times: list[float] = []
    commits: list[float] = []
    for worker in workers:
        out, _ = worker.communicate(timeout=900)
        if worker.returncode != 0:
            raise RuntimeError("a learner of the load test failed")
        times += json.loads(out)["answer_ms"]
        commits += json.loads(out)["commit_ms"]
    elapsed = time.perf_counter() - started
    engine = create_engine(url)
    with engine.connect() as connection:
        query = text("SELECT count(*) FROM answers a JOIN profiles p ON p.id = a.profile_id "
                     "WHERE p.name = ANY(:names)")  # fmt: skip
        kept = connection.execute(query, {"names": names}).scalar()
    engine.dispose()
    for name in names:
        teacher.revoke_learner(name)
    teacher.close()

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[-1]

    return [
        Figure(f"answer's transaction, {learners} learners at once", p95(commits), "ms p95", "—",
               None, f"median {statistics.median(commits):.1f} ms; {kept:,} of {len(times):,} "
               "answers kept; every learner's process on this machine too"),
        Figure(f"answer in all, {learners} learners at once", p95(times), "ms p95", "—", None,
               f"median {statistics.median(times):.1f} ms: grading, saving, what changed; "
               f"{len(times) / elapsed:.0f} answers/s"),
    ]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description="StudyApp performance figures")
    parser.add_argument("--quick", action="store_true", help="small sizes (for CI)")
    parser.add_argument(
        "--server",
        metavar="URL",
        help="also time 30 learners answering at once on this PostgreSQL database "
        "(the teacher's URL; adds learners bench_…, whose logins are removed after)",
    )
    parser.add_argument("--server-only", action="store_true", help="only the --server figure")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    sizes = QUICK if args.quick else FULL
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        figures = (
            []
            if args.server_only
            else [
                *startup(sizes, tmp),
                *quiz_builds(sizes),
                *store(sizes, tmp),
                *large_starts(sizes, tmp, tmp / "million.sqlite3"),
                *memory(tmp, sizes.library),
                *large_courses(sizes, tmp),
                *imports(sizes, tmp),
            ]
        )
        if args.server:
            figures += class_load(args.server)
    if args.json:
        print(json.dumps([f.__dict__ for f in figures], indent=2, ensure_ascii=False))
        return 0
    print(f"StudyApp benchmarks ({'quick' if args.quick else 'full'} sizes), medians\n")
    print(f"| {'figure':<48} | {'value':>14} | {'target':<20} | met | notes")
    print(f"|{'-' * 50}|{'-' * 16}|{'-' * 22}|-----|------")
    for f in figures:
        met = "—" if f.met is None else ("yes" if f.met else "NO")
        value = f"{f.value:,.1f} {f.unit}"
        print(f"| {f.name:<48} | {value:>14} | {f.target:<20} | {met:<3} | {f.note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
