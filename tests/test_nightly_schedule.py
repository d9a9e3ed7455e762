"""Scheduling `probes nightly`: its lock against overlapping starts, its output for a scheduler's mail, and the
recipes in deploy/ (cron, systemd, GitHub Actions, Kubernetes)."""
from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, probes_command, write_scenario

DEPLOY = ROOT / "deploy"
SYSTEMD_INSTALL = "apt-get install -y systemd"


def _stalled_site() -> socket.socket:
    """A web server that takes the connection and never answers: a page on it stays loading."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    return sock


def _project(folder: Path, site: str, *, load_within: str, extra: str = "") -> None:
    (folder / "probes.yaml").write_text(f"""
settings:
  reruns: 0        # a nightly re-runs a failed journey after 30 s by default; these tests look at one attempt
targets:
  shop:
    name: Stalled Shop
    endpoints: {{website: "{site}"}}
    allowlist: ["{site}/"]
{extra}""")
    (folder / "scenarios").mkdir()
    write_scenario(folder / "scenarios", "stalled.yaml", f"""
        name: Contact form that keeps loading
        persona: {{name: Jane Doe}}
        target: shop
        steps:
          - id: form
            channel: web_form
            url: "{{target.website}}/contact"
            load_within: {load_within}
            retries: 0
            fields:
              - {{label: Name, value: "{{persona.name}}"}}
            submit: {{text: Send}}
            expect: {{text: thank you}}
    """)


def _lock_holder(lock: Path) -> dict:
    try:
        return json.loads(lock.read_text() or "{}")
    except (OSError, ValueError):
        return {}


def test_a_second_nightly_exits_4_naming_the_first_and_a_killed_first_leaves_the_lock_free(cli, tmp_path):
    site = _stalled_site()
    try:
        _project(tmp_path, f"http://127.0.0.1:{site.getsockname()[1]}", load_within="10m")
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        log = (tmp_path / "first.log").open("w")
        # Its own session, so that the test can clean up the Chromium it leaves behind when it is killed.
        first = subprocess.Popen([*probes_command(), "nightly", "scenarios"], cwd=tmp_path, env=env,
                                 stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            lock = tmp_path / "ledger.sqlite3.nightly.lock"   # beside the ledger, not in a reports folder
            deadline = time.monotonic() + 120
            while _lock_holder(lock).get("pid") != first.pid:
                assert first.poll() is None, (tmp_path / "first.log").read_text()
                assert time.monotonic() < deadline, "the first nightly never took its lock"
                time.sleep(0.2)
            run_id = _lock_holder(lock)["run_id"]
            assert re.fullmatch(r"nightly-\d{8}", run_id)

            # Another reports folder, same ledger: still held apart; waited for as asked, then exit 4.
            second = cli("nightly", "scenarios", "--report", "other-reports", "--lock-wait", "1s", cwd=tmp_path)
            assert first.poll() is None, "the first nightly ended before the second was tried"
            assert second.returncode == 4, second.stdout + second.stderr
            assert second.stdout == ""
            assert second.stderr.count("\n") == 1, second.stderr   # one line, for a scheduler's mail
            assert second.stderr.startswith("Not started: another nightly run of this ledger is running "
                                             "(waited 1.0 s): ")
            assert f"pid {first.pid} on host {socket.gethostname()} since 20" in second.stderr
            assert f"run {run_id}" in second.stderr and str(lock) in second.stderr
            assert "Nothing was contacted." in second.stderr
            assert not (tmp_path / "other-reports").exists()
            # Resuming tonight's run by hand while the nightly runs it would run its steps twice.
            resume = cli("run", "scenarios", "--run-id", run_id, cwd=tmp_path)
            assert resume.returncode == 4 and f"pid {first.pid}" in resume.stderr, resume.stderr

            # A crash (SIGKILL: no clean-up runs) frees the lock, though its Chromium may still live.
            os.kill(first.pid, signal.SIGKILL)
            first.wait(timeout=60)
            fd = os.open(lock, os.O_RDWR)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)   # raises BlockingIOError if still held
            finally:
                os.close(fd)
        finally:
            try:
                os.killpg(first.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            first.wait(timeout=60)
            log.close()
    finally:
        site.close()


def test_nightly_without_a_terminal_prints_one_line_per_problem_and_keeps_stderr_for_the_probers_trouble(
        cli, tmp_path, page_server):
    site = _stalled_site()
    shop = page_server({"/contact": "<html><body><form method=post action=/sent><label>Name <input name=name>"
                                    "</label><button>Send</button></form></body></html>"})
    try:
        _project(tmp_path, f"http://127.0.0.1:{site.getsockname()[1]}", load_within="2s", extra=f"""
  answering:
    name: Answering Shop
    endpoints: {{website: "{shop.base_url}"}}
    allowlist: ["{shop.base_url}/"]
""")
        # The form is sent and the page thanks the customer, but no ticket number: a finding about the company.
        write_scenario(tmp_path / "scenarios", "ticket.yaml", """
            name: Contact form gives a ticket number
            persona: {name: Jane Doe}
            target: answering
            steps:
              - id: form
                channel: web_form
                url: "{target.website}/contact"
                fields:
                  - {label: Name, value: "{persona.name}"}
                submit: {text: Send}
                expect: {text: your ticket number, within: 2s}
        """)
        night = cli("nightly", "scenarios", cwd=tmp_path)   # captured: no terminal, as under cron or systemd
    finally:
        site.close()
    assert night.returncode == 3, night.stdout + night.stderr   # a prober error wins over the finding
    assert "\x1b" not in night.stdout + night.stderr           # no colour codes, no cursor movement
    assert "Running journeys" not in night.stderr              # no progress bar
    out = night.stdout.splitlines()
    assert out[0].startswith("Ledger: ")
    assert re.fullmatch(r"(critical|major): Contact form gives a ticket number / form: .+", out[1]), out
    assert out[2] == "Journeys: 0 passed, 1 failed, 0 could not run, 1 not started (of 2).", out
    runs = re.escape(str(tmp_path / "reports" / "runs"))
    assert re.fullmatch(rf"Report: {runs}/nightly-\d{{8}}/index.html", out[-3]), out
    assert re.fullmatch(rf"Scorecard: {runs}/nightly-\d{{8}}/scorecard.html", out[-2]), out
    assert out[-1] == f"Dashboard: {tmp_path / 'reports' / 'index.html'}"
    # stderr: only the prober's own trouble, one line each.
    err = night.stderr.splitlines()
    assert len(err) == 1, err
    assert err[0].startswith("prober error: Contact form that keeps loading / form: ")
    assert "did not finish loading within 2 s" in err[0]


# --- the recipes in deploy/ ------------------------------------------------------------------------------------
def _unit(path: Path) -> dict[str, list[str]]:
    """A unit file's settings as {Key: [values]} (comments and section headers left out)."""
    keys: dict[str, list[str]] = {}
    for line in path.read_text().splitlines():
        if "=" in line and not line.lstrip().startswith(("#", ";", "[")):
            key, value = line.split("=", 1)
            keys.setdefault(key.strip(), []).append(value.strip())
    return keys


def test_the_systemd_units_pass_systemd_analyze_verify(tmp_path):
    analyze = shutil.which("systemd-analyze") or ("/usr/bin/systemd-analyze"
                                                  if Path("/usr/bin/systemd-analyze").exists() else None)
    if not analyze:
        pytest.fail(f"systemd-analyze is needed to check the unit files in deploy/systemd/: {SYSTEMD_INSTALL}")
    service = DEPLOY / "systemd" / "mystery-shopper-nightly.service"
    timer = DEPLOY / "systemd" / "mystery-shopper-nightly.timer"
    units = _unit(service)
    assert units["ExecStart"] == ["/srv/mystery-shopper/.venv/bin/probes nightly scenarios/"]
    for key in ("User", "WorkingDirectory", "EnvironmentFile"):
        assert units.get(key), key
    assert units["Type"] == ["oneshot"]
    # Chromium needs user namespaces for its sandbox and writable+executable memory for V8.
    assert not {"MemoryDenyWriteExecute", "RestrictNamespaces", "PrivateUsers", "SystemCallFilter"} & set(units)
    timers = _unit(timer)
    assert timers["Persistent"] == ["true"] and timers["OnCalendar"] and timers["RandomizedDelaySec"]

    # verify checks that ExecStart's program exists: point the copies at this machine's `probes`.
    probes = probes_command()[0] if len(probes_command()) == 1 else sys.executable
    (tmp_path / service.name).write_text(service.read_text().replace("/srv/mystery-shopper/.venv/bin/probes",
                                                                       probes))
    shutil.copy(timer, tmp_path / timer.name)
    done = subprocess.run([analyze, "verify", service.name, timer.name], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    # Warnings (an unknown key, a setting it cannot parse) exit 0 too: any output is a failure.
    assert done.returncode == 0 and done.stdout + done.stderr == "", done.stdout + done.stderr


_CRON_FIELDS = [(0, 59, {}), (0, 23, {}), (1, 31, {}),
                (1, 12, {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}),
                (0, 7, {d: i for i, d in enumerate("sun mon tue wed thu fri sat".split())})]


def _valid_cron_field(text: str, low: int, high: int, names: dict[str, int]) -> bool:
    for part in text.split(","):
        base, _, step = part.partition("/")
        if step and not (step.isdigit() and int(step) > 0):
            return False
        if base == "*":
            continue
        ends = [names.get(b.lower(), int(b) if b.isdigit() else None) for b in base.split("-")]
        if len(ends) > 2 or any(e is None or not low <= e <= high for e in ends):
            return False
        if len(ends) == 2 and ends[0] > ends[1]:   # type: ignore[operator]
            return False
    return True


def test_the_cron_file_schedules_probes_nightly_with_path_and_mailto():
    lines = [ln for ln in (DEPLOY / "cron" / "mystery-shopper").read_text().splitlines()
             if ln.strip() and not ln.lstrip().startswith("#")]
    settings = dict(ln.split("=", 1) for ln in lines if re.match(r"^[A-Z_]+=", ln))
    assert settings["MAILTO"] and "/.venv/bin" in settings["PATH"].split(":")[0]
    jobs = [ln.split(None, 6) for ln in lines if not re.match(r"^[A-Z_]+=", ln)]
    assert len(jobs) == 1
    *when, user, command = jobs[0]
    for field, (low, high, names) in zip(when, _CRON_FIELDS, strict=True):
        assert _valid_cron_field(field, low, high, names), field
    assert user == "mystery-shopper"   # /etc/cron.d format: the user before the command
    assert "probes nightly" in command and "flock" not in command and "%" not in command   # % is a newline to cron


def test_the_github_workflow_runs_probes_nightly_on_a_schedule_and_keeps_the_report():
    flow = yaml.safe_load((DEPLOY / "github-actions" / "nightly.yml").read_text())
    on = flow.get("on", flow.get(True))   # YAML 1.1 reads the key `on` as true
    crons = [s["cron"] for s in on["schedule"]]
    assert len(crons) == 1 and all(_valid_cron_field(f, *spec) for f, spec in
                                   zip(crons[0].split(), _CRON_FIELDS, strict=True))
    assert flow["concurrency"]["cancel-in-progress"] is False
    steps = flow["jobs"]["nightly"]["steps"]
    runs = " ".join(s.get("run", "") for s in steps)
    assert "pip install" in runs and "probes browser --install" in runs and "probes nightly" in runs
    uses = {s.get("uses", "").split("@")[0]: s for s in steps}
    assert uses["actions/upload-artifact"]["with"]["path"] == "reports/"
    assert uses["actions/upload-artifact"]["if"] == "always()"
    assert "ledger.sqlite3" in uses["actions/cache/restore"]["with"]["path"]
    assert uses["actions/cache/save"]["if"] == "always()"


def test_the_kubernetes_cronjob_forbids_overlap_and_keeps_the_ledger_on_a_volume():
    docs = {d["kind"]: d for d in yaml.safe_load_all((DEPLOY / "kubernetes" / "cronjob.yaml").read_text())}
    job = docs["CronJob"]
    assert job["apiVersion"] == "batch/v1" and job["spec"]["concurrencyPolicy"] == "Forbid"
    assert all(_valid_cron_field(f, *spec) for f, spec in zip(job["spec"]["schedule"].split(), _CRON_FIELDS,
                                                               strict=True))
    pod = job["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    assert pod["restartPolicy"] == "Never"
    (container,) = pod["containers"]
    assert "probes nightly" in " ".join(container["command"]) and container["image"]
    assert {"secretRef": {"name": "mystery-shopper-secrets"}} in container["envFrom"]
    claim = docs["PersistentVolumeClaim"]["metadata"]["name"]
    volumes = {v["name"]: v for v in pod["volumes"]}
    data = next(name for name, v in volumes.items() if v.get("persistentVolumeClaim", {}).get("claimName") == claim)
    assert any(m["name"] == data for m in container["volumeMounts"])
