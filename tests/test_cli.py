"""The `probes` command, invoked as a user does (a subprocess), against the demo company on loopback."""
import json
import os
import re

import pytest

from conftest import ROOT, ctrl_c_works, write_scenario

HEALTHY = """
    name: Healthy enquiry
    tags: [smoke]
    persona: {name: Jane Doe, email: jane@example.com}
    target: demo
    steps:
      - id: enquiry
        channel: web_form
        url: "{target.website}/contact"
        fields:
          - {label: Your name, value: "{persona.name}"}
          - {label: Email address, value: "{persona.email}"}
          - {label: Your message, value: "hello {token}"}
        expect: {text: We have received your message}
"""
BROKEN = """
    name: Returns crash
    tags: [faults]
    persona: {name: Omar, email: omar@example.com}
    target: demo
    steps:
      - channel: web_form
        url: "{target.website}/returns"
        fields:
          - {label: Your name, value: "{persona.name}"}
          - {label: Email address, value: "{persona.email}"}
          - {label: Order number, value: NW-1}
          - {label: Reason, value: broken}
        expect: {text: received, within: 5s}
"""


@pytest.fixture
def project(tmp_path, company):
    """A user's folder: probes.yaml pointing at the running demo company, and two scenarios."""
    (tmp_path / "probes.yaml").write_text(f"""
targets:
  demo:
    name: Demo
    endpoints: {{website: "{company.base_url}"}}
    allowlist: ["{company.base_url}/"]
""")
    scen = tmp_path / "scenarios"
    scen.mkdir()
    write_scenario(scen, "healthy.yaml", HEALTHY)
    write_scenario(scen, "broken.yaml", BROKEN)
    return tmp_path


def test_help_explains_commands_and_exit_codes(cli):
    top = cli("--help")
    assert top.returncode == 0
    for command in ("run", "validate", "schema", "report", "demo", "sim", "browser"):
        assert re.search(rf"^\s+{command}\s", top.stdout, re.M), command
    run_help = cli("run", "--help").stdout
    assert "--dry-run" in run_help and "--concurrency" in run_help and "--tag" in run_help
    assert "2  bad input or configuration" in run_help


def test_validate_ok_and_errors_with_file_line_and_exit_2(cli, project):
    ok = cli("validate", "scenarios", "probes.yaml", cwd=project)
    assert ok.returncode == 0 and "3 files OK" in ok.stdout
    write_scenario(project / "scenarios", "bad.yaml", HEALTHY.replace("expect:", "expectt:"))
    bad = cli("validate", "scenarios", cwd=project)
    assert bad.returncode == 2
    assert "scenarios/bad.yaml:13: steps.0.expectt: unknown key 'expectt' (did you mean 'expect'?)" in bad.stderr
    assert "scenarios/bad.yaml:6: steps.0.expect: required field is missing" in bad.stderr
    assert bad.stderr.strip().endswith("2 problems found.")


def test_dry_run_lists_contacts_and_makes_none(cli, project, company):
    before = len(company.inbox)
    done = cli("run", "scenarios", "--dry-run", cwd=project)
    assert done.returncode == 0, done.stderr
    assert f"enquiry: web_form -> {company.base_url}/contact  (as Jane Doe)" in done.stdout
    assert f"web_form-1: web_form -> {company.base_url}/returns  (as Omar)" in done.stdout
    assert len(company.inbox) == before
    assert not (project / "reports").exists()


def test_run_passes_writes_report_json_and_ledger(cli, project, company):
    done = cli("run", "scenarios/healthy.yaml", "--json", "out.json", cwd=project)
    assert done.returncode == 0, done.stderr
    assert "✔ passed" in done.stderr and "Healthy enquiry" in done.stderr
    (page,) = (project / "reports" / "runs").glob("*/index.html")   # the run's own page, kept
    assert f"Report: {page}" in done.stdout and "Healthy enquiry" in page.read_text()
    assert f"Dashboard: {project / 'reports' / 'index.html'}" in done.stdout
    assert (project / "ledger.sqlite3").exists()   # the project's ledger, beside probes.yaml
    results = json.loads((project / "out.json").read_text())
    assert results["format"] == "mystery-shopper-results"
    assert results["summary"]["journeys"]["passed"] == 1
    step = results["journeys"][0]["steps"][0]
    assert step["status"] == "passed" and step["measurements"]["submit_to_confirmation_s"] > 0
    for ev in step["evidence"]:
        assert (project / ev["path"]).is_file()


def test_run_exit_1_on_findings_and_tag_filter(cli, project):
    done = cli("run", "scenarios", "--tag", "faults", "--report", "out", cwd=project)
    assert done.returncode == 1, done.stderr
    assert "✘ failed  Returns crash — Sending the form failed with HTTP 500" in done.stderr
    assert "Healthy enquiry" not in done.stderr
    assert "Journeys: 0 passed, 1 failed" in done.stdout
    assert (project / "out" / "index.html").exists()
    none = cli("run", "scenarios", "--tag", "nothing", cwd=project)
    assert none.returncode == 2 and "No journey has the tag" in none.stderr


def test_run_exit_2_on_bad_input_contacts_nobody(cli, project, company):
    write_scenario(project / "scenarios", "elsewhere.yaml",
                   HEALTHY.replace('"{target.website}/contact"', "https://www.example.com/contact"))
    before = len(company.inbox)
    done = cli("run", "scenarios", cwd=project)
    assert done.returncode == 2
    assert "is not on the allowlist of target 'demo'" in done.stderr
    assert "nothing was contacted" in done.stderr
    assert len(company.inbox) == before


def test_run_exit_3_when_the_browser_cannot_start(cli, project):
    cfg = project / "probes.yaml"
    cfg.write_text("settings:\n  browser:\n    executable_path: /nonexistent/chromium\n" + cfg.read_text())
    done = cli("run", "scenarios/healthy.yaml", cwd=project)
    assert done.returncode == 3
    assert "could not run" in done.stdout and "Traceback" not in done.stderr


def test_missing_config_is_explained(cli, tmp_path):
    write_scenario(tmp_path, "s.yaml", HEALTHY)
    done = cli("run", "s.yaml", cwd=tmp_path)
    assert done.returncode == 2 and "no probes.yaml found" in done.stderr


def test_schema_is_json_schema_for_editors(cli, tmp_path):
    done = cli("schema", "--out", str(tmp_path / "s.json"))
    assert done.returncode == 0
    schema = json.loads((tmp_path / "s.json").read_text())
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"name", "persona", "target", "steps"}
    config = json.loads(cli("schema", "--kind", "config").stdout)
    assert "targets" in config["properties"]


def test_report_rerenders_the_latest_run_and_lists_runs(cli, project):
    assert cli("run", "scenarios/healthy.yaml", cwd=project).returncode == 0
    listed = cli("report", "--list", cwd=project)
    assert listed.returncode == 0 and re.search(r"^\d{8}T\d{6}Z-\w{4}\s+run\s+passed", listed.stdout, re.M)
    again = cli("report", "--out", "again", "--json", "again.json", cwd=project)
    assert again.returncode == 0, again.stderr
    (page,) = (project / "again" / "runs").glob("*/index.html")
    assert "Healthy enquiry" in page.read_text() and (project / "again" / "index.html").is_file()
    # Evidence links are relative to the new folder and still resolve.
    results = json.loads((project / "again.json").read_text())
    for ev in results["journeys"][0]["steps"][0]["evidence"]:
        assert (project / ev["path"]).is_file()


def test_report_without_ledger_says_what_to_do(cli, tmp_path):
    done = cli("report", cwd=tmp_path)
    assert done.returncode == 2 and "run some journeys first" in done.stderr


def demo_is_open() -> bool:
    """Is the demo company open now, by its business hours (as `probes demo` judges it)?"""
    from probes.business_time import BusinessCalendar
    from probes.cli import demo_config
    from probes.results import utcnow

    target = demo_config("http://127.0.0.1:1", ROOT / "reports").targets["demo"]
    return BusinessCalendar.for_target(target).is_open(utcnow())


def test_demo_runs_every_scenario_and_the_report_shows_what_it_caught(cli, tmp_path):
    from playwright.sync_api import sync_playwright

    from probes.browser import launch_options
    from probes.config import BrowserSettings

    out = tmp_path / "demo-report"
    opened = {demo_is_open()}
    project_ledger = ROOT / "ledger.sqlite3"   # of the repository's probes.yaml, in the folder the demo runs in
    before = project_ledger.stat().st_mtime_ns if project_ledger.exists() else None
    done = cli("demo", "--report", str(out), "--junit", str(out / "junit.xml"), "--metrics",
               str(out / "probes.prom"), cwd=ROOT)
    opened.add(demo_is_open())   # both, if its hours began or ended during the run
    assert done.returncode == 1, done.stderr  # the demo company has faults: that is the point
    # The demo is a project of its own: its ledger is in its report folder, never the project's.
    assert f"Ledger: {out / 'demo-ledger.sqlite3'}" in done.stderr
    assert (project_ledger.stat().st_mtime_ns if project_ledger.exists() else None) == before
    (index,) = (out / "runs").glob("*/index.html")   # the run's page; out/index.html is the dashboard
    assert f"Report: {index}" in done.stdout and f"Dashboard: {out / 'index.html'}" in done.stdout
    from probes.sim.peers import PEER_SCENARIOS

    # The scenarios folder's journeys, and the other demo companies' (for the scorecard): two pass, two fail.
    scenarios = sorted((ROOT / "scenarios").glob("*.yaml")) + sorted(PEER_SCENARIOS.glob("*.yaml"))
    assert f"(of {len(scenarios)})" in done.stdout
    # The journey map beside the page, linked from it: a sheet per journey, the demo company's hours named,
    # screenshots at the broken forms' low points.
    map_page = (index.parent / "map.html").read_text(encoding="utf-8")
    assert 'href="map.html"' in index.read_text(encoding="utf-8")
    assert map_page.count('<section class="sheet"') == len(scenarios)
    assert "business hours (Mon\u2013Fri 09:00\u201317:30, Europe/London)" in map_page
    assert 'class="shot-thumb"' in map_page
    scorecard = index.parent / "scorecard.html"
    assert f"Scorecard: {scorecard}" in done.stdout

    requests = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(**launch_options(BrowserSettings(), pw.chromium.executable_path))
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.goto(index.as_uri())
        text = page.inner_text("body")
        thumbs = page.eval_on_selector_all("img", "imgs => imgs.map(i => [i.src, i.naturalWidth])")
        # The run's page links the scorecard of its three companies: the quick, personal one first, the slow
        # one with the form letter last.
        page.get_by_role("link", name="Scorecard across companies").click()
        page.wait_for_url(scorecard.as_uri())
        ranked = page.locator("table.ranking tbody tr")
        companies = [ranked.nth(i).locator("th").inner_text() for i in range(ranked.count())]
        fabrikam = page.locator('table.ranking tr[data-target="fabrikam"]')
        addressed, personal = (fabrikam.locator(f'[data-col="{c}"]').inner_text() for c in ("addressed", "personal"))
        browser.close()
    assert companies == ["Contoso Kitchens (demo company)", "Northwind Appliances (demo company)",
                         "Fabrikam Home (demo company)"], companies
    assert addressed == "0 of 2 (0%)" and personal == "1 of 2 (50%)", (addressed, personal)
    # The offline chat is a failure during the demo company's business hours, only a note outside them.
    met = {11 if is_open else 12 for is_open in opened}
    assert any(f"{n} of {len(scenarios)} journeys met every expectation" in text for n in met), (met, text[:400])
    if opened == {True}:
        assert "Live chat is offline during business hours" in text
    for expected in ("The contact page answered HTTP 404", "Sending the form failed with HTTP 500",
                     "Unreplaced placeholder [name]", "A CAPTCHA blocks the customer",
                     "but its label does not say so: 'Phone'", "No confirmation within 8 s",
                     "The confirmation does not show the reference", "Margaret Okafor",
                     # email: a dead address, a mailbox nobody answers, a broken auto-reply template
                     "The company's mail server refused the address", "No answer from a person within 20s",
                     "Unreplaced placeholder [name], %CASE_NUMBER% (2 places)",
                     # chat: a widget that never loads, a bot loop, a person who never comes
                     "The chat widget did not load", "The chat gives the same answer to different questions",
                     "No person within 10 s of asking for one",
                     # the chat's conversation, as the customer saw it
                     "Times are seconds after the page was opened", "Let me connect you to one of our team.",
                     # phone: a busy line, a dead end, a loop, a deep menu; the person reached, and SMS
                     "The line was busy", "The company hung up before the customer reached a person",
                     "The menu went round in a loop", "2 menu levels to get through; at most 1 expected",
                     "my name is Anna", "Phone menu", "Times are seconds after the company answered",
                     "Hi, this is Sam from Northwind Appliances"):
        assert expected in text, expected
    # Thumbnails are small files beside the screenshots, in the report's folder; nothing from the network.
    assert thumbs and all(src.startswith(out.as_uri()) and src.endswith(".thumb.jpg") and w > 0 for src, w in thumbs)
    assert all(u == index.as_uri() or u.startswith(out.as_uri()) for u in requests), requests
    demo_exports_read_the_same_results(out, done.stdout, len(scenarios))


def demo_exports_read_the_same_results(out, stdout: str, journeys: int) -> None:
    """--junit and --metrics of the demo: what it caught, as a CI server and Prometheus read it."""
    import xml.etree.ElementTree as ET

    import xmlschema
    from prometheus_client.openmetrics.parser import text_string_to_metric_families

    junit, metrics = out / "junit.xml", out / "probes.prom"
    assert f"JUnit:   {junit}" in stdout and f"Metrics: {metrics}" in stdout
    xmlschema.XMLSchema(ROOT / "tests" / "data" / "junit" / "jenkins-junit-10.xsd").validate(str(junit))
    suites = ET.parse(junit).getroot().findall("testsuite")
    assert len(suites) == journeys
    assert {"web_form.http_error", "email.refused", "phone.busy"} <= {f.get("type") for f in ET.parse(junit).iter(
        "failure")}
    families = {f.name: f.samples for f in text_string_to_metric_families(metrics.read_text(encoding="utf-8"))}
    assert families["probes_run_info"][0].labels["kind"] == "demo"
    reach = {(s.labels["target"], s.labels["channel"]): s.value for s in families["probes_reachable"]}
    assert reach["demo", "sms"] == 1.0 and reach["demo", "web_form"] == 0.0   # the SMS line answers; a form crashes
    assert any(s.labels["channel"] == "phone" and s.value > 0 for s in families["probes_time_to_call_answer_seconds"])


def test_ctrl_c_records_an_interrupted_run_and_still_writes_a_report(project, company):
    import os
    import signal
    import subprocess
    import time

    from conftest import probes_command
    from probes.ledger import Ledger

    write_scenario(project / "scenarios", "slow.yaml", """
        name: Never confirms
        persona: {name: Tomás, email: t@example.com}
        target: demo
        steps:
          - channel: web_form
            url: "{target.website}/order-help"
            fields:
              - {label: Your name, value: "{persona.name}"}
              - {label: Email address, value: "{persona.email}"}
              - {label: Order number, value: NW-3}
              - {label: Question, value: "where? {token}"}
            expect: {text: received, within: 60s}
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([*probes_command(), "run", "scenarios/slow.yaml"], cwd=project, env=env,
                            preexec_fn=ctrl_c_works,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ledger_path = project / "ledger.sqlite3"
    deadline = time.time() + 300   # a long limit: it goes on as soon as the contact is on its way
    while time.time() < deadline:  # wait until the contact is on its way (reading only: no migrating)
        try:
            reader = Ledger(f"sqlite:///{ledger_path}", migrate=False)
            if reader.run_rows(reader.latest_run_id() or "")["contacts"]:
                break
        except Exception:  # noqa: BLE001 - the run has not created its ledger yet
            pass
        time.sleep(0.2)
    else:
        raise AssertionError("the run never planned its contact")
    time.sleep(3)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "Interrupted" in err and "Report of what was done" in out
    ledger = Ledger(f"sqlite:///{ledger_path}")
    run = ledger.get_run(ledger.latest_run_id())
    rows = ledger.run_rows(run["id"])
    assert run["status"] == "interrupted"
    assert rows["journeys"][0]["status"] == "running"
    assert rows["contacts"][0]["status"] == "planned"  # may have reached the company: never resent blindly
    assert (project / "reports" / "index.html").exists()
    assert "Traceback" not in err


def test_run_wait_then_harvest_twice_records_nothing_new(cli, tmp_path, company, mail, ledger_url):
    from probes.sim.mailnet import PASSWORD_VARIABLE

    identity = mail.identity()["email"]
    # On the default SQLite ledger beside probes.yaml, and on PostgreSQL (settings.ledger).
    settings = "" if ledger_url.startswith("sqlite") else f"settings: {{ledger: \"{ledger_url}\"}}\n"
    (tmp_path / "probes.yaml").write_text(settings + f"""
targets:
  demo:
    name: Demo
    endpoints: {{website: "{company.base_url}", support_email: support@northwind.example}}
    allowlist: ["{company.base_url}/", "@northwind.example"]
    auto_reply_within_s: 2
identities:
  shopper:
    email:
      address: {identity['address']}
      smtp: {{host: 127.0.0.1, port: {identity['smtp']['port']}, tls: none}}
      imap: {{host: 127.0.0.1, port: {identity['imap']['port']}, tls: none, username: shopper,
              password: "${{{PASSWORD_VARIABLE}}}"}}
""")
    write_scenario(tmp_path, "mail.yaml", """
        name: Ask support by email
        persona: {name: Jane Doe}
        target: demo
        steps:
          - id: question
            channel: email
            subject: Spare parts for a WM-700
            body: Do you sell spare drum belts?
            expect: {ack_within: 10s, human_within: 20s}
    """)
    env = {PASSWORD_VARIABLE: mail.password}
    done = cli("run", "mail.yaml", "--wait", "20s", cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert "Waiting up to 20.0 s for 2 answer deadline(s)" in done.stderr
    assert "✔ passed  Ask support by email" in done.stderr
    first = cli("harvest", cwd=tmp_path, env=env)
    second = cli("harvest", cwd=tmp_path, env=env)
    assert first.returncode == second.returncode == 0, first.stderr
    assert "Harvest: 0 new message(s)" in second.stderr
    assert "Report:" in second.stdout
    # The nightly run harvests first; started twice the same night, it resumes and sends nothing twice.
    sent_before = len(mail.desk.received)
    night = cli("nightly", "mail.yaml", cwd=tmp_path, env=env)
    again = cli("nightly", "mail.yaml", cwd=tmp_path, env=env)
    assert night.returncode == again.returncode == 0, night.stderr
    # No terminal (as under cron): the harvest's line goes to stdout; stderr is kept for the prober's trouble.
    assert "Harvest:" in night.stdout and night.stderr == ""
    assert len(mail.desk.received) == sent_before + 1
    # Without the password in the environment, a clear error and no traceback.
    broken = cli("harvest", cwd=tmp_path, env={PASSWORD_VARIABLE: "wrong"})
    assert broken.returncode == 3 and "cannot read the mailbox" in broken.stderr and "Traceback" not in broken.stderr


def test_a_phone_journey_from_the_command_line_keeps_the_twilio_token_out_of_everything(cli, tmp_path, phone):
    from probes.sim import phoneline
    from probes.sim.phonenet import TOKEN_VARIABLE

    ident = phone.identity()
    (tmp_path / "probes.yaml").write_text(f"""
targets:
  demo:
    name: Demo
    endpoints: {{phone: "{phoneline.MAIN_LINE}", sms: "{phoneline.SMS_NUMBER}"}}
    allowlist: ["{phoneline.MAIN_LINE}", "{phoneline.SMS_NUMBER}"]
    auto_reply_within_s: 1
identities:
  shopper:
    phone:
      number: "{ident['number']}"
      account_sid: {ident['account_sid']}
      auth_token: "${{{TOKEN_VARIABLE}}}"
      api_base: {ident['api_base']}
      webhooks: {{listen: "127.0.0.1:0", public_url: "http://127.0.0.1:0"}}
""")
    write_scenario(tmp_path, "call.yaml", """
        name: Call billing
        persona: {name: Jane Doe}
        target: demo
        steps:
          - id: call
            channel: phone
            menu:
              - {expect: "For billing, press 1", press: "1"}
              - {expect: "To speak to someone in our billing team, press 2", press: "2"}
          - id: text
            channel: sms
            body: Thanks for the call earlier.
            expect: {ack_within: 10s, human_within: 20s}
    """)
    done = cli("run", "call.yaml", "--wait", "20s", "--json", "results.json", cwd=tmp_path,
               env={TOKEN_VARIABLE: phone.token})
    assert done.returncode == 0, done.stderr
    assert "✔ passed  Call billing" in done.stderr and "Reached by phone: 1 of 1." in done.stdout
    # The token is in the environment only: not in the output, the report, the JSON, the ledger or evidence.
    everything = [done.stdout, done.stderr] + [p.read_bytes().decode("latin-1") for p in tmp_path.rglob("*")
                                               if p.is_file()]
    assert not any(phone.token in text for text in everything)
    # Without the token, a clear prober error (exit 3) and no traceback.
    broken = cli("run", "call.yaml", cwd=tmp_path, env={TOKEN_VARIABLE: ""})
    assert broken.returncode in (2, 3) and "Traceback" not in broken.stderr


def test_sim_phone_serves_the_demo_telephone_world_until_stopped(tmp_path):
    import signal
    import subprocess

    from conftest import probes_command
    from probes.sim import phoneline
    from probes.twilio_http import twilio_client
    from probes.sim.phonenet import PROBER_ACCOUNT_SID, PROBER_NUMBER

    proc = subprocess.Popen([*probes_command(), "sim", "phone", "--twilio-port", "0", "--line-port", "0"],
                            preexec_fn=ctrl_c_works,
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        while not any("export PROBES_DEMO_TWILIO_TOKEN=" in line for line in lines):
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            lines.append(line)
        base = next(line.split()[2] for line in lines if line.startswith("Twilio simulator:"))
        token = lines[-1].split("=", 1)[1].strip()
        assert any(phoneline.MAIN_LINE in line and "dead end" in line for line in lines)
        numbers = twilio_client(PROBER_ACCOUNT_SID, token, base).incoming_phone_numbers.list()
        assert [n.phone_number for n in numbers] == [PROBER_NUMBER]
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=15)
    assert "Stopped." in out and "Traceback" not in err


def test_a_simulator_stopped_while_it_prints_its_banner_stops_cleanly(capsys):
    # A script that stops a simulator as soon as it has read the first line (as the suite does) could hit
    # the moment between the banner and the wait: that was click's "Aborted!" and exit 1, not "Stopped.".
    from probes.cli import _serve_until_stopped

    def banner():
        yield "Twilio simulator: http://127.0.0.1:8793"
        raise KeyboardInterrupt  # what Python raises when SIGINT lands here

    _serve_until_stopped(banner())
    assert capsys.readouterr().out.splitlines() == ["Twilio simulator: http://127.0.0.1:8793", "Stopped."]


def test_sim_web_starts_the_live_chat_its_pages_need(run_journeys, reports):
    """`probes sim web` alone: a customer chats on its /chat page (before, the widget pointed at a closed port)."""
    import signal
    import subprocess
    from types import SimpleNamespace

    from conftest import probes_command
    from probes.cli import demo_config

    proc = subprocess.Popen([*probes_command(), "sim", "web", "--port", "0", "--chat-port", "0"],
                            preexec_fn=ctrl_c_works, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        while not any(line.startswith("Press Ctrl-C") for line in lines):
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            lines.append(line)
        base = next(line.split()[-1] for line in lines if "demo site running at" in line)
        ws = next(word for line in lines for word in line.split() if word.startswith("ws://"))
        config = demo_config(base, reports, chat=SimpleNamespace(ws_url=ws.removesuffix("/chat;")))
        config.targets["demo"].business_hours = {}  # always open
        ran = run_journeys("""
name: Chat with the site probes sim web serves
persona: {name: Jane Doe}
target: demo
steps:
  - id: chat
    channel: chat
    url: "{target.website}/chat"
    widget: northwind
    ready_within: 20s
    turns:
      - {say: "How long does delivery take?", expect: "working days", within: 20s}
""", cfg=config)
        assert ran.result.exit_code == 0, ran.rows["findings"]
        assert ran.steps[0]["measurements"]["first_reply_s"] > 0
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=15)
    assert "Stopping." in out and "Traceback" not in err


def test_run_and_report_on_a_postgresql_ledger(cli, project, postgres):
    # postgresql:// as a user writes it (psycopg 3, the `postgres` extra): the run, its page and the listing.
    url = postgres.new_database().replace("postgresql+psycopg://", "postgresql://")
    done = cli("run", "scenarios/healthy.yaml", "--ledger", url, "--json", "out.json", cwd=project)
    assert done.returncode == 0, done.stderr
    assert not (project / "ledger.sqlite3").exists()   # everything went to PostgreSQL
    run_id = json.loads((project / "out.json").read_text())["run"]["id"]
    listed = cli("report", "--list", "--ledger", url, cwd=project)
    assert listed.returncode == 0 and re.search(rf"^{run_id}\s+run\s+passed", listed.stdout, re.M), listed.stdout
    again = cli("report", "--ledger", url, "--out", "again", cwd=project)
    assert again.returncode == 0, again.stderr
    page = project / "again" / "runs" / run_id / "index.html"
    assert "Healthy enquiry" in page.read_text() and (project / "again" / "index.html").is_file()
