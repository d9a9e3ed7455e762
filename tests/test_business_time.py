"""Business time: opening hours, holidays, DST days, business-day deadlines and their parsing."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from probes.business_time import BusinessCalendar, Deadline, DeadlineField, parse_deadline
from probes.config import Target

UTC = timezone.utc
LONDON = "Europe/London"
WEEKDAY_HOURS = {d: "09:00-17:30" for d in ("mon", "tue", "wed", "thu", "fri")}
CHRISTMAS = [date(2026, 12, 25), date(2026, 12, 26)]
HOUR = 3600.0


@pytest.fixture
def cal() -> BusinessCalendar:
    return BusinessCalendar(LONDON, WEEKDAY_HOURS, CHRISTMAS)


def london(*args) -> datetime:
    """A London wall-clock time, as an aware datetime."""
    return datetime(*args, tzinfo=ZoneInfo(LONDON))


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def same(actual: datetime, expected: datetime) -> None:
    """Same instant, and returned in UTC as promised."""
    assert actual == expected
    assert actual.utcoffset() == timedelta(0)


# 2026-06-05 is a Friday, 2026-06-06 a Saturday, 2026-06-08 a Monday (London is on BST, UTC+1).

def test_friday_afternoon_plus_two_business_hours_is_monday_morning(cal):
    same(cal.add(london(2026, 6, 5, 16, 30), 2 * HOUR), london(2026, 6, 8, 10, 0))


def test_friday_afternoon_plus_one_business_day_is_monday_same_time(cal):
    same(cal.add_business_days(london(2026, 6, 5, 16, 30), 1), london(2026, 6, 8, 16, 30))


def test_saturday_plus_one_business_day_is_monday_closing_time(cal):
    same(cal.add_business_days(london(2026, 6, 6, 11, 0), 1), london(2026, 6, 8, 17, 30))


def test_christmas_eve_evening_plus_one_business_hour_skips_holiday_and_weekend(cal):
    # 30 min left on Thursday 24th; Friday 25th is a holiday, 26th-27th the weekend.
    same(cal.add(london(2026, 12, 24, 17, 0), HOUR), london(2026, 12, 28, 9, 30))
    same(cal.add(london(2026, 12, 24, 17, 0), HOUR), utc(2026, 12, 28, 9, 30))


def test_between_a_whole_week_is_42_and_a_half_hours(cal):
    assert cal.between(london(2026, 6, 8), london(2026, 6, 15)) == 42.5 * HOUR
    # Christmas week loses Friday the 25th.
    assert cal.between(london(2026, 12, 21), london(2026, 12, 28)) == 34 * HOUR


def test_between_partial_spans_and_reversed_order(cal):
    assert cal.between(london(2026, 6, 5, 17, 0), london(2026, 6, 8, 9, 30)) == HOUR
    assert cal.between(london(2026, 6, 6, 10), london(2026, 6, 7, 20)) == 0.0  # weekend
    assert cal.between(london(2026, 6, 8, 10), london(2026, 6, 8, 10)) == 0.0
    assert cal.between(london(2026, 6, 8, 12), london(2026, 6, 8, 10)) == 0.0
    # Mixed time zones are fine: 10:00 BST is 09:00 UTC.
    assert cal.between(utc(2026, 6, 8, 9, 0), london(2026, 6, 8, 11, 0)) == HOUR


def test_between_measures_what_add_added(cal):
    start = london(2026, 12, 22, 15, 17)
    for seconds in (1.0, 0.5 * HOUR, 8.5 * HOUR, 20 * HOUR, 100 * HOUR + 7):
        assert cal.between(start, cal.add(start, seconds)) == pytest.approx(seconds, abs=1e-6)


def test_is_open_includes_opening_excludes_closing(cal):
    assert cal.is_open(london(2026, 6, 8, 9, 0))
    assert cal.is_open(london(2026, 6, 8, 17, 29, 59))
    assert not cal.is_open(london(2026, 6, 8, 17, 30))
    assert not cal.is_open(london(2026, 6, 8, 8, 59, 59))
    assert not cal.is_open(london(2026, 6, 6, 12, 0))  # Saturday
    assert not cal.is_open(london(2026, 12, 25, 12, 0))  # holiday on a Friday
    assert cal.is_open(utc(2026, 6, 8, 8, 0))  # 09:00 BST


def test_next_open(cal):
    same(cal.next_open(london(2026, 6, 8, 12, 0)), london(2026, 6, 8, 12, 0))
    same(cal.next_open(london(2026, 6, 8, 9, 0)), london(2026, 6, 8, 9, 0))
    same(cal.next_open(london(2026, 6, 8, 17, 30)), london(2026, 6, 9, 9, 0))
    same(cal.next_open(london(2026, 6, 6, 12, 0)), london(2026, 6, 8, 9, 0))
    same(cal.next_open(london(2026, 12, 24, 18, 0)), london(2026, 12, 28, 9, 0))


def test_add_starting_at_opening_and_closing(cal):
    # A duration that uses up the day exactly ends at closing time, not at the next opening.
    same(cal.add(london(2026, 6, 8, 9, 0), 8.5 * HOUR), london(2026, 6, 8, 17, 30))
    same(cal.add(london(2026, 6, 5, 17, 30), HOUR), london(2026, 6, 8, 10, 0))
    same(cal.add(london(2026, 6, 8, 8, 0), HOUR), london(2026, 6, 8, 10, 0))
    same(cal.add(london(2026, 6, 6, 8, 0), 0), london(2026, 6, 8, 9, 0))
    same(cal.add(london(2026, 6, 8, 11, 0), 0), london(2026, 6, 8, 11, 0))


def test_add_rejects_negative_and_non_numbers(cal):
    for bad in (-1, float("nan"), float("inf"), True, "3600"):
        with pytest.raises(ValueError):
            cal.add(london(2026, 6, 8, 10), bad)


# -- business days ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("start", "days", "expected"), [
    (london(2026, 6, 5, 9, 0), 1, london(2026, 6, 8, 9, 0)),     # at opening: same clock time
    (london(2026, 6, 5, 17, 30), 1, london(2026, 6, 8, 17, 30)),  # at closing: out of hours
    (london(2026, 6, 8, 8, 0), 1, london(2026, 6, 8, 17, 30)),    # before opening: that day's close
    (london(2026, 6, 5, 18, 0), 2, london(2026, 6, 9, 17, 30)),   # Fri evening + 2 → Tue close
    (london(2026, 6, 7, 23, 59), 5, london(2026, 6, 12, 17, 30)),
    (london(2026, 6, 8, 11, 15), 5, london(2026, 6, 15, 11, 15)),
    (london(2026, 12, 22, 10, 0), 3, london(2026, 12, 28, 10, 0)),  # 23, 24, (25-27 closed), 28
    (london(2026, 12, 24, 18, 0), 1, london(2026, 12, 28, 17, 30)),
    (london(2026, 6, 1, 9, 0), 30, london(2026, 7, 13, 9, 0)),
])
def test_add_business_days(cal, start, days, expected):
    same(cal.add_business_days(start, days), expected)


def test_business_day_clamped_to_shorter_day_and_moved_to_later_opening():
    cal = BusinessCalendar(LONDON, {"mon": "08:00-18:00", "tue": "10:00-13:00"})
    same(cal.add_business_days(london(2026, 6, 8, 16, 0), 1), london(2026, 6, 9, 13, 0))
    same(cal.add_business_days(london(2026, 6, 8, 8, 30), 1), london(2026, 6, 9, 10, 0))
    same(cal.add_business_days(london(2026, 6, 8, 12, 0), 1), london(2026, 6, 9, 12, 0))
    same(cal.add_business_days(london(2026, 6, 8, 12, 0), 2), london(2026, 6, 15, 12, 0))


def test_zero_and_invalid_business_days(cal):
    same(cal.add_business_days(london(2026, 6, 6, 12, 0), 0), london(2026, 6, 8, 9, 0))
    same(cal.add_business_days(london(2026, 6, 8, 12, 0), 0), london(2026, 6, 8, 12, 0))
    for bad in (-1, 1.5, True, "1"):
        with pytest.raises(ValueError):
            cal.add_business_days(london(2026, 6, 8, 12, 0), bad)


# -- DST: clocks go forward 2026-03-29 01:00 GMT, back 2026-10-25 02:00 BST --------------------------

def test_weekday_hours_across_march_change(cal):
    # Fri 27 Mar is GMT, Mon 30 Mar is BST: 09:30 BST is 08:30 UTC.
    same(cal.add(london(2026, 3, 27, 17, 0), HOUR), utc(2026, 3, 30, 8, 30))
    same(cal.add_business_days(london(2026, 3, 27, 10, 0), 1), utc(2026, 3, 30, 9, 0))
    assert cal.between(london(2026, 3, 27, 9), london(2026, 3, 30, 17, 30)) == 17 * HOUR


def test_weekday_hours_across_october_change(cal):
    same(cal.add(london(2026, 10, 23, 17, 0), HOUR), utc(2026, 10, 26, 9, 30))
    same(cal.add_business_days(london(2026, 10, 23, 10, 0), 1), utc(2026, 10, 26, 10, 0))
    assert cal.between(london(2026, 10, 19), london(2026, 10, 26)) == 42.5 * HOUR


def test_all_day_span_on_dst_sundays_is_23_and_25_hours():
    cal = BusinessCalendar(LONDON, {"sun": "00:00-24:00"})
    assert cal.between(london(2026, 3, 28, 12), london(2026, 3, 30, 12)) == 23 * HOUR
    assert cal.between(london(2026, 10, 24, 12), london(2026, 10, 26, 12)) == 25 * HOUR
    assert cal.between(london(2026, 6, 6, 12), london(2026, 6, 8, 12)) == 24 * HOUR
    same(cal.add(london(2026, 3, 28, 12), 23 * HOUR), london(2026, 3, 30, 0, 0))
    same(cal.add(london(2026, 10, 24, 12), 25 * HOUR), london(2026, 10, 26, 0, 0))


def test_span_crossing_the_clock_change():
    cal = BusinessCalendar(LONDON, {"sun": "00:30-03:00"})
    # March: 00:30 GMT to 03:00 BST (= 02:00 UTC).
    assert cal.between(london(2026, 3, 28), london(2026, 3, 30)) == 1.5 * HOUR
    # October: from the first 00:30 (BST, 23:30 UTC) to 03:00 GMT.
    assert cal.between(london(2026, 10, 24), london(2026, 10, 26)) == 3.5 * HOUR
    same(cal.next_open(london(2026, 10, 24, 12)), utc(2026, 10, 24, 23, 30))


def test_span_in_skipped_and_repeated_hour():
    # 01:00-02:00 never happens on 29 March and happens twice on 25 October.
    cal = BusinessCalendar(LONDON, {"sun": "01:15-01:45"})
    assert cal.between(london(2026, 3, 28), london(2026, 3, 30)) == 0.0
    same(cal.next_open(london(2026, 3, 28)), utc(2026, 4, 5, 0, 15))  # next Sunday, BST
    # Opens at the first 01:15 (BST), closes at the second 01:45 (GMT).
    same(cal.next_open(london(2026, 10, 24)), utc(2026, 10, 25, 0, 15))
    assert cal.between(london(2026, 10, 24), london(2026, 10, 26)) == 1.5 * HOUR


def test_clock_changes_at_midnight_count_each_moment_once():
    # Havana skips 00:00-01:00 on 8 March 2026 and repeats it on 1 November 2026.
    havana = BusinessCalendar("America/Havana", {d: "00:00-24:00" for d in
                                                 ("mon", "tue", "wed", "thu", "fri", "sat", "sun")})
    assert havana.between(utc(2026, 3, 7, 17), utc(2026, 3, 9, 16)) == 47 * HOUR
    assert havana.between(utc(2026, 10, 31, 16), utc(2026, 11, 2, 17)) == 49 * HOUR
    same(havana.add(utc(2026, 10, 31, 16), 49 * HOUR), utc(2026, 11, 2, 17))


def test_opening_time_skipped_by_the_clocks_opens_when_they_jump():
    cal = BusinessCalendar(LONDON, {"sun": "01:30-04:00"})
    same(cal.next_open(london(2026, 3, 29, 0, 0)), utc(2026, 3, 29, 1, 0))
    assert cal.between(london(2026, 3, 28), london(2026, 3, 30)) == 2 * HOUR
    assert not cal.is_open(utc(2026, 3, 29, 0, 59))
    assert cal.is_open(utc(2026, 3, 29, 1, 0))


# -- always open, long stretches, bad input ---------------------------------------------------------

def test_calendar_without_hours_is_wall_clock():
    cal = BusinessCalendar(LONDON, {}, holidays=CHRISTMAS)
    assert cal.always_open()
    assert not BusinessCalendar(LONDON, WEEKDAY_HOURS).always_open()
    start = london(2026, 12, 24, 23, 0)  # holidays mean nothing without hours
    assert cal.is_open(london(2026, 12, 25, 3, 0))
    same(cal.next_open(start), start)
    same(cal.add(start, 5 * HOUR), utc(2026, 12, 25, 4, 0))
    same(cal.add(london(2026, 3, 28, 12), 24 * HOUR), utc(2026, 3, 29, 12))  # 13:00 BST
    assert cal.between(london(2026, 3, 28, 12), london(2026, 3, 29, 12)) == 23 * HOUR
    # A business day of an always-open calendar is a calendar day: same local clock time.
    same(cal.add_business_days(london(2026, 3, 28, 12), 1), london(2026, 3, 29, 12))
    same(cal.add_business_days(london(2026, 6, 5, 16, 30), 3), london(2026, 6, 8, 16, 30))
    same(cal.add_business_days(london(2026, 12, 24, 12), 1), london(2026, 12, 25, 12))


def test_thirty_business_days_of_hours(cal):
    start = london(2026, 6, 1, 9, 0)
    end = cal.add(start, 30 * 8.5 * HOUR)
    same(end, london(2026, 7, 10, 17, 30))
    assert cal.between(start, end) == 30 * 8.5 * HOUR


def test_years_of_business_time_stay_consistent(cal):
    start = london(2026, 1, 5, 9, 0)
    end = cal.add(start, 2000 * 8.5 * HOUR)
    assert cal.between(start, end) == 2000 * 8.5 * HOUR
    assert cal.add_business_days(start, 2000) > end


def test_closed_for_more_than_five_years_raises_instead_of_looping():
    weekdays = [date(2026, 1, 1) + timedelta(days=i) for i in range(366 * 6)]
    cal = BusinessCalendar(LONDON, WEEKDAY_HOURS, [d for d in weekdays if d.weekday() < 5])
    start = london(2026, 1, 5, 10)
    for call in (lambda: cal.next_open(start), lambda: cal.add(start, HOUR),
                 lambda: cal.add_business_days(start, 1)):
        with pytest.raises(ValueError, match="no opening hours within 5 years"):
            call()
    # Questions with an end in sight still answer.
    assert not cal.is_open(start)
    assert cal.between(start, london(2032, 1, 1)) == 0.0  # longer than the 5-year cap


def test_closed_for_four_years_still_finds_the_opening():
    closed = [date(2026, 1, 1) + timedelta(days=i) for i in range(366 * 4)]
    cal = BusinessCalendar(LONDON, {"mon": "09:00-10:00"}, closed)
    same(cal.next_open(london(2026, 1, 1)), london(2030, 1, 7, 9, 0))


@pytest.mark.parametrize("method, args", [
    ("is_open", (datetime(2026, 6, 8, 10),)),
    ("next_open", (datetime(2026, 6, 8, 10),)),
    ("add", (datetime(2026, 6, 8, 10), 60)),
    ("add_business_days", (datetime(2026, 6, 8, 10), 1)),
    ("between", (datetime(2026, 6, 8, 10), london(2026, 6, 9))),
    ("between", (london(2026, 6, 8), datetime(2026, 6, 9, 10))),
])
def test_naive_datetimes_rejected(cal, method, args):
    with pytest.raises(ValueError, match="timezone-aware"):
        getattr(cal, method)(*args)
    with pytest.raises(ValueError, match="timezone-aware"):
        getattr(BusinessCalendar(LONDON, {}), method)(*args)


def test_naive_start_rejected_by_deadline(cal):
    with pytest.raises(ValueError, match="timezone-aware"):
        parse_deadline("1h").due(datetime(2026, 6, 8, 10), cal)


@pytest.mark.parametrize("tz, hours, message", [
    ("Mars/Olympus", {}, "unknown time zone 'Mars/Olympus'"),
    (LONDON, {"monday": "09:00-17:00"}, "'monday' is not a weekday"),
    (LONDON, {"mon": "9-17"}, "mon: '9-17' is not an opening time"),
    (LONDON, {"mon": "17:00-09:00"}, "is not an opening time"),
    (LONDON, {"mon": "09:00-09:00"}, "is not an opening time"),
    (LONDON, {"mon": "09:00-24:30"}, "is not an opening time"),
    (LONDON, {"mon": "09:75-17:00"}, "is not an opening time"),
    (LONDON, {"mon": "24:00-24:00"}, "is not an opening time"),
])
def test_invalid_calendars(tz, hours, message):
    with pytest.raises(ValueError, match=message):
        BusinessCalendar(tz, hours)


def test_for_target():
    target = Target(name="Acme", timezone=LONDON, business_hours=WEEKDAY_HOURS,
                    holidays=["2026-12-25", "2026-12-26"], allowlist=["https://acme.example/"])
    cal = BusinessCalendar.for_target(target)
    assert not cal.always_open()
    same(cal.add(london(2026, 12, 24, 17, 0), HOUR), london(2026, 12, 28, 9, 30))
    bare = BusinessCalendar.for_target(Target(name="Bare", allowlist=["https://bare.example/"]))
    assert bare.always_open()
    same(bare.add(utc(2026, 6, 6, 12), HOUR), utc(2026, 6, 6, 13))


# -- deadlines --------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, amount, unit, text", [
    (90, 90.0, "s", "90s"),
    (1.5, 1.5, "s", "1.5s"),
    ("90s", 90.0, "s", "90s"),
    ("15m", 900.0, "s", "15m"),
    ("24h", 86400.0, "s", "24h"),
    ("1d", 86400.0, "s", "1d"),
    ("1.5h", 5400.0, "s", "1.5h"),
    ("250ms", 0.25, "s", "250ms"),
    (" 45 ", 45.0, "s", "45"),
    ("4 business hours", 4 * HOUR, "business_s", "4 business hours"),
    ("1 business hour", HOUR, "business_s", "1 business hour"),
    ("2.5 business hours", 2.5 * HOUR, "business_s", "2.5 business hours"),
    ("30 business minutes", 1800.0, "business_s", "30 business minutes"),
    ("1 business minute", 60.0, "business_s", "1 business minute"),
    ("  4   Business\tHOURS ", 4 * HOUR, "business_s", "4 Business HOURS"),
    ("4business hours", 4 * HOUR, "business_s", "4business hours"),
    ("1 business day", 1.0, "business_days", "1 business day"),
    ("3 business days", 3.0, "business_days", "3 business days"),
    ("3 BUSINESS DAYS", 3.0, "business_days", "3 BUSINESS DAYS"),
])
def test_parse_deadline_accepts(value, amount, unit, text):
    deadline = parse_deadline(value)
    assert (deadline.amount, deadline.unit, deadline.text) == (amount, unit, text)
    assert deadline.describe() == text
    assert parse_deadline(deadline) is deadline
    assert parse_deadline(deadline.text) == deadline  # the text reads back as the same deadline


@pytest.mark.parametrize("value", [
    "1.5 business days", "0 business days", "0 business hours", "-1 business hours", "0", 0, -5,
    "soon", "", "4 hours business", "4 business weeks", "business hours", "1 day", "2 w",
    True, None, [1], float("nan"), "1 business day please",
])
def test_parse_deadline_rejects(value):
    with pytest.raises(ValueError) as err:
        parse_deadline(value)
    assert str(err.value) == (f"'{value}' is not a deadline; "
                              "write it like 15m, 24h, 4 business hours or 1 business day")


def test_deadline_due(cal):
    friday = london(2026, 6, 5, 16, 30)
    same(parse_deadline("24h").due(friday, cal), london(2026, 6, 6, 16, 30))  # wall clock ignores hours
    same(parse_deadline(90).due(friday, cal), london(2026, 6, 5, 16, 31, 30))
    same(parse_deadline("2 business hours").due(friday, cal), london(2026, 6, 8, 10, 0))
    same(parse_deadline("90 business minutes").due(friday, cal), london(2026, 6, 8, 9, 30))
    same(parse_deadline("1 business day").due(friday, cal), london(2026, 6, 8, 16, 30))
    same(parse_deadline("1 business day").due(london(2026, 6, 6, 11), cal), london(2026, 6, 8, 17, 30))
    wall = BusinessCalendar(LONDON, {})
    same(parse_deadline("2 business hours").due(friday, wall), london(2026, 6, 5, 18, 30))


def test_deadline_checks_its_own_fields():
    with pytest.raises(ValueError):
        Deadline(1.5, "business_days", "1.5 business days")
    with pytest.raises(ValueError):
        Deadline(0, "s", "0s")
    with pytest.raises(ValueError):
        Deadline(1, "weeks", "1 week")  # type: ignore[arg-type]


class Promise(BaseModel):
    reply_within: DeadlineField
    chase_after: DeadlineField | None = None


def test_deadline_field_in_a_pydantic_model():
    model = Promise.model_validate(yaml.safe_load("reply_within: 4 business hours\nchase_after: 90\n"))
    assert model.reply_within == Deadline(4 * HOUR, "business_s", "4 business hours")
    assert model.chase_after == Deadline(90.0, "s", "90s")
    assert model.model_dump() == {"reply_within": "4 business hours", "chase_after": "90s"}
    assert model.model_dump_json() == '{"reply_within":"4 business hours","chase_after":"90s"}'
    assert Promise.model_validate_json(model.model_dump_json()) == model
    given = Deadline(1.0, "business_days", "1 business day")
    assert Promise(reply_within=given).reply_within is given
    with pytest.raises(ValidationError, match="'next week' is not a deadline; write it like 15m"):
        Promise.model_validate(yaml.safe_load("reply_within: next week"))


def test_deadline_field_json_schema():
    schema = Promise.model_json_schema()
    prop = schema["properties"]["reply_within"]
    assert prop["type"] == ["string", "number"]
    assert "business" in prop["description"]
    assert schema["required"] == ["reply_within"]
    assert Promise.model_json_schema(mode="serialization")["properties"]["reply_within"]["type"] == ["string", "number"]
