"""--metrics: the run's figures as OpenMetrics text for node_exporter's textfile collector.

The file is read back with prometheus_client's OpenMetrics parser (and its classic-format parser, the format
node_exporter's collector reads), and every figure is checked against the night written through the Ledger
API (tests/report/exports_ledger.py). The write is atomic: a reader never sees part of a file.
"""
from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from prometheus_client.openmetrics.parser import text_string_to_metric_families
from prometheus_client.parser import text_string_to_metric_families as classic_families

from probes.report import build_results
from probes.report.openmetrics import metrics_text, write_atomically, write_metrics

from .exports_ledger import RUN_ID, T0, write_night


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    base = tmp_path_factory.mktemp("night")
    led, run_id = write_night(base / "ledger.sqlite3", base / "reports")
    yield build_results(led, run_id)
    led.close()


def parsed(path: Path) -> dict[str, dict]:
    """{family name: {"type", "unit", "samples": {frozenset(labels): value}}} from an OpenMetrics file."""
    out: dict[str, dict] = {}
    for family in text_string_to_metric_families(path.read_text(encoding="utf-8")):
        out[family.name] = {"type": family.type, "unit": family.unit,
                            "samples": {frozenset(s.labels.items()): s.value for s in family.samples}}
    return out


def value(families: dict, name: str, **labels: str) -> float | None:
    return families[name]["samples"].get(frozenset({"kind": "nightly", **labels}.items()))


def test_the_figures_of_a_night_with_their_units_and_labels(results, tmp_path):
    path = write_metrics(results, tmp_path / "textfile" / "probes.prom")
    m = parsed(path)
    assert {f["type"] for f in m.values()} == {"gauge"}   # a snapshot per run; node_exporter reads gauges as such
    info = m["probes_run_info"]["samples"]
    assert list(info.values()) == [1.0]
    labels = dict(next(iter(info)))
    assert (labels["run_id"], labels["kind"], labels["status"]) == (RUN_ID, "nightly", "error")
    assert value(m, "probes_run_started_timestamp_seconds") == T0.timestamp()
    assert m["probes_run_started_timestamp_seconds"]["unit"] == "seconds"
    assert value(m, "probes_run_duration_seconds") == 150.0

    # Reachability per company and channel: one of two forms got through; the chat's prober error says nothing.
    assert value(m, "probes_reachable", target="northwind", channel="web_form") == 0.0
    assert value(m, "probes_reachability_ratio", target="northwind", channel="web_form") == 0.5
    assert m["probes_reachability_ratio"]["unit"] == "ratio"
    assert value(m, "probes_reachable", target="northwind", channel="phone") == 1.0
    assert value(m, "probes_reachable", target="acme", channel="email") == 1.0
    assert value(m, "probes_reachable", target="acme", channel="chat") is None

    # Findings by severity, every severity present (0 included) for each company and channel that ran.
    for severity, n in (("critical", 1), ("major", 0), ("minor", 1), ("info", 1)):
        assert value(m, "probes_findings", target="northwind", channel="web_form", severity=severity) == n
    assert value(m, "probes_findings", target="acme", channel="chat", severity="critical") == 0
    assert value(m, "probes_prober_errors", target="acme", channel="chat") == 1
    assert value(m, "probes_prober_errors", target="acme", channel="") == 1   # the preflight, before any step
    assert value(m, "probes_prober_errors", target="northwind", channel="web_form") == 0
    assert value(m, "probes_journeys", target="acme", status="error") == 2
    assert value(m, "probes_journeys", target="northwind", status="pending") == 1

    # The customer's waits, with the unit in the name, per journey step.
    email = {"target": "acme", "channel": "email", "journey": "Email answered", "step": "question"}
    assert value(m, "probes_time_to_acknowledgement_seconds", **email) == 72.0
    assert value(m, "probes_time_to_person_seconds", **email) == 3600.0
    phone = {"target": "northwind", "channel": "phone", "journey": "Phone line", "step": "call"}
    assert value(m, "probes_time_to_call_answer_seconds", **phone) == 2.5
    assert value(m, "probes_time_to_person_seconds", **phone) == 40.0
    form = {"target": "northwind", "channel": "web_form", "journey": "Contact form works", "step": "enquiry"}
    assert value(m, "probes_time_to_confirmation_seconds", **form) == 1.25
    for name in ("probes_time_to_acknowledgement_seconds", "probes_time_to_person_seconds",
                 "probes_time_to_confirmation_seconds", "probes_time_to_call_answer_seconds"):
        assert m[name]["unit"] == "seconds"
        # A figure from a step the prober could not finish is no figure about the company.
        assert not [k for k in m[name]["samples"] if ("channel", "chat") in k], name

    # The report's Answers card, per company.
    assert value(m, "probes_answers_awaited", target="acme") == 1
    assert value(m, "probes_answers_time_to_person_p90_seconds", target="acme") == 3600.0
    assert value(m, "probes_answers_time_to_acknowledgement_median_seconds", target="northwind") is None


def test_node_exporter_reads_the_same_file_in_the_classic_text_format(results, tmp_path):
    text = write_metrics(results, tmp_path / "probes.prom").read_text(encoding="utf-8")
    assert text.endswith("# EOF\n")
    om = {(s.name, frozenset(s.labels.items())): s.value
          for f in text_string_to_metric_families(text) for s in f.samples}
    classic = {(s.name, frozenset(s.labels.items())): s.value for f in classic_families(text) for s in f.samples}
    assert classic == om
    # node_exporter refuses sample timestamps in textfiles, and types the classic format does not know.
    assert all(s.timestamp is None for f in text_string_to_metric_families(text) for s in f.samples)
    assert "# TYPE" in text and not any(t in text for t in (" info\n", " unknown\n", " stateset\n"))


def test_the_file_is_replaced_atomically_a_reader_never_sees_part_of_it(results, tmp_path):
    path = tmp_path / "textfile" / "probes.prom"
    small = metrics_text(results)
    # Two versions, the second large enough that writing it in place would be seen half-written.
    big = small.replace(b"# EOF\n", b"".join(b"# padding %d\n" % i for i in range(200_000)) + b"# EOF\n")
    write_atomically(path, small)
    seen: set[bytes] = set()
    bad: list[int] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            data = path.read_bytes()   # FileNotFoundError here would fail the test too
            if data not in (small, big):
                bad.append(len(data))
            seen.add(data)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(20):
            write_atomically(path, big if i % 2 == 0 else small)
    finally:
        stop.set()
        reader.join()
    assert bad == [] and seen
    assert sorted(p.name for p in path.parent.iterdir()) == ["probes.prom"]   # no temporary file left
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask   # readable by node_exporter's own user

    # A write that fails leaves the old file as it was, and no temporary file behind.
    (tmp_path / "textfile" / "folder.prom").mkdir()
    with pytest.raises(OSError):
        write_atomically(tmp_path / "textfile" / "folder.prom", big)
    assert path.read_bytes() == small
    assert sorted(p.name for p in path.parent.iterdir()) == ["folder.prom", "probes.prom"]
