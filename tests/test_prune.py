"""Evidence retention: `probes prune` deletes only evidence files old enough for their kind's limit, never those of
a run still running or waiting for answers, never anything outside the reports folder's evidence/, and records
what it pruned; ledgers rows stay. Built through the ledger API (no real runs)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from probes.cli import cli
from probes.config import Retention
from probes.ledger import Ledger
from probes.prune import evidence_bytes, plan, prune
from probes.report.render import thumbnail_path
from probes.results import utcnow

DAY = dt.timedelta(days=1)
CONFIG = """
targets:
  acme:
    name: Acme
    endpoints: {website: "https://shop.example/"}
    allowlist: ["https://shop.example/"]
"""
RETENTION = """
retention:
  screenshots: 90d
  traces: 14d
  emails: 365d
"""
LIMITS = Retention(screenshots="90d", traces="14d", emails="365d").limits_s()


class Night:
    """One synthesised run with evidence files of given kinds and ages."""

    def __init__(self, ledger: Ledger, reports: Path, name: str, status: str = "passed"):
        self.ledger, self.reports, self.name = ledger, reports, name
        self.run_id = ledger.start_run("nightly", evidence_root=reports)
        self.jid = ledger.start_journey(self.run_id, name=name, file=f"{name}.yaml", target="acme",
                                        target_name="Acme", persona={"name": "Kim"}, tags=[])
        self.sid = ledger.start_step(self.jid, 0, "form", "web_form")
        self.ledger.finish_step(self.sid, "passed", observations={"reachable": True})
        self.ledger.finish_journey(self.jid, "passed")
        if status != "running":
            ledger.finish_run(self.run_id, status)

    def file(self, kind: str, name: str, age_days: float, size: int = 2000) -> Path:
        rel = Path("evidence") / self.run_id / self.name / name
        path = self.reports / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * size)
        ev = self.ledger.add_evidence(self.run_id, self.jid, self.sid, kind, name, str(rel), size)
        self.ledger.update_row("evidence", ev, created_at=utcnow() - age_days * DAY)
        return path

    def pending_answer(self) -> None:
        cid = self.ledger.plan_contact(run_id=self.run_id, journey_id=self.jid, step_id=self.sid, channel="email",
                                       destination="help@shop.example", token=f"tok{self.run_id[-6:]}",
                                       idempotency_key=f"k-{self.run_id}")
        self.ledger.add_await(run_id=self.run_id, journey_id=self.jid, step_id=self.sid, contact_id=cid,
                              channel="email", kind="human", deadline_text="3d", due_at=utcnow() + DAY)


@pytest.fixture
def project(tmp_path, ledger_url):
    # On SQLite (tmp_path/ledger.sqlite3: the default ledger beside probes.yaml) and on PostgreSQL (conftest.ledger_url, given with --ledger).
    reports = tmp_path / "reports"
    ledger = Ledger(ledger_url)
    (tmp_path / "probes.yaml").write_text(CONFIG + RETENTION)
    old = Night(ledger, reports, "old")
    files = {
        "old_shot": old.file("screenshot", "after.png", 100),
        "old_trace": old.file("trace", "trace.zip", 20, size=50_000),
        "young_shot": old.file("screenshot", "before.png", 30),      # under 90 days: kept
        "old_text": old.file("text", "transcript.json", 400),       # texts: no limit, kept for ever
        "old_eml": old.file("email", "reply.eml", 400),
    }
    thumb = thumbnail_path(files["old_shot"])
    thumb.write_bytes(b"j" * 300)
    running = Night(ledger, reports, "running", status="running")
    files["running_trace"] = running.file("trace", "trace.zip", 30)
    waiting = Night(ledger, reports, "waiting")
    waiting.pending_answer()
    files["waiting_trace"] = waiting.file("trace", "trace.zip", 30)
    # Unmatched mail (no run): its .eml is recorded on the response only.
    eml = reports / "evidence" / "unmatched" / "shopper-1-7.eml"
    eml.parent.mkdir(parents=True)
    eml.write_bytes(b"From: news@elsewhere.test\r\n\r\nOffers")
    ledger.add_response(channel="email", mailbox="shopper", uidvalidity=1, uid=7, subject="Offers",
                        observed_at=utcnow() - 400 * DAY, arrived_at=utcnow() - 400 * DAY,
                        evidence_path="evidence/unmatched/shopper-1-7.eml", evidence_root=str(reports))
    files["unmatched_eml"] = eml
    yield {"dir": tmp_path, "reports": reports, "ledger": ledger, "files": files, "thumb": thumb,
           "ledger_args": [] if ledger_url.startswith("sqlite") else ["--ledger", ledger_url],
           "runs": {"old": old.run_id, "running": running.run_id, "waiting": waiting.run_id}}
    ledger.close()


def invoke(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_dry_run_lists_what_would_go_and_deletes_nothing(project):
    before = {name: p.read_bytes() for name, p in project["files"].items()}
    got = invoke("prune", "--config", str(project["dir"] / "probes.yaml"), *project["ledger_args"], "--dry-run")
    assert got.exit_code == 0, got.output
    out = got.output
    assert f"would delete {Path('evidence') / project['runs']['old'] / 'old' / 'after.png'}" in out
    assert "trace.zip" in out and "unmatched mail" in out
    # Old screenshot with its thumbnail (2,300 bytes), old trace (50,000), the two old .eml files.
    last = out.strip().splitlines()[-1]
    assert last.startswith("Would prune 4 evidence files (") and "would be freed) of 1 run" in last
    assert "kept all evidence of 2 runs still running or waiting for answers" in last
    assert last.endswith("Dry run: nothing was deleted.")
    assert {name: p.read_bytes() for name, p in project["files"].items()} == before
    assert project["thumb"].is_file()
    assert all(e["pruned_at"] is None for e in project["ledger"].run_rows(project["runs"]["old"])["evidence"])


def test_prune_deletes_only_old_files_of_limited_kinds_and_records_it(project):
    ledger, files, runs = project["ledger"], project["files"], project["runs"]
    kept_before = evidence_bytes(ledger, runs.values())
    got = invoke("prune", "--config", str(project["dir"] / "probes.yaml"), *project["ledger_args"])
    assert got.exit_code == 0, got.output
    assert got.output.strip().splitlines()[-1].startswith("Pruned 4 evidence files (")
    gone = {"old_shot", "old_trace", "old_eml", "unmatched_eml"}
    for name, path in files.items():
        assert path.exists() == (name not in gone), name
    assert not project["thumb"].exists()
    rows = {e["label"]: e for e in ledger.run_rows(runs["old"])["evidence"]}
    assert {label for label, e in rows.items() if e["pruned_at"]} == {"after.png", "trace.zip", "reply.eml"}
    assert ledger.responses_where(uid=7)[0]["pruned_at"] is not None
    # The evidence size per run counts what is still kept; the running and waiting runs keep theirs.
    after = evidence_bytes(ledger, [*runs.values(), "no-such-run"])
    assert after[runs["old"]] == kept_before[runs["old"]] - 2000 - 50_000 - 2000
    assert after[runs["running"]] == kept_before[runs["running"]] == 2000
    assert after["no-such-run"] == 0
    # A second prune finds nothing more.
    again = invoke("prune", "--config", str(project["dir"] / "probes.yaml"), *project["ledger_args"])
    assert again.output.strip().splitlines()[-1].startswith("Pruned 0 evidence files (0 bytes freed)")


def test_a_finished_run_is_pruned_once_it_stops_waiting(project):
    ledger, runs = project["ledger"], project["runs"]
    pending = ledger.awaits_where(run_id=runs["waiting"])[0]
    ledger.settle_await(pending["id"], "no_response")
    got = prune(ledger, project["reports"], LIMITS)
    assert project["files"]["waiting_trace"] in {d.path for d in got.files}
    assert not project["files"]["waiting_trace"].exists() and project["files"]["running_trace"].exists()


def test_never_outside_the_evidence_folder(project, tmp_path):
    ledger, reports = project["ledger"], project["reports"]
    outside = tmp_path / "precious.png"
    outside.write_bytes(b"keep me")
    night = Night(ledger, reports, "escape")
    link = reports / "evidence" / night.run_id / "escape" / "link.png"
    link.parent.mkdir(parents=True)
    link.symlink_to(outside)
    (reports / "evidence" / night.run_id / "dirlink").symlink_to(tmp_path, target_is_directory=True)
    for rel in (f"evidence/{night.run_id}/escape/link.png", "evidence/../../precious.png",
                f"evidence/{night.run_id}/dirlink/precious.png", str(outside)):
        ev = ledger.add_evidence(night.run_id, night.jid, night.sid, "screenshot", "x", rel, 7)
        ledger.update_row("evidence", ev, created_at=utcnow() - 200 * DAY)
    got = prune(ledger, reports, LIMITS)
    assert outside.read_bytes() == b"keep me" and link.is_symlink()
    assert len(got.refused) == 4
    whys = " ".join(why for _, why in got.refused)
    assert "symbolic link" in whys and "'..'" in whys and "outside" in whys
    assert not any(d.run_id == night.run_id for d in got.files)
    cli_out = invoke("prune", "--config", str(project["dir"] / "probes.yaml"), *project["ledger_args"], "--dry-run")
    assert "refused 4 outside" in cli_out.output


def test_no_retention_keeps_everything(project):
    (project["dir"] / "probes.yaml").write_text(CONFIG)
    got = invoke("prune", "--config", str(project["dir"] / "probes.yaml"), *project["ledger_args"])
    assert got.exit_code == 0 and "every evidence file is kept" in got.output
    assert all(p.exists() for p in project["files"].values())
    assert plan(project["ledger"], project["reports"], {}).files == []


def test_retention_is_checked_like_every_setting(project):
    (project["dir"] / "probes.yaml").write_text(CONFIG + "retention:\n  traces: 14 days\n  screenshot: 90d\n")
    got = invoke("prune", "--config", str(project["dir"] / "probes.yaml"), *project["ledger_args"])
    assert got.exit_code == 2
    assert "probes.yaml:8" in got.output and "'14 days' is not a duration" in got.output
    assert "screenshot" in got.output
    assert all(p.exists() for p in project["files"].values())
