"""Which promises in an email answer become awaits (a real Dovecot, a real harvest): any subject, and never a
promised call back, which the prober cannot receive and so could only ever report as broken."""
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from probes.harvest import harvest
from probes.results import utcnow

QUESTION = """
    name: Asks billing
    persona: {name: Jane Doe, email: jane@example.com}
    target: demo
    steps:
      - id: question
        channel: email
        to: billing@northwind.example
        subject: Double charge
        body: "Hello, I was charged twice. Jane"
        expect: {ack_within: 1h, human_within: 1 business day}
"""


def answer(to: str, body: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Priya <priya@northwind.example>"
    msg["To"] = to
    msg["Subject"] = "Re: Double charge"
    msg["Date"] = format_datetime(utcnow())
    msg["Message-ID"] = make_msgid(domain="northwind.example")
    msg.set_content(body)
    return msg.as_bytes()


def test_a_promised_call_back_is_not_awaited_and_a_promised_email_by_anyone_is(run_journeys, mail, mail_config,
                                                                               reports):
    mail_config.targets["demo"].auto_reply_within_s = 0   # the answers written here come within seconds
    ran = run_journeys(QUESTION, cfg=mail_config)
    contact = ran.rows["contacts"][0]
    mail.imap.deliver("shopper", answer(contact["reply_address"],
                                        "Hello Jane,\nsomeone from billing will ring you back tomorrow.\nPriya"))
    harvest(ran.ledger, mail_config, reports)
    assert ran.ledger.awaits_where(contact_id=contact["id"], kind="promise") == []
    mail.imap.deliver("shopper", answer(contact["reply_address"],
                                        "Hello Jane,\nour billing team will email you the corrected invoice by "
                                        "Friday.\nPriya"))
    harvest(ran.ledger, mail_config, reports)
    (promise,) = ran.ledger.awaits_where(contact_id=contact["id"], kind="promise")
    assert promise["deadline_text"] == "promised “by Friday”" and promise["status"] == "pending"
