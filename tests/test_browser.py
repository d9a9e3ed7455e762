"""Finding and installing Chromium: the system's is used when Playwright's is absent; with neither, the exact command."""
import pytest

from probes import browser
from probes.config import BrowserSettings
from probes.results import ProberError


def test_launch_uses_the_system_chromium_when_playwright_has_none(monkeypatch):
    monkeypatch.delenv("PROBES_CHROMIUM", raising=False)
    monkeypatch.setattr(browser, "system_chromium", lambda: "/usr/bin/chromium")
    opts = browser.launch_options(BrowserSettings(args=["--lang=de"]), "/nonexistent/playwright/chrome")
    assert opts["executable_path"] == "/usr/bin/chromium"
    assert "--disable-background-networking" in opts["args"] and opts["args"][-1] == "--lang=de"
    assert opts["headless"] is True


def test_configured_path_wins(monkeypatch):
    opts = browser.launch_options(BrowserSettings(executable_path="/opt/chrome/chrome", headless=False))
    assert opts["executable_path"] == "/opt/chrome/chrome" and opts["headless"] is False


def test_no_browser_anywhere_stops_with_the_install_command(monkeypatch, tmp_path):
    # Nothing installed, no chromium or apt-get on PATH, and Playwright's download points nowhere.
    monkeypatch.setattr(browser, "playwright_chromium", lambda: None)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "browsers"))
    monkeypatch.setenv("PLAYWRIGHT_DOWNLOAD_HOST", "http://127.0.0.1:9")
    said = []
    with pytest.raises(ProberError) as err:
        browser.ensure_chromium(say=said.append)
    assert browser.APT_COMMAND in str(err.value)
    assert any("playwright install chromium" in line for line in said)


def test_an_installed_browser_is_not_installed_again(monkeypatch):
    monkeypatch.setattr(browser, "playwright_chromium", lambda: None)
    monkeypatch.setattr(browser, "system_chromium", lambda: "/usr/bin/chromium")
    said = []
    assert browser.ensure_chromium(say=said.append) == "/usr/bin/chromium"
    assert said == ["Chromium: /usr/bin/chromium"]


def test_one_disable_features_switch_keeps_playwrights_ours_and_the_users():
    # Chromium obeys only the last --disable-features: a second one would switch Playwright's back on.
    opts = browser.launch_options(BrowserSettings(args=["--disable-features=Translate", "--lang=de"]))
    switches = [a for a in opts["args"] if a.startswith("--disable-features=")]
    assert len(switches) == 1
    features = switches[0].split("=", 1)[1].split(",")
    assert {"AvoidCorsURLLoaderRestartOnRedirect", "HttpsUpgrades"} <= set(features)  # Playwright's
    assert {"AutofillServerCommunication", "WebUIOmniboxPopup", "Translate"} <= set(features)
    assert opts["args"][-1] == "--lang=de"


def test_a_browser_step_opens_no_hidden_renderers():
    # Each context's window used to preload two omnibox pop-ups (WebUI renderers no page shows):
    # half the CPU of a web-form journey.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(**browser.launch_options(BrowserSettings(), pw.chromium.executable_path))
        try:
            cdp = chromium.new_browser_cdp_session()
            context = chromium.new_context()
            context.new_page().goto("data:text/html,<p>hello</p>")
            targets = cdp.send("Target.getTargets")["targetInfos"]
            assert [t["type"] for t in targets] == ["page"], targets
        finally:
            chromium.close()


def test_opening_a_tab_is_bounded_and_says_whose_trouble_it_is():
    # Playwright's new_page() has no time limit, and was seen never to return when Chromium was killed
    # while a tab opened: the prober must not wait for ever, and must say nothing was sent.
    import asyncio

    from browser_faults import kill_chromium

    async def scenario():
        session = browser.BrowserSession(BrowserSettings())
        try:
            context = await session.new_context()
            page = await browser.open_page(context)
            assert page.url == "about:blank"
            with pytest.raises(ProberError, match="did not open a tab within") as slow:
                await browser.open_page(context, within_s=0.0)
            assert slow.value.nothing_sent
            assert kill_chromium()
            with pytest.raises(browser.ChromiumGone):
                await asyncio.wait_for(browser.open_page(context), 120)
            assert session.lost(context.browser)
        finally:
            await session.close()

    asyncio.run(scenario())


def test_a_step_call_left_unanswered_by_a_killed_chromium_ends_with_it():
    # A goto or click that Chromium's death leaves without an answer used to hold the step for its whole
    # budget (seen: 7 minutes). The step's page calls end a few seconds after Chromium goes away.
    import asyncio

    from browser_faults import kill_chromium

    async def scenario():
        session = browser.BrowserSession(BrowserSettings())
        try:
            context = await session.new_context()
            page = await browser.open_page(context)
            assert await browser.unless_gone(context.browser, page.evaluate("1 + 1")) == 2
            never = asyncio.get_running_loop().create_future()   # a call no answer will ever come for
            waiting = asyncio.ensure_future(browser.unless_gone(context.browser, never, grace_s=0.5))
            await asyncio.sleep(0)
            assert kill_chromium()
            with pytest.raises(browser.ChromiumGone, match="went away mid-step"):
                await asyncio.wait_for(waiting, 120)
            assert never.cancelled() and session.lost(context.browser)
        finally:
            await session.close()

    asyncio.run(scenario())


def test_a_browser_step_starts_one_renderer_not_a_spare_for_a_context_it_will_not_use():
    # Chromium warms a spare renderer for the next page of the same browser context; every step opens
    # its page in a new context, so each spare was started for nothing (4 renderers a journey, not 1).
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(**browser.launch_options(BrowserSettings(), pw.chromium.executable_path))
        try:
            cdp = chromium.new_browser_cdp_session()
            for _ in range(2):
                context = chromium.new_context()
                context.new_page().goto("data:text/html,<p>hello</p>")
                processes = cdp.send("SystemInfo.getProcessInfo")["processInfo"]
                assert [p["type"] for p in processes].count("renderer") == 1, processes
                context.close()
        finally:
            chromium.close()
