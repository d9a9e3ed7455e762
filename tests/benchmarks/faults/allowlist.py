"""Fault cases for the fault matrix: pages that try every route off the allowlist (see tests/channels/allowlist_pages.py).

Each case serves a page on loopback whose host is on the allowlist, listens on a port that is not,
and runs `probes run` as a user does (subprocess, real Chromium). Misattributed: the off-list
listener accepted a connection (a leak), or the block showed as the company's failure (a critical
or major finding). Crashed: a traceback, an exit code other than the one expected, or no report or
JSON. Lost: the form was sent more than once.
"""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import time
from collections.abc import Callable

ROOT = pathlib.Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from tests.channels.allowlist_pages import OffList, Site, chat_journey, form_journey  # noqa: E402 - after the path is set

# Page -> (exit code a user should get, posts the company should have received).
ROUTES = {
    "/redirect-302": (3, 0),    # the page redirects off the allowlist: cannot be judged
    "/form-307": (3, 1),        # the form's POST reaches the company, whose 307 would carry it off the allowlist
    "/form-off-list": (3, 0),   # the form posts to a third party
    "/fetch": (0, 1),           # noted (info); the form is judged as usual
    "/img": (0, 1),
    "/script-css": (0, 1),
    "/beacon": (0, 1),
    "/websocket": (0, 1),
    "/preconnect": (0, 1),
    "/iframe": (0, 1),
    "/chat-off-list": (3, 0),   # the chat's WebSocket is off the allowlist
}


def _case(path: str) -> Callable[[pathlib.Path], dict]:
    want_code, want_posts = ROUTES[path]

    def run(folder: pathlib.Path) -> dict:
        off = OffList()
        site = Site(off.url)
        try:
            (folder / "probes.yaml").write_text(json.dumps({
                "settings": {"reports_dir": str(folder / "reports")},
                "targets": {"demo": {"name": "Allowlist route", "allowlist": [site.base_url + "/"]}}}))
            scenario = chat_journey if path.startswith("/chat") else form_journey
            (folder / "journey.yaml").write_text(scenario(site.base_url + path))
            env = {**os.environ, "PYTHONPATH": str(ROOT)}
            done = subprocess.run([sys.executable, "-m", "probes", "run", str(folder / "journey.yaml"),
                                   "--config", str(folder / "probes.yaml"), "--report", str(folder / "reports"),
                                   "--json", str(folder / "run.json")],
                                  check=False, capture_output=True, text=True, timeout=240, env=env, cwd=folder)
            time.sleep(0.5)  # a late connection attempt (a beacon on unload) would still be counted
            crashed = ("Traceback" in done.stderr or done.returncode != want_code
                       or not (folder / "run.json").exists() or not (folder / "reports" / "index.html").exists())
            findings = []
            if (folder / "run.json").exists():
                data = json.loads((folder / "run.json").read_text())
                findings = data.get("findings", [])
            failing = [f for f in findings if f.get("severity") in ("critical", "major")]
            misattributed = off.accepted > 0 or bool(failing)
            return {"misattributed": misattributed, "crashed": crashed, "lost": len(site.posts) > max(want_posts, 1),
                    "detail": f"{path}: exit {done.returncode} (want {want_code}), off-list connections {off.accepted}, "
                              f"failing findings {len(failing)}, posts {len(site.posts)}"}
        finally:
            site.close()
            off.close()
    return run


def cases() -> list[tuple[str, Callable[[pathlib.Path], dict]]]:
    return [(f"allowlist{path}", _case(path)) for path in ROUTES]


if __name__ == "__main__":
    import tempfile

    for name, case in cases():
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            try:
                result = case(pathlib.Path(tmp))
            except Exception as exc:  # noqa: BLE001 - a case that cannot run counts as crashed
                result = {"misattributed": False, "crashed": True, "lost": False, "detail": repr(exc)}
            print(f"{name}: misattributed={result['misattributed']} crashed={result['crashed']} "
                  f"lost={result['lost']} ({time.perf_counter() - t0:.0f} s) {result['detail']}", flush=True)
