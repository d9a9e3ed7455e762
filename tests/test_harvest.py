"""Harvest: matching, classification, bounces, unmatched mail, deadlines and idempotence, on a real Dovecot."""
import datetime as dt
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import pytest

from probes.answers.inbound import arrival
from probes.harvest import harvest
from probes.results import utcnow

SILENT = """
    name: {name}
    persona: {{name: Jane Doe, email: jane@example.com}}
    target: demo
    steps:
      - id: question
        channel: email
        to: returns@northwind.example
        subject: Where is my refund?
        body: "Hello, where is my refund? Jane"
        expect: {{ack_within: {ack}, human_within: 1 business day}}
"""


def reply(to="shopper@mystery.example", subject="Re: your question", body="Hello Jane,\nwe are on it.\nPriya",
          date=None, **headers) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Priya <priya@northwind.example>"
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = date or format_datetime(utcnow())
    msg["Message-ID"] = make_msgid(domain="northwind.example")
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    return msg.as_bytes()


@pytest.fixture
def sent(run_journeys, mail_config):
    """One email contact to a mailbox that never answers, so each test writes the answers itself."""
    mail_config.targets["demo"].auto_reply_within_s = 0  # answers written here come within seconds

    def send(name="Silent", ack="1h"):
        ran = run_journeys(SILENT.format(name=name, ack=ack), cfg=mail_config)
        return ran, ran.rows["contacts"][0]
    return send


def again(ran):
    return ran.ledger.run_rows(ran.result.run_id)


def test_match_by_thread_when_there_is_no_reply_address_or_token(sent, mail, mail_config, reports):
    ran, contact = sent()
    mail.imap.deliver("shopper", reply(In_Reply_To=contact["message_id"]))
    got = harvest(ran.ledger, mail_config, reports)
    assert got.matched == 1 and got.settled == 2
    (r,) = [r for r in again(ran)["responses"] if r["kind"] != "own_copy"]
    assert r["matched_by"] == "thread" and r["kind"] == "human"


def test_order_of_trust_reply_address_before_token_before_thread(sent, mail, mail_config, reports):
    ran1, first = sent("First")
    ran2, second = sent("Second")
    # Sent to the first contact's reply address, quoting the second's token, threaded to the second.
    mail.imap.deliver("shopper", reply(to=first["reply_address"], body=f"About {second['token']}",
                                       In_Reply_To=second["message_id"]))
    harvest(ran1.ledger, mail_config, reports)
    (r,) = [r for r in ran1.ledger.responses_where() if r["kind"] != "own_copy"]
    assert r["contact_id"] == first["id"] and r["matched_by"] == "reply_address"


@pytest.mark.parametrize("header,value,reason", [
    ("Auto_Submitted", "auto-replied", "Auto-Submitted: auto-replied"),
    ("X_Autoreply", "yes", "X-Autoreply header"),
    ("X_Autorespond", "Thanks", "X-Autorespond header"),
    ("Precedence", "auto_reply", "Precedence: auto_reply"),
])
def test_automatic_replies_are_recognised_by_their_headers(sent, mail, mail_config, reports, header, value, reason):
    ran, contact = sent()
    mail.imap.deliver("shopper", reply(to=contact["reply_address"], **{header: value}))
    harvest(ran.ledger, mail_config, reports)
    rows = again(ran)
    (r,) = [r for r in rows["responses"] if r["kind"] != "own_copy"]
    assert (r["kind"], r["kind_reason"]) == ("auto", reason)
    # An automatic reply acknowledges, but does not count as an answer from a person.
    assert {a["kind"]: a["status"] for a in rows["awaits"]} == {"ack": "met", "human": "pending"}


def test_the_same_text_sent_to_two_contacts_of_a_run_is_a_form_letter(run_journeys, mail, mail_config, reports):
    mail_config.targets["demo"].auto_reply_within_s = 0
    ran = run_journeys(SILENT.format(name="One", ack="1h"), SILENT.format(name="Two", ack="1h"), cfg=mail_config)
    one, two = ran.rows["contacts"]
    letter = "Dear {n},\nThank you for contacting us. Your case number is {c}. We reply within 5 days."
    mail.imap.deliver("shopper", reply(to=one["reply_address"], body=letter.format(n="Jane", c="C-1")))
    harvest(ran.ledger, mail_config, reports)
    mail.imap.deliver("shopper", reply(to=two["reply_address"], body=letter.format(n="Sam", c="C-2")))
    harvest(ran.ledger, mail_config, reports)
    kinds = {r["contact_id"]: (r["kind"], r["kind_reason"]) for r in ran.ledger.responses_where()
             if r["kind"] != "own_copy"}
    assert kinds[one["id"]][0] == "human"   # the first one could not be known as a template yet
    assert kinds[two["id"]] == ("auto", "the same text was sent to 1 other contact of this run")


def test_the_same_answer_in_another_run_does_not_make_a_person_a_robot(sent, mail, mail_config, reports):
    # Nightly runs ask the same question every night; the same person's answer is still a person's.
    ran1, one = sent("One")
    ran2, two = sent("One")
    answer = "Hello {n},\nThe WM-700 is delivered to Leeds within 3 working days.\nBest, Priya"
    for ran, contact, name in ((ran1, one, "Jane"), (ran2, two, "Jane")):
        mail.imap.deliver("shopper", reply(to=contact["reply_address"], body=answer.format(n=name)))
        harvest(ran.ledger, mail_config, reports)
    kinds = {r["contact_id"]: r["kind"] for r in ran1.ledger.responses_where() if r["kind"] != "own_copy"}
    assert kinds == {one["id"]: "human", two["id"]: "human"}


def test_a_bounce_is_a_critical_finding_with_the_servers_words(sent, mail, mail_config, reports):
    ran, contact = sent()
    dsn = EmailMessage()
    dsn["From"] = "Mail Delivery System <MAILER-DAEMON@relay.example>"
    dsn["To"] = "shopper@mystery.example"
    dsn["Subject"] = "Undelivered Mail Returned to Sender"
    dsn["Message-ID"] = make_msgid(domain="relay.example")
    dsn.set_content("This is the mail system. Your message could not be delivered.")
    dsn.add_attachment("Reporting-MTA: dns; relay.example\n\nFinal-Recipient: rfc822; returns@northwind.example\n"
                       "Action: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 mailbox full\n",
                       subtype="delivery-status")
    dsn.add_attachment(f"Message-ID: {contact['message_id']}\nSubject: Where is my refund?\n",
                       subtype="rfc822-headers")
    dsn.set_param("report-type", "delivery-status")
    dsn.replace_header("Content-Type", dsn["Content-Type"].replace("multipart/mixed", "multipart/report"))
    mail.imap.deliver("shopper", dsn.as_bytes())
    got = harvest(ran.ledger, mail_config, reports)
    assert got.bounces == 1
    (f,) = ran.findings("email.bounced") or [x for x in again(ran)["findings"] if x["check_id"] == "email.bounced"]
    assert f["severity"] == "critical" and "552 5.2.2 mailbox full" in f["snippet"]


def test_unmatched_mail_is_listed_and_never_deleted(sent, mail, mail_config, reports):
    ran, _ = sent()
    mail.imap.deliver("shopper", reply(subject="Newsletter: autumn offers", body="Big savings!"))
    got = harvest(ran.ledger, mail_config, reports)
    assert got.unmatched == 1 and [u["subject"] for u in got.unmatched_samples] == ["Newsletter: autumn offers"]
    assert list((reports / "evidence" / "unmatched").glob("*.eml"))
    # Still on the server: a second reader sees every message.
    from imapclient import IMAPClient

    with IMAPClient(mail.imap.host, port=mail.imap.port, ssl=False) as client:
        client.login("shopper", mail.password)
        client.select_folder("INBOX", readonly=True)
        assert len(client.search(["ALL"])) == 2  # our own copy of the question, and the newsletter


def test_harvest_twice_records_nothing_new(sent, mail, mail_config, reports):
    ran, contact = sent()
    mail.imap.deliver("shopper", reply(to=contact["reply_address"]))
    first = harvest(ran.ledger, mail_config, reports)
    before = again(ran)
    second = harvest(ran.ledger, mail_config, reports)
    after = again(ran)
    assert first.matched == 1 and (second.read, second.matched, second.settled) == (0, 0, 0)
    for table in ("responses", "awaits", "findings", "evidence"):
        assert after[table] == before[table], table


def test_deadlines_passed_close_as_no_response_and_late_answers_are_late(sent, mail, mail_config, reports):
    ran, contact = sent(ack="1s")
    import time

    time.sleep(2.0)  # past the deadline by more than the arrival estimate can be off (0.5 s)
    mail.imap.deliver("shopper", reply(to=contact["reply_address"]))  # a person, but after the ack deadline
    harvest(ran.ledger, mail_config, reports)
    rows = again(ran)
    assert {a["kind"]: a["status"] for a in rows["awaits"]} == {"ack": "late", "human": "met"}
    (late,) = [f for f in rows["findings"] if f["check_id"] == "reply.late_ack"]
    assert "promised within 1s" in late["title"]
    # Nothing pending for ack any more; the human deadline (1 business day) is still ahead, so nothing closes.
    later = harvest(ran.ledger, mail_config, reports, now=utcnow() + dt.timedelta(days=10))
    assert later.closed == 0


def test_arrival_is_within_half_a_second_of_the_truth():
    internal = dt.datetime(2026, 11, 22, 12, 0, 5, tzinfo=dt.timezone.utc)  # IMAP drops the fraction
    for landed in (5.0, 5.3, 5.9):
        truth = internal.replace(second=5) + dt.timedelta(seconds=landed - 5)
        seen = truth + dt.timedelta(seconds=0.5)
        assert abs((arrival(internal, seen) - truth).total_seconds()) <= 0.5
    sent = internal + dt.timedelta(seconds=0.6)
    assert arrival(internal, internal + dt.timedelta(seconds=3), sent) == internal + dt.timedelta(seconds=0.8)


def test_an_answer_meant_for_another_persona_of_the_run_is_a_critical_leak(run_journeys, mail, mail_config, reports):
    # Two customers side by side; the company answers Jane with Sam's reply (his name and his reference).
    mail_config.targets["demo"].auto_reply_within_s = 0
    sam = SILENT.format(name="Sam", ack="1h").replace("Jane Doe, email: jane@example.com",
                                                       "Sam Okoro, email: sam@example.com")
    ran = run_journeys(SILENT.format(name="Jane", ack="1h"), sam, cfg=mail_config)
    jane, sam_contact = sorted(ran.rows["contacts"], key=lambda c: c["journey_id"])
    body = f"Hello Sam,\nyour refund for case {sam_contact['token']} was approved today.\nPriya"
    mail.imap.deliver("shopper", reply(to=jane["reply_address"], body=body))
    harvest(ran.ledger, mail_config, reports)
    leaks = [f for f in ran.ledger.run_rows(ran.result.run_id)["findings"] if f["check_id"] == "wrong_recipient"]
    assert leaks and all(f["severity"] == "critical" and f["contact_id"] == jane["id"] for f in leaks)
    assert any("Sam" in f["snippet"] for f in leaks)


ASKING = """
    name: Two questions
    persona: {name: Jane Doe, email: jane@example.com}
    target: demo
    steps:
      - id: question
        channel: email
        to: returns@northwind.example
        subject: Delivery and installation
        body: "How long does delivery to Leeds take, and do you install it? Jane"
        must_mention: ["delivery", ["install", "installation", "fitting"]]
        expect: {ack_within: 1h, human_within: 1 business day}
"""


def test_an_answer_is_judged_on_what_the_question_asked_and_its_promises_are_kept_or_broken(
        run_journeys, mail, mail_config, reports):
    mail_config.targets["demo"].auto_reply_within_s = 0
    ran = run_journeys(ASKING, cfg=mail_config)
    (contact,) = ran.rows["contacts"]
    # An automatic acknowledgement is not judged on the questions, but its promise is noted.
    mail.imap.deliver("shopper", reply(to=contact["reply_address"], Auto_Submitted="auto-replied",
                                       body="Thank you. We will get back to you within 2 hours."))
    harvest(ran.ledger, mail_config, reports)
    (promise,) = ran.ledger.awaits_where(contact_id=contact["id"], kind="promise")
    assert promise["deadline_text"] == "promised “within 2 hours”" and promise["status"] == "pending"
    assert not [f for f in again(ran)["findings"] if f["check_id"].startswith("answer")]
    # A person answers one of the two questions: the answer is incomplete, the promise kept.
    mail.imap.deliver("shopper", reply(to=contact["reply_address"],
                                       body="Hello Jane,\ndelivery to Leeds takes 3 days.\nPriya"))
    harvest(ran.ledger, mail_config, reports)
    rows = again(ran)
    (incomplete,) = [f for f in rows["findings"] if f["check_id"].startswith("answer")]
    assert incomplete["check_id"] == "answer.incomplete" and "1 of the 2" in incomplete["title"]
    assert "install" in incomplete["snippet"]
    assert {a["kind"]: a["status"] for a in rows["awaits"]}["promise"] == "met"
    # The report shows what was asked and covered, and the promise with its verdict.
    from probes.report import build_results, render_html

    page = render_html(build_results(ran.ledger, ran.result.run_id), reports)
    assert "Promises kept" in page and "promised “within 2 hours”, due" in page
    assert "The answer covers 1 of the 2 points the question asked" in page


def test_a_promise_nobody_keeps_is_a_finding_when_its_time_has_passed(sent, mail, mail_config, reports):
    ran, contact = sent()
    mail.imap.deliver("shopper", reply(to=contact["reply_address"],
                                       body="Hello Jane,\nwe will come back to you by Friday with the refund.\nPriya"))
    harvest(ran.ledger, mail_config, reports)
    (promise,) = ran.ledger.awaits_where(contact_id=contact["id"], kind="promise")
    harvest(ran.ledger, mail_config, reports, now=promise["due_at"] + dt.timedelta(minutes=1))
    (broken,) = [f for f in again(ran)["findings"] if f["check_id"].startswith("promise")]
    assert broken["check_id"] == "promise.broken" and "by Friday" in broken["title"]


# --- a big mailbox: batches, one query per message, newsletters counted ---------------------------------

def test_newsletters_are_counted_and_only_the_first_few_kept_as_files(sent, mail, mail_config, reports):
    from probes.answers.inbound import UNMATCHED_SAMPLES

    ran, contact = sent()
    for n in range(UNMATCHED_SAMPLES + 4):
        mail.imap.deliver("shopper", reply(subject=f"Newsletter {n}: autumn offers", body="Big savings!"))
    mail.imap.deliver("shopper", reply(to=contact["reply_address"]))
    got = harvest(ran.ledger, mail_config, reports)
    assert got.matched == 1 and got.unmatched == UNMATCHED_SAMPLES + 4
    assert [u["subject"] for u in got.unmatched_samples] == [f"Newsletter {n}: autumn offers"
                                                             for n in range(UNMATCHED_SAMPLES)]
    assert len(list((reports / "evidence" / "unmatched").glob("*.eml"))) == UNMATCHED_SAMPLES
    # Every one is recorded all the same (and so never counted again).
    unmatched = [r for r in ran.ledger.responses_where(contact_id=None)]
    assert len(unmatched) == UNMATCHED_SAMPLES + 4
    assert sum(1 for r in unmatched if r["evidence_path"]) == UNMATCHED_SAMPLES
    assert harvest(ran.ledger, mail_config, reports).unmatched == 0


def test_a_word_salad_of_token_shaped_words_costs_one_lookup(sent, mail, mail_config, reports):
    import re

    import sqlalchemy as sa

    ran, contact = sent()
    # Ordinary ten-letter words have the shape of a token ("understand"): many candidates per message.
    salad = " ".join(("understand attractive everything throughout experience particular "
                      "government themselves management department " * 30).split())
    mail.imap.deliver("shopper", reply(subject="Newsletter", body=salad))
    mail.imap.deliver("shopper", reply(subject="Re: question", body=f"{salad}\nYour reference: {contact['token']}"))
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        if re.search(r"FROM contacts\s+WHERE\s+(contacts\.)?token\b", statement):

            statements.append(statement)
    sa.event.listen(ran.ledger.engine, "before_cursor_execute", count)
    try:
        got = harvest(ran.ledger, mail_config, reports)
    finally:
        sa.event.remove(ran.ledger.engine, "before_cursor_execute", count)
    assert got.matched == 1 and got.unmatched == 1
    assert [r["matched_by"] for r in ran.ledger.responses_where(contact_id=contact["id"])
            if r["kind"] != "own_copy"] == ["token"]
    # One lookup per message read (an answer: one more, when it is read completely), not one per word.
    assert 2 <= len(statements) <= got.read + got.matched


def test_the_mail_of_a_batch_that_answers_nothing_is_recorded_in_one_statement(sent, mail, mail_config, reports):
    import sqlalchemy as sa

    ran, contact = sent()
    # More than one part of a batch (the pipeline takes 20 messages at a time): one INSERT for all of them.
    for n in range(45):
        mail.imap.deliver("shopper", reply(subject=f"Newsletter {n}", body="Big savings!"))
    mail.imap.deliver("shopper", reply(to=contact["reply_address"]))
    inserts: list[int] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO RESPONSES"):
            inserts.append(len(parameters) if executemany else 1)
    sa.event.listen(ran.ledger.engine, "before_cursor_execute", count)
    try:
        got = harvest(ran.ledger, mail_config, reports)
    finally:
        sa.event.remove(ran.ledger.engine, "before_cursor_execute", count)
    assert got.matched == 1 and got.unmatched == 45
    assert len(ran.ledger.responses_where(contact_id=None)) == 45
    # One statement for the 45 (besides the answer's own row and our copy of the question).
    assert [n for n in inserts if n > 1] == [45]


def test_a_crash_in_the_middle_of_a_batch_records_none_of_it_and_the_next_harvest_all(
        sent, mail, mail_config, reports, monkeypatch):
    from probes.answers.pipeline import Pipeline
    from probes.channels.email_inbox import mailboxes_of

    ran, contact = sent()
    mail.imap.deliver("shopper", reply(subject="Newsletter 1", body="Big savings!"))
    mail.imap.deliver("shopper", reply(to=contact["reply_address"]))
    mail.imap.deliver("shopper", reply(subject="Newsletter 2", body="Bigger savings!"))
    key = mailboxes_of(mail_config)[0].key
    position = ran.ledger.mailbox_position(key)
    taken = Pipeline.take

    def crash_after_the_answer(self, item, result, found=None):
        if item.subject == "Newsletter 2":   # in the answer's batch, after it: then the process dies
            raise KeyboardInterrupt("killed")
        return taken(self, item, result, found)
    monkeypatch.setattr(Pipeline, "take", crash_after_the_answer)
    before = len(again(ran)["responses"])
    with pytest.raises(KeyboardInterrupt):
        harvest(ran.ledger, mail_config, reports)
    # Nothing of the batch: not the answer, not its verdicts, not the mailbox position.
    assert len(again(ran)["responses"]) == before
    assert {a["status"] for a in ran.ledger.awaits_where(contact_id=contact["id"])} == {"pending"}
    assert ran.ledger.mailbox_position(key) == position
    monkeypatch.setattr(Pipeline, "take", taken)
    got = harvest(ran.ledger, mail_config, reports)
    assert got.matched == 1 and got.unmatched == 2 and got.settled == 2
    assert {a["status"] for a in ran.ledger.awaits_where(contact_id=contact["id"])} == {"met"}


def test_a_harvested_answer_keeps_its_fingerprint_for_the_canned_check(sent, mail, mail_config, reports):
    import sqlalchemy as sa

    from probes.checks import canned
    from probes.ledger import answer_fingerprints

    ran, contact = sent()
    body = "Hello Jane,\nthe refund for your kettle was sent to your card today and shows within five days.\nPriya"
    mail.imap.deliver("shopper", reply(to=contact["reply_address"], body=body))
    harvest(ran.ledger, mail_config, reports)
    (answer,) = [r for r in again(ran)["responses"] if r["kind"] == "human"]
    with ran.ledger.engine.connect() as conn:
        (row,) = conn.execute(sa.select(answer_fingerprints)).mappings().all()
    assert (row["response_id"], row["target"], row["kind"], row["step_key"]) == (answer["id"], "demo", "human",
                                                                                 "question")
    assert row["shingles"] == canned.fingerprint(answer["body_text"], {"name": "Jane Doe"}, contact["token"])


def test_the_senders_date_header_is_kept_as_the_instant_it_names_whatever_its_zone(sent, mail, mail_config, reports):
    ran, contact = sent()
    mail.imap.deliver("shopper", reply(to=contact["reply_address"], date="Mon, 02 Mar 2026 10:00:00 +0100"))
    harvest(ran.ledger, mail_config, reports)
    (answer,) = [r for r in again(ran)["responses"] if r["kind"] == "human"]
    when = answer["date_header"]
    when = when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)   # SQLite reads back without a zone
    assert when == dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)


# --- reading a big mailbox quickly loses no answer -------------------------------------------------------
# Most messages are read from their raw bytes (email_inbox.skim); one that could match on a complete
# reading must always be a candidate, whatever the encoding that hides its token.

def mime(headers: str, body: bytes, subject: str = "Re: your question") -> bytes:
    """A raw answer to the prober's own address (no reply address, no threading unless headers say so)."""
    head = (f"From: Priya <priya@northwind.example>\r\nTo: shopper@mystery.example\r\nSubject: {subject}\r\n"
            f"Date: {format_datetime(utcnow())}\r\nMessage-ID: {make_msgid(domain='northwind.example')}\r\n"
            f"MIME-Version: 1.0\r\n{headers}")
    return head.encode() + b"\r\n" + body


def _base64(token: str) -> bytes:
    import base64

    text = f"Hello Jane,\nyour case {token} is with our returns team; the refund follows this week.\nPriya\n"
    return mime("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n",
                base64.encodebytes(text.encode()).replace(b"\n", b"\r\n"))


def _quoted_printable(token: str) -> bytes:
    # A soft line break in the middle of the token: only a decoded reading sees it whole.
    return mime("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n",
                f"Hello Jane,\r\nyour case {token[:4]}=\r\n{token[4:]} is with our returns team =E2=80=93 the "
                "refund follows.\r\nPriya\r\n".encode())


def _html_only(token: str) -> bytes:
    # Its first letter as a character reference: the raw bytes hold only nine letters of it.
    return mime("Content-Type: text/html; charset=utf-8\r\n",
                f"<html><body><p>Hello Jane,</p><p>your case <b>&#{ord(token[0])};{token[1:]}</b> is with "
                "our team.</p><p>Priya</p></body></html>\r\n".encode())


def _encoded_subject(token: str) -> bytes:
    from email.header import Header

    subject = Header(f"Re: Ihre Anfrage {token} – Grüße aus dem Kundendienst", "utf-8").encode()
    return mime("Content-Type: text/plain; charset=utf-8\r\n",
                "Hallo Jane,\r\nIhre Erstattung ist unterwegs.\r\nPriya\r\n".encode(), subject=subject)


def _shift_jis(token: str) -> bytes:
    # "。" is 0x81 0x42 in Shift_JIS: the byte before the token reads as the letter "B".
    return mime("Content-Type: text/plain; charset=shift_jis\r\nContent-Transfer-Encoding: 8bit\r\n",
                f"お問い合わせ番号。{token}\r\n担当者より折り返しご連絡いたします。\r\n".encode("shift_jis"))


def _references_only(contact: dict) -> bytes:
    return mime(f"References: <older.1@northwind.example>\r\n {contact['message_id']}\r\n"
                "Content-Type: text/plain; charset=utf-8\r\n", b"Hello Jane,\r\nthe courier collects it on Monday.\r\n")


HIDDEN = {"base64": _base64, "quoted-printable": _quoted_printable, "html-only": _html_only,
          "encoded subject": _encoded_subject, "shift_jis": _shift_jis}


def test_an_answer_whose_token_is_only_in_encoded_text_is_matched(run_journeys, mail, mail_config, reports):
    mail_config.targets["demo"].auto_reply_within_s = 0
    names = [*HIDDEN, "references only"]
    ran = run_journeys(*(SILENT.format(name=f"Ask {n}", ack="1h") for n in names), cfg=mail_config)
    contacts = dict(zip(names, ran.rows["contacts"], strict=True))
    for name, build in HIDDEN.items():
        # Between the answers, newsletters full of ordinary words shaped like a token ("understand").
        mail.imap.deliver("shopper", reply(subject="Autumn offers", body="We understand everything throughout "
                                           "the management department. " * 20))
        mail.imap.deliver("shopper", build(contacts[name]["token"]))
    mail.imap.deliver("shopper", _references_only(contacts["references only"]))
    got = harvest(ran.ledger, mail_config, reports)
    matched = {r["contact_id"]: r["matched_by"] for r in ran.ledger.responses_where() if r["kind"] == "human"}
    assert {r["kind"] for r in ran.ledger.responses_where(contact_id=None)} == {None}   # the newsletters
    assert {name: matched.get(c["id"]) for name, c in contacts.items()} == {
        **{name: "token" for name in HIDDEN}, "references only": "thread"}
    assert got.matched == len(names) and got.unmatched == len(HIDDEN)
    # Each is judged on its text as a customer reads it, decoded.
    bodies = {r["contact_id"]: r["body_text"] for r in ran.ledger.responses_where() if r["kind"] == "human"}
    assert contacts["quoted-printable"]["token"] in bodies[contacts["quoted-printable"]["id"]]
    assert "team – the refund" in bodies[contacts["quoted-printable"]["id"]]
    assert contacts["html-only"]["token"] in bodies[contacts["html-only"]["id"]]


@pytest.mark.parametrize("build", [*HIDDEN.values(), lambda t: reply(subject=f"Re: [{t}]"),
                                   lambda t: reply(body=f"Your reference: {t}."),
                                   lambda t: reply(body=f"Référence : «{t}» – merci")], ids=[
    *HIDDEN, "subject", "plain", "latin"])
def test_a_quick_reading_finds_every_token_a_complete_reading_finds(build):
    from probes.answers.match import words
    from probes.channels.email_inbox import to_inbound

    token = "k7m2p9x4qa"
    now = utcnow()
    item = to_inbound(build(token), source="mail/INBOX", uidvalidity=1, uid=1, internal=now, observed=now,
                      subaddress=True, own_address="shopper@mystery.example")
    quick = set(words(item))
    assert token in words(item.exact()) and token in quick


def test_mail_that_answers_nothing_is_recorded_without_its_text(sent, mail, mail_config, reports):
    # A newsletter, or a friend's note: the company's business only if it answers a contact.
    ran, contact = sent()
    mail.imap.deliver("shopper", reply(subject="Dinner on Friday?", body="Hi, are you free on Friday? Sam"))
    mail.imap.deliver("shopper", reply(to=contact["reply_address"], body="Hello Jane,\nthe refund is on its way."))
    harvest(ran.ledger, mail_config, reports)
    (note,) = ran.ledger.responses_where(contact_id=None)
    assert note["subject"] == "Dinner on Friday?" and note["from_addr"] == "Priya <priya@northwind.example>"
    assert not note["body_text"]
    (answer,) = [r for r in ran.ledger.responses_where(contact_id=contact["id"]) if r["kind"] == "human"]
    assert answer["body_text"].splitlines() == ["Hello Jane,", "the refund is on its way."]


def test_a_batch_cut_short_reads_each_message_once(sent, mail, mail_config, reports, monkeypatch):
    import probes.harvest as harvest_module
    from probes.channels import email_inbox

    ran, contact = sent()
    for n in range(45):
        mail.imap.deliver("shopper", reply(subject=f"Newsletter {n}", body="Big savings!"))
    mail.imap.deliver("shopper", reply(to=contact["reply_address"]))
    # Every part of a batch ends it (as on a slow machine, where BATCH_S passes after each part).
    monkeypatch.setattr(harvest_module, "BATCH_S", 0.0)
    reads: list[int] = []
    to_inbound = email_inbox.to_inbound
    monkeypatch.setattr(email_inbox, "to_inbound", lambda raw, **kw: reads.append(kw["uid"]) or to_inbound(raw, **kw))
    got = harvest(ran.ledger, mail_config, reports)
    assert got.matched == 1 and got.unmatched == 45 and got.read == 47   # and our own copy of the question
    assert len(reads) == len(set(reads)) == got.read
