"""settings.browser.trace: each value keeps the evidence it promises (real Chromium, demo company on loopback)."""
import zipfile

import pytest
import yaml

from probes.config import BrowserSettings

HEALTHY = """
    name: Enquiry
    persona: {name: Jane Doe, email: jane@example.com}
    target: demo
    steps:
      - id: enquiry
        channel: web_form
        url: "{target.website}/contact"
        fields:
          - {label: Your name, value: "{persona.name}"}
          - {placeholder: you@example.com, value: "{persona.email}"}
          - {label: Your message, value: "How long does delivery take? {token}"}
        submit: {text: Send message}
        expect: {text: We have received your message, within: 20s}
"""
FAILING = """
    name: Return (the demo's form answers HTTP 500)
    persona: {name: Jane Doe, email: jane@example.com}
    target: demo
    steps:
      - id: return-request
        channel: web_form
        url: "{target.website}/returns"
        fields:
          - {label: Your name, value: "{persona.name}"}
          - {label: Email address, value: "{persona.email}"}
          - {label: Order number, value: NW-58213}
          - {label: Reason, value: "The lid is cracked. {token}"}
        submit: {text: Request return}
        expect: {text: received, within: 20s}
"""


def _with_trace(config, mode):
    config.settings.browser.trace = mode
    return config


def _evidence(ran, reports):
    """{kind: [paths]} of the run's evidence, each file checked to be there."""
    kinds: dict[str, list] = {}
    for e in ran.rows["evidence"]:
        path = reports / e["path"]
        assert path.is_file() and path.stat().st_size > 0
        kinds.setdefault(e["kind"], []).append(path)
    return kinds


def _frames(trace_zip) -> int:
    """Screencast frames in a trace (Playwright stores each as a JPEG resource)."""
    return sum(n.endswith(".jpeg") for n in zipfile.ZipFile(trace_zip).namelist())


@pytest.mark.parametrize(("text", "mode"), [("on", "on"), ("off", "off"), ("true", "on"), ("false", "off"),
                                            ("on_failure", "on_failure"), ("full", "full")])
def test_trace_setting_reads_yaml_words(text, mode):
    # YAML reads an unquoted on/off as a boolean: both spellings mean the same.
    assert BrowserSettings.model_validate(yaml.safe_load(f"trace: {text}")).trace == mode


def test_default_trace_has_snapshots_but_no_frame_by_frame_screenshots(run_journeys, config, reports):
    assert config.settings.browser.trace == "on"
    ran = run_journeys(HEALTHY)
    assert ran.result.exit_code == 0, ran.rows["findings"]
    kinds = _evidence(ran, reports)
    assert len(kinds["screenshot"]) == 2  # before and after sending, taken by the step itself
    (trace,) = kinds["trace"]
    names = zipfile.ZipFile(trace).namelist()
    assert any(n.endswith(".trace") for n in names) and any(n.endswith(".network") for n in names)
    assert _frames(trace) == 0


def _traced_calls(trace_zip) -> list[str]:
    """The Playwright calls a trace shows, in order (its "before" events)."""
    import json

    with zipfile.ZipFile(trace_zip) as z:
        name = next(n for n in z.namelist() if n.endswith(".trace"))
        events = [json.loads(line) for line in z.read(name).decode().splitlines() if line.strip()]
    return [e["method"] for e in events if e.get("type") == "before"]


def test_trace_tells_the_customers_story_not_the_probers_looking(run_journeys, config, reports):
    # What the customer did (open, type, press send) is in the trace with its DOM snapshots; the prober's
    # own reading of labels, polling for the confirmation and screenshots are not (each one traced cost
    # two DOM snapshots and made the step a third slower than a hand-written script).
    ran = run_journeys(HEALTHY)
    assert ran.result.exit_code == 0, ran.rows["findings"]
    (trace,) = _evidence(ran, reports)["trace"]
    calls = _traced_calls(trace)
    assert calls.count("fill") == 3 and calls.count("click") == 1 and "goto" in calls
    assert calls.index("goto") < calls.index("fill") < calls.index("click")
    prober_own = {"evalOnSelectorAll", "evaluateExpression", "waitForFunction", "screenshot", "queryCount",
                  "innerText"}
    assert not prober_own & set(calls), calls


def test_full_trace_has_the_screencast(run_journeys, config, reports):
    ran = run_journeys(HEALTHY, cfg=_with_trace(config, "full"))
    assert ran.result.exit_code == 0
    (trace,) = _evidence(ran, reports)["trace"]
    assert _frames(trace) > 0


def test_trace_off_keeps_screenshots_only(run_journeys, config, reports):
    ran = run_journeys(HEALTHY, cfg=_with_trace(config, "off"))
    assert ran.result.exit_code == 0
    kinds = _evidence(ran, reports)
    assert set(kinds) == {"screenshot"} and len(kinds["screenshot"]) == 2
    assert not list(reports.rglob("*.zip"))


def test_trace_on_failure_is_kept_only_for_the_step_that_failed(run_journeys, config, reports):
    ran = run_journeys(HEALTHY, FAILING, cfg=_with_trace(config, "on_failure"))
    assert ran.result.exit_code == 1
    status = {s["id"]: s["status"] for s in ran.steps}
    traces = [e for e in ran.rows["evidence"] if e["kind"] == "trace"]
    assert [status[e["step_id"]] for e in traces] == ["failed"]
    assert len(list(reports.rglob("*.zip"))) == 1
    assert len([e for e in ran.rows["evidence"] if e["kind"] == "screenshot"]) == 4  # both steps keep theirs
