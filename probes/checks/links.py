"""Broken links: a link in the company's reply that leads to an error page or nowhere.

Harvest calls this for every answer from the company. URLs are taken from the company's own text
(not the customer's quoted message); only those the target's allowlist covers are fetched (the
prober contacts allowlisted targets only), at most ``MAX_URLS`` per answer. Each is fetched with GET,
``TIMEOUT_S`` per request, following up to ``MAX_REDIRECTS`` redirects by hand so that a redirect off
the allowlist is never followed (such a link is left unchecked). A status of 400 or more, a
connection error or a redirect loop is a finding. 429 (rate limited) says nothing about the link and
is left unchecked too. Results are cached per harvest, so a footer link in every reply is fetched once.

Unlike the checks in ``CHECKS`` this one uses the network, so it is not a pure text check; tuning id
``link``.
"""
from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Callable
from urllib.parse import urljoin

from ..results import Finding
from ._text import OWN, read

CHECK = "link.broken"
TUNING_ID = "link"
MAX_URLS = 5
TIMEOUT_S = 5.0
MAX_REDIRECTS = 5
USER_AGENT = "probes-mystery-shopper (link check)"

URL = re.compile(r"https?://[^\s<>\"'`\[\]{}|\\^]+", re.I)

# What a fetch found: an HTTP status, or words saying why there was none; None: not checked.
Status = int | str | None


def urls_in(body: str, persona: dict | None = None, token: str = "") -> list[str]:
    """http(s) URLs in the company's own lines, in order, each once."""
    ctx = SimpleNamespace(persona=persona or {}, token=token)
    found: list[str] = []
    for ln in read(body or "", ctx):
        if ln.kind != OWN:
            continue
        for m in URL.finditer(ln.text):
            url = m.group(0).rstrip(".,;:!?*'\"")
            if url.endswith(")") and url.count("(") < url.count(")"):  # "(see https://x/y)"
                url = url[:-1]
            if url not in found:
                found.append(url)
    return found


def fetch(url: str, target) -> Status:
    """GET url, following redirects while they stay on the target's allowlist."""
    import requests

    for _ in range(MAX_REDIRECTS + 1):
        try:
            with requests.get(url, timeout=TIMEOUT_S, allow_redirects=False, stream=True,
                              headers={"User-Agent": USER_AGENT}) as r:
                status, location = r.status_code, r.headers.get("Location")
        except requests.RequestException as exc:
            return f"no answer ({type(exc).__name__})"
        if not (300 <= status < 400 and location):
            return None if status == 429 else status
        url = urljoin(url, location)
        if not target.covers(url):
            return None  # leads off the allowlist: not ours to follow
    return f"more than {MAX_REDIRECTS} redirects"


def check(body: str, target, *, persona: dict | None = None, token: str = "", cache: dict | None = None,
          get: Callable[[str, object], Status] = fetch) -> list[Finding]:
    """Findings for the broken links in one answer from the company.

    target: the config's Target (its allowlist decides what may be fetched); cache: url -> Status,
    shared across one harvest; get: how to fetch (tests pass their own)."""
    cache = {} if cache is None else cache
    allowed = [u for u in urls_in(body, persona, token) if target.covers(u)][:MAX_URLS]
    found = []
    for url in allowed:
        if url not in cache:
            cache[url] = get(url, target)
        status = cache[url]
        if status is None or (isinstance(status, int) and status < 400):
            continue
        said = f"answered {status}" if isinstance(status, int) else f"gave {status}"
        found.append(Finding(
            CHECK, "major", "A link in the reply is broken",
            f"The reply sends the customer to {url}, which {said}: following it leads to an error, not help.",
            f"{url} → {status}"))
    return found
