"""Render every screen to PNG, in light and dark, against a throw-away demo database."""

from __future__ import annotations

import tempfile
from pathlib import Path

from studyapp.clock import utcnow
from studyapp.demo import right_response, seed_history, wrong_response
from studyapp.quiz import QUESTION_TYPES
from studyapp.service import StudyService
from studyapp.ui import settings_dialog
from studyapp.ui.app import make_app
from studyapp.ui.main_window import LESSONS, PROGRESS, QUIZ, REVIEW, MainWindow
from studyapp.ui.progress_page import ProgressPage
from studyapp.ui.qt import QApplication, QEvent, QSettings, QWidget
from studyapp.ui.settings_dialog import SettingsDialog

SIZE = (1200, 800)
DEMO_LEARNER = "Demo learner"
NEW_LEARNER = "New learner"


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def render_screens(out_dir: Path, content: Path) -> list[Path]:
    """Write the PNG files and return their paths."""
    import random

    make_app()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        service = StudyService.open(content, str(Path(tmp) / "demo.sqlite3"), DEMO_LEARNER)
        course = service.courses[0]
        now = utcnow()
        seed_history(service, course.id, now=now)
        window = MainWindow(service, settings)
        window.resize(*SIZE)
        window.show()
        _settle()

        def shot(name: str, widget: QWidget | None = None) -> None:
            _settle()
            path = out_dir / f"{name}-{window.appearance.colors.name}.png"
            (widget or window).grab().save(str(path))
            written.append(path)

        rng = random.Random(3)
        for choice in ("light", "dark"):
            window.appearance.set_theme(choice)
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
                run = service.start_quiz(course.id, count=1, types=[kind], seed=number)
                window.quiz_page.start(run)
                shot(f"04-question-{number}-{kind.replace('_', '-')}")
                if kind == "event_order":
                    question = run.questions[0]
                    window.quiz_page.question_panel.answered.emit(
                        question, wrong_response(question, rng)
                    )
                    shot("05-feedback-partly-right")
                if kind == "concept_definition":
                    question = run.questions[0]
                    window.quiz_page.question_panel.answered.emit(
                        question, wrong_response(question, rng)
                    )
                    shot("05-feedback-wrong")
                window.quiz_page._finish()
            run = service.start_quiz(course.id, count=8, seed=11)
            window.quiz_page.start(run)
            for index, question in enumerate(run.questions):
                response = (
                    wrong_response(question, rng) if index % 3 == 0 else right_response(question)
                )
                window.quiz_page.question_panel.answered.emit(question, response)
                window.quiz_page._next()
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
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        service.close()
    return written
