"""Locations compared, on the run page and the dashboard: "the form fails from Frankfurt" side by side with
London, where a run or a night ran at more than one location; nothing about locations where all ran at one.

Ledgers are built through the ledger API as the runs would have written them, pages rendered as every run
renders them and opened in real Chromium.
"""
from __future__ import annotations

from probes.alerts import compose
from probes.history import changes_for_run
from probes.ledger import Ledger
from probes.report.dashboard import publish_run

from .axe import assert_accessible
from .conftest import open_report
from .nights import J, S, night


def form(reached: bool) -> J:
    """The contact form: fine from one place, refused (a 403 page, the contact never reached) from another."""
    return J("Contact form", [S("open", measurements={"page_load_s": 0.8}),
                              S("send", status="passed" if reached else "failed", reachable=reached,
                                findings=[] if reached else [("web_form.http_error", "major")])])


def desk(placeholder: bool = False) -> J:
    """The email desk: answered in 30 s; with placeholder, the answer reads "Dear [name]" (a minor finding)."""
    return J("Email desk", [S("mail", channel="email", ack_after_s=30.0,
                              findings=[("placeholder.unreplaced", "minor")] if placeholder else [])])


def at(ledger: Ledger, run_id: str, location: str) -> str:
    """Say where a run built by nights.night ran (the runner records it on the run and each journey)."""
    ledger.update_row("runs", run_id, location=location)
    for j in ledger.run_rows(run_id, ("journeys",))["journeys"]:
        ledger.update_row("journeys", j["id"], location=location)
    return run_id


def test_a_night_at_two_locations_shows_the_form_failing_from_frankfurt_beside_london(tmp_path, chromium):
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    reports = tmp_path / "reports"
    for n in (0, 1):
        at(ledger, night(ledger, n, [form(True), desk(placeholder=n == 1)], run_id=f"nightly-2026100{n + 1}-london"),
           "london")
        frankfurt = at(ledger, night(ledger, n, [form(False), desk()], hour=3,
                                     run_id=f"nightly-2026100{n + 1}-frankfurt"), "frankfurt")
    publish_run(ledger, reports, frankfurt)
    page, requests, url = open_report(chromium, reports / "index.html")
    assert requests == [url]
    section = page.locator("section.locations")
    assert section.get_attribute("data-locations") == "frankfurt london"
    assert "1 step went differently" in section.locator(".locations-verdict").inner_text()
    # The step that differs comes first, each location's verdict in its own column.
    first = section.locator("table.locations-steps tbody tr").first
    assert (first.get_attribute("data-journey"), first.get_attribute("data-step"), first.get_attribute("data-differs")) \
        == ("Contact form", "send", "yes")
    assert first.locator('td[data-location="frankfurt"]').get_attribute("data-status") == "failed"
    assert "did not get through" in first.locator('td[data-location="frankfurt"]').inner_text()
    assert first.locator('td[data-location="london"]').get_attribute("data-status") == "passed"
    assert "fell short from frankfurt; passed from london" in first.inner_text()
    # Steps that went the same way everywhere are listed, not marked.
    assert section.locator("table.locations-steps tr.differs").count() == 1
    assert section.locator("table.locations-steps tbody tr").count() == 3
    # Reachability by channel and location: the web form got through 2 of 2 times from London, 1 of 2 from Frankfurt.
    web = section.locator('table.locations-channels tr[data-channel="web_form"]')
    assert web.locator('td[data-location="london"]').get_attribute("data-reach") == "1.0"
    assert web.locator('td[data-location="frankfurt"]').get_attribute("data-reach") == "0.5"
    # Each journey has a row per location in the night-by-night grid, and the runs say where they ran.
    rows = page.locator('table.journeys-table tr[data-journey="Contact form"]')
    assert [rows.nth(i).get_attribute("data-location") for i in range(rows.count())] == ["frankfurt", "london"]
    assert [c.get_attribute("data-state") for c in rows.nth(0).locator(".cell").all()][-2:] == ["failed", "failed"]
    assert [c.get_attribute("data-state") for c in rows.nth(1).locator(".cell").all()][-2:] == ["passed", "passed"]
    assert page.locator('table.runs-table tr[data-run="nightly-20261002-frankfurt"] td[data-location]').inner_text() \
        == "frankfurt"
    # Each location is compared with its own earlier nights: the form failing from Frankfurt persists there,
    # and London's passing night in between neither resolves it nor makes it new again. What changed shows
    # the night's runs at both locations: London's own new problem too, though Frankfurt's run came later.
    london = changes_for_run(ledger, "nightly-20261002-london")
    assert ([p.key for p in london.new], london.resolved, london.persisting) == (
        ["acme/Email desk/mail/placeholder.unreplaced@london"], [], [])
    assert page.locator('[data-count="new"]').inner_text() == "1"
    assert page.locator('[data-count="persisting"]').inner_text() == "1"
    assert page.locator('[data-count="resolved"]').inner_text() == "0"
    assert "from london" in page.locator("li.change-new").inner_text()
    assert "nightly-20261002-frankfurt, nightly-20261002-london" in page.locator("section.what-changed").inner_text()
    # The problem says where it was seen, on the page and in an alert about it.
    item = page.locator("li.change-persisting")
    assert item.get_attribute("data-key").endswith("/web_form.http_error@frankfurt")
    assert "from frankfurt" in item.inner_text()
    problem, = changes_for_run(ledger, "nightly-20261002-frankfurt").persisting
    _, body = compose([{"event": "new", "problem": problem.as_dict(), "run_id": "nightly-20261002-frankfurt"}], None)
    assert 'journey "Contact form", step "send" · from frankfurt' in body
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
    assert_accessible(page, "the dashboard comparing two locations")
    # Frankfurt's own run page compares its night with London's run of the same night.
    run_page, _, _ = open_report(chromium, reports / "runs" / frankfurt / "index.html")
    compared = run_page.locator("section.locations")
    assert compared.get_attribute("data-locations") == "frankfurt london"
    assert "nightly-20261002-frankfurt, nightly-20261002-london" in compared.inner_text()
    assert compared.locator('table.locations-steps tr[data-differs="yes"]').get_attribute("data-step") == "send"
    assert "frankfurt" in run_page.locator(".runmeta").inner_text()
    ledger.close()


def test_a_run_whose_journeys_ran_at_two_locations_compares_them_on_its_page(tmp_path, chromium):
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    run_id = night(ledger, 0, [form(True), form(False), desk()], kind="run", run_id="20261001T020000Z-abcd")
    journeys = ledger.run_rows(run_id, ("journeys",))["journeys"]
    for j, place in zip(journeys, ("paris", "frankfurt", "paris"), strict=True):   # as two workers would
        ledger.update_row("journeys", j["id"], location=place)
    page_path, _ = publish_run(ledger, tmp_path / "reports", run_id)
    page, _, _ = open_report(chromium, page_path)
    section = page.locator("section.locations")
    assert section.get_attribute("data-locations") == "frankfurt paris"
    row = section.locator('table.locations-steps tr[data-step="send"]')
    assert row.get_attribute("data-differs") == "yes"
    assert row.locator('td[data-location="frankfurt"]').get_attribute("data-status") == "failed"
    assert "Frankfurt" not in page.locator(".runmeta").inner_text() and \
        page.locator(".runmeta").inner_text().count("frankfurt, paris") == 1
    page.screenshot(path=str(tmp_path / "run.png"), full_page=True)
    ledger.close()


def test_a_project_at_one_location_sees_nothing_about_locations(tmp_path, chromium):
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    reports = tmp_path / "reports"
    for n in (0, 1):
        last = night(ledger, n, [form(n == 0), desk()])
    page_path, dashboard = publish_run(ledger, reports, last)
    for path in (page_path, dashboard):
        page, _, _ = open_report(chromium, path)
        assert page.locator("section.locations").count() == 0
        assert page.locator("[data-location]").count() == 0
        assert "location" not in page.locator("main").inner_text().lower()
    ledger.close()
