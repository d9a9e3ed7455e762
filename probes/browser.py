"""Finding, installing and starting Chromium for the browser channels.

Order of preference: the configured path, Playwright's own Chromium (after
``playwright install chromium``), then the system's (Debian's ``chromium``).
"""
from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from .config import BrowserSettings
from .results import FAILING, Evidence, Outcome, ProberError, first_line

T = TypeVar("T")

log = logging.getLogger("probes.browser")

SYSTEM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# Flags for a quiet browser on closed networks: no update checks, sync or QUIC probes.
DEFAULT_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    "--disable-dev-shm-usage",
]
# Chromium features the prober turns off, on top of Playwright's own list.
DISABLED_FEATURES = (
    "AutofillServerCommunication",  # no form-field lookups at Google from the forms we fill
    # Every new window (one per browser step) preloads two omnibox pop-ups as WebUI renderers that no
    # page ever shows: without them a web-form journey costs half the CPU (measured 1.9 -> 0.9 CPU-s).
    "WebUIOmniboxPopup",
    "WebUIOmniboxAimPopup",
    # Chromium keeps a spare renderer warm for the next page, but a step that needs a new browser context
    # opens its page in one the spare does not belong to: 4 renderers were started per journey, 3 of them for nothing.
    "SpareRendererForSitePerProcess",
)
# Playwright's own --disable-features list (1.65), for when its driver cannot be read: Chromium obeys
# only the LAST --disable-features switch, so ours must repeat Playwright's or it switches them back on
# (among them AvoidCorsURLLoaderRestartOnRedirect, which breaks redirects under request interception).
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding",
    "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect", "TcpPortRandomizationWin",
    "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled", "PreconnectToSearch",
)
APT_COMMAND = "sudo apt-get update && sudo apt-get install -y chromium"
# How long closing Chromium, or stopping Playwright's driver, may take at the end of a run.
CLOSE_WITHIN_S = 30.0
# How long opening a tab may take. Playwright's new_page() has no time limit of its own, and when Chromium is
# killed while a tab is being opened it was seen never to return (about 1 run in 10 of the crash tests).
PAGE_WITHIN_S = 60.0
# Emptying a used tab for the next step (see BrowserSession.tab): longer than this, and a new context is cheaper.
EMPTY_WITHIN_S = 30.0
# Emptied tabs kept for later steps; each keeps a renderer process until the run ends.
MAX_IDLE_TABS = 8
# Steps one tab serves before it is closed: a reused renderer grows (measured some 4 MB a demo journey).
MAX_TAB_STEPS = 10


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


def playwright_disabled_features() -> list[str]:
    """The features Playwright's driver disables when it launches Chromium (read from the driver itself)."""
    try:
        import playwright
        package = Path(playwright.__file__).parent / "driver" / "package" / "lib"
        for name in ("coreBundle.js", "server/chromium/chromiumSwitches.js"):
            if (path := package / name).is_file():
                text = path.read_text(encoding="utf-8", errors="replace")
                if m := re.search(r"disabledFeatures\s*=\s*\[(.*?)\]", text, re.S):
                    body = re.sub(r"//[^\n]*", "", m.group(1))
                    if found := re.findall(r"[\"']([A-Za-z0-9_]+)[\"']", body):
                        return found
    except Exception:  # noqa: BLE001 - any trouble: the copy below
        pass
    return list(PLAYWRIGHT_DISABLED_FEATURES)


def disable_features_arg(user_args: list[str]) -> str:
    """One ``--disable-features`` with Playwright's, the prober's and the user's features: Chromium keeps
    only the last such switch, and Playwright puts its own before ours."""
    prefix = "--disable-features="
    features = playwright_disabled_features() + list(DISABLED_FEATURES)
    for a in user_args:
        if a.startswith(prefix):
            features += [f for f in a[len(prefix):].split(",") if f]
    return prefix + ",".join(dict.fromkeys(features))


def launch_options(settings: BrowserSettings, playwright_default: str | None = None) -> dict:
    """Keyword arguments for ``playwright.chromium.launch``."""
    args = list(DEFAULT_ARGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to sandbox as root
    args.append(disable_features_arg(settings.args))
    args += [a for a in settings.args if a not in args and not a.startswith("--disable-features=")]
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
        self._browser: Any = None
        self._lock = None
        self.launches = 0          # how many Chromiums this session started (more than 1: one died)
        self.disconnects = 0       # how many of them went away without close()
        self._idle: list[Tab] = []  # emptied tabs, ready for another step (see tab())
        self._emptying: dict[Any, Tab] = {}  # give_back()'s emptying under way: task -> tab
        self.tabs_opened = 0       # browser contexts opened by tab()
        self.tabs_reused = 0       # steps given an emptied tab instead
        self.tabs_discarded = 0    # tabs closed because they could not be proven empty (or were not clean)

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

    async def tab(self, options: dict, init_script: str = "") -> Tab:
        """A tab of its own for one browser step: an emptied one that an earlier step gave back (same context
        options and init script, same Chromium), else a new browser context with one tab, behind its own
        SOCKS gate (``tab.gate.proxy``; see probes.netguard). Give it back with ``give_back``.

        Why: a new context and tab cost about a quarter of a web-form journey's CPU (a new renderer process,
        the tab's set-up); an emptied one is as good as new for what a page can see (see ``_empty``).
        """
        from .netguard import SocksGate

        import asyncio

        key = repr((sorted(options.items()), init_script))
        browser = await self.get()
        # A tab being emptied is ready in a moment, and cheaper than a new context (another step may take it
        # first: then wait for the next one).
        while not any(t.key == key for t in self._idle) and (
                waiting := [task for task, tab in self._emptying.items() if tab.key == key]):
            await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
        for tab in list(self._idle):
            if tab.browser is not browser or not browser.is_connected():
                self._idle.remove(tab)
                await self._discard(tab)
            elif tab.key == key:
                self._idle.remove(tab)
                self.tabs_reused += 1
                tab.steps += 1
                return tab
        gate = await SocksGate().start()
        try:
            context = await self.new_context(**options, proxy=gate.proxy)
        except BaseException:
            await gate.close()
            raise
        tab = Tab(context, None, gate, context.browser, key)
        try:
            # Every origin the tab's pages reach: what _empty clears.
            context.on("request", tab.note_request)
            if init_script:
                await context.add_init_script(init_script)
            tab.page = await open_page(context)
        except BaseException:
            await self._discard(tab)
            raise
        self.tabs_opened += 1
        return tab

    async def give_back(self, tab: Tab, clean: bool) -> None:
        """The step is done with its tab: empty it for a later step, or close it when ``clean`` is false (the
        step did not end normally: a crash, a cancellation), when it cannot be proven empty, or when it has
        served MAX_TAB_STEPS steps. The emptying goes on after this returns (it takes a few round trips to
        Chromium that the step need not wait for); ``tab()`` takes the tab only once it is done."""
        import asyncio

        keep = (clean and tab.page is not None and tab.browser is self._browser and tab.browser.is_connected()
                and len(self._idle) + len(self._emptying) < MAX_IDLE_TABS and tab.steps < MAX_TAB_STEPS)
        if not keep:
            self.tabs_discarded += 1
            await self._discard(tab)
            return
        task = asyncio.ensure_future(self._empty_and_keep(tab))
        self._emptying[task] = tab
        task.add_done_callback(lambda t: self._emptying.pop(t, None))

    async def _empty_and_keep(self, tab: Tab) -> bool:
        import asyncio

        try:
            await asyncio.wait_for(_empty(tab), EMPTY_WITHIN_S)
        except BaseException as exc:  # anything at all (a cancellation at the run's end too): not kept
            if not isinstance(exc, asyncio.CancelledError):
                log.info("a used tab could not be proven empty (%s); closing it", first_line(exc))
            self.tabs_discarded += 1
            await asyncio.shield(self._discard(tab))
            return False
        self._idle.append(tab)
        return True

    async def _discard(self, tab: Tab) -> None:
        import asyncio

        try:
            if tab.browser.is_connected():
                await asyncio.wait_for(tab.context.close(), CLOSE_WITHIN_S)
        except Exception as exc:  # noqa: BLE001 - a context that will not close goes with its browser
            log.info("closing a tab's context failed: %s", first_line(exc))
        finally:
            await tab.gate.close()

    async def close(self) -> None:
        """Close Chromium and Playwright's driver; each gets CLOSE_WITHIN_S, so a wedged driver
        (seen after a Chromium was killed mid-response) cannot hang the end of a run."""
        import asyncio

        for task in list(self._emptying):
            task.cancel()
        if self._emptying:
            await asyncio.wait(list(self._emptying), timeout=CLOSE_WITHIN_S)
        idle, self._idle = self._idle, []
        for tab in idle:
            await tab.gate.close()   # the contexts close with Chromium
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


class Tab:
    """One browser context with one tab and its SOCKS gate, used by one step at a time (BrowserSession.tab)."""

    def __init__(self, context, page, gate, browser, key: str):
        self.context = context
        self.page = page
        self.gate = gate
        self.browser = browser
        self.key = key
        self.origins: set[str] = set()   # every http(s) origin a page of the context has asked for
        self.steps = 1                   # steps that have used it
        self._cdp = None

    def note_request(self, request) -> None:
        url = request.url
        if url.startswith(("http:", "https:")):
            parts = urlsplit(url)
            self.origins.add(f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}")

    async def cdp(self):
        if self._cdp is None:
            self._cdp = await self.context.new_cdp_session(self.page)
        return self._cdp


class NotEmpty(Exception):
    """A used tab still holds something of the step before."""


async def _empty(tab: Tab) -> None:
    """Make a used tab as good as a new context for the next step, then check it; NotEmpty (or any error) if not.

    Emptied: every other tab (pop-ups) closed, the tab on about:blank with a history of that page alone and
    no window.name;
    cookies, permissions and the HTTP cache of the context cleared; for every origin a page asked for, all its
    site data (local and session storage, IndexedDB, Cache Storage, service workers, file systems) deleted.
    Checked: no cookie, one tab on about:blank with one history entry and no window.name, no stored bytes for any of those
    origins, and no connection left open through the SOCKS gate.
    """
    import asyncio

    context, page = tab.context, tab.page
    for other in list(context.pages):
        if other is not page:
            await other.close()
    if page.is_closed():
        raise NotEmpty("its tab was closed")
    # Committed is enough: from then on no document of the last step is left in the tab to write anything.
    await page.goto("about:blank", wait_until="commit")
    cdp = await tab.cdp()
    origins = sorted(tab.origins)
    await asyncio.gather(
        # The tab's window.name survives its navigations (seen: set by a form page, read by the next step's).
        page.evaluate("window.name = ''"),
        context.clear_cookies(), context.clear_permissions(), cdp.send("Network.clearBrowserCache"),
        cdp.send("Page.resetNavigationHistory"),
        *(cdp.send("Storage.clearDataForOrigin", {"origin": o, "storageTypes": "all"}) for o in origins))
    # The proof: what can be read without opening a page of each origin.
    cookies, name, history, *usages = await asyncio.gather(
        context.cookies(), page.evaluate("window.name"), cdp.send("Page.getNavigationHistory"),
        *(cdp.send("Storage.getUsageAndQuota", {"origin": o}) for o in origins))
    if cookies:
        raise NotEmpty("cookies are left")
    if context.pages != [page] or page.url != "about:blank":
        raise NotEmpty("a page is left open")
    if name:
        raise NotEmpty("window.name is left")
    if len(history["entries"]) != 1:
        raise NotEmpty("its history is left")
    for origin, usage in zip(origins, usages, strict=True):
        if usage["usage"]:
            raise NotEmpty(f"site data of {origin} is left")
    await tab.gate.cut()
    tab.origins.clear()


# How long a step's page calls may take to fail by themselves once Chromium has gone (see unless_gone).
GONE_GRACE_S = 5.0


class ChromiumGone(Exception):
    """Chromium went away while the prober was waiting for it."""


@contextlib.contextmanager
def _gone_watch(browser) -> Iterator[Any]:
    """A future that is done once Chromium has gone away (at once, if it already has), while in the block."""
    import asyncio

    gone = asyncio.get_running_loop().create_future()

    def on_gone(_browser) -> None:
        if not gone.done():
            gone.set_result(None)

    if browser is None:
        yield gone
        return
    browser.once("disconnected", on_gone)
    if not browser.is_connected():
        on_gone(browser)
    try:
        yield gone
    finally:
        browser.remove_listener("disconnected", on_gone)


async def open_page(context, within_s: float = PAGE_WITHIN_S):
    """context.new_page(), bounded: it ends when the tab is open, when Chromium goes away (ChromiumGone; the
    caller's ``BrowserSession.lost()`` then says so) or after within_s (a prober error: nothing was sent)."""
    import asyncio

    browser = context.browser
    if browser is not None and not browser.is_connected():
        raise ChromiumGone("Chromium went away before the tab was opened")
    with _gone_watch(browser) as gone:
        opening = asyncio.ensure_future(context.new_page())
        try:
            done, _ = await asyncio.wait({opening, gone}, timeout=within_s, return_when=asyncio.FIRST_COMPLETED)
        except BaseException:
            opening.cancel()
            raise
    if opening in done:
        return opening.result()
    opening.cancel()
    if gone.done():
        raise ChromiumGone("Chromium went away while the tab was being opened")
    raise ProberError(f"Chromium did not open a tab within {within_s:.0f} s (an overloaded machine or a wedged "
                      "browser); nothing was sent", nothing_sent=True)


async def unless_gone(browser, work: Awaitable[T], grace_s: float = GONE_GRACE_S) -> T:
    """Await ``work`` (a step's Playwright calls), but not past Chromium's going away.

    Killed at the wrong moment, Chromium can leave a call (a goto, a click) waiting for an answer the driver
    never sends, until the step's whole budget runs out (minutes). When the browser disconnects, ``work``
    gets ``grace_s`` to fail by itself (Playwright's own "Target closed"), then is cancelled and ChromiumGone
    is raised: the caller's ``BrowserSession.lost()`` says what happened, as for any other crash.
    """
    import asyncio

    task = asyncio.ensure_future(work)
    with _gone_watch(browser) as gone:
        try:
            done, _ = await asyncio.wait({task, gone}, return_when=asyncio.FIRST_COMPLETED)
            if task not in done:
                done, _ = await asyncio.wait({task}, timeout=grace_s)
            if task in done:
                return task.result()
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            raise ChromiumGone("Chromium went away mid-step (a page call was left unanswered)")
        except BaseException:
            task.cancel()
            raise


def untraced(owner: Any, make: Callable[[], Awaitable[T]]) -> Awaitable[T]:
    """Run make() (Playwright calls on owner's page: a page, frame or locator) as the prober's own look at
    the page, left out of the step's trace.

    The trace is the customer's story: what they opened, typed and pressed. The prober's reading of labels,
    its polling for a confirmation or a chat reply and its screenshots are not; traced, each of them also
    costs two DOM snapshots, which made a web form step a third slower than a hand-written script. Uses
    Playwright's own "internal call" flag (not public API); with a Playwright that lacks it, the calls are
    traced as before.
    """
    global _INTERNAL
    wrap = getattr(getattr(owner, "_impl_obj", None), "_wrap_api_call", None)
    if wrap is not None:
        if _INTERNAL is None:
            _INTERNAL = _internal_call_flag()
        options, old_flag = _INTERNAL
        if options is not None:
            return wrap(lambda _zone: make(), options)
        if old_flag:
            return wrap(make, True)
    return make()


def _internal_call_flag() -> tuple[Any, bool]:
    """(options that mark a call internal, whether _wrap_api_call takes is_internal instead): per Playwright version."""
    import inspect

    try:
        from playwright._impl.channel_owner import ApiCallOptions, ChannelOwner
    except ImportError:
        try:
            from playwright._impl._connection import ChannelOwner  # type: ignore[no-redef]
        except ImportError:
            return None, False
        return None, "is_internal" in inspect.signature(ChannelOwner._wrap_api_call).parameters
    return ApiCallOptions(internal=True), False


_INTERNAL: tuple[Any, bool] | None = None   # _internal_call_flag(), once a page is there to use it


class StepTrace:
    """The Playwright trace of one browser step, as ``settings.browser.trace`` asks (one place for both channels).

    ``on``: DOM snapshots, network and actions of the whole step, kept as ``trace.zip``; no screenshot of
    every frame (Playwright's screencast), which made replies appear up to 1.8 s late on screen and cost
    most of a step's CPU. The channels take their own screenshots at moments that time nothing (web_form
    before and after sending, chat after each turn). ``on_failure``: recorded the same way (a trace cannot
    be started after the fact) but kept only when the step did not pass. ``off``: no trace; screenshots only.
    ``full``: ``on`` plus the screencast, for looking at a page frame by frame; it slows the page it records.
    """

    def __init__(self, mode: str, path: Path):
        self.mode = mode
        self.path = path
        self._started = False
        self._outer: BaseException | None = None

    async def start(self, context) -> None:
        if self.mode == "off":
            return
        self._outer = sys.exc_info()[1]  # an exception some caller is handling is not this step's
        await context.tracing.start(screenshots=self.mode == "full", snapshots=True)
        self._started = True

    async def stop(self, context, out: Outcome, passed: bool = True) -> None:
        """Save the trace into ``out.evidence`` (``on``, ``full``, or ``on_failure`` after a failure) or drop it.

        Failed: ``passed`` is False, a finding is critical or major, or an exception is on its way out of
        the step (call this from its ``finally``). A trace that cannot be saved (the browser died) is noted
        in the observations, never raised: it must not hide what the step saw.
        """
        if not self._started:
            return
        self._started = False
        raised = sys.exc_info()[1] not in (None, self._outer)
        failed = raised or not passed or any(f.severity in FAILING for f in out.findings)
        keep = self.mode != "on_failure" or failed
        try:
            if keep:
                await context.tracing.stop(path=str(self.path))
                out.evidence.append(Evidence("trace", "Playwright trace", self.path))
            else:
                await context.tracing.stop()
        except Exception as exc:  # noqa: BLE001 - a dead browser has no trace left to save
            out.observations.setdefault("evidence_errors", []).append(f"{self.path.name}: {first_line(exc)}")
