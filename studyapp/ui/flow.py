"""A row of controls that wraps onto the next line when the width runs out, as words do:
buttons and boxes never overlap or get cut, at any text size or window size."""

from __future__ import annotations

from studyapp.ui.qt import QLayout, QLayoutItem, QRect, QSize, Qt, QWidget

SPACING = 8


class FlowLayout(QLayout):
    """Items left to right, wrapping; `right` items (after `add_stretch`) sit at the
    right end of the last line when they fit there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[QLayoutItem] = []
        self.split = -1  # index of the first right-aligned item, -1 if none
        self.setContentsMargins(0, 0, 0, 0)

    def add_stretch(self) -> None:
        self.split = len(self.items)

    def addItem(self, item: QLayoutItem) -> None:
        self.items.append(item)

    def count(self) -> int:
        return len(self.items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self.items[index] if 0 <= index < len(self.items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self.items.pop(index) if 0 <= index < len(self.items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        visible = [i.sizeHint() for i in self.items if not i.isEmpty()]
        width = sum(s.width() for s in visible) + SPACING * max(0, len(visible) - 1)
        return QSize(width, max((s.height() for s in visible), default=0))

    def minimumSize(self) -> QSize:
        sizes = [i.minimumSize() for i in self.items if not i.isEmpty()]
        return QSize(
            max((s.width() for s in sizes), default=0), max((s.height() for s in sizes), default=0)
        )

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in lines within `rect`; the height they take."""
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self.items:
            if item.isEmpty():
                continue
            width = item.sizeHint().width()
            if lines[-1] and used + SPACING + width > rect.width():
                lines.append([])
                used = 0
            used += (SPACING if lines[-1] else 0) + width
            lines[-1].append(item)
        right = {id(i) for i in self.items[self.split :]} if self.split >= 0 else set()
        y = rect.y()
        for line in lines:
            height = max((i.sizeHint().height() for i in line), default=0)
            x = rect.x()
            tail = [i for i in line if id(i) in right and i is not line[0]]
            for item in line:
                if item is (tail[0] if tail else None):
                    rest = sum(i.sizeHint().width() for i in tail) + SPACING * (len(tail) - 1)
                    x = max(x, rect.right() + 1 - rest)
                size = item.sizeHint()
                if move:
                    item.setGeometry(QRect(x, y, min(size.width(), rect.width()), height))
                x += size.width() + SPACING
            y += height + SPACING
        return y - rect.y() - SPACING if lines[0] else 0
