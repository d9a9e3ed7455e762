"""The dashboard (reports/index.html) and the run pages (reports/runs/<run id>/index.html) over many nights.

The ledger is built through the ledger API as sixteen nightly runs and one ad-hoc run would have written it;
the pages are rendered as every run renders them and opened in real Chromium, with no network.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from probes.ledger import Ledger
from probes.report.build import iso
from probes.report.dashboard import dashboard_data, publish_run, run_history
from probes.report.render import short_time

from .conftest import open_report
from .nights import NIGHT0, J, S, night

NIGHTS = 16
LAST = NIGHTS - 1
CONFIRMATION_S = [1.0, 1.1, 1.2, 1.3, 1.4]          # the contact form's usual times, night after night
RGB = {"good": "rgb(230, 244, 234)", "warn": "rgb(255, 244, 224)", "bad": "rgb(253, 236, 234)",
       "neutral": "rgb(238, 241, 244)"}


def confirmation_s(n: int) -> float:
    return 9.0 if n == LAST else CONFIRMATION_S[n % 5]


def journeys_of(n: int) -> list[J]:
    form = J("Contact form", [S("send", measurements={"submit_to_confirmation_s": confirmation_s(n)},
                                status="failed" if n >= 12 else "passed",
                                findings=[("web_form.http_error", "major")] if n >= 12 else [],
                                ack_after_s=60.0 + n, human_after_s=3600.0)])
    desk = J("Email desk", [S("mail", channel="email", ack_after_s=30.0, human_after_s=7200.0 + n,
                              status="error" if n == 7 else "passed",
                              findings=[("placeholder.unreplaced", "minor")] if 10 <= n < LAST else [])])
    globex = J("Globex form", target="globex", target_name="Globex", steps=[
        S("open", status="failed" if n == LAST else "passed",
          findings=[("web_form.captcha", "critical")] if n == LAST else []),
        S("send", status="error" if n == LAST else "failed" if n >= 13 else "passed",
          findings=[("web_form.slow", "minor")] if n in (13, 14) else [])])
    out = [form, desk, globex]
    if n == 9:   # the desk failed once and passed on its retry: a later row of the same run
        out.insert(1, J("Email desk", [S("mail", channel="email", status="failed",
                                         findings=[("reply.no_human", "major")])]))
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("history")
    reports = folder / "reports"
    ledger = Ledger(f"sqlite:///{folder / 'ledger.sqlite3'}")
    ids = {}
    for n in range(NIGHTS):
        if n == 5:
            continue   # the machine was off: no run that night
        confirm = [["globex", "Globex form", 2]] if n == LAST else None
        ids[n] = night(ledger, n, journeys_of(n), confirm_after=confirm)
    # After the last night, someone runs the form by hand after a fix attempt: it passes.
    adhoc = night(ledger, LAST, [J("Contact form", [S("send", measurements={"submit_to_confirmation_s": 1.0})])],
                  kind="run", hour=12)
    publish_run(ledger, reports, ids[LAST])
    publish_run(ledger, reports, adhoc)       # as after every run: its page, and the dashboard again
    yield {"ledger": ledger, "reports": reports, "ids": ids, "adhoc": adhoc}
    ledger.close()


def since_words(n: int) -> str:
    return "since " + short_time(iso(NIGHT0 + dt.timedelta(days=n)))


def test_dashboard_opens_with_what_changed_in_the_latest_nightly_run(site, chromium):
    page, requests, url = open_report(chromium, site["reports"] / "index.html")
    assert page.inner_text("h1") == "Mystery Shopper dashboard"
    first = page.locator("main > section").first
    assert first.locator("h2").inner_text() == "What changed"
    persisting = first.locator('[data-bucket="persisting"] li[data-check="web_form.http_error"]')
    assert since_words(12) in persisting.inner_text() and "4 runs in a row" in persisting.inner_text()
    resolved = first.locator('[data-bucket="resolved"] li')
    assert resolved.get_attribute("data-check") == "placeholder.unreplaced"
    assert f"was open {since_words(10)}" in resolved.inner_text()
    new = first.locator('[data-bucket="new"] li')
    assert new.get_attribute("data-check") == "web_form.captcha"
    # Globex's journeys confirm a problem after 2 runs: tonight's captcha is not confirmed yet.
    assert new.get_attribute("data-confirmed") == "no" and "seen once, not yet confirmed (it takes 2)" in new.inner_text()
    assert "seen once" not in persisting.inner_text()
    unchecked = first.locator('[data-bucket="unchecked"] li')
    assert unchecked.get_attribute("data-check") == "web_form.slow"
    assert "the prober could not judge it this time" in unchecked.inner_text()
    regression = first.locator(".regression")
    assert regression.get_attribute("data-key") == "acme/Contact form/send/submit_to_confirmation_s"
    assert float(regression.get_attribute("data-value-s")) == 9.0
    assert float(regression.get_attribute("data-p90-s")) == 1.4
    assert "Regression" in regression.inner_text()
    assert requests == [url]   # self-contained: no request leaves the file


def test_sparklines_carry_each_nights_value(site, chromium):
    page, _, _ = open_report(chromium, site["reports"] / "index.html")
    nights = [n for n in range(NIGHTS) if n != 5]
    points = page.eval_on_selector_all('svg[data-series="acme-web_form-confirmation"] circle',
                                       "cs => cs.map(c => [c.dataset.day, Number(c.dataset.value)])")
    # Nightly runs only: the ad-hoc run's 1.0 s on the last day does not replace the night's 9 s.
    assert points == [[(NIGHT0 + dt.timedelta(days=n)).date().isoformat(), confirmation_s(n)] for n in nights]
    xs = page.eval_on_selector_all('svg[data-series="acme-web_form-confirmation"] circle',
                                   "cs => cs.map(c => c.getBoundingClientRect().x)")
    assert xs == sorted(xs) and len(set(xs)) == len(xs)    # drawn, one per night, left to right
    reach = page.eval_on_selector_all('svg[data-series="acme-email-reach"] circle',
                                      "cs => cs.map(c => Number(c.dataset.value))")
    assert reach == [1.0] * (len(nights) - 1)   # the night the prober erred says nothing about reachability
    row = page.locator('section[data-target="acme"] tr[data-channel="web_form"]').first
    assert "100%" in row.inner_text() and "15 of 15" in row.inner_text()
    chart = page.locator('svg.chart[data-target="acme"] g[data-figure="confirmation"] circle')
    assert chart.count() == len(nights)


def test_daily_cells_show_each_nights_verdict_in_colour_and_shape(site, chromium):
    page, _, _ = open_report(chromium, site["reports"] / "index.html")

    def cell(journey: str, n: int):
        day = (NIGHT0 + dt.timedelta(days=n)).date().isoformat()
        c = page.locator(f'tr[data-journey="{journey}"] .cell[data-day="{day}"]')
        return c.get_attribute("data-state"), c.inner_text(), c.evaluate("e => getComputedStyle(e).backgroundColor")

    assert cell("Contact form", 0) == ("passed", "\u2714", RGB["good"])
    # The last night failed; the ad-hoc pass that afternoon does not turn the nightly cell green.
    assert cell("Contact form", LAST) == ("failed", "\u2716", RGB["bad"])
    assert cell("Email desk", 10) == ("minor", "\u25b2", RGB["warn"])
    assert cell("Email desk", 9) == ("flaky", "\u21bb", RGB["warn"])
    assert cell("Email desk", 7) == ("error", "!", RGB["neutral"])
    assert cell("Email desk", 5)[:2] == ("none", "\u00b7")
    assert page.locator('tr[data-journey="Contact form"] [data-pass-rate]').inner_text().startswith("73%")  # 11 of 15


def test_the_ad_hoc_run_is_listed_with_its_kind_and_never_replaces_the_nightly_view(site, chromium):
    page, _, _ = open_report(chromium, site["reports"] / "index.html")
    rows = page.locator("table.runs-table tbody tr")
    assert rows.first.get_attribute("data-run") == site["adhoc"]
    assert rows.first.get_attribute("data-kind") == "run" and "run" in rows.first.inner_text()
    assert rows.count() == NIGHTS   # 15 nights and the ad-hoc run
    assert page.locator(".runmeta a").inner_text() == site["ids"][LAST]
    # Evidence size per run, from the evidence table (4 screenshots of 50 KB on a normal night).
    assert page.locator(f'tr[data-run="{site["ids"][0]}"] [data-bytes]').get_attribute("data-bytes") == "200000"
    # Every run's page is kept: the last night's is still there after the ad-hoc run wrote its own.
    link = page.locator(f'tr[data-run="{site["ids"][LAST]}"] a').get_attribute("href")
    assert (site["reports"] / link).is_file()
    # A run whose page was never written (an older version's) is listed without a link, not a broken one.
    assert page.locator(f'tr[data-run="{site["ids"][0]}"] a').count() == 0


def test_run_page_opens_with_what_changed_and_links_to_the_dashboard(site, chromium):
    path = site["reports"] / "runs" / site["ids"][LAST] / "index.html"
    assert (path.parent / "results.json").is_file()
    page, requests, url = open_report(chromium, path)
    first = page.locator("main > section").first
    assert first.locator("h2").inner_text() == "What changed"
    assert since_words(12) in first.locator('[data-bucket="persisting"]').inner_text()
    assert first.locator('[data-bucket="new"] li').get_attribute("data-check") == "web_form.captcha"
    assert first.locator(".regression").count() == 1
    href = page.locator("a", has_text="Dashboard").get_attribute("href")
    assert (path.parent / href).resolve() == (site["reports"] / "index.html").resolve()
    # The ad-hoc run compares with the latest earlier run of any kind: its form passed, the error is resolved.
    adhoc, _, _ = open_report(chromium, site["reports"] / "runs" / site["adhoc"] / "index.html")
    assert adhoc.locator('[data-bucket="resolved"] li').get_attribute("data-check") == "web_form.http_error"
    page.screenshot(path=str(site["reports"] / "run-page.png"), full_page=True)


def test_evidence_links_resolve_from_the_run_page(tmp_path, chromium):
    reports = tmp_path / "reports"
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    run_id = night(ledger, 0, [J("Contact form", [S("send")])])
    ledger.update_row("runs", run_id, evidence_root=str(reports))
    trace = reports / run_id / "trace.zip"
    trace.parent.mkdir(parents=True)
    trace.write_bytes(b"PK")
    jid = ledger.run_rows(run_id)["journeys"][0]["id"]
    sid = ledger.run_rows(run_id)["steps"][0]["id"]
    ledger.add_evidence(run_id, jid, sid, "trace", "Playwright trace", f"{run_id}/trace.zip", 2)
    page_path, _ = publish_run(ledger, reports, run_id)
    ledger.close()
    page, _, _ = open_report(chromium, page_path)
    href = page.locator('a[href$="trace.zip"]').first.get_attribute("href")
    assert (page_path.parent / href).resolve() == trace.resolve()


def test_probes_report_writes_a_run_page_and_the_dashboard_of_n_days(site, tmp_path):
    from probes.cli import cli

    url = f"sqlite:///{site['reports'].parent / 'ledger.sqlite3'}"
    out = tmp_path / "again"
    done = CliRunner().invoke(cli, ["report", "--ledger", url, "--out", str(out), "--run", site["ids"][3],
                                    "--days", "7"])
    assert done.exit_code == 0, done.output
    page = out / "runs" / site["ids"][3] / "index.html"
    assert f"Report: {page}" in done.output and f"Dashboard: {out / 'index.html'}" in done.output
    html = (out / "index.html").read_text()
    assert "The last 7 days" in html
    days = {d.isoformat() for d in dashboard_data(site["ledger"], days=7)["days"]}
    assert len(days) == 7 and (NIGHT0 + dt.timedelta(days=LAST)).date().isoformat() in days


def test_without_nightly_runs_the_dashboard_shows_every_run_and_says_so(tmp_path):
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    for n in range(3):
        night(ledger, n, [J("Contact form", [S("send")])], kind="run")
    data = dashboard_data(ledger)
    assert not data["nightly_only"] and len(data["journeys"][0]["cells"]) == 30
    assert [c["state"] for c in data["journeys"][0]["cells"][-3:]] == ["passed"] * 3
    _, dashboard = publish_run(ledger, tmp_path / "reports", ledger.latest_run_id())
    assert "every run (there was no nightly run)" in Path(dashboard).read_text()
    ledger.close()


def test_a_first_run_s_problems_are_not_news_and_do_not_bury_the_page(tmp_path, chromium):
    # A first run has nothing to compare with: its problems are what was found, not what changed. They are
    # folded under one line, so the page still opens with its verdict, not twenty "new" cards.
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    night(ledger, 0, [J("Contact form", [S("send", status="failed", findings=[("web_form.http_error", "critical")])]),
                      J("Email desk", [S("mail", channel="email")])])
    page_path, _ = publish_run(ledger, tmp_path / "reports", ledger.latest_run_id())
    page, _, _ = open_report(chromium, page_path)
    section = page.locator("section.what-changed")
    assert section.locator('[data-count="new"]').inner_text() == "0"
    assert section.locator('[data-bucket="new"]').count() == 0
    first = section.locator('details[data-bucket="first"]')
    assert first.locator("summary").inner_text() == ("First run of 2 journeys: nothing earlier to compare with "
                                                     "(1 problem found, listed with the findings below)")
    assert not first.locator('li[data-check="web_form.http_error"]').is_visible()   # folded
def test_the_dashboard_and_a_run_pages_history_from_postgresql_are_those_from_sqlite(site, postgres):
    # The same sixteen nights written to PostgreSQL: every query behind the pages (tuple IN, GROUP BY,
    # COALESCE, JSON columns) gives what it gives on SQLite.
    ledger = Ledger(postgres.new_database())
    for n in range(NIGHTS):
        if n != 5:
            night(ledger, n, journeys_of(n), confirm_after=[["globex", "Globex form", 2]] if n == LAST else None)
    night(ledger, LAST, [J("Contact form", [S("send", measurements={"submit_to_confirmation_s": 1.0})])],
          kind="run", hour=12)
    assert dashboard_data(ledger) == dashboard_data(site["ledger"])
    for n in (3, LAST):
        assert run_history(ledger, site["ids"][n]) == run_history(site["ledger"], site["ids"][n])
    ledger.close()
