"""--junit: the results as JUnit XML that CI servers read, valid against the schemas they use.

The schemas are vendored in tests/data/junit/ (Jenkins xUnit plugin's junit-10.xsd, Apache Ant's JUnit.xsd).
A night written through the Ledger API covers every kind of step; `probes report` writes both exports from
the ledger for any run; a path that cannot be written is refused before anyone is contacted; and a real
nightly run against the demo company shows a real finding becoming a failure with its check id, a real
prober error becoming an error, and an export that fails after the run said without hiding the exit code.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from probes.report import build_results
from probes.report.junit import write_junit

from .exports_ledger import CHROMIUM_GONE, PREFLIGHT_ERROR, RUN_ID, write_night

xmlschema = pytest.importorskip("xmlschema")
SCHEMAS = Path(__file__).resolve().parent.parent / "data" / "junit"


@pytest.fixture(scope="module")
def night(tmp_path_factory):
    base = tmp_path_factory.mktemp("night")
    led, run_id = write_night(base / "ledger.sqlite3", base / "reports")
    yield {"ledger": led, "run_id": run_id, "base": base, "results": build_results(led, run_id)}
    led.close()


def valid_junit(path: Path) -> ET.Element:
    """Validate against both schemas CI servers read, and return the parsed document."""
    for name in ("jenkins-junit-10.xsd", "ant-junit.xsd"):
        xmlschema.XMLSchema(SCHEMAS / name).validate(str(path))
    return ET.parse(path).getroot()


def suite(root: ET.Element, journey: str) -> ET.Element:
    return next(s for s in root.iter("testsuite") if s.get("name", "").startswith(journey + " ("))


def case(root: ET.Element, journey: str, step: str) -> ET.Element:
    return next(c for c in suite(root, journey).iter("testcase") if c.get("name", "").startswith(step))


def test_a_night_as_junit_one_suite_per_journey_and_one_case_per_step(night, tmp_path):
    root = valid_junit(write_junit(night["results"], tmp_path / "ci" / "junit.xml"))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "Contact form works (Northwind Appliances)", "Returns form crashes (Northwind Appliances)",
        "Email answered (Acme Ltd)", "Chat widget (Acme Ltd)", "Phone line (Northwind Appliances)",
        "SMS order question (Acme Ltd)", "Email still waiting (Northwind Appliances)"]
    props = {p.get("name"): p.get("value") for p in suites[0].iter("property")}
    assert props["run_id"] == RUN_ID and props["run_kind"] == "nightly" and props["run_status"] == "error"
    assert props["run_started_at"] == "2026-03-02T02:00:00.000Z" and props["target"] == "northwind"
    assert suites[0].get("timestamp") == "2026-03-02T02:00:00"   # UTC, in the form Ant's schema allows

    # A step that passed: a bare test case, timed as the step; its info finding is in the suite's output.
    passed = case(root, "Contact form works", "enquiry")
    assert passed.get("name") == "enquiry (web_form)" and passed.get("time") == "3.500"
    assert passed.get("classname") == "Contact form works/northwind" and list(passed) == []
    assert "[info] web_form.blocked: A tracker was blocked" in suite(root, "Contact form works").findtext("system-out")

    # A failed step: one failure, the most severe finding first, every finding in its text.
    failed = case(root, "Returns form crashes", "returns")
    failure = failed.find("failure")
    assert failure is not None and failed.find("error") is None
    assert failure.get("type") == "web_form.http_error"
    assert failure.get("message") == "Sending the form failed with HTTP 500 (+1 more)"
    text = failure.text or ""
    assert text.index("[critical] web_form.http_error") < text.index("[minor] placeholder: Unreplaced placeholder")
    assert "POST /returns answered 500" in text and "What the customer saw: Internal Server Error" in text
    assert "What the customer saw: Dear %NAME%\ufffd," in text   # a control character XML cannot carry
    skipped = case(root, "Returns form crashes", "follow-up")
    assert skipped.find("skipped").get("message") == "not run: step 'returns' failed with a critical finding"
    crashed = suite(root, "Returns form crashes")
    assert (crashed.get("tests"), crashed.get("failures"), crashed.get("errors"), crashed.get("skipped")) == (
        "2", "1", "0", "1")

    # The prober's own trouble is an error, never a failure: in a step, and before any step (preflight).
    chat = case(root, "Chat widget", "chat")
    assert chat.find("failure") is None and chat.find("error").get("type") == "prober_error"
    assert CHROMIUM_GONE in chat.find("error").get("message")
    preflight = case(root, "SMS order question", "(journey)")
    assert preflight.find("error").get("type") == "prober_error" and PREFLIGHT_ERROR in preflight.find("error").text
    assert case(root, "SMS order question", "text").find("skipped") is not None
    assert suite(root, "SMS order question").get("errors") == "1"

    # An answer still awaited is no verdict yet: skipped, saying so.
    waiting = case(root, "Email still waiting", "wait")
    assert waiting.find("skipped").get("message").startswith("pending: waiting for the company's answer")
    assert case(root, "Email still waiting", "ask").find("skipped") is None

    totals = {k: sum(int(s.get(k)) for s in suites) for k in ("tests", "failures", "errors", "skipped")}
    assert totals == {"tests": 11, "failures": 1, "errors": 2, "skipped": 3}


def test_report_writes_both_exports_for_any_run_from_the_ledger(cli, night, tmp_path):
    ledger = f"sqlite:///{night['base'] / 'ledger.sqlite3'}"
    junit, metrics = tmp_path / "ci" / "junit.xml", tmp_path / "textfile" / "probes.prom"
    done = cli("report", "--ledger", ledger, "--run", RUN_ID, "--out", str(tmp_path / "html"),
               "--junit", str(junit), "--metrics", str(metrics), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"JUnit:   {junit}" in done.stdout and f"Metrics: {metrics}" in done.stdout
    root = valid_junit(junit)
    assert case(root, "Returns form crashes", "returns").find("failure").get("type") == "web_form.http_error"
    assert f'run_id="{RUN_ID}"' in metrics.read_text(encoding="utf-8")


def test_a_path_that_cannot_be_written_is_bad_input_before_anything_is_contacted(cli, tmp_path, company):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    (tmp_path / "probes.yaml").write_text(f"""
targets:
  demo:
    name: Demo
    endpoints: {{website: "{company.base_url}"}}
    allowlist: ["{company.base_url}/"]
""")
    (tmp_path / "s.yaml").write_text("""
name: Enquiry
persona: {name: Jane Doe, email: jane@example.com}
target: demo
steps:
  - id: enquiry
    channel: web_form
    url: "{target.website}/contact"
    fields:
      - {label: Your message, value: "hello {token}"}
    expect: {text: We have received your message}
""")
    before = len(company.inbox)
    done = cli("run", "s.yaml", "--metrics", str(blocker / "probes.prom"), cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert (f"Cannot write --metrics {blocker / 'probes.prom'}: {blocker} is a file, not a folder; "
            "nothing was contacted.") in done.stderr
    assert len(company.inbox) == before and not (tmp_path / "ledger.sqlite3").exists()


RETURNS_CRASH = """
name: Returns crash
persona: {name: Omar, email: omar@example.com}
target: demo
steps:
  - id: returns
    channel: web_form
    url: "{target.website}/returns"
    fields:
      - {label: Your name, value: "{persona.name}"}
      - {label: Email address, value: "{persona.email}"}
      - {label: Order number, value: NW-1}
      - {label: Reason, value: broken}
    expect: {text: received, within: 5s}
"""
NO_SUCH_FRAME = """
name: Form in a frame that is not there
persona: {name: Omar, email: omar@example.com}
target: demo
steps:
  - id: enquiry
    channel: web_form
    url: "{target.website}/contact"
    frame: "iframe#nowhere"
    fields:
      - {label: Your message, value: "hello {token}"}
    expect: {text: We have received your message}
"""


def test_a_real_run_finding_is_a_failure_a_prober_error_an_error_and_a_failed_export_is_said(cli, tmp_path,
                                                                                             company):
    """A nightly run against the demo company: a crashing form (a finding) and a scenario that does not fit
    the page (a prober error). Its evidence folder takes the --metrics path while the run goes on, so that
    write fails after the check: said on stderr, the report and --junit written, the run's own exit code kept."""
    from probes.results import utcnow

    # (a nightly run re-runs both journeys: after a second's pause, not the default 30 s; the missing frame
    # is waited for 5 s, not the default 30)
    (tmp_path / "probes.yaml").write_text(f"""
settings: {{rerun_pause_s: 1, browser: {{action_timeout_s: 5}}}}
targets:
  demo:
    name: Demo
    endpoints: {{website: "{company.base_url}"}}
    allowlist: ["{company.base_url}/"]
""")
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "returns.yaml").write_text(RETURNS_CRASH)
    (tmp_path / "scenarios" / "frame.yaml").write_text(NO_SUCH_FRAME)
    run_id = f"nightly-{utcnow():%Y%m%d}"
    taken = tmp_path / "reports" / "evidence" / run_id   # the run makes this folder
    done = cli("nightly", "scenarios", "--metrics", str(taken), "--junit", "ci/junit.xml", cwd=tmp_path)
    if f"nightly-{utcnow():%Y%m%d}" != run_id:
        pytest.skip("the night changed during the run")
    assert done.returncode == 3, done.stderr   # the prober error's 3, not hidden by the export's trouble
    assert f"Could not write --metrics {taken}: Is a directory. The run is recorded in the ledger; " \
           f"`probes report --run {run_id} --metrics FILE` writes it again." in done.stderr
    assert f"JUnit:   {tmp_path / 'ci' / 'junit.xml'}" in done.stdout and "Report: " in done.stdout

    root = valid_junit(tmp_path / "ci" / "junit.xml")
    failure = case(root, "Returns crash", "returns").find("failure")
    assert failure is not None and failure.get("type") == "web_form.http_error"
    assert failure.get("message").startswith("Sending the form failed with HTTP 500")
    assert "[critical] web_form.http_error" in failure.text
    frame = case(root, "Form in a frame that is not there", "enquiry")
    assert frame.find("failure") is None
    error = frame.find("error")
    assert error is not None and error.get("type") == "prober_error"
    assert "the scenario does not fit the page" in error.get("message")
    props = {p.get("name"): p.get("value") for p in root.find("testsuite").iter("property")}
    assert props["run_id"] == run_id and props["run_kind"] == "nightly"
