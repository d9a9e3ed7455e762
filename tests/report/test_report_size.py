"""A report that stays small: screenshots as thumbnail files linking to the full size, placeholders for missing,
damaged and pruned evidence, long lists summarised; opened in a real Chromium. Ledgers built through the
ledger API, screenshots made with Pillow."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

from PIL import Image, ImageDraw

from probes.ledger import Ledger
from probes.prune import prune
from probes.report import build_results
from probes.report.render import render_latest, thumbnail_path, write_report
from probes.results import Finding, utcnow

from .conftest import open_report

DAY = dt.timedelta(days=1)


def page_png(path: Path, width: int = 1280, height: int = 800, seed: int = 0) -> Path:
    """A screenshot-like PNG: a header bar, text, form fields and a noisy photo (so it is as big as a real one)."""
    im = Image.new("RGB", (width, height), (250, 250, 250))
    draw = ImageDraw.Draw(im)
    draw.rectangle((0, 0, width, 70), fill=(24, 54, 110))
    for i, y in enumerate(range(100, height - 40, 24)):
        if i % 5 == 4:
            draw.rectangle((40, y, 600, y + 18), outline=(150, 150, 150), fill="white")
        else:
            draw.text((40, y), f"Contact us about your order {seed}-{i}: we reply within two working days", fill=0)
    im.paste(Image.effect_noise((260, 180), 50).convert("RGB"), (900, 110))
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path)
    return path


class Run:
    def __init__(self, base: Path):
        self.reports = base / "reports"
        self.ledger = Ledger(f"sqlite:///{base / 'ledger.sqlite3'}")
        self.run_id = self.ledger.start_run("nightly", evidence_root=self.reports)

    def journey(self, name: str) -> tuple[int, int]:
        jid = self.ledger.start_journey(self.run_id, name=name, file=f"{name}.yaml", target="acme",
                                        target_name="Acme", persona={"name": "Kim"}, tags=[])
        sid = self.ledger.start_step(jid, 0, "form", "web_form")
        return jid, sid

    def evidence(self, jid: int, sid: int, kind: str, label: str, name: str, age_days: float = 0) -> Path:
        path = self.reports / "evidence" / self.run_id / f"j{jid}" / name
        size = path.stat().st_size if path.exists() else None
        ev = self.ledger.add_evidence(self.run_id, jid, sid, kind, label, str(path.relative_to(self.reports)), size)
        if age_days:
            self.ledger.update_row("evidence", ev, created_at=utcnow() - age_days * DAY)
        return path

    def folder(self, jid: int) -> Path:
        folder = self.reports / "evidence" / self.run_id / f"j{jid}"
        folder.mkdir(parents=True, exist_ok=True)
        return folder


def test_thumbnail_loads_links_to_the_full_file_and_placeholders_never_break(chromium, tmp_path):
    run = Run(tmp_path)
    jid, sid = run.journey("Send the contact form")
    folder = run.folder(jid)
    good = page_png(folder / "after.png", height=2400)            # a tall full-page screenshot
    (folder / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"not really a picture" * 20)
    page_png(folder / "pruned.png")
    (folder / "trace.zip").write_bytes(b"PK" + b"t" * 5000)
    page_png(folder / "readonly.png", seed=1)
    thumbnail_path(folder / "readonly.png").mkdir()               # the thumbnail cannot be written there
    run.evidence(jid, sid, "screenshot", "After sending", "after.png")
    run.evidence(jid, sid, "screenshot", "Damaged", "broken.png")
    run.evidence(jid, sid, "screenshot", "Never saved", "gone.png")
    run.evidence(jid, sid, "screenshot", "Old one", "pruned.png", age_days=100)
    run.evidence(jid, sid, "trace", "Playwright trace", "trace.zip", age_days=100)
    run.evidence(jid, sid, "screenshot", "Read-only folder", "readonly.png")
    # An emailed answer whose .eml is past its limit too.
    cid = run.ledger.plan_contact(run_id=run.run_id, journey_id=jid, step_id=sid, channel="email",
                                  destination="help@acme.example", token="tok123", idempotency_key="k1")
    run.ledger.mark_contact(cid, "sent", utcnow() - 400 * DAY)
    eml = folder / "reply.eml"
    eml.write_text("From: sam@acme.example\n\nThanks")
    run.ledger.add_response(channel="email", mailbox="shopper", uidvalidity=1, uid=1, contact_id=cid, kind="human",
                            matched_by="token", from_addr="sam@acme.example", subject="Re: order",
                            observed_at=utcnow() - 400 * DAY, arrived_at=utcnow() - 400 * DAY, body_text="Thanks",
                            evidence_path=str(eml.relative_to(run.reports)), evidence_root=str(run.reports))
    run.evidence(jid, sid, "email", "Reply from sam@acme.example", "reply.eml", age_days=400)
    run.ledger.finish_step(sid, "passed", observations={"reachable": True})
    run.ledger.finish_journey(jid, "passed")
    run.ledger.finish_run(run.run_id, "passed")
    pruned = prune(run.ledger, run.reports, {"screenshot": 90 * 86400.0, "trace": 14 * 86400.0,
                                             "email": 365 * 86400.0})
    assert {d.path.name for d in pruned.files} == {"pruned.png", "trace.zip", "reply.eml"}

    # The page as the dashboard lays it out: reports/runs/<run id>/index.html.
    out = run.reports / "runs" / run.run_id
    path = render_latest(run.ledger, out)
    html = path.read_text(encoding="utf-8")
    thumb = thumbnail_path(good)
    assert thumb.is_file() and thumb.read_bytes()[:2] == b"\xff\xd8" and thumb.stat().st_size < 60_000
    with Image.open(thumb) as im:
        assert im.width == 480 and im.height <= 360
    page, requests, url = open_report(chromium, path)
    try:
        imgs = page.locator("a.thumb img")
        assert imgs.count() == 2
        first = imgs.nth(0)
        src = first.get_attribute("src")
        assert src.endswith("after.thumb.jpg") and not src.startswith(("/", "file:", "data:"))
        assert first.evaluate("e => e.complete && e.naturalWidth") == 480
        href = first.evaluate("e => e.parentElement.getAttribute('href')")
        assert (out / unquote(href)).resolve() == good
        # The read-only folder's thumbnail is in the page, small.
        inline = imgs.nth(1).get_attribute("src")
        assert inline.startswith("data:image/jpeg;base64,") and len(inline) < 60_000
        assert imgs.nth(1).evaluate("e => e.complete && e.naturalWidth") == 480
        text = page.inner_text("body")
        assert "screenshot could not be read (damaged or not an image)" in text
        assert "screenshot missing" in text
        when = f"{utcnow().day} {utcnow():%b %Y}"
        assert text.count(f"evidence pruned ({when})") == 3, text   # the screenshot, the trace, the .eml
        assert "Playwright trace · evidence pruned" in text
        assert "open the message" not in text
        assert "data:image/png" not in html and "Evidence\n" in text
        # The thumbnail opens the full-size screenshot.
        first.click()
        page.wait_for_url("**/after.png")
        # A page written before its files were pruned shows a placeholder, not a broken image.
        thumb.unlink()
        page.goto(url)
        page.locator("a.thumb-gone").first.wait_for()
        assert "screenshot no longer kept" in page.locator("figure.shot").first.inner_text()
    finally:
        page.context.close()

    # The reports folder copied elsewhere: the copy's page shows the copy's thumbnail.
    render_latest(run.ledger, out)
    copy = shutil.copytree(run.reports, tmp_path / "elsewhere" / "reports")
    shutil.rmtree(run.reports)
    page, requests, url = open_report(chromium, copy / "runs" / run.run_id / "index.html")
    try:
        assert page.locator("a.thumb img").first.evaluate("e => e.complete && e.naturalWidth") == 480
        assert all(r.startswith(copy.as_uri()) or r.startswith("data:") for r in requests), requests
    finally:
        page.context.close()
    run.ledger.close()


def test_a_run_with_many_screenshots_keeps_a_small_page(chromium, tmp_path):
    run = Run(tmp_path)
    sample = page_png(tmp_path / "sample.png", width=800, height=500).read_bytes()
    for n in range(20):
        jid, sid = run.journey(f"Journey {n:02d}")
        for which in ("before", "after"):
            (run.folder(jid) / f"{which}.png").write_bytes(sample)
            run.evidence(jid, sid, "screenshot", which, f"{which}.png")
        run.ledger.add_finding(run.run_id, jid, sid, Finding("placeholder", "major", "Unreplaced [name]",
                                                             snippet="Dear [name]"))
        run.ledger.finish_step(sid, "failed", observations={"reachable": True})
        run.ledger.finish_journey(jid, "failed")
    for u in range(30):   # a newsletter a night adds up
        run.ledger.add_response(channel="email", mailbox="shopper", uidvalidity=1, uid=100 + u,
                                from_addr="news@shop.example", subject=f"Newsletter {u}", observed_at=utcnow(),
                                arrived_at=utcnow() + dt.timedelta(seconds=u))
    run.ledger.finish_run(run.run_id, "failed")
    results = build_results(run.ledger, run.run_id)
    path = write_report(results, run.reports)
    html = path.read_text(encoding="utf-8")
    screenshots = 40 * len(sample)
    assert screenshots > 1_000_000, screenshots
    # The old page carried every screenshot (4/3 of it, as base64); this one none.
    assert len(html.encode()) < 200_000, len(html.encode())
    assert "data:image" not in html
    thumbs = sorted(run.reports.glob("evidence/*/*/*.thumb.jpg"))
    assert len(thumbs) == 40 and all(t.stat().st_size < 40_000 for t in thumbs)
    # The second render finds the thumbnails made.
    made = {t: t.stat().st_mtime_ns for t in thumbs}
    write_report(results, run.reports)
    assert {t: t.stat().st_mtime_ns for t in thumbs} == made

    page, requests, url = open_report(chromium, path)
    try:
        assert page.locator("a.thumb img").count() == 40
        assert all(w > 0 for w in page.eval_on_selector_all("a.thumb img", "is => is.map(i => i.naturalWidth)"))
        section = page.locator("section[aria-labelledby=unmatched-h]")
        assert "30 messages; the first 5 are listed here." in section.inner_text()
        assert section.locator("tbody tr").count() == 5
        # The family seen in every journey names a few; the rest one click away.
        family = page.locator("table", has_text="Placeholders").locator("td", has_text="Journey 00")
        assert family.locator("a:visible").count() == 6
        family.get_by_text("and 14 more").click()
        assert family.locator("a:visible").count() == 20
        section.get_by_role("link", name="See all 30").click()
        page.wait_for_url("**/unmatched-mail.html")
        assert page.locator("tbody tr").count() == 30
        assert "Newsletter 29" in page.inner_text("body")
        page.get_by_role("link", name="back to the report").click()
        page.wait_for_url(url)
    finally:
        page.context.close()
    assert re.search(r"unmatched-mail\.html", html)
    # A later report of this folder with few unmatched messages removes the list of another run.
    results["unmatched_mail"] = results["unmatched_mail"][:2]
    write_report(results, run.reports)
    assert not (run.reports / "unmatched-mail.html").exists()
    run.ledger.close()
