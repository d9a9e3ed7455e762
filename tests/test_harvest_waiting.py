"""The harvest's waiting path (``record_first``, what `probes run --wait` does on every IMAP IDLE notification):
every answer read is in the ledger before any is judged, mail that lands while answers are judged is
recorded before the next judgment, and a harvest stopped between an answer's record and its judgment
judges it later, once. On a real Dovecot, answers sent through a real SMTP relay.

Judging an answer fetches the links in it (the link check); the link server here looks into the ledger,
from a connection of its own, at that moment: what it sees is what another process would see.
"""
import re
import smtplib
import sqlite3
import threading
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from imap_proxy import CuttableProxy

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


# --- waiting for the answers: asked (NOOP) while they are expected soon, else IDLE ---------------------------

ASKED = """
    name: Asked
    persona: {name: Jane Doe, email: jane@example.com}
    target: demo
    steps:
      - id: question
        channel: email
        to: support@northwind.example
        subject: Delivery time for a washing machine
        body: "Hello, how long does delivery to Leeds take? Jane"
        expect: {ack_within: 1h, human_within: 1h}
"""


class RefusingProxy(CuttableProxy):
    """The proxy, answering every NOOP itself with NO (a server that objects to being asked this often)."""

    def _pump(self, src, dst, from_client):
        if not from_client:
            return super()._pump(src, dst, from_client)
        try:
            while data := src.recv(65536):
                with self._lock:
                    self.sent += data
                    self._lock.notify_all()
                if (noop := re.fullmatch(rb"(\S+) NOOP\r\n", data)):
                    src.sendall(noop.group(1) + b" NO [LIMIT] Too many commands, slow down\r\n")
                    continue
                dst.sendall(data)
        except OSError:
            pass


class NoIdleProxy(CuttableProxy):
    """The proxy, with IDLE taken out of the server's capabilities (a server without IDLE)."""

    def _pump(self, src, dst, from_client):
        if from_client:
            return super()._pump(src, dst, from_client)
        try:
            while data := src.recv(65536):
                data = data.replace(b" IDLE", b"")
                with self._lock:
                    self.received += data
                    self._lock.notify_all()
                dst.sendall(data)
        except OSError:
            pass


@pytest.fixture
def proxy(mail):
    with CuttableProxy(mail.imap.host, mail.imap.port) as p:
        yield p


def watched(mail_config, port: int, poll_s: float = 0.05, poll_for_s: float = 60.0):
    """The shopper's mailbox, read through port, connected."""
    from probes.channels.email_inbox import Mailbox

    ident = mail_config.identities["shopper"].email.model_copy(deep=True)
    ident.imap.port, ident.poll_s, ident.poll_for_s = port, poll_s, poll_for_s
    return Mailbox("shopper", ident).connect()


def waiting(box, timeout_s: float = 120.0) -> dict:
    """box.wait_for_mail(timeout_s) in a thread; the dict gets "got" (its answer) or "error"."""
    out: dict = {}

    def wait():
        try:
            out["got"] = box.wait_for_mail(timeout_s)
        except Exception as exc:  # noqa: BLE001 - the test looks at it
            out["error"] = exc
    out["thread"] = threading.Thread(target=wait, daemon=True)
    out["thread"].start()
    return out


def done(out: dict) -> dict:
    out["thread"].join(timeout=120)
    assert not out["thread"].is_alive(), "wait_for_mail did not return"
    return out


def noops(proxy, after: int = 0) -> int:
    return bytes(proxy.sent[after:]).count(b" NOOP\r\n")


def test_run_wait_notices_answers_by_asking_rather_than_by_idles_late_notice(run_journeys, mail_config, proxy):
    """Dovecot announces new mail in IDLE only half a second after it lands (a fixed delay in its mailbox
    watch): while the answers are expected, `run --wait` asks for them instead, and records them."""
    mail_config.identities["shopper"].email.imap.port = proxy.port
    ran = run_journeys(ASKED, cfg=mail_config, wait_s=120)
    assert {a["kind"]: a["status"] for a in ran.rows["awaits"] if a["kind"] in ("ack", "human")} == \
        {"ack": "met", "human": "met"}
    assert {r["kind"] for r in ran.rows["responses"]} >= {"auto", "human"}
    # Noticed by asking (NOOP between the harvests), never waiting in IDLE for the server's notice.
    assert noops(proxy) > 2 and b"IDLE" not in proxy.sent


def in_idle(proxy, received_from: int) -> None:
    """Wait until the server has begun IDLE (after offset received_from of what it sent): mail landing from
    now on is announced."""
    proxy.wait_for_reply(b"+ idling", after=received_from)


def test_asking_stops_when_no_answer_is_expected_soon_and_starts_again_with_new_mail(mail, mail_config, proxy):
    box = watched(mail_config, proxy.port, poll_s=0.05, poll_for_s=0.5)
    try:
        # Nothing arrives: asked every 0.05 s (never more often) for 0.5 s, then IDLE, which costs the server nothing.
        assert box.wait_for_mail(2.0) is False
        asked = noops(proxy)
        assert 1 <= asked <= 0.5 / 0.05 + 3
        idle_at = proxy.wait_for(b"IDLE", timeout_s=1)
        assert noops(proxy, idle_at) == 0

        # In IDLE, a message lands: the server's notice wakes the wait, and answers are expected again.
        box.identity.poll_for_s = 120.0   # (long enough for this busy machine to deliver the next one meanwhile)
        received = len(proxy.received)
        out = waiting(box)
        in_idle(proxy, received)
        after = len(proxy.sent)
        mail.imap.deliver("shopper", answer("shopper@mystery.example", "http://127.0.0.1/ack"))
        assert done(out).get("got") is True
        out = waiting(box)
        asked_at = proxy.wait_for(b" NOOP\r\n", after=after)
        mail.imap.deliver("shopper", answer("shopper@mystery.example", "http://127.0.0.1/person"))
        assert done(out).get("got") is True
        assert b"IDLE" not in proxy.sent[asked_at:]   # noticed by asking
    finally:
        box.close()


def test_mail_landing_before_the_wait_goes_to_idle_is_noticed_at_once(mail, mail_config, proxy):
    """IDLE announces only what lands once it has begun: an answer that came between the last look and IDLE
    (while the last ones were judged) would wait for the IDLE's end (up to a minute in `run --wait`)."""
    box = watched(mail_config, proxy.port, poll_s=0)   # IDLE only
    try:
        box.client.noop()   # the last look
        mail.imap.deliver("shopper", answer("shopper@mystery.example", "http://127.0.0.1/a"))
        out = waiting(box, timeout_s=300)
        assert done(out).get("got") is True
        assert b"IDLE" not in proxy.sent   # seen before going into IDLE, not at its end
    finally:
        box.close()


def test_a_server_that_drops_the_connection_while_asked_is_waited_for_in_idle(mail, mail_config, proxy):
    from probes.harvest import MailboxError

    box = watched(mail_config, proxy.port)
    try:
        out = waiting(box)
        proxy.wait_for(b" NOOP\r\n")
        proxy.cut()   # as a server that hangs up on a client asking too often
        error = done(out).get("error")
        assert isinstance(error, MailboxError) and error.lost and error.transient
        assert "dropped the connection" in (box.polling_stopped or "")

        box.connect()   # as the next harvest does
        start, received = len(proxy.sent), len(proxy.received)
        out = waiting(box)
        in_idle(proxy, received)
        mail.imap.deliver("shopper", answer("shopper@mystery.example", "http://127.0.0.1/a"))
        assert done(out).get("got") is True
        assert noops(proxy, start) == 1   # asked once before IDLE, then it waited for the server's notice
    finally:
        box.close()


def test_a_server_that_refuses_noop_is_waited_for_in_idle(mail, mail_config):
    with RefusingProxy(mail.imap.host, mail.imap.port) as proxy:
        box = watched(mail_config, proxy.port)
        try:
            received = len(proxy.received)
            out = waiting(box)
            in_idle(proxy, received)
            mail.imap.deliver("shopper", answer("shopper@mystery.example", "http://127.0.0.1/a"))
            assert done(out).get("got") is True
            assert noops(proxy) == 1 and "refused NOOP" in (box.polling_stopped or "")
        finally:
            box.close()


def test_an_answer_is_never_timed_before_a_look_that_had_not_found_it(contacts, links, mail, mail_config, reports):
    """The server stamps arrivals to the second; the prober, asking every poll_s while answers are due, knows
    better: the answer landed after its last look that found nothing."""
    import time

    from probes.channels.email_inbox import mailboxes_of

    ledger, c = contacts("A")
    mail_config.identities["shopper"].email.poll_s = 0.05
    (box,) = mailboxes_of(mail_config)
    try:
        harvest(ledger, mail_config, reports, open_boxes=[box], record_first=True)
        # Late in a second, so that the server's stamp alone would put the answer before the look.
        while utcnow().microsecond < 600_000:
            time.sleep(0.01)
        looked = utcnow()
        assert box.wait_for_mail(0.12) is False   # asked (NOOP): nothing yet
        send(mail, c["A"]["reply_address"], answer(c["A"]["reply_address"], f"{links.base_url}/a"))
        harvest(ledger, mail_config, reports, open_boxes=[box], record_first=True)
    finally:
        box.close()
    (row,) = [r for r in ledger.responses_where(contact_id=c["A"]["id"]) if r["kind"] == "human"]
    assert looked <= row["arrived_at"] <= row["observed_at"]
    assert statuses(ledger, c["A"]) == {"met"}


def test_arrival_is_narrowed_by_the_last_look_that_found_nothing():
    import datetime as dt

    from probes.harvest import arrival

    stamp = dt.datetime(2026, 12, 3, 12, 0, 5, tzinfo=dt.timezone.utc)   # IMAP drops the fraction
    seen = stamp + dt.timedelta(seconds=0.95)
    looked = stamp + dt.timedelta(seconds=0.75)
    assert arrival(stamp, seen) == stamp + dt.timedelta(seconds=0.475)
    assert arrival(stamp, seen, unseen_at=looked) == stamp + dt.timedelta(seconds=0.85)
    # A look outside the server's second (the two clocks disagree) is left aside.
    assert arrival(stamp, seen, unseen_at=stamp - dt.timedelta(seconds=2)) == stamp + dt.timedelta(seconds=0.475)
    assert arrival(stamp, seen, unseen_at=stamp + dt.timedelta(seconds=3)) == stamp + dt.timedelta(seconds=0.475)


def test_a_server_without_idle_is_asked_now_and_then_on_one_connection(mail, mail_config, monkeypatch):
    from probes.channels import email_inbox

    monkeypatch.setattr(email_inbox, "NO_IDLE_POLL_S", 0.2)   # (5 s by default)
    with NoIdleProxy(mail.imap.host, mail.imap.port) as proxy:
        box = watched(mail_config, proxy.port, poll_s=0.05, poll_for_s=0.3)
        try:
            assert box.idle_supported is False
            # Asked every 0.05 s while answers are due, then every 0.2 s: never more often, never IDLE.
            assert box.wait_for_mail(1.5) is False
            assert 1 <= noops(proxy) <= (0.3 / 0.05 + 1) + (1.5 / 0.2 + 1)
            out = waiting(box)
            mail.imap.deliver("shopper", answer("shopper@mystery.example", "http://127.0.0.1/a"))
            assert done(out).get("got") is True
            assert b"IDLE" not in proxy.sent and proxy.connections == 1
        finally:
            box.close()


def test_mail_the_server_told_of_in_another_commands_answer_is_not_left_waiting(mail, mail_config):
    """A server tells of new mail once, in the answer to whatever command is under way (here a FETCH, as while
    answers are read): the wait that follows must not sit in IDLE for it, which will not tell again."""
    from probes.channels.email_inbox import Mailbox

    box = watched(mail_config, mail.imap.port, poll_s=0)   # IDLE only
    other = Mailbox("other", box.identity).connect()
    try:
        mail.imap.deliver("shopper", answer("shopper@mystery.example", "http://127.0.0.1/a"))
        assert [len(batch) for batch in box.fetch_batches(0)] == [1]
        # Delivered by a process that updates Dovecot's index (as its LMTP does): announced to the next command.
        other.client.append("INBOX", answer("shopper@mystery.example", "http://127.0.0.1/b"))
        box.client.fetch([1], ["FLAGS"])
        assert box.wait_for_mail(60) is True
        assert [uid for batch in box.fetch_batches(1) for uid, _, _ in batch] == [2]
    finally:
        box.close()
        other.close()


def test_several_mailboxes_are_each_asked_while_answers_are_due_and_never_idle(mail, mail_config, proxy):
    """IDLE watches one folder per connection: with two mailboxes, `run --wait` asks each in turn while answers
    are expected soon (it used to look every second), notices mail in either, and never waits in IDLE."""
    from probes.channels.email_inbox import wait_for_any

    with CuttableProxy(mail.imap.host, mail.imap.port) as other:
        first = watched(mail_config, proxy.port, poll_s=0.05, poll_for_s=60.0)
        second = watched(mail_config, other.port, poll_s=0.05, poll_for_s=60.0)
        try:
            out: dict = {}
            waiter = threading.Thread(target=lambda: out.update(got=wait_for_any([first, second], 120.0)))
            waiter.start()
            other.wait_for(b" NOOP\r\n")
            proxy.wait_for(b" NOOP\r\n")   # both asked before anything lands
            mail.imap.deliver("shopper", answer("shopper@mystery.example", "http://127.0.0.1/a"))
            waiter.join(timeout=120)
            assert out.get("got") is True
            assert b"IDLE" not in proxy.sent and b"IDLE" not in other.sent
        finally:
            first.close()
            second.close()


def test_several_mailboxes_with_no_answer_due_are_not_asked_and_left_to_the_next_read(mail, mail_config, proxy):
    from probes.channels.email_inbox import wait_for_any

    with CuttableProxy(mail.imap.host, mail.imap.port) as other:
        first = watched(mail_config, proxy.port, poll_s=0.05, poll_for_s=0.3)
        second = watched(mail_config, other.port, poll_s=0, poll_for_s=60.0)   # poll_s 0: never asked
        try:
            assert wait_for_any([first, second], 5.0) is False   # nothing lands
            asked = noops(proxy)
            assert 1 <= asked <= 0.3 / 0.05 + 3 and noops(other) == 0
            # The window is over: the next wait neither asks nor idles; the harvest after it reads both boxes.
            sent = len(proxy.sent)
            assert wait_for_any([first, second], 5.0) is False
            assert noops(proxy, sent) == 0
            assert b"IDLE" not in proxy.sent and b"IDLE" not in other.sent
        finally:
            first.close()
            second.close()


# SILENT, sent from another identity, with answers due within a second.
HELD = SILENT.replace("target: demo", "target: demo\n    identity: {identity}").replace(
    "ack_within: 1h, human_within: 1 business day", "ack_within: 1s, human_within: 1s")


def test_a_deadline_held_open_for_a_mailbox_that_refuses_login_is_not_read_for_again_and_again(
        run_journeys, mail_config, monkeypatch):
    """A second identity whose mailbox refuses the login: its answers' deadlines pass and stay pending (held
    open: nobody can tell whether an answer came). `run --wait` goes on waiting for the other mailbox, reading
    it when mail comes or a deadline falls due, not in a loop every 0.05 s until the wait ends."""
    import probes.harvest

    cfg = mail_config.model_copy(deep=True)
    second = cfg.identities["shopper"].model_copy(deep=True)
    second.email.imap.password = "${HELD_TEST_WRONG_PASSWORD}"
    monkeypatch.setenv("HELD_TEST_WRONG_PASSWORD", "not-the-password")
    cfg.identities["second"] = second
    reads = []
    plain = probes.harvest.harvest
    monkeypatch.setattr(probes.harvest, "harvest", lambda *a, **k: reads.append(1) or plain(*a, **k))
    wait_s = 8.0
    ran = run_journeys(HELD.format(name="Held open", identity="second"), cfg=cfg, wait_s=wait_s)
    assert {a["kind"]: a["status"] for a in ran.rows["awaits"] if a["kind"] in ("ack", "human")} == \
        {"ack": "pending", "human": "pending"}   # never judged on a mailbox nobody could read
    # Reads: the first, one after the deadlines (closing what it can), then one at the end of each IDLE or
    # NOOP wait (at most 60 s) or new mail: a handful, where looking every 0.05 s made about a hundred.
    assert len(reads) <= 10, len(reads)
