"""A page's console errors, sorted into those that break it for the customer and noise they cannot see.

The one rule for every browser channel (web_form, chat). *Breaking* (a finding): an uncaught exception
in the page's scripts, a script, page, frame, fetch/XHR or WebSocket that failed to load, a script the
page's Content Security Policy refused to run, and any error the page's own code logged. *Noise* (kept
as the step's ``console_noise`` observation, never a finding): an image, font, stylesheet, media file,
favicon, beacon or tracker pixel that did not load; a font that could not be decoded; what the Content
Security Policy refused other than scripts, and its report-only notices; requests the prober's own
allowlist blocked (those are reported by netguard, as the prober's doing).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

# Resource types (Playwright's request.resource_type) a customer does not need for the page to work.
COSMETIC_TYPES = frozenset({"image", "font", "media", "stylesheet", "manifest", "texttrack", "ping", "beacon",
                            "csp_report", "prefetch", "other"})
# When the type is unknown (a console line whose request was never seen): judged by the file's extension.
_COSMETIC_PATH = re.compile(r"(?:favicon[^/]*|\.(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|woff2?|ttf|otf|eot|css|"
                            r"mp[34]|webm|ogg|wav|vtt|map))$", re.I)
_LOAD_FAILED = re.compile(r"^Failed to load resource\b")
_CSP = re.compile(r"Content[- ]Security[- ]Policy", re.I)
# What a Content Security Policy refuses that stops code from running ("Refused to load the script …", in
# newer Chromium "Loading the script … violates …", "Executing inline script violates …", eval, workers).
_CSP_SCRIPT = re.compile(r"\b(?:script|worker|execut\w*|evaluat\w*|eval|compil\w*)\b|script-src|worker-src", re.I)
_FONT = re.compile(r"Failed to decode downloaded font|OTS parsing error", re.I)
# The browser's words for a request the prober's allowlist proxy refused (netguard reports those).
_BLOCKED = re.compile(r"ERR_BLOCKED_BY_CLIENT|ERR_SOCKS_CONNECTION_FAILED|ERR_TUNNEL_CONNECTION_FAILED")


def is_noise(text: str, *, origin: str = "console", url: str = "", resource_type: str | None = None) -> bool:
    """Whether one console error is noise the customer cannot see (see the module's docstring).

    origin: "console" (a console.error line), "pageerror" (an uncaught exception), "http" (a response
    of 400 or more); url: the resource the line is about, if known; resource_type: Playwright's.
    """
    if origin == "pageerror":
        return False   # an uncaught exception: the script that threw stopped half-way
    if _BLOCKED.search(text):
        return True
    if _CSP.search(text):
        return "[Report Only]" in text or not _CSP_SCRIPT.search(text)
    if _FONT.search(text):
        return True
    if origin == "http" or _LOAD_FAILED.match(text):
        if resource_type is not None:
            return resource_type in COSMETIC_TYPES
        return bool(_COSMETIC_PATH.search(urlsplit(url).path)) if url else False
    return False


class ConsoleLog:
    """Collects a page's errors as they come (feed it from the page's events); ``split`` sorts them at the end.

    ``lines`` is every error as seen, in order (for a finding that quotes what the console said).
    Sorting waits for the end because a resource's type comes with its network events, which may
    arrive after the console line about it.
    """

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._entries: list[tuple[str, str, str]] = []   # (text, origin, url), alongside lines
        self._types: dict[str, str] = {}                # url -> resource type

    def _add(self, text: str, origin: str, url: str = "") -> None:
        self.lines.append(text)
        self._entries.append((text, origin, url))

    def console(self, msg) -> None:
        """page.on("console"): keeps the errors."""
        if msg.type == "error":
            self._add(msg.text, "console", (msg.location or {}).get("url") or "")

    def page_error(self, exc) -> None:
        """page.on("pageerror"): an uncaught exception."""
        self._add(str(exc), "pageerror")

    def response(self, response) -> None:
        """page.on("response"): learns the resource's type (for the console lines about it)."""
        self._types[response.url] = response.request.resource_type

    def request_failed(self, request) -> None:
        """page.on("requestfailed"): learns the resource's type."""
        self._types[request.url] = request.resource_type

    def failed_response(self, response) -> None:
        """A response of 400 or more, as a line of its own ("HTTP 404 <url>")."""
        self.response(response)
        self._add(f"HTTP {response.status} {response.url}", "http", response.url)

    def split(self) -> tuple[list[str], list[str]]:
        """(breaking, noise): the errors that are findings, and those kept only as observations."""
        breaking: list[str] = []
        noise: list[str] = []
        for text, origin, url in self._entries:
            quiet = is_noise(text, origin=origin, url=url, resource_type=self._types.get(url) if url else None)
            (noise if quiet else breaking).append(text)
        return breaking, noise
