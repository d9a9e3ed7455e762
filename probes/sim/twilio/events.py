"""The simulator's clock and its event log.

Durations run on the monotonic clock (the asyncio loop's own clock), so a
system clock step cannot stretch a ring or an utterance; every event is also
stamped with the UTC time that monotonic instant corresponds to, because
reports and benchmarks compare the simulator's log with times the prober
measured. ``time_scale`` shrinks every simulated duration so tests run fast;
timestamps stay real.
"""
from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Any, Callable, TextIO

__all__ = ["Clock", "SimEvent", "EventLog", "EventWriter", "event_json", "event_text", "new_sid", "rfc2822"]


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
      sound (speech | music | beep), to (the number that hears it, or None); a <Say>'s
      voice and language (None when not given), loop (1, 2, …) and loops (0: until stopped)
    - gather: a <Gather> starts listening; its input (dtmf, speech, "speech dtmf"), timeout_s,
      num_digits, action
    - dtmf: the digits sent; ends_at, to
    - heard: what a <Gather> got (SpeechResult or Digits, "" for nothing); input
      (speech | dtmf | none), confidence for speech
    - dial: a <Dial> starts; the number (or queue); noun (Number, Queue, …), timeout_s.
      dial_end: its DialCallStatus (completed, busy, no-answer, failed, canceled); target,
      dial_call_sid, duration_s
    - unknown_number: a call to a number the numbers file does not list; outcome (what the
      file's unknown_numbers makes of it: failed, busy, no_answer, a person answers)
    - enqueue / dequeue: the queue name; queue_sid, position / by_call_sid, wait_s
    - bridge / unbridge: the other leg's SID; with_call_sid, parties (bridge)
    - hangup: why (hangup, end of TwiML, far end hung up, person hung up, application error,
      hung up by API, canceled by API, parent call ended, line busy, …); status
    - recording: the recording SID; duration_s, source. transcription: the text;
      transcription_sid, recording_sid, status
    - sms: the body; sid, account_sid, status, direction, to, error_code (one per status change)
    - webhook: the URL requested; method, status, elapsed_s, error
    - error: what went wrong; code (11200, 12100, 12200, …), url, notification_sid (the Call
      Notification it is logged as, when it happened on a call); for a failed webhook also
      method and status (None when there was no answer)
    """

    at: datetime
    call_sid: str | None
    number: str | None
    kind: str
    text: str = ""
    detail: dict[str, Any] = field(default_factory=dict)


class EventLog:
    """Append-only, thread-safe; readers get snapshots, listeners get each event as it is added."""

    def __init__(self) -> None:
        self._events: list[SimEvent] = []
        self._lock = threading.Condition()
        self._listeners: list[Callable[[SimEvent], None]] = []

    def add(self, event: SimEvent) -> None:
        with self._lock:
            self._events.append(event)
            self._lock.notify_all()
            for listener in list(self._listeners):  # under the lock: every listener sees the log's order
                try:
                    listener(event)
                except Exception:  # noqa: BLE001 - a broken console must not stop the network
                    pass

    def subscribe(self, listener: Callable[[SimEvent], None]) -> None:
        """Call ``listener(event)`` for every event added from now on (in the adding thread)."""
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[SimEvent], None]) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

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


# --- the event log as people and programs read it ------------------------------------------------------

def event_json(event: SimEvent) -> str:
    """One event as a JSON line: at (ISO 8601 UTC), call_sid, number, kind, text, then the details."""
    body = {"at": event.at.isoformat(timespec="milliseconds"), "call_sid": event.call_sid,
            "number": event.number, "kind": event.kind, "text": event.text}
    for key, value in event.detail.items():
        body.setdefault(key, value.isoformat(timespec="milliseconds") if isinstance(value, datetime) else value)
    return json.dumps(body, ensure_ascii=False, default=str)


def _quoted(text: str, limit: int = 400) -> str:
    return '"' + (text if len(text) <= limit else text[:limit - 1] + "…") + '"'


def event_text(event: SimEvent) -> str:
    """One event as a line of clear text: time, the leg (last 6 of its SID) and number, what happened."""
    d, text = event.detail, event.text
    kind = event.kind
    if kind == "status":
        what = f"call {text}" + (f" ({d.get('direction')}, {d.get('from')} -> {d.get('to')})"
                                 if text == "queued" else "")
    elif kind == "say":
        extras = [f"{k}={d[k]}" for k in ("voice", "language") if d.get(k)]
        if d.get("loops", 1) != 1:
            extras.append(f"loop {d.get('loop')}/{d.get('loops') or 'until stopped'}")
        what = f"says {_quoted(text)}" + (f" [{', '.join(extras)}]" if extras else "")
    elif kind == "play":
        what = f"plays {text}"
    elif kind == "dtmf":
        what = f"presses {text}"
    elif kind == "gather":
        what = f"gathers {text} (timeout {d.get('timeout_s'):g} s" + (
            f", {d['num_digits']} digit(s)" if d.get("num_digits") else "") + ")"
    elif kind == "heard":
        what = {"dtmf": f"got digits {text}", "speech": f"heard {_quoted(text)}"}.get(
            d.get("input", ""), "heard nothing")
    elif kind == "webhook":
        outcome = f"HTTP {d['status']}" if d.get("status") is not None else "no answer"
        if d.get("error") and d.get("status") is None:
            outcome += f" ({d['error']})"
        what = f"webhook {d.get('method', 'POST')} {text} -> {outcome} in {d.get('elapsed_s', 0):.3f} s"
    elif kind == "error":
        what = f"ERROR {d.get('code')}: {text}" + (f" ({d['url']})" if d.get("url") else "")
    elif kind == "dial":
        what = f"dials {text} (rings up to {d.get('timeout_s', 0):g} s)"
    elif kind == "dial_end":
        what = f"dial to {d.get('target')}: {text}" + (
            f" after {d['duration_s']} s" if d.get("duration_s") is not None else "")
    elif kind == "unknown_number":
        what = f"{text} is not in the numbers file: {d.get('outcome')} (unknown_numbers)"
    elif kind == "hangup":
        what = f"hung up: {text} (status {d.get('status')})"
    elif kind == "sms":
        what = f"SMS {d.get('status')} {event.number} -> {d.get('to')}: {_quoted(text)}"
    else:
        what = f"{kind} {text}".rstrip()
    leg = f"{event.call_sid[-6:]}" if event.call_sid else "------"
    return f"{event.at:%H:%M:%S.%f}"[:-3] + f"  {leg}  {event.number or '':<12}  {what}"


class EventWriter:
    """Writes every event of a log as it happens: clear text to ``echo`` (a console), JSON lines to ``path``."""

    def __init__(self, log: EventLog, echo: TextIO | None = None, path: str | Path | None = None):
        self.log, self.echo = log, echo
        self._file = open(path, "a", encoding="utf-8") if path is not None else None  # noqa: SIM115
        log.subscribe(self.write)

    def write(self, event: SimEvent) -> None:
        if self.echo is not None:
            print(event_text(event), file=self.echo, flush=True)
        if self._file is not None:
            self._file.write(event_json(event) + "\n")
            self._file.flush()  # a crash or Ctrl-C keeps every line so far

    def close(self) -> None:
        self.log.unsubscribe(self.write)
        if self._file is not None:
            self._file.close()
            self._file = None
