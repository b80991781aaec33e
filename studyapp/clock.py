"""The one clock: what time it is, in UTC without a zone, as the database keeps times.

Every "now" in the app comes from here, or is passed in by a caller (a test, the demo
history), so that a day and a due date mean the same thing on every screen.
"""

from __future__ import annotations

import datetime as dt


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
