"""Maintenance windows: times a company said its channels may be down, per target, in its time zone.

A window is either one-off (``start``/``end`` date-times) or weekly (``days`` with ``from``/``to``
times; a ``to`` at or before ``from`` ends on the next day, so ``sun 23:00-02:00`` runs into Monday).
Times are wall-clock times in the target's ``timezone``: on a day the clocks change a window keeps its
local times (it is an hour shorter or longer); a time the clocks skip counts as the moment they jump.

Inside a window a journey is skipped (``during_maintenance: skip``, the default: no contact is made) or
run with its findings downgraded to info (``downgrade``). Skipping is decided when a journey (or its
retry) starts; a journey already under way when a window opens runs to its end, and the findings of its
steps that ran inside the window are downgraded (nobody can tell maintenance from an outage then).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .results import Finding

UTC = dt.timezone.utc
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DuringMaintenance = Literal["skip", "downgrade"]
_TIME = re.compile(r"^(\d\d):(\d\d)$")


def _minutes(value: str, name: str) -> int:
    m = _TIME.match(value.strip()) if isinstance(value, str) else None
    if m:
        h, mi = int(m.group(1)), int(m.group(2))
        if (h < 24 and mi < 60) or (h == 24 and mi == 0):
            return h * 60 + mi
    raise ValueError(f"{name}: '{value}' is not a time like 22:30 (24-hour clock, 00:00 to 24:00)")


class MaintenanceWindow(BaseModel):
    """One maintenance window of a target: one-off (start, end) or weekly (days, from, to)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    name: str | None = Field(None, description="shown in the report and on the console")
    start: dt.datetime | None = Field(None, description='one-off: when it starts, e.g. "2026-12-24 22:00" '
                                                        "(the target's time zone unless an offset is given)")
    end: dt.datetime | None = Field(None, description="one-off: when it ends")
    days: list[Weekday] | None = Field(None, description="weekly: the days it starts on, e.g. [sun]")
    from_: str | None = Field(None, alias="from", description='weekly: local start time, e.g. "23:00"')
    to: str | None = Field(None, description='weekly: local end time; at or before `from` it ends the next day')
    during_maintenance: DuringMaintenance | None = Field(
        None, description="skip (no contact) or downgrade (findings become info); default: the target's")

    @field_validator("from_", "to", mode="before")
    @classmethod
    def _time(cls, v, info):
        if v is None:
            return v
        if isinstance(v, int) and not isinstance(v, bool):
            # YAML 1.1 reads an unquoted 23:00 as the sexagesimal number 1380.
            v = f"{v // 60:02d}:{v % 60:02d}"
        if not isinstance(v, str):
            raise ValueError(f"'{v}' is not a time like 22:30")
        _minutes(v, "from" if info.field_name == "from_" else info.field_name)
        return v.strip()

    @model_validator(mode="after")
    def _one_kind(self) -> MaintenanceWindow:
        one_off = self.start is not None or self.end is not None
        weekly = self.days is not None or self.from_ is not None or self.to is not None
        if one_off and weekly:
            raise ValueError("give either start and end (a one-off window) or days, from and to (a weekly "
                             "window), not both")
        if one_off:
            if self.start is None or self.end is None:
                raise ValueError("a one-off window needs both start and end")
            if (self.start.tzinfo is None) != (self.end.tzinfo is None):
                raise ValueError("give start and end both with an offset, or both without (the target's time)")
            if self.end <= self.start:
                raise ValueError(f"end ({self.end:%Y-%m-%d %H:%M}) is not after start ({self.start:%Y-%m-%d %H:%M})")
        elif weekly:
            if not self.days or self.from_ is None or self.to is None:
                raise ValueError("a weekly window needs days, from and to, e.g. {days: [sun], from: '23:00', "
                                 "to: '02:00'}")
            if _minutes(self.to, "to") == _minutes(self.from_, "from"):
                raise ValueError(f"from and to are the same time ({self.from_}); a window needs a length")
        else:
            raise ValueError("a window needs start and end (one-off) or days, from and to (weekly)")
        return self

    def describe(self, timezone: str) -> str:
        """E.g. 'backups (sun 23:00–02:00 Europe/London)'."""
        if self.start is not None and self.end is not None:
            when = f"{self.start:%Y-%m-%d %H:%M}–{self.end:%Y-%m-%d %H:%M}"
        else:
            when = f"{','.join(self.days or [])} {self.from_}–{self.to}"
        tz = "" if self.start is not None and self.start.tzinfo is not None else f" {timezone}"
        return f"{self.name} ({when}{tz})" if self.name else f"{when}{tz}"

    def occurrences(self, timezone: str, after: dt.datetime, before: dt.datetime):
        """(start, end) in UTC of each occurrence that overlaps [after, before] (both tz-aware)."""
        tz = ZoneInfo(timezone)
        if self.start is not None and self.end is not None:
            start, end = _utc(self.start, tz), _utc(self.end, tz)
            if start <= before and end > after:
                yield start, end
            return
        opens, closes = _minutes(self.from_ or "", "from"), _minutes(self.to or "", "to")
        if closes <= opens:
            closes += 24 * 60   # runs past midnight into the next day
        day = after.astimezone(tz).date() - dt.timedelta(days=1)   # yesterday's window may still be open
        last = before.astimezone(tz).date()
        while day <= last:
            if WEEKDAYS[day.weekday()] in (self.days or []):
                midnight = dt.datetime.combine(day, dt.time())
                start = _utc(midnight + dt.timedelta(minutes=opens), tz)
                end = _utc(midnight + dt.timedelta(minutes=closes), tz)
                if start <= before and end > after:
                    yield start, end
            day += dt.timedelta(days=1)


def _utc(local: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    """A wall-clock time in tz (or an aware one) in UTC; a time the clocks skip is the moment they jump."""
    if local.tzinfo is not None:
        return local.astimezone(UTC)
    early, late = local.replace(tzinfo=tz, fold=0).astimezone(UTC), local.replace(tzinfo=tz, fold=1).astimezone(UTC)
    # In a gap, fold=0 lands after the jump and fold=1 before it: the jump is the later one's wall time.
    return min(early, late) if early <= late else _gap_end(late, early, tz)


def _gap_end(lo: dt.datetime, hi: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    # The instant the clocks jump lies between two UTC instants an hour or so apart: its offset changes there.
    while hi - lo > dt.timedelta(seconds=1):
        mid = lo + (hi - lo) / 2
        if mid.astimezone(tz).utcoffset() == hi.astimezone(tz).utcoffset():
            hi = mid
        else:
            lo = mid
    return hi.replace(microsecond=0)


def window_during(target, since: dt.datetime, until: dt.datetime | None = None) -> MaintenanceWindow | None:
    """The target's first maintenance window open at any moment from ``since`` to ``until`` (default: since)."""
    until = until or since
    for window in getattr(target, "maintenance", None) or []:
        if next(window.occurrences(target.timezone, since, until), None):
            return window
    return None


def mode(window: MaintenanceWindow, target) -> DuringMaintenance:
    """skip or downgrade: the window's own choice, else the target's (default skip)."""
    return window.during_maintenance or getattr(target, "during_maintenance", None) or "skip"


def downgrade(finding: Finding, described: str) -> Finding:
    """The finding as info, saying it happened during the maintenance window."""
    return replace(finding, severity="info", title=f"{finding.title} (during maintenance window {described})")
