"""The run page and the dashboard pass axe-core's accessibility check in real Chromium: no serious or critical
violation (contrast, names of images, links and controls, table headers, ARIA, duplicate ids ...).

Three pages, each opened once from disk with no network: the run page of a night with findings, answers and
screenshot thumbnails, and "What changed" against the nights before it; the dashboard of those nights
(sparklines, charts, daily cells); and the run page of a varied night (a phone call, a chat stopped by the
prober's own error, a skipped step, an answer still awaited, prober errors). The first holds a letter too long for
its box, so the answer, the quote and the page text scroll.
"""
from __future__ import annotations

import datetime as dt

import pytest
from PIL import Image, ImageDraw

from probes.ledger import Ledger
from probes.report.dashboard import publish_run
from probes.results import Finding

from .axe import assert_accessible
from .conftest import open_report
from .exports_ledger import write_night
from .nights import NIGHT0, J, S, night

NIGHTS = 8
LAST = NIGHTS - 1
# A letter too long for its box: the answer, the quote and the page text scroll, so they must take the focus.
LETTER = "\n".join(f"Line {i} of our reply: we are looking into your order and will write again." for i in range(40))


def journeys_of(n: int) -> list[J]:
    """Three journeys of two companies; the form breaks on the last night, the desk's answers slow down."""
    form = J("Contact form", [S("send", measurements={"submit_to_confirmation_s": 9.0 if n == LAST else 1.0 + n / 10},
                                status="failed" if n == LAST else "passed",
                                findings=[("web_form.http_error", "critical")] if n == LAST else [],
                                ack_after_s=60.0 + n, human_after_s=3600.0 * (1 + n % 3))])
    desk = J("Email desk", [S("mail", channel="email", ack_after_s=30.0, human_after_s=7200.0 + 600 * n,
                              status="error" if n == 3 else "passed",
                              findings=[("placeholder.unreplaced", "minor")] if n >= 5 else [])])
    phone = J("Phone line", target="globex", target_name="Globex", steps=[
        S("call", channel="phone", measurements={"answer_s": 2.0 + n % 2, "time_to_person_s": 40.0 + n},
          status="failed" if n == 6 else "passed", findings=[("phone.dead_end", "major")] if n == 6 else [])])
    return [form, desk, phone]


def screenshot(path, caption: str) -> None:
    """A small page-like PNG (the thumbnails are made from it when the page is written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", (480, 300), "#fafafa")
    draw = ImageDraw.Draw(image)
    draw.rectangle((24, 60, 300, 90), outline="#888")
    draw.text((24, 24), caption, fill="#222")
    image.save(path)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("a11y")
    reports, evidence = folder / "reports", folder / "evidence"
    ledger = Ledger(f"sqlite:///{folder / 'ledger.sqlite3'}")
    ids = [night(ledger, n, journeys_of(n)) for n in range(NIGHTS)]
    # The last night's screenshots are real files, so its page shows thumbnails.
    ledger.update_row("runs", ids[LAST], evidence_root=str(evidence))
    rows = ledger.run_rows(ids[LAST])
    for e in rows["evidence"]:
        screenshot(evidence / e["path"], f"Step {e['step_id']}")
    ledger.update_row("responses", rows["responses"][-1]["id"], body_text=LETTER)
    form = rows["steps"][0]
    ledger.update_row("steps", form["id"], observations={**form["observations"], "confirmation_text": LETTER})
    ledger.add_finding(ids[LAST], form["journey_id"], form["id"],
                       Finding("web_form.http_error", "major", "The page said something else", "", LETTER + " X"))
    publish_run(ledger, reports, ids[LAST])
    varied, varied_id = write_night(folder / "varied.sqlite3", folder / "varied-evidence")
    varied_page, _ = publish_run(varied, folder / "varied-reports", varied_id)
    yield {"reports": reports, "last": ids[LAST], "varied": varied_page}
    varied.close()
    ledger.close()


def check(chromium, path):
    """Open the page and assert axe-core finds nothing serious or critical; the others are in the message."""
    page, requests, url = open_report(chromium, path)
    assert_accessible(page, str(path))
    assert url in requests and all(r.startswith("file:") for r in requests)   # axe ran inline: nothing left the disk
    return page


def test_run_page_with_what_changed_answers_and_thumbnails_is_accessible(site, chromium):
    path = site["reports"] / "runs" / site["last"] / "index.html"
    page = check(chromium, path)
    assert page.locator(".what-changed").count() == 1
    assert page.locator(".responses .response").count() > 0
    assert page.locator("img[src$='.thumb.jpg']").count() == len(journeys_of(LAST))


def test_dashboard_is_accessible_and_names_every_daily_cell_and_sparkline(site, chromium):
    page = check(chromium, site["reports"] / "index.html")
    # A screen reader hears each night's verdict with its day, not a bare "✔" ...
    day = NIGHT0 + dt.timedelta(days=LAST)
    cell = page.get_by_role("link", name=f"{day:%a %d %b}: fell short")
    assert cell.count() == 1 and cell.inner_text() == "✖"
    # ... and each sparkline's span of nights with its latest, lowest and highest value.
    spark = page.locator('svg.spark[data-series="acme-web_form-confirmation"]')
    name = spark.get_attribute("aria-label")
    assert "9.0 s" in name and f"{day:%d %b}" in name, name
    assert page.get_by_role("img", name=name).count() == 1


def test_run_page_of_a_varied_night_is_accessible(site, chromium):
    page = check(chromium, site["varied"])
    assert page.locator("#errors-h").count() == 1


def test_journey_map_is_accessible(site, chromium):
    # Written beside every run page (probes map writes the same): stages, lanes, wait bars, the mood curve.
    check(chromium, site["reports"] / "runs" / site["last"] / "map.html")


def test_scorecard_is_accessible(site, chromium):
    # Written beside every run page (probes scorecard writes the same): the ranking, a table per company.
    page = check(chromium, site["reports"] / "runs" / site["last"] / "scorecard.html")
    assert page.locator("table.ranking tbody tr").count() == 2   # Acme Ltd and Globex
