"""Durations as people write them in YAML ("15s", "2m", "1.5h", "1d") turned into seconds."""
from __future__ import annotations

import re
from typing import Annotated

from pydantic import BeforeValidator

_UNITS = {"ms": 0.001, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}
_PATTERN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|sec|m|min|h|d)?\s*$")


def parse_duration_s(value: object) -> float:
    """Seconds from ``10``, ``"10s"``, ``"2m"``, ``"1.5h"``, ``"1d"``, ``"250ms"``."""
    if isinstance(value, bool):
        raise ValueError("expected a duration such as 30s, 5m or 1h")
    if isinstance(value, (int, float)):
        seconds = float(value)
    elif isinstance(value, str) and (m := _PATTERN.match(value)):
        seconds = float(m.group(1)) * _UNITS[m.group(2) or "s"]
    else:
        raise ValueError(f"'{value}' is not a duration; write it like 30s, 5m, 1h or 1d")
    if seconds <= 0:
        raise ValueError("a duration must be more than zero")
    return seconds


def format_duration(seconds: float | None) -> str:
    """Short human form: 850 ms, 4.2 s, 3 min 5 s, 2 h 10 min."""
    if seconds is None:
        return "–"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    if seconds < 60:
        return f"{seconds:.1f} s"
    if seconds < 3600:
        m, s = divmod(round(seconds), 60)
        return f"{m} min {s} s" if s else f"{m} min"
    h, rest = divmod(round(seconds), 3600)
    return f"{h} h {rest // 60} min" if rest // 60 else f"{h} h"


Duration = Annotated[float, BeforeValidator(parse_duration_s)]
