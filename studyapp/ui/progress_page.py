"""The progress screen: mastery, accuracy, study days, topics, what falls due, weak items.

Imported on the first visit only: Qt Charts takes a noticeable time to load.
"""

from __future__ import annotations

import datetime as dt

from studyapp.content import Course
from studyapp.service import DayCount, Stats, percent
from studyapp.ui.flow import FlowLayout
from studyapp.ui.goal import GoalBar
from studyapp.ui.heatmap import CalendarHeatmap
from studyapp.ui.qt import (
    QBoxLayout,
    QColor,
    QDate,
    QDateTime,
    QFont,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPainter,
    QProgressBar,
    QPushButton,
    QResizeEvent,
    QScrollArea,
    Qt,
    QTime,
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
MIN_ACCURACY_DAYS = 7


def accuracy_span(per_day: list[DayCount], today: dt.date) -> tuple[dt.date, int]:
    """The days accuracy over time spans: from the first day studied (at most ACCURACY_DAYS
    ago, at least a week), so that two days of history do not sit at a 60-day axis's edge."""
    earliest = today - dt.timedelta(days=ACCURACY_DAYS - 1)
    studied = [dt.date.fromisoformat(d.day) for d in per_day if d.answers]
    first = max(earliest, min(studied, default=today))
    first = min(first, today - dt.timedelta(days=MIN_ACCURACY_DAYS - 1))
    return first, (today - first).days + 1


def new_chart(colors: Colors) -> QChart:
    """A chart in the app's theme; series colours must be set after this."""
    chart = QChart()
    dark = colors.name == "dark"
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    return chart


Series = QBarSeries | QHorizontalBarSeries | QLineSeries
Axis = QValueAxis | QBarCategoryAxis | QDateTimeAxis


def attach(
    chart: QChart,
    series: Series,
    axes: list[tuple[Axis, Qt.AlignmentFlag]],
    colors: Colors,
    font: QFont,
) -> None:
    """Put a series on a chart with its axes, styled for the theme and the text size."""
    chart.addSeries(series)
    for axis, side in axes:
        chart.addAxis(axis, side)
        series.attachAxis(axis)
        axis.setLabelsColor(QColor(colors.text))
        axis.setLabelsFont(QFont(font))
        axis.setGridLineColor(QColor(colors.border))
        axis.setLinePenColor(QColor(colors.border))


def chart_view(chart: QChart, height: int = 240) -> QChartView:
    """A chart on the page's own background, with no legend and no keyboard focus."""
    chart.setBackgroundVisible(False)
    chart.legend().hide()
    chart.setMargins(chart.margins() * 0)
    view = QChartView(chart)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a chart does nothing with the keyboard
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(height)
    view.setStyleSheet("background: transparent")
    return view


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


class PercentRows(QWidget):
    """Named shares as rows of text and bar: a whole lesson name wraps rather than being
    cut, and the text scales with the font size (a chart's axis labels would not)."""

    def __init__(self, rows: list[tuple[str, float | None, str]]) -> None:
        super().__init__()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        for row, (name, share, tip) in enumerate(rows):
            title = label(name)
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(round(100 * share) if share is not None else 0)
            bar.setTextVisible(False)
            bar.setFixedHeight(10)
            bar.setMinimumWidth(60)
            bar.setAccessibleName(f"{name}: {percent(share)}")
            figure = label(percent(share), wrap=False)
            figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for widget in (title, bar, figure):
                widget.setToolTip(tip)
            grid.addWidget(title, row, 0)
            grid.addWidget(bar, row, 1, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(figure, row, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(len(rows), 1)


class ProgressPage(QScrollArea):
    """Every figure of the learner's progress on one course."""

    open_lesson = Signal(str)
    read_requested = Signal()
    quiz_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it reflows
        self.stats: Stats | None = None
        self.pair: QBoxLayout | None = None

    def show_stats(
        self,
        course: Course,
        stats: Stats,
        today: dt.date,
        colors: Colors,
        goal: tuple[int, int] = (0, 0),  # today's answers, the daily goal
    ) -> None:
        self.stats = stats
        self.pair = None  # the last page's, gone with it
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
        mastery_note = "Chance of recalling a lesson's items a week from now"
        self.pair = QBoxLayout(QBoxLayout.Direction.LeftToRight)  # one above the other if narrow
        self.pair.setSpacing(14)
        self.pair.addWidget(card("Mastery by lesson", self._mastery(course, stats), mastery_note))
        self.pair.addWidget(
            card("Accuracy by topic", self._topics(stats), "Share of answers right")
        )
        self._fit_pair()
        grid.addLayout(self.pair, 0, 0, 1, 2)
        first, days = accuracy_span(stats.per_day, today)
        grid.addWidget(
            card(
                "Accuracy over time",
                self._accuracy_chart(stats, first, today, colors),
                f"Share of answers right, day by day (last {days} days)",
            ),
            1,
            0,
            1,
            2,
        )
        heatmap = CalendarHeatmap()
        heatmap.set_data({d.day: d.answers for d in stats.per_day}, today, colors)
        streak = f"Streak: {stats.streak_days} day{'s' if stats.streak_days != 1 else ''}"
        since = f"Since {heatmap.first():%-d %B}"
        grid.addWidget(card("Study days", heatmap, f"{since} · {streak}"), 2, 0, 1, 2)
        grid.addWidget(
            card(
                "Due in the next 14 days",
                self._forecast_chart(stats, colors),
                "Items falling due each day (overdue ones count today)",
            ),
            3,
            0,
            1,
            2,
        )
        grid.addWidget(card("Weakest items", self._weakest(stats)), 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.setWidget(page)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_pair()

    def _fit_pair(self) -> None:
        if self.pair is not None:
            narrow = self.viewport().width() < self.fontMetrics().averageCharWidth() * 80
            direction = QBoxLayout.Direction
            self.pair.setDirection(direction.TopToBottom if narrow else direction.LeftToRight)

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

    def _headline(self, stats: Stats) -> FlowLayout:
        row = FlowLayout()
        figures = [
            (str(stats.answers), "answers"),
            (percent(stats.accuracy), "right"),
            (percent(stats.mastery), "mastery"),
            (str(stats.streak_days), "day streak"),
            (str(stats.due), "due now"),
        ]
        meanings = {
            "mastery": "The chance you would recall the course's items a week from now",
            "right": "The share of your answers that were right",
            "due now": "Items whose review is due: Review asks them",
        }
        for value, name in figures:
            figure = QWidget()
            box = QVBoxLayout(figure)
            box.setContentsMargins(0, 0, 20, 0)
            for widget in (label(value, "figure", wrap=False), label(name, "muted", wrap=False)):
                widget.setToolTip(meanings.get(name, ""))
                box.addWidget(widget)
            row.addWidget(figure)
        return row

    def _mastery(self, course: Course, stats: Stats) -> PercentRows:
        rows: list[tuple[str, float | None, str]] = []
        for lesson in stats.lessons:
            number = course.lesson(lesson.id).number
            tip = f"{number}. {lesson.title}: {lesson.items_seen} of {lesson.items} items seen"
            rows.append((f"{number}. {lesson.title}", lesson.mastery, tip))
        return PercentRows(rows)

    def _topics(self, stats: Stats) -> PercentRows:
        rows = []
        for topic in stats.topics:
            tip = f"{topic.correct} of {topic.answered} answers right"
            rows.append((f"{topic.topic.capitalize()}s ({topic.answered})", topic.accuracy, tip))
        return PercentRows(rows)

    def _accuracy_chart(
        self, stats: Stats, start: dt.date, today: dt.date, colors: Colors
    ) -> QChartView:
        series = QLineSeries()
        pen = series.pen()
        pen.setColor(QColor(colors.accent))
        pen.setWidthF(2.5)
        series.setPen(pen)
        series.setPointsVisible(True)
        for day in stats.per_day:
            date = dt.date.fromisoformat(day.day)
            if date >= start and day.answers:
                moment = QDateTime(QDate(date.year, date.month, date.day), QTime(12, 0))
                series.append(moment.toMSecsSinceEpoch(), round(100 * day.correct / day.answers))
        chart = new_chart(colors)
        x_axis = QDateTimeAxis()
        x_axis.setFormat("d MMM")
        x_axis.setTickCount(5)
        x_axis.setRange(
            QDateTime(QDate(start.year, start.month, start.day), QTime(0, 0)),
            QDateTime(QDate(today.year, today.month, today.day), QTime(23, 59)),
        )
        y_axis = percent_axis()
        left, bottom = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
        attach(chart, series, [(x_axis, bottom), (y_axis, left)], colors, self.font())
        return chart_view(chart, 260)

    def _forecast_chart(self, stats: Stats, colors: Colors) -> QChartView:
        chart = new_chart(colors)
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
        attach(chart, series, [(days_axis, bottom), (count_axis, left)], colors, self.font())
        return chart_view(chart, 220)

    def _weakest(self, stats: Stats) -> QWidget:
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        if not stats.weakest:
            grid.addWidget(label("No items answered yet."), 0, 0)
        for row, item in enumerate(stats.weakest):
            grid.addWidget(label(percent(item.mastery), "figure", wrap=False), row, 0)
            grid.addWidget(label(item.label), row, 1)
            button = QPushButton("Read")  # short: the row keeps room for its words
            button.setToolTip(f"Read the lesson this item comes from ({item.lesson_id})")
            button.clicked.connect(lambda _=False, lid=item.lesson_id: self.open_lesson.emit(lid))
            grid.addWidget(button, row, 2)
        grid.setColumnStretch(1, 1)
        return body


def percent_axis() -> QValueAxis:
    """0% to 100% in quarters, as every percentage chart reads."""
    axis = QValueAxis()
    axis.setRange(0, 100)
    axis.setLabelFormat("%d%%")
    axis.setTickCount(5)
    return axis
