"""Shared by the report tests: a real Chromium, and opening a report from disk with no network."""
from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                 "--disable-sync", "--disable-quic", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def chromium():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def open_report(chromium, path: Path, width: int = 1100):
    """Open a report from disk, recording every request and letting none leave the disk."""
    context = chromium.new_context(viewport={"width": width, "height": 900})
    url = path.as_uri()
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))

    def gate(route, request):
        # Files on disk (thumbnails, beside the screenshots) are no network; nothing else may load.
        if request.url == url or request.url.startswith(("data:", "file:")):
            route.continue_()
        else:
            route.abort()
    context.route("**/*", gate)
    page = context.new_page()
    page.goto(url, wait_until="load")
    return page, requests, url
