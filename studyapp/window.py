"""Open the window: `python main.py` with no command comes straight here, past the command
line's parser, so that the first frame is drawn sooner."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from studyapp.content.locations import default_content_dir

NO_DISPLAY = (
    "no display available to open the window. "
    "Use the terminal commands instead (python main.py --help), "
    "or run under a display (e.g. xvfb-run python main.py)."
)


def display_missing() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform.startswith("linux"):
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


def open_window(content: Path | None = None, db: str | None = None) -> int:
    if display_missing():
        print(f"studyapp: {NO_DISPLAY}", file=sys.stderr)
        return 2
    gc.disable()  # the start makes no garbage; `ui.app.run` lets the collector run again
    from studyapp.ui.app import run  # Qt loads only when a window is wanted

    return run(content or default_content_dir(), db)
