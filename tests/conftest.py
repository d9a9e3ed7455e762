"""Shared fixtures: the demo company on loopback, a real Chromium, and running journeys for real."""
from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pytest_sessionstart(session):
    # No skipping: the browser tests need a real Chromium; say how to get one.
    from probes.browser import APT_COMMAND, playwright_chromium, system_chromium

    if not (os.environ.get("PROBES_CHROMIUM") or playwright_chromium() or system_chromium()):
        pytest.exit(f"No Chromium for the browser tests. Run `probes browser --install`, or: {APT_COMMAND}",
                    returncode=3)


# The suite's longest tests (15-80 s each), started first. The workers (pytest-xdist --dist worksteal) take the
# tests in collection order and an idle one steals from the end of another's queue: a long test reached last
# keeps one worker busy while the others have nothing left to do (up to the demo's 80 s at the end of the suite).
# Only tests with no module-scoped fixture move (their module's fixtures are not set up twice).
LONGEST_FIRST = (
    "tests/test_cli.py::test_demo_runs_every_scenario_and_the_report_shows_what_it_caught",
    "tests/test_queue.py::test_two_workers_run_fifty_journeys_once_and_record_each_answer_once",
    "tests/test_ledger_concurrency.py::test_five_waiting_runs_and_three_harvests_on_one_sqlite_ledger",
    "tests/test_harvest_faults.py::test_a_mailbox_down_across_a_deadline_leaves_the_await_open_until_a_harvest_reads_"
    "past_it",
    "tests/test_cli.py::test_run_wait_then_harvest_twice_records_nothing_new",
    "tests/report/test_junit.py::test_a_real_run_finding_is_a_failure_a_prober_error_an_error_and_a_failed_export_is_"
    "said",
    "tests/test_cli.py::test_a_phone_journey_from_the_command_line_keeps_the_twilio_token_out_of_everything",
    "tests/test_queue.py::test_worker_killed_mid_send_another_resumes_without_sending_twice",
    "tests/test_ledger_concurrency.py::test_a_run_waits_for_a_ledger_locked_for_a_while_and_its_verdict_is_the_companys",
    "tests/test_ledger_concurrency.py::test_two_writers_wait_for_a_lock_another_process_holds_and_then_write",
)


def pytest_collection_modifyitems(session, config, items):
    rank = {name: n for n, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("[")[0], len(rank)))   # stable: the rest keep their order


@pytest.fixture(scope="session")
def company():
    from probes.sim import DemoCompany

    with DemoCompany() as c:
        yield c


@pytest.fixture
def reports(tmp_path) -> Path:
    return tmp_path / "reports"


@pytest.fixture
def config(company, reports):
    from probes.cli import demo_config

    return demo_config(company.base_url, reports)


def write_scenario(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


class Ran:
    """A finished run, read back from the ledger."""

    def __init__(self, result, ledger):
        self.result = result
        self.rows = ledger.run_rows(result.run_id)
        self.ledger = ledger

    @property
    def steps(self):
        return self.rows["steps"]

    def findings(self, check_prefix: str = "") -> list[dict]:
        return [f for f in self.rows["findings"] if f["check_id"].startswith(check_prefix)]

    def checks(self) -> set[str]:
        return {f["check_id"] for f in self.rows["findings"]}


@pytest.fixture
def run_journeys(config, reports, tmp_path):
    """Run scenario texts (or paths) for real: real Chromium, real ledger, demo company."""
    from probes.ledger import Ledger
    from probes.runner import Runner
    from probes.scenario import load_journey

    def run(*scenarios, concurrency=None, cfg=None, wait_s=0.0) -> Ran:
        cfg = cfg or config
        paths = []
        for i, s in enumerate(scenarios):
            paths.append(s if isinstance(s, Path) else write_scenario(tmp_path, f"j{i}.yaml", s))
        journeys = [load_journey(p, cfg) for p in paths]
        ledger = Ledger(f"sqlite:///{reports / 'ledger.sqlite3'}")
        result = asyncio.run(Runner(cfg, ledger, reports, concurrency=concurrency).run(journeys, wait_s=wait_s))
        return Ran(result, ledger)

    return run


class PageServer:
    """Serves given HTML pages on loopback and records every form post (for pages the demo lacks)."""

    def __init__(self, pages: dict[str, str]):
        self.pages = pages
        self.posts: list[tuple[str, dict]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                body = outer.pages.get(self.path.split("?")[0])
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write((body or "not found").encode())

            def do_POST(self):
                data = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                outer.posts.append((self.path, {k: v[0] for k, v in parse_qs(data).items()}))
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(b"<html><body><main><h1>Thank you, message received</h1></main></body></html>")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def page_server():
    servers = []

    def make(pages: dict[str, str]) -> PageServer:
        servers.append(PageServer(pages))
        return servers[-1]

    yield make
    for s in servers:
        s.close()


def ctrl_c_works() -> None:
    """preexec_fn for a child the test stops with SIGINT, as Ctrl-C does.

    A test run started in the background by a non-interactive shell inherits SIGINT *ignored*, and Python
    then installs no KeyboardInterrupt handler: restore the default so the child hears the signal.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def probes_command() -> list[str]:
    """The `probes` console script next to this Python (as a user runs it), else `python -m probes`."""
    script = Path(sys.executable).parent / "probes"
    return [str(script)] if script.exists() else [sys.executable, "-m", "probes"]


@pytest.fixture
def cli():
    def invoke(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 180):
        full_env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120", **(env or {})}
        return subprocess.run([*probes_command(), *args], cwd=cwd or ROOT, env=full_env, capture_output=True,
                              text=True, timeout=timeout)

    return invoke


def pytest_configure(config):
    # No skipping: the email tests need a real Dovecot; say how to get one.
    from probes.sim.mailserver import DOVECOT_INSTALL, find_dovecot

    if not find_dovecot():
        pytest.exit(f"No Dovecot for the email tests. Install it: {DOVECOT_INSTALL}", returncode=3)


@pytest.fixture
def mail(tmp_path):
    """The demo's mail world (Dovecot, the company's mail desk, a relay), fast: answers within seconds (a person after 2.5 s, over the demo's 2 s "automatic" threshold)."""
    from probes.sim.mailnet import DemoMail

    with DemoMail(tmp_path / "mail", ack_delay_s=0.3, human_delay_s=2.5) as m:
        yield m


@pytest.fixture
def mail_config(company, reports, mail):
    from probes.cli import demo_config

    return demo_config(company.base_url, reports, mail)


@pytest.fixture
def phone():
    """The demo's telephone world (Twilio simulator + the company's TwiML app), fast: the network runs at
    a quarter of real time with quick speech; the queue holds 1.5 s, the SMS person answers after 2.5 s."""
    from probes.sim.phonenet import DemoPhone

    with DemoPhone(time_scale=0.25, speech_rate_wps=10, hold_s=1.5, sms_human_delay_s=2.5) as p:
        yield p


@pytest.fixture
def ivr_phone():
    """The test IVR (probes.sim.testivr: looping menu, information, * back, unknown number, HTTP 500, a person)
    behind its own Twilio simulator, at a quarter of real time. ``ivr_phone.config(reports)`` configures it."""
    from probes.sim.testivr import IvrPhone

    with IvrPhone(time_scale=0.25) as p:
        yield p


@pytest.fixture
def phone_config(company, reports, phone):
    """The demo configuration with the prober's Twilio number, interactive calls (webhooks on loopback)."""
    from probes.cli import demo_config

    return demo_config(company.base_url, reports, phone=phone)



@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server for this test session (tests/pg.py); fails, never skips, without one."""
    from pg import PostgresServer

    try:
        server = PostgresServer()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request, tmp_path):
    """The URL of a new, empty ledger: a SQLite file, and a database of its own on the session's PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
        return
    server = request.getfixturevalue("postgres")
    url = server.new_database()
    yield url
    server.drop_database(url)   # each is a few MB: a session makes dozens
