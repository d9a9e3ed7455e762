"""Alerts (probes.alerts): confirmed new problems, resolved ones and reminders reach real receivers on loopback —
a webhook endpoint (apprise json://) and an SMTP server (aiosmtpd, apprise mailto://) — once each, and never for
what the prober could not judge. Histories are built through the ledger API, as nightly runs would write them.
"""
import datetime as dt
import json
import socket
import threading
from email import message_from_bytes
from email.policy import default as email_policy
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import sqlalchemy as sa
from aiosmtpd.controller import Controller

from conftest import write_scenario
from probes.alerts import deliver_pending, notify
from probes.config import Config, load_config
from probes.ledger import Ledger, alerts_sent, metadata
from probes.results import Finding, utcnow
from probes.yamlsource import InputError

NIGHT0 = dt.datetime(2026, 11, 1, 2, 0, tzinfo=dt.timezone.utc)
REPORT_URL = "https://reports.example.com/acme"
SECRET = "s3cr3t-Hook-7Qx"   # a token the webhook URL holds, which must never show
PASSWORD = "pw-Zz9-never-show"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Webhook:
    """A webhook endpoint on loopback that keeps what it is sent."""

    def __init__(self, port: int = 0):
        self.posts: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.posts.append({"path": self.path, "headers": dict(self.headers), **json.loads(body)})
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", port), Handler)
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Mailbox:
    """An SMTP server on loopback (aiosmtpd) that keeps the messages it receives."""

    def __init__(self):
        self.messages: list = []
        outer = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                outer.messages.append(message_from_bytes(envelope.content, policy=email_policy))
                return "250 OK"

        self.port = free_port()  # aiosmtpd's Controller(port=0) fails its own readiness check
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def text(self, i: int = -1) -> str:
        return self.messages[i].get_body(("plain",)).get_content()


@pytest.fixture
def webhook():
    hook = Webhook()
    yield hook
    hook.close()


@pytest.fixture
def mailbox():
    box = Mailbox()
    yield box
    box.controller.stop()


@pytest.fixture
def ledger(ledger_url):
    # Every test twice: on SQLite and on PostgreSQL (conftest.ledger_url).
    led = Ledger(ledger_url)
    yield led
    led.close()


def config_with(to: list, **alerts) -> Config:
    return Config.model_validate({
        "targets": {t: {"name": name, "allowlist": ["https://www.example.com/"]}
                    for t, name in (("acme", "Acme Ltd"), ("globex", "Globex"))},
        "alerts": {"to": to, **alerts}, "report_url": REPORT_URL + "/"})


def hook_url(hook: Webhook, path: str = "hook") -> str:
    return f"json://127.0.0.1:{hook.port}/{path}"


def mail_url(box: Mailbox) -> str:
    # Plain SMTP without TLS (mode=insecure), as a relay inside a company network or a test server speaks it.
    return f"mailto://127.0.0.1:{box.port}?from=prober@example.com&to=ops@example.com&mode=insecure"


def night(ledger, n: int, steps: dict[str, tuple[str, list[str]]], *, kind="nightly", target="acme",
          severity="major") -> str:
    """One run on night n: steps maps step key -> (status, [check ids found there])."""
    run_id = ledger.start_run(kind, evidence_root=".", run_id=f"{kind}-{n:03d}-{target}")
    ledger.update_row("runs", run_id, started_at=NIGHT0 + dt.timedelta(days=n))
    jid = ledger.start_journey(run_id, name="Contact form", file="j.yaml", target=target,
                               target_name={"acme": "Acme Ltd", "globex": "Globex"}[target], persona={}, tags=[])
    failed = False
    for pos, (key, (status, checks)) in enumerate(steps.items()):
        sid = ledger.start_step(jid, pos, key, "web_form")
        for check in checks:
            ledger.add_finding(run_id, jid, sid, Finding(check=check, severity=severity,
                                                         title=f"The contact page answered HTTP 500 ({check})"))
        ledger.finish_step(sid, status)
        failed |= status == "failed"
    ledger.finish_journey(jid, "failed" if failed else "passed")
    ledger.finish_run(run_id, "failed" if failed else "passed")
    return run_id


FAIL = {"send": ("failed", ["web_form.http_error"])}
PASS = {"send": ("passed", [])}
ERROR = {"send": ("error", [])}


def test_a_confirmed_new_problem_reaches_the_webhook_and_the_mailbox_with_what_since_and_link(
        ledger, webhook, mailbox):
    cfg = config_with([hook_url(webhook), mail_url(mailbox)])
    # Night 1: seen once, not confirmed (confirm_after 2): nobody is told about a possible glitch.
    assert notify(ledger, cfg, [night(ledger, 1, FAIL)], confirm_after=2) == []
    assert webhook.posts == [] and mailbox.messages == []
    # Night 2: seen again, confirmed: one message per destination.
    sent = notify(ledger, cfg, [night(ledger, 2, FAIL)], confirm_after=2)
    assert [d.ok for d in sent] == [True, True], [d.error for d in sent]
    post = webhook.posts[-1]
    assert post["title"] == "Acme Ltd: 1 new problem"
    body = post["message"]
    assert "- [major] The contact page answered HTTP 500 (web_form.http_error)" in body
    assert 'Acme Ltd · web form · journey "Contact form", step "send" · check web_form.http_error' in body
    assert "Since 2026-11-02 02:00 UTC (2 runs in a row)" in body
    assert f"{REPORT_URL}/runs/nightly-002-acme/index.html" in body
    mail = mailbox.messages[-1]
    assert mail["Subject"] == "Acme Ltd: 1 new problem" and mail["To"] == "ops@example.com"
    text = mailbox.text()
    assert "The contact page answered HTTP 500" in text and "Since 2026-11-02 02:00 UTC" in text
    assert f"{REPORT_URL}/runs/nightly-002-acme/index.html" in text


def test_the_same_problem_is_not_told_again_and_reminded_only_after_remind_after(ledger, webhook):
    cfg = config_with([hook_url(webhook)], remind_after="48h")
    assert [d.title for d in notify(ledger, cfg, [night(ledger, 1, FAIL)])] == ["Acme Ltd: 1 new problem"]
    # The command run again (a nightly resumed, a harvest re-run) sends nothing twice.
    assert notify(ledger, cfg, ["nightly-001-acme"]) == []
    assert notify(ledger, cfg, [night(ledger, 2, FAIL)]) == []     # 24 h later: too soon
    third = notify(ledger, cfg, [night(ledger, 3, FAIL)])          # 48 h after the first message
    assert [d.title for d in third] == ["Acme Ltd: 1 reminder"]
    assert "Still open (reminder) (1):" in webhook.posts[-1]["message"]
    assert "Since 2026-11-02 02:00 UTC (3 runs in a row)" in webhook.posts[-1]["message"]
    assert notify(ledger, cfg, ["nightly-003-acme"]) == []
    assert notify(ledger, cfg, [night(ledger, 4, FAIL)]) == []     # 24 h after the reminder: never more often
    assert [d.title for d in notify(ledger, cfg, [night(ledger, 5, FAIL)])] == ["Acme Ltd: 1 reminder"]
    assert len(webhook.posts) == 3


def test_a_resolved_problem_is_told_once_and_an_unconfirmed_one_never(ledger, webhook):
    cfg = config_with([hook_url(webhook)])
    notify(ledger, cfg, [night(ledger, 1, FAIL)], confirm_after=2)
    notify(ledger, cfg, [night(ledger, 2, FAIL)], confirm_after=2)
    sent = notify(ledger, cfg, [night(ledger, 3, PASS)], confirm_after=2)
    assert [d.title for d in sent] == ["Acme Ltd: 1 resolved"]
    body = webhook.posts[-1]["message"]
    assert body.startswith("Resolved (1):\n- [major] The contact page answered HTTP 500")
    assert "Open since 2026-11-02 02:00 UTC (2 runs in a row); resolved in run nightly-003-acme" in body
    assert notify(ledger, cfg, ["nightly-003-acme"], confirm_after=2) == []
    # A problem seen once (never confirmed) that goes away: nobody was told, nobody is told.
    notify(ledger, cfg, [night(ledger, 4, FAIL)], confirm_after=2)
    assert notify(ledger, cfg, [night(ledger, 5, PASS)], confirm_after=2) == []
    assert len(webhook.posts) == 2


def test_what_the_prober_could_not_judge_and_info_findings_send_nothing(ledger, webhook):
    cfg = config_with([hook_url(webhook)], remind_after="1h")
    notify(ledger, cfg, [night(ledger, 1, FAIL)])
    assert len(webhook.posts) == 1
    # The prober's own error on the step: neither resolved nor a reminder (it says nothing about the company).
    assert notify(ledger, cfg, [night(ledger, 2, ERROR)]) == []
    # Another company, whose first run is a prober error, then only an info finding.
    assert notify(ledger, cfg, [night(ledger, 3, ERROR, target="globex")]) == []
    info = night(ledger, 4, {"send": ("passed", ["web_form.captcha"])}, target="globex", severity="info")
    assert notify(ledger, cfg, [info]) == []
    assert len(webhook.posts) == 1


def test_routing_events_and_one_message_per_destination(ledger, webhook, mailbox):
    cfg = config_with([{"url": hook_url(webhook), "targets": ["globex"]}, mail_url(mailbox)], on=["new"])
    runs = [night(ledger, 1, FAIL, target="acme"), night(ledger, 1, FAIL, target="globex")]
    notify(ledger, cfg, runs)
    assert [p["title"] for p in webhook.posts] == ["Globex: 1 new problem"]
    assert [m["Subject"] for m in mailbox.messages] == ["Mystery Shopper: 2 new problems (Acme Ltd, Globex)"]
    # on: [new] only: the resolution is not sent anywhere.
    assert notify(ledger, cfg, [night(ledger, 2, PASS, target="acme")]) == []


def test_a_receiver_that_is_down_is_said_clearly_recorded_and_retried_next_time_without_secrets(
        ledger, tmp_path):
    port = free_port()   # nobody listens there yet
    url = f"json://prober:${{HOOK_PASSWORD}}@127.0.0.1:{port}/hooks/${{HOOK_TOKEN}}"
    cfg = config_with([url])
    env = {"HOOK_TOKEN": SECRET, "HOOK_PASSWORD": PASSWORD}
    failed = notify(ledger, cfg, [night(ledger, 1, FAIL)], environ=env)
    assert [(d.ok, d.destination, d.events) for d in failed] == [(False, url, 1)]
    line = failed[0].line()
    assert line.startswith(f"Alert NOT sent to json://prober:${{HOOK_PASSWORD}}@127.0.0.1:{port}/hooks/${{HOOK_TOKEN}}")
    assert "kept, sent with the next run or harvest" in line and failed[0].error
    rows = ledger._select(sa.select(alerts_sent))
    assert [(r["status"], r["attempts"]) for r in rows] == [("pending", 1)]
    # An unset variable is a configuration error naming it; the events wait.
    unset = deliver_pending(ledger, cfg, environ={"HOOK_PASSWORD": PASSWORD})
    assert unset[0].error == f"environment variable HOOK_TOKEN is not set (alerts.to: {url})"
    # Next night the receiver is up: last night's event goes out with tonight's (nothing new tonight).
    hook = Webhook(port)
    try:
        again = notify(ledger, cfg, [night(ledger, 2, FAIL)], environ=env)
        assert [d.ok for d in again] == [True]
        assert [p["title"] for p in hook.posts] == ["Acme Ltd: 1 new problem"]
        assert hook.posts[0]["path"] == f"/hooks/{SECRET}"    # the secret was used, where it belongs
        assert "Since 2026-11-02 02:00 UTC" in hook.posts[0]["message"]
        assert notify(ledger, cfg, ["nightly-002-acme"], environ=env) == []
    finally:
        hook.close()
    rows = ledger._select(sa.select(alerts_sent))
    assert [(r["status"], r["attempts"]) for r in rows] == [("sent", 3)]
    # Every row of every table, as text (on SQLite and PostgreSQL alike).
    dump = "\n".join(repr(row) for table in metadata.sorted_tables for row in ledger._select(sa.select(table)))
    shown = "\n".join(d.line() for d in [*failed, *unset, *again])
    for text in (dump, shown):
        assert SECRET not in text and PASSWORD not in text


def test_a_no_response_a_harvest_records_in_an_earlier_run_is_alerted_once(ledger, webhook):
    from probes.alerts import runs_touched_since

    cfg = config_with([hook_url(webhook)])
    run_id = night(ledger, 1, {"send": ("passed", []), "answer": ("pending", [])})
    assert notify(ledger, cfg, [run_id]) == []           # the answer is still awaited: nothing to say
    harvest_started = utcnow()
    # The harvest closes the await past its deadline: a finding in last night's run.
    step = ledger._select(sa.text("select id, journey_id from steps where step_key = 'answer'"))[0]
    ledger.add_finding(run_id, step["journey_id"], step["id"],
                       Finding("email.no_response", "critical", "No answer within 1 business day"))
    ledger.finish_step(step["id"], "failed")
    assert runs_touched_since(ledger, harvest_started) == [run_id]
    sent = notify(ledger, cfg, runs_touched_since(ledger, harvest_started))
    assert [d.title for d in sent] == ["Acme Ltd: 1 new problem"]
    assert "- [critical] No answer within 1 business day" in webhook.posts[-1]["message"]
    assert 'journey "Contact form", step "answer"' in webhook.posts[-1]["message"]
    assert notify(ledger, cfg, runs_touched_since(ledger, harvest_started)) == []   # harvest run again


def test_events_another_process_is_sending_are_left_to_it(ledger, webhook):
    # A harvest started beside the nightly run finds the nightly's events claimed: it does not send them too.
    cfg = config_with([hook_url(webhook)])
    down = config_with([f"json://127.0.0.1:{free_port()}/x"])
    notify(ledger, down, [night(ledger, 1, FAIL)])       # queued for that URL, not delivered
    label = down.alerts.to[0].url
    claimed = utcnow()
    ledger.update_row("alerts_sent", 1, claimed_at=claimed)
    assert deliver_pending(ledger, down) == []
    # A claim long past is a process that died mid-send: the event is taken over.
    ledger.update_row("alerts_sent", 1, claimed_at=claimed - dt.timedelta(hours=1))
    assert [(d.destination, d.events) for d in deliver_pending(ledger, down)] == [(label, 1)]
    assert cfg and webhook.posts == []


def test_settings_read_from_probes_yaml_with_errors_at_their_line(tmp_path):
    cfg_file = tmp_path / "probes.yaml"
    base = "targets:\n  acme:\n    name: Acme\n    allowlist: ['https://acme.example/']\n"
    cfg_file.write_text(base + "report_url: https://r.example.com/x/\nalerts:\n  to: ['json://h/${T}']\n"
                        "  on: [new, resolved]\n  remind_after: 3d\n")
    cfg = load_config(cfg_file)
    assert cfg.alerts.on == ["new", "resolved"] and cfg.alerts.remind_after_s == 3 * 86400
    assert cfg.report_url == "https://r.example.com/x"
    assert load_config(_write(cfg_file, base + "alerts:\n  to: [slack://a/b/c]\n")).alerts.remind_after_s == 86400
    bad = {"alerts:\n  to: [{url: 'json://h', targets: [acne]}]\n": "acne is not a target id",
           "alerts:\n  to: [json://h]\n  remind_after: soon\n": "probes.yaml:7: alerts.remind_after: 'soon' is not",
           "alerts:\n  to: [json://h]\n  on: [new, fixed]\n": "alerts.on: Input should be 'new', 'resolved' or 'reminder'",
           "alerts:\n  to: [json://h]\n  every: 1h\n": "probes.yaml:7: alerts.every",
           "alerts:\n  to: []\n": "probes.yaml:6: alerts.to:",
           "alerts:\n  to: ['hooks.example.com/x']\n": "is not an apprise URL"}
    for text, expected in bad.items():
        with pytest.raises(InputError) as err:
            load_config(_write(cfg_file, base + text))
        assert expected in str(err.value), (text, str(err.value))


def _write(path, text):
    path.write_text(text)
    return path


def test_alerts_test_command_and_a_real_run_alert_through_the_cli(cli, tmp_path, company):
    hook, down = Webhook(), free_port()
    project = tmp_path
    (project / "probes.yaml").write_text(f"""
targets:
  demo:
    name: Demo Company
    endpoints: {{website: "{company.base_url}"}}
    allowlist: ["{company.base_url}/"]
report_url: https://reports.example.com
alerts:
  to:
    - json://127.0.0.1:{hook.port}/ok
    - {{url: "json://127.0.0.1:{down}/${{HOOK_TOKEN}}", name: team-hook}}
""")
    (project / "scenarios").mkdir()
    write_scenario(project / "scenarios", "broken.yaml", """
        name: Returns crash
        persona: {name: Omar, email: omar@example.com}
        target: demo
        steps:
          - id: send
            channel: web_form
            url: "{target.website}/returns"
            fields:
              - {label: Your name, value: "{persona.name}"}
              - {label: Email address, value: "{persona.email}"}
              - {label: Order number, value: NW-1}
              - {label: Reason, value: broken}
            expect: {text: received, within: 5s}
    """)
    try:
        unset = cli("alerts", "test", cwd=project)
        assert unset.returncode == 2 and "environment variable HOOK_TOKEN is not set" in unset.stderr
        tested = cli("alerts", "test", cwd=project, env={"HOOK_TOKEN": SECRET})
        assert tested.returncode == 3, tested.stderr
        assert f"ok      json://127.0.0.1:{hook.port}/ok" in tested.stdout
        assert "FAILED  team-hook:" in tested.stderr
        assert [p["title"] for p in hook.posts] == ["Mystery Shopper: test message"] * 2  # the one it could reach
        assert "https://reports.example.com/runs/<run-id>/index.html" in hook.posts[0]["message"]
        # Last night's run found the same problem (as the ledger API writes it): tonight's confirms it
        # whatever confirm_after (1 or 2) is in force.
        ledger = Ledger(f"sqlite:///{project / 'ledger.sqlite3'}")
        earlier = ledger.start_run("run", evidence_root=".", run_id="earlier")
        ledger.update_row("runs", earlier, started_at=NIGHT0)
        jid = ledger.start_journey(earlier, name="Returns crash", file="broken.yaml", target="demo",
                                   target_name="Demo Company", persona={}, tags=[])
        sid = ledger.start_step(jid, 0, "send", "web_form")
        ledger.add_finding(earlier, jid, sid, Finding("web_form.http_error", "critical", "HTTP 500"))
        ledger.finish_step(sid, "failed")
        ledger.finish_journey(jid, "failed")
        ledger.finish_run(earlier, "failed")
        ledger.close()
        done = cli("run", "scenarios", cwd=project, env={"HOOK_TOKEN": SECRET})
        assert done.returncode == 1, done.stderr   # the findings' exit code, whatever the alerts did
        assert "Alert sent to json://127.0.0.1:" in done.stdout
        assert "Alert NOT sent to team-hook:" in done.stderr
        assert SECRET not in done.stdout + done.stderr + tested.stdout + tested.stderr
        post = hook.posts[-1]
        assert post["title"] == "Demo Company: 1 new problem"
        assert "[critical] Sending the form failed with HTTP 500" in post["message"]
        assert "Since 2026-11-01 02:00 UTC (2 runs in a row)" in post["message"]
        ledger = Ledger(f"sqlite:///{project / 'ledger.sqlite3'}")
        tonight = ledger.latest_run_id()
        ledger.close()
        assert f"https://reports.example.com/runs/{tonight}/index.html" in post["message"]
    finally:
        hook.close()
