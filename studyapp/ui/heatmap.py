"""Study days: a square a day, greener for more answers, with a legend that gives the scale.

A new learner sees the weeks since they began (at least a couple of months), not a year
of grey; a learner of long standing sees the last year.
"""

from __future__ import annotations

import datetime as dt

from studyapp.ui.qt import (
    QColor,
    QEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QRectF,
    QSize,
    Qt,
    QToolTip,
    QWidget,
)
from studyapp.ui.theme import Colors

MIN_WEEKS, MAX_WEEKS = 9, 53
MAX_CELL = 18.0  # a few weeks do not become big tiles
# Empty, then four levels; the lightest level stands apart from an empty day (about 1.5:1).
SHADES = {
    "light": ("#ebedf0", "#8fd694", "#45b35a", "#2a8a3e", "#1b5e2a"),
    "dark": ("#2d333b", "#0e5a2c", "#1f8a3f", "#2fbf55", "#56e07a"),
}


def levels(counts: dict[str, int]) -> list[int]:
    """The least answers of each of the four levels: a scale from the learner's busiest day."""
    top = max(counts.values(), default=0)
    if top <= 4:
        return [1, 2, 3, 4][: max(top, 1)]
    return sorted({1, *(max(2, round(top * share)) for share in (0.25, 0.5, 0.75))})


def level_of(count: int, floors: list[int]) -> int:
    return sum(count >= floor for floor in floors)


class CalendarHeatmap(QWidget):
    """Study days, a square a day (GitHub style), with a legend from less to more."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: dict[str, int] = {}
        self.floors: list[int] = [1]
        self.today = dt.date.today()
        self.colors: Colors | None = None
        self.setMouseTracking(True)
        self.setMinimumHeight(150)
        self.setAccessibleName("Study days")

    def set_data(self, counts: dict[str, int], today: dt.date, colors: Colors) -> None:
        self.counts, self.today, self.colors = counts, today, colors
        self.floors = levels(counts)
        self.setToolTip(self.scale_text())
        self.update()

    def scale_text(self) -> str:
        parts = []
        for index, floor in enumerate(self.floors):
            upper = self.floors[index + 1] - 1 if index + 1 < len(self.floors) else None
            span = f"{floor}" if upper == floor else f"{floor} to {upper}" if upper else f"{floor}+"
            parts.append(span)
        return "Answers a day, lightest to darkest: " + ", ".join(parts)

    def weeks(self) -> int:
        """From the week of the first study day shown, at least MIN_WEEKS, at most a year."""
        days = [dt.date.fromisoformat(d) for d, n in self.counts.items() if n]
        first = min(days, default=self.today)
        span = (self.today - first).days // 7 + 2
        return max(MIN_WEEKS, min(MAX_WEEKS, span))

    def first(self) -> dt.date:
        start = self.today - dt.timedelta(days=7 * (self.weeks() - 1))
        return start - dt.timedelta(days=start.weekday())  # weeks start on Monday

    def _geometry(self) -> tuple[float, float, float]:
        weeks = (self.today - self.first()).days // 7 + 1
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("Wed") + 8
        top = metrics.height() + 4
        bottom = metrics.height() + 10  # the legend
        cell = min((self.width() - left - 4) / weeks, (self.height() - top - bottom) / 7)
        return left, top, max(min(cell, MAX_CELL), 4.0)

    def sizeHint(self) -> QSize:
        return QSize(720, 190)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.colors is None:
            return
        shades = [QColor(c) for c in SHADES["dark" if self.colors.name == "dark" else "light"]]
        muted = QColor(self.colors.muted)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        left, top, cell = self._geometry()
        painter.setPen(muted)
        for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri")):
            painter.drawText(QRectF(0, top + row * cell, left - 6, cell), 0x82, name)
        first = self.first()
        day, last_month = first, -1
        while day <= self.today:
            column, row = (day - first).days // 7, day.weekday()
            x, y = left + column * cell, top + row * cell
            if row == 0 and day.month != last_month:
                last_month = day.month
                painter.setPen(muted)
                painter.drawText(QRectF(x, 0, cell * 4, top - 2), 0x41, f"{day:%b}")
            count = self.counts.get(day.isoformat(), 0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(shades[level_of(count, self.floors)])
            painter.drawRoundedRect(QRectF(x + 1, y + 1, cell - 2, cell - 2), 2, 2)
            day += dt.timedelta(days=1)
        self._legend(painter, shades, top + 7 * cell + 6, muted)
        painter.end()

    def _legend(self, painter: QPainter, shades: list[QColor], y: float, pen: QColor) -> None:
        metrics = self.fontMetrics()
        size = metrics.height() - 4
        more_width = metrics.horizontalAdvance("More")
        used = len(self.floors) + 1
        x = self.width() - 8 - more_width - used * (size + 3) - metrics.horizontalAdvance("Less ")
        painter.setPen(pen)
        painter.drawText(QRectF(x, y, 60, metrics.height()), 0x81, "Less")
        x += metrics.horizontalAdvance("Less ")
        painter.setPen(Qt.PenStyle.NoPen)
        for shade in shades[:used]:
            painter.setBrush(shade)
            painter.drawRoundedRect(QRectF(x, y + 2, size, size), 2, 2)
            x += size + 3
        painter.setPen(pen)
        painter.drawText(QRectF(x + 2, y, more_width + 4, metrics.height()), 0x81, "More")

    def day_at(self, x: float, y: float) -> dt.date | None:
        left, top, cell = self._geometry()
        column, row = int((x - left) // cell), int((y - top) // cell)
        if x < left or y < top or not 0 <= row < 7:
            return None
        day = self.first() + dt.timedelta(days=column * 7 + row)
        return day if day <= self.today else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().x(), event.position().y())
        if day is None:
            QToolTip.hideText()
            return
        count = self.counts.get(day.isoformat(), 0)
        text = f"{day.day} {day:%B %Y}: {count} answer{'s' if count != 1 else ''}"
        QToolTip.showText(event.globalPosition().toPoint(), text, self)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave:
            QToolTip.hideText()
        return super().event(event)
