"""The harvest's waiting path (``record_first``, what `probes run --wait` does on every IMAP IDLE notification):
every answer read is in the ledger before any is judged, mail that lands while answers are judged is
recorded before the next judgment, and a harvest stopped between an answer's record and its judgment
judges it later, once. On a real Dovecot, answers sent through a real SMTP relay.

Judging an answer fetches the links in it (the link check); the link server here looks into the ledger,
from a connection of its own, at that moment: what it sees is what another process would see.
"""
import smtplib
import sqlite3
import threading
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

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
        expect: {{ack_within: 1h, human_within: 1 business day}}
"""


def answer(to: str, link: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Priya <priya@northwind.example>"
    msg["To"] = to
    msg["Subject"] = "Re: Where is my refund?"
    msg["Date"] = format_datetime(utcnow())
    msg["Message-ID"] = make_msgid(domain="northwind.example")
    msg.set_content(f"Hello Jane,\nthe refund form is at {link} and we are on it.\nPriya")
    return msg.as_bytes()


def send(mail, to: str, raw: bytes) -> None:
    """Through the relay, over SMTP, into the shopper's Dovecot mailbox (delivered before the 250)."""
    with smtplib.SMTP(mail.relay.host, mail.relay.port, timeout=60) as smtp:
        smtp.sendmail("priya@northwind.example", [to], raw)


class LinkServer:
    """Answers every GET with 200; on each, calls on_get(path) first, in the server's thread."""

    def __init__(self):
        self.on_get = lambda path: None
        self.paths: list[str] = []
        self.errors: list[BaseException] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                outer.paths.append(self.path)
                try:
                    outer.on_get(self.path)
                except BaseException as exc:  # noqa: BLE001 - reported by the test, not lost in this thread
                    outer.errors.append(exc)
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(b"<html><body>form</body></html>")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def links(mail_config):
    server = LinkServer()
    mail_config.targets["demo"].allowlist.append(server.base_url)
    yield server
    server.close()


@pytest.fixture
def contacts(run_journeys, mail_config):
    """Contacts to a mailbox that never answers (the tests write the answers), by name."""
    mail_config.targets["demo"].auto_reply_within_s = 0   # answers written here come within seconds

    def make(*names):
        made = {}
        for name in names:
            ran = run_journeys(SILENT.format(name=name), cfg=mail_config)
            made[name] = ran.rows["contacts"][0]
        return ran.ledger, made
    return make


def in_ledger(reports, contact_ids) -> set[int]:
    """The contacts whose answer another connection sees in the ledger now (committed)."""
    db = sqlite3.connect(reports / "ledger.sqlite3", timeout=60)
    try:
        marks = ",".join("?" * len(contact_ids))
        return {r[0] for r in db.execute(f"SELECT contact_id FROM responses WHERE kind = 'human' "
                                         f"AND contact_id IN ({marks})", list(contact_ids))}
    finally:
        db.close()


def statuses(ledger, contact) -> set[str]:
    return {a["status"] for a in ledger.awaits_where(contact_id=contact["id"])}


def test_every_answer_read_is_in_the_ledger_before_the_first_is_judged(contacts, links, mail, mail_config, reports):
    ledger, c = contacts("A", "B")
    ids = [c["A"]["id"], c["B"]["id"]]
    seen: dict[str, set[int]] = {}
    links.on_get = lambda path: seen.setdefault(path, in_ledger(reports, ids))
    send(mail, c["A"]["reply_address"], answer(c["A"]["reply_address"], f"{links.base_url}/a"))
    send(mail, c["B"]["reply_address"], answer(c["B"]["reply_address"], f"{links.base_url}/b"))

    got = harvest(ledger, mail_config, reports, record_first=True)

    assert not links.errors
    # While A's answer was judged (its link fetched), B's was already recorded: not waiting for A's checks.
    assert seen["/a"] == set(ids)
    assert got.matched == 2 and got.settled == 4
    assert statuses(ledger, c["A"]) == statuses(ledger, c["B"]) == {"met"}


def test_mail_landing_while_an_answer_is_judged_is_recorded_before_the_next_judgment(
        contacts, links, mail, mail_config, reports):
    ledger, c = contacts("A", "B", "C")
    ids = [c[n]["id"] for n in "ABC"]
    seen: dict[str, set[int]] = {}

    def on_get(path):
        seen.setdefault(path, in_ledger(reports, ids))
        if path == "/a":   # C's answer lands while A's is judged
            send(mail, c["C"]["reply_address"], answer(c["C"]["reply_address"], f"{links.base_url}/c"))
    links.on_get = on_get
    send(mail, c["A"]["reply_address"], answer(c["A"]["reply_address"], f"{links.base_url}/a"))
    send(mail, c["B"]["reply_address"], answer(c["B"]["reply_address"], f"{links.base_url}/b"))

    got = harvest(ledger, mail_config, reports, record_first=True)

    assert not links.errors
    assert c["C"]["id"] not in seen["/a"]
    # It was noticed and recorded before B's answer was judged, and the same harvest judged it.
    assert seen["/b"] == set(ids)
    assert links.paths == ["/a", "/b", "/c"]   # judged oldest first, each once
    assert got.matched == 3 and got.settled == 6
    assert all(statuses(ledger, c[n]) == {"met"} for n in "ABC")


@pytest.mark.parametrize("then_record_first", [False, True])
def test_a_harvest_stopped_between_record_and_judgment_is_judged_by_the_next_once(
        contacts, links, mail, mail_config, reports, monkeypatch, then_record_first):
    from probes.answers.pipeline import Pipeline
    from probes.channels.email_inbox import mailboxes_of

    ledger, c = contacts("A", "B")
    send(mail, c["A"]["reply_address"], answer(c["A"]["reply_address"], f"{links.base_url}/a"))
    send(mail, c["B"]["reply_address"], answer(c["B"]["reply_address"], f"{links.base_url}/b"))
    key = mailboxes_of(mail_config)[0].key
    judged = Pipeline.judge

    def killed_at_b(self, item, result, *assessed):
        if item.contact["id"] == c["B"]["id"]:
            raise KeyboardInterrupt("killed")   # the process dies while judging B's answer
        return judged(self, item, result, *assessed)
    monkeypatch.setattr(Pipeline, "judge", killed_at_b)
    with pytest.raises(KeyboardInterrupt):
        harvest(ledger, mail_config, reports, record_first=True)
    # Both recorded; A judged; B's judgment rolled back and the position left before it.
    assert in_ledger(reports, [c["A"]["id"], c["B"]["id"]]) == {c["A"]["id"], c["B"]["id"]}
    assert statuses(ledger, c["A"]) == {"met"} and statuses(ledger, c["B"]) == {"pending"}
    (b,) = [r for r in ledger.responses_where(contact_id=c["B"]["id"]) if r["kind"] == "human"]
    assert ledger.mailbox_position(key)[1] < b["uid"]

    monkeypatch.setattr(Pipeline, "judge", judged)
    got = harvest(ledger, mail_config, reports, record_first=then_record_first)
    assert got.settled == 2 and statuses(ledger, c["B"]) == {"met"}
    # A not judged again; B's checks ran before its judgment was written (outside the write lock), so they ran
    # in the stopped harvest and once more in the next.
    assert links.paths == ["/a", "/b", "/b"]
    assert harvest(ledger, mail_config, reports, record_first=then_record_first).settled == 0


def test_while_an_answers_checks_run_other_processes_can_write_to_the_ledger(contacts, links, mail, mail_config,
                                                                            reports):
    """The journeys still being sent write to the ledger while answers are judged: the checks (a link fetched
    here) think before the judgment's write lock is taken, so those writes do not wait behind them."""
    ledger, c = contacts("A")
    send(mail, c["A"]["reply_address"], answer(c["A"]["reply_address"], f"{links.base_url}/a"))
    tried: list[str] = []

    def write_meanwhile(path):
        db = sqlite3.connect(reports / "ledger.sqlite3", timeout=0)   # no waiting: locked is locked
        try:
            db.execute("BEGIN IMMEDIATE")
            db.execute("ROLLBACK")
            tried.append("written")
        except sqlite3.OperationalError as exc:
            tried.append(str(exc))
        finally:
            db.close()
    links.on_get = write_meanwhile
    got = harvest(ledger, mail_config, reports, record_first=True)
    assert got.matched == 1 and statuses(ledger, c["A"]) == {"met"}
    assert links.paths == ["/a"] and tried == ["written"]
