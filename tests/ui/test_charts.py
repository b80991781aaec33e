"""Progress a learner can read: the heatmap's scale, its span, and the accuracy axis."""

from __future__ import annotations

import datetime as dt
import itertools

from studyapp.service import DayCount
from studyapp.ui.heatmap import MAX_WEEKS, MIN_WEEKS, SHADES, CalendarHeatmap, level_of, levels
from studyapp.ui.progress_page import accuracy_span
from studyapp.ui.qt import QColor
from studyapp.ui.theme import DARK, LIGHT

TODAY = dt.date(2026, 11, 29)


def luminance(colour: str) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    c = QColor(colour)
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_a_day_with_a_few_answers_does_not_look_empty() -> None:
    for shades in SHADES.values():
        assert contrast(shades[0], shades[1]) >= 1.4  # was 1.00:1 in light
        for lighter, darker in itertools.pairwise(shades[1:]):
            assert contrast(lighter, darker) >= 1.2  # each level tells from the next
    floors = levels({"2026-11-28": 40, "2026-11-27": 2})
    assert level_of(2, floors) == 1 and level_of(40, floors) == 4 and level_of(0, floors) == 0


def test_a_new_learner_sees_weeks_not_a_year_of_grey(qtbot: object) -> None:
    heatmap = CalendarHeatmap()
    heatmap.set_data({"2026-11-28": 5}, TODAY, LIGHT)
    assert heatmap.weeks() == MIN_WEEKS
    heatmap.set_data({"2025-01-01": 5, "2026-11-28": 5}, TODAY, DARK)
    assert heatmap.weeks() == MAX_WEEKS
    assert "lightest to darkest" in heatmap.toolTip()


def test_accuracy_over_time_spans_the_learners_history() -> None:
    days = [DayCount("2026-11-27", 10, 5), DayCount("2026-11-29", 4, 4)]
    assert accuracy_span(days, TODAY) == (dt.date(2026, 11, 23), 7)  # a week, not 60 days
    days.insert(0, DayCount("2026-10-20", 3, 1))
    assert accuracy_span(days, TODAY) == (dt.date(2026, 10, 20), 41)
    days.insert(0, DayCount("2026-01-20", 3, 1))
    assert accuracy_span(days, TODAY) == (dt.date(2026, 10, 1), 60)  # at most 60 days
