"""Tests for the demo company's mailboxes: sent with smtplib, replies read back over IMAP from Dovecot."""

from __future__ import annotations

import smtplib
import time
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import make_msgid, parseaddr

import pytest
from imapclient import IMAPClient

from probes.sim.maildesk import MAILBOXES, MailDesk
from probes.sim.mailserver import ImapServer

ACK_S = 0.2
HUMAN_S = 0.5
CUSTOMER = "Jane Doe <shopper+k7q9x2@mystery.example>"


@pytest.fixture
def imap(tmp_path):
    with ImapServer(tmp_path / "imap", {"shopper": "pw"}) as server:
        yield server


def deliver_to(imap: ImapServer):
    """deliver() for the desk: every shopper+… address lands in the "shopper" mailbox."""
    def deliver(recipient: str, raw: bytes) -> None:
        local = recipient.split("@")[0]
        assert local.split("+")[0] == "shopper", recipient
        imap.deliver("shopper", raw)
    return deliver


@pytest.fixture
def desk(imap):
    with MailDesk(deliver_to(imap), ack_delay_s=ACK_S, human_delay_s=HUMAN_S) as d:
        yield d


def send(desk: MailDesk, to: str, *, token: str = "k7q9x2", sender: str = CUSTOMER,
         reply_to: str | None = None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    if reply_to:
        message["Reply-To"] = reply_to
    message["Subject"] = f"Where is my washing machine? [{token}]"
    message["Date"] = "Sat, 22 Nov 2025 10:00:00 +0000"
    message["Message-ID"] = make_msgid(domain="mystery.example")
    message.set_content(f"Hello,\n\nmy order 4471-2290 has not arrived.\n\nRef: {token}\nJane\n")
    with smtplib.SMTP(desk.smtp_host, desk.smtp_port, timeout=5) as conn:
        conn.send_message(message)
    return message


def inbox(imap: ImapServer) -> list[EmailMessage]:
    """Every message in the shopper's INBOX, as a mail client reads it."""
    with IMAPClient(imap.host, imap.port, ssl=False, timeout=5) as conn:
        conn.login("shopper", "pw")
        conn.select_folder("INBOX", readonly=True)
        uids = conn.search()
        fetched = conn.fetch(uids, ["BODY[]"]) if uids else {}
    parse = BytesParser(policy=policy.default).parsebytes
    return [parse(fetched[uid][b"BODY[]"]) for uid in sorted(fetched)]


def wait_for(imap: ImapServer, count: int, timeout: float = 120) -> list[EmailMessage]:
    """The inbox once it holds count messages (a long limit: it returns as soon as they are there)."""
    deadline = time.monotonic() + timeout
    while True:
        messages = inbox(imap)
        if len(messages) >= count or time.monotonic() > deadline:
            return messages
        time.sleep(0.05)


def text(message: EmailMessage) -> str:
    # An 8-bit body read from CRLF bytes keeps its CRLFs.
    return message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")


def assert_well_formed(reply: EmailMessage) -> None:
    assert reply["Message-ID"].endswith("@northwind.example>")
    assert reply["Date"].datetime.tzinfo is not None
    assert reply.get_content_type() == "text/plain"
    assert reply.get_content_charset() == "utf-8"


# --------------------------------------------------------------------------


def test_support_acknowledges_then_a_human_replies(desk, imap):
    original = send(desk, "support@northwind.example")
    ack, human = wait_for(imap, 2)
    assert_well_formed(ack)
    assert_well_formed(human)
    assert ack["Auto-Submitted"] == "auto-replied" and ack["X-Autoreply"] == "yes"
    assert ack["Subject"] == f"Re: {original['Subject']}"
    assert ack["In-Reply-To"] == original["Message-ID"]
    assert parseaddr(ack["To"])[1] == "shopper+k7q9x2@mystery.example"
    assert text(ack).startswith("Dear Jane Doe,")
    assert "Your case number is NW-C-1001." in text(ack)

    assert human["Auto-Submitted"] is None
    assert parseaddr(human["From"])[1] == "support@northwind.example"
    assert human["Subject"] == f"Re: {original['Subject']}"
    assert human["In-Reply-To"] == original["Message-ID"]
    assert original["Message-ID"] in human["References"]
    body = text(human)
    assert "Kind regards,\nPriya — Northwind Customer Care" in body
    assert "> Ref: k7q9x2" in body and "> my order 4471-2290 has not arrived." in body


def test_sales_has_a_broken_template_and_rewrites_the_subject(desk, imap):
    original = send(desk, "sales@northwind.example", token="s4l3s9")
    ack, human = wait_for(imap, 2)
    assert ack["Auto-Submitted"] == "auto-replied"
    assert text(ack).startswith("Dear [name],")
    assert "%CASE_NUMBER%" in text(ack)
    assert human["Auto-Submitted"] is None
    assert human["Subject"] == "Your enquiry [Case NW-C-1001]"
    assert "s4l3s9" not in human["Subject"] and "washing machine" not in human["Subject"]
    assert human["In-Reply-To"] == original["Message-ID"]
    assert original["Message-ID"] in human["References"]
    assert "> Ref: s4l3s9" in text(human)
    assert_well_formed(human)


def test_help_answers_from_a_person_as_a_new_mail(desk, imap):
    original = send(desk, "help@northwind.example", token="h3lp77")
    (reply,) = wait_for(imap, 1)
    # No acknowledgement: the desk sent one reply, a person's, and holds nothing more.
    assert [entry["kind"] for entry in desk.log] == ["human"] and desk.pending() == 0
    assert len(inbox(imap)) == 1
    assert parseaddr(reply["From"])[1] == "j.smith@northwind.example"
    assert reply["In-Reply-To"] is None and reply["References"] is None
    assert reply["Auto-Submitted"] is None
    assert "h3lp77" not in reply["Subject"] and original["Subject"] not in reply["Subject"]
    assert "h3lp77" in text(reply)
    assert parseaddr(reply["To"])[1] == "shopper+k7q9x2@mystery.example"
    assert_well_formed(reply)


def test_returns_never_answers(desk, imap):
    original = send(desk, "returns@northwind.example")
    time.sleep(2 * HUMAN_S)
    assert inbox(imap) == []
    assert desk.log == [] and desk.pending() == 0
    (received,) = desk.received
    assert received["to"] == ["returns@northwind.example"]
    assert received["message_id"] == original["Message-ID"]
    assert received["subject"] == original["Subject"]
    assert received["from"] == CUSTOMER
    assert received["received_at"].endswith("+00:00")


def test_unknown_address_is_refused(desk):
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        send(desk, "orders@northwind.example")
    code, reply = refused.value.recipients["orders@northwind.example"]
    assert (code, reply.decode()) == (550, "5.1.1 <orders@northwind.example>: mailbox unavailable")
    # The same answer without SMTP, as the contact form gets it.
    assert desk.receive("a@mystery.example", ["Orders@Northwind.Example"], b"Subject: x\r\n\r\nx\r\n") \
        == "550 5.1.1 <Orders@Northwind.Example>: mailbox unavailable"
    assert desk.received == []


def test_replies_go_to_reply_to(desk, imap):
    send(desk, "support@northwind.example", sender="Jane Doe <jane.doe@elsewhere.example>",
         reply_to="Jane Doe <shopper+r3ply1@mystery.example>")
    ack, human = wait_for(imap, 2)
    assert parseaddr(ack["To"])[1] == parseaddr(human["To"])[1] == "shopper+r3ply1@mystery.example"
    assert text(ack).startswith("Dear Jane Doe,")
    assert {entry["to"] for entry in desk.log} == {"shopper+r3ply1@mystery.example"}


def test_contact_form_path_without_smtp(desk, imap):
    raw = (b"From: Sam Lee <shopper+f0rm01@mystery.example>\r\nTo: support@northwind.example\r\n"
           b"Subject: Contact form\r\nMessage-ID: <form-1@mystery.example>\r\n\r\nf0rm01\r\n")
    assert desk.receive("shopper+f0rm01@mystery.example", ["support@northwind.example"], raw) is None
    ack, human = wait_for(imap, 2)
    assert text(ack).startswith("Dear Sam Lee,")
    assert human["In-Reply-To"] == "<form-1@mystery.example>"


def test_replies_are_delivered_on_time(imap):
    planned = {}

    def delays(kind: str, message_id: str) -> float:
        # Known, varied delays per message, as the benchmark uses them.
        return planned.setdefault((kind, message_id), {"ack": 0.15, "human": 0.35}[kind] + 0.1 * len(planned))

    with MailDesk(deliver_to(imap), delays=delays) as desk:
        sent = [send(desk, box) for box in ("support@northwind.example", "sales@northwind.example",
                                            "help@northwind.example")]
        wait_for(imap, 5)
        log = list(desk.log)
    assert len(log) == 5
    assert {entry["in_reply_to"] for entry in log} == {message["Message-ID"] for message in sent}
    for entry in log:
        assert entry["delay_s"] == planned[(entry["kind"], entry["in_reply_to"])]
        # Never before its time (how much after depends on the machine's load, not on the desk).
        assert entry["delivered_at"] - entry["received_at"] >= entry["delay_s"] - 0.005, entry
        assert entry["message_id"].endswith("@northwind.example>")
    assert sorted(entry["delivered_at"] for entry in log) == [entry["delivered_at"] for entry in log]
    # Delivered in the order they fell due.
    due = [entry["received_at"] + entry["delay_s"] for entry in log]
    assert due == sorted(due)


def test_stop_is_prompt_and_drops_pending_replies(imap):
    desk = MailDesk(deliver_to(imap), ack_delay_s=600, human_delay_s=1200)
    desk.start()
    send(desk, "support@northwind.example")
    assert desk.pending() == 2
    started = time.monotonic()
    desk.stop()
    # Stopping does not wait for the replies it still holds (the first falls due after 600 s).
    assert time.monotonic() - started < 600 / 2
    assert desk.pending() == 0 and desk.log == []
    desk.stop()  # idempotent
    assert inbox(imap) == []


def test_mailbox_table_covers_every_behaviour():
    assert [box.address for box in MAILBOXES] == [
        "support@northwind.example", "sales@northwind.example", "help@northwind.example",
        "returns@northwind.example", "*@northwind.example"]
