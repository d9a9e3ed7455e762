"""Maintenance windows per target: inside one a journey is skipped (nobody is contacted) or its findings are
downgraded to info; windows are in the target's time zone; bad windows are errors with file:line."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import write_scenario
import test_retries
from test_retries import JOURNEY, run, write_config

site = test_retries.site   # the same fixture: a form that answers as told, closed after the test
UTC = dt.timezone.utc
ALWAYS = '      - {name: platform upgrade, start: "2000-01-01 00:00", end: "2100-01-01 00:00"%s}\n'


class Notes:
    def __init__(self):
        self.notes: list[str] = []
        self.finished: list[tuple[str, str]] = []

    def journey_started(self, name, steps): pass
    def step_finished(self, name, step_key, status, findings): pass
    def journey_finished(self, name, status): self.finished.append((name, status))
    def note(self, text): self.notes.append(text)


def test_inside_a_skip_window_nobody_is_contacted_and_the_report_says_so(site, tmp_path):
    from probes.report import build_results, render_html

    shop = site((200, "Thank you, message received"))
    config = write_config(tmp_path, shop, target_extra="    maintenance:\n" + ALWAYS % "")
    scenario = write_scenario(tmp_path, "form.yaml", JOURNEY.replace("SITE", shop.base_url))
    notes = Notes()
    result, ledger = run(config, scenario, tmp_path / "reports", reporter=notes)
    assert result.exit_code == 0
    assert shop.posts == [] and ledger.run_rows(result.run_id)["contacts"] == []
    described = "platform upgrade (2000-01-01 00:00–2100-01-01 00:00 Europe/London)"
    assert notes.notes == [f"skipped: Contact form: maintenance window {described}"]
    assert notes.finished == [("Contact form", "skipped")]
    doc = build_results(ledger, result.run_id)
    assert doc["summary"]["journeys"]["skipped"] == 1
    assert doc["journeys"][0]["status"] == "skipped" and doc["journeys"][0]["maintenance"] == described
    page = render_html(doc, tmp_path / "reports")
    assert f"Skipped: maintenance window {described}" in page
    assert "No journey was run: it was skipped in a maintenance window." in page


def test_inside_a_downgrade_window_findings_are_info_and_the_run_passes(site, tmp_path):
    shop = site((503, "Service Unavailable"))
    config = write_config(tmp_path, shop, settings="reruns: 1\n  rerun_pause_s: 0",
                          target_extra="    maintenance:\n" + ALWAYS % ", during_maintenance: downgrade")
    scenario = write_scenario(tmp_path, "form.yaml", JOURNEY.replace("SITE", shop.base_url))
    result, ledger = run(config, scenario, tmp_path / "reports")
    assert result.exit_code == 0
    rows = ledger.run_rows(result.run_id)
    assert len(shop.posts) == 1 and len(rows["journeys"]) == 1   # an info finding is nothing to retry
    (finding,) = rows["findings"]
    assert finding["check_id"] == "web_form.http_error" and finding["severity"] == "info"
    assert finding["title"].endswith("(during maintenance window platform upgrade "
                                     "(2000-01-01 00:00–2100-01-01 00:00 Europe/London))")
    assert rows["journeys"][0]["status"] == "passed" and rows["steps"][0]["status"] == "passed"
    assert rows["steps"][0]["observations"]["reachable"] is False   # still: the message did not get through
    assert rows["journeys"][0]["maintenance"].startswith("platform upgrade")


def window(**fields):
    from probes.maintenance import MaintenanceWindow

    return MaintenanceWindow.model_validate(fields)


def open_at(w, timezone: str, at: str) -> bool:
    moment = dt.datetime.fromisoformat(at).replace(tzinfo=UTC)
    return next(w.occurrences(timezone, moment, moment), None) is not None


def test_a_weekly_window_across_midnight_in_the_targets_time_zone():
    # Sunday 23:00 to Monday 02:00 in New York (UTC-5 in December): Monday 04:00-07:00 UTC.
    w = window(name="backups", days=["sun"], **{"from": "23:00"}, to="02:00")
    ny = "America/New_York"
    assert not open_at(w, ny, "2026-12-07T03:59")
    assert open_at(w, ny, "2026-12-07T04:00")      # Sunday 23:00 local
    assert open_at(w, ny, "2026-12-07T06:59")      # Monday 01:59 local: still the Sunday window
    assert not open_at(w, ny, "2026-12-07T07:00")  # Monday 02:00 local: over
    assert not open_at(w, ny, "2026-12-06T04:30")  # Saturday night is not in it
    assert not open_at(w, "UTC", "2026-12-07T04:30")   # the same window in UTC is over by then


def test_a_window_keeps_its_local_times_when_the_clocks_change():
    w = window(days=["sun"], **{"from": "00:30"}, to="03:00")
    london = "Europe/London"
    # 29 March 2026: at 01:00 UTC London jumps from 01:00 GMT to 02:00 BST; the window ends at 03:00 BST.
    assert open_at(w, london, "2026-03-29T00:30")
    assert open_at(w, london, "2026-03-29T01:59")
    assert not open_at(w, london, "2026-03-29T02:00")   # 03:00 BST
    # 25 October 2026: the clocks go back; the window ends at 03:00 GMT, an hour later in UTC than in summer.
    assert open_at(w, london, "2026-10-24T23:30")        # 00:30 BST
    assert open_at(w, london, "2026-10-25T02:59")
    assert not open_at(w, london, "2026-10-25T03:00")


@pytest.mark.parametrize("entry, message", [
    ('{start: "2026-12-24 22:00", end: "2026-12-24 21:00"}', "end (2026-12-24 21:00) is not after start"),
    ("{days: [sunday], from: '23:00', to: '02:00'}", "Input should be 'mon', 'tue', 'wed'"),
    ("{days: [sun], from: '25:00', to: '02:00'}", "from: '25:00' is not a time like 22:30"),
    ("{days: [sun], from: '23:00'}", "a weekly window needs days, from and to"),
    ('{days: [sun], from: "23:00", to: "02:00", start: "2026-12-24 22:00", end: "2026-12-25 01:00"}',
     "give either start and end"),
    ("{days: [sun], from: '23:00', to: '02:00', during_maintenance: pause}", "'skip' or 'downgrade'"),
])
def test_a_bad_window_is_an_error_with_file_and_line(tmp_path, entry, message):
    from probes.config import load_config
    from probes.yamlsource import InputError

    nowhere = type("Site", (), {"base_url": "http://127.0.0.1:9"})
    path = write_config(tmp_path, nowhere, settings="concurrency: 1",
                        target_extra=f"    maintenance:\n      - {{name: ok, days: [sat], from: '01:00', to: '02:00'}}\n"
                                     f"      - {entry}\n")
    with pytest.raises(InputError) as caught:
        load_config(path)
    (problem,) = caught.value.problems
    assert problem.line == 10, str(problem)   # the second window's line
    assert problem.path.startswith("targets.shop.maintenance.1"), str(problem)
    assert message in problem.message, str(problem)
