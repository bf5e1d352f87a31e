"""Where the owner's profile lives by default: known before anything heavy is loaded, so that
the log can start and the first window can show at once."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

PROFILE_ENV = "ZHANGGUI_PROFILE"


def default_profile_folder() -> Path:
    env = os.environ.get(PROFILE_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("Zhanggui", appauthor=False)) / "profile"
