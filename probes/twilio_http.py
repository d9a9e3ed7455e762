"""The official `twilio` SDK, pointed at Twilio or at a Twilio-compatible server.

twilio-python always builds ``https://api.twilio.com/...`` URLs. To talk to
the project's simulator (``probes sim twilio``) instead, ``RoutedHttpClient``
rewrites scheme and host of every request to ``api_base`` and keeps path and
query, so paging links work too. ``environment={}`` keeps ``TWILIO_EDGE`` /
``TWILIO_REGION`` from the shell out of it: the prober talks to exactly one
place, the one in probes.yaml.
"""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

TWILIO_API = "https://api.twilio.com"


class RoutedHttpClient(TwilioHttpClient):
    """A TwilioHttpClient that sends every request to ``api_base`` instead of api.twilio.com."""

    def __init__(self, api_base: str, timeout: float = 30.0, **kwargs):
        super().__init__(timeout=timeout, **kwargs)
        parts = urlsplit(api_base)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"api_base must be an http(s) URL, not {api_base!r}")
        self.api_base = f"{parts.scheme}://{parts.netloc}"

    def route(self, url: str) -> str:
        parts = urlsplit(url)
        base = urlsplit(self.api_base)
        return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, parts.fragment))

    def request(self, method, url, params=None, data=None, headers=None, auth=None, timeout=None,
                allow_redirects=False):
        return super().request(method, self.route(url), params=params, data=data, headers=headers, auth=auth,
                               timeout=timeout, allow_redirects=allow_redirects)


def twilio_client(account_sid: str, auth_token: str, api_base: str | None = None,
                  http_client: TwilioHttpClient | None = None) -> Client:
    """A twilio.rest.Client for Twilio itself (api_base None) or for a compatible server at api_base."""
    if http_client is None and api_base and api_base.rstrip("/") != TWILIO_API:
        http_client = RoutedHttpClient(api_base)
    return Client(account_sid, auth_token, http_client=http_client, environment={})
