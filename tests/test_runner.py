"""The runner: contacts recorded before they are made, journeys stop at a failure, concurrency is bounded."""
import asyncio

from probes.channels import web_form

FORM = """
    name: {name}
    persona: {{name: Jane Doe, email: jane@example.com}}
    target: demo
    steps:
      - id: first
        channel: web_form
        url: "{{target.website}}/{page}"
        fields:
          - label: Your name
            value: "{{persona.name}}"
          - label: Email address
            value: "{{persona.email}}"
          - label: {message_label}
            value: "hello {{token}}"
        expect: {{text: "{confirm}", within: 5s}}
      - id: second
        channel: web_form
        url: "{{target.website}}/contact"
        fields:
          - label: Your name
            value: "{{persona.name}}"
          - label: Email address
            value: "{{persona.email}}"
          - label: Your message
            value: "second"
        expect: {{text: We have received your message}}
"""


def test_contact_row_is_written_before_the_contact_is_made(run_journeys, monkeypatch):
    seen = []
    real_run = web_form.run

    async def spy(step, ctx):
        # At the moment the channel starts, the ledger already holds the contact as planned.
        ledger = spy.ledger
        seen.append([(c["status"], c["destination"]) for c in ledger.run_rows(ledger.latest_run_id())["contacts"]])
        return await real_run(step, ctx)

    from probes import runner as runner_module

    original_init = runner_module.Runner.__init__

    def init(self, config, ledger, *a, **kw):
        spy.ledger = ledger
        original_init(self, config, ledger, *a, **kw)

    monkeypatch.setattr(runner_module.Runner, "__init__", init)
    monkeypatch.setitem(runner_module.channels.REGISTRY, "web_form", type("M", (), {"run": staticmethod(spy)}))
    ran = run_journeys(FORM.format(name="Two steps", page="contact", message_label="Your message",
                                   confirm="We have received your message"))
    assert ran.result.exit_code == 0
    assert seen[0][-1][0] == "planned" and seen[0][-1][1].endswith("/contact")
    assert [c["status"] for c in ran.rows["contacts"]] == ["sent", "sent"]


def test_journey_stops_at_a_failed_step_and_says_why(run_journeys, company):
    before = len(company.inbox)
    ran = run_journeys(FORM.format(name="Fails first", page="returns", message_label="Reason",
                                   confirm="received"))
    assert ran.result.exit_code == 1
    first, second = ran.steps
    assert first["status"] == "failed"
    assert second["status"] == "skipped" and "step 'first' failed" in second["error"]
    assert len(ran.rows["contacts"]) == 1 and len(company.inbox) == before
    assert ran.rows["journeys"][0]["status"] == "failed"


def test_concurrency_limit_is_respected(run_journeys, monkeypatch):
    from probes import runner as runner_module

    active, peak = [0], [0]
    real_run = web_form.run

    async def counting(step, ctx):
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        try:
            await asyncio.sleep(0.3)
            return await real_run(step, ctx)
        finally:
            active[0] -= 1

    monkeypatch.setitem(runner_module.channels.REGISTRY, "web_form", type("M", (), {"run": staticmethod(counting)}))
    one = FORM.format(name="J", page="contact", message_label="Your message",
                      confirm="We have received your message").split("      - id: second")[0]
    ran = run_journeys(*[one.replace("name: J", f"name: J{i}") for i in range(4)], concurrency=2)
    assert ran.result.exit_code == 0
    assert peak[0] == 2
    assert len(ran.rows["journeys"]) == 4


def test_exit_code_prefers_prober_errors_over_findings():
    from probes.runner import RunResult

    assert RunResult("r", {"a": "passed"}).exit_code == 0
    assert RunResult("r", {"a": "passed", "b": "failed"}).exit_code == 1
    assert RunResult("r", {"a": "failed", "b": "error"}).exit_code == 3
