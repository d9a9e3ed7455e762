"""The simulated telephone network: accounts, calls and their legs, bridges, queues, SMS.

A Twilio Call resource is one *leg*. A leg has an outside (the party on the
line: another leg, a simulated person, or nobody yet) and an inside (its
TwiML application, or another leg it is bridged to while a ``<Dial>`` or a
dequeue lasts). Who hears whom is worked out from that at the moment a sound
starts, by walking outside → inside across lines and bridges. So a prober
calling a company IVR that dials a person hears the person directly, and the
person hears the prober, as on a real phone network.

Legs end together with the leg on the other end of their line; a ``<Dial>``
child ends with its parent; a bridge dissolves when either leg ends and the
surviving leg's application carries on after its ``<Dial>`` or ``<Enqueue>``.

Everything here runs on the simulator's single asyncio loop; only the event
log is touched from other threads.
"""
from __future__ import annotations

import asyncio
import hashlib
import io
import math
import re
import struct
import wave
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from probes.sim.twilio.events import Clock, EventLog, SimEvent, new_sid, rfc2822
from probes.sim.twilio.numbers import E164, Numbers, NumberSpec, bare_number
from probes.sim.twilio.webhooks import Webhooks, WebhookResult, resolve_url

if TYPE_CHECKING:
    from probes.sim.twilio.twiml import Executor

__all__ = ["Network", "Account", "Call", "Message", "Recording", "Transcription", "Queue", "PhoneNumber",
           "Person", "Utterance", "AppSource", "Notification", "API_VERSION", "FINAL_CALL_STATUSES", "WARNING_CODES"]

API_VERSION = "2010-04-01"
FINAL_CALL_STATUSES = frozenset({"completed", "busy", "failed", "no-answer", "canceled"})
# Simulated durations (seconds before time_scale).
QUEUED_S = 0.1            # REST accepted → the network starts dialling
DIAL_S = 0.1              # dialling → the far end rings
APP_ANSWER_S = 1.0        # a Twilio number's application answers after ringing this long
BUSY_S = 0.5              # a busy line signals busy after ringing this long
FAILED_S = 0.5            # an unknown number fails after this long
DTMF_TONE_S = 0.1
DTMF_GAP_S = 0.1
SMS_SENT_S = 0.2
SMS_DELIVERED_S = 0.8
TRANSCRIBE_S = 2.0
SAMPLE_RATE = 8000
_STATUS_EVENT = {"ringing": "ringing", "in-progress": "answered"}
# Notifications at log level 1 (WARNING); every other error code is logged at level 0 (ERROR).
WARNING_CODES = frozenset({12200, 13214, 15003})
_SIP_CODES = {"busy": "486", "no-answer": "487", "failed": "404", "canceled": "487", "completed": "200"}


@dataclass(eq=False)
class Account:
    name: str
    sid: str
    auth_token: str = field(repr=False)


@dataclass(frozen=True)
class AppSource:
    """Where a leg's TwiML comes from: a URL (fetched with ``method``) or a TwiML document."""

    url: str | None = None
    method: str = "POST"
    twiml: str | None = None


@dataclass(eq=False)
class PhoneNumber:
    """An owned number (an IncomingPhoneNumber resource)."""

    sid: str
    number: str
    account: Account
    spec: NumberSpec
    created_at: datetime
    voice_url: str | None
    voice_method: str
    sms_url: str | None
    sms_method: str


@dataclass(eq=False)
class Utterance:
    """One sound a party makes: speech (words), music, a beep."""

    speaker_number: str
    text: str
    kind: str                 # "speech" | "music" | "beep"
    start: float              # monotonic
    planned_end: float
    legs: tuple[str, ...]     # call SIDs along the way from speaker to listener
    ended: float | None = None

    @property
    def words(self) -> list[str]:
        return self.text.split()

    def words_by(self, t: float) -> list[str]:
        """The words already spoken at monotonic time ``t`` (at least the first, once it started)."""
        words = self.words
        if t >= self.planned_end or self.planned_end <= self.start:
            return words
        share = (t - self.start) / (self.planned_end - self.start)
        return words[:max(1, math.ceil(len(words) * share))]

    def words_between(self, t0: float, t1: float) -> list[str]:
        """The words said between monotonic ``t0`` and ``t1`` (a recording's span).

        Words are spread evenly over the utterance (the simulator speaks at a constant rate);
        a word belongs to the span that holds its middle, so back-to-back recordings share no
        word and lose none; a word whose middle came after the sound was cut off was not said.
        """
        words = self.words
        if not words:
            return []
        length = self.planned_end - self.start
        if length <= 0:
            return words if t0 <= self.start < t1 else []
        stop = t1 if self.ended is None else min(t1, self.ended)
        step = length / len(words)
        return [w for i, w in enumerate(words) if t0 <= self.start + (i + 0.5) * step < stop]

    def heard_text(self) -> str:
        """What a listener got: everything, or the words spoken before it was cut off."""
        if self.ended is None or self.ended >= self.planned_end - 1e-6:
            return self.text
        return " ".join(self.words_by(self.ended))


class Endpoint:
    """A party that speaks and listens: a TwiML application or a simulated person."""

    number: str
    call: Call

    def hear_start(self, utt: Utterance) -> None: ...

    def hear_end(self, utt: Utterance) -> None: ...

    def hear_dtmf(self, digit: str) -> None: ...

    def connected(self) -> None:
        """Someone is on the line now (a person greets once)."""


@dataclass(eq=False)
class Call:
    """One call leg, in one account."""

    sid: str
    account: Account
    to: str
    from_: str
    direction: str                        # outbound-api | inbound | outbound-dial
    created_at: datetime
    updated_at: datetime
    status: str = "queued"
    parent_call_sid: str | None = None
    phone_number_sid: str | None = None
    start_time: datetime | None = None
    end_time: datetime | None = None
    answered_mono: float | None = None
    ended_mono: float | None = None
    source: AppSource | None = None
    timeout_s: float = 60.0
    send_digits: str = ""
    record: bool = False
    status_callback: str | None = None
    status_callback_events: frozenset[str] = frozenset({"completed"})
    status_callback_method: str = "POST"
    # the network
    outer: Call | Person | None = None
    app: Executor | None = None
    bridge: Call | None = None
    bridge_done: asyncio.Future | None = None
    dial_parent: Call | None = None
    children: list[Call] = field(default_factory=list)
    answered: asyncio.Future | None = None   # True once answered, else the final status
    tasks: set[asyncio.Task] = field(default_factory=set)
    callback_seq: int = 0
    callback_chain: asyncio.Task | None = None
    recorded: list[Utterance] | None = None  # sounds on this leg while Record=true records it
    queue_member: QueueMember | None = None

    @property
    def finished(self) -> bool:
        return self.status in FINAL_CALL_STATUSES

    @property
    def own_number(self) -> str:
        """The number on this side of the leg: From for outbound legs, To for inbound ones."""
        return self.to if self.direction == "inbound" else self.from_

    @property
    def duration_s(self) -> float | None:
        if self.answered_mono is None or self.ended_mono is None:
            return None
        return self.ended_mono - self.answered_mono


@dataclass(eq=False)
class Message:
    sid: str
    account: Account
    from_: str
    to: str
    body: str
    direction: str                        # outbound-api | outbound-reply | outbound-call | inbound
    status: str
    created_at: datetime
    updated_at: datetime
    sent_at: datetime | None = None
    error_code: int | None = None
    error_message: str | None = None
    status_callback: str | None = None

    @property
    def num_segments(self) -> int:
        # GSM-7 segments: 160 characters alone, 153 when concatenated.
        n = len(self.body)
        return 1 if n <= 160 else math.ceil(n / 153)


@dataclass(eq=False)
class Recording:
    sid: str
    account: Account
    call_sid: str
    source: str                           # RecordVerb | OutboundAPI
    created_at: datetime
    updated_at: datetime
    start_time: datetime
    duration_s: float
    sounds: list[tuple[float, float, str]]  # (offset_s, length_s, kind) within the recording
    status: str = "completed"
    transcription_sids: list[str] = field(default_factory=list)

    def wav(self) -> bytes:
        """The recording as 8 kHz 16-bit mono WAV: silence, with a tone wherever something was heard."""
        frames = max(0, round(self.duration_s * SAMPLE_RATE))
        samples = bytearray(frames * 2)
        for offset_s, length_s, kind in self.sounds:
            first = max(0, round(offset_s * SAMPLE_RATE))
            last = min(frames, round((offset_s + length_s) * SAMPLE_RATE))
            if last > first:
                period = _TONES["speech" if kind == "speech" else "music"]
                chunk = period * ((last - first) * 2 // len(period) + 1)
                samples[first * 2:last * 2] = chunk[:(last - first) * 2]
        out = io.BytesIO()
        with wave.open(out, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(SAMPLE_RATE)
            w.writeframes(bytes(samples))
        return out.getvalue()


def _tone(hz: int, level: int) -> bytes:
    """One period of a sine tone (hz divides the sample rate, so periods tile without a click)."""
    n = SAMPLE_RATE // hz
    return b"".join(struct.pack("<h", int(level * math.sin(2 * math.pi * i / n))) for i in range(n))


# Speech is a low tone, music a higher, quieter one: enough for a listener to tell sound from silence.
_TONES = {"speech": _tone(250, 6000), "music": _tone(500, 3000)}


@dataclass(eq=False)
class Transcription:
    sid: str
    account: Account
    recording_sid: str
    created_at: datetime
    updated_at: datetime
    duration_s: float
    status: str
    text: str


@dataclass(eq=False)
class Notification:
    """A Call Notification: Twilio's log entry for an error on a call (an application's 11200, 12100, …)."""

    sid: str
    account: Account
    call_sid: str
    created_at: datetime
    error_code: int
    log: int                  # 0 ERROR, 1 WARNING
    message_text: str
    request_url: str | None = None
    request_method: str | None = None
    request_variables: str | None = None
    response_body: str | None = None
    response_headers: str | None = None


@dataclass(eq=False)
class QueueMember:
    call: Call
    queue: Queue
    enqueued_mono: float
    outcome: asyncio.Future              # "bridged" | "leave" | "hangup" (or an exception from the hold music)


@dataclass(eq=False)
class Queue:
    sid: str
    account: Account
    name: str
    created_at: datetime
    updated_at: datetime
    max_size: int = 100
    members: list[QueueMember] = field(default_factory=list)
    dequeuers: list[asyncio.Future] = field(default_factory=list)
    waits_s: list[float] = field(default_factory=list)

    @property
    def average_wait_s(self) -> int:
        return round(sum(self.waits_s) / len(self.waits_s)) if self.waits_s else 0


class Person(Endpoint):
    """A simulated person at the far end of a leg: answers, greets once connected, hangs up later."""

    def __init__(self, net: Network, number: str, name: str, greeting: str, answer_after_s: float,
                 hangup_after_s: float, call: Call, greet_after_s: float = 1.5):
        self.net, self.number, self.name, self.greeting = net, number, name, greeting
        self.answer_after_s, self.hangup_after_s = answer_after_s, hangup_after_s
        self.greet_after_s = greet_after_s
        self.call = call
        self.greeted = False
        self._tasks: set[asyncio.Task] = set()

    def answered(self) -> None:
        self._spawn(self._hang_up_later())

    async def _hang_up_later(self) -> None:
        await asyncio.sleep(self.net.clock.scaled(self.hangup_after_s))
        self.net.end(self.call, "completed", reason="person hung up")

    def connected(self) -> None:
        if not self.greeted:
            self.greeted = True
            self._spawn(self._greet())

    async def _greet(self) -> None:
        await asyncio.sleep(self.net.clock.scaled(self.greet_after_s))
        await self.net.speak(self, self.call, self.greeting)

    def stop(self) -> None:
        for task in list(self._tasks):
            if task is not asyncio.current_task():
                task.cancel()

    def _spawn(self, coro) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


class Network:
    """All state of the simulated network and the rules that move it on."""

    def __init__(self, numbers: Numbers, clock: Clock, events: EventLog, speech_rate_wps: float = 2.5):
        if speech_rate_wps <= 0:
            raise ValueError("speech_rate_wps must be more than zero")
        self.numbers = numbers
        self.clock = clock
        self.log = events
        self.speech_rate_wps = speech_rate_wps
        self.hooks = Webhooks()
        self.base_url = ""
        self.accounts: dict[str, Account] = {a.sid: Account(name, a.sid, a.auth_token)
                                             for name, a in numbers.accounts.items()}
        by_name = {a.name: a for a in self.accounts.values()}
        now = clock.utc()
        self.phone_numbers: dict[str, PhoneNumber] = {}   # by number
        for number, spec in numbers.numbers.items():
            if spec.account is None:
                continue
            account = by_name[spec.account]
            sid = "PN" + hashlib.sha1(f"{account.sid}/{number}".encode()).hexdigest()[:32]
            self.phone_numbers[number] = PhoneNumber(
                sid, number, account, spec, now,
                voice_url=spec.voice.url if spec.voice else None,
                voice_method=spec.voice.method if spec.voice else "POST",
                sms_url=spec.sms.url if spec.sms else None, sms_method=spec.sms.method if spec.sms else "POST")
        self.calls: dict[str, Call] = {}
        self.messages: dict[str, Message] = {}
        self.recordings: dict[str, Recording] = {}
        self.transcriptions: dict[str, Transcription] = {}
        self.queues: dict[str, Queue] = {}
        self.notifications: dict[str, Notification] = {}
        self._tasks: set[asyncio.Task] = set()
        self._audio_lengths: dict[str, float] = {}
        self._sounding: dict[Endpoint, list[tuple[Utterance, Endpoint | None]]] = {}

    # --- bookkeeping ---------------------------------------------------------------------------
    def set_base_url(self, base_url: str) -> None:
        """Where the simulator serves; TwiML-file applications are served from here as TwiML Bins."""
        self.base_url = base_url
        for pn in self.phone_numbers.values():
            if pn.spec.voice and pn.spec.voice.twiml is not None:
                pn.voice_url, pn.voice_method = f"{base_url}/twiml/{pn.sid}/voice", "POST"
            if pn.spec.sms and pn.spec.sms.twiml is not None:
                pn.sms_url, pn.sms_method = f"{base_url}/twiml/{pn.sid}/sms", "POST"

    def emit(self, kind: str, call: Call | None = None, number: str | None = None, text: str = "",
             at: float | None = None, **detail: Any) -> None:
        number = number if number is not None else (call.own_number if call else None)
        when = self.clock.utc(at)
        if kind == "error" and call is not None:  # Twilio logs each error on a call as a Notification
            detail["notification_sid"] = self._notify(call, when, text, detail).sid
        self.log.add(SimEvent(when, call.sid if call else None, number, kind, text, detail))

    def _notify(self, call: Call, when: datetime, text: str, detail: dict[str, Any]) -> Notification:
        code = int(detail.get("code") or 0)
        params = detail.pop("request_params", None)
        n = Notification(new_sid("NO"), call.account, call.sid, when, code, 1 if code in WARNING_CODES else 0,
                         text, request_url=detail.get("url"), request_method=detail.get("method"),
                         request_variables=urlencode(params) if params else None,
                         response_body=detail.pop("response_body", None),
                         response_headers=detail.pop("response_headers", None))
        self.notifications[n.sid] = n
        return n

    def spawn(self, coro, owner: Call | None = None) -> asyncio.Task:
        """Run ``coro`` in the background; tasks owned by a call are cancelled when it ends."""
        task = asyncio.ensure_future(coro)
        tasks = owner.tasks if owner is not None else self._tasks
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        return task

    async def shutdown(self) -> None:
        for call in list(self.calls.values()):
            for task in list(call.tasks):
                task.cancel()
            if call.app is not None and call.app.task is not None:
                call.app.task.cancel()
            if isinstance(call.outer, Person):
                call.outer.stop()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.sleep(0)
        await self.hooks.close()

    def owned(self, account: Account, address: str) -> PhoneNumber | None:
        pn = self.phone_numbers.get(bare_number(address))
        return pn if pn is not None and pn.account is account else None

    def now(self) -> float:
        return self.clock.now()

    async def sleep(self, simulated_s: float) -> None:
        await asyncio.sleep(self.clock.scaled(simulated_s))

    async def webhook(self, account: Account, url: str, params: dict[str, str], method: str = "POST",
                      call: Call | None = None, number: str | None = None, error_code: int = 11200) -> WebhookResult:
        """A signed request to an application, logged as a "webhook" event (and "error" when it fails).

        A failure is ``error_code``: 11200 for TwiML and callbacks, 15003 (a warning) for status callbacks."""
        result = await self.hooks.request(url, params, account.auth_token, method)
        self.emit("webhook", call, number, url, method=method, status=result.status,
                  elapsed_s=round(result.elapsed_s, 4), error=result.error)
        if result.error:
            text = ("HTTP retrieval failure" if error_code == 11200 else "Got an HTTP error in response to the "
                    "status callback") + f": {result.error}"
            self.emit("error", call, number, text, code=error_code, url=url,
                      method=method.upper(), status=result.status, request_params=params,
                      response_body=result.body[:4096] or None)
        return result

    # --- calls -----------------------------------------------------------------------------------
    def create_call(self, account: Account, to: str, from_: str, source: AppSource | None, *,
                    direction: str = "outbound-api", parent: Call | None = None, timeout_s: float = 60.0,
                    send_digits: str = "", record: bool = False, status_callback: str | None = None,
                    status_callback_events: frozenset[str] = frozenset({"completed"}),
                    status_callback_method: str = "POST") -> Call:
        """Place a call (REST or ``<Dial>``): it is queued now and moves on in the background."""
        now = self.clock.utc()
        owned = self.owned(account, from_)
        call = Call(new_sid("CA"), account, to, from_, direction, now, now, source=source, timeout_s=timeout_s,
                    send_digits=send_digits, record=record, status_callback=status_callback,
                    status_callback_events=status_callback_events, status_callback_method=status_callback_method,
                    parent_call_sid=parent.sid if parent else None, dial_parent=parent,
                    phone_number_sid=owned.sid if owned and direction == "outbound-api" else None)
        call.answered = asyncio.get_running_loop().create_future()
        self.calls[call.sid] = call
        if parent is not None:
            parent.children.append(call)
        self.emit("status", call, text="queued", **self._call_detail(call))
        self.spawn(self._connect(call), owner=call)
        return call

    def _call_detail(self, call: Call) -> dict[str, Any]:
        return {"direction": call.direction, "from": call.from_, "to": call.to, "account_sid": call.account.sid,
                "parent_call_sid": call.parent_call_sid}

    async def _connect(self, call: Call) -> None:
        await self.sleep(QUEUED_S)
        self._status_callback(call, "initiated")
        await self.sleep(DIAL_S)
        spec = self.numbers.number(call.to) if E164.match(call.to) else None
        if spec is None:  # not in the numbers file: what the file's unknown_numbers says, and said out loud
            spec = self.numbers.unknown_spec()
            u = self.numbers.unknown_numbers
            self.emit("unknown_number", call, text=call.to,
                      outcome=u if isinstance(u, str) else f"a person ({u.person.name}) answers")
        if spec is None:
            await self.sleep(FAILED_S)
            self.end(call, "failed", reason="number not in service")
            return
        call.start_time = self.clock.utc()
        self.set_status(call, "ringing")
        ring_started = self.now()
        ring_left = lambda: call.timeout_s * self.clock.time_scale - (self.now() - ring_started)  # noqa: E731
        if spec.busy:
            await asyncio.sleep(min(self.clock.scaled(BUSY_S), max(0.0, ring_left())))
            self.end(call, "busy" if ring_left() > 0 else "no-answer", reason="line busy")
        elif spec.no_answer:
            await asyncio.sleep(max(0.0, ring_left()))
            self.end(call, "no-answer", reason="nobody answered")
        elif spec.person is not None:
            person = Person(self, bare_number(call.to), spec.person.name, spec.person.greeting,
                            spec.person.answer_after, spec.person.hangup_after, call, spec.person.greet_after)
            if spec.person.answer_after > call.timeout_s:
                await asyncio.sleep(max(0.0, ring_left()))
                self.end(call, "no-answer", reason="nobody answered")
                return
            await asyncio.sleep(max(0.0, self.clock.scaled(spec.person.answer_after) - (self.now() - ring_started)))
            call.outer = person
            self.answer(call)
            person.answered()
        else:
            await self._ring_application(call, self.phone_numbers[bare_number(call.to)], ring_started, ring_left)

    async def _ring_application(self, call: Call, pn: PhoneNumber, ring_started: float, ring_left) -> None:
        """The callee is a Twilio number: its inbound leg runs the number's voice application."""
        from probes.sim.twilio.twiml import AppError, Executor, load_document

        now = self.clock.utc()
        inbound = Call(new_sid("CA"), pn.account, call.to, call.from_, "inbound", now, now, status="ringing",
                       phone_number_sid=pn.sid, start_time=now, outer=call)
        inbound.answered = asyncio.get_running_loop().create_future()
        self.calls[inbound.sid] = inbound
        call.outer = inbound
        self.emit("status", inbound, text="ringing", **self._call_detail(inbound))
        document, error = None, None
        if pn.voice_url is not None:
            try:
                document = await load_document(self, inbound, AppSource(pn.voice_url, pn.voice_method))
            except AppError as exc:
                error = exc
        if document is not None and document.verbs and document.verbs[0].name == "Reject":
            busy = document.verbs[0].attrs.get("reason", "rejected") == "busy"
            self.end(inbound, "busy" if busy else "failed", reason="rejected")
            return  # ending the inbound leg ended the caller's too, with the same status
        wait = min(self.clock.scaled(APP_ANSWER_S) - (self.now() - ring_started), ring_left())
        await asyncio.sleep(max(0.0, wait))
        if ring_left() <= 0:
            self.end(call, "no-answer", reason="nobody answered")
            return
        self.answer(inbound)
        self.answer(call)
        inbound.app = Executor(self, inbound)
        inbound.app.start(document=document, error=error)

    def answer(self, call: Call) -> None:
        """The far end picked up: the leg is in progress and its own application starts."""
        from probes.sim.twilio.twiml import Executor

        call.answered_mono = self.now()
        call.start_time = self.clock.utc(call.answered_mono)
        if call.record:
            call.recorded = []
        self.set_status(call, "in-progress")
        assert call.answered is not None
        if not call.answered.done():
            call.answered.set_result(True)
        parent = call.dial_parent
        if parent is not None and not parent.finished and parent.bridge is None:
            # A <Dial> connects the moment the callee picks up, before the callee's application says a word.
            self.bridge(parent, call)
        if call.source is not None:
            call.app = Executor(self, call)
            call.app.start(source=call.source, send_digits=call.send_digits)

    def set_status(self, call: Call, status: str) -> None:
        call.status = status
        call.updated_at = self.clock.utc()
        self.emit("status", call, text=status, **self._call_detail(call))
        event = _STATUS_EVENT.get(status, "completed" if status in FINAL_CALL_STATUSES else None)
        if event is not None:
            self._status_callback(call, event)

    def _status_callback(self, call: Call, event: str) -> None:
        if not call.status_callback or event not in call.status_callback_events:
            return
        call.callback_seq += 1
        params = self.call_params(call)
        params.update({"CallbackSource": "call-progress-events", "SequenceNumber": str(call.callback_seq - 1),
                       "Timestamp": rfc2822(self.clock.utc()) or ""})
        if event == "initiated":
            params["CallStatus"] = "initiated"
        if event == "completed":
            params["SipResponseCode"] = _SIP_CODES.get(call.status, "200")
            if call.duration_s is not None:
                params["CallDuration"] = str(round(call.duration_s))
                params["Duration"] = str(max(1, math.ceil(call.duration_s / 60)))
        previous = call.callback_chain
        url, method = call.status_callback, call.status_callback_method

        async def send() -> None:
            if previous is not None:  # callbacks of one call arrive in order
                await asyncio.gather(previous, return_exceptions=True)
            await self.webhook(call.account, url, params, method, call, error_code=15003)

        call.callback_chain = self.spawn(send())

    def call_params(self, call: Call) -> dict[str, str]:
        """The parameters Twilio sends with every voice webhook of this leg."""
        params = {"AccountSid": call.account.sid, "ApiVersion": API_VERSION, "CallSid": call.sid,
                  "CallStatus": call.status, "Called": call.to, "Caller": call.from_, "Direction": call.direction,
                  "From": call.from_, "To": call.to}
        if call.parent_call_sid:
            params["ParentCallSid"] = call.parent_call_sid
        return params

    def end(self, call: Call, status: str = "completed", reason: str = "app") -> None:
        """Hang up (or fail, or cancel) a leg, and everything that ends with it."""
        if call.finished:
            return
        if call.answered_mono is None and status == "completed":
            status = "canceled"
        call.ended_mono = self.now()
        call.end_time = self.clock.utc(call.ended_mono)
        current = asyncio.current_task()
        for task in list(call.tasks):
            if task is not current:
                task.cancel()
        if call.app is not None:
            call.app.stop()
        assert call.answered is not None
        if not call.answered.done():
            call.answered.set_result(status)
        self.set_status(call, status)
        self.emit("hangup", call, text=reason, status=status)
        if call.recorded is not None:
            self._finish_call_recording(call)
        member = call.queue_member
        if member is not None:
            self.leave_queue(member, "hangup")
        if call.bridge is not None:
            self.unbridge(call)
        outer = call.outer
        if isinstance(outer, Call):
            self.end(outer, "completed" if outer.answered_mono is not None else
                     (status if status != "completed" else "canceled"), reason="far end hung up")
        elif isinstance(outer, Person):
            outer.stop()
        for child in call.children:
            self.end(child, "completed", reason="parent call ended")

    def hang_up(self, call: Call, reason: str) -> None:
        """The leg's own application hung up (``<Hangup>``, end of TwiML, an application error)."""
        self.end(call, "completed", reason=reason)

    def cancel(self, call: Call) -> None:
        """REST Status=canceled / completed on a call that has not been answered."""
        self.end(call, "canceled", reason="canceled by API")

    # --- who hears whom ------------------------------------------------------------------------
    def _inner(self, call: Call, path: list[str], depth: int = 0) -> Endpoint | None:
        path.append(call.sid)
        if depth > 16:
            return None
        if call.bridge is not None:
            return self._outer(call.bridge, path, depth + 1)
        return call.app

    def _outer(self, call: Call, path: list[str], depth: int = 0) -> Endpoint | None:
        path.append(call.sid)
        if depth > 16:
            return None
        outer = call.outer
        if isinstance(outer, Call):
            return self._inner(outer, path, depth + 1) if not outer.finished else None
        return outer

    def peer_of(self, speaker: Endpoint) -> tuple[Endpoint | None, list[str]]:
        """Who hears ``speaker`` now, and the legs in between."""
        path: list[str] = []
        call = speaker.call
        if call.finished:
            return None, [call.sid]
        if isinstance(speaker, Person):
            return self._inner(call, path), path
        if call.bridge is not None:  # an application is on hold while its leg is bridged
            return None, [call.sid]
        return self._outer(call, path), path

    async def speak(self, speaker: Endpoint, call: Call, text: str, kind: str = "speech",
                    duration_s: float | None = None, label: str | None = None, **detail: Any) -> Utterance:
        """Make a sound on the line for its duration; the peer hears it start and end (or be cut off).

        ``detail`` goes into the say/play event (a <Say>'s voice, language and loop)."""
        loop = asyncio.get_running_loop()
        if duration_s is None:  # speech: words at the speaking rate, a short word still takes a moment
            duration_s = max(0.3, len(text.split()) / self.speech_rate_wps)
        real_s = self.clock.scaled(duration_s)
        start = loop.time()
        listener, path = self.peer_of(speaker)
        utt = Utterance(speaker.number, text, kind, start, start + real_s, tuple(path))
        self.emit("say" if kind == "speech" else "play", call, speaker.number, label or text, at=start,
                  ends_at=self.clock.utc(start + real_s), sound=kind,
                  to=listener.number if listener is not None else None, **detail)
        self._record_sound(utt, path)
        sounding = self._sounding.setdefault(speaker, [])
        sounding.append((utt, listener))
        if listener is not None:
            listener.hear_start(utt)
        try:
            await asyncio.sleep(real_s)
        finally:
            sounding.remove((utt, listener))
            if not sounding:
                self._sounding.pop(speaker, None)
            self._stop_sound(utt, listener)
        return utt

    def _stop_sound(self, utt: Utterance, listener: Endpoint | None) -> None:
        if utt.ended is None:
            utt.ended = asyncio.get_running_loop().time()
            if listener is not None:
                listener.hear_end(utt)

    def silence(self, speaker: Endpoint | None) -> None:
        """Cut off whatever ``speaker`` is sounding now (its leg was just bridged away from its listener)."""
        for utt, listener in list(self._sounding.get(speaker, [])) if speaker is not None else []:
            self._stop_sound(utt, listener)

    async def send_dtmf(self, speaker: Endpoint, call: Call, digits: str) -> None:
        """Play DTMF tones to whoever hears ``speaker``; ``w`` waits 0.5 s, ``W`` 1 s."""
        loop = asyncio.get_running_loop()
        total = sum(0.5 if c == "w" else 1.0 if c == "W" else DTMF_TONE_S + DTMF_GAP_S for c in digits)
        start = loop.time()
        listener, _ = self.peer_of(speaker)
        self.emit("dtmf", call, speaker.number, digits, at=start,
                  ends_at=self.clock.utc(start + self.clock.scaled(total)),
                  to=listener.number if listener is not None else None)
        for c in digits:
            if c in "wW":
                await self.sleep(0.5 if c == "w" else 1.0)
                continue
            await self.sleep(DTMF_TONE_S)
            listener, _ = self.peer_of(speaker)
            if listener is not None:
                listener.hear_dtmf(c)
            await self.sleep(DTMF_GAP_S)

    def _record_sound(self, utt: Utterance, path: list[str]) -> None:
        for sid in path:
            call = self.calls.get(sid)
            if call is not None and call.recorded is not None:
                call.recorded.append(utt)

    # --- bridges -------------------------------------------------------------------------------
    def bridge(self, a: Call, b: Call) -> None:
        """Connect the parties outside two legs to each other (their applications wait)."""
        loop = asyncio.get_running_loop()
        self.silence(a.app)  # hold music and prompts stop the moment the parties are connected
        self.silence(b.app)
        a.bridge, b.bridge = b, a
        a.bridge_done, b.bridge_done = loop.create_future(), loop.create_future()
        self.emit("bridge", a, text=b.sid, with_call_sid=b.sid,
                  parties=[a.outer.number if isinstance(a.outer, Person) else a.own_number,
                           b.outer.number if isinstance(b.outer, Person) else b.to])
        for leg in (a, b):
            party, _ = self.peer_of_outer(leg)
            if party is not None:
                party.connected()

    def peer_of_outer(self, call: Call) -> tuple[Endpoint | None, list[str]]:
        path: list[str] = []
        return self._outer(call, path), path

    def unbridge(self, call: Call) -> None:
        other = call.bridge
        assert other is not None
        call.bridge = other.bridge = None
        for leg in (call, other):
            if leg.bridge_done is not None and not leg.bridge_done.done():
                leg.bridge_done.set_result(None)
        self.emit("unbridge", call, text=other.sid, with_call_sid=other.sid)
        if other.dial_parent is call:
            self.end(other, "completed", reason="parent call ended")

    async def audio_length_s(self, url: str, call: Call | None = None) -> float | None:
        """How long an audio URL plays: from its WAV header, 10 s for other audio, None if unreachable."""
        if url not in self._audio_lengths:
            length = await self.hooks.audio_length_s(url)
            if length is None:
                self.emit("error", call, text=f"cannot fetch audio {url}", code=11100, url=url)
                return None
            self._audio_lengths[url] = length
        return self._audio_lengths[url]

    # --- queues --------------------------------------------------------------------------------
    def queue(self, account: Account, name: str) -> Queue:
        for q in self.queues.values():
            if q.account is account and q.name == name:
                return q
        now = self.clock.utc()
        q = Queue(new_sid("QU"), account, name, now, now)
        self.queues[q.sid] = q
        return q

    def enqueue(self, queue: Queue, call: Call) -> QueueMember:
        member = QueueMember(call, queue, self.now(), asyncio.get_running_loop().create_future())
        queue.members.append(member)
        queue.updated_at = self.clock.utc()
        call.queue_member = member
        self.emit("enqueue", call, text=queue.name, queue_sid=queue.sid, position=len(queue.members))
        while queue.dequeuers and queue.members:  # someone is already waiting to take a caller
            waiter = queue.dequeuers.pop(0)
            if not waiter.done():
                waiter.set_result(queue.members.pop(0))
        return member

    def leave_queue(self, member: QueueMember, outcome: str) -> None:
        queue = member.queue
        if member in queue.members:
            queue.members.remove(member)
            queue.updated_at = self.clock.utc()
        member.call.queue_member = None
        queue.waits_s.append(self.now() - member.enqueued_mono)
        if not member.outcome.done():
            member.outcome.set_result(outcome)

    async def dequeue(self, queue: Queue, by: Call, timeout_s: float) -> QueueMember | None:
        """The longest-waiting member, waiting up to ``timeout_s`` (simulated) for one to arrive."""
        if queue.members:
            member = queue.members.pop(0)
        else:
            waiter = asyncio.get_running_loop().create_future()
            queue.dequeuers.append(waiter)
            try:
                member = await asyncio.wait_for(waiter, self.clock.scaled(timeout_s))
            except asyncio.TimeoutError:
                return None
            finally:
                if waiter in queue.dequeuers:
                    queue.dequeuers.remove(waiter)
        wait_s = self.now() - member.enqueued_mono
        self.emit("dequeue", member.call, text=queue.name, queue_sid=queue.sid, by_call_sid=by.sid,
                  wait_s=round(wait_s, 4))
        self.leave_queue(member, "bridged")
        return member

    # --- recordings ----------------------------------------------------------------------------
    def make_recording(self, call: Call, source: str, start: float, end: float,
                       sounds: list[Utterance]) -> Recording:
        now = self.clock.utc()
        parts = []
        for utt in sounds:
            s = max(start, utt.start)
            e = min(end, utt.ended if utt.ended is not None else utt.planned_end)
            if e > s:
                parts.append((s - start, e - s, utt.kind))
        rec = Recording(new_sid("RE"), call.account, call.sid, source, now, now, self.clock.utc(start),
                        max(0.0, end - start), parts)
        self.recordings[rec.sid] = rec
        self.emit("recording", call, text=rec.sid, duration_s=round(rec.duration_s, 3), source=source)
        return rec

    def _finish_call_recording(self, call: Call) -> None:
        assert call.recorded is not None and call.answered_mono is not None
        self.make_recording(call, "OutboundAPI", call.answered_mono, call.ended_mono or self.now(), call.recorded)
        call.recorded = None

    def recording_url(self, rec: Recording) -> str:
        return f"{self.base_url}/{API_VERSION}/Accounts/{rec.account.sid}/Recordings/{rec.sid}"

    async def transcribe(self, rec: Recording, call: Call, text: str, callback: str | None,
                         callback_method: str = "POST") -> None:
        """A transcription of what the recording heard, ready a little later, then its callback."""
        await self.sleep(TRANSCRIBE_S)
        now = self.clock.utc()
        t = Transcription(new_sid("TR"), rec.account, rec.sid, now, now, rec.duration_s,
                          "completed" if text else "failed", text)
        self.transcriptions[t.sid] = t
        rec.transcription_sids.append(t.sid)
        self.emit("transcription", call, text=text, transcription_sid=t.sid, recording_sid=rec.sid, status=t.status)
        if callback:
            params = self.call_params(call)
            params.update({"TranscriptionSid": t.sid, "TranscriptionText": text, "TranscriptionStatus": t.status,
                           "TranscriptionUrl": f"{self.base_url}/{API_VERSION}/Accounts/{rec.account.sid}"
                                               f"/Transcriptions/{t.sid}",
                           "TranscriptionType": "fast", "RecordingSid": rec.sid,
                           "RecordingUrl": self.recording_url(rec)})
            await self.webhook(call.account, callback, params, callback_method, call)

    # --- SMS -----------------------------------------------------------------------------------
    def create_message(self, account: Account, to: str, from_: str, body: str, direction: str = "outbound-api",
                       status_callback: str | None = None) -> Message:
        """Send a message from an owned number; delivery (and any reply) follows in the background."""
        now = self.clock.utc()
        msg = Message(new_sid("SM"), account, from_, to, body, direction, "queued", now, now,
                      status_callback=status_callback)
        self.messages[msg.sid] = msg
        self._sms_event(msg)
        self.spawn(self._deliver(msg))
        return msg

    def _sms_event(self, msg: Message) -> None:
        self.emit("sms", None, msg.from_, msg.body, sid=msg.sid, account_sid=msg.account.sid, status=msg.status,
                  direction=msg.direction, to=msg.to, error_code=msg.error_code)

    def _message_status(self, msg: Message, status: str, error: tuple[int, str] | None = None) -> None:
        msg.status = status
        msg.updated_at = self.clock.utc()
        if status == "sent":
            msg.sent_at = msg.updated_at
        if error:
            msg.error_code, msg.error_message = error
        self._sms_event(msg)
        if msg.status_callback:
            params = {"AccountSid": msg.account.sid, "ApiVersion": API_VERSION, "From": msg.from_, "To": msg.to,
                      "MessageSid": msg.sid, "SmsSid": msg.sid, "MessageStatus": status, "SmsStatus": status}
            if msg.error_code:
                params["ErrorCode"] = str(msg.error_code)
            self.spawn(self.webhook(msg.account, msg.status_callback, params, "POST", number=msg.from_))

    async def _deliver(self, msg: Message) -> None:
        await self.sleep(SMS_SENT_S)
        self._message_status(msg, "sent")
        spec = self.numbers.number(msg.to)
        await self.sleep(SMS_DELIVERED_S)
        if spec is None:
            self._message_status(msg, "undelivered", (30006, "Landline or unreachable carrier"))
            return
        self._message_status(msg, "delivered")
        pn = self.phone_numbers.get(bare_number(msg.to))
        if pn is None:
            return  # a person's phone, a busy line: delivered, nobody answers by SMS
        now = self.clock.utc()
        inbound = Message(new_sid("SM"), pn.account, msg.from_, msg.to, msg.body, "inbound", "received", now, now,
                          sent_at=now)
        self.messages[inbound.sid] = inbound
        self._sms_event(inbound)
        if pn.sms_url:
            await self._messaging_webhook(pn, inbound)

    async def _messaging_webhook(self, pn: PhoneNumber, msg: Message) -> None:
        from probes.sim.twilio.twiml import TwimlError, parse_twiml

        params = {"AccountSid": pn.account.sid, "ApiVersion": API_VERSION, "Body": msg.body, "From": msg.from_,
                  "To": msg.to, "MessageSid": msg.sid, "SmsSid": msg.sid, "SmsMessageSid": msg.sid,
                  "NumMedia": "0", "NumSegments": str(msg.num_segments), "SmsStatus": "received"}
        if msg.from_.startswith("whatsapp:"):
            params["WaId"] = bare_number(msg.from_).lstrip("+")
        assert pn.sms_url is not None
        url, method = pn.sms_url, pn.sms_method
        for _ in range(10):  # <Redirect> hops
            result = await self.webhook(pn.account, url, params, method, number=msg.to)
            if not result.ok:
                return
            try:
                verbs = parse_twiml(result.body)
            except TwimlError as exc:
                self.emit("error", None, msg.to, f"Document parse failure: {exc}", code=12100, url=url)
                return
            redirect = None
            for verb in verbs:
                if verb.name == "Message":
                    body = verb.body_text()
                    self.create_message(pn.account, verb.attrs.get("to") or msg.from_,
                                        verb.attrs.get("from") or msg.to, body, "outbound-reply",
                                        status_callback=verb.attrs.get("statusCallback"))
                elif verb.name == "Redirect":
                    redirect = (verb.text.strip(), verb.attrs.get("method", "POST"))
                    break
            if redirect is None:
                return
            url = resolve_url(redirect[0], url) or url
            method = redirect[1]


def formatted(number: str) -> str:
    """Twilio's friendly form of a number: (800) 555-0100 for North America, else as given."""
    m = re.fullmatch(r"\+1(\d{3})(\d{3})(\d{4})", bare_number(number))
    return f"({m.group(1)}) {m.group(2)}-{m.group(3)}" if m else number
