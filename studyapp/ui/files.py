"""File → Import article, Export course to Anki, Export answers as CSV."""

from __future__ import annotations

from collections.abc import Callable
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
        course = self.window.lessons.course
        if course is None:
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self.window, "Export to Anki", f"{course.id}.apkg", "Anki decks (*.apkg)"
            )
        if path:
            service = self.window.service
            self._write(
                "Export to Anki", "notes", path, lambda to: service.export_anki(course.id, to)
            )

    def export_answers(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self.window, "Export answers", "answers.csv", "CSV files (*.csv)"
            )
        if path:
            self._write("Export answers", "answers", path, self.window.service.export_answers)

    def _write(self, title: str, noun: str, path: str, write: Callable[[Path], int]) -> None:
        """Run an export; what went wrong is one message, what was written a status line."""
        from studyapp.service import ExportError, StoreError

        try:
            written = write(Path(path))
        except (ExportError, StoreError) as error:
            messages.tell(self.window, title, str(error), messages.Icon.Warning)
            return
        except OSError as error:
            text = f"{path}: {error.strerror or error}"
            messages.tell(self.window, title, text, messages.Icon.Warning)
            return
        self.window.statusBar().showMessage(f"Wrote {written} {noun} to {path}", 8000)
