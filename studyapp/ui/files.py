"""File → Import article, Edit course, Export course to Anki, Export answers as CSV."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from studyapp.ui import messages
from studyapp.ui.qt import QFileDialog, QObject, Qt

if TYPE_CHECKING:
    from studyapp.content import Course
    from studyapp.ui.course_editor import CourseEditor
    from studyapp.ui.main_window import MainWindow


def imported_intro(course: Course) -> str:
    """What the course editor says first after an import."""
    return (
        f"Imported “{course.title}”: {len(course.lessons)} lessons and {len(course.items)} "
        "items found automatically. Check each one: is it right, and worth a question? "
        "Accept it (A), correct it (E) or delete it (D), then save."
    )


class Files(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def import_article(self, path: str | None = None) -> None:
        window = self.window
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                window,
                "Import article",
                "",
                "Articles (*.txt *.md *.markdown *.html *.htm *.pdf);;All files (*)",
            )
        if not path:
            return
        from studyapp.content.importer import ArticleError

        window.setCursor(Qt.CursorShape.WaitCursor)
        try:
            course = window.service.import_article(Path(path))
        except ArticleError as error:  # and MissingTools, a kind of it
            messages.tell(window, "Import article", str(error), messages.Icon.Warning)
            return
        finally:
            window.unsetCursor()
        self.show_course(course)
        self.edit_course(imported_intro(course))

    def show_course(self, course: Course) -> None:
        self.window.lessons.fill_courses(chosen=course.id)
        self.window.show_course(course.id, self.window.lesson_id)
        self.window.go(0)

    def edit_course(self, intro: str = "") -> CourseEditor | None:
        """The course editor for the course on screen (not modal: the lessons stay usable)."""
        from studyapp.ui.course_editor import CourseEditor

        course = self.window.lessons.course
        if course is None:
            return None
        editor = CourseEditor(
            self.window.service, course.id, self.window.appearance.colors, self.window, intro
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._on_saved)
        editor.show()
        return editor

    def _on_saved(self, course: Course) -> None:
        self.show_course(course)
        self.window.refresh_due()
        self.window.statusBar().showMessage(f"Saved “{course.title}”", 8000)

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
