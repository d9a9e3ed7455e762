"""Business time: how long a company took to answer, counted in its own opening hours.

A ``BusinessCalendar`` knows a company's weekly opening hours in its time zone and its
holidays; a ``Deadline`` is what a scenario promises ("24h", "4 business hours",
"1 business day") and turns into a due moment with such a calendar.

Every datetime going in must be timezone-aware; every datetime coming out is in UTC.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

from .durations import MAX_DURATION_DAYS, MAX_DURATION_S, parse_duration_s

UTC = timezone.utc
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SPAN = re.compile(r"^\s*(\d\d):(\d\d)\s*-\s*(\d\d):(\d\d)\s*$")
# Give up looking for an opening after this many days in a row without one (about five years):
# a calendar closed by holidays for that long is a configuration mistake, not a slow company.
_MAX_CLOSED_DAYS = 5 * 366
_ONE_DAY = timedelta(days=1)
_ONE_SECOND = timedelta(seconds=1)


def _aware(value: datetime, name: str) -> datetime:
    if not isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime, not {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got naive {value.isoformat()}")
    return value.astimezone(UTC)


def _parse_span(day: str, span: str) -> tuple[int, int]:
    """Minutes after local midnight at which the span opens and closes ("00:00-24:00" is all day)."""
    m = _SPAN.match(span) if isinstance(span, str) else None
    if m:
        oh, om, ch, cm = (int(g) for g in m.groups())
        opens, closes = oh * 60 + om, ch * 60 + cm
        if oh < 24 and om < 60 and cm < 60 and closes <= 24 * 60 and opens < closes:
            return opens, closes
    raise ValueError(f"{day}: '{span}' is not an opening time like 09:00-17:30")


class BusinessCalendar:
    """A company's opening hours: weekday spans in its time zone, minus holidays.

    ``hours`` maps "mon".."sun" to one span "HH:MM-HH:MM" in local time; a weekday that is
    not listed is closed, a holiday is closed all day. With no hours at all the company is
    always open and business time is wall-clock time (holidays are then ignored).

    On a day when the clocks change, a span runs from the first moment the local clock shows
    the opening time until the last moment it shows the closing time; a time the clocks skip
    counts as the moment they jump. So "00:00-24:00" lasts 23 h on the spring-forward day and
    25 h on the fall-back day.
    """

    def __init__(self, timezone: str, hours: dict[str, str], holidays: Iterable[date] = ()):
        try:
            self.tz = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError, TypeError):
            raise ValueError(f"unknown time zone '{timezone}' (use an IANA name such as Europe/London)") from None
        self.timezone = timezone
        self._always = not hours
        spans: dict[int, tuple[int, int]] = {}
        for day, span in (hours or {}).items():
            key = str(day).strip().lower()
            if key not in WEEKDAYS:
                raise ValueError(f"'{day}' is not a weekday; use one of {', '.join(WEEKDAYS)}")
            spans[WEEKDAYS.index(key)] = _parse_span(key, span)
        if self._always:
            # add_business_days still needs days: every day counts, all day long.
            spans = {i: (0, 24 * 60) for i in range(7)}
        self._spans = spans
        self._holidays = frozenset() if self._always else frozenset(holidays)
        self._days: dict[date, tuple[datetime, datetime] | None] = {}

    @classmethod
    def for_target(cls, target) -> BusinessCalendar:
        """The calendar of a ``probes.config.Target`` (its timezone, business_hours and holidays)."""
        return cls(target.timezone, dict(target.business_hours), target.holidays)

    def always_open(self) -> bool:
        """True when no hours are given: business time is then wall-clock time."""
        return self._always

    # -- local days as UTC intervals ------------------------------------------------------------

    def _resolve(self, local: datetime, latest: bool) -> datetime:
        """The UTC instant of a naive local time: the first (or, if ``latest``, the last) time the
        clock shows it; for a time the clocks skip, the moment they jump."""
        early = local.replace(tzinfo=self.tz, fold=0).astimezone(UTC)
        late = local.replace(tzinfo=self.tz, fold=1).astimezone(UTC)
        if early <= late:  # an ordinary time, or one shown twice when the clocks go back
            return late if latest else early
        # In a gap fold=1 lands before the jump and fold=0 after it; bisect for the jump itself.
        lo, hi = late, early
        while hi - lo > _ONE_SECOND:
            mid = lo + (hi - lo) / 2
            mid = mid.replace(microsecond=0)
            if mid <= lo:
                break
            if mid.astimezone(self.tz).replace(tzinfo=None) >= local:
                hi = mid
            else:
                lo = mid
        return hi

    def _day(self, d: date) -> tuple[datetime, datetime] | None:
        """The opening interval of local date ``d`` in UTC, or None when closed all day."""
        if d in self._days:
            return self._days[d]
        interval = None
        span = self._spans.get(d.weekday())
        if span and d not in self._holidays:
            opens = self._resolve(datetime.combine(d, time()) + timedelta(minutes=span[0]), latest=False)
            closes = self._resolve(datetime.combine(d, time()) + timedelta(minutes=span[1]), latest=True)
            if closes > opens:  # a span lying wholly in skipped time is no opening at all
                interval = (opens, closes)
        self._days[d] = interval
        return interval

    def _intervals(self, start: datetime, until: datetime | None = None) -> Iterator[tuple[date, datetime, datetime]]:
        """(local date, opens, closes) of each opening that ends after ``start``, in order.

        Stops after ``until`` if given; otherwise raises ValueError after ~5 years without an opening.
        """
        d = start.astimezone(self.tz).date() - _ONE_DAY  # a span of the previous day may run to midnight
        last_day = until.astimezone(self.tz).date() + _ONE_DAY if until is not None else None
        last_open_day = d
        last_close: datetime | None = None
        while last_day is None or d <= last_day:
            interval = self._day(d)
            if interval:
                opens, closes = interval
                # Where midnight repeats, two all-day spans overlap; count that time once.
                if last_close is not None and opens < last_close:
                    opens = last_close
                if closes > opens:
                    last_close, last_open_day = closes, d
                    if closes > start:
                        yield d, opens, closes
            if last_day is None and (d - last_open_day).days > _MAX_CLOSED_DAYS:
                raise ValueError(f"no opening hours within 5 years after {start.isoformat()}; "
                                 "check business_hours and holidays")
            d += _ONE_DAY

    # -- public questions -----------------------------------------------------------------------

    def is_open(self, at: datetime) -> bool:
        """True if the company is open at ``at`` (opening time included, closing time excluded)."""
        at = _aware(at, "at")
        if self._always:
            return True
        return any(opens <= at < closes for _, opens, closes in self._intervals(at, until=at))

    def next_open(self, at: datetime) -> datetime:
        """``at`` itself if the company is open then, else the next moment it opens (UTC)."""
        at = _aware(at, "at")
        if self._always:
            return at
        _, opens, _ = next(self._intervals(at))
        return max(opens, at)

    def add(self, start: datetime, business_s: float) -> datetime:
        """The moment (UTC) at which ``business_s`` seconds of opening time have passed since
        ``start``; if closed at ``start``, the clock starts at the next opening.

        A duration that uses up a span exactly ends at its closing time, not at the next opening.
        """
        start = _aware(start, "start")
        remaining = self._seconds(business_s)
        if self._always:
            return start + remaining
        for _, opens, closes in self._intervals(start):
            begin = max(opens, start)
            if remaining <= closes - begin:
                return begin + remaining
            remaining -= closes - begin
        raise AssertionError("unreachable: _intervals never ends without until")

    def between(self, a: datetime, b: datetime) -> float:
        """Seconds of opening time in [a, b]; 0 if ``b`` is not after ``a``."""
        a, b = _aware(a, "a"), _aware(b, "b")
        if b <= a:
            return 0.0
        if self._always:
            return (b - a).total_seconds()
        total = timedelta()
        for _, opens, closes in self._intervals(a, until=b):
            if opens >= b:
                break
            total += min(closes, b) - max(opens, a)
        return total.total_seconds()

    def open_spans(self, a: datetime, b: datetime) -> list[tuple[datetime, datetime]]:
        """The opening hours within [a, b], each (opens, closes) in UTC and cut to [a, b]; [] if ``b`` is not
        after ``a``. Always open: the whole of [a, b]."""
        a, b = _aware(a, "a"), _aware(b, "b")
        if b <= a:
            return []
        if self._always:
            return [(a, b)]
        spans = []
        for _, opens, closes in self._intervals(a, until=b):
            if opens >= b:
                break
            spans.append((max(opens, a), min(closes, b)))
        return spans

    def add_business_days(self, start: datetime, days: int) -> datetime:
        """The deadline (UTC) ``days`` business days after ``start``, as SLAs mean it.

        A business day is a local date with opening hours (not a holiday).

        * ``start`` within opening hours: the same local clock time ``days`` business days
          later; if that day closes earlier it is its closing time, if it opens later it is its
          opening time.
        * ``start`` outside opening hours: the clock starts at the next opening, and the
          deadline is the closing time of the ``days``-th business day counted from that one.

        With mon–fri 09:00–17:30:  Fri 16:30 + 1 → Mon 16:30;  Fri 09:00 + 1 → Mon 09:00;
        Mon 08:00 + 1 → Mon 17:30;  Sat 11:00 + 1 → Mon 17:30;  Fri 18:00 + 2 → Tue 17:30.
        If Tue were 10:00–13:00: Mon 09:30 + 1 → Tue 10:00 and Mon 16:00 + 1 → Tue 13:00.
        ``days`` = 0 gives ``next_open(start)``. An always-open calendar counts calendar days.
        """
        start = _aware(start, "start")
        if isinstance(days, bool) or not isinstance(days, int) or days < 0:
            raise ValueError(f"business days must be a whole number of at least 0, not {days!r}")
        if days == 0:
            return self.next_open(start)
        intervals = self._intervals(start)
        day, opens, closes = next(intervals)
        if opens <= start:  # open now: same clock time on the n-th following business day
            for _ in range(days):
                day, opens, closes = next(intervals)
            clock = start.astimezone(self.tz).replace(tzinfo=None).time()
            wanted = self._resolve(datetime.combine(day, clock), latest=False)
            return min(max(wanted, opens), closes)
        for _ in range(days - 1):  # closed now: the next opening day is business day 1
            day, opens, closes = next(intervals)
        return closes

    @staticmethod
    def _seconds(value: float) -> timedelta:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
            raise ValueError(f"business seconds must be a finite number of at least 0, not {value!r}")
        return timedelta(seconds=value)


# -- deadlines as written in scenarios --------------------------------------------------------------

DeadlineUnit = Literal["s", "business_s", "business_days"]
_BUSINESS = re.compile(r"^(\d+(?:\.\d+)?)\s*business\s+(hours?|minutes?|days?)$", re.IGNORECASE)
_BUSINESS_UNIT_S = {"hour": 3600.0, "minute": 60.0}


@dataclass(frozen=True)
class Deadline:
    """A deadline as written in a scenario: wall-clock seconds, business seconds, or business days."""

    amount: float
    unit: DeadlineUnit
    text: str

    def __post_init__(self):
        if self.unit not in ("s", "business_s", "business_days"):
            raise ValueError(f"unknown deadline unit '{self.unit}'")
        if not self.amount > 0 or (self.unit == "business_days" and self.amount != int(self.amount)):
            raise ValueError(f"'{self.text}' is not a deadline; the amount must be more than zero"
                             + (" and whole" if self.unit == "business_days" else ""))

    def due(self, start: datetime, calendar: BusinessCalendar) -> datetime:
        """When the answer is due (UTC) for a contact made at ``start``.

        Wall-clock deadlines ignore the calendar; business ones count its opening hours.
        """
        start = _aware(start, "start")
        if self.unit == "s":
            return start + timedelta(seconds=self.amount)
        if self.unit == "business_s":
            return calendar.add(start, self.amount)
        return calendar.add_business_days(start, int(self.amount))

    def describe(self) -> str:
        """The deadline as written, for reports ("1 business day")."""
        return self.text


def _plain_number(value: float) -> str:
    # "90", "1.5", "0.0000001": never exponent notation, which the duration parser would refuse.
    text = format(Decimal(repr(float(value))), "f")
    return text[:-2] if text.endswith(".0") else text


def parse_deadline(value: object) -> Deadline:
    """A Deadline from a scenario value.

    ``90`` or a duration ("15m", "24h", "1d", "90s") → wall-clock seconds;
    "4 business hours", "30 business minutes", "2.5 business hours" → business seconds;
    "1 business day", "3 business days" (whole numbers) → business days.
    Case and spacing do not matter. A Deadline is passed through unchanged.
    """
    if isinstance(value, Deadline):
        return value
    error = ValueError(f"'{value}' is not a deadline; write it like 15m, 24h, 4 business hours or 1 business day")
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise error
    # A deadline is due within about a year: longer ones are typos, and counting them out business day
    # by business day would keep a run busy for ever after the contact was made.
    too_long = ValueError(f"'{str(value)[:40]}' is too long; a deadline may be at most {MAX_DURATION_DAYS} days, "
                          f"{MAX_DURATION_DAYS} business days or {MAX_DURATION_DAYS * 24} business hours")
    if isinstance(value, (int, float)):
        if value > MAX_DURATION_S:  # before isfinite(), which overflows on a huge int
            raise too_long
        if not math.isfinite(value) or value <= 0:
            raise error
        return Deadline(float(value), "s", f"{_plain_number(value)}s")
    if len(value) > 60:
        raise error
    text = " ".join(value.split())
    if m := _BUSINESS.match(text):
        number, unit = m.group(1), m.group(2).lower().rstrip("s")
        amount = float(number)
        if amount <= 0:
            raise error
        if unit == "day":
            if "." in number:  # "1.5 business days" has no agreed meaning
                raise error
            if amount > MAX_DURATION_DAYS:
                raise too_long
            return Deadline(amount, "business_days", text)
        if amount * _BUSINESS_UNIT_S[unit] > MAX_DURATION_DAYS * 24 * 3600:
            raise too_long
        return Deadline(amount * _BUSINESS_UNIT_S[unit], "business_s", text)
    try:
        seconds = parse_duration_s(text)
    except ValueError as exc:
        raise (too_long if "too long" in str(exc) else error) from None
    return Deadline(seconds, "s", text)


DeadlineField = Annotated[
    Deadline,
    PlainValidator(parse_deadline),
    PlainSerializer(lambda d: d.text, return_type=str),
    WithJsonSchema({
        "type": ["string", "number"],
        "description": "seconds, a duration like 15m or 24h, 'N business hours' / 'N business minutes', "
                       "or 'N business days'",
    }),
]
"""A pydantic field type for deadlines: validated with parse_deadline, written back as its text."""
