"""File → Edit course…: every item of a course, the ones found automatically first, to
accept, correct or delete, keyboard first like a mail client (j/k, a, e, d).

Edits are checked by the course loader's own rules as they are typed; nothing reaches the
course's files until Save, which replaces each changed file whole."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studyapp.ui import messages
from studyapp.ui.flow import FlowLayout
from studyapp.ui.item_form import KIND_NAMES, ItemForm, plain
from studyapp.ui.qt import (
    QCheckBox,
    QColor,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QObject,
    QPushButton,
    QScrollArea,
    QShortcut,
    QSplitter,
    Qt,
    QTextBrowser,
    QTextCursor,
    QTextEdit,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from studyapp.content import Course
    from studyapp.content.curation import CourseDraft, DraftItem
    from studyapp.service import StudyService
    from studyapp.ui.theme import Colors

TO_CHECK, ALL = range(2)
CHECK_DELAY_MS = 250  # an edit is checked once typing pauses


class CourseEditor(QDialog):
    saved = Signal(object)  # the Course as it now loads

    def __init__(
        self,
        service: StudyService,
        course_id: str,
        colors: Colors | None = None,
        parent: QWidget | None = None,
        intro: str = "",
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.draft: CourseDraft = service.edit_course(course_id)
        self.colors = colors
        self.current: str | None = None  # the id of the item shown
        self.setWindowTitle(f"Edit course — {self.draft.title}[*]")
        self.resize(940, 620)

        self.intro = QLabel(intro or "Check each item the importer found: is it right, and "
                            "worth a question? Accept it, correct it or delete it.")  # fmt: skip
        self.intro.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setObjectName("heading")
        self.filter = QComboBox()
        self.filter.addItems(["Items to check", "All items"])
        self.filter.setToolTip("Show only the items found automatically, or every item")
        self.only_accepted = QCheckBox("&Quiz only accepted items")
        self.only_accepted.setToolTip(
            "Leave the items not yet checked out of quizzes, progress and the lessons"
        )
        self.only_accepted.setChecked(self.draft.quiz_only_accepted)
        top = FlowLayout()  # wraps at large text sizes, in a small window
        top.addWidget(self.counts)
        top.add_stretch()
        top.addWidget(self.filter)
        top.addWidget(self.only_accepted)

        self.list = QListWidget()
        self.list.setAccessibleName("Items")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setAlternatingRowColors(True)
        self.list.installEventFilter(self)
        self.list.setToolTip("j/k: next and previous · a: accept · e: edit · d: delete")

        self.kind = QLabel()
        self.kind.setObjectName("heading")
        self.kind.setWordWrap(True)
        self.form = ItemForm()
        self.problem = QLabel()
        self.problem.setObjectName("status")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.context = QTextBrowser()
        self.context.setAccessibleName("The item's sentence in its lesson")
        self.context.setOpenLinks(False)
        self.accept_button = self._button("&Accept", "It is right: keep it as checked (A)")
        self.delete_button = self._button("&Delete", "Leave it out of the course (D)")
        self.undo_button = self._button("&Undo", "Take back the last change (Ctrl+Z)")
        actions = QHBoxLayout()
        for button in (self.accept_button, self.delete_button, self.undo_button):
            actions.addWidget(button)
        actions.addStretch(1)
        detail = QWidget()
        column = QVBoxLayout(detail)
        column.addWidget(self.kind)
        column.addWidget(self.form)
        column.addWidget(self.problem)
        column.addLayout(actions)
        column.addWidget(QLabel("In the lesson:"))
        column.addWidget(self.context, 1)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        scroller = QScrollArea()  # at a large text size the item scrolls, never overlaps
        scroller.setWidget(detail)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        splitter.addWidget(scroller)
        splitter.setSizes([380, 560])
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        self.list.ensurePolished()  # room for a short title at any text size
        self.list.setMinimumWidth(self.list.fontMetrics().averageCharWidth() * 18)
        self.context.ensurePolished()  # it gives way first when the text is large
        self.context.setMinimumHeight(self.context.fontMetrics().lineSpacing() * 3)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip("Write the changes to the course's files (Ctrl+S)")
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.close)
        hint = QLabel("j/k next and previous · a accept · e edit · d delete · Esc back to the list")
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)

        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.apply_edit)
        self.form.edited.connect(self.check_timer.start)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        self.accept_button.clicked.connect(self.accept_item)
        self.delete_button.clicked.connect(self.delete_item)
        self.undo_button.clicked.connect(self.undo)
        self.filter.currentIndexChanged.connect(lambda _: self.fill())
        self.only_accepted.toggled.connect(self._set_only_accepted)
        self.list.currentItemChanged.connect(self._on_current)
        unchecked = any(item.generated for item in self.draft.items())
        self.filter.setCurrentIndex(TO_CHECK if unchecked else ALL)
        self.fill()

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # the list keeps the keys
        return button

    # --- the list ----------------------------------------------------------------------

    def shown_items(self) -> list[DraftItem]:
        items = self.draft.items()
        if self.filter.currentIndex() == TO_CHECK:
            return [item for item in items if item.generated]
        return sorted(items, key=lambda item: not item.generated)  # to check first

    def fill(self, keep: str | None = None) -> None:
        """Redraw the list; the item shown stays chosen, or the one in its place."""
        keep = keep or self.current
        row = max(self.list.currentRow(), 0)
        items = self.shown_items()
        self.list.blockSignals(True)
        self.list.clear()
        for item in items:
            mark = "●" if item.generated else "✓"
            entry = QListWidgetItem(f"{mark} {item.label}\n{KIND_NAMES[item.kind]} · {item.detail}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            entry.setToolTip("Found automatically: to check" if item.generated else "Accepted")
            self.list.addItem(entry)
        ids = [item.id for item in items]
        self.list.blockSignals(False)
        if items:
            self.list.setCurrentRow(ids.index(keep) if keep in ids else min(row, len(ids) - 1))
        else:
            self.current = None
            self._show(None)
        self._count()

    def _count(self) -> None:
        items = self.draft.items()
        unchecked = sum(item.generated for item in items)
        self.counts.setText(
            f"{unchecked} of {len(items)} items to check" if unchecked
            else f"All {len(items)} items accepted"
        )  # fmt: skip
        self.save_button.setEnabled(self.draft.dirty)
        self.undo_button.setEnabled(self.draft.dirty)
        self.setWindowModified(self.draft.dirty)

    def _on_current(self, entry: QListWidgetItem | None) -> None:
        if self.check_timer.isActive():  # an edit typed just now is not lost
            self.check_timer.stop()
            self.apply_edit()
        self.current = entry.data(Qt.ItemDataRole.UserRole) if entry else None
        self._show(self.draft.item(self.current) if self.current else None)

    # --- the item ----------------------------------------------------------------------

    def _show(self, item: DraftItem | None) -> None:
        self.form.show_item(item, self.draft.actors)
        for field in self.form.fields.values():
            field.installEventFilter(self)
        self._say([])
        for button in (self.accept_button, self.delete_button):
            button.setEnabled(item is not None)
        if item is None:
            self.kind.setText("Nothing to check: every item is accepted.")
            self.context.clear()
            return
        state = "found automatically, to check" if item.generated else "accepted"
        self.kind.setText(f"{KIND_NAMES[item.kind]} · {state}")
        self.accept_button.setEnabled(item.generated)
        self._show_context(item)

    def _show_context(self, item: DraftItem) -> None:
        """The item's lesson, its sentence marked (as the sentence field now reads)."""
        title, paragraphs = self.draft.lesson(item.lesson)
        self.context.setPlainText("\n\n".join([title, *paragraphs]))
        quote = self.form.values().get("quote", item.quote).strip()
        found = self.context.document().find(quote) if quote else QTextCursor()
        if found.isNull():
            self.context.setExtraSelections([])
            return
        mark = QTextEdit.ExtraSelection()
        mark.cursor = found
        if self.colors is not None:
            mark.format.setBackground(QColor(self.colors.find))
            mark.format.setForeground(QColor(self.colors.text))
        self.context.setExtraSelections([mark])
        shown = QTextCursor(found)
        shown.clearSelection()
        self.context.setTextCursor(shown)
        self.context.ensureCursorVisible()

    def apply_edit(self) -> bool:
        """Put the form's fields into the draft if they pass; else say why. True if they do."""
        if self.current is None:
            return True
        fields = self.form.values()
        problems = self.draft.edit(self.current, fields)
        if problems:  # the fields that pass on their own are kept
            for name, value in fields.items():
                self.draft.edit(self.current, {name: value})
            problems = self.draft.check(self.current, fields)
        self._say(problems)
        self._refresh_row()
        self._show_context(self.draft.item(self.current))
        return not problems

    def _say(self, problems: list[str], prefix: str = "") -> None:
        self.problem.setProperty("state", "wrong" if problems else "")
        lines = [prefix + plain(problem) for problem in problems]
        self.problem.setText("\n".join(f"✗ {line[:1].upper()}{line[1:]}" for line in lines))
        self.problem.style().polish(self.problem)

    def _refresh_row(self) -> None:
        entry = self.list.currentItem()
        if entry is None or self.current is None:
            return
        item = self.draft.item(self.current)
        mark = "●" if item.generated else "✓"
        entry.setText(f"{mark} {item.label}\n{KIND_NAMES[item.kind]} · {item.detail}")
        self._count()

    # --- actions -----------------------------------------------------------------------

    def accept_item(self) -> None:
        if self.current is None or not self.apply_edit():
            return
        problems = self.draft.accept(self.current)
        if problems:
            self._say(problems, "To accept it, ")
            self.form.focus(next((n for n in self.form.fields if f"'{n}'" in problems[0]), None))
            return
        row = self.list.currentRow()
        if self.filter.currentIndex() == TO_CHECK:
            self.current = None  # it leaves this list: the next one takes its place
            self.fill()
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        else:
            self.fill()
        self.list.setFocus()

    def delete_item(self) -> None:
        if self.current is None:
            return
        self.check_timer.stop()
        self.draft.delete(self.current)
        self.current = None
        self.fill()
        self.list.setFocus()

    def edit_item(self) -> None:
        self.form.focus()

    def undo(self) -> None:
        self.check_timer.stop()
        if self.draft.undo():
            self.fill()
            self._show(self.draft.item(self.current) if self.current else None)

    def _set_only_accepted(self, only: bool) -> None:
        self.draft.set_quiz_only_accepted(only)
        self._count()

    def save(self) -> bool:
        """Write the changes; True when they are written (or there were none)."""
        from studyapp.content import CourseError

        self.check_timer.stop()
        if not self.apply_edit():
            return False
        if not self.draft.dirty:
            return True
        try:
            course: Course = self.service.save_course(self.draft)
        except (CourseError, OSError) as error:
            text = f"The course was not saved; your changes are still here.\n\n{error}"
            messages.tell(self, "Save course", text, messages.Icon.Warning)
            return False
        self._count()
        self.saved.emit(course)
        return True

    # --- keys and closing -------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if watched is self.list and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            keys = {
                Qt.Key.Key_J: lambda: self._step(+1),
                Qt.Key.Key_K: lambda: self._step(-1),
                Qt.Key.Key_A: self.accept_item,
                Qt.Key.Key_E: self.edit_item,
                Qt.Key.Key_D: self.delete_item,
                Qt.Key.Key_Delete: self.delete_item,
            }
            act = keys.get(Qt.Key(event.key()))
            if act is not None:
                act()
                return True
        elif watched in self.form.fields.values() and event.key() in (
            Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape
        ):  # fmt: skip
            if event.key() == Qt.Key.Key_Escape:  # back to the list, the item as it was
                self.check_timer.stop()
                self._show(self.draft.item(self.current) if self.current else None)
            elif not self.apply_edit():
                return True
            self.list.setFocus()
            return True
        return False

    def _step(self, by: int) -> None:
        row = self.list.currentRow() + by
        if 0 <= row < self.list.count():
            self.list.setCurrentRow(row)

    def reject(self) -> None:
        """Close (Esc, the Close button, the window's own): unsaved changes are asked about."""
        self.check_timer.stop()
        if self.form.fields and self.current is not None:
            self.draft.edit(self.current, self.form.values())  # kept when it passes
        if self.draft.dirty:
            answer = messages.ask_to_save(self, "Edit course", "Save your changes to the course?")
            if answer == messages.Button.Cancel:
                return
            if answer == messages.Button.Save and not self.save():
                return
        super().reject()
