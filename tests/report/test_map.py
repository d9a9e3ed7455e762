"""The workshop journey map (`probes map`): stages by channels, waits to scale, the mood curve's low points with
their quotes and what to fix, and the printed sheets (A3 and A4 landscape PDFs through Chromium's print).

Runs are written through the ledger API (map_runs); each map is opened in real Chromium with no network, and the
PDFs are read back with poppler's pdfinfo, pdftotext and pdftoppm.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from probes.cli import cli
from probes.ledger import Ledger
from probes.report.dashboard import publish_run

from .conftest import CHROMIUM, open_report
from .map_runs import (ACK_AFTER_S, HUMAN_AFTER_S, IVR_PROMPT, PLACEHOLDER_QUOTE, SERVER_ERROR, T0, broken_form,
                       cross_channel, phone_only, run_of, write_shot)

POPPLER = ("pdfinfo", "pdftotext", "pdftoppm")
# Paper sizes in PostScript points, landscape (width, height).
PAPER_PTS = {"a3": (1190.55, 841.89), "a4": (841.89, 595.28)}


@pytest.fixture()
def ledger(tmp_path):
    led = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    yield led
    led.close()


def map_cli(ledger_path: Path, *args: str):
    result = CliRunner().invoke(cli, ["map", "--ledger", f"sqlite:///{ledger_path}", *args])
    assert result.exit_code == 0, result.output
    return result


def texts(page, selector: str) -> list[str]:
    return [t.strip() for t in page.locator(selector).all_inner_texts()]


def test_cross_channel_map_shows_stages_lanes_waits_to_scale_and_low_points(ledger, tmp_path, chromium):
    run_of(ledger, "run-cross", cross_channel)
    out = tmp_path / "map.html"
    assert "Map: " in map_cli(tmp_path / "ledger.sqlite3", "--run", "run-cross", "--out", str(out)).output
    page, requests, url = open_report(chromium, out, width=1500)
    assert requests == [url]   # self-contained: nothing else is loaded
    sheet = page.locator("section.sheet")
    assert sheet.count() == 1 and sheet.get_attribute("data-journey") == "Refund by web form"
    # The persona card, then the stages in the customer's order and the channels crossed.
    assert "Jane Roe" in page.locator(".persona").inner_text() and "bereavement" in page.locator(".persona").inner_text()
    assert [re.sub(r"^\d+\s*", "", t) for t in texts(page, ".stage-head[data-stage]")] == [
        "Make contact", "Acknowledged", "Waiting", "Answered", "Promise kept"]
    assert texts(page, ".lane-head") == ["Web form", "Email"]
    assert "Send the refund request" in page.locator('.cell-items[data-lane="web_form"][data-stage="Make contact"]').inner_text()
    assert "A person answered after 4 h 12 min" in page.locator(
        '.cell-items[data-lane="email"][data-stage="Answered"]').inner_text()
    assert "kept late" in page.locator('.cell-items[data-lane="email"][data-stage="Promise kept"]').inner_text()
    # The waits, to one scale: 50 min of silence, then 3 h 22 min more until a person answered.
    waits = page.locator('.cell-items[data-stage="Waiting"] .item.wait')
    assert waits.all_inner_texts()[0].strip().endswith("50 min of silence")
    assert "3 h 22 min more until a person answered" in waits.all_inner_texts()[1]
    widths = [b.bounding_box()["width"] for b in page.locator(".waitbar").all()]
    assert widths[1] > 100   # the long one is drawn long...
    assert widths[0] / widths[1] == pytest.approx(ACK_AFTER_S / (HUMAN_AFTER_S - ACK_AFTER_S), rel=0.03)
    # The mood: up where the contact got through and was acknowledged, low points after, with the rule stated.
    moods = {p.get_attribute("data-stage"): int(p.get_attribute("data-mood")) for p in page.locator(".pt").all()}
    assert moods == {"Make contact": 1, "Acknowledged": 0, "Waiting": -2, "Answered": -1, "Promise kept": -2}
    tops = {p.get_attribute("data-stage"): p.bounding_box()["y"] for p in page.locator(".pt").all()}
    assert tops["Waiting"] > tops["Answered"] > tops["Make contact"]   # drawn lower when worse
    assert "critical \u22123, major \u22122, minor \u22121" in page.locator(".rule").inner_text()
    answered = page.locator('.lows[data-stage="Answered"] .low-card')
    assert answered.count() == 1 and answered.get_attribute("data-check") == "placeholder"
    assert "The greeting is an unfilled template" in answered.inner_text()
    assert answered.locator("q").inner_text() == PLACEHOLDER_QUOTE
    assert "Fill every template field" in answered.locator(".fix").inner_text()
    assert page.locator('.lows[data-stage="Waiting"] .low-card').get_attribute("data-check") == "reply.late_human"
    assert page.locator('.lows[data-stage="Promise kept"] .low-card').get_attribute("data-check") == "promise.late"
    assert page.locator('.lows[data-stage="Make contact"] .low-card').count() == 0
    # A text check's finding goes with the answer its snippet is quoted from: here the automatic one.
    canned = page.locator('.lows[data-stage="Acknowledged"] .low-card')
    assert canned.get_attribute("data-check") == "canned" and canned.locator("q").inner_text() == "We received your request"


def test_single_channel_call_dead_end_in_the_scenarios_own_stage(ledger, tmp_path, chromium):
    run_of(ledger, "run-phone", phone_only)
    reports = tmp_path / "reports"
    page_path, _ = publish_run(ledger, reports, "run-phone")
    # Every run's page links the map written beside it.
    assert 'href="map.html"' in page_path.read_text(encoding="utf-8")
    page, _, _ = open_report(chromium, page_path.parent / "map.html", width=1200)
    assert texts(page, ".lane-head") == ["Phone"]
    assert [re.sub(r"^\d+\s*", "", t) for t in texts(page, ".stage-head[data-stage]")] == ["Phone the shop"]
    assert "did not get through" in page.locator(".item.dead_end").inner_text()
    low = page.locator('.lows[data-stage="Phone the shop"] .low-card')
    assert low.get_attribute("data-check") == "phone.dead_end" and "Critical" in low.inner_text()
    assert low.locator("q").inner_text() == IVR_PROMPT
    assert "a way out" in low.locator(".fix").inner_text()
    assert page.locator(".pt").get_attribute("data-mood") == "-3"


def test_no_matching_journey_is_bad_input(ledger, tmp_path):
    run_of(ledger, "run-phone", phone_only)
    result = CliRunner().invoke(cli, ["map", "--ledger", f"sqlite:///{tmp_path / 'ledger.sqlite3'}",
                                      "--journey", "No such journey", "--out", str(tmp_path / "m.html")])
    assert result.exit_code == 2 and "no journey of this run matches" in result.output
    assert not (tmp_path / "m.html").exists()


ACME_YAML = """
targets:
  acme:
    name: Acme Ltd
    timezone: Europe/London
    business_hours: {mon: "09:00-17:30", tue: "09:00-17:30", wed: "09:00-17:30", thu: "09:00-17:30",
                     fri: "09:00-17:30"}
    allowlist: ["https://acme.example/"]
"""


def test_business_hours_are_shaded_on_the_time_axis_and_in_the_waits(ledger, tmp_path, chromium):
    # A person answers 10 h after the form was sent at 09:00:12 on a Tuesday (London is on UTC in November):
    # the office closed at 17:30 in between; the promise came true late, 25 h after that, on Wednesday.
    run_of(ledger, "run-hours", functools.partial(cross_channel, human_after_s=10 * 3600.0))
    (tmp_path / "probes.yaml").write_text(ACME_YAML, encoding="utf-8")
    out = tmp_path / "map.html"
    map_cli(tmp_path / "ledger.sqlite3", "--config", str(tmp_path / "probes.yaml"), "--out", str(out))
    page, _, _ = open_report(chromium, out, width=1500)
    scale = page.locator(".scale")
    assert "open: business hours (Mon\u2013Fri 09:00\u201317:30, Europe/London)" in scale.locator(".legend").inner_text()
    # On the axis (35 h from the first step, to 20:00 on Wednesday), both days' 09:00-17:30 are shaded.
    total_s = 12 + 10 * 3600 + 90000
    area = scale.locator(".track .area").first
    box = area.bounding_box()
    bands = [b.bounding_box() for b in area.locator(".open").all()]
    assert len(bands) == 2
    assert (bands[0]["x"] - box["x"]) / box["width"] == pytest.approx(0, abs=0.005)
    assert bands[0]["width"] / box["width"] == pytest.approx(8.5 * 3600 / total_s, abs=0.005)
    assert (bands[1]["x"] - box["x"]) / box["width"] == pytest.approx(24 * 3600 / total_s, abs=0.005)
    assert bands[1]["width"] / box["width"] == pytest.approx(8.5 * 3600 / total_s, abs=0.005)
    # The silence until a person answered (09:50:12 to 19:00:12) is shaded where the office was open.
    wait = page.locator('.cell-items[data-stage="Waiting"] .item.wait').nth(1)
    assert "9 h 10 min more until a person answered (7 h 39 min in business hours)" in " ".join(wait.inner_text().split())
    bar = wait.locator(".waitbar").bounding_box()
    (band,) = [b.bounding_box() for b in wait.locator(".open").all()]
    open_s = (T0.replace(hour=17, minute=30) - T0.replace(minute=50, second=12)).total_seconds()
    assert band["x"] == pytest.approx(bar["x"], abs=2)
    assert band["width"] / bar["width"] == pytest.approx(open_s / (10 * 3600 - ACK_AFTER_S), abs=0.01)


def test_a_dead_end_form_low_point_shows_what_the_customer_saw(ledger, tmp_path, chromium):
    run_of(ledger, "run-form", broken_form, evidence_root=str(tmp_path / "evidence"))
    write_shot(tmp_path / "evidence", "run-form")
    out = tmp_path / "maps" / "map.html"
    map_cli(tmp_path / "ledger.sqlite3", "--out", str(out))
    page, _, _ = open_report(chromium, out, width=1200)
    assert texts(page, ".lane-head") == ["Web form"]
    low = page.locator('.lows[data-stage="Find a way to get in touch"] .low-card')
    assert low.get_attribute("data-check") == "web_form.http_error" and low.locator("q").inner_text() == SERVER_ERROR
    # The screenshot's thumbnail (the top of the page, small), linking the full screenshot.
    img = low.locator(".shot-thumb img")
    assert img.evaluate("i => i.complete && i.naturalWidth") == 480
    assert img.evaluate("i => i.naturalHeight") == 360
    assert img.get_attribute("alt") == "Screenshot: after sending"
    href = low.locator(".shot-thumb").get_attribute("href")
    assert (out.parent / href).resolve() == (tmp_path / "evidence" / "shots" / "run-form-after.png").resolve()
    # Once `probes prune` has deleted the screenshot, the low point says so instead.
    (shot,) = ledger.run_rows("run-form", ("evidence",))["evidence"]
    ledger.update_row("evidence", shot["id"], pruned_at=T0 + dt.timedelta(days=90))
    map_cli(tmp_path / "ledger.sqlite3", "--out", str(out))
    page.reload()
    low = page.locator('.lows[data-stage="Find a way to get in touch"] .low-card')
    assert low.locator(".shot-thumb").count() == 0
    assert low.locator(".shot-problem").inner_text() == "Screenshot: evidence pruned (1 Feb 2027)"


def poppler() -> None:
    """Fail (never skip) when poppler's tools are missing: the PDF is what goes on the wall."""
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"{', '.join(missing)} not found: install poppler-utils (apt-get install -y poppler-utils)")


@pytest.mark.parametrize("paper", ["a3", "a4"])
def test_pdf_one_landscape_sheet_per_journey_with_its_text(ledger, tmp_path, paper, monkeypatch):
    poppler()
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: apt-get install -y chromium")
    monkeypatch.setenv("PROBES_CHROMIUM", CHROMIUM)
    run_of(ledger, "run-both", cross_channel, phone_only)
    pdf = tmp_path / f"map-{paper}.pdf"
    result = map_cli(tmp_path / "ledger.sqlite3", "--paper", paper, "--out", str(tmp_path / "map.html"),
                     "--pdf", str(pdf))
    assert f"PDF: {pdf}" in result.output
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+2$", info, re.M), info   # one sheet per journey, none spilling over
    w, h = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M).groups())
    assert w > h   # landscape
    assert (w, h) == (pytest.approx(PAPER_PTS[paper][0], abs=2), pytest.approx(PAPER_PTS[paper][1], abs=2))

    def page_text(n: int) -> str:
        return subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout

    first, second = page_text(1), page_text(2)
    assert "Refund by web form" in first and "Call about a delivery" not in first
    assert "Dear [name]" in " ".join(first.split())
    assert "Call about a delivery" in second and "all our lines are closed" in " ".join(second.split())
    from PIL import Image

    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(prefix)], check=True)
    png = next(tmp_path.glob("page*.png"))
    with Image.open(png) as im:
        grey = im.convert("L")
        dark = sum(grey.histogram()[:200])   # pixels darker than light grey
        assert dark > 0.01 * grey.width * grey.height   # drawn, not a blank sheet



def test_over_many_runs_each_stage_says_how_often_and_how_long(ledger, tmp_path, chromium):
    # Three runs of the cross-channel journey, a person answering after 1 h, 4 h 12 min and 2 h; a run in between
    # without it does not count; the oldest run is outside --last 4.
    run_of(ledger, "run-0", functools.partial(cross_channel, human_after_s=60.0), day=0)
    for day, after_s in ((1, 3600.0), (2, HUMAN_AFTER_S), (4, 7200.0)):
        run_of(ledger, f"run-{day}", functools.partial(cross_channel, human_after_s=after_s), day=day)
    run_of(ledger, "run-3", phone_only, day=3)
    out = tmp_path / "map.html"
    map_cli(tmp_path / "ledger.sqlite3", "--last", "4", "--journey", "Refund by web form", "--out", str(out))
    page, _, _ = open_report(chromium, out, width=1500)
    assert "in the 3 runs of this journey" in page.locator(".history-note").inner_text()
    history = {h.get_attribute("data-stage"): h.locator(".history").inner_text()
               for h in page.locator(".stage-head[data-stage]").all()}
    assert history["Answered"] == "3 of 3 runs; median 2 h, worst 4 h 12 min"
    assert history["Make contact"] == "3 of 3 runs; median 12.0 s, worst 12.0 s"
    assert history["Acknowledged"] == "3 of 3 runs; median 50 min, worst 50 min"
    assert history["Promise kept"] == "0 of 3 runs"   # kept late each time: never kept as promised
    assert history["Waiting"].startswith("waited in 3 of 3 runs; median 2 h")


def test_a_nightly_runs_map_counts_the_nights_and_the_dashboard_links_it(ledger, tmp_path, chromium):
    # Three nights of the cross-channel journey, a person answering after 4 h 12 min, 1 h and 2 h.
    for day, after_s in ((1, HUMAN_AFTER_S), (2, 3600.0), (3, 7200.0)):
        run_of(ledger, f"night-{day}", functools.partial(cross_channel, human_after_s=after_s), day=day,
               kind="nightly")
    run_of(ledger, "adhoc", cross_channel, day=4)   # an ad-hoc run after them: not a night
    reports = tmp_path / "reports"
    publish_run(ledger, reports, "night-3")
    page, _, _ = open_report(chromium, reports / "runs" / "night-3" / "map.html", width=1500)
    history = {h.get_attribute("data-stage"): h.locator(".history").inner_text()
               for h in page.locator(".stage-head[data-stage]").all()}
    assert history["Answered"] == "3 of 3 nights; median 2 h, worst 4 h 12 min"
    assert history["Acknowledged"] == "3 of 3 nights; median 50 min, worst 50 min"
    assert "in the 3 nights of this journey" in page.locator(".history-note").inner_text()
    dashboard = (reports / "index.html").read_text(encoding="utf-8")
    assert 'href="runs/night-3/map.html" class="journey-map-link"' in dashboard


def test_the_hours_shaded_are_named_as_a_person_would_say_them():
    from probes.report.journey_map import hours_words

    week = {d: "09:00-17:30" for d in ("mon", "tue", "wed", "thu", "fri")}
    assert hours_words({**week, "sat": "10:00 - 14:00"}) == "Mon\u2013Fri 09:00\u201317:30, Sat 10:00\u201314:00"
    assert hours_words({"wed": "09:00-12:00", "mon": "09:00-12:00"}) == "Mon 09:00\u201312:00, Wed 09:00\u201312:00"
    assert hours_words({**week, "thu": "09:00-20:00"}) == (
        "Mon\u2013Wed 09:00\u201317:30, Thu 09:00\u201320:00, Fri 09:00\u201317:30")
