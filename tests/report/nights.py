"""Ledgers of many nights, written through the ledger API as the runs would have written them.

``night(ledger, n, journeys)`` records one run started on night ``n``; each journey is a ``J`` with its
steps (``S``): status, measured times, findings, whether the customer got through, and the answers the
contact got (seconds after it was sent).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from probes.results import Finding

NIGHT0 = dt.datetime(2026, 10, 1, 2, 0, tzinfo=dt.timezone.utc)


@dataclass
class S:
    key: str
    channel: str = "web_form"
    status: str = "passed"
    measurements: dict = field(default_factory=dict)
    findings: list[tuple[str, str]] = field(default_factory=list)   # (check id, severity)
    reachable: bool | None = True
    ack_after_s: float | None = None      # an automatic answer this long after sending
    human_after_s: float | None = None    # a person's answer this long after sending


@dataclass
class J:
    name: str
    steps: list[S]
    target: str = "acme"
    target_name: str = "Acme Ltd"
    status: str | None = None             # default: failed if a step failed, error if one errored, else passed


def night(ledger, n: int, journeys: list[J], *, kind: str = "nightly", hour: int = 2, run_id: str | None = None,
          confirm_after: list | None = None) -> str:
    started = NIGHT0 + dt.timedelta(days=n, hours=hour - 2)
    run_id = run_id or f"{kind}-{started:%Y%m%d%H}"
    options = {"journeys": [], **({"confirm_after": confirm_after} if confirm_after else {})}
    ledger.start_run(kind, evidence_root=".", options=options, run_id=run_id)
    ledger.update_row("runs", run_id, started_at=started)
    statuses = []
    for j in journeys:
        jid = ledger.start_journey(run_id, name=j.name, file=f"{j.name}.yaml", target=j.target,
                                   target_name=j.target_name, persona={"name": "Jane"}, tags=[])
        for pos, s in enumerate(j.steps):
            sid = ledger.start_step(jid, pos, s.key, s.channel)
            sent = started + dt.timedelta(minutes=1 + pos)
            if s.channel in ("web_form", "email", "sms") and s.status != "error":
                cid = ledger.plan_contact(run_id=run_id, journey_id=jid, step_id=sid, channel=s.channel,
                                          destination="x", token=f"{run_id}-{jid}-{pos}",
                                          idempotency_key=f"{run_id}-{jid}-{pos}")
                ledger.mark_contact(cid, "sent", sent_at=sent)
                for uid, (kind_, after) in enumerate((("auto", s.ack_after_s), ("human", s.human_after_s))):
                    if after is not None:
                        at = sent + dt.timedelta(seconds=after)
                        ledger.add_response(channel="email", mailbox="shopper", uidvalidity=1,
                                            uid=cid * 10 + uid, contact_id=cid, matched_by="token", kind=kind_,
                                            observed_at=at, arrived_at=at, body_text="Thanks")
            for check, severity in s.findings:
                ledger.add_finding(run_id, jid, sid, Finding(check=check, severity=severity,
                                                             title=f"{check} (night {n})"))
            obs = {"reachable": s.reachable} if s.reachable is not None else {}
            ledger.finish_step(sid, s.status, measurements=s.measurements, observations=obs,
                               error="the prober's browser crashed" if s.status == "error" else None)
            ledger.add_evidence(run_id, jid, sid, "screenshot", "page", f"{run_id}/{jid}-{pos}.png", 50_000)
        status = j.status or ("failed" if any(s.status == "failed" for s in j.steps) else
                              "error" if any(s.status == "error" for s in j.steps) else "passed")
        ledger.finish_journey(jid, status)
        statuses.append(status)
    ledger.finish_run(run_id, "failed" if "failed" in statuses else "error" if "error" in statuses else "passed")
    ledger.update_row("runs", run_id, finished_at=started + dt.timedelta(minutes=20))
    return run_id
