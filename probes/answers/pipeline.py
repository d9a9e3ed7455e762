"""The answers pipeline: every inbound message, from any channel's source, takes the same way.

1. our own copy of a sent message (``copy_to_self``) proves the server accepted that contact, which
   matters after a crash;
2. a bounce (delivery status notification) is a reachability finding;
3. ``match``: to a contact (reply address, token, threading, number);
4. ``classify``: automatic or from a person;
5. recorded (once, by source, UIDVALIDITY and UID) with its evidence file;
6. ``judge``: its fingerprint kept, the checks, the awaits it settles (``settle``), the promises it makes.

An answer is judged in the same transaction as its record, or (the waiting path, ``Pipeline.unjudged``)
recorded first and judged in a transaction of its own right after: then the source's position stays
before the oldest answer not yet judged, so that a harvest stopped in between reads it again, finds
it recorded above the position (``judged_upto``) and judges it, once.

A message that matches nothing is recorded and counted; the first few of a harvest (``UNMATCHED_SAMPLES``)
are listed and kept as files, the rest (newsletters, mostly) are not written out.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from ..config import Config, Target
from ..ledger import Ledger
from ..results import Finding
from .classify import classify, classify_text
from .inbound import UNMATCHED_SAMPLES, HarvestResult, Inbound, arrival
from .judge import Assessment, RunView, assess, judge, record_fingerprint
from .match import candidates, fits, match, template_hash, words

DEFAULT_AUTO_WITHIN_S = 10.0

log = logging.getLogger("probes.harvest")


@dataclass
class Unjudged:
    """A recorded answer whose judgment (``Pipeline.judge``) is still to come."""

    uid: int
    response_id: int
    contact: dict
    journey: dict
    target: Target | None
    channel: str
    body: str
    kind: str
    arrived: dt.datetime


class Pipeline:
    """One harvest's way through the answers: what it reads once (runs, links) and keeps for the next
    message. ``take`` is the one entry for a message of any channel."""

    def __init__(self, ledger: Ledger, config: Config, reports_dir: Path, link_cache: dict | None = None):
        self.ledger = ledger
        self.config = config
        self.reports_dir = Path(reports_dir)
        self.link_cache = link_cache if link_cache is not None else {}  # url -> what fetching it found
        self.view = RunView(ledger)
        self.samples_left = UNMATCHED_SAMPLES
        self._deferred: list[tuple[dict, dict | None]] | None = None   # unmatched rows of the batch under way
        # The waiting path: answers recorded and not judged yet go here (oldest first), for judge() after the
        # batch's transaction; None: each is judged in the transaction that records it.
        self.unjudged: list[Unjudged] | None = None
        self._journeys: dict[int, dict] = {}   # journey id -> its row
        self._roots: dict[str, str] = {}       # run id -> its evidence root
        # The email source's position as read in the batch's transaction: every answer at or below it was
        # judged; one recorded above it was not (a harvest stopped between its record and its judgment).
        # None: no such rule (texts).
        self.judged_upto: int | None = None

    def take_batch(self, items: list[Inbound], result: HarvestResult, *, flush: bool = True) -> None:
        """take() every message of a batch, with one contact lookup for all of them, and the ones that
        match nothing recorded together at the end. Call it inside a ledger transaction.

        flush=False: those are recorded by the next take_batch() that flushes, or by flush(), in the same
        transaction (a statement for many batches); discard() forgets them when the transaction fails."""
        found = self.ledger.contacts_matching(
            tokens=[w for item in items for w in words(item)],
            message_ids=[m for item in items for m in ([item.message_id] if item.channel == "email" else [])
                         + item.thread_ids],
            reply_addresses=[a for item in items for a in item.reply_addresses])
        if self._deferred is None:
            self._deferred = []
        try:
            for item in items:
                self.take(item, result, found=[c for c in found if fits(c, item)])
        except BaseException:
            self.discard()
            raise
        if flush:
            self.flush(result)

    def flush(self, result: HarvestResult) -> None:
        """Record the unmatched messages take_batch() kept back (one statement), inside its transaction."""
        try:
            self._flush(result)
        finally:
            self._deferred = None

    def discard(self) -> None:
        """Forget what take_batch() kept back (its transaction is rolled back)."""
        self._deferred = None

    def take(self, item: Inbound, result: HarvestResult, found: list[dict] | None = None) -> None:
        """Record, match, classify and judge one message (see the module docstring). Call it inside a
        ledger transaction: all of it is recorded, or nothing.

        found: the message's candidate contacts, when the caller looked them up (take_batch)."""
        ledger = self.ledger
        self.view.next_message()
        base = dict(channel=item.channel, mailbox=item.source, uidvalidity=item.uidvalidity, uid=item.uid,
                    message_id=item.message_id, from_addr=item.from_addr, to_addr=item.to_addr,
                    subject=item.subject, internal_date=item.internal, date_header=item.date_header,
                    observed_at=item.observed,
                    arrived_at=arrival(item.internal, item.observed, unseen_at=item.unseen_at))

        found = candidates(ledger, item) if found is None else found
        # 1. Our own copy of something we sent.
        if item.channel == "email" and item.message_id and \
                (own := [c for c in found if c["message_id"] == item.message_id]):
            mine = ledger.get_contact(own[0]["id"]) or own[0]   # as it is now, not when the batch began
            if ledger.add_response(**base, contact_id=mine["id"], kind="own_copy", matched_by="message_id") \
                    and mine["status"] == "planned":
                # Proof of acceptance for a send that crashed before it was recorded.
                ledger.mark_contact(mine["id"], "sent", mine["planned_at"],
                                    accepted_at=item.internal or base["arrived_at"])
            result.own_copies += 1
            return

        contact, how = match(ledger, self.config, item, found)
        if contact is not None and item.full is not None:
            # Read quickly so far: an answer is read completely, and matched again on what a customer reads.
            contact, how = match(ledger, self.config, item.exact())
            base.update(message_id=item.message_id, from_addr=item.from_addr, to_addr=item.to_addr,
                        subject=item.subject, date_header=item.date_header)
        elif contact is not None:
            contact = ledger.get_contact(contact["id"]) or contact   # as it is now, not when the batch began
        # 2. Bounces.
        if item.bounce:
            self._bounce(item, base, contact, how, result)
            return
        if contact is None:
            self._unmatched(item, base, dict(kind=None, body_text=item.body), result)
            return

        # 4. Classify it.
        # A contact still being sent (a slow 250) has no sent_at yet: it began after it was planned.
        arrived = arrival(item.internal, item.observed, contact.get("sent_at") or contact.get("planned_at"),
                          unseen_at=item.unseen_at)
        base["arrived_at"] = arrived
        template = template_hash(item.body, contact)
        journey = self._journey(contact)
        target = self.config.targets.get(journey.get("target", ""))  # None when probes.yaml no longer has it
        auto_within_s = target.auto_reply_within_s if target else DEFAULT_AUTO_WITHIN_S
        if item.headers is not None:
            kind, reason = classify(item.headers, arrived, contact, template, ledger, auto_within_s,
                                    replies=target.replies if target else None, body=item.body)
        else:
            kind, reason = classify_text(item.body, arrived, contact, template, ledger, auto_within_s,
                                         replies=target.replies if target else None)
        # 5. Record it.
        eml = self._save(item, contact)
        rid = ledger.add_response(**base, contact_id=contact["id"], matched_by=how, kind=kind, kind_reason=reason,
                                  body_text=item.body, template_hash=template, evidence_path=eml[0],
                                  evidence_root=eml[1])
        if not rid:
            self._recorded_before(item, result)
            return
        result.matched += 1
        result.journeys.add(contact["journey_id"])
        if item.channel == "sms":
            label, evidence_kind = f"{'Automatic text' if kind == 'auto' else 'Text'} from {item.from_addr}", "text"
        else:
            label, evidence_kind = (f"{'Automatic reply' if kind == 'auto' else 'Reply'} from "
                                    f"{item.from_addr}: {item.subject}"), "email"
        self._evidence_row(contact, eml, label, evidence_kind)
        log.debug("recorded %s uid %s", item.source, item.uid)
        self._answered(Unjudged(item.uid, rid, contact, journey, target, item.channel, item.body, kind, arrived),
                       result)

    def _answered(self, answer: Unjudged, result: HarvestResult) -> None:
        if self.unjudged is not None:
            self.unjudged.append(answer)   # judged after the record is committed
        else:
            self.judge(answer, result)

    def assess(self, answer: Unjudged) -> Assessment:
        """The thinking part of judge() (checks, links, promises found), which writes nothing of the answer's:
        the waiting path does it before taking the ledger's write lock, so that the journeys still being
        sent (and the next answer's record) do not wait behind the checks."""
        return assess(self.ledger, answer.contact, answer.journey, answer.target, answer.channel, answer.body,
                      answer.kind, answer.response_id, answer.arrived, self.link_cache, self.view)

    def judge(self, answer: Unjudged, result: HarvestResult, assessed: Assessment | None = None) -> None:
        """6. The answer's fingerprint kept; checks on what the customer reads; awaits settled; promises become
        awaits. Call it inside a ledger transaction. assessed: self.assess(answer), made before it."""
        record_fingerprint(self.ledger, answer.response_id, answer.contact, answer.kind, answer.arrived, answer.body,
                           self.view)
        judge(self.ledger, answer.contact, answer.journey, answer.target, answer.channel, answer.body, answer.kind,
              answer.response_id, answer.arrived, result, self.link_cache, self.view, assessed)
        log.debug("judged uid %s", answer.uid)

    def _recorded_before(self, item: Inbound, result: HarvestResult) -> None:
        """A message recorded by an earlier harvest: judged then, unless it is an answer above the source's
        position (that harvest stopped after recording it and before judging it): judged now, from its record."""
        if self.judged_upto is None or item.uid <= self.judged_upto:
            return
        rows = self.ledger.responses_where(mailbox=item.source, uidvalidity=item.uidvalidity, uid=item.uid)
        if not rows or rows[0]["contact_id"] is None or rows[0]["kind"] not in ("auto", "human"):
            return   # not an answer: nothing to judge
        row = rows[0]
        contact = self.ledger.get_contact(row["contact_id"])
        if contact is None:
            return
        journey = self._journey(contact)
        result.journeys.add(contact["journey_id"])
        self._answered(Unjudged(item.uid, row["id"], contact, journey, self.config.targets.get(journey.get("target", "")),
                                item.channel, row["body_text"] or "", row["kind"], row["arrived_at"]), result)

    def _journey(self, contact: dict) -> dict:
        """The contact's journey row (its target, persona), read once per harvest: not the whole run, which
        is read again whenever it gains a contact (RunView), as it does while journeys are still sent."""
        if (journey := self._journeys.get(contact["journey_id"])) is None:
            journey = self._journeys[contact["journey_id"]] = self.ledger.get_journey(contact["journey_id"]) or {}
        return journey

    def _bounce(self, item: Inbound, base: dict, contact: dict | None, how: str | None,
                result: HarvestResult) -> None:
        if contact is None:
            self._unmatched(item, base, dict(kind="bounce", body_text=item.body), result)
            return
        eml = self._save(item, contact)
        rid = self.ledger.add_response(**base, contact_id=contact["id"], kind="bounce", matched_by=how,
                                       body_text=item.body, evidence_path=eml[0], evidence_root=eml[1])
        if not rid:
            return
        result.bounces += 1
        result.journeys.add(contact["journey_id"])
        diagnostic = "\n".join(line for line in item.body.splitlines()
                               if re.match(r"\s*(Status|Diagnostic-Code|Action|Final-Recipient):", line, re.I))
        self.ledger.add_finding(contact["run_id"], contact["journey_id"], contact["step_id"], Finding(
            "email.bounced", "critical", "The company's address bounced",
            f"The mail to {contact['destination']} came back undelivered: a customer writing there "
            "reaches nobody.", diagnostic or item.body[:400]), contact["id"])
        self._evidence_row(contact, eml, "Bounce: " + item.subject, "email")

    def _unmatched(self, item: Inbound, base: dict, values: dict, result: HarvestResult) -> None:
        """Recorded and counted; only the first few of a harvest are listed and kept as files."""
        sample = self.samples_left > 0
        eml = self._save(item, None) if sample else (None, None)
        if sample:
            self.samples_left -= 1
        row = dict(base, **values, evidence_path=eml[0], evidence_root=eml[1])
        listed = {"from": base["from_addr"], "subject": base["subject"], "arrived_at": base["arrived_at"],
                  "mailbox": base["mailbox"], "uid": base["uid"]} if sample else None
        if self._deferred is not None:
            self._deferred.append((row, listed))   # recorded with the rest of the batch (_flush)
            return
        if self.ledger.add_response(**row):
            self._count(listed, result)

    def _flush(self, result: HarvestResult) -> None:
        rows, self._deferred = self._deferred or [], []
        for (_, listed), new in zip(rows, self.ledger.add_responses([row for row, _ in rows]), strict=True):
            if new:
                self._count(listed, result)

    @staticmethod
    def _count(listed: dict | None, result: HarvestResult) -> None:
        result.unmatched += 1
        if listed is not None:
            result.unmatched_samples.append(listed)

    def _save(self, item: Inbound, contact: dict | None) -> tuple[str, str]:
        """Write the raw message; returns (path relative to the evidence root, evidence root)."""
        if contact is not None:
            root = Path(self._evidence_root(contact["run_id"]))
            rel = (Path("evidence") / contact["run_id"] / "replies"
                   / f"{contact['token']}-{item.uidvalidity}-{item.uid}{item.suffix}")
        else:
            root = self.reports_dir
            safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.source)
            rel = Path("evidence") / "unmatched" / f"{safe}-{item.uidvalidity}-{item.uid}{item.suffix}"
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.write_bytes(item.raw)
        return str(rel), str(root)

    def _evidence_root(self, run_id: str) -> str:
        """Where the run keeps its evidence (set when it started): read once per harvest."""
        if (root := self._roots.get(run_id)) is None:
            run = self.ledger.get_run(run_id) or {}
            root = self._roots[run_id] = run.get("evidence_root") or str(self.reports_dir)
        return root

    def _evidence_row(self, contact: dict, eml: tuple[str, str], label: str, kind: str) -> None:
        rel, root = eml
        size = (Path(root) / rel).stat().st_size
        self.ledger.add_evidence(contact["run_id"], contact["journey_id"], contact["step_id"], kind, label, rel, size)
