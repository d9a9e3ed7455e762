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
