"""Does the dashboard stay fast and small over a year of nightly runs?

Synthesises nightly runs of 50 journeys each (bulk inserts into the ledger's own tables, as the runs would
have written them): every journey has a web form step (page load, time to confirmation, an email answer
from an automatic responder and from a person), an email step (answered the same way) and a phone step
(time to answer, time to a person), with findings on some nights, a prober error now and then, and two
evidence files per step. Then it renders, as after every run, the latest run's page
(runs/<run id>/index.html, with what changed and regressions) and the dashboard (index.html, the last
30 days), and measures the CPU seconds of each in this process (time.process_time: SQLite works in the
process, so its reads are counted; the wall-clock seconds, printed too, depend on the machine's other
load) and the sizes.

The templates are compiled once before measuring (a CLI process compiles them once per run; that cost,
about 0.3 s on a quiet machine, does not grow with the history).

Usage: python tests/benchmarks/history_scale.py [--runs 365] [--small 30] [--journeys 50] [--days 30]
Prints the wall-clock seconds of both, the CPU figures for --small runs, then, last:
  dashboard_s=<x> run_page_s=<y> dashboard_mb=<z> ledger_mb=<w>
for --runs runs. Targets: x <= 3, y <= 1, z <= 5; the growth from --small to --runs sub-linear.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from probes.ledger import (Ledger, contacts, evidence, findings, journeys, responses, runs,  # noqa: E402
                           steps)

NIGHT0 = dt.datetime(2025, 12, 1, 2, 0, tzinfo=dt.timezone.utc)
CHECKS = [("web_form.http_error", "major"), ("placeholder.unreplaced", "minor"), ("reply.no_human", "major"),
          ("phone.busy", "critical"), ("tone.cheerful_bereavement", "minor")]


def synthesise(ledger: Ledger, n_runs: int, n_journeys: int, seed: int = 7) -> str:
    """Write ``n_runs`` nightly runs of ``n_journeys`` journeys; return the latest run's id."""
    rnd = random.Random(seed)
    ids = {"journey": 0, "step": 0, "contact": 0, "response": 0}
    # Some journeys have a problem that lasts a few weeks, then is fixed: streaks, new, resolved.
    trouble = {j: (rnd.randrange(n_runs), rnd.randrange(3, 40), CHECKS[j % len(CHECKS)])
               for j in range(0, n_journeys, 3)}
    run_id = ""
    for n in range(n_runs):
        started = NIGHT0 + dt.timedelta(days=n)
        run_id = f"nightly-{started:%Y%m%d}"
        rows: dict[str, list[dict]] = {k: [] for k in ("journeys", "steps", "contacts", "responses", "findings",
                                                       "evidence")}
        run_failed = False
        for j in range(n_journeys):
            ids["journey"] += 1
            jid = ids["journey"]
            first, length, check = trouble.get(j, (-1, 0, CHECKS[0]))
            has_problem = first <= n < first + length
            prober_error = rnd.random() < 0.01
            status = "error" if prober_error else "failed" if has_problem else "passed"
            run_failed |= status == "failed"
            rows["journeys"].append({"id": jid, "run_id": run_id, "name": f"Journey {j:02d}", "file": f"j{j}.yaml",
                                     "target": f"company{j % 3}", "target_name": f"Company {j % 3}",
                                     "persona": {"name": "Jane"}, "tags": [], "status": status,
                                     "started_at": started, "finished_at": started + dt.timedelta(minutes=5)})
            for pos, (key, channel) in enumerate((("form", "web_form"), ("mail", "email"), ("call", "phone"))):
                ids["step"] += 1
                sid = ids["step"]
                step_status = "error" if prober_error and pos == 0 else "failed" if has_problem and pos == 0 \
                    else "skipped" if prober_error else "passed"
                measurements = ({"page_load_s": rnd.uniform(0.3, 0.9), "submit_to_confirmation_s": rnd.uniform(1, 3)}
                                if channel == "web_form" else
                                {"answer_s": rnd.uniform(2, 20), "time_to_person_s": rnd.uniform(30, 600)}
                                if channel == "phone" else {"acceptance_s": rnd.uniform(0.1, 0.5)})
                rows["steps"].append({"id": sid, "journey_id": jid, "position": pos, "step_key": key,
                                      "channel": channel, "status": step_status, "started_at": started,
                                      "finished_at": started + dt.timedelta(seconds=30), "measurements": measurements,
                                      "observations": {"reachable": step_status != "error"}})
                if has_problem and pos == 0:
                    rows["findings"].append({"run_id": run_id, "journey_id": jid, "step_id": sid,
                                             "check_id": check[0], "severity": check[1],
                                             "title": f"{check[0]} on night {n}", "snippet": "…",
                                             "created_at": started})
                for k in range(2):
                    rows["evidence"].append({"run_id": run_id, "journey_id": jid, "step_id": sid,
                                             "kind": "screenshot" if k == 0 else "trace", "label": key,
                                             "path": f"{run_id}/{jid}/{key}-{k}", "bytes": rnd.randrange(40_000, 400_000),
                                             "created_at": started})
                if channel in ("web_form", "email") and step_status == "passed":
                    ids["contact"] += 1
                    cid = ids["contact"]
                    sent = started + dt.timedelta(minutes=1)
                    rows["contacts"].append({"id": cid, "run_id": run_id, "journey_id": jid, "step_id": sid,
                                             "channel": channel, "destination": "support@example.com",
                                             "token": f"t{cid}", "idempotency_key": f"k{cid}", "status": "sent",
                                             "planned_at": sent, "sent_at": sent})
                    for kind, after in (("auto", rnd.uniform(5, 120)), ("human", rnd.uniform(1800, 30000))):
                        ids["response"] += 1
                        at = sent + dt.timedelta(seconds=after)
                        rows["responses"].append({"id": ids["response"], "channel": "email", "mailbox": "shopper",
                                                  "uidvalidity": 1, "uid": ids["response"], "contact_id": cid,
                                                  "matched_by": "reply_address", "kind": kind, "from_addr": "x@y",
                                                  "subject": "Re: your message", "observed_at": at,
                                                  "arrived_at": at, "body_text": "Thank you for your message."})
        with ledger.transaction() as conn:
            conn.execute(runs.insert(), [{"id": run_id, "kind": "nightly", "status": "failed" if run_failed
                                          else "passed", "started_at": started,
                                          "finished_at": started + dt.timedelta(minutes=30), "evidence_root": ".",
                                          "options": {}}])
            for name, table in (("journeys", journeys), ("steps", steps), ("contacts", contacts),
                                ("responses", responses), ("findings", findings), ("evidence", evidence)):
                if rows[name]:
                    conn.execute(table.insert(), rows[name])
    return run_id


def measure(folder: Path, n_runs: int, n_journeys: int, days: int) -> dict[str, float]:
    from probes.report.dashboard import publish_run, run_page_dir, write_dashboard

    db = folder / f"ledger-{n_runs}.sqlite3"
    ledger = Ledger(f"sqlite:///{db}")
    latest = synthesise(ledger, n_runs, n_journeys)
    reports = folder / f"reports-{n_runs}"
    t0, c0 = time.perf_counter(), time.process_time()
    # The run page as every run writes it: results, what changed, regressions (the dashboard is timed apart).
    from probes.report import build_results, write_json, write_report
    from probes.report.dashboard import run_history

    results = build_results(ledger, latest)
    write_json(results, run_page_dir(reports, latest) / "results.json")
    write_report(results, run_page_dir(reports, latest), history=run_history(ledger, latest))
    t1, c1 = time.perf_counter(), time.process_time()
    dashboard = write_dashboard(ledger, reports, days=days)
    t2, c2 = time.perf_counter(), time.process_time()
    assert publish_run  # the CLI's one call does both, in this order
    ledger.close()
    return {"runs": n_runs, "dashboard_s": c2 - c1, "run_page_s": c1 - c0,
            "dashboard_wall_s": t2 - t1, "run_page_wall_s": t1 - t0,
            "dashboard_mb": dashboard.stat().st_size / 1e6, "ledger_mb": db.stat().st_size / 1e6}


def warm_up(folder: Path) -> None:
    """Compile the templates once, as one CLI process does, on a ledger of two nights."""
    from probes.report.dashboard import publish_run

    ledger = Ledger(f"sqlite:///{folder / 'warm.sqlite3'}")
    latest = synthesise(ledger, 2, 3)
    publish_run(ledger, folder / "warm", latest)
    ledger.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=365)
    ap.add_argument("--small", type=int, default=30)
    ap.add_argument("--journeys", type=int, default=50)
    ap.add_argument("--days", type=int, default=30)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="history-scale-") as tmp:
        folder = Path(tmp)
        warm_up(folder)
        small = measure(folder, args.small, args.journeys, args.days)
        big = measure(folder, args.runs, args.journeys, args.days)
        for m in (small, big):
            print(f"runs={m['runs']} journeys={args.journeys} wall: dashboard_s={m['dashboard_wall_s']:.2f} "
                  f"run_page_s={m['run_page_wall_s']:.2f}", flush=True)
        for m in (small, big):
            # The last line is the year's figures alone; the line before it, the small ledger's.
            print(("" if m is big else f"runs={m['runs']} ") +
                  f"dashboard_s={m['dashboard_s']:.2f} run_page_s={m['run_page_s']:.2f} "
                  f"dashboard_mb={m['dashboard_mb']:.2f} ledger_mb={m['ledger_mb']:.1f}", flush=True)


if __name__ == "__main__":
    main()
