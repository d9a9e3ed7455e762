"""web_form against real Chromium and the demo company on loopback: the healthy path and every fault."""
import zipfile


HEALTHY = """
    name: Healthy enquiry
    persona: {name: Jane Doe, email: jane@example.com}
    target: demo
    steps:
      - id: enquiry
        channel: web_form
        url: "{target.website}/contact"
        fields:
          - label: Your name
            value: "{persona.name}"
          - placeholder: you@example.com
            value: "{persona.email}"
          - label: Topic
            value: Billing
          - label: Your message
            value: "Where is my refund? ref {token}"
        submit: {text: Send message}
        expect: {text: We have received your message, url: /contact/thanks, within: 10s}
        save: {reference: "Your reference is (NW-\\\\d+)"}
"""


def simple(path: str, fields: list[tuple[str, str]], button: str, within: str = "10s", extra: str = "") -> str:
    lines = "\n".join(f"          - label: {label}\n            value: \"{value}\"" for label, value in fields)
    return f"""
    name: Form at {path}
    persona: {{name: Sam Taylor, email: sam@example.com, phone: "+441632960000"}}
    target: demo
    steps:
      - id: form
        channel: web_form
        url: "{{target.website}}{path}"
        fields:
{lines}
        submit: {{text: {button}}}
        expect: {{text: received, within: {within}}}
{extra}"""


def test_healthy_form_confirms_saves_reference_and_keeps_evidence(run_journeys, company, reports):
    before = len(company.inbox)
    ran = run_journeys(HEALTHY)
    assert ran.result.exit_code == 0
    (step,) = ran.steps
    assert step["status"] == "passed" and ran.rows["findings"] == []
    # Measured (how fast is the machine's business: tests/benchmarks/web_form_overhead.py).
    assert step["measurements"]["page_load_s"] > 0 and step["measurements"]["submit_to_confirmation_s"] > 0
    assert step["observations"]["reachable"] is True
    # The company really got the message, with the persona's details and the contact's token.
    (msg,) = company.inbox[before:]
    (contact,) = ran.rows["contacts"]
    assert msg["fields"]["name"] == "Jane Doe" and msg["fields"]["topic"] == "Billing"
    assert contact["token"] in msg["fields"]["message"]
    assert contact["status"] == "sent" and contact["sent_at"] is not None
    assert contact["destination"] == f"{company.base_url}/contact"
    # Evidence: two screenshots that are PNGs and a trace Playwright can open.
    kinds = sorted(e["kind"] for e in ran.rows["evidence"])
    assert kinds == ["screenshot", "screenshot", "trace"]
    for e in ran.rows["evidence"]:
        path = reports / e["path"]
        assert path.stat().st_size == e["bytes"] > 0
        if e["kind"] == "screenshot":
            assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        else:
            assert any(n.endswith(".trace") for n in zipfile.ZipFile(path).namelist())


def test_saved_reference_flows_into_a_later_step(run_journeys, company):
    second = HEALTHY + """
      - id: follow-up
        channel: web_form
        url: "{target.website}/contact"
        fields:
          - label: Your name
            value: "{persona.name}"
          - label: Email address
            value: "{persona.email}"
          - label: Your message
            value: "Following up on {steps.enquiry.reference}"
        expect: {text: We have received your message}
"""
    before = len(company.inbox)
    ran = run_journeys(second)
    assert ran.result.exit_code == 0
    first, follow = company.inbox[before:]
    assert follow["fields"]["message"] == f"Following up on {first['reference']}"


def test_server_error_on_submit_is_a_critical_finding(run_journeys, company):
    ran = run_journeys(simple("/returns", [("Your name", "Omar"), ("Email address", "o@example.com"),
                                           ("Order number", "NW-1"), ("Reason", "broken")], "Request return"))
    assert ran.result.exit_code == 1
    (f,) = ran.findings("web_form.http_error")
    assert f["severity"] == "critical" and "500" in f["title"] and "POST" in f["snippet"]
    assert ran.steps[0]["observations"]["reachable"] is False
    assert "web_form.console_error" not in ran.checks()  # the 500 is reported once, not twice


def test_thanks_without_reference_is_caught_and_console_errors_noted(run_journeys, company):
    scenario = simple("/feedback", [("Your name", "Li"), ("Email address", "li@example.com"),
                                    ("Your feedback", "great")], "Send feedback").replace(
        "text: received", "text: Thanks") + '        save: {reference: "reference is ([A-Z]+-\\\\d+)"}\n'
    ran = run_journeys(scenario)
    assert ran.result.exit_code == 1
    assert ran.checks() == {"web_form.not_saved", "web_form.console_error"}
    (console,) = ran.findings("web_form.console_error")
    assert console["severity"] == "minor" and "nwAnalytics" in console["snippet"]


def test_placeholder_in_confirmation_is_found(run_journeys):
    ran = run_journeys(simple("/callback", [("Your name", "Margaret"), ("Phone number", "+441632960123")],
                              "Request call back").replace("text: received", "text: thank you for your request"))
    (found,) = ran.findings("placeholder")   # one finding for the two placeholders of the one page
    assert found["title"] == "Unreplaced placeholder [name], %PHONE% (2 places)"
    assert len(found["snippets"]) == 2 and all("Dear [name]" in s for s in found["snippets"])
    assert ran.result.exit_code == 1


def test_required_field_the_label_does_not_mention(run_journeys, company):
    before = len(company.inbox)
    ran = run_journeys(simple("/complaints", [("Your name", "Sam"), ("Email address", "s@example.com"),
                                              ("Describe your complaint", "late")], "Submit complaint"))
    (f,) = ran.findings("web_form.validation")
    assert f["severity"] == "major"
    assert "'Phone'" in f["detail"] and "label does not say so" in f["detail"]
    assert len(company.inbox) == before


def test_captcha_that_blocks_the_customer(run_journeys):
    ran = run_journeys(simple("/quote", [("Your name", "Priya"), ("Email address", "p@example.com"),
                                         ("Product", "DW-400")], "Get my quote"))
    (f,) = ran.findings("web_form.captcha")
    assert f["severity"] == "major" and "not a robot" in f["snippet"]
    assert ran.steps[0]["observations"]["captcha"]


def test_submit_that_never_confirms_times_out_at_the_deadline(run_journeys):
    ran = run_journeys(simple("/order-help", [("Your name", "Tomás"), ("Email address", "t@example.com"),
                                              ("Order number", "NW-2"), ("Question", "where?")], "Send",
                              within="2s"))
    (f,) = ran.findings("web_form.no_confirmation")
    assert f["severity"] == "critical" and "2 s" in f["title"]
    step = ran.steps[0]
    # It gave up at its own deadline, not when the stalled server finally answered (no wall-clock bound:
    # the machine may be busy).
    assert step["observations"]["result"] == "timeout"
    assert "submit_to_confirmation_s" not in step["measurements"]


def test_missing_page_is_an_http_error_and_nothing_is_sent(run_journeys):
    ran = run_journeys(simple("/old-contact", [("Your name", "Helen")], "Send"))
    (f,) = ran.findings("web_form.http_error")
    assert "404" in f["title"]
    assert ran.rows["contacts"][0]["status"] == "not_sent"


def test_unreachable_site_is_retried_then_reported(run_journeys, config):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config.targets["demo"].allowlist.append(f"http://127.0.0.1:{port}/")
    ran = run_journeys(f"""
        name: Unreachable
        persona: {{name: Jane}}
        target: demo
        steps:
          - channel: web_form
            url: http://127.0.0.1:{port}/contact
            retries: 1
            fields: [{{label: Name, value: Jane}}]
            expect: {{text: ok}}
        """)
    (f,) = ran.findings("web_form.unreachable")
    assert f["severity"] == "critical" and "ERR_CONNECTION_REFUSED" in f["snippet"]
    assert len(ran.steps[0]["observations"]["load_attempts"]) == 2


def test_every_locator_kind_checkbox_and_select(run_journeys, config, page_server):
    site = page_server({"/form": """<!doctype html><html><body><form method=post action=/send>
        <label for=n>Full name</label><input id=n name=fullname>
        <input name=mail placeholder="name@domain">
        <input name=phone>
        <textarea id=msg name=message></textarea>
        <label><input type=checkbox name=consent value=yes> I agree to the terms</label>
        <label for=t>Topic</label><select id=t name=topic><option>Sales</option><option>Support</option></select>
        <button class=go>Go</button></form></body></html>"""})
    config.targets["demo"].allowlist.append(site.base_url + "/")
    ran = run_journeys(f"""
        name: Locators
        persona: {{name: Ada Lovelace, email: ada@example.com, phone: "+441632960999"}}
        target: demo
        steps:
          - channel: web_form
            url: {site.base_url}/form
            fields:
              - {{label: Full name, value: "{{persona.name}}"}}
              - {{placeholder: name@domain, value: "{{persona.email}}"}}
              - {{name: phone, value: "{{persona.phone}}"}}
              - {{selector: "#msg", value: "token {{token}}"}}
              - {{label: I agree to the terms, check: true}}
              - {{label: Topic, value: Support}}
            submit: {{selector: button.go}}
            expect: {{text: message received}}
        """)
    assert ran.result.exit_code == 0, ran.rows["findings"]
    (path, posted) = site.posts[0]
    token = ran.rows["contacts"][0]["token"]
    assert path == "/send"
    assert posted == {"fullname": "Ada Lovelace", "mail": "ada@example.com", "phone": "+441632960999",
                      "message": f"token {token}", "consent": "yes", "topic": "Support"}


def test_form_posting_outside_the_allowlist_is_blocked(run_journeys, config, page_server):
    elsewhere = page_server({})
    site = page_server({"/form": f"""<!doctype html><html><body>
        <form method=post action="{elsewhere.base_url}/collect">
        <label for=n>Name</label><input id=n name=name><button>Send</button></form></body></html>"""})
    config.targets["demo"].allowlist.append(site.base_url + "/")
    ran = run_journeys(f"""
        name: Third-party form handler
        persona: {{name: Jane}}
        target: demo
        steps:
          - channel: web_form
            url: {site.base_url}/form
            fields: [{{label: Name, value: Jane}}]
            expect: {{text: received, within: 3s}}
        """)
    assert elsewhere.posts == []  # nothing left the allowlist
    # The prober's safety rule stopped the sending: the step cannot be judged, and says what to allowlist.
    (step,) = ran.steps
    assert ran.result.exit_code == 3 and step["status"] == "error"
    assert f"{elsewhere.base_url}/collect" in step["error"]
    assert ran.rows["findings"] == []


def test_field_that_is_not_on_the_page_is_a_finding_not_a_crash(run_journeys, company, config):
    config.settings.browser.action_timeout_s = 5   # how long it is waited for (default 30 s)
    ran = run_journeys(simple("/contact", [("Fax number", "123")], "Send message"))
    (f,) = ran.findings("web_form.field_missing")
    assert "Fax number" in f["title"]
    assert ran.steps[0]["status"] == "failed" and ran.rows["contacts"][0]["status"] == "not_sent"


def test_a_browser_that_cannot_start_is_a_prober_error_not_a_finding(run_journeys, config):
    config.settings.browser.executable_path = "/nonexistent/chromium"
    ran = run_journeys(HEALTHY)
    assert ran.result.exit_code == 3
    (step,) = ran.steps
    assert step["status"] == "error" and "could not start Chromium" in step["error"]
    assert ran.rows["findings"] == []
    # Nothing reached the company: the contact is 'not_sent' and the journey 'not_started', so a resumed
    # run (--run-id) makes it.
    assert ran.rows["contacts"][0]["status"] == "not_sent"
    assert ran.rows["journeys"][0]["status"] == "not_started"


def test_confirmation_words_already_on_the_form_page_do_not_count(run_journeys, config, page_server):
    site = page_server({"/form": """<!doctype html><html><body>
        <p>Every message received is answered within a day.</p>
        <form method=post action=/send onsubmit="return false">
        <label for=n>Name</label><input id=n name=name><button>Send</button></form></body></html>"""})
    config.targets["demo"].allowlist.append(site.base_url + "/")
    ran = run_journeys(f"""
        name: Dead send button
        persona: {{name: Jane}}
        target: demo
        steps:
          - channel: web_form
            url: {site.base_url}/form
            fields: [{{label: Name, value: Jane}}]
            expect: {{text: received, within: 2s}}
        """)
    assert ran.checks() == {"web_form.no_confirmation"}
    assert site.posts == []


# --- the prober's trouble is not the company's fault: slow fields, pages that never finish loading ----------

def form_at(url: str, fields: str = "[{label: Your name, value: Jane}]", extra: str = "") -> str:
    return f"""
        name: Slow form
        persona: {{name: Jane}}
        target: demo
        steps:
          - id: form
            channel: web_form
            url: {url}
            fields: {fields}
            submit: {{text: Send message}}
            expect: {{text: received, within: 5s}}
{extra}"""


def assert_could_not_tell(ran, *words: str) -> str:
    """The step is a prober error that names what it could not tell; nothing is blamed on the company."""
    from probes.report import build_results

    assert ran.rows["findings"] == [] and ran.result.exit_code == 3
    (step,) = ran.steps
    assert step["status"] == "error" and "could not tell" in step["error"], step["error"]
    for w in words:
        assert w in step["error"], step["error"]
    # Nothing was sent, so a resumed run makes the contact; the journey never reached the company.
    assert [c["status"] for c in ran.rows["contacts"]] == ["not_sent"]
    assert ran.rows["journeys"][0]["status"] == "not_started"
    # The report's "Prober errors" lists it, with its journey and step.
    (error,) = build_results(ran.ledger, ran.result.run_id)["errors"]
    assert error["journey"] == "Slow form" and error["step"] == "form" and error["message"] == step["error"]
    return step["error"]


def test_a_field_that_is_truly_absent_from_a_loaded_page_is_a_finding_even_with_a_tiny_timeout(
        run_journeys, config):
    config.settings.browser.action_timeout_s = 0.3
    ran = run_journeys(simple("/contact", [("Fax number", "123")], "Send message"))
    (f,) = ran.findings("web_form.field_missing")
    assert f["title"] == "The form has no field with label 'Fax number'"
    assert "had finished loading" in f["detail"] and "label 'Fax number'" in f["detail"]
    assert ran.steps[0]["status"] == "failed" and ran.result.exit_code == 1
    assert ran.rows["contacts"][0]["status"] == "not_sent"


def test_a_field_that_shows_only_after_the_time_limit_is_a_prober_error(run_journeys, config):
    from browser_faults import FaultSite

    late = """<!doctype html><html><body><form method=post action=/send>
        <label for=n>Your name</label><input id=n name=name style="display:none">
        <button>Send message</button></form>
        <script>setTimeout(() => { document.getElementById('n').style.display = ''; }, 8000)</script></body></html>"""
    config.settings.browser.action_timeout_s = 0.3
    with FaultSite(pages={"/late": late}) as site:
        config.targets["demo"].allowlist.append(site.base_url + "/")
        ran = run_journeys(form_at(f"{site.base_url}/late"))
        message = assert_could_not_tell(ran, "label 'Your name'", "on the page", "action_timeout_s")
        assert site.posts == []
    assert "nothing was sent" in message


def test_a_field_that_waits_for_a_slow_request_is_a_prober_error(run_journeys, config):
    from browser_faults import FaultSite

    fetched = """<!doctype html><html><body><form method=post action=/send><div id=slot></div>
        <button>Send message</button></form>
        <script>fetch('/slow?s=30').then(() => { document.getElementById('slot').innerHTML =
            '<label for=n>Your name</label><input id=n name=name>'; })</script></body></html>"""
    config.settings.browser.action_timeout_s = 0.3
    with FaultSite(pages={"/fetched": fetched}) as site:
        config.targets["demo"].allowlist.append(site.base_url + "/")
        ran = run_journeys(form_at(f"{site.base_url}/fetched"))
        assert_could_not_tell(ran, "label 'Your name'", "still loading", "/slow")


def test_a_send_button_that_stays_disabled_past_the_time_limit_is_a_prober_error(run_journeys, config):
    from browser_faults import FaultSite

    disabled = """<!doctype html><html><body><form method=post action=/send>
        <label for=n>Your name</label><input id=n name=name>
        <button id=b disabled>Send message</button></form>
        <script>setTimeout(() => { document.getElementById('b').disabled = false; }, 8000)</script></body></html>"""
    config.settings.browser.action_timeout_s = 2
    with FaultSite(pages={"/disabled": disabled}) as site:
        config.targets["demo"].allowlist.append(site.base_url + "/")
        ran = run_journeys(form_at(f"{site.base_url}/disabled"))
        assert_could_not_tell(ran, "button 'Send message'", "on the page")
        assert site.posts == []


def test_a_page_that_never_finishes_loading_is_a_prober_error(run_journeys, config):
    from browser_faults import FaultSite

    hanging = """<!doctype html><html><body><img src="/hang"><form method=post action=/send>
        <label for=n>Your name</label><input id=n name=name><button>Send message</button></form></body></html>"""
    config.settings.browser.load_timeout_s = 2
    with FaultSite(pages={"/hanging": hanging}) as site:
        config.targets["demo"].allowlist.append(site.base_url + "/")
        ran = run_journeys(form_at(f"{site.base_url}/hanging", extra="            retries: 0\n"))
        assert_could_not_tell(ran, "did not finish loading within 2 s", "load_timeout_s")


def test_a_page_that_never_answers_is_a_prober_error_after_retries_too(run_journeys, config):
    """The retry of a timed-out load is aborted by the browser itself (net::ERR_ABORTED on the same tab):
    that is no proof the company's page is down, so still "could not tell", never "could not be opened"."""
    import socket

    config.settings.browser.load_timeout_s = 2
    with socket.socket() as silent:  # accepts connections (the kernel's backlog) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        base = f"http://127.0.0.1:{silent.getsockname()[1]}"
        config.targets["demo"].allowlist.append(base + "/")
        ran = run_journeys(form_at(f"{base}/contact", extra="            retries: 1\n"))
        assert_could_not_tell(ran, "did not finish loading within 2 s", "2 attempt(s)")
