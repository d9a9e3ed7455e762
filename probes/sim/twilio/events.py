"""The simulator's clock and its event log.

Durations run on the monotonic clock (the asyncio loop's own clock), so a
system clock step cannot stretch a ring or an utterance; every event is also
stamped with the UTC time that monotonic instant corresponds to, because
reports and benchmarks compare the simulator's log with times the prober
measured. ``time_scale`` shrinks every simulated duration so tests run fast;
timestamps stay real.
"""
from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from typing import Any, Callable

__all__ = ["Clock", "SimEvent", "EventLog", "new_sid", "rfc2822"]


class Clock:
    """Monotonic time for durations, mapped to aware UTC datetimes for the record."""

    def __init__(self, time_scale: float = 1.0):
        if time_scale <= 0:
            raise ValueError("time_scale must be more than zero")
        self.time_scale = time_scale
        self._mono0 = time.monotonic()
        self._utc0 = datetime.now(timezone.utc)

    def now(self) -> float:
        """Monotonic seconds (the same clock as asyncio's loop.time())."""
        return time.monotonic()

    def utc(self, mono: float | None = None) -> datetime:
        """The UTC time of a monotonic instant (default: now)."""
        return self._utc0 + timedelta(seconds=(self.now() if mono is None else mono) - self._mono0)

    def scaled(self, seconds: float) -> float:
        """A simulated duration in real seconds."""
        return seconds * self.time_scale


@dataclass(frozen=True)
class SimEvent:
    """One thing that happened in the simulated network.

    ``number`` is the party the event belongs to: the speaker of a say, the listener of a
    heard, the leg's own number (From of outbound legs, To of inbound ones) otherwise.
    Kinds, with their ``text`` and ``detail``:

    - status: the call's new status; direction, from, to, account_sid, parent_call_sid
    - say / play: the words / the audio URL ("beep", "default hold music"); ends_at (UTC),
      sound (speech | music | beep), to (the number that hears it, or None)
    - dtmf: the digits sent; ends_at, to
    - heard: what a <Gather> got (SpeechResult or Digits, "" for nothing); input
      (speech | dtmf | none), confidence for speech
    - enqueue / dequeue: the queue name; queue_sid, position / by_call_sid, wait_s
    - bridge / unbridge: the other leg's SID; with_call_sid, parties (bridge)
    - hangup: why (hangup, end of TwiML, far end hung up, person hung up, application error,
      hung up by API, canceled by API, parent call ended, line busy, …); status
    - recording: the recording SID; duration_s, source. transcription: the text;
      transcription_sid, recording_sid, status
    - sms: the body; sid, account_sid, status, direction, to, error_code (one per status change)
    - webhook: the URL requested; method, status, elapsed_s, error
    - error: what went wrong; code (11200, 12100, 12200, …), url
    """

    at: datetime
    call_sid: str | None
    number: str | None
    kind: str
    text: str = ""
    detail: dict[str, Any] = field(default_factory=dict)


class EventLog:
    """Append-only, thread-safe; readers get snapshots."""

    def __init__(self) -> None:
        self._events: list[SimEvent] = []
        self._lock = threading.Condition()

    def add(self, event: SimEvent) -> None:
        with self._lock:
            self._events.append(event)
            self._lock.notify_all()

    def snapshot(self) -> list[SimEvent]:
        with self._lock:
            return list(self._events)

    def wait_for(self, predicate: Callable[[SimEvent], bool], timeout_s: float) -> SimEvent | None:
        """The first event (past or future) matching ``predicate``, or None after ``timeout_s``."""
        deadline = time.monotonic() + timeout_s
        seen = 0
        with self._lock:
            while True:
                for event in self._events[seen:]:
                    if predicate(event):
                        return event
                seen = len(self._events)
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._lock.wait(left)


def new_sid(prefix: str) -> str:
    """A Twilio-shaped SID: two letters and 32 lowercase hex digits."""
    return prefix + uuid.uuid4().hex


def rfc2822(dt: datetime | None) -> str | None:
    """Twilio's date format: ``Sun, 22 Nov 2026 13:00:00 +0000``."""
    if dt is None:
        return None
    return format_datetime(dt.astimezone(timezone.utc).replace(microsecond=0))
