"""Turn one run's ledger rows into the results document.

The results document is a plain, JSON-serialisable dict: the single thing the
HTML report, the JSON export and any dashboard read. It is built from the
ledger alone (plus the run's evidence root to locate files), so a report can be
rendered again at any time, on any machine that has the ledger and evidence.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from ..ledger import Ledger, responses
from ..results import SEVERITIES

FORMAT = "mystery-shopper-results"
# 2: answers that come later (awaits, responses, targets_figures, unmatched_mail), pending statuses.
FORMAT_VERSION = 2
# Response kinds that are the company answering (a bounce is the mail system; own_copy is our own mail).
ANSWER_KINDS = ("auto", "human")
AWAIT_STATUSES = ("pending", "met", "late", "no_response")

# An answer's text in the results: long enough for a whole reply, short enough for a page of them.
EXCERPT_CHARS = 3000

# Order used to sort findings, most severe first; unknown severities sort last.
_SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


def iso(value: dt.datetime | None) -> str | None:
    """ISO-8601 UTC with a trailing Z, or None."""
    if value is None:
        return None
    if value.tzinfo is None:  # the ledger stores UTC; SQLite drops the zone
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _seconds(start: dt.datetime | None, end: dt.datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return round((end - start).total_seconds(), 3)


def _finding(row: dict) -> dict[str, Any]:
    # snippets: every place of a merged finding (checks.merge); a single one (or a ledger before 0005) has one.
    snippets = row.get("snippets") or [row["snippet"] or ""]
    return {"check": row["check_id"], "severity": row["severity"], "title": row["title"],
            "detail": row["detail"] or "", "snippet": row["snippet"] or "", "snippets": snippets,
            "count": len(snippets)}


def _evidence(row: dict, root: Path | None) -> dict[str, Any]:
    rel = row["path"]
    abs_path = (root / rel) if root is not None else Path(rel)
    return {"kind": row["kind"], "label": row["label"] or "", "abs_path": str(abs_path.absolute()),
            "rel_path": rel, "bytes": row["bytes"],
            # When `probes prune` deleted the file (retention); the row and the rest of the page stay.
            "pruned_at": iso(row.get("pruned_at"))}


def _contact(row: dict | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"token": row["token"], "destination": row["destination"], "status": row["status"],
            "planned_at": iso(row["planned_at"]), "sent_at": iso(row["sent_at"]),
            "accepted_at": iso(row.get("accepted_at")),
            "message_id": row.get("message_id"), "reply_address": row.get("reply_address"),
            "server_answer": row.get("server_answer")}


def _eml_path(row: dict, root: Path | None) -> str | None:
    """Absolute path of a response's raw .eml (write_json makes it relative, like evidence paths)."""
    if not row.get("evidence_path"):
        return None
    base = Path(row["evidence_root"]) if row.get("evidence_root") else root
    path = (base / row["evidence_path"]) if base is not None else Path(row["evidence_path"])
    return str(path.absolute())


def _response(row: dict, contact: dict | None, root: Path | None) -> dict[str, Any]:
    sent = (contact or {}).get("sent_at")
    return {"id": row["id"], "kind": row["kind"], "kind_reason": row["kind_reason"],
            "matched_by": row["matched_by"], "from": row["from_addr"] or "", "subject": row["subject"] or "",
            "arrived_at": iso(row["arrived_at"]), "internal_date": iso(row["internal_date"]),
            "date_header": iso(row["date_header"]), "after_s": _seconds(sent, row["arrived_at"]),
            "eml": _eml_path(row, root), "eml_pruned_at": iso(row.get("pruned_at")), "channel": row["channel"],
            # What the customer read (a bounce is the mail system talking: no excerpt).
            **_excerpt(row["body_text"] if row["kind"] != "bounce" else "")}


def _excerpt(body: str | None) -> dict[str, Any]:
    """``text``: the answer's body, blank-line runs and trailing spaces tidied, cut at ``EXCERPT_CHARS``
    (at a line end when one is near); ``text_shortened``: whether it was cut."""
    lines = [ln.rstrip() for ln in (body or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    if len(text) <= EXCERPT_CHARS:
        return {"text": text, "text_shortened": False}
    cut = text.rfind("\n", EXCERPT_CHARS - 400, EXCERPT_CHARS)
    return {"text": text[:cut if cut > 0 else EXCERPT_CHARS].rstrip(), "text_shortened": True}


def _tuning(value: Any) -> dict[str, dict]:
    """The journey's check tuning, ``{check id: {off, severity, reason, from}}``; {} when none was recorded."""
    if isinstance(value, str):  # a ledger that kept it as text
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return {str(k): dict(v) for k, v in value.items() if isinstance(v, dict)} if isinstance(value, dict) else {}


def _await(row: dict) -> dict[str, Any]:
    def rounded(v):
        return round(v, 3) if v is not None else None

    return {"kind": row["kind"], "channel": row["channel"], "deadline": row["deadline_text"], "due_at": iso(row["due_at"]),
            "status": row["status"], "elapsed_s": rounded(row["elapsed_s"]), "business_s": rounded(row["business_s"]),
            "settled_at": iso(row["settled_at"]), "response_id": row["response_id"],
            # Why a deadline that passed was not judged yet (a mailbox not read past it); None otherwise.
            "held_open": row.get("held_open") if row["status"] == "pending" else None}


def nearest_rank(values: list[float], percent: float) -> float | None:
    """The ``percent``-th percentile by the nearest-rank method (always one of the values); None if empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(percent / 100 * len(ordered)))
    return ordered[rank - 1]


def build_results(ledger: Ledger, run_id: str) -> dict:
    """Everything one run recorded, as the results document (see the README's "JSON results format").

    Raises LookupError if the ledger has no run with this id.
    """
    run = ledger.get_run(run_id)
    if run is None:
        raise LookupError(f"the ledger has no run {run_id!r}")
    rows = ledger.run_rows(run_id)
    root = Path(run["evidence_root"]) if run.get("evidence_root") else None

    steps_by_journey: dict[int, list[dict]] = {}
    for s in rows["steps"]:
        steps_by_journey.setdefault(s["journey_id"], []).append(s)
    # A step normally has one contact; if a retry planned another, the newest one counts.
    contact_by_step = {c["step_id"]: c for c in rows["contacts"]}
    contact_by_id = {c["id"]: c for c in rows["contacts"]}
    responses_by_contact: dict[int, list[dict]] = {}
    for r in rows["responses"]:
        if r["kind"] != "own_copy":  # our own copy of what we sent is no answer
            responses_by_contact.setdefault(r["contact_id"], []).append(r)
    awaits_by_step: dict[int, list[dict]] = {}
    for a in rows["awaits"]:
        awaits_by_step.setdefault(a["step_id"], []).append(a)
    findings_by_step: dict[int, list[dict]] = {}
    journey_findings: dict[int, list[dict]] = {}
    for f in rows["findings"]:
        if f["step_id"] is not None:
            findings_by_step.setdefault(f["step_id"], []).append(f)
        elif f["journey_id"] is not None:
            journey_findings.setdefault(f["journey_id"], []).append(f)
    evidence_by_step: dict[int, list[dict]] = {}
    journey_evidence: dict[int, list[dict]] = {}
    for e in rows["evidence"]:
        if e["step_id"] is not None:
            evidence_by_step.setdefault(e["step_id"], []).append(e)
        elif e["journey_id"] is not None:
            journey_evidence.setdefault(e["journey_id"], []).append(e)

    journeys: list[dict] = []
    flat_findings: list[dict] = []
    errors: list[dict] = []
    journey_order: dict[int, int] = {}
    for j_index, j in enumerate(rows["journeys"]):
        journey_order[j["id"]] = j_index
        steps: list[dict] = []
        for s in steps_by_journey.get(j["id"], []):
            observations = s["observations"] or {}
            reachable = observations.get("reachable")
            contact_row = contact_by_step.get(s["id"])
            if reachable is True and contact_row is not None and contact_row["status"] != "sent":
                reachable = False  # got through only if the company's side got the contact
            step = {
                "id": s["step_key"], "position": s["position"], "channel": s["channel"],
                "description": s["description"] or "", "status": s["status"],
                "started_at": iso(s["started_at"]), "finished_at": iso(s["finished_at"]),
                "duration_s": _seconds(s["started_at"], s["finished_at"]),
                "offset_s": _seconds(j["started_at"], s["started_at"]),
                "measurements": s["measurements"] or {}, "observations": observations,
                "reachable": reachable if isinstance(reachable, bool) else None,
                "error": s["error"],
                "contact": _contact(contact_by_step.get(s["id"])),
                "awaits": [_await(a) for a in awaits_by_step.get(s["id"], [])],
                "responses": [_response(r, contact_by_step[s["id"]], root)
                              for r in responses_by_contact.get(contact_by_step[s["id"]]["id"], [])]
                if s["id"] in contact_by_step else [],
                "findings": [_finding(f) for f in findings_by_step.get(s["id"], [])],
                "evidence": [_evidence(e, root) for e in evidence_by_step.get(s["id"], [])],
            }
            steps.append(step)
            for f in step["findings"]:
                flat_findings.append({**f, "journey": j["name"], "journey_id": j["id"], "step": s["step_key"],
                                      "step_position": s["position"], "channel": s["channel"]})
            if s["status"] == "error":
                errors.append({"journey": j["name"], "journey_id": j["id"], "step": s["step_key"],
                               "message": s["error"] or "the step failed without a message"})
        j_findings = [_finding(f) for f in journey_findings.get(j["id"], [])]
        for f in j_findings:
            flat_findings.append({**f, "journey": j["name"], "journey_id": j["id"], "step": None,
                                  "step_position": None, "channel": None})
        # A journey-level error is listed unless it only repeats one of its steps' errors.
        step_messages = {s["error"] for s in steps if s["status"] == "error"}
        if j["status"] == "error" and (j["error"] or not step_messages) and j["error"] not in step_messages:
            errors.append({"journey": j["name"], "journey_id": j["id"], "step": None,
                           "message": j["error"] or "the journey stopped without a message"})
        journeys.append({
            "id": j["id"], "name": j["name"], "file": j["file"] or "", "description": j["description"] or "",
            "tags": list(j["tags"] or []), "target": j["target"], "target_name": j["target_name"] or j["target"],
            "persona": dict(j["persona"] or {}), "status": j["status"],
            "started_at": iso(j["started_at"]), "finished_at": iso(j["finished_at"]),
            "duration_s": _seconds(j["started_at"], j["finished_at"]), "error": j["error"],
            "steps": steps, "findings": j_findings,
            # How the scenario or the target tuned the checks (older ledgers have no such column).
            "tuning": _tuning(j.get("tuning")),
            "evidence": [_evidence(e, root) for e in journey_evidence.get(j["id"], [])],
            # settings.reruns: attempt 2 of a journey points at attempt 1 (see _collapse_attempts).
            "attempt": int(j.get("attempt") or 1), "retried_from": j.get("retried_from"),
            "retry_reason": j.get("retry_reason"),
            "flaky": bool(j.get("retried_from")) and j["status"] in ("passed", "pending"),
            # The maintenance window it was skipped in, or whose findings were downgraded to info.
            "maintenance": j.get("maintenance"),
            # Where it ran (probes/locations.py), and for one skipped there, the locations it is pinned to.
            "location": j.get("location") or "local", "pinned_to": j.get("pinned_to"),
        })
    journeys, flat_findings, errors = _collapse_attempts(journeys, flat_findings, errors)

    # Run-level findings (no journey) are kept too, after everything else of their severity.
    for f in rows["findings"]:
        if f["journey_id"] is None:
            flat_findings.append({**_finding(f), "journey": None, "journey_id": None, "step": None,
                                  "step_position": None, "channel": None})
    flat_findings.sort(key=lambda f: (_SEVERITY_RANK.get(f["severity"], len(SEVERITIES)),
                                      journey_order.get(f["journey_id"], len(journey_order)),
                                      f["step_position"] if f["step_position"] is not None else -1))

    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "run": {
            "id": run["id"], "kind": run["kind"], "status": run["status"],
            "started_at": iso(run["started_at"]), "finished_at": iso(run["finished_at"]),
            "duration_s": _seconds(run["started_at"], run["finished_at"]),
            "hostname": run["hostname"], "prober_version": run["prober_version"],
            "location": run.get("location") or "local",
            # The evidence files this run still keeps on disk (pruned ones no longer count).
            "evidence_bytes": sum(e["bytes"] or 0 for e in rows["evidence"] if e.get("pruned_at") is None),
        },
        "summary": {**_summary(journeys, flat_findings, errors, rows["awaits"]),
                    "webhooks_refused": _webhooks_refused(run)},
        "targets_figures": _targets_figures(rows, contact_by_id, responses_by_contact),
        "unmatched_mail": _unmatched_mail(ledger, run, root),
        "journeys": journeys,
        "findings": flat_findings,
        "errors": errors,
        # Reachability and times by location, when the run's journeys ran at more than one (else None).
        "locations": _compare_locations(journeys),
    }


def _compare_locations(journeys: list[dict]) -> dict[str, Any] | None:
    from .locations import compare_locations   # it reads this module's helpers

    return compare_locations(journeys)


def _collapse_attempts(journeys: list[dict], findings: list[dict],
                       errors: list[dict]) -> tuple[list[dict], list[dict], list[dict]]:
    """Earlier attempts of a re-run journey go under its last attempt, as ``retried`` (oldest first).

    Their findings and errors are kept there only: the run's verdict, lists and counts are the last
    attempt's, so history sees one journey per scenario."""
    by_id = {j["id"]: j for j in journeys}
    superseded = {j["retried_from"] for j in journeys if j.get("retried_from") in by_id}
    for j in journeys:
        chain: list[dict] = []
        earlier = j.get("retried_from")
        while j["id"] not in superseded and earlier in by_id:
            chain.insert(0, by_id[earlier])
            earlier = by_id[earlier].get("retried_from")
        j["retried"] = [{**e, "errors": [x for x in errors if x["journey_id"] == e["id"]]} for e in chain]
    keep = [j for j in journeys if j["id"] not in superseded]
    return (keep, [f for f in findings if f["journey_id"] not in superseded],
            [e for e in errors if e["journey_id"] not in superseded])


def _webhooks_refused(run: dict) -> dict[str, int]:
    """Twilio webhooks the prober refused in this run: forged (bad or no signature) and replayed."""
    kept = (run.get("options") or {}).get("webhooks_refused") or {}
    return {kind: int(kept.get(kind, 0)) for kind in ("forged", "replayed")}


def answer_groups(rows: dict, contact_by_id: dict[int, dict], responses_by_contact: dict[int, list[dict]],
                  key=lambda contact, journey: journey.get("target") or "") -> dict[Any, dict[str, Any]]:
    """Answer counts and times over one run's contacts that awaited an answer, grouped by
    ``key(contact, journey)``: per group ``contacts`` (awaited), ``responded`` (any answer), ``acknowledged``
    (the first answer of any kind: the same count today), ``human`` (a person replied), ``waiting`` (no answer
    yet and a deadline still open: not judged), and the times ``ack_s`` / ``human_s`` from sending to arrival.
    The report's per-company figures and the scorecard (probes.report.scorecard) both count with this."""
    journey_by_id = {j["id"]: j for j in rows["journeys"]}
    awaited = list(dict.fromkeys(a["contact_id"] for a in rows["awaits"] if a["contact_id"] in contact_by_id))
    open_contacts = {a["contact_id"] for a in rows["awaits"] if a["status"] == "pending"}
    groups: dict[Any, dict[str, Any]] = {}
    for contact_id in awaited:
        contact = contact_by_id[contact_id]
        journey = journey_by_id.get(contact["journey_id"]) or {}
        target = journey.get("target") or ""
        g = groups.setdefault(key(contact, journey), {
            "target": target, "target_name": journey.get("target_name") or target,
            "contacts": 0, "responded": 0, "acknowledged": 0, "human": 0, "waiting": 0, "ack_s": [], "human_s": []})
        g["contacts"] += 1
        answers = sorted((r for r in responses_by_contact.get(contact_id, []) if r["kind"] in ANSWER_KINDS),
                         key=lambda r: (r["arrived_at"], r["id"]))
        first = answers[0] if answers else None
        first_human = next((r for r in answers if r["kind"] == "human"), None)
        g["responded"] += bool(answers)
        g["waiting"] += not answers and contact_id in open_contacts
        for name, times, answer in (("acknowledged", "ack_s", first), ("human", "human_s", first_human)):
            if answer is None:
                continue
            g[name] += 1
            after = _seconds(contact["sent_at"], answer["arrived_at"])
            if after is not None:
                g[times].append(after)
    return groups


def _targets_figures(rows: dict, contact_by_id: dict[int, dict],
                     responses_by_contact: dict[int, list[dict]]) -> list[dict[str, Any]]:
    """Answer rates and times per company, over this run's contacts that awaited an answer."""
    groups = answer_groups(rows, contact_by_id, responses_by_contact)
    out = []
    for g in sorted(groups.values(), key=lambda g: _first_index(rows["journeys"], g["target"])):
        n = g["contacts"]
        out.append({
            "target": g["target"], "target_name": g["target_name"], "contacts_awaited": n,
            "responded": g["responded"], "response_rate": round(g["responded"] / n, 4),
            "acknowledged": g["acknowledged"], "ack_rate": round(g["acknowledged"] / n, 4),
            "human_replied": g["human"], "human_rate": round(g["human"] / n, 4),
            "ack_median_s": nearest_rank(g["ack_s"], 50), "ack_p90_s": nearest_rank(g["ack_s"], 90),
            "human_median_s": nearest_rank(g["human_s"], 50), "human_p90_s": nearest_rank(g["human_s"], 90),
        })
    return out


def _first_index(journeys: list[dict], target: str) -> int:
    return next((i for i, j in enumerate(journeys) if j["target"] == target), len(journeys))


def _unmatched_mail(ledger: Ledger, run: dict, root: Path | None) -> list[dict[str, Any]]:
    """Inbound mail that matched no contact, seen by the prober since this run started."""
    stmt = (sa.select(responses).where(responses.c.contact_id.is_(None),
                                       responses.c.observed_at >= run["started_at"])
            .order_by(responses.c.arrived_at, responses.c.id))
    return [{"from": r["from_addr"] or "", "subject": r["subject"] or "", "arrived_at": iso(r["arrived_at"]),
             "mailbox": r["mailbox"], "kind": r["kind"], "eml": _eml_path(r, root),
             "eml_pruned_at": iso(r.get("pruned_at"))}
            for r in ledger._select(stmt)]


def step_reach(step: dict) -> str | None:
    """What a step of the results says about getting through to the company: "reached", "not_reached",
    "could_not_tell" (the prober's trouble, or a run cut short), or None (an await, a skipped step, or an
    older ledger that did not record it). The report's reachability and the metrics export both count this."""
    if step["channel"] == "await" or step["status"] == "skipped":
        return None  # waiting for an answer, or never tried: nothing to say about getting through
    if step["status"] in ("error", "running"):
        return "could_not_tell"
    if step["reachable"] is None:
        return None
    return "reached" if step["reachable"] else "not_reached"


def _summary(journeys: list[dict], findings: list[dict], errors: list[dict],
             await_rows: list[dict]) -> dict[str, Any]:
    counts = {"total": len(journeys), "passed": 0, "failed": 0, "error": 0, "not_started": 0, "pending": 0,
              "unfinished": 0, "skipped": 0,
              # Passed (or waiting) only on a re-run: counted among passed/pending too.
              "flaky": sum(1 for j in journeys if j.get("flaky"))}
    for j in journeys:
        # "running" after the run ended means the run was interrupted: not a verdict on the company.
        # "pending" waits for the company's answer: not a failure either, and counted apart.
        # "not_started": the prober's trouble stopped it before anything reached the company.
        # "skipped": in a maintenance window, nobody was contacted.
        known = ("passed", "failed", "error", "not_started", "pending", "skipped")
        counts[j["status"] if j["status"] in known else "unfinished"] += 1
    awaits = {s: 0 for s in AWAIT_STATUSES}
    for a in await_rows:
        awaits[a["status"]] = awaits.get(a["status"], 0) + 1
    by_severity = {s: 0 for s in SEVERITIES}
    for f in findings:
        by_severity[f["severity"]] = by_severity.get(f["severity"], 0) + 1
    reach: dict[str, dict[str, Any]] = {}
    for j in journeys:
        for s in j["steps"]:
            said = step_reach(s)
            if said is None:
                continue
            r = reach.setdefault(s["channel"], {"channel": s["channel"], "reached": 0, "total": 0,
                                                "could_not_tell": 0})
            if said == "could_not_tell":
                r["could_not_tell"] += 1  # neither reached nor unreached
                continue
            r["total"] += 1
            r["reached"] += said == "reached"
    for r in reach.values():
        r["rate"] = round(r["reached"] / r["total"], 4) if r["total"] else None
    targets: list[str] = []
    for j in journeys:
        if j["target_name"] not in targets:
            targets.append(j["target_name"])
    return {"journeys": counts, "findings": by_severity, "errors": len(errors),
            "reachability": list(reach.values()), "targets": targets, "awaits": awaits}
