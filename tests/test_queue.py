"""Journeys on the task queue: real PostgreSQL (tests/pg.py), real `probes worker` processes, the demo company.

Each journey runs exactly once however many workers take jobs; a worker killed (SIGKILL) mid-journey loses
nothing and sends nothing twice (another worker resumes its journey); two harvesters never record one answer
twice.
"""
from __future__ import annotations

import os
import signal
import subprocess
import textwrap
import time
from collections import Counter
from pathlib import Path

from conftest import ROOT, probes_command
from probes.ledger import Ledger

DEADLINE_S = 300   # a busy 2-core machine is slow; polled, never slept through
# Quick workers for tests: a dead one is noticed within seconds (not so soon that a busy machine's late
# heartbeat looks like death); harvest and tending every second.
FAST_QUEUE = {"heartbeat_s": 1, "stalled_after_s": 10, "harvest_cron": "* * * * * *",
              "tend_cron": "* * * * * *", "busy_retry_s": 1}


def write_project(folder: Path, ledger_url: str, *, website: str, identity: dict, support_email: str,
                  allow: list[str], auto_reply_within_s: float = 2.0) -> None:
    import yaml

    doc = {"settings": {"ledger": ledger_url, "reports_dir": "reports", "queue": FAST_QUEUE},
           "targets": {"demo": {"name": "Demo", "endpoints": {"website": website, "support_email": support_email},
                                "allowlist": allow, "auto_reply_within_s": auto_reply_within_s}},
           "identities": {"shopper": identity}}
    (folder / "probes.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")


EMAIL = """
name: Email {n}
persona: {{name: Jane Doe {n}, email: jane{n}@example.com}}
target: demo
{pin}
steps:
  - id: question
    channel: email
    to: "{{target.support_email}}"
    subject: Delivery question {n}
    body: Hello, how long does delivery take? {{persona.name}}
    expect: {{ack_within: 2m}}
"""

FORM = """
name: Form {n}
persona: {{name: Jo Form {n}, email: jo{n}@example.com}}
target: demo
steps:
  - id: enquiry
    channel: web_form
    url: "{{target.website}}/contact"
    fields:
      - {{label: Your name, value: "{{persona.name}}"}}
      - {{placeholder: you@example.com, value: "{{persona.email}}"}}
      - {{label: Topic, value: Delivery}}
      - {{label: Your message, value: "How long is delivery? (ref {{token}})"}}
    submit: {{text: Send message}}
    expect: {{text: We have received your message, within: 30s}}
"""


class Workers:
    """`probes worker` processes, as a user starts them; their output in files (read after)."""

    def __init__(self, folder: Path, env: dict):
        self.folder, self.env = folder, env
        self.procs: list[subprocess.Popen] = []

    def start(self, location: str = "london", concurrency: int = 4) -> subprocess.Popen:
        n = len(self.procs)
        out = open(self.folder / f"worker{n}.log", "w")   # noqa: SIM115 - closed with the process
        proc = subprocess.Popen([*probes_command(), "worker", "--location", location, "--concurrency",
                                 str(concurrency)], cwd=self.folder, env=self.env, stdout=out,
                                stderr=subprocess.STDOUT, text=True)
        self.procs.append(proc)
        return proc

    def log(self, n: int) -> str:
        return (self.folder / f"worker{n}.log").read_text()

    def stop(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in self.procs:
            try:
                p.wait(timeout=60)
            except subprocess.TimeoutExpired:
                p.kill()


def wait_for(what: str, check, deadline_s: float = DEADLINE_S, workers: Workers | None = None):
    give_up = time.monotonic() + deadline_s
    while True:
        if value := check():
            return value
        if time.monotonic() > give_up:
            logs = "\n".join(workers.log(i)[-3000:] for i in range(len(workers.procs))) if workers else ""
            raise AssertionError(f"timed out waiting for {what}\n{logs}")
        time.sleep(0.3)


def queue_run(folder: Path, env: dict, *args: str) -> str:
    done = subprocess.run([*probes_command(), "run", "--queue", "--no-preflight", *args], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    run_id = done.stdout.split("Run ", 1)[1].split(":", 1)[0]
    return run_id


def test_two_workers_run_fifty_journeys_once_and_record_each_answer_once(tmp_path, postgres, company, mail):
    url = postgres.new_database()
    write_project(tmp_path, url, website=company.base_url, identity=mail.identity(),
                  support_email="support@northwind.example", allow=[company.base_url + "/", "@northwind.example"])
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    forms = 4
    # Some journeys pinned: to paris (one worker's location), to london or frankfurt (the other's, and nobody's).
    pins = {n: ["paris"] for n in range(10, 15)} | {n: ["london", "frankfurt"] for n in range(15, 20)}
    for n in range(50):
        pin = f"locations: {pins[n]}" if n in pins else ""
        (scenarios / f"j{n:02d}.yaml").write_text(textwrap.dedent((FORM if n < forms else EMAIL).format(n=n, pin=pin)))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = Workers(tmp_path, env)
    try:
        workers.start("london")
        workers.start("paris")
        run_id = queue_run(tmp_path, env, "scenarios")
        ledger = Ledger(url)
        run = wait_for("the run to finish", lambda: (r := ledger.get_run(run_id)) and r["status"] != "running"
                       and r, workers=workers)
        rows = ledger.run_rows(run_id)
        # Each journey ran exactly once: one journey row, one contact, one message at the company.
        assert Counter(j["file"] for j in rows["journeys"]) == {f"scenarios/j{n:02d}.yaml": 1 for n in range(50)}
        assert len(rows["contacts"]) == 50 and {c["status"] for c in rows["contacts"]} == {"sent"}
        tokens = {c["token"] for c in rows["contacts"]}
        form_tokens = [t for m in company.inbox for t in tokens if t in m["fields"].get("message", "")]
        assert sorted(Counter(form_tokens).values()) == [1] * forms
        subjects = Counter(m["subject"] for m in mail.desk.received if "Delivery question" in str(m.get("subject")))
        assert sorted(subjects.values()) == [1] * (50 - forms), subjects
        # Both workers took jobs; pinned journeys ran only where they are pinned.
        for i in range(2):
            assert f"{run_id}: scenarios/" in workers.log(i), workers.log(i)
        where = {j["file"]: j["location"] for j in rows["journeys"]}
        for n, allowed in pins.items():
            assert where[f"scenarios/j{n:02d}.yaml"] in allowed
        assert set(where.values()) == {"london", "paris"}
        assert {c["location"] for c in rows["contacts"]} == {"london", "paris"}
        # The last journey to end wrote the report (after it committed the run's status).
        assert run["status"] in ("passed", "pending")   # pending: answers (promises) still awaited
        wait_for("the report", lambda: ((ledger.get_run(run_id) or {}).get("options") or {})["queue"]["published"],
                 workers=workers)
        assert (tmp_path / "reports" / "runs" / run_id / "index.html").exists()
        # The two workers' harvests record every acknowledgement, each once.
        wait_for("every acknowledgement", lambda: not ledger.awaits_where(run_id=run_id, kind="ack",
                                                                          status="pending"), workers=workers)
        rows = ledger.run_rows(run_id)
        assert Counter(a["status"] for a in rows["awaits"] if a["kind"] == "ack") == {"met": 50 - forms}
        answered = Counter((r["contact_id"], r["message_id"]) for r in rows["responses"])
        assert answered and set(answered.values()) == {1}
        # The run's page (its results.json) is written again with what the harvests settled.
        import json

        met = sum(a["status"] == "met" for a in rows["awaits"])
        results = tmp_path / "reports" / "runs" / run_id / "results.json"
        wait_for("the report with every answer", lambda: json.loads(results.read_text())["summary"]["awaits"]["met"]
                 == met, workers=workers)
        ledger.close()
    finally:
        workers.stop()
    assert all(p.returncode == 0 for p in workers.procs), [workers.log(i)[-2000:] for i in range(2)]


def test_worker_killed_mid_send_another_resumes_without_sending_twice(tmp_path, postgres):
    """The company's relay accepts the message, then the worker dies before it hears so (SIGKILL). The second
    worker puts the dead one's job back, finds the copy in the mailbox, sends nothing, and records the answer."""
    from email.message import EmailMessage

    from probes.sim.mailserver import ImapServer, SmtpServer

    accepted: list[bytes] = []
    kill: dict = {"pid": None}
    url = postgres.new_database()
    with ImapServer(tmp_path / "mail", {"shopper": "pw-shopper"}) as imap:

        def on_message(mail_from, rcpts, raw):
            accepted.append(raw)
            if any(r.endswith("@mystery.example") for r in rcpts):
                imap.deliver("shopper", raw)   # the copy to self lands: the server accepted it
            if kill["pid"]:
                os.kill(kill["pid"], signal.SIGKILL)   # before the worker hears "250": nothing recorded
                kill["pid"] = None
            return None

        with SmtpServer(on_message) as smtp:
            identity = {"email": {"address": "shopper@mystery.example",
                                  "smtp": {"host": "127.0.0.1", "port": smtp.port, "tls": "none"},
                                  "imap": {"host": "127.0.0.1", "port": imap.port, "tls": "none",
                                           "username": "shopper", "password": "${SHOPPER_PW}"},
                                  "resend_after_s": 3600}}
            write_project(tmp_path, url, website="http://127.0.0.1:9/", identity=identity,
                          support_email="support@shop.example", allow=["@shop.example", "http://127.0.0.1:9/"],
                          auto_reply_within_s=0)   # the answer comes seconds after the send: still a person's
            (tmp_path / "j.yaml").write_text(textwrap.dedent("""
                name: Killed in the middle
                persona: {name: Jane Doe}
                target: demo
                steps:
                  - id: question
                    channel: email
                    to: "{target.support_email}"
                    subject: Opening hours at Christmas?
                    body: Are you open on 24 December?
                    expect: {human_within: 1h}
            """))
            env = {**os.environ, "PYTHONPATH": str(ROOT), "SHOPPER_PW": "pw-shopper"}
            workers = Workers(tmp_path, env)
            try:
                first = workers.start()
                kill["pid"] = first.pid
                run_id = queue_run(tmp_path, env, "j.yaml")
                wait_for("the first worker to die", lambda: first.poll() is not None)
                assert first.returncode == -signal.SIGKILL and len(accepted) == 1
                ledger = Ledger(url)
                (contact,) = ledger.run_rows(run_id)["contacts"]
                assert contact["status"] == "planned"   # the ledger never heard the server's answer

                # Meanwhile the company answers; a second worker starts.
                answer = EmailMessage()
                answer["From"] = "Support <support@shop.example>"
                answer["To"] = contact["reply_address"]
                answer["Subject"] = "Re: Opening hours at Christmas?"
                answer["In-Reply-To"] = contact["message_id"]
                answer.set_content("Hello Jane, we are open until 2 pm on 24 December.")
                imap.deliver("shopper", answer.as_bytes())
                workers.start()
                wait_for("the run to finish", lambda: (r := ledger.get_run(run_id)) and r["status"] != "running"
                               and r, workers=workers)
                wait_for("the answer", lambda: not ledger.awaits_where(run_id=run_id, status="pending"),
                         workers=workers)
                assert len(accepted) == 1   # not sent again
                rows = ledger.run_rows(run_id)
                (contact,) = rows["contacts"]
                assert contact["status"] == "sent"
                (step,) = rows["steps"]
                assert step["observations"]["recovered"] == "the earlier attempt was sent; not resent"
                assert [r["kind"] for r in rows["responses"] if r["kind"] != "own_copy"] == ["human"]
                assert [a["status"] for a in rows["awaits"]] == ["met"]
                assert (ledger.get_run(run_id) or {})["status"] == "passed"
                assert "put back on the queue" in workers.log(1)
                ledger.close()
            finally:
                workers.stop()


def test_the_worker_unit_passes_systemd_analyze_verify(tmp_path):
    import shutil

    unit = ROOT / "deploy" / "systemd" / "mystery-shopper-worker@.service"
    text = unit.read_text()
    assert "probes worker --location %i" in text
    # verify checks that ExecStart's program exists: point the copy at this machine's `probes`.
    probes = probes_command()[0] if len(probes_command()) == 1 else shutil.which("python3") or "/usr/bin/python3"
    (tmp_path / unit.name).write_text(text.replace("/srv/mystery-shopper/.venv/bin/probes", probes))
    analyze = shutil.which("systemd-analyze") or "/usr/bin/systemd-analyze"
    done = subprocess.run([analyze, "verify", "mystery-shopper-worker@london.service"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout + done.stderr == "", done.stdout + done.stderr


def test_queue_needs_a_postgresql_ledger(tmp_path, cli):
    (tmp_path / "probes.yaml").write_text("targets: {shop: {name: Shop, endpoints: {website: 'http://127.0.0.1:9'}, "
                                          "allowlist: ['http://127.0.0.1:9/']}}\n")
    (tmp_path / "j.yaml").write_text(textwrap.dedent("""
        name: A form
        persona: {name: Jane Doe}
        target: shop
        steps:
          - {id: f, channel: web_form, url: "{target.website}/contact", fields: [{label: Name, value: Jane}],
             submit: {text: Send}, expect: {text: Thanks}}
    """))
    done = cli("run", "--queue", "j.yaml", cwd=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "need a PostgreSQL ledger" in done.stderr and "sqlite" in done.stderr
    assert not (tmp_path / "reports").exists()   # nothing was run
    done = cli("worker", cwd=tmp_path)
    assert done.returncode == 2 and "need a PostgreSQL ledger" in done.stderr


def test_the_run_ends_only_when_every_journey_has_and_a_journey_the_worker_cannot_load_ends_as_a_prober_error(
        tmp_path, postgres, config):
    """The finishing step on its own, through the ledger: not while a journey runs; a journey a worker could not
    load is recorded (not started, with why) and the run ends with a prober error, its page written once."""
    import asyncio

    from probes.queue import _record_unloadable, finish_if_done

    url = postgres.new_database()
    ledger = Ledger(url)
    reports = tmp_path / "reports"
    jobs = [{"path": "a.yaml", "file": "/nowhere/a.yaml", "slug": "a", "locations": None},
            {"path": "b.yaml", "file": "/nowhere/b.yaml", "slug": "b", "locations": None}]
    run_id = ledger.start_run("run", reports, "", {"journeys": ["a.yaml", "b.yaml"],
                                                   "queue": {"jobs": jobs, "personas": [], "published": False,
                                                             "json": str(tmp_path / "out.json"), "exports": {}}})
    jid = ledger.start_journey(run_id, name="A", file="a.yaml", target="demo", target_name="Demo", persona={},
                               tags=[])
    assert not asyncio.run(finish_if_done(config, url, run_id))           # b has not started
    ledger.finish_journey(jid, "passed")
    assert not asyncio.run(finish_if_done(config, url, run_id))           # b has not ended
    _record_unloadable(ledger, run_id, "b.yaml", "the worker at paris could not load b.yaml: no such file", "paris")
    assert asyncio.run(finish_if_done(config, url, run_id))
    run = ledger.get_run(run_id)
    assert run["status"] == "error" and run["options"]["queue"]["published"] is True
    b = ledger.journey_in_run(run_id, "b.yaml")
    assert b["status"] == "not_started" and "could not load b.yaml" in b["error"] and b["location"] == "paris"
    assert (reports / "runs" / run_id / "index.html").exists() and (tmp_path / "out.json").exists()
    assert not asyncio.run(finish_if_done(config, url, run_id))           # once
    ledger.close()


def test_the_queue_schedules_the_nightly_run_itself_once_a_night(tmp_path, postgres):
    """settings.queue.nightly_cron: the periodic job queues tonight's run of nightly_paths; a second tick the same
    night queues nothing more (the same run id, one waiting job per journey)."""
    import asyncio
    import datetime as dt
    from types import SimpleNamespace

    import psycopg

    from probes.config import load_config
    from probes.queue import WorkerState, conninfo_for, nightly_job

    url = postgres.new_database()
    write_project(tmp_path, url, website="http://127.0.0.1:9", identity={}, support_email="s@shop.example",
                  allow=["http://127.0.0.1:9/", "@shop.example"])
    (tmp_path / "probes.yaml").write_text((tmp_path / "probes.yaml").read_text().replace(
        "identities:\n  shopper: {}\n", ""))
    (tmp_path / "scenarios").mkdir()
    for n in range(3):
        (tmp_path / "scenarios" / f"f{n}.yaml").write_text(textwrap.dedent(FORM.format(n=n)))
    config = load_config(tmp_path / "probes.yaml")
    state = WorkerState(config, url, conninfo_for(url), "paris", say=lambda text: None)
    state.ledger = Ledger(url)
    context = SimpleNamespace(additional_context={"probes": state})
    tick = int(dt.datetime(2026, 12, 2, 2, 30, tzinfo=dt.timezone.utc).timestamp())
    assert asyncio.run(nightly_job(context, tick)) == "nightly-20261202"
    assert asyncio.run(nightly_job(context, tick + 60)) == "nightly-20261202"
    run = state.ledger.get_run("nightly-20261202")
    assert run["kind"] == "nightly" and run["status"] == "running"
    assert [j["path"] for j in run["options"]["queue"]["jobs"]] == [f"scenarios/f{n}.yaml" for n in range(3)]
    with psycopg.connect(conninfo_for(url)) as conn:
        queued = conn.execute("SELECT args->>'path', queue_name FROM procrastinate_jobs WHERE status = 'todo' "
                              "ORDER BY id").fetchall()
    assert queued == [(f"scenarios/f{n}.yaml", "journeys") for n in range(3)]
    state.ledger.close()
