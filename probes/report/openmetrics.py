"""The results document as OpenMetrics text, for Prometheus through node_exporter's textfile collector.

Every figure is read from ``build_results`` (reachability through ``step_reach``, the answer rates and
percentiles from ``targets_figures``, findings, errors and statuses as recorded); nothing is judged here.
Every metric is a gauge: a run's figures are a snapshot, not a counter that grows. That also keeps the
file readable by node_exporter, whose textfile collector parses the classic Prometheus text format: to it
the OpenMetrics ``# UNIT`` and ``# EOF`` lines are comments, and it refuses the ``info`` type and sample
timestamps, which this file does not use. Every series has a ``kind`` label (run, nightly, demo), so the
nightly run and an ad-hoc run can write two files beside each other without clashing series.

The file is written atomically (a temporary file in the same folder, then a rename): node_exporter reads
the folder at every scrape and must never see half a file.
"""
from __future__ import annotations

import datetime as dt
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from prometheus_client.core import CollectorRegistry, GaugeMetricFamily, Metric
from prometheus_client.openmetrics.exposition import generate_latest
from prometheus_client.registry import Collector

from ..results import SEVERITIES
from .build import ANSWER_KINDS, step_reach

PREFIX = "probes_"

# The customer's waits, one metric each: (name without the unit, help). The unit (seconds) ends each name.
TIMINGS: dict[str, str] = {
    "time_to_acknowledgement": "Seconds from the contact to the company's first answer (email or SMS: the first "
                               "automatic or personal reply to the step's contact; chat: first_reply_s)",
    "time_to_person": "Seconds to a person (email or SMS: the first reply by a person; chat: handover_s, from "
                      "asking for one; phone: time_to_person_s, from the call being answered)",
    "time_to_confirmation": "Seconds from pressing send on a web form to its confirmation (submit_to_confirmation_s)",
    "time_to_call_answer": "Seconds from placing a call to the company's line answering (answer_s)",
}
# Step measurements (probes/channels/*) that are one of the waits above.
_MEASURED = {"first_reply_s": "time_to_acknowledgement", "handover_s": "time_to_person",
             "time_to_person_s": "time_to_person", "submit_to_confirmation_s": "time_to_confirmation",
             "answer_s": "time_to_call_answer"}


def step_times(step: dict) -> dict[str, float]:
    """The customer's waits in one step of the results, ``{timing name: seconds}`` (see ``TIMINGS``).

    A step the prober could not finish (an error, or cut short) gives none: its figures are not the company's.
    """
    if step["status"] in ("error", "running", "skipped"):
        return {}
    times: dict[str, float] = {}
    for key, name in _MEASURED.items():
        value = (step.get("measurements") or {}).get(key)
        if isinstance(value, (int, float)):
            times[name] = float(value)
    # Answers that came later (email, SMS) to this step's contact: timed as targets_figures times them.
    answers = [r for r in step.get("responses") or [] if r["kind"] in ANSWER_KINDS and r["after_s"] is not None]
    if answers:
        times["time_to_acknowledgement"] = min(r["after_s"] for r in answers)
    persons = [r["after_s"] for r in answers if r["kind"] == "human"]
    if persons:
        times["time_to_person"] = min(persons)
    return times


def _unix(iso_z: str | None) -> float | None:
    if not iso_z:
        return None
    return dt.datetime.fromisoformat(iso_z.replace("Z", "+00:00")).timestamp()


class _ResultsCollector(Collector):
    """Yields the metric families of one results document (a prometheus_client custom collector)."""

    def __init__(self, results: dict):
        self.results = results

    def collect(self) -> Iterator[Metric]:
        r = self.results
        run = r["run"]
        kind = run["kind"]

        def family(name: str, doc: str, labels: list[str], unit: str = "") -> GaugeMetricFamily:
            return GaugeMetricFamily(PREFIX + name, doc, labels=["kind", *labels], unit=unit)

        info = family("run_info", "The run these figures are from (always 1)",
                      ["run_id", "status", "hostname", "prober_version"])
        info.add_metric([kind, run["id"], run["status"], run.get("hostname") or "", run.get("prober_version") or ""],
                        1)
        yield info
        for name, value, doc in (
                ("run_started_timestamp", _unix(run["started_at"]), "When the run started (Unix time)"),
                ("run_finished_timestamp", _unix(run["finished_at"]), "When the run finished (Unix time)"),
                ("run_duration", run.get("duration_s"), "How long the run took")):
            if value is not None:
                g = family(name, doc, [], unit="seconds")
                g.add_metric([kind], value)
                yield g

        # Per target and channel: reachability, findings by severity, prober errors.
        steps = [(j, s) for j in r["journeys"] for s in j["steps"]]
        reach: dict[tuple[str, str], list[int]] = {}
        for j, s in steps:
            said = step_reach(s)
            if said in ("reached", "not_reached"):
                reach.setdefault((j["target"], s["channel"]), []).append(said == "reached")
        reachable = family("reachable", "1 when every contact on this channel got through to the company's side "
                           "in this run, 0 when one did not (contacts the prober could not judge are left out)",
                           ["target", "channel"])
        ratio = family("reachability", "Share of the channel's contacts that got through to the company's side",
                       ["target", "channel"], unit="ratio")
        for (target, channel), got in reach.items():
            reachable.add_metric([kind, target, channel], float(all(got)))
            ratio.add_metric([kind, target, channel], round(sum(got) / len(got), 4))
        yield reachable
        yield ratio

        target_of = {j["id"]: j["target"] for j in r["journeys"]}
        channels = {(j["target"], s["channel"]) for j, s in steps if s["channel"] != "await"}
        found: dict[tuple[str, str, str], int] = {}
        for f in r["findings"]:
            where = (target_of.get(f["journey_id"], ""), f["channel"] or "", f["severity"])
            found[where] = found.get(where, 0) + 1
        findings = family("findings", "Findings about the company in this run, by severity (a merged finding "
                          "counts once)", ["target", "channel", "severity"])
        for target, channel in sorted(channels | {(t, c) for t, c, _ in found}):
            for severity in SEVERITIES:
                findings.add_metric([kind, target, channel, severity], found.get((target, channel, severity), 0))
        yield findings

        channel_of = {(j["id"], s["id"]): s["channel"] for j, s in steps}
        errors: dict[tuple[str, str], int] = {}
        for e in r["errors"]:
            at = (target_of.get(e["journey_id"], ""), channel_of.get((e["journey_id"], e["step"]), ""))
            errors[at] = errors.get(at, 0) + 1
        prober_errors = family("prober_errors", "Prober errors in this run: the prober's own trouble, never a "
                               "finding about the company (run exit code 3)", ["target", "channel"])
        for target, channel in sorted(channels | set(errors)):
            prober_errors.add_metric([kind, target, channel], errors.get((target, channel), 0))
        yield prober_errors

        journeys = family("journeys", "Journeys in this run by status (passed, failed, error, not_started, "
                          "pending, ...)", ["target", "status"])
        by_status: dict[tuple[str, str], int] = {}
        for j in r["journeys"]:
            by_status[(j["target"], j["status"])] = by_status.get((j["target"], j["status"]), 0) + 1
        for (target, status), n in sorted(by_status.items()):
            journeys.add_metric([kind, target, status], n)
        yield journeys

        # The customer's waits, step by step (the step label keeps two steps of one journey apart).
        timings = {name: family(name, doc, ["target", "channel", "journey", "step"], unit="seconds")
                   for name, doc in TIMINGS.items()}
        for j, s in steps:
            for name, seconds in step_times(s).items():
                timings[name].add_metric([kind, j["target"], s["channel"], j["name"], s["id"]], seconds)
        yield from timings.values()

        # Per company, over the run's contacts awaiting an answer: the report's "Answers" card.
        figures = r.get("targets_figures") or []
        awaited = family("answers_awaited", "Contacts in this run with an answer deadline", ["target"])
        rates = {"acknowledged": family("answers_acknowledged", "Share of awaited contacts that got any answer",
                                        ["target"], unit="ratio"),
                 "human": family("answers_from_person", "Share of awaited contacts a person answered",
                                 ["target"], unit="ratio")}
        percentiles = {key: family(name, doc, ["target"], unit="seconds") for key, name, doc in (
            ("ack_median_s", "answers_time_to_acknowledgement_median", "Median time to the first answer"),
            ("ack_p90_s", "answers_time_to_acknowledgement_p90", "90th percentile (nearest rank) of the time to "
                                                                 "the first answer"),
            ("human_median_s", "answers_time_to_person_median", "Median time to a person's answer"),
            ("human_p90_s", "answers_time_to_person_p90", "90th percentile (nearest rank) of the time to a "
                                                          "person's answer"))}
        for t in figures:
            awaited.add_metric([kind, t["target"]], t["contacts_awaited"])
            rates["acknowledged"].add_metric([kind, t["target"]], t["ack_rate"])
            rates["human"].add_metric([kind, t["target"]], t["human_rate"])
            for key, g in percentiles.items():
                if t.get(key) is not None:
                    g.add_metric([kind, t["target"]], t[key])
        yield awaited
        yield from rates.values()
        yield from percentiles.values()


def metrics_text(results: dict) -> bytes:
    """The OpenMetrics text (ending in ``# EOF``) for a results document."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_ResultsCollector(results))
    return generate_latest(registry)


def write_atomically(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename, so that a reader
    sees the old file or the new one, never a part. The folder is created if need be. The file is readable by
    other users as a normal new file would be (node_exporter usually runs as its own user)."""
    path = Path(path).absolute()
    _make_folder(path)
    # Not ending in .prom: node_exporter's textfile collector reads only *.prom files.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)   # mkstemp makes it 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_metrics(results: dict, path: Path) -> Path:
    """Write the OpenMetrics text of a results document to ``path``, atomically."""
    return write_atomically(Path(path), metrics_text(results))


def _make_folder(path: Path) -> None:
    """Make the folder of ``path`` if need be; a file in the way is said as such (mkdir says "File exists")."""
    existing = next(p for p in path.parents if p.exists())
    if not existing.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, f"{existing} is a file, not a folder")
    path.parent.mkdir(parents=True, exist_ok=True)


def check_writable(path: Path) -> None:
    """Raise OSError (with the reason) if a file cannot be written at ``path``: it names a folder, or its
    folder cannot be made or written to. Made before a run contacts anyone, so that bad paths are bad input."""
    path = Path(path).absolute()
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "it is a folder")
    _make_folder(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    os.unlink(tmp)

