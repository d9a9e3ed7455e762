"""A project has one ledger, whatever report folder each command is given; folders of scenarios are searched
through their sub-folders. The `probes` command invoked as a user does (a subprocess), with the demo company's
website and mail desk on loopback and a real Dovecot mailbox."""
import json
import re
import time

from conftest import write_scenario
from test_cli import BROKEN, HEALTHY

QUESTION = """
    name: Ask support by email
    persona: {name: Jane Doe}
    target: demo
    steps:
      - id: question
        channel: email
        subject: Spare parts for a WM-700
        body: Do you sell spare drum belts?
        expect: {ack_within: 10m, human_within: 10m}
"""


def mail_project(folder, company, mail, settings: str = "") -> dict:
    """A user's folder: probes.yaml with the demo company and the shopper's mailbox, and one email journey.
    Returns the environment the commands need (the mailbox password)."""
    from probes.sim.mailnet import PASSWORD_VARIABLE

    identity = mail.identity()["email"]
    (folder / "probes.yaml").write_text(f"""{settings}
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
    write_scenario(folder, "mail.yaml", QUESTION)
    return {PASSWORD_VARIABLE: mail.password}


def harvest_until_answered(cli, cwd, env, *args, answers: int = 2, deadline_s: float = 240) -> list:
    """Harvest again and again (as a user's cron job does) until the answers are matched or something comes
    in that matches nothing; returns every harvest's output."""
    done, matched = [], 0
    deadline = time.monotonic() + deadline_s   # generous: the mail desk answers within seconds
    while time.monotonic() < deadline:
        got = cli("harvest", *args, cwd=cwd, env=env)
        done.append(got)
        assert got.returncode == 0, got.stderr
        matched += sum(int(n) for n in re.findall(r"(\d+) answer\(s\) matched", got.stderr))
        if matched >= answers or "unmatched:" in got.stderr:
            break
        time.sleep(1)
    return done


def test_a_harvest_with_another_report_folder_finds_the_run_s_contacts_in_the_project_ledger(
        cli, tmp_path, company, mail):
    env = mail_project(tmp_path, company, mail)
    ran = cli("run", "mail.yaml", "--report", "A", cwd=tmp_path, env=env)
    assert ran.returncode == 0, ran.stderr
    harvests = harvest_until_answered(cli, tmp_path, env, "--report", "B")
    errors = "".join(h.stderr for h in harvests)
    assert "unmatched:" not in errors and "no contacts" not in errors, errors
    ledger = tmp_path / "ledger.sqlite3"
    assert not (tmp_path / "A" / "ledger.sqlite3").exists()      # --report chose the pages only
    assert f"Ledger: {ledger}" in ran.stderr                    # which ledger, said once
    assert all(f"Ledger: {ledger}" in h.stderr for h in harvests)
    assert (tmp_path / "B" / "index.html").is_file()

    shown = cli("report", "--json", "after.json", cwd=tmp_path, env=env)
    assert shown.returncode == 0, shown.stderr
    (step,) = json.loads((tmp_path / "after.json").read_text())["journeys"][0]["steps"]
    assert step["awaits"] and all(a["status"] == "met" for a in step["awaits"]), step["awaits"]
    # The answers' .eml files sit with the evidence of the run they answer (its report folder, A).
    emls = [tmp_path / r["eml"] for r in step["responses"]]
    assert len(emls) == 2 and all(p.is_file() for p in emls)
    assert all((tmp_path / "A" / "evidence") in p.resolve().parents for p in emls), emls


def test_a_harvest_against_a_ledger_with_no_contacts_says_so_and_exits_2(cli, tmp_path, company, mail):
    from probes.ledger import Ledger

    env = mail_project(tmp_path, company, mail)
    nothing = cli("harvest", cwd=tmp_path, env=env)
    assert nothing.returncode == 2, nothing.stderr
    assert f"there is no ledger at {tmp_path / 'ledger.sqlite3'}" in nothing.stderr
    assert "did `probes run` use another ledger?" in nothing.stderr
    assert not (tmp_path / "ledger.sqlite3").exists()           # no empty ledger made on the way

    other = tmp_path / "other.sqlite3"
    Ledger(f"sqlite:///{other}").close()                       # a ledger, but no run ever used it
    empty = cli("harvest", "--ledger", f"sqlite:///{other}", "--report", "B", cwd=tmp_path, env=env)
    assert empty.returncode == 2, empty.stderr
    assert f"the ledger {other} has no contacts: did `probes run` use another ledger?" in empty.stderr
    assert "Harvest:" not in empty.stderr                      # no mailbox was read into the wrong ledger
    assert "Traceback" not in empty.stderr


def test_a_ledger_left_at_the_old_default_place_is_still_used_and_the_user_told_how_to_keep_it(
        cli, tmp_path, company, mail):
    env = mail_project(tmp_path, company, mail)
    old = tmp_path / "reports" / "ledger.sqlite3"
    # What earlier versions did by default: the ledger inside the reports folder, awaits left pending.
    ran = cli("run", "mail.yaml", "--ledger", f"sqlite:///{old}", cwd=tmp_path, env=env)
    assert ran.returncode == 0, ran.stderr

    harvests = harvest_until_answered(cli, tmp_path, env)
    first = harvests[0].stderr
    assert f"Using the ledger left at the old default place, {old}" in first
    assert "`ledger: sqlite:///reports/ledger.sqlite3`" in first
    assert f"mv {old} {tmp_path / 'ledger.sqlite3'}" in first
    assert f"Ledger: {old}" in first
    assert "unmatched:" not in "".join(h.stderr for h in harvests)
    assert not (tmp_path / "ledger.sqlite3").exists()          # no second, empty ledger beside it

    # The setting it suggests keeps that ledger, silently, from any folder (relative to probes.yaml).
    config = tmp_path / "probes.yaml"
    config.write_text("settings:\n  ledger: sqlite:///reports/ledger.sqlite3\n" + config.read_text())
    (tmp_path / "elsewhere").mkdir()
    listed = cli("report", "--list", "--config", str(config), cwd=tmp_path / "elsewhere", env=env)
    assert listed.returncode == 0, listed.stderr
    assert re.search(r"^\d{8}T\d{6}Z-\w{4}\s+run\s+passed", listed.stdout, re.M), listed.stdout
    assert f"Ledger: {old}" in listed.stderr and "old default place" not in listed.stderr


def test_validate_and_run_search_the_sub_folders_of_a_folder(cli, tmp_path, company):
    (tmp_path / "probes.yaml").write_text(f"""
targets:
  demo:
    name: Demo
    endpoints: {{website: "{company.base_url}"}}
    allowlist: ["{company.base_url}/"]
""")
    for folder in ("scenarios/forms", "scenarios/faults/returns", "scenarios/.drafts", "reports/old", "empty/sub"):
        (tmp_path / folder).mkdir(parents=True)
    write_scenario(tmp_path / "scenarios" / "forms", "healthy.yaml", HEALTHY)
    write_scenario(tmp_path / "scenarios" / "faults" / "returns", "broken.yml", BROKEN)
    # Not searched: a hidden folder, the reports folder (nothing in them is a scenario).
    write_scenario(tmp_path / "scenarios" / ".drafts", "half.yaml", "name: half written\n")
    write_scenario(tmp_path / "reports" / "old", "copy.yaml", "not: a scenario\n")

    checked = cli("validate", ".", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert "3 files OK" in checked.stdout                      # probes.yaml and the two nested scenarios
    planned = cli("run", "scenarios", "--dry-run", cwd=tmp_path)
    assert planned.returncode == 0, planned.stderr
    assert "Dry run: 2 journey(s)" in planned.stdout
    assert f"enquiry: web_form -> {company.base_url}/contact" in planned.stdout
    assert f"web_form-1: web_form -> {company.base_url}/returns" in planned.stdout

    for command in ("validate", "run"):
        none = cli(command, "empty", cwd=tmp_path)
        assert none.returncode == 2, none.stderr
        assert "empty:1: no scenario files (*.yaml, *.yml) in this folder or its sub-folders" in none.stderr
        assert "sub-folders" in cli(command, "--help").stdout


def test_the_ledger_line_masks_the_password_of_a_database_url(cli, tmp_path, company, mail):
    env = mail_project(tmp_path, company, mail,
                       "settings:\n  ledger: postgresql://probes:${LEDGER_PASSWORD}@127.0.0.1:1/probes\n")
    secret = "s3cret-ledger-pw"
    done = cli("harvest", cwd=tmp_path, env={**env, "LEDGER_PASSWORD": secret})
    assert "Ledger: postgresql://probes:***@127.0.0.1:1/probes" in done.stderr
    assert secret not in done.stdout + done.stderr
    assert done.returncode == 3 and "Cannot open the ledger" in done.stderr   # nothing listens there
    assert "Traceback" not in done.stderr
