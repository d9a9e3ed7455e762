"""Holds HTTP exchanges with a Twilio-compatible server to Twilio's own OpenAPI description.

Twilio publishes the 2010-04-01 REST API as OpenAPI 3.0.1 (``twilio_api_v2010.json``,
MIT). ``openapi-core`` checks each request and response against it. The spec alone is
lax, so these checks are added, each because real Twilio behaves so:

- Every documented response property must be present (Twilio sends them all, ``null``
  when empty) and no undocumented one may appear: openapi-core's
  ``response_properties_default_policy="required"`` and
  ``additional_properties_default_policy="forbid"``. Objects the spec leaves open
  (``subresource_uris`` and other maps without ``properties``) stay open.
- ``format: date-time-rfc-2822`` is checked (``Sun, 22 Nov 2026 13:00:00 +0000``);
  openapi-core ignores formats it does not know. ``format: date-time`` (only the
  date filters of list requests use it) also takes ``YYYY-MM-DD``, as the spec's own
  descriptions and examples of those filters do.
- The spec describes no error response at all (only 2xx/3xx), so a 4xx/5xx body is held
  to Twilio's documented error shape ``{code, message, more_info, status}`` instead.
- List responses are checked for Twilio's paging arithmetic (page, page_size, start,
  end, next/previous/first page URIs keeping the filters).
- A resource's ``uri`` must have the shape Twilio's own examples in the spec give it
  (e.g. a transcription fetched under a recording still has the account-level
  ``/Transcriptions/TR….json`` uri) and name the resource's own sid.

Requests go to a local server; they are validated as if sent to https://api.twilio.com,
the spec's only server.
"""
from __future__ import annotations

import base64
import json
import os
import re
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from probes.twilio_http import RoutedHttpClient

TWILIO_API = "https://api.twilio.com"
SPEC_ENV = "PROBES_TWILIO_OAI"
SPEC_NAME = "twilio_api_v2010.json"
DEFAULT_PAGE_SIZE = 50
PAGING_PARAMS = {"Page", "PageSize", "PageToken"}

RFC2822_UTC = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (0[1-9]|[12]\d|3[01]) "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} ([01]\d|2[0-3]):[0-5]\d:[0-5]\d \+0000$")

ERROR_KEYS = {"code": int, "message": str, "more_info": str, "status": int}


def spec_candidates() -> list[Path]:
    """Where the spec is looked for: $PROBES_TWILIO_OAI, else the copy in tests/data/twilio-oai (MIT, Twilio's)."""
    root = Path(__file__).resolve().parents[2]
    found = [Path(os.environ[SPEC_ENV])] if os.environ.get(SPEC_ENV) else []
    return found + [root / "tests" / "data" / "twilio-oai" / SPEC_NAME]


def spec_file() -> Path:
    for path in spec_candidates():
        if path.is_file():
            return path
    tried = ", ".join(str(p) for p in spec_candidates())
    raise FileNotFoundError(f"Twilio's OpenAPI spec {SPEC_NAME} not found (tried {tried}); get it from "
                            f"github.com/twilio/twilio-oai spec/json/{SPEC_NAME} and set {SPEC_ENV}")


def is_rfc2822_utc(value: Any) -> bool:
    """Twilio's date format: RFC 2822 in UTC, e.g. ``Sun, 22 Nov 2026 13:00:00 +0000``."""
    if not isinstance(value, str):
        return True  # formats constrain strings only; null is the schema's business
    if not RFC2822_UTC.match(value):
        return False
    from email.utils import parsedate_to_datetime
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return False
    return when.strftime("%a") == value[:3]  # weekday must fit the date


RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", re.IGNORECASE)
PLAIN_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_date_time_or_date(value: Any) -> bool:
    """``format: date-time``, loosened to also take ``YYYY-MM-DD``.

    Twilio's date filters (StartTime, DateSent, DateCreated and their < / > forms) are typed
    date-time, but their descriptions and examples in the same spec say ``YYYY-MM-DD``, and
    Twilio accepts it; the SDK itself sends ``YYYY-MM-DDTHH:MM:SSZ``. Both pass, nothing else.
    """
    from datetime import date, datetime
    if not isinstance(value, str):
        return True
    try:
        if PLAIN_DATE.match(value):
            date.fromisoformat(value)
            return True
        if RFC3339.match(value):
            datetime.fromisoformat(value.upper())
            return True
    except ValueError:
        return False
    return False


def open_free_form_objects(node: Any) -> None:
    """Mark objects that list no properties (maps such as subresource_uris) as open, in place.

    With additionalProperties "forbid" as the default, an object schema with neither
    ``properties`` nor ``additionalProperties`` would reject every key.
    """
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" not in node and "additionalProperties" not in node:
            node["additionalProperties"] = True
        for value in node.values():
            open_free_form_objects(value)
    elif isinstance(node, list):
        for value in node:
            open_free_form_objects(value)


@dataclass
class Spec:
    """Twilio's spec loaded once: the openapi-core object, the raw dict and a path-template index."""
    api: OpenAPI
    raw: dict
    templates: list[tuple[re.Pattern, str]]
    load_s: float
    uri_shapes: dict[tuple[str, str], set[str]] = field(default_factory=dict)

    def template_for(self, path: str) -> str | None:
        for pattern, template in self.templates:
            if pattern.match(path):
                return template
        return None

    def operation(self, method: str, template: str) -> dict | None:
        return self.raw["paths"].get(template, {}).get(method.lower())


SID = re.compile(r"\b[A-Z]{2}[0-9a-fA-F]{32}\b")


def uri_shape(uri: str) -> str:
    """``/2010-04-01/Accounts/AC…/Calls/CA….json`` → ``/2010-04-01/Accounts/{sid}/Calls/{sid}.json``."""
    return SID.sub("{sid}", uri.split("?")[0])


def resources_of(body: Any) -> list[dict]:
    """The resource objects of a response body: the body itself, or the items of its one list."""
    if not isinstance(body, dict):
        return []
    lists = [value for value in body.values() if isinstance(value, list)]
    if "page_size" in body and len(lists) == 1:
        return [item for item in lists[0] if isinstance(item, dict)]
    return [body]


def example_uri_shapes(raw: dict) -> dict[tuple[str, str], set[str]]:
    """(METHOD, template) → the shapes of resource ``uri`` values in Twilio's own 2xx examples."""
    shapes: dict[tuple[str, str], set[str]] = {}
    for template, item in raw["paths"].items():
        for method, op in item.items():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            for code, response in op["responses"].items():
                if not code.startswith("2"):
                    continue
                examples = response.get("content", {}).get("application/json", {}).get("examples", {})
                for example in examples.values():
                    for resource in resources_of(example.get("value")):
                        if isinstance(resource.get("uri"), str):
                            shapes.setdefault((method.upper(), template), set()).add(uri_shape(resource["uri"]))
    return shapes


def uri_problems(spec: Spec, method: str, template: str, body: Any) -> list[str]:
    """Each resource's ``uri`` names its own sid and has the shape of Twilio's examples for this operation."""
    problems = []
    shapes = spec.uri_shapes.get((method, template))
    lists = [key for key, value in body.items() if isinstance(value, list)] if isinstance(body, dict) else []
    for index, resource in enumerate(resources_of(body)):
        where = f"{lists[0]}[{index}].uri" if "page_size" in body and lists else "uri"
        uri = resource.get("uri")
        if not isinstance(uri, str):
            continue  # null or wrong type: the schema check reports it
        if shapes and uri_shape(uri) not in shapes:
            problems.append(f"{where}: {uri_shape(uri)}, Twilio's examples give {' or '.join(sorted(shapes))}")
        sid = resource.get("sid")
        if isinstance(sid, str) and not uri.split("?")[0].endswith(f"/{sid}.json"):
            problems.append(f"{where}: {uri} does not end with the resource's own sid {sid}.json")
    return problems


def template_regex(template: str) -> re.Pattern:
    parts = re.split(r"(\{[^}/]+\})", template)
    return re.compile("^" + "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts) + "$")


@lru_cache(maxsize=1)
def load_spec(path: str | None = None) -> Spec:
    """Parse the spec once per process (about 1-2 s, most of it openapi-core's own check of the spec)."""
    started = time.perf_counter()
    raw = json.loads(Path(path or spec_file()).read_text(encoding="utf-8"))
    open_free_form_objects(raw)
    formats = {"date-time-rfc-2822": is_rfc2822_utc, "date-time": is_date_time_or_date}
    config = Config(extra_format_validators=formats,
                    response_properties_default_policy="required",
                    additional_properties_default_policy="forbid")
    api = OpenAPI.from_dict(raw, config=config)
    # Literal templates first, so a fixed segment wins over a {Param} one.
    templates = sorted(raw["paths"], key=lambda t: (t.count("{"), -len(t)))
    return Spec(api, raw, [(template_regex(t), t) for t in templates], time.perf_counter() - started,
                example_uri_shapes(raw))


# --- plain request/response objects in openapi-core's protocol shape ------------------------------

class SpecRequest:
    """An HTTP request as openapi-core reads it, with the host put back to api.twilio.com."""

    def __init__(self, method: str, url: str, headers: Mapping[str, str] | None = None,
                 body: bytes | str | None = None):
        parts = urlsplit(url)
        self.method = method.lower()
        self.host_url = TWILIO_API
        self.path = parts.path
        self.query = parts.query
        self.body = body.encode("utf-8") if isinstance(body, str) else body
        header = Headers(dict(headers or {}))
        self.content_type = header.get("Content-Type", "")
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qsl(parts.query, keep_blank_values=True)), header=header)


class SpecResponse:
    def __init__(self, status_code: int, headers: Mapping[str, str] | None = None, body: bytes | str = b""):
        self.status_code = int(status_code)
        self.headers = Headers(dict(headers or {}))
        self.content_type = self.headers.get("Content-Type", "")
        self.data = body.encode("utf-8") if isinstance(body, str) else body


# --- violations --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Violation:
    """One way an exchange breaks the contract.

    ``kind``: request, response, error-shape, paging, uri, not-in-spec (or checker-crashed).
    """
    method: str
    path: str
    template: str | None
    status: int | None
    kind: str
    message: str

    def __str__(self) -> str:
        route = f"{self.method} {self.template or self.path}"
        status = f" -> {self.status}" if self.status is not None else ""
        return f"[{self.kind}] {route}{status}: {self.message}"


def json_path(parts: Iterable[Any]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def describe(exc: BaseException) -> list[str]:
    """openapi-core's exception as readable lines, one per schema error, with the JSON path of each."""
    causes = [exc, exc.__cause__, exc.__context__]
    for cause in causes:
        schema_errors = getattr(cause, "schema_errors", None)
        if schema_errors:
            head = str(exc).split(" Value ")[0] if type(exc).__name__.startswith("InvalidParameter") else ""
            prefix = f"{head}: " if head else ""
            lines = []
            for err in schema_errors:
                where = json_path(err.absolute_path)
                scalar = where and not isinstance(err.instance, (dict, list))  # objects would drown the line
                value = repr(err.instance)[:120] if scalar else ""
                lines.append(f"{prefix}{where + ': ' if where else ''}{err.message}"
                             + (f" (got {value})" if value and value not in err.message else ""))
            return lines
    text = str(exc)
    name = type(exc).__name__
    return [text[:500] if text.startswith(name) else f"{name}: {text[:500]}"]


def error_shape_problems(status: int, content_type: str, body: bytes) -> list[str]:
    """Twilio's documented error body: {"code": int, "message": str, "more_info": url, "status": http status}."""
    problems = []
    if not content_type.lower().startswith("application/json"):
        problems.append(f"Content-Type is {content_type!r}, Twilio sends application/json")
    try:
        data = json.loads(body or b"")
    except ValueError:
        return problems + [f"body is not JSON: {body[:200]!r}"]
    if not isinstance(data, dict):
        return problems + [f"body is {type(data).__name__}, not an object"]
    for key, kind in ERROR_KEYS.items():
        if key not in data:
            problems.append(f"{key}: missing")
        elif not isinstance(data[key], kind) or isinstance(data[key], bool):
            problems.append(f"{key}: {data[key]!r} is not {kind.__name__}")
    unknown = sorted(set(data) - set(ERROR_KEYS))
    if unknown:
        problems.append(f"unexpected keys {unknown}; Twilio's error body has exactly {sorted(ERROR_KEYS)}")
    if isinstance(data.get("status"), int) and data["status"] != status:
        problems.append(f"status: {data['status']} but the HTTP status is {status}")
    if isinstance(data.get("message"), str) and not data["message"].strip():
        problems.append("message: empty")
    code = data.get("code")
    link = f"https://www.twilio.com/docs/errors/{code}"
    if isinstance(code, int) and "more_info" in data and data["more_info"] != link:
        problems.append(f"more_info: {data['more_info']!r}, Twilio links {link}")
    return problems


def query_dict(query: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        out.setdefault(key, []).append(value)
    return out


def paging_problems(request_path: str, request_query: str, body: Any) -> list[str]:
    """Twilio's paging arithmetic for one list page (the spec gives only the field types)."""
    if not isinstance(body, dict) or "page_size" not in body:
        return []
    problems = []
    asked = query_dict(request_query)
    try:
        want_size = int(asked.get("PageSize", [DEFAULT_PAGE_SIZE])[0])
        want_page = int(asked.get("Page", [0])[0])
    except ValueError:
        return [f"request has a non-integer Page/PageSize: {request_query}"]
    lists = [key for key, value in body.items() if isinstance(value, list)]
    if len(lists) != 1:
        return [f"a list page has exactly one array of resources, found {lists}"]
    items = body[lists[0]]
    page, size, start, end = (body.get(k) for k in ("page", "page_size", "start", "end"))
    if size != want_size:
        problems.append(f"page_size: {size!r}, the request asked for {want_size}")
    if page != want_page:
        problems.append(f"page: {page!r}, the request asked for page {want_page}")
    if isinstance(size, int) and len(items) > size:
        problems.append(f"{lists[0]}: {len(items)} items on a page of size {size}")
    if isinstance(page, int) and isinstance(size, int) and start != page * size:
        problems.append(f"start: {start!r}, page {page} x page_size {size} = {page * size}")
    if items and isinstance(start, int) and end != start + len(items) - 1:
        problems.append(f"end: {end!r}, start {start} + {len(items)} items - 1 = {start + len(items) - 1}")
    filters = {k: v for k, v in asked.items() if k not in PAGING_PARAMS}
    for name in ("first_page_uri", "next_page_uri", "previous_page_uri", "uri"):
        link = body.get(name)
        if link is None:
            continue
        if not isinstance(link, str) or not link.startswith("/2010-04-01/"):
            problems.append(f"{name}: {link!r} is not a path relative to {TWILIO_API}")
            continue
        parts = urlsplit(link)
        if parts.path != request_path:
            problems.append(f"{name}: path {parts.path} differs from the listed {request_path}")
        linked = query_dict(parts.query)
        for key, values in filters.items():
            if linked.get(key) != values:
                problems.append(f"{name}: drops or changes the filter {key}={values} (has {linked.get(key)})")
        expected_page = {"first_page_uri": 0, "next_page_uri": want_page + 1,
                         "previous_page_uri": want_page - 1}.get(name)
        if expected_page is not None:
            if linked.get("Page") != [str(expected_page)]:
                problems.append(f"{name}: Page={linked.get('Page')}, expected {expected_page}")
            if linked.get("PageSize") != [str(want_size)]:
                problems.append(f"{name}: PageSize={linked.get('PageSize')}, expected {want_size}")
    if body.get("first_page_uri") is None:
        problems.append("first_page_uri: null")
    if body.get("uri") is None:
        problems.append("uri: null")
    if want_page == 0 and body.get("previous_page_uri") is not None:
        problems.append("previous_page_uri: set on the first page")
    if want_page > 0 and body.get("previous_page_uri") is None:
        problems.append(f"previous_page_uri: null on page {want_page}")
    if body.get("next_page_uri") is not None and isinstance(size, int) and len(items) < size:
        problems.append(f"next_page_uri: set on a page with {len(items)} < {size} items (the last page)")
    return problems


# --- the checker -------------------------------------------------------------------------------------

@dataclass
class Exchange:
    """One checked request/response pair."""
    method: str
    path: str
    template: str | None
    status: int
    check_s: float


@dataclass
class ContractChecker:
    """Validates exchanges against the spec and remembers what it saw; thread-safe."""
    spec: Spec = field(default_factory=load_spec)
    violations: list[Violation] = field(default_factory=list)
    exchanges: list[Exchange] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def covered(self) -> set[tuple[str, str]]:
        """(METHOD, path template) of every exchange seen."""
        with self._lock:
            return {(e.method, e.template) for e in self.exchanges if e.template}

    def check(self, method: str, url: str, request_headers: Mapping[str, str] | None,
              request_body: bytes | str | None, status: int, response_headers: Mapping[str, str] | None,
              response_body: bytes | str) -> list[Violation]:
        """Check one exchange; return its violations (also appended to ``self.violations``)."""
        started = time.perf_counter()
        method = method.upper()
        request = SpecRequest(method, url, request_headers, request_body)
        response = SpecResponse(status, response_headers, response_body)
        template = self.spec.template_for(request.path)
        found: list[Violation] = []

        def add(kind: str, messages: Iterable[str]) -> None:
            found.extend(Violation(method, request.path, template, status, kind, m) for m in messages)

        if template is None or self.spec.operation(method, template) is None:
            add("not-in-spec", ["this method and path are not described in Twilio's spec"])
        else:
            for exc in self.spec.api.iter_request_errors(request):
                add("request", describe(exc))
            if status >= 400:
                if str(status) in self.spec.operation(method, template)["responses"]:
                    for exc in self.spec.api.iter_response_errors(request, response):
                        add("response", describe(exc))
                add("error-shape", error_shape_problems(status, response.content_type, response.data))
            else:
                for exc in self.spec.api.iter_response_errors(request, response):
                    add("response", describe(exc))
                if response.content_type.lower().startswith("application/json"):
                    try:
                        body = json.loads(response.data or b"null")
                    except ValueError:
                        body = None  # openapi-core has reported it already
                    add("uri", uri_problems(self.spec, method, template, body))
                    if method == "GET":
                        add("paging", paging_problems(request.path, request.query, body))
        with self._lock:
            self.violations.extend(found)
            self.exchanges.append(Exchange(method, request.path, template, status,
                                           time.perf_counter() - started))
        return found

    def report(self) -> str:
        """All violations, one per line, for an assertion message."""
        with self._lock:
            return "\n".join(str(v) for v in self.violations)


class ContractHttpClient(RoutedHttpClient):
    """RoutedHttpClient that checks every exchange the SDK makes on the wire against Twilio's spec.

    Violations are collected in ``self.checker.violations`` (never raised inside the SDK);
    ``self.checker.covered`` is the set of (METHOD, path template) exercised.
    """

    def __init__(self, api_base: str, checker: ContractChecker | None = None, **kwargs):
        self.checker = checker or ContractChecker()
        super().__init__(api_base, request_hooks={"response": [self._on_response]}, **kwargs)

    def _on_response(self, response, *args, **kwargs):
        sent = response.request  # the PreparedRequest exactly as it went out
        try:
            self.checker.check(sent.method, sent.url, dict(sent.headers), sent.body, response.status_code,
                               dict(response.headers), response.content)
        except Exception as exc:  # noqa: BLE001 - a checker bug must show up as a violation, not as an SDK error
            with self.checker._lock:
                self.checker.violations.append(Violation(sent.method, urlsplit(sent.url).path, None,
                                                         response.status_code, "checker-crashed", repr(exc)))
        return response


def basic_auth(account_sid: str, auth_token: str) -> dict[str, str]:
    """The Authorization header Twilio's SDK sends."""
    token = base64.b64encode(f"{account_sid}:{auth_token}".encode()).decode()
    return {"Authorization": f"Basic {token}"}
