"""Which promises in an email answer become awaits (a real Dovecot, a real harvest): any subject, and never a
promised call back, which the prober cannot receive and so could only ever report as broken, nor a visit, a
delivery or money back with no message promised, which the prober cannot see, nor a window counted from an event
the reply does not date, nor a booked slot, an appointment or a meeting the customer goes to."""
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


def test_a_promised_visit_delivery_refund_or_appointment_is_not_awaited_unless_a_message_is_promised(
        run_journeys, mail, mail_config, reports):
    mail_config.targets["demo"].auto_reply_within_s = 0
    ran = run_journeys(QUESTION, cfg=mail_config)
    contact = ran.rows["contacts"][0]
    for body in ("Hello Jane,\nour engineer will be with you on Thursday between 8 and 11am.\nPriya",
                 "Hello Jane,\nthe duplicate payment will be refunded to your card within 5 working days.\nPriya",
                 "Hello Jane,\na replacement card is being dispatched today.\nPriya",
                 # an email promised, but counted from an event the prober cannot see: its clock is not ours to start
                 "Hello Jane,\nwe will email you our decision within 5 working days of receiving the engineer's "
                 "report.\nPriya",
                 # a time the customer keeps away from the inbox: a booked slot, a meeting at the branch; a call
                 "Hello Jane,\nyour meter check is booked for Thursday between 8am and 12pm.\nPriya",
                 "Hello Jane,\nwe will see you at the Leeds branch on Friday at 2pm to go through the bill.\nPriya",
                 "Hello Jane,\nour adviser will go through the invoice with you at your appointment on Friday at "
                 "2pm.\nPriya",
                 "Hello Jane,\nDr Shah from billing will telephone you on Thursday afternoon.\nPriya"):
        mail.imap.deliver("shopper", answer(contact["reply_address"], body))
        harvest(ran.ledger, mail_config, reports)
        assert ran.ledger.awaits_where(contact_id=contact["id"], kind="promise") == [], body
    # the refund with news of it promised: that news is awaited
    mail.imap.deliver("shopper", answer(contact["reply_address"],
                                        "Hello Jane,\nwe will refund the duplicate payment and confirm it to you "
                                        "within 2 working days.\nPriya"))
    harvest(ran.ledger, mail_config, reports)
    (promise,) = ran.ledger.awaits_where(contact_id=contact["id"], kind="promise")
    assert promise["deadline_text"] == "promised “within 2 working days”"
