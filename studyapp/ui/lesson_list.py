"""The list of a course's lessons: title, read or not, and mastery, drawn two lines each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studyapp.content import Course
from studyapp.ui.qt import (
    QColor,
    QFont,
    QFontMetrics,
    QListWidget,
    QListWidgetItem,
    QModelIndex,
    QPainter,
    QPalette,
    QPersistentModelIndex,
    QRect,
    QResizeEvent,
    QSize,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from studyapp.service import LessonState

MASTERY_MEANS = "Mastery: the chance you would recall its items a week from now."
LESSON_ID_ROLE = Qt.ItemDataRole.UserRole
STATE_ROLE = Qt.ItemDataRole.UserRole + 1
READ_ROLE = Qt.ItemDataRole.UserRole + 2


class LessonItemDelegate(QStyledItemDelegate):
    """Draws a lesson as its number and wrapped title over a muted line with its state."""

    PAD = 8

    def __init__(self, lessons: QListWidget) -> None:
        super().__init__(lessons)
        self.lessons = lessons

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        state = QFont(title)
        state.setPointSizeF(title.pointSizeF() * 0.9)
        return title, state

    def _title_rect(self, option: QStyleOptionViewItem, text: str, font: QFont) -> QRect:
        width = option.rect.width() - 2 * self.PAD
        flags = int(Qt.TextFlag.TextWordWrap)
        return QFontMetrics(font).boundingRect(QRect(0, 0, max(width, 40), 10_000), flags, text)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        title_font, state_font = self._fonts(option)
        title = self._title_rect(option, str(index.data(Qt.ItemDataRole.DisplayRole)), title_font)
        state = self._title_rect(option, str(index.data(STATE_ROLE)), state_font)
        height = title.height() + state.height() + 2 * self.PAD + 2
        return QSize(option.rect.width(), height)

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.text = ""  # the style draws the panel; `paint` draws the two lines of text

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)  # the panel: background, selection, focus
        # Asked of the item, not of option.state: QStyle's enums cost PySide 6 ms to make.
        item = self.lessons.item(index.row())
        selected = item is not None and item.isSelected()
        palette = option.palette
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = QColor(text_colour)
        muted.setAlphaF(0.78)
        title_font, state_font = self._fonts(option)
        rect = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        title = str(index.data(Qt.ItemDataRole.DisplayRole))
        bounds = self._title_rect(option, title, title_font)
        painter.save()
        painter.setFont(title_font)
        painter.setPen(text_colour)
        painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), title)
        painter.setFont(state_font)
        painter.setPen(muted)
        state_rect = rect.adjusted(0, bounds.height() + 2, 0, 0)
        painter.drawText(state_rect, int(Qt.TextFlag.TextWordWrap), str(index.data(STATE_ROLE)))
        painter.restore()


class LessonList(QListWidget):
    """The lessons of a course, in order, each with its read state."""

    lesson_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonList")
        self.setAccessibleName("Lessons")
        self.setItemDelegate(LessonItemDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.currentItemChanged.connect(self._on_current)

    def show_lessons(self, course: Course, states: list[LessonState] | None) -> None:
        """The course's lessons with their states; None while progress is still opening."""
        self.blockSignals(True)
        self.clear()
        by_id = {state.lesson_id: state for state in states or ()}
        for lesson in course.lessons:
            item = QListWidgetItem(f"{lesson.number}. {lesson.title}")
            item.setData(LESSON_ID_ROLE, lesson.id)
            count = len(course.items_in(lesson.id))
            item.setToolTip(
                f"Lesson {lesson.number} of {len(course.lessons)} · {plural(count, 'key item')}\n"
                f"{MASTERY_MEANS}"
            )
            self.addItem(item)
            state = by_id.get(lesson.id)
            if states is not None:
                self._mark(item, state.read if state else False, state.mastery if state else 0.0)
            else:
                item.setData(STATE_ROLE, "…")  # the state's line, kept for when it comes
        self.blockSignals(False)

    def _mark(self, item: QListWidgetItem, read: bool, mastery: float) -> None:
        words = "✓ Read" if read else "Not read yet"
        if mastery > 0:
            words += f" · mastery {round(100 * mastery)}%"
        item.setData(STATE_ROLE, words)
        item.setData(READ_ROLE, read)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{item.text()}, {words.strip('✓ ')}")

    def _item(self, lesson_id: str) -> QListWidgetItem | None:
        for row in range(self.count()):
            if self.item(row).data(LESSON_ID_ROLE) == lesson_id:
                return self.item(row)
        return None

    def mark(self, state: LessonState) -> None:
        item = self._item(state.lesson_id)
        if item is not None:
            self._mark(item, state.read, state.mastery)

    def is_read(self, lesson_id: str) -> bool:
        item = self._item(lesson_id)
        return bool(item is not None and item.data(READ_ROLE))

    def select(self, lesson_id: str) -> None:
        item = self._item(lesson_id)
        if item is not None:
            self.setCurrentItem(item)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.doItemsLayout()  # titles re-wrap to the new width

    def _on_current(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.lesson_chosen.emit(str(current.data(LESSON_ID_ROLE)))


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
