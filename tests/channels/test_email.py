"""email against a real SMTP relay, the demo company's mail desk and a real Dovecot, all on loopback."""
import email
import email.policy

import pytest


QUESTION = """
    name: {name}
    persona: {{name: Jane Doe, email: jane@example.com}}
    target: demo
    steps:
      - id: question
        channel: email
        to: {to}
        subject: Delivery time for a washing machine
        body: "Hello, how long does delivery to Leeds take? Jane"
        expect: {{ack_within: {ack}, human_within: {human}}}
"""


def question(to="support@northwind.example", ack="5s", human="10s", name="Email"):
    return QUESTION.format(to=to, ack=ack, human=human, name=name)


@pytest.fixture
def run_mail(run_journeys, mail_config):
    def run(*scenarios, wait_s=8.0):
        return run_journeys(*scenarios, cfg=mail_config, wait_s=wait_s)
    return run


def by_kind(ran) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in ran.rows["responses"]:
        out.setdefault(r["kind"], []).append(r)
    return out


def test_email_is_sent_acknowledged_and_answered_with_measured_times(run_mail, mail, reports):
    ran = run_mail(question())
    assert ran.result.exit_code == 0 and ran.rows["journeys"][0]["status"] == "passed"
    (contact,) = ran.rows["contacts"]
    assert contact["status"] == "sent" and contact["server_answer"].startswith("250")
    assert contact["reply_address"] == f"shopper+{contact['token']}@mystery.example"
    # What the company received carries the token in subject and body, and the reply address.
    (got,) = mail.desk.received
    assert contact["token"] in got["subject"] and got["message_id"] == contact["message_id"]
    kinds = by_kind(ran)
    (auto,) = kinds["auto"]   # why names every piece of evidence, the strongest first
    assert auto["kind_reason"].startswith("Auto-Submitted: auto-replied; ") and "says “This is an automatic reply”" \
        in auto["kind_reason"]
    assert len(kinds["human"]) == 1 and kinds["human"][0]["matched_by"] == "reply_address"
    # Measured times agree with the desk's own log (when each answer really landed: later than planned
    # on a busy machine) to within half a second, on the customer's clock: from the start of sending,
    # which came before the company had the message.
    awaits = {a["kind"]: a for a in ran.rows["awaits"]}
    started = contact["sent_at"].timestamp()
    landed = {entry["kind"]: entry["delivered_at"] - started for entry in mail.desk.log}
    assert all(entry["received_at"] >= started for entry in mail.desk.log)
    assert awaits["ack"]["status"] == awaits["human"]["status"] == "met"
    assert abs(awaits["ack"]["elapsed_s"] - landed["ack"]) <= 0.5
    assert abs(awaits["human"]["elapsed_s"] - landed["human"]) <= 0.5
    # The raw message is kept as evidence, byte for byte what the mailbox holds.
    emls = [e for e in ran.rows["evidence"] if e["kind"] == "email"]
    assert len(emls) == 2
    raw = (reports / kinds["human"][0]["evidence_path"]).read_bytes()
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["In-Reply-To"] == contact["message_id"]


def test_broken_auto_reply_template_and_rewritten_subject(run_mail):
    ran = run_mail(question(to="sales@northwind.example"))
    # One finding for the two placeholders of the one message.
    assert [f["title"] for f in ran.findings("placeholder")] == ["Unreplaced placeholder [name], %CASE_NUMBER% "
                                                                 "(2 places)"]
    human = by_kind(ran)["human"][0]
    assert "Delivery time" not in human["subject"]  # rewritten, yet matched
    assert ran.rows["journeys"][0]["status"] == "failed" and ran.result.exit_code == 1


def test_answer_from_another_address_without_threading_is_matched_by_token(run_mail, mail_config):
    mail_config.identities["shopper"].email.subaddress = False  # no reply address to go by
    ran = run_mail(question(to="help@northwind.example", ack="2s"))
    (human,) = by_kind(ran)["human"]
    assert human["matched_by"] == "token" and "j.smith@northwind.example" in human["from_addr"]
    (no_ack,) = ran.findings("reply.no_ack")
    assert no_ack["severity"] == "major" and "2s" in no_ack["title"]


def test_unanswered_mail_is_closed_as_no_response_at_its_deadline(run_mail):
    ran = run_mail(question(to="returns@northwind.example", ack="1s", human="2s"), wait_s=5)
    assert {a["status"] for a in ran.rows["awaits"]} == {"no_response"}
    (f,) = ran.findings("reply.no_human")
    assert f["severity"] == "critical" and f["title"] == "No answer from a person within 2s"
    assert ran.result.exit_code == 1


def test_a_dead_company_address_is_refused_with_the_servers_words(run_mail, mail):
    ran = run_mail(question(to="complaints@northwind.example"))
    (f,) = ran.findings("email.refused")
    assert f["severity"] == "critical" and "550 5.1.1" in f["snippet"]
    assert ran.rows["contacts"][0]["status"] == "not_sent" and ran.rows["awaits"] == []
    assert mail.desk.received == []


def test_contact_form_answered_by_email_is_matched_to_the_form(run_mail, company, mail, monkeypatch):
    monkeypatch.setattr(company, "on_message", mail.forward_form)  # the website hands its messages to the desk
    ran = run_mail("""
        name: Form answered by email
        persona: {name: Helen Brooks, email: helen@example.com}
        target: demo
        steps:
          - id: form
            channel: web_form
            url: "{target.website}/contact"
            fields:
              - {label: Your name, value: "{persona.name}"}
              - {label: Email address, value: "{reply_to}"}
              - {label: Your message, value: "Error E21 on my dryer?"}
            expect: {text: We have received your message}
          - id: answer
            await: form
            ack_within: 5s
            human_within: 10s
            stage: Wait for the e-mail
        """)
    assert ran.result.exit_code == 0, ran.rows["findings"]
    contact = ran.rows["contacts"][0]
    assert company.inbox[-1]["fields"]["email"] == contact["reply_address"]
    assert {a["status"] for a in ran.rows["awaits"]} == {"met"}
    assert ran.steps[1]["status"] == "passed" and ran.steps[1]["channel"] == "await"
    # The journey map draws the wait in the stage the await step names, where "Waiting" would stand.
    from probes.report.build import build_results
    from probes.report.journey_map import map_view

    (sheet,) = map_view(build_results(ran.ledger, ran.result.run_id))
    assert sheet["stages"][:4] == ["Make contact", "Acknowledged", "Wait for the e-mail", "Answered"]
    (email,) = [lane for lane in sheet["lanes"] if lane["channel"] == "email"]
    waits = email["cells"][2]
    assert [w["kind"] for w in waits] == ["wait", "wait"] and "more until a person answered" in waits[1]["title"]


def test_without_waiting_awaits_stay_pending_with_business_hour_deadlines(run_mail, mail_config):
    from probes.business_time import BusinessCalendar, parse_deadline

    ran = run_mail(question(ack="4 business hours", human="1 business day"), wait_s=0)
    assert ran.result.exit_code == 0 and ran.result.pending_awaits == 2
    assert ran.rows["journeys"][0]["status"] == "pending"
    calendar = BusinessCalendar.for_target(mail_config.targets["demo"])
    sent = ran.rows["contacts"][0]["sent_at"]
    due = {a["kind"]: a["due_at"] for a in ran.rows["awaits"]}
    assert due["human"] == parse_deadline("1 business day").due(sent, calendar)
    assert due["ack"] == calendar.add(sent, 4 * 3600)
