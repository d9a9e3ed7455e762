"""Judge an answer: the checks on what the customer reads, the awaits it settles, the promises it makes.

What every matched answer goes through, whatever its channel (``judge``). Checks are pure functions of the
reply and its context; what they need from the ledger (who else was probed, what the question asked, the
fingerprints of earlier answers) is read here and handed to them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from ..business_time import BusinessCalendar
from ..checks import CheckContext, _retuned, canned, links, run_checks
from ..config import HARVEST_CHECKS, Target
from ..ledger import Ledger, answer_fingerprints
from ..results import Finding
from .inbound import HarvestResult
from .settle import settle

RUN_PARTS = ("journeys", "steps", "contacts")


class RunView:
    """The journeys, steps and contacts of runs, read once per harvest rather than once per answer.

    A run read earlier is read again when it has gained a contact (or a step) since."""

    def __init__(self, ledger: Ledger):
        self.ledger = ledger
        self._runs: dict[str, dict] = {}
        self.backfilled: set[str] = set()   # targets whose older answers all have fingerprints now
        self.shingles: dict[int, frozenset[int]] = {}   # response id -> its fingerprint, as read or written
        self.earlier: dict[int, canned.Earlier] = {}    # response id -> its fingerprint row, as read
        self._checked: set[str] = set()     # runs checked for new contacts since next_message()

    def next_message(self) -> None:
        """A new message: runs are checked for new contacts again (once each) when next used."""
        self._checked = set()

    def rows(self, run_id: str, step_ids: frozenset[int] | set[int] = frozenset()) -> dict[str, Any]:
        rows = self._runs.get(run_id)
        if rows is not None and step_ids <= rows["step_ids"] and (
                run_id in self._checked or self.ledger.contact_count(run_id) == len(rows["contacts"])):
            self._checked.add(run_id)
            return rows
        rows = dict(self.ledger.run_rows(run_id, RUN_PARTS))
        rows["step_ids"] = {s["id"] for s in rows["steps"]}
        self._runs[run_id] = rows
        self._checked.add(run_id)
        return rows

    def journey(self, contact: dict) -> dict:
        return next((j for j in self.rows(contact["run_id"])["journeys"] if j["id"] == contact["journey_id"]), {})


@dataclass
class Assessment:
    """What the checks and the promise finder made of an answer: thought through before the ledger's write
    lock is taken (``assess``), written under it (``judge``)."""

    findings: list[Finding]
    promised: list          # checks.promises.Promise: the follow-ups it promises, to be awaited
    calendar: BusinessCalendar


def assess(ledger: Ledger, contact: dict, journey: dict, target: Target | None, channel: str, body: str, kind: str,
           rid: int, arrived: dt.datetime, link_cache: dict | None, view: RunView | None = None) -> Assessment:
    """The checks on what the customer reads (the ledger only read, links fetched) and the promises it makes:
    no writes but the fingerprints of older answers (once), so it may run outside a write transaction."""
    ctx = check_context(ledger, contact, journey.get("persona") or {}, channel, reply_kind=kind, view=view)
    calendar = BusinessCalendar.for_target(target) if target else BusinessCalendar("UTC", {})
    return Assessment(
        findings=run_checks(body, ctx) + harvest_checks(ledger, contact, body, ctx, target, rid, link_cache, view=view),
        promised=promised(body, journey, calendar, arrived, ctx), calendar=calendar)


def judge(ledger: Ledger, contact: dict, journey: dict, target: Target | None, channel: str, body: str, kind: str,
          rid: int, arrived: dt.datetime, result: HarvestResult, link_cache: dict | None,
          view: RunView | None = None, assessed: Assessment | None = None) -> None:
    """What every matched answer goes through, email or text: the checks, the awaits it settles, the
    promises it makes. assessed: assess() of this answer, when the caller made it before its transaction."""
    assessed = assessed or assess(ledger, contact, journey, target, channel, body, kind, rid, arrived, link_cache, view)
    step_id = answer_step(ledger, contact)
    for f in assessed.findings:
        ledger.add_finding(contact["run_id"], contact["journey_id"], step_id, f, contact["id"])
    result.settled += settle(ledger, assessed.calendar, contact, rid, kind, arrived)
    add_promises(ledger, contact, body, journey, assessed.calendar, arrived, channel, found=assessed.promised)


def check_context(ledger: Ledger, contact: dict, persona: dict, channel: str,
                  personas: list[dict] | None = None, reply_kind: str = "human",
                  view: RunView | None = None) -> CheckContext:
    """What the checks know about an answer to this contact: its customer, who else was probed in its run
    (a reply naming another persona, or carrying another contact's token, went to the wrong person), and
    how its journey tunes the checks (journeys.tuning, written when the journey started).

    personas: every persona of the run, when the caller knows them (journeys not started yet included).
    view: the harvest's RunView (runs read once per harvest); without it the run is read now."""
    # What the question asked an answer to mention: on the contact's step, or on a step awaiting it.
    asking = {contact["step_id"]} | {a["step_id"] for a in ledger.awaits_where(contact_id=contact["id"])}
    rows = (view or RunView(ledger)).rows(contact["run_id"], asking)
    journey: dict = next((j for j in rows["journeys"] if j["id"] == contact["journey_id"]), {})
    if personas is None:
        personas = [j["persona"] for j in rows["journeys"] if j["id"] != contact["journey_id"] and j.get("persona")]
    others = [p for p in personas if p.get("name") != persona.get("name")]
    tokens = [c["token"] for c in rows["contacts"] if c["id"] != contact["id"] and c.get("token")]
    points = [p for st in rows["steps"] if st["id"] in asking
              for p in ((st.get("observations") or {}).get("must_mention") or [])]
    return CheckContext(persona=persona, channel=channel, other_personas=others, other_tokens=tokens,
                        token=contact.get("token") or "", tuning=journey.get("tuning") or {},
                        must_mention=points, reply_kind=reply_kind)


def harvest_checks(ledger: Ledger, contact: dict, body: str, ctx: CheckContext, target: Target | None,
                   response_id: int, link_cache: dict | None = None, view: RunView | None = None) -> list[Finding]:
    """The checks that need more than the text (earlier answers) or the network, run after the text checks,
    tuned the same way (config.HARVEST_CHECKS): canned replies (a person's answer only) and broken links
    (only those the target's allowlist covers; none when probes.yaml no longer has the target)."""
    runs = {
        "canned": lambda: canned_check(ledger, contact, body, ctx, response_id=response_id, view=view)
        if ctx.reply_kind == "human" else [],
        "link": lambda: links.check(body, target, persona=ctx.persona, token=ctx.token, cache=link_cache)
        if target is not None else [],
    }
    found: list[Finding] = []
    for check_id in HARVEST_CHECKS:
        tuned = ctx.tuning.get(check_id) or {}
        if not tuned.get("off"):
            found.extend(_retuned(f, tuned) for f in runs[check_id]())
    return found


# --- canned replies: the fingerprints of earlier answers ------------------------------------------------

def _asked(contact: dict, view: RunView) -> canned.Asked | None:
    rows = view.rows(contact["run_id"], {contact["step_id"]})
    journey = next((j for j in rows["journeys"] if j["id"] == contact["journey_id"]), None)
    step = next((s for s in rows["steps"] if s["id"] == contact["step_id"]), None)
    if journey is None or step is None:
        return None
    return canned.Asked(run_id=contact["run_id"], journey=journey["name"],
                        question=journey.get("file") or journey["name"], step_key=step["step_key"])


def record_fingerprint(ledger: Ledger, response_id: int, contact: dict, kind: str, arrived: dt.datetime,
                       body: str, view: RunView | None = None) -> None:
    """Keep the answer's fingerprint (checks.canned.fingerprint) for the answers that come after it."""
    view = view or RunView(ledger)
    asked = _asked(contact, view)
    journey = view.journey(contact)
    if asked is None or not journey.get("target"):
        return
    shingles = canned.fingerprint(body, journey.get("persona") or {}, contact.get("token") or "")
    with ledger.transaction() as conn:
        if conn.execute(_FINGERPRINT_KEPT, {"w_response_id": response_id}).first():
            # Kept already: recorded before an earlier answer was judged, whose canned check filled in the
            # fingerprints of the target's answers without one (_backfill).
            return
        conn.execute(answer_fingerprints.insert(), dict(
            response_id=response_id, target=journey["target"], kind=kind, contact_id=contact["id"],
            run_id=asked.run_id, journey=asked.journey, question=asked.question, step_key=asked.step_key,
            arrived_at=arrived, shingles=shingles))
    view.shingles[response_id] = frozenset(shingles)


_FINGERPRINT_KEPT = sa.select(answer_fingerprints.c.response_id).where(
    answer_fingerprints.c.response_id == sa.bindparam("w_response_id"))


def _backfill(ledger: Ledger, target: str) -> None:
    """Fingerprints of the newest answers from people at the target recorded without one (before the
    ledger had them): once, then they are read like the others."""
    from ..ledger import answer_fingerprints as fp
    from ..ledger import contacts, journeys, responses, steps

    stmt = (sa.select(responses.c.id, responses.c.body_text, responses.c.arrived_at, responses.c.kind,
                      contacts.c.id.label("contact_id"), contacts.c.token, contacts.c.run_id, journeys.c.name,
                      journeys.c.file, journeys.c.persona, steps.c.step_key)
            .select_from(responses.join(contacts, responses.c.contact_id == contacts.c.id)
                         .join(journeys, contacts.c.journey_id == journeys.c.id)
                         .join(steps, contacts.c.step_id == steps.c.id)
                         .outerjoin(fp, fp.c.response_id == responses.c.id))
            .where(responses.c.kind == "human", journeys.c.target == target, fp.c.response_id.is_(None))
            .order_by(responses.c.arrived_at.desc(), responses.c.id.desc()).limit(canned.LOOKBACK))
    with ledger.transaction() as conn:   # read and written by one process at a time
        for r in ledger._select(stmt):
            conn.execute(fp.insert().values(
                response_id=r["id"], target=target, kind=r["kind"], contact_id=r["contact_id"], run_id=r["run_id"],
                journey=r["name"], question=r["file"] or r["name"], step_key=r["step_key"],
                arrived_at=r["arrived_at"], shingles=canned.fingerprint(r["body_text"] or "", r["persona"] or {},
                                                                        r["token"] or "")))


def earlier_answers(ledger: Ledger, target: str, contact_id: int, response_id: int | None = None,
                    view: RunView | None = None) -> list[canned.Earlier]:
    """The last canned.LOOKBACK answers from people at the target, newest first, but this contact's."""
    from ..ledger import answer_fingerprints as fp

    view = view or RunView(ledger)
    if target not in view.backfilled:
        _backfill(ledger, target)
        view.backfilled.add(target)
    # Which answers, asked every time (another process may have added some); what they were, read once per
    # harvest (a fingerprint row never changes): every answer compares with the same ones.
    ids = ledger.column(_EARLIER, dict(target=target, contact_id=contact_id,
                                       before=response_id if response_id is not None else _NO_ID))
    missing = [i for i in ids if i not in view.earlier]
    for i in range(0, len(missing), 500):
        for r in ledger._select(sa.select(fp.c.response_id, fp.c.run_id, fp.c.journey, fp.c.question, fp.c.step_key,
                                          fp.c.shingles).where(fp.c.response_id.in_(missing[i:i + 500]))):
            view.shingles[r["response_id"]] = frozenset(r["shingles"])
            view.earlier[r["response_id"]] = canned.Earlier(
                fingerprint=view.shingles[r["response_id"]], run_id=r["run_id"], journey=r["journey"],
                question=r["question"], step_key=r["step_key"])
    return [view.earlier[i] for i in ids]


_NO_ID = 2 ** 62   # "before no answer": every one
# The last canned.LOOKBACK answers from people at a target but a contact's, recorded before an answer (an answer
# recorded after it, and not judged yet, is not earlier), newest first: built once, run with parameters.
_EARLIER = (sa.select(answer_fingerprints.c.response_id)
            .where(answer_fingerprints.c.target == sa.bindparam("target"), answer_fingerprints.c.kind == "human",
                   answer_fingerprints.c.contact_id != sa.bindparam("contact_id"),
                   answer_fingerprints.c.response_id < sa.bindparam("before"))
            .order_by(answer_fingerprints.c.arrived_at.desc(), answer_fingerprints.c.response_id.desc())
            .limit(canned.LOOKBACK))


def canned_check(ledger: Ledger, contact: dict, body: str, ctx: CheckContext | None = None, *,
                 response_id: int | None = None, view: RunView | None = None) -> list[Finding]:
    """The canned-reply check on a person's answer to this contact, handed the earlier answers' fingerprints.

    response_id: the answer's own row, left out of the comparison."""
    view = view or RunView(ledger)
    asked = _asked(contact, view)
    journey = view.journey(contact)
    if asked is None or not journey.get("target"):
        return []
    ctx = ctx or CheckContext(persona=journey.get("persona") or {}, token=contact.get("token") or "")
    return canned.check(body, ctx, asked, earlier_answers(ledger, journey["target"], contact["id"], response_id, view))


def answer_step(ledger: Ledger, contact: dict) -> int:
    """Where findings about an answer belong: the step awaiting it, else the step that made the contact."""
    waiting = ledger.awaits_where(contact_id=contact["id"])
    return waiting[0]["step_id"] if waiting else contact["step_id"]


def promised(body: str, journey: dict, calendar: BusinessCalendar, arrived: dt.datetime,
             ctx: CheckContext | None = None) -> list:
    """The follow-ups an answer promises that a later answer must keep (checks.promises.Promise). ctx: the
    answer's check context (who the customer is), so that a leaked staff note is told as the checks tell it."""
    from ..checks import promises

    persona = journey.get("persona") or {}
    return promises.awaited(promises.find(body, persona.get("language") or "en", arrived, calendar, ctx), arrived)


def add_promises(ledger: Ledger, contact: dict, body: str, journey: dict, calendar: BusinessCalendar,
                 arrived: dt.datetime, channel: str, found: list | None = None) -> None:
    """Each follow-up the answer promises ("within 24 hours", "by Friday") becomes an await: a person's
    next answer must come by then. found: promised() of the answer, when the caller has it."""
    found = promised(body, journey, calendar, arrived) if found is None else found
    if not found:
        return
    # One promise await per contact (the ledger keys awaits by step, contact and kind): the soonest one
    # promised; a sooner promise in a later answer takes its place while it is still pending.
    soonest = min(found, key=lambda p: p.due)
    text = f"promised \u201c{soonest.text}\u201d"
    earlier = ledger.awaits_where(contact_id=contact["id"], kind="promise")
    if not earlier:
        ledger.add_await(run_id=contact["run_id"], journey_id=contact["journey_id"],
                         step_id=answer_step(ledger, contact), contact_id=contact["id"], channel=channel,
                         kind="promise", deadline_text=text, due_at=soonest.due)
    elif earlier[0]["status"] == "pending" and soonest.due < earlier[0]["due_at"]:
        ledger.update_row("awaits", earlier[0]["id"], deadline_text=text, due_at=soonest.due)
