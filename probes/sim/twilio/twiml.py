"""TwiML: parsing documents and running them on a call leg.

``Executor`` is a leg's application. It fetches TwiML (signed webhooks),
runs the verbs one after another, and is also a party on the line: it hears
what the other side says (for ``<Gather>`` and ``<Record>``) and its
``<Say>``/``<Play>`` are heard there. Time passes as on a real call: a
``<Say>`` lasts as long as its words take to speak, a ``<Gather>`` waits its
timeout, a ``<Dial>`` rings.

Supported voice verbs: Say, Play (audio URL or ``digits``), Pause, Gather
(dtmf/speech, nested Say/Play/Pause, partialResultCallback), Record (with
transcription), Redirect, Dial (number, <Number>, <Queue>), Enqueue (waitUrl)
and Leave, Reject, Hangup, Message. Messaging documents use Message and
Redirect (see ``Network``).
"""
from __future__ import annotations

import asyncio
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from probes.sim.twilio.network import AppSource, Endpoint, Person, QueueMember, Utterance
from probes.sim.twilio.numbers import E164
from probes.sim.twilio.webhooks import resolve_url

if TYPE_CHECKING:
    from probes.sim.twilio.network import Call, Network

__all__ = ["Verb", "Document", "TwimlError", "AppError", "Executor", "parse_twiml", "load_document",
           "APP_ERROR_TEXT"]

APP_ERROR_TEXT = "We are sorry, an application error has occurred. Goodbye."
DEFAULT_HOLD_MUSIC = "default hold music"
AUTO_SPEECH_TIMEOUT_S = 1.0   # speechTimeout="auto": the pause that ends an answer
PARTIAL_DELAY_S = 0.2         # first partial result after an utterance starts
PARTIAL_EVERY_S = 1.0         # then one per second while it goes on
MAX_SPEECH_S = 60.0           # Twilio stops recognising after a minute
BEEP_S = 0.25
MAX_LOOPS = 1000              # loop="0" means "until something stops it"
LISTENING_VERBS = {"Gather", "Record", "Pause"}
VOICE_VERBS = {"Say", "Play", "Pause", "Gather", "Record", "Redirect", "Dial", "Enqueue", "Leave", "Reject",
               "Hangup", "Message", "Sms"}


class TwimlError(ValueError):
    """The document is not TwiML."""


class AppError(Exception):
    """The application failed: no usable answer (11200) or no valid TwiML (12100)."""

    def __init__(self, code: int, message: str, url: str | None = None, logged: bool = False):
        super().__init__(message)
        self.code, self.message, self.url = code, message, url
        self.logged = logged  # already in the event log (webhook failures and parse errors are)


class Hangup(Exception):
    """``<Hangup>`` (or ``<Reject>`` on an answered call)."""


@dataclass
class Verb:
    name: str
    attrs: dict[str, str] = field(default_factory=dict)
    text: str = ""
    children: list[Verb] = field(default_factory=list)

    def body_text(self) -> str:
        """A <Message>'s text: its <Body> child, or its own text."""
        for child in self.children:
            if child.name == "Body":
                return child.text.strip()
        return self.text.strip()


@dataclass
class Document:
    verbs: list[Verb]
    url: str | None       # where it came from: relative URLs in it resolve against this
    method: str = "POST"


_STOP = Document([], None)  # <Leave> while on hold: stop the hold music


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _verb(elem: ET.Element) -> Verb:
    children = [_verb(c) for c in elem]
    return Verb(_local(elem.tag), {_local(k): v for k, v in elem.attrib.items()}, "".join(elem.itertext()), children)


def parse_twiml(text: str) -> list[Verb]:
    """The verbs of a ``<Response>`` document."""
    try:
        root = ET.fromstring(text.strip().encode("utf-8"))
    except ET.ParseError as exc:
        raise TwimlError(f"not well-formed XML: {exc}") from None
    if _local(root.tag) != "Response":
        raise TwimlError(f"the root element is <{_local(root.tag)}>, not <Response>")
    return [_verb(e) for e in root]


async def load_document(net: Network, call: Call, source: AppSource,
                        extra: dict[str, str] | None = None) -> Document:
    """Fetch (or take inline) a TwiML document for ``call``; AppError when there is none to run."""
    if source.twiml is not None:
        try:
            return Document(parse_twiml(source.twiml), None)
        except TwimlError as exc:
            net.emit("error", call, text=f"Document parse failure: {exc}", code=12100, url=None)
            raise AppError(12100, str(exc), logged=True) from None
    assert source.url is not None
    params = net.call_params(call)
    params.update(extra or {})
    result = await net.webhook(call.account, source.url, params, source.method, call)
    if not result.ok:
        raise AppError(11200, f"HTTP retrieval failure: {result.error}", source.url, logged=True)
    try:
        return Document(parse_twiml(result.body), source.url, source.method)
    except TwimlError as exc:
        net.emit("error", call, text=f"Document parse failure: {exc}", code=12100, url=source.url)
        raise AppError(12100, str(exc), source.url, logged=True) from None


def _seconds(value: str | None, default: float) -> float:
    try:
        return max(0.0, float(value)) if value not in (None, "") else default
    except ValueError:
        return default


def _flag(value: str | None, default: bool) -> bool:
    return default if value is None else value.strip().lower() == "true"


def _loops(verb: Verb) -> int:
    try:
        n = int(verb.attrs.get("loop", "1"))
    except ValueError:
        n = 1
    return MAX_LOOPS if n <= 0 else n


def confidence(text: str) -> str:
    """A stable, plausible recognition confidence for a transcript (0.85–0.99)."""
    return f"{0.85 + (zlib.crc32(text.encode()) % 1400) / 10000:.4f}"


class _Gather:
    """What one <Gather> has heard so far."""

    def __init__(self, ex: Executor, verb: Verb, doc: Document):
        a = verb.attrs
        inputs = set(a.get("input", "dtmf").split())
        self.ex, self.loop = ex, asyncio.get_running_loop()
        self.dtmf, self.speech = "dtmf" in inputs, "speech" in inputs
        try:
            self.num_digits = int(a["numDigits"]) if a.get("numDigits") else None
        except ValueError:
            self.num_digits = None
        self.finish_key = a.get("finishOnKey", "#")
        self.partial_url = resolve_url(a["partialResultCallback"], doc.url) if a.get("partialResultCallback") else None
        self.partial_method = a.get("partialResultCallbackMethod", "POST")
        self.digits, self.finished_on_key, self.complete = "", "", False
        self.heard: list[tuple[float, str]] = []   # (start, text) of finished utterances
        self.speaking: list[Utterance] = []         # more than one voice can talk at once
        self.speech_started_at: float | None = None
        self.speech_end_at: float | None = None
        self.last_digit_at: float | None = None
        self.changed, self.barge = asyncio.Event(), asyncio.Event()
        self.partial_seq = 0
        self._partials: set[asyncio.Task] = set()

    def on_start(self, utt: Utterance) -> None:
        if not self.speech or utt.kind != "speech" or self.complete or self.digits:
            return
        if utt in self.speaking:
            return
        self.speaking.append(utt)
        if self.speech_started_at is None:
            self.speech_started_at = self.loop.time()
        self.barge.set()
        self.changed.set()
        if self.partial_url:
            task = asyncio.ensure_future(self._send_partials(utt))
            self._partials.add(task)
            task.add_done_callback(self._partials.discard)

    @property
    def parts(self) -> list[str]:
        return [text for _, text in sorted(self.heard, key=lambda h: h[0])]

    def on_end(self, utt: Utterance) -> None:
        if utt not in self.speaking:
            return
        text = utt.heard_text()
        if text:
            self.heard.append((utt.start, text))
        self.speaking.remove(utt)
        self.speech_end_at = self.loop.time()
        self.changed.set()

    def on_dtmf(self, digit: str) -> None:
        if not self.dtmf or self.complete:
            return
        self.barge.set()
        self.last_digit_at = self.loop.time()
        if self.finish_key and digit in self.finish_key:
            self.finished_on_key, self.complete = digit, True
        else:
            self.digits += digit
            if self.num_digits and len(self.digits) >= self.num_digits:
                self.complete = True
        self.changed.set()

    async def _send_partials(self, utt: Utterance) -> None:
        net, call = self.ex.net, self.ex.call
        at = utt.start + net.clock.scaled(PARTIAL_DELAY_S)
        while not self.complete:
            delay = at - self.loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            if utt.ended is not None or utt not in self.speaking:
                return
            words = " ".join(self.parts).split() + utt.words_by(self.loop.time())
            params = net.call_params(call)
            params.update({"UnstableSpeechResult": " ".join(words), "StableSpeechResult": " ".join(words[:-1]),
                           "Stability": "0.8", "SequenceNumber": str(self.partial_seq), "LanguageCode": "en-US"})
            self.partial_seq += 1
            assert self.partial_url is not None
            net.spawn(net.webhook(call.account, self.partial_url, params, self.partial_method, call))
            at += net.clock.scaled(PARTIAL_EVERY_S)
            if at >= utt.planned_end:
                return

    async def until_done(self, listen_from: float, timeout_s: float, speech_timeout_s: float) -> None:
        """Wait until the input is complete or the caller has been quiet long enough (real seconds)."""
        max_speech_s = self.ex.net.clock.scaled(MAX_SPEECH_S)
        while not self.complete:
            now = self.loop.time()
            if self.speech_started_at is not None and now - self.speech_started_at >= max_speech_s:
                return
            if self.speaking:
                deadline = self.speech_started_at + max_speech_s if self.speech_started_at else None
            elif self.speech_end_at is not None and (self.last_digit_at is None
                                                     or self.speech_end_at > self.last_digit_at):
                deadline = self.speech_end_at + speech_timeout_s
            elif self.last_digit_at is not None:
                deadline = self.last_digit_at + timeout_s
            else:
                deadline = listen_from + timeout_s
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), None if deadline is None else max(0.0, deadline - now))
            except asyncio.TimeoutError:
                if deadline is not None and self.loop.time() >= deadline - 1e-4:
                    return

    def close(self) -> None:
        for task in list(self._partials):
            task.cancel()


class _Recorder:
    """What one <Record> hears: sounds, and whether a finishing key was pressed."""

    def __init__(self, finish_keys: str):
        self.loop = asyncio.get_running_loop()
        self.finish_keys = finish_keys
        self.sounds: list[Utterance] = []
        self.speaking: list[Utterance] = []
        self.last_sound_end: float | None = None
        self.key = ""
        self.changed = asyncio.Event()

    def on_start(self, utt: Utterance) -> None:
        if utt not in self.sounds:
            self.sounds.append(utt)
            self.speaking.append(utt)
        self.changed.set()

    def on_end(self, utt: Utterance) -> None:
        if utt in self.speaking:
            self.speaking.remove(utt)
            self.last_sound_end = self.loop.time()
            self.changed.set()

    def on_dtmf(self, digit: str) -> None:
        if digit in self.finish_keys:
            self.key = digit
            self.changed.set()

    async def until_done(self, start: float, silence_s: float, max_s: float) -> None:
        while not self.key:
            now = self.loop.time()
            deadline = start + max_s
            if not self.speaking and silence_s > 0:
                deadline = min(deadline, max(start, self.last_sound_end or start) + silence_s)
            if now >= deadline:
                return
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), deadline - now)
            except asyncio.TimeoutError:
                pass


class Executor(Endpoint):
    """A leg's TwiML application, and the party it is on the line."""

    def __init__(self, net: Network, call: Call):
        self.net, self.call = net, call
        self.number = call.own_number
        self.hearing: list[Utterance] = []   # sounds reaching this party right now
        self.listener: _Gather | _Recorder | None = None
        self.task: asyncio.Task | None = None

    # --- lifecycle --------------------------------------------------------------------------------
    def start(self, source: AppSource | None = None, document: Document | None = None,
              error: AppError | None = None, send_digits: str = "") -> None:
        self.task = asyncio.ensure_future(self._run(source, document, error, send_digits))

    def stop(self) -> None:
        if self.task is not None and self.task is not asyncio.current_task():
            self.task.cancel()

    def redirect(self, source: AppSource) -> None:
        """REST update with Url/Twiml: drop what is running, run the new document."""
        self.stop()
        self.listener = None
        self.start(source=source)

    async def _run(self, source: AppSource | None, document: Document | None, error: AppError | None,
                   send_digits: str) -> None:
        reason = "end of TwiML"
        try:
            if send_digits:  # SendDigits play right after answer, before the call's own TwiML
                await self.net.send_dtmf(self, self.call, send_digits)
            if error is not None:
                raise error
            doc = document
            if doc is None and source is not None:
                doc = await load_document(self.net, self.call, source)
            while doc is not None and doc is not _STOP:
                doc = await self.run_document(doc)
        except Hangup:
            reason = "hangup"
        except AppError as err:
            reason = "application error"
            if not err.logged:
                self.net.emit("error", self.call, text=err.message, code=err.code, url=err.url)
            await self.net.speak(self, self.call, APP_ERROR_TEXT)
        self.net.hang_up(self.call, reason)

    # --- hearing ----------------------------------------------------------------------------------
    def hear_start(self, utt: Utterance) -> None:
        self.hearing.append(utt)
        if self.listener is not None:
            self.listener.on_start(utt)

    def hear_end(self, utt: Utterance) -> None:
        if utt in self.hearing:
            self.hearing.remove(utt)
        if self.listener is not None:
            self.listener.on_end(utt)

    def hear_dtmf(self, digit: str) -> None:
        if self.listener is not None:
            self.listener.on_dtmf(digit)

    # --- documents --------------------------------------------------------------------------------
    async def run_document(self, doc: Document, hold: QueueMember | None = None) -> Document | None:
        """Run the verbs; returns the next document (an action, a redirect) or None at the end."""
        for verb in doc.verbs:
            nxt = await self.execute(verb, doc, hold)
            if nxt is not None:
                return nxt
        return None

    async def execute(self, verb: Verb, doc: Document, hold: QueueMember | None = None) -> Document | None:
        if verb.name in LISTENING_VERBS:
            # A person this application called greets once it listens; a whisper (<Say>) before a
            # <Dial> or dequeue does not count: the person greets whoever they are connected to.
            peer, _ = self.net.peer_of(self)
            if isinstance(peer, Person):
                peer.connected()
        handler = getattr(self, f"_verb_{verb.name.lower()}", None)
        if verb.name not in VOICE_VERBS or handler is None:
            self.net.emit("error", self.call, text=f"unsupported verb <{verb.name}> skipped", code=12200)
            return None
        return await handler(verb, doc, hold)

    async def fetch(self, url: str, method: str = "POST", extra: dict[str, str] | None = None) -> Document:
        return await load_document(self.net, self.call, AppSource(url, method or "POST"), extra)

    async def _action(self, verb: Verb, doc: Document, extra: dict[str, str],
                      default_to_document: bool) -> Document | None:
        """Request the verb's action URL (or, where Twilio does, the current document's URL)."""
        action, method = verb.attrs.get("action"), verb.attrs.get("method", "POST")
        if action:
            url = resolve_url(action, doc.url)
            if url is None:
                raise AppError(11200, f"relative action URL '{action}' in a TwiML document without a URL")
        elif default_to_document and doc.url:
            url = doc.url
        else:
            return None
        return await self.fetch(url, method, extra)

    def _report_after_hangup(self, verb: Verb, doc: Document, extra: dict[str, str],
                             default_to_document: bool) -> None:
        """Twilio still requests a verb's action when the call ends during it; the answer is not run."""
        async def report() -> None:
            try:
                await self._action(verb, doc, extra, default_to_document)
            except AppError:
                pass

        self.net.spawn(report())

    # --- verbs ----------------------------------------------------------------------------------
    async def _verb_say(self, verb: Verb, doc: Document, hold: QueueMember | None) -> None:
        text = " ".join(verb.text.split())
        if text:
            # Twilio reads the words in this voice and language; the record keeps them (None: not given).
            voice, language = verb.attrs.get("voice"), verb.attrs.get("language")
            loops = _loops(verb)
            for n in range(loops):
                await self.net.speak(self, self.call, text, voice=voice, language=language,
                                     loop=n + 1, loops=loops if loops < MAX_LOOPS else 0)

    async def _verb_play(self, verb: Verb, doc: Document, hold: QueueMember | None) -> None:
        digits = verb.attrs.get("digits")
        if digits:
            await self.net.send_dtmf(self, self.call, digits)
            return
        url = resolve_url(verb.text.strip(), doc.url)
        length_s = await self.net.audio_length_s(url, self.call) if url else None
        if length_s is None:
            return
        for _ in range(_loops(verb)):
            await self.net.speak(self, self.call, url or "", kind="music", duration_s=length_s)

    async def _verb_pause(self, verb: Verb, doc: Document, hold: QueueMember | None) -> None:
        await self.net.sleep(_seconds(verb.attrs.get("length"), 1.0))

    async def _verb_hangup(self, verb: Verb, doc: Document, hold: QueueMember | None) -> None:
        raise Hangup()

    _verb_reject = _verb_hangup  # on an answered call Reject just hangs up

    async def _verb_redirect(self, verb: Verb, doc: Document, hold: QueueMember | None) -> Document:
        target = verb.text.strip()
        url = resolve_url(target, doc.url)
        if url is None:
            raise AppError(11200, f"relative Redirect URL '{target}' in a TwiML document without a URL")
        return await self.fetch(url, verb.attrs.get("method", "POST"))

    async def _verb_leave(self, verb: Verb, doc: Document, hold: QueueMember | None) -> Document | None:
        if hold is None:
            return None
        self.net.leave_queue(hold, "leave")
        return _STOP

    async def _verb_message(self, verb: Verb, doc: Document, hold: QueueMember | None) -> None:
        own = self.net.owned(self.call.account, verb.attrs.get("from") or self.call.own_number)
        to = verb.attrs.get("to") or (self.call.from_ if self.call.direction == "inbound" else self.call.to)
        if own is not None:
            self.net.create_message(self.call.account, to, own.number, verb.body_text(), "outbound-call",
                                    status_callback=verb.attrs.get("statusCallback"))

    _verb_sms = _verb_message

    async def _verb_gather(self, verb: Verb, doc: Document, hold: QueueMember | None) -> Document | None:
        a = verb.attrs
        scale = self.net.clock.scaled
        timeout_s = scale(_seconds(a.get("timeout"), 5.0))
        speech_timeout = a.get("speechTimeout")
        speech_timeout_s = scale(AUTO_SPEECH_TIMEOUT_S) if speech_timeout == "auto" else \
            scale(_seconds(speech_timeout, _seconds(a.get("timeout"), 5.0)))
        gather = _Gather(self, verb, doc)
        self.listener = gather
        self.net.emit("gather", self.call, text=a.get("input", "dtmf"), timeout_s=_seconds(a.get("timeout"), 5.0),
                      num_digits=gather.num_digits, action=a.get("action"))
        nested: asyncio.Task | None = None
        try:
            for utt in list(self.hearing):  # an utterance already under way is still heard whole
                gather.on_start(utt)
            prompts = [c for c in verb.children if c.name in ("Say", "Play", "Pause")]
            if prompts and not gather.barge.is_set():
                nested = asyncio.ensure_future(self._prompts(prompts, doc, hold))
                barge = asyncio.ensure_future(gather.barge.wait())
                await asyncio.wait({nested, barge}, return_when=asyncio.FIRST_COMPLETED)
                barge.cancel()
                if nested.done():
                    nested.result()
                elif _flag(a.get("bargeIn"), True):
                    nested.cancel()
                else:
                    await nested
            await gather.until_done(asyncio.get_running_loop().time(), timeout_s, speech_timeout_s)
        finally:
            if nested is not None and not nested.done():
                nested.cancel()
            if self.listener is gather:  # a REST redirect may already have started the next document
                self.listener = None
            gather.close()
        extra: dict[str, str] = {}
        if gather.digits:
            extra = {"Digits": gather.digits, "FinishedOnKey": gather.finished_on_key}
            self.net.emit("heard", self.call, text=gather.digits, input="dtmf")
        elif gather.parts:
            text = " ".join(gather.parts)
            extra = {"SpeechResult": text, "Confidence": confidence(text), "LanguageCode": "en-US"}
            self.net.emit("heard", self.call, text=text, input="speech", confidence=float(extra["Confidence"]))
        elif _flag(a.get("actionOnEmptyResult"), False):
            self.net.emit("heard", self.call, text="", input="none")
            return await self._action(verb, doc, {}, default_to_document=True)
        else:
            self.net.emit("heard", self.call, text="", input="none")
            return None
        return await self._action(verb, doc, extra, default_to_document=True)

    async def _prompts(self, verbs: list[Verb], doc: Document, hold: QueueMember | None) -> None:
        for verb in verbs:
            await self.execute(verb, doc, hold)

    async def _verb_record(self, verb: Verb, doc: Document, hold: QueueMember | None) -> Document | None:
        a = verb.attrs
        net, call = self.net, self.call
        if _flag(a.get("playBeep"), True):
            await net.speak(self, call, "beep", kind="beep", duration_s=BEEP_S)
        recorder = _Recorder(a.get("finishOnKey", "1234567890*#"))
        self.listener = recorder
        loop = asyncio.get_running_loop()
        start = loop.time()
        for utt in list(self.hearing):
            recorder.on_start(utt)
        try:
            await recorder.until_done(start, net.clock.scaled(_seconds(a.get("timeout"), 5.0)),
                                      net.clock.scaled(_seconds(a.get("maxLength"), 3600.0)))
        except asyncio.CancelledError:
            if call.finished and recorder.sounds:  # the caller hung up: Twilio still keeps the recording
                self._recorded(verb, doc, start, loop.time(), recorder, "hangup", after_hangup=True)
            raise
        finally:
            if self.listener is recorder:
                self.listener = None
        if not recorder.sounds:
            return None  # nothing but silence: no recording, carry on with the next verb
        return await self._recorded(verb, doc, start, loop.time(), recorder, recorder.key)

    def _recorded(self, verb: Verb, doc: Document, start: float, end: float, recorder: _Recorder, digits: str,
                  after_hangup: bool = False):
        a = verb.attrs
        net, call = self.net, self.call
        rec = net.make_recording(call, "RecordVerb", start, end, recorder.sounds)
        callback = a.get("transcribeCallback")
        if _flag(a.get("transcribe"), False) or callback:
            # Only what was said while recording: a chunk of a long prompt gets that chunk's words.
            text = " ".join(w for u in recorder.sounds if u.kind == "speech" for w in u.words_between(start, end))
            net.spawn(net.transcribe(rec, call, text, resolve_url(callback, doc.url) if callback else None))
        extra = {"RecordingUrl": net.recording_url(rec), "RecordingDuration": str(round(rec.duration_s)),
                 "RecordingSid": rec.sid}
        if digits:
            extra["Digits"] = digits
        if after_hangup:
            self._report_after_hangup(verb, doc, extra, default_to_document=True)
            return None
        return self._action(verb, doc, extra, default_to_document=True)

    async def _verb_dial(self, verb: Verb, doc: Document, hold: QueueMember | None) -> Document | None:
        a = verb.attrs
        net, call = self.net, self.call
        timeout_s = _seconds(a.get("timeout"), 30.0)
        nouns = [c for c in verb.children if c.name in ("Number", "Queue", "Client", "Sip", "Conference")]
        kind, target = (nouns[0].name, nouns[0].text.strip()) if nouns else ("Number", verb.text.strip())
        extra: dict[str, str] = {}
        loop = asyncio.get_running_loop()
        net.emit("dial", call, text=target, noun=kind, timeout_s=timeout_s)
        if kind == "Queue":
            queue = net.queue(call.account, target)
            member = await net.dequeue(queue, call, timeout_s)
            extra["QueueSid"] = queue.sid
            if member is None:
                status = "no-answer"
            else:
                extra["DialCallSid"] = member.call.sid
                bridged_at = loop.time()
                net.bridge(member.call, call)
                try:
                    assert call.bridge_done is not None
                    await asyncio.shield(call.bridge_done)
                except asyncio.CancelledError:
                    if call.finished:
                        ended = extra | {"DialCallStatus": "completed",
                                         "DialCallDuration": str(round(loop.time() - bridged_at))}
                        self._dial_ended(target, ended)
                        self._report_after_hangup(verb, doc, ended, False)
                    raise
                finally:
                    if call.bridge is not None:
                        net.unbridge(call)
                status = "completed"
                extra["DialCallDuration"] = str(round(loop.time() - bridged_at))
        elif kind == "Number" and E164.match(target):
            child = net.create_call(call.account, target, a.get("callerId") or call.from_, None,
                                    direction="outbound-dial", parent=call, timeout_s=timeout_s)
            extra["DialCallSid"] = child.sid
            try:
                assert child.answered is not None
                outcome = await asyncio.shield(child.answered)
                if outcome is True:  # the network bridged the legs when the child was answered
                    assert call.bridge_done is not None
                    await asyncio.shield(call.bridge_done)
                    status = "completed"
                else:
                    status = str(outcome)
            except asyncio.CancelledError:
                if call.finished:
                    answered = child.answered_mono is not None
                    ended = extra | {"DialCallStatus": "completed" if answered else "canceled",
                                     **({"DialCallDuration": str(round(child.duration_s or 0))} if answered else {})}
                    self._dial_ended(target, ended)
                    self._report_after_hangup(verb, doc, ended, False)
                raise
            finally:
                if not child.finished:
                    net.end(child, "completed", reason="parent left the dial")
                if call.bridge is not None:
                    net.unbridge(call)
            if child.duration_s is not None:
                extra["DialCallDuration"] = str(round(child.duration_s))
        else:
            net.emit("error", call, text=f"cannot dial {kind} '{target}'", code=13214)
            status = "failed"
        extra["DialCallStatus"] = status
        self._dial_ended(target, extra)
        return await self._action(verb, doc, extra, default_to_document=False)

    def _dial_ended(self, target: str, extra: dict[str, str]) -> None:
        """The dial_end event: how a <Dial> ended (also when the caller hung up during it)."""
        self.net.emit("dial_end", self.call, text=extra["DialCallStatus"], target=target,
                      dial_call_sid=extra.get("DialCallSid"),
                      duration_s=int(extra["DialCallDuration"]) if "DialCallDuration" in extra else None)

    async def _verb_enqueue(self, verb: Verb, doc: Document, hold: QueueMember | None) -> Document | None:
        a = verb.attrs
        net, call = self.net, self.call
        queue = net.queue(call.account, verb.text.strip())
        loop = asyncio.get_running_loop()
        started = loop.time()
        if len(queue.members) >= queue.max_size:
            result = "queue-full"
        else:
            member = net.enqueue(queue, call)
            wait_url = resolve_url(a["waitUrl"], doc.url) if a.get("waitUrl") else None
            holding = asyncio.ensure_future(self._hold(member, wait_url, a.get("waitUrlMethod", "POST")))
            result = "hangup"
            try:
                result = await asyncio.shield(member.outcome)
                if result == "bridged" and call.bridge_done is not None:
                    await asyncio.shield(call.bridge_done)
            except asyncio.CancelledError:
                if call.finished:
                    self._report_after_hangup(verb, doc, {
                        "QueueResult": result, "QueueSid": queue.sid,
                        "QueueTime": str(round(loop.time() - started))}, False)
                raise
            finally:
                holding.cancel()
                if member in queue.members:  # the call ended, or a REST update took it elsewhere
                    net.leave_queue(member, "hangup" if call.finished else "redirected")
        extra = {"QueueResult": result, "QueueSid": queue.sid, "QueueTime": str(round(loop.time() - started))}
        return await self._action(verb, doc, extra, default_to_document=False)

    async def _hold(self, member: QueueMember, url: str | None, method: str) -> None:
        """While in a queue: the waitUrl's TwiML over and over (default: hold music)."""
        net, call, queue = self.net, self.call, member.queue
        try:
            while not member.outcome.done():
                if url is None:
                    await net.speak(self, call, DEFAULT_HOLD_MUSIC, kind="music", duration_s=10.0)
                    continue
                position = queue.members.index(member) + 1 if member in queue.members else 0
                extra = {"QueuePosition": str(position), "QueueSid": queue.sid,
                         "QueueTime": str(round(net.now() - member.enqueued_mono)),
                         "AvgQueueTime": str(queue.average_wait_s), "CurrentQueueSize": str(len(queue.members)),
                         "MaxQueueSize": str(queue.max_size)}
                doc: Document | None = await self.fetch(url, method, extra)
                while doc is not None and doc is not _STOP:
                    doc = await self.run_document(doc, hold=member)
                if doc is _STOP:
                    return
        except (Hangup, AppError) as exc:
            if not member.outcome.done():
                member.outcome.set_exception(exc)
