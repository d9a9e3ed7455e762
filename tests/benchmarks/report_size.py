"""How big is the page of a 50-journey run?

Synthesises one nightly run through the ledger API: N journeys (default 50), each a web form step with
three full-size screenshots (real PNG files, 1280 px wide with text and a photo, the size of a browser's
screenshot of a page), a Playwright trace file, and an email step answered by a person (with a finding
highlighted in the answer); plus 200 newsletters that matched no contact. Then it renders the run's page
as the dashboard lays it out (reports/runs/<run-id>/index.html) twice: the first render makes the
thumbnails, the second finds them made.

The old-style figure is that same page with every thumbnail replaced by the full screenshot as a base64
data: URL and every unmatched message listed, which is what the report did before thumbnails.

Usage: python tests/benchmarks/report_size.py [--journeys 50] [--shots 3] [--newsletters 200] [--keep DIR]
Last line: run_page_mb=<x> old_style_mb=<y> (target x <= 1).
"""
from __future__ import annotations

import argparse
import base64
import datetime as dt
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

WORDS = ("contact support order delivery refund warranty invoice account customer service please your "
         "message we will reply within two working days thank you for reaching out our team the and "
         "name email address phone number subject send privacy policy terms cookies").split()


def page_png(path: Path, rng: random.Random, width: int = 1280, height: int = 1100) -> None:
    """A screenshot-like PNG: a header bar, lines of text, form fields and a photo."""
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (width, height), (250, 250, 250))
    draw = ImageDraw.Draw(im)
    draw.rectangle((0, 0, width, 72), fill=(24, 54, 110))
    draw.text((40, 26), "Northwind Appliances - Contact us", fill="white")
    y = 110
    while y < height - 60:
        if rng.random() < 0.15:   # a form field
            draw.rectangle((40, y, 640, y + 34), outline=(160, 160, 160), fill="white")
            y += 50
            continue
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16)))
        draw.text((40, y), words, fill=(30, 30, 30))
        y += 22
    photo = Image.effect_noise((300, 200), rng.uniform(40, 70)).convert("RGB")
    im.paste(photo, (840, 120))
    im.save(path, optimize=False, compress_level=6)


def build(base: Path, journeys: int, shots: int, newsletters: int):
    from probes.ledger import Ledger
    from probes.results import Finding, utcnow

    reports = base / "reports"
    ledger = Ledger(f"sqlite:///{base / 'ledger.sqlite3'}")
    run_id = ledger.start_run("nightly", evidence_root=reports)
    rng = random.Random(14)
    pngs: list[Path] = []
    # A few distinct screenshots, copied: each file is its own, but making 150 PNGs would dominate the time.
    samples = []
    for i in range(6):
        p = base / f"sample{i}.png"
        page_png(p, rng)
        samples.append(p.read_bytes())
    now = utcnow()
    for n in range(journeys):
        slug = f"journey-{n:03d}"
        jid = ledger.start_journey(run_id, name=f"Ask about order {n}", file=f"{slug}.yaml", target="northwind",
                                   target_name="Northwind Appliances", persona={"name": "Priya Shah"}, tags=[])
        sid = ledger.start_step(jid, 0, "contact-form", "web_form", "Send the contact form")
        folder = reports / "evidence" / run_id / slug
        folder.mkdir(parents=True, exist_ok=True)
        for k, which in enumerate(["before", "after", "confirmation"][:shots] + [f"extra{i}" for i in range(shots - 3)]):
            path = folder / f"contact-form-{which}.png"
            path.write_bytes(samples[(n + k) % len(samples)])
            pngs.append(path)
            ledger.add_evidence(run_id, jid, sid, "screenshot", f"{which.title()} sending",
                                str(path.relative_to(reports)), path.stat().st_size)
        trace = folder / "contact-form-trace.zip"
        trace.write_bytes(rng.randbytes(200_000))
        ledger.add_evidence(run_id, jid, sid, "trace", "Playwright trace", str(trace.relative_to(reports)),
                            trace.stat().st_size)
        ledger.finish_step(sid, "passed", measurements={"page_load_s": 0.4, "submit_to_confirmation_s": 1.1},
                           observations={"url": "https://northwind.example/contact", "http_status": 200,
                                         "result": "confirmed", "reachable": True})
        sid2 = ledger.start_step(jid, 1, "email", "email", "Ask by email")
        cid = ledger.plan_contact(run_id=run_id, journey_id=jid, step_id=sid2, channel="email",
                                  destination="help@northwind.example", token=f"t{n:05d}",
                                  idempotency_key=f"{run_id}/{slug}/email", reply_address=f"s+t{n:05d}@x.example")
        ledger.mark_contact(cid, "sent", now)
        body = ("Dear [name],\n\nThank you for your message about your order. " +
                " ".join(rng.choice(WORDS) for _ in range(180)) + "\n\nKind regards,\nSam")
        eml = folder / f"reply-{n}.eml"
        eml.write_text("From: sam@northwind.example\n\n" + body)
        ledger.add_response(channel="email", mailbox="shopper", uidvalidity=1, uid=n + 1, contact_id=cid,
                            matched_by="reply_address", kind="human", kind_reason="a person's words",
                            from_addr="sam@northwind.example", subject="Re: your order", observed_at=now,
                            arrived_at=now + dt.timedelta(hours=3), body_text=body,
                            evidence_path=str(eml.relative_to(reports)), evidence_root=str(reports))
        ledger.add_finding(run_id, jid, sid2, Finding("placeholder", "major", "Unreplaced placeholder [name]",
                                                      snippet="Dear [name]"), cid)
        ledger.finish_step(sid2, "failed", observations={"reachable": True, "subject": "Your order"})
        ledger.finish_journey(jid, "failed")
    for u in range(newsletters):
        ledger.add_response(channel="email", mailbox="shopper", uidvalidity=1, uid=100_000 + u,
                            from_addr=f"news{u % 7}@shop{u % 13}.example", subject=f"Newsletter {u}: autumn offers",
                            observed_at=now, arrived_at=now, evidence_path=f"evidence/unmatched/shopper-1-{u}.eml",
                            evidence_root=str(reports))
    ledger.finish_run(run_id, "failed")
    return ledger, run_id, reports, pngs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--journeys", type=int, default=50)
    ap.add_argument("--shots", type=int, default=3, help="screenshots per journey (at least 1)")
    ap.add_argument("--newsletters", type=int, default=200)
    ap.add_argument("--keep", type=Path, help="build in this folder and keep it (to open the page)")
    args = ap.parse_args()
    from probes.report import build_results
    from probes.report.render import write_report

    base = args.keep or Path(tempfile.mkdtemp(prefix="report-size-"))
    base.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.perf_counter()
        ledger, run_id, reports, pngs = build(base, args.journeys, max(1, args.shots), args.newsletters)
        print(f"built {args.journeys} journeys, {len(pngs)} screenshots "
              f"({sum(p.stat().st_size for p in pngs) / 1e6:.1f} MB) in {time.perf_counter() - t0:.1f} s")
        out = reports / "runs" / run_id
        timings = []
        for _ in range(2):
            t0 = time.perf_counter()
            page = write_report(build_results(ledger, run_id), out)
            timings.append(time.perf_counter() - t0)
        html = page.read_text(encoding="utf-8")
        thumbs = sorted(reports.glob("evidence/*/*/*.thumb.jpg"))
        print(f"render: first (makes {len(thumbs)} thumbnails) {timings[0]:.2f} s, second {timings[1]:.2f} s; "
              f"thumbnails {sum(t.stat().st_size for t in thumbs) / max(1, len(thumbs)) / 1024:.0f} KB each")
        # The old page: every screenshot inline as base64, every unmatched message listed.
        old = len(html.encode("utf-8"))
        for href, src in re.findall(r'<a class="thumb" href="([^"]+)"[^>]*><img src="([^"]+)"', html):
            full = (out / unquote(href)).resolve()
            old += len("data:image/png;base64,") + len(base64.b64encode(full.read_bytes())) - len(src)
        listing = out / "unmatched-mail.html"
        if listing.exists():
            rows = re.findall(r"<tr>.*?</tr>", listing.read_text(encoding="utf-8"), re.S)[1:]
            old += sum(len(r.encode("utf-8")) for r in rows[5:])
        print(f"page {page}: {len(html.encode('utf-8')) / 1e6:.3f} MB; unmatched-mail.html "
              f"{listing.stat().st_size / 1e6 if listing.exists() else 0:.3f} MB")
        print(f"run_page_mb={len(html.encode('utf-8')) / 1e6:.3f} old_style_mb={old / 1e6:.1f}")
        ledger.close()
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
