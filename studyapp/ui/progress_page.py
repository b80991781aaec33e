"""The progress screen: mastery, accuracy, study days, topics, what falls due, weak items.

Imported on the first visit only: Qt Charts takes a noticeable time to load.
"""

from __future__ import annotations

import datetime as dt

from studyapp.content import Course
from studyapp.service import Stats
from studyapp.ui.goal import GoalBar
from studyapp.ui.qt import (
    QColor,
    QDate,
    QDateTime,
    QEvent,
    QFont,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPushButton,
    QRectF,
    QScrollArea,
    QSize,
    Qt,
    QTime,
    QToolTip,
    QVBoxLayout,
    QWidget,
    Signal,
)
from studyapp.ui.qt_charts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from studyapp.ui.theme import Colors
from studyapp.ui.widgets import label

ACCURACY_DAYS = 60


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{round(100 * value)}%"


def card(title: str, body: QWidget, note: str = "") -> QFrame:
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 12, 14, 12)
    layout.addWidget(label(title, "heading"))
    if note:
        layout.addWidget(label(note, "muted"))
    layout.addWidget(body, 1)
    return frame


class CalendarHeatmap(QWidget):
    """A year of study days, a square a day, darker for more answers (GitHub style)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: dict[str, int] = {}
        self.today = dt.date.today()
        self.colors: Colors | None = None
        self.setMouseTracking(True)
        self.setMinimumHeight(150)
        self.setAccessibleName("Study days over the last year")

    def set_data(self, counts: dict[str, int], today: dt.date, colors: Colors) -> None:
        self.counts, self.today, self.colors = counts, today, colors
        self.update()

    def _first(self) -> dt.date:
        start = self.today - dt.timedelta(days=364)
        return start - dt.timedelta(days=start.weekday())  # weeks start on Monday

    def _geometry(self) -> tuple[float, float, float]:
        weeks = (self.today - self._first()).days // 7 + 1
        left = self.fontMetrics().horizontalAdvance("Wed") + 8
        top = self.fontMetrics().height() + 4
        cell = min((self.width() - left - 4) / weeks, (self.height() - top - 4) / 7)
        return left, top, max(cell, 4.0)

    def sizeHint(self) -> QSize:
        return QSize(720, 150)

    def _level(self, count: int) -> int:
        if count == 0:
            return 0
        top = max(self.counts.values(), default=1)
        return 1 + min(3, int(4 * count / (top + 1)))

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.colors is None:
            return
        colors = self.colors
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        left, top, cell = self._geometry()
        accent = QColor(colors.good)
        empty = QColor(colors.border)
        painter.setPen(QColor(colors.muted))
        for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri")):
            painter.drawText(QRectF(0, top + row * cell, left - 6, cell), 0x82, name)
        first = self._first()
        day = first
        last_month = -1
        while day <= self.today:
            column = (day - first).days // 7
            row = day.weekday()
            x, y = left + column * cell, top + row * cell
            if day.day <= 7 and row == 0 and day.month != last_month:
                last_month = day.month
                painter.setPen(QColor(colors.muted))
                painter.drawText(QRectF(x, 0, cell * 4, top - 2), 0x41, f"{day:%b}")
            count = self.counts.get(day.isoformat(), 0)
            level = self._level(count)
            colour = QColor(empty) if level == 0 else QColor(accent)
            if level:
                colour.setAlphaF(0.25 + 0.25 * (level - 1))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(x + 1, y + 1, cell - 2, cell - 2), 2, 2)
            day += dt.timedelta(days=1)
        painter.end()

    def day_at(self, x: float, y: float) -> dt.date | None:
        left, top, cell = self._geometry()
        column, row = int((x - left) // cell), int((y - top) // cell)
        if x < left or y < top or not 0 <= row < 7:
            return None
        day = self._first() + dt.timedelta(days=column * 7 + row)
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


class ProgressPage(QScrollArea):
    """Every figure of the learner's progress on one course."""

    open_lesson = Signal(str)
    read_requested = Signal()
    quiz_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.stats: Stats | None = None

    def show_stats(
        self,
        course: Course,
        stats: Stats,
        today: dt.date,
        colors: Colors,
        goal: tuple[int, int] = (0, 0),  # today's answers, the daily goal
    ) -> None:
        self.stats = stats
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(label("Progress", "title"))
        layout.addWidget(label(course.title, "muted"))
        if stats.answers == 0:
            layout.addWidget(self._empty_state())
            layout.addStretch(1)
            self.setWidget(page)
            return
        layout.addLayout(self._headline(stats))
        self.goal = GoalBar()
        self.goal.show_day(goal[0], goal[1], stats.streak_days)
        layout.addWidget(self.goal)
        grid = QGridLayout()
        grid.setSpacing(14)
        grid.addWidget(
            card(
                "Mastery by lesson",
                self._mastery_chart(course, stats, colors),
                "Chance of recalling a lesson's items a week from now",
            ),
            0,
            0,
        )
        grid.addWidget(
            card(
                "Accuracy over time",
                self._accuracy_chart(stats, today, colors),
                f"Share of answers right, day by day (last {ACCURACY_DAYS} days)",
            ),
            0,
            1,
        )
        heatmap = CalendarHeatmap()
        heatmap.set_data({d.day: d.answers for d in stats.per_day}, today, colors)
        streak = f"Streak: {stats.streak_days} day{'s' if stats.streak_days != 1 else ''}"
        grid.addWidget(card("Study days", heatmap, f"The last year · {streak}"), 1, 0, 1, 2)
        grid.addWidget(card("Accuracy by topic", self._topic_chart(stats, colors)), 2, 0)
        grid.addWidget(
            card(
                "Due in the next 14 days",
                self._forecast_chart(stats, colors),
                "Items falling due each day (overdue ones count today)",
            ),
            2,
            1,
        )
        grid.addWidget(card("Weakest items", self._weakest(stats)), 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.setWidget(page)

    def _empty_state(self) -> QFrame:
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(
            label(
                "No progress yet. Start by reading the first lesson, then take a quiz on it: "
                "your mastery, accuracy and study days will show here."
            )
        )
        buttons = QHBoxLayout()
        read = QPushButton("Read the first lesson")
        quiz = QPushButton("Take a quiz")
        read.clicked.connect(self.read_requested)
        quiz.clicked.connect(self.quiz_requested)
        buttons.addWidget(read)
        buttons.addWidget(quiz)
        buttons.addStretch(1)
        column.addLayout(buttons)
        return card("Welcome", body)

    def _headline(self, stats: Stats) -> QHBoxLayout:
        row = QHBoxLayout()
        figures = [
            (str(stats.answers), "answers"),
            (_percent(stats.accuracy), "right"),
            (_percent(stats.mastery), "mastery"),
            (str(stats.streak_days), "day streak"),
            (str(stats.due), "due now"),
        ]
        meanings = {
            "mastery": "The chance you would recall the course's items a week from now",
            "right": "The share of your answers that were right",
            "due now": "Items whose review is due: Review asks them",
        }
        for value, name in figures:
            box = QVBoxLayout()
            for widget in (label(value, "figure", wrap=False), label(name, "muted", wrap=False)):
                widget.setToolTip(meanings.get(name, ""))
                box.addWidget(widget)
            row.addLayout(box)
            row.addSpacing(28)
        row.addStretch(1)
        return row

    @staticmethod
    def _new_chart(colors: Colors) -> QChart:
        """A chart in the app's theme; series colours must be set after this."""
        chart = QChart()
        chart.setTheme(
            QChart.ChartTheme.ChartThemeDark
            if colors.name == "dark"
            else QChart.ChartTheme.ChartThemeLight
        )
        return chart

    def _chart(self, chart: QChart, colors: Colors, height: int = 240) -> QChartView:
        chart.setBackgroundVisible(False)
        chart.legend().hide()
        chart.setMargins(chart.margins() * 0)
        view = QChartView(chart)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a chart does nothing with the keyboard
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(height)
        view.setStyleSheet("background: transparent")
        return view

    def _attach(
        self,
        chart: QChart,
        series: QBarSeries | QHorizontalBarSeries | QLineSeries,
        axes: list[tuple[QValueAxis | QBarCategoryAxis | QDateTimeAxis, Qt.AlignmentFlag]],
        colors: Colors,
    ) -> None:
        """Put a series on a chart with its axes, styled for the theme."""
        chart.addSeries(series)
        for axis, side in axes:
            chart.addAxis(axis, side)
            series.attachAxis(axis)
            self._axis_style(axis, colors)

    def _axis_style(
        self, axis: QValueAxis | QBarCategoryAxis | QDateTimeAxis, colors: Colors
    ) -> None:
        axis.setLabelsColor(QColor(colors.text))
        font = QFont(self.font())
        axis.setLabelsFont(font)
        axis.setGridLineColor(QColor(colors.border))
        axis.setLinePenColor(QColor(colors.border))

    def _mastery_chart(self, course: Course, stats: Stats, colors: Colors) -> QChartView:
        names, values = [], []
        for lesson in stats.lessons:
            number = course.lesson(lesson.id).number
            short = lesson.title if len(lesson.title) <= 26 else lesson.title[:24] + "…"
            names.append(f"{number}. {short}")
            values.append(round(100 * lesson.mastery))
        return self._percent_bars(names, values, colors, labels=False)

    def _percent_bars(
        self, names: list[str], values: list[int], colors: Colors, *, labels: bool
    ) -> QChartView:
        """Horizontal bars from 0 to 100%, the first name on top."""
        chart = self._new_chart(colors)
        bars = QBarSet("")
        bars.setColor(QColor(colors.accent))
        bars.setLabelColor(QColor(colors.text))
        for value in reversed(values):
            bars.append(value)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setBarWidth(0.7)
        if labels:
            series.setLabelsVisible(True)
            series.setLabelsFormat("@value%")
            series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        names_axis = QBarCategoryAxis()
        names_axis.append(list(reversed(names)))
        percent_axis = _percent_axis()
        left, bottom = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
        self._attach(chart, series, [(names_axis, left), (percent_axis, bottom)], colors)
        return self._chart(chart, colors, 60 + 28 * len(names))

    def _accuracy_chart(self, stats: Stats, today: dt.date, colors: Colors) -> QChartView:
        series = QLineSeries()
        pen = series.pen()
        pen.setColor(QColor(colors.accent))
        pen.setWidthF(2.5)
        series.setPen(pen)
        series.setPointsVisible(True)
        start = today - dt.timedelta(days=ACCURACY_DAYS - 1)
        for day in stats.per_day:
            date = dt.date.fromisoformat(day.day)
            if date >= start and day.answers:
                moment = QDateTime(QDate(date.year, date.month, date.day), QTime(12, 0))
                series.append(moment.toMSecsSinceEpoch(), round(100 * day.correct / day.answers))
        chart = self._new_chart(colors)
        x_axis = QDateTimeAxis()
        x_axis.setFormat("d MMM")
        x_axis.setTickCount(5)
        x_axis.setRange(
            QDateTime(QDate(start.year, start.month, start.day), QTime(0, 0)),
            QDateTime(QDate(today.year, today.month, today.day), QTime(23, 59)),
        )
        y_axis = _percent_axis()
        left, bottom = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
        self._attach(chart, series, [(x_axis, bottom), (y_axis, left)], colors)
        return self._chart(chart, colors, 260)

    def _topic_chart(self, stats: Stats, colors: Colors) -> QChartView:
        names = [f"{t.topic.capitalize()}s ({t.answered})" for t in stats.topics]
        values = [round(100 * t.accuracy) if t.accuracy is not None else 0 for t in stats.topics]
        return self._percent_bars(names, values, colors, labels=True)

    def _forecast_chart(self, stats: Stats, colors: Colors) -> QChartView:
        chart = self._new_chart(colors)
        bars = QBarSet("")
        bars.setColor(QColor(colors.accent))
        for day in stats.forecast:
            bars.append(day.answers)
        series = QBarSeries()
        series.append(bars)
        days_axis = QBarCategoryAxis()
        days_axis.append([str(dt.date.fromisoformat(d.day).day) for d in stats.forecast])
        top = max((d.answers for d in stats.forecast), default=0)
        step = max(1, -(-top // 4))  # four whole-number steps that cover the highest bar
        count_axis = QValueAxis()
        count_axis.setRange(0, step * 4)
        count_axis.setTickCount(5)
        count_axis.setLabelFormat("%d")
        left, bottom = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
        self._attach(chart, series, [(days_axis, bottom), (count_axis, left)], colors)
        return self._chart(chart, colors, 220)

    def _weakest(self, stats: Stats) -> QWidget:
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        if not stats.weakest:
            grid.addWidget(label("No items answered yet."), 0, 0)
        for row, item in enumerate(stats.weakest):
            grid.addWidget(label(_percent(item.mastery), "bigNumber", wrap=False), row, 0)
            grid.addWidget(label(item.label), row, 1)
            button = QPushButton("Open lesson")
            button.setToolTip(f"Read the lesson this item comes from ({item.lesson_id})")
            button.clicked.connect(lambda _=False, lid=item.lesson_id: self.open_lesson.emit(lid))
            grid.addWidget(button, row, 2)
        grid.setColumnStretch(1, 1)
        return body


def _percent_axis() -> QValueAxis:
    """0% to 100% in quarters, as every percentage chart reads."""
    axis = QValueAxis()
    axis.setRange(0, 100)
    axis.setLabelFormat("%d%%")
    axis.setTickCount(5)
    return axis
