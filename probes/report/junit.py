"""The results document as JUnit XML, for CI servers (Jenkins, GitLab, GitHub Actions test reporters).

One ``<testsuite>`` per journey, one ``<testcase>`` per step. The step's own status is the verdict: a
*failed* step is a ``<failure>`` (its findings, most severe first; the first one's check id is the failure's
``type``), a prober error an ``<error>``, a skipped step or one still waiting for an answer ``<skipped>``.
Nothing is judged here: every status, finding and error comes from ``build_results``.

The file is valid against both schemas CI servers read: the Jenkins xUnit plugin's ``junit-10.xsd`` and
Apache Ant's ``JUnit.xsd`` (tests/data/junit/). The stricter Ant schema sets the shape: at most one
``<failure>``/``<error>``/``<skipped>`` per test case (Jenkins and GitLab show only the first anyway, so
every finding of the step goes into that one element's text), no attributes on ``<testsuites>``, each
suite with ``package``, ``id``, ``hostname``, a zone-less UTC ``timestamp``, ``<properties>``,
``<system-out>`` and ``<system-err>``.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from ..results import FAILING, SEVERITIES
from .openmetrics import write_atomically

# Step statuses that are no verdict yet (skipped, or waiting for the company's answer).
_NOT_JUDGED = ("skipped", "pending")
# Characters XML 1.0 cannot carry (control characters a company's page or mail may contain).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: Any) -> str:
    return _NOT_XML.sub("\ufffd", "" if value is None else str(value))


def _time(seconds: float | None) -> str:
    # Both schemas: a plain decimal (Jenkins' SUREFIRE_TIME allows at most three decimals).
    return f"{max(0.0, seconds or 0.0):.3f}"


def _timestamp(iso_z: str | None) -> str:
    # Ant's schema wants YYYY-MM-DDTHH:MM:SS without zone or fraction; the value is UTC, as everywhere.
    return (iso_z or "1970-01-01T00:00:00")[:19]


def _worst_first(findings: list[dict]) -> list[dict]:
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: rank.get(f["severity"], len(SEVERITIES)))


def _finding_text(f: dict) -> str:
    """One finding in words: severity, check and title, then the detail and what the customer saw."""
    lines = [f"[{f['severity']}] {f['check']}: {f['title']}"]
    if f.get("detail"):
        lines.append(f"  {f['detail']}")
    # A merged finding's places can share one text (two placeholders in one line): each text once.
    for snippet in dict.fromkeys(f.get("snippets") or [f.get("snippet") or ""]):
        if snippet:
            lines.append(f"  What the customer saw: {snippet}")
    return "\n".join(lines)


def _element(tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.Element(tag, {k: _text(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _text(text)
    return el


def _properties(parent: ET.Element, values: dict[str, Any]) -> None:
    props = ET.SubElement(parent, "properties")
    for name, value in values.items():
        if value is not None:
            props.append(_element("property", name=name, value=str(value)))


def _outcome(step: dict) -> ET.Element | None:
    """The child element that says how a step ended, or None for a step that passed."""
    findings = _worst_first(step["findings"])
    status = step["status"]
    if status == "error":
        text = step.get("error") or "the step failed without a message"
        if findings:
            text += "\n\nFindings recorded before the error:\n" + "\n".join(_finding_text(f) for f in findings)
        return _element("error", text, type="prober_error",
                        message=f"Prober error (not the company's fault): {step.get('error') or 'no message'}")
    if status == "running":
        # Recorded as under way when the run ended: interrupted, so the prober could not tell.
        return _element("error", "The run ended (interrupted) while this step was under way.", type="unfinished",
                        message="Unfinished: the run was interrupted during this step")
    if status == "failed":
        worst = findings[0] if findings else None
        more = f" (+{len(findings) - 1} more)" if len(findings) > 1 else ""
        return _element("failure", "\n\n".join(_finding_text(f) for f in findings) or (step.get("error") or ""),
                        type=worst["check"] if worst else "failed",
                        message=(worst["title"] + more) if worst else (step.get("error") or "the step failed"))
    if status in _NOT_JUDGED:
        reason = step.get("error") or ""
        if status == "pending":
            reason = "pending: waiting for the company's answer (not a verdict yet; `probes harvest` records it)"
        return _element("skipped", reason or None, message=reason or status)
    return None


def build_junit(results: dict) -> ET.Element:
    """The ``<testsuites>`` element for a results document (see the module docstring for the mapping)."""
    run = results["run"]
    run_props = {"run_id": run["id"], "run_kind": run["kind"], "run_status": run["status"],
                 "run_started_at": run["started_at"], "run_finished_at": run["finished_at"],
                 "prober_version": run.get("prober_version")}
    suites = ET.Element("testsuites")
    errors_by_journey: dict[Any, list[dict]] = {}
    for e in results.get("errors", []):
        if e.get("step") is None:   # a journey's own error (its steps' errors are on the steps)
            errors_by_journey.setdefault(e["journey_id"], []).append(e)
    for index, j in enumerate(results["journeys"]):
        cases: list[ET.Element] = []
        classname = f"{j['name']}/{j['target']}"
        out_lines = [f"Journey: {j['name']} ({j['file']})", f"Target: {j['target_name']} ({j['target']})",
                     f"Status: {j['status']}"]
        for step in j["steps"]:
            case = _element("testcase", name=f"{step['id']} ({step['channel']})", classname=classname,
                            time=_time(step.get("duration_s")))
            outcome = _outcome(step)
            if outcome is not None:
                case.append(outcome)
            elif step["findings"]:
                # A step that passed with minor or info findings: worth reading, not a failure.
                out_lines.append(f"Step {step['id']} passed with:")
                out_lines.extend("  " + _finding_text(f).replace("\n", "\n  ") for f in _worst_first(step["findings"]))
            cases.append(case)
        # The journey's own findings and errors (about no single step) get a test case of their own.
        j_errors = errors_by_journey.get(j["id"], [])
        j_findings = _worst_first(j["findings"])
        if j_errors or j_findings:
            case = _element("testcase", name="(journey)", classname=classname, time=_time(0))
            if j_errors:
                case.append(_element("error", "\n".join(e["message"] for e in j_errors), type="prober_error",
                                     message=f"Prober error (not the company's fault): {j_errors[0]['message']}"))
            elif any(f["severity"] in FAILING for f in j_findings):
                case.append(_element("failure", "\n\n".join(_finding_text(f) for f in j_findings),
                                     type=j_findings[0]["check"], message=j_findings[0]["title"]))
            else:
                out_lines.append("The journey passed with:")
                out_lines.extend("  " + _finding_text(f) for f in j_findings)
            cases.append(case)
        counts = {tag: sum(1 for c in cases if c.find(tag) is not None) for tag in ("failure", "error", "skipped")}
        suite = ET.SubElement(suites, "testsuite", {
            "name": _text(f"{j['name']} ({j['target_name']})"), "package": _text(j["target"]), "id": str(index),
            "hostname": _text(run.get("hostname") or "localhost"),
            "timestamp": _timestamp(j.get("started_at") or run["started_at"]),
            "tests": str(len(cases)), "failures": str(counts["failure"]), "errors": str(counts["error"]),
            "skipped": str(counts["skipped"]), "time": _time(j.get("duration_s"))})
        _properties(suite, {**run_props, "target": j["target"], "target_name": j["target_name"],
                            "journey_status": j["status"], "journey_file": j["file"],
                            "tags": ", ".join(j.get("tags") or []) or None})
        suite.extend(cases)
        ET.SubElement(suite, "system-out").text = _text("\n".join(out_lines))
        ET.SubElement(suite, "system-err").text = ""
    return suites


def junit_bytes(results: dict) -> bytes:
    """The JUnit XML document (UTF-8, with its declaration) for a results document."""
    root = build_junit(results)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def write_junit(results: dict, path: Path) -> Path:
    """Write the JUnit XML of a results document to ``path`` (atomically: a reader never sees half a file)."""
    return write_atomically(Path(path), junit_bytes(results))
