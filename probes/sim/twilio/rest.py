"""The REST API: Twilio's 2010-04-01 resources as JSON, over aiohttp.

Paths, parameters, resource fields, paging and error bodies follow Twilio's
own OpenAPI description (``twilio_api_v2010.json``), so the official SDK (and
the contract test, which validates every exchange against that description)
cannot tell the difference. Only what the project uses is served; anything
else answers Twilio's 404 (20404).
"""
from __future__ import annotations

import base64
import binascii
import hmac
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timezone
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from probes.sim.twilio.events import rfc2822
from probes.sim.twilio.faults import Faults, control_routes
from probes.sim.twilio.faults import middleware as fault_middleware
from probes.sim.twilio.network import (API_VERSION, Account, AppSource, Call, Message, Network, Notification,
                                       PhoneNumber, Queue, Recording, Transcription, formatted)
from probes.sim.twilio.numbers import E164, bare_number

__all__ = ["ROUTES", "MEDIA_ROUTES", "TwilioApiError", "make_app"]

_A = "/2010-04-01/Accounts/{AccountSid}"
ROUTES: list[tuple[str, str]] = [
    ("GET", f"{_A}/Calls.json"),
    ("POST", f"{_A}/Calls.json"),
    ("GET", f"{_A}/Calls/{{Sid}}.json"),
    ("POST", f"{_A}/Calls/{{Sid}}.json"),
    ("GET", f"{_A}/Calls/{{CallSid}}/Recordings.json"),
    ("GET", f"{_A}/Calls/{{CallSid}}/Recordings/{{Sid}}.json"),
    ("GET", f"{_A}/Recordings.json"),
    ("GET", f"{_A}/Recordings/{{Sid}}.json"),
    ("GET", f"{_A}/Recordings/{{RecordingSid}}/Transcriptions.json"),
    ("GET", f"{_A}/Recordings/{{RecordingSid}}/Transcriptions/{{Sid}}.json"),
    ("GET", f"{_A}/Transcriptions.json"),
    ("GET", f"{_A}/Transcriptions/{{Sid}}.json"),
    ("GET", f"{_A}/Messages.json"),
    ("POST", f"{_A}/Messages.json"),
    ("GET", f"{_A}/Messages/{{Sid}}.json"),
    ("GET", f"{_A}/IncomingPhoneNumbers.json"),
    ("GET", f"{_A}/IncomingPhoneNumbers/{{Sid}}.json"),
    ("GET", f"{_A}/Queues.json"),
    ("GET", f"{_A}/Queues/{{Sid}}.json"),
    ("GET", f"{_A}/Notifications.json"),
    ("GET", f"{_A}/Notifications/{{Sid}}.json"),
    ("GET", f"{_A}/Calls/{{CallSid}}/Notifications.json"),
    ("GET", f"{_A}/Calls/{{CallSid}}/Notifications/{{Sid}}.json"),
    ("GET", "/2010-04-01/Accounts/{Sid}.json"),   # the account itself: how a client checks its credentials
]
"""Every (method, OpenAPI path template) the simulator serves as JSON."""

MEDIA_ROUTES: list[tuple[str, str]] = [
    ("GET", f"{_A}/Recordings/{{Sid}}.wav"),
    ("GET", f"{_A}/Recordings/{{Sid}}"),
]
"""Recording media (not in the OpenAPI description; public, like Twilio's default)."""

MAX_PAGE_SIZE = 1000
DEFAULT_PAGE_SIZE = 50
_SEND_DIGITS = re.compile(r"^[0-9*#wW]{0,32}$")


class TwilioApiError(Exception):
    """An error answered the way Twilio does: ``{"code", "message", "more_info", "status"}``."""

    def __init__(self, status: int, code: int, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message

    def response(self) -> web.Response:
        body = {"code": self.code, "message": self.message,
                "more_info": f"https://www.twilio.com/docs/errors/{self.code}", "status": self.status}
        headers = {"WWW-Authenticate": 'Basic realm="Twilio API"'} if self.status == 401 else None
        return web.json_response(body, status=self.status, headers=headers)


def _not_found(path: str) -> TwilioApiError:
    return TwilioApiError(404, 20404, f"The requested resource {path} was not found")


# --- JSON resources -----------------------------------------------------------------------------
def _base(account: Account) -> str:
    return f"/{API_VERSION}/Accounts/{account.sid}"


def call_json(c: Call) -> dict[str, Any]:
    uri = f"{_base(c.account)}/Calls/{c.sid}"
    duration = None
    if c.finished:
        duration = str(round(c.duration_s)) if c.duration_s is not None else "0"
    return {
        "sid": c.sid, "date_created": rfc2822(c.created_at), "date_updated": rfc2822(c.updated_at),
        "parent_call_sid": c.parent_call_sid, "account_sid": c.account.sid,
        "to": c.to, "to_formatted": formatted(c.to), "from": c.from_, "from_formatted": formatted(c.from_),
        "phone_number_sid": c.phone_number_sid, "status": c.status,
        "start_time": rfc2822(c.start_time), "end_time": rfc2822(c.end_time), "duration": duration,
        "price": None, "price_unit": "USD", "direction": c.direction, "answered_by": None,
        "api_version": API_VERSION, "forwarded_from": None, "group_sid": None, "caller_name": None,
        "queue_time": "0", "trunk_sid": None, "uri": uri + ".json",
        "subresource_uris": {name: f"{uri}/{part}.json" for name, part in (
            ("feedback", "Feedback"), ("user_defined_messages", "UserDefinedMessages"),
            ("notifications", "Notifications"), ("recordings", "Recordings"), ("streams", "Streams"),
            ("payments", "Payments"), ("user_defined_message_subscriptions", "UserDefinedMessageSubscriptions"),
            ("siprec", "Siprec"), ("events", "Events"), ("feedback_summaries", "FeedbackSummary"),
            ("transcriptions", "Transcriptions"))},
    }


def recording_json(r: Recording, net: Network) -> dict[str, Any]:
    uri = f"{_base(r.account)}/Recordings/{r.sid}"
    return {
        "account_sid": r.account.sid, "api_version": API_VERSION, "call_sid": r.call_sid, "conference_sid": None,
        "date_created": rfc2822(r.created_at), "date_updated": rfc2822(r.updated_at),
        "start_time": rfc2822(r.start_time), "duration": str(round(r.duration_s)), "sid": r.sid,
        "price": None, "price_unit": "USD", "status": r.status, "channels": 1, "source": r.source,
        "error_code": None, "uri": uri + ".json", "encryption_details": None,
        "subresource_uris": {"add_on_results": f"{uri}/AddOnResults.json",
                             "transcriptions": f"{uri}/Transcriptions.json"},
        "media_url": net.recording_url(r),
    }


def call_recording_json(r: Recording) -> dict[str, Any]:
    return {
        "account_sid": r.account.sid, "api_version": API_VERSION, "call_sid": r.call_sid, "conference_sid": None,
        "date_created": rfc2822(r.created_at), "date_updated": rfc2822(r.updated_at),
        "start_time": rfc2822(r.start_time), "duration": str(round(r.duration_s)), "sid": r.sid,
        "price": None, "uri": f"{_base(r.account)}/Calls/{r.call_sid}/Recordings/{r.sid}.json",
        "encryption_details": None, "price_unit": "USD", "status": r.status, "channels": 1, "source": r.source,
        "error_code": None, "track": "both",
    }


def transcription_json(t: Transcription) -> dict[str, Any]:
    # Listed under its recording or not, Twilio gives a transcription its account-level uri.
    uri = f"{_base(t.account)}/Transcriptions/{t.sid}.json"
    return {
        "account_sid": t.account.sid, "api_version": API_VERSION, "date_created": rfc2822(t.created_at),
        "date_updated": rfc2822(t.updated_at), "duration": str(round(t.duration_s)), "price": None,
        "price_unit": "USD", "recording_sid": t.recording_sid, "sid": t.sid, "status": t.status,
        "transcription_text": t.text, "type": "fast", "uri": uri,
    }


def notification_json(n: Notification, under_call: bool = False, instance: bool = False) -> dict[str, Any]:
    """A (Call) Notification; only a fetched one carries the request and response (as on Twilio)."""
    base = _base(n.account) + (f"/Calls/{n.call_sid}" if under_call else "")
    body = {
        "account_sid": n.account.sid, "api_version": API_VERSION, "call_sid": n.call_sid,
        "date_created": rfc2822(n.created_at), "date_updated": rfc2822(n.created_at),
        "error_code": str(n.error_code), "log": str(n.log), "message_date": rfc2822(n.created_at),
        "message_text": n.message_text, "more_info": f"https://www.twilio.com/docs/errors/{n.error_code}",
        "request_method": n.request_method, "request_url": n.request_url, "sid": n.sid,
        "uri": f"{base}/Notifications/{n.sid}.json",
    }
    if instance:
        body.update({"request_variables": n.request_variables, "response_body": n.response_body,
                     "response_headers": n.response_headers})
    return body


def message_json(m: Message) -> dict[str, Any]:
    uri = f"{_base(m.account)}/Messages/{m.sid}"
    return {
        "body": m.body, "num_segments": str(m.num_segments), "direction": m.direction, "from": m.from_, "to": m.to,
        "date_updated": rfc2822(m.updated_at), "price": None, "error_message": m.error_message,
        "uri": uri + ".json", "account_sid": m.account.sid, "num_media": "0", "status": m.status,
        "messaging_service_sid": None, "sid": m.sid, "date_sent": rfc2822(m.sent_at),
        "date_created": rfc2822(m.created_at), "error_code": m.error_code, "price_unit": "USD",
        "api_version": API_VERSION,
        "subresource_uris": {"media": f"{uri}/Media.json", "feedback": f"{uri}/Feedback.json"},
    }


def phone_number_json(p: PhoneNumber) -> dict[str, Any]:
    toll_free = bool(re.match(r"^\+1(800|833|844|855|866|877|888)", p.number))
    return {
        "account_sid": p.account.sid, "address_sid": None, "address_requirements": "none",
        "api_version": API_VERSION, "beta": False,
        "capabilities": {"voice": True, "sms": True, "mms": True, "fax": False},
        "date_created": rfc2822(p.created_at), "date_updated": rfc2822(p.created_at),
        "friendly_name": p.spec.friendly_name or formatted(p.number), "identity_sid": None,
        "phone_number": p.number, "origin": "twilio", "sid": p.sid, "sms_application_sid": None,
        "sms_fallback_method": "POST", "sms_fallback_url": None, "sms_method": p.sms_method, "sms_url": p.sms_url,
        "status_callback": None, "status_callback_method": "POST", "trunk_sid": None,
        "uri": f"{_base(p.account)}/IncomingPhoneNumbers/{p.sid}.json", "voice_receive_mode": "voice",
        "voice_application_sid": None, "voice_caller_id_lookup": False, "voice_fallback_method": "POST",
        "voice_fallback_url": None, "voice_method": p.voice_method, "voice_url": p.voice_url,
        "emergency_status": "Inactive", "emergency_address_sid": None, "emergency_address_status": "unregistered",
        "bundle_sid": None, "status": "in-use", "type": "toll-free" if toll_free else "local",
    }


def queue_json(q: Queue) -> dict[str, Any]:
    return {
        "date_updated": rfc2822(q.updated_at), "current_size": len(q.members), "friendly_name": q.name,
        "uri": f"{_base(q.account)}/Queues/{q.sid}.json", "account_sid": q.account.sid,
        "average_wait_time": q.average_wait_s, "sid": q.sid, "date_created": rfc2822(q.created_at),
        "max_size": q.max_size,
    }


def _field(form: Mapping[str, object], name: str) -> str:
    """A text field of a posted form ("" when absent); the API takes no file uploads."""
    value = form.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TwilioApiError(400, 20001, f"Invalid {name}: not a text field")
    return value


# --- paging and filters ---------------------------------------------------------------------------
def _int_param(request: web.Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise TwilioApiError(400, 20001, f"Invalid {name}: {raw} is not an integer") from None
    if not low <= value <= high:
        raise TwilioApiError(400, 20001, f"Invalid {name}: {value} is not between {low} and {high}")
    return value


def page(request: web.Request, items: list, key: str, render: Callable[[Any], dict]) -> web.Response:
    """One page of a list, with Twilio's paging fields (PageSize, Page, PageToken=PA<sid>/PB<sid>)."""
    size = _int_param(request, "PageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
    number = _int_param(request, "Page", 0, 0, 10**9)
    token = request.query.get("PageToken", "")
    sids = [item.sid for item in items]
    start = number * size
    if token[:2] == "PA" and token[2:] in sids:      # the page after this item
        start = sids.index(token[2:]) + 1
    elif token[:2] == "PB" and token[2:] in sids:    # the page before this item
        start = max(0, sids.index(token[2:]) - size)
    chunk = items[start:start + size]
    filters = [(k, v) for k, v in request.query.items() if k not in ("PageSize", "Page", "PageToken")]

    def uri(n: int, tok: str | None = None) -> str:
        params = filters + [("PageSize", str(size)), ("Page", str(n))] + ([("PageToken", tok)] if tok else [])
        return f"{request.path}?{urlencode(params)}"

    body = {
        key: [render(item) for item in chunk],
        "end": max(start, start + len(chunk) - 1), "first_page_uri": uri(0),
        "next_page_uri": uri(number + 1, "PA" + chunk[-1].sid) if chunk and start + size < len(items) else None,
        "page": number, "page_size": size,
        "previous_page_uri": uri(number - 1, "PB" + chunk[0].sid) if number > 0 and chunk else None,
        "start": start, "uri": uri(number, token or None),
    }
    return web.json_response(body)


def _parse_when(name: str, raw: str) -> date | datetime:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            return date.fromisoformat(raw)
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    except ValueError:
        raise TwilioApiError(400, 20001, f"Invalid {name}: '{raw}' is not a date (YYYY-MM-DD) "
                                         "or a date and time (YYYY-MM-DDTHH:MM:SSZ)") from None


def _date_filter(request: web.Request, name: str, items: Iterable, when: Callable[[Any], datetime | None]) -> list:
    """Twilio's date filters: Name (that day), Name< (on or before), Name> (on or after)."""
    out = list(items)
    for suffix in ("", "<", ">"):
        raw = request.query.get(name + suffix)
        if not raw:
            continue
        bound = _parse_when(name + suffix, raw)

        def keep(item: Any, bound=bound, suffix=suffix) -> bool:
            t = when(item)
            if t is None:
                return False
            t = t.astimezone(timezone.utc).replace(microsecond=0)
            value: date | datetime = t.date() if isinstance(bound, date) and not isinstance(bound, datetime) else t
            if suffix == "<":
                return value <= bound
            if suffix == ">":
                return value >= bound
            return value == bound

        out = [item for item in out if keep(item)]
    return out


def _newest_first(items: Iterable) -> list:
    return list(reversed(list(items)))


# --- handlers -----------------------------------------------------------------------------------
class Api:
    """Request handlers; every one runs on the simulator's loop, next to the network it reads."""

    def __init__(self, net: Network):
        self.net = net
        self.started_at = datetime.now(timezone.utc)   # the accounts' creation date

    def account(self, request: web.Request) -> Account:
        """The path's account, if the request's Basic credentials are its SID and auth token."""
        sid = request.match_info.get("AccountSid", "")
        header = request.headers.get("Authorization", "")
        user = password = ""
        if header[:6].lower() == "basic ":
            try:
                user, _, password = base64.b64decode(header[6:]).decode("utf-8").partition(":")
            except (binascii.Error, UnicodeDecodeError):
                pass
        account = self.net.accounts.get(sid)
        if (account is None or not hmac.compare_digest(user, sid)
                or not hmac.compare_digest(password.encode(), account.auth_token.encode())):
            raise TwilioApiError(401, 20003, "Authenticate")
        return account

    def _get(self, table: dict, sid: str, account: Account, request: web.Request):
        item = table.get(sid)
        if item is None or item.account is not account:
            raise _not_found(request.path)
        return item

    # Calls
    async def create_call(self, request: web.Request) -> web.Response:
        account = self.account(request)
        form = await request.post()
        to, from_ = _field(form, "To").strip(), _field(form, "From").strip()
        url, twiml = _field(form, "Url") or None, _field(form, "Twiml") or None
        if not to:
            raise TwilioApiError(400, 21201, "No 'To' number is specified")
        if not from_:
            raise TwilioApiError(400, 21213, "No 'From' number is specified")
        if not E164.match(to):
            raise TwilioApiError(400, 21211, f"Invalid 'To' Phone Number: {to}")
        if self.net.owned(account, from_) is None:
            raise TwilioApiError(400, 21210, f"The source phone number provided, {from_}, is not yet verified for "
                                             "your account. You may only make calls from phone numbers that you've "
                                             "verified or purchased from Twilio.")
        if not url and not twiml:
            raise TwilioApiError(400, 21205, "Url parameter is required. Please provide a Url or Twiml.")
        if url and not re.match(r"^https?://", url):
            raise TwilioApiError(400, 21205, f"Url is not a valid URL: {url}")
        digits = _field(form, "SendDigits")
        if not _SEND_DIGITS.match(digits):
            raise TwilioApiError(400, 20001, "SendDigits may hold at most 32 of 0-9, *, #, w and W")
        raw_timeout = _field(form, "Timeout")
        try:
            timeout = int(raw_timeout or 60)
        except ValueError:
            raise TwilioApiError(400, 20001, f"Invalid Timeout: {raw_timeout}") from None
        events = {e for v in form.getall("StatusCallbackEvent", []) for e in str(v).split()}
        call = self.net.create_call(
            account, to, from_, AppSource(url, (_field(form, "Method") or "POST").upper(), twiml if not url else None),
            timeout_s=float(min(max(timeout, 1), 600)), send_digits=digits,
            record=_field(form, "Record").lower() == "true",
            status_callback=_field(form, "StatusCallback") or None,
            status_callback_events=frozenset(events or {"completed"}),
            status_callback_method=(_field(form, "StatusCallbackMethod") or "POST").upper())
        return web.json_response(call_json(call), status=201)

    async def list_calls(self, request: web.Request) -> web.Response:
        account = self.account(request)
        q = request.query
        calls = [c for c in self.net.calls.values() if c.account is account
                 and (not q.get("To") or c.to == q["To"]) and (not q.get("From") or c.from_ == q["From"])
                 and (not q.get("Status") or c.status == q["Status"])
                 and (not q.get("ParentCallSid") or c.parent_call_sid == q["ParentCallSid"])]
        calls = _date_filter(request, "StartTime", calls, lambda c: c.start_time)
        calls = _date_filter(request, "EndTime", calls, lambda c: c.end_time)
        return page(request, _newest_first(calls), "calls", call_json)

    async def fetch_call(self, request: web.Request) -> web.Response:
        account = self.account(request)
        return web.json_response(call_json(self._get(self.net.calls, request.match_info["Sid"], account, request)))

    async def update_call(self, request: web.Request) -> web.Response:
        account = self.account(request)
        call: Call = self._get(self.net.calls, request.match_info["Sid"], account, request)
        form = await request.post()
        status, url, twiml = _field(form, "Status"), _field(form, "Url") or None, _field(form, "Twiml") or None
        if status and status not in ("completed", "canceled"):
            raise TwilioApiError(400, 20001, f"Invalid Status: {status} (completed or canceled)")
        if call.finished:
            raise TwilioApiError(400, 21220, "Call is not in-progress. Cannot redirect.")
        if status_callback := _field(form, "StatusCallback"):
            call.status_callback = status_callback
            call.status_callback_method = (_field(form, "StatusCallbackMethod") or "POST").upper()
        if status:
            if call.answered_mono is None:
                self.net.cancel(call)
            elif status == "completed":
                self.net.end(call, "completed", reason="hung up by API")
        elif url or twiml:
            source = AppSource(url, (_field(form, "Method") or "POST").upper(), twiml if not url else None)
            if call.answered_mono is None:
                call.source = source
            else:
                from probes.sim.twilio.twiml import Executor

                if call.app is None:  # e.g. a <Dial>'s child leg: it leaves the bridge for its new TwiML
                    if call.bridge is not None:
                        self.net.unbridge(call)
                    call.app = Executor(self.net, call)
                    call.app.start(source=source)
                else:
                    call.app.redirect(source)
            call.updated_at = self.net.clock.utc()
        return web.json_response(call_json(call))

    # Recordings and transcriptions
    async def list_call_recordings(self, request: web.Request) -> web.Response:
        account = self.account(request)
        call = self._get(self.net.calls, request.match_info["CallSid"], account, request)
        recs = [r for r in self.net.recordings.values() if r.call_sid == call.sid]
        recs = _date_filter(request, "DateCreated", recs, lambda r: r.created_at)
        return page(request, _newest_first(recs), "recordings", call_recording_json)

    async def fetch_call_recording(self, request: web.Request) -> web.Response:
        account = self.account(request)
        rec = self._get(self.net.recordings, request.match_info["Sid"], account, request)
        if rec.call_sid != request.match_info["CallSid"]:
            raise _not_found(request.path)
        return web.json_response(call_recording_json(rec))

    async def list_recordings(self, request: web.Request) -> web.Response:
        account = self.account(request)
        q = request.query
        recs = [r for r in self.net.recordings.values() if r.account is account
                and (not q.get("CallSid") or r.call_sid == q["CallSid"])]
        recs = _date_filter(request, "DateCreated", recs, lambda r: r.created_at)
        return page(request, _newest_first(recs), "recordings", lambda r: recording_json(r, self.net))

    async def fetch_recording(self, request: web.Request) -> web.Response:
        account = self.account(request)
        rec = self._get(self.net.recordings, request.match_info["Sid"], account, request)
        return web.json_response(recording_json(rec, self.net))

    async def recording_media(self, request: web.Request) -> web.Response:
        rec = self.net.recordings.get(request.match_info["Sid"])
        if rec is None or rec.account.sid != request.match_info["AccountSid"]:
            raise _not_found(request.path)
        return web.Response(body=rec.wav(), content_type="audio/x-wav")

    async def list_recording_transcriptions(self, request: web.Request) -> web.Response:
        account = self.account(request)
        rec = self._get(self.net.recordings, request.match_info["RecordingSid"], account, request)
        items = [self.net.transcriptions[s] for s in rec.transcription_sids]
        return page(request, _newest_first(items), "transcriptions", transcription_json)

    async def fetch_recording_transcription(self, request: web.Request) -> web.Response:
        account = self.account(request)
        rec = self._get(self.net.recordings, request.match_info["RecordingSid"], account, request)
        t = self._get(self.net.transcriptions, request.match_info["Sid"], account, request)
        if t.recording_sid != rec.sid:
            raise _not_found(request.path)
        return web.json_response(transcription_json(t))

    async def list_transcriptions(self, request: web.Request) -> web.Response:
        account = self.account(request)
        items = [t for t in self.net.transcriptions.values() if t.account is account]
        return page(request, _newest_first(items), "transcriptions", transcription_json)

    async def fetch_transcription(self, request: web.Request) -> web.Response:
        account = self.account(request)
        return web.json_response(transcription_json(
            self._get(self.net.transcriptions, request.match_info["Sid"], account, request)))

    # Notifications (Twilio's error log: a failed webhook's 11200, bad TwiML's 12100, …)
    def _notifications(self, request: web.Request, items: list[Notification]) -> list[Notification]:
        log = request.query.get("Log")
        if log not in (None, ""):
            items = [n for n in items if str(n.log) == log]
        return _date_filter(request, "MessageDate", items, lambda n: n.created_at)

    async def list_notifications(self, request: web.Request) -> web.Response:
        account = self.account(request)
        items = [n for n in self.net.notifications.values() if n.account is account]
        return page(request, _newest_first(self._notifications(request, items)), "notifications",
                    notification_json)

    async def fetch_notification(self, request: web.Request) -> web.Response:
        account = self.account(request)
        n = self._get(self.net.notifications, request.match_info["Sid"], account, request)
        return web.json_response(notification_json(n, instance=True))

    async def list_call_notifications(self, request: web.Request) -> web.Response:
        account = self.account(request)
        call = self._get(self.net.calls, request.match_info["CallSid"], account, request)
        items = [n for n in self.net.notifications.values() if n.call_sid == call.sid]
        return page(request, _newest_first(self._notifications(request, items)), "notifications",
                    lambda n: notification_json(n, under_call=True))

    async def fetch_call_notification(self, request: web.Request) -> web.Response:
        account = self.account(request)
        n = self._get(self.net.notifications, request.match_info["Sid"], account, request)
        if n.call_sid != request.match_info["CallSid"]:
            raise _not_found(request.path)
        return web.json_response(notification_json(n, under_call=True, instance=True))

    # Messages
    async def create_message(self, request: web.Request) -> web.Response:
        account = self.account(request)
        form = await request.post()
        to, from_ = _field(form, "To").strip(), _field(form, "From").strip()
        body = _field(form, "Body")
        if not to:
            raise TwilioApiError(400, 21604, "A 'To' phone number is required.")
        if not from_:
            raise TwilioApiError(400, 21603, "A 'From' phone number is required.")
        if not E164.match(bare_number(to)):
            raise TwilioApiError(400, 21211, f"Invalid 'To' Phone Number: {to}")
        if self.net.owned(account, from_) is None:
            raise TwilioApiError(400, 21606, f"The From phone number {from_} is not a valid, SMS-capable inbound "
                                             "phone number or short code for your account.")
        if not body.strip():
            raise TwilioApiError(400, 21602, "Message body is required.")
        if len(body) > 1600:
            raise TwilioApiError(400, 21617, "The concatenated message body exceeds the 1600 character limit.")
        msg = self.net.create_message(account, to, from_, body,
                                      status_callback=_field(form, "StatusCallback") or None)
        return web.json_response(message_json(msg), status=201)

    async def list_messages(self, request: web.Request) -> web.Response:
        account = self.account(request)
        q = request.query
        msgs = [m for m in self.net.messages.values() if m.account is account
                and (not q.get("To") or m.to == q["To"]) and (not q.get("From") or m.from_ == q["From"])]
        msgs = _date_filter(request, "DateSent", msgs, lambda m: m.sent_at)
        return page(request, _newest_first(msgs), "messages", message_json)

    async def fetch_message(self, request: web.Request) -> web.Response:
        account = self.account(request)
        return web.json_response(message_json(self._get(self.net.messages, request.match_info["Sid"], account,
                                                        request)))

    # Numbers and queues
    async def list_phone_numbers(self, request: web.Request) -> web.Response:
        account = self.account(request)
        q = request.query
        wanted = (q.get("PhoneNumber") or "").replace("*", "")
        items = [p for p in self.net.phone_numbers.values() if p.account is account
                 and (not wanted or wanted in p.number)
                 and (not q.get("FriendlyName") or phone_number_json(p)["friendly_name"] == q["FriendlyName"])]
        return page(request, items, "incoming_phone_numbers", phone_number_json)

    async def fetch_phone_number(self, request: web.Request) -> web.Response:
        account = self.account(request)
        for p in self.net.phone_numbers.values():
            if p.sid == request.match_info["Sid"] and p.account is account:
                return web.json_response(phone_number_json(p))
        raise _not_found(request.path)

    async def fetch_account(self, request: web.Request) -> web.Response:
        """The account, to its own credentials only (as on Twilio, the body carries its auth token)."""
        account = self.account(request)
        uri = _base(account)
        created = rfc2822(self.started_at)
        return web.json_response({
            "auth_token": account.auth_token, "date_created": created, "date_updated": created,
            "friendly_name": account.name, "owner_account_sid": account.sid, "sid": account.sid,
            "status": "active", "type": "Full", "uri": uri + ".json",
            "subresource_uris": {name: f"{uri}/{part}.json" for name, part in (
                ("calls", "Calls"), ("incoming_phone_numbers", "IncomingPhoneNumbers"), ("messages", "Messages"),
                ("queues", "Queues"), ("recordings", "Recordings"), ("transcriptions", "Transcriptions"))},
        })

    async def list_queues(self, request: web.Request) -> web.Response:
        account = self.account(request)
        items = [q for q in self.net.queues.values() if q.account is account]
        return page(request, items, "queues", queue_json)

    async def fetch_queue(self, request: web.Request) -> web.Response:
        account = self.account(request)
        return web.json_response(queue_json(self._get(self.net.queues, request.match_info["Sid"], account, request)))

    # TwiML files of the numbers file, served like TwiML Bins
    async def twiml_bin(self, request: web.Request) -> web.Response:
        for p in self.net.phone_numbers.values():
            if p.sid == request.match_info["Sid"]:
                app = p.spec.voice if request.match_info["kind"] == "voice" else p.spec.sms
                if app is not None and app.twiml is not None:
                    return web.Response(text=app.twiml, content_type="text/xml")
        raise _not_found(request.path)


@web.middleware
async def _errors(request: web.Request, handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except TwilioApiError as err:
        return err.response()
    except web.HTTPNotFound:
        return _not_found(request.path).response()
    except web.HTTPMethodNotAllowed:
        return TwilioApiError(405, 20004, "Method not allowed").response()


def make_app(net: Network, faults: Faults | None = None) -> web.Application:
    """The aiohttp application serving ROUTES, MEDIA_ROUTES and the TwiML Bins.

    With ``faults``, it answers cued 5xx/429 errors (see faults.py) and serves their control endpoint.
    """
    api = Api(net)
    handlers = {
        ("GET", "Calls.json"): api.list_calls, ("POST", "Calls.json"): api.create_call,
        ("GET", "Calls/{Sid}.json"): api.fetch_call, ("POST", "Calls/{Sid}.json"): api.update_call,
        ("GET", "Calls/{CallSid}/Recordings.json"): api.list_call_recordings,
        ("GET", "Calls/{CallSid}/Recordings/{Sid}.json"): api.fetch_call_recording,
        ("GET", "Recordings.json"): api.list_recordings, ("GET", "Recordings/{Sid}.json"): api.fetch_recording,
        ("GET", "Recordings/{RecordingSid}/Transcriptions.json"): api.list_recording_transcriptions,
        ("GET", "Recordings/{RecordingSid}/Transcriptions/{Sid}.json"): api.fetch_recording_transcription,
        ("GET", "Transcriptions.json"): api.list_transcriptions,
        ("GET", "Transcriptions/{Sid}.json"): api.fetch_transcription,
        ("GET", "Messages.json"): api.list_messages, ("POST", "Messages.json"): api.create_message,
        ("GET", "Messages/{Sid}.json"): api.fetch_message,
        ("GET", "IncomingPhoneNumbers.json"): api.list_phone_numbers,
        ("GET", "IncomingPhoneNumbers/{Sid}.json"): api.fetch_phone_number,
        ("GET", "Queues.json"): api.list_queues, ("GET", "Queues/{Sid}.json"): api.fetch_queue,
        ("GET", "Notifications.json"): api.list_notifications,
        ("GET", "Notifications/{Sid}.json"): api.fetch_notification,
        ("GET", "Calls/{CallSid}/Notifications.json"): api.list_call_notifications,
        ("GET", "Calls/{CallSid}/Notifications/{Sid}.json"): api.fetch_call_notification,
    }
    middlewares = [_errors] if faults is None else [_errors, fault_middleware(faults)]
    app = web.Application(middlewares=middlewares)
    if faults is not None:
        control_routes(app, faults)
    prefix = _A + "/"
    for method, path in ROUTES:
        if not path.startswith(prefix):   # the account itself; its SID is the AccountSid self.account() reads
            app.router.add_route(method, path.replace("{Sid}", "{AccountSid}"), api.fetch_account)
            continue
        app.router.add_route(method, path, handlers[(method, path[len(prefix):])])
    app.router.add_get(_A + "/Recordings/{Sid:RE[0-9a-fA-F]{32}}.wav", api.recording_media)
    app.router.add_get(_A + "/Recordings/{Sid:RE[0-9a-fA-F]{32}}", api.recording_media)
    app.router.add_route("*", "/twiml/{Sid}/{kind:voice|sms}", api.twiml_bin)
    return app
