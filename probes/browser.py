"""Finding, installing and starting Chromium for the browser channels.

Order of preference: the configured path, Playwright's own Chromium (after
``playwright install chromium``), then the system's (Debian's ``chromium``).
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .config import BrowserSettings
from .results import ProberError

log = logging.getLogger("probes.browser")

SYSTEM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# Flags for a quiet browser on closed networks: no update checks, sync or QUIC probes.
DEFAULT_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    "--disable-features=AutofillServerCommunication",  # no form-field lookups at Google from the forms we fill
    "--disable-dev-shm-usage",
]
APT_COMMAND = "sudo apt-get update && sudo apt-get install -y chromium"
# How long closing Chromium, or stopping Playwright's driver, may take at the end of a run.
CLOSE_WITHIN_S = 30.0


def playwright_chromium() -> str | None:
    """Path of Playwright's downloaded Chromium, if it has been installed."""
    try:
        from playwright.sync_api import sync_playwright
        with sync_playwright() as p:
            path = p.chromium.executable_path
    except Exception:  # noqa: BLE001 - any failure means "not available"
        return None
    return path if path and Path(path).exists() else None


def system_chromium() -> str | None:
    for name in SYSTEM_CANDIDATES:
        if found := shutil.which(name):
            return found
    return None


def find_chromium(settings: BrowserSettings | None, playwright_default: str | None) -> str | None:
    """The Chromium to launch, or None to let Playwright use its own (already installed) one."""
    if settings and settings.executable_path:
        return settings.executable_path
    if env := os.environ.get("PROBES_CHROMIUM"):
        return env
    if playwright_default and Path(playwright_default).exists():
        return None
    return system_chromium()


def describe() -> str:
    own, system = playwright_chromium(), system_chromium()
    lines = [f"Playwright's Chromium: {own or 'not installed'}", f"system Chromium:       {system or 'not found'}"]
    lines.append("using: " + (own or system or "nothing — run `probes browser --install`"))
    return "\n".join(lines)


def ensure_chromium(say=print) -> str:
    """Make sure a Chromium is there; install one if not. Returns its path.

    Tries ``playwright install chromium`` first, then the system package
    (apt-get as root). Raises ProberError with the exact command otherwise.
    """
    if path := playwright_chromium() or system_chromium():
        say(f"Chromium: {path}")
        return path
    say("No Chromium found; trying `playwright install chromium` …")
    try:
        done = subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"],
                              capture_output=True, text=True, timeout=600)
        if done.returncode == 0 and (path := playwright_chromium()):
            say(f"Chromium: {path}")
            return path
        say("playwright install chromium failed: " + (done.stderr or done.stdout).strip().splitlines()[-1:][0]
            if (done.stderr or done.stdout).strip() else "playwright install chromium failed")
    except (subprocess.TimeoutExpired, OSError) as exc:
        say(f"playwright install chromium failed: {exc}")
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        say("Installing the system Chromium with apt-get …")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], env=env, check=False)
        if path := system_chromium():
            say(f"Chromium: {path}")
            return path
    raise ProberError(f"No Chromium for Playwright. Install one with:\n    {APT_COMMAND}\n"
                      "or: python -m playwright install chromium")


def launch_options(settings: BrowserSettings, playwright_default: str | None = None) -> dict:
    """Keyword arguments for ``playwright.chromium.launch``."""
    args = list(DEFAULT_ARGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to sandbox as root
    args += [a for a in settings.args if a not in args]
    opts: dict = {"headless": settings.headless, "args": args}
    if path := find_chromium(settings, playwright_default):
        opts["executable_path"] = path
    return opts


class BrowserSession:
    """One Chromium per run, started on first use and shared by every browser step.

    Chromium can die under a run (the OOM killer, a crash, someone's ``kill``): the session notices
    (Playwright's ``disconnected`` event) and launches a new one for the steps that follow. Steps
    that were using the dead one fail as prober errors; see ``lost()``.
    """

    def __init__(self, settings: BrowserSettings):
        self.settings = settings
        self._pw = None
        self._browser = None
        self._lock = None
        self.launches = 0          # how many Chromiums this session started (more than 1: one died)
        self.disconnects = 0       # how many of them went away without close()

    async def get(self):
        """The running Chromium; a new one if there is none yet or the last one died."""
        import asyncio
        from playwright.async_api import async_playwright

        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            if self._browser is not None and not self._browser.is_connected():
                log.warning("Chromium went away during the run; starting a new one for the steps that follow")
                self._browser = None
            if self._browser is None:
                if self._pw is None:
                    self._pw = await async_playwright().start()
                opts = launch_options(self.settings, self._pw.chromium.executable_path)
                try:
                    browser = await self._pw.chromium.launch(**opts)
                except Exception as exc:  # noqa: BLE001
                    await self._pw.stop()
                    self._pw = None
                    first = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
                    raise ProberError(f"could not start Chromium ({opts.get('executable_path', 'Playwright default')}): "
                                      f"{first}. Run `probes browser --install`.") from exc
                browser.on("disconnected", self._on_disconnected)
                self._browser = browser
                self.launches += 1
        return self._browser

    def _on_disconnected(self, browser) -> None:
        if browser is self._browser:
            self.disconnects += 1

    def lost(self, browser) -> bool:
        """Did this Chromium go away (crash, kill) rather than being closed by the session?"""
        return browser is not None and not browser.is_connected()

    async def new_context(self, **options):
        """A fresh browser context; if Chromium turns out to have died just now, one more try on a new one."""
        browser = await self.get()
        try:
            return await browser.new_context(**options)
        except Exception:  # noqa: BLE001 - only a dead browser earns the second try
            if not self.lost(browser):
                raise
        browser = await self.get()
        return await browser.new_context(**options)

    async def close(self) -> None:
        """Close Chromium and Playwright's driver; each gets CLOSE_WITHIN_S, so a wedged driver
        (seen after a Chromium was killed mid-response) cannot hang the end of a run."""
        import asyncio

        browser, self._browser = self._browser, None
        try:
            if browser is not None and browser.is_connected():
                try:
                    await asyncio.wait_for(browser.close(), CLOSE_WITHIN_S)
                except asyncio.TimeoutError:
                    log.warning("Chromium did not close within %.0f s; stopping Playwright's driver", CLOSE_WITHIN_S)
        finally:
            if self._pw is not None:
                pw, self._pw = self._pw, None
                try:
                    await asyncio.wait_for(pw.stop(), CLOSE_WITHIN_S)
                except asyncio.TimeoutError:
                    log.warning("Playwright's driver did not stop within %.0f s", CLOSE_WITHIN_S)
