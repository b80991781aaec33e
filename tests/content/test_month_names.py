"""Dates are written and read in English whatever the desktop's language. Qt sets the C
library's locale from the desktop when the window opens, and `calendar.month_name` follows
that locale: an English lesson said "4 Mai 1904" on a German desktop."""

from __future__ import annotations

import calendar

import pytest

from studyapp.content.model import PartialDate
from studyapp.quiz.typed import judge

GERMAN = ["", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember"]  # fmt: skip


def test_a_date_reads_in_english_under_a_german_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calendar, "month_name", GERMAN)
    assert str(PartialDate(1904, 5, 4)) == "4 May 1904"
    assert PartialDate(2022, 3).when == "in March 2022"


def test_typed_dates_take_english_month_names_and_their_short_forms() -> None:
    assert judge("may 4 1904", "4 May 1904") is not None
    assert judge("4 Aug 1904", "4 August 1904") is not None
    assert judge("4 Sept 1904", "4 September 1904") is not None
    assert judge("4 March 1904", "4 May 1904") is None
