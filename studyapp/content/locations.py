"""Where courses are found (kept apart from the loader so that finding them is cheap)."""

from __future__ import annotations

import os
from pathlib import Path


def default_content_dir() -> Path:
    """`$STUDYAPP_CONTENT`, or the `content/` folder that ships beside the package."""
    configured = os.environ.get("STUDYAPP_CONTENT")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "content"
