"""Twilio's own bad moments, on cue: 500, 503 or 429 for the next N requests to a route.

Real Twilio sometimes answers a request with 500 or 503 (an outage, a deploy)
or 429 with ``Retry-After`` (too many requests at once). Tests and the fault
benchmark cue these on the simulator, then watch what the prober does:

    sim.faults.add("POST", "Calls.json", 503, count=2)            # the next two call creations fail
    sim.faults.add("POST", "Messages.json", 429, retry_after_s=2)   # one 429 asking to wait 2 s
    sim.faults.add("POST", "Calls.json", 500, after=True)          # the call IS created, then 500

``after=True`` is the nasty case: Twilio did the work (the call is placed)
but the answer got lost in a 5xx, so a client that simply sends again calls
the company twice. A simulator running in another process (``probes sim
twilio``) takes the same cues over HTTP, outside the API's ``/2010-04-01``::

    POST   /_sim/faults  {"method": "POST", "route": "Calls.json", "status": 503, "count": 2,
                          "retry_after_s": 1, "after": false}
    GET    /_sim/faults  the cues still waiting
    DELETE /_sim/faults  drop them all

The error bodies are Twilio's: ``{"code", "message", "more_info", "status"}``.
"""
from __future__ import annotations

import math
import threading
from dataclasses import asdict, dataclass

from aiohttp import web

__all__ = ["CONTROL_PATH", "STATUSES", "Fault", "Faults"]

CONTROL_PATH = "/_sim/faults"
API_PREFIX = "/2010-04-01/Accounts/{AccountSid}/"
# Twilio's error codes for these statuses, and what it says.
STATUSES: dict[int, tuple[int, str]] = {
    500: (20500, "An internal server error has occurred"),
    502: (20502, "Bad Gateway"),
    503: (20503, "Service Unavailable"),
    429: (20429, "Too Many Requests"),
}


@dataclass
class Fault:
    """One cue: answer ``status`` to the next ``count`` requests of ``method`` to ``route``."""

    method: str
    route: str                        # after /2010-04-01/Accounts/{AccountSid}/, e.g. "Calls.json"
    status: int
    count: int = 1
    retry_after_s: float | None = None
    after: bool = False               # do the work first, then answer the error


class Faults:
    """Cued faults, shared by the API's handlers (the simulator's loop) and whoever cues them (any thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cues: list[Fault] = []

    def add(self, method: str, route: str, status: int, count: int = 1, retry_after_s: float | None = None,
            after: bool = False) -> Fault:
        """Cue a fault; raises ValueError for a status, count or route the simulator cannot fake."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {sorted(STATUSES)}, not {status}")
        if count < 1:
            raise ValueError("count must be at least 1")
        if retry_after_s is not None and not (0 <= retry_after_s < 86400):
            raise ValueError("retry_after_s must be between 0 and a day")
        route = route.removeprefix(API_PREFIX).lstrip("/")
        if not route:
            raise ValueError("route must name a resource, e.g. Calls.json")
        fault = Fault(method.upper(), route, status, count, retry_after_s, after)
        with self._lock:
            self._cues.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self._cues.clear()

    def pending(self) -> list[Fault]:
        with self._lock:
            return [Fault(**asdict(f)) for f in self._cues]

    def take(self, method: str, route: str) -> Fault | None:
        """The cue for this request, counted down; None when none applies."""
        with self._lock:
            for fault in self._cues:
                if fault.method == method and fault.route == route:
                    fault.count -= 1
                    if fault.count <= 0:
                        self._cues.remove(fault)
                    return fault
        return None


def error_response(fault: Fault) -> web.Response:
    """Twilio's error body for the fault's status, with ``Retry-After`` when the cue gives one."""
    code, message = STATUSES[fault.status]
    body = {"code": code, "message": message, "more_info": f"https://www.twilio.com/docs/errors/{code}",
            "status": fault.status}
    headers = {}
    if fault.retry_after_s is not None:
        headers["Retry-After"] = str(math.ceil(fault.retry_after_s))   # whole seconds, as HTTP says
    return web.json_response(body, status=fault.status, headers=headers)


def middleware(faults: Faults):
    """An aiohttp middleware that answers cued faults for routes under the API prefix."""

    @web.middleware
    async def cue(request: web.Request, handler) -> web.StreamResponse:
        resource = request.match_info.route.resource
        canonical = resource.canonical if resource is not None else ""
        if not canonical.startswith(API_PREFIX):
            return await handler(request)
        fault = faults.take(request.method, canonical[len(API_PREFIX):])
        if fault is None:
            return await handler(request)
        if fault.after:
            response = await handler(request)     # the work is done; only the answer is lost
            if response.status >= 400:
                return response
        return error_response(fault)

    return cue


def control_routes(app: web.Application, faults: Faults) -> None:
    """``/_sim/faults``: cue, list and clear faults over HTTP (for a simulator in another process)."""

    async def add(request: web.Request) -> web.Response:
        try:
            spec = await request.json()
            fault = faults.add(str(spec["method"]), str(spec["route"]), int(spec["status"]),
                               int(spec.get("count", 1)),
                               None if spec.get("retry_after_s") is None else float(spec["retry_after_s"]),
                               bool(spec.get("after", False)))
        except (ValueError, KeyError, TypeError) as exc:
            return web.json_response({"error": f"{type(exc).__name__}: {exc}"}, status=400)
        return web.json_response(asdict(fault), status=201)

    async def listing(request: web.Request) -> web.Response:
        return web.json_response([asdict(f) for f in faults.pending()])

    async def clear(request: web.Request) -> web.Response:
        faults.clear()
        return web.Response(status=204)

    app.router.add_post(CONTROL_PATH, add)
    app.router.add_get(CONTROL_PATH, listing)
    app.router.add_delete(CONTROL_PATH, clear)
