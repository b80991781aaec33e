"""File → Import article, Export course to Anki, Export answers as CSV."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from studyapp.ui import messages
from studyapp.ui.qt import QFileDialog, QObject

if TYPE_CHECKING:
    from studyapp.ui.main_window import MainWindow


class Files(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def import_article(self, path: str | None = None) -> None:
        window = self.window
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                window, "Import article", "", "Articles (*.txt *.md *.markdown);;All files (*)"
            )
        if not path:
            return
        from studyapp.content.importer import ArticleError

        try:
            course = window.service.import_article(Path(path))
        except ArticleError as error:
            messages.tell(window, "Import article", str(error), messages.Icon.Warning)
            return
        window.lessons.fill_courses(chosen=course.id)
        window.lessons.show_course(course.id)
        window.go(0)
        messages.tell(
            window,
            "Import article",
            f"Imported “{course.title}”: {len(course.lessons)} lessons, "
            f"{len(course.concepts)} concepts, {len(course.events)} events and "
            f"{len(course.claims)} views, found automatically. They are in {course.folder}, "
            "ready to read over and curate.",
        )

    def export_anki(self, path: str | None = None) -> None:
        window = self.window
        course = window.lessons.course
        if course is None:
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                window, "Export to Anki", f"{course.id}.apkg", "Anki decks (*.apkg)"
            )
        if not path:
            return
        from studyapp.service import ExportError

        try:
            notes = window.service.export_anki(course.id, Path(path))
        except ExportError as error:
            messages.tell(window, "Export to Anki", str(error), messages.Icon.Warning)
            return
        except OSError as error:
            text = f"{path}: {error.strerror or error}"
            messages.tell(window, "Export to Anki", text, messages.Icon.Warning)
            return
        window.statusBar().showMessage(f"Wrote {notes} notes to {path}", 8000)

    def export_answers(self, path: str | None = None) -> None:
        window = self.window
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                window, "Export answers", "answers.csv", "CSV files (*.csv)"
            )
        if not path:
            return
        from studyapp.service import ExportError, StoreError

        try:
            rows = window.service.export_answers(Path(path))
        except (ExportError, StoreError) as error:
            messages.tell(window, "Export answers", str(error), messages.Icon.Warning)
            return
        except OSError as error:
            text = f"{path}: {error.strerror or error}"
            messages.tell(window, "Export answers", text, messages.Icon.Warning)
            return
        window.statusBar().showMessage(f"Wrote {rows} answers to {path}", 8000)
