"""Render every screen to PNG against a throw-away demo database: the main set in light and
dark, then the states a learner meets along the way (a first run, a review that goes on,
the daily goal, wrong answers of each kind) and the extremes (the largest text size, an
800 by 600 window), in light."""

from __future__ import annotations

import random
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from studyapp.clock import utcnow
from studyapp.demo import right_response, seed_history, wrong_response
from studyapp.quiz import QUESTION_TYPES
from studyapp.service import StudyService
from studyapp.ui import settings_dialog
from studyapp.ui.app import make_app
from studyapp.ui.main_window import LESSONS, PROGRESS, QUIZ, REVIEW, MainWindow
from studyapp.ui.preferences import MAX_TEXT_SIZE
from studyapp.ui.progress_page import ProgressPage
from studyapp.ui.qt import QApplication, QEvent, QPlainTextEdit, QSettings, QWidget
from studyapp.ui.settings_dialog import SettingsDialog

SIZE = (1200, 800)
SMALL = (800, 600)
DEMO_LEARNER = "Demo learner"
NEW_LEARNER = "New learner"

Shot = Callable[..., None]


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def render_screens(out_dir: Path, content: Path) -> list[Path]:
    """Write the PNG files and return their paths."""
    make_app()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(shutil.copytree(content, Path(tmp) / "content"))  # imports go here
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        service = StudyService.open(content, str(Path(tmp) / "demo.sqlite3"), NEW_LEARNER)
        course = service.courses[0]
        window = MainWindow(service, settings)
        window.resize(*SIZE)
        window.show()
        _settle()

        def shot(name: str, widget: QWidget | None = None) -> None:
            _settle()
            path = out_dir / f"{name}-{window.appearance.colors.name}.png"
            (widget or window).grab().save(str(path))
            written.append(path)

        window.appearance.set_theme("light")
        shot("00-first-run")  # a learner who has not begun
        service.switch_profile(DEMO_LEARNER)
        seed_history(service, course.id, now=utcnow())
        window.profiles.switch(DEMO_LEARNER)
        for choice in ("light", "dark"):
            window.appearance.set_theme(choice)
            _main_set(window, service, shot)
        window.appearance.set_theme("light")
        _along_the_way(window, service, shot)
        _extremes(window, service, shot)
        _course_editor(window, shot)
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        service.close()
    return written


def _answer(window: MainWindow, right: bool, rng: random.Random) -> None:
    question = window.quiz_page.question_panel.question
    assert question is not None
    response = right_response(question) if right else wrong_response(question, rng)
    window.quiz_page.question_panel.answered.emit(question, response)


def _main_set(window: MainWindow, service: StudyService, shot: Shot) -> None:
    course = service.courses[0]
    rng = random.Random(3)
    window.go(LESSONS)
    window.open_lesson(course.lessons[0].id)
    shot("01-lessons")
    first = course.items_in(course.lessons[3].id)[0]
    window.show_in_lesson(first.lesson_id, first.quote)
    shot("02-reader")
    window.go(QUIZ)
    window.quiz_page.show_setup(course.lessons[2].id)
    shot("03-quiz-setup")
    for number, kind in enumerate(QUESTION_TYPES, 1):
        window.quiz_page.start(service.start_quiz(course.id, count=1, types=[kind], seed=number))
        shot(f"04-question-{number}-{kind.replace('_', '-')}")
        feedback = {"event_order": "order", "concept_definition": "wrong", "matching": "matching"}
        if kind in feedback:
            _answer(window, False, rng)
            shot(f"05-feedback-{feedback[kind]}")
        window.quiz_page.question_panel.end_requested.emit()
    window.quiz_page.start(service.start_quiz(course.id, count=8, seed=11))
    for index in range(8):
        if window.quiz_page.currentWidget() is not window.quiz_page.question_panel:
            break
        _answer(window, index % 3 != 0, rng)
        window.quiz_page.question_panel.next_requested.emit()
    shot("06-results")
    window.go(PROGRESS)
    shot("07-progress")
    assert isinstance(window.progress_page, ProgressPage)
    body = window.progress_page.widget()  # the whole page, below the fold too
    assert body is not None
    body.resize(body.width(), body.sizeHint().height())
    shot("07-progress-full", body)
    window.profiles.switch(NEW_LEARNER)
    window.go(REVIEW)
    shot("08-review-empty")
    window.go(PROGRESS)
    shot("09-progress-empty")
    window.profiles.switch(DEMO_LEARNER)
    dialog = SettingsDialog(settings_dialog.current(window), window)
    dialog.show()
    shot("10-settings", dialog)
    dialog.close()
    dialog.deleteLater()


def _along_the_way(window: MainWindow, service: StudyService, shot: Shot) -> None:
    """A review that goes on in rounds, and the daily goal reached."""
    course = service.courses[0]
    rng = random.Random(5)
    window.saved.daily_goal = service.today().answers + 3
    window.go(REVIEW)
    shot("11-review-due")
    window.start_review()
    panel = window.quiz_page.question_panel
    for index in range(3):
        _answer(window, index != 1, rng)
        if index < 2:
            panel.next_requested.emit()
    shot("12-daily-goal-reached")
    panel.end_requested.emit()  # a round left early: the rest is still due
    shot("13-review-continues")
    window.go(LESSONS)
    window.open_lesson(course.lessons[1].id)
    shot("14-daily-goal-lessons")


def _extremes(window: MainWindow, service: StudyService, shot: Shot) -> None:
    """The largest text size, and a small window, on the screens that hold the most."""
    course = service.courses[0]
    size = window.appearance.text_size
    for name, text_size, window_size in (
        ("largest-text", MAX_TEXT_SIZE, SIZE),
        ("small-window", size, SMALL),
        ("small-window-largest-text", MAX_TEXT_SIZE, SMALL),
    ):
        window.appearance.set_text_size(text_size)
        window.resize(*window_size)
        window.go(LESSONS)
        shot(f"20-{name}-lessons")
        window.go(QUIZ)
        window.quiz_page.show_setup(course.lessons[2].id)
        shot(f"21-{name}-quiz-setup")
        window.quiz_page.start(service.start_quiz(course.id, count=1, types=["matching"], seed=4))
        _answer(window, False, random.Random(1))
        shot(f"22-{name}-feedback")
        window.quiz_page.question_panel.next_requested.emit()
        shot(f"23-{name}-results")
        window.go(PROGRESS)
        shot(f"24-{name}-progress")
    window.appearance.set_text_size(size)
    window.resize(*SIZE)


ARTICLE = Path(__file__).resolve().parents[2] / "tests" / "data" / "articles" / "panama-canal.txt"


def _course_editor(window: MainWindow, shot: Shot) -> None:
    """An imported article's items to check, and an edit the course's rules refuse."""
    from studyapp.content.formats import MissingTools
    from studyapp.ui.course_editor import CourseEditor
    from studyapp.ui.files import imported_intro

    try:
        course = window.service.import_article(ARTICLE)
    except (MissingTools, FileNotFoundError) as error:  # the import extra, or a source tree
        print(f"course editor not shown: {error}")
        return
    window.files.show_course(course)
    editor = window.files.edit_course(imported_intro(course))
    assert isinstance(editor, CourseEditor)
    editor.resize(*SIZE)
    editor.list.setCurrentRow(4)
    shot("30-course-editor", editor)
    quote = editor.form.fields["quote"]
    assert isinstance(quote, QPlainTextEdit)
    quote.setPlainText("The French company failed.")
    editor.apply_edit()
    shot("31-course-editor-problem", editor)
    editor.draft.undo()
    editor.done(0)
