"""Durations as people write them in YAML ("15s", "2m", "1.5h", "1d") turned into seconds."""
from __future__ import annotations

import math
import re
from typing import Annotated

from pydantic import BeforeValidator, WithJsonSchema

_UNITS = {"ms": 0.001, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}
_PATTERN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|sec|m|min|h|d)?\s*$")
# The longest duration or deadline a file may give. Longer ones are typos ("99999999999999999d"), and
# would overflow dates or keep a run busy for ever after the contact was made.
MAX_DURATION_DAYS = 366
MAX_DURATION_S = MAX_DURATION_DAYS * 86400.0
TOO_LONG = f"at most {MAX_DURATION_DAYS} days"


def parse_duration_s(value: object) -> float:
    """Seconds from ``10``, ``"10s"``, ``"2m"``, ``"1.5h"``, ``"1d"``, ``"250ms"``."""
    if isinstance(value, bool):
        raise ValueError("expected a duration such as 30s, 5m or 1h")
    if isinstance(value, int) and value > MAX_DURATION_S:  # float() of a huge int overflows
        seconds = math.inf
    elif isinstance(value, (int, float)):
        seconds = float(value)
    elif isinstance(value, str) and len(value) < 40 and (m := _PATTERN.match(value)):
        seconds = float(m.group(1)) * _UNITS[m.group(2) or "s"]
    else:
        raise ValueError(f"'{str(value)[:40]}' is not a duration; write it like 30s, 5m, 1h or 1d")
    if math.isnan(seconds):
        raise ValueError(f"'{value}' is not a duration; write it like 30s, 5m, 1h or 1d")
    if seconds <= 0:
        raise ValueError("a duration must be more than zero")
    if seconds > MAX_DURATION_S:
        raise ValueError(f"'{str(value)[:40]}' is too long; a duration may be {TOO_LONG}")
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


# In the JSON schema as YAML holds it: a number of seconds, or text such as "14d".
Duration = Annotated[float, BeforeValidator(parse_duration_s), WithJsonSchema(
    {"anyOf": [{"type": "number", "exclusiveMinimum": 0},
               {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s*(ms|s|sec|m|min|h|d)?\s*$"}],
     "description": "a duration: seconds, or 250ms, 30s, 5m, 1.5h, 14d"})]
