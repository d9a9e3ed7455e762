"""Turn one run's ledger rows into the results document.

The results document is a plain, JSON-serialisable dict: the single thing the
HTML report, the JSON export and any dashboard read. It is built from the
ledger alone (plus the run's evidence root to locate files), so a report can be
rendered again at any time, on any machine that has the ledger and evidence.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..ledger import Ledger
from ..results import SEVERITIES

FORMAT = "mystery-shopper-results"
FORMAT_VERSION = 1

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
    return {"check": row["check_id"], "severity": row["severity"], "title": row["title"],
            "detail": row["detail"] or "", "snippet": row["snippet"] or ""}


def _evidence(row: dict, root: Path | None) -> dict[str, Any]:
    rel = row["path"]
    abs_path = (root / rel) if root is not None else Path(rel)
    return {"kind": row["kind"], "label": row["label"] or "", "abs_path": str(abs_path.absolute()),
            "rel_path": rel, "bytes": row["bytes"]}


def _contact(row: dict | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"token": row["token"], "destination": row["destination"], "status": row["status"],
            "planned_at": iso(row["planned_at"]), "sent_at": iso(row["sent_at"])}


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
            "evidence": [_evidence(e, root) for e in journey_evidence.get(j["id"], [])],
        })

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
        },
        "summary": _summary(journeys, flat_findings, errors),
        "journeys": journeys,
        "findings": flat_findings,
        "errors": errors,
    }


def _summary(journeys: list[dict], findings: list[dict], errors: list[dict]) -> dict[str, Any]:
    counts = {"total": len(journeys), "passed": 0, "failed": 0, "error": 0, "unfinished": 0}
    for j in journeys:
        # "running" after the run ended means the run was interrupted: not a verdict on the company.
        counts[j["status"] if j["status"] in ("passed", "failed", "error") else "unfinished"] += 1
    by_severity = {s: 0 for s in SEVERITIES}
    for f in findings:
        by_severity[f["severity"]] = by_severity.get(f["severity"], 0) + 1
    reach: dict[str, dict[str, Any]] = {}
    for j in journeys:
        for s in j["steps"]:
            # Only steps that say whether the channel worked count; a prober error tells us nothing.
            if s["reachable"] is None:
                continue
            r = reach.setdefault(s["channel"], {"channel": s["channel"], "reached": 0, "total": 0})
            r["total"] += 1
            r["reached"] += s["reachable"]
    for r in reach.values():
        r["rate"] = round(r["reached"] / r["total"], 4)
    targets: list[str] = []
    for j in journeys:
        if j["target_name"] not in targets:
            targets.append(j["target_name"])
    return {"journeys": counts, "findings": by_severity, "errors": len(errors),
            "reachability": list(reach.values()), "targets": targets}
