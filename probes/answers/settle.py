"""Settle awaits: an answer meets (or is late for) its contact's awaits; deadlines that passed with no
answer are closed as *no response*, but only once every source that could carry the answer was read past
the deadline (its read watermark); steps, journeys and runs then take the verdict of their awaits.
"""
from __future__ import annotations

import datetime as dt

from ..business_time import BusinessCalendar
from ..config import Config
from ..ledger import Ledger


def settle(ledger: Ledger, calendar: BusinessCalendar, contact: dict, response_id: int, kind: str,
           arrived: dt.datetime) -> int:
    """Settle the contact's pending awaits that this response answers. Returns how many."""
    from ..awaits import verdict

    settled = 0
    sent = contact.get("sent_at")
    for a in ledger.awaits_where(contact_id=contact["id"], status="pending"):
        if a["kind"] in ("human", "promise") and kind != "human":
            continue  # an automatic reply neither answers as a person nor keeps a promise to follow up
        status = "met" if arrived <= a["due_at"] else "late"
        elapsed = max(0.0, (arrived - sent).total_seconds()) if sent else None
        business = calendar.between(sent, arrived) if sent else None
        if not ledger.settle_await(a["id"], status, response_id=response_id, elapsed_s=elapsed,
                                   business_s=business):
            continue   # another process settled it since it was read
        if finding := verdict(a["kind"], a["deadline_text"], status, elapsed):
            ledger.add_finding(a["run_id"], a["journey_id"], a["step_id"], finding, contact["id"])
        settled += 1
    return settled


def sources_of(config: Config, identity: str | None, channel: str) -> list[str]:
    """The sources that could carry an answer on channel to a contact made as identity: its mailbox
    (email) or its number's messages (sms). Every such source in probes.yaml when the identity is
    unknown there (renamed since) or has none for the channel."""
    from ..channels.email_inbox import Mailbox
    from ..channels.sms_inbox import TextBox

    def keys(name: str, ident) -> list[str]:
        if channel == "sms":
            return [TextBox(ident.phone).key] if ident.phone else []
        return [Mailbox(name, ident.email).key] if ident.email else []

    ident = config.identities.get(identity or "")
    if ident is not None and (found := keys(identity or "", ident)):
        return found
    return [k for name, other in config.identities.items() for k in keys(name, other)]


def source_name(key: str) -> str:
    """A source in words: "the mailbox shopper@example.com", "the texts to +15005550006"."""
    if key.startswith("sms:"):
        return f"the texts to {key[4:]}"
    address, _, folder = key.split(":", 1)[-1].partition("/")
    return f"the mailbox {address}" + (f" (folder {folder})" if folder and folder != "INBOX" else "")


def _when(value: dt.datetime) -> str:
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def close_overdue(ledger: Ledger, config: Config, now: dt.datetime) -> tuple[int, set[int], int]:
    """Close pending awaits whose deadline has passed as 'no_response', when every source that could
    carry the answer has been read past the deadline; say why on the others (held_open).

    Returns (how many closed, their journeys, how many held open)."""
    from ..awaits import verdict, what_arrived

    closed, touched, held = 0, set(), 0
    for a in ledger.awaits_where(status="pending"):
        if a["due_at"] > now:
            continue
        contact = ledger.get_contact(a["contact_id"]) or {}
        sources = sources_of(config, contact.get("identity"), a["channel"])
        marks = ledger.watermarks(sources)
        behind = [k for k in sources if not (marks.get(k) or {}).get("read_to")
                  or marks[k]["read_to"] <= a["due_at"]]
        if sources and not behind:
            with ledger.transaction():   # the verdict and its finding together, once, by one process
                if not ledger.settle_await(a["id"], "no_response"):
                    continue
                arrived = what_arrived(ledger.responses_where(contact_id=a["contact_id"]), contact.get("sent_at"))
                ledger.add_finding(a["run_id"], a["journey_id"], a["step_id"],
                                   verdict(a["kind"], a["deadline_text"], "no_response", None, arrived),
                                   a["contact_id"])
            closed += 1
            touched.add(a["journey_id"])
            continue
        held += 1
        if not sources:
            reason = (f"not closed: probes.yaml has no {'number' if a['channel'] == 'sms' else 'mailbox'} "
                      "that receives the answer, so nobody can tell whether it came")
        else:
            parts = []
            for k in behind:
                mark = marks.get(k) or {}
                said = (f"{source_name(k)} has not been read since {_when(mark['read_to'])}" if mark.get("read_to")
                        else f"{source_name(k)} has not been read completely yet")
                if mark.get("error"):
                    said += f" (last try {_when(mark['failed_at'])}: {mark['error']})"
                parts.append(said)
            reason = (f"not closed: {'; '.join(parts)}. The deadline was {_when(a['due_at'])}: an answer may have "
                      "come in time; the next `probes harvest` that reads past the deadline settles it")
        if reason != a.get("held_open"):
            ledger.hold_open(a["id"], reason)
    return closed, touched, held


def refresh_statuses(ledger: Ledger, journey_ids: set[int] | None = None) -> None:
    """Steps, journeys and runs take the verdict of their awaits and findings.

    journey_ids: only these journeys (and their runs); default every journey with awaits.
    """
    import sqlalchemy as sa

    from ..ledger import awaits, findings, journeys, runs, steps
    from ..results import FAILING

    def verdict(states: set) -> str:
        return ("error" if "error" in states else "failed" if "failed" in states
                else "pending" if "pending" in states else "passed")

    with ledger.engine.begin() as conn:
        touched = sorted(journey_ids if journey_ids is not None else {
            r[0] for r in conn.execute(sa.select(awaits.c.journey_id).distinct())})
        touched_runs = set()
        for i in range(0, len(touched), 500):   # a few queries per 500 journeys, not per step
            chunk = touched[i:i + 500]
            step_rows = conn.execute(sa.select(steps.c.id, steps.c.journey_id, steps.c.status)
                                     .where(steps.c.journey_id.in_(chunk))).all()
            sids = [r.id for r in step_rows]
            await_states: dict[int, set] = {}
            for sid, state in conn.execute(sa.select(awaits.c.step_id, awaits.c.status)
                                           .where(awaits.c.step_id.in_(sids))):
                await_states.setdefault(sid, set()).add(state)
            failing = {sid for (sid,) in conn.execute(
                sa.select(findings.c.step_id).where(findings.c.step_id.in_(sids),
                                                    findings.c.severity.in_(sorted(FAILING))).distinct())}
            by_journey: dict[int, set] = {}
            for sid, jid, current in step_rows:
                status = current
                if current not in ("error", "skipped", "running"):
                    states = await_states.get(sid, set())
                    status = ("failed" if sid in failing or states & {"late", "no_response"}
                              else "pending" if "pending" in states else "passed")
                    if status != current:
                        conn.execute(steps.update().where(steps.c.id == sid).values(status=status))
                by_journey.setdefault(jid, set()).add(status)
            for jid, current, run_id in conn.execute(sa.select(journeys.c.id, journeys.c.status, journeys.c.run_id)
                                                     .where(journeys.c.id.in_(chunk))):
                status = verdict(by_journey.get(jid, set()))
                if current not in ("running", "not_started", status):
                    conn.execute(journeys.update().where(journeys.c.id == jid).values(status=status))
                touched_runs.add(run_id)
        for rid in touched_runs:
            status_now = conn.execute(sa.select(runs.c.status).where(runs.c.id == rid)).scalar()
            if status_now in ("running", "interrupted"):
                continue
            # A journey that was re-run (settings.reruns) counts by its last attempt only.
            retried = sa.select(journeys.c.retried_from).where(journeys.c.run_id == rid,
                                                               journeys.c.retried_from.is_not(None))
            states = {r[0] for r in conn.execute(sa.select(journeys.c.status).where(
                journeys.c.run_id == rid, journeys.c.id.not_in(retried)))}
            conn.execute(runs.update().where(runs.c.id == rid).values(status=verdict(states)))
