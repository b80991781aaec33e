"""Qt Charts, imported only when the progress screen is first shown (it is slow to load)."""

from PySide6.QtCharts import (
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

__all__ = [
    "QBarCategoryAxis",
    "QBarSeries",
    "QBarSet",
    "QChart",
    "QChartView",
    "QDateTimeAxis",
    "QHorizontalBarSeries",
    "QLineSeries",
    "QValueAxis",
]
